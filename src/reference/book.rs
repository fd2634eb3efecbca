//! [`RateBook`]: every rate source a run can use, in order of precedence.
//!
//! Precedence: **imported sources first** (in name order), **the bundled ECB data last**. A
//! newsroom imports rates to cover what the ECB lacks (a currency it never quoted or dropped)
//! or to check against the rate it actually uses; when it has gone to that trouble, its rates
//! should win. Every answer names its source, so evidence never hides which one was used, and
//! callers can pin one source with [`RateBook::only`]. Sources are never mixed within one
//! answer: both legs of a cross come from the same source.

use chrono::NaiveDate;

use super::range::{RatePeriod, RateRange};
use super::table::RateTable;
use super::{BUNDLED_SOURCE, Currency, MAX_FALLBACK_DAYS, RateError, RateQuote, bundled};

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
    }

    /// The min/max/mean over `period` from the first source with any rate in it.
    pub fn range(&self, from: Currency, to: Currency, period: &RatePeriod) -> Option<RateRange> {
        self.sources()
            .find_map(|source| source.range(from, to, period))
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
            let spans = self.sources().filter_map(|source| source.quoted_span(currency));
            let Some((first, last)) = spans.reduce(|(f, l), (a, b)| (f.min(a), l.max(b))) else {
                continue;
            };
            if period.end < first {
                return format!("no {pair} rate {when}: {currency} is quoted from {first} on");
            }
            if period.start > last {
                return format!(
                    "no {pair} rate {when}: {currency} was last quoted on {last} ({sources}); \
                     a stale figure is not used"
                );
            }
        }
        format!(
            "no {pair} rate {when} in {sources}: no business day within {MAX_FALLBACK_DAYS} \
             days before it quotes both currencies"
        )
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
