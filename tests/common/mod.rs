//! Helpers shared by the integration tests: a temp dir with a database path, and the binary.
#![allow(dead_code)] // each test binary uses a different subset

pub mod fault;
pub mod pg;
pub mod sarif;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A temporary working directory holding `test.db` (or naming a PostgreSQL database) and any
/// input files a test writes.
pub struct Workspace {
    pub dir: tempfile::TempDir,
    /// Set by [`Workspace::on_postgres`]: the database URL `db()` returns instead of `test.db`.
    database_url: Option<String>,
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace {
            dir: tempfile::tempdir().expect("temp dir"),
            database_url: None,
        }
    }

    /// A workspace whose database is a new one on the test PostgreSQL cluster; `None` (a
    /// visible skip) when PostgreSQL is not installed, see [`pg::cluster`].
    pub fn on_postgres() -> Option<Workspace> {
        let url = pg::cluster()?.new_database();
        Some(Workspace {
            database_url: Some(url),
            ..Workspace::new()
        })
    }

    /// True for a workspace made by [`Workspace::on_postgres`].
    pub fn is_postgres(&self) -> bool {
        self.database_url.is_some()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// What `--db` gets: `test.db` in the workspace, or the PostgreSQL database URL.
    pub fn db(&self) -> PathBuf {
        match &self.database_url {
            Some(url) => PathBuf::from(url),
            None => self.path("test.db"),
        }
    }

    /// Writes `bytes` to `name` (creating parent dirs) and returns the path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Copies the fixture article `name` into the workspace, which is in no project, so it
    /// is added under its file stem (in the repository it would be `fixtures/articles/…`).
    pub fn copy_fixture(&self, name: &str) -> PathBuf {
        self.write(name, std::fs::read(fixture(name)).unwrap())
    }

    /// `claimlint --db <test.db> ARGS…`, run in the workspace directory.
    pub fn claimlint(&self, args: &[&str]) -> Command {
        let mut command = Command::cargo_bin("claimlint").unwrap();
        command
            .current_dir(self.dir.path())
            .env_remove("CLAIMLINT_DB")
            .env_remove("CLAIMLINT_CONFIG")
            .arg("--db")
            .arg(self.db())
            .args(args);
        command
    }

    /// `claimlint --db <test.db> ARGS…` started in the background with stdout and stderr
    /// piped, for tests that run processes at once or kill them.
    pub fn spawn(&self, args: &[&str]) -> std::process::Child {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("claimlint"))
            .current_dir(self.dir.path())
            .env_remove("CLAIMLINT_DB")
            .env_remove("CLAIMLINT_CONFIG")
            .arg("--db")
            .arg(self.db())
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start claimlint")
    }

    /// `claimlint ARGS…` without `--db`, run in the workspace directory.
    pub fn claimlint_bare(&self, args: &[&str]) -> Command {
        let mut command = Command::cargo_bin("claimlint").unwrap();
        command
            .current_dir(self.dir.path())
            .env_remove("CLAIMLINT_DB")
            .env_remove("CLAIMLINT_CONFIG")
            .args(args);
        command
    }
}

/// Defines each test twice, in modules `sqlite` and `postgres`: the same body with `$ws` a
/// [`Workspace`] on a file and on a database of the test PostgreSQL cluster (skipped, visibly,
/// when PostgreSQL is not installed).
#[macro_export]
macro_rules! on_both_engines {
    ($(#[$meta:meta])* fn $name:ident($ws:ident) $body:block $($rest:tt)*) => {
        $crate::on_both_engines!(@collect [$(#[$meta])* fn $name($ws) $body] $($rest)*);
    };
    (@collect [$($done:tt)*] $(#[$meta:meta])* fn $name:ident($ws:ident) $body:block $($rest:tt)*) => {
        $crate::on_both_engines!(@collect [$($done)* $(#[$meta])* fn $name($ws) $body] $($rest)*);
    };
    (@collect [$($(#[$meta:meta])* fn $name:ident($ws:ident) $body:block)*]) => {
        mod sqlite {
            #[allow(unused_imports)]
            use super::*;
            $(
                $(#[$meta])*
                #[test]
                fn $name() {
                    let $ws = Workspace::new();
                    $body
                }
            )*
        }
        mod postgres {
            #[allow(unused_imports)]
            use super::*;
            $(
                $(#[$meta])*
                #[test]
                fn $name() {
                    let Some($ws) = Workspace::on_postgres() else { return };
                    $body
                }
            )*
        }
    };
}

/// The repository's fixture articles.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/articles")
        .join(name)
}

/// stdout of a finished command as a string.
pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// stderr of a finished command as a string.
pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// A rule file's text: the standard header for `id` with `severity`, then `body`.
pub fn rule_source(id: &str, severity: &str, body: &str) -> String {
    format!(
        "//! id: {id}\n//! severity: {severity}\n//! summary: Test rule {id}.\n//! link: https://example.invalid/{id}\n//!\n//! A rule written by a test.\n{body}\n"
    )
}

/// A claim with sensible defaults: `text` at byte `start` on line 1 (column = start + 1).
pub fn claim(
    id: &str,
    kind: claimlint::model::ClaimKind,
    text: &str,
    start: usize,
    value: f64,
) -> claimlint::model::Claim {
    claimlint::model::Claim {
        id: id.to_owned(),
        kind,
        text: text.to_owned(),
        start,
        end: start + text.len(),
        line: 1,
        column: start as u32 + 1,
        sentence: 0,
        value,
        value_text: value.to_string(),
        unit: None,
        scale: None,
        precision: claimlint::model::Precision {
            low: value * 0.99,
            high: value * 1.01,
        },
        qualifier: claimlint::model::Qualifier::None,
        ambiguity: Vec::new(),
        date: None,
        period: None,
    }
}

/// Runs a probe rule whose script is `body` on `article` (no exchange rates) and returns the
/// messages it reported, or its compile or rule error.
pub fn run_probe(
    body: &str,
    article: std::sync::Arc<claimlint::engine::ArticleData>,
) -> Result<Vec<String>, String> {
    use claimlint::engine::{
        CompiledSuite, NoRates, RuleOrigin, RuleSet, RunSettings, loader::parse_rule,
    };
    let rule = parse_rule(
        &rule_source("probe", "info", body),
        RuleOrigin::File("probe.rhai".into()),
        "probe.rhai",
    )
    .unwrap();
    let suite = CompiledSuite::compile(
        &RuleSet { rules: vec![rule] },
        &RunSettings::default(),
        std::sync::Arc::new(NoRates),
    );
    if let Some(error) = suite.compile_errors.first() {
        return Err(error.message.clone());
    }
    let outcome = suite.evaluate_all(&[article]).remove(0);
    match outcome.rule_errors.first() {
        Some(error) => Err(error.message.clone()),
        None => Ok(outcome.findings.into_iter().map(|f| f.message).collect()),
    }
}

/// The message a probe rule reports for `${expression}` on `article`; panics on an error.
pub fn say_on(expression: &str, article: std::sync::Arc<claimlint::engine::ArticleData>) -> String {
    run_probe(
        &format!("report(#{{ message: `${{{expression}}}` }});"),
        article,
    )
    .unwrap_or_else(|err| panic!("{expression}: {err}"))
    .remove(0)
}
