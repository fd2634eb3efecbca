//! Movements: a change written with its two levels, "è passato da 120 a 150 milioni di euro,
//! con un aumento del 25%", "rose 25% to $150m from $120m", "è scesa dal 9,5% al 7,5%",
//! "subió de 10 a 12 millones". The levels are the claims right after the lexicon's from and
//! to words (`CueWords::from_words`, `to_words`), in either order; they make a `change` with
//! roles `from` and `to` (and `delta`, an absolute change written after both: "0,4 punti",
//! "30 millones más") when the sentence says it is a change: a rate of change in it ("un
//! aumento del 25%", "+25%", "up 5%") joins as the `rate` and gives the direction, or else a
//! rise or fall word of the lexicon before the first level does.
//!
//! In: the claims, and the relations found so far (changes and ranges). Out: those relations
//! with each movement made one change; the change it absorbed (the rate, linked on its own to
//! an amount or to nothing), a range between the two levels, and a rate the change word gave
//! a level, are removed.

use super::link::{change_cue, floor_boundary};
use crate::extract::found::{Found, claim_id};
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Direction, Relation, RelationKind};

/// How far before the first level a change word may be, in bytes.
const WINDOW: usize = 40;

/// The lower-cased word right before claim `index`, apostrophe kept ("dall'").
fn word_before<'t>(context: &Context<'t>, claims: &[Found], index: usize) -> &'t str {
    let floor = index.checked_sub(1).map_or(0, |p| claims[p].end);
    let before =
        context.ascii_lower[floor.min(claims[index].start)..claims[index].start].trim_end();
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '\'' | '’'))
        .last()
        .map_or(before.len(), |(at, _)| at);
    &before[start..]
}

/// Whether the two claims can be two levels of one quantity.
fn levels(a: &Found, b: &Found) -> bool {
    let amount = |k| {
        matches!(
            k,
            ClaimKind::Money | ClaimKind::Count | ClaimKind::Quantity | ClaimKind::Number
        )
    };
    match (a.kind, b.kind) {
        (ClaimKind::Percent, ClaimKind::Percent) => a.unit == b.unit,
        (x, y) if amount(x) && amount(y) => {
            a.unit.is_none() || b.unit.is_none() || a.unit == b.unit
        }
        _ => false,
    }
}

/// Makes every movement one change (see the module documentation).
pub fn movements(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    relations: &mut Vec<Relation>,
) {
    let cues = context.lexicon.cues;
    let mut start = 0;
    while start < claims.len() {
        let sentence = sentence_of[start];
        let mut end = start;
        while end < claims.len() && sentence_of[end] == sentence {
            end += 1;
        }
        let members = start..end;
        start = end;
        if members.len() < 2 {
            continue;
        }
        // The first claim after a from word and the first after a to word, in one pass.
        let (mut from, mut to) = (None, None);
        for i in members.clone() {
            if claims[i].kind == ClaimKind::Date {
                continue;
            }
            let word = word_before(context, claims, i);
            if word.is_empty() {
                continue;
            }
            if from.is_none() && cues.from_words.contains(&word) {
                from = Some(i);
            } else if to.is_none() && cues.to_words.contains(&word) {
                to = Some(i);
            }
        }
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        if from == to || !levels(&claims[from], &claims[to]) {
            continue;
        }
        let (from_id, to_id) = (claim_id(from + 1), claim_id(to + 1));
        let is_level = |id: &String| *id == from_id || *id == to_id;
        // The stated rate: a change of this sentence whose rate is no level, linked to one of
        // the levels or to nothing.
        let rate = relations.iter().position(|r| {
            r.kind == RelationKind::Change
                && r.sentence == Some(sentence)
                && r.roles.first().is_some_and(|role| role == "rate")
                && !is_level(&r.claims[0])
                && r.claims[1..].iter().all(is_level)
        });
        let first = from.min(to);
        let floor = first
            .checked_sub(1)
            .map_or(0, |p| claims[p].end)
            .max(claims[first].start.saturating_sub(WINDOW));
        let floor = floor_boundary(context.text, floor.min(claims[first].start));
        let word = change_cue(cues, &context.text[floor..claims[first].start]);
        let (direction, marker, cue) = match (rate, word) {
            (Some(at), _) => {
                let r = &relations[at];
                let Some(direction) = r.direction else {
                    continue;
                };
                (direction, r.marker.clone(), r.cue.clone())
            }
            (None, Some((direction, word))) => {
                let id = match direction {
                    Direction::Up => "rise",
                    Direction::Down => "fall",
                };
                let cue = super::cue::cue_in(context.text, word, id);
                (direction, Some(word.to_owned()), Some(cue))
            }
            (None, None) => continue,
        };
        let mut ids = vec![from_id.clone(), to_id.clone()];
        let mut roles = vec!["from".to_owned(), "to".to_owned()];
        if let Some(at) = rate {
            ids.insert(0, relations[at].claims[0].clone());
            roles.insert(0, "rate".to_owned());
        }
        // The absolute change, written after both levels: "0,4 punti" between percentages,
        // "30 millones más" between amounts.
        // Only the first claim after the levels (the rate and dates aside) can be it, not a level of
        // another change ("…, mentre le importazioni sono scese da 50 a 48,5").
        let delta = (from.max(to) + 1..end)
            .find(|&d| !ids.contains(&claim_id(d + 1)) && claims[d].kind != ClaimKind::Date)
            .filter(|&d| {
                let word = word_before(context, claims, d);
                !cues.from_words.contains(&word) && !cues.to_words.contains(&word)
            })
            .filter(|&d| {
                let (claim, level) = (&claims[d], &claims[to]);
                let percent_levels =
                    level.kind == ClaimKind::Percent && level.unit.as_deref() == Some("%");
                if percent_levels {
                    claim.kind == ClaimKind::Percent && claim.unit.as_deref() == Some("pp")
                } else {
                    claim.is_amount()
                        && (claim.unit == level.unit
                            || (claim.unit.is_none() && claim.kind == ClaimKind::Number))
                }
            });
        if let Some(delta) = delta {
            ids.push(claim_id(delta + 1));
            roles.push("delta".to_owned());
        }
        let period = rate.and_then(|at| relations[at].period.clone());
        // What the movement replaces: its rate's own change, a range between the levels,
        // and a change the change word read on a level.
        relations.retain(|r| {
            let on_levels = r.claims.iter().all(is_level);
            let level_rate =
                r.kind == RelationKind::Change && r.claims.first().is_some_and(is_level);
            let own_rate = r.kind == RelationKind::Change
                && ids.first() == r.claims.first()
                && roles[0] == "rate";
            !((r.kind == RelationKind::Range && on_levels) || level_rate || own_rate)
        });
        relations.push(Relation {
            kind: RelationKind::Change,
            claims: ids,
            roles,
            marker,
            direction: Some(direction),
            period,
            cue,
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
    fn the_levels_may_come_in_either_order_and_the_rate_gives_the_direction() {
        let up = Some(Direction::Up);
        let down = Some(Direction::Down);
        assert_eq!(
            changes(
                Lang::En,
                "Revenue rose 25% to $150 million from $120 million."
            ),
            [(
                "rate,from,to".into(),
                "25% | $120 million | $150 million".into(),
                up
            )]
        );
        assert_eq!(
            changes(
                Lang::It,
                "Il fatturato è passato da 120 a 150 milioni di euro, con un aumento del 25%."
            ),
            [(
                "rate,from,to".into(),
                "25% | 120 | 150 milioni di euro".into(),
                up
            )]
        );
        assert_eq!(
            changes(
                Lang::En,
                "The workforce fell 5% from 2,000 employees to 1,900 employees."
            ),
            [(
                "rate,from,to".into(),
                "5% | 2,000 employees | 1,900 employees".into(),
                down
            )]
        );
    }

    #[test]
    fn the_absolute_change_after_the_levels_is_the_delta() {
        assert_eq!(
            changes(
                Lang::It,
                "Il tasso di disoccupazione è sceso dal 9,5% al 7,5%, un calo di 2 punti percentuali."
            ),
            [(
                "from,to,delta".to_owned(),
                "9,5% | 7,5% | 2 punti percentuali".to_owned(),
                Some(Direction::Down)
            )]
        );
        assert_eq!(
            changes(
                Lang::Es,
                "Las ventas subieron de 120 a 150 millones de euros, 30 millones más que el año anterior."
            ),
            [(
                "from,to,delta".to_owned(),
                "120 | 150 millones de euros | 30 millones".to_owned(),
                Some(Direction::Up)
            )]
        );
        assert_eq!(
            changes(
                Lang::En,
                "Unemployment fell to 4.1% in May from 4.5% in April, a drop of 0.4 percentage points."
            )[0]
            .0,
            "from,to,delta"
        );
    }

    #[test]
    fn levels_without_a_change_or_of_different_measures_are_no_movement() {
        assert!(changes(Lang::En, "Highs of 10-12 °C are expected.").is_empty());
        assert!(changes(Lang::It, "Il volo va da Roma a Milano in 50 minuti.").is_empty());
        let mixed = changes(Lang::En, "Sales rose from $5m to 40% of the total.");
        assert!(
            mixed.iter().all(|(roles, _, _)| !roles.contains("from")),
            "{mixed:?}"
        );
    }
}
