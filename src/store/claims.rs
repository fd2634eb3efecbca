//! What extraction found in a draft: claims, relations and sentences, read back for
//! `claimlint claims`, and the rows of drafts written before schema 7.
//!
//! Since schema 7 a draft's claims and relations are packed in its row (`packed.rs`). Drafts
//! written before keep one row per claim (every [`Claim`] field a column; the exact decimal
//! TEXT `value_text` beside its REAL `value`; ambiguity notes a JSON array; extraction order
//! in `position`) and per relation, read here by column position. Sentences are one BLOB in
//! the draft row (`encode_sentence_bounds`) in every schema.

use rusqlite::{Connection, params};

use super::{DraftSelector, DraftSummary, Store, StoreError, corrupt};
use crate::model::{Claim, ClaimKind, Precision, Relation, Sentence};

/// The claims of one draft, as `claimlint claims` shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftClaims {
    pub article: String,
    pub draft: DraftSummary,
    pub claims: Vec<Claim>,
    pub relations: Vec<Relation>,
}

impl Store {
    /// The claims of a draft, optionally only those of one kind, with the relations among them
    /// (a relation is kept when every claim it links is in the list).
    pub fn claims(
        &self,
        article_id: &str,
        selector: DraftSelector,
        kind: Option<ClaimKind>,
    ) -> Result<DraftClaims, StoreError> {
        let (draft_id, draft) = self.find_draft(article_id, selector)?;
        let contents = self.draft_contents(draft_id)?;
        let claims: Vec<Claim> = contents
            .claims
            .into_iter()
            .filter(|claim| kind.is_none_or(|kind| claim.kind == kind))
            .collect();
        let relations = contents
            .relations
            .into_iter()
            .filter(|relation| {
                relation
                    .claims
                    .iter()
                    .all(|id| claims.iter().any(|claim| &claim.id == id))
            })
            .collect();
        Ok(DraftClaims {
            article: article_id.to_owned(),
            draft,
            claims,
            relations,
        })
    }
}

/// The claims rows of a draft written before schema 7, in extraction order.
pub(super) fn load_claims(conn: &Connection, draft_id: i64) -> Result<Vec<Claim>, StoreError> {
    // The column order is the one `read_claim` reads.
    let mut statement = conn.prepare_cached(
        "SELECT claim_id, kind, text, start_byte, end_byte, line_number, column_number,
                sentence_index, value, value_text, unit, scale, precision_low, precision_high,
                qualifier, ambiguity, date
         FROM claims WHERE draft_id = ?1 ORDER BY position",
    )?;
    let rows = statement.query_map(params![draft_id], read_claim)?;
    rows.map(|row| row?).collect()
}

/// Reads a row of [`load_claims`]' SELECT, by column position (a lookup by name compares
/// every column name, and was the larger part of reading claims back). The outer result is
/// SQLite's, the inner one ours.
fn read_claim(row: &rusqlite::Row<'_>) -> rusqlite::Result<Result<Claim, StoreError>> {
    let id: String = row.get(0)?;
    let kind = row.get_ref(1)?.as_str()?;
    let Ok(kind) = kind.parse() else {
        return Ok(Err(corrupt(format!("claim {id} kind `{kind}`"))));
    };
    let qualifier = row.get_ref(14)?.as_str()?;
    let Ok(qualifier) = qualifier.parse() else {
        return Ok(Err(corrupt(format!("claim {id} qualifier `{qualifier}`"))));
    };
    let ambiguity = match row.get_ref(15)?.as_str()? {
        "[]" => Vec::new(),
        notes => match serde_json::from_str(notes) {
            Ok(notes) => notes,
            Err(err) => return Ok(Err(corrupt(format!("claim {id} ambiguity: {err}")))),
        },
    };
    let date: Option<String> = row.get(16)?;
    Ok(Ok(Claim {
        id,
        kind,
        text: row.get(2)?,
        start: row.get::<_, i64>(3)? as usize,
        end: row.get::<_, i64>(4)? as usize,
        line: row.get(5)?,
        column: row.get(6)?,
        sentence: row.get(7)?,
        value: row.get(8)?,
        value_text: row.get(9)?,
        unit: row.get(10)?,
        scale: row.get(11)?,
        precision: Precision {
            low: row.get(12)?,
            high: row.get(13)?,
        },
        qualifier,
        ambiguity,
        period: date.as_deref().and_then(crate::model::DatePeriod::of),
        date,
    }))
}

/// The relations rows of a draft written before schema 7, in extraction order.
pub(super) fn load_relations(
    conn: &Connection,
    draft_id: i64,
) -> Result<Vec<Relation>, StoreError> {
    let mut statement = conn.prepare_cached(
        "SELECT kind, claim_ids, marker, direction, period, roles, cue, sentence, items, factor FROM relations
         WHERE draft_id = ?1 ORDER BY position",
    )?;
    let rows = statement.query_map(params![draft_id], |row| {
        Ok((
            (
                row.get::<_, String>(0)?,
                row.get::<_, String>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, Option<String>>(3)?,
                row.get::<_, Option<String>>(4)?,
            ),
            (
                row.get::<_, Option<String>>(5)?,
                row.get::<_, Option<String>>(6)?,
                row.get::<_, Option<u32>>(7)?,
                row.get::<_, Option<u32>>(8)?,
                row.get::<_, Option<f64>>(9)?,
            ),
        ))
    })?;
    rows.map(|row| {
        let ((kind, claim_ids, marker, direction, period), (roles, cue, sentence, items, factor)) =
            row?;
        let direction = match direction.as_deref() {
            None => None,
            Some("up") => Some(crate::model::Direction::Up),
            Some("down") => Some(crate::model::Direction::Down),
            Some(other) => return Err(corrupt(format!("relation direction `{other}`"))),
        };
        let kind: crate::model::RelationKind = kind
            .parse()
            .map_err(|_| corrupt(format!("relation kind `{kind}`")))?;
        let claims: Vec<String> = serde_json::from_str(&claim_ids)
            .map_err(|err| corrupt(format!("relation claim ids: {err}")))?;
        // Rows written before roles were stored get the roles of their kind.
        let roles = match roles {
            Some(roles) => serde_json::from_str(&roles)
                .map_err(|err| corrupt(format!("relation roles: {err}")))?,
            None => crate::model::roles_of(kind, claims.len()),
        };
        let cue = cue
            .map(|cue| serde_json::from_str(&cue))
            .transpose()
            .map_err(|err| corrupt(format!("relation cue: {err}")))?;
        Ok(Relation {
            kind,
            claims,
            roles,
            marker,
            direction,
            period,
            cue,
            sentence,
            items,
            factor,
        })
    })
    .collect()
}

/// Bytes per sentence in `drafts.sentence_bounds`: start and end, little-endian u32 each.
const SENTENCE_BOUNDS_BYTES: usize = 8;

/// The `drafts.sentence_bounds` value: each sentence's (start, end) as little-endian u32s, in
/// order. The index is the position, so a sentence list numbered otherwise is refused.
pub(super) fn encode_sentence_bounds(sentences: &[Sentence]) -> Result<Vec<u8>, StoreError> {
    let mut bounds = Vec::with_capacity(sentences.len() * SENTENCE_BOUNDS_BYTES);
    for (position, sentence) in sentences.iter().enumerate() {
        if sentence.index as usize != position {
            return Err(StoreError::InvalidDraft {
                what: format!(
                    "sentence {position} has index {}; sentences are numbered 0, 1, … in order",
                    sentence.index
                ),
            });
        }
        for offset in [sentence.start, sentence.end] {
            let offset = u32::try_from(offset).map_err(|_| StoreError::InvalidDraft {
                what: format!("sentence {position} ends beyond 4 GiB"),
            })?;
            bounds.extend_from_slice(&offset.to_le_bytes());
        }
    }
    Ok(bounds)
}

/// Reads a `drafts.sentence_bounds` value back into sentences.
pub(super) fn decode_sentence_bounds(bounds: &[u8]) -> Result<Vec<Sentence>, StoreError> {
    if bounds.len() % SENTENCE_BOUNDS_BYTES != 0 {
        return Err(corrupt(format!(
            "sentence bounds of {} bytes, not a multiple of {SENTENCE_BOUNDS_BYTES}",
            bounds.len()
        )));
    }
    let offset_at = |bytes: &[u8]| u32::from_le_bytes(bytes.try_into().expect("4 bytes")) as usize;
    Ok(bounds
        .chunks_exact(SENTENCE_BOUNDS_BYTES)
        .enumerate()
        .map(|(index, pair)| Sentence {
            index: index as u32,
            start: offset_at(&pair[..4]),
            end: offset_at(&pair[4..]),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(index: u32, start: usize, end: usize) -> Sentence {
        Sentence { index, start, end }
    }

    #[test]
    fn sentence_bounds_round_trip_as_eight_bytes_each() {
        let sentences = vec![
            sentence(0, 0, 12),
            sentence(1, 13, 70_000),
            sentence(2, 70_000, 70_001),
        ];
        let bounds = encode_sentence_bounds(&sentences).unwrap();
        assert_eq!(bounds.len(), 3 * SENTENCE_BOUNDS_BYTES);
        assert_eq!(&bounds[8..16], &[13, 0, 0, 0, 0x70, 0x11, 0x01, 0]);
        assert_eq!(decode_sentence_bounds(&bounds).unwrap(), sentences);
        assert_eq!(decode_sentence_bounds(&[]).unwrap(), Vec::new());
    }

    #[test]
    fn sentences_numbered_out_of_order_are_refused() {
        let err = encode_sentence_bounds(&[sentence(0, 0, 5), sentence(2, 6, 9)]).unwrap_err();
        assert!(
            matches!(&err, StoreError::InvalidDraft { what } if what.contains("sentence 1 has index 2")),
            "{err:?}"
        );
    }

    #[test]
    fn truncated_sentence_bounds_are_corrupt() {
        let err = decode_sentence_bounds(&[1, 0, 0, 0, 2, 0, 0]).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    }
}
