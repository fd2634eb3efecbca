//! `db copy`'s PostgreSQL SQL (see `store/copy/mod.rs`): count, stream out in key order, write
//! with binary `COPY … FROM STDIN`, and move the id sequences past the copied ids.
//!
//! Rows are read with `query_raw`, which hands them over as the server sends them, so a large
//! table is not held in memory. Text keys are ordered `COLLATE "C"` (byte order, as SQLite
//! orders them), whatever the database's locale, so both engines give the same checksum.
//! `COPY` writes the identity columns' values as given (like `OVERRIDING SYSTEM VALUE`), so
//! ids are kept; the sequences are then set after the largest.

use postgres::Client;
use postgres::binary_copy::BinaryCopyInWriter;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::{ToSql, Type};

use super::super::StoreError;
use super::super::copy::{Kind, Row, Table, Value};

/// How many rows `table` holds.
pub(in super::super) fn copy_count_rows(
    client: &mut Client,
    table: &Table,
) -> Result<i64, StoreError> {
    Ok(client
        .query_one(&format!("SELECT COUNT(*) FROM {}", table.name), &[])?
        .get(0))
}

/// Calls `each` with every row of `table`, in key order.
pub(in super::super) fn copy_each_row(
    client: &mut Client,
    table: &Table,
    each: &mut dyn FnMut(Row) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let order: Vec<String> = table
        .key
        .iter()
        .map(|key| match kind_of(table, key) {
            Kind::Text => format!("{key} COLLATE \"C\""),
            _ => (*key).to_owned(),
        })
        .collect();
    let sql = format!(
        "SELECT {} FROM {} ORDER BY {}",
        table.column_list(),
        table.name,
        order.join(", ")
    );
    let mut rows = client.query_raw(&sql, std::iter::empty::<i64>())?;
    while let Some(row) = rows.next()? {
        let values = table
            .columns
            .iter()
            .enumerate()
            .map(|(index, (_, kind))| {
                Ok(match kind {
                    Kind::Int => row.try_get::<_, Option<i64>>(index)?.map(Value::Int),
                    Kind::Real => row.try_get::<_, Option<f64>>(index)?.map(Value::Real),
                    Kind::Text => row.try_get::<_, Option<String>>(index)?.map(Value::Text),
                    Kind::Blob => row.try_get::<_, Option<Vec<u8>>>(index)?.map(Value::Blob),
                }
                .unwrap_or(Value::Null))
            })
            .collect::<Result<Row, postgres::Error>>()?;
        each(values)?;
    }
    Ok(())
}

fn kind_of(table: &Table, column: &str) -> Kind {
    table.columns[table.index_of(column)].1
}

/// Writes `rows` into `table` with one binary `COPY`.
pub(in super::super) fn copy_insert_rows(
    client: &mut Client,
    table: &Table,
    rows: &[Row],
) -> Result<(), StoreError> {
    let types: Vec<Type> = table
        .columns
        .iter()
        .map(|(_, kind)| match kind {
            Kind::Int => Type::INT8,
            Kind::Real => Type::FLOAT8,
            Kind::Text => Type::TEXT,
            Kind::Blob => Type::BYTEA,
        })
        .collect();
    let sink = client.copy_in(&format!(
        "COPY {} ({}) FROM STDIN BINARY",
        table.name,
        table.column_list()
    ))?;
    let mut writer = BinaryCopyInWriter::new(sink, &types);
    for row in rows {
        let values: Vec<Box<dyn ToSql + Sync>> = row
            .iter()
            .zip(table.columns)
            .map(|(value, (_, kind))| typed(value, *kind))
            .collect();
        let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|value| value.as_ref()).collect();
        writer.write(&refs)?;
    }
    writer.finish()?;
    Ok(())
}

/// The value as the column's Rust type (a NULL too: `COPY` checks each value's type).
fn typed(value: &Value, kind: Kind) -> Box<dyn ToSql + Sync> {
    match (value, kind) {
        (Value::Int(int), _) => Box::new(*int),
        (Value::Real(real), _) => Box::new(*real),
        (Value::Text(text), _) => Box::new(text.clone()),
        (Value::Blob(blob), _) => Box::new(blob.clone()),
        (Value::Null, Kind::Int) => Box::new(None::<i64>),
        (Value::Null, Kind::Real) => Box::new(None::<f64>),
        (Value::Null, Kind::Text) => Box::new(None::<String>),
        (Value::Null, Kind::Blob) => Box::new(None::<Vec<u8>>),
    }
}

/// Sets the identity sequences of `drafts` and `rule_runs` after their largest copied id.
pub(in super::super) fn copy_advance_ids(client: &mut Client) -> Result<(), StoreError> {
    for table in ["drafts", "rule_runs"] {
        client.batch_execute(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'),
                           COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        ))?;
    }
    Ok(())
}
