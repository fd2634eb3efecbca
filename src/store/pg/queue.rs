//! The check queue's SQL (see `store/queue.rs` for the design): claim unchecked latest drafts
//! with `FOR NO KEY UPDATE SKIP LOCKED` in a transaction left open, and end it.
//!
//! Two details make "each draft checked once" hold. `NO KEY UPDATE` rather than `UPDATE`: a
//! `check ARTICLE` run outside the queue inserts a run referring to the draft row, which takes
//! a `KEY SHARE` lock that `FOR UPDATE` would block and `FOR NO KEY UPDATE` does not. And the
//! claim is checked again after the lock is taken: the locking statement judges "unchecked"
//! on the snapshot it started with, and a worker that commits a draft's runs after that
//! snapshot but before the statement reaches the row has released its lock by then, so the
//! row is locked again and looks unchecked (the runs live in another table, so PostgreSQL's
//! re-check of an updated row does not apply). A second statement, with a new snapshot, sees
//! every run committed before the lock was granted, and only the drafts it still finds
//! unchecked are handed out. Whoever records a draft's run held its lock, so no two workers
//! both see it unchecked.

use postgres::Client;

use super::super::queue::QueueFilter;
use super::super::{DraftSummary, StoreError};
use super::drafts::read_summary;

/// The drafts locked by one claim: (row id, article id, summary) of those still unchecked,
/// in id order, and the highest id locked.
pub(in super::super) struct Locked {
    pub drafts: Vec<(i64, String, DraftSummary)>,
    pub scanned_to: i64,
    /// How many drafts were locked.
    pub count: usize,
}

/// `d` is the latest draft of its article, added since `$1` (if given), with no error-free
/// run under suite `$2` and snapshot `$3`: `check --all --changed`'s choice.
const UNCHECKED: &str =
    "d.number = (SELECT MAX(l.number) FROM drafts l WHERE l.article_id = d.article_id)
       AND ($1::TEXT IS NULL OR d.added_at >= $1)
       AND NOT EXISTS (
             SELECT 1 FROM rule_runs r
             WHERE r.draft_id = d.id AND r.rule_suite_hash = $2
               AND r.reference_snapshot = $3 AND r.rule_error_count = 0)";

/// Opens a transaction and locks up to `limit` unchecked drafts with ids above `after`, not in
/// `skip`; `None` (and the transaction closed) when there is none to lock.
pub(in super::super) fn claim_unchecked(
    client: &mut Client,
    filter: QueueFilter<'_>,
    limit: usize,
    after: i64,
    skip: &[i64],
) -> Result<Option<Locked>, StoreError> {
    client.batch_execute("BEGIN ISOLATION LEVEL READ COMMITTED")?;
    let claimed = lock_and_recheck(client, filter, limit, after, skip);
    match claimed {
        Ok(Some(locked)) => Ok(Some(locked)),
        Ok(None) => {
            end_claim(client, false)?;
            Ok(None)
        }
        Err(err) => {
            // The transaction may already be aborted; the error that matters is `err`.
            let _ = end_claim(client, false);
            Err(err)
        }
    }
}

fn lock_and_recheck(
    client: &mut Client,
    filter: QueueFilter<'_>,
    limit: usize,
    after: i64,
    skip: &[i64],
) -> Result<Option<Locked>, StoreError> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let params: [&(dyn postgres::types::ToSql + Sync); 3] = [
        &filter.added_since,
        &filter.rule_suite_hash,
        &filter.reference_snapshot,
    ];
    let locked: Vec<i64> = client
        .query(
            &format!(
                "SELECT d.id FROM drafts d
                 WHERE d.id > $4 AND NOT (d.id = ANY($5)) AND {UNCHECKED}
                 ORDER BY d.id LIMIT $6
                 FOR NO KEY UPDATE OF d SKIP LOCKED"
            ),
            &[params[0], params[1], params[2], &after, &skip, &limit],
        )?
        .iter()
        .map(|row| row.get(0))
        .collect();
    let Some(&scanned_to) = locked.last() else {
        return Ok(None);
    };
    let drafts = client
        .query(
            &format!(
                "SELECT d.id, d.article_id, d.number, d.added_at, d.label, d.hash, d.lang, d.date,
                        d.title, d.claim_count
                 FROM drafts d WHERE d.id = ANY($4) AND {UNCHECKED} ORDER BY d.id"
            ),
            &[params[0], params[1], params[2], &locked],
        )?
        .iter()
        .map(|row| Ok((row.get("id"), row.get("article_id"), read_summary(row)?)))
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(Some(Locked {
        drafts,
        scanned_to,
        count: locked.len(),
    }))
}

/// Commits (`commit`) or rolls back the claim's transaction.
pub(in super::super) fn end_claim(client: &mut Client, commit: bool) -> Result<(), StoreError> {
    client.batch_execute(if commit { "COMMIT" } else { "ROLLBACK" })?;
    Ok(())
}
