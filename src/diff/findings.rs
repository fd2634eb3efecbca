//! The findings delta: which rule findings the newer draft introduced and which it resolved.
//!
//! A finding's identity across drafts is its rule plus the *aligned* claims it names: each claim
//! id is mapped to its entry in the claim alignment, so `c7` in the older draft and `c12` in the
//! newer are the same claim when the alignment paired them. Line numbers and claim ids play no
//! part, so a reflowed or moved paragraph does not resurface its findings. A finding naming no
//! claim is identified by rule and message. A finding present in both drafts (even with another
//! message, because a figure changed) is *persisting*, neither introduced nor resolved.
//!
//! [`gather_findings`] gets the findings of both drafts: the stored ones of the latest complete
//! run with the same rule-suite hash, or else a fresh run of the suite (not stored).

use std::borrow::Borrow;
use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use super::claims::ClaimChange;
use crate::check::article_data;
use crate::engine::{CompiledSuite, Finding, Severity};
use crate::store::{Store, StoreError, StoredDraft};

/// Findings introduced and resolved by the newer draft.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FindingsDelta {
    /// In the newer draft only.
    pub introduced: Vec<DeltaFinding>,
    /// In the older draft only.
    pub resolved: Vec<DeltaFinding>,
    /// Findings present in both drafts.
    pub persisting: usize,
}

/// A finding as the delta reports it, located in the draft it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeltaFinding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// Claim ids in that draft.
    pub claims: Vec<String>,
    /// The surface texts of those claims, in the same order.
    pub claim_texts: Vec<String>,
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Identity<'a> {
    Claims(&'a str, Vec<usize>),
    Message(&'a str, &'a str),
}

/// Matches the two drafts' findings through the claim alignment.
pub fn findings_delta(
    changes: &[ClaimChange<'_>],
    before: &[Finding],
    after: &[Finding],
) -> FindingsDelta {
    let mut before_entry: HashMap<&str, usize> = HashMap::new();
    let mut after_entry: HashMap<&str, usize> = HashMap::new();
    let mut before_text: HashMap<&str, &str> = HashMap::new();
    let mut after_text: HashMap<&str, &str> = HashMap::new();
    for (entry, change) in changes.iter().enumerate() {
        if let Some(claim) = change.before {
            before_entry.insert(&claim.id, entry);
            before_text.insert(&claim.id, &claim.text);
        }
        if let Some(claim) = change.after {
            after_entry.insert(&claim.id, entry);
            after_text.insert(&claim.id, &claim.text);
        }
    }
    let mut unmatched_before: HashMap<Identity<'_>, Vec<usize>> = HashMap::new();
    for (index, finding) in before.iter().enumerate().rev() {
        unmatched_before
            .entry(identity(finding, &before_entry, 0))
            .or_default()
            .push(index);
    }
    let mut delta = FindingsDelta::default();
    let mut resolved = vec![true; before.len()];
    for finding in after {
        let matched = unmatched_before
            .get_mut(&identity(finding, &after_entry, 1))
            .and_then(Vec::pop);
        match matched {
            Some(index) => {
                resolved[index] = false;
                delta.persisting += 1;
            }
            None => delta.introduced.push(delta_finding(finding, &after_text)),
        }
    }
    delta.resolved = before
        .iter()
        .zip(resolved)
        .filter(|(_, resolved)| *resolved)
        .map(|(finding, _)| delta_finding(finding, &before_text))
        .collect();
    delta
}

/// A finding's identity through the claim alignment. Unknown claim ids (never produced by a
/// well-behaved rule) get a slot of their own per side, so they never match.
fn identity<'a>(finding: &'a Finding, entries: &HashMap<&str, usize>, side: usize) -> Identity<'a> {
    if finding.claims.is_empty() {
        return Identity::Message(&finding.rule, &finding.message);
    }
    let slots = finding
        .claims
        .iter()
        .map(|id| {
            entries
                .get(id.as_str())
                .copied()
                .unwrap_or(usize::MAX - side)
        })
        .collect();
    Identity::Claims(&finding.rule, slots)
}

fn delta_finding(finding: &Finding, texts: &HashMap<&str, &str>) -> DeltaFinding {
    DeltaFinding {
        rule: finding.rule.clone(),
        severity: finding.severity,
        message: finding.message.clone(),
        claim_texts: finding
            .claims
            .iter()
            .map(|id| {
                texts
                    .get(id.as_str())
                    .copied()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect(),
        claims: finding.claims.clone(),
        line: finding.line,
        column: finding.column,
    }
}

/// The findings of both drafts: stored ones for this suite when a complete run exists,
/// otherwise evaluated now (in parallel when both are needed) by the suite `suite` compiles,
/// which is called only then. Fresh runs are not stored.
pub fn gather_findings<S: Borrow<CompiledSuite>>(
    store: &Store,
    suite_hash: &str,
    suite: impl FnOnce() -> Result<S, StoreError>,
    drafts: [&StoredDraft; 2],
) -> Result<[Vec<Finding>; 2], StoreError> {
    let mut found: [Option<Vec<Finding>>; 2] = [None, None];
    for (slot, draft) in found.iter_mut().zip(drafts) {
        *slot = store.stored_findings(&draft.article, draft.summary.number, suite_hash)?;
    }
    let missing: Vec<usize> = (0..2).filter(|&side| found[side].is_none()).collect();
    if !missing.is_empty() {
        // Only a draft the suite has not checked needs it compiled.
        let suite = suite()?;
        let articles: Vec<Arc<_>> = missing
            .iter()
            .map(|&side| Arc::new(article_data(drafts[side])))
            .collect();
        for (side, outcome) in missing
            .into_iter()
            .zip(suite.borrow().evaluate_all(&articles))
        {
            found[side] = Some(outcome.findings);
        }
    }
    let [before, after] = found;
    Ok([before.unwrap_or_default(), after.unwrap_or_default()])
}
