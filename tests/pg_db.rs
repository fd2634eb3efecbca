//! `db stats`, `db check` and `db backup` on PostgreSQL through the real binary, against the
//! test cluster (`tests/common/pg.rs`): the same report shapes as on SQLite, problems planted
//! with SQL found, and a `pg_dump` backup that `pg_restore` brings back.

mod common;

use common::{Workspace, stderr_of, stdout_of};
use serde_json::Value;

fn connect(workspace: &Workspace) -> postgres::Client {
    postgres::Client::connect(workspace.db().to_str().unwrap(), postgres::NoTls).unwrap()
}

/// Both fixture articles added, and checked (so runs and findings exist).
fn with_archive(workspace: &Workspace) {
    let files = ["cina-russia-2024-01-it.txt", "china-russia-2024-01-en.txt"]
        .map(|name| workspace.copy_fixture(name));
    let mut args = vec!["add"];
    args.extend(files.iter().map(|file| file.to_str().unwrap()));
    workspace.claimlint(&args).assert().success();
    let output = workspace.claimlint(&["check", "--all"]).output().unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr_of(&output)
    );
}

fn stats(workspace: &Workspace) -> Value {
    let output = workspace
        .claimlint(&["db", "stats", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    serde_json::from_str(&stdout_of(&output)).unwrap()
}

fn keys(value: &Value) -> Vec<String> {
    value.as_object().unwrap().keys().cloned().collect()
}

/// The same archive on both engines: the same JSON fields, the same row counts and text bytes;
/// PostgreSQL's sizes are the server's, every claimlint table listed, largest first.
#[test]
fn stats_on_postgres_have_sqlites_shape_and_counts() {
    let Some(postgres) = Workspace::on_postgres() else {
        return;
    };
    let sqlite = Workspace::new();
    with_archive(&sqlite);
    with_archive(&postgres);
    let (on_sqlite, on_postgres) = (stats(&sqlite), stats(&postgres));
    assert_eq!(keys(&on_postgres), keys(&on_sqlite));
    assert_eq!(on_postgres["rows"], on_sqlite["rows"]);
    assert_eq!(on_postgres["text_bytes"], on_sqlite["text_bytes"]);
    assert_eq!(on_postgres["schema_version"], on_sqlite["schema_version"]);
    assert_eq!(on_postgres["rows"]["articles"], 2);
    assert!(
        on_postgres["rows"]["claims"].as_u64().unwrap() > 10,
        "{on_postgres}"
    );
    assert!(
        on_postgres["rows"]["rule_runs"].as_u64().unwrap() >= 2,
        "{on_postgres}"
    );

    let tables = on_postgres["tables"].as_array().unwrap();
    let names: Vec<&str> = tables.iter().map(|t| t["name"].as_str().unwrap()).collect();
    for table in [
        "articles",
        "drafts",
        "rule_runs",
        "findings",
        "rates",
        "claimlint_schema",
    ] {
        assert!(names.contains(&table), "{table} in {names:?}");
    }
    let bytes: Vec<u64> = tables
        .iter()
        .map(|t| t["bytes"].as_u64().unwrap())
        .collect();
    assert!(
        bytes.is_sorted_by(|a, b| a >= b),
        "largest first: {bytes:?}"
    );
    let page_size = on_postgres["page_size"].as_u64().unwrap();
    let drafts = &tables[names.iter().position(|name| *name == "drafts").unwrap()];
    assert!(drafts["bytes"].as_u64().unwrap() >= page_size, "{drafts}");
    assert!(drafts["index_bytes"].as_u64().unwrap() > 0, "{drafts}");
    let table_bytes: u64 = bytes.iter().sum();
    assert!(
        on_postgres["file_bytes"].as_u64().unwrap() > table_bytes,
        "the database holds the catalog too: {on_postgres}"
    );

    let human = workspace_output(&postgres, &["db", "stats"]);
    assert!(human.contains("database    postgres://"), "{human}");
    assert!(human.contains("schema      version"), "{human}");
}

fn workspace_output(workspace: &Workspace, args: &[&str]) -> String {
    let output = workspace.claimlint(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
    stdout_of(&output)
}

/// A sound archive checks `ok` (exit 0); a gap in an article's draft numbers, a run naming
/// another draft, a rate source miscounting its rows and drafts whose article was deleted
/// behind the foreign key's back are each a problem line (exit 1); a database claimlint never
/// wrote to is exit 2.
#[test]
fn check_on_postgres_finds_planted_problems() {
    let Some(workspace) = Workspace::on_postgres() else {
        return;
    };
    let output = workspace.claimlint(&["db", "check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("no such database"),
        "{}",
        stderr_of(&output)
    );

    with_archive(&workspace);
    assert_eq!(workspace_output(&workspace, &["db", "check"]), "ok\n");
    let json = workspace_output(&workspace, &["db", "check", "--format", "json"]);
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"integrity": [], "foreign_keys": []})
    );

    connect(&workspace)
        .batch_execute(
            "UPDATE drafts SET number = 3 WHERE article_id = 'cina-russia-2024-01-it';
             UPDATE rule_runs SET draft_number = 7 WHERE article_id = 'china-russia-2024-01-en';
             INSERT INTO rate_sources (name, kind, layout, row_count, loaded_at)
                 VALUES ('desk', 'imported', 'pairs', 4, 'now');
             SET session_replication_role = replica;
             DELETE FROM articles WHERE id = 'china-russia-2024-01-en';",
        )
        .unwrap();
    let output = workspace.claimlint(&["db", "check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let problems = stdout_of(&output);
    for expected in [
        "integrity_check: cina-russia-2024-01-it: drafts numbered up to 3 but 1 stored",
        "integrity_check: rule run",
        "names china-russia-2024-01-en@7 but belongs to china-russia-2024-01-en@1",
        "integrity_check: rate source desk records 4 rows but holds 0",
        "foreign_key_check: 1 drafts row(s) with article_id china-russia-2024-01-en refer to a missing articles row",
    ] {
        assert!(problems.contains(expected), "{expected}\n{problems}");
    }
}

/// `db backup PATH` writes a `pg_dump` archive that `pg_restore` loads into an empty database
/// with the same articles and claims; an existing PATH is refused without `--force`.
#[test]
fn backup_on_postgres_is_a_pg_dump_that_restores() {
    let Some(workspace) = Workspace::on_postgres() else {
        return;
    };
    let cluster = common::pg::cluster().unwrap();
    with_archive(&workspace);
    let out = workspace_output(&workspace, &["db", "backup", "archive.dump"]);
    assert!(out.starts_with("backed up postgres://"), "{out}");
    let dump = workspace.path("archive.dump");
    assert!(std::fs::metadata(&dump).unwrap().len() > 0);
    let leftovers: Vec<_> = std::fs::read_dir(workspace.dir.path())
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.contains("claimlint-backup"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let output = workspace
        .claimlint(&["db", "backup", "archive.dump"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("already exists; pass --force"));
    workspace_output(&workspace, &["db", "backup", "archive.dump", "--force"]);

    let restored = cluster.new_database();
    let status = std::process::Command::new(cluster.tool("pg_restore"))
        .arg("--dbname")
        .arg(&restored)
        .arg(&dump)
        .status()
        .unwrap();
    assert!(status.success());
    for args in [
        &["articles", "--format", "json"][..],
        &["claims", "cina-russia-2024-01-it", "--format", "json"],
        &["db", "check"],
    ] {
        let original = workspace_output(&workspace, args);
        let again = workspace
            .claimlint_bare(&["--db", &restored])
            .args(args)
            .output()
            .unwrap();
        assert!(again.status.success(), "{args:?}: {}", stderr_of(&again));
        assert_eq!(stdout_of(&again), original, "{args:?}");
    }
}
