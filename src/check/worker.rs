//! `check --all --worker`: one worker's share of an archive's unchecked drafts, taken from the
//! PostgreSQL check queue a batch at a time until none is left.
//!
//! The queue itself is the store's (`store/queue.rs`: a claim is a row lock held by an open
//! transaction until the batch's runs are committed, so a killed worker's drafts are released
//! by the server and taken by the next claim). Here the worker walks the queue in draft-id
//! order: each claim starts after the last id it locked, and when the walk reaches the end it
//! starts once more from the beginning, for drafts a dead worker released behind it; it stops
//! when a walk from the beginning finds nothing. A draft whose check ended in a rule error is
//! still unchecked (as for `--changed`), so this worker does not take it again; another worker
//! may try it once.

use super::{
    CheckError, CheckOptions, CheckSink, CheckTotals, CheckedArticle, PendingDraft, Session,
    TargetKind,
};
use crate::config::FileSettings;
use crate::engine::{CompiledSuite, RuleSet};
use crate::store::{QueueFilter, Store};

/// What a worker takes from the queue, besides the rule suite.
#[derive(Debug, Clone, Copy)]
pub struct WorkerOptions<'a> {
    /// Only drafts added at or after this RFC 3339 time or `YYYY-MM-DD` (`--since`).
    pub added_since: Option<&'a str>,
    /// Drafts locked per claim: one batch of evaluation and one commit.
    pub claim_size: usize,
}

/// What one worker did, beyond the totals of its report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkerTotals {
    pub check: CheckTotals,
    /// Claims that handed out at least one draft.
    pub claims: usize,
    /// Drafts this worker locked but found already checked by another worker.
    pub already_checked: usize,
}

/// Checks claimed drafts until the queue is empty, streaming each batch to `sink` once its
/// runs are committed. `store` must be PostgreSQL
/// ([`crate::store::StoreError::WorkerNeedsPostgres`] otherwise, before the report begins).
pub fn check_worker(
    store: &mut Store,
    rules: &RuleSet,
    suite: &CompiledSuite,
    options: &CheckOptions,
    worker: WorkerOptions<'_>,
    sink: &mut dyn CheckSink,
) -> Result<WorkerTotals, CheckError> {
    if !store.is_postgres() {
        return Err(crate::store::StoreError::WorkerNeedsPostgres.into());
    }
    if let Some(first) = suite.compile_errors.first() {
        return Err(CheckError::SuiteDoesNotCompile {
            count: suite.compile_errors.len(),
            first: format!("{}: {}", first.rule, first.message),
        });
    }
    let session = Session::begin(rules, suite, options, sink)?;
    let batch = session.batch(suite, options);
    let mut totals = WorkerTotals {
        check: session.totals(suite),
        ..WorkerTotals::default()
    };
    let filter = QueueFilter {
        rule_suite_hash: &suite.suite_hash,
        reference_snapshot: &session.reference_snapshot,
        added_since: worker.added_since,
    };
    let mut tried_with_errors: Vec<i64> = Vec::new();
    let mut after = 0;
    loop {
        let claim = match store.claim_unchecked(
            filter,
            worker.claim_size.max(1),
            after,
            &tried_with_errors,
        ) {
            Ok(claim) => claim,
            Err(err) => return Err(super::stopped(sink, &totals.check, err.into())),
        };
        let Some(scanned_to) = claim.scanned_to else {
            if after == 0 {
                break;
            }
            after = 0;
            continue;
        };
        after = scanned_to;
        totals.already_checked += claim.locked - claim.drafts.len();
        if claim.drafts.is_empty() {
            continue;
        }
        totals.claims += 1;
        let ids: Vec<(String, u32, i64)> = claim
            .drafts
            .iter()
            .map(|claimed| {
                let draft = &claimed.draft;
                (
                    draft.article.clone(),
                    draft.summary.number,
                    claimed.draft_id,
                )
            })
            .collect();
        let pending: Vec<PendingDraft> = claim
            .drafts
            .into_iter()
            .map(|claimed| {
                let name = format!("{}@{}", claimed.draft.article, claimed.draft.summary.number);
                (
                    (name, TargetKind::Stored),
                    claimed.draft,
                    FileSettings::default(),
                )
            })
            .collect();
        let mut watch = RuleErrorWatch {
            inner: &mut *sink,
            errored: Vec::new(),
        };
        if let Err(err) = batch.run(store, pending, &mut totals.check, &mut watch) {
            // Nothing of the batch is recorded unless its commit succeeded; either way the
            // claim is over.
            let _ = store.release_claim();
            return Err(super::stopped(sink, &totals.check, err));
        }
        tried_with_errors.extend(ids.into_iter().filter_map(|(article, number, id)| {
            watch
                .errored
                .iter()
                .any(|(a, n)| *a == article && *n == number)
                .then_some(id)
        }));
    }
    sink.finish(&totals.check)?;
    Ok(totals)
}

/// Passes a batch's articles on and notes which ended in rule errors.
struct RuleErrorWatch<'a> {
    inner: &'a mut dyn CheckSink,
    errored: Vec<(String, u32)>,
}

impl CheckSink for RuleErrorWatch<'_> {
    fn begin(&mut self, header: &super::CheckHeader) -> std::io::Result<()> {
        self.inner.begin(header)
    }
    fn article(&mut self, article: CheckedArticle) -> std::io::Result<()> {
        if !article.rule_errors.is_empty() {
            self.errored.push((article.article.clone(), article.draft));
        }
        self.inner.article(article)
    }
    fn input_error(&mut self, message: String) -> std::io::Result<()> {
        self.inner.input_error(message)
    }
    fn finish(&mut self, totals: &CheckTotals) -> std::io::Result<()> {
        self.inner.finish(totals)
    }
    fn abort(&mut self, message: &str, totals: &CheckTotals) -> std::io::Result<()> {
        self.inner.abort(message, totals)
    }
}
