//! `claimlint articles`: list the stored articles with their draft counts.

use std::io::Write;
use std::path::Path;

use claimlint::report;
use claimlint::store::Store;

use super::{ListFormat, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<Status> {
    let store = Store::open_existing(db)?;
    let articles = store.articles()?;
    let mut out = std::io::stdout().lock();
    match args.format {
        ListFormat::Table => report::write_articles_table(&mut out, &articles)?,
        ListFormat::Json => report::write_json_pretty(&mut out, &articles)?,
    }
    out.flush()?;
    Ok(Status::Ok)
}
