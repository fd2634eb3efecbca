//! `claimlint drafts ARTICLE`: list the drafts of one article.

use std::io::Write;
use std::path::Path;

use claimlint::report;
use claimlint::store::Store;

use super::{ListFormat, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article id.
    #[arg(value_name = "ARTICLE")]
    article: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<Status> {
    let store = Store::open_existing(db)?;
    let drafts = store.drafts(&args.article)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        ListFormat::Table => report::write_drafts_table(&mut out, &drafts)?,
        ListFormat::Json => report::write_json_pretty(&mut out, &drafts)?,
    }
    out.flush()?;
    Ok(Status::Ok)
}
