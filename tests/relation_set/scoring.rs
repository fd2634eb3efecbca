//! Scoring a part of the relation set: one `claimlint check --format json` run over all its
//! articles, one more over all their mutants, and the per-kind and per-language table. A
//! mutant counts as caught when it has a finding (rule id + claim start offsets) that its
//! original does not.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde_json::Value;

use crate::cases::{Case, KINDS, LANGS, mutant_text};
use crate::common::{Workspace, stderr_of, stdout_of};

/// One article's findings, each as (rule id, claim start offsets), and whether any is an error.
struct Outcome {
    findings: BTreeSet<(String, Vec<u64>)>,
    has_error: bool,
    rule_errors: usize,
}

/// Writes each (name, date, text) as `name.txt`, runs one `check --format json` over all of
/// them and returns the outcome of each name.
fn check_all(
    workspace: &Workspace,
    articles: &[(String, &str, String)],
) -> BTreeMap<String, Outcome> {
    let mut files = Vec::new();
    for (name, date, text) in articles {
        let file = format!("{name}.txt");
        workspace.write(&file, format!("date {date}\n{text}\n"));
        files.push(file);
    }
    let mut args = vec!["check", "--format", "json", "--fail-on", "never"];
    args.extend(files.iter().map(String::as_str));
    let output = workspace.claimlint(&args).output().unwrap();
    let report: Value = serde_json::from_str(&stdout_of(&output))
        .unwrap_or_else(|err| panic!("check printed no JSON ({err}): {}", stderr_of(&output)));
    assert_eq!(
        report["input_errors"],
        serde_json::json!([]),
        "input errors"
    );
    assert_eq!(
        report["rule_errors"],
        serde_json::json!([]),
        "rules that did not compile"
    );
    let mut outcomes = BTreeMap::new();
    for article in report["articles"].as_array().unwrap() {
        let source = article["source"].as_str().unwrap();
        let name = source.strip_suffix(".txt").unwrap().to_owned();
        let findings = article["findings"].as_array().unwrap();
        let key = |finding: &Value| {
            let mut starts: Vec<u64> = finding["spans"]
                .as_array()
                .unwrap()
                .iter()
                .map(|span| span["start"].as_u64().unwrap())
                .collect();
            if starts.is_empty() {
                starts.push(finding["start"].as_u64().unwrap());
            }
            (finding["rule"].as_str().unwrap().to_owned(), starts)
        };
        let outcome = Outcome {
            findings: findings.iter().map(key).collect(),
            has_error: findings
                .iter()
                .any(|finding| finding["severity"] == "error"),
            rule_errors: article["rule_errors"].as_array().map_or(0, Vec::len),
        };
        outcomes.insert(name, outcome);
    }
    assert_eq!(outcomes.len(), articles.len(), "one report per article");
    outcomes
}

/// Counts for one row of the table.
#[derive(Default, Clone, Copy)]
pub struct Tally {
    pub cases: usize,
    pub inconsistent: usize,
    pub inconsistent_flagged: usize,
    pub consistent: usize,
    pub consistent_with_error: usize,
    pub mutants: usize,
    pub mutants_caught: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.cases += other.cases;
        self.inconsistent += other.inconsistent;
        self.inconsistent_flagged += other.inconsistent_flagged;
        self.consistent += other.consistent;
        self.consistent_with_error += other.consistent_with_error;
        self.mutants += other.mutants;
        self.mutants_caught += other.mutants_caught;
    }

    fn row(&self, label: &str) -> String {
        let ratio = |hit: usize, of: usize| format!("{hit:>3}/{of:<3}");
        format!(
            "{label:<13} {:>5}   {}                {}                  {}",
            self.cases,
            ratio(self.inconsistent_flagged, self.inconsistent),
            ratio(self.consistent_with_error, self.consistent),
            ratio(self.mutants_caught, self.mutants)
        )
    }
}

/// What one part scored: the table's tallies and the cases behind the misses.
pub struct Score {
    pub by_kind: BTreeMap<&'static str, Tally>,
    pub by_lang: BTreeMap<&'static str, Tally>,
    pub all: Tally,
    pub misses: Vec<String>,
    pub rule_errors: usize,
}

/// Scores `cases` (one part, named `part` in the misses) in a fresh workspace.
pub fn score(part: &str, cases: &[Case]) -> Score {
    let workspace = Workspace::new();
    let originals: Vec<(String, &str, String)> = cases
        .iter()
        .map(|case| (case.id.clone(), case.date.as_str(), case.text.clone()))
        .collect();
    let mutants: Vec<(String, &str, String)> = cases
        .iter()
        .filter(|case| case.mutate.is_some())
        .map(|case| {
            (
                format!("{}.mutant", case.id),
                case.date.as_str(),
                mutant_text(case),
            )
        })
        .collect();
    let checked = check_all(&workspace, &originals);
    let mutated = check_all(&workspace, &mutants);
    let mut score = Score {
        by_kind: KINDS.iter().map(|&kind| (kind, Tally::default())).collect(),
        by_lang: LANGS.iter().map(|&lang| (lang, Tally::default())).collect(),
        all: Tally::default(),
        misses: Vec::new(),
        rule_errors: 0,
    };
    for case in cases {
        let outcome = &checked[&case.id];
        score.rule_errors += outcome.rule_errors;
        let mut tally = Tally {
            cases: 1,
            ..Tally::default()
        };
        if case.verdict == "inconsistent" {
            tally.inconsistent = 1;
            tally.inconsistent_flagged = usize::from(!outcome.findings.is_empty());
            if outcome.findings.is_empty() {
                score
                    .misses
                    .push(format!("{part} {}: inconsistent, not flagged", case.id));
            }
        } else {
            tally.consistent = 1;
            tally.consistent_with_error = usize::from(outcome.has_error);
            if outcome.has_error {
                score.misses.push(format!(
                    "{part} {}: consistent, error {:?}",
                    case.id, outcome.findings
                ));
            }
            let mutant = &mutated[&format!("{}.mutant", case.id)];
            score.rule_errors += mutant.rule_errors;
            let caught = mutant
                .findings
                .difference(&outcome.findings)
                .next()
                .is_some();
            tally.mutants = 1;
            tally.mutants_caught = usize::from(caught);
            if !caught {
                score.misses.push(format!(
                    "{part} {}: mutant of `{}` not caught",
                    case.id,
                    case.mutate.as_deref().unwrap()
                ));
            }
        }
        for target in [
            score.by_kind.get_mut(case.kind.as_str()).unwrap(),
            score.by_lang.get_mut(case.lang.as_str()).unwrap(),
            &mut score.all,
        ] {
            target.add(&tally);
        }
    }
    score
}

/// The printed table: one row per kind the part uses, then all, then one per language.
pub fn table(part: &str, score: &Score) -> String {
    let mut out = String::new();
    writeln!(out, "relation set, {part} part").unwrap();
    writeln!(
        out,
        "kind          cases   inconsistent flagged   consistent with error   mutants caught"
    )
    .unwrap();
    for (kind, tally) in &score.by_kind {
        if tally.cases > 0 {
            writeln!(out, "{}", tally.row(kind)).unwrap();
        }
    }
    writeln!(out, "{}", score.all.row("all")).unwrap();
    for (lang, tally) in &score.by_lang {
        writeln!(out, "{}", tally.row(&format!("lang {lang}"))).unwrap();
    }
    writeln!(out, "rule errors on articles: {}", score.rule_errors).unwrap();
    out
}
