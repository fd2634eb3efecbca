//! Restatements: the same figure written twice, in the headline and again in the body
//! ("Manovra da 30 miliardi. Il governo ha approvato una legge di bilancio da 30 miliardi di
//! euro"), or twice in the body about the same noun ("un utile di 5,6 miliardi … l'utile
//! netto è stato di 5,9 miliardi").
//!
//! In: the claims of a text and its sentences. Out: `restatement` relations, roles `first` and
//! `again`. Two claims are one figure when they measure alike (same kind and unit; a bare
//! amount with the same scale word may restate a money amount, as headlines drop the currency)
//! and either
//! - the first is in a headline (a first sentence of at most [`HEADLINE_WORDS`] words) and the
//!   other is the first claim measuring alike in the two sentences after it, unless that
//!   claim opens a list of figures measuring alike (a breakdown's first part) (no cue: the
//!   position makes the link), or
//! - a word of five letters or more stands among the five words before each of them, in two
//!   different sentences of the first three (cue id `same-noun`, the word before the second),
//!   and the values are within a third of each other: the length is what tells a noun from the
//!   language's short function words, so no list of words is needed; further down an article,
//!   or further apart, a shared word more often joins two quantities than one restated.
//!
//! A change's rate is restated only by a rate: a headline's "falls 1.2%" by the first rate of
//! the same direction in the two sentences after it ("fell 1.2% in October"), never by a
//! level; same-noun restatements leave rates out. A count may be restated without its noun
//! ("60.000 personas" … "60.000"). Dates, ordinals and durations are left out.

use super::cue::cue_at;
use super::reach::{CLAIM_REACH, sentence_claims};
use crate::extract::found::{Found, claim_id};
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Direction, Relation, RelationKind, Sentence};
use std::borrow::Cow;

/// A byte span of the text.
type Span = (usize, usize);

/// The most words a first sentence may have to be a headline.
pub const HEADLINE_WORDS: usize = 10;
/// The sentences a same-noun restatement must both be in (the headline and the lede).
const LEDE_SENTENCES: u32 = 3;
/// How far apart two same-noun figures may be and still be one figure restated (a corrected
/// digit, a rounding); further apart they are two quantities.
const CLOSE_RATIO: f64 = 1.34;

/// Whether two figures are within [`CLOSE_RATIO`] of each other.
fn close(a: &Found, b: &Found) -> bool {
    use rust_decimal::prelude::ToPrimitive;
    match (a.value.to_f64(), b.value.to_f64()) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => x.max(y) / x.min(y) <= CLOSE_RATIO,
        _ => false,
    }
}

/// How many words before a figure are looked at for its noun.
const NOUN_WORDS: usize = 5;
/// The shortest word that counts as a noun shared by two figures.
const NOUN_LETTERS: usize = 5;

fn is_figure(claim: &Found) -> bool {
    claim.is_amount() || (claim.kind == ClaimKind::Percent && claim.sign.is_none())
}

/// Whether `a` and `b` measure the same thing.
fn alike(a: &Found, b: &Found) -> bool {
    if !is_figure(a) || !is_figure(b) {
        return false;
    }
    if a.kind == b.kind && a.unit == b.unit {
        return true;
    }
    let bare =
        |c: &Found| matches!(c.kind, ClaimKind::Number | ClaimKind::Count) && c.unit.is_none();
    let money_and_bare =
        (a.kind == ClaimKind::Money && bare(b)) || (b.kind == ClaimKind::Money && bare(a));
    // A count restated without its noun ("baja en 60.000 personas … se redujo en 60.000").
    let plain = |c: &Found| c.kind == ClaimKind::Number && c.unit.is_none();
    let count_and_plain =
        (a.kind == ClaimKind::Count && plain(b)) || (b.kind == ClaimKind::Count && plain(a));
    (money_and_bare && a.scale.is_some() && a.scale == b.scale)
        || (count_and_plain && a.scale == b.scale)
}

/// The words of five letters or more among the five words before `claim` (lower-case), with
/// their spans. Words are slices of the ASCII-lower-cased text; only a word with other letters
/// is lower-cased into a string of its own.
fn nouns_before<'t>(context: &Context<'t>, claim: &Found, floor: usize) -> Vec<Noun<'t>> {
    let mut from = claim.start.saturating_sub(40).max(floor).min(claim.start);
    while !context.text.is_char_boundary(from) {
        from += 1;
    }
    let gap = &context.ascii_lower[from..claim.start];
    let clause = gap
        .bytes()
        .rposition(|b| matches!(b, b'.' | b';' | b',' | b':' | b'(' | b')'))
        .map_or(0, |at| at + 1);
    let gap = &gap[clause..];
    let base = context.ascii_lower.as_ptr() as usize;
    gap.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(NOUN_WORDS)
        .filter(|w| w.chars().count() >= NOUN_LETTERS && !w.chars().any(|c| c.is_ascii_digit()))
        .map(|w| {
            let start = w.as_ptr() as usize - base;
            let lower = if w.is_ascii() {
                Cow::Borrowed(w)
            } else {
                Cow::Owned(w.to_lowercase())
            };
            (lower, start, start + w.len())
        })
        .collect()
}

/// A word before a figure, lower-case, with its span.
type Noun<'t> = (Cow<'t, str>, usize, usize);

/// The `restatement` relations of the text, appended to `out`; claims that are a change's rate
/// (in `out`) are left out.
pub fn restatement_relations(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    sentences: &[Sentence],
    out: &mut Vec<Relation>,
) {
    // The direction of each claim that is a change's rate.
    let mut rate: Vec<Option<Option<Direction>>> = vec![None; claims.len()];
    for relation in out.iter().filter(|r| r.kind == RelationKind::Change) {
        for (id, role) in relation.claims.iter().zip(&relation.roles) {
            let index = crate::extract::found::claim_index(id);
            if let Some(index) = index.filter(|&i| i < claims.len() && role == "rate") {
                rate[index] = Some(relation.direction);
            }
        }
    }
    let usable = |i: usize| is_figure(&claims[i]) && rate[i].is_none();
    // A headline's rate is restated by the body's rate of the same direction ("Factory output
    // falls 1.2%. Industrial production fell 1.2% in October").
    let same_kind = |i: usize, j: usize| match (rate[i], rate[j]) {
        (None, None) => usable(i) && usable(j),
        (Some(a), Some(b)) => a.is_some() && a == b,
        _ => false,
    };
    // (first, again, span of the shared noun before `again`).
    let mut found: Vec<(usize, usize, Option<Span>)> = Vec::new();
    let mut used = vec![false; claims.len()];
    let headline = sentences.first().is_some_and(|s| {
        // Counted no further than needed: a first "sentence" may be the whole text.
        let mut words = context.text[s.start..s.end].split_whitespace();
        words.nth(HEADLINE_WORDS).is_none()
    }) && sentences.len() > 1;
    if headline {
        let headline_figure = |i: &usize| sentence_of[*i] == 0 && is_figure(&claims[*i]);
        // The first item of a list ("2 miliardi per le scuole, 1,5 miliardi per…") is one
        // part of a breakdown, not the headline's figure again.
        let opens_list = |j: usize| {
            claims.get(j + 1).is_some_and(|next| {
                sentence_of[j + 1] == sentence_of[j]
                    && alike(&claims[j], next)
                    && super::whole::separated(context, claims, j, j + 1)
            })
        };
        for first in (0..claims.len()).filter(headline_figure) {
            let again = (first + 1..claims.len())
                .take_while(|&j| sentence_of[j] <= 2)
                .find(|&j| {
                    sentence_of[j] > 0
                        && !used[j]
                        && same_kind(first, j)
                        && alike(&claims[first], &claims[j])
                });
            let again = again.filter(|&j| !opens_list(j));
            if let Some(again) = again {
                used[first] = true;
                used[again] = true;
                found.push((first, again, None));
            }
        }
    }
    let floor = |i: usize| {
        i.checked_sub(1)
            .filter(|&j| sentence_of[j] == sentence_of[i])
            .map_or(0, |j| claims[j].end)
    };
    // Only the lede's claims are ever compared below (both ends of a restatement lie in it).
    let nouns: Vec<Vec<Noun>> = (0..claims.len())
        .map(|i| {
            if usable(i) && sentence_of[i] < LEDE_SENTENCES {
                nouns_before(context, &claims[i], floor(i))
            } else {
                Vec::new()
            }
        })
        .collect();
    for again in 0..claims.len() {
        if used[again] || nouns[again].is_empty() {
            continue;
        }
        // Only the lede restates: a noun shared further down is more often two quantities.
        if sentence_of[again] >= LEDE_SENTENCES {
            continue;
        }
        // From the claims of the sentences before, the nearest first.
        let sentence_start = sentence_claims(sentence_of, sentence_of[again]).start;
        let first = (0..sentence_start).rev().take(CLAIM_REACH).find(|&i| {
            !used[i]
                && close(&claims[i], &claims[again])
                && alike(&claims[i], &claims[again])
                && nouns[i]
                    .iter()
                    .any(|(w, _, _)| nouns[again].iter().any(|(v, _, _)| v == w))
        });
        if let Some(first) = first {
            let shared = nouns[again]
                .iter()
                .find(|(v, _, _)| nouns[first].iter().any(|(w, _, _)| w == v))
                .map(|&(_, start, end)| (start, end));
            used[first] = true;
            used[again] = true;
            found.push((first, again, shared));
        }
    }
    for (first, again, shared) in found {
        out.push(Relation {
            kind: RelationKind::Restatement,
            claims: vec![claim_id(first + 1), claim_id(again + 1)],
            roles: vec!["first".to_owned(), "again".to_owned()],
            marker: shared.map(|(start, end)| context.text[start..end].to_owned()),
            direction: None,
            period: None,
            cue: shared.map(|(start, end)| cue_at(context.text, start, end, "same-noun")),
            sentence: Some(sentence_of[first]),
            items: None,
            factor: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::described;
    use crate::model::{Lang, RelationKind};

    fn restated(lang: Lang, text: &str) -> Vec<(String, String)> {
        described(lang, text, RelationKind::Restatement)
            .into_iter()
            .map(|d| (d.texts, d.cue))
            .collect()
    }

    #[test]
    fn a_headline_figure_and_its_body_restatement() {
        assert_eq!(
            restated(
                Lang::It,
                "Manovra da 28 miliardi. Il governo ha approvato nella notte una legge di bilancio da 28 miliardi di euro."
            ),
            [(
                "28 miliardi | 28 miliardi di euro".to_owned(),
                String::new()
            )]
        );
        assert_eq!(
            restated(
                Lang::En,
                "Gold tops $2,500. The metal rose above $2,500 an ounce for the first time on Friday."
            )
            .len(),
            1
        );
    }

    #[test]
    fn the_first_part_of_a_breakdown_does_not_restate_the_headline() {
        for (lang, text) in [
            (
                Lang::It,
                "Piano da 4,5 miliardi. Le risorse andranno così: 2 miliardi alle scuole, 1,5 miliardi agli ospedali e 1 miliardo alle strade.",
            ),
            (
                Lang::En,
                "Budget of $9 billion. The money goes to three areas: $4 billion for schools, $3 billion for hospitals and $2 billion for roads.",
            ),
            (
                Lang::Es,
                "Plan de 600 millones. Se repartirán así: 300 millones para escuelas, 200 millones para hospitales y 100 millones para carreteras.",
            ),
        ] {
            assert_eq!(restated(lang, text), [], "{text}");
        }
        // A part marker is no list: the body's first figure is still the headline's.
        assert_eq!(
            restated(
                Lang::It,
                "Manovra da 30 miliardi. Il governo ha approvato una manovra da 30 miliardi di euro, di cui 12 per il cuneo fiscale."
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_headline_rate_is_restated_by_the_body_rate_of_its_direction() {
        for (lang, text, pair) in [
            (
                Lang::It,
                "Export in calo del 3,1%. A settembre le vendite all'estero sono scese del 3,1% su base annua.",
                "3,1% | 3,1%",
            ),
            (
                Lang::En,
                "Retail sales rise 0.8%. Sales rose 0.8% in July, the statistics office said.",
                "0.8% | 0.8%",
            ),
            (
                Lang::Es,
                "El turismo crece un 9%. La llegada de visitantes aumentó un 9% en agosto.",
                "9% | 9%",
            ),
        ] {
            assert_eq!(
                restated(lang, text),
                [(pair.to_owned(), String::new())],
                "{text}"
            );
        }
        // A rate is not restated by a rate of the other direction, or by a level.
        assert!(
            restated(
                Lang::En,
                "Retail sales rise 0.8%. Online sales fell 0.8% while stores rose to 40%."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_count_restated_without_its_noun() {
        for (lang, text) in [
            (
                Lang::It,
                "Sbarcati 1.200 migranti. Nel fine settimana ne sono arrivati 1.200 a Lampedusa.",
            ),
            (
                Lang::En,
                "Storm leaves 40,000 homes dark. Power was cut to 40,000 in the night.",
            ),
            (
                Lang::Es,
                "El paro baja en 45.000 personas. El desempleo se redujo en 45.000 en abril.",
            ),
        ] {
            assert_eq!(restated(lang, text).len(), 1, "{text}");
        }
    }

    #[test]
    fn the_same_noun_before_two_figures_of_the_body() {
        assert_eq!(
            restated(
                Lang::Es,
                "La empresa de distribución cerró el año pasado con un beneficio de 410 millones de euros, gracias a las exportaciones. Según la memoria, el beneficio neto fue de 410 millones de euros."
            ),
            [(
                "410 millones de euros | 410 millones de euros".to_owned(),
                "beneficio".to_owned()
            )]
        );
        // Different nouns, different figures.
        assert!(
            restated(
                Lang::En,
                "The company reported revenue of $4.1 billion in the quarter, and costs rose sharply. It also spent $1.2 billion on buybacks."
            )
            .is_empty()
        );
    }
}
