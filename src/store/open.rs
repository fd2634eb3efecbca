//! Opening a database: refuse what is not SQLite without writing to it, set the pragmas, migrate.
//!
//! A file that exists, is not empty and does not start with the SQLite magic header is refused
//! *before* SQLite opens it, so it stays byte-for-byte untouched (SQLite itself would also fail,
//! but only after creating `-wal`/`-shm` companions in some cases). An empty file is a new
//! database, as SQLite treats it.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::{Engine, Store, StoreError, migrations};

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a connection sleeps between tries while another process holds the lock.
const BUSY_POLL: Duration = Duration::from_millis(2);

impl Store {
    /// Opens the database at `path`, creating it (and its schema) on first use.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, true)
    }

    /// Opens an existing database; a missing file is [`StoreError::DatabaseMissing`]. Used by
    /// the read-only commands so a mistyped `--db` does not silently show an empty database.
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, false)
    }

    /// Caps the database file at `max_pages` pages (`PRAGMA max_page_count`, this connection
    /// only), for quotas (`--max-db-pages`) and for tests of a full disk that need no root. A
    /// write that would grow the file past the cap fails with [`StoreError::Full`] and is rolled
    /// back. SQLite never sets the cap below the current size; returns the cap now in force.
    pub fn limit_pages(&self, max_pages: u32) -> Result<u32, StoreError> {
        let cap: u32 = self.sqlite("--max-db-pages")?.pragma_update_and_check(
            None,
            "max_page_count",
            max_pages,
            |row| row.get(0),
        )?;
        Ok(cap)
    }

    fn open_with(path: &Path, create: bool) -> Result<Store, StoreError> {
        if path.as_os_str() == IN_MEMORY {
            return Store::open_in_memory();
        }
        if super::pg::is_postgres_url(path) {
            return super::pg::open(path, create);
        }
        let exists = check_is_sqlite(path)?;
        if !exists && !create {
            return Err(StoreError::DatabaseMissing {
                path: path.to_owned(),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let open_error = |cause| {
            StoreError::Open {
                path: path.to_owned(),
                cause,
            }
            .located(path)
        };
        let mut conn = Connection::open_with_flags(path, flags).map_err(open_error)?;
        // The header was SQLite's (checked above), so SQLite refusing the file now, or finding
        // the schema unreadable, means the file is damaged.
        configure(&mut conn, path).map_err(|err| err.located(path))?;
        migrations::migrate(&mut conn, path).map_err(|err| err.located(path))?;
        Ok(Store {
            engine: Engine::Sqlite(conn),
            path: path.to_owned(),
            claim_open: false,
        })
    }
}

/// The `--db` value that names no file: a private database in memory.
pub const IN_MEMORY: &str = ":memory:";

impl Store {
    /// A new database in memory, gone when the store is dropped: for a check that must leave
    /// no file behind (`check --no-store`, `--db :memory:`). Same schema and foreign keys as
    /// a file; no WAL (there is no file to share), so no journal-mode check.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = Path::new(IN_MEMORY);
        let mut conn = Connection::open_in_memory().map_err(|cause| StoreError::Open {
            path: path.to_owned(),
            cause,
        })?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
        migrations::migrate(&mut conn, path)?;
        Ok(Store {
            engine: Engine::Sqlite(conn),
            path: path.to_owned(),
            claim_open: false,
        })
    }
}

/// Opens an existing database for `db check`: no migration, no pragma that writes (the file
/// may be damaged, and a check must not change it).
pub(super) fn open_for_check(path: &Path) -> Result<Connection, StoreError> {
    if !check_is_sqlite(path)? {
        return Err(StoreError::DatabaseMissing {
            path: path.to_owned(),
        });
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags).map_err(|cause| StoreError::Open {
        path: path.to_owned(),
        cause,
    })?;
    conn.busy_handler(Some(wait_while_busy))?;
    Ok(conn)
}

/// True if the file exists (and is SQLite or empty); false if it does not exist.
fn check_is_sqlite(path: &Path) -> Result<bool, StoreError> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(err) => {
            return Err(StoreError::Io {
                path: path.to_owned(),
                cause: err,
            });
        }
    };
    if file.metadata().is_ok_and(|meta| meta.is_dir()) {
        return Err(StoreError::NotADatabase {
            path: path.to_owned(),
        });
    }
    let mut head = Vec::with_capacity(16);
    let read = file.by_ref().take(16).read_to_end(&mut head);
    match read {
        Ok(0) => Ok(true),
        Ok(_) if head.as_slice() == SQLITE_MAGIC => Ok(true),
        _ => Err(StoreError::NotADatabase {
            path: path.to_owned(),
        }),
    }
}

/// The pragmas every connection needs. `journal_mode` answers with the mode actually set.
fn configure(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    conn.busy_handler(Some(wait_while_busy))?;
    let mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::JournalMode {
            path: path.to_owned(),
            mode,
        });
    }
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // Plans must not depend on bound values: with STAT4 compiled in, SQLite otherwise
    // re-prepares some statements (`MAX(number) … WHERE article_id = ?`) on every new binding,
    // once per added draft. Nothing here is ANALYZEd, so no better plan is given up.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    Ok(())
}

/// The busy handler: try again every [`BUSY_POLL`] until [`BUSY_TIMEOUT`] has passed.
///
/// SQLite's own `busy_timeout` backs off up to 100 ms between tries, so a process waiting
/// for the lock can sleep through several short group commits of another `add` and then find
/// it already done; polling at a fixed short interval lets two writers take turns group by
/// group. `attempts` is how many times the handler ran for this lock request.
fn wait_while_busy(attempts: i32) -> bool {
    let waited = BUSY_POLL * u32::try_from(attempts).unwrap_or(u32::MAX);
    if waited >= BUSY_TIMEOUT {
        return false;
    }
    std::thread::sleep(BUSY_POLL);
    true
}
