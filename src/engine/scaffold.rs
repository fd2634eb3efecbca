//! `claimlint rules new ID`: a new rule file with its header, and two fixtures (one that fires,
//! one that stays quiet) with their `.expect` sidecars, ready for `claimlint rules test`.
//! Existing files are never overwritten.

use std::path::{Path, PathBuf};

use thiserror::Error;

use super::loader::is_valid_rule_id;

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

/// Writes `<dir>/<id>.rhai` and `<dir>/fixtures/<id>/{fires-1,quiet-1}.{txt,expect}`; returns
/// the paths written.
pub fn new_rule(id: &str, dir: &Path) -> Result<Vec<PathBuf>, ScaffoldError> {
    if !is_valid_rule_id(id) {
        return Err(ScaffoldError::BadId { id: id.to_owned() });
    }
    let fixtures = dir.join("fixtures").join(id);
    let files = [
        (dir.join(format!("{id}.rhai")), rule_template(id)),
        (
            fixtures.join("fires-1.txt"),
            "date 2024-01\nThe party's share of the vote reached 140% in the capital.\n".to_owned(),
        ),
        (
            fixtures.join("fires-1.expect"),
            format!("# LINE RULE-ID: one line per expected finding\n2 {id}\n"),
        ),
        (
            fixtures.join("quiet-1.txt"),
            "date 2024-01\nThe party's share of the vote reached 40% in the capital.\n".to_owned(),
        ),
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

fn rule_template(id: &str) -> String {
    format!(
        r#"//! id: {id}
//! severity: warning
//! summary: A percentage presented as a share is above 100%.
//! link: https://claimlint.invalid/rules/{id}
//!
//! What it checks: every percentage claim whose value is over 100.
//! Why it matters: a share of a whole cannot exceed the whole; an increase can, so refine
//! this rule (e.g. look at the words around the claim) before relying on it.
//! Example: "the share of the vote reached 140%".

let limit = config("limit", 100.0);
for claim in article.claims_of_kind("percent") {{
    if claim.unit == "%" && claim.low > limit {{
        report(#{{
            message: `${{claim.text}} is more than ${{limit}}% of a whole`,
            claims: [claim],
            evidence: #{{ reported: claim.interval, expected: interval(0, limit) }},
        }});
    }}
}}
"#
    )
}
