//! `claimlint add` through the real binary: numbering, no-op re-adds, bad inputs in a batch,
//! directories, stdin, id rules, refused databases and concurrent writers.

mod common;

use common::{Workspace, fixture, stderr_of, stdout_of};
use predicates::prelude::*;
use serde_json::Value;

fn drafts_json(workspace: &Workspace, article: &str) -> Vec<Value> {
    let output = workspace
        .claimlint(&["drafts", article, "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    serde_json::from_str::<Vec<Value>>(&stdout_of(&output)).unwrap()
}

fn article_ids(workspace: &Workspace) -> Vec<String> {
    let output = workspace
        .claimlint(&["articles", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let articles: Vec<Value> = serde_json::from_str(&stdout_of(&output)).unwrap();
    articles
        .iter()
        .map(|a| a["article"].as_str().unwrap().to_owned())
        .collect()
}

on_both_engines! {
fn drafts_are_numbered_and_an_identical_re_add_reports_the_existing_draft(workspace) {
    let story = workspace.write("story.txt", "Prima versione del pezzo.\n");
    let story = story.to_str().unwrap();
    workspace
        .claimlint(&["add", story])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("added story draft 1 ("));
    workspace.write("story.txt", "Seconda versione del pezzo.\n");
    workspace
        .claimlint(&["add", story, "--label", "after edit"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("added story draft 2 ("));
    workspace.write("story.txt", "Prima versione del pezzo.\n");
    workspace
        .claimlint(&["add", story])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("unchanged story is draft 1 ("));
    let drafts = drafts_json(&workspace, "story");
    let numbers: Vec<u64> = drafts
        .iter()
        .map(|d| d["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, [1, 2]);
    assert_eq!(drafts[1]["label"], "after edit");
}

fn bom_and_crlf_are_the_same_draft_as_plain_lf(workspace) {
    let lf = workspace.write("lf/story.txt", "Riga uno.\nRiga due.\n");
    let crlf = workspace.write("crlf/story.txt", "\u{feff}Riga uno.\r\nRiga due.\r\n");
    workspace
        .claimlint(&["add", lf.to_str().unwrap()])
        .assert()
        .success();
    workspace
        .claimlint(&["add", crlf.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("unchanged story is draft 1"));
}

fn bad_files_are_reported_with_offsets_and_the_rest_of_the_batch_is_added(workspace) {
    workspace.write("batch/a-good.txt", "Un articolo valido.\n");
    workspace.write("batch/b-latin1.txt", b"caff\xe8 corretto\n");
    workspace.write("batch/c-nul.md", b"testo\0binario\n");
    workspace.write("batch/d-empty.txt", " \n\n");
    workspace.write("batch/e-good.md", "Another valid article.\n");
    workspace.write("batch/ignored.json", "{}");
    let batch = workspace.path("batch");
    let missing = workspace.path("missing.txt");
    let output = workspace
        .claimlint(&["add", batch.to_str().unwrap(), missing.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains(
            "b-latin1.txt: not valid UTF-8 at line 1, byte 4 (0xE8); it looks like Windows-1252 or Latin-1 text"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("c-nul.md: NUL byte at byte offset 5"),
        "{stderr}"
    );
    assert!(
        stderr.contains("d-empty.txt: the file is empty"),
        "{stderr}"
    );
    assert!(
        stderr.contains("missing.txt: no such file or directory"),
        "{stderr}"
    );
    assert_eq!(article_ids(&workspace), ["a-good", "e-good"]);
    let stdout = stdout_of(&output);
    assert!(stdout.contains("added a-good draft 1"), "{stdout}");
    assert!(stdout.contains("added e-good draft 1"), "{stdout}");
}

fn json_output_is_one_object_per_input_including_failures(workspace) {
    let good = workspace.write("good.txt", "Testo.\n");
    let bad = workspace.write("bad.txt", b"\xff\n");
    let output = workspace
        .claimlint(&[
            "add",
            "--format",
            "json",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let lines: Vec<Value> = stdout_of(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["status"], "added");
    assert_eq!(lines[0]["article"], "good");
    assert_eq!(lines[0]["draft"], 1);
    assert!(lines[0]["claim_count"].is_u64());
    assert_eq!(lines[1]["status"], "error");
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("not valid UTF-8 at line 1, byte 0 (0xFF)"),
        "{}",
        lines[1]
    );
}

fn fixtures_add_with_their_header_dates(workspace) {
    workspace
        .claimlint(&[
            "add",
            fixture("cina-russia-2024-01-it.txt").to_str().unwrap(),
        ])
        .assert()
        .success();
    // The repository is a project (it has .git): the id is the path from its root.
    let drafts = drafts_json(&workspace, "fixtures/articles/cina-russia-2024-01-it");
    assert_eq!(drafts[0]["date"], "2024-01");
}
}

#[test]
fn a_directory_without_articles_is_an_error() {
    let workspace = Workspace::new();
    workspace.write("empty/notes.json", "{}");
    workspace
        .claimlint(&["add", workspace.path("empty").to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no article files in this folder"));
}

#[test]
fn stdin_needs_an_id_and_id_needs_a_single_input() {
    let workspace = Workspace::new();
    workspace
        .claimlint(&["add", "-"])
        .write_stdin("Testo.\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs --id"));
    workspace
        .claimlint(&["add", "-", "--id", "from-stdin"])
        .write_stdin("Testo da stdin.\n")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("added from-stdin draft 1"));
    let a = workspace.write("a.txt", "A.\n");
    let b = workspace.write("b.txt", "B.\n");
    workspace
        .claimlint(&["add", "--id", "x", a.to_str().unwrap(), b.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--id names one article"));
    assert_eq!(article_ids(&workspace), ["from-stdin"]);
}

#[test]
fn article_ids_with_backslashes_climbing_paths_or_control_characters_are_rejected() {
    let workspace = Workspace::new();
    let file = workspace.write("a.txt", "Testo.\n");
    for bad_id in ["/abs", "a/../b", "a//b", "a\\b", "tab\there", "at@2"] {
        workspace
            .claimlint(&["add", "--id", bad_id, file.to_str().unwrap()])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("invalid article id"));
    }
    assert!(article_ids(&workspace).is_empty());
}

#[test]
fn a_db_that_is_not_sqlite_is_refused_and_left_untouched() {
    let workspace = Workspace::new();
    let notes = b"these are my notes, not a database\n".repeat(50);
    let db = workspace.write("notes.txt", &notes);
    let file = workspace.write("a.txt", "Testo.\n");
    workspace
        .claimlint_bare(&["add", file.to_str().unwrap(), "--db", db.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "notes.txt: not an SQLite database",
        ));
    assert_eq!(std::fs::read(&db).unwrap(), notes);
    assert!(!workspace.path("notes.txt-wal").exists());
}

#[test]
fn a_database_with_a_newer_schema_is_refused() {
    let workspace = Workspace::new();
    let file = workspace.write("a.txt", "Testo.\n");
    workspace
        .claimlint(&["add", file.to_str().unwrap()])
        .assert()
        .success();
    rusqlite::Connection::open(workspace.db())
        .unwrap()
        .pragma_update(None, "user_version", 9999)
        .unwrap();
    for args in [vec!["add", file.to_str().unwrap()], vec!["articles"]] {
        workspace
            .claimlint(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("schema version 9999 is newer"));
    }
}

#[test]
fn db_option_before_or_after_the_subcommand_and_the_environment_variable() {
    let workspace = Workspace::new();
    let file = workspace.write("a.txt", "Testo.\n");
    let file = file.to_str().unwrap();
    let before = workspace.path("before.db");
    let after = workspace.path("after.db");
    let from_env = workspace.path("env.db");
    workspace
        .claimlint_bare(&["--db", before.to_str().unwrap(), "add", file])
        .assert()
        .success();
    workspace
        .claimlint_bare(&["add", file, "--db", after.to_str().unwrap()])
        .assert()
        .success();
    workspace
        .claimlint_bare(&["add", file])
        .env("CLAIMLINT_DB", &from_env)
        .assert()
        .success();
    workspace.claimlint_bare(&["add", file]).assert().success();
    for db in [&before, &after, &from_env, &workspace.path("claimlint.db")] {
        assert!(db.exists(), "{} was not created", db.display());
    }
    workspace
        .claimlint_bare(&["articles"])
        .env("CLAIMLINT_DB", &from_env)
        .assert()
        .success()
        .stdout(predicate::str::contains("a  "));
}

#[test]
fn two_processes_adding_at_once_both_succeed() {
    let workspace = Workspace::new();
    let files_per_process = 1000; // several groups each, so the writers take turns
    for process in ["p", "q"] {
        for index in 0..files_per_process {
            workspace.write(
                &format!("{process}/{process}-{index:03}.txt"),
                format!(
                    "Articolo {index} del processo {process}: {} righe.\n",
                    index * 7
                ),
            );
        }
    }
    // Create the database, then hold its write lock while both processes start, so they
    // really wait for it at the same time (each add takes only milliseconds, so starting two
    // processes alone does not guarantee that they meet).
    workspace.write("seed/seed.txt", "Articolo iniziale.\n");
    workspace
        .claimlint(&["add", workspace.path("seed").to_str().unwrap()])
        .assert()
        .success();
    let lock_holder = rusqlite::Connection::open(workspace.db()).unwrap();
    lock_holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let spawn = |dir: &str| {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("claimlint"))
            .arg("--db")
            .arg(workspace.db())
            .arg("add")
            .arg(workspace.path(dir))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (first, second) = (spawn("p"), spawn("q"));
    std::thread::sleep(std::time::Duration::from_millis(500));
    lock_holder.execute_batch("COMMIT").unwrap();
    for child in [first, second] {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
    }
    let ids = article_ids(&workspace);
    assert_eq!(ids.len(), 1 + 2 * files_per_process);
    for process in ["p", "q"] {
        for index in 0..files_per_process {
            let id = format!("{process}-{index:03}");
            assert!(ids.contains(&id), "{id} missing");
        }
    }
    // The writers really ran at the same time: their commit time ranges intersect.
    let conn = rusqlite::Connection::open(workspace.db()).unwrap();
    let range = |prefix: &str| -> (String, String) {
        conn.query_row(
            "SELECT MIN(added_at), MAX(added_at) FROM drafts WHERE article_id LIKE ?1",
            [format!("{prefix}-%")],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap()
    };
    let (p, q) = (range("p"), range("q"));
    assert!(p.0 <= q.1 && q.0 <= p.1, "no overlap: p {p:?}, q {q:?}");
}

/// Reading on several threads changes nothing but the speed: the same lines in input order
/// (bad files included) and the same drafts as one thread.
#[test]
fn add_on_several_threads_reports_and_stores_as_one_thread_does() {
    let runs: Vec<(String, Vec<String>)> = ["1", "3"]
        .iter()
        .map(|jobs| {
            let workspace = Workspace::new();
            for n in 0..40 {
                let text = if n % 13 == 5 {
                    b"\xe8 not UTF-8\n".to_vec()
                } else {
                    format!(
                        "date 2024-0{}-01\n\nLe vendite sono salite del {n},5% a {} milioni di euro.\n",
                        n % 9 + 1,
                        n * 3 + 1
                    )
                    .into_bytes()
                };
                workspace.write(&format!("batch/a{n:02}.txt"), text);
            }
            let output = workspace
                .claimlint(&["add", "--jobs", jobs, "--format", "json", "batch"])
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(2), "three files are not UTF-8");
            let lines: String = stdout_of(&output)
                .lines()
                .map(|line| {
                    let mut value: Value = serde_json::from_str(line).unwrap();
                    if let Some(object) = value.as_object_mut() {
                        object.remove("added_at");
                    }
                    format!("{value}\n")
                })
                .collect();
            let claims = (0..40)
                .filter(|n| n % 13 != 5)
                .map(|n| {
                    let output = workspace
                        .claimlint(&["claims", &format!("a{n:02}"), "--format", "json"])
                        .output()
                        .unwrap();
                    let mut value: Value = serde_json::from_str(&stdout_of(&output)).unwrap();
                    value["draft"]["added_at"] = Value::Null;
                    value.to_string()
                })
                .collect();
            (lines.replace(&workspace.dir.path().display().to_string(), "DIR"), claims)
        })
        .collect();
    assert_eq!(runs[0].0.lines().count(), 40);
    assert!(runs[0].0 == runs[1].0, "{}\n---\n{}", runs[0].0, runs[1].0);
    let differing = (0..runs[0].1.len()).find(|&i| runs[0].1[i] != runs[1].1[i]);
    assert_eq!(differing, None, "claims differ");
}
