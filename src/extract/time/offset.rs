//! Dates a count of calendar units away from the article: "3 mesi fa", "two years ago",
//! "a week ago", "three weeks hence", "2 days from now", "hace tres años". The direction
//! words, before or after the count, come from the lexicon.

use super::calendar::{anchor_day, reference_day, shift_months};
use super::dates::{date_claim, day_claim, month_claim};
use crate::extract::tokens::context::Context;
use chrono::Datelike;

/// `3 mesi fa`, `two years ago`, `a week ago`, `three weeks hence`: `value` units from token
/// `first`, whose unit word is at `unit_at`.
pub fn read_offset(
    context: &Context,
    first: usize,
    value: u64,
    unit_at: usize,
) -> Option<(crate::extract::found::Found, usize)> {
    let unit = context.lower(unit_at)?;
    let Some(unit) = crate::extract::amounts::units::duration_unit(context, unit.as_str()) else {
        return super::relative::counted_other(context, first, value, unit_at);
    };
    let Some((direction, last)) = super::relative::direction_after(context, unit_at + 1) else {
        return super::relative::in_count(context, first, value, unit_at);
    };
    offset_claim(context, first, value, unit, direction, last)
}

/// "hace tres años": a direction word before the count at `first`.
pub fn read_ago_before(
    context: &Context,
    first: usize,
) -> Option<(crate::extract::found::Found, usize)> {
    let at = first + 1;
    if !context.follows(at) {
        return None;
    }
    let (value, unit_at) = if let Some(number) = context.number(at) {
        if !number.plain {
            return None;
        }
        (u64::try_from(number.value.mantissa()).ok()?, at + 1)
    } else {
        let lower = context.lower(at)?;
        if context.word_is(at, context.lexicon.time.relative.one_words) {
            (1, at + 1)
        } else {
            let spelled =
                crate::extract::numbers::spelled::read_spelled(context, at, lower.as_str())?;
            if spelled.ordinal || !spelled.value.fract().is_zero() {
                return None;
            }
            (u64::try_from(spelled.value).ok()?, spelled.next)
        }
    };
    if !context.follows(unit_at) {
        return None;
    }
    let unit = context.lower(unit_at)?;
    let unit = crate::extract::amounts::units::duration_unit(context, unit.as_str())?;
    offset_claim(context, first, value, unit, -1, unit_at)
}

/// The date `value` units of `unit` from the article date in `direction`, claimed over
/// tokens `first..=last`.
fn offset_claim(
    context: &Context,
    first: usize,
    value: u64,
    unit: &str,
    direction: i64,
    last: usize,
) -> Option<(crate::extract::found::Found, usize)> {
    let amount = i64::try_from(value).ok()?.min(10_000) * direction;
    let months = |n: i64| i32::try_from(n).ok();
    let found = match unit {
        "years" => {
            let anchor = anchor_day(context.article_date)?;
            let date = shift_months(anchor, months(amount * 12)?)?;
            if context.article_date?.month.is_some() {
                month_claim(context, first, last, date)
            } else {
                date_claim(context, first, last, Some(date.year()), None, None)
            }
        }
        "months" => match reference_day(context.article_date) {
            Some(reference) => day_claim(
                context,
                first,
                last,
                shift_months(reference, months(amount)?)?,
            ),
            None => {
                let anchor = anchor_day(context.article_date)?;
                context.article_date?.month?;
                let date = shift_months(anchor, months(amount)?)?;
                month_claim(context, first, last, date)
            }
        },
        // Weeks and days count the same way as "in 3 days".
        _ => return super::relative::counted_claim(context, first, last, unit, amount),
    };
    Some((found, last + 1))
}
