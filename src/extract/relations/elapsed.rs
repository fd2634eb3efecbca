//! Elapsed time: a duration that runs up to the article's date ("negli ultimi tre anni", "over
//! the past two years", "en los últimos cinco años"), or a date counted back from it ("due anni
//! fa", "two years ago", "hace dos años"), and the date the text states next to it ("nel
//! febbraio 2022", "in March 2021", "en 2019").
//!
//! In: the claims of a text and its sentences. Out: `elapsed` relations, roles `duration` and
//! `since` (cue id `since`: a lexicon `since_words` word among the three words before the
//! duration, or a `since_after_words` word right after it, "12 anni dal 2011", "20 years
//! since"; or `ago`: an ago word right after it) or `relative` and `date` (cue id `ago`: a date
//! claim whose last word is one of the lexicon's ago words, or whose first is an ago-before
//! word). The relation's `period` is the unit counted in (`years`, `months`, `weeks`, `days`).
//! The stated date is a date written with digits (not itself counted from the article) right
//! next to it, with no other figure between, in its sentence or at the end of the one before.

use super::cue::cue_at;
use crate::extract::found::{Found, claim_id};
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Relation, RelationKind};

/// How far before a duration its since-word may be, in bytes.
const SINCE_WINDOW: usize = 28;

/// The first and last token indexes of `claim`.
fn token_span(context: &Context, claim: &Found) -> (usize, usize) {
    let last = context
        .tokens
        .partition_point(|t| t.start < claim.end)
        .saturating_sub(1);
    (claim.first_token, last.max(claim.first_token))
}

/// Whether date claim `claim` is counted from the article's date ("due anni fa", "hace dos
/// años"): the unit it counts in and the span of its direction word.
fn counted_back(context: &Context, claim: &Found) -> Option<(&'static str, usize, usize)> {
    let relative = context.lexicon.time.relative;
    let (first, last) = token_span(context, claim);
    let (direction, unit_at) = if context.word_is(last, relative.ago_words) {
        (last, last.checked_sub(1)?)
    } else if context.word_is(first, relative.ago_before) {
        (first, last)
    } else {
        return None;
    };
    let unit = context.lower(unit_at)?;
    let unit = crate::extract::amounts::units::duration_unit(context, unit.as_str())?;
    let token = &context.tokens[direction];
    Some((unit, token.start, token.end))
}

/// Whether duration `claim` runs up to the article's date: the span of the since-word before
/// it, or of the ago word right after it, and the cue id.
fn anchored(
    context: &Context,
    claim: &Found,
    floor: usize,
) -> Option<(usize, usize, &'static str)> {
    let cues = context.lexicon.cues;
    let mut from = claim
        .start
        .saturating_sub(SINCE_WINDOW)
        .max(floor)
        .min(claim.start);
    while !context.text.is_char_boundary(from) {
        from += 1;
    }
    let gap = &context.text[from..claim.start];
    let words: Vec<(usize, &str)> = gap
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| (w.as_ptr() as usize - context.text.as_ptr() as usize, w))
        .collect();
    let since = words.iter().rev().take(3).find(|(_, w)| {
        let lower = w.to_lowercase();
        cues.since_words.contains(&lower.as_str())
    });
    if let Some(&(start, word)) = since {
        return Some((start, start + word.len(), "since"));
    }
    let (_, last) = token_span(context, claim);
    let after = last + 1;
    let id = if context.word_is(after, context.lexicon.time.relative.ago_words) {
        "ago"
    } else if context.word_is(after, cues.since_after_words) {
        "since"
    } else {
        return None;
    };
    let token = context.tokens.get(after)?;
    Some((token.start, token.end, id))
}

/// A date written with digits and a known year, not counted from the article's date.
fn is_stated_date(context: &Context, claim: &Found) -> bool {
    claim.kind == ClaimKind::Date
        && claim.date.as_deref().is_some_and(|d| !d.starts_with('X'))
        && context.text[claim.start..claim.end]
            .bytes()
            .any(|b| b.is_ascii_digit())
        && counted_back(context, claim).is_none()
}

/// The stated date claim `index` counts from: a claim right next to it, with no other figure
/// between ("negli ultimi 5 anni, dal 2019", "Hace 10 años, en junio de 2014"), in its sentence
/// or, before it, at the end of the sentence before; a date further off is about something
/// else ("la vendemmia 2024 … 41 milioni … la media degli ultimi cinque anni").
fn stated_date(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    index: usize,
) -> Option<usize> {
    let sentence = sentence_of[index];
    let after = Some(index + 1).filter(|&i| i < claims.len() && sentence_of[i] == sentence);
    let before = index
        .checked_sub(1)
        .filter(|&i| sentence_of[i] == sentence || sentence_of[i] + 1 == sentence);
    [after, before]
        .into_iter()
        .flatten()
        .filter(|&i| is_stated_date(context, &claims[i]))
        .min_by_key(|&i| {
            let same = sentence_of[i] == sentence;
            (!same, claims[i].start.abs_diff(claims[index].start))
        })
}

/// The `elapsed` relations of the text, appended to `out`.
pub fn elapsed_relations(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    out: &mut Vec<Relation>,
) {
    for (index, claim) in claims.iter().enumerate() {
        let found = match claim.kind {
            ClaimKind::Duration => {
                let Some(unit) = claim.unit.as_deref() else {
                    continue;
                };
                let floor = index
                    .checked_sub(1)
                    .filter(|&j| sentence_of[j] == sentence_of[index])
                    .map_or(0, |j| claims[j].end);
                anchored(context, claim, floor)
                    .map(|(start, end, id)| (unit, start, end, id, ["duration", "since"]))
            }
            ClaimKind::Date => counted_back(context, claim)
                .map(|(unit, start, end)| (unit, start, end, "ago", ["relative", "date"])),
            _ => None,
        };
        let Some((unit, cue_start, cue_end, cue_id, roles)) = found else {
            continue;
        };
        let Some(date) = stated_date(context, claims, sentence_of, index) else {
            continue;
        };
        out.push(Relation {
            kind: RelationKind::Elapsed,
            claims: vec![claim_id(index + 1), claim_id(date + 1)],
            roles: roles.map(str::to_owned).to_vec(),
            marker: Some(context.text[cue_start..cue_end].to_owned()),
            direction: None,
            period: Some(unit.to_owned()),
            cue: Some(cue_at(context.text, cue_start, cue_end, cue_id)),
            sentence: Some(sentence_of[index]),
            items: None,
            factor: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{Described, described};
    use crate::model::{Lang, RelationKind};

    fn elapsed(lang: Lang, text: &str) -> Vec<(String, String, String)> {
        described(lang, text, RelationKind::Elapsed)
            .into_iter()
            .map(
                |Described {
                     roles, texts, cue, ..
                 }| (roles, texts, cue),
            )
            .collect()
    }

    fn one(roles: &str, texts: &str, cue: &str) -> Vec<(String, String, String)> {
        vec![(roles.to_owned(), texts.to_owned(), cue.to_owned())]
    }

    #[test]
    fn a_duration_up_to_now_counts_from_the_stated_date() {
        assert_eq!(
            elapsed(
                Lang::It,
                "Nel febbraio 2022 è iniziata la guerra: negli ultimi tre anni i prezzi sono saliti."
            ),
            one("duration,since", "tre anni | febbraio 2022", "ultimi")
        );
        assert_eq!(
            elapsed(
                Lang::En,
                "The plant opened in March 2021. Over the past two years it has doubled its output."
            ),
            one("duration,since", "two years | March 2021", "past")
        );
        assert_eq!(
            elapsed(
                Lang::Es,
                "En los últimos cinco años, desde 2019, la deuda se ha duplicado."
            ),
            one("duration,since", "cinco años | 2019", "últimos")
        );
    }

    #[test]
    fn a_duration_followed_by_a_since_word_counts_from_the_date_after_it() {
        assert_eq!(
            elapsed(
                Lang::It,
                "Sono passati 12 anni dal novembre 2011, quando lo spread superò i 500 punti."
            ),
            one("duration,since", "12 anni | novembre 2011", "passati")
        );
        assert_eq!(
            elapsed(
                Lang::En,
                "It has been 15 years since the bank collapsed in September 2008."
            ),
            one("duration,since", "15 years | September 2008", "since")
        );
        assert_eq!(
            elapsed(
                Lang::Es,
                "Han pasado 4 años desde que, en enero de 2020, cerró la fábrica."
            ),
            one("duration,since", "4 años | enero de 2020", "desde")
        );
    }

    #[test]
    fn a_date_counted_back_meets_the_date_the_text_states() {
        assert_eq!(
            elapsed(
                Lang::It,
                "Due anni fa, nel marzo 2022, l'azienda ha aperto lo stabilimento."
            ),
            one("relative,date", "Due anni fa | marzo 2022", "fa")
        );
        assert_eq!(
            elapsed(Lang::En, "Two years ago, in May 2022, the bank cut rates."),
            one("relative,date", "Two years ago | May 2022", "ago")
        );
        assert_eq!(
            elapsed(
                Lang::Es,
                "Hace dos años, en marzo de 2022, la empresa abrió su planta."
            ),
            one("relative,date", "Hace dos años | marzo de 2022", "Hace")
        );
    }

    #[test]
    fn a_duration_with_no_anchor_or_no_date_is_no_relation() {
        // "lasted three years" runs up to no date; a since-word with no stated date has nothing
        // to count from.
        assert!(elapsed(Lang::En, "In 2019 the strike lasted three years.").is_empty());
        assert!(elapsed(Lang::It, "Negli ultimi tre anni i prezzi sono saliti.").is_empty());
        // A date with other figures between is about something else.
        for (lang, text) in [
            (
                Lang::It,
                "La raccolta 2024 vale 41 milioni di quintali, il 7% in più, sopra la media degli ultimi cinque anni.",
            ),
            (
                Lang::En,
                "The 2024 harvest reached 41 million tonnes, up 7%, above the average of the past five years.",
            ),
            (
                Lang::Es,
                "La cosecha de 2024 llegó a 41 millones de toneladas, un 7% más, por encima de la media de los últimos cinco años.",
            ),
        ] {
            assert!(elapsed(lang, text).is_empty(), "{text}");
        }
    }
}
