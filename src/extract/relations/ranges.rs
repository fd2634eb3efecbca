//! Coordinated figures: the two ends of a range share what is written once. In "between $3 and
//! $4 billion", "tra 16 e 19 miliardi di euro" or "dal 5 al 7%" the first end carries no scale,
//! currency or percent sign of its own and takes the second end's.
//!
//! In: the claims found, in text order. Out: the same claims, the first end of each range
//! completed. Two claims are a range when only a joiner of the language (`lang/<code>/cues.rs`)
//! stands between them; the first end must be a bare number or of the second's kind and unit,
//! and, when a scale is shared, must stay no larger than the second once scaled.

use crate::extract::found::Found;
use crate::extract::numbers::number::power_of_ten;
use crate::extract::tokens::context::Context;
use crate::model::ClaimKind;

/// Completes the first end of every range in `found`.
pub fn share_range_ends(context: &Context, found: &mut [Found]) {
    for index in 1..found.len() {
        let (before, after) = found.split_at_mut(index);
        let (first, second) = (&mut before[index - 1], &after[0]);
        if !joined(context, first, second) || !completes(first, second) {
            continue;
        }
        let factor = match (&first.scale, &second.scale) {
            (None, Some(scale)) => {
                match context.lexicon.numbers.scale_word(&scale.to_lowercase()) {
                    Some(word) => power_of_ten(word.exponent),
                    None => continue,
                }
            }
            _ => rust_decimal::Decimal::ONE,
        };
        let Some(value) = first.value.checked_mul(factor) else {
            continue;
        };
        // A scale shared must keep the first end below the second ("between 3 and 4 billion");
        // without one, a range may fall ("dal 12 all'11%", "from 12 to 11%").
        if factor != rust_decimal::Decimal::ONE && value > second.value {
            continue;
        }
        first.value = value;
        first.low = first.low.checked_mul(factor).unwrap_or(first.low);
        first.high = first.high.checked_mul(factor).unwrap_or(first.high);
        if first.scale.is_none() {
            first.scale.clone_from(&second.scale);
        }
        first.kind = second.kind;
        first.unit.clone_from(&second.unit);
    }
}

/// "luglio-settembre 2019", "from July to September 2019", "de julio a septiembre de 2019":
/// the first month of a range takes the year written once, after the second.
pub fn share_range_years(context: &Context, found: &mut [Found]) {
    for index in 1..found.len() {
        let (before, after) = found.split_at_mut(index);
        let (first, second) = (&mut before[index - 1], &after[0]);
        if first.kind != ClaimKind::Date || second.kind != ClaimKind::Date {
            continue;
        }
        let (Some(first_date), Some(second_date)) = (&first.date, &second.date) else {
            continue;
        };
        // Two months, the first without digits of its own, the second with its year.
        let first_text = &context.text[first.start..first.end];
        let second_text = &context.text[second.start..second.end];
        let months = first_date.len() == 7 && second_date.len() == 7;
        let year = &second_date[..4];
        if !months
            || first_text.bytes().any(|b| b.is_ascii_digit())
            || !second_text.contains(year)
            || !joined(context, first, second)
        {
            continue;
        }
        let Ok(year_value) = year.parse::<i32>() else {
            continue;
        };
        if first_date[5..] > second_date[5..] {
            continue;
        }
        first.date = Some(format!("{year}{}", &first_date[4..]));
        first.value = year_value.into();
        first.low = first.value;
        first.high = first.value;
    }
}

/// Whether only a range joiner stands between the two claims.
fn joined(context: &Context, first: &Found, second: &Found) -> bool {
    let Some(between) = context.text.get(first.end..second.start) else {
        return false;
    };
    let between = between.trim();
    !between.is_empty()
        && context
            .lexicon
            .cues
            .range_joiners
            .iter()
            .any(|joiner| between.eq_ignore_ascii_case(joiner))
}

/// Whether `first` lacks what `second` states: a bare number before an amount, or an amount
/// of the same kind and unit without the second's scale.
fn completes(first: &Found, second: &Found) -> bool {
    let amount = matches!(
        second.kind,
        ClaimKind::Money | ClaimKind::Percent | ClaimKind::Quantity | ClaimKind::Duration
    );
    if first.kind == ClaimKind::Number {
        return amount || second.scale.is_some();
    }
    first.kind == second.kind
        && first.unit == second.unit
        && first.scale.is_none()
        && second.scale.is_some()
        && matches!(second.kind, ClaimKind::Money | ClaimKind::Number)
}
