//! Spelled numbers of a compound grammar (Italian): numbers below a million are one word
//! ("ventitré", "duemilatrecento", "settantacinquesimo"), decomposed morphologically from the
//! stems in the lexicon's [`CompoundWords`].

use super::fraction::compound_fraction;
use super::spelled::{Spelled, preceded_by_article};
use crate::extract::lang::spelled::{CompoundWords, SpelledWords};
use crate::extract::tokens::context::Context;

/// Whether `word` (lower-case) starts like a number word of the grammar.
pub fn may_be_number(words: &CompoundWords, spelled: &SpelledWords, word: &str) -> bool {
    match word.as_bytes() {
        [first, second, third, ..] => words.starts.contains(&&[*first, *second, *third]),
        _ => spelled.one_articles.contains(&word),
    }
}

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

/// A cardinal written as one word, 1 … 999 999 ("ventitré", "duemilatrecento").
pub fn cardinal(words: &CompoundWords, word: &str) -> Option<u64> {
    if word.len() < 3 {
        return None;
    }
    if let Some(rest) = word.strip_prefix(words.thousand) {
        return Some(1000 + below_thousand_or_zero(words, rest)?);
    }
    if let Some(position) = word.find(words.thousands) {
        let thousands = below_thousand(words, &word[..position])?;
        if thousands < 2 {
            return None;
        }
        let rest = &word[position + words.thousands.len()..];
        return Some(thousands * 1000 + below_thousand_or_zero(words, rest)?);
    }
    below_thousand(words, word)
}

fn below_thousand_or_zero(words: &CompoundWords, word: &str) -> Option<u64> {
    if word.is_empty() {
        Some(0)
    } else {
        below_thousand(words, word)
    }
}

fn below_thousand(words: &CompoundWords, word: &str) -> Option<u64> {
    if let Some(position) = word.find(words.hundred) {
        let hundreds = match &word[..position] {
            "" => 1,
            prefix => {
                let units = words.units.iter().position(|&u| u == prefix)? as u64 + 1;
                if units < 2 {
                    return None;
                }
                units
            }
        };
        let rest = &word[position + words.hundred.len()..];
        let vowel = words.hundred_vowel;
        let remainder = if rest.len() == vowel.len_utf8() && rest.starts_with(vowel) {
            0
        } else {
            match rest.strip_prefix(vowel) {
                Some(after) if !after.is_empty() => {
                    below_hundred(words, after).or_else(|| below_hundred(words, rest))?
                }
                _ => below_hundred(words, rest)?,
            }
        };
        return Some(hundreds * 100 + remainder);
    }
    below_hundred(words, word)
}

fn unit_value(words: &CompoundWords, word: &str) -> Option<u64> {
    if let Some(&(_, value)) = words.unit_variants.iter().find(|(w, _)| *w == word) {
        return Some(value);
    }
    words
        .units
        .iter()
        .position(|&u| u == word)
        .map(|p| p as u64 + 1)
}

fn below_hundred(words: &CompoundWords, word: &str) -> Option<u64> {
    if let Some(units) = unit_value(words, word) {
        return Some(units);
    }
    if let Some(p) = words.teens.iter().position(|&t| t == word) {
        return Some(p as u64 + 10);
    }
    for (index, (stem, vowel)) in words.tens.iter().enumerate() {
        let Some(rest) = word.strip_prefix(stem) else {
            continue;
        };
        let tens = (index as u64 + 2) * 10;
        if rest == *vowel {
            return Some(tens);
        }
        // "ventuno", "trentotto" drop the vowel; "ventitré", "trentadue" keep it.
        let units = match rest.strip_prefix(vowel) {
            Some(after) => unit_value(words, after)?,
            None if words.vowel_dropping_units.contains(&rest) => unit_value(words, rest)?,
            None => return None,
        };
        return Some(tens + units);
    }
    None
}

/// The stem of `word` without its last (gender/number) letter.
fn stem(word: &str) -> Option<&str> {
    let last = word.chars().next_back()?;
    word.get(..word.len() - last.len_utf8())
}

/// A spelled ordinal: (value, irregular form that needs an article before it).
pub fn ordinal(words: &CompoundWords, word: &str) -> Option<(u64, bool)> {
    if word.len() < 4 {
        return None;
    }
    let stem = stem(word)?;
    let ending_ok = word
        .chars()
        .next_back()
        .is_some_and(|c| words.ordinal_endings.contains(&c));
    if let Some(&(_, value)) = words.irregular_ordinals.iter().find(|(s, _)| *s == stem) {
        return ending_ok.then_some((value, true));
    }
    let base = words
        .ordinal_suffixes
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))?;
    if base.is_empty() {
        return None;
    }
    words.ordinal_restored_vowels.iter().find_map(|vowel| {
        let mut candidate = String::with_capacity(base.len() + vowel.len());
        candidate.push_str(base);
        candidate.push_str(vowel);
        cardinal(words, &candidate)
            .filter(|&v| v > 10)
            .map(|v| (v, false))
    })
}

/// A fraction denominator ("terzi", "quinto", "centesimi"): (denominator, plural).
pub fn denominator(
    spelled: &SpelledWords,
    words: &CompoundWords,
    lower: &str,
) -> Option<(u64, bool)> {
    if let Some(&(_, value, plural)) = spelled.denominators.iter().find(|d| d.0 == lower) {
        return Some((value, plural));
    }
    let plural = lower
        .chars()
        .next_back()
        .is_some_and(|c| words.plural_endings.contains(&c));
    let stem = stem(lower)?;
    if words.not_denominators.contains(&stem) {
        return None;
    }
    let value = match words.irregular_ordinals.iter().find(|(s, _)| *s == stem) {
        Some(&(_, value)) if value >= 3 => value,
        Some(_) => return None,
        None => {
            ordinal(words, lower)
                .filter(|&(_, irregular)| !irregular)?
                .0
        }
    };
    Some((value, plural))
}
