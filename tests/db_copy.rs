//! `claimlint db copy`: a whole archive from SQLite to PostgreSQL and back, verified by rows
//! and a checksum per table; a non-empty target and a missing source are refused; drafts of
//! an old schema are packed on the way and read back the same.

mod common;

use common::{Workspace, fixture, stderr_of, stdout_of};
use serde_json::Value;

/// `claimlint db copy --from FROM --to TO --format json`, run in the workspace.
fn copy(workspace: &Workspace, from: &str, to: &str) -> std::process::Output {
    workspace
        .claimlint_bare(&["db", "copy", "--from", from, "--to", to, "--format", "json"])
        .output()
        .unwrap()
}

fn copied(output: &std::process::Output) -> Value {
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(output));
    serde_json::from_str(&stdout_of(output)).unwrap()
}

/// stdout of `claimlint --db DB ARGS…` (which must succeed, or exit 1 for findings).
fn on(workspace: &Workspace, db: &str, args: &[&str]) -> String {
    let mut full = vec!["--db", db];
    full.extend_from_slice(args);
    let output = workspace.claimlint_bare(&full).output().unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{args:?} on {db}: {}",
        stderr_of(&output)
    );
    stdout_of(&output)
}

/// The rows and checksum of each table, as a copy report lists them.
fn tables(report: &Value) -> Vec<(String, u64, String)> {
    report["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|table| {
            (
                table["table"].as_str().unwrap().to_owned(),
                table["rows"].as_u64().unwrap(),
                table["checksum"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// An archive with three drafts of one story, two other articles (one Markdown, with a
/// suppression directive and a source map), checks with findings, and an imported rate
/// source goes SQLite → PostgreSQL → SQLite: both copies verify with the same rows and
/// checksums, and `drafts`, `claims` and `check` read the same on all three databases.
#[test]
fn an_archive_round_trips_sqlite_postgres_sqlite_with_identical_checksums_and_output() {
    let Some(cluster) = common::pg::cluster() else {
        return;
    };
    let workspace = Workspace::new();
    let first = workspace.path("first.db");
    let first = first.to_str().unwrap();
    for version in ["v1", "v2", "v3"] {
        let name = format!("harbour-solar-{version}.txt");
        let text = std::fs::read(fixture("drafts").join(&name)).unwrap();
        let path = workspace.write(&format!("story/{name}"), text);
        on(
            &workspace,
            first,
            &["add", "--id", "harbour-solar", path.to_str().unwrap()],
        );
    }
    let italian = workspace.copy_fixture("cina-russia-2024-01-it.txt");
    on(&workspace, first, &["add", italian.to_str().unwrap()]);
    let markdown = workspace.write(
        "budget.md",
        "# Budget\n\nSpending rose 12% to $3.4 billion.\n\n<!-- claimlint-disable-next-line -->\nTaxes fell 2%, or 40%.\n",
    );
    on(&workspace, first, &["add", markdown.to_str().unwrap()]);
    let rates = workspace.write(
        "rates.csv",
        "date,base,quote,rate\n1999-01-04,GBP,CHF,2.28\n",
    );
    on(
        &workspace,
        first,
        &[
            "rates",
            "import",
            rates.to_str().unwrap(),
            "--source",
            "desk",
        ],
    );
    on(&workspace, first, &["check", "--all"]);
    on(&workspace, first, &["check", "harbour-solar@1"]);

    let postgres = cluster.new_database();
    let there = copied(&copy(&workspace, &format!("sqlite:{first}"), &postgres));
    let second = workspace.path("second.db");
    let second = second.to_str().unwrap();
    let back = copied(&copy(&workspace, &postgres, second));
    let there_tables = tables(&there);
    assert_eq!(there_tables, tables(&back));
    let rows = |name: &str| {
        there_tables
            .iter()
            .find(|(table, _, _)| table == name)
            .unwrap()
            .1
    };
    assert_eq!(rows("articles"), 3);
    assert_eq!(rows("drafts"), 5);
    // `rates import` also loads the bundled ECB history: two sources.
    assert_eq!(rows("rate_sources"), 2, "{there_tables:?}");
    assert!(rows("rates") > 1, "{there_tables:?}");
    assert!(rows("rule_runs") >= 4, "{there_tables:?}");
    assert!(rows("findings") > 0, "{there_tables:?}");
    assert_eq!(there["packed_drafts"], 0);

    for args in [
        &["drafts", "harbour-solar", "--format", "json"][..],
        &["claims", "harbour-solar@2", "--format", "json"],
        &["claims", "budget", "--format", "json"],
        &["articles", "--format", "json"],
    ] {
        let original = on(&workspace, first, args);
        assert_eq!(on(&workspace, &postgres, args), original, "{args:?}");
        assert_eq!(on(&workspace, second, args), original, "{args:?}");
    }
    // A check reports each finding with its first-seen time, which was copied; the header's
    // own time is this run's.
    let check = |db: &str| {
        let mut report: Value =
            serde_json::from_str(&on(&workspace, db, &["check", "--all", "--format", "json"]))
                .unwrap();
        report.as_object_mut().unwrap().remove("checked_at");
        report
    };
    let original = check(first);
    assert!(original.to_string().contains("first_seen"), "{original}");
    assert_eq!(check(second), original);
}

/// A copy into a database that holds an archive is refused, naming the table with rows, and
/// leaves both sides as they were; copying a database onto itself is refused too.
#[test]
fn a_target_that_is_not_empty_is_refused_and_left_alone() {
    let Some(cluster) = common::pg::cluster() else {
        return;
    };
    let workspace = Workspace::new();
    let story = workspace.write("story.txt", "Il PIL è cresciuto del 2,5%.\n");
    let source = workspace.path("source.db");
    let source = source.to_str().unwrap();
    on(&workspace, source, &["add", story.to_str().unwrap()]);
    let postgres = cluster.new_database();
    copied(&copy(&workspace, source, &postgres));
    let before = on(
        &workspace,
        &postgres,
        &["drafts", "story", "--format", "json"],
    );

    let output = copy(&workspace, source, &postgres);
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("the copy target is not empty (table `articles` has rows)"),
        "{stderr}"
    );
    assert_eq!(
        on(
            &workspace,
            &postgres,
            &["drafts", "story", "--format", "json"]
        ),
        before
    );
    let output = copy(&workspace, &postgres, source);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("is not empty"));

    let output = copy(&workspace, source, &format!("sqlite:{source}"));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("name the same database"));
}

/// A missing source is `no such database`, and the target file is not created.
#[test]
fn a_missing_source_is_refused_before_any_target_is_made() {
    let workspace = Workspace::new();
    let output = copy(&workspace, "missing.db", "target.db");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("no such database"),
        "{}",
        stderr_of(&output)
    );
    assert!(!workspace.path("target.db").exists());
}

/// The schema-5 fixture keeps its claims and relations in rows and its findings' messages in
/// columns: the copy to PostgreSQL packs them (and says how many drafts), and its drafts,
/// claims and stored runs read back the same as from the SQLite file.
#[test]
fn drafts_of_an_old_schema_are_packed_on_the_way_and_read_back_the_same() {
    let Some(cluster) = common::pg::cluster() else {
        return;
    };
    let workspace = Workspace::new();
    let old = workspace.path("old.db");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/db/schema-5.db"),
        &old,
    )
    .unwrap();
    let old = old.to_str().unwrap();
    let postgres = cluster.new_database();
    let report = copied(&copy(&workspace, old, &postgres));
    assert_eq!(report["packed_drafts"], 3);
    for args in [
        &["claims", "cina-russia-2024-01-it@1", "--format", "json"][..],
        &["claims", "cina-russia-2024-01-it@2", "--format", "json"],
        &["claims", "china-russia-2024-01-en", "--format", "json"],
        &["drafts", "cina-russia-2024-01-it", "--format", "json"],
    ] {
        assert_eq!(
            on(&workspace, &postgres, args),
            on(&workspace, old, args),
            "{args:?}"
        );
    }
    let output = workspace
        .claimlint_bare(&["db", "copy", "--from", old, "--to", &postgres])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

/// Asserts that `count` (running a `SELECT COUNT(*)`) finds no row in the archive's tables.
fn assert_no_rows(mut count: impl FnMut(&str) -> i64) {
    for table in ["articles", "drafts", "rule_runs", "findings"] {
        assert_eq!(
            count(&format!("SELECT COUNT(*) FROM {table}")),
            0,
            "{table}"
        );
    }
}

/// A write that fails part-way (a trigger on the target refuses findings, which come after
/// the articles, drafts and runs) rolls the whole copy back: exit 2 with the server's or
/// SQLite's message, and the target still holds no row, on either engine.
#[test]
fn a_copy_that_fails_part_way_leaves_nothing_committed() {
    let Some(cluster) = common::pg::cluster() else {
        return;
    };
    let workspace = Workspace::new();
    let story = workspace.copy_fixture("cina-russia-2024-01-it.txt");
    let source = workspace.path("source.db");
    let source = source.to_str().unwrap();
    on(&workspace, source, &["check", story.to_str().unwrap()]);
    let findings = rusqlite::Connection::open(source)
        .unwrap()
        .query_row("SELECT COUNT(*) FROM findings", [], |row| {
            row.get::<_, i64>(0)
        })
        .unwrap();
    assert!(
        findings > 0,
        "the story needs a finding for the trigger to fire"
    );

    let postgres = cluster.new_database();
    drop(claimlint::store::Store::open(std::path::Path::new(&postgres)).unwrap());
    let mut client = postgres::Client::connect(&postgres, postgres::NoTls).unwrap();
    client
        .batch_execute(
            "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS
                 $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;
             CREATE TRIGGER refuse BEFORE INSERT ON findings
                 FOR EACH ROW EXECUTE FUNCTION refuse();",
        )
        .unwrap();
    let output = copy(&workspace, source, &postgres);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("injected failure"),
        "{}",
        stderr_of(&output)
    );
    assert_no_rows(|sql| client.query_one(sql, &[]).unwrap().get(0));

    let target = workspace.path("target.db");
    drop(claimlint::store::Store::open(&target).unwrap());
    let conn = rusqlite::Connection::open(&target).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER refuse BEFORE INSERT ON findings
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
    )
    .unwrap();
    let output = copy(&workspace, source, target.to_str().unwrap());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("injected failure"),
        "{}",
        stderr_of(&output)
    );
    assert_no_rows(|sql| conn.query_row(sql, [], |row| row.get(0)).unwrap());
}
