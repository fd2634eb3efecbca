//! Compound durations: a time written in several clock units is one figure. "2 hours and 27
//! minutes", "2 ore e 27 minuti", "dos horas y cinco minutos", "two hours, five minutes and six
//! seconds" and "2 hours 16 minutes" are each one duration, in the smallest unit written.
//!
//! In: the claims found, in text order. Out: the same claims, with each run of durations in
//! falling clock units (hours, then minutes, then seconds) joined by nothing, a comma or the
//! language's "and" (`lang/<code>/cues.rs`) merged into its first claim.

use crate::extract::found::Found;
use crate::extract::tokens::context::Context;
use crate::model::ClaimKind;
use rust_decimal::Decimal;

/// Clock units from the largest, with how many of the next one each holds.
const CLOCK_UNITS: [(&str, i64); 3] = [("hours", 60), ("minutes", 60), ("seconds", 1)];

fn rank(found: &Found) -> Option<usize> {
    if found.kind != ClaimKind::Duration {
        return None;
    }
    let unit = found.unit.as_deref()?;
    CLOCK_UNITS.iter().position(|(name, _)| *name == unit)
}

/// Merges every compound duration of `found` into its first part.
pub fn merge_compound_durations(context: &Context, found: &mut Vec<Found>) {
    let mut index = 0;
    while index + 1 < found.len() {
        let (Some(big), Some(small)) = (rank(&found[index]), rank(&found[index + 1])) else {
            index += 1;
            continue;
        };
        if small <= big || !joined(context, &found[index], &found[index + 1]) {
            index += 1;
            continue;
        }
        let factor: i64 = CLOCK_UNITS[big..small].iter().map(|(_, n)| n).product();
        let factor = Decimal::from(factor);
        let next = found.remove(index + 1);
        let first = &mut found[index];
        let scaled = |value: Decimal, part: Decimal| {
            value.checked_mul(factor).and_then(|v| v.checked_add(part))
        };
        let (Some(value), Some(low), Some(high)) = (
            scaled(first.value, next.value),
            scaled(first.low, next.low),
            scaled(first.high, next.high),
        ) else {
            found.insert(index + 1, next);
            index += 1;
            continue;
        };
        first.value = value;
        first.low = low;
        first.high = high;
        first.end = next.end;
        first.unit = next.unit;
        // Stay on this claim: "two hours, five minutes and six seconds" merges twice.
    }
}

/// Whether only a comma, the language's "and", or both stand between the two claims.
fn joined(context: &Context, first: &Found, second: &Found) -> bool {
    let Some(between) = context.text.get(first.end..second.start) else {
        return false;
    };
    let between = between.trim().trim_start_matches(',').trim();
    between.is_empty()
        || context
            .lexicon
            .cues
            .and_words
            .iter()
            .any(|word| between.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract};
    use crate::model::{ClaimKind, Lang, LangChoice};

    fn durations(text: &str, lang: Lang) -> Vec<(String, f64, String)> {
        let options = Options {
            lang: LangChoice::Fixed(lang),
            ..Options::default()
        };
        extract(text, &options)
            .claims
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Duration)
            .map(|c| (c.text, c.value, c.unit.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn clock_units_merge_in_each_language() {
        let minutes =
            |text: &str, value: f64| vec![(text.to_string(), value, "minutes".to_string())];
        assert_eq!(
            durations("La final duró 2 horas y 27 minutos.", Lang::Es),
            minutes("2 horas y 27 minutos", 147.0)
        );
        assert_eq!(
            durations("La tappa è durata 4 ore e 12 minuti.", Lang::It),
            minutes("4 ore e 12 minuti", 252.0)
        );
        assert_eq!(
            durations("The flight took 2 hours 16 minutes.", Lang::En),
            minutes("2 hours 16 minutes", 136.0)
        );
        assert_eq!(
            durations(
                "She ran it in two hours, five minutes and six seconds.",
                Lang::En
            ),
            vec![(
                "two hours, five minutes and six seconds".to_string(),
                7506.0,
                "seconds".to_string()
            )]
        );
    }

    #[test]
    fn separate_durations_stay_apart() {
        // Rising units, or a word between, are two figures.
        assert_eq!(
            durations("Served 20 minutes, then 3 hours later.", Lang::En).len(),
            2
        );
        assert_eq!(
            durations(
                "Ha lavorato 8 ore al giorno e 40 minuti di pausa.",
                Lang::It
            )
            .len(),
            2
        );
    }
}
