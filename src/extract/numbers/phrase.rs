//! Spelled numbers of a phrase grammar (English, Spanish): compounds span words ("twenty-three",
//! "one hundred and three", "doscientos cuarenta y dos", "dos mil millones") and are read with
//! a small state machine over the [`Role`] of each word in the lexicon.

use super::fraction::{article_fraction, phrase_fraction};
use super::integer::integer_phrase;
use super::reading::{Spelled, preceded_by_article};
use crate::extract::lang::spelled::{PhraseWords, Role, SpelledWords};
use crate::extract::tokens::context::Context;
use rust_decimal::Decimal;

/// Reads a spelled number at `start`, whose lower-case word is `first`.
pub fn read_phrase(
    context: &Context,
    spelled: &SpelledWords,
    words: &PhraseWords,
    start: usize,
    first: &str,
) -> Option<Spelled> {
    let article = spelled.one_articles.contains(&first);
    let half = spelled.half_words.contains(&first);
    if !article && !half && words.role(first).is_none() {
        return None;
    }
    if article {
        if !context.follows(start + 1) {
            return None;
        }
        let next = context.lower(start + 1)?;
        if let Some(&(_, value, approx)) = spelled.collectives.iter().find(|c| c.0 == next.as_str())
        {
            return Some(Spelled {
                approx,
                collective: true,
                ..Spelled::integer(value, start + 2)
            });
        }
        match words.role(next.as_str()) {
            Some(Role::Hundred | Role::Thousand) => {}
            _ if non_money_scale(context, next.as_str()) => {
                // "un millón doscientos mil": the phrase goes on after the scale word.
                return Some(match integer_phrase(context, words, start, first) {
                    Some(phrase) if phrase.trailing_scale.is_none() && !phrase.ordinal => {
                        Spelled::integer(phrase.value, phrase.next)
                    }
                    _ => Spelled::integer(1, start + 1),
                });
            }
            _ => return article_fraction(context, start + 1),
        }
    }
    if half {
        return read_half(context, spelled, start);
    }
    let phrase = integer_phrase(context, words, start, first)?;
    if phrase.ordinal {
        if phrase.next == start + 1 && words.ambiguous_ordinals.contains(&first) {
            let alone = context.word(start + 1).is_none()
                && (start == 0 || context.word(start - 1).is_none());
            if !alone && !preceded_by_article(context, start) && !before_noun(context, start + 1) {
                return None;
            }
        }
        return Some(Spelled {
            ordinal: true,
            ..Spelled::integer(phrase.value, phrase.next)
        });
    }
    if let Some(fraction) = phrase_fraction(context, &phrase) {
        return Some(fraction);
    }
    if phrase.lone_one && start > 0 && context.word_is(start - 1, spelled.pronoun_determiners) {
        return None;
    }
    Some(Spelled::integer(phrase.value, phrase.next))
}

/// A lower-case noun right after the word ("por primera vez", "second round"): an ordinal
/// that is also an ordinary word is an ordinal before one.
fn before_noun(context: &Context, at: usize) -> bool {
    context.follows(at)
        && !context.capitalised(at)
        && context.lower(at).is_some_and(|noun| {
            let noun = noun.as_str();
            let spelled = context.lexicon.numbers.spelled;
            spelled.ordinal_nouns.contains(&noun)
                || (crate::extract::amounts::units::can_be_count_noun(
                    noun,
                    context.lexicon.amounts,
                ) && !spelled.determiners.contains(&noun))
        })
}

pub(super) fn non_money_scale(context: &Context, lower: &str) -> bool {
    context
        .lexicon
        .numbers
        .scale_word(lower)
        .is_some_and(|s| !s.money_only)
}

/// "half a dozen", "mezza dozzina", "half a million", "medio millón".
fn read_half(context: &Context, spelled: &SpelledWords, start: usize) -> Option<Spelled> {
    let mut at = start + 1;
    if context.word_is(at, spelled.one_articles) {
        at += 1;
    }
    if !context.follows(at) {
        return None;
    }
    let next = context.lower(at)?;
    if let Some(&(_, value, _)) = spelled.collectives.iter().find(|c| c.0 == next.as_str()) {
        if value % 2 == 0 {
            return Some(Spelled {
                collective: true,
                ..Spelled::integer(value / 2, at + 1)
            });
        }
    }
    if non_money_scale(context, next.as_str()) {
        return Some(Spelled {
            value: Decimal::new(5, 1),
            decimals: 1,
            ..Spelled::integer(0, at)
        });
    }
    // "half a percentage point", "medio punto", "media hora": half of a unit.
    crate::extract::amounts::words::starts_unit(context, at).then(|| Spelled {
        value: Decimal::new(5, 1),
        exact: true,
        ..Spelled::integer(0, at)
    })
}
