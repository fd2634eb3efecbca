//! Helpers shared by the integration tests: a temp dir with a database path, and the binary.
#![allow(dead_code)] // each test binary uses a different subset

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A temporary working directory holding `test.db` and any input files a test writes.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn db(&self) -> PathBuf {
        self.path("test.db")
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

    /// `claimlint --db <test.db> ARGS…`, run in the workspace directory.
    pub fn claimlint(&self, args: &[&str]) -> Command {
        let mut command = Command::cargo_bin("claimlint").unwrap();
        command
            .current_dir(self.dir.path())
            .env_remove("CLAIMLINT_DB")
            .arg("--db")
            .arg(self.db())
            .args(args);
        command
    }

    /// `claimlint ARGS…` without `--db`, run in the workspace directory.
    pub fn claimlint_bare(&self, args: &[&str]) -> Command {
        let mut command = Command::cargo_bin("claimlint").unwrap();
        command
            .current_dir(self.dir.path())
            .env_remove("CLAIMLINT_DB")
            .args(args);
        command
    }
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
