//! Spelled-out numbers: cardinals, ordinals and collective nouns, in the grammar the lexicon
//! names: a phrase of words (`numbers/phrase.rs`: "two hundred and forty", "doscientos
//! cuarenta y dos") or one compound word (`numbers/compound.rs`: "duecentoquaranta").
//!
//! An article alone ("a", "un", "una") is never a number: it only counts in front of a
//! collective or scale word ("una dozzina", "a dozen", "un millón").

pub use super::reading::Spelled;
use crate::extract::lang::spelled::{Grammar, SpelledWords};
use crate::extract::tokens::context::Context;

/// Reads a spelled number starting at token `start`.
/// `lower` is the word at `start`, lower-cased.
pub fn read_spelled(context: &Context, start: usize, lower: &str) -> Option<Spelled> {
    let spelled = context.lexicon.numbers.spelled;
    if is_the_noun(context, spelled, start, lower) {
        return None;
    }
    match &spelled.grammar {
        Grammar::Phrase(words) => super::phrase::read_phrase(context, spelled, words, start, lower),
        Grammar::Compound(words) => {
            super::compound::read_compound(context, spelled, words, start, lower)
        }
    }
}

/// Whether the number word `lower` at `start` is the noun it is also written as: Italian
/// "venti" is twenty and winds, and a weather report's "venti da nord", "venti fino a 90
/// km/h", "forti venti" are winds (`SpelledWords::noun_homographs`).
fn is_the_noun(context: &Context, spelled: &SpelledWords, start: usize, lower: &str) -> bool {
    let Some(homograph) = spelled.noun_homographs.iter().find(|h| h.word == lower) else {
        return false;
    };
    let after = context.follows(start + 1) && context.word_is(start + 1, homograph.after);
    let before =
        start > 0 && context.follows(start) && context.word_is(start - 1, homograph.before);
    after || before
}

#[cfg(test)]
#[path = "spelled_tests.rs"]
mod tests;
