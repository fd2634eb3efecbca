//! The listing tables: `articles` and `drafts ARTICLE`.

use std::io::{self, Write};

use super::Table;
use serde::Serialize;

use crate::store::{ArticleSummary, CheckCounts, DraftSummary};

/// How many hex digits of a draft hash the table shows (the JSON has all 64).
pub const SHORT_HASH_LEN: usize = 12;

pub fn write_articles_table(out: &mut impl Write, articles: &[ArticleSummary]) -> io::Result<()> {
    if articles.is_empty() {
        return writeln!(out, "no articles");
    }
    let mut table = Table::new(["ARTICLE", "DRAFTS", "LATEST", "ADDED AT"]);
    for article in articles {
        table.row([
            article.article.clone(),
            article.drafts.to_string(),
            article.latest_draft.to_string(),
            article.latest_added_at.clone(),
        ]);
    }
    table.write(out)
}

/// One row of `drafts ARTICLE`: the draft and the counts of its latest check (`null` in JSON,
/// blank in the table, when it was never checked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftRow {
    #[serde(flatten)]
    pub draft: DraftSummary,
    pub errors: Option<u32>,
    pub warnings: Option<u32>,
}

impl DraftRow {
    pub fn new(draft: DraftSummary, check: Option<CheckCounts>) -> DraftRow {
        DraftRow {
            draft,
            errors: check.map(|c| c.errors),
            warnings: check.map(|c| c.warnings),
        }
    }
}

pub fn write_drafts_table(out: &mut impl Write, rows: &[DraftRow]) -> io::Result<()> {
    let mut table = Table::new([
        "DRAFT", "ADDED AT", "LABEL", "HASH", "CLAIMS", "LANG", "DATE", "ERRORS", "WARNINGS",
    ]);
    for row in rows {
        let draft = &row.draft;
        table.row([
            draft.number.to_string(),
            draft.added_at.clone(),
            draft.label.clone().unwrap_or_default(),
            draft.hash.chars().take(SHORT_HASH_LEN).collect(),
            draft.claim_count.to_string(),
            draft.lang.to_string(),
            draft.date.map(|d| d.to_string()).unwrap_or_default(),
            row.errors.map(|n| n.to_string()).unwrap_or_default(),
            row.warnings.map(|n| n.to_string()).unwrap_or_default(),
        ]);
    }
    table.write(out)
}
