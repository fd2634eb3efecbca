//! `claimlint db copy`: a whole archive from one database to another, SQLite or PostgreSQL in
//! either direction, verified before it is committed.
//!
//! The design choice a reader must know: the copy is **one transaction on the target**, and
//! the verification happens inside it. Every table of the shared schema-9 model ([`TABLES`],
//! in foreign-key order) is read from the source in a single read snapshot, in key order, and
//! written to the target; each row also feeds a SHA-256 per table. Then the target's tables
//! are read back, in the same transaction and order, and their counts and checksums must
//! equal the source's; only then is the transaction committed. A failure or a mismatch rolls
//! everything back (a target file this copy created is removed), so a target is either
//! untouched or a verified copy. The target must be empty. Row ids are kept, so runs still
//! name their drafts and findings their runs. The checksum is of the values copied, engine
//! neutral: an integer as 8 bytes, a real by its bits, text and blobs with their length.
//! SQLite drafts and findings written before schema 7 (text, claims and relations in rows)
//! are packed on the way, as PostgreSQL stores every draft (`pg/migrations/0009_schema.sql`);
//! the source checksum is of that packed form.

use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Store, StoreError, pg};

mod sqlite;

/// How a column's values are typed on both engines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Int,
    Real,
    Text,
    Blob,
}

/// A table as copied: its name, its columns (those both engines share), and its key, which
/// orders the rows for the checksum.
#[derive(Debug)]
pub(super) struct Table {
    pub name: &'static str,
    pub columns: &'static [(&'static str, Kind)],
    pub key: &'static [&'static str],
}

impl Table {
    pub fn column_list(&self) -> String {
        let names: Vec<&str> = self.columns.iter().map(|(name, _)| *name).collect();
        names.join(", ")
    }

    pub fn index_of(&self, column: &str) -> usize {
        self.columns
            .iter()
            .position(|(name, _)| *name == column)
            .expect("a column of the table")
    }
}

use Kind::{Blob, Int, Real, Text};

/// Every table of an archive, parents before children.
pub(super) const TABLES: &[Table] = &[
    Table {
        name: "articles",
        columns: &[("id", Text), ("created_at", Text)],
        key: &["id"],
    },
    Table {
        name: "drafts",
        columns: &[
            ("id", Int),
            ("article_id", Text),
            ("number", Int),
            ("hash", Text),
            ("label", Text),
            ("added_at", Text),
            ("lang", Text),
            ("date", Text),
            ("title", Text),
            ("body_start", Int),
            ("sentence_bounds", Blob),
            ("text_deflated", Blob),
            ("extraction_deflated", Blob),
            ("claim_count", Int),
            ("relation_count", Int),
            ("text_length", Int),
            ("source_map", Blob),
            ("suppressions", Text),
        ],
        key: &["id"],
    },
    Table {
        name: "rate_sources",
        columns: &[
            ("name", Text),
            ("kind", Text),
            ("layout", Text),
            ("snapshot", Text),
            ("newest_date", Text),
            ("row_count", Int),
            ("loaded_at", Text),
        ],
        key: &["name"],
    },
    Table {
        name: "rates",
        columns: &[
            ("source", Text),
            ("base", Text),
            ("quote", Text),
            ("date", Text),
            ("rate", Real),
        ],
        key: &["source", "base", "quote", "date"],
    },
    Table {
        name: "rule_runs",
        columns: &[
            ("id", Int),
            ("draft_id", Int),
            ("article_id", Text),
            ("draft_number", Int),
            ("rule_suite_hash", Text),
            ("reference_snapshot", Text),
            ("checked_at", Text),
            ("finding_count", Int),
            ("rule_error_count", Int),
            ("last_checked_at", Text),
            ("check_count", Int),
        ],
        key: &["id"],
    },
    Table {
        name: "findings",
        columns: &[
            ("run_id", Int),
            ("position", Int),
            ("article_id", Text),
            ("rule_id", Text),
            ("severity", Text),
            ("claim_ids", Text),
            ("start_byte", Int),
            ("end_byte", Int),
            ("line_number", Int),
            ("column_number", Int),
            ("details_deflated", Blob),
            ("fingerprint", Text),
            ("first_seen", Text),
        ],
        key: &["run_id", "position"],
    },
];

/// One stored value, as either engine hands it over.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

pub(super) type Row = Vec<Value>;

/// Rows are written to the target this many at a time.
pub(super) const CHUNK_ROWS: usize = 1000;

/// One table's side of the verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableCopy {
    pub table: String,
    pub rows: u64,
    /// SHA-256 (hex) of the table's values in key order; the same on source and target.
    pub checksum: String,
}

/// What `db copy` did: the tables as verified on the target (equal to the source's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CopyReport {
    /// Both databases as given, a URL's password hidden.
    pub from: String,
    pub to: String,
    pub tables: Vec<TableCopy>,
    /// SQLite drafts written before schema 7 that were packed on the way.
    pub packed_drafts: u64,
}

/// The checksum and count of one table's rows, fed a row at a time.
struct TableSum {
    hasher: Sha256,
    rows: u64,
}

impl TableSum {
    fn new() -> TableSum {
        TableSum {
            hasher: Sha256::new(),
            rows: 0,
        }
    }

    fn add(&mut self, row: &[Value]) {
        self.rows += 1;
        for value in row {
            let (tag, bytes): (u8, &[u8]) = match value {
                Value::Null => (0, &[]),
                Value::Int(int) => {
                    self.hasher.update([1]);
                    self.hasher.update(int.to_le_bytes());
                    continue;
                }
                Value::Real(real) => {
                    self.hasher.update([2]);
                    self.hasher.update(real.to_bits().to_le_bytes());
                    continue;
                }
                Value::Text(text) => (3, text.as_bytes()),
                Value::Blob(blob) => (4, blob),
            };
            self.hasher.update([tag]);
            self.hasher.update((bytes.len() as u64).to_le_bytes());
            self.hasher.update(bytes);
        }
    }

    fn finish(self, table: &Table) -> TableCopy {
        TableCopy {
            table: table.name.to_owned(),
            rows: self.rows,
            checksum: self
                .hasher
                .finalize()
                .iter()
                .map(|byte| format!("{byte:02x}"))
                .collect(),
        }
    }
}

/// A `db copy` end: `sqlite:PATH`, a plain path, or a `postgres://` URL.
pub fn parse_location(text: &str) -> PathBuf {
    PathBuf::from(text.strip_prefix("sqlite:").unwrap_or(text))
}

/// Copies the archive at `from` into the empty database at `to` (created if it is a missing
/// SQLite file), verifies it and commits; see the module doc.
pub fn copy_archive(from: &Path, to: &Path) -> Result<CopyReport, StoreError> {
    if from == to {
        return Err(StoreError::CopyOntoItself {
            path: from.to_owned(),
        });
    }
    let mut source = Store::open_existing(from)?;
    let created = !pg::is_postgres_url(to) && !to.exists();
    let copied = Store::open(to).and_then(|mut target| copy_into(&mut source, &mut target));
    if copied.is_err() && created {
        for suffix in ["", "-wal", "-shm"] {
            let mut path = to.as_os_str().to_owned();
            path.push(suffix);
            let _ = std::fs::remove_file(path);
        }
    }
    copied
}

fn copy_into(source: &mut Store, target: &mut Store) -> Result<CopyReport, StoreError> {
    if let Some(table) = target.first_nonempty_table()? {
        return Err(StoreError::CopyTargetNotEmpty {
            path: target.path().to_owned(),
            table,
        });
    }
    target.begin_copy_target()?;
    let written = write_tables(source, target);
    let verified = written.and_then(|(sums, packed_drafts)| {
        let mut tables = Vec::with_capacity(TABLES.len());
        for (table, expected) in TABLES.iter().zip(sums) {
            let mut sum = TableSum::new();
            target.each_row(table, &mut 0u64, &mut |row| {
                sum.add(&row);
                Ok(())
            })?;
            let found = sum.finish(table);
            if found != expected {
                return Err(StoreError::CopyMismatch {
                    table: table.name,
                    detail: format!(
                        "source {} rows {}, target {} rows {}",
                        expected.rows, expected.checksum, found.rows, found.checksum
                    ),
                });
            }
            tables.push(found);
        }
        Ok((tables, packed_drafts))
    });
    match verified {
        Ok((tables, packed_drafts)) => {
            target.end_copy_target(true)?;
            Ok(CopyReport {
                from: source.path().display().to_string(),
                to: target.path().display().to_string(),
                tables,
                packed_drafts,
            })
        }
        Err(err) => {
            let _ = target.end_copy_target(false);
            Err(err)
        }
    }
}

/// Reads every table of `source` in one snapshot and writes it to `target` (whose copy
/// transaction is open); the source side's sums, and how many drafts were packed on the way.
fn write_tables(
    source: &mut Store,
    target: &mut Store,
) -> Result<(Vec<TableCopy>, u64), StoreError> {
    source.begin_copy_source()?;
    let mut sums = Vec::with_capacity(TABLES.len());
    let mut packed_drafts = 0;
    let result = (|| {
        for table in TABLES {
            let mut sum = TableSum::new();
            let mut chunk: Vec<Row> = Vec::with_capacity(CHUNK_ROWS);
            source.each_row(table, &mut packed_drafts, &mut |row| {
                sum.add(&row);
                chunk.push(row);
                if chunk.len() >= CHUNK_ROWS {
                    target.insert_rows(table, &chunk)?;
                    chunk.clear();
                }
                Ok(())
            })?;
            target.insert_rows(table, &chunk)?;
            sums.push(sum.finish(table));
        }
        target.finish_copy_target_writes()?;
        Ok(())
    })();
    source.end_copy_source();
    result.map(|()| (sums, packed_drafts))
}
