//! Acceptance of the bundled `conversion-rate-mismatch` rule by generated mutations, through
//! the real binary: the faithful fixture articles give no error; scaling one figure of any
//! conversion so that the implied rate moves by more than 3% gives a conversion-rate-mismatch
//! error at that claim; rewriting a figure within its precision stays quiet.
//!
//! The conversions and their figures are not hand-picked: they come from `claimlint extract`
//! on the fixture, and the factors from a fixed list plus a deterministic generator. Each
//! mutation only rewrites the digits of one figure, keeping its decimals and separators, so the
//! mutated claim starts where the original did. All mutants of a language go through one
//! `claimlint check` run.

mod common;

use common::{Workspace, fixture, stdout_of};
use serde_json::Value;

/// The figure inside a claim's text: its byte range in the text, value, decimals.
struct Figure {
    start: usize,
    end: usize,
    value: f64,
    decimals: usize,
}

struct ClaimInfo {
    id: String,
    start: usize,
    text: String,
    line: u64,
    column: u64,
}

struct Conversion {
    source: ClaimInfo,
    target: ClaimInfo,
}

struct Mutant {
    file: String,
    claim_line: u64,
    claim_column: u64,
    description: String,
}

fn decimal_separator(lang: &str) -> char {
    if lang == "it" { ',' } else { '.' }
}

/// The first number written in `text` (digits with grouping and decimal separators).
fn figure_in(text: &str, lang: &str) -> Figure {
    let decimal = decimal_separator(lang);
    let grouping = if decimal == ',' { '.' } else { ',' };
    let start = text.find(|c: char| c.is_ascii_digit()).expect("a digit");
    let end = text[start..]
        .find(|c: char| !(c.is_ascii_digit() || c == decimal || c == grouping))
        .map_or(text.len(), |offset| start + offset);
    let written = text[start..end].trim_end_matches([decimal, grouping]);
    let end = start + written.len();
    let plain: String = written
        .chars()
        .filter(|&c| c != grouping)
        .map(|c| if c == decimal { '.' } else { c })
        .collect();
    let decimals = plain
        .split_once('.')
        .map_or(0, |(_, fraction)| fraction.len());
    Figure {
        start,
        end,
        value: plain.parse().expect("a number"),
        decimals,
    }
}

/// `value` written with `decimals` decimals and the language's decimal separator.
fn write_figure(value: f64, decimals: usize, lang: &str) -> String {
    format!("{value:.decimals$}").replace('.', &decimal_separator(lang).to_string())
}

fn extraction(workspace: &Workspace, article: &std::path::Path) -> Value {
    let output = workspace
        .claimlint(&["extract", "--format", "json", article.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "extract failed");
    serde_json::from_str(&stdout_of(&output)).unwrap()
}

fn conversions(extraction: &Value) -> Vec<Conversion> {
    let claim = |id: &Value| -> ClaimInfo {
        let found = extraction["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|claim| &claim["id"] == id)
            .expect("relation claim exists");
        ClaimInfo {
            id: found["id"].as_str().unwrap().to_owned(),
            start: found["start"].as_u64().unwrap() as usize,
            text: found["text"].as_str().unwrap().to_owned(),
            line: found["line"].as_u64().unwrap(),
            column: found["column"].as_u64().unwrap(),
        }
    };
    extraction["relations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|relation| relation["kind"] == "conversion")
        .map(|relation| Conversion {
            source: claim(&relation["claims"][0]),
            target: claim(&relation["claims"][1]),
        })
        .collect()
}

/// Scale factors: a fixed few around ±4–5% and a deterministic spread from 0.70 to 1.40.
fn scale_factors() -> Vec<f64> {
    let mut factors = vec![0.95, 0.96, 1.04, 1.05];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..8 {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let unit = (state >> 11) as f64 / (1u64 << 53) as f64;
        factors.push(0.70 + 0.70 * unit);
    }
    factors
}

/// The article with `claim`'s figure replaced by `new_figure`.
fn rewrite(text: &str, claim: &ClaimInfo, figure: &Figure, new_figure: &str) -> String {
    let start = claim.start + figure.start;
    let end = claim.start + figure.end;
    format!("{}{new_figure}{}", &text[..start], &text[end..])
}

/// Every finding of the check run, keyed by the source file name it came from.
fn findings_by_file(report: &Value) -> Vec<(String, Vec<Value>)> {
    report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|article| {
            let source = article["source"].as_str().unwrap();
            let name = std::path::Path::new(source)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, article["findings"].as_array().unwrap().clone())
        })
        .collect()
}

fn check_json(workspace: &Workspace, files: &[String]) -> Value {
    let mut args = vec!["check", "--format", "json", "--fail-on", "never"];
    args.extend(files.iter().map(String::as_str));
    let output = workspace.claimlint(&args).output().unwrap();
    assert!(
        output.status.success(),
        "check failed: {}",
        common::stderr_of(&output)
    );
    serde_json::from_str(&stdout_of(&output)).unwrap()
}

fn is_conversion_error_at(finding: &Value, line: u64, column: u64) -> bool {
    finding["rule"] == "conversion-rate-mismatch"
        && finding["severity"] == "error"
        && finding["spans"]
            .as_array()
            .unwrap()
            .iter()
            .any(|span| span["line"] == line && span["column"] == column)
}

/// Writes the mutants of one fixture: (big moves that must fire, small rewrites that must not).
fn mutants(workspace: &Workspace, name: &str, lang: &str) -> (Vec<Mutant>, Vec<Mutant>) {
    let article = fixture(name);
    let text = std::fs::read_to_string(&article).unwrap();
    let found = conversions(&extraction(workspace, &article));
    assert!(
        found.len() >= 2,
        "{name}: expected the fixture's two conversions"
    );
    let (mut firing, mut quiet) = (Vec::new(), Vec::new());
    for (index, conversion) in found.iter().enumerate() {
        for (side, claim) in [(0, &conversion.source), (1, &conversion.target)] {
            let figure = figure_in(&claim.text, lang);
            let step = 10f64.powi(-(figure.decimals as i32));
            let emit = |kind: &str, new_figure: String, list: &mut Vec<Mutant>| {
                let file = format!("{lang}-{index}-{side}-{kind}-{}.txt", list.len());
                workspace.write(&file, rewrite(&text, claim, &figure, &new_figure));
                list.push(Mutant {
                    file,
                    claim_line: claim.line,
                    claim_column: claim.column,
                    description: format!("{} ({}) rewritten as {new_figure}", claim.text, claim.id),
                });
            };
            for factor in scale_factors() {
                let scaled = (figure.value * factor / step).round() * step;
                // The implied rate is source/target: scaling the target divides it.
                let rate_change = if side == 0 {
                    scaled / figure.value
                } else {
                    figure.value / scaled
                };
                if (rate_change - 1.0).abs() > 0.03 {
                    emit(
                        "moved",
                        write_figure(scaled, figure.decimals, lang),
                        &mut firing,
                    );
                }
            }
            // The same value written with one and two more decimals ("13,6" → "13,60",
            // "13,600"): the figure is unchanged and only its stated precision narrows around
            // it. (A different value inside the old precision, e.g. "13,56", may rightly fire:
            // the faithful figures only just agree with a day-dated article's rates.)
            for extra in [1, 2] {
                emit(
                    "reformatted",
                    write_figure(figure.value, figure.decimals + extra, lang),
                    &mut quiet,
                );
            }
        }
    }
    (firing, quiet)
}

fn assert_mutations(name: &str, lang: &str) {
    let workspace = Workspace::new();
    let (firing, quiet) = mutants(&workspace, name, lang);
    assert!(
        firing.len() >= 16,
        "{name}: only {} mutations move the rate by >3%",
        firing.len()
    );
    let files: Vec<String> = firing
        .iter()
        .chain(&quiet)
        .map(|mutant| mutant.file.clone())
        .collect();
    let report = check_json(&workspace, &files);
    let by_file = findings_by_file(&report);
    let findings_of = |file: &str| -> &Vec<Value> {
        &by_file
            .iter()
            .find(|(name, _)| name == file)
            .unwrap_or_else(|| panic!("no report for {file}"))
            .1
    };
    let mut failures = Vec::new();
    for mutant in &firing {
        let findings = findings_of(&mutant.file);
        if !findings
            .iter()
            .any(|f| is_conversion_error_at(f, mutant.claim_line, mutant.claim_column))
        {
            failures.push(format!(
                "{}: no conversion-rate-mismatch error at {}:{}",
                mutant.description, mutant.claim_line, mutant.claim_column
            ));
        }
    }
    for mutant in &quiet {
        let errors: Vec<&Value> = findings_of(&mutant.file)
            .iter()
            .filter(|f| f["severity"] == "error")
            .collect();
        if !errors.is_empty() {
            failures.push(format!(
                "{}: expected no error, got {}",
                mutant.description, errors[0]["message"]
            ));
        }
    }
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
}

#[test]
fn italian_conversions_mutated_beyond_3_percent_are_errors_at_that_claim() {
    assert_mutations("cina-russia-2024-01-it.txt", "it");
}

#[test]
fn english_conversions_mutated_beyond_3_percent_are_errors_at_that_claim() {
    assert_mutations("china-russia-2024-01-en.txt", "en");
}

#[test]
fn faithful_fixture_articles_give_no_error_finding() {
    let workspace = Workspace::new();
    let files: Vec<String> = ["cina-russia-2024-01-it.txt", "china-russia-2024-01-en.txt"]
        .iter()
        .map(|name| fixture(name).to_string_lossy().into_owned())
        .collect();
    let report = check_json(&workspace, &files);
    let by_file = findings_by_file(&report);
    assert_eq!(by_file.len(), 2, "both articles were checked");
    for (file, findings) in by_file {
        let errors: Vec<&Value> = findings
            .iter()
            .filter(|f| f["severity"] == "error")
            .collect();
        assert!(errors.is_empty(), "{file}: unexpected errors {errors:?}");
    }
}

#[test]
fn bundled_rule_fixtures_pass() {
    let workspace = Workspace::new();
    let output = workspace
        .claimlint_bare(&["rules", "test"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let out = stdout_of(&output);
    assert!(output.status.success(), "rules test failed:\n{out}");
    // Every bundled rule runs: as many as `rules/*.rhai` files.
    let bundled = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "rhai"))
        })
        .count();
    assert!(out.contains(&format!("{bundled} rules,")), "{out}");
    assert!(out.contains(" 0 mismatches"), "{out}");
}
