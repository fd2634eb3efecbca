//! `db stats`, `db check` and `db backup` on PostgreSQL (the SQLite side is
//! `store/maintenance.rs`), in the same report shapes.
//!
//! The design choice a reader must know: what the server does better is left to the server.
//! Sizes are the server's (`pg_database_size`, `pg_total_relation_size`, `pg_indexes_size`);
//! the check is what claimlint can verify cheaply through SQL (the schema version, each foreign
//! key followed by a join, constraints left unvalidated, the counts claimlint keeps in rows),
//! while page-level checking is the server's own `pg_amcheck` (README); a backup is the
//! server's `pg_dump` (custom format, restored with `pg_restore`), found on `PATH` or in
//! `/usr/lib/postgresql/*/bin`, written under a temporary name, listed back with `pg_restore
//! --list`, synced and only then renamed to the path asked for.

use std::path::Path;
use std::process::Command;

use postgres::Client;

use super::tools::{ServerTools, run_tool, without_password};

use super::super::backup_file::{Backup, BackupFile};
use super::super::maintenance::{CheckReport, DatabaseStats, RowCounts, TableSize};
use super::super::{StoreError, corrupt};
use super::{SCHEMA_VERSION, connect, schema_version};

/// claimlint's tables on PostgreSQL, as `db stats` lists them.
const TABLES: [&str; 7] = [
    "articles",
    "drafts",
    "rule_runs",
    "findings",
    "rate_sources",
    "rates",
    "claimlint_schema",
];

/// Sizes and row counts, in `db stats`'s shape: `file_bytes` is the database's size on the
/// server, `wal_bytes` and `free_pages` are 0 (the write-ahead log is the whole cluster's, and
/// PostgreSQL keeps no free-page count; `VACUUM` reuses space inside each table).
pub(in super::super) fn stats(
    client: &mut Client,
    shown: &Path,
) -> Result<DatabaseStats, StoreError> {
    let block_size: u64 = unsigned(
        client
            .query_one("SELECT current_setting('block_size')::BIGINT", &[])?
            .get(0),
    )?;
    let count = |client: &mut Client, sql: &str| -> Result<u64, StoreError> {
        unsigned(client.query_one(sql, &[])?.get(0))
    };
    let rows = RowCounts {
        articles: count(client, "SELECT COUNT(*) FROM articles")?,
        drafts: count(client, "SELECT COUNT(*) FROM drafts")?,
        claims: count(
            client,
            "SELECT COALESCE(SUM(claim_count), 0)::BIGINT FROM drafts",
        )?,
        relations: count(
            client,
            "SELECT COALESCE(SUM(relation_count), 0)::BIGINT FROM drafts",
        )?,
        rule_runs: count(client, "SELECT COUNT(*) FROM rule_runs")?,
        findings: count(client, "SELECT COUNT(*) FROM findings")?,
        rate_sources: count(client, "SELECT COUNT(*) FROM rate_sources")?,
        rates: count(client, "SELECT COUNT(*) FROM rates")?,
    };
    let text_bytes = count(
        client,
        "SELECT COALESCE(SUM(text_length), 0)::BIGINT FROM drafts",
    )?;
    let database_bytes = count(client, "SELECT pg_database_size(current_database())")?;
    let mut tables = Vec::with_capacity(TABLES.len());
    for name in TABLES {
        let row = client.query_one(
            "SELECT pg_total_relation_size($1::TEXT::regclass), pg_indexes_size($1::TEXT::regclass)",
            &[&name],
        )?;
        let bytes = unsigned(row.get(0))?;
        tables.push(TableSize {
            name: name.to_owned(),
            bytes,
            pages: bytes / block_size,
            index_bytes: unsigned(row.get(1))?,
        });
    }
    tables.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
    Ok(DatabaseStats {
        path: shown.display().to_string(),
        file_bytes: database_bytes,
        wal_bytes: 0,
        page_size: block_size,
        page_count: database_bytes / block_size,
        free_pages: 0,
        schema_version: schema_version(client)?.unwrap_or(0),
        rows,
        text_bytes,
        tables,
    })
}

/// Each foreign key of the schema as (child, key column, parent, parent column): the server
/// enforces them, but a row can still break one if a constraint was dropped, left `NOT VALID`
/// or bypassed (`session_replication_role = replica`), so the check follows each with a join.
const FOREIGN_KEYS: [(&str, &str, &str, &str); 4] = [
    ("drafts", "article_id", "articles", "id"),
    ("rule_runs", "draft_id", "drafts", "id"),
    ("findings", "run_id", "rule_runs", "id"),
    ("rates", "source", "rate_sources", "name"),
];

/// Checks what SQL can check cheaply, on the database as it is (connected without migrating,
/// nothing written): `integrity` holds schema and bookkeeping problems, `foreign_keys` rows
/// whose parent row is missing. A database claimlint never wrote to is
/// [`StoreError::DatabaseMissing`].
pub(in super::super) fn check_database(db: &Path) -> Result<CheckReport, StoreError> {
    let (mut client, shown) = connect(db)?;
    let Some(version) = schema_version(&mut client)? else {
        return Err(StoreError::DatabaseMissing { path: shown });
    };
    let mut report = CheckReport::default();
    if version != SCHEMA_VERSION {
        report.integrity.push(format!(
            "schema version {version}, this claimlint expects {SCHEMA_VERSION} (a command that writes would migrate it)"
        ));
        return Ok(report);
    }
    for row in client.query(
        "SELECT conrelid::regclass::TEXT, conname FROM pg_constraint
         WHERE connamespace = current_schema()::regnamespace AND NOT convalidated
         ORDER BY 1, 2",
        &[],
    )? {
        let (table, name): (String, String) = (row.get(0), row.get(1));
        report.integrity.push(format!(
            "{table}: constraint {name} is not validated (ALTER TABLE {table} VALIDATE CONSTRAINT {name})"
        ));
    }
    // Drafts numbered 1, 2, … without gaps; runs naming their own draft; rate sources
    // counting their rows.
    let bookkeeping = [
        "SELECT article_id || ': drafts numbered up to ' || MAX(number) || ' but ' || COUNT(*) || ' stored'
             FROM drafts GROUP BY article_id HAVING MAX(number) <> COUNT(*) ORDER BY article_id",
        "SELECT 'rule run ' || r.id || ' names ' || r.article_id || '@' || r.draft_number
                    || ' but belongs to ' || d.article_id || '@' || d.number
             FROM rule_runs r JOIN drafts d ON d.id = r.draft_id
             WHERE r.article_id <> d.article_id OR r.draft_number <> d.number ORDER BY r.id",
        "SELECT 'rate source ' || s.name || ' records ' || s.row_count || ' rows but holds '
                    || COUNT(r.source)
             FROM rate_sources s LEFT JOIN rates r ON r.source = s.name
             GROUP BY s.name, s.row_count HAVING s.row_count <> COUNT(r.source) ORDER BY s.name",
    ];
    for sql in bookkeeping {
        for row in client.query(sql, &[])? {
            report.integrity.push(row.get(0));
        }
    }
    for (child, key, parent, parent_key) in FOREIGN_KEYS {
        let sql = format!(
            "SELECT c.{key}::TEXT, COUNT(*) FROM {child} c
             WHERE NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.{parent_key} = c.{key})
             GROUP BY c.{key} ORDER BY 1"
        );
        for row in client.query(&sql, &[])? {
            let (value, rows): (String, i64) = (row.get(0), row.get(1));
            report.foreign_keys.push(format!(
                "{rows} {child} row(s) with {key} {value} refer to a missing {parent} row"
            ));
        }
    }
    Ok(report)
}

/// Runs `pg_dump` on the database `db` into `target` (custom format); see the module doc.
pub(in super::super) fn backup(
    db: &Path,
    target: &Path,
    replace: bool,
) -> Result<Backup, StoreError> {
    let file = BackupFile::prepare(target, replace, None)?;
    // Connecting first gives the usual messages for a wrong URL or a database never written.
    let (mut client, shown) = connect(db)?;
    if schema_version(&mut client)?.is_none() {
        return Err(StoreError::DatabaseMissing { path: shown });
    }
    drop(client);
    let search = ServerTools::search_path();
    let pg_dump = search
        .find("pg_dump")
        .ok_or_else(|| file.failed(search.missing("pg_dump")))?;
    let pg_restore = search
        .find("pg_restore")
        .ok_or_else(|| file.failed(search.missing("pg_restore")))?;
    let (url, password) = without_password(db.to_str().unwrap_or_default());
    let mut dump = Command::new(&pg_dump);
    dump.arg("--format=custom")
        .arg("--file")
        .arg(file.temporary())
        .arg("--dbname")
        .arg(&url);
    if let Some(password) = password {
        dump.env("PGPASSWORD", password); // not on the command line, where `ps` shows it
    }
    run_tool(&mut dump, &pg_dump).map_err(|problem| file.failed(problem))?;
    run_tool(
        Command::new(&pg_restore)
            .arg("--list")
            .arg(file.temporary()),
        &pg_restore,
    )
    .map_err(|problem| file.failed(format!("the dump does not read back: {problem}")))?;
    file.commit()
}

/// A size or count from the server (never negative) as u64.
fn unsigned(value: i64) -> Result<u64, StoreError> {
    u64::try_from(value).map_err(|_| corrupt(format!("negative size or count {value}")))
}
