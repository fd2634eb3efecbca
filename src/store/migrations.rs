//! Schema migrations, compiled in and applied on open.
//!
//! `PRAGMA user_version` holds the number of migrations applied. The list is append-only:
//! a released migration is never edited, a change is a new file. All pending migrations run in
//! one `BEGIN IMMEDIATE` transaction (the version is re-read inside it, so two processes opening
//! a fresh database at once do not both migrate). A database whose version is newer than
//! [`SCHEMA_VERSION`] was written by a newer claimlint and is refused untouched.
//!
//! Migration 2 adds the exchange-rate tables (`rate_sources`, `rates`). Room left for later
//! issues: `rule_runs` (one per `check`) and `findings` (rule id, claim ids, severity, message,
//! per run) will be migrations 3, … referring to `drafts(id)` and `claims(draft_id, claim_id)`.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// The migrations, in order; migration `i` brings the schema to version `i + 1`.
/// `0002` stores reference rates; `0003` stores rule runs and findings; `0004` gives relations
/// their roles, cue and sentence; `0005` the item count of a `count-list` relation and the factor of a `ratio`;
/// `0006` lets an unchanged re-check reuse its run and finds runs by draft; `0007` packs a
/// draft's text, claims and relations and a finding's evidence (`packed.rs`); `0008` keeps a
/// converted article's source map; `0009` its suppression directives.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_rates.sql"),
    include_str!("migrations/0003_findings.sql"),
    include_str!("migrations/0004_relation_roles.sql"),
    include_str!("migrations/0005_relation_items.sql"),
    include_str!("migrations/0006_run_reuse.sql"),
    include_str!("migrations/0007_packed_drafts.sql"),
    include_str!("migrations/0008_source_map.sql"),
    include_str!("migrations/0009_suppressions.sql"),
];

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Reads `PRAGMA user_version`.
pub(super) fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Refuses a too-new schema; otherwise applies every pending migration in one transaction.
pub(super) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let too_new = |found| StoreError::SchemaTooNew {
        path: path.to_owned(),
        found,
        supported: SCHEMA_VERSION,
    };
    let found = schema_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(too_new(found));
    }
    if found < 0 {
        return Err(super::corrupt(format!("negative schema version {found}")));
    }
    if found == SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = schema_version(&tx)?;
    if found > SCHEMA_VERSION {
        return Err(too_new(found));
    }
    for migration in &MIGRATIONS[found as usize..] {
        tx.execute_batch(migration)?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}
