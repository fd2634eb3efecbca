//! The exchange-rate interface rules call through (`fx_rate`, `fx_range`, `convert`).
//!
//! The engine does not know where rates come from: it asks a [`RateSource`]. The reference-data
//! module implements it over the stored ECB history; [`NoRates`] answers "unknown" to
//! everything, which is what rules see when no reference data is loaded. Rates are quoted as
//! units of `to` per one `from` (CNY/USD 7.14 means 7.14 yuan per dollar).

use chrono::NaiveDate;

/// One day's rate, as a rule sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct RateQuote {
    /// Units of `to` per one `from`.
    pub rate: f64,
    /// The business day whose rate was used (the asked day or the nearest earlier one).
    pub day: NaiveDate,
    /// Who published it: `ECB`, or the `--source` name of imported rates.
    pub source: String,
    /// For evidence lines: `ECB 2024-01-02 CNY/USD 7.1435`.
    pub description: String,
}

/// The rates over a period (a month, a year, or one day).
#[derive(Debug, Clone, PartialEq)]
pub struct RateRange {
    pub min: f64,
    pub max: f64,
    pub mean: f64,
    /// Business days with a rate in the period.
    pub days: u32,
    pub source: String,
    /// For evidence lines: `ECB 2024-01 CNY/USD 7.0920–7.1781, 22 days`.
    pub description: String,
}

/// Where the engine gets exchange rates. Implementations must be cheap to call (rules may ask
/// per claim per article) and safe to share across worker threads.
pub trait RateSource: Send + Sync {
    /// The rate of `from` in `to` on `day`, or the nearest earlier business day; `None` when
    /// unknown (currency not quoted on that date, before the history starts, …). Currency codes
    /// are ISO 4217, upper case.
    fn rate(&self, from: &str, to: &str, day: NaiveDate) -> Option<RateQuote>;
    /// The min/max/mean over the days `start..=end`; `None` when no day in it has a rate.
    fn range(&self, from: &str, to: &str, start: NaiveDate, end: NaiveDate) -> Option<RateRange>;
    /// Identifies the reference data (e.g. `ecb-2026-03-13+user-2`), stored with each run;
    /// `None` when there is no reference data.
    fn snapshot_id(&self) -> Option<String>;
}

/// A rate source that knows nothing: every lookup is unknown, the snapshot is `none`.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoRates;

impl RateSource for NoRates {
    fn rate(&self, _from: &str, _to: &str, _day: NaiveDate) -> Option<RateQuote> {
        None
    }
    fn range(&self, _: &str, _: &str, _: NaiveDate, _: NaiveDate) -> Option<RateRange> {
        None
    }
    fn snapshot_id(&self) -> Option<String> {
        None
    }
}
