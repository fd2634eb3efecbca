//! The bundled ECB file read lazily, one currency column at a time.
//!
//! `claimlint check` of one article asks for two or three currencies; parsing all ~290k cells
//! of the history up front would cost more than everything else in a cold run. Opening indexes
//! the rows (their dates and where each line starts); a column is parsed the first time a
//! lookup needs it and kept for the rest of the process. Only the trusted bundled file takes
//! this path: a unit test checks that every column equals what the validating parser
//! ([`parse_rates`](super::parse_rates)) reads from the same bytes.

use std::sync::OnceLock;

use chrono::NaiveDate;

use super::Currency;
use super::fields::{parse_day, parse_rate};
use super::series::Series;

#[derive(Debug, Clone)]
pub(super) struct LazyColumns {
    text: String,
    currencies: Vec<Currency>,
    /// Each data line: its date and the byte range of the cells after the date, file order.
    rows: Vec<(NaiveDate, usize, usize)>,
    columns: Vec<OnceLock<Series>>,
}

impl LazyColumns {
    /// Indexes an ECB-layout text; `None` if the header is not the ECB layout. Lines whose
    /// date does not parse are left out (the bundled file has none).
    pub(super) fn new(text: String) -> Option<LazyColumns> {
        let mut lines = text.split_inclusive('\n');
        let header = lines.next()?;
        let mut cells = header.trim_end().trim_end_matches(',').split(',');
        if !cells.next()?.eq_ignore_ascii_case("date") {
            return None;
        }
        let currencies = cells
            .map(|code| code.trim().parse().ok())
            .collect::<Option<Vec<Currency>>>()?;
        let mut rows = Vec::with_capacity(8192);
        let mut offset = header.len();
        for line in lines {
            let start = offset;
            offset += line.len();
            let Some((date_text, _)) = line.split_once(',') else {
                continue;
            };
            if let Ok(date) = parse_day(date_text.trim()) {
                let cells_start = start + date_text.len() + 1;
                rows.push((date, cells_start, start + line.trim_end().len()));
            }
        }
        let columns = currencies.iter().map(|_| OnceLock::new()).collect();
        Some(LazyColumns {
            text,
            currencies,
            rows,
            columns,
        })
    }

    pub(super) fn currencies(&self) -> &[Currency] {
        &self.currencies
    }

    pub(super) fn days(&self) -> Vec<NaiveDate> {
        self.rows.iter().map(|row| row.0).collect()
    }

    /// Units of `currency` per 1 EUR, parsed on first use.
    pub(super) fn column(&self, currency: Currency) -> Option<&Series> {
        let index = self.currencies.iter().position(|&c| c == currency)?;
        Some(self.columns[index].get_or_init(|| self.parse_column(index)))
    }

    fn parse_column(&self, index: usize) -> Series {
        let mut points = Vec::with_capacity(self.rows.len());
        for &(date, start, end) in &self.rows {
            let cell = self.text[start..end].split(',').nth(index).map(str::trim);
            if let Some(Ok(rate)) = cell
                .filter(|c| *c != "N/A" && !c.is_empty())
                .map(parse_rate)
            {
                points.push((date, rate));
            }
        }
        if points.is_sorted_by(|a, b| a.0 > b.0) {
            points.reverse();
        }
        points.sort_by_key(|point| point.0);
        points.dedup_by_key(|point| point.0);
        Series { points }
    }
}
