//! The main pass: walks the tokens once and hands each place a claim can start to the
//! recogniser for it (digits, currency symbols or codes, month names, spelled numbers).
//!
//! Recognisers return the token after what they consumed, so claims never overlap and come
//! out in text order.

use super::amount::{Core, finish};
use super::context::Context;
use super::dates::{read_month_date, year_of};
use super::dates_filter::may_start_date;
use super::dates_numeric::{read_numeric_date, read_offset};
use super::dates_words::read_word_date;
use super::found::{Found, ambiguity};
use super::money::{currency_code, dollar_prefix, mentions_yuan, symbol_currency};
use super::spelled::read_spelled;
use super::token::TokenKind;
use crate::model::{ClaimKind, Lang};
use rust_decimal::Decimal;

/// Every claim in the token stream, in text order.
pub fn scan(context: &Context) -> Vec<Found> {
    let mut found = Vec::new();
    let mut index = 0;
    while index < context.len() {
        let step = match context.tokens[index].kind {
            TokenKind::Number(_) => digits_claim(context, index),
            TokenKind::Symbol(symbol) => symbol_money(context, index, symbol),
            TokenKind::Word => word_claim(context, index),
        };
        match step {
            Some((claim, next)) => {
                found.push(claim);
                index = next.max(index + 1);
            }
            None => index += 1,
        }
    }
    found
}

fn number_core(
    context: &Context,
    index: usize,
    first_token: usize,
    currency: Option<&'static str>,
) -> Option<Core> {
    let number = context.number(index)?;
    let year = year_of(context, index);
    Some(Core {
        first_token,
        next: index + 1,
        value: number.value,
        decimals: number.decimals,
        sign: number.sign,
        ambiguity: number
            .ambiguity
            .as_ref()
            .map(|a| (a.kind, a.note, a.alternative)),
        approx: false,
        collective: false,
        year: if currency.is_some() { None } else { year },
        prefix_currency: currency,
    })
}

fn digits_claim(context: &Context, index: usize) -> Option<(Found, usize)> {
    // "COVID-19", "F-16", "A/7": a code, not a figure.
    if context.glued(index)
        && matches!(context.symbol(index - 1), Some('-' | '/' | '_' | '.'))
        && context.glued(index - 1)
        && context.word(index - 2).is_some()
    {
        return None;
    }
    if let Some(date) = read_numeric_date(context, index, index, None) {
        return Some(date);
    }
    if let Some(number) = context
        .number(index)
        .filter(|n| n.plain && n.digit_count <= 3)
    {
        let value = u64::try_from(number.value.mantissa()).ok()?;
        if let Some(date) = read_offset(context, index, value, index + 1) {
            return Some(date);
        }
    }
    if let Some(ordinal) = digit_ordinal(context, index) {
        return Some(ordinal);
    }
    finish(context, number_core(context, index, index, None)?)
}

/// `75mo`, `75°`, `75esimo`, `75th`, `1st`.
fn digit_ordinal(context: &Context, index: usize) -> Option<(Found, usize)> {
    let number = context.number(index)?;
    if !number.plain || !context.glued(index + 1) {
        return None;
    }
    let suffix_ok = match context.symbol(index + 1) {
        Some('°') => {
            context.lang == Lang::It
                && context
                    .word(index + 2)
                    .is_none_or(|_| !context.glued(index + 2))
        }
        Some(_) => false,
        None => {
            let lower = context.lower(index + 1)?;
            match context.lang {
                Lang::It => matches!(
                    lower.as_str(),
                    "mo" | "ma" | "mi" | "me" | "esimo" | "esima" | "esimi" | "esime" | "º" | "ª"
                ),
                Lang::En => {
                    let value = number.value.mantissa();
                    let expected = match (value % 100, value % 10) {
                        (11..=13, _) => "th",
                        (_, 1) => "st",
                        (_, 2) => "nd",
                        (_, 3) => "rd",
                        _ => "th",
                    };
                    lower.as_str() == expected
                }
            }
        }
    };
    if !suffix_ok {
        return None;
    }
    let value = i64::try_from(number.value.mantissa()).ok()?;
    let token = context.tokens[index + 1];
    let mut found = Found::exact(ClaimKind::Ordinal, number.start, token.end, index, value);
    found.end = token.end;
    Some((found, index + 2))
}

/// `$1.91bn`, `€ 2,5 miliardi`, `US$5`, `CN¥ 10`.
fn symbol_money(context: &Context, index: usize, symbol: char) -> Option<(Found, usize)> {
    let bare = symbol_currency(symbol)?;
    let mut first = index;
    let mut code = bare;
    if context.glued(index) {
        if let Some(prefix) = context
            .word(index - 1)
            .and_then(|w| dollar_prefix(w, symbol))
        {
            first = index - 1;
            code = prefix;
        }
    }
    if !context.follows(index + 1) || context.number(index + 1).is_none() {
        return None;
    }
    let mut core = number_core(context, index + 1, first, Some(code))?;
    core.year = None;
    let yen_sign = first == index && matches!(symbol, '¥' | '￥');
    let (mut found, next) = finish(context, core)?;
    if yen_sign {
        let text = context.text;
        let mut from = found.start.saturating_sub(300);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (found.end + 300).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        let yuan = mentions_yuan(&text[from..to]);
        if yuan {
            found.unit = Some("CNY".to_string());
        }
        found.ambiguity.push(ambiguity(
            "currency-symbol",
            if yuan {
                "¥ is also the yen sign; read as yuan from the context"
            } else {
                "¥ is also the yuan sign; read as yen"
            },
            None,
        ));
    }
    Some((found, next))
}

fn word_claim(context: &Context, index: usize) -> Option<(Found, usize)> {
    let word = context.word(index)?;
    let date_word = may_start_date(word.as_bytes(), context.lang);
    if !date_word && !may_start_claim(word.as_bytes(), context.lang) {
        return None;
    }
    if let Some(code) = currency_code(word) {
        if context.follows(index + 1) && context.number(index + 1).is_some() {
            let core = number_core(context, index + 1, index, Some(code))?;
            return finish(context, core);
        }
        return None;
    }
    let lower = context.lower(index)?;
    if let Some(date) = read_month_date(context, index, lower.as_str()) {
        return Some(date);
    }
    if date_word {
        if let Some(date) = read_word_date(context, index, lower.as_str()) {
            return Some(date);
        }
    }
    if !may_start_claim(word.as_bytes(), context.lang) {
        return None;
    }
    let spelled = read_spelled(context, index, lower.as_str())?;
    if !spelled.ordinal {
        if let Some(date) = read_offset(context, index, spelled.value, spelled.next) {
            return Some(date);
        }
    }
    let start = context.tokens[index].start;
    if spelled.ordinal {
        let end = context.tokens[spelled.next - 1].end;
        return Some((
            Found::exact(ClaimKind::Ordinal, start, end, index, spelled.value as i64),
            spelled.next,
        ));
    }
    let core = Core {
        first_token: index,
        next: spelled.next,
        value: Decimal::from(spelled.value),
        decimals: 0,
        sign: None,
        ambiguity: None,
        approx: spelled.approx,
        collective: spelled.collective,
        year: None,
        prefix_currency: None,
    };
    finish(context, core)
}

/// A cheap filter on the word as written: only words that pass can start a claim (a currency
/// code, a month name, a spelled number or ordinal), so most words are never lower-cased.
fn may_start_claim(word: &[u8], lang: Lang) -> bool {
    let Some(&first) = word.first() else {
        return false;
    };
    if word.len() == 3 && word.iter().all(u8::is_ascii_uppercase) {
        return true;
    }
    let first = first.to_ascii_lowercase();
    match lang {
        Lang::It => match word.len() {
            0 | 1 => false,
            2 => word.eq_ignore_ascii_case(b"un"),
            _ => matches!(
                first,
                b'a' | b'c'
                    | b'd'
                    | b'f'
                    | b'g'
                    | b'l'
                    | b'm'
                    | b'n'
                    | b'o'
                    | b'p'
                    | b'q'
                    | b's'
                    | b't'
                    | b'u'
                    | b'v'
            ),
        },
        Lang::En => match word.len() {
            1 => first == b'a',
            2 => word.eq_ignore_ascii_case(b"an"),
            3..=11 => matches!(
                first,
                b'a' | b'd' | b'e' | b'f' | b'h' | b'j' | b'm' | b'n' | b'o' | b's' | b't' | b'z'
            ),
            _ => false,
        },
    }
}
