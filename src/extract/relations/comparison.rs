//! A level compared with an earlier one, with no change word: "revenue was $12.4 billion,
//! compared with $11.1 billion a year earlier", "l'inflazione si è attestata all'1,8%, contro
//! il 2,1% di settembre", "el beneficio fue de 820 millones, frente a 760 millones un año
//! antes". The comparison phrase (`CueWords::comparison_words`) says that the figure after it
//! is the level the one before it moved from.
//!
//! In: the claims, and the relations found so far (after [`movement`](super::movement) and
//! [`reached`](super::reached), so changes with a change word are whole). Out: those relations
//! with one `change` (roles `from`, `to`; cue id `comparison`; direction from the two values)
//! for each pair: the claim after the phrase (one article allowed between), and the nearest
//! claim of the same measure before it in its sentence (dates skipped). The figure before must
//! be a level the text reached (after a to word: "si è attestata all'1,8%"), or the one after
//! must be dated (a date claim right after it, or an `earlier_periods` phrase): "the party won
//! 31%, against 28% for its rival" compares two parties, not two times. A rate of change is no
//! level ("grew 0.3%, compared with 0.1%"); a change that already reached the level gains the
//! earlier level as its `from`.

use super::cue::{cue_in, ends_with_phrase, find_phrase, level_side};
use super::movement::levels;
use crate::extract::found::{Found, claim_id, claim_index};
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Direction, Relation, RelationKind};

/// How far before the earlier level its comparison phrase may start, in bytes.
const GAP: usize = 32;

/// How far after the earlier level its period phrase may start, in bytes.
const PERIOD_GAP: usize = 4;

/// The relation in which claim `index` holds one of `roles`, per `roles_of`.
fn role_in(roles_of: &[Vec<(usize, &str)>], index: usize, roles: &[&str]) -> Option<usize> {
    roles_of[index]
        .iter()
        .find(|(_, role)| roles.contains(role))
        .map(|&(at, _)| at)
}

/// Adds the change of each level compared with an earlier one (see the module documentation).
pub fn comparisons(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    relations: &mut Vec<Relation>,
) {
    let cues = context.lexicon.cues;
    let articles = context.lexicon.amounts.articles;
    // The change roles each claim holds, (relation index, role): one pass over the relations,
    // so each candidate is judged in constant time whatever the number of relations.
    let mut roles_of: Vec<Vec<(usize, &str)>> = vec![Vec::new(); claims.len()];
    for (at, relation) in relations.iter().enumerate() {
        if relation.kind != RelationKind::Change {
            continue;
        }
        for (id, role) in relation.claims.iter().zip(&relation.roles) {
            let role = match role.as_str() {
                "from" => "from",
                "to" => "to",
                "rate" => "rate",
                "delta" => "delta",
                _ => continue,
            };
            if let Some(index) = claim_index(id).filter(|&i| i < claims.len()) {
                roles_of[index].push((at, role));
            }
        }
    }
    for earlier in 1..claims.len() {
        if claims[earlier].kind == ClaimKind::Date {
            continue;
        }
        // The phrase and an article are the last few words before the figure.
        let previous_end = super::link::floor_boundary(
            context.text,
            claims[earlier - 1]
                .end
                .max(claims[earlier].start.saturating_sub(GAP)),
        );
        let gap =
            &context.ascii_lower[previous_end.min(claims[earlier].start)..claims[earlier].start];
        let mut phrase_gap = gap.trim_end();
        if let Some(at) = ends_with_phrase(phrase_gap, articles).filter(|&at| at > 0) {
            phrase_gap = phrase_gap[..at].trim_end();
        }
        let Some(phrase_at) = ends_with_phrase(phrase_gap, cues.comparison_words) else {
            continue;
        };
        let sentence = sentence_of[earlier];
        let Some(level) = (0..earlier)
            .rev()
            .take_while(|&j| sentence_of[j] == sentence)
            .find(|&j| claims[j].kind != ClaimKind::Date)
            .filter(|&j| levels(&claims[j], &claims[earlier]))
        else {
            continue;
        };
        let (level_id, earlier_id) = (claim_id(level + 1), claim_id(earlier + 1));
        if role_in(&roles_of, earlier, &["from", "to", "rate", "delta"]).is_some()
            || role_in(&roles_of, level, &["from", "rate", "delta"]).is_some()
        {
            continue;
        }
        let level_floor = level.checked_sub(1).map_or(0, |p| claims[p].end);
        let reached = level_side(
            &context.ascii_lower[level_floor.min(claims[level].start)..claims[level].start],
            cues.from_words,
            cues.to_words,
            articles,
        ) == Some(false);
        let dated = claims.get(earlier + 1).is_some_and(|next| {
            next.kind == ClaimKind::Date && sentence_of[earlier + 1] == sentence
        }) || {
            let after = &context.ascii_lower[claims[earlier].end..];
            let head = &after[..after.len().min(PERIOD_GAP + 40)];
            find_phrase(head, cues.earlier_periods).is_some_and(|(start, _)| {
                head[..start].trim_matches([' ', ',']).is_empty() && start <= PERIOD_GAP
            })
        };
        if !(reached || dated) {
            continue;
        }
        let (now, then) = (claims[level].value, claims[earlier].value);
        let direction = match now.cmp(&then) {
            std::cmp::Ordering::Greater => Direction::Up,
            std::cmp::Ordering::Less => Direction::Down,
            std::cmp::Ordering::Equal => continue,
        };
        let phrase_start = previous_end.min(claims[earlier].start) + phrase_at;
        let written = &context.text[phrase_start..phrase_start + (phrase_gap.len() - phrase_at)];
        let cue = cue_in(context.text, written, "comparison");
        // "rose to 40%, compared with 35% a year earlier": the change reached the level
        // already; the earlier level is where it started.
        roles_of[earlier].push((relations.len(), "from"));
        if let Some(at) = role_in(&roles_of, level, &["to"]) {
            roles_of[earlier].last_mut().expect("just pushed").0 = at;
            relations[at].claims.insert(0, earlier_id);
            relations[at].roles.insert(0, "from".to_owned());
            continue;
        }
        roles_of[level].push((relations.len(), "to"));
        relations.push(Relation {
            kind: RelationKind::Change,
            claims: vec![earlier_id, level_id],
            roles: vec!["from".to_owned(), "to".to_owned()],
            marker: Some(written.to_owned()),
            direction: Some(direction),
            period: None,
            cue: Some(cue),
            sentence: Some(sentence),
            items: None,
            factor: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::relations::testing::described;
    use crate::model::{Direction, Lang, RelationKind};

    /// `(roles, claim texts, cue, direction)` of each change relation of `text`.
    fn changes(lang: Lang, text: &str) -> Vec<(String, String, String, Option<Direction>)> {
        described(lang, text, RelationKind::Change)
            .into_iter()
            .map(|d| (d.roles, d.texts, d.cue, d.direction))
            .collect()
    }

    #[test]
    fn a_level_compared_with_an_earlier_dated_one_is_a_change() {
        let cases = [
            (
                Lang::En,
                "Revenue for the quarter was $12.4 billion, compared with $11.1 billion a year earlier.",
                "$11.1 billion | $12.4 billion",
                "compared with",
                Direction::Up,
            ),
            (
                Lang::En,
                "Net profit was £380m, against £420m in 2023.",
                "£420m | £380m",
                "against",
                Direction::Down,
            ),
            (
                Lang::It,
                "L'utile netto è stato di 1,2 miliardi, contro 1,1 miliardi dell'anno precedente.",
                "1,1 miliardi | 1,2 miliardi",
                "contro",
                Direction::Up,
            ),
            (
                Lang::It,
                "L'inflazione a ottobre si è attestata all'1,8%, contro il 2,1% di settembre.",
                "2,1% | 1,8%",
                "contro",
                Direction::Down,
            ),
            (
                Lang::Es,
                "El beneficio fue de 820 millones, frente a 760 millones un año antes.",
                "760 millones | 820 millones",
                "frente a",
                Direction::Up,
            ),
        ];
        for (lang, text, claims, cue, direction) in cases {
            assert_eq!(
                changes(lang, text),
                vec![(
                    "from,to".to_owned(),
                    claims.to_owned(),
                    cue.to_owned(),
                    Some(direction)
                )],
                "{text}"
            );
        }
    }

    #[test]
    fn two_subjects_or_two_rates_compared_are_no_change() {
        // Two parties, not two times.
        assert!(
            changes(
                Lang::En,
                "The party won 31%, against 28% for its main rival."
            )
            .is_empty()
        );
        assert!(
            changes(
                Lang::It,
                "Il candidato ha preso il 52%, contro il 48% dello sfidante."
            )
            .is_empty()
        );
        // Two rates of change: the earlier one is no level.
        let rates = changes(
            Lang::En,
            "GDP grew 0.3% in the quarter, compared with 0.1% a quarter earlier.",
        );
        assert!(
            rates.iter().all(|(roles, ..)| roles != "from,to"),
            "{rates:?}"
        );
    }
}
