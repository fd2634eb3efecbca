//! A claim as recognised, before ids, lines and sentences are assigned.
//!
//! Values and precision bounds stay exact decimals here; they become `f64` only when the
//! public [`Claim`] is built, and `value_text` is printed from the decimal, never from a float.

use crate::model::{Ambiguity, Claim, ClaimKind, Precision, Qualifier};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

#[derive(Debug, Clone)]
pub struct Found {
    pub kind: ClaimKind,
    pub start: usize,
    pub end: usize,
    /// Index of the first token of the claim (a currency symbol included), for qualifiers.
    pub first_token: usize,
    pub value: Decimal,
    pub unit: Option<String>,
    pub scale: Option<String>,
    pub low: Decimal,
    pub high: Decimal,
    pub qualifier: Qualifier,
    pub ambiguity: Vec<Ambiguity>,
    pub date: Option<String>,
    /// Sign as written, for change relations.
    pub sign: Option<char>,
}

impl Found {
    /// Whether the claim is an amount of something: money, a count, a quantity or a bare
    /// number (what totals, ratios and averages are made of).
    pub fn is_amount(&self) -> bool {
        matches!(
            self.kind,
            ClaimKind::Money | ClaimKind::Count | ClaimKind::Quantity | ClaimKind::Number
        )
    }

    /// A claim whose value is exact (dates, ordinals): precision is the value itself.
    pub fn exact(
        kind: ClaimKind,
        start: usize,
        end: usize,
        first_token: usize,
        value: i64,
    ) -> Found {
        let value = Decimal::from(value);
        Found {
            kind,
            start,
            end,
            first_token,
            value,
            unit: None,
            scale: None,
            low: value,
            high: value,
            qualifier: Qualifier::None,
            ambiguity: Vec::new(),
            date: None,
            sign: None,
        }
    }

    pub fn into_claim(
        self,
        id: String,
        line: u32,
        column: u32,
        sentence: u32,
        text: &str,
    ) -> Claim {
        Claim {
            id,
            kind: self.kind,
            text: text[self.start..self.end].to_string(),
            start: self.start,
            end: self.end,
            line,
            column,
            sentence,
            value: to_f64(self.value),
            value_text: decimal_text(self.value),
            unit: self.unit,
            scale: self.scale,
            precision: Precision {
                low: to_f64(self.low),
                high: to_f64(self.high),
            },
            qualifier: self.qualifier,
            ambiguity: self.ambiguity,
            period: self.date.as_deref().and_then(crate::model::DatePeriod::of),
            date: self.date,
        }
    }
}

/// The normalised decimal text: no exponent, no trailing zeros, `.` as decimal point.
///
/// Written by hand rather than through `normalize().to_string()`: it runs for every claim and
/// the formatter machinery was a visible share of extraction time. `decimal_text_matches_
/// rust_decimal` pins it to the library's output.
pub fn decimal_text(value: Decimal) -> String {
    // Nearly every claim fits in u64, whose division is far cheaper than u128's; the rare
    // larger one takes the library's path.
    let Ok(mut magnitude) = u64::try_from(value.mantissa().unsigned_abs()) else {
        return value.normalize().to_string();
    };
    let mut scale = value.scale();
    while scale > 0 && magnitude % 10 == 0 {
        magnitude /= 10;
        scale -= 1;
    }
    // Least significant digit first: at most 20 digits, or scale + 1 with the leading zero.
    let mut digits = [0u8; 32];
    let mut len = 0;
    while magnitude > 0 || len <= scale as usize {
        digits[len] = b'0' + (magnitude % 10) as u8;
        magnitude /= 10;
        len += 1;
    }
    let negative = value.is_sign_negative() && !value.is_zero();
    let mut out = String::with_capacity(len + 2);
    if negative {
        out.push('-');
    }
    for (position, &digit) in digits[..len].iter().enumerate().rev() {
        out.push(digit as char);
        if position == scale as usize && scale > 0 {
            out.push('.');
        }
    }
    out
}

/// The decimal as `f64`, bit for bit what `Decimal::to_f64` gives (the fixtures compare
/// values exactly), with the arithmetic in `u64` when the mantissa fits: the library works in
/// `u128`, whose division and conversion were a visible share of extraction time.
pub fn to_f64(value: Decimal) -> f64 {
    let mantissa = value.mantissa();
    let scale = value.scale();
    let Ok(magnitude) = u64::try_from(mantissa.unsigned_abs()) else {
        return value.to_f64().unwrap_or(0.0);
    };
    if scale == 0 {
        return mantissa as f64;
    }
    if scale > 19 {
        return value.to_f64().unwrap_or(0.0);
    }
    // The same steps as `Decimal::as_f64`, in u64: each conversion to f64 is correctly
    // rounded from the same integer, so the result is identical.
    let precision = 10_u64.pow(scale);
    let integral = (magnitude / precision) as f64;
    let fraction = (magnitude % precision) as f64 / precision as f64;
    let negative = value.is_sign_negative();
    if fraction == 0.0 {
        return if negative { -integral } else { integral };
    }
    let round_to = 10f64.powi(scale as i32);
    let rounded = ((integral + fraction) * round_to).round() / round_to;
    if negative { -rounded } else { rounded }
}

/// A claim id, `c` and the 1-based index, without the formatting machinery.
pub fn claim_id(number: usize) -> String {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = number;
    loop {
        digits[len] = b'0' + (rest % 10) as u8;
        rest /= 10;
        len += 1;
        if rest == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(len + 1);
    id.push('c');
    id.extend(digits[..len].iter().rev().map(|&digit| digit as char));
    id
}

/// The 0-based position of the claim with id `id` ([`claim_id`] read back), if `id` is one.
pub fn claim_index(id: &str) -> Option<usize> {
    id.strip_prefix('c')?.parse::<usize>().ok()?.checked_sub(1)
}

/// The ISO text of a date as precise as written: `2023`, `2022-02`, `2024-01-15`, with `XXXX`
/// for an unknown year and `XX` for an unknown month. The same text as
/// `format!("{year:04}-{month:02}-{day:02}")`, written by hand because it runs for every
/// date claim; values outside four (year) or two digits take the formatter.
pub fn iso_date(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> String {
    let mut out = String::with_capacity(10);
    match year {
        None => out.push_str("XXXX"),
        Some(year @ 0..=9999) => push_digits(&mut out, year as u32, 4),
        Some(year) => out.push_str(&format!("{year:04}")),
    }
    if month.is_none() && day.is_none() {
        return out;
    }
    out.push('-');
    match month {
        None => out.push_str("XX"),
        Some(month @ 0..=99) => push_digits(&mut out, month, 2),
        Some(month) => out.push_str(&month.to_string()),
    }
    if let Some(day) = day {
        out.push('-');
        match day {
            0..=99 => push_digits(&mut out, day, 2),
            _ => out.push_str(&day.to_string()),
        }
    }
    out
}

/// Appends the last `width` decimal digits of `value`, zero-padded.
fn push_digits(out: &mut String, value: u32, width: u32) {
    for place in (0..width).rev() {
        out.push(char::from(b'0' + (value / 10_u32.pow(place) % 10) as u8));
    }
}

/// An ambiguity whose alternative is a decimal value.
pub fn ambiguity(kind: &str, note: &str, alternative: Option<Decimal>) -> Ambiguity {
    Ambiguity {
        kind: kind.to_string(),
        note: note.to_string(),
        alternative_value: alternative.map(to_f64),
        alternative_value_text: alternative.map(decimal_text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn samples() -> Vec<Decimal> {
        let mut values: Vec<Decimal> = [
            "0",
            "-0",
            "0.000",
            "1",
            "-1",
            "10",
            "100.00",
            "13.6",
            "1.91",
            "0.05",
            "-0.5",
            "1905000000",
            "1.905e9",
            "235.9",
            "0.000001",
            "123456789.123456789",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7.9228162514264337593543950335",
            "18446744073709551615",
            "18446744073709551616",
            "0.1234567890123456789",
            "0.12345678901234567890",
            "2.5",
            "1234567.89",
        ]
        .iter()
        .map(|text| {
            Decimal::from_str(text).unwrap_or_else(|_| Decimal::from_scientific(text).unwrap())
        })
        .collect();
        // A spread of mantissas and scales, including ones past u64.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mantissa = i128::from(seed as i64) * if seed % 7 == 0 { 1 << 20 } else { 1 };
            let scale = (seed >> 40) as u32 % 29;
            values.push(Decimal::from_i128_with_scale(mantissa, scale));
        }
        values
    }

    #[test]
    fn decimal_text_matches_rust_decimal() {
        for value in samples() {
            assert_eq!(
                decimal_text(value),
                value.normalize().to_string(),
                "{value:?}"
            );
        }
    }

    #[test]
    fn to_f64_matches_rust_decimal_bit_for_bit() {
        for value in samples() {
            let expected = value.to_f64().unwrap_or(0.0);
            assert_eq!(to_f64(value).to_bits(), expected.to_bits(), "{value:?}");
        }
    }

    #[test]
    fn iso_dates_match_the_formatter() {
        let years = [
            None,
            Some(0),
            Some(7),
            Some(476),
            Some(2024),
            Some(9999),
            Some(10_000),
        ];
        let years = years.into_iter().chain([Some(-5), Some(-2024)]);
        for year in years {
            for month in [None, Some(1), Some(12), Some(0), Some(99), Some(100)] {
                for day in [None, Some(1), Some(31), Some(123)] {
                    let year_text = year.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"));
                    let expected = match (month, day) {
                        (Some(m), Some(d)) => format!("{year_text}-{m:02}-{d:02}"),
                        (Some(m), None) => format!("{year_text}-{m:02}"),
                        (None, Some(d)) => format!("{year_text}-XX-{d:02}"),
                        (None, None) => year_text,
                    };
                    assert_eq!(iso_date(year, month, day), expected);
                }
            }
        }
    }

    #[test]
    fn claim_ids_count_from_the_number() {
        assert_eq!(claim_id(1), "c1");
        assert_eq!(claim_id(10), "c10");
        assert_eq!(claim_id(12_345), "c12345");
        assert_eq!(claim_id(0), "c0");
    }
}
