//! `claimlint diff` edge cases through the real binary: identical and whitespace-only drafts,
//! the FILE_A FILE_B form and `--id`, bad arguments (exit 2 with a clear message), and the
//! error/warning counts `drafts` shows once a draft was checked.

mod common;

use common::{Workspace, stderr_of, stdout_of};
use serde_json::Value;

const STORY: &str = "---\ntitle: Port\ndate: 2024-03-12\n---\nThe port handled 41 million tonnes of cargo in 2023. The project is worth 8.4 billion yuan ($1.17bn), officials said.\n\nExports rose 18% to 940 million yuan.\n";

fn diff_json(workspace: &Workspace, args: &[&str]) -> Value {
    let mut full = vec!["diff", "--format", "json"];
    full.extend_from_slice(args);
    let output = workspace.claimlint(&full).output().unwrap();
    assert!(output.status.success(), "{full:?}: {}", stderr_of(&output));
    serde_json::from_str(&stdout_of(&output)).unwrap()
}

fn assert_no_claim_changes(report: &Value) {
    let summary = &report["summary"];
    assert_eq!(summary["no_claim_changes"], true, "{summary}");
    assert_eq!(
        summary["unchanged"],
        report["claims"].as_array().unwrap().len()
    );
    assert!(summary["unchanged"].as_u64().unwrap() >= 5, "{summary}");
    assert!(report["stale"].as_array().unwrap().is_empty());
    assert!(
        report["findings"]["introduced"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert!(
        report["findings"]["resolved"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn bad_arguments_exit_2_with_a_clear_message() {
    let workspace = Workspace::new();
    let file = workspace.write("port.txt", STORY);
    let file = file.to_str().unwrap();
    workspace.claimlint(&["add", file]).assert().success();
    let cases: &[(&[&str], &str)] = &[
        (&["port"], "has only one draft"),
        (&["port@1", "other@1"], "different articles"),
        (&["port@7", "port@1"], "has no draft 7"),
        (&["missing"], "no article `missing`"),
        (&[file], "give two files"),
        (&[file, "port@1"], "is a file but"),
        (&["port@1", "port@1", "port@1"], "3 arguments"),
        (&["port@x", "port@1"], "not a draft number"),
        (&["port@1", "port@1", "--id", "x"], "--id"),
        (&["port@1", "port@1", "--format", "yaml"], "yaml"),
    ];
    for (args, expected) in cases {
        let mut full = vec!["diff"];
        full.extend_from_slice(args);
        let output = workspace.claimlint(&full).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{full:?}");
        let stderr = stderr_of(&output);
        assert!(stderr.contains(expected), "{full:?}: {stderr}");
        assert!(stdout_of(&output).is_empty(), "{full:?}");
    }
}

on_both_engines! {
fn identical_files_have_no_claim_changes(workspace) {
    let a = workspace.write("a/port.txt", STORY);
    let b = workspace.write("b/port.txt", STORY);
    let report = diff_json(&workspace, &[a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(report["article"], "port");
    assert_no_claim_changes(&report);
    let human = workspace
        .claimlint(&["diff", "port@1", "port@1"])
        .output()
        .unwrap();
    assert!(
        stdout_of(&human).contains("no claim changes"),
        "{}",
        stdout_of(&human)
    );
}

fn whitespace_and_punctuation_changes_around_no_claim_are_no_claim_changes(workspace) {
    let reflowed = STORY
        .replace("cargo in 2023. The", "cargo in 2023.\nThe")
        .replace("officials said.", "officials  said!")
        .replace("\n\nExports", "\n\n\n   Exports");
    assert_ne!(reflowed, STORY);
    let a = workspace.write("old.txt", STORY);
    let b = workspace.write("new.txt", &reflowed);
    let report = diff_json(
        &workspace,
        &[a.to_str().unwrap(), b.to_str().unwrap(), "--id", "port"],
    );
    assert_eq!(
        (report["from"].as_u64(), report["to"].as_u64()),
        (Some(1), Some(2))
    );
    assert_no_claim_changes(&report);
    assert!(
        report["sentences"].as_array().unwrap().is_empty(),
        "{}",
        report["sentences"]
    );
}

fn a_changed_growth_rate_with_an_unchanged_amount_is_stale(workspace) {
    let a = workspace.write("old.txt", STORY);
    let b = workspace.write("port.txt", STORY.replace("rose 18%", "rose 21%"));
    let report = diff_json(
        &workspace,
        &["--no-findings", a.to_str().unwrap(), b.to_str().unwrap()],
    );
    assert!(report["findings"].is_null());
    let stale = report["stale"].as_array().unwrap();
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert_eq!(stale[0]["relation"], "change");
    assert_eq!(stale[0]["changed"]["after"]["text"], "21%");
    assert_eq!(stale[0]["unchanged"]["text"], "940 million yuan");
}

fn drafts_shows_the_latest_check_counts_and_blank_when_never_checked(workspace) {
    let a = workspace.write("port.txt", STORY);
    workspace
        .claimlint(&["add", a.to_str().unwrap()])
        .assert()
        .success();
    let b = workspace.write("port.txt", STORY.replace("8.4 billion", "9.4 billion"));
    workspace
        .claimlint(&["check", b.to_str().unwrap()])
        .assert()
        .code(1);
    let output = workspace
        .claimlint(&["drafts", "port", "--format", "json"])
        .output()
        .unwrap();
    let drafts: Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    assert!(drafts[0]["errors"].is_null(), "{drafts}");
    assert_eq!(drafts[1]["errors"], 1, "{drafts}");
    assert_eq!(drafts[1]["warnings"], 0, "{drafts}");
    let table = stdout_of(&workspace.claimlint(&["drafts", "port"]).output().unwrap());
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].ends_with("ERRORS  WARNINGS"), "{table}");
    assert!(lines[1].ends_with("2024-03-12"), "{table}");
    assert!(lines[2].ends_with("1       0"), "{table}");
    // The stored findings of draft 2 are reused by diff: the same one is introduced.
    let report = diff_json(&workspace, &["port"]);
    let introduced = report["findings"]["introduced"].as_array().unwrap();
    assert_eq!(introduced.len(), 1, "{report}");
    assert_eq!(introduced[0]["rule"], "conversion-rate-mismatch");
}

fn a_finding_in_a_reflowed_and_shifted_paragraph_is_neither_introduced_nor_resolved(workspace) {
    let wrong = STORY.replace("8.4 billion", "9.4 billion");
    let shifted = wrong
        .replace(
            "---\nThe port",
            "---\nA new berth opened in 2022 for 300 ships.\n\nThe port",
        )
        .replace("cargo in 2023. The", "cargo in 2023.\nThe");
    let a = workspace.write("old.txt", &wrong);
    let b = workspace.write("port.txt", &shifted);
    let report = diff_json(&workspace, &[a.to_str().unwrap(), b.to_str().unwrap()]);
    let findings = &report["findings"];
    assert!(
        findings["introduced"].as_array().unwrap().is_empty(),
        "{findings}"
    );
    assert!(
        findings["resolved"].as_array().unwrap().is_empty(),
        "{findings}"
    );
    assert_eq!(findings["persisting"], 1, "{findings}");
    // The claim ids did shift: the match went through the alignment, not the ids.
    let conversion = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["after"]["text"] == "9.4 billion yuan")
        .unwrap();
    assert_eq!(conversion["change"], "unchanged");
    assert_ne!(conversion["before"]["id"], conversion["after"]["id"]);
    assert_ne!(conversion["before"]["line"], conversion["after"]["line"]);
}
}

/// `diff` takes `--color` and the colour variables as `check` does (it used to ignore both).
#[test]
fn diff_colours_by_the_flag_and_force_color_and_marks_edits_without() {
    let workspace = Workspace::new();
    let old = workspace.write(
        "v1.txt",
        "date 2024-03-01\nlang en\n\nSales rose to 940 million yuan.\n",
    );
    let new = workspace.write(
        "v2.txt",
        "date 2024-03-01\nlang en\n\nSales rose to 990 million yuan.\n",
    );
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let run = |args: &[&str], vars: &[(&str, &str)]| {
        let mut full = vec!["diff", "--no-findings", old, new];
        full.extend_from_slice(args);
        let mut command = workspace.claimlint(&full);
        for name in ["NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "CLICOLOR"] {
            command.env_remove(name);
        }
        command.envs(vars.iter().copied());
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
        stdout_of(&output)
    };
    let plain = run(&[], &[]);
    assert!(plain.contains("[-940-]{+990+}"), "{plain}");
    assert!(!plain.contains('\x1b'), "{plain}");
    for (args, vars) in [
        (&["--color", "always"][..], &[][..]),
        (&[][..], &[("FORCE_COLOR", "1")][..]),
        (&[][..], &[("CLICOLOR_FORCE", "1")][..]),
    ] {
        let coloured = run(args, vars);
        assert!(coloured.contains("\x1b["), "{args:?} {vars:?}: {coloured}");
        assert!(!coloured.contains("[-940-]"), "{coloured}");
    }
    let never = run(&["--color", "never"], &[("FORCE_COLOR", "1")]);
    assert!(
        never.contains("[-940-]{+990+}") && !never.contains('\x1b'),
        "{never}"
    );
}
