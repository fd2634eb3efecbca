//! `claimlint add`: store a new draft of each input (files, directories, `-`), written in
//! groups (one transaction per group, each draft all-or-nothing); a bad input is reported and
//! the batch goes on (exit 2 at the end). A line is printed only once its group is committed.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::bail;
use claimlint::ingest::{
    AddOptions, GroupLimits, GroupedAdd, Input, ItemOutcome, MaxInputSize, expand_inputs,
};
use claimlint::model::{ArticleDate, Country, LangChoice};
use claimlint::report;
use claimlint::store::Store;
use indicatif::{ProgressBar, ProgressStyle};

use super::{Status, parse_country, parse_date, parse_lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article files, directories (their .txt and .md files, not recursive) or `-` for stdin.
    #[arg(required = true, value_name = "FILE|DIR|-")]
    inputs: Vec<PathBuf>,
    /// Article id (default: the file stem); only with a single input; required for `-`.
    #[arg(long)]
    id: Option<String>,
    /// Language of the text: it, en, es or auto.
    #[arg(long, default_value = "auto", value_parser = parse_lang)]
    lang: LangChoice,
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
}

pub fn run(
    db: &std::path::Path,
    max_input_size: MaxInputSize,
    max_db_pages: Option<u32>,
    args: Args,
) -> anyhow::Result<Status> {
    let inputs = expand_inputs(&args.inputs);
    if args.id.is_some() && inputs.len() > 1 {
        bail!(
            "--id names one article but {} inputs were given; drop --id to use each file's stem",
            inputs.len()
        );
    }
    if args.id.is_none() && inputs.iter().any(|i| matches!(i, Ok(Input::Stdin))) {
        bail!("reading from stdin (`-`) needs --id ARTICLE to name the article");
    }
    let mut store = Store::open(db)?;
    super::cap_store(&store, max_db_pages)?;
    let options = AddOptions {
        article_id: args.id,
        lang: args.lang,
        date: args.date,
        country: args.country,
        label: args.label,
        max_input_size,
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
    Ok(if failed > 0 {
        eprintln!("error: {failed} input(s) could not be added; the others were");
        Status::PartialFailure
    } else {
        Status::Ok
    })
}
