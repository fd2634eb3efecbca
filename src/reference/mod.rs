//! Reference data: exchange rates for checking conversions.
//!
//! claimlint ships the ECB's *euro foreign exchange reference rates* history (daily, ~41
//! currencies per 1 EUR, 1999 → [`BUNDLED_SNAPSHOT_DATE`]) inside the binary
//! ([`bundled`]); users can add their own sources (`claimlint rates import`), kept in the store.
//! A [`RateBook`] answers what rules ask: [`RateBook::rate`] for a day and
//! [`RateBook::range`] for a month or a year.
//!
//! The design choice to know: lookups never touch SQLite for the bundled data. The embedded
//! file is decompressed and indexed once per process on the first lookup, and each currency
//! column is parsed the first time it is asked for (`lazy.rs`), so a cold `claimlint check`
//! pays a few milliseconds, not a full parse; the store's copy of the bundled rows exists for
//! SQL users and to record which snapshot a database holds.
//!
//! Conventions: a rate is units of `to` per 1 `from`, written like a unit (`CNY/USD 7.1435`);
//! cross rates go through EUR; a day without a rate (weekend, holiday) uses the latest business
//! day before it, at most [`MAX_FALLBACK_DAYS`] back; a currency the ECB stopped quoting (RUB
//! after 2022-03-01) is unknown, not its last figure.

use std::sync::OnceLock;

use serde::Serialize;
use thiserror::Error;

mod book;
#[cfg(test)]
mod bundled_tests;
mod cells;
mod currency;
mod fields;
mod lazy;
mod lookup;
mod parse;
mod range;
mod rule_source;
mod series;
mod table;
#[cfg(test)]
mod tests;

pub use book::{RateAnswer, RateBook, RateUnknown, validate_source_name};
pub use currency::Currency;
pub(crate) use fields::parse_day;
pub use lookup::{RateLeg, RateQuote, format_rate};
pub use parse::{ParsedRates, parse_rates, read_rates_file};
pub use range::{DayRate, RatePeriod, RateRange, year_period};
pub use table::{MAX_FALLBACK_DAYS, RateRow, RateTable, RateTableBuilder};

/// Name of the bundled source; reserved, an import cannot use it.
pub const BUNDLED_SOURCE: &str = "ECB";
/// Newest business day in the bundled file (checked by a test).
pub const BUNDLED_SNAPSHOT_DATE: &str = "2026-10-30";
/// SHA-256 of the bundled `eurofxref-hist.csv` as published (checked by a test).
pub const BUNDLED_SHA256: &str = "7ae8526817cea5c7374478a5a8d66eb1355c51b6775e161aa239bf46a48f554e";
/// How the source must be acknowledged wherever its figures are shown.
pub const BUNDLED_CITATION: &str = "Euro foreign exchange reference rates, European Central Bank";

/// The ECB history file, gzip-compressed; the decompressed bytes are the ECB's file unmodified.
static BUNDLED_GZIP: &[u8] = include_bytes!("data/eurofxref-hist.csv.gz");

/// The layout of a rate file (and of an imported source).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// `Date,USD,JPY,…`: one row per business day, each currency per 1 EUR, `N/A` for gaps.
    Ecb,
    /// `date,base,quote,rate`: one rate per row, 1 base = rate quote.
    Pairs,
}

impl Layout {
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Ecb => "ecb",
            Layout::Pairs => "pairs",
        }
    }

    pub fn parse(text: &str) -> Option<Layout> {
        match text {
            "ecb" => Some(Layout::Ecb),
            "pairs" => Some(Layout::Pairs),
            _ => None,
        }
    }
}

/// Which snapshot of the bundled data this binary carries; the store records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BundledSnapshot {
    pub source: &'static str,
    pub date: &'static str,
    pub sha256: &'static str,
    pub citation: &'static str,
}

/// The bundled snapshot's identity, without decompressing anything.
pub fn bundled_snapshot() -> BundledSnapshot {
    BundledSnapshot {
        source: BUNDLED_SOURCE,
        date: BUNDLED_SNAPSHOT_DATE,
        sha256: BUNDLED_SHA256,
        citation: BUNDLED_CITATION,
    }
}

/// The bundled ECB table, parsed on first use and shared for the life of the process.
pub fn bundled() -> &'static RateTable {
    static TABLE: OnceLock<RateTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        RateTable::lazy_ecb(BUNDLED_SOURCE, bundled_csv())
            .expect("the bundled ECB file has an ECB header (checked by tests)")
    })
}

/// The bundled ECB CSV, decompressed.
pub fn bundled_csv() -> String {
    use std::io::Read;
    let mut text = String::with_capacity(2 << 20);
    flate2::read::GzDecoder::new(BUNDLED_GZIP)
        .read_to_string(&mut text)
        .expect("the bundled ECB file is valid gzip and UTF-8 (checked by tests)");
    text
}

/// Why a rate file could not be read at all.
#[derive(Debug, Error)]
pub enum RateError {
    /// The file has no lines.
    #[error(
        "{file}: empty rate file (expected a header `date,base,quote,rate` or `Date,USD,JPY,…`)"
    )]
    Empty { file: String },
    /// The first line is neither layout's header.
    #[error(
        "{file}:1: unknown layout: header `{header}`; expected `date,base,quote,rate` or the ECB layout `Date,USD,JPY,…` (three-letter codes)"
    )]
    UnknownLayout { file: String, header: String },
    /// The file could not be read.
    #[error("{file}: cannot read rate file")]
    Io {
        file: String,
        #[source]
        cause: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("{file}: not UTF-8 text; save the rate file as UTF-8 CSV")]
    NotUtf8 { file: String },
    /// An import named a source claimlint reserves, or a name it cannot store.
    #[error("`{name}` cannot be used as a source name: {reason}")]
    BadSourceName { name: String, reason: String },
}

/// One line of a rate file that was skipped.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{file}:{line}: {problem}")]
pub struct RowError {
    pub file: String,
    pub line: usize,
    pub problem: RowProblem,
}

/// What was wrong with a line.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RowProblem {
    /// The date is not `YYYY-MM-DD` or does not exist.
    #[error("bad date `{text}` (expected YYYY-MM-DD)")]
    BadDate { text: String },
    /// A rate cell is not a positive decimal number.
    #[error("bad number `{text}` in column {column} (expected a positive decimal such as 7.1435)")]
    BadNumber { column: String, text: String },
    /// A rate cell such as `1,082`: a decimal comma or a thousands separator.
    #[error(
        "ambiguous number `{text}` in column {column}: a decimal comma or a thousands separator; write it with a point (such as 1.082) or without a separator (1082)"
    )]
    AmbiguousComma { column: String, text: String },
    /// A quoted cell that is not closed on its line (a rate file has no line breaks in cells).
    #[error("unclosed quote in cell {cell} (a quoted cell must end on its line with `\"`)")]
    UnclosedQuote { cell: usize },
    /// The CSV reader could not read the line.
    #[error("unreadable line: {reason}")]
    Unreadable { reason: String },
    /// A currency cell is not a three-letter code.
    #[error("bad currency `{text}` (expected a three-letter code such as USD)")]
    BadCurrency { text: String },
    /// Base and quote are the same currency.
    #[error("base and quote are both {currency}")]
    SameCurrency { currency: String },
    /// The line has the wrong number of cells.
    #[error("{found} cells where the header has {expected}")]
    FieldCount { expected: usize, found: usize },
}

/// Serde helper: a `NaiveDate` as `YYYY-MM-DD` (chrono's serde feature is not enabled).
mod serde_day {
    use chrono::NaiveDate;
    use serde::Serializer;

    pub fn serialize<S: Serializer>(day: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&day.format("%Y-%m-%d"))
    }
}
