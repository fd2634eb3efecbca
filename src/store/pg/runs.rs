//! Rule runs and findings on PostgreSQL: storing what `check` found (with each finding's
//! first-seen time), and reading it back for `diff` and the `drafts` listing.
//!
//! The same rules as the SQLite engine (`findings.rs`, `diff.rs`): one transaction per batch
//! of runs; a re-check identical to the draft's latest run confirms that run instead of adding
//! rows; `first_seen` is copied from the earliest finding with the same fingerprint. The
//! transaction is retried whole if the server aborts it for a conflict.

use std::collections::HashMap;

use postgres::{Client, GenericClient};

use super::super::findings::{NewRun, StoredRun, finding_fingerprint};
use super::super::{CheckCounts, StoreError, corrupt, packed};
use super::{retry, to_u32};
use crate::engine::{Evidence, Finding, Severity};

/// Stores the runs and their findings in one transaction.
pub(in super::super) fn record_runs(
    client: &mut Client,
    runs: &[NewRun<'_>],
) -> Result<Vec<StoredRun>, StoreError> {
    retry(|| {
        let mut tx = client.transaction()?;
        let stored = runs
            .iter()
            .map(|run| record_run(&mut tx, run))
            .collect::<Result<Vec<_>, _>>()?;
        tx.commit()?;
        Ok(stored)
    })
}

/// Stores the runs in the open transaction of a check-queue claim and commits it, which also
/// releases the claim's locks (`store/queue.rs`); on any failure the claim is rolled back, so
/// its drafts are unchecked and free again. Not retried: the claim's locks would be gone.
pub(in super::super) fn record_claimed_runs(
    client: &mut Client,
    runs: &[NewRun<'_>],
) -> Result<Vec<StoredRun>, StoreError> {
    let recorded = runs
        .iter()
        .map(|run| record_run(client, run))
        .collect::<Result<Vec<_>, _>>();
    match recorded {
        Ok(stored) => {
            super::end_claim(client, true)?;
            Ok(stored)
        }
        Err(err) => {
            let _ = super::end_claim(client, false);
            Err(err)
        }
    }
}

fn record_run<T: GenericClient>(tx: &mut T, run: &NewRun<'_>) -> Result<StoredRun, StoreError> {
    let draft_id: i64 = tx
        .query_opt(
            "SELECT id FROM drafts WHERE article_id = $1 AND number = $2",
            &[&run.article_id, &i64::from(run.draft_number)],
        )?
        .ok_or_else(|| StoreError::DraftNotFound {
            article_id: run.article_id.to_owned(),
            number: run.draft_number,
            latest: 0,
        })?
        .get(0);
    let fingerprints: Vec<String> = run.findings.iter().map(finding_fingerprint).collect();
    let latest = tx.query_opt(
        "SELECT id, rule_suite_hash, reference_snapshot, rule_error_count, finding_count
         FROM rule_runs WHERE draft_id = $1 ORDER BY id DESC LIMIT 1",
        &[&draft_id],
    )?;
    let same_as_latest = match latest {
        Some(row)
            if row.get::<_, &str>(1) == run.rule_suite_hash
                && row.get::<_, &str>(2) == run.reference_snapshot
                && row.get::<_, i64>(3) == run.rule_error_count as i64
                && row.get::<_, i64>(4) == fingerprints.len() as i64 =>
        {
            let id: i64 = row.get(0);
            let stored: Vec<String> = tx
                .query(
                    "SELECT fingerprint FROM findings WHERE run_id = $1 ORDER BY position",
                    &[&id],
                )?
                .iter()
                .map(|row| row.get(0))
                .collect();
            (stored == fingerprints).then_some(id)
        }
        _ => None,
    };
    let earliest =
        |tx: &mut T, fingerprint: &str| earliest(tx, run.article_id, fingerprint, run.checked_at);
    if let Some(run_id) = same_as_latest {
        tx.execute(
            "UPDATE rule_runs SET last_checked_at = $2, check_count = check_count + 1
             WHERE id = $1",
            &[&run_id, &run.checked_at],
        )?;
        let first_seen = fingerprints
            .iter()
            .map(|fingerprint| earliest(tx, fingerprint))
            .collect::<Result<Vec<_>, _>>()?;
        return Ok(StoredRun { run_id, first_seen });
    }
    let run_id: i64 = tx
        .query_one(
            "INSERT INTO rule_runs (draft_id, article_id, draft_number, rule_suite_hash,
                 reference_snapshot, checked_at, finding_count, rule_error_count)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            &[
                &draft_id,
                &run.article_id,
                &i64::from(run.draft_number),
                &run.rule_suite_hash,
                &run.reference_snapshot,
                &run.checked_at,
                &(run.findings.len() as i64),
                &(run.rule_error_count as i64),
            ],
        )?
        .get(0);
    let mut first_seen = Vec::with_capacity(run.findings.len());
    for ((position, finding), fingerprint) in run.findings.iter().enumerate().zip(fingerprints) {
        let seen = earliest(tx, &fingerprint)?;
        let claim_ids = serde_json::to_string(&finding.claims)
            .map_err(|err| corrupt(format!("finding claim ids: {err}")))?;
        let evidence = serde_json::to_string(&finding.evidence)
            .map_err(|err| corrupt(format!("finding evidence: {err}")))?;
        tx.execute(
            "INSERT INTO findings (run_id, position, article_id, rule_id, severity, claim_ids,
                 start_byte, end_byte, line_number, column_number, details_deflated,
                 fingerprint, first_seen)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            &[
                &run_id,
                &(position as i64),
                &run.article_id,
                &finding.rule,
                &finding.severity.as_str(),
                &claim_ids,
                &(finding.start as i64),
                &(finding.end as i64),
                &i64::from(finding.line),
                &i64::from(finding.column),
                &packed::pack_finding(&finding.message, &evidence)?,
                &fingerprint,
                &seen,
            ],
        )?;
        first_seen.push(seen);
    }
    Ok(StoredRun { run_id, first_seen })
}

/// When the finding with this fingerprint was first seen for the article (`otherwise`: never).
fn earliest(
    tx: &mut impl GenericClient,
    article_id: &str,
    fingerprint: &str,
    otherwise: &str,
) -> Result<String, StoreError> {
    let seen: Option<String> = tx
        .query_one(
            "SELECT MIN(first_seen) FROM findings WHERE article_id = $1 AND fingerprint = $2",
            &[&article_id, &fingerprint],
        )?
        .get(0);
    Ok(seen.unwrap_or_else(|| otherwise.to_owned()))
}

/// How many times the article (any draft) was checked.
pub(in super::super) fn run_count(
    client: &mut Client,
    article_id: &str,
) -> Result<u32, StoreError> {
    let count: i64 = client
        .query_one(
            "SELECT COALESCE(SUM(check_count), 0)::BIGINT FROM rule_runs WHERE article_id = $1",
            &[&article_id],
        )?
        .get(0);
    to_u32(count, "check count")
}

/// How many run rows are stored for an article.
pub(in super::super) fn stored_run_count(
    client: &mut Client,
    article_id: &str,
) -> Result<u32, StoreError> {
    let count: i64 = client
        .query_one(
            "SELECT COUNT(*) FROM rule_runs WHERE article_id = $1",
            &[&article_id],
        )?
        .get(0);
    to_u32(count, "run count")
}

/// The findings of the latest error-free run of `rule_suite_hash` over this draft.
pub(in super::super) fn stored_findings(
    client: &mut Client,
    article_id: &str,
    draft_number: u32,
    rule_suite_hash: &str,
) -> Result<Option<Vec<Finding>>, StoreError> {
    let run = client.query_opt(
        "SELECT id FROM rule_runs
         WHERE article_id = $1 AND draft_number = $2 AND rule_suite_hash = $3
           AND rule_error_count = 0
         ORDER BY id DESC LIMIT 1",
        &[&article_id, &i64::from(draft_number), &rule_suite_hash],
    )?;
    let Some(run) = run else {
        return Ok(None);
    };
    let run_id: i64 = run.get(0);
    let rows = client.query(
        "SELECT rule_id, severity, claim_ids, start_byte, end_byte, line_number, column_number,
                details_deflated
         FROM findings WHERE run_id = $1 ORDER BY position",
        &[&run_id],
    )?;
    let findings = rows
        .iter()
        .map(|row| {
            let severity: &str = row.get(1);
            let claim_ids: &str = row.get(2);
            let (message, evidence) = packed::unpack_finding(row.get(7))?;
            let number = |index: usize, what: &str| -> Result<i64, StoreError> {
                let value: i64 = row.get(index);
                if value < 0 {
                    return Err(corrupt(format!("finding {what} {value}")));
                }
                Ok(value)
            };
            Ok(Finding {
                rule: row.get(0),
                severity: severity
                    .parse::<Severity>()
                    .map_err(|_| corrupt(format!("finding severity `{severity}`")))?,
                message,
                claims: serde_json::from_str(claim_ids)
                    .map_err(|err| corrupt(format!("finding claim ids: {err}")))?,
                start: number(3, "start")? as usize,
                end: number(4, "end")? as usize,
                line: to_u32(row.get(5), "finding line")?,
                column: to_u32(row.get(6), "finding column")?,
                sentence: None,
                evidence: serde_json::from_str::<Evidence>(&evidence)
                    .map_err(|err| corrupt(format!("finding evidence: {err}")))?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(Some(findings))
}

/// For each checked draft of the article (by number), the counts of its latest run.
pub(in super::super) fn latest_check_counts(
    client: &mut Client,
    article_id: &str,
) -> Result<HashMap<u32, CheckCounts>, StoreError> {
    client
        .query(
            "SELECT r.draft_number,
                    (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.id AND f.severity = 'error'),
                    (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.id AND f.severity = 'warning')
             FROM rule_runs r
             WHERE r.article_id = $1
               AND r.id = (SELECT MAX(l.id) FROM rule_runs l
                           WHERE l.article_id = r.article_id AND l.draft_number = r.draft_number)",
            &[&article_id],
        )?
        .iter()
        .map(|row| {
            Ok((
                to_u32(row.get(0), "draft number")?,
                CheckCounts {
                    errors: to_u32(row.get(1), "error count")?,
                    warnings: to_u32(row.get(2), "warning count")?,
                },
            ))
        })
        .collect()
}
