//! `claimlint drafts ARTICLE`: list the drafts of one article, with the error and warning
//! counts of each draft's latest check.

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
    let mut checks = store.latest_check_counts(&args.article)?;
    let drafts: Vec<report::DraftRow> = store
        .drafts(&args.article)?
        .into_iter()
        .map(|draft| {
            let check = checks.remove(&draft.number);
            report::DraftRow::new(draft, check)
        })
        .collect();
    let mut out = std::io::stdout().lock();
    match args.format {
        ListFormat::Table => report::write_drafts_table(&mut out, &drafts)?,
        ListFormat::Json => report::write_json_pretty(&mut out, &drafts)?,
    }
    out.flush()?;
    Ok(Status::Ok)
}
