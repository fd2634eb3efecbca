//! The fixture runner behind `claimlint rules test`: each rule against its own fixtures.
//!
//! Fixtures of rule `<id>` are the `*.txt` files of `<fixtures>/<id>/`; each may have a sidecar
//! `<name>.expect` listing the findings expected from that rule, one `LINE[:COLUMN] RULE-ID
//! [MESSAGE]` per line ([`super::expectations`]; no file or no entries = the rule must stay quiet). Only that rule runs
//! on its fixtures. Every rule needs at least one fixture that fires and one that stays quiet.
//! Each mismatch is one line naming the fixture file and line, like a compiler diagnostic.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::expectations::{self, Expectation};
use super::finding::RuleError;
use super::loader::{LoadError, RuleSelection, RuleSet, load_file};
use super::run::CompiledSuite;
use super::sandbox::RULE_THREAD_STACK;
use super::script_types::ArticleData;
use crate::document::Document;
use crate::extract::{Options, extract};
use crate::model::LangChoice;

pub use super::expectations::Mismatch;

/// What running the fixtures found.
#[derive(Debug, Clone, Default)]
pub struct FixtureReport {
    pub rules: usize,
    pub fixtures: usize,
    pub mismatches: Vec<Mismatch>,
}

impl FixtureReport {
    pub fn passed(&self) -> bool {
        self.mismatches.is_empty()
    }
}

/// The exchange rates fixtures are checked against: the bundled ECB history only, so a
/// fixture gives the same answer on every machine, whatever rates a user imported.
pub fn fixture_rates() -> std::sync::Arc<dyn super::RateSource> {
    std::sync::Arc::new(crate::reference::RateBook::bundled_only())
}

/// The rules `claimlint rules test [TARGET]` runs and where their fixtures are, unless
/// `--fixtures` says otherwise: no target = the bundled suite and `./fixtures/rules`; a
/// directory = its rules and `DIR/fixtures`; a `.rhai` file = that rule alone and the
/// `fixtures` folder beside it (else `./fixtures/rules`, where the bundled rules keep theirs).
pub fn test_target(target: Option<&Path>) -> Result<(RuleSet, PathBuf), LoadError> {
    let bundled_fixtures = PathBuf::from("fixtures/rules");
    let Some(target) = target else {
        return Ok((RuleSet::load(&RuleSelection::default())?, bundled_fixtures));
    };
    if target.extension().is_some_and(|ext| ext == "rhai") || target.is_file() {
        let rule = load_file(target)?;
        let beside = target.parent().unwrap_or(Path::new(".")).join("fixtures");
        let fixtures =
            if beside.join(&rule.id).is_dir() || !bundled_fixtures.join(&rule.id).is_dir() {
                beside
            } else {
                bundled_fixtures
            };
        return Ok((RuleSet { rules: vec![rule] }, fixtures));
    }
    let selection = RuleSelection {
        no_default_rules: true,
        rule_dirs: vec![target.to_owned()],
        ..RuleSelection::default()
    };
    Ok((RuleSet::load(&selection)?, target.join("fixtures")))
}

/// Runs every rule of `rules` on its fixtures under `fixtures_root`.
pub fn run_fixtures(rules: &RuleSet, suite: &CompiledSuite, fixtures_root: &Path) -> FixtureReport {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("claimlint-fixtures".into())
            .stack_size(RULE_THREAD_STACK)
            .spawn_scoped(scope, || run_on_this_thread(rules, suite, fixtures_root))
            .expect("spawn the fixture thread")
            .join()
            .expect("fixture runner panicked")
    })
}

fn run_on_this_thread(
    rules: &RuleSet,
    suite: &CompiledSuite,
    fixtures_root: &Path,
) -> FixtureReport {
    let mut report = FixtureReport::default();
    for error in &suite.compile_errors {
        report.mismatches.push(rule_error_mismatch(error));
    }
    for rule in &rules.rules {
        report.rules += 1;
        let dir = fixtures_root.join(&rule.id);
        let fixtures = match fixture_files(&dir) {
            Ok(files) if !files.is_empty() => files,
            _ => {
                report.mismatches.push(Mismatch {
                    file: dir,
                    line: 0,
                    message: format!(
                        "rule `{}` has no fixtures (expected *.txt files here, at least one that fires and one that stays quiet)",
                        rule.id
                    ),
                });
                continue;
            }
        };
        let (mut fires, mut quiet) = (0, 0);
        for file in fixtures {
            report.fixtures += 1;
            let expected = match expectations::read(&file) {
                Ok(expected) => expected,
                Err(mismatch) => {
                    report.mismatches.push(mismatch);
                    continue;
                }
            };
            if expected.is_empty() {
                quiet += 1;
            } else {
                fires += 1;
            }
            check_fixture(&rule.id, suite, &file, expected, &mut report.mismatches);
        }
        for (count, what) in [(fires, "fires"), (quiet, "stays quiet")] {
            if count == 0 {
                report.mismatches.push(Mismatch {
                    file: dir.clone(),
                    line: 0,
                    message: format!("rule `{}` has no fixture that {what}", rule.id),
                });
            }
        }
    }
    report
}

fn rule_error_mismatch(error: &RuleError) -> Mismatch {
    Mismatch {
        file: PathBuf::from(&error.file),
        line: error.line.unwrap_or(0),
        message: format!("rule error: {}", error.message),
    }
}

fn fixture_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "txt") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn check_fixture(
    rule_id: &str,
    suite: &CompiledSuite,
    file: &Path,
    expected: Vec<Expectation>,
    mismatches: &mut Vec<Mismatch>,
) {
    let document = match Document::read(file) {
        Ok(document) => document,
        Err(err) => {
            mismatches.push(Mismatch {
                file: file.to_owned(),
                line: 0,
                message: format!("cannot read fixture: {err}"),
            });
            return;
        }
    };
    let id = file
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let article = Arc::new(article_from_document(&id, document));
    let outcome = suite.evaluate_one(rule_id, &article);
    for error in &outcome.rule_errors {
        mismatches.push(rule_error_mismatch(error));
    }
    expectations::compare(file, expected, &outcome.findings, mismatches);
}

/// Extracts a document the way `add` would and wraps it for the rules (draft 1).
pub fn article_from_document(id: &str, document: Document) -> ArticleData {
    let mut extraction = extract(
        &document.text,
        &Options {
            lang: LangChoice::Auto,
            date: document.date,
            country: document.country,
            body_start: document.body_start,
        },
    );
    document.locate(&mut extraction.claims);
    ArticleData {
        id: id.to_owned(),
        lang: extraction.lang,
        draft: 1,
        title: document.title.clone(),
        date: extraction.date,
        sentences: extraction
            .sentences
            .iter()
            .map(|s| {
                document
                    .text
                    .get(s.start..s.end)
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect(),
        sentence_starts: extraction.sentences.iter().map(|s| s.start).collect(),
        claims: extraction.claims,
        relations: extraction.relations,
        body_start: document.body_start,
        source: document.source,
        text: document.text,
    }
}
