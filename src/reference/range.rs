//! Rates over a period: the min, max and mean of the daily rates of a month or a year, for an
//! article dated only `2024-01` or an amount stated "for 2023".
//!
//! Only business days *inside* the period count (the ECB computes its monthly and annual
//! averages the same way), each with its own same-day legs; no fallback to days before the
//! period. The mean is the plain average of the daily cross rates.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::lookup::format_rate;
use super::table::RateTable;
use super::{Currency, serde_day};
use crate::model::ArticleDate;

/// A closed range of days with the label it was asked as (`2024-01`, `2023`, `2024-01-02`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatePeriod {
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl RatePeriod {
    /// The days an article date covers: one day, a whole month or a whole year.
    pub fn of(date: &ArticleDate) -> Option<RatePeriod> {
        let (start, end) = match (date.month, date.day) {
            (Some(month), Some(day)) => {
                let day = NaiveDate::from_ymd_opt(date.year, month, day)?;
                (day, day)
            }
            (Some(month), None) => {
                let start = NaiveDate::from_ymd_opt(date.year, month, 1)?;
                let next = start.checked_add_months(chrono::Months::new(1))?;
                (start, next.pred_opt()?)
            }
            _ => (
                NaiveDate::from_ymd_opt(date.year, 1, 1)?,
                NaiveDate::from_ymd_opt(date.year, 12, 31)?,
            ),
        };
        Some(RatePeriod {
            label: date.to_string(),
            start,
            end,
        })
    }

    /// True for a single day.
    pub fn is_day(&self) -> bool {
        self.start == self.end
    }
}

/// The rates of one pair over a period, from one source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RateRange {
    pub from: Currency,
    pub to: Currency,
    pub source: String,
    /// The period asked for, as written (`2024-01`).
    pub period: String,
    #[serde(with = "serde_day")]
    pub start: NaiveDate,
    #[serde(with = "serde_day")]
    pub end: NaiveDate,
    /// Lowest daily rate (units of `to` per 1 `from`) and the day it was published.
    pub min: DayRate,
    pub max: DayRate,
    pub mean: f64,
    /// Business days in the period with a rate for this pair.
    pub business_days: usize,
    /// Publication days in the period on which this pair had no rate (ECB `N/A`).
    pub days_without_rate: usize,
    /// True when the rates are crosses through EUR.
    pub via_eur: bool,
    /// Every daily rate used, ascending by date.
    pub rows: Vec<DayRate>,
    /// One line for evidence, e.g. `ECB 2024-01 CNY/USD 7.1435–7.1952 (mean 7.1711, 22 days)`.
    pub description: String,
}

/// One day's rate within a range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DayRate {
    #[serde(with = "serde_day")]
    pub date: NaiveDate,
    pub rate: f64,
}

impl RateTable {
    /// The daily rates of `from` in `to` published within `period`; `None` if there are none.
    pub fn range(&self, from: Currency, to: Currency, period: &RatePeriod) -> Option<RateRange> {
        let days = self.candidate_days(from, to, period.start, period.end);
        let mut via_eur = false;
        let mut rows = Vec::with_capacity(days.len());
        for &day in &days {
            if let Some(quote) = self.rate_on_day(from, to, day) {
                via_eur |= quote.via_eur;
                rows.push(DayRate {
                    date: day,
                    rate: quote.rate,
                });
            }
        }
        let by_rate = |a: &&DayRate, b: &&DayRate| a.rate.total_cmp(&b.rate);
        let min = *rows.iter().min_by(by_rate)?;
        let max = *rows.iter().max_by(by_rate)?;
        let mean = rows.iter().map(|row| row.rate).sum::<f64>() / rows.len() as f64;
        let description = format!(
            "{} {} {to}/{from} {}–{} (mean {}, {} business days)",
            self.source(),
            period.label,
            format_rate(min.rate),
            format_rate(max.rate),
            format_rate(mean),
            rows.len()
        );
        Some(RateRange {
            from,
            to,
            source: self.source().to_owned(),
            period: period.label.clone(),
            start: period.start,
            end: period.end,
            min,
            max,
            mean,
            business_days: rows.len(),
            days_without_rate: days.len() - rows.len(),
            via_eur,
            rows,
            description,
        })
    }
}

/// The first and last day of `year`, for callers that only have a year number.
pub fn year_period(year: i32) -> Option<RatePeriod> {
    let start = NaiveDate::from_ymd_opt(year, 1, 1)?;
    Some(RatePeriod {
        label: format!("{:04}", start.year()),
        start,
        end: NaiveDate::from_ymd_opt(year, 12, 31)?,
    })
}
