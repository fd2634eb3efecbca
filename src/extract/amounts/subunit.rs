//! Hundredths of a currency: "50 cents", "34 centesimi", "470 pence", "50¢", and amounts that
//! add them to whole units ("3 dollars 50 cents", "$20 and 43c", "1 USD e 23 centesimi",
//! "20 ringgit 43").
//!
//! An amount in cents is a money claim in the main unit (50 cents = 0.50), so every money claim
//! shares one unit system. "cents"/"centesimi" do not say which currency: the claim takes the
//! language's usual one (USD in English, EUR in Italian) and carries a `currency-unstated`
//! ambiguity. "pence" is GBP.

use crate::extract::numbers::fraction::integer_at;
use crate::extract::tokens::context::Context;
use crate::model::Lang;

/// A subunit word or symbol at `at` after an amount: (ISO code of the main unit, whether the
/// code is only the language's guess).
pub fn subunit(context: &Context, at: usize, in_compound: bool) -> Option<(&'static str, bool)> {
    if context.symbol(at) == Some('¢') {
        return Some((default_currency(context.lang), true));
    }
    let lower = context.lower(at)?;
    match lower.as_str() {
        "cent" | "cents" | "centesimo" | "centesimi" => {
            Some((default_currency(context.lang), true))
        }
        "pence" => Some(("GBP", false)),
        "penny" | "pennies" => Some(match context.lang {
            Lang::It => ("GBP", false),
            Lang::En => ("USD", true),
        }),
        // Letters that only mean cents right after a main amount ("$20 and 43c").
        "c" | "p" if in_compound && context.glued(at) => Some(("", false)),
        "sen" | "sens" | "kopiyka" | "kopiykas" | "kopeck" | "kopecks" | "kopek" | "kopeks"
        | "copechi" | "paise" | "centimes" | "centavos" | "centavo" | "cts"
            if in_compound =>
        {
            Some(("", false))
        }
        _ => None,
    }
}

fn default_currency(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "USD",
        Lang::It => "EUR",
    }
}

/// Cents after a whole amount in a currency, starting at `at`: (cents, last token).
/// `named_after` is true when the currency was written after the amount ("20 ringgit"),
/// where a bare number may follow ("20 ringgit 43").
pub fn compound_cents(context: &Context, at: usize, named_after: bool) -> Option<(u64, usize)> {
    let mut index = at;
    if !context.follows(index) {
        return None;
    }
    if context.word_is(index, &["and", "e"]) {
        index += 1;
        if !context.follows(index) {
            return None;
        }
    }
    if let Some(number) = context.number(index) {
        if !number.plain || number.digit_count > 2 {
            return None;
        }
    }
    let (cents, after) = integer_at(context, index)?;
    if !(1..100).contains(&cents) {
        return None;
    }
    if context.follows(after) && subunit(context, after, true).is_some() {
        return Some((cents, after));
    }
    let nothing_after = !context.follows(after)
        || context.word(after).is_none()
        || context.word_is(after, &["and", "e"]);
    (named_after && nothing_after).then_some((cents, after - 1))
}
