//! The day of a holiday a text names. Names and their rules are lexicon data
//! (`lang/<code>/time.rs`); this file matches a name and computes its day: fixed days, days
//! tied to Western or Orthodox Easter, n-th weekdays, and, for holidays of lunar and
//! lunisolar calendars (Eid, Yom Kippur, Diwali, Chinese New Year …), a lookup in the
//! bundled table `src/reference/data/holidays.tsv`: no calendar astronomy runs here.
//! Without a year the holiday is placed like any year-less day (see `time/calendar.rs`).

use crate::extract::tokens::context::Context;
use chrono::{NaiveDate, Weekday};
use std::collections::HashMap;
use std::sync::OnceLock;

pub use crate::extract::lang::time::HolidayRule as Rule;

/// Dates of holidays computed from lunar and lunisolar calendars, one line per holiday: its
/// id, the first year, then the day of each year from it as `MMDD` (`-` where there is none).
const TABLE: &str = include_str!("../../reference/data/holidays.tsv");

/// The day of table holiday `id` in `year`.
fn table_day(id: &str, year: i32) -> Option<NaiveDate> {
    static DAYS: OnceLock<HashMap<&'static str, (i32, Vec<&'static str>)>> = OnceLock::new();
    let days = DAYS.get_or_init(|| {
        TABLE
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| {
                let mut fields = line.split_ascii_whitespace();
                let id = fields.next()?;
                let first = fields.next()?.parse().ok()?;
                Some((id, (first, fields.collect())))
            })
            .collect()
    });
    let (first, days) = days.get(id)?;
    let mmdd = days.get(usize::try_from(year - first).ok()?)?;
    let month = mmdd.get(..2)?.parse().ok()?;
    let day = mmdd.get(2..)?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

impl Rule {
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        use super::calendar::{easter, last_weekday, nth_weekday, orthodox_easter, shift_days};
        match self {
            Rule::Fixed(month, day) => NaiveDate::from_ymd_opt(year, month, day),
            Rule::Easter(days) => shift_days(easter(year)?, days),
            Rule::Orthodox(days) => shift_days(orthodox_easter(year)?, days),
            Rule::Nth(month, weekday, n, days) => {
                shift_days(nth_weekday(year, month, weekday, n)?, days)
            }
            Rule::LastWeekday(month, weekday) => last_weekday(year, month, weekday),
            Rule::Observed(month, day, saturday, sunday) => {
                let date = NaiveDate::from_ymd_opt(year, month, day)?;
                match chrono::Datelike::weekday(&date) {
                    Weekday::Sat => shift_days(date, saturday),
                    Weekday::Sun => shift_days(date, sunday),
                    _ => Some(date),
                }
            }
            Rule::Table(id) => table_day(id, year),
        }
    }
}

/// Consecutive words from `at` (apostrophes, a possessive "s" and dots between them skipped);
/// the index of the last matched token.
pub fn words_from(context: &Context, at: usize, words: &[&str]) -> Option<usize> {
    let mut index = at;
    let mut last = at;
    for (position, &word) in words.iter().enumerate() {
        if position > 0 {
            index = last + 1;
            while matches!(context.symbol(index), Some('\'' | '’' | '.' | '-')) {
                index += 1;
                let possessive = context.lexicon.time.relative.possessive;
                if context.word_is(index, possessive) && !possessive.contains(&word) {
                    index += 1;
                }
            }
            if !context.follows(index) {
                return None;
            }
        }
        if !context.word_is(index, &[word]) {
            return None;
        }
        last = index;
    }
    Some(last)
}

/// A holiday name of the text's language starting at `index` (`lower` is its first word): its
/// rule and last token. Of the names that match, the longest wins.
pub fn holiday_at(context: &Context, index: usize, lower: &str) -> Option<(Rule, usize)> {
    context
        .lexicon
        .time
        .holidays_starting(lower)
        .iter()
        .filter_map(|holiday| Some((holiday.rule, words_from(context, index, holiday.name)?)))
        .max_by_key(|&(_, last)| last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_compute_their_day() {
        let day = |s: &str| s.parse::<NaiveDate>().ok();
        assert_eq!(Rule::Easter(-2).in_year(2024), day("2024-03-29"));
        assert_eq!(
            Rule::Nth(11, Weekday::Thu, 4, 1).in_year(2013),
            day("2013-11-29")
        );
        assert_eq!(
            Rule::Nth(1, Weekday::Mon, 3, 0).in_year(2014),
            day("2014-01-20")
        );
        assert_eq!(Rule::Orthodox(-48).in_year(2018), day("2018-02-19"));
        assert_eq!(
            Rule::LastWeekday(5, Weekday::Mon).in_year(2024),
            day("2024-05-27")
        );
    }

    #[test]
    fn table_holidays_come_from_the_bundled_table() {
        let day = |s: &str| s.parse::<NaiveDate>().ok();
        assert_eq!(Rule::Table("eid-al-fitr").in_year(2024), day("2024-04-10"));
        assert_eq!(Rule::Table("diwali").in_year(2023), day("2023-11-12"));
        assert_eq!(
            Rule::Table("chinese-new-year").in_year(2025),
            day("2025-01-29")
        );
        assert_eq!(Rule::Table("no-such-holiday").in_year(2024), None);
        assert_eq!(Rule::Table("diwali").in_year(1000), None);
    }

    #[test]
    fn every_table_rule_of_every_lexicon_is_in_the_table() {
        use crate::extract::lang::lexicon;
        use crate::model::Lang;
        for words in [lexicon(Lang::It), lexicon(Lang::En), lexicon(Lang::Es)] {
            for holiday in words.time.holidays {
                if let Rule::Table(id) = holiday.rule {
                    assert!(holiday.rule.in_year(2020).is_some(), "{id}");
                }
            }
        }
    }
}
