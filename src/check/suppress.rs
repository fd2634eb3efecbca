//! Sorting one article's findings into reported, suppressed in source and baselined.
//!
//! A finding is *suppressed* when its start (its first claim) lies in a range of the draft's
//! suppression directives that names its rule or every rule; otherwise it is *baselined* when
//! the baseline holds its article and fingerprint ([`crate::store::finding_fingerprint`]),
//! or when the run writes a baseline (it then reports what that baseline will hide). Neither
//! kind is lost: both stay in the [`CheckedArticle`], are counted in the totals and are shown
//! as such by each output format, but neither counts for `--fail-on`. The filter belongs to
//! the library, so every output format and every caller sees the same split.

use std::collections::HashSet;

use serde::Serialize;

use super::{Baseline, CheckedArticle, ReportedFinding};
use crate::document::Suppression;
use crate::store::finding_fingerprint;

/// A finding a directive in the article silenced.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SuppressedFinding {
    #[serde(flatten)]
    pub finding: ReportedFinding,
    /// The source line of the directive that silenced it.
    pub directive_line: u32,
}

/// How findings are sorted: the baseline to hide, or whether to baseline them all.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Triage<'a> {
    pub baseline: Option<&'a Baseline>,
    /// `--write-baseline`: every finding not suppressed in source is baselined.
    pub baseline_all: bool,
    /// Every rule id that exists (run in this check or not), for directive warnings.
    pub known_rules: Option<&'a HashSet<String>>,
}

impl Triage<'_> {
    /// Moves `article`'s findings that are suppressed or baselined out of `findings`, and adds
    /// a warning for each rule a directive names that does not exist.
    pub fn sort(&self, article: &mut CheckedArticle, suppressions: &[Suppression]) {
        for range in suppressions {
            for rule in &range.rules {
                if self.known_rules.is_some_and(|known| !known.contains(rule)) {
                    article.warnings.push(format!(
                        "{}:{}: a suppression directive names `{rule}`, which is no rule; \
                         check its spelling (`claimlint rules list`)",
                        article.source, range.line
                    ));
                }
            }
        }
        let mut reported = Vec::with_capacity(article.findings.len());
        for finding in std::mem::take(&mut article.findings) {
            let (rule, start) = (&finding.finding.rule, finding.finding.start);
            if let Some(range) = suppressions.iter().find(|range| range.covers(rule, start)) {
                article.suppressed.push(SuppressedFinding {
                    directive_line: range.line,
                    finding,
                });
            } else if self.baseline_all
                || self.baseline.is_some_and(|baseline| {
                    baseline.contains(&article.article, &finding_fingerprint(&finding.finding))
                })
            {
                article.baselined.push(finding);
            } else {
                reported.push(finding);
            }
        }
        article.findings = reported;
    }
}
