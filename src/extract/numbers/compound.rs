//! Spelled numbers of a compound grammar (Italian): numbers below a million are one word
//! ("ventitré", "duemilatrecento", "settantacinquesimo"), decomposed morphologically from the
//! stems in the lexicon's [`CompoundWords`].

use super::fraction::compound_fraction;
use super::morphology::{cardinal, may_be_number, ordinal};
use super::reading::{Spelled, preceded_by_article};
use crate::extract::lang::spelled::{CompoundWords, SpelledWords};
use crate::extract::tokens::context::Context;

/// Reads a spelled number at `start`, whose lower-case word is `word`.
pub fn read_compound(
    context: &Context,
    spelled: &SpelledWords,
    words: &CompoundWords,
    start: usize,
    word: &str,
) -> Option<Spelled> {
    if !may_be_number(words, spelled, word) {
        return None;
    }
    let simple = |value, next, ordinal| Spelled {
        ordinal,
        ..Spelled::integer(value, next)
    };
    if spelled.one_articles.contains(&word) {
        if context.follows(start + 1) {
            if let Some(next) = context.lower(start + 1) {
                if let Some(&(_, value, approx)) =
                    spelled.collectives.iter().find(|c| c.0 == next.as_str())
                {
                    return Some(Spelled {
                        approx,
                        collective: true,
                        ..Spelled::integer(value, start + 2)
                    });
                }
                if context
                    .lexicon
                    .numbers
                    .scale_word(next.as_str())
                    .is_some_and(|s| !s.money_only)
                {
                    return Some(simple(1, start + 1, false));
                }
            }
        }
        // "un quinto", "uno su tre".
        if let Some(fraction) = compound_fraction(context, 1, start + 1) {
            return Some(fraction);
        }
        let standalone = word == words.units[0]
            && (context.word(start + 1).is_none()
                || context.word_is(start + 1, words.after_lone_one));
        return standalone.then(|| simple(1, start + 1, false));
    }
    if spelled.half_words.contains(&word) {
        let next = context.lower(start + 1)?;
        if let Some(&(_, value, _)) = spelled.collectives.iter().find(|c| c.0 == next.as_str()) {
            return (value % 2 == 0).then(|| Spelled {
                collective: true,
                ..Spelled::integer(value / 2, start + 2)
            });
        }
        // "mezzo milione": half, then the scale word multiplies it.
        if super::phrase::non_money_scale(context, next.as_str()) {
            return Some(Spelled {
                value: rust_decimal::Decimal::new(5, 1),
                decimals: 1,
                ..Spelled::integer(0, start + 1)
            });
        }
        // "mezzo punto", "mezza giornata": half of a unit.
        let unit = context.follows(start + 1)
            && crate::extract::amounts::words::starts_unit(context, start + 1);
        return unit.then(|| Spelled {
            value: rust_decimal::Decimal::new(5, 1),
            exact: true,
            ..Spelled::integer(0, start + 1)
        });
    }
    let cardinal = cardinal(words, word).or_else(|| (word == words.zero).then_some(0));
    if let Some(value) = cardinal {
        if let Some(fraction) = compound_fraction(context, value, start + 1) {
            return Some(fraction);
        }
        return Some(simple(value, start + 1, false));
    }
    // "settant'anni": a tens word elided before an apostrophe.
    if let Some(tens) = elided_tens(words, word) {
        let apostrophe = matches!(context.symbol(start + 1), Some('\'' | '’'));
        if apostrophe && context.glued(start + 1) {
            return Some(simple(tens, start + 1, false));
        }
    }
    let (value, irregular) = ordinal(words, word)?;
    if irregular
        && !preceded_by_article(context, start)
        && !ordinal_by_position(context, words, start, word)
    {
        return None;
    }
    Some(simple(value, start + 1, true))
}

fn elided_tens(words: &CompoundWords, word: &str) -> Option<u64> {
    words
        .tens
        .iter()
        .position(|(stem, _)| *stem == word)
        .map(|p| (p as u64 + 2) * 10)
}

/// An irregular ordinal ("quinto", "prima") without an article: an ordinal when it stands
/// alone (a heading, a list item) or before a lower-case noun ("prima classe"). Ambiguous
/// ordinals ("secondo", "according to") and ordinals before words that are no nouns are not.
fn ordinal_by_position(context: &Context, words: &CompoundWords, start: usize, word: &str) -> bool {
    let before_is_word = start > 0 && context.word(start - 1).is_some() && context.follows(start);
    let after = start + 1;
    let after_is_word = context.word(after).is_some() && context.follows(after);
    if !before_is_word && !after_is_word && context.tokens.get(after).is_none() {
        return true;
    }
    if words.ambiguous_ordinals.contains(&word) || !after_is_word || context.capitalised(after) {
        return false;
    }
    context.lower(after).is_some_and(|noun| {
        let noun = noun.as_str();
        crate::extract::amounts::units::can_be_count_noun(noun, context.lexicon.amounts)
            && !words.not_nouns.contains(&noun)
    })
}
