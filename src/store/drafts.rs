//! Drafts: adding one (the only multi-table write), listing an article's drafts, loading one.
//!
//! `add_draft` runs in one `BEGIN IMMEDIATE` transaction: look the hash up, create the article
//! if new, number the draft, insert it with its sentences, claims and relations (packed in the
//! draft row since schema 7, see `packed.rs`), commit. Any
//! failure rolls all of it back. `add_drafts` writes a group of drafts in one transaction, so
//! the group shares one lock and one commit (and the index and table pages it touches are
//! written once, not once per draft); if one draft of the group fails, the group is rolled
//! back and replayed one transaction per draft, so each draft stays all-or-nothing.
//! Extraction happens before, outside the transaction, so the write lock is held only for the
//! inserts.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::{
    AddStatus, AddedDraft, DraftSelector, DraftSummary, Engine, NewDraft, Store, StoreError,
    StoredDraft, claims, corrupt, now_timestamp, packed, pg,
};
use crate::document::SourceMap;
use crate::model::{ArticleDate, Claim, Lang, Relation, Sentence};

/// What a draft row holds besides its summary.
pub(super) struct DraftContents {
    pub text: String,
    pub body_start: usize,
    pub sentences: Vec<Sentence>,
    pub claims: Vec<Claim>,
    pub relations: Vec<Relation>,
    pub source: Option<SourceMap>,
    pub suppressions: Vec<crate::document::Suppression>,
}

impl Store {
    /// Stores a new draft, or reports the existing draft with the same text (a no-op).
    pub fn add_draft(&mut self, new: &NewDraft<'_>) -> Result<AddedDraft, StoreError> {
        if let Engine::Postgres(client) = &mut self.engine {
            return pg::add_draft(client.get_mut(), new);
        }
        self.without_foreign_key_checks(|store| {
            let tx = store
                .sqlite_mut("adding a draft")?
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let added = insert_draft(&tx, new)?;
            tx.commit()?;
            Ok(added)
        })
    }

    /// Stores several drafts in one write transaction and returns one result per draft, in
    /// order; every `Ok` is committed when this returns, and each draft is all-or-nothing.
    ///
    /// The group is written optimistically, without a savepoint per draft (a savepoint copies
    /// every page a draft touches into a sub-journal, ~15% of the write cost). If any draft
    /// fails, or the group cannot be written at all (the write lock not granted within the
    /// busy timeout, a failed COMMIT), the whole transaction is rolled back and each draft is
    /// retried in its own transaction, so a bad draft fails alone and every result is that
    /// draft's own.
    pub fn add_drafts(&mut self, drafts: &[NewDraft<'_>]) -> Vec<Result<AddedDraft, StoreError>> {
        if let Engine::Postgres(client) = &mut self.engine {
            return pg::add_drafts(client.get_mut(), drafts);
        }
        match self.add_drafts_in_one_transaction(drafts) {
            Ok(added) => added.into_iter().map(Ok).collect(),
            Err(_) => drafts.iter().map(|new| self.add_draft(new)).collect(),
        }
    }

    fn add_drafts_in_one_transaction(
        &mut self,
        drafts: &[NewDraft<'_>],
    ) -> Result<Vec<AddedDraft>, StoreError> {
        self.without_foreign_key_checks(|store| {
            let tx = store
                .sqlite_mut("adding drafts")?
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            // An error drops `tx` uncommitted, which rolls the whole group back.
            let added = drafts
                .iter()
                .map(|new| insert_draft(&tx, new))
                .collect::<Result<Vec<_>, _>>()?;
            tx.commit()?;
            Ok(added)
        })
    }

    /// Runs a draft write with SQLite's foreign-key enforcement off, and turns it back on
    /// whatever the outcome.
    ///
    /// Every key a draft write produces is made in the same transaction just before it is
    /// used: the article row (`INSERT OR IGNORE`) before its draft, the draft row (whose
    /// `last_insert_rowid` is the `draft_id`) before its claims and relations. Enforcement would
    /// only look each parent up again, once per claim. Changing the pragma makes SQLite
    /// re-prepare the cached statements, but callgrind on the 5,000-article `add` still puts
    /// the net saving at ~170M instructions (~3% of the store's writing; measured twice, after
    /// a revert that misread the first figure as gross). Nothing here deletes, so no
    /// `ON DELETE` action is skipped. The pragma is a no-op inside a transaction, hence outside
    /// it here.
    fn without_foreign_key_checks<T>(
        &mut self,
        write: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.sqlite("adding drafts")?
            .pragma_update(None, "foreign_keys", "OFF")?;
        let result = write(self);
        let restored = self
            .sqlite("adding drafts")?
            .pragma_update(None, "foreign_keys", "ON");
        let value = result?;
        restored?;
        Ok(value)
    }

    /// Writes the WAL back into the database file as far as no reader prevents it, without
    /// waiting for anyone: the end of a large `add` leaves a short WAL for the next process.
    /// PostgreSQL checkpoints by itself: nothing to do there.
    pub fn checkpoint_passive(&self) -> Result<(), StoreError> {
        let conn = match &self.engine {
            Engine::Sqlite(conn) => conn,
            Engine::Postgres(_) => return Ok(()),
        };
        conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// The drafts of an article, oldest first.
    pub fn drafts(&self, article_id: &str) -> Result<Vec<DraftSummary>, StoreError> {
        let drafts = match &self.engine {
            Engine::Postgres(client) => pg::drafts(&mut client.borrow_mut(), article_id)?,
            Engine::Sqlite(conn) => {
                let mut statement = conn.prepare_cached(&format!(
                    "{SUMMARY_SELECT} WHERE d.article_id = ?1 ORDER BY d.number"
                ))?;
                let rows = statement.query_map(params![article_id], read_summary)?;
                rows.map(|row| row?)
                    .collect::<Result<Vec<_>, StoreError>>()?
            }
        };
        if drafts.is_empty() {
            return Err(StoreError::ArticleNotFound {
                article_id: article_id.to_owned(),
            });
        }
        Ok(drafts)
    }

    /// Loads one draft in full: text, metadata, claims, relations, sentences.
    pub fn load_draft(
        &self,
        article_id: &str,
        selector: DraftSelector,
    ) -> Result<StoredDraft, StoreError> {
        let (draft_id, summary) = self.find_draft(article_id, selector)?;
        self.stored_draft(draft_id, article_id.to_owned(), summary)
    }

    /// The draft row `draft_id` in full, given its article and summary.
    pub(super) fn stored_draft(
        &self,
        draft_id: i64,
        article: String,
        summary: DraftSummary,
    ) -> Result<StoredDraft, StoreError> {
        let contents = self.draft_contents(draft_id)?;
        Ok(StoredDraft {
            article,
            summary,
            text: contents.text,
            body_start: contents.body_start,
            claims: contents.claims,
            relations: contents.relations,
            sentences: contents.sentences,
            source: contents.source,
            suppressions: contents.suppressions,
        })
    }

    /// A draft row's text, sentences, claims and relations, packed (schema 7) or in rows.
    pub(super) fn draft_contents(&self, draft_id: i64) -> Result<DraftContents, StoreError> {
        let conn = match &self.engine {
            Engine::Sqlite(conn) => conn,
            Engine::Postgres(client) => {
                return pg::draft_contents(&mut client.borrow_mut(), draft_id);
            }
        };
        /// The columns read: body start, sentence bounds, text, packed text, packed claims,
        /// source map, suppressions.
        type Row = (
            i64,
            Vec<u8>,
            String,
            Option<Vec<u8>>,
            Option<Vec<u8>>,
            Option<Vec<u8>>,
            Option<String>,
        );
        let (
            body_start,
            sentence_bounds,
            text,
            text_deflated,
            extraction_deflated,
            source_map,
            suppressions,
        ): Row = conn
            .prepare_cached(
                "SELECT body_start, sentence_bounds, text, text_deflated, extraction_deflated,
                        source_map, suppressions
                 FROM drafts WHERE id = ?1",
            )?
            .query_row(params![draft_id], |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                    row.get(6)?,
                ))
            })?;
        let source = match source_map {
            Some(bytes) => Some(packed::unpack_source_map(&bytes)?),
            None => None,
        };
        let text = match text_deflated {
            Some(bytes) => packed::unpack_text(&bytes)?,
            None => text,
        };
        let (claims, relations) = match extraction_deflated {
            Some(bytes) => packed::unpack_extraction(&text, &bytes)?,
            None => (
                claims::load_claims(conn, draft_id)?,
                claims::load_relations(conn, draft_id)?,
            ),
        };
        Ok(DraftContents {
            text,
            body_start: body_start as usize,
            sentences: claims::decode_sentence_bounds(&sentence_bounds)?,
            claims,
            relations,
            source,
            suppressions: super::suppressions::unpack_suppressions(suppressions.as_deref())?,
        })
    }

    /// The row id and summary of a draft; clear errors for an unknown article or number.
    pub(super) fn find_draft(
        &self,
        article_id: &str,
        selector: DraftSelector,
    ) -> Result<(i64, DraftSummary), StoreError> {
        let conn = match &self.engine {
            Engine::Sqlite(conn) => conn,
            Engine::Postgres(client) => {
                return pg::find_draft(&mut client.borrow_mut(), article_id, selector);
            }
        };
        let latest: Option<u32> = conn
            .prepare_cached("SELECT MAX(number) FROM drafts WHERE article_id = ?1")?
            .query_row(params![article_id], |row| row.get(0))?;
        let Some(latest) = latest else {
            return Err(StoreError::ArticleNotFound {
                article_id: article_id.to_owned(),
            });
        };
        let number = match selector {
            DraftSelector::Latest => latest,
            DraftSelector::Number(number) => number,
        };
        let found = conn
            .prepare_cached(&format!(
                "{SUMMARY_SELECT} WHERE d.article_id = ?1 AND d.number = ?2"
            ))?
            .query_row(params![article_id, number], |row| {
                let id: i64 = row.get("id")?;
                Ok(read_summary(row)?.map(|summary| (id, summary)))
            })
            .optional()?;
        match found {
            Some(found) => found,
            None => Err(StoreError::DraftNotFound {
                article_id: article_id.to_owned(),
                number,
                latest,
            }),
        }
    }
}

/// The body of an add inside the caller's transaction: create the article if new, else look
/// the hash up among its drafts (same text: nothing to write); number the draft and insert it
/// with its claims and relations. A new article (the bulk of a first `add DIR`) needs neither
/// lookup: its first draft is number 1.
fn insert_draft(conn: &Connection, new: &NewDraft<'_>) -> Result<AddedDraft, StoreError> {
    let hash = new.document.hash();
    let added_at = now_timestamp();
    let new_article = conn
        .prepare_cached("INSERT OR IGNORE INTO articles (id, created_at) VALUES (?1, ?2)")?
        .execute(params![new.article_id, added_at])?
        == 1;
    let number = if new_article {
        1
    } else {
        let existing = conn
            .prepare_cached(
                "SELECT d.number, COALESCE(d.claim_count,
                        (SELECT COUNT(*) FROM claims c WHERE c.draft_id = d.id))
                 FROM drafts d WHERE d.article_id = ?1 AND d.hash = ?2",
            )?
            .query_row(params![new.article_id, hash], |row| {
                Ok((row.get::<_, u32>(0)?, row.get::<_, u32>(1)?))
            })
            .optional()?;
        if let Some((number, claim_count)) = existing {
            return Ok(AddedDraft {
                article: new.article_id.to_owned(),
                draft: number,
                status: AddStatus::Unchanged,
                claim_count,
            });
        }
        conn.prepare_cached(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM drafts WHERE article_id = ?1",
        )?
        .query_row(params![new.article_id], |row| row.get::<_, u32>(0))?
    };
    let extraction = new.extraction;
    let sentence_bounds = claims::encode_sentence_bounds(&extraction.sentences)?;
    packed::with_packed(new, |packed| {
        conn.prepare_cached(
            // OR FAIL, as for claims: no statement journal for the row's three b-trees; the
            // transaction is dropped on any error.
            "INSERT OR FAIL INTO drafts (article_id, number, hash, label, added_at, lang, date, title,
                                         body_start, sentence_bounds, text, text_deflated,
                                         extraction_deflated, claim_count, relation_count,
                                         text_length, source_map, suppressions)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, '', ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17)",
        )?
        .execute(params![
            new.article_id,
            number,
            hash,
            new.label,
            added_at,
            extraction.lang.as_str(),
            extraction.date.map(|date| date.to_string()),
            new.document.title,
            new.document.body_start as i64,
            sentence_bounds,
            packed.text,
            packed.extraction,
            extraction.claims.len() as i64,
            extraction.relations.len() as i64,
            new.document.text.len() as i64,
            new.document.source.as_ref().map(packed::pack_source_map),
            super::suppressions::pack_suppressions(&new.document.suppressions)?,
        ])?;
        Ok(())
    })?;
    Ok(AddedDraft {
        article: new.article_id.to_owned(),
        draft: number,
        status: AddStatus::Added,
        claim_count: extraction.claims.len() as u32,
    })
}

const SUMMARY_SELECT: &str = "SELECT d.id, d.number, d.added_at, d.label, d.hash, d.lang, d.date,
        d.title,
        COALESCE(d.claim_count, (SELECT COUNT(*) FROM claims c WHERE c.draft_id = d.id))
            AS claim_count
    FROM drafts d";

/// Reads a [`SUMMARY_SELECT`] row; the outer result is SQLite's, the inner one ours.
fn read_summary(row: &rusqlite::Row<'_>) -> rusqlite::Result<Result<DraftSummary, StoreError>> {
    let lang: String = row.get("lang")?;
    let date: Option<String> = row.get("date")?;
    let summary = (|| {
        let lang: Lang = lang
            .parse()
            .map_err(|_| corrupt(format!("draft language `{lang}`")))?;
        let date = match date {
            Some(date) => Some(
                ArticleDate::parse(&date).ok_or_else(|| corrupt(format!("draft date `{date}`")))?,
            ),
            None => None,
        };
        Ok(DraftSummary {
            number: row.get("number")?,
            added_at: row.get("added_at")?,
            label: row.get("label")?,
            hash: row.get("hash")?,
            lang,
            date,
            title: row.get("title")?,
            claim_count: row.get("claim_count")?,
        })
    })();
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::extract::{Options, extract};

    fn foreign_keys_enforced(store: &Store) -> bool {
        store
            .sqlite("test")
            .unwrap()
            .query_row("PRAGMA foreign_keys", [], |row| row.get::<_, i64>(0))
            .unwrap()
            == 1
    }

    /// Draft writes turn enforcement off for their own transaction only: after a write that
    /// succeeded, one that failed and a group, it is on again and the rows written satisfy
    /// every foreign key.
    #[test]
    fn foreign_keys_are_enforced_again_after_every_draft_write() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("x.db")).unwrap();
        let document = Document::from_bytes(
            "Il fatturato è salito del 12% a 3,4 milioni di euro nel 2023.\n".as_bytes(),
            "a.txt",
        )
        .unwrap();
        let extraction = extract(&document.text, &Options::default());
        assert!(!extraction.claims.is_empty());
        let new = |article_id| NewDraft {
            article_id,
            document: &document,
            extraction: &extraction,
            label: None,
            packed: None,
        };
        store.add_draft(&new("one")).unwrap();
        assert!(foreign_keys_enforced(&store));

        let mut broken = extraction.clone();
        broken.claims.push(broken.claims[0].clone());
        let failed = store.add_draft(&NewDraft {
            extraction: &broken,
            ..new("two")
        });
        assert!(failed.is_err());
        assert!(foreign_keys_enforced(&store));

        let results = store.add_drafts(&[new("three"), new("four")]);
        assert!(results.iter().all(Result::is_ok), "{results:?}");
        assert!(foreign_keys_enforced(&store));

        let violations: i64 = store
            .sqlite("test")
            .unwrap()
            .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |row| {
                row.get(0)
            })
            .unwrap();
        assert_eq!(violations, 0);
    }
}
