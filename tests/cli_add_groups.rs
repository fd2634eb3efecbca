//! `claimlint add` writes its inputs in groups (one transaction per group): a draft the
//! database refuses fails alone, the drafts before and after it in the same group are stored,
//! nothing of the refused one is left, and lines are printed only for what was stored, in
//! input order across groups.

mod common;

use common::{Workspace, stderr_of, stdout_of};
use serde_json::Value;

fn json_lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |row| row.get(0)).unwrap()
}

#[test]
fn a_draft_the_database_refuses_fails_alone_inside_its_group() {
    let workspace = Workspace::new();
    workspace.write("seed/seed.txt", "Articolo iniziale.\n");
    workspace
        .claimlint(&["add", workspace.path("seed").to_str().unwrap()])
        .assert()
        .success();
    // The database refuses one draft mid-insert: after its article row was written, so a
    // leftover article row would show a half-stored draft.
    let conn = rusqlite::Connection::open(workspace.db()).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER refuse_c BEFORE INSERT ON drafts WHEN NEW.article_id = 'c-refused'
         BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END;",
    )
    .unwrap();
    for name in ["a-first", "b-second", "c-refused", "d-fourth", "e-fifth"] {
        workspace.write(&format!("batch/{name}.txt"), format!("Testo di {name}.\n"));
    }
    let output = workspace
        .claimlint(&[
            "add",
            "--format",
            "json",
            workspace.path("batch").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("c-refused.txt"), "{stderr}");
    assert!(stderr.contains("refused by the test trigger"), "{stderr}");

    let lines = json_lines(&stdout_of(&output));
    let statuses: Vec<(&str, &str)> = lines
        .iter()
        .map(|line| {
            let source = line["source"].as_str().unwrap();
            let name = source.rsplit('/').next().unwrap();
            (name, line["status"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("a-first.txt", "added"),
            ("b-second.txt", "added"),
            ("c-refused.txt", "error"),
            ("d-fourth.txt", "added"),
            ("e-fifth.txt", "added"),
        ]
    );
    let stored: Vec<String> = conn
        .prepare("SELECT id FROM articles ORDER BY id")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        stored,
        ["a-first", "b-second", "d-fourth", "e-fifth", "seed"],
        "the refused draft left its article row behind, or a good draft is missing"
    );
    assert_eq!(count(&conn, "SELECT COUNT(*) FROM drafts"), 5);
}

#[test]
fn many_inputs_span_several_groups_and_report_in_input_order() {
    let workspace = Workspace::new();
    let files = 700; // more than one group of inputs
    for index in 0..files {
        workspace.write(
            &format!("many/art-{index:04}.txt"),
            format!("Articolo numero {index}.\n"),
        );
    }
    // One bad file late in the run, after the first groups were committed.
    workspace.write("many/art-0650-bad.txt", b"\xff\xfe\n");
    let output = workspace
        .claimlint(&[
            "add",
            "--format",
            "json",
            workspace.path("many").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    let lines = json_lines(&stdout_of(&output));
    assert_eq!(lines.len(), files + 1);
    // Directory inputs are taken in file name order.
    let mut expected: Vec<String> = (0..files).map(|i| format!("art-{i:04}.txt")).collect();
    expected.push("art-0650-bad.txt".to_owned());
    expected.sort();
    for (line, name) in lines.iter().zip(&expected) {
        let source = line["source"].as_str().unwrap();
        assert!(source.ends_with(&format!("/{name}")), "{line} for {name}");
        let status = if name.ends_with("-bad.txt") {
            "error"
        } else {
            "added"
        };
        assert_eq!(line["status"], status, "{line}");
    }
    let conn = rusqlite::Connection::open(workspace.db()).unwrap();
    assert_eq!(count(&conn, "SELECT COUNT(*) FROM drafts"), files as i64);
    assert_eq!(
        count(
            &conn,
            "SELECT COUNT(*) FROM articles WHERE id = 'art-0650-bad'"
        ),
        0
    );
}
