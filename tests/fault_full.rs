//! A full database, without root: `--max-db-pages` / `CLAIMLINT_MAX_DB_PAGES` caps the file
//! (SQLite's `max_page_count`), then `add` and `check` run into the cap. Each input that did
//! not fit is named with "database or disk is full" (exit 2), the ones that fit are complete,
//! nothing is half-written, and once the cap is lifted the rest are added.

mod common;

use common::fault::{
    acks_in, article_text, assert_acks_stored, assert_check_report, assert_db_check_ok,
    assert_every_draft_complete,
};
use common::{Workspace, stderr_of, stdout_of};
use serde_json::Value;

const FILES: u64 = 120;

fn page_count(workspace: &Workspace) -> u64 {
    let output = workspace
        .claimlint(&["db", "stats", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stats: Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    stats["page_count"].as_u64().unwrap()
}

/// A database holding one article, and a directory of `FILES` articles (each made large
/// enough, by a repeated paragraph, that a few dozen fill the pages left under the cap).
fn seeded_workspace() -> Workspace {
    let workspace = Workspace::new();
    workspace.write("seed/seed.txt", article_text(0, 0));
    workspace
        .claimlint(&["add", workspace.path("seed").to_str().unwrap()])
        .assert()
        .success();
    for seed in 1..=FILES {
        let mut text = article_text(seed, 0);
        for variant in 1..12 {
            text.push_str(&article_text(seed * 1000 + variant, variant));
        }
        workspace.write(&format!("batch/a{seed:03}.txt"), text);
    }
    workspace
}

#[test]
fn add_into_a_full_database_names_each_file_that_did_not_fit_and_a_later_add_stores_them() {
    let workspace = seeded_workspace();
    let cap = page_count(&workspace) + 30;
    let batch = workspace.path("batch");
    let output = workspace
        .claimlint(&["add", "--format", "json", batch.to_str().unwrap()])
        .env("CLAIMLINT_MAX_DB_PAGES", cap.to_string())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    let lines: Vec<Value> = stdout_of(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len() as u64, FILES, "one line per input");
    let acks = acks_in(&output.stdout);
    let failed: Vec<&Value> = lines.iter().filter(|l| l["status"] == "error").collect();
    assert!(
        !acks.is_empty(),
        "nothing fitted under a cap of {cap} pages"
    );
    assert!(
        !failed.is_empty(),
        "everything fitted under a cap of {cap} pages"
    );
    let stderr = stderr_of(&output);
    for line in &failed {
        let source = line["source"].as_str().unwrap();
        let message = line["error"].as_str().unwrap();
        assert!(
            message.starts_with(source)
                && message.contains("test.db: database or disk is full")
                && message.contains("CLAIMLINT_MAX_DB_PAGES"),
            "{message}"
        );
        assert!(stderr.contains(message), "{stderr}");
    }
    assert!(
        stderr.contains(&format!(
            "{} input(s) could not be added; the others were",
            failed.len()
        )),
        "{stderr}"
    );
    assert!(page_count(&workspace) <= cap);
    assert_db_check_ok(&workspace);
    assert_acks_stored(&workspace.db(), &acks);
    // The failed ones are absent, not half there.
    assert_eq!(assert_every_draft_complete(&workspace.db()), 1 + acks.len());

    // Lifting the cap stores exactly the files that did not fit.
    let output = workspace
        .claimlint(&["add", "--format", "json", batch.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let second = acks_in(&output.stdout);
    let newly_added: Vec<&str> = second
        .iter()
        .filter(|ack| ack.added)
        .map(|ack| ack.source.as_str())
        .collect();
    let failed_sources: Vec<&str> = failed
        .iter()
        .map(|line| line["source"].as_str().unwrap())
        .collect();
    assert_eq!(newly_added, failed_sources);
    assert_db_check_ok(&workspace);
    assert_acks_stored(&workspace.db(), &second);
    assert_eq!(
        assert_every_draft_complete(&workspace.db()),
        1 + FILES as usize
    );
}

#[test]
fn check_on_a_full_database_fails_naming_the_file_and_leaves_it_sound() {
    let workspace = seeded_workspace();
    let batch = workspace.path("batch");
    workspace
        .claimlint(&["add", batch.to_str().unwrap()])
        .assert()
        .success();
    let cap = page_count(&workspace);
    let output = workspace
        .claimlint(&["check", "--all", "--format", "json"])
        .env("CLAIMLINT_MAX_DB_PAGES", cap.to_string())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("test.db: database or disk is full; free disk space, or raise --max-db-pages / CLAIMLINT_MAX_DB_PAGES if a cap is set"),
        "{stderr}"
    );
    // The report had begun: the JSON document is still whole, and says why it stopped.
    let report: Value = serde_json::from_str(&stdout_of(&output)).expect("one JSON document");
    let stopped = report["stopped"].as_str().expect("a stopped key");
    assert!(stopped.contains("database or disk is full"), "{stopped}");
    assert!(report["totals"].is_object(), "{report}");
    // So is a SARIF log: the run failed, with the reason as an error notification.
    let output = workspace
        .claimlint(&["check", "--all", "--format", "sarif"])
        .env("CLAIMLINT_MAX_DB_PAGES", cap.to_string())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let log: Value = serde_json::from_str(&stdout_of(&output)).expect("one SARIF log");
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false, "{invocation}");
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert!(
        notes.iter().any(|n| n["level"] == "error"
            && n["message"]["text"]
                .as_str()
                .is_some_and(|t| t.contains("stopped before it was done")
                    && t.contains("database or disk is full"))),
        "{notes:?}"
    );
    assert_db_check_ok(&workspace);
    // With room again, the same check completes.
    let output = workspace
        .claimlint(&["check", "--all", "--format", "json"])
        .output()
        .unwrap();
    assert_check_report(&output);
    assert_db_check_ok(&workspace);
}
