//! Ratios: a proportion the words state, checked against the figures that state it too.
//!
//! - A proportion and its percentage: "un italiano su cinque, il 20%", "one in four adults, or
//!   25%", "uno de cada cinco hogares, el 20%": roles `of`, `in` (the two counts; or
//!   `fraction`, one claim the extractor already read as a fraction) and `share`, with `factor`
//!   of/in. The joiner between the counts comes from the lexicon (`ratio_joiners`: "su", "in",
//!   "de cada").
//! - A multiplier and the two levels it joins: "raddoppiato da 40 a 80", "doubled to 466,000
//!   from 233,000", "se triplicaron, de 12.000 a 36.000": roles `from`, `to`, with `factor`
//!   from the lexicon (`multiplier_words`: "raddoppiato" 2, "halved" 0.5). The levels are the
//!   first two amounts of one measure after the word; a to-word before the first makes it `to`.
//! - A fraction of a whole restated as an amount: "la metà dei 3,6 milioni di lavoratori, 1,8
//!   milioni", "half of the 300 staff, 150": roles `whole`, `part`, the fraction word also from
//!   `multiplier_words`.
//!
//! In: the claims of a text and its sentences, and the relations found so far (a change's rate
//! is no share). Out: `ratio` relations (cue id `ratio`, the joiner or multiplier word).

use super::cue::{cue_at, ends_with_phrase, find_phrase_in};
use super::reach::sentence_claims;
use crate::extract::found::{Found, claim_id, claim_index};
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Relation, RelationKind, Sentence};
use rust_decimal::prelude::ToPrimitive;

fn same_measure(a: &Found, b: &Found) -> bool {
    a.is_amount()
        && b.is_amount()
        && (a.unit == b.unit
            || (matches!(a.kind, ClaimKind::Number | ClaimKind::Count)
                && matches!(b.kind, ClaimKind::Number | ClaimKind::Count)))
}

fn value(claim: &Found) -> Option<f64> {
    claim.value.to_f64()
}

/// A plain share: an unsigned percentage that is no change's rate.
fn is_share(claim: &Found, rate: bool) -> bool {
    claim.kind == ClaimKind::Percent
        && claim.unit.as_deref() == Some("%")
        && claim.sign.is_none()
        && !rate
}

/// Whether `word` stands in `written` with a space on each side (" su ", " in ").
fn spaced_in(written: &str, word: &str) -> bool {
    written
        .match_indices(word)
        .any(|(at, _)| written[..at].ends_with(' ') && written[at + word.len()..].starts_with(' '))
}

/// A `ratio` relation of `members` (claim index, role), its cue the text at `start..end`
/// with cue id `id`; `factor` is the proportion the words state, if they state one.
pub(super) fn ratio_relation(
    context: &Context,
    members: &[(usize, &str)],
    (start, end, id): (usize, usize, &str),
    factor: Option<f64>,
    sentence: u32,
) -> Relation {
    Relation {
        kind: RelationKind::Ratio,
        claims: members.iter().map(|&(i, _)| claim_id(i + 1)).collect(),
        roles: members.iter().map(|&(_, role)| role.to_owned()).collect(),
        marker: Some(context.text[start..end].to_owned()),
        direction: None,
        period: None,
        cue: Some(cue_at(context.text, start, end, id)),
        sentence: Some(sentence),
        items: None,
        factor,
    }
}

fn ratio(
    context: &Context,
    members: Vec<(usize, &str)>,
    (start, end): (usize, usize),
    factor: f64,
    sentence: u32,
) -> Relation {
    ratio_relation(
        context,
        &members,
        (start, end, "ratio"),
        Some(factor),
        sentence,
    )
}

/// The `ratio` relations of the text, appended to `out`.
pub fn ratio_relations(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    sentences: &[Sentence],
    out: &mut Vec<Relation>,
) {
    let cues = context.lexicon.cues;
    let mut rate = vec![false; claims.len()];
    for relation in out.iter().filter(|r| r.kind == RelationKind::Change) {
        for (id, role) in relation.claims.iter().zip(&relation.roles) {
            if let Some(i) = claim_index(id).filter(|&i| i < claims.len() && role == "rate") {
                rate[i] = true;
            }
        }
    }
    let mut found = Vec::new();
    for (sentence, bounds) in sentences.iter().enumerate() {
        let sentence = sentence as u32;
        let members = sentence_claims(sentence_of, sentence);
        if members.len() < 2 {
            continue;
        }
        let share = members.clone().find(|&i| is_share(&claims[i], rate[i]));
        // "uno su cinque": two counts with a joiner between, or one fraction claim.
        if let Some(share) = share {
            let pair = (members.start..members.end - 1).find_map(|a| {
                let b = a + 1;
                let gap = &context.ascii_lower[claims[a].end..claims[b].start];
                let small = value(&claims[a]).is_some_and(|v| (1.0..=10.0).contains(&v));
                (small
                    && claims[a].is_amount()
                    && claims[b].is_amount()
                    && gap.split_whitespace().count() <= 4
                    && ends_with_phrase(gap, cues.ratio_joiners).is_some())
                .then_some((a, b))
            });
            if let Some((a, b)) = pair {
                let (Some(of), Some(within)) = (value(&claims[a]), value(&claims[b])) else {
                    continue;
                };
                if within > of {
                    found.push(ratio(
                        context,
                        vec![(a, "of"), (b, "in"), (share, "share")],
                        (claims[a].end, claims[b].start),
                        of / within,
                        sentence,
                    ));
                    continue;
                }
            }
            // "un italiano su cinque": the "one" is a word, not a claim.
            let one_in = members.clone().find(|&b| {
                let start = claims[b].start.saturating_sub(32);
                let start = (start..claims[b].start)
                    .find(|&at| context.text.is_char_boundary(at))
                    .unwrap_or(claims[b].start);
                let gap = &context.ascii_lower[start..claims[b].start];
                // Apostrophes split too: the "one" may be elided onto its noun ("un'impresa").
                let mut words = gap
                    .rsplit(|c: char| c.is_whitespace() || c == '\'' || c == '’')
                    .filter(|w| !w.is_empty());
                claims[b].is_amount()
                    && ends_with_phrase(gap, cues.ratio_joiners).is_some()
                    && words
                        .by_ref()
                        .take(4)
                        .any(|w| context.lexicon.time.relative.one_words.contains(&w))
            });
            if let Some(b) = one_in {
                if let Some(within) = value(&claims[b]).filter(|&v| v > 1.0) {
                    found.push(ratio(
                        context,
                        vec![(b, "in"), (share, "share")],
                        (claims[b].start, claims[b].end),
                        1.0 / within,
                        sentence,
                    ));
                    continue;
                }
            }
            let fraction = members.clone().find(|&i| {
                let written = &context.ascii_lower[claims[i].start..claims[i].end];
                claims[i].kind == ClaimKind::Number
                    && value(&claims[i]).is_some_and(|v| v > 0.0 && v < 1.0)
                    && cues.ratio_joiners.iter().any(|j| spaced_in(written, j))
            });
            if let Some(fraction) = fraction {
                if let Some(factor) = value(&claims[fraction]) {
                    found.push(ratio(
                        context,
                        vec![(fraction, "fraction"), (share, "share")],
                        (claims[fraction].start, claims[fraction].end),
                        factor,
                        sentence,
                    ));
                    continue;
                }
            }
        }
        // "raddoppiato da 40 a 80", "la metà dei 3,6 milioni …, 1,8 milioni".
        let words = cues.multiplier_words;
        let Some((start, end)) = find_phrase_in(context, bounds.start, bounds.end, words) else {
            continue;
        };
        let written = &context.ascii_lower[start..end];
        let Some(&(_, factor)) = cues.multiplier_words.iter().find(|(w, _)| *w == written) else {
            continue;
        };
        let after: Vec<usize> = members
            .filter(|&i| claims[i].start >= end && claims[i].is_amount())
            .collect();
        let Some(&first) = after.first() else {
            continue;
        };
        let Some(&second) = after[1..]
            .iter()
            .find(|&&j| same_measure(&claims[first], &claims[j]))
        else {
            continue;
        };
        let gap = &context.ascii_lower[end..claims[first].start];
        let fraction = factor < 1.0 && gap.split_whitespace().count() <= 2;
        // A multiplier's levels follow it closely, after a from- or to-word.
        let levels = gap.split_whitespace().count() <= 4
            && (ends_with_phrase(gap, cues.from_words).is_some()
                || ends_with_phrase(gap, cues.to_words).is_some());
        if !fraction && (factor < 1.0 || !levels) {
            continue;
        }
        let roles = if fraction {
            [(first, "whole"), (second, "part")]
        } else if ends_with_phrase(gap, cues.to_words).is_some() {
            [(second, "from"), (first, "to")]
        } else {
            [(first, "from"), (second, "to")]
        };
        found.push(ratio(
            context,
            roles.to_vec(),
            (start, end),
            factor,
            sentence,
        ));
    }
    out.extend(found);
}

#[cfg(test)]
mod tests {
    use crate::model::{Lang, RelationKind};

    /// `(roles and texts, factor)` of each ratio of `text`.
    fn ratios(lang: Lang, text: &str) -> Vec<(String, f64)> {
        let extraction = super::super::testing::extraction(lang, text);
        extraction
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Ratio)
            .map(|r| {
                (
                    super::super::testing::role_texts(&extraction, r),
                    r.factor.unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn a_proportion_and_its_percentage() {
        assert_eq!(
            ratios(Lang::En, "One in four adults, or 25%, reported symptoms."),
            [("of=One; in=four adults; share=25%".to_owned(), 0.25)]
        );
        assert_eq!(
            ratios(
                Lang::Es,
                "Uno de cada cinco hogares, el 20%, está formado por una sola persona."
            ),
            [("fraction=Uno de cada cinco; share=20%".to_owned(), 0.2)]
        );
    }

    #[test]
    fn one_written_as_a_word() {
        assert_eq!(
            ratios(
                Lang::It,
                "Un italiano su cinque, il 20% della popolazione, vive in città."
            ),
            [("in=cinque; share=20%".to_owned(), 0.2)]
        );
        // The "one" elided onto its noun, with a straight or a typographic apostrophe.
        for text in [
            "Un'impresa su quattro, il 25% del campione, fatica ad assumere.",
            "Un’impresa su quattro, il 25% del campione, fatica ad assumere.",
        ] {
            assert_eq!(
                ratios(Lang::It, text),
                [("in=quattro; share=25%".to_owned(), 0.25)],
                "{text}"
            );
        }
    }

    #[test]
    fn a_multiplier_far_from_two_amounts_links_nothing() {
        assert!(
            ratios(
                Lang::En,
                "Profit doubled, the company said, as sales reached $5bn and costs $3bn."
            )
            .is_empty()
        );
        assert!(
            ratios(
                Lang::En,
                "In the first half of 2023 sales rose to $5bn from $4bn."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_multiplier_and_its_two_levels() {
        assert_eq!(
            ratios(
                Lang::En,
                "First-quarter deliveries doubled to 466,000 from 233,000 a year earlier."
            ),
            [("from=233,000; to=466,000".to_owned(), 2.0)]
        );
        assert_eq!(
            ratios(
                Lang::It,
                "I costi sono triplicati, passando da 2,1 a 6,3 milioni di euro l'anno."
            ),
            [("from=2,1; to=6,3 milioni di euro".to_owned(), 3.0)]
        );
        assert_eq!(
            ratios(
                Lang::Es,
                "Circa la mitad de los 48 millones de habitantes, unos 24 millones, vive en ciudades."
            ),
            [(
                "whole=48 millones de habitantes; part=24 millones".to_owned(),
                0.5
            )]
        );
    }
}
