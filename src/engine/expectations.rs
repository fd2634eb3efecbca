//! The `.expect` sidecars of rule fixtures, and comparing them with what a rule reported.
//!
//! One expected finding per line: `LINE[:COLUMN] RULE-ID [MESSAGE]`. `LINE RULE-ID` alone (the
//! original format) matches any finding of that rule on that line; `:COLUMN` pins the column
//! (1-based, in characters, as `check` prints it) and MESSAGE, the rest of the line, must occur
//! in the finding's message. `#` starts a comment. A finding on the expected line and rule whose
//! column or message differs is reported as one mismatch that shows both sides, not as a
//! missing plus an unexpected finding.

use std::fmt;
use std::path::{Path, PathBuf};

use super::finding::Finding;

/// One disagreement between a fixture and what its rule did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    pub file: PathBuf,
    /// 0 when the problem is not about one line (a missing fixture directory …).
    pub line: u32,
    pub message: String,
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
        } else {
            write!(f, "{}: {}", self.file.display(), self.message)
        }
    }
}

/// One line of a sidecar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    pub line: u32,
    pub column: Option<u32>,
    pub rule: String,
    /// Text the message must contain.
    pub message: Option<String>,
}

impl Expectation {
    fn matches(&self, finding: &Finding) -> bool {
        self.same_place(finding)
            && self.column.is_none_or(|column| column == finding.column)
            && self
                .message
                .as_ref()
                .is_none_or(|text| finding.message.contains(text.as_str()))
    }

    fn same_place(&self, finding: &Finding) -> bool {
        self.line == finding.line && self.rule == finding.rule
    }

    fn describe(&self) -> String {
        let mut text = self.rule.clone();
        if let Some(column) = self.column {
            text.push_str(&format!(" at column {column}"));
        }
        if let Some(message) = &self.message {
            text.push_str(&format!(" with a message containing \"{message}\""));
        }
        text
    }
}

/// The expectations of `fixture` (its `.expect` sidecar; none when there is no sidecar).
pub fn read(fixture: &Path) -> Result<Vec<Expectation>, Mismatch> {
    let sidecar = fixture.with_extension("expect");
    let Ok(text) = std::fs::read_to_string(&sidecar) else {
        return Ok(Vec::new());
    };
    let mut expected = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let content = line.split('#').next().unwrap_or("").trim();
        if content.is_empty() {
            continue;
        }
        match parse_line(content) {
            Some(expectation) => expected.push(expectation),
            None => {
                return Err(Mismatch {
                    file: sidecar,
                    line: index as u32 + 1,
                    message: format!(
                        "expected `LINE[:COLUMN] RULE-ID [MESSAGE]`, found `{content}`"
                    ),
                });
            }
        }
    }
    Ok(expected)
}

fn parse_line(content: &str) -> Option<Expectation> {
    let (position, rest) = content.split_once(char::is_whitespace)?;
    let rest = rest.trim_start();
    let (rule, message) = match rest.split_once(char::is_whitespace) {
        Some((rule, message)) => (rule, Some(message.trim().to_owned())),
        None => (rest, None),
    };
    let (line, column) = match position.split_once(':') {
        Some((line, column)) => (line.parse().ok()?, Some(column.parse().ok()?)),
        None => (position.parse().ok()?, None),
    };
    if rule.is_empty() {
        return None;
    }
    Some(Expectation {
        line,
        column,
        rule: rule.to_owned(),
        message,
    })
}

/// Every disagreement between `expected` and `findings` in `file`, pushed to `mismatches`.
pub fn compare(
    file: &Path,
    mut expected: Vec<Expectation>,
    findings: &[Finding],
    mismatches: &mut Vec<Mismatch>,
) {
    let mut unmatched: Vec<&Finding> = Vec::new();
    for finding in findings {
        match expected.iter().position(|e| e.matches(finding)) {
            Some(at) => {
                expected.remove(at);
            }
            None => unmatched.push(finding),
        }
    }
    let mismatch = |line, message| Mismatch {
        file: file.to_owned(),
        line,
        message,
    };
    let mut unexpected = Vec::new();
    for finding in unmatched {
        match expected.iter().position(|e| e.same_place(finding)) {
            Some(at) => {
                let expectation = expected.remove(at);
                mismatches.push(mismatch(
                    finding.line,
                    format!(
                        "expected {}, got {} at column {}: {}",
                        expectation.describe(),
                        finding.rule,
                        finding.column,
                        finding.message
                    ),
                ));
            }
            None => unexpected.push(finding),
        }
    }
    for expectation in expected {
        mismatches.push(mismatch(
            expectation.line,
            format!("expected {}, got nothing", expectation.describe()),
        ));
    }
    for finding in unexpected {
        mismatches.push(mismatch(
            finding.line,
            format!("unexpected {}: {}", finding.rule, finding.message),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_may_give_a_column_and_a_message() {
        let plain = parse_line("12 share-over-100").unwrap();
        assert_eq!((plain.line, plain.column, plain.message), (12, None, None));
        let full = parse_line("2:31 share-over-100 140% > 100").unwrap();
        assert_eq!(full.column, Some(31));
        assert_eq!(full.message.as_deref(), Some("140% > 100"));
        assert_eq!(parse_line("2:x share-over-100"), None);
        assert_eq!(parse_line("two share-over-100"), None);
    }
}
