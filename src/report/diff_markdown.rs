//! The Markdown `diff` report, for pasting into a pull request, a ticket or a newsroom chat:
//! a summary, a table of claim changes, the edited sentences with `[-removed-]{+added+}`
//! markers, the stale derived figures and the findings delta. Table cells and sentences are
//! escaped so article text cannot break the Markdown.

use std::io::{self, Write};

use super::diff_human::{lines, percent, value};
use crate::diff::{ChangeKind, DeltaFinding, DiffReport, SentenceChangeKind};

pub fn write_diff_markdown(out: &mut impl Write, report: &DiffReport<'_>) -> io::Result<()> {
    let summary = &report.summary;
    writeln!(
        out,
        "# `{}`: draft {} → draft {}\n",
        report.article, report.from, report.to
    )?;
    if summary.no_claim_changes {
        writeln!(
            out,
            "**No claim changes** ({} claims unchanged).",
            summary.unchanged
        )?;
    } else {
        writeln!(
            out,
            "Claims: **{} changed**, **{} added**, **{} removed**, **{} moved**, {} unchanged.",
            summary.changed, summary.added, summary.removed, summary.moved, summary.unchanged
        )?;
    }
    let changes: Vec<_> = report
        .claims
        .iter()
        .filter(|c| c.change != ChangeKind::Unchanged)
        .collect();
    if !changes.is_empty() {
        writeln!(out, "\n## Claim changes\n")?;
        writeln!(
            out,
            "| Change | Kind | Line | Before | After | Relative change |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|")?;
        for change in changes {
            let claim = change
                .after
                .or(change.before)
                .expect("a change has a claim");
            let side = |claim: Option<&crate::model::Claim>| {
                claim.map_or_else(String::new, |c| {
                    format!("{} ({})", escape(&c.text), escape(&value(c)))
                })
            };
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                change.change.as_str(),
                claim.kind,
                lines(change.before.map(|c| c.line), change.after.map(|c| c.line)),
                side(change.before),
                side(change.after),
                change.relative_change.map(percent).unwrap_or_default()
            )?;
        }
    }
    let edited: Vec<_> = report
        .sentences
        .iter()
        .filter(|s| {
            matches!(
                s.change,
                SentenceChangeKind::Edited | SentenceChangeKind::Moved
            )
        })
        .collect();
    if !edited.is_empty() {
        writeln!(out, "\n## Edited and moved sentences\n")?;
        for sentence in edited {
            writeln!(
                out,
                "- line {} ({}): {}",
                lines(sentence.before_line, sentence.after_line),
                match sentence.change {
                    SentenceChangeKind::Moved => "moved",
                    _ => "edited",
                },
                escape(&sentence.diff)
            )?;
        }
    }
    if !report.stale.is_empty() {
        writeln!(out, "\n## Stale derived figures\n")?;
        for stale in &report.stale {
            writeln!(
                out,
                "- line {}, {}: {}",
                stale.changed.after.line,
                stale.relation.as_str(),
                escape(&stale.message)
            )?;
        }
    }
    if let Some(findings) = &report.findings {
        writeln!(
            out,
            "\n## Findings\n\n{} introduced, {} resolved, {} in both drafts.",
            findings.introduced.len(),
            findings.resolved.len(),
            findings.persisting
        )?;
        write_findings(out, "Introduced", &findings.introduced)?;
        write_findings(out, "Resolved", &findings.resolved)?;
    }
    Ok(())
}

fn write_findings(out: &mut impl Write, title: &str, findings: &[DeltaFinding]) -> io::Result<()> {
    if findings.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n### {title}\n")?;
    for finding in findings {
        writeln!(
            out,
            "- line {}:{}: **{}** `{}`: {}",
            finding.line,
            finding.column,
            finding.severity,
            finding.rule,
            escape(&finding.message)
        )?;
    }
    Ok(())
}

/// Escapes what Markdown would read as formatting or a table cell border; joins lines.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if matches!(c, '\\' | '*' | '_' | '`' | '|' | '<' | '>' | '#') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}
