//! `claimlint extract` through the real binary: file, stdin, date header and override, output
//! formats, and the `--jsonl` stream (bad lines answered in place, flushing per line).

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::time::Duration;

use common::{Workspace, fixture, stderr_of, stdout_of};
use predicates::prelude::*;
use serde_json::Value;

fn extract_json(workspace: &Workspace, args: &[&str], stdin: Option<&str>) -> Value {
    let mut command = workspace.claimlint_bare(args);
    if let Some(stdin) = stdin {
        command.write_stdin(stdin);
    }
    let output = command.output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    serde_json::from_str(&stdout_of(&output)).unwrap()
}

#[test]
fn json_carries_the_source_the_header_date_and_the_extraction() {
    let workspace = Workspace::new();
    let path = fixture("cina-russia-2024-01-it.txt");
    let json = extract_json(
        &workspace,
        &["extract", path.to_str().unwrap(), "--format", "json"],
        None,
    );
    assert_eq!(json["source"], path.to_str().unwrap());
    assert_eq!(json["date"], "2024-01");
    assert!(json["lang"].is_string());
    assert!(json["claims"].is_array());
    assert!(json["relations"].is_array());
    assert!(json["sentences"].is_array());
}

#[test]
fn date_option_overrides_the_header_and_stdin_gives_the_same_claims() {
    let workspace = Workspace::new();
    let path = fixture("china-russia-2024-01-en.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let from_file = extract_json(
        &workspace,
        &[
            "extract",
            path.to_str().unwrap(),
            "--format",
            "json",
            "--date",
            "2023-05",
        ],
        None,
    );
    assert_eq!(from_file["date"], "2023-05");
    for args in [
        &["extract", "-", "--format", "json", "--date", "2023-05"][..],
        &["extract", "--format", "json", "--date", "2023-05"][..],
    ] {
        let from_stdin = extract_json(&workspace, args, Some(&text));
        assert_eq!(from_stdin["source"], "<stdin>");
        assert_eq!(from_stdin["claims"], from_file["claims"]);
        assert_eq!(from_stdin["relations"], from_file["relations"]);
    }
}

#[test]
fn table_output_names_the_source_and_language() {
    let workspace = Workspace::new();
    workspace
        .claimlint_bare(&["extract", "--lang", "it", "-"])
        .write_stdin("date 2024-01 Un testo breve.")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "<stdin>  lang it  date 2024-01",
        ));
}

#[test]
fn bad_inputs_are_errors_naming_the_file_and_position() {
    let workspace = Workspace::new();
    let latin1 = workspace.write("latin1.txt", b"perch\xe9\n");
    let bad_date = workspace.write("bad-date.txt", "date 2024-13 Testo.\n");
    let cases = [
        (
            latin1.to_str().unwrap(),
            "latin1.txt: not valid UTF-8 at line 1, byte 5 (0xE9); it looks like Windows-1252 or Latin-1 text",
        ),
        (
            bad_date.to_str().unwrap(),
            "bad-date.txt: line 1: header `date`",
        ),
        ("no-such-file.txt", "no-such-file.txt: cannot read"),
    ];
    for (file, message) in cases {
        workspace
            .claimlint_bare(&["extract", file])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    workspace
        .claimlint_bare(&["extract", "--date", "2024-02-30", "-"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2024-02-30"));
}

#[test]
fn jsonl_answers_every_line_in_order_and_keeps_going_after_bad_ones() {
    let workspace = Workspace::new();
    let input = [
        r#"{"id": "a", "text": "Il PIL è cresciuto del 2,5% nel 2023.", "lang": "it"}"#,
        r#"{"id": "b", "text": "broken"#,
        "",
        r#"{"id": "c"}"#,
        r#"{"id": 4, "text": "x", "date": "2024-13"}"#,
        r#"{"id": "e", "text": "x", "lang": "fr"}"#,
        r#"{"id": "f", "text": "Exports rose 3.1% in 2023.", "date": "2024-01"}"#,
    ]
    .join("\n");
    let output = workspace
        .claimlint_bare(&["extract", "--jsonl"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let lines: Vec<Value> = stdout_of(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let ids: Vec<&Value> = lines.iter().map(|line| &line["id"]).collect();
    assert_eq!(
        ids,
        [
            &Value::from("a"),
            &Value::Null,
            &Value::from("c"),
            &Value::from(4),
            &Value::from("e"),
            &Value::from("f")
        ]
    );
    for good in [&lines[0], &lines[5]] {
        assert!(good.get("error").is_none(), "{good}");
        assert!(
            good["claims"].is_array() && good["relations"].is_array(),
            "{good}"
        );
    }
    assert_eq!(lines[0]["lang"], "it");
    let errors: Vec<(u64, &str)> = lines[1..5]
        .iter()
        .map(|line| {
            (
                line["line"].as_u64().unwrap(),
                line["error"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(errors[0].0, 2);
    assert!(errors[0].1.contains("invalid JSON"), "{errors:?}");
    assert_eq!(errors[1], (4, "missing `text`"));
    assert_eq!(errors[2].0, 5);
    assert!(errors[2].1.contains("2024-13"), "{errors:?}");
    assert_eq!(errors[3].0, 6);
    assert!(errors[3].1.contains("fr"), "{errors:?}");
}

#[test]
fn jsonl_with_only_good_lines_exits_zero() {
    let workspace = Workspace::new();
    workspace
        .claimlint_bare(&["extract", "--jsonl", "--lang", "en"])
        .write_stdin("{\"id\": 1, \"text\": \"one\"}\n{\"id\": 2, \"text\": \"two\"}\n")
        .assert()
        .success()
        .stdout(predicate::function(|out: &str| out.lines().count() == 2));
}

#[test]
fn jsonl_flushes_each_answer_before_the_next_line_arrives() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimlint"))
        .args(["extract", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line).unwrap();
        sender.send(line).unwrap();
    });
    stdin
        .write_all(b"{\"id\": \"first\", \"text\": \"hello\"}\n")
        .unwrap();
    stdin.flush().unwrap();
    // stdin stays open: the answer must come without waiting for more input.
    let answer = receiver.recv_timeout(Duration::from_secs(30)).unwrap();
    let answer: Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(answer["id"], "first");
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn jsonl_conflicts_with_a_file_and_with_format() {
    let workspace = Workspace::new();
    for args in [
        &["extract", "--jsonl", "article.txt"][..],
        &["extract", "--jsonl", "--format", "json"][..],
    ] {
        workspace.claimlint_bare(args).assert().code(2).stderr(
            predicate::str::contains("--jsonl").and(predicate::str::contains(if args.len() == 3 {
                "FILE"
            } else {
                "--format"
            })),
        );
    }
}

/// `claimlint extract --format json big.txt | head -c 100`: a reader that stops early is not
/// an error (exit 0, nothing on stderr), as for every other output.
#[test]
fn a_closed_pipe_ends_json_output_quietly() {
    use std::io::Read;
    let workspace = Workspace::new();
    let text = "Le vendite sono salite del 12,5% a 3,4 milioni di euro nel 2023.\n".repeat(4000);
    let path = workspace.write("big.txt", text);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimlint"))
        .args(["extract", "--lang", "it", "--format", "json"])
        .arg(&path)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut head = [0u8; 100];
    stdout.read_exact(&mut head).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(stderr_of(&output), "");
}
