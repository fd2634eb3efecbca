//! Currencies written before the amount, other than a bare symbol: "US$"/"C $"/"hk $" before a
//! dollar sign, an ISO code glued to the digits ("USD3.14", "EUR29,99"), and a currency name or
//! abbreviation before the digits ("dollari 996", "Rs. 20", "RM 42", "malaysia ringgit 42").
//!
//! A spaced one-letter prefix before `$` is only read for "C" (Canadian): "a $5 bill" has the
//! article "a", and "s"/"r" are too often stray letters.

use super::amount::{Core, finish};
use super::money::{currency_code, dollar_prefix};
use crate::extract::found::Found;
use crate::extract::numbers::number::parse_number_at;
use crate::extract::tokens::context::Context;

/// The first token and currency of a prefix written before the symbol at `index`.
pub fn prefix_before_symbol(
    context: &Context,
    index: usize,
    symbol: char,
) -> Option<(usize, &'static str)> {
    let word = context.word(index.checked_sub(1)?)?;
    if context.glued(index) {
        return dollar_prefix(word, symbol).map(|code| (index - 1, code));
    }
    if !context.follows(index) || word.len() > 3 {
        return None;
    }
    let upper = word.to_ascii_uppercase();
    let code = match upper.as_str() {
        "A" | "S" | "R" => None,
        "CAN" => None,
        other => dollar_prefix(other, symbol),
    }?;
    Some((index - 1, code))
}

/// Abbreviations written before an amount: "Rs 500", "Rs. 20", "RM 42".
fn abbreviation(word: &str) -> Option<&'static str> {
    match word {
        "Rs" | "rs" | "Rs." | "INR" => Some("INR"),
        "RM" => Some("MYR"),
        _ => None,
    }
}

/// The first token and currency of a name or abbreviation written right before the number at
/// `index` ("dollari 996", "Rs. 20", "malaysia ringgit 42").
pub fn name_before_number(context: &Context, index: usize) -> Option<(usize, &'static str)> {
    if index == 0 || !context.follows(index) {
        return None;
    }
    let mut at = index - 1;
    // "Rs. 20": the abbreviation's dot.
    if context.symbol(at) == Some('.') && at > 0 && context.glued(at) {
        at -= 1;
        return abbreviation(context.word(at)?).map(|code| (at, code));
    }
    let word = context.word(at)?;
    if let Some(code) = abbreviation(word) {
        return Some((at, code));
    }
    let lower = context.lower(at)?;
    if context
        .lexicon
        .amounts
        .not_before_number
        .contains(&lower.as_str())
    {
        return None;
    }
    let code = context.lexicon.amounts.money.name(lower.as_str())?;
    // "… million dollars 5 years ago": the name ends an earlier amount.
    if at > 0 && context.follows(at) {
        let ends_amount = context.number(at - 1).is_some()
            || context
                .lower(at - 1)
                .is_some_and(|l| context.lexicon.numbers.scale_word(l.as_str()).is_some());
        if ends_amount {
            return None;
        }
    }
    Some((at, code))
}

/// An ISO code glued to the digits ("USD3.14", "CNY3", "EUR29,99") at word `index`.
pub fn prefixed_amount(context: &Context, index: usize) -> Option<(Found, usize)> {
    let word = context.word(index)?;
    let bytes = word.as_bytes();
    if bytes.len() < 4 || !bytes[3].is_ascii_digit() {
        return None;
    }
    let code = currency_code(&word[..3])?;
    let token = context.tokens[index];
    let number = parse_number_at(context.text, token.start + 3, context.lang)?;
    if number.end < token.end {
        return None;
    }
    let mut next = index + 1;
    while next < context.len() && context.tokens[next].start < number.end {
        next += 1;
    }
    if next > index + 1 && context.tokens[next - 1].end != number.end {
        return None;
    }
    let core = Core {
        first_token: index,
        next,
        value: number.value,
        decimals: number.decimals,
        sign: None,
        ambiguity: number
            .ambiguity
            .as_ref()
            .map(|a| (a.kind, a.note, a.alternative)),
        approx: false,
        collective: false,
        year: None,
        half: None,
        prefix_currency: Some(code),
    };
    finish(context, core)
}
