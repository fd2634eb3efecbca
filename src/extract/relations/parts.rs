//! A whole and its parts: "12 miliardi di euro, di cui 7 per la sanità e 6 per la scuola",
//! "300 people, of which 120 children", "1.200 empleos, de los cuales 800 fijos".
//!
//! In: the claims of a text and its sentences. Out: `total` relations, roles `total` then one
//! `part` per part. The cue is the first of the lexicon's part markers in the sentence
//! (`CueWords::part_markers`); the total is the last amount before it, the parts every amount
//! after it in the same sentence that measures the same thing: the same currency or unit, any
//! count for a count (the nouns differ: "300 persone, di cui 120 donne"), or a bare number
//! that took the whole's measure from being written after it.

use super::cue::{cue_at, find_phrase};
use crate::extract::found::{Found, claim_id};
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Relation, RelationKind, Sentence};

fn is_amount(kind: ClaimKind) -> bool {
    matches!(
        kind,
        ClaimKind::Money | ClaimKind::Count | ClaimKind::Quantity | ClaimKind::Number
    )
}

/// Whether `part` can be a part of `total`.
fn same_measure(total: &Found, part: &Found) -> bool {
    if !is_amount(part.kind) {
        return false;
    }
    match (total.kind, part.kind) {
        (_, ClaimKind::Number) => part.unit.is_none(),
        (ClaimKind::Count, ClaimKind::Count) => true,
        (a, b) => a == b && total.unit == part.unit,
    }
}

/// The `total` relations of the text, appended to `out`.
pub fn total_relations(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    sentences: &[Sentence],
    out: &mut Vec<Relation>,
) {
    let markers = context.lexicon.cues.part_markers;
    let mut first = 0;
    while first < claims.len() {
        let sentence = sentence_of[first];
        let mut last = first;
        while last + 1 < claims.len() && sentence_of[last + 1] == sentence {
            last += 1;
        }
        let members = first..=last;
        first = last + 1;
        let Some(bounds) = sentences.get(sentence as usize) else {
            continue;
        };
        let lower = &context.ascii_lower[bounds.start..bounds.end];
        let Some((cue_start, cue_end)) = find_phrase(lower, markers) else {
            continue;
        };
        let (cue_start, cue_end) = (bounds.start + cue_start, bounds.start + cue_end);
        let Some(total) = members
            .clone()
            .rev()
            .find(|&i| claims[i].end <= cue_start && is_amount(claims[i].kind))
        else {
            continue;
        };
        let parts: Vec<usize> = members
            .filter(|&i| claims[i].start >= cue_end && same_measure(&claims[total], &claims[i]))
            .collect();
        if parts.is_empty() {
            continue;
        }
        let mut ids = vec![claim_id(total + 1)];
        let mut roles = vec!["total".to_owned()];
        for part in parts {
            ids.push(claim_id(part + 1));
            roles.push("part".to_owned());
        }
        out.push(Relation {
            kind: RelationKind::Total,
            claims: ids,
            roles,
            marker: Some(context.text[cue_start..cue_end].to_owned()),
            direction: None,
            period: None,
            cue: Some(cue_at(context.text, cue_start, cue_end, "part-of")),
            sentence: Some(sentence),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract};
    use crate::model::{Lang, LangChoice, RelationKind};

    /// `(roles joined, claim texts joined, cue)` of each total relation of `text`.
    fn totals(lang: Lang, text: &str) -> Vec<(String, String, String)> {
        let options = Options {
            lang: LangChoice::Fixed(lang),
            ..Options::default()
        };
        let extraction = extract(text, &options);
        let text_of = |id: &String| {
            let claim = extraction.claims.iter().find(|c| &c.id == id).unwrap();
            claim.text.clone()
        };
        extraction
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Total)
            .map(|r| {
                let texts: Vec<String> = r.claims.iter().map(text_of).collect();
                let cue = r.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default();
                (r.roles.join(","), texts.join(" | "), cue)
            })
            .collect()
    }

    fn one(roles: &str, texts: &str, cue: &str) -> Vec<(String, String, String)> {
        vec![(roles.into(), texts.into(), cue.into())]
    }

    #[test]
    fn a_whole_and_the_parts_after_the_marker() {
        assert_eq!(
            totals(
                Lang::It,
                "Il fondo vale 12 miliardi di euro, di cui 7 miliardi per la sanità e 4 per la scuola."
            ),
            one(
                "total,part,part",
                "12 miliardi di euro | 7 miliardi | 4",
                "di cui"
            )
        );
        assert_eq!(
            totals(
                Lang::En,
                "The crash injured 40 people, including 12 children and 3 firefighters."
            ),
            one(
                "total,part,part",
                "40 people | 12 children | 3 firefighters",
                "including"
            )
        );
        assert_eq!(
            totals(
                Lang::Es,
                "La empresa creó 1.200 empleos, de los cuales 800 son fijos."
            ),
            one("total,part", "1.200 empleos | 800", "de los cuales")
        );
    }

    #[test]
    fn no_marker_no_whole_or_no_part_is_no_relation() {
        assert!(totals(Lang::En, "Sales were $5bn and costs $3bn.").is_empty());
        assert!(totals(Lang::En, "Of which I know nothing, but 3 people came.").is_empty());
        // A share is not a part of an amount.
        assert!(
            totals(
                Lang::It,
                "Spesi 10 milioni di euro, di cui il 40% all'estero."
            )
            .is_empty()
        );
    }
}
