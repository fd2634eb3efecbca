//! Hundredths of a currency: "50 cents", "34 centesimi", "470 pence", "50¢", and amounts that
//! add them to whole units ("3 dollars 50 cents", "$20 and 43c", "1 USD e 23 centesimi",
//! "20 ringgit 43").
//!
//! An amount in cents is a money claim in the main unit (50 cents = 0.50), so every money claim
//! shares one unit system. "cents"/"centesimi" do not say which currency: the claim takes the
//! lexicon's usual one (USD in English, EUR in Italian and Spanish) and carries a
//! `currency-unstated` ambiguity. "pence" is GBP.

use crate::extract::numbers::fraction::integer_at;
use crate::extract::tokens::context::Context;

/// A subunit word or symbol at `at` after an amount: (ISO code of the main unit, whether the
/// code is only the language's guess).
pub fn subunit(context: &Context, at: usize, in_compound: bool) -> Option<(&'static str, bool)> {
    let money = context.lexicon.amounts.money;
    if context.symbol(at) == Some('¢') {
        return Some((money.usual_currency, true));
    }
    let lower = context.lower(at)?;
    let lower = lower.as_str();
    if let Some(subunit) = money.subunit(lower) {
        return Some(subunit);
    }
    // "312p": a letter glued to the number.
    if context.glued(at) {
        if let Some(&(_, code)) = money.glued_subunits.iter().find(|(l, _)| *l == lower) {
            return Some((code, false));
        }
    }
    // Letters that only mean cents right after a main amount ("$20 and 43c").
    let letter = money.subunit_letters.contains(&lower) && context.glued(at);
    (in_compound && (letter || money.compound_subunits.contains(&lower))).then_some(("", false))
}

/// Cents after a whole amount in a currency, starting at `at`: (cents, last token).
/// `named_after` is true when the currency was written after the amount ("20 ringgit"),
/// where a bare number may follow ("20 ringgit 43").
pub fn compound_cents(context: &Context, at: usize, named_after: bool) -> Option<(u64, usize)> {
    let mut index = at;
    if !context.follows(index) {
        return None;
    }
    let and_words = context.lexicon.cues.and_words;
    let joiners = context.lexicon.amounts.money.cents_joiners;
    if context.word_is(index, and_words) || context.word_is(index, joiners) {
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
        || context.word_is(after, and_words);
    (named_after && nothing_after).then_some((cents, after - 1))
}
