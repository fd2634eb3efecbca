//! The shape of one part of a language's lexicon. Words of numbers: which of `.` and `,` a
//! language writes as its decimal separator, sign words ("minus"), the words of "1 point 5"
//! and "3 over 4", scale words ("miliardi", "bn") and multipliers ("dozen"). Spelled cardinals
//! and ordinals move here next.
//!
//! Each language fills one [`NumberWords`] in `lang/<code>/numbers.rs`; pipeline code reads only
//! the fields, never a language's words.

use super::index::{contains_word, same_word};

/// See the module documentation.
#[derive(Debug)]
pub struct NumberWords {
    /// The language writes `1.234,5` (decimal comma, dot groups) rather than `1,234.5`.
    pub decimal_comma: bool,
    /// Lower-case words that turn the number after them negative.
    pub sign_words: &'static [&'static str],
    /// The word of a spoken decimal ("1 point 5"), and of a spoken ratio ("3 over 4").
    pub point_word: &'static str,
    pub ratio_word: &'static str,
    /// Ratios written with several words ("cuatro de cada diez").
    pub ratio_phrases: &'static [&'static [&'static str]],
    /// Lower-case scale words after a number, with what each multiplies by.
    pub scale_words: &'static [(&'static str, ScaleWord)],
    /// Lower-case words that multiply the number before them ("3 dozens").
    pub multiplier_words: &'static [(&'static str, u64)],
    /// Suffixes that make digits an ordinal ("75°", "3rd", "1.º").
    pub ordinal_suffixes: OrdinalSuffixes,
    /// Spelled numbers: their grammar and words.
    pub spelled: &'static super::spelled::SpelledWords,
}

/// How a language marks an ordinal written in digits.
#[derive(Debug)]
pub struct OrdinalSuffixes {
    /// Words glued to the digits ("mo", "esimo", "º").
    pub words: &'static [&'static str],
    /// Suffixes written after a dot ("el 205.º aniversario", "1.er puesto").
    pub after_dot: &'static [&'static str],
    /// A glued degree sign is an ordinal ("il 75° anniversario") when no word is glued after it.
    pub degree_sign: bool,
    /// The suffix depends on the last digits: (1, 2, 3, other, 11–13), as English "st", "nd",
    /// "rd", "th", "th".
    pub by_last_digit: Option<[&'static str; 5]>,
}

impl OrdinalSuffixes {
    /// Whether `suffix` (lower-case) is one of the language's ordinal endings, whatever the
    /// number before it.
    pub fn is_suffix(&self, suffix: &str) -> bool {
        self.words.contains(&suffix)
            || self
                .by_last_digit
                .is_some_and(|endings| endings.contains(&suffix))
    }

    /// Whether `suffix` (lower-case) after `value` makes an ordinal.
    pub fn accepts(&self, value: i128, suffix: &str) -> bool {
        if self.words.contains(&suffix) {
            return true;
        }
        let Some([one, two, three, other, teens]) = self.by_last_digit else {
            return false;
        };
        let expected = match (value % 100, value % 10) {
            (11..=13, _) => teens,
            (_, 1) => one,
            (_, 2) => two,
            (_, 3) => three,
            _ => other,
        };
        suffix == expected
    }
}

/// What a scale word multiplies by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScaleWord {
    /// Power of ten of the reading used.
    pub exponent: u32,
    /// Power of ten of the other reading (the long scale's), when the word is ambiguous.
    pub long_scale_exponent: Option<u32>,
    /// Only a scale word when the amount is money ("5m" is five metres otherwise).
    pub money_only: bool,
}

/// A scale word with one reading.
pub const fn scale(exponent: u32) -> ScaleWord {
    ScaleWord {
        exponent,
        long_scale_exponent: None,
        money_only: false,
    }
}

/// A scale word read as `exponent`, which dictionaries give as `long_scale_exponent`.
pub const fn ambiguous_scale(exponent: u32, long_scale_exponent: u32) -> ScaleWord {
    ScaleWord {
        exponent,
        long_scale_exponent: Some(long_scale_exponent),
        money_only: false,
    }
}

/// A one-letter scale that only counts next to a currency.
pub const fn money_scale(exponent: u32) -> ScaleWord {
    ScaleWord {
        exponent,
        long_scale_exponent: None,
        money_only: true,
    }
}

impl NumberWords {
    /// The scale word `lower`, if it is one.
    pub fn scale_word(&self, lower: &str) -> Option<ScaleWord> {
        self.scale_words
            .iter()
            .find(|(word, _)| same_word(word, lower))
            .map(|&(_, scale)| scale)
    }

    /// The multiplier word `lower`, if it is one.
    pub fn multiplier_word(&self, lower: &str) -> Option<u64> {
        self.multiplier_words
            .iter()
            .find(|(word, _)| same_word(word, lower))
            .map(|&(_, factor)| factor)
    }

    /// Whether `lower` turns the number after it negative.
    pub fn is_sign_word(&self, lower: &str) -> bool {
        contains_word(self.sign_words, lower)
    }
}
