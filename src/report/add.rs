//! What `add` prints per input: a human line, or one JSON object per line.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::ingest::ItemError;
use crate::store::{AddStatus, AddedDraft};

/// `add --format json`, one per input: `status` is `added`, `unchanged` or `error`.
#[derive(Debug, Serialize)]
pub struct AddJson<'a> {
    /// The input as given (a path, or `<stdin>`).
    pub source: &'a str,
    pub status: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claim_count: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// `added ID draft N (K claims)` or `unchanged ID is draft N (K claims)`.
pub fn write_add_human(out: &mut impl Write, added: &AddedDraft) -> io::Result<()> {
    let claims = match added.claim_count {
        1 => "1 claim".to_owned(),
        n => format!("{n} claims"),
    };
    match added.status {
        AddStatus::Added => writeln!(
            out,
            "added {} draft {} ({claims})",
            added.article, added.draft
        ),
        AddStatus::Unchanged => writeln!(
            out,
            "unchanged {} is draft {} ({claims})",
            added.article, added.draft
        ),
    }
}

pub fn write_add_json(out: &mut impl Write, source: &str, added: &AddedDraft) -> io::Result<()> {
    let status = match added.status {
        AddStatus::Added => "added",
        AddStatus::Unchanged => "unchanged",
    };
    super::write_json_line(
        out,
        &AddJson {
            source,
            status,
            article: Some(&added.article),
            draft: Some(added.draft),
            claim_count: Some(added.claim_count),
            error: None,
        },
    )
}

pub fn write_add_error_json(out: &mut impl Write, error: &ItemError) -> io::Result<()> {
    super::write_json_line(
        out,
        &AddJson {
            source: &error.source_name,
            status: "error",
            article: None,
            draft: None,
            claim_count: None,
            error: Some(error.to_string()),
        },
    )
}

/// `add --format json` for a file found in a folder or by a glob whose format is not an
/// article's: `{"source": PATH, "status": "unsupported"}`.
pub fn write_add_unsupported_json(out: &mut impl Write, path: &Path) -> io::Result<()> {
    super::write_json_line(
        out,
        &AddJson {
            source: &path.display().to_string(),
            status: "unsupported",
            article: None,
            draft: None,
            claim_count: None,
            error: None,
        },
    )
}

/// The human lines for unsupported files: each named when `verbose`, then a count (nothing
/// when there are none). `what` is what was not done to them (`added`, `checked`).
pub fn write_unsupported_human(
    out: &mut impl Write,
    unsupported: &[PathBuf],
    what: &str,
    verbose: bool,
) -> io::Result<()> {
    if unsupported.is_empty() {
        return Ok(());
    }
    if verbose {
        for path in unsupported {
            writeln!(
                out,
                "unsupported {} (not {what}: not an article format)",
                super::terminal::escape(&path.display().to_string())
            )?;
        }
    }
    let files = match unsupported.len() {
        1 => "1 file".to_owned(),
        n => format!("{n} files"),
    };
    let hint = if verbose { "" } else { "; -v lists them" };
    writeln!(
        out,
        "note: {files} not {what}: not an article format (.txt, .md, .html, .docx){hint}"
    )
}
