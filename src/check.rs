//! The `check` pipeline: targets → drafts → rules → stored runs → a typed [`CheckReport`].
//!
//! A target is a file (added as a draft first, through [`crate::ingest`], so checking a file is
//! one step) or a stored `ARTICLE[@N]`. Drafts are loaded from the one open store, the rules are
//! evaluated in parallel *outside* any transaction, then every run and finding is written in one
//! short transaction, which also tells when each finding was first seen. A bad target is an
//! input error in the report; the other targets are still checked.
//!
//! Every finding is stored; what is *reported* leaves out those the article's directives
//! suppress and those a baseline accepts, which are kept apart in each [`CheckedArticle`]
//! and counted in the totals (`check/suppress.rs`, `check/baseline.rs`).

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

use crate::config::FileSettings;
use crate::engine::{ArticleData, CompiledSuite, Finding, Rule, RuleError, RuleSet, Severity};
use crate::ingest::{AddOptions, Input, add_input, names_input_file};
use crate::store::{DraftRef, DraftSelector, NewRun, Store, StoredDraft};

mod baseline;
mod suppress;
mod worker;

pub use baseline::{BASELINE_VERSION, Baseline, BaselineEntry, BaselineError, BaselineRecorder};
pub use suppress::SuppressedFinding;
use suppress::Triage;
pub use worker::{WorkerOptions, WorkerTotals, check_worker};

/// The version of the JSON report layout; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// One thing to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A file (or `-`) to add as a draft, then check.
    File(Input),
    /// A stored draft.
    Stored(DraftRef),
    /// An argument that names nothing to check (a missing file, a glob matching nothing):
    /// reported as an input error with this message, in its place among the targets.
    Invalid(String),
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

/// What a checked draft was named by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TargetKind {
    /// A file, `source` its path as given.
    #[default]
    File,
    /// Standard input (`-`), `source` is `<stdin>`.
    Stdin,
    /// A stored draft (`ARTICLE`, `ARTICLE@N`, `--all`), `source` is `ARTICLE@N`.
    Stored,
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
    /// What the target was: `source` names a file only for [`TargetKind::File`] (SARIF
    /// places the others apart from the repository's files).
    #[serde(skip)]
    pub kind: TargetKind,
    /// The findings reported: neither suppressed nor baselined.
    pub findings: Vec<ReportedFinding>,
    pub rule_errors: Vec<RuleError>,
    /// Findings a suppression directive in the article silenced (absent in JSON when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suppressed: Vec<SuppressedFinding>,
    /// Findings the baseline accepts (absent in JSON when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub baselined: Vec<ReportedFinding>,
    /// Problems with the article's directives, `SOURCE:LINE: …` (absent in JSON when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The draft's text, claims and relations, kept only when [`CheckOptions::keep_drafts`]
    /// asks (the HTML report shows the whole article); `None` otherwise, so a streamed check
    /// does not hold texts longer than it needs.
    #[serde(skip)]
    pub content: Option<DraftContent>,
}

/// What a renderer needs to show a checked draft whole: the data the rules read, shared
/// without a copy. Two contents are equal when their texts, claims and relations are.
#[derive(Debug, Clone)]
pub struct DraftContent(pub Arc<ArticleData>);

impl PartialEq for DraftContent {
    fn eq(&self, other: &Self) -> bool {
        let (mine, theirs) = (&self.0, &other.0);
        mine.text == theirs.text
            && mine.claims == theirs.claims
            && mine.relations == theirs.relations
    }
}

/// A rule as the report lists it (SARIF needs the catalogue).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    pub id: String,
    pub severity: Severity,
    pub summary: String,
    pub link: String,
    /// The header's prose (what it checks, why, an example): SARIF's rule help. Not in
    /// the JSON report, which lists rules by id, severity, summary and link.
    #[serde(skip)]
    pub prose: String,
}

impl From<&Rule> for RuleInfo {
    fn from(rule: &Rule) -> Self {
        RuleInfo {
            id: rule.id.clone(),
            severity: rule.severity,
            summary: rule.summary.clone(),
            link: rule.link.clone(),
            prose: rule.prose.clone(),
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
    /// Findings reported as baselined rather than as findings (`--baseline`).
    pub baseline: Option<Arc<Baseline>>,
    /// Report every finding not suppressed in source as baselined: the run writes a
    /// baseline (`--write-baseline`) and shows what it will hide.
    pub baseline_all: bool,
    /// Every rule id there is, selected for this run or not: a directive naming another is
    /// warned about. `None`: only the rules run are known.
    pub known_rules: Option<Arc<HashSet<String>>>,
    /// Keep each draft's text, claims and relations in [`CheckedArticle::content`].
    pub keep_drafts: bool,
}

/// What a report says before any article: written first by a streaming sink.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckHeader {
    pub schema_version: u32,
    pub rule_suite_hash: String,
    pub reference_snapshot: String,
    pub checked_at: String,
    pub rules: Vec<RuleInfo>,
    /// Rules that did not compile (they ran on no article).
    pub rule_errors: Vec<RuleError>,
}

/// Counts of a whole check, known once every article went through.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CheckTotals {
    pub articles: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings silenced by directives in the articles (not in the counts above).
    pub suppressed: usize,
    /// Findings the baseline accepts (not in the counts above).
    pub baselined: usize,
    /// Compile errors and per-article rule errors.
    pub rule_errors: usize,
    pub input_errors: usize,
}

impl CheckTotals {
    fn count(&mut self, article: &CheckedArticle) {
        self.articles += 1;
        self.rule_errors += article.rule_errors.len();
        self.suppressed += article.suppressed.len();
        self.baselined += article.baselined.len();
        for finding in &article.findings {
            match finding.finding.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }

    /// The totals of a whole report.
    pub fn of(report: &CheckReport) -> CheckTotals {
        let mut totals = CheckTotals {
            rule_errors: report.rule_errors.len(),
            input_errors: report.input_errors.len(),
            ..CheckTotals::default()
        };
        for article in &report.articles {
            totals.count(article);
        }
        totals
    }

    /// Findings at or above `severity`.
    pub fn at_least(&self, severity: Severity) -> usize {
        match severity {
            Severity::Error => self.errors,
            Severity::Warning => self.errors + self.warnings,
            Severity::Info => self.errors + self.warnings + self.infos,
        }
    }
}

/// Where a streaming check sends its results, in order: the header, then each checked
/// article or input error as it comes, then the totals. An output format implements it to
/// write as it goes, so memory does not grow with the number of articles.
pub trait CheckSink {
    fn begin(&mut self, header: &CheckHeader) -> std::io::Result<()>;
    fn article(&mut self, article: CheckedArticle) -> std::io::Result<()>;
    fn input_error(&mut self, message: String) -> std::io::Result<()>;
    fn finish(&mut self, totals: &CheckTotals) -> std::io::Result<()>;
    /// The check stopped after [`Self::begin`] (the store failed), instead of `finish`: a
    /// format that writes one document closes it, still valid, saying that it stopped and why;
    /// `totals` count what was reported so far. Nothing by default.
    fn abort(&mut self, _message: &str, _totals: &CheckTotals) -> std::io::Result<()> {
        Ok(())
    }
}

/// A check that fails after its report began: the sink is told (see [`CheckSink::abort`]),
/// then the error is returned. When writing the report is what failed, nothing more is written.
fn stopped(sink: &mut dyn CheckSink, totals: &CheckTotals, err: CheckError) -> CheckError {
    if !matches!(err, CheckError::Output(_)) {
        // The error being reported is the store's; the output's own failure would hide it.
        let _ = sink.abort(&err.to_string(), totals);
    }
    err
}

/// A sink that keeps everything: [`check`] returns what it collected.
struct Collect {
    report: Option<CheckReport>,
}

impl CheckSink for Collect {
    fn begin(&mut self, header: &CheckHeader) -> std::io::Result<()> {
        let header = header.clone();
        self.report = Some(CheckReport {
            schema_version: header.schema_version,
            rule_suite_hash: header.rule_suite_hash,
            reference_snapshot: header.reference_snapshot,
            checked_at: header.checked_at,
            rules: header.rules,
            articles: Vec::new(),
            rule_errors: header.rule_errors,
            input_errors: Vec::new(),
        });
        Ok(())
    }
    fn article(&mut self, article: CheckedArticle) -> std::io::Result<()> {
        if let Some(report) = &mut self.report {
            report.articles.push(article);
        }
        Ok(())
    }
    fn input_error(&mut self, message: String) -> std::io::Result<()> {
        if let Some(report) = &mut self.report {
            report.input_errors.push(message);
        }
        Ok(())
    }
    fn finish(&mut self, _: &CheckTotals) -> std::io::Result<()> {
        Ok(())
    }
}

/// Replays a whole report through a sink (how the writers print a report built in memory).
pub fn replay(report: &CheckReport, sink: &mut dyn CheckSink) -> std::io::Result<()> {
    sink.begin(&CheckHeader {
        schema_version: report.schema_version,
        rule_suite_hash: report.rule_suite_hash.clone(),
        reference_snapshot: report.reference_snapshot.clone(),
        checked_at: report.checked_at.clone(),
        rules: report.rules.clone(),
        rule_errors: report.rule_errors.clone(),
    })?;
    for error in &report.input_errors {
        sink.input_error(error.clone())?;
    }
    for article in &report.articles {
        sink.article(article.clone())?;
    }
    sink.finish(&CheckTotals::of(report))
}

/// Why a streaming check stopped early.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// The sink could not write (a closed pipe, a full disk).
    #[error("writing the report: {0}")]
    Output(#[from] std::io::Error),
    /// A worker was started with rules that do not compile: every draft would stay
    /// unchecked and each worker would check it again, so none starts.
    #[error(
        "{count} rule(s) do not compile ({first}); a --worker checks nothing until every rule compiles"
    )]
    SuiteDoesNotCompile { count: usize, first: String },
}

/// Articles loaded, checked and recorded together: large enough to keep every worker busy and
/// make one short write transaction per batch, small enough that memory stays flat.
const BATCH_ARTICLES: usize = 64;
/// A batch also ends once its texts reach this many bytes (long articles).
const BATCH_BYTES: usize = 8 << 20;

/// Adds/loads every target, runs the suite, stores the runs, and returns the report.
pub fn check(
    store: &mut Store,
    targets: &[Target],
    rules: &RuleSet,
    suite: &CompiledSuite,
    options: &CheckOptions,
) -> Result<CheckReport, crate::Error> {
    let mut collect = Collect { report: None };
    match check_stream(
        store,
        targets.iter().cloned(),
        rules,
        suite,
        options,
        &mut collect,
    ) {
        Ok(_) => {}
        Err(CheckError::Store(err)) => return Err(err.into()),
        Err(CheckError::Output(err)) => unreachable!("collecting cannot fail: {err}"),
        Err(err @ CheckError::SuiteDoesNotCompile { .. }) => {
            unreachable!("only a worker refuses a suite: {err}")
        }
    }
    Ok(collect.report.expect("check_stream begins the sink"))
}

/// [`check`] as a stream: targets are taken a batch at a time (loaded or added, evaluated in
/// parallel, their runs recorded in one transaction) and each checked article goes to `sink`
/// before the next batch is read. Returns the totals the sink was given.
pub fn check_stream(
    store: &mut Store,
    targets: impl IntoIterator<Item = Target>,
    rules: &RuleSet,
    suite: &CompiledSuite,
    options: &CheckOptions,
    sink: &mut dyn CheckSink,
) -> Result<CheckTotals, CheckError> {
    let session = Session::begin(rules, suite, options, sink)?;
    let batch = session.batch(suite, options);
    let mut totals = session.totals(suite);
    let mut drafts: Vec<PendingDraft> = Vec::new();
    let mut bytes = 0;
    for target in targets {
        match load_target(store, &target, &options.add) {
            Ok((source, draft)) => {
                bytes += draft.text.len();
                // `[[overrides]]` apply to a file by its path.
                let settings = match (&target, &options.add.config) {
                    (Target::File(Input::File(path)), Some(config)) => config.settings_for(path),
                    _ => FileSettings::default(),
                };
                let kind = match &target {
                    Target::File(Input::Stdin) => TargetKind::Stdin,
                    Target::Stored(_) => TargetKind::Stored,
                    Target::File(_) | Target::Invalid(_) => TargetKind::File,
                };
                drafts.push(((source, kind), draft, settings));
            }
            Err(message) => {
                totals.input_errors += 1;
                sink.input_error(message)?;
            }
        }
        if drafts.len() >= BATCH_ARTICLES || bytes >= BATCH_BYTES {
            let pending = std::mem::take(&mut drafts);
            if let Err(err) = batch.run(store, pending, &mut totals, sink) {
                return Err(stopped(sink, &totals, err));
            }
            bytes = 0;
        }
    }
    if let Err(err) = batch.run(store, drafts, &mut totals, sink) {
        return Err(stopped(sink, &totals, err));
    }
    sink.finish(&totals)?;
    Ok(totals)
}

/// What one check (a stream, or a worker's share of the queue) decides once and writes first.
struct Session {
    checked_at: String,
    reference_snapshot: String,
    /// The ids of the rules run, when [`CheckOptions::known_rules`] names none.
    run_rules: HashSet<String>,
}

impl Session {
    /// Fixes the check's time and snapshot and writes the report's header.
    fn begin(
        rules: &RuleSet,
        suite: &CompiledSuite,
        options: &CheckOptions,
        sink: &mut dyn CheckSink,
    ) -> Result<Session, CheckError> {
        let session = Session {
            checked_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            reference_snapshot: options
                .reference_snapshot
                .clone()
                .unwrap_or_else(|| "none".to_owned()),
            run_rules: match options.known_rules {
                Some(_) => HashSet::new(),
                None => rules.rules.iter().map(|rule| rule.id.clone()).collect(),
            },
        };
        sink.begin(&CheckHeader {
            schema_version: SCHEMA_VERSION,
            rule_suite_hash: suite.suite_hash.clone(),
            reference_snapshot: session.reference_snapshot.clone(),
            checked_at: session.checked_at.clone(),
            rules: rules.rules.iter().map(RuleInfo::from).collect(),
            rule_errors: suite.compile_errors.clone(),
        })?;
        Ok(session)
    }

    fn batch<'a>(&'a self, suite: &'a CompiledSuite, options: &'a CheckOptions) -> Batch<'a> {
        Batch {
            keep_drafts: options.keep_drafts,
            suite,
            checked_at: &self.checked_at,
            reference_snapshot: &self.reference_snapshot,
            triage: Triage {
                baseline: options.baseline.as_deref(),
                baseline_all: options.baseline_all,
                known_rules: Some(options.known_rules.as_deref().unwrap_or(&self.run_rules)),
            },
        }
    }

    /// The totals before any article: the suite's compile errors.
    fn totals(&self, suite: &CompiledSuite) -> CheckTotals {
        CheckTotals {
            rule_errors: suite.compile_errors.len(),
            ..CheckTotals::default()
        }
    }
}

/// A draft waiting for its batch: how its target was named and what it was (see
/// [`CheckedArticle::kind`]), the draft, and the settings for its file.
type PendingDraft = ((String, TargetKind), StoredDraft, FileSettings);

/// What every batch of one check shares.
struct Batch<'a> {
    keep_drafts: bool,
    suite: &'a CompiledSuite,
    checked_at: &'a str,
    reference_snapshot: &'a str,
    triage: Triage<'a>,
}

impl Batch<'_> {
    /// Evaluates, records and hands on one batch of drafts.
    fn run(
        &self,
        store: &mut Store,
        drafts: Vec<PendingDraft>,
        totals: &mut CheckTotals,
        sink: &mut dyn CheckSink,
    ) -> Result<(), CheckError> {
        if drafts.is_empty() {
            return Ok(());
        }
        // The drafts are moved into what the rules see (no copy of texts and claims); findings
        // are placed in the text from there afterwards.
        let mut sources = Vec::with_capacity(drafts.len());
        let mut file_settings = Vec::with_capacity(drafts.len());
        let mut suppressions = Vec::with_capacity(drafts.len());
        let articles: Vec<Arc<ArticleData>> = drafts
            .into_iter()
            .map(|(source, mut draft, settings)| {
                sources.push(source);
                file_settings.push(settings);
                suppressions.push(std::mem::take(&mut draft.suppressions));
                Arc::new(into_article_data(draft))
            })
            .collect();
        let mut outcomes = self.suite.evaluate_all(&articles);
        for (outcome, settings) in outcomes.iter_mut().zip(&file_settings) {
            settings.apply(&mut outcome.findings);
        }
        let runs: Vec<NewRun<'_>> = articles
            .iter()
            .zip(&outcomes)
            .map(|(article, outcome)| NewRun {
                article_id: &article.id,
                draft_number: article.draft,
                rule_suite_hash: &self.suite.suite_hash,
                reference_snapshot: self.reference_snapshot,
                checked_at: self.checked_at,
                findings: &outcome.findings,
                rule_error_count: outcome.rule_errors.len() + self.suite.compile_errors.len(),
            })
            .collect();
        let stored = store.record_runs(&runs)?;
        drop(runs);
        for (((((source, kind), article), outcome), stored), suppressions) in sources
            .into_iter()
            .zip(&articles)
            .zip(outcomes)
            .zip(stored)
            .zip(suppressions)
        {
            let mut checked = CheckedArticle {
                findings: outcome
                    .findings
                    .into_iter()
                    .zip(stored.first_seen)
                    .map(|(finding, first_seen)| reported_finding(article, finding, first_seen))
                    .collect(),
                rule_errors: outcome.rule_errors,
                content: self.keep_drafts.then(|| DraftContent(Arc::clone(article))),
                article: article.id.clone(),
                draft: article.draft,
                source,
                kind,
                suppressed: Vec::new(),
                baselined: Vec::new(),
                warnings: Vec::new(),
            };
            self.triage.sort(&mut checked, &suppressions);
            totals.count(&checked);
            sink.article(checked)?;
        }
        Ok(())
    }
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
        Target::Invalid(message) => Err(message.clone()),
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
    let (end_line, end_column) =
        crate::document::position(&draft.text, draft.source.as_ref(), finding.end);
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
        source: draft.source.clone(),
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
        source: draft.source,
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
