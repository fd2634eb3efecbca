//! Movements: a change written as its two levels, "è scesa dal 9,5% al 7,5%", "rose from 40%
//! to 45%", "subió de 10 a 12 millones". The two ends read as a range; a rise or fall word of
//! the lexicon before the first end makes them the `from` and `to` of a `change`, and a rate
//! of change stated in the same sentence ("un calo del 2%", "up 5%") joins it as its `rate`.
//!
//! In: the claims, and the relations found so far (changes and ranges). Out: those relations
//! with each such range turned into a change; the rate-only changes it absorbed, and the
//! spurious rate a change word gave its first end, are removed.

use super::link::{change_cue, floor_boundary};
use crate::extract::found::{Found, claim_index};
use crate::extract::tokens::context::Context;
use crate::model::{Direction, Relation, RelationKind};

/// How far before the first level a change word may be, in bytes.
const WINDOW: usize = 40;

/// Turns the ranges that are movements into changes (see the module documentation).
pub fn movements(context: &Context, claims: &[Found], relations: &mut Vec<Relation>) {
    let index_of = |id: &str| claim_index(id).filter(|&n| n < claims.len());
    let mut absorbed = vec![false; relations.len()];
    for at in 0..relations.len() {
        if relations[at].kind != RelationKind::Range {
            continue;
        }
        let Some(first) = relations[at].claims.first().and_then(|id| index_of(id)) else {
            continue;
        };
        let floor = first
            .checked_sub(1)
            .map_or(0, |previous| claims[previous].end)
            .max(claims[first].start.saturating_sub(WINDOW));
        let floor = floor_boundary(context.text, floor.min(claims[first].start));
        let before = &context.text[floor..claims[first].start];
        let Some((direction, word)) = change_cue(context.lexicon.cues, before) else {
            continue;
        };
        let sentence = relations[at].sentence;
        let ends = relations[at].claims.clone();
        // A rate alone in the same sentence is this change's rate; a rate on one of the ends
        // was only the change word read before the first level.
        let mut rate = None;
        for (other, relation) in relations.iter().enumerate() {
            let rate_only = relation.kind == RelationKind::Change
                && relation.roles.len() == 1
                && relation.sentence == sentence;
            if !rate_only || absorbed[other] {
                continue;
            }
            if ends.contains(&relation.claims[0]) {
                absorbed[other] = true;
            } else if rate.is_none() {
                absorbed[other] = true;
                rate = Some(relation.claims[0].clone());
            }
        }
        let relation = &mut relations[at];
        relation.kind = RelationKind::Change;
        relation.direction = Some(direction);
        relation.roles = vec!["from".to_owned(), "to".to_owned()];
        if let Some(rate) = rate {
            relation.claims.insert(0, rate);
            relation.roles.insert(0, "rate".to_owned());
        }
        let id = match direction {
            Direction::Up => "rise",
            Direction::Down => "fall",
        };
        relation.marker = Some(word.to_owned());
        relation.cue = Some(super::cue::cue_in(context.text, word, id));
    }
    let mut index = 0;
    relations.retain(|_| {
        index += 1;
        !absorbed[index - 1]
    });
}

#[cfg(test)]
mod tests {
    use crate::extract::relations::testing::described;
    use crate::model::{Direction, Lang, RelationKind};

    /// `(roles, claim texts, direction)` of each change relation of `text`.
    fn changes(lang: Lang, text: &str) -> Vec<(String, String, Option<Direction>)> {
        described(lang, text, RelationKind::Change)
            .into_iter()
            .map(|d| (d.roles, d.texts, d.direction))
            .collect()
    }

    #[test]
    fn two_levels_after_a_change_word_are_its_from_and_to() {
        let down = Some(Direction::Down);
        let up = Some(Direction::Up);
        assert_eq!(
            changes(
                Lang::It,
                "La disoccupazione è scesa dal 9,5% al 7,5%, un calo del 2%."
            ),
            [("rate,from,to".into(), "2% | 9,5% | 7,5%".into(), down)]
        );
        assert_eq!(
            changes(Lang::En, "Turnout rose from 40% to 45%."),
            [("from,to".into(), "40% | 45%".into(), up)]
        );
        assert_eq!(
            changes(Lang::Es, "La deuda subió de 10 a 12 millones de euros."),
            [("from,to".into(), "10 | 12 millones de euros".into(), up)]
        );
    }

    #[test]
    fn a_range_without_a_change_word_stays_a_range() {
        assert!(
            changes(
                Lang::It,
                "Il Pil crescerà tra l'1 e il 2% secondo le stime di oggi."
            )
            .len()
                <= 1
        );
        assert!(changes(Lang::En, "Highs of 10-12 °C are expected.").is_empty());
    }
}
