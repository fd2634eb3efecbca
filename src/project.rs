//! Projects: the folder a set of articles belongs to, and the names derived from it.
//!
//! A project root is the nearest folder, from a starting folder upward, that holds
//! `claimlint.toml` or `.git`. It anchors three things: an article's default id (its path
//! relative to the root, without extension, so `site/2024/01/index.md` and
//! `site/2024/02/index.md` are two articles rather than two drafts of `index`), the default
//! database (`<root>/claimlint.db`, shared by runs from any subfolder, unless the configuration's
//! `database_url` names another) and the configuration
//! (`<root>/claimlint.toml`). The design choice: the search stops at the first marker, so a
//! project never reaches into the folder above its repository, and nested projects are
//! separate. Without a root, ids fall back to the file stem and the database to the
//! working directory, as before projects existed.

use std::path::{Component, Path, PathBuf};

/// The configuration file a project root may hold.
pub const CONFIG_FILE: &str = "claimlint.toml";

/// The database file name used when `--db` is not given.
pub const DEFAULT_DB_FILE: &str = "claimlint.db";

/// The nearest folder from `start` upward (inclusive) holding `claimlint.toml` or `.git`.
/// `start` is made absolute (symbolic links resolved) first; a folder that cannot be
/// resolved has no root.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start).ok()?;
    start
        .ancestors()
        .find(|dir| dir.join(CONFIG_FILE).is_file() || dir.join(".git").exists())
        .map(Path::to_path_buf)
}

/// The folder a file lives in, resolved: where the search for its project starts.
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The distinct folders of `files`, sorted: where the configuration of a run is looked for.
pub fn folders_of<'a>(files: impl IntoIterator<Item = &'a Path>) -> Vec<PathBuf> {
    let folders: std::collections::BTreeSet<PathBuf> = files.into_iter().map(folder_of).collect();
    folders.into_iter().collect()
}

/// The default database: `<root>/claimlint.db` for the project holding `cwd`, else
/// `claimlint.db` in `cwd` (as a relative path, so messages stay short).
pub fn default_db(cwd: &Path) -> PathBuf {
    match find_root(cwd) {
        Some(root) => root.join(DEFAULT_DB_FILE),
        None => PathBuf::from(DEFAULT_DB_FILE),
    }
}

/// The id a file gets from its place in a project: the path relative to the project root,
/// without its extension, `/`-separated (`site/2024/01/index`); the file stem when the file
/// is in no project. `None` when the file has no name.
pub fn path_article_id(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_string_lossy().into_owned();
    let folder = std::fs::canonicalize(folder_of(path)).ok();
    let relative_folder = folder.as_deref().and_then(|folder| {
        let root = find_root(folder)?;
        folder.strip_prefix(&root).ok().map(Path::to_path_buf)
    });
    let Some(relative_folder) = relative_folder else {
        return Some(stem);
    };
    let mut parts: Vec<String> = relative_folder
        .components()
        .filter_map(|component| match component {
            Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    parts.push(stem);
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_in_a_project_is_named_by_its_path_from_the_root() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(CONFIG_FILE), "").unwrap();
        let folder = dir.path().join("site/2024/01");
        std::fs::create_dir_all(&folder).unwrap();
        let file = folder.join("index.md");
        assert_eq!(
            path_article_id(&file).as_deref(),
            Some("site/2024/01/index")
        );
        assert_eq!(
            find_root(&folder),
            Some(std::fs::canonicalize(dir.path()).unwrap())
        );
    }
}
