//! `db copy` on each engine: the [`Store`] methods the copy calls, each handing a PostgreSQL
//! store to `pg/copy.rs`, and the SQLite side's SQL.
//!
//! Both ends use explicit transactions on their one connection: the source a read snapshot
//! (`BEGIN` on SQLite, `REPEATABLE READ READ ONLY` on PostgreSQL), the target one write
//! transaction (`BEGIN IMMEDIATE` on SQLite) that the copy commits only once verified. An
//! SQLite draft written before schema 7 has no packed text or claims (`text_deflated` is
//! NULL): it is read whole ([`Store::draft_contents`]) and packed as a schema-7 draft is; a
//! finding of that time gets its message and evidence packed the same way.

use rusqlite::types::{Value as SqlValue, ValueRef};

use super::super::{Engine, Store, StoreError, packed, pg};
use super::{Row, TABLES, Table, Value};

impl Store {
    /// The first of [`TABLES`] holding a row, if any.
    pub(super) fn first_nonempty_table(&self) -> Result<Option<&'static str>, StoreError> {
        for table in TABLES {
            let count = match &self.engine {
                Engine::Sqlite(conn) => {
                    conn.query_row(&format!("SELECT COUNT(*) FROM {}", table.name), [], |row| {
                        row.get::<_, i64>(0)
                    })?
                }
                Engine::Postgres(client) => pg::copy_count_rows(&mut client.borrow_mut(), table)?,
            };
            if count > 0 {
                return Ok(Some(table.name));
            }
        }
        Ok(None)
    }

    /// Opens the source's read snapshot.
    pub(super) fn begin_copy_source(&mut self) -> Result<(), StoreError> {
        match &mut self.engine {
            Engine::Sqlite(conn) => Ok(conn.execute_batch("BEGIN")?),
            Engine::Postgres(client) => Ok(client
                .get_mut()
                .batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")?),
        }
    }

    /// Closes the source's snapshot (it wrote nothing).
    pub(super) fn end_copy_source(&mut self) {
        let _ = match &mut self.engine {
            Engine::Sqlite(conn) => conn.execute_batch("COMMIT").map_err(StoreError::from),
            Engine::Postgres(client) => client
                .get_mut()
                .batch_execute("COMMIT")
                .map_err(StoreError::from),
        };
    }

    /// Opens the target's one write transaction.
    pub(super) fn begin_copy_target(&mut self) -> Result<(), StoreError> {
        match &mut self.engine {
            Engine::Sqlite(conn) => Ok(conn.execute_batch("BEGIN IMMEDIATE")?),
            Engine::Postgres(client) => Ok(client.get_mut().batch_execute("BEGIN")?),
        }
    }

    /// After the last row: PostgreSQL's id sequences continue after the copied ids.
    pub(super) fn finish_copy_target_writes(&mut self) -> Result<(), StoreError> {
        match &mut self.engine {
            Engine::Sqlite(_) => Ok(()),
            Engine::Postgres(client) => pg::copy_advance_ids(client.get_mut()),
        }
    }

    /// Commits (`commit`) or rolls back the target's transaction.
    pub(super) fn end_copy_target(&mut self, commit: bool) -> Result<(), StoreError> {
        let sql = if commit { "COMMIT" } else { "ROLLBACK" };
        match &mut self.engine {
            Engine::Sqlite(conn) => Ok(conn.execute_batch(sql)?),
            Engine::Postgres(client) => Ok(client.get_mut().batch_execute(sql)?),
        }
    }

    /// Calls `each` with every row of `table` in key order, legacy SQLite rows packed
    /// (counted in `packed_drafts`).
    pub(super) fn each_row(
        &mut self,
        table: &Table,
        packed_drafts: &mut u64,
        each: &mut dyn FnMut(Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        if let Engine::Postgres(client) = &mut self.engine {
            return pg::copy_each_row(client.get_mut(), table, each);
        }
        let Engine::Sqlite(conn) = &self.engine else {
            unreachable!("PostgreSQL was handled above")
        };
        // A finding written before schema 7 keeps its message and evidence in these columns.
        let extra = if table.name == "findings" {
            ", message, evidence"
        } else {
            ""
        };
        let sql = format!(
            "SELECT {}{extra} FROM {} ORDER BY {}",
            table.column_list(),
            table.name,
            table.key.join(", ")
        );
        let mut statement = conn.prepare(&sql)?;
        let mut rows = statement.query([])?;
        while let Some(row) = rows.next()? {
            let mut values = (0..table.columns.len())
                .map(|index| Ok(value_of(row.get_ref(index)?)))
                .collect::<Result<Row, rusqlite::Error>>()?;
            match table.name {
                "drafts" if values[table.index_of("text_deflated")] == Value::Null => {
                    pack_legacy_draft(self, table, &mut values)?;
                    *packed_drafts += 1;
                }
                "findings" if values[table.index_of("details_deflated")] == Value::Null => {
                    let message: String = row.get(table.columns.len())?;
                    let evidence: String = row.get(table.columns.len() + 1)?;
                    values[table.index_of("details_deflated")] =
                        Value::Blob(packed::pack_finding(&message, &evidence)?);
                }
                _ => {}
            }
            each(values)?;
        }
        Ok(())
    }

    /// Writes `rows` of `table` in the target's open transaction.
    pub(super) fn insert_rows(&mut self, table: &Table, rows: &[Row]) -> Result<(), StoreError> {
        if rows.is_empty() {
            return Ok(());
        }
        let conn = match &mut self.engine {
            Engine::Sqlite(conn) => conn,
            Engine::Postgres(client) => return pg::copy_insert_rows(client.get_mut(), table, rows),
        };
        // The SQLite-only columns a packed row leaves empty.
        let (extra_columns, extra_values) = match table.name {
            "drafts" => (", text", ", ''"),
            "findings" => (", message, evidence", ", '', ''"),
            _ => ("", ""),
        };
        let placeholders: Vec<String> =
            (1..=table.columns.len()).map(|i| format!("?{i}")).collect();
        let mut insert = conn.prepare_cached(&format!(
            "INSERT INTO {} ({}{extra_columns}) VALUES ({}{extra_values})",
            table.name,
            table.column_list(),
            placeholders.join(", ")
        ))?;
        for row in rows {
            insert.execute(rusqlite::params_from_iter(row.iter().map(sql_value)))?;
        }
        Ok(())
    }
}

/// Fills the packed columns of a draft row written before schema 7 from its text and its
/// claim and relation rows.
fn pack_legacy_draft(store: &Store, table: &Table, values: &mut Row) -> Result<(), StoreError> {
    let Value::Int(draft_id) = values[table.index_of("id")] else {
        return Err(super::super::corrupt("a draft row without an id"));
    };
    let contents = store.draft_contents(draft_id)?;
    let count = |count: usize| Value::Int(count as i64);
    values[table.index_of("text_deflated")] = Value::Blob(packed::pack_text(&contents.text));
    values[table.index_of("extraction_deflated")] = Value::Blob(packed::pack_extraction(
        &contents.text,
        &contents.claims,
        &contents.relations,
    )?);
    values[table.index_of("claim_count")] = count(contents.claims.len());
    values[table.index_of("relation_count")] = count(contents.relations.len());
    values[table.index_of("text_length")] = count(contents.text.len());
    Ok(())
}

fn value_of(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(int) => Value::Int(int),
        ValueRef::Real(real) => Value::Real(real),
        ValueRef::Text(text) => Value::Text(String::from_utf8_lossy(text).into_owned()),
        ValueRef::Blob(blob) => Value::Blob(blob.to_vec()),
    }
}

fn sql_value(value: &Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Int(int) => SqlValue::Integer(*int),
        Value::Real(real) => SqlValue::Real(*real),
        Value::Text(text) => SqlValue::Text(text.clone()),
        Value::Blob(blob) => SqlValue::Blob(blob.clone()),
    }
}
