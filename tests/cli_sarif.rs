//! `check --format sarif` through the real binary: every log is validated against the
//! vendored OASIS 2.1.0 schema (`common::sarif`), then checked for what claimlint promises
//! beyond it: a fixture that fires with a rule error beside it and a file name that needs
//! percent-encoding, rule help and links, a log even when the rules cannot be loaded, stored
//! targets, and columns in code points.

mod common;

use std::path::Path;

use common::sarif::sarif_log;
use common::{Workspace, rule_source, stdout_of};
use serde_json::Value;

fn string<'a>(value: &'a Value, what: &str) -> &'a str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("{what} must be a string: {value}"))
}

fn positive(value: &Value, what: &str) -> u64 {
    let n = value
        .as_u64()
        .unwrap_or_else(|| panic!("{what} must be an integer: {value}"));
    assert!(n >= 1, "{what} is 1-based: {n}");
    n
}

/// `uri` is a relative URI reference: no spaces, backslashes or other unencoded bytes.
fn assert_uri_reference(uri: &str) {
    assert!(!uri.is_empty());
    assert!(
        uri.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@%".contains(&b)),
        "not a URI reference: {uri}"
    );
}

#[test]
fn sarif_has_every_required_field() {
    let ws = Workspace::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/rules/conversion-rate-mismatch/fires-it-month.txt");
    ws.write("bozza uno.txt", std::fs::read(fixture).unwrap());
    ws.write(
        "suite/spins.rhai",
        rule_source("spins", "warning", "loop { }"),
    );
    ws.write("claimlint.toml", "timeout_ms = 100\n");
    let output = ws
        .claimlint(&[
            "check",
            "--rules",
            "suite",
            "--format",
            "sarif",
            "--id",
            "bozza",
            "bozza uno.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "the spinning rule is a rule error"
    );
    let log = sarif_log(&stdout_of(&output));

    assert_eq!(log["version"], "2.1.0");
    assert!(string(&log["$schema"], "$schema").contains("sarif"));
    let runs = log["runs"].as_array().expect("runs is an array");
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    let driver = &run["tool"]["driver"];
    assert_eq!(string(&driver["name"], "tool.driver.name"), "claimlint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    // Columns count characters, and the run says so (SARIF's default is UTF-16 code units).
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = driver["rules"].as_array().expect("driver.rules");
    let rule_ids: Vec<&str> = rules.iter().map(|r| string(&r["id"], "rule.id")).collect();
    for rule in rules {
        string(
            &rule["shortDescription"]["text"],
            "rule.shortDescription.text",
        );
    }
    assert!(rule_ids.contains(&"conversion-rate-mismatch"));

    let results = run["results"].as_array().expect("results is an array");
    assert!(!results.is_empty());
    for result in results {
        let rule_id = string(&result["ruleId"], "ruleId");
        assert!(rule_ids.contains(&rule_id), "{rule_id} is in driver.rules");
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rule_ids[index], rule_id);
        let level = string(&result["level"], "level");
        assert!(
            ["none", "note", "warning", "error"].contains(&level),
            "{level}"
        );
        assert!(!string(&result["message"]["text"], "message.text").is_empty());
        let locations = result["locations"].as_array().expect("locations");
        assert!(!locations.is_empty());
        for location in locations {
            let physical = &location["physicalLocation"];
            let uri = string(&physical["artifactLocation"]["uri"], "artifactLocation.uri");
            assert_uri_reference(uri);
            assert_eq!(uri, "bozza%20uno.txt");
            let region = &physical["region"];
            let start_line = positive(&region["startLine"], "startLine");
            let start_column = positive(&region["startColumn"], "startColumn");
            let end_line = positive(&region["endLine"], "endLine");
            let end_column = positive(&region["endColumn"], "endColumn");
            assert!((end_line, end_column) > (start_line, start_column));
        }
    }
    let conversion = results
        .iter()
        .find(|r| r["ruleId"] == "conversion-rate-mismatch")
        .expect("the fixture's finding");
    let region = &conversion["locations"][0]["physicalLocation"]["region"];
    // The fixture's .expect says line 4; the claim "48,2 miliardi di yuan" starts at column 16.
    assert_eq!([&region["startLine"], &region["startColumn"]], [4, 16]);

    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notifications = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notifications.len(), 1);
    assert_eq!(notifications[0]["associatedRule"]["id"], "spins");
    assert!(string(&notifications[0]["message"]["text"], "notification text").contains("spins"));
}

/// A user rule's header without `link:`, then `body`.
fn unlinked_rule(id: &str, body: &str) -> String {
    format!(
        "//! id: {id}\n//! severity: info\n//! summary: A rule with no page.\n//!\n//! What it checks: nothing.\n{body}\n"
    )
}

fn rule<'a>(log: &'a Value, id: &str) -> &'a Value {
    log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|rule| rule["id"] == id)
        .unwrap_or_else(|| panic!("rule {id} in driver.rules"))
}

#[test]
fn help_links_are_real_or_absent() {
    let ws = Workspace::new();
    ws.write("story.txt", "La spesa sale del 5% nel 2024.\n");
    ws.write("mine/no-link.rhai", unlinked_rule("no-link", "let x = 1;"));
    ws.write(
        "mine/linked.rhai",
        rule_source("linked", "info", "let x = 1;"),
    );
    let output = ws
        .claimlint(&[
            "check",
            "--no-store",
            "--rules",
            "mine",
            "--format",
            "sarif",
            "story.txt",
        ])
        .output()
        .unwrap();
    let stdout = stdout_of(&output);
    let log = sarif_log(&stdout);
    assert!(
        !stdout.contains("claimlint.invalid"),
        "a placeholder domain"
    );
    let driver = &log["runs"][0]["tool"]["driver"];
    if env!("CARGO_PKG_HOMEPAGE").is_empty() && env!("CARGO_PKG_REPOSITORY").is_empty() {
        assert!(driver.get("informationUri").is_none(), "{driver}");
    }

    let no_link = rule(&log, "no-link");
    assert!(no_link.get("helpUri").is_none(), "{no_link}");
    assert!(no_link.get("properties").is_none(), "{no_link}");
    assert_eq!(
        rule(&log, "linked")["helpUri"],
        "https://example.invalid/linked"
    );
    // A bundled rule's header is its documentation: its link is its file in the repository,
    // which `helpUri` (an absolute URI) cannot hold.
    let bundled = rule(&log, "conversion-rate-mismatch");
    assert!(bundled.get("helpUri").is_none(), "{bundled}");
    for rule in driver["rules"].as_array().unwrap() {
        let id = rule["id"].as_str().unwrap();
        if ["no-link", "linked"].contains(&id) {
            continue;
        }
        let documentation = rule["properties"]["documentation"].as_str().unwrap();
        assert_eq!(documentation, format!("rules/{id}.rhai"));
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(documentation)
                .is_file(),
            "{documentation} is in the repository"
        );
    }
}

#[test]
fn rule_help_comes_from_the_rule_header() {
    let ws = Workspace::new();
    ws.write("story.txt", "La spesa sale del 5% nel 2024.\n");
    ws.write("mine/no-link.rhai", unlinked_rule("no-link", "let x = 1;"));
    ws.write(
        "mine/bare.rhai",
        "//! id: bare\n//! severity: info\n//! summary: A rule with no prose.\nlet x = 1;\n",
    );
    let output = ws
        .claimlint(&[
            "check",
            "--no-store",
            "--rules",
            "mine",
            "--format",
            "sarif",
            "story.txt",
        ])
        .output()
        .unwrap();
    let log = sarif_log(&stdout_of(&output));
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["version"],
        env!("CARGO_PKG_VERSION")
    );

    let bundled = rule(&log, "conversion-rate-mismatch");
    let full = string(&bundled["fullDescription"]["text"], "fullDescription.text");
    assert!(
        full.starts_with("What it checks: every `conversion` relation"),
        "{full}"
    );
    assert!(full.contains("Why it matters:"), "{full}");
    // The first paragraph only: the config keys come after a blank line.
    assert!(!full.contains("Config ("), "{full}");
    let text = string(&bundled["help"]["text"], "help.text");
    assert!(
        text.starts_with("A currency conversion in the text implies an exchange rate"),
        "{text}"
    );
    assert!(text.contains("\n\nWhat it checks:") && text.contains("window_days"));
    let markdown = string(&bundled["help"]["markdown"], "help.markdown");
    assert!(
        markdown.starts_with("**A currency conversion in the text implies"),
        "{markdown}"
    );

    assert_eq!(
        rule(&log, "no-link")["fullDescription"]["text"],
        "What it checks: nothing."
    );
    let bare = rule(&log, "bare");
    assert!(bare.get("fullDescription").is_none(), "{bare}");
    assert_eq!(bare["help"]["text"], "A rule with no prose.");
}

#[test]
fn a_rule_with_a_bad_header_still_gets_one_complete_log() {
    let ws = Workspace::new();
    ws.write("story.txt", "La spesa sale del 5% nel 2024.\n");
    ws.write(
        "mine/broken.rhai",
        "//! id: broken\n//! severity: loud\n//! summary: A rule with a bad severity.\nlet x = 1;\n",
    );
    let output = ws
        .claimlint(&[
            "check",
            "--no-store",
            "--rules",
            "mine",
            "--format",
            "sarif",
            "story.txt",
        ])
        .output()
        .unwrap();
    // A rule error, as README's exit codes say; stderr says so as for every format.
    assert_eq!(output.status.code(), Some(2));
    assert!(
        common::stderr_of(&output).contains("mine/broken.rhai:2"),
        "{}",
        common::stderr_of(&output)
    );
    let log = sarif_log(&stdout_of(&output));
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "claimlint");
    assert_eq!(run["results"], serde_json::json!([]));
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notifications = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notifications.len(), 1, "{notifications:?}");
    let notification = &notifications[0];
    assert_eq!(notification["level"], "error");
    let message = string(&notification["message"]["text"], "message.text");
    assert!(
        message.starts_with("mine/broken.rhai:2: ") && message.contains("loud"),
        "{message}"
    );
    let physical = &notification["locations"][0]["physicalLocation"];
    assert_eq!(physical["artifactLocation"]["uri"], "mine/broken.rhai");
    assert_eq!(physical["region"]["startLine"], 2);
}

#[test]
fn a_bad_claimlint_toml_still_gets_one_complete_log() {
    let ws = Workspace::new();
    ws.write("story.txt", "La spesa sale del 5% nel 2024.\n");
    ws.write("claimlint.toml", "timeout_ms = \"soon\"\n");
    let output = ws
        .claimlint(&["check", "--no-store", "--format", "sarif", "story.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let log = sarif_log(&stdout_of(&output));
    let invocation = &log["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert!(
        string(&notification["message"]["text"], "message.text").contains("claimlint.toml"),
        "{notification}"
    );
    let uri = string(
        &notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "uri",
    );
    assert!(uri.ends_with("claimlint.toml"), "{uri}");
}

/// A rule reporting every percentage, for tests about where a finding is.
const PERCENT_RULE: &str = r#"for c in article.claims { if c.kind == "percent" { report(#{ message: "a percentage", claims: c }); } }"#;

/// Writes a user rule reporting every percentage into `mine/`, and the arguments of a SARIF
/// `check` run with it alone, `targets` (and their options) last.
fn percent_rule_check<'a>(ws: &Workspace, targets: &[&'a str]) -> Vec<&'a str> {
    ws.write(
        "mine/percent.rhai",
        rule_source("percent", "warning", PERCENT_RULE),
    );
    let mut args = vec![
        "check",
        "--no-default-rules",
        "--rules",
        "mine",
        "--format",
        "sarif",
    ];
    args.extend_from_slice(targets);
    args
}

#[test]
fn files_are_relative_to_srcroot_and_stored_drafts_are_named_apart() {
    let ws = Workspace::new();
    ws.write("site/la spesa.txt", "La spesa sale del 5% nel 2024.\n");
    let args = |target: &'static str| percent_rule_check(&ws, &["--id", "spesa", target]);
    let file = ws.claimlint(&args("site/la spesa.txt")).output().unwrap();
    let log = sarif_log(&stdout_of(&file));
    let run = &log["runs"][0];
    let location = &run["results"][0]["locations"][0];
    let artifact = &location["physicalLocation"]["artifactLocation"];
    assert_eq!(artifact["uri"], "site/la%20spesa.txt");
    assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
    let root = string(&run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "%SRCROOT%");
    assert!(
        root.starts_with("file:///") && root.ends_with('/'),
        "{root}"
    );
    assert!(location.get("logicalLocations").is_none(), "{location}");

    // The same draft checked from the store: the store keeps no file path, so the draft is
    // named apart from the files, under a base that says so, with its id and number.
    let stored = ws
        .claimlint(&[
            "check",
            "--no-default-rules",
            "--rules",
            "mine",
            "--format",
            "sarif",
            "spesa",
        ])
        .output()
        .unwrap();
    let log = sarif_log(&stdout_of(&stored));
    let run = &log["runs"][0];
    let result = &run["results"][0];
    let location = &result["locations"][0];
    let artifact = &location["physicalLocation"]["artifactLocation"];
    assert_eq!(artifact["uriBaseId"], "CLAIMLINT_STORE");
    assert_eq!(artifact["uri"], "spesa@1");
    assert!(
        string(
            &run["originalUriBaseIds"]["CLAIMLINT_STORE"]["description"]["text"],
            "description"
        )
        .contains("ARTICLE@N")
    );
    assert_eq!(
        location["logicalLocations"][0]["fullyQualifiedName"],
        "spesa@1"
    );
    assert_eq!(result["properties"]["article"], "spesa");
    assert_eq!(result["properties"]["draft"], 1);
    let region = &location["physicalLocation"]["region"];
    assert_eq!([&region["startLine"], &region["startColumn"]], [1, 19]);
}

#[test]
fn standard_input_is_no_file_of_the_repository() {
    let ws = Workspace::new();
    let args = percent_rule_check(&ws, &["--no-store", "--id", "piped", "-"]);
    let output = ws
        .claimlint(&args)
        .write_stdin("La spesa sale del 5% nel 2024.\n")
        .output()
        .unwrap();
    let log = sarif_log(&stdout_of(&output));
    let artifact =
        &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(artifact["uri"], "%3Cstdin%3E");
    assert!(artifact.get("uriBaseId").is_none(), "{artifact}");
}

#[test]
fn columns_count_code_points_after_an_emoji_and_a_combining_mark() {
    let ws = Workspace::new();
    // 🎉 is one code point (two UTF-16 units, four bytes); "e\u{301}" and "q\u{301}" are two
    // code points each (one grapheme; NFC would make the first one): "5%" starts at code
    // point 9 of the file (UTF-16 would say 10, NFC 8, graphemes 7, bytes 14).
    ws.write("story.txt", "🎉 e\u{301} q\u{301} 5% in più nel 2024.\n");
    let args = percent_rule_check(&ws, &["--no-store", "story.txt"]);
    let output = ws.claimlint(&args).output().unwrap();
    let log = sarif_log(&stdout_of(&output));
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{results:?}");
    let region = &results[0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        [
            &region["startLine"],
            &region["startColumn"],
            &region["endLine"],
            &region["endColumn"]
        ],
        [1, 9, 1, 11]
    );
}

/// The validator has teeth: what SARIF forbids, the vendored schema rejects.
#[test]
fn the_schema_rejects_an_invalid_log() {
    let valid = serde_json::json!({
        "version": "2.1.0",
        "runs": [{ "tool": { "driver": { "name": "claimlint",
            "rules": [{ "id": "r", "helpUri": "https://example.org/r" }] } } }],
    });
    assert_eq!(common::sarif::schema_errors(&valid), Vec::<String>::new());
    let mut relative_help = valid.clone();
    relative_help["runs"][0]["tool"]["driver"]["rules"][0]["helpUri"] = "rules/r.rhai".into();
    assert!(!common::sarif::schema_errors(&relative_help).is_empty());
    let mut no_version = valid.clone();
    no_version.as_object_mut().unwrap().remove("version");
    assert!(!common::sarif::schema_errors(&no_version).is_empty());
    let mut zero_line = valid;
    zero_line["runs"][0]["results"] = serde_json::json!([{ "message": { "text": "m" },
        "locations": [{ "physicalLocation": { "artifactLocation": { "uri": "a.txt" },
            "region": { "startLine": 0 } } }] }]);
    assert!(!common::sarif::schema_errors(&zero_line).is_empty());
}
