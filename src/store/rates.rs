//! Rate sources and rates: loading the bundled ECB snapshot once, importing user rates, and
//! reading imported sources back for lookups.
//!
//! The bundled snapshot is loaded in one `BEGIN IMMEDIATE` transaction and skipped when the
//! `ECB` source row already carries the same snapshot hash (re-checked inside the transaction,
//! so two processes do not both load it); a different hash (a newer claimlint) replaces the old
//! rows. Imports upsert: a row for the same source, pair and day replaces the earlier figure.
//! Lookups of the bundled data never come here (see `crate::reference`); only the few imported
//! rows are read back. On PostgreSQL the same is done by `pg/rates.rs`.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde::Serialize;

use super::{Engine, Store, StoreError, corrupt, now_timestamp, pg};
use crate::reference::{
    self, BundledSnapshot, Currency, Layout, RateBook, RateTable, RateTableBuilder, parse_day,
};

/// What [`Store::ensure_bundled_rates`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum BundledLoad {
    /// The same snapshot was already in the database.
    AlreadyLoaded,
    /// The snapshot was written (first use, or a newer snapshot replaced an older one).
    Loaded { rows: usize },
}

/// What one import stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportedRates {
    pub source: String,
    pub layout: Layout,
    /// Rows written by this import (new or replacing an earlier figure).
    pub rows: usize,
    /// Rows the source holds after the import.
    pub source_rows: usize,
}

/// One row of `rate_sources`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RateSourceSummary {
    pub name: String,
    pub kind: String,
    pub layout: Layout,
    pub snapshot: Option<String>,
    pub newest_date: Option<String>,
    pub row_count: usize,
    pub loaded_at: String,
}

impl Store {
    /// Loads the bundled ECB snapshot on first use; a no-op when it is already there.
    pub fn ensure_bundled_rates(&mut self) -> Result<BundledLoad, StoreError> {
        self.load_bundled_rates(&reference::bundled_snapshot(), reference::bundled)
    }

    /// Loads `table()` as the bundled source unless `snapshot` is already loaded; `table` is
    /// only called when the rows must be written.
    pub fn load_bundled_rates<'t>(
        &mut self,
        snapshot: &BundledSnapshot,
        table: impl FnOnce() -> &'t RateTable,
    ) -> Result<BundledLoad, StoreError> {
        if self.bundled_snapshot_loaded(snapshot)? {
            return Ok(BundledLoad::AlreadyLoaded);
        }
        if let Engine::Postgres(client) = &mut self.engine {
            return Ok(match pg::load_bundled(client.get_mut(), snapshot, table)? {
                None => BundledLoad::AlreadyLoaded,
                Some(rows) => BundledLoad::Loaded { rows },
            });
        }
        let tx = self
            .sqlite_mut("loading the bundled rates into the database")?
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if loaded_snapshot(&tx, snapshot.source)?.as_deref() == Some(snapshot.sha256) {
            tx.commit()?;
            return Ok(BundledLoad::AlreadyLoaded);
        }
        let table = table();
        tx.execute("DELETE FROM rates WHERE source = ?1", [snapshot.source])?;
        upsert_source(&tx, snapshot.source, "bundled", table.layout())?;
        let rows = insert_rows(&tx, snapshot.source, table)?;
        tx.execute(
            "UPDATE rate_sources SET snapshot = ?2 WHERE name = ?1",
            params![snapshot.source, snapshot.sha256],
        )?;
        finish_source(&tx, snapshot.source)?;
        tx.commit()?;
        Ok(BundledLoad::Loaded { rows })
    }

    /// True when the database holds exactly this bundled snapshot.
    pub fn bundled_snapshot_loaded(&self, snapshot: &BundledSnapshot) -> Result<bool, StoreError> {
        let stored = match &self.engine {
            Engine::Sqlite(conn) => loaded_snapshot(conn, snapshot.source)?,
            Engine::Postgres(client) => {
                pg::loaded_snapshot(&mut client.borrow_mut(), snapshot.source)?
            }
        };
        Ok(stored.as_deref() == Some(snapshot.sha256))
    }

    /// Stores the rates of `table` under its source name, in one transaction. The source must
    /// be new, or an earlier import with the same layout.
    pub fn import_rates(&mut self, table: &RateTable) -> Result<ImportedRates, StoreError> {
        let source = table.source();
        let conn = match &mut self.engine {
            Engine::Sqlite(conn) => conn,
            Engine::Postgres(client) => return pg::import_rates(client.get_mut(), table),
        };
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let existing = tx
            .query_row(
                "SELECT kind, layout FROM rate_sources WHERE name = ?1",
                [source],
                |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)),
            )
            .optional()?;
        if let Some((kind, layout)) = existing
            && (kind != "imported" || layout != table.layout().as_str())
        {
            return Err(StoreError::RateSourceConflict {
                source_name: source.to_owned(),
                existing: format!("{kind}, {layout} layout"),
                layout: table.layout().as_str(),
            });
        }
        upsert_source(&tx, source, "imported", table.layout())?;
        let rows = insert_rows(&tx, source, table)?;
        let source_rows = finish_source(&tx, source)?;
        tx.commit()?;
        Ok(ImportedRates {
            source: source.to_owned(),
            layout: table.layout(),
            rows,
            source_rows,
        })
    }

    /// The sources lookups use: every imported source ahead of the bundled data.
    pub fn rate_book(&self) -> Result<RateBook, StoreError> {
        if let Engine::Postgres(client) = &self.engine {
            return pg::rate_book(&mut client.borrow_mut());
        }
        Ok(RateBook::with_imported(self.imported_rate_tables()?))
    }

    /// Every imported source as a table, by name (the bundled data is not read from here).
    pub fn imported_rate_tables(&self) -> Result<Vec<RateTable>, StoreError> {
        let conn = self.sqlite("reading imported rates")?;
        let mut sources = conn.prepare_cached(
            "SELECT name, layout FROM rate_sources WHERE kind = 'imported' ORDER BY name",
        )?;
        let names = sources
            .query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut rows = conn.prepare_cached(
            "SELECT date, base, quote, rate FROM rates WHERE source = ?1 ORDER BY date",
        )?;
        let mut tables = Vec::with_capacity(names.len());
        for (name, layout) in names {
            let layout = Layout::parse(&layout)
                .ok_or_else(|| corrupt(format!("rate source `{name}` has layout `{layout}`")))?;
            let mut builder = RateTableBuilder::new(&name, layout);
            let mut query = rows.query([&name])?;
            while let Some(row) = query.next()? {
                let (date, base, quote): (String, String, String) =
                    (row.get(0)?, row.get(1)?, row.get(2)?);
                let bad = || corrupt(format!("rate row {name} {date} {base}/{quote}"));
                let date = parse_day(&date).map_err(|_| bad())?;
                let base: Currency = base.parse().map_err(|_| bad())?;
                let quote: Currency = quote.parse().map_err(|_| bad())?;
                builder.push(date, base, quote, row.get(3)?);
            }
            tables.push(builder.build());
        }
        Ok(tables)
    }

    /// Every rate source in the database, by name.
    pub fn rate_sources(&self) -> Result<Vec<RateSourceSummary>, StoreError> {
        let conn = match &self.engine {
            Engine::Sqlite(conn) => conn,
            Engine::Postgres(client) => return pg::rate_sources(&mut client.borrow_mut()),
        };
        let mut statement = conn.prepare_cached(
            "SELECT name, kind, layout, snapshot, newest_date, row_count, loaded_at
             FROM rate_sources ORDER BY name",
        )?;
        let mut rows = statement.query([])?;
        let mut sources = Vec::new();
        while let Some(row) = rows.next()? {
            let layout: String = row.get(2)?;
            let row_count: i64 = row.get(5)?;
            sources.push(RateSourceSummary {
                name: row.get(0)?,
                kind: row.get(1)?,
                layout: Layout::parse(&layout)
                    .ok_or_else(|| corrupt(format!("rate source layout `{layout}`")))?,
                snapshot: row.get(3)?,
                newest_date: row.get(4)?,
                row_count: row_count as usize,
                loaded_at: row.get(6)?,
            });
        }
        Ok(sources)
    }
}

fn loaded_snapshot(
    conn: &rusqlite::Connection,
    source: &str,
) -> Result<Option<String>, StoreError> {
    let snapshot = conn
        .query_row(
            "SELECT snapshot FROM rate_sources WHERE name = ?1",
            [source],
            |row| row.get::<_, Option<String>>(0),
        )
        .optional()?;
    Ok(snapshot.flatten())
}

fn upsert_source(
    tx: &Transaction<'_>,
    name: &str,
    kind: &str,
    layout: Layout,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO rate_sources (name, kind, layout, row_count, loaded_at)
         VALUES (?1, ?2, ?3, 0, ?4)
         ON CONFLICT (name) DO UPDATE SET loaded_at = excluded.loaded_at",
        params![name, kind, layout.as_str(), now_timestamp()],
    )?;
    Ok(())
}

fn insert_rows(tx: &Transaction<'_>, source: &str, table: &RateTable) -> Result<usize, StoreError> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO rates (source, base, quote, date, rate) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (source, base, quote, date) DO UPDATE SET rate = excluded.rate",
    )?;
    let mut count = 0;
    for row in table.rows() {
        let date = row.date.to_string();
        insert.execute(params![
            source,
            row.base.as_str(),
            row.quote.as_str(),
            date,
            row.rate
        ])?;
        count += 1;
    }
    Ok(count)
}

/// Refreshes the source's row count and newest date; returns the row count.
fn finish_source(tx: &Transaction<'_>, source: &str) -> Result<usize, StoreError> {
    tx.execute(
        "UPDATE rate_sources SET
             row_count = (SELECT COUNT(*) FROM rates WHERE source = ?1),
             newest_date = (SELECT MAX(date) FROM rates WHERE source = ?1)
         WHERE name = ?1",
        [source],
    )?;
    let count: i64 = tx.query_row(
        "SELECT row_count FROM rate_sources WHERE name = ?1",
        [source],
        |row| row.get(0),
    )?;
    Ok(count as usize)
}
