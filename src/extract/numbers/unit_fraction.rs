//! A fraction written after the unit it is a fraction of: "due ore e mezza", "un anno e
//! mezzo", "dos horas y cuarto", "tres años y medio", "two hours and a half", "un'ora e un
//! quarto", "an hour and three quarters". The whole comes before the unit, the fraction after
//! it, joined by the lexicon's fraction "and".
//!
//! Every word is the lexicon's: its fraction "and", half words, articles that read as "one",
//! and fraction denominators in the language's grammar. The fraction is below one, so it adds to
//! the whole without changing its unit.

use super::fraction::{fraction_value, integer_at};
use super::morphology;
use crate::extract::lang::spelled::{Grammar, Role};
use crate::extract::tokens::context::Context;
use rust_decimal::Decimal;

/// The fraction after a unit, with "and" at `at`: its value and last token.
pub fn fraction_after_unit(context: &Context, at: usize) -> Option<(Decimal, usize)> {
    let spelled = context.lexicon.numbers.spelled;
    if !context.follows(at) || !context.word_is(at, &[spelled.fraction_and]) {
        return None;
    }
    let first = at + 1;
    if !context.follows(first) {
        return None;
    }
    // "e mezza", "y media"; "and a half".
    if context.word_is(first, spelled.half_words) {
        return Some((Decimal::new(5, 1), first));
    }
    let article = context.word_is(first, spelled.one_articles);
    if article && context.follows(first + 1) && context.word_is(first + 1, spelled.half_words) {
        return Some((Decimal::new(5, 1), first + 1));
    }
    // "e un quarto", "and a quarter", bare "y cuarto"; "e tre quarti", "and three quarters".
    let (numerator, denominator_at) = if article {
        (1, first + 1)
    } else if let Some((numerator, next)) = integer_at(context, first) {
        (numerator, next)
    } else {
        (1, first)
    };
    if !context.follows(denominator_at) {
        return None;
    }
    let (denominator, plural) = denominator(context, denominator_at)?;
    if (numerator == 1) == plural || numerator >= denominator {
        return None;
    }
    // "3 hours and a quarter of the staff": the fraction is of what follows.
    let after = denominator_at + 1;
    if context.follows(after) && context.word_is(after, spelled.fraction_of) {
        return None;
    }
    let value = fraction_value(
        Decimal::ZERO,
        Decimal::from(numerator),
        Decimal::from(denominator),
    )?;
    Some((value, denominator_at))
}

/// A denominator word at `at` in the lexicon's grammar: (denominator, plural).
fn denominator(context: &Context, at: usize) -> Option<(u64, bool)> {
    let spelled = context.lexicon.numbers.spelled;
    let lower = context.lower(at)?;
    let lower = lower.as_str();
    if let Some(&(_, value, plural)) = spelled.denominators.iter().find(|d| d.0 == lower) {
        return Some((value, plural));
    }
    match &spelled.grammar {
        Grammar::Compound(words) => morphology::denominator(spelled, words, lower),
        Grammar::Phrase(words) => {
            let (stem, plural) = match lower.strip_suffix(words.ordinal_plural) {
                Some(stem) if !words.ordinal_plural.is_empty() => (stem, true),
                _ => (lower, false),
            };
            match words.role(stem)? {
                Role::OrdinalUnit(value) if value >= 3 => Some((value, plural)),
                _ => None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract};
    use crate::model::{ClaimKind, Lang};

    fn durations(text: &str, lang: Lang) -> Vec<(String, f64, String)> {
        extract(text, &Options::in_lang(lang))
            .claims
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Duration)
            .map(|c| (c.text, c.value, c.unit.unwrap_or_default()))
            .collect()
    }

    fn one(text: &str, value: f64, unit: &str) -> Vec<(String, f64, String)> {
        vec![(text.to_string(), value, unit.to_string())]
    }

    #[test]
    fn a_fraction_after_the_unit_joins_the_duration_in_each_language() {
        assert_eq!(
            durations("La riunione è durata due ore e mezza.", Lang::It),
            one("due ore e mezza", 2.5, "hours")
        );
        assert_eq!(
            durations("Il cantiere resterà chiuso 3 anni e mezzo.", Lang::It),
            one("3 anni e mezzo", 3.5, "years")
        );
        assert_eq!(
            durations("El pleno se prolongó dos horas y cuarto.", Lang::Es),
            one("dos horas y cuarto", 2.25, "hours")
        );
        assert_eq!(
            durations("Estuvo preso tres años y medio.", Lang::Es),
            one("tres años y medio", 3.5, "years")
        );
        assert_eq!(
            durations("The hearing lasted three hours and a quarter.", Lang::En),
            one("three hours and a quarter", 3.25, "hours")
        );
        assert_eq!(
            durations("Talks ran for 5 hours and three quarters.", Lang::En),
            one("5 hours and three quarters", 5.75, "hours")
        );
    }

    #[test]
    fn another_figure_after_the_and_stays_apart() {
        // "e 40 minuti" is a second unit (merged as a compound duration), not a fraction.
        assert_eq!(
            durations("La tappa è durata 4 ore e 12 minuti.", Lang::It),
            one("4 ore e 12 minuti", 252.0, "minutes")
        );
        assert_eq!(
            durations(
                "Talks ran 3 hours and a quarter of the staff left.",
                Lang::En
            ),
            one("3 hours", 3.0, "hours")
        );
    }
}
