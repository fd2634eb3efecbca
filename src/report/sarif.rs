//! The SARIF 2.1.0 `check` report, for CI systems that show findings inline.
//!
//! One `run` holds the rule catalogue (`tool.driver.rules`: id, short description, help URI,
//! default level) and one `result` per finding with a physical location (the target as given,
//! a 1-based region with start/end line and column). Rule errors and input errors are
//! `toolExecutionNotifications` of the invocation, which is then not successful. Evidence,
//! claim ids and `first_seen` travel in each result's `properties`.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::check::CheckReport;
use crate::engine::Severity;
use crate::store::finding_fingerprint;

const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Builds the SARIF log as JSON.
pub fn sarif_log(report: &CheckReport) -> Value {
    let rules: Vec<Value> = report
        .rules
        .iter()
        .map(|rule| {
            json!({
                "id": rule.id,
                "shortDescription": { "text": rule.summary },
                "helpUri": rule.link,
                "defaultConfiguration": { "level": level(rule.severity) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for article in &report.articles {
        for reported in &article.findings {
            let finding = &reported.finding;
            let mut result = json!({
                "ruleId": finding.rule,
                "level": level(finding.severity),
                "message": { "text": finding.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": artifact_uri(&article.source) },
                        "region": {
                            "startLine": finding.line,
                            "startColumn": finding.column,
                            "endLine": reported.end_line,
                            "endColumn": reported.end_column,
                        }
                    }
                }],
                "partialFingerprints": { "claimlintFinding/v1": finding_fingerprint(finding) },
                "properties": {
                    "article": article.article,
                    "draft": article.draft,
                    "claims": finding.claims,
                    "evidence": finding.evidence,
                    "first_seen": reported.first_seen,
                },
            });
            if let Some(index) = report.rules.iter().position(|rule| rule.id == finding.rule) {
                result["ruleIndex"] = json!(index);
            }
            results.push(result);
        }
    }
    let mut notifications: Vec<Value> = report
        .rule_errors
        .iter()
        .chain(report.articles.iter().flat_map(|a| &a.rule_errors))
        .map(|error| {
            json!({
                "level": "error",
                "message": { "text": error.to_string() },
                "associatedRule": { "id": error.rule },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": artifact_uri(&error.file) },
                        "region": {
                            "startLine": error.line.unwrap_or(1),
                            "startColumn": error.column.unwrap_or(1),
                        }
                    }
                }],
            })
        })
        .collect();
    notifications.extend(
        report
            .input_errors
            .iter()
            .map(|error| json!({ "level": "error", "message": { "text": error } })),
    );
    json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "claimlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://claimlint.invalid/",
                    "rules": rules,
                }
            },
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "endTimeUtc": report.checked_at,
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
            "properties": {
                "rule_suite_hash": report.rule_suite_hash,
                "reference_snapshot": report.reference_snapshot,
            },
        }]
    })
}

/// A path as a SARIF `uri` (a relative URI reference): bytes other than unreserved and
/// path characters are percent-encoded, so `bozza 2.txt` becomes `bozza%202.txt`.
pub fn artifact_uri(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

pub fn write_check_sarif(out: &mut impl Write, report: &CheckReport) -> io::Result<()> {
    super::write_json_pretty(out, &sarif_log(report))
}
