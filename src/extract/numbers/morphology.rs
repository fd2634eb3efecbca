//! The morphology of a compound grammar (Italian): cardinals, ordinals and fraction
//! denominators written as one word ("duemilatrecento", "settantacinquesimo", "terzi"),
//! decomposed from the stems in the lexicon's [`CompoundWords`].

use crate::extract::lang::spelled::{CompoundWords, SpelledWords};

/// Whether `word` (lower-case) starts like a number word of the grammar.
pub fn may_be_number(words: &CompoundWords, spelled: &SpelledWords, word: &str) -> bool {
    match word.as_bytes() {
        [first, second, third, ..] => words.starts.contains(&&[*first, *second, *third]),
        _ => spelled.one_articles.contains(&word),
    }
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
