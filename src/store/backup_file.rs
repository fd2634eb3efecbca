//! The file a `db backup` writes, the same way for both engines: an existing target is
//! refused unless replacing is asked for (and never when it is a directory); the engine writes
//! the copy under a temporary name beside it, which is synced and renamed into place, then the
//! directory is synced; a copy that fails part-way leaves nothing behind.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::StoreError;

/// Where a backup went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Backup {
    pub path: String,
    pub bytes: u64,
}

/// A backup being written: where the engine writes it, and where it goes once verified.
pub(super) struct BackupFile {
    target: PathBuf,
    directory: PathBuf,
    temporary: TemporaryFile,
}

impl BackupFile {
    /// Checks `target` and names the temporary file beside it. `forbidden` is a file the
    /// target must not be (the database itself), with what to call it.
    pub(super) fn prepare(
        target: &Path,
        replace: bool,
        forbidden: Option<(&Path, &str)>,
    ) -> Result<BackupFile, StoreError> {
        let failed = |problem: String| failed(target, problem);
        if let Ok(existing) = std::fs::symlink_metadata(target) {
            if !replace {
                return Err(StoreError::BackupExists {
                    path: target.to_owned(),
                });
            }
            if existing.is_dir() {
                return Err(failed("it is a directory".into()));
            }
            if let Some((_, what)) = forbidden.filter(|(path, _)| same_file(target, path)) {
                return Err(failed(format!("it is {what}")));
            }
        }
        let file_name = target
            .file_name()
            .ok_or_else(|| failed("the path names no file".into()))?;
        let directory = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let temporary = TemporaryFile(directory.join(format!(
            ".{}.claimlint-backup-{}",
            file_name.to_string_lossy(),
            std::process::id()
        )));
        let _ = std::fs::remove_file(&temporary.0); // a leftover of a killed run of this pid
        Ok(BackupFile {
            target: target.to_owned(),
            directory: directory.to_owned(),
            temporary,
        })
    }

    /// Where the engine writes the copy.
    pub(super) fn temporary(&self) -> &Path {
        &self.temporary.0
    }

    /// A backup error about this target.
    pub(super) fn failed(&self, problem: String) -> StoreError {
        failed(&self.target, problem)
    }

    /// Syncs the written and verified copy and renames it into place.
    pub(super) fn commit(self) -> Result<Backup, StoreError> {
        let synced = std::fs::File::open(self.temporary()).and_then(|file| file.sync_all());
        synced.map_err(|err| self.failed(err.to_string()))?;
        // After the rename the temporary name is gone, and dropping it does nothing.
        std::fs::rename(self.temporary(), &self.target)
            .map_err(|err| self.failed(err.to_string()))?;
        // The rename is durable once the directory is synced; where that is not possible the
        // backup is still complete, only possibly not yet on disk.
        if let Ok(dir) = std::fs::File::open(&self.directory) {
            let _ = dir.sync_all();
        }
        Ok(Backup {
            path: self.target.display().to_string(),
            bytes: std::fs::metadata(&self.target).map_or(0, |meta| meta.len()),
        })
    }
}

fn failed(target: &Path, problem: String) -> StoreError {
    StoreError::Backup {
        path: target.to_owned(),
        problem,
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// A file removed when dropped (if it is still there): the backup's temporary copy.
struct TemporaryFile(PathBuf);

impl Drop for TemporaryFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(result: Result<BackupFile, StoreError>) -> String {
        match result {
            Err(StoreError::Backup { problem, .. }) => problem,
            Err(other) => panic!("another error: {other}"),
            Ok(_) => panic!("accepted"),
        }
    }

    #[test]
    fn a_target_is_refused_when_it_exists_is_a_directory_or_is_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("news.db");
        std::fs::write(&database, b"db").unwrap();
        assert!(matches!(
            BackupFile::prepare(&database, false, None),
            Err(StoreError::BackupExists { .. })
        ));
        assert_eq!(
            problem(BackupFile::prepare(dir.path(), true, None)),
            "it is a directory"
        );
        let forbidden = Some((database.as_path(), "the database itself"));
        assert_eq!(
            problem(BackupFile::prepare(&database, true, forbidden)),
            "it is the database itself"
        );
    }

    #[test]
    fn a_committed_copy_replaces_the_target_and_a_dropped_one_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("copy.db");
        std::fs::write(&target, b"old").unwrap();
        let file = BackupFile::prepare(&target, true, None).unwrap();
        assert_eq!(file.temporary().parent(), Some(dir.path()));
        std::fs::write(file.temporary(), b"new copy").unwrap();
        let backup = file.commit().unwrap();
        assert_eq!(backup.bytes, 8);
        assert_eq!(std::fs::read(&target).unwrap(), b"new copy");
        let file = BackupFile::prepare(&target, true, None).unwrap();
        std::fs::write(file.temporary(), b"half").unwrap();
        drop(file);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "{names:?}");
        assert_eq!(std::fs::read(&target).unwrap(), b"new copy");
    }
}
