//! The store: the only place in claimlint with SQL, on SQLite (the default) or PostgreSQL.
//!
//! One [`Store`] wraps one connection to one of two engines (`Engine`): an SQLite file, or a
//! PostgreSQL server when `--db` is a `postgres://` URL (the PostgreSQL SQL lives in [`pg`],
//! with its own migrations numbered like SQLite's schema versions). What follows describes the
//! SQLite engine. Opening sets the pragmas every connection needs (WAL,
//! a busy timeout so concurrent claimlint processes wait instead of failing, foreign keys) and
//! applies the compiled-in migrations ([`migrations`]). Writes that span tables run in one
//! `BEGIN IMMEDIATE` transaction, so a failed `add` leaves nothing behind and two writers queue
//! instead of deadlocking. Files are split by table family: `articles.rs`, `drafts.rs`,
//! `claims.rs` (claims, relations, sentences of a draft), `rates.rs` (exchange-rate sources),
//! `findings.rs` (rule runs) and `diff.rs` (rule runs read back for `diff` and `drafts`);
//! `maintenance.rs` looks after the file itself (`db stats`, `db check`, `db backup`). SQLite
//! reporting the file damaged becomes [`StoreError::Damaged`], naming the file and the fix.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rusqlite::Connection;
use serde::Serialize;
use thiserror::Error;

use crate::model::{ArticleDate, Claim, Lang, Relation, Sentence};

mod articles;
mod backup_file;
mod checkpointer;
mod claims;
mod copy;
mod diff;
mod drafts;
mod findings;
mod maintenance;
pub mod migrations;
mod open;
mod packed;
pub mod pg;
mod queue;
mod rates;
mod suppressions;

pub use articles::LatestDrafts;
pub use backup_file::Backup;
pub use checkpointer::BackgroundCheckpointer;
pub use claims::DraftClaims;
pub use copy::{CopyReport, TableCopy, copy_archive, parse_location};
pub use diff::CheckCounts;
pub use findings::{NewRun, StoredRun, finding_fingerprint};
pub use maintenance::{
    CheckReport, DatabaseStats, RowCounts, TableSize, backup_database, check_database,
};
pub use open::IN_MEMORY;
pub use packed::PackedDraft;
pub use queue::{ClaimedDraft, QueueClaim, QueueFilter};
pub use rates::{BundledLoad, ImportedRates, RateSourceSummary};

/// Why the store failed.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The file exists but is not an SQLite database; it was not modified.
    #[error(
        "{}: not an SQLite database (the file was left untouched); pass another --db path",
        path.display()
    )]
    NotADatabase { path: PathBuf },
    /// The database was written by a newer claimlint; this one refuses to touch it.
    #[error(
        "{}: database schema version {found} is newer than this claimlint supports ({supported}); upgrade claimlint",
        path.display()
    )]
    SchemaTooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// A read-only command was pointed at a database that does not exist yet.
    #[error(
        "{}: no such database (nothing has been added yet?); run `claimlint add` first or pass --db",
        path.display()
    )]
    DatabaseMissing { path: PathBuf },
    /// SQLite would not switch to WAL (e.g. on a filesystem without shared memory).
    #[error("{}: could not enable WAL journaling (SQLite answered `{mode}`)", path.display())]
    JournalMode { path: PathBuf, mode: String },
    /// No article with this id is stored.
    #[error("no article `{article_id}` in the database; `claimlint articles` lists them")]
    ArticleNotFound { article_id: String },
    /// The article exists but has no draft with this number.
    #[error("article `{article_id}` has no draft {number} (its drafts are 1..={latest})")]
    DraftNotFound {
        article_id: String,
        number: u32,
        latest: u32,
    },
    /// The draft handed to the store breaks the extraction contract (sentences not numbered
    /// 0, 1, … in order, or a byte offset beyond what SQLite can store); nothing was written.
    #[error("cannot store the draft: {what}")]
    InvalidDraft { what: String },
    /// A stored value could not be read back (the database was edited by hand?).
    #[error("corrupt value in the database: {what}")]
    Corrupt { what: String },
    /// SQLite found the file damaged: `SQLITE_CORRUPT` ("database disk image is malformed"),
    /// or `SQLITE_NOTADB` for a file whose header looked like SQLite. `detail` is SQLite's
    /// message. Nothing more is written to it by this command.
    #[error(
        "{}: the database file is damaged ({detail}); run `claimlint --db {} db check`, and restore from a backup (`claimlint db backup`)",
        path.display(),
        path.display()
    )]
    Damaged { path: PathBuf, detail: String },
    /// SQLite could not grow the file: `SQLITE_FULL`, the disk is full or the size cap set with
    /// [`Store::limit_pages`] (`--max-db-pages`) was reached. The write that needed the space
    /// was rolled back; nothing of it is stored.
    #[error(
        "{}: database or disk is full; free disk space, or raise --max-db-pages / CLAIMLINT_MAX_DB_PAGES if a cap is set",
        path.display()
    )]
    Full { path: PathBuf },
    /// `db backup` was pointed at a file that exists, without `--force`.
    #[error("{}: already exists; pass --force to replace it, or choose another path", path.display())]
    BackupExists { path: PathBuf },
    /// The backup could not be written or did not verify; nothing was left at `path`.
    #[error("{}: cannot write the backup: {problem} (nothing was written there)", path.display())]
    Backup { path: PathBuf, problem: String },
    /// Opening the database file failed.
    #[error("{}: cannot open database", path.display())]
    Open {
        path: PathBuf,
        #[source]
        cause: rusqlite::Error,
    },
    /// The database file could not be inspected before opening.
    #[error("{}: cannot read database file", path.display())]
    Io {
        path: PathBuf,
        #[source]
        cause: std::io::Error,
    },
    /// An import named a source that exists as another kind or layout.
    #[error(
        "rate source `{source_name}` already exists ({existing}); this file is in the {layout} layout. Import it under another --source name"
    )]
    RateSourceConflict {
        source_name: String,
        existing: String,
        layout: &'static str,
    },
    /// Any other SQLite failure.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// The command or option works on SQLite only so far; nothing was read or written.
    #[error(
        "{what} is not supported on PostgreSQL yet; use an SQLite --db for it (README: \"PostgreSQL\")"
    )]
    NotSupportedOnPostgres { what: &'static str },
    /// `--max-db-pages` was given for a PostgreSQL database: the cap is SQLite's
    /// `max_page_count`, a limit of one file, and PostgreSQL has no per-database equivalent;
    /// refused before connecting, so nothing was read or written.
    #[error(
        "--max-db-pages (or CLAIMLINT_MAX_DB_PAGES) caps an SQLite file and does not apply to PostgreSQL: limit the database's size on the server (a tablespace on a volume of that size, or an alert on pg_database_size), and drop the option for this --db (README: \"PostgreSQL\")"
    )]
    PagesCapOnPostgres,
    /// `check --worker` was pointed at an SQLite database: the shared queue is PostgreSQL's.
    #[error(
        "--worker shares the checking among processes through a PostgreSQL database (--db postgres://…); on SQLite run one `check --all --changed`, which already uses every core (README: \"Checking with many workers\")"
    )]
    WorkerNeedsPostgres,
    /// `db copy` was given a target that already holds an archive; nothing was written.
    #[error(
        "{}: the copy target is not empty (table `{table}` has rows); copy into a new or empty database",
        path.display()
    )]
    CopyTargetNotEmpty { path: PathBuf, table: &'static str },
    /// `db copy` was given the same database twice.
    #[error("{}: --from and --to name the same database", path.display())]
    CopyOntoItself { path: PathBuf },
    /// The target's rows did not read back as the source's; the copy was rolled back.
    #[error("the copy of table `{table}` did not verify ({detail}); nothing was committed")]
    CopyMismatch { table: &'static str, detail: String },
    /// The PostgreSQL server named by `--db postgres://…` could not be reached or refused the
    /// login. `url` has its password hidden.
    #[error("{url}: cannot connect to PostgreSQL: {}", pg::describe(.cause))]
    PostgresConnect { url: String, cause: postgres::Error },
    /// Any other PostgreSQL failure: the server's message, SQLSTATE and detail, or the
    /// client's. Not a `#[source]`: the message already holds the whole chain.
    #[error("PostgreSQL: {}", pg::describe(.0))]
    Postgres(postgres::Error),
}

impl From<postgres::Error> for StoreError {
    fn from(err: postgres::Error) -> StoreError {
        StoreError::Postgres(err)
    }
}

impl StoreError {
    /// This error, or [`StoreError::Damaged`] naming `path` if SQLite reported the file damaged,
    /// or [`StoreError::Full`] if it could not grow the file.
    /// The store applies it where an error leaves it with the path known; [`damage_in`] finds
    /// damage in an error that has already crossed layers.
    pub fn located(self, path: &Path) -> StoreError {
        let cause = match &self {
            StoreError::Sqlite(cause) | StoreError::Open { cause, .. } => cause,
            _ => return self,
        };
        match cause {
            rusqlite::Error::SqliteFailure(failure, message) if is_damage(failure) => {
                StoreError::Damaged {
                    path: path.to_owned(),
                    detail: message.clone().unwrap_or_else(|| describe(failure)),
                }
            }
            rusqlite::Error::SqliteFailure(failure, _)
                if failure.code == rusqlite::ErrorCode::DiskFull =>
            {
                StoreError::Full {
                    path: path.to_owned(),
                }
            }
            _ => self,
        }
    }
}

/// SQLite's message if the error, or any of its causes, is SQLite reporting a damaged file
/// (and it is not already a [`StoreError::Damaged`], which names its path itself).
pub fn damage_in(err: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut current = Some(err);
    while let Some(err) = current {
        if let Some(StoreError::Damaged { .. }) = err.downcast_ref::<StoreError>() {
            return None;
        }
        if let Some(rusqlite::Error::SqliteFailure(failure, message)) =
            err.downcast_ref::<rusqlite::Error>()
            && is_damage(failure)
        {
            return Some(message.clone().unwrap_or_else(|| describe(failure)));
        }
        if let Some(failure) = err.downcast_ref::<rusqlite::ffi::Error>()
            && is_damage(failure)
        {
            return Some(describe(failure));
        }
        current = err.source();
    }
    None
}

/// True if the error, or any of its causes, is SQLite failing to grow the file (`SQLITE_FULL`)
/// and it is not already a [`StoreError::Full`], which names its path itself.
pub fn full_in(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(err);
    while let Some(err) = current {
        if let Some(StoreError::Full { .. }) = err.downcast_ref::<StoreError>() {
            return false;
        }
        let code = match (
            err.downcast_ref::<rusqlite::Error>(),
            err.downcast_ref::<rusqlite::ffi::Error>(),
        ) {
            (Some(rusqlite::Error::SqliteFailure(failure, _)), _) | (_, Some(failure)) => {
                Some(failure.code)
            }
            _ => None,
        };
        if code == Some(rusqlite::ErrorCode::DiskFull) {
            return true;
        }
        current = err.source();
    }
    false
}

/// SQLite's words for a failure code ("database disk image is malformed").
fn describe(failure: &rusqlite::ffi::Error) -> String {
    rusqlite::ffi::code_to_str(failure.extended_code).to_owned()
}

fn is_damage(failure: &rusqlite::ffi::Error) -> bool {
    matches!(
        failure.code,
        rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
    )
}

/// An open claimlint database.
pub struct Store {
    engine: Engine,
    path: PathBuf,
    /// A check-queue claim's transaction is open (`queue.rs`).
    claim_open: bool,
}

/// The database behind a [`Store`]: an SQLite file (the default) or a PostgreSQL server
/// (`--db postgres://…`, see [`pg`]). Each public method matches on it once, so callers never
/// know which engine they use; a method PostgreSQL does not support yet returns
/// [`StoreError::NotSupportedOnPostgres`] through [`Store::sqlite`].
enum Engine {
    Sqlite(Connection),
    /// `postgres::Client` needs `&mut` for every query; reads take `&self`, hence the cell.
    Postgres(std::cell::RefCell<postgres::Client>),
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// The database file this store was opened from (for PostgreSQL: its URL, password
    /// hidden).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when this store is a PostgreSQL database.
    pub fn is_postgres(&self) -> bool {
        matches!(self.engine, Engine::Postgres(_))
    }

    /// The SQLite connection, or [`StoreError::NotSupportedOnPostgres`] naming `what` for an
    /// operation only the SQLite engine has so far.
    fn sqlite(&self, what: &'static str) -> Result<&Connection, StoreError> {
        match &self.engine {
            Engine::Sqlite(conn) => Ok(conn),
            Engine::Postgres(_) => Err(StoreError::NotSupportedOnPostgres { what }),
        }
    }

    /// [`Store::sqlite`] for a write.
    fn sqlite_mut(&mut self, what: &'static str) -> Result<&mut Connection, StoreError> {
        match &mut self.engine {
            Engine::Sqlite(conn) => Ok(conn),
            Engine::Postgres(_) => Err(StoreError::NotSupportedOnPostgres { what }),
        }
    }
}

/// Which draft of an article: a number, or the latest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftSelector {
    Latest,
    Number(u32),
}

/// `ARTICLE` or `ARTICLE@N`, as typed on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftRef {
    pub article_id: String,
    pub draft: DraftSelector,
}

impl FromStr for DraftRef {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (article_id, draft) = match s.split_once('@') {
            None => (s, DraftSelector::Latest),
            Some((id, number)) => match number.parse::<u32>() {
                Ok(n) if n >= 1 => (id, DraftSelector::Number(n)),
                _ => {
                    return Err(format!(
                        "`{number}` after `@` is not a draft number (expected ARTICLE@1, ARTICLE@2 …)"
                    ));
                }
            },
        };
        crate::document::validate_article_id(article_id).map_err(|e| e.to_string())?;
        Ok(DraftRef {
            article_id: article_id.to_owned(),
            draft,
        })
    }
}

/// What `add_draft` stores: the document, its extraction and an optional label.
#[derive(Debug, Clone, Copy)]
pub struct NewDraft<'a> {
    pub article_id: &'a str,
    /// The normalised text is stored and hashed; `title` and `body_start` are kept.
    pub document: &'a crate::document::Document,
    /// Claims, relations, sentences, and the language and date actually used.
    pub extraction: &'a crate::model::Extraction,
    pub label: Option<&'a str>,
    /// The text, claims and relations already packed ([`PackedDraft::new`], for example on a
    /// reading thread); `None`: packed while writing.
    pub packed: Option<&'a PackedDraft>,
}

/// Whether `add_draft` stored a new draft or found the same text already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AddStatus {
    Added,
    Unchanged,
}

/// The result of `add_draft`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddedDraft {
    pub article: String,
    pub draft: u32,
    pub status: AddStatus,
    /// Claims stored for this draft (for `unchanged`: those stored the first time).
    pub claim_count: u32,
}

/// One row of `claimlint articles`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleSummary {
    pub article: String,
    pub drafts: u32,
    pub latest_draft: u32,
    /// When the latest draft was added (RFC 3339, UTC).
    pub latest_added_at: String,
}

/// One row of `claimlint drafts ARTICLE`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftSummary {
    pub number: u32,
    pub added_at: String,
    pub label: Option<String>,
    pub hash: String,
    pub lang: Lang,
    pub date: Option<ArticleDate>,
    pub title: Option<String>,
    pub claim_count: u32,
}

/// A draft read back in full.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredDraft {
    pub article: String,
    #[serde(flatten)]
    pub summary: DraftSummary,
    pub text: String,
    pub body_start: usize,
    pub claims: Vec<Claim>,
    pub relations: Vec<Relation>,
    pub sentences: Vec<Sentence>,
    /// Where `text` stands in the source file of a converted article (`None`: plain text).
    #[serde(skip)]
    pub source: Option<crate::document::SourceMap>,
    /// Ranges of `text` silenced by the article's suppression directives (schema 9).
    #[serde(skip)]
    pub suppressions: Vec<crate::document::Suppression>,
}

/// The current time as stored in `added_at` columns: RFC 3339, UTC, milliseconds.
fn now_timestamp() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn corrupt(what: impl Into<String>) -> StoreError {
    StoreError::Corrupt { what: what.into() }
}
