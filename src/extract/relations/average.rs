//! Averages: "1.460 navi nel 2024, in media 4 al giorno", "2,100 patients in June, an average
//! of 70 a day", "310 incendios en agosto, una media de 10 al día".
//!
//! In: the claims of a text and its sentences. Out: `average` relations, roles `average`,
//! `total` and `period`, with `factor` the number of units (days, weeks, months) in the period.
//! The average is an amount right after one of the lexicon's `average_words` ("in media", "an
//! average of", "una media de") and followed by a per-unit phrase (`per_unit_words`: "al
//! giorno" day, "a week" week); the total is the nearest amount of its measure before it in the
//! sentence; the period is the sentence's date (a year, a month, a quarter, a week) or its
//! duration ("the 12-week campaign") in any unit convertible to the average's.

use super::cue::cue_at;
use super::reach::{near, sentence_claims};
use crate::extract::found::{Found, claim_id};
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, DatePeriod, Relation, RelationKind};
use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;

/// How far before the average its words may start, in bytes.
const WINDOW: usize = 24;

/// Days in one unit (`day`, `week`, `month`, `year`), for durations.
fn days_per(unit: &str) -> Option<f64> {
    Some(match unit {
        "day" | "days" => 1.0,
        "week" | "weeks" => 7.0,
        "month" | "months" => 365.25 / 12.0,
        "year" | "years" => 365.25,
        _ => return None,
    })
}

/// The days a date claim's period spans.
fn days_in(date: &str) -> Option<f64> {
    let period = DatePeriod::of(date)?;
    let day = |iso: &str| NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok();
    let days = (day(&period.end)? - day(&period.start)?).num_days() + 1;
    Some(days as f64)
}

/// The `average` relations of the text, appended to `out`.
pub fn average_relations(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    out: &mut Vec<Relation>,
) {
    let cues = context.lexicon.cues;
    for (index, average) in claims.iter().enumerate() {
        if !average.is_amount() {
            continue;
        }
        let mut from = average.start.saturating_sub(WINDOW);
        while !context.text.is_char_boundary(from) {
            from += 1;
        }
        let gap = context.ascii_lower[from..average.start].trim_end();
        let Some(word) = cues
            .average_words
            .iter()
            .filter(|w| gap.ends_with(*w))
            .max_by_key(|w| w.len())
        else {
            continue;
        };
        let after = context.ascii_lower[average.end..].trim_start();
        let Some(&(_, unit)) = cues
            .per_unit_words
            .iter()
            .filter(|(phrase, _)| {
                after.starts_with(phrase)
                    && after[phrase.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
            })
            .max_by_key(|(phrase, _)| phrase.len())
        else {
            continue;
        };
        let sentence = sentence_of[index];
        let reach = near(sentence_claims(sentence_of, sentence), index);
        let in_sentence = |i: &usize| *i != index;
        let total = (reach.start..index).rev().find(|&i| {
            let claim = &claims[i];
            claim.is_amount()
                && (claim.unit == average.unit || average.unit.is_none())
                && claim.value > average.value
        });
        let Some(total) = total else {
            continue;
        };
        let period = reach.filter(in_sentence).find_map(|i| {
            let claim = &claims[i];
            let days = match claim.kind {
                ClaimKind::Date => days_in(claim.date.as_deref()?)?,
                ClaimKind::Duration => claim.value.to_f64()? * days_per(claim.unit.as_deref()?)?,
                _ => return None,
            };
            Some((i, days))
        });
        let (Some((period, days)), Some(per)) = (period, days_per(unit)) else {
            continue;
        };
        let cue_start = from + gap.len() - word.len();
        out.push(Relation {
            kind: RelationKind::Average,
            claims: vec![
                claim_id(index + 1),
                claim_id(total + 1),
                claim_id(period + 1),
            ],
            roles: vec!["average".into(), "total".into(), "period".into()],
            marker: Some(context.text[cue_start..cue_start + word.len()].to_owned()),
            direction: None,
            period: Some(unit.to_owned()),
            cue: Some(cue_at(
                context.text,
                cue_start,
                cue_start + word.len(),
                "average",
            )),
            sentence: Some(sentence),
            items: None,
            factor: Some(days / per),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Lang, RelationKind};

    fn averages(lang: Lang, text: &str) -> Vec<(String, f64)> {
        let extraction = super::super::testing::extraction(lang, text);
        extraction
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Average)
            .map(|r| {
                let texts = r
                    .claims
                    .iter()
                    .map(|id| {
                        extraction
                            .claims
                            .iter()
                            .find(|c| &c.id == id)
                            .unwrap()
                            .text
                            .clone()
                    })
                    .collect::<Vec<_>>()
                    .join(" | ");
                (texts, (r.factor.unwrap() * 100.0).round() / 100.0)
            })
            .collect()
    }

    #[test]
    fn an_average_a_total_and_the_period() {
        assert_eq!(
            averages(
                Lang::It,
                "Nel 2024 i porti italiani hanno accolto 1.460 navi da crociera, in media 4 al giorno."
            ),
            [("4 | 1.460 navi | 2024".to_owned(), 366.0)]
        );
        assert_eq!(
            averages(
                Lang::En,
                "Over the 12-week campaign the charity raised £1.8 million, an average of £150,000 a week."
            ),
            [("£150,000 | £1.8 million | 12-week".to_owned(), 12.0)]
        );
        assert_eq!(
            averages(
                Lang::Es,
                "En agosto se registraron 310 incendios forestales, una media de 10 al día."
            ),
            [("10 | 310 incendios | agosto".to_owned(), 31.0)]
        );
        // No period in the sentence: nothing to divide by.
        assert!(averages(Lang::En, "They treat 70 patients, an average of 7 a day.").is_empty());
    }
}
