//! [`RateBook`]: every rate source a run can use, in order of precedence.
//!
//! Precedence: **imported sources first** (in name order), **the bundled ECB data last**. A
//! newsroom imports rates to cover what the ECB lacks (a currency it never quoted or dropped)
//! or to check against the rate it actually uses; when it has gone to that trouble, its rates
//! should win. Every answer names its source, so evidence never hides which one was used, and
//! callers can pin one source with [`RateBook::only`]. A cross is taken from one source when
//! any source has both currencies; only when none does are legs combined across sources
//! (ARS per USD imported by the user × USD per EUR from the ECB), and the answer's source then
//! names both (`user+ECB`). Period ranges always come from a single source.

use chrono::NaiveDate;
use serde::Serialize;
use thiserror::Error;

use super::lookup::describe;
use super::range::{RatePeriod, RateRange};
use super::table::RateTable;
use super::{BUNDLED_SOURCE, Currency, Layout, MAX_FALLBACK_DAYS, RateError, RateQuote, bundled};

/// What a date asks for: one day's rate, or a month's or a year's range.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum RateAnswer {
    Day(RateQuote),
    Period(RateRange),
}

/// No rate for the pair and date asked; the message says why (see [`RateBook::explain_missing`]).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{0}")]
pub struct RateUnknown(pub String);

/// The sources consulted for a lookup, highest precedence first.
#[derive(Debug, Clone)]
pub struct RateBook {
    imported: Vec<RateTable>,
    include_bundled: bool,
}

impl Default for RateBook {
    fn default() -> RateBook {
        RateBook::bundled_only()
    }
}

impl RateBook {
    /// Only the bundled ECB data (no database needed).
    pub fn bundled_only() -> RateBook {
        RateBook {
            imported: Vec::new(),
            include_bundled: true,
        }
    }

    /// Imported sources (e.g. from [`Store::imported_rate_tables`](crate::store::Store)) ahead
    /// of the bundled data.
    pub fn with_imported(mut imported: Vec<RateTable>) -> RateBook {
        imported.sort_by(|a, b| a.source().cmp(b.source()));
        RateBook {
            imported,
            include_bundled: true,
        }
    }

    /// Keeps only the source called `name` (case-insensitive); `None` if there is none.
    pub fn only(self, name: &str) -> Option<RateBook> {
        let include_bundled = self.include_bundled && name.eq_ignore_ascii_case(BUNDLED_SOURCE);
        let imported: Vec<RateTable> = self
            .imported
            .into_iter()
            .filter(|table| table.source().eq_ignore_ascii_case(name))
            .collect();
        (include_bundled || !imported.is_empty()).then_some(RateBook {
            imported,
            include_bundled,
        })
    }

    /// The sources in order of precedence.
    pub fn sources(&self) -> impl Iterator<Item = &RateTable> {
        let bundled = self.include_bundled.then(bundled);
        self.imported.iter().chain(bundled)
    }

    /// The rate of `from` in `to` on `date` from the first source that has one.
    pub fn rate(&self, from: Currency, to: Currency, date: NaiveDate) -> Option<RateQuote> {
        self.sources()
            .find_map(|source| source.rate(from, to, date))
            .or_else(|| self.cross_sources(from, to, date))
    }

    /// A cross whose two legs come from different sources, through EUR then USD.
    fn cross_sources(&self, from: Currency, to: Currency, date: NaiveDate) -> Option<RateQuote> {
        for pivot in [Currency::EUR, Currency::USD] {
            let leg = |currency| {
                let mut sources = self.sources();
                sources.find_map(|source| source.rate(pivot, currency, date))
            };
            let (Some(to_leg), Some(from_leg)) = (leg(to), leg(from)) else {
                continue;
            };
            let mut names: Vec<&str> = [&to_leg, &from_leg]
                .into_iter()
                .filter(|quote| !quote.legs.is_empty())
                .map(|quote| quote.source.as_str())
                .collect();
            names.dedup();
            let source = names.join("+");
            let rate = to_leg.rate / from_leg.rate;
            let date_used = to_leg.date_used.min(from_leg.date_used);
            let legs: Vec<_> = to_leg.legs.into_iter().chain(from_leg.legs).collect();
            return Some(RateQuote {
                description: describe(&source, date_used, from, to, rate, &legs),
                from,
                to,
                rate,
                date_requested: date,
                date_used,
                source,
                via_eur: pivot == Currency::EUR && from != pivot && to != pivot,
                legs,
            });
        }
        None
    }

    /// The min/max/mean over `period` from the first source with any rate in it.
    pub fn range(&self, from: Currency, to: Currency, period: &RatePeriod) -> Option<RateRange> {
        self.sources()
            .find_map(|source| source.range(from, to, period))
    }

    /// A day's rate for a one-day period, otherwise the period's range.
    pub fn lookup(
        &self,
        from: Currency,
        to: Currency,
        period: &RatePeriod,
    ) -> Result<RateAnswer, RateUnknown> {
        let answer = if period.is_day() {
            self.rate(from, to, period.start).map(RateAnswer::Day)
        } else {
            self.range(from, to, period).map(RateAnswer::Period)
        };
        answer.ok_or_else(|| RateUnknown(self.explain_missing(from, to, period)))
    }

    /// Why no source has a rate of `from` in `to` over `period`, in words for a message.
    pub fn explain_missing(&self, from: Currency, to: Currency, period: &RatePeriod) -> String {
        let pair = format!("{to}/{from}");
        let names: Vec<&str> = self.sources().map(RateTable::source).collect();
        let sources = names.join(", ");
        for currency in [from, to] {
            if currency != Currency::EUR && !self.sources().any(|source| source.knows(currency)) {
                return format!(
                    "no {pair} rate: {currency} is not quoted by any rate source ({sources}); \
                     `claimlint rates import` can add it"
                );
            }
        }
        let newest = self.sources().filter_map(RateTable::newest_day).max();
        let oldest = self.sources().filter_map(RateTable::oldest_day).min();
        let when = if period.is_day() {
            format!("on {}", period.label)
        } else {
            format!("in {}", period.label)
        };
        if let (Some(oldest), Some(newest)) = (oldest, newest) {
            if period.end < oldest {
                return format!("no {pair} rate {when}: the rates ({sources}) start on {oldest}");
            }
            let latest_usable = newest + chrono::Days::new(MAX_FALLBACK_DAYS as u64);
            if period.start > latest_usable {
                return format!(
                    "no {pair} rate {when}: the newest rates ({sources}) are of {newest}; \
                     `claimlint rates import` can add newer ones"
                );
            }
        }
        for currency in [from, to] {
            let spans = self.sources().filter_map(|source| {
                let (first, last) = source.quoted_span(currency)?;
                // A pairs-layout rate stays usable for the fallback window after its last row.
                let grace = if source.layout() == Layout::Ecb {
                    0
                } else {
                    MAX_FALLBACK_DAYS
                };
                Some((first, last, last + chrono::Days::new(grace as u64)))
            });
            let Some((first, last, usable_until)) =
                spans.reduce(|(f, l, u), (a, b, c)| (f.min(a), l.max(b), u.max(c)))
            else {
                continue;
            };
            if period.end < first {
                return format!("no {pair} rate {when}: {currency} is quoted from {first} on");
            }
            if period.start > usable_until {
                return format!(
                    "no {pair} rate {when}: {currency} was last quoted on {last} ({sources}); \
                     a stale figure is not used"
                );
            }
        }
        if period.is_day() {
            format!(
                "no {pair} rate {when} in {sources}: no business day within {MAX_FALLBACK_DAYS} \
                 days before it quotes both currencies"
            )
        } else {
            format!(
                "no {pair} rate {when}: no single source ({sources}) quotes both currencies on \
                 any day of it (a period's range is never mixed across sources)"
            )
        }
    }
}

/// Checks a `--source` name: letters, digits, `-`, `_`, `.`; not the bundled `ECB`.
pub fn validate_source_name(name: &str) -> Result<(), RateError> {
    let bad = |reason: &str| RateError::BadSourceName {
        name: name.to_owned(),
        reason: reason.to_owned(),
    };
    if name.eq_ignore_ascii_case(BUNDLED_SOURCE) {
        return Err(bad(
            "it is reserved for the bundled ECB data; pick another name, e.g. --source ecb-custom",
        ));
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if name.is_empty() || name.len() > 64 || !name.chars().all(allowed) {
        return Err(bad(
            "use 1–64 letters, digits, `-`, `_` or `.` (e.g. --source bank-of-italy)",
        ));
    }
    Ok(())
}
