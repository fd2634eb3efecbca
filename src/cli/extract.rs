//! `claimlint extract`: print the claims and relations of one text, storing nothing; or, with
//! `--jsonl`, answer a stream of JSON requests line by line (see `claimlint::jsonl`).

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use claimlint::document::Document;
use claimlint::extract::{Options, extract, extract_each};
use claimlint::ingest::Input;
use claimlint::model::{ArticleDate, Country, LangChoice};
use claimlint::{jsonl, report};

use super::{Status, parse_country, parse_date, parse_lang};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Table,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article file, or `-` for standard input (the default).
    #[arg(value_name = "FILE|-")]
    file: Option<PathBuf>,
    /// Language of the text: it, en, es or auto.(detected from function words).
    #[arg(long, default_value = "auto", value_parser = parse_lang)]
    lang: LangChoice,
    /// Article date for relative dates; overrides the text's date header.
    #[arg(long, value_name = "YYYY-MM[-DD]", value_parser = parse_date)]
    date: Option<ArticleDate>,
    /// The publication's country (ISO code such as AU, MX): a bare `$` is its dollar or peso;
    /// overrides the `country:` header. Without either, `$` is USD.
    #[arg(long, value_name = "CC", value_parser = parse_country)]
    country: Option<Country>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Read JSON lines {"id", "text", "lang"?, "date"?} from stdin and answer one line each.
    #[arg(long, conflicts_with_all = ["file", "format"])]
    jsonl: bool,
}

pub fn run(reading: super::Reading, args: Args) -> anyhow::Result<Status> {
    if args.jsonl {
        let defaults = jsonl::Defaults {
            lang: args.lang,
            date: args.date,
            country: args.country,
        };
        let summary = jsonl::run(std::io::stdin().lock(), std::io::stdout().lock(), defaults)?;
        if summary.failed > 0 {
            eprintln!(
                "error: {} of {} lines could not be used (see their `error` fields)",
                summary.failed, summary.answered
            );
            return Ok(Status::PartialFailure);
        }
        return Ok(Status::Ok);
    }
    let input = match args.file {
        Some(path) if path.as_os_str() != "-" => Input::File(path),
        _ => Input::Stdin,
    };
    let document = Document::read_input_as(&input, reading.max_input_size, reading.format)?;
    let options = Options {
        lang: args.lang,
        date: args.date.or(document.date),
        country: args.country.or(document.country),
        body_start: document.body_start,
    };
    let source = input.name();
    let mut out = BufWriter::new(std::io::stdout().lock());
    match args.format {
        Format::Json => {
            // Written piece by piece: a text of megabytes never holds all its claims.
            let format = document.format().name();
            let mut writer = report::ExtractJsonWriter::new(&mut out, &source, format);
            let mut failed = None;
            extract_each(&document.text, &options, |mut piece| {
                document.locate(&mut piece.claims);
                if failed.is_none() {
                    failed = writer.piece(piece).err();
                }
            });
            if let Some(error) = failed {
                return Err(error).context("writing the output");
            }
            writer.finish().context("writing the output")?;
        }
        Format::Table => {
            let mut extraction = extract(&document.text, &options);
            document.locate(&mut extraction.claims);
            let date = extraction.date.map(|d| d.to_string());
            writeln!(
                out,
                "{source}  lang {}  date {}  {} claims  {} relations\n",
                extraction.lang,
                date.as_deref().unwrap_or("unknown"),
                extraction.claims.len(),
                extraction.relations.len()
            )?;
            report::write_claims_table(&mut out, &extraction.claims)?;
            writeln!(out)?;
            report::write_relations_table(&mut out, &extraction.relations)?;
        }
    }
    out.flush().context("writing the output")?;
    Ok(Status::Ok)
}
