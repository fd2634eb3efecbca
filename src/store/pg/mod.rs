//! The PostgreSQL engine of the store: chosen with `--db postgres://…` (or `postgresql://`).
//!
//! The design choice a reader must know: the store keeps one interface ([`Store`]) and each of
//! its methods hands a PostgreSQL store to a function here, so callers never branch on the
//! engine and all PostgreSQL SQL sits in this folder. The connection is plain TCP (`NoTls`);
//! TLS is left for later. Migrations are versioned like SQLite's schema versions (this
//! folder's `migrations/NNNN_*.sql`, version `NNNN`) and recorded in `claimlint_schema`, since
//! PostgreSQL has no `user_version`; they run under a transaction-scoped advisory lock, so two
//! processes opening a fresh database at once do not both migrate. Concurrent writers are made
//! safe by the unique constraints plus a row lock on the article (`drafts.rs`), and a
//! transaction the server aborts for a conflict is retried ([`retry`]).

use std::path::{Path, PathBuf};
use std::time::Duration;

use postgres::{Client, NoTls};

use super::{Engine, Store, StoreError};

mod copy;
mod drafts;
mod maintenance;
mod queue;
mod rates;
mod runs;
mod tools;

pub(super) use copy::{copy_advance_ids, copy_count_rows, copy_each_row, copy_insert_rows};
pub(super) use drafts::{
    add_draft, add_drafts, articles, draft_contents, drafts, find_draft, latest_drafts,
};
pub(super) use maintenance::{backup, check_database, stats};
pub(super) use queue::{claim_unchecked, end_claim};
pub(super) use rates::{
    import as import_rates, load_bundled, loaded_snapshot, rate_book, rate_sources,
};
pub(super) use runs::{
    latest_check_counts, record_claimed_runs, record_runs, run_count, stored_findings,
    stored_run_count,
};

/// The PostgreSQL migrations: (schema version, SQL). Version 9 creates the whole schema at
/// once (see the file); a later SQLite migration `N` gets a PostgreSQL one numbered `N` too.
const MIGRATIONS: &[(i64, &str)] = &[(9, include_str!("migrations/0009_schema.sql"))];

/// The schema version a PostgreSQL database is brought to: the same as SQLite's.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

/// Any fixed key: the advisory lock only serialises claimlint's own migrations.
const MIGRATION_LOCK: i64 = 0x636c_6169_6d6c_696e; // "claimlin"

/// How often a transaction aborted by a conflict is tried before the error is returned.
const ATTEMPTS: u32 = 20;

/// True when a `--db` value names a PostgreSQL server rather than an SQLite file.
pub fn is_postgres_url(db: &Path) -> bool {
    db.to_str()
        .is_some_and(|db| db.starts_with("postgres://") || db.starts_with("postgresql://"))
}

/// The URL with any password replaced by `***`, for messages and [`Store::path`].
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((user_info, host)) => match user_info.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

/// Connects, and creates or upgrades the schema (`create`), or refuses a database claimlint
/// never wrote to with [`StoreError::DatabaseMissing`] (`!create`, the read-only commands).
pub(super) fn open(db: &Path, create: bool) -> Result<Store, StoreError> {
    let (mut client, shown) = connect(db)?;
    let found = schema_version(&mut client)?;
    if found.is_none() && !create {
        return Err(StoreError::DatabaseMissing { path: shown });
    }
    if found != Some(SCHEMA_VERSION) {
        migrate(&mut client, &shown)?;
    }
    Ok(Store {
        engine: Engine::Postgres(std::cell::RefCell::new(client)),
        path: shown,
        claim_open: false,
    })
}

/// A connection to the server `db` names, and the URL as messages show it (password hidden).
fn connect(db: &Path) -> Result<(Client, PathBuf), StoreError> {
    let url = db.to_str().unwrap_or_default();
    let shown = PathBuf::from(redacted(url));
    let client = Client::connect(url, NoTls).map_err(|cause| StoreError::PostgresConnect {
        url: shown.display().to_string(),
        cause,
    })?;
    Ok((client, shown))
}

/// The version recorded in `claimlint_schema`, or `None` when claimlint never migrated here.
fn schema_version(client: &mut Client) -> Result<Option<i64>, StoreError> {
    let exists: bool = client
        .query_one("SELECT to_regclass('claimlint_schema') IS NOT NULL", &[])?
        .get(0);
    if !exists {
        return Ok(None);
    }
    Ok(client
        .query_one("SELECT MAX(version) FROM claimlint_schema", &[])?
        .get(0))
}

/// Applies every pending migration in one transaction under the advisory lock; a version newer
/// than [`SCHEMA_VERSION`] is refused untouched.
fn migrate(client: &mut Client, shown: &Path) -> Result<(), StoreError> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS claimlint_schema (
             version     BIGINT PRIMARY KEY,
             applied_at  TEXT NOT NULL
         )",
    )?;
    let found: i64 = tx
        .query_one(
            "SELECT COALESCE(MAX(version), 0) FROM claimlint_schema",
            &[],
        )?
        .get(0);
    if found > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            path: shown.to_owned(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for (version, sql) in MIGRATIONS.iter().filter(|(version, _)| *version > found) {
        tx.batch_execute(sql)?;
        tx.execute(
            "INSERT INTO claimlint_schema (version, applied_at) VALUES ($1, $2)",
            &[version, &super::now_timestamp()],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// Runs `attempt` until it succeeds, is not a conflict, or [`ATTEMPTS`] are used up. A
/// conflict is a serialization failure or deadlock the server aborted the transaction for, or
/// a unique key another writer committed first (a racing new article or draft number): the
/// transaction was rolled back whole, so trying again from the start is safe.
pub(super) fn retry<T>(
    mut attempt: impl FnMut() -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let mut tries = 0;
    loop {
        tries += 1;
        match attempt() {
            Err(StoreError::Postgres(err)) if tries < ATTEMPTS && is_conflict(&err) => {
                std::thread::sleep(Duration::from_millis(u64::from(tries) * 2));
            }
            other => return other,
        }
    }
}

fn is_conflict(err: &postgres::Error) -> bool {
    use postgres::error::SqlState;
    err.code().is_some_and(|code| {
        *code == SqlState::T_R_SERIALIZATION_FAILURE
            || *code == SqlState::T_R_DEADLOCK_DETECTED
            || *code == SqlState::UNIQUE_VIOLATION
    })
}

/// What went wrong, in words: `postgres::Error` alone displays only "db error" for anything
/// the server reports, so its SQLSTATE, message and detail are spelled out.
pub fn describe(err: &postgres::Error) -> String {
    match err.as_db_error() {
        Some(db) => {
            let detail = db.detail().map(|d| format!(" ({d})")).unwrap_or_default();
            format!("{} [{}]{detail}", db.message(), db.code().code())
        }
        None => match std::error::Error::source(err) {
            Some(cause) => format!("{err}: {cause}"),
            None => err.to_string(),
        },
    }
}

/// A stored BIGINT that must fit a `u32` (a draft number, a count).
fn to_u32(value: i64, what: &str) -> Result<u32, StoreError> {
    u32::try_from(value).map_err(|_| super::corrupt(format!("{what} {value}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_schema_version_mirrors_sqlite() {
        assert_eq!(SCHEMA_VERSION, super::super::migrations::SCHEMA_VERSION);
    }

    #[test]
    fn urls_are_told_from_paths_and_passwords_hidden() {
        assert!(is_postgres_url(Path::new("postgres://u@localhost/db")));
        assert!(is_postgres_url(Path::new("postgresql://localhost/db")));
        assert!(!is_postgres_url(Path::new("claimlint.db")));
        assert!(!is_postgres_url(Path::new("./postgres://x")));
        assert_eq!(
            redacted("postgres://user:secret@host:5432/db?sslmode=disable"),
            "postgres://user:***@host:5432/db?sslmode=disable"
        );
        assert_eq!(
            redacted("postgres://user@host/db"),
            "postgres://user@host/db"
        );
        assert_eq!(redacted("postgresql://host/db"), "postgresql://host/db");
    }
}
