//! Vulgar fraction characters glued to digits: "3½", "2¾", "-1¼". They belong to the number
//! literal itself, so the tokenizer adds them while it reads the digits; nothing else here
//! depends on the rest of the pipeline.

use super::number::NumberLit;
use rust_decimal::Decimal;

/// "3½", "2¾", "-1¼": a vulgar fraction character glued after an integer adds to it (the
/// tokenizer calls this on every number). The sum is exact (⅓ and ⅔ to 15 decimals).
pub fn with_vulgar_fraction(text: &str, mut number: NumberLit) -> NumberLit {
    let Some(c) = text[number.end..].chars().next() else {
        return number;
    };
    let (numerator, denominator) = match c {
        '½' => (1, 2),
        '¼' => (1, 4),
        '¾' => (3, 4),
        '⅓' => (1, 3),
        '⅔' => (2, 3),
        '⅕' => (1, 5),
        '⅛' => (1, 8),
        '⅜' => (3, 8),
        '⅝' => (5, 8),
        '⅞' => (7, 8),
        _ => return number,
    };
    if number.decimals > 0 {
        return number;
    }
    let fraction = (Decimal::from(numerator) / Decimal::from(denominator)).round_dp(15);
    let fraction = if number.value.is_sign_negative() {
        -fraction
    } else {
        fraction
    };
    number.value += fraction;
    number.decimals = fraction.scale();
    number.end += c.len_utf8();
    number.plain = false;
    number
}
