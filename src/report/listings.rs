//! The listing tables: `articles` and `drafts ARTICLE`.

use std::io::{self, Write};

use super::Table;
use crate::store::{ArticleSummary, DraftSummary};

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

pub fn write_drafts_table(out: &mut impl Write, drafts: &[DraftSummary]) -> io::Result<()> {
    let mut table = Table::new([
        "DRAFT", "ADDED AT", "LABEL", "HASH", "CLAIMS", "LANG", "DATE",
    ]);
    for draft in drafts {
        table.row([
            draft.number.to_string(),
            draft.added_at.clone(),
            draft.label.clone().unwrap_or_default(),
            draft.hash.chars().take(SHORT_HASH_LEN).collect(),
            draft.claim_count.to_string(),
            draft.lang.to_string(),
            draft.date.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    table.write(out)
}
