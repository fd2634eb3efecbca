//! `claimlint db stats|check|backup` and the message for a damaged database, on real SQLite
//! files written by the binary in temp dirs (one of them damaged on purpose).

mod common;

use std::path::Path;

use common::{Workspace, fixture, stderr_of, stdout_of};
use serde_json::Value;

const ARTICLES: [&str; 2] = ["cina-russia-2024-01-it.txt", "china-russia-2024-01-en.txt"];

fn json_of(workspace: &Workspace, args: &[&str]) -> Value {
    let output = workspace.claimlint(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
    serde_json::from_slice(&output.stdout).unwrap()
}

fn add_fixtures(workspace: &Workspace) -> Vec<Value> {
    let mut args = vec!["add".to_owned(), "--format".into(), "json".into()];
    args.extend(ARTICLES.map(|name| fixture(name).display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = workspace.claimlint(&args).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    stdout_of(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn stats(workspace: &Workspace, db: &Path) -> Value {
    let output = workspace
        .claimlint_bare(&[
            "--db",
            db.to_str().unwrap(),
            "db",
            "stats",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn db_stats_counts_what_was_stored_and_accounts_for_every_page() {
    let workspace = Workspace::new();
    let added = add_fixtures(&workspace);
    let check = json_of(
        &workspace,
        &[
            "check",
            // Added from the repository (a project): the id is the path from its root.
            "fixtures/articles/cina-russia-2024-01-it",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
    );
    let findings: usize = check["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|article| article["findings"].as_array().unwrap().len())
        .sum();
    let mut relations = 0;
    for entry in &added {
        let article = entry["article"].as_str().unwrap();
        let claims = json_of(&workspace, &["claims", article, "--format", "json"]);
        relations += claims["relations"].as_array().unwrap().len();
    }
    let claims: u64 = added
        .iter()
        .map(|entry| entry["claim_count"].as_u64().unwrap())
        .sum();
    let text_bytes: usize = ARTICLES
        .iter()
        .map(|name| {
            std::fs::read_to_string(fixture(name))
                .unwrap()
                .replace("\r\n", "\n")
                .len()
        })
        .sum();

    let stats = stats(&workspace, &workspace.db());
    let rows = &stats["rows"];
    assert_eq!(rows["articles"], 2);
    assert_eq!(rows["drafts"], 2);
    assert_eq!(rows["claims"], claims);
    assert_eq!(rows["relations"], relations);
    assert_eq!(rows["rule_runs"], 1);
    assert_eq!(rows["findings"], findings);
    assert_eq!(stats["text_bytes"], text_bytes);
    let file_bytes = std::fs::metadata(workspace.db()).unwrap().len();
    assert_eq!(stats["file_bytes"], file_bytes);
    // Every page is some table's (or free): the sizes add up to the file's pages.
    let page_size = stats["page_size"].as_u64().unwrap();
    let table_bytes: u64 = stats["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|table| table["bytes"].as_u64().unwrap())
        .sum();
    assert_eq!(
        table_bytes + stats["free_pages"].as_u64().unwrap() * page_size,
        stats["page_count"].as_u64().unwrap() * page_size,
        "{stats}"
    );
    let names: Vec<&str> = stats["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|table| table["name"].as_str().unwrap())
        .collect();
    for table in [
        "articles",
        "drafts",
        "claims",
        "relations",
        "rule_runs",
        "findings",
    ] {
        assert!(names.contains(&table), "{table} in {names:?}");
    }
    let human = workspace.claimlint(&["db", "stats"]).output().unwrap();
    assert!(
        stdout_of(&human).contains(&format!("claims        {claims}")),
        "{}",
        stdout_of(&human)
    );
}

#[test]
fn db_check_says_ok_for_a_sound_database_and_refuses_what_it_cannot_open() {
    let workspace = Workspace::new();
    add_fixtures(&workspace);
    let output = workspace.claimlint(&["db", "check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(stdout_of(&output), "ok\n");
    let json = json_of(&workspace, &["db", "check", "--format", "json"]);
    assert_eq!(
        json,
        serde_json::json!({"integrity": [], "foreign_keys": []})
    );

    let missing = workspace.path("missing.db");
    let not_sqlite = workspace.write("notes.db", "not a database\n");
    for db in [&missing, &not_sqlite] {
        let output = workspace
            .claimlint_bare(&["--db", db.to_str().unwrap(), "db", "check"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", db.display());
        assert!(stderr_of(&output).contains(&db.display().to_string()));
    }
    assert!(!missing.exists(), "db check must not create a database");
}

#[test]
fn db_backup_writes_a_complete_database_and_refuses_to_overwrite_without_force() {
    let workspace = Workspace::new();
    add_fixtures(&workspace);
    let backup = workspace.path("backups/copy.db");
    std::fs::create_dir(workspace.path("backups")).unwrap();
    let output = backup_to(&workspace, &backup);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(
        stats(&workspace, &backup)["rows"],
        stats(&workspace, &workspace.db())["rows"]
    );
    let check = workspace
        .claimlint_bare(&["--db", backup.to_str().unwrap(), "db", "check"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&check), "ok\n");

    // A second backup to the same path is refused and leaves the first untouched.
    let before = std::fs::read(&backup).unwrap();
    let output = backup_to(&workspace, &backup);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains(&format!(
            "{}: already exists; pass --force to replace it",
            backup.display()
        )),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(std::fs::read(&backup).unwrap(), before);

    // With --force it is replaced by a copy that has the draft added since.
    workspace.write("later.txt", "Il PIL è cresciuto del 2% nel 2023.\n");
    workspace
        .claimlint(&["add", "later.txt"])
        .assert()
        .success();
    workspace
        .claimlint(&["db", "backup", "--force", backup.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(stats(&workspace, &backup)["rows"]["articles"], 3);
    let mut left: Vec<String> = std::fs::read_dir(workspace.path("backups"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["copy.db"],
        "no temporary file is left beside the backup"
    );
}

/// `claimlint db backup TARGET` on the workspace database.
fn backup_to(workspace: &Workspace, target: &Path) -> std::process::Output {
    workspace
        .claimlint(&["db", "backup", target.to_str().unwrap()])
        .output()
        .unwrap()
}

/// Overwrites the middle third of the database's pages with a pattern that is no b-tree page.
fn damage_pages(db: &Path) {
    let mut bytes = std::fs::read(db).unwrap();
    let page_size = 4096;
    let pages = bytes.len() / page_size;
    assert!(
        pages >= 30,
        "the database has {pages} pages: too few to damage in the middle"
    );
    for page in pages / 3..2 * pages / 3 {
        for (i, byte) in bytes[page * page_size..(page + 1) * page_size]
            .iter_mut()
            .enumerate()
        {
            *byte = (i * 37 + 11) as u8;
        }
    }
    std::fs::write(db, bytes).unwrap();
}

#[test]
fn a_damaged_database_is_named_with_what_to_do_and_db_check_reports_it() {
    let workspace = Workspace::new();
    for n in 0..12 {
        // Varied figures, so the packed drafts still fill many pages.
        let text: String = (0..120)
            .map(|i| {
                format!(
                    "Il PIL è cresciuto del {n},{i}% nel {}, a {i},{n} miliardi di euro. ",
                    1900 + i
                )
            })
            .collect();
        workspace.write(&format!("batch/a{n:02}.txt"), text);
    }
    workspace.claimlint(&["add", "batch"]).assert().success();
    let wal = workspace.path("test.db-wal");
    assert!(
        std::fs::metadata(&wal).map_or(true, |meta| meta.len() == 0),
        "the WAL was checkpointed into the file when claimlint closed it"
    );
    damage_pages(&workspace.db());

    let db = workspace.db().display().to_string();
    let expected = format!(
        "error: {db}: the database file is damaged (database disk image is malformed); run \
         `claimlint --db {db} db check`, and restore from a backup (`claimlint db backup`)\n"
    );
    // Whichever draft's claims sit on a damaged page, reading them says so.
    let mut damaged_reads = 0;
    for n in 0..12 {
        let output = workspace
            .claimlint(&["claims", &format!("a{n:02}")])
            .output()
            .unwrap();
        if !output.status.success() {
            assert_eq!(output.status.code(), Some(2));
            assert_eq!(stderr_of(&output), expected);
            damaged_reads += 1;
        }
    }
    assert!(damaged_reads > 0, "no read met the damaged pages");
    // `check` reports it per target, with the same words.
    let output = workspace
        .claimlint(&["check", "--all", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains(&format!("{db}: the database file is damaged")),
        "{}",
        stderr_of(&output)
    );

    let output = workspace.claimlint(&["db", "check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let report = stdout_of(&output);
    assert!(
        report
            .lines()
            .any(|line| line.starts_with("integrity_check: ")),
        "{report}"
    );
    // The foreign-key check may be stopped by the damage: that is a problem line too.
    assert!(
        report
            .lines()
            .all(|line| line.starts_with("integrity_check: ")
                || line.starts_with("foreign_key_check: ")),
        "{report}"
    );

    // A backup of the damaged file fails and leaves nothing behind.
    let backup = workspace.path("copy.db");
    let output = backup_to(&workspace, &backup);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("db check"),
        "{}",
        stderr_of(&output)
    );
    let leftovers: Vec<_> = std::fs::read_dir(workspace.dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("copy.db"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_file_with_an_sqlite_header_and_garbage_after_it_is_damaged_not_foreign() {
    let workspace = Workspace::new();
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend([0xAB; 4080]);
    let db = workspace.write("test.db", &bytes);
    let output = workspace.claimlint(&["articles"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains(&format!(
            "{}: the database file is damaged (file is not a database); run `claimlint --db {} db check`",
            db.display(),
            db.display()
        )),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        bytes,
        "the file was left as it was"
    );
    let output = workspace.claimlint(&["db", "check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
}
