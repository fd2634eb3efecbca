//! `db stats`, `db check` and `db copy` for people: the figures as short labelled lines and
//! one table of table sizes; the check as `ok` or one problem per line; the copy as one line
//! and its verified tables. The JSON forms are the serde form of the store's types
//! ([`DatabaseStats`], [`CheckReport`], [`CopyReport`]).

use std::io::{self, Write};

use super::Table;
use crate::ingest::MaxInputSize;
use crate::store::{CheckReport, CopyReport, DatabaseStats};

pub fn write_db_stats_human(out: &mut impl Write, stats: &DatabaseStats) -> io::Result<()> {
    let size = |bytes: u64| match MaxInputSize::human(bytes) {
        short if bytes < 1024 => short,
        short => format!("{short} ({bytes} bytes)"),
    };
    writeln!(out, "database    {}", stats.path)?;
    writeln!(out, "file        {}", size(stats.file_bytes))?;
    writeln!(out, "wal         {}", size(stats.wal_bytes))?;
    writeln!(
        out,
        "pages       {} of {} bytes, {} free",
        stats.page_count, stats.page_size, stats.free_pages
    )?;
    writeln!(out, "schema      version {}", stats.schema_version)?;
    writeln!(out, "draft text  {}", size(stats.text_bytes))?;
    if stats.text_bytes > 0 {
        let ratio = (stats.file_bytes + stats.wal_bytes) as f64 / stats.text_bytes as f64;
        writeln!(
            out,
            "store/text  {ratio:.2}× (file and wal over the text they hold)"
        )?;
    }
    writeln!(out)?;
    let rows = &stats.rows;
    let mut counts = Table::new(["TABLE", "ROWS"]);
    for (name, count) in [
        ("articles", rows.articles),
        ("drafts", rows.drafts),
        ("claims", rows.claims),
        ("relations", rows.relations),
        ("rule_runs", rows.rule_runs),
        ("findings", rows.findings),
        ("rate_sources", rows.rate_sources),
        ("rates", rows.rates),
    ] {
        counts.row([name.to_owned(), count.to_string()]);
    }
    counts.write(out)?;
    writeln!(out)?;
    let mut sizes = Table::new(["TABLE", "BYTES", "PAGES", "OF WHICH INDEXES"]);
    for table in &stats.tables {
        sizes.row([
            table.name.clone(),
            MaxInputSize::human(table.bytes),
            table.pages.to_string(),
            MaxInputSize::human(table.index_bytes),
        ]);
    }
    sizes.write(out)
}

/// `ok`, or each problem on its own line under its heading.
pub fn write_db_check_human(out: &mut impl Write, report: &CheckReport) -> io::Result<()> {
    if report.is_ok() {
        return writeln!(out, "ok");
    }
    for (heading, problems) in [
        ("integrity_check", &report.integrity),
        ("foreign_key_check", &report.foreign_keys),
    ] {
        for problem in problems {
            writeln!(out, "{heading}: {problem}")?;
        }
    }
    Ok(())
}

/// `copied A to B: 6 tables, verified (rows and SHA-256 per table equal)`, then the tables.
pub fn write_db_copy_human(out: &mut impl Write, copy: &CopyReport) -> io::Result<()> {
    writeln!(
        out,
        "copied {} to {} in one transaction: {} tables, verified (rows and SHA-256 per table equal on both)",
        copy.from,
        copy.to,
        copy.tables.len()
    )?;
    if copy.packed_drafts > 0 {
        writeln!(
            out,
            "{} drafts written before schema 7 were packed on the way",
            copy.packed_drafts
        )?;
    }
    let mut tables = Table::new(["TABLE", "ROWS", "SHA-256"]);
    for table in &copy.tables {
        tables.row([
            table.table.clone(),
            table.rows.to_string(),
            table.checksum.clone(),
        ]);
    }
    tables.write(out)
}
