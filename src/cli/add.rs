//! `claimlint add`: store a new draft of each input (files, directories, `-`), written in
//! groups (one transaction per group, each draft all-or-nothing); a bad input is reported and
//! the batch goes on (exit 2 at the end). A line is printed only once its group is committed.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::bail;
use claimlint::ingest::{
    AddOptions, Expanded, GroupLimits, GroupedAdd, Input, ItemOutcome, expand_inputs,
};
use claimlint::model::{ArticleDate, Country, LangChoice};
use claimlint::project::folders_of;
use claimlint::report;
use claimlint::store::Store;
use indicatif::{ProgressBar, ProgressStyle};

use super::rules_args::find_config;
use super::{Status, parse_country, parse_date, parse_lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article files, folders (their article files, recursively, skipping hidden and
    /// .gitignored ones), globs ('site/**/*.md') or `-` for stdin.
    #[arg(required = true, value_name = "FILE|DIR|GLOB|-")]
    inputs: Vec<PathBuf>,
    /// Article id (default: front matter `id:`, else the path from the project root without
    /// extension, else the file stem); only with a single input; required for `-`.
    #[arg(long)]
    id: Option<String>,
    /// Store the draft even if its title differs from the one its article is stored with.
    #[arg(long)]
    allow_retitle: bool,
    /// Language of the text: it, en, es or auto (default: a claimlint.toml override's, else auto).
    #[arg(long, value_parser = parse_lang)]
    lang: Option<LangChoice>,
    /// Article date; overrides the date header of every input.
    #[arg(long, value_name = "YYYY-MM[-DD]", value_parser = parse_date)]
    date: Option<ArticleDate>,
    /// The publication's country (ISO code such as AU, MX): a bare `$` is its dollar or peso;
    /// overrides the `country:` header. Without either, `$` is USD.
    #[arg(long, value_name = "CC", value_parser = parse_country)]
    country: Option<Country>,
    /// A note stored with each new draft ("after legal review" …).
    #[arg(long, value_name = "TEXT")]
    label: Option<String>,
    /// Output format: one line per input either way.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Threads reading and extracting files (default: one per core); one thread writes.
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    /// Name every file that was found but not added (not an article format).
    #[arg(short, long)]
    verbose: bool,
}

pub fn run(
    db: &Path,
    config_file: Option<&Path>,
    reading: super::Reading,
    max_db_pages: Option<u32>,
    args: Args,
) -> anyhow::Result<Status> {
    let Expanded {
        inputs,
        unsupported,
        ..
    } = expand_inputs(&args.inputs);
    if args.id.is_some() && inputs.len() > 1 {
        bail!(
            "--id names one article but {} inputs were given; drop --id to use each file's own id",
            inputs.len()
        );
    }
    if args.id.is_none() && inputs.iter().any(|i| matches!(i, Ok(Input::Stdin))) {
        bail!("reading from stdin (`-`) needs --id ARTICLE to name the article");
    }
    let folders = folders_of(inputs.iter().filter_map(|input| match input {
        Ok(Input::File(path)) => Some(path.as_path()),
        _ => None,
    }));
    let config = find_config(config_file, &folders)?;
    let mut store = Store::open(db)?;
    super::cap_store(&store, max_db_pages)?;
    let options = AddOptions {
        article_id: args.id,
        allow_retitle: args.allow_retitle,
        config: Some(Arc::new(config)),
        lang: args.lang.unwrap_or_default(),
        date: args.date,
        country: args.country,
        label: args.label,
        max_input_size: reading.max_input_size,
        input_format: reading.format,
    };
    let progress = if std::io::stderr().is_terminal() && inputs.len() > 1 {
        ProgressBar::new(inputs.len() as u64).with_style(ProgressStyle::with_template(
            "{bar:40} {pos}/{len} {wide_msg}",
        )?)
    } else {
        ProgressBar::hidden()
    };
    // Lines are buffered and flushed once per committed group, not written one by one.
    let mut stdout = BufWriter::new(std::io::stdout().lock());
    let mut failed = 0;
    let mut report_group = |outcomes: Vec<ItemOutcome>| -> anyhow::Result<()> {
        if outcomes.is_empty() {
            return Ok(());
        }
        progress.suspend(|| -> anyhow::Result<()> {
            for outcome in &outcomes {
                match (outcome, args.format) {
                    (Ok(added), Format::Human) => {
                        report::write_add_human(&mut stdout, &added.draft)?
                    }
                    (Ok(added), Format::Json) => {
                        report::write_add_json(&mut stdout, &added.source_name, &added.draft)?
                    }
                    (Err(error), format) => {
                        failed += 1;
                        eprintln!("error: {error}");
                        if format == Format::Json {
                            report::write_add_error_json(&mut stdout, error)?;
                        }
                    }
                }
            }
            Ok(stdout.flush()?)
        })?;
        progress.inc(outcomes.len() as u64);
        Ok(())
    };
    let mut grouped = GroupedAdd::new(&mut store, &options, GroupLimits::default());
    grouped.push_all(inputs, args.jobs.unwrap_or(0), &mut report_group)?;
    report_group(grouped.finish())?;
    progress.finish_and_clear();
    match args.format {
        Format::Human => {
            report::write_unsupported_human(&mut stdout, &unsupported, "added", args.verbose)?
        }
        Format::Json => {
            for path in &unsupported {
                report::write_add_unsupported_json(&mut stdout, path)?;
            }
        }
    }
    stdout.flush()?;
    Ok(if failed > 0 {
        eprintln!("error: {failed} input(s) could not be added; the others were");
        Status::PartialFailure
    } else {
        Status::Ok
    })
}
