//! The check queue `claimlint check --all --worker` shares among processes, on PostgreSQL.
//!
//! The design choice a reader must know: a claim is a **row lock held by an open
//! transaction**, not a row in a claims table. [`Store::claim_unchecked`] opens a transaction,
//! locks a few unchecked latest drafts with `FOR NO KEY UPDATE SKIP LOCKED` (other workers skip
//! them instead of waiting) and reads them; the rules run while the transaction stays open;
//! [`Store::record_runs`] then writes the runs *in that transaction* and commits, which
//! releases the lock in the same instant the results become visible. A worker that dies
//! (killed, crashed, its connection cut) never commits: the server rolls its transaction back
//! when the connection closes, so the drafts it held are unlocked and unchecked again, and the
//! next claim of any worker takes them. No lease to tune, no expired claim to clean up, and
//! no window in which a draft is both recorded and claimable. SQLite has no such queue: one
//! `check --all` there already uses every core, and the file cannot be shared across
//! machines, so the SQLite engine refuses a claim ([`StoreError::WorkerNeedsPostgres`]).

use super::{Engine, Store, StoreError, StoredDraft, pg};

/// Which drafts the queue hands out: the latest draft of each article (as `check --all`)
/// with no error-free run under this rule suite and reference snapshot (as `--changed`).
#[derive(Debug, Clone, Copy)]
pub struct QueueFilter<'a> {
    pub rule_suite_hash: &'a str,
    pub reference_snapshot: &'a str,
    /// Only drafts added at or after this RFC 3339 time or `YYYY-MM-DD` (`--since`).
    pub added_since: Option<&'a str>,
}

/// One draft a worker holds until its runs are recorded.
#[derive(Debug, Clone)]
pub struct ClaimedDraft {
    /// The draft's row id: the order the queue is walked in.
    pub draft_id: i64,
    pub draft: StoredDraft,
}

/// What one [`Store::claim_unchecked`] got.
#[derive(Debug, Clone, Default)]
pub struct QueueClaim {
    /// The drafts to check now; may be empty although rows were locked (another worker
    /// recorded them just before this claim locked them).
    pub drafts: Vec<ClaimedDraft>,
    /// The highest draft id locked, `None` when nothing past `after` was left to lock: the
    /// next claim starts after it.
    pub scanned_to: Option<i64>,
    /// How many drafts were locked (`drafts` holds those still unchecked once locked).
    pub locked: usize,
}

impl Store {
    /// Locks up to `limit` unchecked drafts with ids above `after` (skipping `skip`, the drafts
    /// this worker already tried and that ended in rule errors), and loads them. The claim's
    /// transaction stays open until [`Store::record_runs`] commits it or
    /// [`Store::release_claim`] rolls it back; a claim that got no draft is closed at once.
    pub fn claim_unchecked(
        &mut self,
        filter: QueueFilter<'_>,
        limit: usize,
        after: i64,
        skip: &[i64],
    ) -> Result<QueueClaim, StoreError> {
        if !self.is_postgres() {
            return Err(StoreError::WorkerNeedsPostgres);
        }
        // A caller that never recorded its last claim gives it back first: one connection
        // holds one transaction.
        self.release_claim()?;
        let Engine::Postgres(client) = &mut self.engine else {
            unreachable!("checked above")
        };
        let locked = pg::claim_unchecked(client.get_mut(), filter, limit, after, skip)?;
        let Some(locked) = locked else {
            return Ok(QueueClaim::default());
        };
        self.claim_open = true;
        let (scanned_to, count) = (locked.scanned_to, locked.count);
        let loaded = locked
            .drafts
            .into_iter()
            .map(|(draft_id, article, summary)| {
                Ok(ClaimedDraft {
                    draft_id,
                    draft: self.stored_draft(draft_id, article, summary)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>();
        let drafts = match loaded {
            Ok(drafts) => drafts,
            Err(err) => {
                self.release_claim()?;
                return Err(err);
            }
        };
        if drafts.is_empty() {
            self.release_claim()?;
        }
        Ok(QueueClaim {
            drafts,
            scanned_to: Some(scanned_to),
            locked: count,
        })
    }

    /// Rolls the open claim back (nothing recorded, its drafts unlocked for other workers);
    /// a no-op without one.
    pub fn release_claim(&mut self) -> Result<(), StoreError> {
        if !std::mem::take(&mut self.claim_open) {
            return Ok(());
        }
        match &mut self.engine {
            Engine::Postgres(client) => pg::end_claim(client.get_mut(), false),
            Engine::Sqlite(_) => Ok(()),
        }
    }
}
