//! The constructions of news figures, one sentence each, in every language that has them
//! (`fixtures/constructions/<lang>.txt`, our own sentences), read by the real binary through
//! `claimlint extract --jsonl`. Every claim of a sentence must come out with the kind, value
//! and unit (or ISO date) written under it, in order, and nothing else; all failures of a file
//! are reported together.

mod common;

use std::path::Path;

use common::{Workspace, stderr_of, stdout_of};
use serde_json::{Value, json};

/// One sentence and the claims expected from it.
struct Case {
    line: usize,
    text: String,
    expected: Vec<(String, f64, String)>,
}

fn parse_cases(source: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(text) = line.strip_prefix("> ") {
            cases.push(Case {
                line: number + 1,
                text: text.to_string(),
                expected: Vec::new(),
            });
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [kind, value, unit] = fields[..] else {
            panic!(
                "line {}: expected `kind value unit`, got {line:?}",
                number + 1
            );
        };
        let value: f64 = value
            .parse()
            .unwrap_or_else(|_| panic!("line {}: bad value {value:?}", number + 1));
        cases
            .last_mut()
            .unwrap_or_else(|| panic!("line {}: a claim before any sentence", number + 1))
            .expected
            .push((kind.to_string(), value, unit.to_string()));
    }
    cases
}

/// What a claim of the binary's answer is, in the fixture's terms.
fn summary(claim: &Value) -> (String, f64, String) {
    let kind = claim["kind"].as_str().unwrap_or_default().to_string();
    let value = claim["value"].as_f64().unwrap_or(f64::NAN);
    let detail = if matches!(kind.as_str(), "date" | "time") {
        &claim["date"]
    } else {
        &claim["unit"]
    };
    (kind, value, detail.as_str().unwrap_or("-").to_string())
}

fn same(a: &(String, f64, String), b: &(String, f64, String)) -> bool {
    a.0 == b.0 && a.2 == b.2 && (a.1 - b.1).abs() <= 1e-9 * a.1.abs().max(1.0)
}

fn check_language(lang: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/constructions")
        .join(format!("{lang}.txt"));
    let source = std::fs::read_to_string(&path).unwrap();
    let cases = parse_cases(&source);
    assert!(
        cases.len() >= 20,
        "{}: only {} cases",
        path.display(),
        cases.len()
    );
    let input: String = cases
        .iter()
        .enumerate()
        .map(|(id, case)| json!({"id": id, "text": case.text}).to_string() + "\n")
        .collect();
    let workspace = Workspace::new();
    let output = workspace
        .claimlint_bare(&["extract", "--jsonl", "--lang", lang, "--date", "2024-06-15"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stdout = stdout_of(&output);
    let answers: Vec<Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(answers.len(), cases.len());
    let mut failures = Vec::new();
    for (case, answer) in cases.iter().zip(&answers) {
        let got: Vec<_> = answer["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(summary)
            .collect();
        let ok = got.len() == case.expected.len()
            && got.iter().zip(&case.expected).all(|(g, e)| same(g, e));
        if !ok {
            failures.push(format!(
                "{}:{}: {}\n    expected {:?}\n    got      {:?}",
                path.display(),
                case.line,
                case.text,
                case.expected,
                got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn spanish_constructions() {
    check_language("es");
}

#[test]
fn italian_constructions() {
    check_language("it");
}

#[test]
fn english_constructions() {
    check_language("en");
}

#[test]
fn the_fixture_format_is_checked() {
    let cases = parse_cases("# c\n> Uno.\nnumber 1 -\n\n> Two 2%.\npercent 2 %\ndate 2024 2024\n");
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[1].expected.len(), 2);
    assert_eq!(cases[1].line, 5);
    assert!(same(
        &cases[0].expected[0],
        &("number".into(), 1.0, "-".into())
    ));
    assert!(!same(
        &cases[0].expected[0],
        &("number".into(), 1.5, "-".into())
    ));
}

/// Accents typed decomposed (a letter and a combining mark, NFD) read like composed ones, and
/// every offset still points into the text as written.
#[test]
fn decomposed_accents_read_like_composed_ones() {
    let cases = [
        (
            "it",
            "Il fatturato è salito di più del 3,5% a 2 miliardi di euro.",
        ),
        (
            "es",
            "Más de 300 personas llegaron el próximo lunes; el déficit bajó tres décimas.",
        ),
        ("en", "The café sold 1,200 crêpes on Monday."),
    ];
    let decompose = |text: &str| -> String {
        text.chars()
            .flat_map(|c| match c {
                'è' => vec!['e', '\u{300}'],
                'ù' => vec!['u', '\u{300}'],
                'á' => vec!['a', '\u{301}'],
                'é' => vec!['e', '\u{301}'],
                'ó' => vec!['o', '\u{301}'],
                'ê' => vec!['e', '\u{302}'],
                other => vec![other],
            })
            .collect()
    };
    let workspace = Workspace::new();
    for (lang, composed) in cases {
        let decomposed = decompose(composed);
        assert_ne!(decomposed, composed);
        let input = format!(
            "{}\n{}\n",
            json!({"id": "composed", "text": composed}),
            json!({"id": "decomposed", "text": decomposed})
        );
        let output = workspace
            .claimlint_bare(&["extract", "--jsonl", "--lang", lang, "--date", "2024-06-15"])
            .write_stdin(input)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        let answers: Vec<Value> = stdout_of(&output)
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        let reading = |answer: &Value| -> Vec<(String, f64, String, String)> {
            answer["claims"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    let (kind, value, unit) = summary(c);
                    (
                        kind,
                        value,
                        unit,
                        c["qualifier"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        };
        assert!(!reading(&answers[0]).is_empty(), "{composed}");
        assert_eq!(reading(&answers[0]), reading(&answers[1]), "{lang}");
        for claim in answers[1]["claims"].as_array().unwrap() {
            let (start, end) = (
                claim["start"].as_u64().unwrap(),
                claim["end"].as_u64().unwrap(),
            );
            assert_eq!(
                claim["text"].as_str().unwrap(),
                &decomposed[start as usize..end as usize],
                "{lang}: offsets point into the text as written"
            );
        }
    }
}
