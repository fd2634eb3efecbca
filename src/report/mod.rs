//! Renderers for what the commands print: one function per output format, each fed the same
//! typed data (claims, relations, add results, article and draft summaries, check and diff
//! reports).
//!
//! Tables are for people (aligned columns, no colour, one header row); JSON is an interface
//! whose field names are documented in README.md and come from the serde form of the model
//! types; CSV follows RFC 4180 quoting. Renderers write to any `io::Write` and never decide
//! exit codes. The HTML pages (`html*`, `diff_html`) are self-contained documents whose
//! element structure and data attributes are documented in README.md ("HTML pages").

mod add;
mod ci;
mod claims;
mod db;
mod diff_html;
mod diff_human;
mod diff_json;
mod diff_markdown;
mod extract_json;
mod html;
mod html_article;
mod html_escape;
mod html_page;
mod human;
mod json;
mod listings;
mod palette;
mod rates;
mod sarif;
mod table;
pub mod terminal;
mod worker;

pub use add::{
    AddJson, write_add_error_json, write_add_human, write_add_json, write_add_unsupported_json,
    write_unsupported_human,
};
pub use ci::{LineCheckWriter, LineStyle, Statistics, github_message, github_property};
pub use claims::{
    ClaimsJson, ExtractJson, write_claims_csv, write_claims_table, write_relations_table,
};
pub use db::{write_db_check_human, write_db_copy_human, write_db_stats_human};
pub use diff_html::write_diff_html;
pub use diff_human::write_diff_human;
pub use diff_json::write_diff_json;
pub use diff_markdown::write_diff_markdown;
pub use extract_json::ExtractJsonWriter;
pub use html::{HtmlCheckWriter, write_check_html};
pub use html_escape::escape as html_escape;
pub use html_page::content_security_policy;
pub use human::{
    HumanCheckWriter, evidence_text, summary as check_summary, summary_line, write_check_human,
};
pub use json::{JsonCheckWriter, write_check_json};
pub use listings::{DraftRow, write_articles_table, write_drafts_table};
pub use palette::{ColorChoice, stream_color};
pub use rates::{write_import_human, write_rate_answer_human, write_rate_answer_json};
pub use sarif::{ErrorLocation, SarifCheckWriter, write_check_sarif, write_failed_sarif};
pub use table::Table;
pub use worker::write_worker_summary;

/// serde_json's error as an `io::Error` of the same kind when it is one (a closed pipe stays
/// a `BrokenPipe` the CLI recognises), else an `io::Error` holding it.
fn json_io_error(err: serde_json::Error) -> std::io::Error {
    match err.io_error_kind() {
        Some(kind) => std::io::Error::from(kind),
        None => std::io::Error::other(err),
    }
}

/// Writes `value` as one line of compact JSON.
pub fn write_json_line(
    out: &mut impl std::io::Write,
    value: &impl serde::Serialize,
) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, value).map_err(json_io_error)?;
    out.write_all(b"\n")
}

/// Writes `value` as pretty-printed JSON followed by a newline.
pub fn write_json_pretty(
    out: &mut impl std::io::Write,
    value: &impl serde::Serialize,
) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(json_io_error)?;
    out.write_all(b"\n")
}
