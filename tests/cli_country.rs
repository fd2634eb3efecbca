//! The publication's country through the real binary: a bare `$` is that country's dollar or
//! peso when a `country:` header, `--country` or a JSONL `country` says where the article is
//! published, and USD otherwise; explicit prefixes (`US$`, `A$`) never change.

mod common;

use common::{Workspace, stderr_of, stdout_of};
use serde_json::Value;

const AUSTRALIAN: &str = "---\ncountry: au\n---\nThe council spent $40 million, against US$12 million from Washington and A$3m from Canberra.\n";

/// `(text, unit, ambiguity kinds)` of each money claim in an `extract --format json` answer.
fn money(json: &Value) -> Vec<(String, String, Vec<String>)> {
    json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "money")
        .map(|c| {
            let kinds = c["ambiguity"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["kind"].as_str().unwrap().to_string())
                .collect();
            (
                c["text"].as_str().unwrap().to_string(),
                c["unit"].as_str().unwrap().to_string(),
                kinds,
            )
        })
        .collect()
}

fn extract(workspace: &Workspace, args: &[&str]) -> Value {
    let output = workspace.claimlint_bare(args).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    serde_json::from_str(&stdout_of(&output)).unwrap()
}

#[test]
fn the_header_country_decides_a_bare_dollar_sign() {
    let workspace = Workspace::new();
    let path = workspace.write("council.md", AUSTRALIAN);
    let json = extract(
        &workspace,
        &["extract", path.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(json["country"], "AU");
    let local = vec!["currency-symbol".to_string()];
    assert_eq!(
        money(&json),
        vec![
            ("$40 million".into(), "AUD".into(), local),
            ("US$12 million".into(), "USD".into(), vec![]),
            ("A$3m".into(), "AUD".into(), vec![]),
        ]
    );
}

#[test]
fn the_option_overrides_the_header_and_without_either_dollars_are_american() {
    let workspace = Workspace::new();
    let path = workspace.write("council.md", AUSTRALIAN);
    let path = path.to_str().unwrap();
    let json = extract(
        &workspace,
        &["extract", path, "--format", "json", "--country", "CA"],
    );
    assert_eq!(json["country"], "CA");
    assert_eq!(money(&json)[0].1, "CAD");
    // A country that writes its currency another way leaves `$` the US dollar.
    let json = extract(
        &workspace,
        &["extract", path, "--format", "json", "--country", "it"],
    );
    assert_eq!(
        money(&json)[0],
        ("$40 million".into(), "USD".into(), vec![])
    );
    let plain = workspace.write("plain.txt", "The council spent $40 million.\n");
    let json = extract(
        &workspace,
        &["extract", plain.to_str().unwrap(), "--format", "json"],
    );
    assert_eq!(json["country"], Value::Null);
    assert_eq!(money(&json)[0].1, "USD");
}

#[test]
fn a_bad_country_is_an_error_naming_the_line_or_the_option() {
    let workspace = Workspace::new();
    let path = workspace.write("bad.md", "---\ntitle: x\ncountry: AUS\n---\nIt cost $5.\n");
    let output = workspace
        .claimlint_bare(&["extract", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("bad.md: line 3"), "{stderr}");
    assert!(stderr.contains("`AUS`"), "{stderr}");
    let output = workspace
        .claimlint_bare(&["extract", path.to_str().unwrap(), "--country", "1x"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("`1x` is not a country code"));
}

#[test]
fn jsonl_lines_may_name_their_country() {
    let workspace = Workspace::new();
    let input = concat!(
        r#"{"id": 1, "text": "Pagó $500 por el boleto.", "lang": "es", "country": "MX"}"#,
        "\n",
        r#"{"id": 2, "text": "Pagó $500 por el boleto.", "lang": "es"}"#,
        "\n",
        r#"{"id": 3, "text": "Pagó $500.", "country": "México"}"#,
        "\n",
    );
    let output = workspace
        .claimlint_bare(&["extract", "--jsonl", "--country", "AR"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "the bad third line fails");
    let answers: Vec<Value> = stdout_of(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(answers[0]["claims"][0]["unit"], "MXN");
    // Without its own country a line takes `--country`.
    assert_eq!(answers[1]["claims"][0]["unit"], "ARS");
    assert_eq!(answers[2]["id"], 3);
    assert!(
        answers[2]["error"]
            .as_str()
            .unwrap()
            .contains("invalid country `México`")
    );
}

#[test]
fn added_drafts_store_the_local_currency() {
    let workspace = Workspace::new();
    let path = workspace.write("council.md", AUSTRALIAN);
    workspace
        .claimlint(&["add", path.to_str().unwrap()])
        .assert()
        .success();
    let output = workspace
        .claimlint(&["claims", "council", "--kind", "money", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let json: Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    let units: Vec<&str> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["unit"].as_str().unwrap())
        .collect();
    assert_eq!(units, ["AUD", "USD", "AUD"]);
}
