//! What `add` prints per input: a human line, or one JSON object per line.

use std::io::{self, Write};

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
