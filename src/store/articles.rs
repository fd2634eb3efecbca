//! Articles: the list `claimlint articles` shows. An article row is created by the first
//! `add_draft` of its id (see `drafts.rs`); it has no other data yet.

use super::{ArticleSummary, Store, StoreError};

impl Store {
    /// Every article with its draft count and latest draft, ordered by id.
    pub fn articles(&self) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut statement = self.conn.prepare_cached(
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
}
