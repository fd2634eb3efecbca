//! English dates counted from the article's day or from another date: "in a week", "in 3
//! days", "3 fridays from now", "2 thursdays ago", "the upcoming two months", "2 upcoming
//! days", "March after next", "March in a year", "third tuesday after Christmas 2014", "the
//! closest Monday to Oct 5th", "the 2nd closest Christmas to today".
//!
//! Counts of days and weeks give a day; months a month; years a year, so the claim is exactly
//! as precise as the phrase. "in N days/weeks" is a date only with days or weeks: "in two
//! years" is as often a duration ("sales doubled in two years") as a date.

use super::calendar::{Lean, anchor_day, nearest_weekday, reference_day, shift_days, shift_months};
use super::dates::{date_claim, day_claim};
use super::lexicon::weekday_name;
use crate::extract::found::Found;
use crate::extract::numbers::spelled::read_spelled;
use crate::extract::tokens::context::Context;
use chrono::{Datelike, NaiveDate, Weekday};

/// A count of `unit`s from the article's day, as precise as the unit.
pub fn counted_claim(
    context: &Context,
    first: usize,
    last: usize,
    unit: &str,
    amount: i64,
) -> Option<(Found, usize)> {
    let found = match unit {
        "years" => {
            let year = context.article_date?.year + i32::try_from(amount).ok()?;
            date_claim(context, first, last, Some(year), None, None)
        }
        "months" => {
            context.article_date?.month?;
            let month = shift_months(
                anchor_day(context.article_date)?,
                i32::try_from(amount).ok()?,
            )?;
            date_claim(
                context,
                first,
                last,
                Some(month.year()),
                Some(month.month()),
                None,
            )
        }
        "weeks" => day_claim(
            context,
            first,
            last,
            shift_days(reference_day(context.article_date)?, amount * 7)?,
        ),
        _ => day_claim(
            context,
            first,
            last,
            shift_days(reference_day(context.article_date)?, amount)?,
        ),
    };
    Some((found, last + 1))
}

/// What follows a count that is no duration unit: "3 fridays from now", "2 thursdays ago",
/// "2 upcoming days". `first` is the count's first token, `at` the word after it.
pub fn counted_other(
    context: &Context,
    first: usize,
    value: u64,
    at: usize,
) -> Option<(Found, usize)> {
    let words = context.lexicon.time.relative;
    if words.weekday_plural.is_empty() && words.upcoming_words.is_empty() {
        return None;
    }
    let word = context.lower(at)?;
    let word = word.as_str();
    let count = i64::try_from(value).ok()?.min(1000);
    if words.upcoming_words.contains(&word) {
        let unit = crate::extract::amounts::units::duration_unit(
            context,
            context.lower(at + 1)?.as_str(),
        )?;
        return counted_claim(context, first, at + 1, unit, count);
    }
    if words.weekday_plural.is_empty() {
        return None;
    }
    let weekday = weekday_name(word.strip_suffix(words.weekday_plural)?, context.lang)
        .filter(|n| !n.abbreviated)?
        .value;
    let (lean, last) = match direction_after(context, at + 1)? {
        (-1, last) => (Lean::Past, last),
        (_, last) => (Lean::Future, last),
    };
    let reference = reference_day(context.article_date)?;
    let nearest = nearest_weekday(reference, weekday, lean)?;
    let weeks = (count.max(1) - 1) * if lean == Lean::Past { -7 } else { 7 };
    Some((
        day_claim(context, first, last, shift_days(nearest, weeks)?),
        last + 1,
    ))
}

/// "in a week", "in 3 days": `first` is the count's first token (after "in"), `unit_at` the
/// unit word. In a past-tense sentence it is a span of time, not a date.
pub fn in_count(
    context: &Context,
    first: usize,
    value: u64,
    unit_at: usize,
) -> Option<(Found, usize)> {
    let phrases = context.lexicon.time.relative.ahead_phrases;
    let phrase_len = phrases.iter().find_map(|phrase| {
        let start = first.checked_sub(phrase.len())?;
        phrase
            .iter()
            .enumerate()
            .all(|(k, word)| context.word_is(start + k, &[word]))
            .then_some(phrase.len())
    })?;
    let opening = first - phrase_len;
    let unit =
        crate::extract::amounts::units::duration_unit(context, context.lower(unit_at)?.as_str())?;
    if !matches!(unit, "days" | "weeks") {
        return None;
    }
    // "rose 2% in a week" is how long it took, not a date ahead.
    let own = opening..=unit_at;
    if super::tense::sentence_lean_outside(context, opening, own) == Lean::Past {
        return None;
    }
    counted_claim(
        context,
        opening,
        unit_at,
        unit,
        i64::try_from(value).ok()?.min(10_000),
    )
}

/// "upcoming two days", "upcoming 2 months": the count at `at`, after the word "upcoming".
pub fn upcoming_count(context: &Context, first: usize, at: usize) -> Option<(Found, usize)> {
    let (value, unit_at) = count_at(context, at)?;
    let unit =
        crate::extract::amounts::units::duration_unit(context, context.lower(unit_at)?.as_str())?;
    counted_claim(context, first, unit_at, unit, i64::try_from(value).ok()?)
}

/// A small count written in digits or words at `at`: its value and the next token.
fn count_at(context: &Context, at: usize) -> Option<(u64, usize)> {
    if let Some(number) = context.number(at) {
        let value = u64::try_from(number.value.mantissa()).ok()?;
        return (number.plain && number.digit_count <= 3).then_some((value, at + 1));
    }
    let lower = context.lower(at)?;
    let spelled = read_spelled(context, at, lower.as_str())?;
    let value = u64::try_from(spelled.value).ok()?;
    (!spelled.ordinal && value > 0).then_some((value, spelled.next))
}

/// The `rank`-th `weekday` after (or before) `date`.
pub fn nth_weekday_from(
    date: NaiveDate,
    weekday: Weekday,
    rank: i64,
    after: bool,
) -> Option<NaiveDate> {
    let lean = if after { Lean::Future } else { Lean::Past };
    let nearest = nearest_weekday(date, weekday, lean)?;
    shift_days(nearest, (rank - 1) * if after { 7 } else { -7 })
}

/// The day of a date claim found by another reader.
pub fn claim_day(found: &Found) -> Option<NaiveDate> {
    found.date.as_deref()?.parse().ok()
}

/// "the [2nd] closest Monday to Oct 5th", "the closest xmas to today": `at` is "closest" or
/// "nearest" (claim from `first`).
pub fn read_closest(
    context: &Context,
    first: usize,
    at: usize,
    rank: usize,
) -> Option<(Found, usize)> {
    let what = at + 1;
    let lower = context.lower(what)?;
    let weekday = weekday_name(lower.as_str(), context.lang).map(|n| n.value);
    let holiday = match weekday {
        Some(_) => None,
        None => Some(super::holidays::holiday_at(context, what, lower.as_str())?),
    };
    let name_last = holiday.map_or(what, |(_, last)| last);
    let anchors = &context.lexicon.time.relative.anchors;
    if !context.word_is(name_last + 1, anchors.to) {
        return None;
    }
    let target_at = name_last + 2;
    let target_word = context.lower(target_at)?;
    let (target, last) = match target_word.as_str() {
        word if anchors.now.contains(&word) => (reference_day(context.article_date)?, target_at),
        word => {
            let (found, next) = super::dates::read_month_date(context, target_at, word)?;
            (claim_day(&found)?, next - 1)
        }
    };
    let mut candidates: Vec<NaiveDate> = match (weekday, holiday) {
        (Some(weekday), _) => (-4..=4)
            .filter_map(|week| {
                let nearest = nearest_weekday(target, weekday, Lean::Future)?;
                shift_days(nearest, week * 7 - 7)
            })
            .collect(),
        (None, Some((rule, _))) => (target.year() - 5..=target.year() + 5)
            .filter_map(|year| rule.in_year(year))
            .collect(),
        _ => return None,
    };
    candidates.sort_by_key(|day| ((*day - target).num_days().abs(), *day));
    let date = *candidates.get(rank.checked_sub(1)?)?;
    Some((day_claim(context, first, last, date), last + 1))
}

/// The direction word of a count at `at` ("ago", "fa", "hence", "from now"): -1 or +1 and
/// its last token.
pub fn direction_after(context: &Context, at: usize) -> Option<(i64, usize)> {
    let words = context.lexicon.time.relative;
    if context.word_is(at, words.ago_words) {
        return Some((-1, at));
    }
    if context.word_is(at, words.hence_words) {
        return Some((1, at));
    }
    let from_now = !words.from_now.is_empty()
        && (0..words.from_now.len()).all(|k| context.word_is(at + k, &[words.from_now[k]]));
    from_now.then(|| (1, at + words.from_now.len() - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nth_weekday_after_a_holiday() {
        let christmas: NaiveDate = "2014-12-25".parse().unwrap();
        assert_eq!(
            nth_weekday_from(christmas, Weekday::Tue, 3, true),
            "2015-01-13".parse().ok()
        );
        assert_eq!(
            nth_weekday_from(christmas, Weekday::Thu, 1, false),
            "2014-12-18".parse().ok()
        );
    }
}
