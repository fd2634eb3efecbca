//! Reading rate files in the two layouts claimlint accepts, into a [`RateTable`].
//!
//! * **ECB layout** (`eurofxref-hist.csv`): a header `Date,USD,JPY,…` then one row per business
//!   day, any order (the ECB writes newest first), each cell the units of that currency per
//!   1 EUR, `N/A` where the ECB gave no rate, usually with a trailing comma.
//! * **Pairs layout**: a header `date,base,quote,rate`, then rows such as
//!   `2024-01-02,USD,CNY,7.1435` meaning 1 USD = 7.1435 CNY.
//!
//! Cells are read as CSV (`cells.rs`, the `csv` crate): a cell may be quoted (`"1,0823"`,
//! `"Date"`), lines may end in `\r\n`, a UTF-8 byte-order mark is skipped. The header decides
//! the layout. A bad header is fatal ([`RateError::UnknownLayout`]); a bad
//! row is recorded as a [`RowError`] naming its line and the rest of the file is still read, so
//! an import can report every bad line at once. Numbers are read from an explicit set of
//! characters (digits and one `.`, or one decimal comma that cannot be a thousands separator),
//! never with a bare `f64::from_str`, which would accept `inf`, `NaN` or `1e400`.

use chrono::NaiveDate;

use super::cells::{CellReader, Cells, Line};
use super::fields::{DecimalComma, decimal_comma, parse_day, parse_rate};
use super::table::RateTableBuilder;
use super::{Currency, Layout, RateError, RateTable, RowError, RowProblem};

/// A parsed file: the rows that were read and the lines that were not.
#[derive(Debug)]
pub struct ParsedRates {
    pub table: RateTable,
    /// One entry per rejected line, in file order.
    pub errors: Vec<RowError>,
}

/// Parses `text` (the contents of `file`, used only in messages) as rates of `source`.
pub fn parse_rates(file: &str, source: &str, text: &str) -> Result<ParsedRates, RateError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = CellReader::new(text);
    let header: Vec<String> = match reader.next_line() {
        None => {
            return Err(RateError::Empty {
                file: file.to_owned(),
            });
        }
        Some((_, Line::Cells(cells))) => cells.iter().map(str::to_owned).collect(),
        // A header that is not even CSV is no known layout either.
        Some((_, Line::Bad(_))) => {
            return Err(RateError::UnknownLayout {
                file: file.to_owned(),
                header: text
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .chars()
                    .take(80)
                    .collect(),
            });
        }
    };
    let fields: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut errors = Vec::new();
    let mut each_row = |read: &mut dyn FnMut(&Cells) -> Result<(), RowProblem>| {
        while let Some((line, cells)) = reader.next_line() {
            let result = match cells {
                Line::Cells(cells) => read(&cells),
                Line::Bad(problem) => Err(problem),
            };
            if let Err(problem) = result {
                errors.push(row_error(file, line, problem));
            }
        }
    };
    let table = if is_pairs_header(&fields) {
        let mut builder = RateTableBuilder::new(source, Layout::Pairs);
        each_row(&mut |cells| read_pairs_row(&mut builder, cells));
        builder.build()
    } else if let Some(currencies) = ecb_header_currencies(&fields) {
        let mut columns = EcbColumns::new(currencies);
        each_row(&mut |cells| columns.read_row(cells));
        columns.into_table(source)
    } else {
        return Err(RateError::UnknownLayout {
            file: file.to_owned(),
            header: header.join(",").chars().take(80).collect(),
        });
    };
    Ok(ParsedRates { table, errors })
}

fn row_error(file: &str, line: usize, problem: RowProblem) -> RowError {
    RowError {
        file: file.to_owned(),
        line,
        problem,
    }
}

fn is_pairs_header(fields: &[&str]) -> bool {
    let expected = ["date", "base", "quote", "rate"];
    fields.len() == expected.len()
        && fields
            .iter()
            .zip(expected)
            .all(|(field, name)| field.eq_ignore_ascii_case(name))
}

/// `Date,USD,JPY,…`: the currency columns, or `None` when this is not an ECB header.
fn ecb_header_currencies(fields: &[&str]) -> Option<Vec<Currency>> {
    let (first, rest) = fields.split_first()?;
    if !first.eq_ignore_ascii_case("date") || rest.is_empty() {
        return None;
    }
    rest.iter().map(|code| code.parse().ok()).collect()
}

/// The ECB layout read column by column: a file of the ECB's size has ~290k cells, so this
/// path avoids per-cell map lookups and allocations.
struct EcbColumns {
    currencies: Vec<Currency>,
    columns: Vec<Vec<(NaiveDate, f64)>>,
    days: Vec<NaiveDate>,
    /// The current row's rates (column, rate), kept until the whole row has been checked.
    row: Vec<(usize, f64)>,
}

impl EcbColumns {
    fn new(currencies: Vec<Currency>) -> EcbColumns {
        let columns = vec![Vec::with_capacity(8192); currencies.len()];
        EcbColumns {
            currencies,
            columns,
            days: Vec::with_capacity(8192),
            row: Vec::new(),
        }
    }

    /// Reads one row; a bad row adds nothing.
    fn read_row(&mut self, cells: &Cells) -> Result<(), RowProblem> {
        let expected = self.currencies.len() + 1;
        let date = parse_day(cells.get(0))?;
        if cells.len() != expected {
            return Err(RowProblem::FieldCount {
                expected,
                found: cells.len(),
            });
        }
        self.row.clear();
        for (column, cell) in cells.iter().skip(1).enumerate() {
            if cell == "N/A" {
                continue;
            }
            let rate = rate_cell(self.currencies[column].as_str(), cell)?;
            self.row.push((column, rate));
        }
        self.days.push(date);
        for &(column, rate) in &self.row {
            self.columns[column].push((date, rate));
        }
        Ok(())
    }

    fn into_table(self, source: &str) -> RateTable {
        let mut builder = RateTableBuilder::new(source, Layout::Ecb);
        builder.add_publication_days(self.days);
        for (currency, points) in self.currencies.into_iter().zip(self.columns) {
            builder.extend_series(Currency::EUR, currency, points);
        }
        builder.build()
    }
}

fn read_pairs_row(builder: &mut RateTableBuilder, cells: &Cells) -> Result<(), RowProblem> {
    if cells.len() != 4 {
        return Err(RowProblem::FieldCount {
            expected: 4,
            found: cells.len(),
        });
    }
    let [date, base, quote, rate] = [0, 1, 2, 3].map(|index| cells.get(index));
    let date = parse_day(date)?;
    let currency = |text: &str| {
        text.parse::<Currency>()
            .map_err(|_| RowProblem::BadCurrency {
                text: text.to_owned(),
            })
    };
    let (base, quote) = (currency(base)?, currency(quote)?);
    if base == quote {
        return Err(RowProblem::SameCurrency {
            currency: base.to_string(),
        });
    }
    builder.push(date, base, quote, rate_cell("rate", rate)?);
    Ok(())
}

/// A rate cell of `column`: a positive decimal, or one written with an unambiguous decimal
/// comma (`"1,0823"`, quoted in the file).
fn rate_cell(column: &str, text: &str) -> Result<f64, RowProblem> {
    parse_rate(text).or_else(|_| match decimal_comma(text) {
        DecimalComma::Read(rate) => Ok(rate),
        DecimalComma::Ambiguous => Err(RowProblem::AmbiguousComma {
            column: column.to_owned(),
            text: text.to_owned(),
        }),
        DecimalComma::NotOne => Err(RowProblem::BadNumber {
            column: column.to_owned(),
            text: text.to_owned(),
        }),
    })
}

/// Reads and parses a rate file; `-` reads standard input.
pub fn read_rates_file(path: &std::path::Path, source: &str) -> Result<ParsedRates, RateError> {
    use std::io::Read;
    let name = if path.as_os_str() == "-" {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    };
    let io_error = |cause| RateError::Io {
        file: name.clone(),
        cause,
    };
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(io_error)?;
        bytes
    } else {
        std::fs::read(path).map_err(io_error)?
    };
    let text = String::from_utf8(bytes).map_err(|_| RateError::NotUtf8 { file: name.clone() })?;
    parse_rates(&name, source, &text)
}
