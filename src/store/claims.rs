//! What extraction found in a draft: claims, relations and sentences, written and read back.
//!
//! Every [`Claim`] field has a column; the exact decimal stays TEXT (`value_text`) beside its
//! REAL (`value`), and the ambiguity notes are a JSON array. Rows keep the extraction order in
//! a `position` column, so a draft reads back exactly as it was extracted. Claims go in with
//! multi-row INSERTs and come back by column position; sentences are not rows but one BLOB in
//! the draft row (`encode_sentence_bounds`). Both were measured: see `benches/store_time.rs`.

use std::borrow::Cow;
use std::sync::OnceLock;

use rusqlite::{Connection, Statement, ToSql, params};

use super::{DraftSelector, DraftSummary, Store, StoreError, corrupt};
use crate::model::{Claim, ClaimKind, Extraction, Precision, Relation, Sentence};

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
        let claims = load_claims(&self.conn, draft_id, kind)?;
        let relations = load_relations(&self.conn, draft_id)?
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

/// Inserts the claims and relations of a draft (inside the caller's transaction); its
/// sentences are a column of the draft row ([`encode_sentence_bounds`]).
pub(super) fn insert_extraction(
    conn: &Connection,
    draft_id: i64,
    extraction: &Extraction,
) -> Result<(), StoreError> {
    insert_claims(conn, draft_id, &extraction.claims)?;
    let mut insert_relation = conn.prepare_cached(
        "INSERT INTO relations (draft_id, position, kind, claim_ids, marker, direction, period,
                                roles, cue, sentence, items, factor)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for (position, relation) in extraction.relations.iter().enumerate() {
        let claim_ids = serde_json::to_string(&relation.claims)
            .map_err(|err| corrupt(format!("relation claim ids: {err}")))?;
        let direction = relation.direction.map(|direction| match direction {
            crate::model::Direction::Up => "up",
            crate::model::Direction::Down => "down",
        });
        let roles = serde_json::to_string(&relation.roles)
            .map_err(|err| corrupt(format!("relation roles: {err}")))?;
        let cue = relation
            .cue
            .as_ref()
            .map(serde_json::to_string)
            .transpose()
            .map_err(|err| corrupt(format!("relation cue: {err}")))?;
        insert_relation.execute(params![
            draft_id,
            position as i64,
            relation.kind.as_str(),
            claim_ids,
            relation.marker,
            direction,
            relation.period,
            roles,
            cue,
            relation.sentence,
            relation.items,
            relation.factor,
        ])?;
    }
    Ok(())
}

/// Claim columns in the order [`bind_claim`] binds them.
const CLAIM_COLUMNS: &str = "draft_id, claim_id, position, kind, text, start_byte, end_byte,
    line_number, column_number, sentence_index, value, value_text, unit, scale, precision_low,
    precision_high, qualifier, ambiguity, date";
const CLAIM_COLUMN_COUNT: usize = 19;
/// The most rows one claim INSERT carries. A multi-row INSERT runs the statement's setup
/// (cursor open, reset) once per batch instead of once per claim; batches are cut in powers
/// of two (16, 8, 4, 2, 1 rows) so at most five statements sit in the statement cache.
const MAX_CLAIMS_PER_INSERT: usize = 16;

/// Inserts the claims of a draft, in batches of up to [`MAX_CLAIMS_PER_INSERT`] rows.
fn insert_claims(conn: &Connection, draft_id: i64, claims: &[Claim]) -> Result<(), StoreError> {
    let mut position = 0;
    while position < claims.len() {
        let rows = batch_rows(claims.len() - position);
        let mut insert = conn.prepare_cached(insert_claims_sql(rows))?;
        for (row, claim) in claims[position..position + rows].iter().enumerate() {
            bind_claim(
                &mut insert,
                row * CLAIM_COLUMN_COUNT,
                draft_id,
                position + row,
                claim,
            )?;
        }
        insert.raw_execute()?;
        position += rows;
    }
    Ok(())
}

/// The largest power of two that is at most `remaining` and [`MAX_CLAIMS_PER_INSERT`].
fn batch_rows(remaining: usize) -> usize {
    let rows = remaining.min(MAX_CLAIMS_PER_INSERT);
    1 << rows.ilog2()
}

/// The INSERT of `rows` claims (`rows` a power of two up to [`MAX_CLAIMS_PER_INSERT`]); the
/// SQL text is built once per size.
fn insert_claims_sql(rows: usize) -> &'static str {
    static SQL: OnceLock<Vec<String>> = OnceLock::new();
    let by_power = SQL.get_or_init(|| {
        (0..=MAX_CLAIMS_PER_INSERT.ilog2())
            .map(|power| {
                let row = format!("({})", vec!["?"; CLAIM_COLUMN_COUNT].join(", "));
                let values = vec![row; 1 << power].join(",\n    ");
                // OR FAIL: a failed row leaves the statement's earlier rows in place instead
                // of undoing them, so SQLite keeps no statement journal (a copy of every page
                // the statement touches, ~1% of `add`). Nothing is left half-written: any
                // error drops the whole transaction (see `drafts.rs`).
                format!("INSERT OR FAIL INTO claims ({CLAIM_COLUMNS})\nVALUES {values}")
            })
            .collect()
    });
    &by_power[rows.ilog2() as usize]
}

/// Binds one claim's [`CLAIM_COLUMNS`] after the first `offset` parameters.
fn bind_claim(
    insert: &mut Statement<'_>,
    offset: usize,
    draft_id: i64,
    position: usize,
    claim: &Claim,
) -> Result<(), StoreError> {
    // Most claims have no ambiguity: skip the serializer (and its allocation) for those.
    let ambiguity = if claim.ambiguity.is_empty() {
        Cow::Borrowed("[]")
    } else {
        Cow::Owned(
            serde_json::to_string(&claim.ambiguity)
                .map_err(|err| corrupt(format!("ambiguity of claim {}: {err}", claim.id)))?,
        )
    };
    let values: [&dyn ToSql; CLAIM_COLUMN_COUNT] = [
        &draft_id,
        &claim.id,
        &(position as i64),
        &claim.kind.as_str(),
        &claim.text,
        &(claim.start as i64),
        &(claim.end as i64),
        &claim.line,
        &claim.column,
        &claim.sentence,
        &claim.value,
        &claim.value_text,
        &claim.unit,
        &claim.scale,
        &claim.precision.low,
        &claim.precision.high,
        &claim.qualifier.as_str(),
        &ambiguity,
        &claim.date,
    ];
    for (column, value) in values.into_iter().enumerate() {
        insert.raw_bind_parameter(offset + column + 1, value)?;
    }
    Ok(())
}

/// The claims of a draft in extraction order, optionally of one kind only.
pub(super) fn load_claims(
    conn: &Connection,
    draft_id: i64,
    kind: Option<ClaimKind>,
) -> Result<Vec<Claim>, StoreError> {
    // The column order is the one `read_claim` reads.
    let mut statement = conn.prepare_cached(
        "SELECT claim_id, kind, text, start_byte, end_byte, line_number, column_number,
                sentence_index, value, value_text, unit, scale, precision_low, precision_high,
                qualifier, ambiguity, date
         FROM claims WHERE draft_id = ?1 AND (?2 IS NULL OR kind = ?2) ORDER BY position",
    )?;
    let rows = statement.query_map(params![draft_id, kind.map(ClaimKind::as_str)], read_claim)?;
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

/// The relations of a draft in extraction order.
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
