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
            date: self.date,
        }
    }
}

/// The normalised decimal text: no exponent, no trailing zeros, `.` as decimal point.
pub fn decimal_text(value: Decimal) -> String {
    value.normalize().to_string()
}

pub fn to_f64(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
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
