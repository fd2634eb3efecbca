//! Movements: a change written with its two levels, "è passato da 120 a 150 milioni di euro,
//! con un aumento del 25%", "rose 25% to $150m from $120m", "è scesa dal 9,5% al 7,5%",
//! "subió un 1,5% hasta los 11.165 puntos, desde los 11.000". The levels are the claims right
//! after the lexicon's from and to words (`CueWords::from_words`, `to_words`, an article
//! allowed between), in either order; two such neighbours make one movement, so a sentence
//! holds one per clause. A movement is a `change` with roles `from` and `to` (and `delta`,
//! an absolute change written after both, "0,4 punti", "30 millones más", or right before
//! them, "cut by 25 basis points to 4.75% from 5%") when the sentence says it is a change: a
//! rate of change nearest it ("un aumento del 25%", "+25%", "up 5%") joins as the `rate` and
//! gives the direction, or else a rise or fall word of the lexicon before the first level does.
//!
//! In: the claims, and the relations found so far (changes and ranges). Out: those relations
//! with each movement made one change; the change it absorbed (the rate, linked on its own to
//! an amount or to nothing), a range between the two levels, and a rate the change word gave
//! a level, are removed.

use super::cue::level_side;
use super::link::{change_cue, floor_boundary};
use crate::extract::found::{Found, claim_id, claim_index};
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Direction, Qualifier, Relation, RelationKind};

/// How far before the first level a change word may be, in bytes.
const WINDOW: usize = 40;

/// Which level the words before claim `index` announce (see [`level_side`]): `Some(true)`
/// for a from level, `Some(false)` for a to level.
fn side(context: &Context, claims: &[Found], index: usize) -> Option<bool> {
    let floor = index.checked_sub(1).map_or(0, |p| claims[p].end);
    let gap = &context.ascii_lower[floor.min(claims[index].start)..claims[index].start];
    let cues = context.lexicon.cues;
    level_side(
        gap,
        cues.from_words,
        cues.to_words,
        context.lexicon.amounts.articles,
    )
}

/// Whether the two claims can be two levels of one quantity.
pub(super) fn levels(a: &Found, b: &Found) -> bool {
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

/// Whether `claim` can be the absolute change between levels like `level`: points between
/// percentages ("2 punti", "12 basis points"), an amount of the same unit between amounts
/// (or any count between bare numbers: "de 2,75 a 2,70 millones, 50.000 personas menos").
pub(super) fn delta_of(claim: &Found, level: &Found) -> bool {
    if level.kind == ClaimKind::Percent && level.unit.as_deref() == Some("%") {
        claim.kind == ClaimKind::Percent && matches!(claim.unit.as_deref(), Some("pp" | "bp"))
    } else {
        let bare = |f: &Found| f.unit.is_none() && f.kind == ClaimKind::Number;
        level.is_amount()
            && claim.is_amount()
            && (claim.unit == level.unit
                || bare(claim)
                || (bare(level) && claim.kind != ClaimKind::Money))
    }
}

/// The pair of levels a rate at `rate` belongs to: the one nearest it in the text, by the
/// bytes between them ("rose 25% to $150m from $120m"; "da 50 a 52,1 miliardi (+4,2%),
/// mentre…"; "…(+10%) y el gasto creció un 15%, de 10.000 a 11.500"). `pairs` are `(first,
/// last)` claim indices, in text order.
fn owner(claims: &[Found], pairs: &[(usize, usize)], rate: usize) -> Option<usize> {
    let at = &claims[rate];
    let distance = |&(first, last): &(usize, usize)| {
        if at.end <= claims[first].start {
            claims[first].start - at.end
        } else {
            at.start.saturating_sub(claims[last].end)
        }
    };
    (0..pairs.len()).min_by_key(|&n| distance(&pairs[n]))
}

/// A change's lone percentage written after a to word ("rose to 40%", "è salita al 40%",
/// "subió hasta el 40%") is the level reached, not the rate: its role becomes `to`; after a
/// from word, with no other claim ("up from 58%"), the level left: `from`.
fn levels_reached(context: &Context, claims: &[Found], relations: &mut [Relation]) {
    for relation in relations.iter_mut() {
        if relation.kind != RelationKind::Change || relation.roles.iter().any(|r| r == "to") {
            continue;
        }
        let Some(at) = relation.roles.iter().position(|r| r == "rate") else {
            continue;
        };
        let Some(index) = claim_index(&relation.claims[at]).filter(|&i| i < claims.len()) else {
            continue;
        };
        if claims[index].sign.is_some() {
            continue;
        }
        match side(context, claims, index) {
            Some(false) => relation.roles[at] = "to".to_owned(),
            // "up from 58%", "in calo dal 3%": a lone rate after a from word is the level
            // the change left.
            Some(true) if relation.claims.len() == 1 => relation.roles[at] = "from".to_owned(),
            _ => {}
        }
    }
}

/// Makes every movement one change (see the module documentation).
pub fn movements(
    context: &Context,
    claims: &mut [Found],
    sentence_of: &[u32],
    relations: &mut Vec<Relation>,
) {
    let mut marks: Vec<(usize, bool)> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
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
        // Every claim after a from or to word; two neighbours on opposite sides that can be
        // levels of one quantity are one movement, so a sentence holds as many as it has
        // clauses ("pasaron de 8 a 8,8 millones y el gasto creció de 10.000 a 11.500").
        marks.clear();
        for i in members.clone() {
            if claims[i].kind == ClaimKind::Date {
                continue;
            }
            if let Some(from) = side(context, claims, i) {
                marks.push((i, from));
            }
        }
        pairs.clear();
        let mut levels_of: Vec<(usize, usize)> = Vec::new();
        let mut k = 0;
        while k + 1 < marks.len() {
            let ((a, a_from), (b, b_from)) = (marks[k], marks[k + 1]);
            if a_from != b_from && levels(&claims[a], &claims[b]) {
                pairs.push((a, b));
                levels_of.push(if a_from { (a, b) } else { (b, a) });
                k += 2;
            } else {
                k += 1;
            }
        }
        for (n, &(from, to)) in levels_of.iter().enumerate() {
            let next = pairs.get(n + 1).map_or(end, |p| p.0);
            let before = n.checked_sub(1).map_or(members.start, |p| pairs[p].1 + 1);
            movement(
                context,
                claims,
                (sentence, before..next),
                (from, to),
                (n, &pairs),
                relations,
            );
        }
    }
    levels_reached(context, claims, relations);
}

/// Makes the levels `from` and `to` one change, if the sentence says it is one. `clause` is
/// the sentence and the claims between the neighbouring movements; `pairs` all the
/// sentence's movements, `n` this one's.
fn movement(
    context: &Context,
    claims: &mut [Found],
    (sentence, clause): (u32, std::ops::Range<usize>),
    (from, to): (usize, usize),
    (n, pairs): (usize, &[(usize, usize)]),
    relations: &mut Vec<Relation>,
) {
    let cues = context.lexicon.cues;
    let (from_id, to_id) = (claim_id(from + 1), claim_id(to + 1));
    let is_level = |id: &String| *id == from_id || *id == to_id;
    let (first, last) = pairs[n];
    // The stated rate: a change of this clause whose rate is no level, linked to levels or to
    // nothing, and nearer this movement than any other.
    let rate = relations
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            r.kind == RelationKind::Change
                && r.sentence == Some(sentence)
                && r.roles.first().is_some_and(|role| role == "rate")
                && !is_level(&r.claims[0])
                && r.claims[1..].iter().all(|id| {
                    claim_index(id).is_some_and(|i| pairs.iter().any(|&(a, b)| i == a || i == b))
                })
        })
        .filter_map(|(at, r)| Some((at, claim_index(&r.claims[0])?)))
        .filter(|&(_, i)| clause.contains(&i) && owner(claims, pairs, i) == Some(n))
        // Claims away from the levels, before or after; a rate written between them ("a 9, un
        // aumento del 7%, de 3") is at distance 0.
        .min_by_key(|&(_, i)| first.saturating_sub(i).max(i.saturating_sub(last)))
        .map(|(at, _)| at);
    // An absolute change written right before the levels, after its change word: "rose 12
    // basis points to 4.37% from 4.25%", "tagliato di 25 punti base, portando il tasso al
    // 3,50% dal 3,75%".
    let delta_before = first
        .checked_sub(1)
        .filter(|&d| rate.is_none() && clause.contains(&d))
        .filter(|&d| delta_of(&claims[d], &claims[to]));
    let opening = delta_before.unwrap_or(first);
    let floor = opening
        .checked_sub(1)
        .map_or(0, |p| claims[p].end)
        .max(claims[opening].start.saturating_sub(WINDOW));
    let floor = floor_boundary(context.text, floor.min(claims[opening].start));
    let word = change_cue(cues, &context.text[floor..claims[opening].start]);
    let (direction, marker, cue) = match (rate, word) {
        (Some(at), _) => {
            let r = &relations[at];
            let Some(direction) = r.direction else {
                return;
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
        (None, None) => return,
    };
    let mut ids = vec![from_id.clone(), to_id.clone()];
    let mut roles = vec!["from".to_owned(), "to".to_owned()];
    if let Some(at) = rate {
        ids.insert(0, relations[at].claims[0].clone());
        roles.insert(0, "rate".to_owned());
    }
    // The absolute change, written after both levels: "0,4 punti" between percentages,
    // "30 millones más" between amounts. Only the first claim after the levels (the rate
    // and dates aside) of this clause can be it, never a level of another movement ("…,
    // mentre le importazioni sono scese da 50 a 48,5").
    let delta = delta_before.or_else(|| {
        (last + 1..clause.end)
            .find(|&d| !ids.contains(&claim_id(d + 1)) && claims[d].kind != ClaimKind::Date)
            .filter(|&d| pairs.iter().all(|&(a, b)| d != a && d != b))
            .filter(|&d| delta_of(&claims[d], &claims[to]))
    });
    if let Some(delta) = delta {
        ids.push(claim_id(delta + 1));
        roles.push("delta".to_owned());
    }
    // The level a change reaches is the level, not a bound: "subió hasta los 11.165 puntos".
    if claims[to].qualifier == Qualifier::AtMost {
        claims[to].qualifier = Qualifier::None;
    }
    let period = rate.and_then(|at| relations[at].period.clone());
    // What the movement replaces: its rate's own change, a range between the levels,
    // and a change the change word read on a level.
    relations.retain(|r| {
        let on_levels = r.claims.iter().all(is_level);
        let level_rate = r.kind == RelationKind::Change && r.claims.first().is_some_and(is_level);
        let own_rate =
            r.kind == RelationKind::Change && ids.first() == r.claims.first() && roles[0] == "rate";
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
    fn a_lone_percentage_after_a_to_word_is_the_level_reached() {
        let up = Some(Direction::Up);
        let down = Some(Direction::Down);
        assert_eq!(
            changes(Lang::It, "La disoccupazione è salita al 7,8% a marzo."),
            [("to".into(), "7,8%".into(), up)]
        );
        assert_eq!(
            changes(Lang::En, "Its share fell to 12% last year."),
            [("to".into(), "12%".into(), down)]
        );
        assert_eq!(
            changes(Lang::Es, "El paro subió hasta el 12% en abril."),
            [("to".into(), "12%".into(), up)]
        );
        // Without a to word the percentage is the rate.
        assert_eq!(
            changes(Lang::En, "Its share fell 12% last year."),
            [("rate".into(), "12%".into(), down)]
        );
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
    fn an_absolute_change_before_the_levels_is_the_delta() {
        let down = Some(Direction::Down);
        assert_eq!(
            changes(
                Lang::En,
                "The central bank cut its key rate by 50 basis points to 4% from 4.5%."
            ),
            [(
                "from,to,delta".into(),
                "4.5% | 4% | 50 basis points".into(),
                down
            )]
        );
        assert_eq!(
            changes(
                Lang::It,
                "La banca centrale ha tagliato i tassi di 50 punti base, portandoli al 4% dal 4,5%."
            ),
            [(
                "from,to,delta".into(),
                "4,5% | 4% | 50 punti base".into(),
                down
            )]
        );
        assert_eq!(
            changes(
                Lang::Es,
                "El banco central recortó los tipos en 50 puntos básicos, hasta el 4%, desde el 4,5%."
            ),
            [(
                "from,to,delta".into(),
                "4,5% | 4% | 50 puntos básicos".into(),
                down
            )]
        );
    }

    #[test]
    fn an_article_or_a_comparison_phrase_may_announce_a_level() {
        let up = Some(Direction::Up);
        assert_eq!(
            changes(
                Lang::Es,
                "El índice subió un 2% hasta los 10.200 puntos, desde los 10.000 del lunes."
            ),
            [(
                "rate,from,to".into(),
                "2% | 10.000 | 10.200 puntos".into(),
                up
            )]
        );
        assert_eq!(
            changes(
                Lang::En,
                "Sales grew 8% to $5.4 billion, compared with $5 billion a year earlier."
            ),
            [(
                "rate,from,to".into(),
                "8% | $5 billion | $5.4 billion".into(),
                up
            )]
        );
        assert_eq!(
            changes(
                Lang::It,
                "I ricavi sono cresciuti del 10% a 66 milioni di euro, rispetto ai 60 milioni del 2023."
            ),
            [(
                "rate,from,to".into(),
                "10% | 60 milioni | 66 milioni di euro".into(),
                up
            )]
        );
        // "hasta" before the level reached is no "up to".
        let extraction = crate::extract::relations::testing::extraction(
            Lang::Es,
            "Las ventas crecieron hasta 66 millones de euros, frente a los 60 millones de 2023.",
        );
        assert_eq!(
            extraction.claims[0].qualifier,
            crate::model::Qualifier::None
        );
    }

    #[test]
    fn each_clause_of_a_sentence_is_its_own_movement() {
        let (up, down) = (Some(Direction::Up), Some(Direction::Down));
        assert_eq!(
            changes(
                Lang::It,
                "Le vendite sono salite da 40 a 44 milioni (+10%), mentre i costi sono scesi da 30 a 27 milioni (-10%)."
            ),
            [
                ("rate,from,to".into(), "+10% | 40 | 44 milioni".into(), up),
                ("rate,from,to".into(), "-10% | 30 | 27 milioni".into(), down)
            ]
        );
        assert_eq!(
            changes(
                Lang::En,
                "Revenue rose 10% to $44m from $40m, and costs fell 10% to $27m from $30m."
            ),
            [
                ("rate,from,to".into(), "10% | $40m | $44m".into(), up),
                ("rate,from,to".into(), "10% | $30m | $27m".into(), down)
            ]
        );
        assert_eq!(
            changes(
                Lang::Es,
                "Los pasajeros pasaron de 4 a 4,4 millones (+10%) y los ingresos crecieron un 20%, de 100 a 120 millones de euros."
            ),
            [
                ("rate,from,to".into(), "+10% | 4 | 4,4 millones".into(), up),
                (
                    "rate,from,to".into(),
                    "20% | 100 | 120 millones de euros".into(),
                    up
                )
            ]
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
