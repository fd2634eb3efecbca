//! What a date claim spans: the first and last day of the period its `date` names, and how
//! precise the text was (a year, a half, a quarter, a month, an ISO week or a day). Derived from the ISO
//! `date` string alone, so stored and freshly extracted claims agree.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// How precise a date claim is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Year,
    Half,
    Quarter,
    Month,
    Week,
    Day,
}

/// The period of a date claim: ISO first and last day, both included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatePeriod {
    pub start: String,
    pub end: String,
    pub precision: DatePrecision,
}

impl DatePeriod {
    /// The period of an ISO date as claimlint writes it: `2024`, `2024-H1`, `2024-Q2`,
    /// `2024-05`, `2024-W07` (ISO week: Monday to Sunday, of the ISO week-numbering year),
    /// `2024-05-22`, and a split year `2022/2023`. `None` for anything else (a time of day such as `T14:30`).
    pub fn of(date: &str) -> Option<DatePeriod> {
        let year: i32 = date.get(..4)?.parse().ok()?;
        let rest = date.get(4..)?;
        let (first_month, last_month, precision) = match rest.as_bytes() {
            [] => (1, 12, DatePrecision::Year),
            [b'-', b'H', half @ (b'1' | b'2')] => {
                let first = u32::from(half - b'1') * 6 + 1;
                (first, first + 5, DatePrecision::Half)
            }
            [b'-', b'Q', quarter @ b'1'..=b'4'] => {
                let first = u32::from(quarter - b'1') * 3 + 1;
                (first, first + 2, DatePrecision::Quarter)
            }
            [b'-', b'W', _, _] => {
                let week: u32 = rest[2..].parse().ok()?;
                let monday = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?;
                let sunday = NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Sun)?;
                return Some(DatePeriod {
                    start: iso(monday),
                    end: iso(sunday),
                    precision: DatePrecision::Week,
                });
            }
            [b'-', _, _] => {
                let month: u32 = rest[1..].parse().ok()?;
                (month, month, DatePrecision::Month)
            }
            // A split year (a season or fiscal year): both calendar years.
            [b'/', ..] => {
                let second: i32 = rest[1..].parse().ok().filter(|_| rest.len() == 5)?;
                if second != year + 1 {
                    return None;
                }
                return Some(DatePeriod {
                    start: format!("{year:04}-01-01"),
                    end: format!("{second:04}-12-31"),
                    precision: DatePrecision::Year,
                });
            }
            [b'-', _, _, b'-', _, _] => {
                let month: u32 = rest.get(1..3)?.parse().ok()?;
                let day: u32 = rest.get(4..6)?.parse().ok()?;
                let day = NaiveDate::from_ymd_opt(year, month, day)?;
                return Some(DatePeriod {
                    start: iso(day),
                    end: iso(day),
                    precision: DatePrecision::Day,
                });
            }
            _ => return None,
        };
        let start = NaiveDate::from_ymd_opt(year, first_month, 1)?;
        let next = if last_month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, last_month + 1, 1)?
        };
        let end = next.pred_opt()?;
        debug_assert_eq!(end.month(), last_month);
        Some(DatePeriod {
            start: iso(start),
            end: iso(end),
            precision,
        })
    }
}

/// `YYYY-MM-DD`, without chrono's format-string interpreter or `format!` (this runs twice for
/// every date claim, and the formatter was a fortieth of extraction time). Years outside
/// 0–9999 take `format!`.
fn iso(day: NaiveDate) -> String {
    let Some(year) = u32::try_from(day.year()).ok().filter(|&y| y <= 9999) else {
        return format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day());
    };
    let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
    let mut out = String::with_capacity(10);
    out.extend([
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
    ]);
    out.push('-');
    out.extend([digit(day.month() / 10), digit(day.month())]);
    out.push('-');
    out.extend([digit(day.day() / 10), digit(day.day())]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(date: &str) -> Option<(String, String, DatePrecision)> {
        DatePeriod::of(date).map(|p| (p.start, p.end, p.precision))
    }

    #[test]
    fn each_precision_spans_its_days() {
        use DatePrecision::*;
        let span = |a: &str, b: &str, p| Some((a.to_string(), b.to_string(), p));
        assert_eq!(period("2024"), span("2024-01-01", "2024-12-31", Year));
        assert_eq!(period("2024-H2"), span("2024-07-01", "2024-12-31", Half));
        assert_eq!(period("2024-Q1"), span("2024-01-01", "2024-03-31", Quarter));
        assert_eq!(period("2023-02"), span("2023-02-01", "2023-02-28", Month));
        assert_eq!(period("2024-02"), span("2024-02-01", "2024-02-29", Month));
        assert_eq!(period("2024-05-22"), span("2024-05-22", "2024-05-22", Day));
        // ISO weeks run Monday to Sunday and may start in the year before.
        assert_eq!(period("2024-W25"), span("2024-06-17", "2024-06-23", Week));
        assert_eq!(period("2020-W01"), span("2019-12-30", "2020-01-05", Week));
        assert_eq!(period("2020-W53"), span("2020-12-28", "2021-01-03", Week));
        // A split year spans both calendar years.
        assert_eq!(period("2022/2023"), span("2022-01-01", "2023-12-31", Year));
    }

    #[test]
    fn iso_matches_the_formatter_for_every_kind_of_year() {
        for (year, month, day) in [(2024, 5, 22), (1, 1, 1), (999, 12, 31), (9999, 2, 9)] {
            let date = NaiveDate::from_ymd_opt(year, month, day).unwrap();
            assert_eq!(iso(date), date.format("%Y-%m-%d").to_string(), "{date}");
        }
        for year in [-44, 0, 10_000, 12_345] {
            let date = NaiveDate::from_ymd_opt(year, 3, 15).unwrap();
            let expected = format!("{year:04}-03-15");
            assert_eq!(iso(date), expected, "{year}");
        }
    }

    #[test]
    fn anything_else_has_no_period() {
        for date in [
            "T14:30",
            "2024-Q5",
            "2024-13",
            "2023-02-30",
            "24",
            "",
            "2024-H3",
            "2021-W53",
            "2024-W00",
            "2024-W1",
            "2022/2024",
            "2022/23",
        ] {
            assert_eq!(DatePeriod::of(date), None, "{date}");
        }
    }
}
