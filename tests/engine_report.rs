//! Snapshots of what users see from `check` (human, JSON, SARIF) for a small hand-built
//! report, and the bundled suite's own fixture run.

mod common;

use claimlint::check::{
    CheckReport, CheckedArticle, ClaimSpan, ReportedFinding, RuleInfo, TargetKind,
};
use claimlint::engine::{Evidence, Finding, RuleError, Severity};
use serde_json::json;

const LINE: &str =
    "Il gruppo ha incassato 13,6 miliardi di yuan (1,91 miliardi di dollari) nel 2023.";

fn report() -> CheckReport {
    let source_line_start = 100;
    let yuan_at = LINE.find("13,6").unwrap();
    let dollars_at = LINE.find("1,91").unwrap();
    let mut evidence = Evidence::new();
    evidence.insert("reported".into(), json!({ "low": 7.0914, "high": 7.1654 }));
    evidence.insert("expected".into(), json!({ "low": 7.092, "high": 7.1781, "mean": 7.13, "days": 22, "description": "ECB 2024-01 CNY/USD 7.0920–7.1781, 22 days" }));
    evidence.insert("tolerance".into(), json!(0.005));
    evidence.insert("reference".into(), json!("ECB 2024-01-02 CNY/USD 7.1435"));
    evidence.insert(
        "tried".into(),
        json!(["ECB 2024-01 range", "ECB 2023 mean"]),
    );
    let finding = Finding {
        rule: "conversion-rate-mismatch".into(),
        severity: Severity::Error,
        message: "13,6 miliardi di yuan (1,91 miliardi di dollari) implies 7.12 CNY/USD".into(),
        claims: vec!["c3".into(), "c4".into()],
        start: source_line_start + yuan_at,
        end: source_line_start + yuan_at + "13,6 miliardi di yuan".len(),
        line: 5,
        column: yuan_at as u32 + 1,
        sentence: Some(2),
        evidence,
    };
    let spans = vec![
        ClaimSpan {
            claim: "c3".into(),
            start: finding.start,
            end: finding.end,
            line: 5,
            column: finding.column,
        },
        ClaimSpan {
            claim: "c4".into(),
            start: source_line_start + dollars_at,
            end: source_line_start + dollars_at + "1,91 miliardi di dollari".len(),
            line: 5,
            column: dollars_at as u32 + 1,
        },
    ];
    CheckReport {
        schema_version: 1,
        rule_suite_hash: "0123456789abcdef0123456789abcdef".into(),
        reference_snapshot: "none".into(),
        checked_at: "2024-02-01T10:00:00.000Z".into(),
        rules: vec![RuleInfo {
            id: "conversion-rate-mismatch".into(),
            severity: Severity::Error,
            summary: "A conversion implies a rate no reference supports.".into(),
            link: "rules/conversion-rate-mismatch.rhai".into(),
            prose: "What it checks: every conversion.\n\nConfig: `slack`.".into(),
        }],
        articles: vec![CheckedArticle {
            article: "cina".into(),
            draft: 2,
            source: "cina.txt".into(),
            kind: TargetKind::File,
            findings: vec![ReportedFinding {
                end_line: 5,
                end_column: finding.column + 21,
                spans,
                source_line: LINE.into(),
                source_line_start,
                finding,
                first_seen: "2024-01-30T09:00:00.000Z".into(),
            }],
            rule_errors: vec![RuleError {
                rule: "spins".into(),
                file: "suite/spins.rhai".into(),
                line: Some(7),
                column: Some(1),
                source_line: Some("loop { }".into()),
                message: "ran longer than the 1000 ms limit on this article (an endless loop?)"
                    .into(),
                article: Some("cina".into()),
            }],
            suppressed: Vec::new(),
            baselined: Vec::new(),
            warnings: Vec::new(),
            content: None,
        }],
        rule_errors: Vec::new(),
        input_errors: Vec::new(),
    }
}

#[test]
fn human_report_snapshot() {
    let mut out = Vec::new();
    claimlint::report::write_check_human(&mut out, &report(), false).unwrap();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
}

#[test]
fn human_report_colours_only_when_asked() {
    let mut out = Vec::new();
    claimlint::report::write_check_human(&mut out, &report(), true).unwrap();
    // Bold red, as anstyle writes it (one SGR sequence per attribute), then a reset.
    let coloured = String::from_utf8(out).unwrap();
    assert!(
        coloured.contains("\x1b[1m\x1b[31merror\x1b[0m"),
        "{coloured:?}"
    );
}

#[test]
fn json_report_snapshot() {
    let mut out = Vec::new();
    claimlint::report::write_check_json(&mut out, &report()).unwrap();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
}

#[test]
fn sarif_report_snapshot() {
    let mut out = Vec::new();
    claimlint::report::write_check_sarif(&mut out, &report()).unwrap();
    let log = String::from_utf8(out).unwrap();
    // The hand-built report has a rule error beside a finding: valid SARIF all the same.
    common::sarif::sarif_log(&log);
    insta::assert_snapshot!(log);
}

/// `cargo test` runs the bundled rules on their fixtures, with the rates `rules test` uses.
#[test]
fn bundled_rules_pass_their_fixtures() {
    use claimlint::engine::{CompiledSuite, RuleSelection, RuleSet, RunSettings, testing};
    let rules = RuleSet::load(&RuleSelection::default()).expect("bundled rules load");
    let suite = CompiledSuite::compile(&rules, &RunSettings::default(), testing::fixture_rates());
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules");
    let outcome = testing::run_fixtures(&rules, &suite, &fixtures);
    let mismatches: Vec<String> = outcome.mismatches.iter().map(ToString::to_string).collect();
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

/// Every rules/*.rhai file is compiled in (build.rs), and nothing else is.
#[test]
fn every_rule_file_is_bundled() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".rhai"))
                .collect()
        })
        .unwrap_or_default();
    on_disk.sort();
    let bundled: Vec<String> = claimlint::engine::loader::BUNDLED_RULES
        .iter()
        .map(|(name, _)| name.to_string())
        .collect();
    assert_eq!(bundled, on_disk);
}
