//! `claimlint check` and `claimlint rules` through the real binary, on drafts stored with
//! hand-built claims (the extractor is not needed to exercise the engine).

mod common;

use claimlint::document::Document;
use claimlint::model::{ClaimKind, Extraction, Lang, Sentence};
use claimlint::store::{NewDraft, Store};
use common::{Workspace, claim, rule_source, stderr_of, stdout_of};
use serde_json::Value;

const TEXT: &str = "date 2024-01\nSales rose 12% to 300 units.\nProfit fell.\n";

/// Stores draft 1 of `article` with two claims on line 2.
fn store_article(ws: &Workspace, article: &str) {
    let document = Document::from_bytes(TEXT.as_bytes(), "test").unwrap();
    let mut percent = claim("c1", ClaimKind::Percent, "12%", 24, 12.0);
    let mut count = claim("c2", ClaimKind::Count, "300 units", 31, 300.0);
    for (c, column) in [(&mut percent, 12), (&mut count, 19)] {
        c.line = 2;
        c.column = column;
    }
    assert_eq!(&TEXT[24..27], "12%");
    let extraction = Extraction {
        lang: Lang::En,
        date: document.date,
        country: None,
        claims: vec![percent, count],
        relations: Vec::new(),
        sentences: vec![Sentence {
            index: 0,
            start: 13,
            end: 41,
        }],
    };
    let mut store = Store::open(&ws.db()).unwrap();
    store
        .add_draft(&NewDraft {
            article_id: article,
            document: &document,
            extraction: &extraction,
            label: None,
            packed: None,
        })
        .unwrap();
}

/// A suite in `dir` with one rule reporting every percent claim with the count as a second claim.
fn write_suite(ws: &Workspace, dir: &str, severity: &str) {
    ws.write(
        &format!("{dir}/percent-seen.rhai"),
        rule_source(
            "percent-seen",
            severity,
            r#"for c in article.claims_of_kind("percent") {
    let other = article.claims_of_kind("count");
    report(#{ message: `percent ${c.text}`, claims: [c] + other,
              evidence: #{ reported: c.interval, expected: interval(0, 10), reference: "test row", tolerance: 0.5 } });
}"#,
        ),
    );
}

fn check_json(ws: &Workspace, args: &[&str]) -> (Value, i32) {
    let mut full = vec!["check", "--no-default-rules", "--format", "json"];
    full.extend_from_slice(args);
    let output = ws.claimlint(&full).output().unwrap();
    let json = serde_json::from_str(&stdout_of(&output))
        .unwrap_or_else(|err| panic!("{err}: {}{}", stdout_of(&output), stderr_of(&output)));
    (json, output.status.code().unwrap())
}

#[test]
fn fail_on_decides_the_exit_code() {
    let ws = Workspace::new();
    store_article(&ws, "story");
    write_suite(&ws, "suite", "warning");
    for (fail_on, expected) in [("error", 0), ("warning", 1), ("never", 0)] {
        let (_, code) = check_json(&ws, &["--rules", "suite", "--fail-on", fail_on, "story"]);
        assert_eq!(code, expected, "--fail-on {fail_on}");
    }
}

#[test]
fn human_output_reads_like_a_compiler_diagnostic_without_colour_when_piped() {
    let ws = Workspace::new();
    store_article(&ws, "story");
    write_suite(&ws, "suite", "error");
    let output = ws
        .claimlint(&["check", "--no-default-rules", "--rules", "suite", "story"])
        .output()
        .unwrap();
    let stdout = stdout_of(&output);
    assert!(!stdout.contains('\x1b'), "{stdout}");
    let expected_head = "story@1:2:12: error[percent-seen] percent 12%\n  |\n2 | Sales rose 12% to 300 units.\n  |            ^^^    ~~~~~~~~~\n  = reported: 11.88–12.12\n  = expected: 0–10\n  = tolerance: 0.5\n  = reference: test row\n";
    assert!(stdout.starts_with(expected_head), "{stdout}");
    assert!(
        stdout
            .trim_end()
            .ends_with("1 error, 0 warnings, 0 infos in 1 article"),
        "{stdout}"
    );
}

#[test]
fn a_broken_rule_exits_2_and_the_other_rules_still_report() {
    let ws = Workspace::new();
    store_article(&ws, "story");
    write_suite(&ws, "suite", "error");
    ws.write(
        "suite/spins.rhai",
        rule_source("spins", "error", "loop { }"),
    );
    ws.write("claimlint.toml", "timeout_ms = 200\n");
    let started = std::time::Instant::now();
    let (json, code) = check_json(&ws, &["--rules", "suite", "story"]);
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
    assert_eq!(code, 2);
    assert_eq!(json["articles"][0]["findings"][0]["rule"], "percent-seen");
    let error = &json["articles"][0]["rule_errors"][0];
    assert_eq!(error["rule"], "spins");
    assert_eq!(error["line"], 7);
    assert_eq!(error["source_line"], "loop { }");
}

#[test]
fn duplicate_rule_ids_name_both_files() {
    let ws = Workspace::new();
    store_article(&ws, "story");
    write_suite(&ws, "one", "error");
    write_suite(&ws, "two", "error");
    let output = ws
        .claimlint(&[
            "check",
            "--no-default-rules",
            "--rules",
            "one",
            "--rules",
            "two",
            "story",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("one/percent-seen.rhai") && stderr.contains("two/percent-seen.rhai"),
        "{stderr}"
    );
}

#[test]
fn select_ignore_and_config_choose_rules_and_severity() {
    let ws = Workspace::new();
    store_article(&ws, "story");
    write_suite(&ws, "suite", "error");
    ws.write(
        "suite/quiet.rhai",
        rule_source("quiet", "info", "let x = 1;"),
    );
    let (json, _) = check_json(
        &ws,
        &["--rules", "suite", "--ignore", "percent-seen", "story"],
    );
    assert_eq!(json["articles"][0]["findings"].as_array().unwrap().len(), 0);
    let (json, _) = check_json(&ws, &["--rules", "suite", "--select", "quiet", "story"]);
    assert_eq!(json["rules"].as_array().unwrap().len(), 1);
    ws.write(
        "claimlint.toml",
        "rule_dirs = [\"suite\"]\n[severity]\npercent-seen = \"info\"\n",
    );
    let (json, code) = check_json(&ws, &["story"]);
    assert_eq!(code, 0);
    assert_eq!(json["articles"][0]["findings"][0]["severity"], "info");
    let output = ws
        .claimlint(&["check", "--select", "nope", "story"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("unknown rule `nope`"));
}

#[test]
fn rule_config_reaches_scripts() {
    let ws = Workspace::new();
    store_article(&ws, "story");
    ws.write(
        "suite/limit.rhai",
        rule_source(
            "limit",
            "error",
            r#"let limit = config("limit", 100);
for c in article.claims { if c.value > limit { report(#{ message: `over ${limit}`, claims: c }); } }"#,
        ),
    );
    let (json, _) = check_json(&ws, &["--rules", "suite", "story"]);
    assert_eq!(json["articles"][0]["findings"].as_array().unwrap().len(), 1);
    ws.write("claimlint.toml", "[rules.limit]\nlimit = 1000\n");
    let (json, _) = check_json(&ws, &["--rules", "suite", "story"]);
    assert_eq!(json["articles"][0]["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn sarif_has_rules_results_and_regions() {
    let ws = Workspace::new();
    store_article(&ws, "story");
    write_suite(&ws, "suite", "warning");
    let output = ws
        .claimlint(&[
            "check",
            "--no-default-rules",
            "--rules",
            "suite",
            "--format",
            "sarif",
            "story",
        ])
        .output()
        .unwrap();
    let sarif = common::sarif::sarif_log(&stdout_of(&output));
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "percent-seen");
    assert!(run["tool"]["driver"]["rules"][0]["shortDescription"]["text"].is_string());
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "percent-seen");
    assert_eq!(result["level"], "warning");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        [
            &region["startLine"],
            &region["startColumn"],
            &region["endLine"],
            &region["endColumn"]
        ],
        [2, 12, 2, 15]
    );
    // A stored article names no file: it is placed apart from the repository's files.
    let artifact = &result["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(artifact["uri"], "story@1");
    assert_eq!(artifact["uriBaseId"], "CLAIMLINT_STORE");
}

#[test]
fn rules_test_reports_each_mismatch_with_file_and_line() {
    let ws = Workspace::new();
    ws.write(
        "suite/flag-word.rhai",
        rule_source(
            "flag-word",
            "warning",
            r#"if article.text.contains("FLAG") { report(#{ message: "flagged" }); }"#,
        ),
    );
    ws.write(
        "suite/fixtures/flag-word/fires.txt",
        "date 2024-01\nFLAG here.\n",
    );
    ws.write(
        "suite/fixtures/flag-word/fires.expect",
        "# the body starts on line 2\n2 flag-word\n",
    );
    ws.write(
        "suite/fixtures/flag-word/quiet.txt",
        "date 2024-01\nNothing here.\n",
    );
    let pass = ws
        .claimlint_bare(&["rules", "test", "suite"])
        .output()
        .unwrap();
    assert_eq!(pass.status.code(), Some(0), "{}", stdout_of(&pass));
    ws.write("suite/fixtures/flag-word/fires.expect", "3 flag-word\n");
    let fail = ws
        .claimlint_bare(&["rules", "test", "suite"])
        .output()
        .unwrap();
    assert_eq!(fail.status.code(), Some(1));
    let stdout = stdout_of(&fail);
    assert!(
        stdout.contains("fires.txt:3: expected flag-word, got nothing"),
        "{stdout}"
    );
    assert!(
        stdout.contains("fires.txt:2: unexpected flag-word: flagged"),
        "{stdout}"
    );
}

#[test]
fn rules_new_scaffolds_a_rule_that_loads_with_two_fixtures() {
    let ws = Workspace::new();
    let output = ws
        .claimlint_bare(&["rules", "new", "share-over-100", "--dir", "mine"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    for file in [
        "mine/share-over-100.rhai",
        "mine/fixtures/share-over-100/fires-1.expect",
        "mine/fixtures/share-over-100/quiet-1.txt",
    ] {
        assert!(ws.path(file).is_file(), "{file}");
    }
    let list = ws
        .claimlint_bare(&[
            "rules",
            "list",
            "--no-default-rules",
            "--rules",
            "mine",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let rules: Value = serde_json::from_str(&stdout_of(&list)).unwrap();
    assert_eq!(rules[0]["id"], "share-over-100");
    let again = ws
        .claimlint_bare(&["rules", "new", "share-over-100", "--dir", "mine"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr_of(&again).contains("already exists"));
}

#[test]
fn rules_api_lists_the_registered_functions() {
    let ws = Workspace::new();
    let output = ws.claimlint_bare(&["rules", "api"]).output().unwrap();
    let stdout = stdout_of(&output);
    for expected in [
        "fx_rate(string, string, ?) -> ?",
        "Claim.interval: Interval",
        "report(map) -> ()",
        "years_between(string, string) -> ?",
    ] {
        assert!(stdout.contains(expected), "missing {expected}:\n{stdout}");
    }
    // Every function and property line carries its one-line doc.
    let listed: Vec<&str> = stdout
        .lines()
        .skip_while(|line| !line.starts_with("Properties"))
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .collect();
    assert!(listed.len() > 50, "{stdout}");
    for line in listed {
        let (_, doc) = line.trim().split_once("  ").unwrap_or(("", ""));
        assert!(!doc.trim().is_empty(), "no doc on `{line}`");
    }
}

on_both_engines! {
fn findings_at_fail_on_level_exit_1_and_carry_spans_and_evidence(ws) {
    store_article(&ws, "story");
    write_suite(&ws, "suite", "error");
    let (json, code) = check_json(&ws, &["--rules", "suite", "story"]);
    assert_eq!(code, 1);
    assert_eq!(json["schema_version"], 1);
    // The run names the reference data rules could see: the bundled ECB snapshot.
    assert_eq!(
        json["reference_snapshot"],
        format!("ecb-{}", claimlint::reference::BUNDLED_SNAPSHOT_DATE)
    );
    let finding = &json["articles"][0]["findings"][0];
    assert_eq!(finding["rule"], "percent-seen");
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["claims"], serde_json::json!(["c1", "c2"]));
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(2), Some(12))
    );
    assert_eq!(finding["spans"][1]["start"], 31);
    assert_eq!(finding["evidence"]["expected"]["high"], 10.0);
    assert_eq!(finding["first_seen"], json["checked_at"]);
}

fn first_seen_stays_at_the_first_run(ws) {
    store_article(&ws, "story");
    write_suite(&ws, "suite", "error");
    let (first, _) = check_json(&ws, &["--rules", "suite", "story"]);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let (second, _) = check_json(&ws, &["--rules", "suite", "story@1"]);
    assert_ne!(first["checked_at"], second["checked_at"]);
    assert_eq!(
        second["articles"][0]["findings"][0]["first_seen"],
        first["checked_at"]
    );
    let store = Store::open(&ws.db()).unwrap();
    assert_eq!(store.run_count("story").unwrap(), 2);
}

fn checking_a_file_adds_it_as_a_draft_first(ws) {
    let file = ws.write("fresh.txt", TEXT);
    ws.write(
        "suite/article-seen.rhai",
        rule_source(
            "article-seen",
            "warning",
            "report(#{ message: `checked ${article.id}` });",
        ),
    );
    let output = ws
        .claimlint(&[
            "check",
            "--no-default-rules",
            "--rules",
            "suite",
            file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    assert!(
        stdout.contains("fresh.txt:2:1: warning[article-seen] checked fresh"),
        "{stdout}"
    );
    let store = Store::open(&ws.db()).unwrap();
    assert_eq!(store.drafts("fresh").unwrap().len(), 1);
}

fn unknown_article_is_an_input_error_and_others_are_still_checked(ws) {
    store_article(&ws, "story");
    write_suite(&ws, "suite", "error");
    let (json, code) = check_json(&ws, &["--rules", "suite", "story", "missing"]);
    assert_eq!(code, 2);
    assert_eq!(json["articles"].as_array().unwrap().len(), 1);
    assert!(
        json["input_errors"][0]
            .as_str()
            .unwrap()
            .contains("missing")
    );
}
}
