//! The human `diff` report: a summary line, then each claim change with its sentence.
//!
//! ```text
//! harbour-solar: draft 1 → draft 2
//! claims: 1 changed, 0 added, 0 removed, 0 moved, 16 unchanged
//!
//! changed  money  line 5 → 5
//!     8.4 billion yuan → 9.4 billion yuan  (8400000000 → 9400000000 CNY, +11.9%)
//!     | The project is worth [-8.4-]{+9.4+} billion yuan ($1.17bn), …
//! ```
//! Edited words are coloured on a terminal (red removed, green added) and marked with
//! `[-…-]`/`{+…+}` otherwise; the caller decides ([`super::stream_color`]). A sentence holding
//! several changes is shown once, under its first change. Article text is escaped for the
//! terminal ([`super::terminal`]) before it is coloured.

use super::palette::{BOLD, Palette, fg};
use super::terminal;
use anstyle::{AnsiColor, Style};

/// Removed words: red, struck through; added words: green, underlined.
const REMOVED: Style = fg(AnsiColor::Red).strikethrough();
const ADDED: Style = fg(AnsiColor::Green).underline();
use std::collections::HashSet;
use std::io::{self, Write};

use crate::diff::{
    ChangeKind, ClaimChange, DeltaFinding, DiffReport, SegmentKind, SentenceChange,
    SentenceChangeKind,
};
use crate::model::Claim;

impl Palette {
    fn change(&self, kind: ChangeKind) -> String {
        let style = match kind {
            ChangeKind::Changed => fg(AnsiColor::Yellow).bold(),
            ChangeKind::Added => fg(AnsiColor::Green).bold(),
            ChangeKind::Removed => fg(AnsiColor::Red).bold(),
            ChangeKind::Moved => fg(AnsiColor::Cyan).bold(),
            ChangeKind::Unchanged => BOLD,
        };
        self.paint(style, &format!("{:<8}", kind.as_str()))
    }

    /// The sentence with its edits coloured, or marked when there is no colour.
    fn sentence(&self, sentence: &SentenceChange) -> String {
        if !self.color {
            return terminal::escape(&sentence.diff).into_owned();
        }
        sentence
            .segments
            .iter()
            .map(|segment| {
                let text = terminal::escape(&segment.text);
                match segment.kind {
                    SegmentKind::Equal => text.into_owned(),
                    SegmentKind::Removed => self.paint(REMOVED, &text),
                    SegmentKind::Added => self.paint(ADDED, &text),
                }
            })
            .collect()
    }
}

/// Writes the whole report.
pub fn write_diff_human(
    out: &mut impl Write,
    report: &DiffReport<'_>,
    color: bool,
) -> io::Result<()> {
    let palette = Palette { color };
    let summary = &report.summary;
    writeln!(
        out,
        "{}",
        palette.paint(
            BOLD,
            &format!(
                "{}: draft {} → draft {}",
                report.article, report.from, report.to
            )
        )
    )?;
    if summary.no_claim_changes {
        writeln!(
            out,
            "no claim changes ({} claims unchanged)",
            summary.unchanged
        )?;
    } else {
        writeln!(
            out,
            "claims: {} changed, {} added, {} removed, {} moved, {} unchanged",
            summary.changed, summary.added, summary.removed, summary.moved, summary.unchanged
        )?;
    }
    let mut shown: HashSet<(Option<u32>, Option<u32>)> = HashSet::new();
    for change in report
        .claims
        .iter()
        .filter(|c| c.change != ChangeKind::Unchanged)
    {
        writeln!(out)?;
        write_claim_change(out, change, &palette)?;
        if let Some(sentence) = report.sentence_of(change)
            && shown.insert((sentence.before_sentence, sentence.after_sentence))
        {
            writeln!(out, "    | {}", one_line(&palette.sentence(sentence)))?;
        }
    }
    let reworded: Vec<&SentenceChange> = report
        .sentences
        .iter()
        .filter(|s| s.change == SentenceChangeKind::Edited)
        .filter(|s| !shown.contains(&(s.before_sentence, s.after_sentence)))
        .collect();
    if !reworded.is_empty() {
        writeln!(out, "\nreworded, figures unchanged")?;
        for sentence in reworded {
            writeln!(
                out,
                "    line {}: {}",
                lines(sentence.before_line, sentence.after_line),
                one_line(&palette.sentence(sentence))
            )?;
        }
    }
    if !report.stale.is_empty() {
        writeln!(
            out,
            "\n{}",
            palette.paint(fg(AnsiColor::Yellow).bold(), "stale derived figures")
        )?;
        for stale in &report.stale {
            writeln!(
                out,
                "    line {}: {}: {}",
                stale.changed.after.line,
                stale.relation.as_str(),
                terminal::escape(&stale.message)
            )?;
        }
    }
    if let Some(findings) = &report.findings {
        write_findings(out, "findings introduced", &findings.introduced, &palette)?;
        write_findings(out, "findings resolved", &findings.resolved, &palette)?;
        writeln!(
            out,
            "\nfindings: {} introduced, {} resolved, {} in both drafts",
            findings.introduced.len(),
            findings.resolved.len(),
            findings.persisting
        )?;
    }
    Ok(())
}

fn write_claim_change(
    out: &mut impl Write,
    change: &ClaimChange<'_>,
    palette: &Palette,
) -> io::Result<()> {
    let claim = change
        .after
        .or(change.before)
        .expect("a change has a claim");
    writeln!(
        out,
        "{} {}  line {}",
        palette.change(change.change),
        claim.kind,
        lines(change.before.map(|c| c.line), change.after.map(|c| c.line))
    )?;
    match (change.before, change.after) {
        (Some(before), Some(after)) if change.change == ChangeKind::Changed => {
            let relative = change
                .relative_change
                .map(|r| format!(", {}", percent(r)))
                .unwrap_or_default();
            writeln!(
                out,
                "    {} → {}  ({} → {}{relative})",
                terminal::escape(&before.text),
                terminal::escape(&after.text),
                terminal::escape(&value(before)),
                terminal::escape(&value(after))
            )
        }
        _ => writeln!(
            out,
            "    {}  ({})",
            terminal::escape(&claim.text),
            terminal::escape(&value(claim))
        ),
    }
}

fn write_findings(
    out: &mut impl Write,
    title: &str,
    findings: &[DeltaFinding],
    palette: &Palette,
) -> io::Result<()> {
    if findings.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{}", palette.paint(BOLD, title))?;
    for finding in findings {
        writeln!(
            out,
            "    line {}:{}: {}[{}] {}",
            finding.line,
            finding.column,
            finding.severity,
            terminal::escape(&finding.rule),
            terminal::escape(&finding.message)
        )?;
    }
    Ok(())
}

/// `5 → 7`, `5` when both are the same, or the one that exists.
pub(crate) fn lines(before: Option<u32>, after: Option<u32>) -> String {
    match (before, after) {
        (Some(b), Some(a)) if a == b => a.to_string(),
        (Some(b), Some(a)) => format!("{b} → {a}"),
        (Some(line), None) | (None, Some(line)) => line.to_string(),
        (None, None) => String::new(),
    }
}

/// The value as claimlint normalised it: the ISO date, or the decimal and its unit.
pub(crate) fn value(claim: &Claim) -> String {
    match (&claim.date, &claim.unit) {
        (Some(date), _) => date.clone(),
        (None, Some(unit)) if unit == "%" => format!("{}%", claim.value_text),
        (None, Some(unit)) => format!("{} {unit}", claim.value_text),
        (None, None) => claim.value_text.clone(),
    }
}

/// A relative change as a signed percentage: `+11.9%`, `-7.35%`.
pub(crate) fn percent(relative: f64) -> String {
    let percent = relative * 100.0;
    if percent.abs() >= 10.0 {
        format!("{percent:+.1}%")
    } else {
        format!("{percent:+.2}%")
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{DraftView, diff_drafts};
    use crate::extract::{Options, extract};
    use crate::model::{Extraction, Lang, LangChoice};

    fn extracted(text: &str) -> Extraction {
        extract(
            text,
            &Options {
                lang: LangChoice::Fixed(Lang::En),
                date: None,
                country: None,
                body_start: 0,
            },
        )
    }

    fn view<'a>(number: u32, text: &'a str, extraction: &'a Extraction) -> DraftView<'a> {
        DraftView {
            number,
            text,
            claims: &extraction.claims,
            relations: &extraction.relations,
            sentences: &extraction.sentences,
            source: None,
        }
    }

    #[test]
    fn edits_are_coloured_on_a_terminal_and_marked_otherwise() {
        let (old, new) = (
            "Sales rose to 940 million yuan in May.",
            "Sales rose to 990 million yuan in May.",
        );
        let (old_extraction, new_extraction) = (extracted(old), extracted(new));
        let report = diff_drafts(
            "sales",
            view(1, old, &old_extraction),
            view(2, new, &new_extraction),
        );
        let render = |color| {
            let mut out = Vec::new();
            write_diff_human(&mut out, &report, color).unwrap();
            String::from_utf8(out).unwrap()
        };
        let plain = render(false);
        assert!(plain.contains("[-940-]{+990+}"), "{plain}");
        assert!(!plain.contains('\x1b'), "{plain}");
        let coloured = render(true);
        assert!(
            coloured.contains(&format!("{REMOVED}940{REMOVED:#}")),
            "{coloured}"
        );
        assert!(
            coloured.contains(&format!("{ADDED}990{ADDED:#}")),
            "{coloured}"
        );
        assert!(coloured.contains("\x1b[9m"), "struck through: {coloured}");
        assert!(!coloured.contains("[-940-]"), "{coloured}");
    }
}
