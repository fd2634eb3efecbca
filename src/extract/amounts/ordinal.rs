//! Ordinals written in digits: "75°", "75mo", "75th", "1st", "205.º", with the suffixes of the
//! language (`lang/<code>/numbers.rs`). An ordinal before a quarter or half of the year ("3°
//! trimestre", "2nd quarter of 2024", "el 2.º semestre") is that period, a date claim.

use crate::extract::found::Found;
use crate::extract::tokens::context::Context;
use crate::model::ClaimKind;

/// `75mo`, `75°`, `75esimo`, `75th`, `1st`.
pub fn digit_ordinal(context: &Context, index: usize) -> Option<(Found, usize)> {
    let number = context.number(index)?;
    if !number.plain || !context.glued(index + 1) {
        return None;
    }
    let suffixes = &context.lexicon.numbers.ordinal_suffixes;
    // "205.º", "1.er": a dot, then the suffix.
    let dotted = context.symbol(index + 1) == Some('.')
        && context.glued(index + 2)
        && context
            .lower(index + 2)
            .is_some_and(|suffix| suffixes.after_dot.contains(&suffix.as_str()));
    if dotted {
        let value = i64::try_from(number.value.mantissa()).ok()?;
        if let Some(period) = ordinal_period(context, index, index + 3, value) {
            return Some(period);
        }
        let token = context.tokens[index + 2];
        let found = Found::exact(ClaimKind::Ordinal, number.start, token.end, index, value);
        return Some((found, index + 3));
    }
    let suffix_ok = match context.symbol(index + 1) {
        Some('°') => {
            suffixes.degree_sign
                && context
                    .word(index + 2)
                    .is_none_or(|_| !context.glued(index + 2))
        }
        Some(symbol @ ('º' | 'ª')) => suffixes.accepts(0, symbol.encode_utf8(&mut [0; 4])),
        Some(_) => false,
        None => {
            let lower = context.lower(index + 1)?;
            suffixes.accepts(number.value.mantissa(), lower.as_str())
        }
    };
    if !suffix_ok {
        return None;
    }
    let value = i64::try_from(number.value.mantissa()).ok()?;
    if let Some(period) = ordinal_period(context, index, index + 2, value) {
        return Some(period);
    }
    let token = context.tokens[index + 1];
    let mut found = Found::exact(ClaimKind::Ordinal, number.start, token.end, index, value);
    found.end = token.end;
    Some((found, index + 2))
}

/// "3° trimestre", "2nd quarter of 2024", "el 2.º semestre": a digit ordinal (from `index`)
/// numbering the part of the year whose word is at `at`.
fn ordinal_period(
    context: &Context,
    index: usize,
    at: usize,
    value: i64,
) -> Option<(Found, usize)> {
    let rank = i32::try_from(value).ok()?;
    crate::extract::time::ordinal::part_of_year(context, index, at, rank)
}
