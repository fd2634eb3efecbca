//! `claimlint claims ARTICLE[@N]`: the claims of a stored draft (the latest by default).

use std::io::{BufWriter, Write};
use std::path::Path;

use claimlint::model::ClaimKind;
use claimlint::report;
use claimlint::store::{DraftRef, Store};

use super::Status;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article id, optionally with a draft number: `ARTICLE@2`.
    #[arg(value_name = "ARTICLE[@N]")]
    draft: DraftRef,
    /// Only claims of this kind (money, percent, count, quantity, number, date, duration, ordinal).
    #[arg(long)]
    kind: Option<ClaimKind>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<Status> {
    let store = Store::open_existing(db)?;
    let found = store.claims(&args.draft.article_id, args.draft.draft, args.kind)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Table => {
            writeln!(out, "{} draft {}\n", found.article, found.draft.number)?;
            report::write_claims_table(&mut out, &found.claims)?;
            writeln!(out)?;
            report::write_relations_table(&mut out, &found.relations)?;
        }
        Format::Csv => report::write_claims_csv(&mut out, &found.claims)?,
        Format::Json => report::write_json_pretty(
            &mut out,
            &report::ClaimsJson {
                article: &found.article,
                draft: &found.draft,
                kind: args.kind.map(ClaimKind::as_str),
                claims: &found.claims,
                relations: &found.relations,
            },
        )?,
    }
    out.flush()?;
    Ok(Status::Ok)
}
