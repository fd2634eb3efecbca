//! The store through the library API on real SQLite files: numbering, no-op re-adds,
//! atomicity, full round-tripping of every claim field, refusal of foreign or newer databases.

mod common;

use claimlint::document::Document;
use claimlint::model::{
    Ambiguity, ArticleDate, Claim, ClaimKind, Cue, Direction, Extraction, Lang, Precision,
    Qualifier, Relation, RelationKind, Sentence,
};
use claimlint::store::{
    AddStatus, DraftRef, DraftSelector, NewDraft, Store, StoreError, migrations,
};
use common::Workspace;

fn document(text: &str) -> Document {
    Document::from_bytes(text.as_bytes(), "test").unwrap()
}

fn empty_extraction() -> Extraction {
    Extraction {
        lang: Lang::It,
        date: None,
        country: None,
        claims: Vec::new(),
        relations: Vec::new(),
        sentences: Vec::new(),
    }
}

fn claim(id: &str, kind: ClaimKind, start: usize) -> Claim {
    Claim {
        id: id.to_owned(),
        kind,
        text: format!("text of {id}"),
        start,
        end: start + 4,
        line: 2,
        column: 7,
        sentence: 1,
        value: 1.91e9,
        value_text: "1910000000".to_owned(),
        unit: Some("USD".to_owned()),
        scale: Some("miliardi".to_owned()),
        precision: Precision {
            low: 1.905e9,
            high: 1.915e9,
        },
        qualifier: Qualifier::Approx,
        ambiguity: Vec::new(),
        date: None,
        period: None,
    }
}

/// An extraction using every optional field, so a round trip checks all of them.
fn rich_extraction() -> Extraction {
    let mut money = claim("c1", ClaimKind::Money, 3);
    money.ambiguity = vec![
        Ambiguity {
            kind: "long-scale".to_owned(),
            note: "trilioni may mean 10^18".to_owned(),
            alternative_value: Some(1.69e18),
            alternative_value_text: Some("1690000000000000000".to_owned()),
        },
        Ambiguity {
            kind: "decimal-separator".to_owned(),
            note: "no alternative".to_owned(),
            alternative_value: None,
            alternative_value_text: None,
        },
    ];
    let mut percent = claim("c2", ClaimKind::Percent, 20);
    percent.unit = Some("%".to_owned());
    percent.scale = None;
    percent.value = 32.7;
    percent.value_text = "32.7".to_owned();
    percent.qualifier = Qualifier::None;
    let mut date = claim("c3", ClaimKind::Date, 40);
    date.unit = None;
    date.scale = None;
    date.date = Some("2022-02".to_owned());
    date.period = claimlint::model::DatePeriod::of("2022-02");
    date.qualifier = Qualifier::MoreThan;
    Extraction {
        lang: Lang::En,
        date: ArticleDate::parse("2024-01-15"),
        country: None,
        claims: vec![money, percent, date],
        relations: vec![
            Relation {
                kind: RelationKind::Change,
                claims: vec!["c2".to_owned(), "c1".to_owned()],
                roles: vec!["rate".to_owned(), "base".to_owned()],
                marker: Some("up".to_owned()),
                direction: Some(Direction::Up),
                period: Some("year-on-year".to_owned()),
                cue: Some(Cue {
                    id: "rise".to_owned(),
                    text: "up".to_owned(),
                    start: 3,
                    end: 5,
                }),
                sentence: Some(0),
                items: None,
                factor: None,
            },
            Relation {
                kind: RelationKind::Conversion,
                claims: vec!["c1".to_owned(), "c3".to_owned()],
                roles: vec!["source".to_owned(), "target".to_owned()],
                marker: None,
                direction: None,
                period: None,
                cue: None,
                sentence: None,
                items: None,
                factor: None,
            },
            // Round-trips the item count of a count-list (migration 0005).
            Relation {
                kind: RelationKind::CountList,
                claims: vec!["c2".to_owned()],
                roles: vec!["count".to_owned()],
                marker: Some("A, B e C".to_owned()),
                direction: None,
                period: None,
                cue: None,
                sentence: Some(0),
                items: Some(3),
                factor: None,
            },
        ],
        sentences: vec![
            Sentence {
                index: 0,
                start: 0,
                end: 10,
            },
            Sentence {
                index: 1,
                start: 11,
                end: 60,
            },
        ],
    }
}

fn add(store: &mut Store, id: &str, doc: &Document, extraction: &Extraction) -> (u32, AddStatus) {
    let added = store
        .add_draft(&NewDraft {
            article_id: id,
            document: doc,
            extraction,
            label: None,
            packed: None,
        })
        .unwrap();
    (added.draft, added.status)
}

#[test]
fn a_failing_add_leaves_nothing_behind() {
    let workspace = Workspace::new();
    let mut store = Store::open(&workspace.db()).unwrap();
    let mut extraction = rich_extraction();
    // A duplicate claim id is refused after the article row was inserted (claims are packed
    // with the draft row, which checks their ids): the whole transaction must roll back.
    extraction.claims[2].id = "c1".to_owned();
    let doc = document("text that fails\n");
    let result = store.add_draft(&NewDraft {
        article_id: "broken",
        document: &doc,
        extraction: &extraction,
        label: None,
        packed: None,
    });
    assert!(
        matches!(&result, Err(StoreError::InvalidDraft { what }) if what.contains("`c1` appears twice")),
        "{result:?}"
    );
    assert!(store.articles().unwrap().is_empty());
    assert!(matches!(
        store.drafts("broken"),
        Err(StoreError::ArticleNotFound { .. })
    ));
    let conn = rusqlite::Connection::open(workspace.db()).unwrap();
    // Sentences have no table of their own: they are a column of the drafts row.
    for table in ["articles", "drafts", "claims", "relations"] {
        let rows: i64 = conn
            .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 0, "{table} keeps rows of the failed add");
    }
    // The same text then adds cleanly as draft 1.
    assert_eq!(
        add(&mut store, "broken", &doc, &empty_extraction()),
        (1, AddStatus::Added)
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_left_untouched() {
    let workspace = Workspace::new();
    let bytes = b"just some notes, not a database\n".repeat(100);
    let path = workspace.write("notes.db", &bytes);
    let err = Store::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert!(err.to_string().contains("notes.db"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    let names: Vec<_> = std::fs::read_dir(workspace.dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(names, ["notes.db"], "no -wal/-shm companions were created");
}

#[test]
fn a_newer_schema_is_refused_naming_both_versions() {
    let workspace = Workspace::new();
    drop(Store::open(&workspace.db()).unwrap());
    let future = migrations::SCHEMA_VERSION + 41;
    rusqlite::Connection::open(workspace.db())
        .unwrap()
        .pragma_update(None, "user_version", future)
        .unwrap();
    let err = Store::open(&workspace.db()).unwrap_err();
    let message = err.to_string();
    assert!(
        matches!(err, StoreError::SchemaTooNew { found, .. } if found == future),
        "{err:?}"
    );
    assert!(message.contains(&future.to_string()), "{message}");
    assert!(
        message.contains(&format!("({})", migrations::SCHEMA_VERSION)),
        "{message}"
    );
}

#[test]
fn reading_a_missing_database_does_not_create_it() {
    let workspace = Workspace::new();
    let err = Store::open_existing(&workspace.db()).unwrap_err();
    assert!(matches!(err, StoreError::DatabaseMissing { .. }), "{err:?}");
    assert!(!workspace.db().exists());
}

#[test]
fn the_database_uses_wal_and_the_current_schema() {
    let workspace = Workspace::new();
    drop(Store::open(&workspace.db()).unwrap());
    let conn = rusqlite::Connection::open(workspace.db()).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        (mode.as_str(), version),
        ("wal", migrations::SCHEMA_VERSION)
    );
}

#[test]
fn draft_refs_parse() {
    let latest: DraftRef = "cina-russia".parse().unwrap();
    assert_eq!(latest.draft, DraftSelector::Latest);
    let second: DraftRef = "cina-russia@2".parse().unwrap();
    assert_eq!(
        (second.article_id.as_str(), second.draft),
        ("cina-russia", DraftSelector::Number(2))
    );
    for bad in ["a@0", "a@", "a@x", "@2", "/a@1", "a/../b@1"] {
        assert!(bad.parse::<DraftRef>().is_err(), "{bad}");
    }
    let nested: DraftRef = "site/2024/01/index@1".parse().unwrap();
    assert_eq!(nested.article_id, "site/2024/01/index");
}

on_both_engines! {
fn drafts_are_numbered_and_identical_text_is_a_no_op(workspace) {
    let mut store = Store::open(&workspace.db()).unwrap();
    let extraction = empty_extraction();
    let first = document("first text\n");
    let second = document("second text\n");
    assert_eq!(
        add(&mut store, "a", &first, &extraction),
        (1, AddStatus::Added)
    );
    assert_eq!(
        add(&mut store, "a", &second, &extraction),
        (2, AddStatus::Added)
    );
    assert_eq!(
        add(&mut store, "a", &first, &extraction),
        (1, AddStatus::Unchanged)
    );
    let crlf = Document::from_bytes(b"\xEF\xBB\xBFsecond text\r\n", "crlf").unwrap();
    assert_eq!(
        add(&mut store, "a", &crlf, &extraction),
        (2, AddStatus::Unchanged)
    );
    // The same text under another article is that article's draft 1.
    assert_eq!(
        add(&mut store, "b", &first, &extraction),
        (1, AddStatus::Added)
    );

    let numbers: Vec<u32> = store
        .drafts("a")
        .unwrap()
        .iter()
        .map(|d| d.number)
        .collect();
    assert_eq!(numbers, [1, 2]);
    let articles = store.articles().unwrap();
    let summary: Vec<(&str, u32, u32)> = articles
        .iter()
        .map(|a| (a.article.as_str(), a.drafts, a.latest_draft))
        .collect();
    assert_eq!(summary, [("a", 2, 2), ("b", 1, 1)]);
}

fn every_claim_field_round_trips(workspace) {
    let mut store = Store::open(&workspace.db()).unwrap();
    let doc = document("---\ntitle: T\ndate: 2024-01-15\n---\nsome body text here\n");
    let extraction = rich_extraction();
    store
        .add_draft(&NewDraft {
            article_id: "rich",
            document: &doc,
            extraction: &extraction,
            label: Some("first cut"),
            packed: None,
        })
        .unwrap();
    drop(store);

    let store = Store::open(&workspace.db()).unwrap();
    let loaded = store.load_draft("rich", DraftSelector::Latest).unwrap();
    assert_eq!(loaded.claims, extraction.claims);
    assert_eq!(loaded.relations, extraction.relations);
    assert_eq!(loaded.sentences, extraction.sentences);
    assert_eq!(loaded.text, doc.text);
    assert_eq!(loaded.body_start, doc.body_start);
    assert_eq!(loaded.summary.hash, doc.hash());
    assert_eq!(loaded.summary.lang, Lang::En);
    assert_eq!(loaded.summary.date, extraction.date);
    assert_eq!(loaded.summary.title.as_deref(), Some("T"));
    assert_eq!(loaded.summary.label.as_deref(), Some("first cut"));
    assert_eq!(loaded.summary.claim_count, 3);
}

fn claims_filter_by_kind_and_keep_only_relations_among_them(workspace) {
    let mut store = Store::open(&workspace.db()).unwrap();
    let extraction = rich_extraction();
    add(&mut store, "rich", &document("body\n"), &extraction);

    let all = store
        .claims("rich", DraftSelector::Number(1), None)
        .unwrap();
    assert_eq!(all.claims, extraction.claims);
    assert_eq!(all.relations, extraction.relations);

    let money = store
        .claims("rich", DraftSelector::Latest, Some(ClaimKind::Money))
        .unwrap();
    let ids: Vec<&str> = money.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["c1"]);
    assert!(money.relations.is_empty());
}

fn unknown_article_and_draft_are_clear_errors(workspace) {
    let mut store = Store::open(&workspace.db()).unwrap();
    add(&mut store, "a", &document("x\n"), &empty_extraction());
    let err = store.load_draft("nope", DraftSelector::Latest).unwrap_err();
    assert!(err.to_string().contains("no article `nope`"), "{err}");
    let err = store
        .claims("a", DraftSelector::Number(3), None)
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::DraftNotFound {
                number: 3,
                latest: 1,
                ..
            }
        ),
        "{err:?}"
    );
}

/// A converted article (here: built by hand as an HTML converter would) keeps its source map:
/// the stored draft maps prose offsets to the same source lines and columns, and a change
/// of markup alone (figures moved in the file, prose unchanged) is a new draft.
fn a_converted_drafts_source_map_is_stored_and_is_part_of_its_identity(workspace) {
    use claimlint::document::{Format, SourceMapBuilder};
    let converted = |source: &str| {
        let mut builder = SourceMapBuilder::new(Format::Html, source);
        let start = source.find("Il PIL").unwrap();
        let end = source.find("</p>").unwrap();
        builder.copy(start..end);
        let (text, map) = builder.finish();
        let mut doc = document(&text);
        doc.source = Some(map);
        doc
    };
    let first = converted("<html><body>\n<p>Il PIL è cresciuto del 2,5%.</p>");
    let moved = converted("<html>\n<body>\n\n  <p>Il PIL è cresciuto del 2,5%.</p>");
    assert_eq!(first.text, moved.text);
    let figure = first.text.find("2,5").unwrap();
    assert_eq!(first.position(figure), (2, 27));
    assert_eq!(moved.position(figure), (4, 29));

    let mut store = Store::open(&workspace.db()).unwrap();
    let extraction = empty_extraction();
    assert_eq!(
        add(&mut store, "pil", &first, &extraction),
        (1, AddStatus::Added)
    );
    assert_eq!(
        add(&mut store, "pil", &moved, &extraction),
        (2, AddStatus::Added)
    );
    assert_eq!(
        add(&mut store, "pil", &first, &extraction),
        (1, AddStatus::Unchanged)
    );
    drop(store);

    let store = Store::open(&workspace.db()).unwrap();
    let loaded = store.load_draft("pil", DraftSelector::Number(2)).unwrap();
    assert_eq!(loaded.text, moved.text);
    assert_eq!(loaded.source, moved.source);
    let plain = store.load_draft("pil", DraftSelector::Number(1)).unwrap();
    assert_eq!(
        plain.source.as_ref().map(|map| map.format()),
        Some(Format::Html)
    );
}
}
