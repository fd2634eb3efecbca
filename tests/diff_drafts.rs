//! `claimlint diff` over the three drafts of one story in `fixtures/articles/drafts/`, whose
//! edits are known:
//! - v1 → v2: the yuan amount of a conversion corrected (9.4 for 8.4) but not its dollar side
//!   (a stale figure, and a new conversion-rate finding); a sentence reworded ("local officials
//!   said" → "provincial officials announced") with its figure unchanged;
//! - v2 → v3: the harbour paragraph moved up; a sentence with "five years" removed; a
//!   paragraph added with two new figures.
//!
//! Each pair is asserted exactly in JSON (change kinds and claim texts) and snapshotted in the
//! human form.

mod common;

use common::{Workspace, stderr_of, stdout_of};
use serde_json::Value;

const ARTICLE: &str = "harbour-solar";

fn with_drafts(workspace: Workspace) -> Workspace {
    for version in 1..=3 {
        let path = common::fixture(&format!("drafts/{ARTICLE}-v{version}.txt"));
        workspace
            .claimlint(&["add", path.to_str().unwrap(), "--id", ARTICLE])
            .assert()
            .success();
    }
    workspace
}

fn diff(workspace: &Workspace, args: &[&str]) -> String {
    let mut full = vec!["diff"];
    full.extend_from_slice(args);
    let output = workspace.claimlint(&full).output().unwrap();
    assert!(output.status.success(), "{full:?}: {}", stderr_of(&output));
    stdout_of(&output)
}

fn diff_json(workspace: &Workspace, from: u32, to: u32) -> Value {
    let (from, to) = (format!("{ARTICLE}@{from}"), format!("{ARTICLE}@{to}"));
    serde_json::from_str(&diff(workspace, &[&from, &to, "--format", "json"])).unwrap()
}

/// (change, before text, after text) of every claim that is not unchanged.
fn claim_changes(report: &Value) -> Vec<(String, String, String)> {
    let text = |claim: &Value| claim["text"].as_str().unwrap_or("").to_owned();
    report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|entry| entry["change"] != "unchanged")
        .map(|entry| {
            (
                entry["change"].as_str().unwrap().to_owned(),
                text(&entry["before"]),
                text(&entry["after"]),
            )
        })
        .collect()
}

fn owned(expected: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    expected
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect()
}

fn findings(report: &Value, side: &str) -> Vec<(String, Vec<String>)> {
    report["findings"][side]
        .as_array()
        .unwrap()
        .iter()
        .map(|finding| {
            let texts = finding["claim_texts"].as_array().unwrap();
            (
                finding["rule"].as_str().unwrap().to_owned(),
                texts
                    .iter()
                    .map(|t| t.as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn human_diffs_of_each_pair() {
    let workspace = with_drafts(Workspace::new());
    for (from, to) in [(1, 2), (2, 3), (1, 3)] {
        let (a, b) = (format!("{ARTICLE}@{from}"), format!("{ARTICLE}@{to}"));
        let human = diff(&workspace, &[&a, &b]);
        assert!(!human.contains('\x1b'), "no colour off a terminal: {human}");
        insta::assert_snapshot!(format!("human_v{from}_v{to}"), human);
    }
}

#[test]
fn markdown_and_json_of_the_first_revision() {
    let workspace = with_drafts(Workspace::new());
    let (a, b) = (format!("{ARTICLE}@1"), format!("{ARTICLE}@2"));
    insta::assert_snapshot!(
        "markdown_v1_v2",
        diff(&workspace, &[&a, &b, "--format", "markdown"])
    );
    insta::assert_json_snapshot!("json_v2_v3", diff_json(&workspace, 2, 3));
}

on_both_engines! {
fn v1_to_v2_flags_the_corrected_yuan_amount_and_its_stale_dollar_conversion(workspace) {
    let workspace = with_drafts(workspace);
    let report = diff_json(&workspace, 1, 2);
    assert_eq!(
        (report["from"].as_u64(), report["to"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(report["article"], ARTICLE);
    assert_eq!(
        claim_changes(&report),
        owned(&[("changed", "8.4 billion yuan", "9.4 billion yuan")])
    );
    let changed = &report["claims"].as_array().unwrap()[1];
    let relative = changed["relative_change"].as_f64().unwrap();
    assert!((relative - 1.0 / 8.4).abs() < 1e-9, "{relative}");
    assert_eq!(changed["before"]["value"].as_f64(), Some(8.4e9));
    assert_eq!(changed["after"]["unit"], "CNY");

    let stale = report["stale"].as_array().unwrap();
    assert_eq!(stale.len(), 1, "{stale:?}");
    assert_eq!(stale[0]["relation"], "conversion");
    assert_eq!(stale[0]["changed"]["before"]["text"], "8.4 billion yuan");
    assert_eq!(stale[0]["changed"]["after"]["text"], "9.4 billion yuan");
    assert_eq!(stale[0]["unchanged"]["text"], "$1.17bn");

    let edited: Vec<&str> = report["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["diff"].as_str().unwrap())
        .collect();
    assert!(
        edited.contains(&"The project is worth [-8.4-]{+9.4+} billion yuan ($1.17bn), the largest industrial investment in the province this decade."),
        "{edited:?}"
    );
    assert!(
        edited
            .iter()
            .any(|s| s
                .contains("[-local-]{+provincial+} officials [-said-]{+announced+} on Tuesday.")),
        "{edited:?}"
    );
    assert_eq!(
        findings(&report, "introduced"),
        vec![(
            "conversion-rate-mismatch".to_owned(),
            vec!["9.4 billion yuan".to_owned(), "$1.17bn".to_owned()]
        )]
    );
    assert!(findings(&report, "resolved").is_empty());
    let summary = &report["summary"];
    assert_eq!(summary["changed"], 1);
    assert_eq!(summary["unchanged"], 16);
    assert_eq!(summary["stale"], 1);
    assert_eq!(summary["sentences_edited"], 2);
    assert_eq!(summary["no_claim_changes"], false);
}

fn v2_to_v3_reports_the_moved_paragraph_the_removed_sentence_and_the_added_paragraph(workspace) {
    let workspace = with_drafts(workspace);
    let report = diff_json(&workspace, 2, 3);
    assert_eq!(
        claim_changes(&report),
        owned(&[
            ("moved", "41 million tonnes", "41 million tonnes"),
            ("moved", "2023", "2023"),
            ("removed", "five years", ""),
            ("added", "", "1.2 billion yuan"),
            ("added", "", "35%"),
        ])
    );
    assert!(report["stale"].as_array().unwrap().is_empty());
    // The conversion finding is still there, on the same claims: neither new nor resolved.
    assert!(findings(&report, "introduced").is_empty());
    assert!(findings(&report, "resolved").is_empty());
    assert_eq!(report["findings"]["persisting"], 1);
    let kinds: Vec<&str> = report["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["change"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["moved", "removed", "added"]);
}

fn v1_to_v3_combines_both_revisions(workspace) {
    let workspace = with_drafts(workspace);
    let report = diff_json(&workspace, 1, 3);
    assert_eq!(
        claim_changes(&report),
        owned(&[
            ("changed", "8.4 billion yuan", "9.4 billion yuan"),
            ("moved", "41 million tonnes", "41 million tonnes"),
            ("moved", "2023", "2023"),
            ("removed", "five years", ""),
            ("added", "", "1.2 billion yuan"),
            ("added", "", "35%"),
        ])
    );
    assert_eq!(report["stale"].as_array().unwrap().len(), 1);
    assert_eq!(findings(&report, "introduced").len(), 1);
    assert_eq!(report["summary"]["unchanged"], 13);
}

fn the_article_alone_compares_its_last_two_drafts(workspace) {
    let workspace = with_drafts(workspace);
    let last_two: Value =
        serde_json::from_str(&diff(&workspace, &[ARTICLE, "--format", "json"])).unwrap();
    assert_eq!(last_two, diff_json(&workspace, 2, 3));
    let before_two: Value = serde_json::from_str(&diff(
        &workspace,
        &[&format!("{ARTICLE}@2"), "--format", "json"],
    ))
    .unwrap();
    assert_eq!(before_two, diff_json(&workspace, 1, 2));
}
}
