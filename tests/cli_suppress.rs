//! Suppression directives and baselines through the real binary: each directive form in
//! Markdown, HTML and plain text silences a bundled rule's finding that shows up without
//! it, the summary and JSON count what was hidden, a stored draft checked later is still
//! suppressed (also from a database of the previous schema), and a baseline hides the
//! findings it recorded but not new ones.

mod common;

use common::{Workspace, stderr_of, stdout_of};
use serde_json::Value;

/// A sentence the bundled `percent-for-points` rule (a warning) flags: the change from 30% to
/// 36% is 6 points, not 6%.
const POINTS: &str = "Support for the new bridge rose from 30% to 36%, up 6% on last spring.";
/// A sentence `parts-exceed-total` (an error) flags: 12 and 11 make more than 20.
const PARTS: &str = "The charity collected $20m last year, of which $12m came from members and $11m from companies.";

/// The two rules these tests use, so another bundled rule's note cannot change the counts.
const SELECT: &str = "percent-for-points,parts-exceed-total";

fn check_json(ws: &Workspace, args: &[&str]) -> (Value, std::process::Output) {
    let mut all = vec!["check", "--select", SELECT, "--format", "json"];
    all.extend_from_slice(args);
    let output = ws.claimlint(&all).output().unwrap();
    let report = serde_json::from_str(&stdout_of(&output))
        .unwrap_or_else(|err| panic!("{err}: {}\n{}", stdout_of(&output), stderr_of(&output)));
    (report, output)
}

/// Rule ids of an article's list `key` (`findings`, `suppressed`, `baselined`).
fn rules_in(report: &Value, key: &str) -> Vec<String> {
    report["articles"][0][key]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|finding| finding["rule"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The baseline file `name` of the workspace, parsed.
fn baseline_file(ws: &Workspace, name: &str) -> Value {
    let text = std::fs::read_to_string(ws.path(name)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("{name}: {err}: {text}"))
}

fn md(directive: &str) -> String {
    format!("---\ndate: 2024-05-02\n---\n\n{directive}\n{POINTS}\n")
}

fn html(directive: &str) -> String {
    format!(
        "<html><head><meta name=\"date\" content=\"2024-05-02\"></head><body>\n{directive}\n<p>{POINTS}</p>\n</body></html>\n"
    )
}

fn txt(directive: &str) -> String {
    format!("date 2024-05-02\n{directive}\n{POINTS}\n")
}

#[test]
fn each_directive_form_suppresses_the_finding_that_fires_without_it() {
    let cases: Vec<(&str, String, String)> = vec![
        (
            "next.md",
            md("<!-- claimlint-disable-next-line percent-for-points -->"),
            md(""),
        ),
        ("all.md", md("<!-- claimlint-disable-next-line -->"), md("")),
        (
            "range.md",
            md("<!-- claimlint-disable percent-for-points,parts-exceed-total -->"),
            md(""),
        ),
        (
            "next.html",
            html("<!-- claimlint-disable-next-line percent-for-points -->"),
            html(""),
        ),
        ("range.html", html("<!-- claimlint-disable -->"), html("")),
        (
            "next.txt",
            txt("claimlint-disable-next-line percent-for-points"),
            txt(""),
        ),
        ("all.txt", txt("claimlint-disable-next-line"), txt("")),
    ];
    for (name, with, without) in cases {
        let ws = Workspace::new();
        ws.write(name, &without);
        let (report, output) = check_json(&ws, &["--no-store", "--fail-on", "warning", name]);
        assert_eq!(
            rules_in(&report, "findings"),
            ["percent-for-points"],
            "{name}"
        );
        assert_eq!(output.status.code(), Some(1), "{name}");
        assert_eq!(report["totals"]["suppressed"], 0, "{name}");

        ws.write(name, &with);
        let (report, output) = check_json(&ws, &["--no-store", "--fail-on", "warning", name]);
        assert_eq!(
            rules_in(&report, "findings"),
            Vec::<String>::new(),
            "{name}"
        );
        assert_eq!(
            rules_in(&report, "suppressed"),
            ["percent-for-points"],
            "{name}"
        );
        let suppressed = &report["articles"][0]["suppressed"][0];
        let directive_line = suppressed["directive_line"].as_u64().unwrap();
        let finding_line = suppressed["line"].as_u64().unwrap();
        assert!(directive_line < finding_line, "{name}: {suppressed}");
        assert_eq!(report["totals"]["suppressed"], 1, "{name}");
        assert_eq!(report["totals"]["warnings"], 0, "{name}");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{name}: {}",
            stderr_of(&output)
        );
    }
}

#[test]
fn a_plain_text_directive_line_is_no_article_text_and_later_lines_keep_their_place() {
    let ws = Workspace::new();
    ws.write(
        "story.txt",
        format!(
            "date 2024-05-02\nclaimlint-disable-next-line parts-exceed-total\n{PARTS}\n\n{POINTS}\n"
        ),
    );
    let (report, _) = check_json(&ws, &["--no-store", "story.txt"]);
    assert_eq!(rules_in(&report, "suppressed"), ["parts-exceed-total"]);
    assert_eq!(rules_in(&report, "findings"), ["percent-for-points"]);
    // The point finding is on line 5 of the file, as an editor counts it.
    assert_eq!(report["articles"][0]["findings"][0]["line"], 5);
    let extract = ws.claimlint(&["extract", "story.txt"]).output().unwrap();
    assert!(!stdout_of(&extract).contains("claimlint-disable"));
}

#[test]
fn a_range_silences_only_its_rules_and_ends_at_enable() {
    let ws = Workspace::new();
    ws.write(
        "story.md",
        format!(
            "<!-- claimlint-disable parts-exceed-total -->\n{POINTS}\n\n{PARTS}\n\n<!-- claimlint-enable -->\n\nAgain: {PARTS}\n"
        ),
    );
    let (report, output) = check_json(&ws, &["--no-store", "--date", "2024-05-02", "story.md"]);
    assert_eq!(rules_in(&report, "suppressed"), ["parts-exceed-total"]);
    let mut reported = rules_in(&report, "findings");
    reported.sort();
    assert_eq!(reported, ["parts-exceed-total", "percent-for-points"]);
    // The reported parts finding is the one after `enable`, on line 8.
    let findings = report["articles"][0]["findings"].as_array().unwrap();
    let parts = findings
        .iter()
        .find(|f| f["rule"] == "parts-exceed-total")
        .unwrap();
    assert_eq!(parts["line"], 8);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn the_human_summary_counts_suppressed_findings() {
    let ws = Workspace::new();
    ws.write("story.md", md("<!-- claimlint-disable-next-line -->"));
    let output = ws
        .claimlint(&["check", "--select", SELECT, "--no-store", "story.md"])
        .output()
        .unwrap();
    let stdout = stdout_of(&output);
    assert!(
        stdout.contains("0 errors, 0 warnings, 0 infos in 1 article; 1 suppressed"),
        "{stdout}"
    );
    assert!(!stdout.contains("warning[percent-for-points]"), "{stdout}");
}

#[test]
fn a_stored_draft_checked_later_by_id_is_still_suppressed() {
    for (name, text) in [
        (
            "later.md",
            md("<!-- claimlint-disable-next-line percent-for-points -->"),
        ),
        (
            "later.txt",
            txt("claimlint-disable-next-line percent-for-points"),
        ),
    ] {
        let ws = Workspace::new();
        ws.write(name, &text);
        let add = ws.claimlint(&["add", name]).output().unwrap();
        assert!(add.status.success(), "{}", stderr_of(&add));
        let (report, output) = check_json(&ws, &["--fail-on", "warning", "later"]);
        assert_eq!(
            rules_in(&report, "suppressed"),
            ["percent-for-points"],
            "{name}"
        );
        assert_eq!(
            rules_in(&report, "findings"),
            Vec::<String>::new(),
            "{name}"
        );
        assert_eq!(output.status.code(), Some(0), "{name}");
    }
}

#[test]
fn a_directive_added_in_a_comment_that_moves_no_text_is_a_new_draft() {
    let ws = Workspace::new();
    let page = |comment: &str| format!("<body><p>{PARTS}</p>{comment}\n<p>{POINTS}</p></body>");
    ws.write("page.html", page(""));
    let first = ws.claimlint(&["add", "page.html"]).output().unwrap();
    assert!(
        stdout_of(&first).contains("draft 1"),
        "{}",
        stdout_of(&first)
    );
    // The comment ends the line before the figure's: no prose moves, but it is a new draft.
    ws.write("page.html", page("<!-- claimlint-disable-next-line -->"));
    let (report, _) = check_json(&ws, &["--date", "2024-05-02", "page.html"]);
    assert_eq!(report["articles"][0]["draft"], 2);
    assert_eq!(rules_in(&report, "suppressed"), ["percent-for-points"]);
    assert_eq!(rules_in(&report, "findings"), ["parts-exceed-total"]);
}

#[test]
fn a_database_of_the_previous_schema_opens_and_its_drafts_check() {
    let ws = Workspace::new();
    ws.write("old.txt", txt(""));
    assert!(
        ws.claimlint(&["add", "old.txt"])
            .output()
            .unwrap()
            .status
            .success()
    );
    {
        // Make the file what schema 8 wrote: no `suppressions` column, user_version 8.
        let conn = rusqlite::Connection::open(ws.db()).unwrap();
        conn.execute_batch("ALTER TABLE drafts DROP COLUMN suppressions; PRAGMA user_version = 8;")
            .unwrap();
    }
    let (report, output) = check_json(&ws, &["old"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(rules_in(&report, "findings"), ["percent-for-points"]);
    let conn = rusqlite::Connection::open(ws.db()).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .unwrap();
    assert_eq!(version, claimlint::store::migrations::SCHEMA_VERSION);
    assert_eq!(version, 9);
}

#[test]
fn an_unknown_rule_in_a_directive_is_a_warning_naming_file_and_line() {
    let ws = Workspace::new();
    ws.write(
        "typo.md",
        md("<!-- claimlint-disable-next-line percent-for-pionts -->"),
    );
    let (report, output) = check_json(&ws, &["--no-store", "typo.md"]);
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("warning: typo.md:5: a suppression directive names `percent-for-pionts`"),
        "{stderr}"
    );
    let warnings = report["articles"][0]["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].as_str().unwrap().starts_with("typo.md:5: "));
    // It silences nothing, and the run does not fail for it.
    assert_eq!(rules_in(&report, "findings"), ["percent-for-points"]);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_baseline_hides_the_findings_it_recorded_but_not_new_ones() {
    let ws = Workspace::new();
    ws.write("story.txt", format!("date 2024-05-02\n{POINTS}\n"));
    let (report, output) = check_json(
        &ws,
        &[
            "--fail-on",
            "warning",
            "--write-baseline",
            "baseline.json",
            "story.txt",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert_eq!(rules_in(&report, "baselined"), ["percent-for-points"]);
    assert!(stderr_of(&output).contains("wrote baseline baseline.json: 1 finding"));
    let file = baseline_file(&ws, "baseline.json");
    assert_eq!(file["version"], 1);
    assert_eq!(file["tool"], "claimlint");
    let entries = file["findings"].as_array().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["article"], "story");
    assert_eq!(entries[0]["rule"], "percent-for-points");
    assert_eq!(entries[0]["fingerprint"].as_str().unwrap().len(), 32);
    assert!(entries[0]["message"].as_str().unwrap().contains('6'));

    let (report, output) = check_json(
        &ws,
        &[
            "--fail-on",
            "warning",
            "--baseline",
            "baseline.json",
            "story.txt",
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(rules_in(&report, "findings"), Vec::<String>::new());
    assert_eq!(report["totals"]["baselined"], 1);
    let human = ws
        .claimlint(&[
            "check",
            "--select",
            SELECT,
            "--baseline",
            "baseline.json",
            "--all",
        ])
        .output()
        .unwrap();
    assert!(
        stdout_of(&human).contains("in 1 article; 1 baselined"),
        "{}",
        stdout_of(&human)
    );

    // A new finding further on is reported; the recorded one stays baselined.
    ws.write(
        "story.txt",
        format!("date 2024-05-02\n{POINTS}\n\n{PARTS}\n"),
    );
    let (report, output) = check_json(
        &ws,
        &[
            "--fail-on",
            "warning",
            "--baseline",
            "baseline.json",
            "story.txt",
        ],
    );
    assert_eq!(rules_in(&report, "findings"), ["parts-exceed-total"]);
    assert_eq!(rules_in(&report, "baselined"), ["percent-for-points"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_baseline_works_without_a_store_and_keeps_other_articles_when_rewritten() {
    let ws = Workspace::new();
    ws.write("a.txt", format!("date 2024-05-02\n{POINTS}\n"));
    ws.write("b.txt", format!("date 2024-05-02\n{PARTS}\n"));
    let (_, output) = check_json(
        &ws,
        &[
            "--no-store",
            "--write-baseline",
            "base.json",
            "a.txt",
            "b.txt",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(!ws.db().exists());
    // Rewriting from a run over `a` alone keeps `b`'s entry.
    let (_, output) = check_json(
        &ws,
        &[
            "--no-store",
            "--baseline",
            "base.json",
            "--write-baseline",
            "base.json",
            "a.txt",
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    let file = baseline_file(&ws, "base.json");
    let articles: Vec<&str> = file["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["article"].as_str().unwrap())
        .collect();
    assert_eq!(articles, ["a", "b"]);
    let (report, output) = check_json(&ws, &["--no-store", "--baseline", "base.json", "b.txt"]);
    assert_eq!(rules_in(&report, "baselined"), ["parts-exceed-total"]);
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn a_missing_or_malformed_baseline_is_an_error_naming_the_file() {
    let ws = Workspace::new();
    ws.write("story.txt", format!("date 2024-05-02\n{POINTS}\n"));
    ws.write("broken.json", "{\"version\": 1, \"findings\": [");
    ws.write(
        "other.json",
        "{\"version\": 7, \"tool\": \"claimlint\", \"findings\": []}",
    );
    for (file, what) in [
        ("broken.json", "not a claimlint baseline"),
        ("other.json", "version 7"),
        ("missing.json", "cannot read the baseline"),
    ] {
        let output = ws
            .claimlint(&["check", "--no-store", "--baseline", file, "story.txt"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{file}");
        let stderr = stderr_of(&output);
        assert!(stderr.contains(&format!("{file}: ")), "{stderr}");
        assert!(stderr.contains(what), "{stderr}");
        assert!(stdout_of(&output).is_empty(), "{file}");
    }
}

#[test]
fn sarif_keeps_suppressed_and_baselined_findings_as_suppressed_results() {
    let ws = Workspace::new();
    ws.write(
        "story.md",
        format!("<!-- claimlint-disable-next-line -->\n{POINTS}\n\n{PARTS}\n"),
    );
    let write = ws
        .claimlint(&[
            "check",
            "--select",
            SELECT,
            "--date",
            "2024-05-02",
            "--no-store",
            "--write-baseline",
            "base.json",
            "story.md",
        ])
        .output()
        .unwrap();
    assert!(write.status.success(), "{}", stderr_of(&write));
    let output = ws
        .claimlint(&[
            "check",
            "--select",
            SELECT,
            "--date",
            "2024-05-02",
            "--no-store",
            "--format",
            "sarif",
            "--baseline",
            "base.json",
            "story.md",
        ])
        .output()
        .unwrap();
    let log = common::sarif::sarif_log(&stdout_of(&output));
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2, "{results:?}");
    let kind_of = |rule: &str| {
        let result = results.iter().find(|r| r["ruleId"] == rule).unwrap();
        let suppressions = result["suppressions"].as_array().unwrap();
        assert_eq!(suppressions.len(), 1);
        suppressions[0].clone()
    };
    let in_source = kind_of("percent-for-points");
    assert_eq!(in_source["kind"], "inSource");
    assert_eq!(
        in_source["location"]["physicalLocation"]["region"]["startLine"],
        1
    );
    assert_eq!(kind_of("parts-exceed-total")["kind"], "external");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn claimlint_toml_names_the_default_baseline() {
    let ws = Workspace::new();
    ws.write("claimlint.toml", "baseline = \"checks/base.json\"\n");
    ws.write("story.txt", format!("date 2024-05-02\n{POINTS}\n"));
    std::fs::create_dir_all(ws.path("checks")).unwrap();
    // Not there yet: an ordinary check names it; the run that writes it creates it.
    let missing = ws
        .claimlint(&["check", "--no-store", "story.txt"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr_of(&missing).contains("base.json: cannot read the baseline"));
    let (_, write) = check_json(
        &ws,
        &[
            "--no-store",
            "--write-baseline",
            "checks/base.json",
            "story.txt",
        ],
    );
    assert_eq!(write.status.code(), Some(0), "{}", stderr_of(&write));
    let (report, output) = check_json(&ws, &["--no-store", "--fail-on", "warning", "story.txt"]);
    assert_eq!(rules_in(&report, "baselined"), ["percent-for-points"]);
    assert_eq!(output.status.code(), Some(0));
    let (report, output) = check_json(
        &ws,
        &[
            "--no-store",
            "--fail-on",
            "warning",
            "--no-baseline",
            "story.txt",
        ],
    );
    assert_eq!(rules_in(&report, "findings"), ["percent-for-points"]);
    assert_eq!(output.status.code(), Some(1));
}
