//! Rate sources and rates on PostgreSQL: the bundled ECB snapshot loaded once, user imports
//! upserted, imported sources read back for lookups (the SQLite side is `store/rates.rs`).
//!
//! The design choice a reader must know: rows go in with one binary `COPY` (the bundled
//! snapshot is about 220,000 rows, which row-by-row statements would take many seconds to send),
//! and an import is copied into a temporary table first and then upserted from it, so a row for
//! the same source, pair and day replaces the earlier figure as on SQLite. Both writes hold a
//! transaction-scoped advisory lock, so two processes loading the snapshot or importing at once
//! take turns and the second sees what the first committed (READ COMMITTED).

use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::Type;
use postgres::{Client, Transaction};

use super::super::rates::{ImportedRates, RateSourceSummary};
use super::super::{StoreError, corrupt, now_timestamp};
use crate::reference::{
    BundledSnapshot, Currency, Layout, RateBook, RateTable, RateTableBuilder, parse_day,
};

/// Any fixed key, apart from the migrations' one: serialises claimlint's rate writes.
const RATES_LOCK: i64 = 0x636c_6169_6d72_6174; // "claimrat"

/// The bundled snapshot hash stored for `source`, if any.
pub(in super::super) fn loaded_snapshot(
    client: &mut Client,
    source: &str,
) -> Result<Option<String>, StoreError> {
    Ok(client
        .query_opt(
            "SELECT snapshot FROM rate_sources WHERE name = $1",
            &[&source],
        )?
        .and_then(|row| row.get::<_, Option<String>>(0)))
}

/// Writes `table()` as the bundled source unless `snapshot` is already there (re-checked under
/// the lock); `Some(rows)` when it wrote them.
pub(in super::super) fn load_bundled<'t>(
    client: &mut Client,
    snapshot: &BundledSnapshot,
    table: impl FnOnce() -> &'t RateTable,
) -> Result<Option<usize>, StoreError> {
    let mut tx = locked(client)?;
    let stored = tx
        .query_opt(
            "SELECT snapshot FROM rate_sources WHERE name = $1",
            &[&snapshot.source],
        )?
        .and_then(|row| row.get::<_, Option<String>>(0));
    if stored.as_deref() == Some(snapshot.sha256) {
        tx.commit()?;
        return Ok(None);
    }
    let table = table();
    tx.execute("DELETE FROM rates WHERE source = $1", &[&snapshot.source])?;
    upsert_source(&mut tx, snapshot.source, "bundled", table.layout())?;
    let rows = copy_rows(&mut tx, "rates", snapshot.source, table)?;
    tx.execute(
        "UPDATE rate_sources SET snapshot = $2 WHERE name = $1",
        &[&snapshot.source, &snapshot.sha256],
    )?;
    finish_source(&mut tx, snapshot.source)?;
    tx.commit()?;
    Ok(Some(rows))
}

/// Stores `table` under its source name; the source must be new or an earlier import with the
/// same layout ([`StoreError::RateSourceConflict`] otherwise, nothing written).
pub(in super::super) fn import(
    client: &mut Client,
    table: &RateTable,
) -> Result<ImportedRates, StoreError> {
    let source = table.source();
    let mut tx = locked(client)?;
    let existing = tx.query_opt(
        "SELECT kind, layout FROM rate_sources WHERE name = $1",
        &[&source],
    )?;
    if let Some(row) = existing {
        let (kind, layout): (String, String) = (row.get(0), row.get(1));
        if kind != "imported" || layout != table.layout().as_str() {
            return Err(StoreError::RateSourceConflict {
                source_name: source.to_owned(),
                existing: format!("{kind}, {layout} layout"),
                layout: table.layout().as_str(),
            });
        }
    }
    upsert_source(&mut tx, source, "imported", table.layout())?;
    tx.batch_execute("CREATE TEMPORARY TABLE rates_import (LIKE rates) ON COMMIT DROP")?;
    let rows = copy_rows(&mut tx, "rates_import", source, table)?;
    tx.execute(
        "INSERT INTO rates (source, base, quote, date, rate)
         SELECT source, base, quote, date, rate FROM rates_import
         ON CONFLICT (source, base, quote, date) DO UPDATE SET rate = excluded.rate",
        &[],
    )?;
    let source_rows = finish_source(&mut tx, source)?;
    tx.commit()?;
    Ok(ImportedRates {
        source: source.to_owned(),
        layout: table.layout(),
        rows,
        source_rows,
    })
}

/// Every imported source ahead of the bundled data, as lookups use them.
pub(in super::super) fn rate_book(client: &mut Client) -> Result<RateBook, StoreError> {
    let sources = client.query(
        "SELECT name, layout FROM rate_sources WHERE kind = 'imported' ORDER BY name",
        &[],
    )?;
    let statement = client.prepare(
        "SELECT date, base, quote, rate FROM rates WHERE source = $1 ORDER BY date COLLATE \"C\"",
    )?;
    let mut tables = Vec::with_capacity(sources.len());
    for source in sources {
        let (name, layout): (String, String) = (source.get(0), source.get(1));
        let layout = Layout::parse(&layout)
            .ok_or_else(|| corrupt(format!("rate source `{name}` has layout `{layout}`")))?;
        let mut builder = RateTableBuilder::new(&name, layout);
        for row in client.query(&statement, &[&name])? {
            let (date, base, quote): (String, String, String) =
                (row.get(0), row.get(1), row.get(2));
            let bad = || corrupt(format!("rate row {name} {date} {base}/{quote}"));
            let date = parse_day(&date).map_err(|_| bad())?;
            let base: Currency = base.parse().map_err(|_| bad())?;
            let quote: Currency = quote.parse().map_err(|_| bad())?;
            builder.push(date, base, quote, row.get(3));
        }
        tables.push(builder.build());
    }
    Ok(RateBook::with_imported(tables))
}

/// Every rate source, by name.
pub(in super::super) fn rate_sources(
    client: &mut Client,
) -> Result<Vec<RateSourceSummary>, StoreError> {
    client
        .query(
            "SELECT name, kind, layout, snapshot, newest_date, row_count, loaded_at
             FROM rate_sources ORDER BY name",
            &[],
        )?
        .iter()
        .map(|row| {
            let layout: String = row.get(2);
            let row_count: i64 = row.get(5);
            Ok(RateSourceSummary {
                name: row.get(0),
                kind: row.get(1),
                layout: Layout::parse(&layout)
                    .ok_or_else(|| corrupt(format!("rate source layout `{layout}`")))?,
                snapshot: row.get(3),
                newest_date: row.get(4),
                row_count: usize::try_from(row_count)
                    .map_err(|_| corrupt(format!("rate source row count {row_count}")))?,
                loaded_at: row.get(6),
            })
        })
        .collect()
}

/// A transaction holding the rate-writing lock.
fn locked(client: &mut Client) -> Result<Transaction<'_>, StoreError> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&RATES_LOCK])?;
    Ok(tx)
}

fn upsert_source(
    tx: &mut Transaction<'_>,
    name: &str,
    kind: &str,
    layout: Layout,
) -> Result<(), StoreError> {
    tx.execute(
        "INSERT INTO rate_sources (name, kind, layout, row_count, loaded_at)
         VALUES ($1, $2, $3, 0, $4)
         ON CONFLICT (name) DO UPDATE SET loaded_at = excluded.loaded_at",
        &[&name, &kind, &layout.as_str(), &now_timestamp()],
    )?;
    Ok(())
}

/// Writes every row of `table` under `source` into `into` with one binary `COPY`.
fn copy_rows(
    tx: &mut Transaction<'_>,
    into: &str,
    source: &str,
    table: &RateTable,
) -> Result<usize, StoreError> {
    let sink = tx.copy_in(&format!(
        "COPY {into} (source, base, quote, date, rate) FROM STDIN BINARY"
    ))?;
    let types = [Type::TEXT, Type::TEXT, Type::TEXT, Type::TEXT, Type::FLOAT8];
    let mut writer = BinaryCopyInWriter::new(sink, &types);
    let mut count = 0;
    for row in table.rows() {
        let date = row.date.to_string();
        writer.write(&[
            &source,
            &row.base.as_str(),
            &row.quote.as_str(),
            &date,
            &row.rate,
        ])?;
        count += 1;
    }
    writer.finish()?;
    Ok(count)
}

/// Refreshes the source's row count and newest date; returns the row count.
fn finish_source(tx: &mut Transaction<'_>, source: &str) -> Result<usize, StoreError> {
    let count: i64 = tx
        .query_one(
            "UPDATE rate_sources SET
                 row_count = (SELECT COUNT(*) FROM rates WHERE source = $1),
                 newest_date = (SELECT MAX(date COLLATE \"C\") FROM rates WHERE source = $1)
             WHERE name = $1
             RETURNING row_count",
            &[&source],
        )?
        .get(0);
    usize::try_from(count).map_err(|_| corrupt(format!("rate source row count {count}")))
}
