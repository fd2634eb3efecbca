//! Calendar arithmetic for dates the text leaves partly unstated: weekdays, the n-th weekday of
//! a month, Easter, and the choice between the occurrences a year-less or month-less date can
//! mean.
//!
//! The rule for such a date: the next occurrence after the article's day (on or after it for a
//! day number, strictly after for a weekday), or, when the sentence reads as past
//! ([`Lean::Past`], see `time/tense.rs`), the last one before it. A weekday written next to the
//! day ("Friday the 15th", "Sunday, Feb 10") overrides both: the candidate that falls on that
//! weekday wins.

use crate::model::ArticleDate;
use chrono::{Datelike, Months, NaiveDate, TimeDelta, Weekday};

/// Which way a date without a year (or month) points from the article date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    Future,
    Past,
}

/// The article's day, when the article date is that precise.
pub fn reference_day(article: Option<ArticleDate>) -> Option<NaiveDate> {
    let article = article?;
    NaiveDate::from_ymd_opt(article.year, article.month?, article.day?)
}

/// The article's day, or the first day of its month or year when it is less precise: enough to
/// place a year-less "15 gennaio".
pub fn anchor_day(article: Option<ArticleDate>) -> Option<NaiveDate> {
    let article = article?;
    NaiveDate::from_ymd_opt(
        article.year,
        article.month.unwrap_or(1),
        article.day.unwrap_or(1),
    )
}

pub fn shift_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    date.checked_add_signed(TimeDelta::try_days(days)?)
}

pub fn shift_months(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    if months >= 0 {
        date.checked_add_months(Months::new(months.unsigned_abs()))
    } else {
        date.checked_sub_months(Months::new(months.unsigned_abs()))
    }
}

/// The next `weekday` strictly after `reference` (or the last one strictly before it).
pub fn nearest_weekday(reference: NaiveDate, weekday: Weekday, lean: Lean) -> Option<NaiveDate> {
    let today = i64::from(reference.weekday().num_days_from_monday());
    let target = i64::from(weekday.num_days_from_monday());
    let step = |d: i64| if d == 0 { 7 } else { d };
    match lean {
        Lean::Future => shift_days(reference, step((target - today).rem_euclid(7))),
        Lean::Past => shift_days(reference, -step((today - target).rem_euclid(7))),
    }
}

/// `weekday` of the week `offset` weeks from the reference's week (weeks start on Monday).
pub fn weekday_of_week(reference: NaiveDate, weekday: Weekday, offset: i64) -> Option<NaiveDate> {
    let monday = shift_days(
        reference,
        -i64::from(reference.weekday().num_days_from_monday()),
    )?;
    shift_days(
        monday,
        offset * 7 + i64::from(weekday.num_days_from_monday()),
    )
}

/// The `n`-th (1-based) `weekday` of a month.
pub fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let offset = (weekday.num_days_from_monday() + 7 - first.weekday().num_days_from_monday()) % 7;
    NaiveDate::from_ymd_opt(year, month, 1 + offset + 7 * n.checked_sub(1)?)
}

pub fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    shift_days(first.checked_add_months(Months::new(1))?, -1)
}

/// The last `weekday` of a month.
pub fn last_weekday(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    let last = last_day_of_month(year, month)?;
    let back = (last.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    shift_days(last, -i64::from(back))
}

/// Picks the occurrence a partly stated date means among `candidates` (see the module doc).
pub fn choose(
    reference: NaiveDate,
    candidates: impl Iterator<Item = NaiveDate> + Clone,
    weekday: Option<Weekday>,
    lean: Lean,
) -> Option<NaiveDate> {
    let distance = |d: NaiveDate| (d - reference).num_days().abs();
    let ahead = |d: &NaiveDate| match lean {
        Lean::Future => *d >= reference,
        Lean::Past => *d <= reference,
    };
    if let Some(weekday) = weekday {
        let on_weekday = candidates.clone().filter(|d| d.weekday() == weekday);
        let best = on_weekday
            .clone()
            .filter(ahead)
            .min_by_key(|d| distance(*d))
            .or_else(|| on_weekday.min_by_key(|d| distance(*d)));
        if best.is_some() {
            return best;
        }
    }
    candidates.filter(ahead).min_by_key(|d| distance(*d))
}

/// `month`/`day` in the years around the reference.
pub fn month_day_candidates(
    reference: NaiveDate,
    month: u32,
    day: u32,
) -> impl Iterator<Item = NaiveDate> + Clone {
    let year = reference.year();
    (year - 4..=year + 4).filter_map(move |y| NaiveDate::from_ymd_opt(y, month, day))
}

/// Day `day` of the months around the reference.
pub fn day_candidates(reference: NaiveDate, day: u32) -> impl Iterator<Item = NaiveDate> + Clone {
    let first = reference.with_day(1);
    (-3..=3).filter_map(move |offset| {
        let month = shift_months(first?, offset)?;
        NaiveDate::from_ymd_opt(month.year(), month.month(), day)
    })
}

/// Western Easter Sunday (Gregorian computus).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// Orthodox Easter Sunday (Julian computus), as a Gregorian date; 1900–2099 only.
pub fn orthodox_easter(year: i32) -> Option<NaiveDate> {
    if !(1900..=2099).contains(&year) {
        return None;
    }
    let d = (19 * (year % 19) + 15) % 30;
    let e = (2 * (year % 4) + 4 * (year % 7) - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian =
        NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)?;
    shift_days(julian, 13)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn weekdays_point_strictly_away_from_the_reference() {
        let tuesday = day("2013-02-12");
        assert_eq!(
            nearest_weekday(tuesday, Weekday::Tue, Lean::Future),
            Some(day("2013-02-19"))
        );
        assert_eq!(
            nearest_weekday(tuesday, Weekday::Sun, Lean::Past),
            Some(day("2013-02-10"))
        );
        assert_eq!(
            weekday_of_week(tuesday, Weekday::Mon, 0),
            Some(day("2013-02-11"))
        );
        assert_eq!(
            weekday_of_week(tuesday, Weekday::Wed, 1),
            Some(day("2013-02-20"))
        );
    }

    #[test]
    fn nth_and_last_weekdays() {
        assert_eq!(
            nth_weekday(2014, 9, Weekday::Tue, 3),
            Some(day("2014-09-16"))
        );
        assert_eq!(
            nth_weekday(2013, 10, Weekday::Tue, 1),
            Some(day("2013-10-01"))
        );
        assert_eq!(last_weekday(2014, 3, Weekday::Sun), Some(day("2014-03-30")));
        assert_eq!(last_day_of_month(2024, 2), Some(day("2024-02-29")));
    }

    #[test]
    fn year_less_dates_lean_forward_or_back_and_obey_a_weekday() {
        let reference = day("2013-02-12");
        let pick =
            |m, d, w, lean| choose(reference, month_day_candidates(reference, m, d), w, lean);
        assert_eq!(pick(8, 8, None, Lean::Future), Some(day("2013-08-08")));
        assert_eq!(pick(8, 8, None, Lean::Past), Some(day("2012-08-08")));
        assert_eq!(
            pick(2, 10, Some(Weekday::Sun), Lean::Future),
            Some(day("2013-02-10"))
        );
        assert_eq!(
            pick(7, 18, Some(Weekday::Fri), Lean::Future),
            Some(day("2014-07-18"))
        );
        assert_eq!(pick(2, 29, None, Lean::Future), Some(day("2016-02-29")));
    }

    #[test]
    fn easter_both_calendars() {
        assert_eq!(easter(2013), Some(day("2013-03-31")));
        assert_eq!(easter(2024), Some(day("2024-03-31")));
        assert_eq!(orthodox_easter(2018), Some(day("2018-04-08")));
        assert_eq!(orthodox_easter(2020), Some(day("2020-04-19")));
    }
}
