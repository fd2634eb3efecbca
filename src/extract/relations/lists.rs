//! A count and the list that names its items: "tre paesi: Francia, Germania e Spagna", "6
//! airports: Miami, Tampa, …", "Las 5 provincias más afectadas fueron Ourense, León, Zamora,
//! Cáceres y Lugo".
//!
//! In: the claims of a text and its sentences. Out: `count-list` relations, role `count`, with
//! `items` the number of items the list names and the cue (id `list`) spanning the list. A list
//! is items separated by commas, the last two by the language's "and" (`CueWords::and_words`),
//! either after a colon or dash a few words after the count (any items), or, with no colon,
//! later in the count's sentence when every item starts with a capital letter and there are
//! three or more. Items holding digits make a breakdown of amounts, not a list (see `parts`).

use super::cue::cue_at;
use super::link::floor_boundary;
use crate::extract::found::{Found, claim_id};
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Relation, RelationKind, Sentence};

/// How far after the count its colon may be, in bytes.
const COLON_WINDOW: usize = 64;
/// How far after its count a list may run, in bytes: far beyond any list of names in prose
/// (a sentence of a thousand bytes is rare), and what keeps a megabyte sentence linear.
const LIST_REACH: usize = 2048;
/// The most words one item may have.
const ITEM_WORDS: usize = 5;

/// Splits `list` (the text after a colon, or from the first item) into items: commas, then
/// the language's "and" in the last piece. Returns the items' spans relative to `list`, or
/// `None` when it is no list.
fn items(list: &str, and_words: &[&str], capitals: bool) -> Option<Vec<(usize, usize)>> {
    let mut pieces: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for piece in list.split(',') {
        pieces.push((at, piece));
        at += piece.len() + 1;
    }
    let has_and = |piece: &str| {
        piece
            .split_whitespace()
            .any(|w| and_words.iter().any(|a| w.eq_ignore_ascii_case(a)))
    };
    if capitals {
        // A list of names ends at the piece that holds its "and": what follows is the sentence.
        let end = pieces
            .iter()
            .skip(1)
            .position(|(_, piece)| has_and(piece))?;
        pieces.truncate(end + 2);
    }
    let (last_at, last) = pieces.pop()?;
    // The last piece: "C e D" (or ", and D" with the Oxford comma: a piece that is "and D").
    let words: Vec<(usize, &str)> = last
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - last.as_ptr() as usize, w))
        .collect();
    let and = words
        .iter()
        .position(|(_, w)| and_words.iter().any(|a| w.eq_ignore_ascii_case(a)))?;
    if and > 0 {
        let before_end = words[and].0;
        pieces.push((last_at, &last[..before_end]));
    }
    let after_start = words.get(and + 1)?.0;
    pieces.push((last_at + after_start, &last[after_start..]));
    let mut spans = Vec::new();
    let count = pieces.len();
    for (index, (start, piece)) in pieces.into_iter().enumerate() {
        let mut words: Vec<&str> = piece.split_whitespace().collect();
        if words.is_empty() || piece.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        if capitals {
            // The first item ends the clause before it, the last starts the one after: keep
            // their capitalised words only.
            let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
            if index == 0 {
                let keep = words.iter().rev().take_while(|w| capital(w)).count();
                words = words.split_off(words.len() - keep);
            } else if index + 1 == count {
                words.truncate(words.iter().take_while(|w| capital(w)).count());
            }
            if words.is_empty() || !words.iter().all(|w| capital(w)) {
                return None;
            }
        }
        if words.len() > ITEM_WORDS {
            return None;
        }
        let first = words[0];
        let last = words[words.len() - 1];
        let span_start = first.as_ptr() as usize - piece.as_ptr() as usize;
        let span_end = last.as_ptr() as usize - piece.as_ptr() as usize + last.len();
        spans.push((start + span_start, start + span_end));
    }
    (spans.len() >= 2 && (!capitals || spans.len() >= 3)).then_some(spans)
}

/// The text a list may take from `rest` (what follows the count, or its colon, in the
/// sentence): up to a `;` or `(`, without the sentence's final stop; and, since no item holds a
/// digit, only the pieces before the one with the first digit, with `true` when that cut was
/// made. [`items`] then sees the same pieces as on the whole rest up to the one that would make
/// it no list, and a sentence of figures is not split again after every claim.
fn list_text(rest: &str) -> (&str, bool) {
    let mut piece_start = 0;
    for (at, &byte) in rest.as_bytes().iter().enumerate() {
        match byte {
            b';' | b'(' => return (rest[..at].trim_end_matches(['.', ' ', '\n']), false),
            b',' => piece_start = at,
            b'0'..=b'9' => return (&rest[..piece_start], true),
            _ => {}
        }
    }
    (rest.trim_end_matches(['.', ' ', '\n']), false)
}

fn is_count(claim: &Found) -> bool {
    matches!(claim.kind, ClaimKind::Count | ClaimKind::Number)
        && claim.scale.is_none()
        && claim.value.fract().is_zero()
        && (2..=50).contains(&claim.value.trunc().mantissa())
}

/// The `count-list` relations of the text, appended to `out`.
pub fn count_lists(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    sentences: &[Sentence],
    out: &mut Vec<Relation>,
) {
    let and_words = context.lexicon.cues.and_words;
    for (index, claim) in claims.iter().enumerate() {
        if !is_count(claim) {
            continue;
        }
        let sentence = sentence_of[index];
        let Some(bounds) = sentences.get(sentence as usize) else {
            continue;
        };
        let next_claim = claims
            .get(index + 1)
            .filter(|_| sentence_of[index + 1] == sentence)
            .map_or(bounds.end, |c| c.start);
        let rest_end = floor_boundary(context.text, bounds.end.min(claim.end + LIST_REACH));
        let rest = &context.text[claim.end..rest_end.max(claim.end)];
        let head = &rest[..floor_boundary(rest, rest.len().min(COLON_WINDOW + 4))];
        let head = head.split([';', '(']).next().unwrap_or(head);
        let colon = head
            .find([':', '—', '–'])
            .filter(|&at| at <= COLON_WINDOW && claim.end + at <= next_claim);
        let found = match colon {
            Some(at) => {
                let mark = rest[at..].chars().next().map_or(1, char::len_utf8);
                let list_at = at + mark;
                // After a colon every item counts: a digit anywhere makes it no list.
                let (list, digit) = list_text(&rest[list_at..]);
                let spans = (!digit).then(|| items(list, and_words, false)).flatten();
                spans.map(|spans| (list_at, spans))
            }
            // Names with no colon: the list is over by its "and", before any digit.
            None => items(list_text(rest).0, and_words, true).map(|spans| (0, spans)),
        };
        let Some((list_at, spans)) = found else {
            continue;
        };
        let base = claim.end + list_at;
        let (start, end) = (base + spans[0].0, base + spans[spans.len() - 1].1);
        out.push(Relation {
            kind: RelationKind::CountList,
            claims: vec![claim_id(index + 1)],
            roles: vec!["count".to_owned()],
            marker: Some(context.text[start..end].to_owned()),
            direction: None,
            period: None,
            cue: Some(cue_at(context.text, start, end, "list")),
            sentence: Some(sentence),
            items: u32::try_from(spans.len()).ok(),
            factor: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Lang, RelationKind};

    /// `(count text, items, list)` of each count-list relation of `text`.
    fn lists(lang: Lang, text: &str) -> Vec<(String, u32, String)> {
        let extraction = super::super::testing::extraction(lang, text);
        extraction
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::CountList)
            .map(|r| {
                let claim = extraction
                    .claims
                    .iter()
                    .find(|c| c.id == r.claims[0])
                    .unwrap();
                (
                    claim.text.clone(),
                    r.items.unwrap(),
                    r.cue.as_ref().unwrap().text.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn a_list_after_a_colon_is_counted() {
        let found = lists(
            Lang::It,
            "Hanno aderito tre paesi: Francia, Germania e Spagna.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, 3);
        assert_eq!(found[0].2, "Francia, Germania e Spagna");
        let found = lists(
            Lang::En,
            "The storm shut 4 airports: Miami, Tampa, Orlando, and Key West.",
        );
        assert_eq!(found[0].1, 4, "{found:?}");
        let found = lists(
            Lang::Es,
            "El plan incluye 3 medidas: bajar el IVA, subir las pensiones y congelar los alquileres.",
        );
        assert_eq!(found[0].1, 3, "{found:?}");
    }

    #[test]
    fn a_list_of_names_later_in_the_sentence_is_counted() {
        let found = lists(
            Lang::Es,
            "Las 5 provincias más afectadas fueron Ourense, León, Zamora, Cáceres y Lugo, según el ministerio.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, 5);
        assert_eq!(found[0].2, "Ourense, León, Zamora, Cáceres y Lugo");
    }

    #[test]
    fn amounts_after_a_colon_or_lower_case_words_make_no_list() {
        assert!(
            lists(
                Lang::En,
                "The storm damaged 3 towns: 1,900 homes in one, 900 in another and 400 in the last."
            )
            .is_empty()
        );
        assert!(
            lists(
                Lang::It,
                "Sono arrivati 3 treni, due autobus e molte auto private."
            )
            .is_empty()
        );
    }
}
