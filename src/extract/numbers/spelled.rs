//! Spelled-out numbers: cardinals, ordinals and collective nouns, in the grammar the lexicon
//! names: a phrase of words (`numbers/phrase.rs`: "two hundred and forty", "doscientos
//! cuarenta y dos") or one compound word (`numbers/compound.rs`: "duecentoquaranta").
//!
//! An article alone ("a", "un", "una") is never a number: it only counts in front of a
//! collective or scale word ("una dozzina", "a dozen", "un millón").

pub use super::reading::Spelled;
use crate::extract::lang::spelled::Grammar;
use crate::extract::tokens::context::Context;

/// Reads a spelled number starting at token `start`.
/// `lower` is the word at `start`, lower-cased.
pub fn read_spelled(context: &Context, start: usize, lower: &str) -> Option<Spelled> {
    let spelled = context.lexicon.numbers.spelled;
    match &spelled.grammar {
        Grammar::Phrase(words) => super::phrase::read_phrase(context, spelled, words, start, lower),
        Grammar::Compound(words) => {
            super::compound::read_compound(context, spelled, words, start, lower)
        }
    }
}

#[cfg(test)]
#[path = "spelled_tests.rs"]
mod tests;
