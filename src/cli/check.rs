//! `claimlint check`: run the rule suite over files (added as drafts first) and stored
//! articles; print findings as human diagnostics, JSON or SARIF; exit 0/1/2.

use std::io::{IsTerminal, Write};
use std::sync::Arc;

use anyhow::bail;
use claimlint::check::{CheckOptions, Target, check};
use claimlint::engine::{CompiledSuite, RateSource, Severity};
use claimlint::ingest::{AddOptions, MaxInputSize};
use claimlint::model::{ArticleDate, Country, LangChoice};
use claimlint::report;
use claimlint::store::{DraftRef, DraftSelector, Store};

use super::rules_args::{RuleArgs, load_rules};
use super::{Status, parse_country, parse_date, parse_lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Human,
    Json,
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files to add and check (`-` for stdin), or stored ARTICLE / ARTICLE@N.
    #[arg(value_name = "ARTICLE[@N]|FILE", required_unless_present = "all")]
    targets: Vec<String>,
    /// Check the latest draft of every stored article.
    #[arg(long, conflicts_with = "targets")]
    all: bool,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Exit 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value = "error")]
    fail_on: FailOn,
    #[command(flatten)]
    rules: RuleArgs,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Language of FILE targets: it, en, es or auto.
    #[arg(long, default_value = "auto", value_parser = parse_lang)]
    lang: LangChoice,
    /// Date of FILE targets; overrides their date header.
    #[arg(long, value_name = "YYYY-MM[-DD]", value_parser = parse_date)]
    date: Option<ArticleDate>,
    /// The publication's country (ISO code such as AU, MX): a bare `$` is its dollar or peso;
    /// overrides the `country:` header. Without either, `$` is USD.
    #[arg(long, value_name = "CC", value_parser = parse_country)]
    country: Option<Country>,
    /// Article id for a single FILE target (default: the file stem; required for `-`).
    #[arg(long)]
    id: Option<String>,
}

pub fn run(
    db: &std::path::Path,
    max_input_size: MaxInputSize,
    args: Args,
) -> anyhow::Result<Status> {
    let targets = args
        .targets
        .iter()
        .map(|arg| Target::parse(arg))
        .collect::<Result<Vec<_>, _>>()
        .map_err(anyhow::Error::msg)?;
    let files = targets
        .iter()
        .filter(|t| matches!(t, Target::File(_)))
        .count();
    if args.id.is_some() && files != 1 {
        bail!("--id names one article but {files} files were given");
    }
    let (config, rules) = load_rules(&args.rules)?;
    let mut store = if files > 0 {
        Store::open(db)?
    } else {
        Store::open_existing(db)?
    };
    let targets = if args.all {
        store
            .articles()?
            .into_iter()
            .map(|article| {
                Target::Stored(DraftRef {
                    article_id: article.article,
                    draft: DraftSelector::Latest,
                })
            })
            .collect()
    } else {
        targets
    };
    let mut settings = config.run_settings();
    settings.jobs = args.jobs.unwrap_or(0);
    let rates: Arc<dyn RateSource> = Arc::new(store.rate_book()?);
    let suite = CompiledSuite::compile(&rules, &settings, rates.clone());
    let options = CheckOptions {
        add: AddOptions {
            article_id: args.id,
            lang: args.lang,
            date: args.date,
            country: args.country,
            label: None,
            max_input_size,
        },
        reference_snapshot: rates.snapshot_id(),
    };
    let report = check(&mut store, &targets, &rules, &suite, &options)?;
    let mut stdout = std::io::stdout().lock();
    match args.format {
        Format::Human => {
            let color = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty());
            report::write_check_human(&mut stdout, &report, color)?
        }
        Format::Json => report::write_check_json(&mut stdout, &report)?,
        Format::Sarif => report::write_check_sarif(&mut stdout, &report)?,
    }
    stdout.flush()?;
    if args.format != Format::Human {
        for error in &report.input_errors {
            eprintln!("error: {error}");
        }
    }
    if report.rule_error_count() > 0 || !report.input_errors.is_empty() {
        return Ok(Status::PartialFailure);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let failing = threshold.is_some_and(|threshold| {
        report
            .findings()
            .any(|finding| finding.finding.severity >= threshold)
    });
    Ok(if failing {
        Status::Findings
    } else {
        Status::Ok
    })
}
