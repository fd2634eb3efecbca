//! Fractions and decimals written in words, on top of a spelled integer: "two thirds",
//! "one hundred and three quarters", "five and a quarter", "a twenty-first", "one over three",
//! "two hundred point seventy-one"; Italian "due terzi", "tre e un quinto", "due e mezzo",
//! "un decimo", "uno su tre", "duecento virgola settantuno".
//!
//! A fraction's value is exact in words, so it is rounded to 15 significant digits only
//! because a decimal cannot hold 2/3, and its precision interval is the value itself. The
//! numerator of a fraction after "and" is the part after the last "and" ("one hundred and three
//! quarters" is 100¾). "quarters" alone may be three months: it is read as a fraction only
//! before "of", in a mixed number, or at the end of the phrase.

use super::spelled::{Spelled, italian_cardinal, italian_ordinal};
use super::spelled_en::{EnglishWord, IntegerPhrase, english_word, integer_phrase, is_joiner};
use crate::extract::tokens::context::Context;
use crate::model::Lang;
use rust_decimal::Decimal;

const SIGNIFICANT_DIGITS: u32 = 15;

/// `whole + numerator / denominator`, rounded to 15 significant digits.
pub fn fraction_value(whole: Decimal, numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    if denominator.is_zero() {
        return None;
    }
    let quotient = numerator.checked_div(denominator)?;
    let total = whole.checked_add(quotient)?;
    Some(total.round_sf(SIGNIFICANT_DIGITS)?.normalize())
}

fn exact(value: Decimal, next: usize) -> Spelled {
    Spelled {
        value,
        exact: true,
        ..Spelled::integer(0, next)
    }
}

/// A denominator word at `at`: (denominator, plural, token after it).
fn english_denominator(context: &Context, at: usize) -> Option<(u64, bool, usize)> {
    if !context.follows(at) {
        return None;
    }
    let lower = context.lower(at)?;
    let lower = lower.as_str();
    let (singular, plural) = match lower.strip_suffix('s') {
        Some(stem) if lower != "halves" => (stem, true),
        _ => (lower, false),
    };
    let fixed = match (singular, lower) {
        (_, "half") => Some((2, false)),
        (_, "halves") => Some((2, true)),
        ("quarter", _) => Some((4, plural)),
        ("millionth", _) => Some((1_000_000, plural)),
        ("billionth", _) => Some((1_000_000_000, plural)),
        ("trillionth", _) => Some((1_000_000_000_000, plural)),
        _ => None,
    };
    if let Some((denominator, plural)) = fixed {
        return Some((denominator, plural, at + 1));
    }
    match english_word(singular)? {
        EnglishWord::OrdinalUnit(v) if v >= 3 => Some((v, plural, at + 1)),
        EnglishWord::OrdinalTens(v) => Some((v, plural, at + 1)),
        EnglishWord::OrdinalHundred => Some((100, plural, at + 1)),
        EnglishWord::OrdinalThousand => Some((1000, plural, at + 1)),
        // "twenty-first", "twenty-fifths".
        EnglishWord::Tens(tens) if !plural => {
            let mut unit_at = at + 1;
            if is_joiner(context.symbol(unit_at)) {
                unit_at += 1;
            }
            if !context.follows(unit_at) {
                return None;
            }
            let unit = context.lower(unit_at)?;
            let unit = unit.as_str();
            let (stem, unit_plural) = match unit.strip_suffix('s') {
                Some(stem) => (stem, true),
                None => (unit, false),
            };
            match english_word(stem)? {
                EnglishWord::OrdinalUnit(u) if (1..10).contains(&u) => {
                    Some((tens + u, unit_plural, unit_at + 1))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether a numerator agrees with a singular or plural denominator ("one fifth", "two
/// fifths").
fn agrees(numerator: u64, plural: bool) -> bool {
    numerator == 1 || (numerator > 1 && plural)
}

/// "quarters" not followed by "of" and followed by another word is a count of quarters.
fn quarters_as_months(context: &Context, denominator: u64, next: usize, mixed: bool) -> bool {
    denominator == 4
        && !mixed
        && context.follows(next)
        && context.word(next).is_some()
        && !context.word_is(next, &["of"])
}

/// "a third", "an eighth", "a twenty-first": one of a singular denominator at `at`.
pub fn article_fraction(context: &Context, at: usize) -> Option<Spelled> {
    let (denominator, plural, next) = english_denominator(context, at)?;
    if plural || quarters_as_months(context, denominator, next, false) {
        return None;
    }
    let value = fraction_value(Decimal::ZERO, Decimal::ONE, Decimal::from(denominator))?;
    Some(exact(value, next))
}

/// A fraction, "point" decimal or "over" ratio after an English integer phrase.
pub fn english_fraction(context: &Context, phrase: &IntegerPhrase) -> Option<Spelled> {
    let whole = Decimal::from(phrase.value);
    // "two hundred point seventy-one", "five point five".
    if context.word_is(phrase.next, &["point"]) && context.follows(phrase.next) {
        return point_decimals(context, phrase.value, phrase.next + 1);
    }
    // "two thirds", "one-eighth", "one hundred and three quarters".
    let mut at = phrase.next;
    if is_joiner(context.symbol(at)) {
        at += 1;
    }
    if let Some((denominator, plural, next)) = english_denominator(context, at) {
        let split = phrase.before_and.unwrap_or(0);
        let numerator = phrase.value - split;
        let mixed = phrase.before_and.is_some();
        if agrees(numerator, plural) && !quarters_as_months(context, denominator, next, mixed) {
            let mut fraction = fraction_value(
                Decimal::ZERO,
                Decimal::from(numerator),
                Decimal::from(denominator),
            )?;
            let mut next = next;
            // "one billion and three quarters million".
            if let Some(multiplier) = scale_after(context, next).filter(|_| mixed) {
                fraction = fraction.checked_mul(Decimal::from(multiplier))?;
                next += 1;
            }
            let value = Decimal::from(split).checked_add(fraction)?.normalize();
            return Some(exact(value, next));
        }
    }
    // "five and a quarter", "one billion and a half million", "nine and two fifths".
    let (base, and_at) = match phrase.trailing_scale {
        Some((with_scale, after)) if context.word_is(after, &["and"]) => (with_scale, after),
        _ => (phrase.value, phrase.next),
    };
    if context.word_is(and_at, &["and"]) && context.follows(and_at + 1) {
        let numerator_at = and_at + 1;
        let first = context.lower(numerator_at)?;
        let (numerator, denominator_at) = match first.as_str() {
            "a" | "an" => (1, numerator_at + 1),
            other => {
                let part = integer_phrase(context, numerator_at, other)?;
                if part.ordinal || part.before_and.is_some() {
                    return None;
                }
                (part.value, part.next)
            }
        };
        let (denominator, plural, mut next) = english_denominator(context, denominator_at)?;
        if !agrees(numerator, plural) {
            return None;
        }
        let mut fraction = fraction_value(
            Decimal::ZERO,
            Decimal::from(numerator),
            Decimal::from(denominator),
        )?;
        if let Some(multiplier) = scale_after(context, next) {
            fraction = fraction.checked_mul(Decimal::from(multiplier))?;
            next += 1;
        }
        let value = Decimal::from(base).checked_add(fraction)?.normalize();
        return Some(exact(value, next));
    }
    if phrase.trailing_scale.is_none() && context.word_is(phrase.next, &["over"]) {
        return over_ratio(context, whole, phrase.next + 1, Lang::En);
    }
    None
}

/// The multiplier of an English scale word ("million", "crore") at `at`.
fn scale_after(context: &Context, at: usize) -> Option<u64> {
    match english_word(context.lower(at).filter(|_| context.follows(at))?.as_str())? {
        EnglishWord::Scale(multiplier) => Some(multiplier),
        _ => None,
    }
}

/// Digits after "point"/"virgola": a run of single digits ("point one four") or one number
/// whose digits are the decimals ("point seventy-one").
pub fn point_decimals(context: &Context, integer: u64, at: usize) -> Option<Spelled> {
    if !context.follows(at) {
        return None;
    }
    let (digits, next) = if context.number(at).is_some_and(|n| n.plain) {
        (context.slice(at).to_string(), at + 1)
    } else {
        let mut digits = String::new();
        let mut index = at;
        let mut next = at;
        while let Some((value, after)) = integer_at(context, index) {
            let single = value < 10;
            if !single && !digits.is_empty() {
                break;
            }
            digits.push_str(&value.to_string());
            next = after;
            index = after;
            if !single {
                break;
            }
        }
        (digits, next)
    };
    if digits.is_empty() || digits.len() > 12 {
        return None;
    }
    let decimals = digits.len() as u32;
    let fractional: i64 = digits.parse().ok()?;
    let value = Decimal::from(integer).checked_add(Decimal::new(fractional, decimals))?;
    Some(Spelled {
        value,
        decimals,
        ..Spelled::integer(0, next)
    })
}

/// An integer written in digits (plain) or in words at `at`: (value, token after).
pub fn integer_at(context: &Context, at: usize) -> Option<(u64, usize)> {
    if let Some(number) = context.number(at) {
        return number
            .plain
            .then(|| u64::try_from(number.value.mantissa()).ok())
            .flatten()
            .map(|v| (v, at + 1));
    }
    let lower = context.lower(at)?;
    let lower = lower.as_str();
    match context.lang {
        Lang::En => {
            if matches!(lower, "a" | "an") {
                return None;
            }
            let phrase = integer_phrase(context, at, lower)?;
            (!phrase.ordinal).then_some((phrase.value, phrase.next))
        }
        Lang::It => match lower {
            "uno" | "una" | "un" => Some((1, at + 1)),
            "zero" => Some((0, at + 1)),
            _ => italian_cardinal(lower).map(|v| (v, at + 1)),
        },
    }
}

/// "one over three", "1 su 3": the numerator must be smaller than the denominator. In English
/// nothing may follow the denominator ("over three years" is a period, not a ratio).
pub fn over_ratio(context: &Context, numerator: Decimal, at: usize, lang: Lang) -> Option<Spelled> {
    if !context.follows(at) {
        return None;
    }
    let (denominator, next) = integer_at(context, at)?;
    let denominator = Decimal::from(denominator);
    if numerator.is_zero() || numerator >= denominator {
        return None;
    }
    if lang == Lang::En && context.follows(next) && context.word(next).is_some() {
        return None;
    }
    let value = fraction_value(Decimal::ZERO, numerator, denominator)?;
    Some(exact(value, next))
}

/// An Italian denominator: (denominator, plural). "centesimo/i" are cents, not hundredths.
fn italian_denominator(lower: &str) -> Option<(u64, bool)> {
    let plural = matches!(lower.as_bytes().last(), Some(b'i' | b'e'));
    let stem = lower.get(..lower.len().checked_sub(1)?)?;
    let value = match stem {
        "mezz" => 2,
        "terz" => 3,
        "quart" => 4,
        "quint" => 5,
        "sest" => 6,
        "settim" => 7,
        "ottav" => 8,
        "non" => 9,
        "decim" => 10,
        "centesim" => return None,
        "milionesim" => 1_000_000,
        "miliardesim" | "bilionesim" => 1_000_000_000,
        "trilionesim" => 1_000_000_000_000,
        _ => {
            italian_ordinal(lower)
                .filter(|&(_, irregular)| !irregular)?
                .0
        }
    };
    Some((value, plural))
}

/// A fraction, "virgola" decimal or "su" ratio after an Italian integer (tokens up to `next`).
pub fn italian_fraction(context: &Context, value: u64, next: usize) -> Option<Spelled> {
    if !context.follows(next) {
        return None;
    }
    let whole = Decimal::from(value);
    let lower = context.lower(next)?;
    match lower.as_str() {
        "virgola" => point_decimals(context, value, next + 1),
        "su" => over_ratio(context, whole, next + 1, Lang::It),
        "e" => {
            let numerator_at = next + 1;
            if !context.follows(numerator_at) {
                return None;
            }
            // "due e mezzo".
            if context.word_is(numerator_at, &["mezzo", "mezza"]) {
                let value = whole.checked_add(Decimal::new(5, 1))?;
                return Some(exact(value, numerator_at + 1));
            }
            let (numerator, denominator_at) = integer_at(context, numerator_at)?;
            let denominator_word = context.lower(denominator_at)?;
            let (denominator, plural) = italian_denominator(denominator_word.as_str())?;
            if !agrees(numerator, plural) || !context.follows(denominator_at) {
                return None;
            }
            let value =
                fraction_value(whole, Decimal::from(numerator), Decimal::from(denominator))?;
            Some(exact(value, denominator_at + 1))
        }
        other => {
            let (denominator, plural) = italian_denominator(other)?;
            if !agrees(value, plural) {
                return None;
            }
            let value = fraction_value(Decimal::ZERO, whole, Decimal::from(denominator))?;
            Some(exact(value, next + 1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fraction_values_round_to_fifteen_digits() {
        let third = fraction_value(Decimal::ZERO, Decimal::ONE, Decimal::from(3)).unwrap();
        assert_eq!(third.to_string(), "0.333333333333333");
        let mixed = fraction_value(Decimal::from(103), Decimal::from(2), Decimal::from(3));
        assert_eq!(mixed.unwrap().to_string(), "103.666666666667");
        assert!(fraction_value(Decimal::ZERO, Decimal::ONE, Decimal::ZERO).is_none());
    }

    #[test]
    fn italian_denominators() {
        assert_eq!(italian_denominator("terzi"), Some((3, true)));
        assert_eq!(italian_denominator("quinto"), Some((5, false)));
        assert_eq!(italian_denominator("mezzo"), Some((2, false)));
        assert_eq!(italian_denominator("ventunesimo"), Some((21, false)));
        assert_eq!(
            italian_denominator("miliardesimo"),
            Some((1_000_000_000, false))
        );
        assert_eq!(italian_denominator("centesimi"), None);
        assert_eq!(italian_denominator("secondo"), None);
    }
}
