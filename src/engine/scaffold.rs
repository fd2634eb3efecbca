//! `claimlint rules new ID --kind KIND`: a new rule file from the template of KIND
//! ([`super::rule_templates`]), and two fixtures (one that fires,
//! one that stays quiet) with their `.expect` sidecars, ready for `claimlint rules test`.
//! Existing files are never overwritten.

use std::path::{Path, PathBuf};

use thiserror::Error;

use super::loader::is_valid_rule_id;
use super::rule_templates::RuleKind;

#[derive(Debug, Error)]
pub enum ScaffoldError {
    #[error(
        "`{id}` is not a rule id: use kebab-case (lowercase letters, digits, `-`), e.g. `share-over-100`"
    )]
    BadId { id: String },
    #[error("{} already exists; pick another id or remove it", path.display())]
    Exists { path: PathBuf },
    #[error("{}: cannot write: {cause}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        cause: std::io::Error,
    },
}

/// Writes `<dir>/<id>.rhai` (the template of `kind`) and
/// `<dir>/fixtures/<id>/{fires-1,quiet-1}.{txt,expect}`; returns the paths written.
pub fn new_rule(id: &str, kind: RuleKind, dir: &Path) -> Result<Vec<PathBuf>, ScaffoldError> {
    if !is_valid_rule_id(id) {
        return Err(ScaffoldError::BadId { id: id.to_owned() });
    }
    let fixtures = dir.join("fixtures").join(id);
    let template = kind.files(id);
    let files = [
        (dir.join(format!("{id}.rhai")), template.source),
        (fixtures.join("fires-1.txt"), template.fires.to_owned()),
        (
            fixtures.join("fires-1.expect"),
            format!(
                "# LINE[:COLUMN] RULE-ID [MESSAGE]: one line per expected finding\n{} {id}\n",
                template.fires_line
            ),
        ),
        (fixtures.join("quiet-1.txt"), template.quiet.to_owned()),
        (
            fixtures.join("quiet-1.expect"),
            "# no finding expected: the rule must stay quiet\n".to_owned(),
        ),
    ];
    if let Some((path, _)) = files.iter().find(|(path, _)| path.exists()) {
        return Err(ScaffoldError::Exists { path: path.clone() });
    }
    let mut written = Vec::new();
    for (path, content) in files {
        let io = |cause| ScaffoldError::Io {
            path: path.clone(),
            cause,
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(&path, content).map_err(io)?;
        written.push(path);
    }
    Ok(written)
}
