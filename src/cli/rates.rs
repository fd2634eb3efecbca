//! `claimlint rates import FILE` and `claimlint rates show FROM TO DATE`: add a user's rates to
//! the store, and print the rate (or a period's range) exactly as rules will see it.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use claimlint::model::ArticleDate;
use claimlint::reference::{self, Currency, RateBook, RatePeriod};
use claimlint::report;
use claimlint::store::{Store, StoreError};

use super::{Status, parse_date};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: RatesCommand,
}

#[derive(Debug, clap::Subcommand)]
enum RatesCommand {
    /// Add rates from a CSV file: the ECB layout (`Date,USD,JPY,…`) or `date,base,quote,rate`.
    Import(ImportArgs),
    /// Print the rate of FROM in TO on a day, or its min/max/mean over a month or a year.
    Show(ShowArgs),
}

#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// The CSV file, or `-` for stdin.
    #[arg(value_name = "FILE|-")]
    file: PathBuf,
    /// Name of the source the rates are stored under (`ECB` is reserved for the bundled data).
    #[arg(long, value_name = "NAME", default_value = "user")]
    source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
struct ShowArgs {
    /// Currency converted from (three letters, e.g. USD).
    #[arg(value_parser = parse_currency)]
    from: Currency,
    /// Currency converted to; the rate is units of TO per 1 FROM.
    #[arg(value_parser = parse_currency)]
    to: Currency,
    /// A day (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY).
    #[arg(value_name = "DATE", value_parser = parse_date)]
    date: ArticleDate,
    /// Use only this source (`ECB` or an imported name); default: imported sources, then ECB.
    #[arg(long, value_name = "NAME")]
    source: Option<String>,
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
}

fn parse_currency(value: &str) -> Result<Currency, String> {
    value.parse()
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<Status> {
    match args.command {
        RatesCommand::Import(args) => import(db, args),
        RatesCommand::Show(args) => show(db, args),
    }
}

fn import(db: &Path, args: ImportArgs) -> anyhow::Result<Status> {
    reference::validate_source_name(&args.source)?;
    let parsed = reference::read_rates_file(&args.file, &args.source)?;
    for error in &parsed.errors {
        eprintln!("error: {error}");
    }
    let mut store = Store::open(db)?;
    let bundled = store.ensure_bundled_rates()?;
    let imported = store.import_rates(&parsed.table)?;
    let mut out = std::io::stdout().lock();
    report::write_import_human(&mut out, bundled, &imported, parsed.errors.len())?;
    out.flush()?;
    if parsed.errors.is_empty() {
        return Ok(Status::Ok);
    }
    eprintln!(
        "error: {} line(s) of {} could not be imported; the other rows were",
        parsed.errors.len(),
        args.file.display()
    );
    Ok(Status::PartialFailure)
}

fn show(db: &Path, args: ShowArgs) -> anyhow::Result<Status> {
    let book = match Store::open_existing(db) {
        Ok(store) => store.rate_book()?,
        Err(StoreError::DatabaseMissing { .. }) => RateBook::bundled_only(),
        Err(other) => return Err(other.into()),
    };
    let book = match &args.source {
        None => book,
        Some(name) => book.only(name).with_context(|| {
            format!("no rate source `{name}`: use ECB or a name given to `rates import`")
        })?,
    };
    let period = RatePeriod::of(&args.date)
        .with_context(|| format!("`{}` is not a date claimlint can look up", args.date))?;
    let answer = book.lookup(args.from, args.to, &period)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Human => report::write_rate_answer_human(&mut out, &answer)?,
        Format::Json => report::write_rate_answer_json(&mut out, &answer)?,
    }
    out.flush()?;
    Ok(Status::Ok)
}
