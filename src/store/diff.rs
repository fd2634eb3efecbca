//! Reading stored rule runs back for `diff` and the `drafts` listing: the findings of a
//! draft's latest complete run with a given rule-suite hash, and each draft's error and warning
//! counts from its latest run.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::{Engine, Store, StoreError, corrupt, packed, pg};
use crate::engine::{Evidence, Finding, Severity};

/// The error and warning counts of a draft's latest check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct CheckCounts {
    pub errors: u32,
    pub warnings: u32,
}

impl Store {
    /// The findings of the latest run of `rule_suite_hash` over this draft that had no rule
    /// error, or `None` when there is none (the suite must then be run).
    pub fn stored_findings(
        &self,
        article_id: &str,
        draft_number: u32,
        rule_suite_hash: &str,
    ) -> Result<Option<Vec<Finding>>, StoreError> {
        let conn = match &self.engine {
            Engine::Sqlite(conn) => conn,
            Engine::Postgres(client) => {
                return pg::stored_findings(
                    &mut client.borrow_mut(),
                    article_id,
                    draft_number,
                    rule_suite_hash,
                );
            }
        };
        let run_id: Option<i64> = conn
            .prepare_cached(
                "SELECT id FROM rule_runs
                 WHERE article_id = ?1 AND draft_number = ?2 AND rule_suite_hash = ?3
                   AND rule_error_count = 0
                 ORDER BY id DESC LIMIT 1",
            )?
            .query_row(params![article_id, draft_number, rule_suite_hash], |row| {
                row.get(0)
            })
            .optional()?;
        let Some(run_id) = run_id else {
            return Ok(None);
        };
        let mut statement = conn.prepare_cached(
            "SELECT rule_id, severity, message, claim_ids, start_byte, end_byte, line_number,
                    column_number, evidence, details_deflated
             FROM findings WHERE run_id = ?1 ORDER BY position",
        )?;
        let rows = statement.query_map(params![run_id], |row| {
            let severity: String = row.get(1)?;
            let claim_ids: String = row.get(3)?;
            let message: String = row.get(2)?;
            let evidence: String = row.get(8)?;
            let details_deflated: Option<Vec<u8>> = row.get(9)?;
            let start: i64 = row.get(4)?;
            let end: i64 = row.get(5)?;
            Ok((|| {
                let (message, evidence) = match details_deflated {
                    Some(bytes) => packed::unpack_finding(&bytes)?,
                    None => (message, evidence),
                };
                Ok(Finding {
                    rule: row.get(0)?,
                    severity: severity
                        .parse::<Severity>()
                        .map_err(|_| corrupt(format!("finding severity `{severity}`")))?,
                    message,
                    claims: serde_json::from_str(&claim_ids)
                        .map_err(|err| corrupt(format!("finding claim ids: {err}")))?,
                    start: start as usize,
                    end: end as usize,
                    line: row.get(6)?,
                    column: row.get(7)?,
                    sentence: None,
                    evidence: serde_json::from_str::<Evidence>(&evidence)
                        .map_err(|err| corrupt(format!("finding evidence: {err}")))?,
                })
            })())
        })?;
        let findings = rows
            .map(|row| row?)
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Some(findings))
    }

    /// For each checked draft of the article (by number), the counts of its latest run.
    pub fn latest_check_counts(
        &self,
        article_id: &str,
    ) -> Result<HashMap<u32, CheckCounts>, StoreError> {
        let conn = match &self.engine {
            Engine::Sqlite(conn) => conn,
            Engine::Postgres(client) => {
                return pg::latest_check_counts(&mut client.borrow_mut(), article_id);
            }
        };
        let mut statement = conn.prepare_cached(
            "SELECT r.draft_number,
                    (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.id AND f.severity = 'error'),
                    (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.id AND f.severity = 'warning')
             FROM rule_runs r
             WHERE r.article_id = ?1
               AND r.id = (SELECT MAX(l.id) FROM rule_runs l
                           WHERE l.article_id = r.article_id AND l.draft_number = r.draft_number)",
        )?;
        let rows = statement.query_map(params![article_id], |row| {
            Ok((
                row.get::<_, u32>(0)?,
                CheckCounts {
                    errors: row.get(1)?,
                    warnings: row.get(2)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
