//! Loading rules and claimlint.toml through the real binary: every refusal names the file
//! (and line) and exits 2 before anything is checked.

mod common;

use common::{Workspace, rule_source, stderr_of};

fn check_fails(ws: &Workspace, args: &[&str]) -> String {
    ws.write(
        "story.txt",
        "date 2024-01\nLe vendite sono salite del 5%.\n",
    );
    let mut full = vec!["check"];
    full.extend_from_slice(args);
    full.push("story.txt");
    let output = ws.claimlint(&full).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    stderr_of(&output)
}

#[test]
fn a_rule_file_that_is_not_utf8_is_named_with_its_line() {
    let ws = Workspace::new();
    let mut bytes = rule_source("latin", "error", "let x = 1;").into_bytes();
    bytes.extend_from_slice(b"// caff\xe8\n");
    ws.write("suite/latin.rhai", bytes);
    let stderr = check_fails(&ws, &["--rules", "suite"]);
    assert!(stderr.contains("suite/latin.rhai:8: not UTF-8"), "{stderr}");
}

#[test]
fn select_and_ignore_of_one_rule_conflict() {
    let ws = Workspace::new();
    let stderr = check_fails(
        &ws,
        &[
            "--select",
            "growth-rate-mismatch",
            "--ignore",
            "growth-rate-mismatch",
        ],
    );
    assert!(
        stderr.contains("--select and --ignore both name `growth-rate-mismatch`"),
        "{stderr}"
    );
}

#[test]
fn claimlint_toml_errors_name_the_file_and_line() {
    for (toml, says) in [
        ("timeout_ms = 100\n[rules\n", "line 2"),
        ("timeout_ms = \"soon\"\n", "line 1"),
        ("\nbogus = 1\n", "unknown field `bogus`"),
    ] {
        let ws = Workspace::new();
        ws.write("claimlint.toml", toml);
        let stderr = check_fails(&ws, &[]);
        assert!(stderr.contains("claimlint.toml"), "{stderr}");
        assert!(stderr.contains(says), "{toml}: {stderr}");
    }
}

#[test]
fn a_header_id_that_differs_from_the_file_stem_is_named() {
    let ws = Workspace::new();
    ws.write(
        "suite/stem.rhai",
        rule_source("other", "error", "let x = 1;"),
    );
    let stderr = check_fails(&ws, &["--rules", "suite"]);
    assert!(stderr.contains("suite/stem.rhai:1:"), "{stderr}");
}
