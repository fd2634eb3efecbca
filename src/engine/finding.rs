//! What a rule run produces: findings (with evidence) and rule errors.
//!
//! A [`Finding`] is located by its first claim (span, line, column); a finding that names no
//! claim is located at the start of the article body. A [`RuleError`] names the rule file, the
//! line and column in it and the source line, so the rule author can fix it without guessing.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!(
                "unknown severity `{other}` (expected error, warning or info)"
            )),
        }
    }
}

/// The evidence a rule attached: any keys; `reported`, `expected`, `tolerance`, `reference`
/// and `tried` are rendered specially. Values are JSON (an interval is `{"low", "high"}`).
pub type Evidence = serde_json::Map<String, serde_json::Value>;

/// One problem a rule found in an article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// Claim ids, in the order the rule gave them.
    pub claims: Vec<String>,
    /// Byte span of the first claim (or of the body start), in the draft text.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column (characters) of `start`.
    pub line: u32,
    pub column: u32,
    /// Index of the sentence holding the first claim, if known.
    pub sentence: Option<u32>,
    pub evidence: Evidence,
}

/// A rule that could not run (on one article, or at all).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleError {
    pub rule: String,
    /// The rule file as shown to people (`rules/x.rhai` for bundled rules).
    pub file: String,
    /// 1-based position in the rule file, when Rhai knows it.
    pub line: Option<u32>,
    pub column: Option<u32>,
    /// The rule's source line at `line`.
    pub source_line: Option<String>,
    pub message: String,
    /// The article being checked when it failed; `None` for a compile error.
    pub article: Option<String>,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": rule `{}` failed", self.rule)?;
        if let Some(article) = &self.article {
            write!(f, " on article `{article}`")?;
        }
        write!(f, ": {}", self.message)?;
        if let (Some(line), Some(source)) = (self.line, &self.source_line) {
            write!(f, "\n{line:>5} | {source}")?;
            if let Some(column) = self.column {
                let pad = " ".repeat(column.saturating_sub(1) as usize);
                write!(f, "\n      | {pad}^")?;
            }
        }
        Ok(())
    }
}
