//! Notations that extend a number written in digits: fractions ("3/4", "-4/5", "2 1/4"; the
//! vulgar fraction characters of "3½" are read with the digits, in `numbers/vulgar.rs`),
//! scientific notation ("1e10", "-12e-1"), powers ("1.1^23", "2,5^-1"), ratios in words
//! ("1 over 3", "1 su 3"), and sign words before a number ("minus 5", "meno 1.200.000").
//!
//! A slash reads as a fraction only between two plain integers, numerator smaller than the
//! denominator, with no further slash and no year after it (so "24/7", "2/2013" and
//! "15/01/2024" are not fractions). Fractions and powers are exact: their precision interval is the value itself.

use super::fraction::{fraction_value, over_ratio, point_decimals, ratio_end};
use super::number::{half_unit, power_of_ten};
use crate::extract::amounts::amount::Core;
use crate::extract::tokens::context::Context;
use rust_decimal::Decimal;

/// A plain integer literal at `at` glued to the token before it.
fn glued_integer(context: &Context, at: usize) -> Option<Decimal> {
    context
        .number(at)
        .filter(|n| n.plain && context.glued(at))
        .map(|n| n.value)
}

/// Whether the literal at `index` is an integer written with digits only (a sign allowed).
fn is_integer_literal(context: &Context, index: usize) -> bool {
    context.number(index).is_some_and(|n| {
        let sign_len = n.sign.map_or(0, char::len_utf8);
        n.decimals == 0 && n.end - n.start == sign_len + n.digit_count
    })
}

/// `numerator/denominator` at `index` (the numerator's token): (value, token after).
fn slash_fraction(context: &Context, index: usize) -> Option<(Decimal, usize)> {
    if !is_integer_literal(context, index)
        || context.symbol(index + 1) != Some('/')
        || !context.glued(index + 1)
    {
        return None;
    }
    let numerator = context.number(index)?.value;
    let denominator = glued_integer(context, index + 2)?;
    let more = context.glued(index + 3) && context.symbol(index + 3) == Some('/');
    // "2/2013" is a month and a year.
    let year_like = context
        .number(index + 2)
        .is_some_and(|n| n.digit_count == 4 && (1000..=2100).contains(&n.value.mantissa()));
    if year_like {
        return None;
    }
    let preceded = context.glued(index) && context.symbol(index - 1) == Some('/');
    if more || preceded || denominator.is_zero() || numerator.abs() >= denominator {
        return None;
    }
    let value = fraction_value(Decimal::ZERO, numerator, denominator)?;
    Some((value, index + 3))
}

/// Extends the number of `core` (a digit literal at `core.next - 1`) with what is glued to it.
pub fn extend_digits(context: &Context, core: &mut Core) {
    let index = core.next - 1;
    let Some(number) = context.number(index) else {
        return;
    };
    let after = index + 1;
    if context.glued(after) {
        match context.symbol(after) {
            Some('/') => {
                if let Some((value, next)) = slash_fraction(context, index) {
                    set_exact(core, value, next);
                }
            }
            Some('^') => {
                if let Some((power, next)) = power_after(context, index) {
                    let base = number.value.abs();
                    if let Some(value) = integer_power(base, power).and_then(|v| v.round_sf(15)) {
                        let signed = if number.value.is_sign_negative() {
                            -value
                        } else {
                            value
                        };
                        set_exact(core, signed.normalize(), next);
                    }
                }
            }
            None => scientific(context, core, index),
            Some(_) => {}
        }
        return;
    }
    if !number.plain || !context.follows(after) {
        return;
    }
    // "2 1/4": a whole number, then a proper fraction.
    if context.number(after).is_some() {
        if let Some((fraction, next)) = slash_fraction(context, after) {
            if fraction.is_sign_positive() {
                if let Some(value) = number.value.checked_add(fraction) {
                    set_exact(core, value, next);
                }
            }
        }
        return;
    }
    let Some(word) = context.lower(after) else {
        return;
    };
    let point_word = context.lexicon.numbers.point_word;
    let word = word.as_str();
    if word == point_word {
        // "1 point 1", "2 virgola 5".
        let integer = u64::try_from(number.value.mantissa()).ok();
        if let Some(decimal) = integer.and_then(|i| point_decimals(context, i, after + 1)) {
            core.value = decimal.value;
            core.decimals = decimal.decimals;
            core.next = decimal.next;
            core.year = None;
        }
    } else if let Some(denominator_at) = ratio_end(context, after) {
        // "1 over 3", "1 su 3", "4 de cada 10".
        if let Some(ratio) = over_ratio(context, number.value, denominator_at) {
            set_exact(core, ratio.value, ratio.next);
        }
    }
}

/// "1e10", "-12e-1": scientific notation glued to the number at `index`.
fn scientific(context: &Context, core: &mut Core, index: usize) {
    let Some(number) = context.number(index) else {
        return;
    };
    let Some((exponent, next)) = exponent_after(context, index) else {
        return;
    };
    let factor = power_of_ten(exponent.unsigned_abs());
    let (scaled, half) = if exponent >= 0 {
        (
            number.value.checked_mul(factor),
            half_unit(number.decimals).checked_mul(factor),
        )
    } else {
        (
            number.value.checked_div(factor),
            half_unit(number.decimals).checked_div(factor),
        )
    };
    if let (Some(value), Some(half)) = (scaled, half) {
        core.value = value.normalize();
        core.half = Some(half);
        core.next = next;
        core.year = None;
    }
}

/// `base^power` for a small integer power, by repeated multiplication.
fn integer_power(base: Decimal, power: i64) -> Option<Decimal> {
    let mut result = Decimal::ONE;
    for _ in 0..power.unsigned_abs() {
        result = result.checked_mul(base)?;
    }
    if power < 0 {
        Decimal::ONE.checked_div(result)
    } else {
        Some(result)
    }
}

fn set_exact(core: &mut Core, value: Decimal, next: usize) {
    core.value = value;
    core.half = Some(Decimal::ZERO);
    core.next = next;
    core.year = None;
    core.ambiguity = None;
}

/// A signed small integer made of an optional glued sign symbol and a glued plain number
/// starting at `at`: (value, token after).
fn glued_signed_integer(context: &Context, at: usize) -> Option<(i64, usize)> {
    let (negative, digits_at) = match context.symbol(at) {
        Some('-' | '\u{2212}') if context.glued(at) => (true, at + 1),
        Some('+') if context.glued(at) => (false, at + 1),
        _ => (false, at),
    };
    let magnitude = i64::try_from(glued_integer(context, digits_at)?.mantissa()).ok()?;
    (magnitude <= 28).then_some((if negative { -magnitude } else { magnitude }, digits_at + 1))
}

/// "e10", "E-3" glued after a number: (exponent, token after).
fn exponent_after(context: &Context, index: usize) -> Option<(i32, usize)> {
    let at = index + 1;
    if !context.glued(at) {
        return None;
    }
    let word = context.word(at)?;
    let digits = word.strip_prefix(['e', 'E'])?;
    if digits.is_empty() {
        let (exponent, next) = glued_signed_integer(context, at + 1)?;
        return Some((exponent as i32, next));
    }
    if digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let exponent: i32 = digits.parse().ok()?;
    (exponent <= 28).then_some((exponent, at + 1))
}

/// "^23", "^-1", "^+23" glued after a number: (power, token after).
fn power_after(context: &Context, index: usize) -> Option<(i64, usize)> {
    let at = index + 1;
    if context.symbol(at) != Some('^') || !context.glued(at) {
        return None;
    }
    glued_signed_integer(context, at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_powers() {
        let base = Decimal::new(25, 1);
        assert_eq!(integer_power(base, 2), Some(Decimal::new(625, 2)));
        assert_eq!(integer_power(base, -1), Some(Decimal::new(4, 1)));
        assert_eq!(integer_power(Decimal::ZERO, -1), None);
    }

    #[test]
    fn sign_words_by_language() {
        use crate::extract::lang::lexicon;
        use crate::model::Lang;
        assert!(lexicon(Lang::En).numbers.is_sign_word("minus"));
        assert!(lexicon(Lang::It).numbers.is_sign_word("meno"));
        assert!(!lexicon(Lang::En).numbers.is_sign_word("meno"));
        assert!(lexicon(Lang::Es).numbers.is_sign_word("menos"));
    }
}
