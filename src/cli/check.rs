//! `claimlint check`: run the rule suite over files (added as drafts first) and stored
//! articles; print findings as human diagnostics, JSON, SARIF or an HTML page as each batch
//! is checked; exit 0/1/2.

use std::io::{BufWriter, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::bail;
use claimlint::check::{
    Baseline, BaselineRecorder, CheckError, CheckHeader, CheckOptions, CheckSink, CheckTotals,
    CheckedArticle, Target, WorkerOptions, check_stream, check_worker,
};
use claimlint::config::ConfigError;
use claimlint::engine::{CompiledSuite, LoadError, RateSource, Severity};
use claimlint::ingest::{AddOptions, CheckArg, Input, expand_check_args};
use claimlint::model::{ArticleDate, Country, LangChoice};
use claimlint::project::folders_of;
use claimlint::report::{
    self, HtmlCheckWriter, HumanCheckWriter, JsonCheckWriter, LineCheckWriter, LineStyle,
    SarifCheckWriter, Statistics,
};
use claimlint::store::{IN_MEMORY, LatestDrafts, Store, StoreError};
use indicatif::{ProgressBar, ProgressStyle};

use super::color::ColorArgs;
use super::rules_args::{RuleArgs, every_rule_id, load_rules};
use super::{Status, parse_country, parse_date, parse_lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Compiler-style diagnostics.
    Human,
    /// One JSON document (README, "check --format json").
    Json,
    /// SARIF 2.1.0 for CI systems.
    Sarif,
    /// One self-contained page: the text with claims and findings marked.
    Html,
    /// One line per finding: `path:line:col: severity[rule] message`, then the summary.
    Concise,
    /// GitHub Actions workflow commands (`::warning file=…,line=…::message`): annotations.
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, folders (recursively, skipping hidden and .gitignored files), globs
    /// ('site/**/*.md') to add and check (`-` for stdin), or stored ARTICLE / ARTICLE@N.
    #[arg(
        value_name = "ARTICLE[@N]|FILE|DIR|GLOB",
        required_unless_present = "all"
    )]
    targets: Vec<String>,
    /// Check the latest draft of every stored article.
    #[arg(long, conflicts_with_all = ["targets", "no_store"])]
    all: bool,
    /// Check the files in a database in memory: no database file is read or written (for
    /// pre-commit hooks and CI). Every target is then a file; `first_seen` is this run.
    #[arg(long)]
    no_store: bool,
    /// With --all: only drafts not yet checked (without rule errors) by this rule suite and
    /// reference data, so a nightly run costs only what changed.
    #[arg(long)]
    changed: bool,
    /// With --all: only drafts added on or after this day (UTC) or RFC 3339 time.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_since)]
    since: Option<String>,
    /// With --all, on PostgreSQL: check this process's share of the drafts not yet checked by
    /// this rule suite (as --changed), taken from a queue that any number of workers on any
    /// number of machines share, each draft checked once (README: "Checking with many
    /// workers").
    #[arg(long, requires = "all", conflicts_with = "write_baseline")]
    worker: bool,
    /// Output format; `html` writes one self-contained page with one section per article
    /// (README, "HTML pages"): `--format html > report.html`.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Exit 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
    /// Report the findings recorded in this baseline file as baselined, not as findings
    /// (they are counted, but do not fail the check).
    /// Default: `baseline` in claimlint.toml.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Read no baseline, not even the one claimlint.toml names: report every finding.
    #[arg(long, conflicts_with = "baseline")]
    no_baseline: bool,
    /// Record this run's findings (those no directive suppresses) in this baseline file, in
    /// place of what it held for the articles checked; they are reported as baselined.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    #[command(flatten)]
    rules: RuleArgs,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Language of FILE targets: it, en, es or auto (default: a claimlint.toml override's,
    /// else auto).
    #[arg(long, value_parser = parse_lang)]
    lang: Option<LangChoice>,
    /// Date of FILE targets; overrides their date header.
    #[arg(long, value_name = "YYYY-MM[-DD]", value_parser = parse_date)]
    date: Option<ArticleDate>,
    /// The publication's country (ISO code such as AU, MX): a bare `$` is its dollar or peso;
    /// overrides the `country:` header. Without either, `$` is USD.
    #[arg(long, value_name = "CC", value_parser = parse_country)]
    country: Option<Country>,
    /// Article id for a single FILE target (default: front matter `id:`, else the path from
    /// the project root without extension, else the file stem; required for `-`).
    #[arg(long)]
    id: Option<String>,
    /// Add a FILE target even if its title differs from the one its article is stored with.
    #[arg(long)]
    allow_retitle: bool,
    /// Name every file found in the folders and globs that was not checked (not an article
    /// format).
    #[arg(short, long)]
    verbose: bool,
    /// After the report, count the findings per rule and severity (on stderr for json,
    /// sarif and html, whose stdout is one document).
    #[arg(long)]
    statistics: bool,
    /// Print no findings and no summary: only errors (on stderr). The exit code is unchanged.
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,
    #[command(flatten)]
    color: ColorArgs,
}

pub fn run(
    db: &Path,
    config_file: Option<&Path>,
    reading: super::Reading,
    max_db_pages: Option<u32>,
    args: Args,
) -> anyhow::Result<Status> {
    let sarif = args.format == Format::Sarif && !args.quiet;
    let mut report_started = false;
    let result = check(
        db,
        config_file,
        reading,
        max_db_pages,
        args,
        &mut report_started,
    );
    match result {
        // An error before the report began (rules that do not load, a bad claimlint.toml or
        // baseline): SARIF still gets one complete log saying so; stderr and the exit code
        // are as for every other format.
        Err(err) if sarif && !report_started => {
            let location = error_location(&err);
            let mut stdout = std::io::stdout().lock();
            report::write_failed_sarif(&mut stdout, &format!("{err:#}"), location.as_ref())?;
            Err(err)
        }
        other => other,
    }
}

/// The file (and line) a fatal error names, for the SARIF notification.
fn error_location(err: &anyhow::Error) -> Option<report::ErrorLocation> {
    if let Some(load) = err.downcast_ref::<LoadError>() {
        let (file, line) = load.location()?;
        return Some(report::ErrorLocation { file, line });
    }
    let config = err.downcast_ref::<ConfigError>()?;
    Some(report::ErrorLocation {
        file: config.path().display().to_string(),
        line: None,
    })
}

fn check(
    db: &Path,
    config_file: Option<&Path>,
    reading: super::Reading,
    max_db_pages: Option<u32>,
    args: Args,
    report_started: &mut bool,
) -> anyhow::Result<Status> {
    let db = if args.no_store {
        Path::new(IN_MEMORY)
    } else {
        db
    };
    if (args.changed || args.since.is_some()) && !args.all {
        bail!("--changed and --since choose among stored drafts: use them with --all");
    }
    if args.worker && !claimlint::store::pg::is_postgres_url(db) {
        return Err(StoreError::WorkerNeedsPostgres.into());
    }
    // An existing database is opened first: a path-looking argument naming no file may be a
    // stored article whose id is a path.
    // A PostgreSQL server "exists" once claimlint has created its schema there.
    let existing = if db == Path::new(IN_MEMORY) || db.exists() {
        Some(Store::open_existing(db)?)
    } else if claimlint::store::pg::is_postgres_url(db) {
        match Store::open_existing(db) {
            Ok(store) => Some(store),
            Err(StoreError::DatabaseMissing { .. }) => None,
            Err(err) => return Err(err.into()),
        }
    } else {
        None
    };
    let (check_args, unsupported) = expand_check_args(&args.targets, args.no_store, |id| {
        existing
            .as_ref()
            .is_some_and(|store| store.drafts(id).is_ok())
    })
    .map_err(anyhow::Error::msg)?;
    let files = check_args
        .iter()
        .filter(|arg| matches!(arg, CheckArg::Input(Ok(_))))
        .count();
    if args.id.is_some() && files != 1 {
        bail!("--id names one article but {files} files were given");
    }
    let folders = folders_of(check_args.iter().filter_map(|arg| match arg {
        CheckArg::Input(Ok(Input::File(path))) => Some(path.as_path()),
        _ => None,
    }));
    let (config, rules) = load_rules(&args.rules, config_file, &folders)?;
    // A baseline that cannot be read stops the run before any file is added; the one
    // claimlint.toml names may not exist yet when this run writes it.
    let baseline = match (&args.baseline, &config.baseline) {
        _ if args.no_baseline => None,
        (Some(path), _) => Some(Baseline::read(path)?),
        (None, Some(path)) if args.write_baseline.is_none() || path.exists() => {
            Some(Baseline::read(path)?)
        }
        (None, _) => None,
    };
    let known_rules = every_rule_id(&args.rules, &config)?.into_iter().collect();
    let mut store = match existing {
        Some(store) => store,
        None if files > 0 => Store::open(db)?,
        // Nothing to read and nothing stored named: the errors need no database file.
        None if !args.all
            && check_args
                .iter()
                .all(|arg| matches!(arg, CheckArg::Input(_))) =>
        {
            Store::open_in_memory()?
        }
        None => Store::open_existing(db)?,
    };
    super::cap_store(&store, max_db_pages)?;
    let mut settings = config.run_settings();
    settings.jobs = args.jobs.unwrap_or(0);
    let rates: Arc<dyn RateSource> = Arc::new(store.rate_book()?);
    let suite = CompiledSuite::compile(&rules, &settings, rates.clone());
    let options = CheckOptions {
        add: AddOptions {
            article_id: args.id,
            allow_retitle: args.allow_retitle,
            config: Some(Arc::new(config)),
            lang: args.lang.unwrap_or_default(),
            date: args.date,
            country: args.country,
            label: None,
            max_input_size: reading.max_input_size,
            input_format: reading.format,
        },
        reference_snapshot: rates.snapshot_id(),
        baseline: baseline.clone().map(Arc::new),
        baseline_all: args.write_baseline.is_some(),
        known_rules: Some(Arc::new(known_rules)),
        keep_drafts: args.format == Format::Html,
    };
    let targets: Vec<Target> = check_args
        .into_iter()
        .map(|arg| match arg {
            CheckArg::Input(Ok(input)) => Target::File(input),
            CheckArg::Input(Err(error)) => Target::Invalid(error.to_string()),
            CheckArg::Stored(draft) => Target::Stored(draft),
        })
        .collect();
    let targets = if args.all && !args.worker {
        let snapshot = options.reference_snapshot.as_deref().unwrap_or("none");
        store
            .latest_drafts(LatestDrafts {
                added_since: args.since.as_deref(),
                unchecked_with: args
                    .changed
                    .then_some((suite.suite_hash.as_str(), snapshot)),
            })?
            .into_iter()
            .map(Target::Stored)
            .collect()
    } else {
        targets
    };
    let progress = if std::io::stderr().is_terminal() && targets.len() > 1 {
        ProgressBar::new(targets.len() as u64).with_style(ProgressStyle::with_template(
            "{bar:40} {pos}/{len} {wide_msg}",
        )?)
    } else {
        ProgressBar::hidden()
    };
    *report_started = true;
    let stdout = || BufWriter::new(std::io::stdout().lock());
    let unsupported_names: Vec<String> = unsupported
        .iter()
        .map(|path| path.display().to_string())
        .collect();
    let mut writer: Box<dyn CheckSink> = match args.format {
        _ if args.quiet => Box::new(QuietSink),
        Format::Human => {
            let (stdout, color) = args.color.stdout();
            Box::new(HumanCheckWriter::new(stdout, color))
        }
        Format::Concise => {
            let (stdout, color) = args.color.stdout();
            Box::new(LineCheckWriter::new(stdout, LineStyle::Concise, color))
        }
        Format::Github => Box::new(LineCheckWriter::new(stdout(), LineStyle::Github, false)),
        Format::Json => {
            Box::new(JsonCheckWriter::new(stdout()).with_unsupported(unsupported_names))
        }
        Format::Sarif => {
            let writer = SarifCheckWriter::new(stdout()).with_unsupported(&unsupported_names);
            // File targets are named from here: their URIs are relative to it.
            match std::env::current_dir() {
                Ok(root) => Box::new(writer.with_source_root(root)),
                Err(_) => Box::new(writer),
            }
        }
        Format::Html => {
            Box::new(HtmlCheckWriter::new(stdout()).with_unsupported(unsupported_names))
        }
    };
    let mut sink = Progress {
        inner: writer.as_mut(),
        bar: &progress,
        errors_to_stderr: args.format != Format::Human || args.quiet,
        statistics: args.statistics.then(Statistics::default),
        recorder: args
            .write_baseline
            .as_ref()
            .map(|_| BaselineRecorder::new(baseline)),
    };
    let totals = if args.worker {
        let queue = WorkerOptions {
            added_since: args.since.as_deref(),
            claim_size: WORKER_CLAIM_SIZE,
        };
        let worker = check_worker(&mut store, &rules, &suite, &options, queue, &mut sink)
            .map_err(check_failure)?;
        if !args.quiet {
            progress.suspend(|| report::write_worker_summary(&mut std::io::stderr(), &worker))?;
        }
        worker.check
    } else {
        check_stream(&mut store, targets, &rules, &suite, &options, &mut sink)
            .map_err(check_failure)?
    };
    progress.finish_and_clear();
    let recorder = sink.recorder.take();
    let statistics = sink.statistics.take();
    drop(writer);
    if let Some(statistics) = statistics.filter(|_| !args.quiet) {
        if matches!(
            args.format,
            Format::Human | Format::Concise | Format::Github
        ) {
            statistics.write(&mut std::io::stdout().lock())?;
        } else {
            statistics.write(&mut std::io::stderr().lock())?;
        }
    }
    if let (Some(path), Some(recorder)) = (&args.write_baseline, recorder) {
        let written = recorder.finish();
        written.write(path)?;
        let count = written.len();
        let noun = if count == 1 { "finding" } else { "findings" };
        eprintln!("wrote baseline {}: {count} {noun}", path.display());
    }
    if args.format == Format::Human && !args.quiet {
        let mut stdout = std::io::stdout().lock();
        report::write_unsupported_human(&mut stdout, &unsupported, "checked", args.verbose)?;
    }
    if totals.rule_errors > 0 || totals.input_errors > 0 {
        return Ok(Status::PartialFailure);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|threshold| totals.at_least(threshold) > 0);
    Ok(if failing {
        Status::Findings
    } else {
        Status::Ok
    })
}

/// Drafts a worker locks per claim: a batch small enough to spread an archive evenly over the
/// workers and to hold few locks, large enough that each commit carries several runs.
const WORKER_CLAIM_SIZE: usize = 16;

fn check_failure(err: CheckError) -> anyhow::Error {
    match err {
        CheckError::Store(err) => err.into(),
        CheckError::Output(err) => err.into(),
        err @ CheckError::SuiteDoesNotCompile { .. } => err.into(),
    }
}

/// `--since`: a day (`YYYY-MM-DD`) or an RFC 3339 time, kept as the text drafts are compared
/// with (their `added_at` is RFC 3339 UTC).
fn parse_since(value: &str) -> Result<String, String> {
    if let Ok(day) = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        return Ok(day.format("%Y-%m-%d").to_string());
    }
    chrono::DateTime::parse_from_rfc3339(value)
        .map(|time| {
            time.with_timezone(&chrono::Utc)
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        })
        .map_err(|_| format!("`{value}` is not a day (YYYY-MM-DD) or an RFC 3339 time"))
}

/// Passes results on to the output format, moves the progress bar, and (for JSON and SARIF,
/// whose stdout is a document) also prints input errors on stderr as they happen.
struct Progress<'a> {
    inner: &'a mut dyn CheckSink,
    bar: &'a ProgressBar,
    errors_to_stderr: bool,
    /// With `--write-baseline`: what the baseline will hold.
    recorder: Option<BaselineRecorder>,
    /// With `--statistics`: the counts per rule and severity.
    statistics: Option<Statistics>,
}

impl CheckSink for Progress<'_> {
    fn begin(&mut self, header: &CheckHeader) -> std::io::Result<()> {
        self.inner.begin(header)
    }
    fn article(&mut self, article: CheckedArticle) -> std::io::Result<()> {
        self.bar.set_message(article.source.clone());
        self.bar.inc(1);
        for warning in &article.warnings {
            self.bar.suspend(|| eprintln!("warning: {warning}"));
        }
        if let Some(recorder) = &mut self.recorder {
            recorder.record(&article);
        }
        if let Some(statistics) = &mut self.statistics {
            statistics.record(&article);
        }
        self.bar.suspend(|| self.inner.article(article))
    }
    fn input_error(&mut self, message: String) -> std::io::Result<()> {
        self.bar.inc(1);
        if self.errors_to_stderr {
            self.bar.suspend(|| eprintln!("error: {message}"));
        }
        self.bar.suspend(|| self.inner.input_error(message))
    }
    fn finish(&mut self, totals: &CheckTotals) -> std::io::Result<()> {
        self.bar.suspend(|| self.inner.finish(totals))
    }
    fn abort(&mut self, message: &str, totals: &CheckTotals) -> std::io::Result<()> {
        self.bar.suspend(|| self.inner.abort(message, totals))
    }
}

/// `-q`: no report on stdout; rule errors go to stderr (input errors already do, through
/// [`Progress`]), so a quiet run still says what broke.
struct QuietSink;

impl CheckSink for QuietSink {
    fn begin(&mut self, header: &CheckHeader) -> std::io::Result<()> {
        for error in &header.rule_errors {
            eprintln!("error: {error}");
        }
        Ok(())
    }
    fn article(&mut self, article: CheckedArticle) -> std::io::Result<()> {
        for error in &article.rule_errors {
            eprintln!("error: {error}");
        }
        Ok(())
    }
    fn input_error(&mut self, _message: String) -> std::io::Result<()> {
        Ok(())
    }
    fn finish(&mut self, _totals: &CheckTotals) -> std::io::Result<()> {
        Ok(())
    }
}
