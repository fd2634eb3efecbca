//! `check --all` as a stream through the real binary: one valid JSON/SARIF document however
//! many batches the archive takes, re-checks that add no rows, `--changed` and `--since`, and
//! a database written by the previous schema carried forward.

mod common;

use claimlint::store::Store;
use common::{Workspace, rule_source, stderr_of, stdout_of};
use serde_json::Value;

/// More than two batches of the streaming check (64 articles each).
const ARTICLES: usize = 150;

/// Writes `count` short English articles under `articles/` and adds them.
fn add_articles(ws: &Workspace, count: usize) {
    for n in 0..count {
        ws.write(
            &format!("articles/story-{n:03}.txt"),
            format!(
                "date 2024-03-01\nlang en\n\nShop {n} said sales rose {}% last year, to 3,{n:03} units.\n",
                n % 40 + 1
            ),
        );
    }
    let output = ws.claimlint(&["add", "articles"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
}

/// A suite whose one rule reports every percent claim (its message carries `tag`, so
/// changing the tag changes the suite).
fn write_suite(ws: &Workspace, tag: &str) {
    ws.write(
        "suite/percent-seen.rhai",
        rule_source(
            "percent-seen",
            "warning",
            &format!(
                r#"for c in article.claims_of_kind("percent") {{
    report(#{{ message: `{tag} ${{c.text}}`, claims: [c] }});
}}"#
            ),
        ),
    );
}

fn check(ws: &Workspace, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["check", "--no-default-rules", "--rules", "suite", "--all"];
    args.extend_from_slice(extra);
    ws.claimlint(&args).output().unwrap()
}

fn count_rows(ws: &Workspace, table: &str) -> i64 {
    let count = format!("SELECT COUNT(*) FROM {table}");
    if ws.is_postgres() {
        let url = ws.db();
        let mut client =
            ::postgres::Client::connect(url.to_str().unwrap(), ::postgres::NoTls).unwrap();
        return client.query_one(&count, &[]).unwrap().get(0);
    }
    let conn = rusqlite::Connection::open(ws.db()).unwrap();
    conn.query_row(&count, [], |row| row.get(0)).unwrap()
}

#[test]
fn streamed_sarif_is_one_log_with_every_result() {
    let ws = Workspace::new();
    add_articles(&ws, ARTICLES);
    write_suite(&ws, "seen");
    let output = check(&ws, &["--format", "sarif"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let log = common::sarif::sarif_log(&stdout_of(&output));
    let run = &log["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), ARTICLES);
    assert!(results.iter().all(|result| result["ruleIndex"] == 0));
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
    assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "percent-seen");
}

#[test]
fn human_output_counts_every_batch_in_its_summary() {
    let ws = Workspace::new();
    add_articles(&ws, ARTICLES);
    write_suite(&ws, "seen");
    let output = check(&ws, &["--fail-on", "warning"]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "a warning fails with --fail-on warning"
    );
    let stdout = stdout_of(&output);
    assert_eq!(stdout.matches("warning[percent-seen]").count(), ARTICLES);
    assert!(
        stdout.ends_with(&format!(
            "0 errors, {ARTICLES} warnings, 0 infos in {ARTICLES} articles\n"
        )),
        "{stdout}"
    );
}

#[test]
fn changed_and_since_need_all() {
    let ws = Workspace::new();
    add_articles(&ws, 1);
    let output = ws
        .claimlint(&["check", "--changed", "story-000"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("--all"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn a_database_of_the_previous_schema_is_carried_forward() {
    let ws = Workspace::new();
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/db/schema-5.db");
    std::fs::copy(&fixture, ws.db()).unwrap();
    let version = |ws: &Workspace| -> i64 {
        let conn = rusqlite::Connection::open(ws.db()).unwrap();
        conn.query_row("PRAGMA user_version", [], |row| row.get(0))
            .unwrap()
    };
    assert_eq!(version(&ws), 5, "the fixture was written by schema 5");
    let articles = ws.claimlint(&["articles"]).output().unwrap();
    assert!(articles.status.success(), "{}", stderr_of(&articles));
    let listing = stdout_of(&articles);
    assert!(listing.contains("cina-russia-2024-01-it   2"), "{listing}");
    assert!(listing.contains("china-russia-2024-01-en  1"), "{listing}");
    assert_eq!(version(&ws), claimlint::store::migrations::SCHEMA_VERSION);
    // The runs stored before the migration still count, and new checks go on from them.
    let store = Store::open(&ws.db()).unwrap();
    let before = store.run_count("cina-russia-2024-01-it").unwrap();
    assert!(before >= 1);
    drop(store);
    let check = ws
        .claimlint(&["check", "--all", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        check.status.code().is_some_and(|code| code <= 1),
        "{}",
        stderr_of(&check)
    );
    let report: Value = serde_json::from_str(&stdout_of(&check)).unwrap();
    assert_eq!(report["articles"].as_array().unwrap().len(), 2);
    let store = Store::open(&ws.db()).unwrap();
    assert_eq!(
        store.run_count("cina-russia-2024-01-it").unwrap(),
        before + 1
    );
    drop(store);
    let diff = ws
        .claimlint(&[
            "diff",
            "cina-russia-2024-01-it@1",
            "cina-russia-2024-01-it@2",
        ])
        .output()
        .unwrap();
    assert!(
        diff.status.code().is_some_and(|code| code <= 1),
        "{}",
        stderr_of(&diff)
    );
    assert!(stdout_of(&diff).contains("1,95"), "{}", stdout_of(&diff));
}

/// The human report of `check` on one file holding `text`, with the suite that reports every
/// percentage.
fn human_check_of(text: &str) -> String {
    let ws = Workspace::new();
    write_suite(&ws, "seen");
    ws.write("story.txt", text);
    let output = ws
        .claimlint(&[
            "check",
            "--no-default-rules",
            "--rules",
            "suite",
            "--fail-on",
            "never",
            "story.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    stdout_of(&output)
}

/// Escape sequences in an article are shown, not sent, and the carets stay under the figures
/// past tabs, CJK and emoji.
#[test]
fn human_output_escapes_control_characters_and_keeps_carets_aligned() {
    let stdout = human_check_of(
        "date 2024-03-01\nlang en\n\n\u{1b}]0;pwned\u{7}Sales\trose 12% in 東京, 📈 then 30% more.\n",
    );
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );
    let shown = "\\x1b]0;pwned\\x07Sales    rose 12% in 東京, 📈 then 30% more.";
    assert_eq!(
        stdout.matches(&format!("4 | {shown}\n")).count(),
        2,
        "{stdout}"
    );
    // 30 columns before "12%"; 3 + 18 more before "30%" (東京 and 📈 take two columns each).
    assert!(
        stdout.contains(&format!("  | {}^^^\n", " ".repeat(30))),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("  | {}^^^\n", " ".repeat(51))),
        "{stdout}"
    );
}

/// An emoji sequence takes the two columns a terminal draws under the carets: a family of
/// three joined by ZWJ and a flag (two regional indicators), not the sum of their characters.
#[test]
fn carets_stay_aligned_after_emoji_sequences() {
    let stdout = human_check_of(
        "date 2024-03-01\nlang en\n\nFamily \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} and \u{1f1ee}\u{1f1f9} spent 12% more.\n",
    );
    // "Family " 7 + family 2 + " and " 5 + flag 2 + " spent " 7 = 23 columns before "12%".
    assert!(
        stdout.contains(&format!("\n  | {}^^^\n", " ".repeat(23))),
        "{stdout}"
    );
}

on_both_engines! {
fn streamed_json_is_one_document_with_every_article(ws) {
    add_articles(&ws, ARTICLES);
    write_suite(&ws, "seen");
    let output = check(&ws, &["--format", "json", "--fail-on", "never"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let report: Value = serde_json::from_str(&stdout_of(&output)).expect("one JSON document");
    let articles = report["articles"].as_array().unwrap();
    assert_eq!(articles.len(), ARTICLES);
    assert_eq!(articles[0]["article"], "story-000");
    assert_eq!(
        articles[ARTICLES - 1]["article"],
        format!("story-{:03}", ARTICLES - 1)
    );
    for article in articles {
        assert_eq!(
            article["findings"].as_array().unwrap().len(),
            1,
            "{article}"
        );
    }
    assert_eq!(report["rules"][0]["id"], "percent-seen");
    assert_eq!(report["input_errors"], serde_json::json!([]));
}

fn rechecking_unchanged_drafts_adds_no_rows(ws) {
    add_articles(&ws, 20);
    write_suite(&ws, "seen");
    assert!(check(&ws, &["--format", "json"]).status.success());
    let (runs, findings) = (count_rows(&ws, "rule_runs"), count_rows(&ws, "findings"));
    assert_eq!((runs, findings), (20, 20));
    let second = check(&ws, &["--format", "json"]);
    assert!(second.status.success());
    assert_eq!(
        (count_rows(&ws, "rule_runs"), count_rows(&ws, "findings")),
        (runs, findings),
        "an unchanged re-check confirms the stored runs"
    );
    let store = Store::open(&ws.db()).unwrap();
    assert_eq!(
        store.run_count("story-007").unwrap(),
        2,
        "both checks count"
    );
    assert_eq!(store.stored_run_count("story-007").unwrap(), 1);
    drop(store);
    // A changed suite (different messages) is a new run with its own findings.
    write_suite(&ws, "noticed");
    assert!(check(&ws, &["--format", "json"]).status.success());
    assert_eq!(
        (count_rows(&ws, "rule_runs"), count_rows(&ws, "findings")),
        (40, 40)
    );
}

fn changed_checks_only_drafts_the_suite_has_not_seen(ws) {
    add_articles(&ws, 10);
    write_suite(&ws, "seen");
    let summary = |output: std::process::Output| {
        assert!(output.status.code().is_some_and(|code| code <= 1));
        stdout_of(&output)
            .lines()
            .last()
            .unwrap_or_default()
            .to_owned()
    };
    assert!(summary(check(&ws, &["--changed"])).ends_with("in 10 articles"));
    assert!(summary(check(&ws, &["--changed"])).ends_with("in 0 articles"));
    // A new draft of one article is the only one left to check.
    ws.write(
        "story-003.txt",
        "date 2024-03-01\nlang en\n\nShop 3 said sales rose 9% last year.\n",
    );
    assert!(
        ws.claimlint(&["add", "story-003.txt"])
            .output()
            .unwrap()
            .status
            .success()
    );
    let output = check(&ws, &["--changed", "--format", "json"]);
    let report: Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    let checked: Vec<_> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["article"].as_str().unwrap().to_owned(),
                a["draft"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(checked, vec![("story-003".to_owned(), 2)]);
    // Another suite has seen nothing.
    write_suite(&ws, "noticed");
    assert!(summary(check(&ws, &["--changed"])).ends_with("in 10 articles"));
}

fn since_takes_only_drafts_added_from_that_day(ws) {
    add_articles(&ws, 5);
    write_suite(&ws, "seen");
    let last_line = |output: &std::process::Output| {
        stdout_of(output)
            .lines()
            .last()
            .unwrap_or_default()
            .to_owned()
    };
    let future = check(&ws, &["--since", "2999-01-01"]);
    assert_eq!(future.status.code(), Some(0));
    assert!(
        last_line(&future).ends_with("in 0 articles"),
        "{}",
        last_line(&future)
    );
    let past = check(
        &ws,
        &["--since", "2000-01-01T00:00:00+02:00", "--fail-on", "never"],
    );
    assert!(
        last_line(&past).ends_with("in 5 articles"),
        "{}",
        last_line(&past)
    );
    let bad = check(&ws, &["--since", "yesterday"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr_of(&bad).contains("`yesterday` is not a day"),
        "{}",
        stderr_of(&bad)
    );
}
}
