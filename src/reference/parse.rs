//! Reading rate files in the two layouts claimlint accepts, into a [`RateTable`].
//!
//! * **ECB layout** (`eurofxref-hist.csv`): a header `Date,USD,JPY,…` then one row per business
//!   day, any order (the ECB writes newest first), each cell the units of that currency per
//!   1 EUR, `N/A` where the ECB gave no rate, usually with a trailing comma.
//! * **Pairs layout**: a header `date,base,quote,rate`, then rows such as
//!   `2024-01-02,USD,CNY,7.1435` meaning 1 USD = 7.1435 CNY.
//!
//! The header decides the layout. A bad header is fatal ([`RateError::UnknownLayout`]); a bad
//! row is recorded as a [`RowError`] naming its line and the rest of the file is still read, so
//! an import can report every bad line at once. Numbers are read from an explicit set of
//! characters (digits and one `.`), never with a bare `f64::from_str`, which would accept `inf`,
//! `NaN` or `1e400`.

use chrono::NaiveDate;

use super::fields::{parse_day, parse_rate};
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
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim_end_matches('\r')))
        .filter(|(_, line)| !line.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return Err(RateError::Empty {
            file: file.to_owned(),
        });
    };
    let fields = split_fields(header);
    let mut errors = Vec::new();
    let table = if is_pairs_header(&fields) {
        let mut builder = RateTableBuilder::new(source, Layout::Pairs);
        for (line, text) in lines {
            if let Err(problem) = read_pairs_row(&mut builder, text) {
                errors.push(row_error(file, line, problem));
            }
        }
        builder.build()
    } else if let Some(currencies) = ecb_header_currencies(&fields) {
        let mut columns = EcbColumns::new(currencies);
        for (line, text) in lines {
            if let Err(problem) = columns.read_row(text) {
                errors.push(row_error(file, line, problem));
            }
        }
        columns.into_table(source)
    } else {
        return Err(RateError::UnknownLayout {
            file: file.to_owned(),
            header: header.chars().take(80).collect(),
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

/// Splits a CSV line on commas, trims the cells and drops one trailing empty cell (the ECB
/// ends every line with a comma). Rate files never quote cells.
fn split_fields(line: &str) -> Vec<&str> {
    let mut fields: Vec<&str> = line.split(',').map(str::trim).collect();
    if fields.len() > 1 && fields.last() == Some(&"") {
        fields.pop();
    }
    fields
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

/// The ECB layout read column by column: the bundled file has ~290k cells and is parsed on
/// the first lookup of every `check`, so this path avoids per-cell map lookups and allocations.
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
    fn read_row(&mut self, line: &str) -> Result<(), RowProblem> {
        let expected = self.currencies.len() + 1;
        let mut cells = line.split(',').map(str::trim);
        let date = parse_day(cells.next().unwrap_or_default())?;
        self.row.clear();
        for column in 0..self.currencies.len() {
            let Some(cell) = cells.next() else {
                let found = split_fields(line).len();
                return Err(RowProblem::FieldCount { expected, found });
            };
            if cell == "N/A" {
                continue;
            }
            if cell.is_empty() {
                let found = split_fields(line).len();
                if found != expected {
                    return Err(RowProblem::FieldCount { expected, found });
                }
            }
            let rate = parse_rate(cell).map_err(|text| RowProblem::BadNumber {
                column: self.currencies[column].to_string(),
                text,
            })?;
            self.row.push((column, rate));
        }
        let at_most_a_trailing_comma =
            matches!((cells.next(), cells.next()), (None | Some(""), None));
        if !at_most_a_trailing_comma {
            let found = split_fields(line).len();
            return Err(RowProblem::FieldCount { expected, found });
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

fn read_pairs_row(builder: &mut RateTableBuilder, line: &str) -> Result<(), RowProblem> {
    let fields = split_fields(line);
    let [date, base, quote, rate] = fields[..] else {
        return Err(RowProblem::FieldCount {
            expected: 4,
            found: fields.len(),
        });
    };
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
    let rate = parse_rate(rate).map_err(|text| RowProblem::BadNumber {
        column: "rate".to_owned(),
        text,
    })?;
    builder.push(date, base, quote, rate);
    Ok(())
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
