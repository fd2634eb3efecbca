//! Snapshots of what `claimlint check` prints, human and JSON, through the real binary on a
//! fresh database: the two fixture articles with every bundled rule, and for each bundled rule
//! the first fixture that makes it fire, with that rule alone, and the first in each language
//! (findings are written in the article's language). Rules are discovered from
//! `fixtures/rules/`, so a new rule gets its snapshots without new test code.
//!
//! Volatile fields are redacted before the snapshot: the run time and first-seen times (they
//! change every run) and the rule-suite hash (it changes with any rule edit, which the rule's
//! own fixtures already cover). Files are copied into the temp workspace and named relatively,
//! so no temp path reaches a snapshot. Review snapshot changes as UX changes.

mod common;

use std::path::{Path, PathBuf};

use common::{Workspace, stderr_of, stdout_of};
use serde_json::Value;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Runs `check FILE` (copied into a fresh workspace) with `extra` arguments; returns
/// stdout and the exit code.
fn check(file: &Path, format: &str, extra: &[&str]) -> (String, i32) {
    let ws = Workspace::new();
    let name = file.file_name().unwrap().to_str().unwrap();
    ws.write(name, std::fs::read(file).unwrap());
    let mut args = vec!["check", "--format", format, "--fail-on", "never"];
    args.extend_from_slice(extra);
    args.push(name);
    let output = ws.claimlint(&args).env("NO_COLOR", "1").output().unwrap();
    let code = output.status.code().unwrap();
    assert_eq!(code, 0, "{}{}", stdout_of(&output), stderr_of(&output));
    (stdout_of(&output), code)
}

fn redacted_json(text: &str) -> String {
    let mut json: Value = serde_json::from_str(text).unwrap();
    json["checked_at"] = "[time]".into();
    json["rule_suite_hash"] = "[hash]".into();
    for article in json["articles"].as_array_mut().unwrap() {
        for finding in article["findings"].as_array_mut().unwrap() {
            assert!(finding["first_seen"].is_string());
            finding["first_seen"] = "[time]".into();
        }
    }
    serde_json::to_string_pretty(&json).unwrap()
}

fn snapshot_both(name: &str, file: &Path, extra: &[&str]) {
    let (human, _) = check(file, "human", extra);
    assert!(!human.contains('\u{1b}'), "no colour when piped");
    insta::assert_snapshot!(format!("{name}.human"), human);
    let (json, _) = check(file, "json", extra);
    insta::assert_snapshot!(format!("{name}.json"), redacted_json(&json));
}

#[test]
fn fixture_articles_with_every_bundled_rule() {
    for name in ["cina-russia-2024-01-it.txt", "china-russia-2024-01-en.txt"] {
        let file = repo("fixtures/articles").join(name);
        snapshot_both(name.trim_end_matches(".txt"), &file, &[]);
    }
}

/// The fixture folder of each bundled rule, sorted.
fn rule_dirs() -> Vec<PathBuf> {
    let mut rules: Vec<PathBuf> = std::fs::read_dir(repo("fixtures/rules"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    rules.sort();
    rules
}

#[test]
fn first_firing_fixture_of_each_bundled_rule() {
    let rules = rule_dirs();
    assert!(rules.len() >= 7, "every bundled rule has fixtures");
    for rule_dir in rules {
        let rule = rule_dir.file_name().unwrap().to_str().unwrap().to_owned();
        let mut firing: Vec<PathBuf> = std::fs::read_dir(&rule_dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| {
                path.extension().is_some_and(|e| e == "txt")
                    && std::fs::read_to_string(path.with_extension("expect"))
                        .is_ok_and(|expect| expect.contains(&rule))
            })
            .collect();
        firing.sort();
        let file = firing
            .first()
            .unwrap_or_else(|| panic!("{rule} has a fixture that fires"));
        let (human, _) = check(file, "human", &["--select", &rule]);
        assert!(
            human.contains(&format!("[{rule}]")),
            "{rule} fires on {}:\n{human}",
            file.display()
        );
        snapshot_both(&format!("rule.{rule}"), file, &["--select", &rule]);
    }
}

/// The first firing fixture of `rule` in `lang` (`fires-<lang>…`), if it has one.
fn first_firing_in(rule_dir: &Path, rule: &str, lang: &str) -> Option<PathBuf> {
    let mut firing: Vec<PathBuf> = std::fs::read_dir(rule_dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            let name = path.file_name().unwrap().to_str().unwrap();
            path.extension().is_some_and(|e| e == "txt")
                && (name.starts_with(&format!("fires-{lang}-"))
                    || name == format!("fires-{lang}.txt"))
                && std::fs::read_to_string(path.with_extension("expect"))
                    .is_ok_and(|expect| expect.contains(rule))
        })
        .collect();
    firing.sort();
    firing.into_iter().next()
}

#[test]
fn findings_are_written_in_the_articles_language() {
    let rules = rule_dirs();
    for lang in ["it", "en", "es"] {
        let mut page = String::new();
        let mut found = 0;
        for rule_dir in &rules {
            let rule = rule_dir.file_name().unwrap().to_str().unwrap();
            let Some(file) = first_firing_in(rule_dir, rule, lang) else {
                continue;
            };
            let (human, _) = check(&file, "human", &["--select", rule]);
            assert!(human.contains(&format!("[{rule}]")), "{rule}: {human}");
            // Only the message lines: the snippets are the article's own text.
            for line in human
                .lines()
                .filter(|line| line.contains(&format!("[{rule}]")))
            {
                page.push_str(line);
                page.push('\n');
            }
            found += 1;
        }
        assert!(
            found >= 10,
            "{lang}: only {found} rules have a firing fixture"
        );
        insta::assert_snapshot!(format!("messages.{lang}"), page);
    }
}
