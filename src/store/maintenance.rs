//! Looking after the database file: what it holds and how big it is (`db stats`), whether it
//! is sound (`db check`), and a copy taken while it is in use (`db backup`).
//!
//! Sizes come from SQLite's `dbstat` virtual table (compiled into the bundled SQLite): the
//! bytes of every b-tree page, each table counted with its indexes. The check opens the file
//! *without* migrating or changing its journal mode, so checking never writes to a file that
//! may be damaged. A backup is `VACUUM INTO` a hidden temporary file beside the target, which
//! is checked (`quick_check`), synced and only then renamed over the target: a failed or
//! interrupted backup never leaves a half-written file under the name asked for. A PostgreSQL
//! database gets the same reports from `pg/maintenance.rs`.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::backup_file::{Backup, BackupFile};
use super::{Engine, Store, StoreError, is_damage, migrations, pg};

/// What `db stats` reports. Field names are the JSON interface (README "claimlint db").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatabaseStats {
    pub path: String,
    /// Size of the database file itself.
    pub file_bytes: u64,
    /// Size of its `-wal` companion (0 when there is none): changes not yet copied back.
    pub wal_bytes: u64,
    pub page_size: u64,
    pub page_count: u64,
    /// Pages that are allocated but unused (VACUUM would give them back).
    pub free_pages: u64,
    pub schema_version: i64,
    pub rows: RowCounts,
    /// Bytes of stored draft text (UTF-8).
    pub text_bytes: u64,
    /// One entry per table, largest first.
    pub tables: Vec<TableSize>,
}

/// Row counts of the main tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowCounts {
    pub articles: u64,
    pub drafts: u64,
    pub claims: u64,
    pub relations: u64,
    pub rule_runs: u64,
    pub findings: u64,
    pub rate_sources: u64,
    pub rates: u64,
}

/// The space one table takes, its indexes included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableSize {
    pub name: String,
    pub bytes: u64,
    pub pages: u64,
    /// The part of `bytes` that its indexes take.
    pub index_bytes: u64,
}

/// What `db check` found: empty lists mean the database is sound.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CheckReport {
    /// `PRAGMA integrity_check` lines other than `ok` (or why the check could not finish).
    pub integrity: Vec<String>,
    /// Rows that refer to a row that does not exist (`PRAGMA foreign_key_check`).
    pub foreign_keys: Vec<String>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty() && self.foreign_keys.is_empty()
    }
}

impl Store {
    /// Sizes and row counts of the database.
    pub fn stats(&self) -> Result<DatabaseStats, StoreError> {
        self.read_stats().map_err(|err| err.located(&self.path))
    }

    fn read_stats(&self) -> Result<DatabaseStats, StoreError> {
        let conn = match &self.engine {
            Engine::Sqlite(conn) => conn,
            Engine::Postgres(client) => return pg::stats(&mut client.borrow_mut(), &self.path),
        };
        let pragma = |name: &str| -> Result<u64, StoreError> {
            Ok(conn.query_row(&format!("PRAGMA {name}"), [], |row| unsigned(row, 0))?)
        };
        let count = |table: &str| -> Result<u64, StoreError> {
            Ok(
                conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |row| {
                    unsigned(row, 0)
                })?,
            )
        };
        // Drafts packed since schema 7 keep their counts in the draft row; older ones have rows.
        let packed_or_rows = |column: &str, table: &str| -> Result<u64, StoreError> {
            Ok(conn.query_row(
                &format!(
                    "SELECT COALESCE(SUM(d.{column}), 0)
                            + (SELECT COUNT(*) FROM {table})
                     FROM drafts d"
                ),
                [],
                |row| unsigned(row, 0),
            )?)
        };
        let rows = RowCounts {
            articles: count("articles")?,
            drafts: count("drafts")?,
            claims: packed_or_rows("claim_count", "claims")?,
            relations: packed_or_rows("relation_count", "relations")?,
            rule_runs: count("rule_runs")?,
            findings: count("findings")?,
            rate_sources: count("rate_sources")?,
            rates: count("rates")?,
        };
        let text_bytes = conn.query_row(
            "SELECT COALESCE(SUM(COALESCE(text_length, LENGTH(CAST(text AS BLOB)))), 0)
             FROM drafts",
            [],
            |row| unsigned(row, 0),
        )?;
        let mut statement = conn.prepare(
            "SELECT COALESCE(s.tbl_name, d.name) AS table_name, SUM(d.pgsize), COUNT(*),
                    SUM(CASE WHEN s.type = 'index' THEN d.pgsize ELSE 0 END)
             FROM dbstat d LEFT JOIN sqlite_schema s ON s.name = d.name
             GROUP BY table_name ORDER BY SUM(d.pgsize) DESC, table_name",
        )?;
        let tables = statement
            .query_map([], |row| {
                Ok(TableSize {
                    name: row.get(0)?,
                    bytes: unsigned(row, 1)?,
                    pages: unsigned(row, 2)?,
                    index_bytes: unsigned(row, 3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let file_size = |path: &Path| std::fs::metadata(path).map_or(0, |meta| meta.len());
        Ok(DatabaseStats {
            path: self.path.display().to_string(),
            file_bytes: file_size(&self.path),
            wal_bytes: file_size(&companion(&self.path, "-wal")),
            page_size: pragma("page_size")?,
            page_count: pragma("page_count")?,
            free_pages: pragma("freelist_count")?,
            schema_version: migrations::schema_version(conn)?,
            rows,
            text_bytes,
            tables,
        })
    }

    /// Copies the database to `target` while it may be in use (`VACUUM INTO`, a consistent
    /// snapshot). An existing `target` is refused unless `replace`; the copy is written under a
    /// temporary name in the same directory, verified, synced and renamed into place.
    pub fn backup_to(&self, target: &Path, replace: bool) -> Result<Backup, StoreError> {
        let conn = self.sqlite("`claimlint db backup`")?;
        let file = BackupFile::prepare(target, replace, Some((&self.path, "the database itself")))?;
        let temporary_name = file
            .temporary()
            .to_str()
            .ok_or_else(|| file.failed("the path is not valid UTF-8".into()))?;
        conn.execute("VACUUM INTO ?1", [temporary_name])
            .map_err(|err| {
                let err = StoreError::from(err).located(&self.path);
                match err {
                    StoreError::Damaged { .. } => err,
                    other => file.failed(other.to_string()),
                }
            })?;
        verify_backup(file.temporary()).map_err(|problem| file.failed(problem))?;
        file.commit()
    }
}

/// Backs the database `db` up to `target` ([`Store::backup_to`] for an SQLite file; for
/// PostgreSQL the server's `pg_dump`, see `pg/maintenance.rs`).
pub fn backup_database(db: &Path, target: &Path, replace: bool) -> Result<Backup, StoreError> {
    if pg::is_postgres_url(db) {
        return pg::backup(db, target, replace);
    }
    Store::open_existing(db)?.backup_to(target, replace)
}

/// Runs `PRAGMA integrity_check` and `PRAGMA foreign_key_check` on the database at `path`,
/// opened without migrating it or changing its journal mode. Damage that stops the check
/// itself is reported as a problem, not an error: the answer to "is it sound?" is still no.
pub fn check_database(path: &Path) -> Result<CheckReport, StoreError> {
    if pg::is_postgres_url(path) {
        return pg::check_database(path);
    }
    let conn = super::open::open_for_check(path)?;
    let mut report = CheckReport::default();
    match integrity_problems(&conn) {
        Ok(problems) => report.integrity = problems,
        Err(err) => {
            report.integrity.push(damage_detail(err)?);
            return Ok(report);
        }
    }
    match foreign_key_problems(&conn) {
        Ok(problems) => report.foreign_keys = problems,
        Err(err) => report.foreign_keys.push(damage_detail(err)?),
    }
    Ok(report)
}

fn integrity_problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut statement = conn.prepare("PRAGMA integrity_check")?;
    let lines = statement
        .query_map([], |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // One answer may hold several lines ("*** in database main ***" and the pages under it).
    Ok(lines
        .iter()
        .flat_map(|answer| answer.lines())
        .filter(|line| *line != "ok")
        .map(str::to_owned)
        .collect())
}

fn foreign_key_problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut statement = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = statement.query_map([], |row| {
        let table: String = row.get(0)?;
        let rowid: Option<i64> = row.get(1)?;
        let parent: String = row.get(2)?;
        Ok(match rowid {
            Some(rowid) => format!("{table} row {rowid} refers to a missing {parent} row"),
            None => format!("a {table} row refers to a missing {parent} row"),
        })
    })?;
    rows.collect()
}

/// SQLite's account of damage that stopped a check, as a problem line; other errors stay errors.
fn damage_detail(err: rusqlite::Error) -> Result<String, StoreError> {
    match &err {
        rusqlite::Error::SqliteFailure(failure, message) if is_damage(failure) => Ok(format!(
            "the check could not finish: {}",
            message.clone().unwrap_or_else(|| failure.to_string())
        )),
        _ => Err(err.into()),
    }
}

/// Opens the copy read-only and asks SQLite whether it is sound.
fn verify_backup(path: &Path) -> Result<(), String> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|err| format!("the copy cannot be opened: {err}"))?;
    let answer: String = conn
        .query_row("PRAGMA quick_check", [], |row| row.get(0))
        .map_err(|err| format!("the copy cannot be checked: {err}"))?;
    if answer != "ok" {
        return Err(format!("the copy failed its check: {answer}"));
    }
    Ok(())
}

/// A count or size column (never negative) as u64.
fn unsigned(row: &rusqlite::Row<'_>, index: usize) -> rusqlite::Result<u64> {
    let value: i64 = row.get(index)?;
    u64::try_from(value).map_err(|_| rusqlite::Error::IntegralValueOutOfRange(index, value))
}

/// `path` with `suffix` appended to its file name (`test.db` → `test.db-wal`).
fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
