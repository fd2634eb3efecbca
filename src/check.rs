//! The `check` pipeline: targets → drafts → rules → stored runs → a typed [`CheckReport`].
//!
//! A target is a file (added as a draft first, through [`crate::ingest`], so checking a file is
//! one step) or a stored `ARTICLE[@N]`. Drafts are loaded from the one open store, the rules are
//! evaluated in parallel *outside* any transaction, then every run and finding is written in one
//! short transaction, which also tells when each finding was first seen. A bad target is an
//! input error in the report; the other targets are still checked.

use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

use crate::engine::{
    ArticleData, CompiledSuite, Finding, Rule, RuleError, RuleSet, Severity, line_column,
};
use crate::ingest::{AddOptions, Input, add_input, names_input_file};
use crate::store::{DraftRef, DraftSelector, NewRun, Store, StoredDraft};

/// The version of the JSON report layout; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// One thing to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A file (or `-`) to add as a draft, then check.
    File(Input),
    /// A stored draft.
    Stored(DraftRef),
}

impl Target {
    /// A path that exists (or `-`) is a file; anything else must be `ARTICLE[@N]`.
    pub fn parse(arg: &str) -> Result<Target, String> {
        if arg == "-" {
            return Ok(Target::File(Input::Stdin));
        }
        let path = PathBuf::from(arg);
        if names_input_file(&path) {
            return Ok(Target::File(Input::File(path)));
        }
        arg.parse::<DraftRef>()
            .map(Target::Stored)
            .map_err(|err| format!("`{arg}` is neither a file nor a stored ARTICLE[@N]: {err}"))
    }
}

/// A finding with what the report adds: the sentence and when it first appeared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportedFinding {
    #[serde(flatten)]
    pub finding: Finding,
    /// 1-based line and character column just past the end of the first claim.
    pub end_line: u32,
    pub end_column: u32,
    /// Where each claim of the finding is, in the order of `claims`.
    pub spans: Vec<ClaimSpan>,
    /// The text of the line holding the finding (for the underlined excerpt).
    #[serde(skip)]
    pub source_line: String,
    /// Byte offset of `source_line` in the draft text.
    #[serde(skip)]
    pub source_line_start: usize,
    /// When this finding (same rule, claims and message) was first reported for this article.
    pub first_seen: String,
}

/// Where one claim of a finding is in the draft text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimSpan {
    pub claim: String,
    /// Byte offsets, end exclusive.
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub column: u32,
}

/// The result of checking one draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckedArticle {
    pub article: String,
    pub draft: u32,
    /// How the target was named: the file path, or `ARTICLE@N`.
    pub source: String,
    pub findings: Vec<ReportedFinding>,
    pub rule_errors: Vec<RuleError>,
}

/// A rule as the report lists it (SARIF needs the catalogue).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    pub id: String,
    pub severity: Severity,
    pub summary: String,
    pub link: String,
}

impl From<&Rule> for RuleInfo {
    fn from(rule: &Rule) -> Self {
        RuleInfo {
            id: rule.id.clone(),
            severity: rule.severity,
            summary: rule.summary.clone(),
            link: rule.link.clone(),
        }
    }
}

/// Everything one `claimlint check` found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckReport {
    pub schema_version: u32,
    pub rule_suite_hash: String,
    /// The reference data used, or `none`.
    pub reference_snapshot: String,
    pub checked_at: String,
    pub rules: Vec<RuleInfo>,
    pub articles: Vec<CheckedArticle>,
    /// Rules that did not compile (they ran on no article).
    pub rule_errors: Vec<RuleError>,
    /// Targets that could not be read or found.
    pub input_errors: Vec<String>,
}

impl CheckReport {
    pub fn findings(&self) -> impl Iterator<Item = &ReportedFinding> {
        self.articles.iter().flat_map(|article| &article.findings)
    }

    /// Rule errors of every kind (compile and per article).
    pub fn rule_error_count(&self) -> usize {
        self.rule_errors.len()
            + self
                .articles
                .iter()
                .map(|article| article.rule_errors.len())
                .sum::<usize>()
    }
}

/// What `check` was asked for besides the targets.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// How FILE targets are added.
    pub add: AddOptions,
    /// Reference snapshot id recorded with each run (`none` without reference data).
    pub reference_snapshot: Option<String>,
}

/// Adds/loads every target, runs the suite, stores the runs, and returns the report.
pub fn check(
    store: &mut Store,
    targets: &[Target],
    rules: &RuleSet,
    suite: &CompiledSuite,
    options: &CheckOptions,
) -> Result<CheckReport, crate::Error> {
    let mut input_errors = Vec::new();
    let mut drafts: Vec<(String, StoredDraft)> = Vec::new();
    for target in targets {
        match load_target(store, target, &options.add) {
            Ok(loaded) => drafts.push(loaded),
            Err(message) => input_errors.push(message),
        }
    }
    // The drafts are moved into what the rules see (no copy of texts and claims); findings are
    // placed in the text from there afterwards.
    let (sources, articles): (Vec<String>, Vec<Arc<ArticleData>>) = drafts
        .into_iter()
        .map(|(source, draft)| (source, Arc::new(into_article_data(draft))))
        .unzip();
    let outcomes = suite.evaluate_all(&articles);
    let checked_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let reference_snapshot = options
        .reference_snapshot
        .clone()
        .unwrap_or_else(|| "none".to_owned());
    let runs: Vec<NewRun<'_>> = articles
        .iter()
        .zip(&outcomes)
        .map(|(article, outcome)| NewRun {
            article_id: &article.id,
            draft_number: article.draft,
            rule_suite_hash: &suite.suite_hash,
            reference_snapshot: &reference_snapshot,
            checked_at: &checked_at,
            findings: &outcome.findings,
            rule_error_count: outcome.rule_errors.len() + suite.compile_errors.len(),
        })
        .collect();
    let stored = store.record_runs(&runs)?;
    let articles = sources
        .into_iter()
        .zip(&articles)
        .zip(outcomes)
        .zip(stored)
        .map(|(((source, article), outcome), stored)| CheckedArticle {
            findings: outcome
                .findings
                .into_iter()
                .zip(stored.first_seen)
                .map(|(finding, first_seen)| reported_finding(article, finding, first_seen))
                .collect(),
            rule_errors: outcome.rule_errors,
            article: article.id.clone(),
            draft: article.draft,
            source,
        })
        .collect();
    Ok(CheckReport {
        schema_version: SCHEMA_VERSION,
        rule_suite_hash: suite.suite_hash.clone(),
        reference_snapshot,
        checked_at,
        rules: rules.rules.iter().map(RuleInfo::from).collect(),
        articles,
        rule_errors: suite.compile_errors.clone(),
        input_errors,
    })
}

/// Adds a file target, or finds a stored one; returns its display name and the draft.
fn load_target(
    store: &mut Store,
    target: &Target,
    add: &AddOptions,
) -> Result<(String, StoredDraft), String> {
    match target {
        Target::File(input) => {
            let added = add_input(store, input, add).map_err(|err| err.to_string())?;
            let draft = store
                .load_draft(&added.article, DraftSelector::Number(added.draft))
                .map_err(|err| format!("{}: {}", input.name(), err.located(store.path())))?;
            Ok((input.name(), draft))
        }
        Target::Stored(draft_ref) => {
            let draft = store
                .load_draft(&draft_ref.article_id, draft_ref.draft)
                .map_err(|err| err.located(store.path()).to_string())?;
            let name = format!("{}@{}", draft.article, draft.summary.number);
            Ok((name, draft))
        }
    }
}

fn reported_finding(draft: &ArticleData, finding: Finding, first_seen: String) -> ReportedFinding {
    let (end_line, end_column) = line_column(&draft.text, finding.end);
    let spans = finding
        .claims
        .iter()
        .filter_map(|id| draft.claims.iter().find(|claim| &claim.id == id))
        .map(|claim| ClaimSpan {
            claim: claim.id.clone(),
            start: claim.start,
            end: claim.end,
            line: claim.line,
            column: claim.column,
        })
        .collect();
    let source_line = line_text(&draft.text, finding.start);
    let source_line_start = source_line.as_ptr() as usize - draft.text.as_ptr() as usize;
    ReportedFinding {
        end_line,
        end_column,
        spans,
        source_line: source_line.to_owned(),
        source_line_start,
        finding,
        first_seen,
    }
}

/// What rules see of a stored draft.
pub fn article_data(draft: &StoredDraft) -> ArticleData {
    ArticleData {
        id: draft.article.clone(),
        lang: draft.summary.lang,
        draft: draft.summary.number,
        title: draft.summary.title.clone(),
        date: draft.summary.date,
        sentences: sentence_texts(draft),
        sentence_starts: draft.sentences.iter().map(|s| s.start).collect(),
        text: draft.text.clone(),
        claims: draft.claims.clone(),
        relations: draft.relations.clone(),
        body_start: draft.body_start,
    }
}

/// [`article_data`] without copying the text, claims and relations.
pub fn into_article_data(draft: StoredDraft) -> ArticleData {
    ArticleData {
        sentences: sentence_texts(&draft),
        sentence_starts: draft.sentences.iter().map(|s| s.start).collect(),
        id: draft.article,
        lang: draft.summary.lang,
        draft: draft.summary.number,
        title: draft.summary.title,
        date: draft.summary.date,
        text: draft.text,
        claims: draft.claims,
        relations: draft.relations,
        body_start: draft.body_start,
    }
}

fn sentence_texts(draft: &StoredDraft) -> Vec<String> {
    draft
        .sentences
        .iter()
        .map(|s| {
            draft
                .text
                .get(s.start..s.end)
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

/// The line of `text` holding byte `offset`, without its line end.
pub fn line_text(text: &str, offset: usize) -> &str {
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    &text[start..end]
}

/// What the rules say about one stored draft, neither printed nor stored.
#[derive(Debug, Clone)]
pub struct DraftFindings {
    /// The draft the rules ran on (its claims, for aligning findings across drafts).
    pub draft: StoredDraft,
    /// Sorted by position, then rule.
    pub findings: Vec<Finding>,
    /// [`crate::store::finding_fingerprint`] of each finding, in the same order.
    pub fingerprints: Vec<String>,
    /// Rules that failed on this draft (compile errors are in `suite.compile_errors`).
    pub rule_errors: Vec<RuleError>,
    /// The suite's hash: findings from two drafts compare fairly only under the same hash.
    pub rule_suite_hash: String,
}

/// Runs `suite` on stored drafts and returns their findings without printing or recording a
/// run: what `claimlint diff` needs to tell which findings a new draft adds or removes. The
/// drafts are evaluated in parallel like `check`; the result follows the order of `drafts`.
pub fn evaluate_stored_drafts(
    store: &Store,
    drafts: &[DraftRef],
    suite: &CompiledSuite,
) -> Result<Vec<DraftFindings>, crate::store::StoreError> {
    let loaded = drafts
        .iter()
        .map(|draft_ref| store.load_draft(&draft_ref.article_id, draft_ref.draft))
        .collect::<Result<Vec<_>, _>>()?;
    let articles: Vec<Arc<ArticleData>> = loaded
        .iter()
        .map(|draft| Arc::new(article_data(draft)))
        .collect();
    let outcomes = suite.evaluate_all(&articles);
    Ok(loaded
        .into_iter()
        .zip(outcomes)
        .map(|(draft, outcome)| DraftFindings {
            fingerprints: outcome
                .findings
                .iter()
                .map(crate::store::finding_fingerprint)
                .collect(),
            findings: outcome.findings,
            rule_errors: outcome.rule_errors,
            rule_suite_hash: suite.suite_hash.clone(),
            draft,
        })
        .collect())
}
