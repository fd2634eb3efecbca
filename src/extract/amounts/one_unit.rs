//! One time unit and a fraction of it, written with the article for "one": "un'ora e mezza",
//! "un anno e mezzo", "an hour and a half", "a year and a quarter", "una hora y media", "un
//! año y medio". A duration of the unit, in that unit (1.5 hours).
//!
//! Without the fraction an article and a unit ("an hour", "un anno") are prose, not a figure,
//! so only the fraction makes the claim. Every word is the lexicon's: the articles that read
//! as "one", the time units, and the fraction after the unit (`numbers/unit_fraction.rs`).

use crate::extract::found::Found;
use crate::extract::numbers::unit_fraction::fraction_after_unit;
use crate::extract::tokens::context::Context;
use crate::model::ClaimKind;
use rust_decimal::Decimal;

/// The duration an article at `index` starts, with the token after it.
pub fn one_unit_and_fraction(context: &Context, index: usize) -> Option<(Found, usize)> {
    let spelled = context.lexicon.numbers.spelled;
    // The unit after the article, or after its elision ("un'ora").
    let unit_at = if matches!(context.symbol(index + 1), Some('\'' | '’'))
        && context.glued(index + 1)
        && context.glued(index + 2)
    {
        index + 2
    } else if context.follows(index + 1) && !context.glued(index + 1) {
        index + 1
    } else {
        return None;
    };
    // The cheap test first: the fraction's "and" right after the unit.
    if !context.word_is(unit_at + 1, &[spelled.fraction_and])
        || !context.word_is(index, spelled.one_articles)
    {
        return None;
    }
    let amounts = context.lexicon.amounts;
    let lower = context.lower(unit_at)?;
    let unit = amounts
        .calendar_unit(lower.as_str())
        .or_else(|| amounts.clock_unit(lower.as_str()))?;
    let (plus, last) = fraction_after_unit(context, unit_at + 1)?;
    let mut found = Found::exact(
        ClaimKind::Duration,
        context.tokens[index].start,
        context.tokens[last].end,
        index,
        1,
    );
    let value = Decimal::ONE.checked_add(plus)?;
    found.value = value;
    found.low = value;
    found.high = value;
    found.unit = Some(unit.to_string());
    Some((found, last + 1))
}

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract};
    use crate::model::Lang;

    fn claims(text: &str, lang: Lang) -> Vec<(String, f64, Option<String>)> {
        extract(text, &Options::in_lang(lang))
            .claims
            .into_iter()
            .map(|c| (c.text, c.value, c.unit))
            .collect()
    }

    fn one(text: &str, value: f64, unit: &str) -> Vec<(String, f64, Option<String>)> {
        vec![(text.to_string(), value, Some(unit.to_string()))]
    }

    #[test]
    fn an_article_a_unit_and_its_fraction_in_each_language() {
        assert_eq!(
            claims("Il vertice è durato un'ora e mezza.", Lang::It),
            one("un'ora e mezza", 1.5, "hours")
        );
        assert_eq!(
            claims("Il cantiere è fermo da un anno e un quarto.", Lang::It),
            one("un anno e un quarto", 1.25, "years")
        );
        assert_eq!(
            claims("He spent an hour and a half in the chamber.", Lang::En),
            one("an hour and a half", 1.5, "hours")
        );
        assert_eq!(
            claims("La espera fue de una hora y media.", Lang::Es),
            one("una hora y media", 1.5, "hours")
        );
        assert_eq!(
            claims("El juicio se alargó un año y medio.", Lang::Es),
            one("un año y medio", 1.5, "years")
        );
    }

    #[test]
    fn an_article_and_a_unit_alone_make_no_claim() {
        assert!(claims("He waited an hour and left.", Lang::En).is_empty());
        assert!(claims("Ci vuole un'ora e poi si riparte.", Lang::It).is_empty());
    }
}
