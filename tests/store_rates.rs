//! Rate sources in the store through the library API on real SQLite files: imports round-trip
//! into lookups, re-imports replace, conflicting sources are refused, and the bundled snapshot
//! loads once per identity. Most tests use small tables; one loads the real bundled file.

mod common;

use chrono::NaiveDate;
use claimlint::reference::{
    self, BundledSnapshot, Currency, Layout, RateBook, RateTable, parse_rates,
};
use claimlint::store::{BundledLoad, Store, StoreError};
use common::Workspace;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn cur(code: &str) -> Currency {
    code.parse().unwrap()
}

fn table(source: &str, text: &str) -> RateTable {
    let parsed = parse_rates("test.csv", source, text).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    parsed.table
}

const PAIRS: &str = "date,base,quote,rate\n2024-01-02,USD,ARS,808.45\n2024-01-03,USD,ARS,809.1\n";

#[test]
fn imported_rates_come_back_as_the_same_table() {
    let workspace = Workspace::new();
    let mut store = Store::open(&workspace.db()).unwrap();
    let imported = store.import_rates(&table("bank", PAIRS)).unwrap();
    assert_eq!((imported.rows, imported.source_rows), (2, 2));
    let tables = store.imported_rate_tables().unwrap();
    assert_eq!(tables.len(), 1);
    let rows: Vec<_> = tables[0].rows().collect();
    let expected: Vec<_> = table("bank", PAIRS).rows().collect();
    assert_eq!(rows, expected);
    let book = RateBook::with_imported(tables);
    let quote = book
        .rate(cur("USD"), cur("ARS"), day("2024-01-06"))
        .unwrap();
    assert_eq!((quote.rate, quote.source.as_str()), (809.1, "bank"));
}

#[test]
fn reimport_replaces_the_same_day_and_keeps_the_others() {
    let workspace = Workspace::new();
    let mut store = Store::open(&workspace.db()).unwrap();
    store.import_rates(&table("bank", PAIRS)).unwrap();
    let correction = "date,base,quote,rate\n2024-01-03,USD,ARS,810\n2024-01-04,USD,ARS,811\n";
    let imported = store.import_rates(&table("bank", correction)).unwrap();
    assert_eq!((imported.rows, imported.source_rows), (2, 3));
    let book = RateBook::with_imported(store.imported_rate_tables().unwrap());
    let rate = |date| book.rate(cur("USD"), cur("ARS"), day(date)).unwrap().rate;
    assert_eq!((rate("2024-01-02"), rate("2024-01-03")), (808.45, 810.0));
    let sources = store.rate_sources().unwrap();
    assert_eq!(sources[0].newest_date.as_deref(), Some("2024-01-04"));
}

#[test]
fn a_source_keeps_its_layout() {
    let workspace = Workspace::new();
    let mut store = Store::open(&workspace.db()).unwrap();
    store.import_rates(&table("bank", PAIRS)).unwrap();
    let ecb_layout = table("bank", "Date,USD,\n2024-01-02,1.1,\n");
    let err = store.import_rates(&ecb_layout).unwrap_err();
    assert!(
        matches!(err, StoreError::RateSourceConflict { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("--source"), "{err}");
}

#[test]
fn an_ecb_layout_import_keeps_dropped_currencies_unknown() {
    let workspace = Workspace::new();
    let mut store = Store::open(&workspace.db()).unwrap();
    let text = "Date,USD,RUB,\n2022-03-02,1.11,N/A,\n2022-03-01,1.12,117.3,\n";
    store.import_rates(&table("mirror", text)).unwrap();
    let tables = store.imported_rate_tables().unwrap();
    assert_eq!(tables[0].layout(), Layout::Ecb);
    let book = RateBook::with_imported(tables).only("mirror").unwrap();
    assert!(
        book.rate(Currency::EUR, cur("RUB"), day("2022-03-01"))
            .is_some()
    );
    assert!(
        book.rate(Currency::EUR, cur("RUB"), day("2022-03-03"))
            .is_none()
    );
}

#[test]
fn bundled_snapshot_loads_once_per_identity() {
    let workspace = Workspace::new();
    let mut store = Store::open(&workspace.db()).unwrap();
    let small = table("ECB", "Date,USD,CNY,\n2024-01-02,1.0956,7.8264,\n");
    let first = BundledSnapshot {
        sha256: "first",
        ..reference::bundled_snapshot()
    };
    let loaded = store.load_bundled_rates(&first, || &small).unwrap();
    assert_eq!(loaded, BundledLoad::Loaded { rows: 2 });
    let again = store
        .load_bundled_rates(&first, || panic!("not needed: already loaded"))
        .unwrap();
    assert_eq!(again, BundledLoad::AlreadyLoaded);
    let newer = table("ECB", "Date,USD,\n2024-01-03,1.09,\n2024-01-02,1.0956,\n");
    let second = BundledSnapshot {
        sha256: "second",
        ..first
    };
    let replaced = store.load_bundled_rates(&second, || &newer).unwrap();
    assert_eq!(replaced, BundledLoad::Loaded { rows: 2 });
    let sources = store.rate_sources().unwrap();
    assert_eq!(sources.len(), 1);
    assert_eq!(
        (sources[0].kind.as_str(), sources[0].row_count),
        ("bundled", 2)
    );
    assert_eq!(sources[0].snapshot.as_deref(), Some("second"));
    assert!(store.imported_rate_tables().unwrap().is_empty());
}

#[test]
fn the_real_bundled_snapshot_loads_every_rate() {
    let workspace = Workspace::new();
    let mut store = Store::open(&workspace.db()).unwrap();
    let started = std::time::Instant::now();
    let loaded = store.ensure_bundled_rates().unwrap();
    eprintln!("bundled load took {:?}", started.elapsed());
    assert_eq!(
        loaded,
        BundledLoad::Loaded {
            rows: reference::bundled().len()
        }
    );
    assert!(
        store
            .bundled_snapshot_loaded(&reference::bundled_snapshot())
            .unwrap()
    );
    assert_eq!(
        store.ensure_bundled_rates().unwrap(),
        BundledLoad::AlreadyLoaded
    );
    let sources = store.rate_sources().unwrap();
    assert_eq!(
        sources[0].newest_date.as_deref(),
        Some(reference::BUNDLED_SNAPSHOT_DATE)
    );
}
