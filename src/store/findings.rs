//! Rule runs and findings: what `claimlint check` found, kept so an editor can see when a
//! finding first appeared.
//!
//! The runs of one batch of a `check` are written in one short `BEGIN IMMEDIATE` transaction,
//! after the rules ran (never while they run). A finding's identity across runs of an article
//! is its fingerprint (rule, claim ids, message); `first_seen` is copied from the earliest row
//! with the same fingerprint, so reading it back is one indexed lookup.
//!
//! A re-check that finds exactly what the draft's latest run found (same suite, reference
//! data, rule error count and findings in the same order) does not add rows: it updates that
//! run's `last_checked_at` and `check_count`, so nightly runs over an unchanged archive keep
//! the store its size.

use rusqlite::{OptionalExtension, TransactionBehavior, params};
use sha2::{Digest, Sha256};

use super::{Engine, Store, StoreError, corrupt, packed, pg};
use crate::engine::Finding;

/// One article draft's check, to be stored.
#[derive(Debug, Clone, Copy)]
pub struct NewRun<'a> {
    pub article_id: &'a str,
    pub draft_number: u32,
    pub rule_suite_hash: &'a str,
    /// The reference data snapshot id, or `none`.
    pub reference_snapshot: &'a str,
    /// RFC 3339, UTC.
    pub checked_at: &'a str,
    pub findings: &'a [Finding],
    pub rule_error_count: usize,
}

/// What storing a run gave back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRun {
    pub run_id: i64,
    /// For each finding, in order: when it was first seen for this article.
    pub first_seen: Vec<String>,
}

/// Identifies a finding across runs of one article: rule, claim ids, message.
pub fn finding_fingerprint(finding: &Finding) -> String {
    let mut hasher = Sha256::new();
    hasher.update(finding.rule.as_bytes());
    hasher.update([0]);
    for claim in &finding.claims {
        hasher.update(claim.as_bytes());
        hasher.update([0x1f]);
    }
    hasher.update([0]);
    hasher.update(finding.message.as_bytes());
    hasher
        .finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Store {
    /// Stores the runs and their findings in one transaction. While a check-queue claim is
    /// open ([`Store::claim_unchecked`]) that transaction is the claim's, and committing the
    /// runs ends the claim.
    pub fn record_runs(&mut self, runs: &[NewRun<'_>]) -> Result<Vec<StoredRun>, StoreError> {
        let conn = match &mut self.engine {
            Engine::Sqlite(conn) => conn,
            Engine::Postgres(client) if self.claim_open => {
                self.claim_open = false;
                return pg::record_claimed_runs(client.get_mut(), runs);
            }
            Engine::Postgres(client) => return pg::record_runs(client.get_mut(), runs),
        };
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut stored = Vec::with_capacity(runs.len());
        {
            let mut find_draft =
                tx.prepare_cached("SELECT id FROM drafts WHERE article_id = ?1 AND number = ?2")?;
            let mut insert_run = tx.prepare_cached(
                "INSERT INTO rule_runs (draft_id, article_id, draft_number, rule_suite_hash,
                     reference_snapshot, checked_at, finding_count, rule_error_count)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            let mut earliest = tx.prepare_cached(
                "SELECT MIN(first_seen) FROM findings WHERE article_id = ?1 AND fingerprint = ?2",
            )?;
            let mut insert_finding = tx.prepare_cached(
                "INSERT INTO findings (run_id, position, article_id, rule_id, severity, message,
                     claim_ids, start_byte, end_byte, line_number, column_number, evidence,
                     details_deflated, fingerprint, first_seen)
                 VALUES (?1, ?2, ?3, ?4, ?5, '', ?6, ?7, ?8, ?9, ?10, '', ?11, ?12, ?13)",
            )?;
            let mut latest_run = tx.prepare_cached(
                "SELECT id, rule_suite_hash, reference_snapshot, rule_error_count, finding_count
                 FROM rule_runs WHERE draft_id = ?1 ORDER BY id DESC LIMIT 1",
            )?;
            let mut run_fingerprints = tx.prepare_cached(
                "SELECT fingerprint FROM findings WHERE run_id = ?1 ORDER BY position",
            )?;
            let mut confirm_run = tx.prepare_cached(
                "UPDATE rule_runs SET last_checked_at = ?2, check_count = check_count + 1
                 WHERE id = ?1",
            )?;
            for run in runs {
                let draft_id: i64 = find_draft
                    .query_row(params![run.article_id, run.draft_number], |row| row.get(0))
                    .optional()?
                    .ok_or_else(|| StoreError::DraftNotFound {
                        article_id: run.article_id.to_owned(),
                        number: run.draft_number,
                        latest: 0,
                    })?;
                let fingerprints: Vec<String> =
                    run.findings.iter().map(finding_fingerprint).collect();
                let latest: Option<(i64, String, String, i64, i64)> = latest_run
                    .query_row(params![draft_id], |row| {
                        Ok((
                            row.get(0)?,
                            row.get(1)?,
                            row.get(2)?,
                            row.get(3)?,
                            row.get(4)?,
                        ))
                    })
                    .optional()?;
                let same_as_latest = match &latest {
                    Some((id, suite, snapshot, rule_errors, count))
                        if suite == run.rule_suite_hash
                            && snapshot == run.reference_snapshot
                            && *rule_errors == run.rule_error_count as i64
                            && *count == fingerprints.len() as i64 =>
                    {
                        let stored = run_fingerprints
                            .query_map(params![id], |row| row.get::<_, String>(0))?
                            .collect::<rusqlite::Result<Vec<_>>>()?;
                        (stored == fingerprints).then_some(*id)
                    }
                    _ => None,
                };
                if let Some(run_id) = same_as_latest {
                    confirm_run.execute(params![run_id, run.checked_at])?;
                    let mut first_seen = Vec::with_capacity(fingerprints.len());
                    for fingerprint in &fingerprints {
                        let seen: Option<String> = earliest
                            .query_row(params![run.article_id, fingerprint], |row| row.get(0))?;
                        first_seen.push(seen.unwrap_or_else(|| run.checked_at.to_owned()));
                    }
                    stored.push(StoredRun { run_id, first_seen });
                    continue;
                }
                insert_run.execute(params![
                    draft_id,
                    run.article_id,
                    run.draft_number,
                    run.rule_suite_hash,
                    run.reference_snapshot,
                    run.checked_at,
                    run.findings.len() as i64,
                    run.rule_error_count as i64,
                ])?;
                let run_id = tx.last_insert_rowid();
                let mut first_seen = Vec::with_capacity(run.findings.len());
                for ((position, finding), fingerprint) in
                    run.findings.iter().enumerate().zip(fingerprints)
                {
                    let seen: Option<String> = earliest
                        .query_row(params![run.article_id, fingerprint], |row| row.get(0))?;
                    let seen = seen.unwrap_or_else(|| run.checked_at.to_owned());
                    let claim_ids = serde_json::to_string(&finding.claims)
                        .map_err(|err| corrupt(format!("finding claim ids: {err}")))?;
                    let evidence = serde_json::to_string(&finding.evidence)
                        .map_err(|err| corrupt(format!("finding evidence: {err}")))?;
                    insert_finding.execute(params![
                        run_id,
                        position as i64,
                        run.article_id,
                        finding.rule,
                        finding.severity.as_str(),
                        claim_ids,
                        finding.start as i64,
                        finding.end as i64,
                        finding.line,
                        finding.column,
                        packed::pack_finding(&finding.message, &evidence)?,
                        fingerprint,
                        seen,
                    ])?;
                    first_seen.push(seen);
                }
                stored.push(StoredRun { run_id, first_seen });
            }
        }
        tx.commit()?;
        Ok(stored)
    }

    /// How many times the article (any draft) was checked: a run confirmed by an unchanged
    /// re-check counts once per check.
    pub fn run_count(&self, article_id: &str) -> Result<u32, StoreError> {
        let conn = match &self.engine {
            Engine::Sqlite(conn) => conn,
            Engine::Postgres(client) => return pg::run_count(&mut client.borrow_mut(), article_id),
        };
        Ok(conn
            .prepare_cached(
                "SELECT COALESCE(SUM(check_count), 0) FROM rule_runs WHERE article_id = ?1",
            )?
            .query_row(params![article_id], |row| row.get(0))?)
    }

    /// How many run rows are stored for an article (all drafts).
    pub fn stored_run_count(&self, article_id: &str) -> Result<u32, StoreError> {
        let conn = match &self.engine {
            Engine::Sqlite(conn) => conn,
            Engine::Postgres(client) => {
                return pg::stored_run_count(&mut client.borrow_mut(), article_id);
            }
        };
        Ok(conn
            .prepare_cached("SELECT COUNT(*) FROM rule_runs WHERE article_id = ?1")?
            .query_row(params![article_id], |row| row.get(0))?)
    }
}
