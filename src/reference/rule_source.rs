//! The rule engine's view of the reference data: [`RateBook`] answers the engine's
//! [`RateSource`] questions (`fx_rate`, `fx_range`, `convert` in rule scripts).
//!
//! The one choice to know: an unknown currency code in a script is "unknown" (`()`), never an
//! error, so a rule written for one currency pair runs harmlessly on every article.

use chrono::{Datelike, NaiveDate};

use super::{BUNDLED_SNAPSHOT_DATE, Currency, RateBook, RatePeriod};
use crate::engine::{RateQuote, RateRange, RateSource};

impl RateSource for RateBook {
    fn rate(&self, from: &str, to: &str, day: NaiveDate) -> Option<RateQuote> {
        let (from, to) = (from.parse::<Currency>().ok()?, to.parse::<Currency>().ok()?);
        let quote = RateBook::rate(self, from, to, day)?;
        Some(RateQuote {
            rate: quote.rate,
            day: quote.date_used,
            source: quote.source,
            description: quote.description,
        })
    }

    fn range(&self, from: &str, to: &str, start: NaiveDate, end: NaiveDate) -> Option<RateRange> {
        let (from, to) = (from.parse::<Currency>().ok()?, to.parse::<Currency>().ok()?);
        let period = RatePeriod {
            label: period_label(start, end),
            start,
            end,
        };
        let range = RateBook::range(self, from, to, &period)?;
        Some(RateRange {
            min: range.min.rate,
            max: range.max.rate,
            mean: range.mean,
            days: range.business_days as u32,
            source: range.source,
            description: range.description,
        })
    }

    fn snapshot_id(&self) -> Option<String> {
        let mut parts: Vec<String> = self
            .sources()
            .map(|table| match table.source() {
                super::BUNDLED_SOURCE => format!("ecb-{BUNDLED_SNAPSHOT_DATE}"),
                name => format!("{name}-{}", table.len()),
            })
            .collect();
        parts.sort();
        (!parts.is_empty()).then(|| parts.join("+"))
    }
}

/// How a period reads in evidence: `2024-01` for a whole month, `2023` for a whole year, the day
/// for one day, else `start..end`.
fn period_label(start: NaiveDate, end: NaiveDate) -> String {
    let whole_month = start.day() == 1
        && end.year() == start.year()
        && end.month() == start.month()
        && end.succ_opt().is_some_and(|next| next.day() == 1);
    let whole_year =
        start.ordinal() == 1 && end.year() == start.year() && end.month() == 12 && end.day() == 31;
    if start == end {
        start.to_string()
    } else if whole_year {
        format!("{}", start.year())
    } else if whole_month {
        format!("{}-{:02}", start.year(), start.month())
    } else {
        format!("{start}..{end}")
    }
}
