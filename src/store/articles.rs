//! Articles: the list `claimlint articles` shows, and the latest drafts `check --all` visits.
//! An article row is created by the first `add_draft` of its id (see `drafts.rs`); it has no
//! other data yet.

use rusqlite::params;

use super::{ArticleSummary, DraftRef, DraftSelector, Engine, Store, StoreError, pg};

/// Which latest drafts [`Store::latest_drafts`] lists.
#[derive(Debug, Clone, Copy, Default)]
pub struct LatestDrafts<'a> {
    /// Only drafts added at or after this RFC 3339 time or `YYYY-MM-DD` (compared as text, so
    /// a date means from its midnight UTC).
    pub added_since: Option<&'a str>,
    /// Only drafts with no error-free run under this rule-suite hash and reference snapshot.
    pub unchecked_with: Option<(&'a str, &'a str)>,
}

impl Store {
    /// Every article with its draft count and latest draft, ordered by id.
    pub fn articles(&self) -> Result<Vec<ArticleSummary>, StoreError> {
        let conn = match &self.engine {
            Engine::Sqlite(conn) => conn,
            Engine::Postgres(client) => return pg::articles(&mut client.borrow_mut()),
        };
        let mut statement = conn.prepare_cached(
            "SELECT a.id, COUNT(d.id), MAX(d.number),
                    (SELECT l.added_at FROM drafts l WHERE l.article_id = a.id
                     ORDER BY l.number DESC LIMIT 1)
             FROM articles a JOIN drafts d ON d.article_id = a.id
             GROUP BY a.id ORDER BY a.id",
        )?;
        let rows = statement.query_map([], |row| {
            Ok(ArticleSummary {
                article: row.get(0)?,
                drafts: row.get(1)?,
                latest_draft: row.get(2)?,
                latest_added_at: row.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The latest draft of every article that passes `filter`, ordered by article id.
    pub fn latest_drafts(&self, filter: LatestDrafts<'_>) -> Result<Vec<DraftRef>, StoreError> {
        let conn = match &self.engine {
            Engine::Sqlite(conn) => conn,
            Engine::Postgres(client) => return pg::latest_drafts(&mut client.borrow_mut(), filter),
        };
        let (suite, snapshot) = filter.unchecked_with.unzip();
        let mut statement = conn.prepare_cached(
            "SELECT d.article_id, d.number FROM drafts d
             WHERE d.number = (SELECT MAX(l.number) FROM drafts l WHERE l.article_id = d.article_id)
               AND (?1 IS NULL OR d.added_at >= ?1)
               AND (?2 IS NULL OR NOT EXISTS (
                     SELECT 1 FROM rule_runs r
                     WHERE r.draft_id = d.id AND r.rule_suite_hash = ?2
                       AND r.reference_snapshot = ?3 AND r.rule_error_count = 0))
             ORDER BY d.article_id",
        )?;
        let rows = statement.query_map(params![filter.added_since, suite, snapshot], |row| {
            Ok(DraftRef {
                article_id: row.get(0)?,
                draft: DraftSelector::Number(row.get(1)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
