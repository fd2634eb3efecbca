//! `claimlint diff`: compare two drafts of one article (the last two, two stored drafts, or two
//! files added as drafts) and print claim changes, stale derived figures and the findings delta
//! as human text, JSON, Markdown or an HTML page. Exit 0 whatever changed; 2 on bad arguments.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Arc;

use anyhow::bail;
use claimlint::diff::{DiffTargets, diff_drafts, findings, load_pair};
use claimlint::engine::{CompiledSuite, RateSource, suite_hash};
use claimlint::ingest::AddOptions;
use claimlint::model::{ArticleDate, Country, LangChoice};
use claimlint::project::folder_of;
use claimlint::report;
use claimlint::store::{Store, StoreError};

use super::color::ColorArgs;
use super::rules_args::{RuleArgs, load_rules};
use super::{Status, parse_country, parse_date, parse_lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Text for a terminal.
    Human,
    /// One JSON document (README, "diff --format json").
    Json,
    /// For a pull request or a ticket.
    Markdown,
    /// One self-contained page: both drafts with their figures marked.
    Html,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// ARTICLE (its last two drafts), ARTICLE@N ARTICLE@M, or FILE_A FILE_B.
    #[arg(value_name = "ARTICLE[@N]|FILE", required = true, num_args = 1..)]
    targets: Vec<String>,
    /// Output format; `html` writes one self-contained page (README, "HTML pages"):
    /// `--format html > diff.html`.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Article id for FILE_A FILE_B (default: FILE_B's own id: its path from the project
    /// root without extension, or its stem outside a project).
    #[arg(long)]
    id: Option<String>,
    /// Language of the files: it, en, es or auto.
    #[arg(long, default_value = "auto", value_parser = parse_lang)]
    lang: LangChoice,
    /// Date of the files; overrides their date header.
    #[arg(long, value_name = "YYYY-MM[-DD]", value_parser = parse_date)]
    date: Option<ArticleDate>,
    /// The publication's country (ISO code such as AU, MX): a bare `$` is its dollar or peso;
    /// overrides the `country:` header. Without either, `$` is USD.
    #[arg(long, value_name = "CC", value_parser = parse_country)]
    country: Option<Country>,
    /// Compare claims only; do not run the rules for the findings delta.
    #[arg(long, conflicts_with_all = ["rule_dirs", "no_default_rules", "select", "ignore"])]
    no_findings: bool,
    #[command(flatten)]
    rules: RuleArgs,
    #[command(flatten)]
    color: ColorArgs,
}

pub fn run(
    db: &Path,
    config_file: Option<&Path>,
    reading: super::Reading,
    args: Args,
) -> anyhow::Result<Status> {
    let targets = DiffTargets::parse(&args.targets)?;
    let folders = match &targets {
        DiffTargets::Files(first, second) => vec![folder_of(first), folder_of(second)],
        _ => Vec::new(),
    };
    // Two files compared are drafts of one article by definition: they share the id `add`
    // gives FILE_B (see `diff::target`), and a changed title is no reason to refuse them.
    let article_id = args.id.clone();
    if args.id.is_some() && !targets.is_files() {
        bail!("--id names the article of FILE_A FILE_B; stored drafts already have one");
    }
    let mut store = if targets.is_files() {
        Store::open(db)?
    } else {
        Store::open_existing(db)?
    };
    let add = AddOptions {
        article_id,
        allow_retitle: true,
        config: None,
        lang: args.lang,
        date: args.date,
        country: args.country,
        label: None,
        max_input_size: reading.max_input_size,
        input_format: reading.format,
    };
    let (older, newer) = load_pair(&mut store, &targets, &add)?;
    let mut diff = diff_drafts(&newer.article, (&older).into(), (&newer).into());
    if !args.no_findings {
        let (config, rules) = load_rules(&args.rules, config_file, &folders)?;
        let settings = config.run_settings();
        let hash = suite_hash(&rules, &settings);
        let compile = || -> Result<CompiledSuite, StoreError> {
            let rates: Arc<dyn RateSource> = Arc::new(store.rate_book()?);
            Ok(CompiledSuite::compile(&rules, &settings, rates))
        };
        let [before, after] = findings::gather_findings(&store, &hash, compile, [&older, &newer])?;
        let delta = findings::findings_delta(&diff.claims, &before, &after);
        diff = diff.with_findings(delta);
    }
    let out = &mut BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Human => {
            let (mut out, color) = args.color.stdout();
            report::write_diff_human(&mut out, &diff, color)?;
            out.flush()?;
        }
        Format::Json => report::write_diff_json(out, &diff)?,
        Format::Markdown => report::write_diff_markdown(out, &diff)?,
        Format::Html => report::write_diff_html(out, &diff, (&older).into(), (&newer).into())?,
    }
    out.flush()?;
    Ok(Status::Ok)
}
