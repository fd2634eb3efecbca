//! The PostgreSQL server's own tools, run by `db backup` (`pg_dump`, `pg_restore`): where they
//! are looked for, how one is run, and how a password in the URL reaches them.
//!
//! The design choice a reader must know: a password is taken out of the URL and handed over in
//! `PGPASSWORD`, so it never appears on a command line, where `ps` would show it to every user
//! of the machine.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Where `db backup` looks for the server's tools: every `PATH` entry, then Debian's
/// `/usr/lib/postgresql/<version>/bin`, newest version first.
pub(super) struct ServerTools {
    dirs: Vec<PathBuf>,
}

impl ServerTools {
    pub(super) fn search_path() -> ServerTools {
        let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
            .map(|path| std::env::split_paths(&path).collect())
            .unwrap_or_default();
        dirs.extend(debian_bins(Path::new("/usr/lib/postgresql")));
        ServerTools { dirs }
    }

    /// The first `dirs` entry holding a file called `tool`.
    pub(super) fn find(&self, tool: &str) -> Option<PathBuf> {
        self.dirs
            .iter()
            .map(|dir| dir.join(tool))
            .find(|path| path.is_file())
    }

    pub(super) fn missing(&self, tool: &str) -> String {
        format!(
            "`{tool}` was found neither on PATH nor in /usr/lib/postgresql/*/bin; install the PostgreSQL client tools (Debian: apt-get install postgresql-client), of the server's major version or newer"
        )
    }
}

/// `root/<version>/bin` for each numbered version under `root`, newest first.
fn debian_bins(root: &Path) -> Vec<PathBuf> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir(root)
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version: u32 = entry.file_name().to_str()?.parse().ok()?;
            Some((version, entry.path().join("bin")))
        })
        .collect();
    found.sort_by_key(|(version, _)| std::cmp::Reverse(*version));
    found.into_iter().map(|(_, bin)| bin).collect()
}

/// Runs a server tool; its own message (first lines of stderr) when it fails.
pub(super) fn run_tool(command: &mut Command, program: &Path) -> Result<(), String> {
    let output = command
        .output()
        .map_err(|err| format!("cannot run {}: {err}", program.display()))?;
    if output.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    Err(format!(
        "{} failed ({}): {}",
        program.display(),
        output.status,
        stderr.trim()
    ))
}

/// The URL without its password, and the password percent-decoded (as libpq reads it).
pub(super) fn without_password(url: &str) -> (String, Option<String>) {
    let Some((scheme, rest)) = url.split_once("://") else {
        return (url.to_owned(), None);
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let Some((user_info, host)) = authority.rsplit_once('@') else {
        return (url.to_owned(), None);
    };
    let Some((user, password)) = user_info.split_once(':') else {
        return (url.to_owned(), None);
    };
    (
        format!("{scheme}://{user}@{host}{tail}"),
        Some(percent_decoded(password)),
    )
}

fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[index], hex) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                index += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_leaves_the_url_for_the_environment_decoded() {
        assert_eq!(
            without_password("postgres://ann:p%40ss%2Fw@db.example:5432/news?sslmode=disable"),
            (
                "postgres://ann@db.example:5432/news?sslmode=disable".to_owned(),
                Some("p@ss/w".to_owned())
            )
        );
        assert_eq!(
            without_password("postgres://ann@db.example/news"),
            ("postgres://ann@db.example/news".to_owned(), None)
        );
    }

    #[test]
    fn server_tools_are_looked_for_on_path_then_in_the_newest_debian_bin() {
        let root = tempfile::tempdir().unwrap();
        for version in ["13", "15", "9", "notes"] {
            let bin = root.path().join(version).join("bin");
            std::fs::create_dir_all(&bin).unwrap();
            std::fs::write(bin.join("pg_dump"), "").unwrap();
        }
        let bins = debian_bins(root.path());
        assert_eq!(bins[0], root.path().join("15/bin"));
        assert_eq!(bins.len(), 3, "{bins:?}");
        let on_path = root.path().join("path");
        std::fs::create_dir_all(&on_path).unwrap();
        let tools = ServerTools {
            dirs: std::iter::once(on_path.clone()).chain(bins).collect(),
        };
        assert_eq!(
            tools.find("pg_dump"),
            Some(root.path().join("15/bin/pg_dump"))
        );
        std::fs::write(on_path.join("pg_dump"), "").unwrap();
        assert_eq!(tools.find("pg_dump"), Some(on_path.join("pg_dump")));
        assert_eq!(tools.find("pg_restore"), None);
        let missing = tools.missing("pg_restore");
        assert!(
            missing.contains("`pg_restore` was found neither on PATH"),
            "{missing}"
        );
    }
}
