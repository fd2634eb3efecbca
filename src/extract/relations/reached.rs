//! A change written as its absolute change and the level it reached, with no level it left:
//! "support rose three points to 31%", "il partito sale di tre punti al 28%", "cut rates by
//! a quarter of a percentage point to 4.75%", "the shares rose 12p to 312p", "el paro bajó en
//! 25.300 personas, hasta 2,6 millones".
//!
//! In: the claims, and the relations found so far (after [`movement`](super::movement), so a
//! change with both levels is already whole). Out: those relations with one `change` (roles
//! `to`, `delta`) for each such pair: the absolute change right after a rise or fall word of
//! the lexicon, then the level after a to word (`CueWords::to_words`), the two of one measure
//! (points between percentages, an amount of the same unit between amounts). A change the
//! rise or fall word had made of either claim alone is replaced. An absolute change written
//! right after a lone level reached joins that change as its `delta`
//! ([`delta_after_level`]: "è salita al 22,4%, quasi due punti in più").

use super::cue::{cue_in, level_side};
use super::link::{change_cue, floor_boundary};
use super::movement::delta_of;
use crate::extract::found::{Found, claim_id, claim_index};
use crate::extract::tokens::context::Context;
use crate::model::{Direction, Relation, RelationKind};

/// How far before the absolute change its rise or fall word may be, in bytes.
const WINDOW: usize = 40;

/// Adds the change of each absolute change followed by the level it reached (see the module
/// documentation).
pub fn changes_to_level(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    relations: &mut Vec<Relation>,
) {
    let cues = context.lexicon.cues;
    // Claims that are a level of a change with both levels, and the changes (by their first
    // claim) a new change replaces: flags per claim, so the pass stays linear in the claims.
    let mut level = vec![false; claims.len()];
    for relation in relations.iter() {
        if relation.kind != RelationKind::Change || !relation.roles.iter().any(|r| r == "from") {
            continue;
        }
        for (id, role) in relation.claims.iter().zip(&relation.roles) {
            if let Some(index) = claim_index(id).filter(|&i| i < claims.len()) {
                level[index] |= role == "from" || role == "to";
            }
        }
    }
    let mut replaced = vec![false; claims.len()];
    let mut added: Vec<Relation> = Vec::new();
    for delta in 0..claims.len().saturating_sub(1) {
        let to = delta + 1;
        if sentence_of[delta] != sentence_of[to]
            || level[delta]
            || level[to]
            || !delta_of(&claims[delta], &claims[to])
        {
            continue;
        }
        let gap = &context.ascii_lower[claims[delta].end..claims[to].start];
        let to_side = level_side(
            gap,
            cues.from_words,
            cues.to_words,
            context.lexicon.amounts.articles,
        ) == Some(false);
        if !to_side || gap.trim().len() > 12 {
            continue;
        }
        let floor = delta
            .checked_sub(1)
            .filter(|&p| sentence_of[p] == sentence_of[delta])
            .map_or(0, |p| claims[p].end)
            .max(claims[delta].start.saturating_sub(WINDOW));
        let floor = floor_boundary(context.text, floor.min(claims[delta].start));
        let Some((direction, word)) = change_cue(cues, &context.text[floor..claims[delta].start])
        else {
            continue;
        };
        let id = match direction {
            Direction::Up => "rise",
            Direction::Down => "fall",
        };
        let cue = cue_in(context.text, word, id);
        // The change the word made of the level or of the absolute change alone; only the
        // pair just before can have begun with this absolute change (as its level).
        replaced[to] = true;
        replaced[delta] = true;
        let delta_id = claim_id(delta + 1);
        if added.last().is_some_and(|r| r.claims[0] == delta_id) {
            added.pop();
        }
        added.push(Relation {
            kind: RelationKind::Change,
            claims: vec![claim_id(to + 1), delta_id],
            roles: vec!["to".to_owned(), "delta".to_owned()],
            marker: Some(word.to_owned()),
            direction: Some(direction),
            period: None,
            cue: Some(cue),
            sentence: Some(sentence_of[delta]),
            items: None,
            factor: None,
        });
    }
    if added.is_empty() {
        return;
    }
    relations.retain(|r| {
        let first = r.claims.first().and_then(|c| claim_index(c));
        !(r.kind == RelationKind::Change && first.is_some_and(|i| i < claims.len() && replaced[i]))
    });
    relations.extend(added);
}

/// The absolute change written right after a change's lone level reached: "è salita al
/// 22,4%, quasi due punti in più", "rose to 4.3%, 12 basis points higher". Only a short gap
/// of the same clause stands between them.
pub fn delta_after_level(claims: &[Found], sentence_of: &[u32], relations: &mut [Relation]) {
    let mut taken = vec![false; claims.len()];
    for id in relations.iter().flat_map(|r| &r.claims) {
        if let Some(index) = claim_index(id).filter(|&i| i < claims.len()) {
            taken[index] = true;
        }
    }
    for relation in relations.iter_mut() {
        if relation.kind != RelationKind::Change || relation.roles != ["to"] {
            continue;
        }
        let Some(to) = claim_index(&relation.claims[0]) else {
            continue;
        };
        let delta = to + 1;
        let Some(claim) = claims.get(delta) else {
            continue;
        };
        let near = claim.start - claims[to].end <= 12;
        if sentence_of[delta] == sentence_of[to]
            && near
            && !taken[delta]
            && delta_of(claim, &claims[to])
        {
            taken[delta] = true;
            relation.claims.push(claim_id(delta + 1));
            relation.roles.push("delta".to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::relations::testing::described;
    use crate::model::{Lang, RelationKind};

    /// `(roles, claim texts)` of each change relation of `text`.
    fn changes(lang: Lang, text: &str) -> Vec<(String, String)> {
        described(lang, text, RelationKind::Change)
            .into_iter()
            .map(|d| (d.roles, d.texts))
            .collect()
    }

    #[test]
    fn an_absolute_change_then_the_level_it_reached() {
        let cases = [
            (
                Lang::En,
                "Support for the party rose three points to 31%, the poll showed.",
                "31% | three points",
            ),
            (
                Lang::It,
                "Il partito sale di tre punti al 28%, secondo il sondaggio.",
                "28% | tre punti",
            ),
            (
                Lang::Es,
                "El partido sube dos puntos, hasta el 24%, según la encuesta.",
                "24% | dos puntos",
            ),
            (
                Lang::En,
                "The central bank cut its rate by 25 basis points to 4.75%.",
                "4.75% | 25 basis points",
            ),
            (
                Lang::En,
                "The shares rose 12p to 312p in early trading.",
                "312p | 12p",
            ),
            (
                Lang::It,
                "Gli iscritti sono cresciuti di 1.200 a 14.500 in un anno.",
                "14.500 | 1.200",
            ),
        ];
        for (lang, text, claims) in cases {
            assert_eq!(
                changes(lang, text),
                vec![("to,delta".to_owned(), claims.to_owned())],
                "{text}"
            );
        }
    }

    #[test]
    fn an_absolute_change_right_after_the_level_reached() {
        assert_eq!(
            changes(
                Lang::It,
                "La disoccupazione è salita al 22,4%, quasi due punti in più di un anno fa."
            ),
            vec![("to,delta".to_owned(), "22,4% | due punti".to_owned())]
        );
        // A figure further on is no delta.
        assert_eq!(
            changes(
                Lang::It,
                "La disoccupazione è salita al 22,4% secondo i dati diffusi ieri, con due punti in più."
            ),
            vec![("to".to_owned(), "22,4%".to_owned())]
        );
    }

    #[test]
    fn no_change_word_or_two_levels_make_no_such_change() {
        // No change word: two figures side by side.
        assert!(changes(Lang::En, "Turnout was three points to 31% in the poll.").is_empty());
        // Both levels written: the movement holds the absolute change already.
        assert_eq!(
            changes(
                Lang::En,
                "The yield rose 12 basis points to 4.37% from 4.25%."
            ),
            vec![(
                "from,to,delta".to_owned(),
                "4.25% | 4.37% | 12 basis points".to_owned()
            )]
        );
    }
}
