//! The main pass: walks the tokens once and hands each place a claim can start to the
//! recogniser for it (digits, currency symbols or codes, month names, spelled numbers).
//!
//! Recognisers return the token after what they consumed, and claims come out in text order.
//! Some recognisers look back a word ("dollari 996", "last January"); a claim that would reach
//! back into the one before it is dropped, so claims never overlap.

use super::found::{Found, ambiguity};
use crate::extract::amounts::amount::{Core, finish};
use crate::extract::amounts::money::{currency_code, local_symbol_currency, mentions_yuan};
use crate::extract::amounts::money_prefix::{
    name_before_number, prefix_before_symbol, prefixed_amount,
};
use crate::extract::amounts::one_unit::one_unit_and_fraction;
use crate::extract::lang::Lexicon;
use crate::extract::numbers::notation::extend_digits;
use crate::extract::numbers::spelled::read_spelled;
use crate::extract::time::dates::{read_month_date, year_of};
use crate::extract::time::filter::may_start_date;
use crate::extract::time::numeric::read_numeric_date;
use crate::extract::time::offset::read_offset;
use crate::extract::time::words::read_word_date;
use crate::extract::tokens::context::Context;
use crate::extract::tokens::token::TokenKind;
use crate::model::ClaimKind;
use rust_decimal::Decimal;

/// Every claim in the token stream, in text order, into `found` (cleared first; passed in so
/// that its allocation is reused from text to text).
pub fn scan_into(context: &Context, found: &mut Vec<Found>) {
    found.clear();
    let mut index = 0;
    while index < context.len() {
        let step = match context.tokens[index].kind {
            TokenKind::Number(_) => digits_claim(context, index),
            TokenKind::Symbol(symbol) => symbol_money(context, index, symbol),
            TokenKind::Word { .. } => word_claim(context, index),
        };
        match step {
            Some((claim, next)) => {
                // "Thirteen Dollars 9", "69 last January": the look-back found a word the
                // claim before already holds.
                if found
                    .last()
                    .is_none_or(|before: &Found| before.end <= claim.start)
                {
                    found.push(claim);
                }
                index = next.max(index + 1);
            }
            None => index += 1,
        }
    }
}

fn number_core(
    context: &Context,
    index: usize,
    first_token: usize,
    currency: Option<&'static str>,
) -> Option<Core> {
    let number = context.number(index)?;
    let year = year_of(context, index);
    let mut core = Core {
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
        half: None,
        prefix_currency: currency,
    };
    extend_digits(context, &mut core);
    Some(core)
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
    // "2022/23", "2022-23": the short second year of a season or fiscal year is part of the
    // first year's claim, no figure of its own.
    let short_year = index >= 2
        && context.glued(index)
        && context.glued(index - 1)
        && matches!(context.symbol(index - 1), Some('/' | '-'))
        && context
            .number(index)
            .is_some_and(|n| n.plain && n.digit_count == 2)
        && year_of(context, index - 2).is_some();
    if short_year {
        return None;
    }
    // "?q=30%25": a figure inside a URL or a query string.
    if context.glued(index) && matches!(context.symbol(index - 1), Some('=' | '%' | '&' | '#')) {
        return None;
    }
    if crate::extract::amounts::identifier::identifier_number(context, index) {
        return None;
    }
    if let Some(split) = crate::extract::time::fiscal::read_split_year(context, index) {
        return Some(split);
    }
    if let Some(race) = crate::extract::time::clock::read_race_time(context, index) {
        return Some(race);
    }
    if let Some(race) = crate::extract::time::clock::read_marked_time(context, index) {
        return Some(race);
    }
    if let Some(time) = crate::extract::time::clock::read_clock(context, index) {
        return Some(time);
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
    if let Some(ordinal) = crate::extract::amounts::ordinal::digit_ordinal(context, index) {
        return Some(ordinal);
    }
    if let Some((first, code)) = name_before_number(context, index) {
        if year_of(context, index).is_none() {
            return finish(context, number_core(context, index, first, Some(code))?);
        }
    }
    let (mut found, next) = finish(context, number_core(context, index, index, None)?)?;
    crate::extract::time::fiscal::mark_fiscal_year(context, index, &mut found);
    Some((found, next))
}

/// `$1.91bn`, `€ 2,5 miliardi`, `US$5`, `CN¥ 10`.
fn symbol_money(context: &Context, index: usize, symbol: char) -> Option<(Found, usize)> {
    let bare = local_symbol_currency(symbol, context.country)?;
    let (first, code) = prefix_before_symbol(context, index, symbol).unwrap_or((index, bare));
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
        let yuan = mentions_yuan(
            &context.ascii_lower[from..to],
            found.start - from..found.end - from,
            context.lexicon.amounts.money,
        );
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
    // "FY24", "FY 2024": a fiscal year.
    let fiscal_letters = context.lexicon.time.relative.fiscal_year_letters;
    if word.as_bytes()[0].is_ascii_uppercase() && fiscal_letters.iter().any(|l| word.starts_with(l))
    {
        if let Some(found) = crate::extract::time::fiscal::read_fiscal_letters(context, index, word)
        {
            return Some(found);
        }
    }
    // "Q3", "H1": a letter and a digit, one word.
    if word.len() == 2 && word.as_bytes()[1].is_ascii_digit() {
        return crate::extract::time::ordinal::period_token(context, index, word);
    }
    if matches!(word.as_bytes()[0], b'I' | b'V') {
        if let Some(found) = crate::extract::time::ordinal::roman_part_of_year(context, index, word)
        {
            return Some(found);
        }
    }
    let date_word = may_start_date(word.as_bytes(), context.lexicon.time);
    let claim_word = may_start_claim(word.as_bytes(), context.lexicon);
    if !date_word && !claim_word {
        return None;
    }
    // "USD3.14": a code glued to digits; tested here so that ordinary words skip the call.
    let glued_code = word.len() >= 4 && word.as_bytes()[3].is_ascii_digit();
    if glued_code {
        if let Some(claim) = prefixed_amount(context, index) {
            return Some(claim);
        }
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
    if !claim_word {
        return None;
    }
    if context.lexicon.numbers.is_sign_word(lower.as_str()) {
        return signed_claim(context, index);
    }
    // "un'ora e mezza", "an hour and a half".
    if let Some(found) = one_unit_and_fraction(context, index) {
        return Some(found);
    }
    match spelled_core(context, index, lower.as_str())? {
        Ok(ordinal) => Some(ordinal),
        Err(core) => {
            // "tre mesi fa", "two years ago": a spelled count of time units before "ago".
            let whole_units = core
                .value
                .is_integer()
                .then(|| u64::try_from(core.value).ok());
            if let Some(count) = whole_units.flatten() {
                if let Some(date) = read_offset(context, index, count, core.next) {
                    return Some(date);
                }
            }
            finish(context, core)
        }
    }
}

/// The spelled number at `index`: an ordinal claim, or the core of a cardinal.
fn spelled_core(
    context: &Context,
    index: usize,
    lower: &str,
) -> Option<Result<(Found, usize), Core>> {
    let spelled = read_spelled(context, index, lower)?;
    let start = context.tokens[index].start;
    if spelled.ordinal {
        let end = context.tokens[spelled.next - 1].end;
        let value = i64::try_from(spelled.value.mantissa()).ok()?;
        return Some(Ok((
            Found::exact(ClaimKind::Ordinal, start, end, index, value),
            spelled.next,
        )));
    }
    Some(Err(Core {
        first_token: index,
        next: spelled.next,
        value: spelled.value,
        decimals: spelled.decimals,
        sign: None,
        ambiguity: None,
        approx: spelled.approx,
        collective: spelled.collective,
        year: None,
        half: spelled.exact.then_some(Decimal::ZERO),
        prefix_currency: None,
    }))
}

/// "minus 5", "meno 1.200.000", "negative one": the number after the sign word, negated.
fn signed_claim(context: &Context, index: usize) -> Option<(Found, usize)> {
    let at = index + 1;
    if !context.follows(at) {
        return None;
    }
    let mut core = if context.number(at).is_some_and(|n| n.sign.is_none()) {
        number_core(context, at, index, None)?
    } else {
        let lower = context.lower(at)?;
        spelled_core(context, at, lower.as_str())?.err()?
    };
    core.first_token = index;
    core.value = -core.value;
    core.sign = Some('-');
    core.year = None;
    core.ambiguity = core
        .ambiguity
        .map(|(kind, note, alternative)| (kind, note, alternative.map(|a| -a)));
    finish(context, core)
}

/// A cheap filter on the word as written: only words that pass can start a claim (a currency
/// code, a month name, a spelled number or ordinal, a sign word), so most words are never
/// lower-cased. Short words must be an article of "one"; longer ones pass the lexicon's
/// table of first three letters ([`PrefixTable`](crate::extract::lang::prefixes::PrefixTable)).
fn may_start_claim(word: &[u8], lexicon: &Lexicon) -> bool {
    if word.is_empty() {
        return false;
    }
    if word.len() >= 3 && word[..3].iter().all(u8::is_ascii_uppercase) {
        return word.len() == 3 || word[3].is_ascii_digit();
    }
    if word.len() < 3 {
        return lexicon
            .numbers
            .spelled
            .one_articles
            .iter()
            .any(|article| article.as_bytes().eq_ignore_ascii_case(word));
    }
    lexicon.claim_starts.may_start(word)
}

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract};
    use crate::model::{Lang, LangChoice};

    #[test]
    fn a_look_back_never_overlaps_the_claim_before() {
        for (text, lang) in [
            ("42 kuwaiti Dinar 42 year", Lang::En),
            ("Thirteen Dollars 9 times", Lang::En),
            ("signed 69 last January", Lang::En),
        ] {
            let options = Options {
                lang: LangChoice::Fixed(lang),
                ..Options::default()
            };
            let claims = extract(text, &options).claims;
            assert!(!claims.is_empty(), "{text}");
            for pair in claims.windows(2) {
                assert!(pair[0].end <= pair[1].start, "{text}: {pair:#?}");
            }
        }
    }
}
