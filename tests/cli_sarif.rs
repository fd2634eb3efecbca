//! `check --format sarif` against the fields SARIF 2.1.0 requires of a log, a run, a tool, a
//! rule, a result and its physical location, through the real binary on a fixture that fires,
//! with a rule error beside it and a file name that needs percent-encoding.

mod common;

use std::path::Path;

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
    let log: Value = serde_json::from_str(&stdout_of(&output)).unwrap();

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
