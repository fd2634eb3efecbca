//! The two field formats of a rate file: a day (`YYYY-MM-DD`) and a rate (a positive
//! decimal), parsed without allocating; [`decimal_comma`] reads the `1,0823` that spreadsheets
//! in comma locales write (quoted, in a comma-separated file) when it cannot mean a thousand.

use super::RowProblem;
use chrono::NaiveDate;

/// `YYYY-MM-DD`, a day that exists.
pub(crate) fn parse_day(text: &str) -> Result<NaiveDate, RowProblem> {
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
///
/// Up to 15 significant digits are converted as `digits / 10^decimals`: both are exact in an
/// `f64` and one IEEE division rounds correctly, so the result equals `str::parse` (a unit
/// test checks every cell of the bundled file) at a fraction of the cost. Longer numbers go
/// through `str::parse`.
pub(crate) fn parse_rate(text: &str) -> Result<f64, String> {
    const POWERS_OF_TEN: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let bad = || text.to_owned();
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b'.') || bytes.last() == Some(&b'.') {
        return Err(bad());
    }
    let mut digits: u64 = 0;
    let mut digit_count = 0usize;
    let mut decimals = 0usize;
    let mut seen_dot = false;
    for &byte in bytes {
        match byte {
            b'0'..=b'9' => {
                digit_count += 1;
                decimals += usize::from(seen_dot);
                digits = digits.wrapping_mul(10).wrapping_add(u64::from(byte - b'0'));
            }
            b'.' if !seen_dot => seen_dot = true,
            _ => return Err(bad()),
        }
    }
    if digit_count == 0 {
        return Err(bad());
    }
    let rate = if digit_count <= 15 {
        digits as f64 / POWERS_OF_TEN[decimals]
    } else {
        text.parse::<f64>().map_err(|_| bad())?
    };
    if rate > 0.0 && rate.is_finite() {
        Ok(rate)
    } else {
        Err(bad())
    }
}

/// What [`decimal_comma`] made of a cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum DecimalComma {
    /// One comma between digits, not followed by exactly three digits: the rate.
    Read(f64),
    /// `1,082`: a decimal comma or a thousands separator; claimlint does not guess.
    Ambiguous,
    /// Not a number with one comma.
    NotOne,
}

/// `1,0823` or `7,14` as a rate; `1,082` is [`DecimalComma::Ambiguous`] (1082 in English,
/// 1.082 in Italian), anything else that is not digits, one comma, digits is `NotOne`.
pub(crate) fn decimal_comma(text: &str) -> DecimalComma {
    let Some((whole, fraction)) = text.split_once(',') else {
        return DecimalComma::NotOne;
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit());
    if !(digits(whole) && digits(fraction)) {
        return DecimalComma::NotOne;
    }
    if fraction.len() == 3 {
        return DecimalComma::Ambiguous;
    }
    match parse_rate(&format!("{whole}.{fraction}")) {
        Ok(rate) => DecimalComma::Read(rate),
        Err(_) => DecimalComma::NotOne,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decimal_comma_is_read_only_where_it_cannot_be_a_thousands_separator() {
        assert_eq!(decimal_comma("1,0823"), DecimalComma::Read(1.0823));
        assert_eq!(decimal_comma("7,1"), DecimalComma::Read(7.1));
        assert_eq!(decimal_comma("1,082"), DecimalComma::Ambiguous);
        for text in ["1,0,5", "1.2,5", ",5", "5,", "1,5x", "0,00", "1 ,5", "1082"] {
            assert_eq!(decimal_comma(text), DecimalComma::NotOne, "{text}");
        }
    }
}
