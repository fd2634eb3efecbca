//! Baseline files: the findings a project has accepted, so `check` fails only on new ones.
//!
//! `check --write-baseline FILE` records every finding of the run that no directive
//! suppressed, by article and [`finding_fingerprint`] (rule, claim ids, message); `check
//! --baseline FILE` reports the findings found there as baselined instead of as findings. The
//! file is a stable, documented JSON document (README, "Suppressing findings"):
//!
//! ```json
//! { "version": 1, "tool": "claimlint",
//!   "findings": [ { "article": "…", "rule": "…", "fingerprint": "…", "message": "…" } ] }
//! ```
//!
//! Entries are sorted by article, rule and fingerprint, one per finding, so a baseline under
//! version control changes only where findings did. **Writing replaces the entries of the
//! articles checked in the run and keeps the others** from the baseline read with
//! `--baseline` (checking one file does not forget the rest of the archive); it is atomic:
//! a temporary file in the same folder, then a rename.

use std::collections::{BTreeMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::CheckedArticle;
use crate::store::finding_fingerprint;

/// The version of the baseline layout this claimlint reads and writes.
pub const BASELINE_VERSION: u32 = 1;

/// Why a baseline file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    /// The file could not be read (missing, no permission).
    #[error("{}: cannot read the baseline: {cause}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        cause: std::io::Error,
    },
    /// The file is not a baseline claimlint wrote (not JSON, missing fields, another version).
    #[error(
        "{}: not a claimlint baseline: {problem}; write one with `claimlint check --write-baseline FILE`",
        path.display()
    )]
    Malformed { path: PathBuf, problem: String },
    /// The baseline could not be written.
    #[error("{}: cannot write the baseline: {cause}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        cause: std::io::Error,
    },
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaselineEntry {
    pub article: String,
    pub rule: String,
    pub fingerprint: String,
    /// The finding's message when it was recorded, for the people reading the file.
    pub message: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct BaselineFile {
    version: u32,
    tool: String,
    findings: Vec<BaselineEntry>,
}

/// The accepted findings, by article and fingerprint.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    entries: BTreeMap<(String, String, String), BaselineEntry>,
    /// (article, fingerprint) of every entry: what a lookup asks.
    keys: HashSet<(String, String)>,
}

impl Baseline {
    /// Reads a baseline file; a missing or malformed file is an error naming it.
    pub fn read(path: &Path) -> Result<Baseline, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|cause| BaselineError::Read {
            path: path.to_owned(),
            cause,
        })?;
        let malformed = |problem: String| BaselineError::Malformed {
            path: path.to_owned(),
            problem,
        };
        let file: BaselineFile =
            serde_json::from_str(&text).map_err(|err| malformed(err.to_string()))?;
        if file.version != BASELINE_VERSION || file.tool != "claimlint" {
            return Err(malformed(format!(
                "version {} of tool `{}` (this claimlint reads version {BASELINE_VERSION} of `claimlint`)",
                file.version, file.tool
            )));
        }
        let mut baseline = Baseline::default();
        for entry in file.findings {
            baseline.insert(entry);
        }
        Ok(baseline)
    }

    fn insert(&mut self, entry: BaselineEntry) {
        self.keys
            .insert((entry.article.clone(), entry.fingerprint.clone()));
        let key = (
            entry.article.clone(),
            entry.rule.clone(),
            entry.fingerprint.clone(),
        );
        self.entries.insert(key, entry);
    }

    /// Whether the finding with `fingerprint` of `article` is accepted.
    pub fn contains(&self, article: &str, fingerprint: &str) -> bool {
        self.keys
            .contains(&(article.to_owned(), fingerprint.to_owned()))
    }

    /// The number of accepted findings.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries, sorted as they are written.
    pub fn entries(&self) -> impl Iterator<Item = &BaselineEntry> {
        self.entries.values()
    }

    /// The file's text: pretty JSON, entries sorted, a final newline.
    pub fn to_json(&self) -> String {
        let file = BaselineFile {
            version: BASELINE_VERSION,
            tool: "claimlint".to_owned(),
            findings: self.entries.values().cloned().collect(),
        };
        let mut text = serde_json::to_string_pretty(&file).expect("a baseline serializes");
        text.push('\n');
        text
    }

    /// Writes the file atomically: a temporary file beside it, flushed, then renamed over it.
    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        let failed = |cause| BaselineError::Write {
            path: path.to_owned(),
            cause,
        };
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let name = path.file_name().map_or_else(
            || "baseline".into(),
            |name| name.to_string_lossy().into_owned(),
        );
        let temporary = folder.join(format!(".{name}.{}.tmp", std::process::id()));
        let written = std::fs::File::create(&temporary).and_then(|mut file| {
            file.write_all(self.to_json().as_bytes())?;
            file.sync_all()
        });
        if let Err(cause) = written.and_then(|()| std::fs::rename(&temporary, path)) {
            let _ = std::fs::remove_file(&temporary);
            return Err(failed(cause));
        }
        Ok(())
    }
}

/// Builds the baseline a run writes from its checked articles (see the module docs).
#[derive(Debug, Default)]
pub struct BaselineRecorder {
    baseline: Baseline,
    /// Articles whose earlier entries were already dropped in this run.
    replaced: HashSet<String>,
}

impl BaselineRecorder {
    /// Starts from `previous` (the `--baseline` read, if any): its entries for articles this
    /// run does not check are kept.
    pub fn new(previous: Option<Baseline>) -> Self {
        BaselineRecorder {
            baseline: previous.unwrap_or_default(),
            replaced: HashSet::new(),
        }
    }

    /// Records the baselined findings of one checked article, in place of what the baseline
    /// held for it.
    pub fn record(&mut self, article: &CheckedArticle) {
        if self.replaced.insert(article.article.clone()) {
            let baseline = &mut self.baseline;
            baseline
                .entries
                .retain(|(id, _, _), _| id != &article.article);
            baseline.keys.retain(|(id, _)| id != &article.article);
        }
        for reported in &article.baselined {
            let finding = &reported.finding;
            self.baseline.insert(BaselineEntry {
                article: article.article.clone(),
                rule: finding.rule.clone(),
                fingerprint: finding_fingerprint(finding),
                message: finding.message.clone(),
            });
        }
    }

    pub fn finish(self) -> Baseline {
        self.baseline
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(article: &str, rule: &str, fingerprint: &str) -> BaselineEntry {
        BaselineEntry {
            article: article.to_owned(),
            rule: rule.to_owned(),
            fingerprint: fingerprint.to_owned(),
            message: format!("{rule} in {article}"),
        }
    }

    #[test]
    fn a_baseline_is_written_sorted_and_reads_back() {
        let mut baseline = Baseline::default();
        for (article, rule, fingerprint) in
            [("b", "r2", "ff"), ("a", "r9", "01"), ("a", "r1", "ee")]
        {
            baseline.insert(entry(article, rule, fingerprint));
        }
        let order: Vec<(&str, &str)> = baseline
            .entries()
            .map(|e| (e.article.as_str(), e.rule.as_str()))
            .collect();
        assert_eq!(order, [("a", "r1"), ("a", "r9"), ("b", "r2")]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("base.json");
        baseline.write(&path).unwrap();
        assert_eq!(Baseline::read(&path).unwrap(), baseline);
        assert!(baseline.contains("a", "01") && !baseline.contains("b", "01"));
        // Only the file itself is left: the temporary one was renamed over it.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn unknown_fields_and_other_tools_are_malformed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        for text in [
            r#"{"version":1,"tool":"claimlint","findings":[{"article":"a","rule":"r","fingerprint":"f","message":"m","extra":1}]}"#,
            r#"{"version":1,"tool":"semgrep","findings":[]}"#,
            "[]",
        ] {
            std::fs::write(&path, text).unwrap();
            let err = Baseline::read(&path).unwrap_err();
            assert!(
                matches!(err, BaselineError::Malformed { .. }),
                "{text}: {err}"
            );
            assert!(err.to_string().contains("x.json"), "{err}");
        }
    }
}
