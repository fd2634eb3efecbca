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
        let mut builder = RateTableBuilder::new(source, Layout::Ecb);
        for (line, text) in lines {
            if let Err(problem) = read_ecb_row(&mut builder, &currencies, text) {
                errors.push(row_error(file, line, problem));
            }
        }
        builder.build()
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

fn read_ecb_row(
    builder: &mut RateTableBuilder,
    currencies: &[Currency],
    line: &str,
) -> Result<(), RowProblem> {
    let fields = split_fields(line);
    if fields.len() != currencies.len() + 1 {
        return Err(RowProblem::FieldCount {
            expected: currencies.len() + 1,
            found: fields.len(),
        });
    }
    let date = parse_day(fields[0])?;
    // Check the whole row before adding any of it, so a bad row adds nothing.
    let mut rates = Vec::with_capacity(currencies.len());
    for (&currency, &cell) in currencies.iter().zip(&fields[1..]) {
        if cell.eq_ignore_ascii_case("N/A") || cell.is_empty() {
            continue;
        }
        let rate = parse_rate(cell).map_err(|text| RowProblem::BadNumber {
            column: currency.to_string(),
            text,
        })?;
        rates.push((currency, rate));
    }
    builder.add_publication_day(date);
    for (currency, rate) in rates {
        builder.push(date, Currency::EUR, currency, rate);
    }
    Ok(())
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

/// `YYYY-MM-DD`, a day that exists.
pub(super) fn parse_day(text: &str) -> Result<NaiveDate, RowProblem> {
    let bad = || RowProblem::BadDate {
        text: text.to_owned(),
    };
    let bytes = text.as_bytes();
    let digits_at = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return Err(bad());
    }
    if !(digits_at(0..4) && digits_at(5..7) && digits_at(8..10)) {
        return Err(bad());
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().map_err(|_| bad());
    let year = number(0..4)? as i32;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?).ok_or_else(bad)
}

/// A positive decimal written with ASCII digits and at most one `.`; returns the text on error.
fn parse_rate(text: &str) -> Result<f64, String> {
    let mut dots = 0;
    let mut digits = 0;
    for byte in text.bytes() {
        match byte {
            b'0'..=b'9' => digits += 1,
            b'.' => dots += 1,
            _ => return Err(text.to_owned()),
        }
    }
    if digits == 0 || dots > 1 || text.starts_with('.') || text.ends_with('.') {
        return Err(text.to_owned());
    }
    match text.parse::<f64>() {
        Ok(rate) if rate > 0.0 && rate.is_finite() => Ok(rate),
        _ => Err(text.to_owned()),
    }
}
