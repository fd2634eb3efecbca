//! The human `check` report: one compiler-style diagnostic per finding.
//!
//! ```text
//! story.txt:12:45: error[conversion-rate-mismatch] … implies 7.12 CNY/USD; …
//!    |
//! 12 | … 13,6 miliardi di yuan (1,91 miliardi di dollari), …
//!    |   ^^^^^^^^^^^^^^^^^^^^^  ~~~~~~~~~~~~~~~~~~~~~~~~~
//!    = reported: 7.1204
//! ```
//! The first claim is underlined with `^`, the others on the same line with `~`. Evidence keys
//! `reported`, `expected`, `tolerance`, `reference`, `tried` come first in that order, then any
//! other key alphabetically. Colour is decided by the caller ([`super::stream_color`]).
//! [`HumanCheckWriter`] prints each article as it is checked, so a long run shows progress.
//! Article text goes through [`super::terminal`]: control characters are escaped and the
//! underline follows the columns each character takes.

use super::palette::{BOLD, Palette, fg, severity_color};
use super::terminal;
use anstyle::AnsiColor;
use std::io::{self, Write};

use serde_json::Value;

use crate::check::{
    CheckHeader, CheckReport, CheckSink, CheckTotals, CheckedArticle, ReportedFinding, replay,
};
use crate::engine::{Severity, readable_number};

const SPECIAL_EVIDENCE: &[&str] = &["reported", "expected", "tolerance", "reference", "tried"];

impl Palette {
    fn gutter(&self, text: &str) -> String {
        self.paint(fg(AnsiColor::Blue).bold(), text)
    }
}

/// Writes every finding, rule error and input error, then a one-line summary.
pub fn write_check_human(
    out: &mut impl Write,
    report: &CheckReport,
    color: bool,
) -> io::Result<()> {
    replay(report, &mut HumanCheckWriter::new(out, color))
}

/// The human report written as the check goes: each article's diagnostics as soon as it is
/// checked, the summary line at the end.
pub struct HumanCheckWriter<W> {
    out: W,
    palette: Palette,
    checked_at: String,
}

impl<W: Write> HumanCheckWriter<W> {
    pub fn new(out: W, color: bool) -> Self {
        HumanCheckWriter {
            out,
            palette: Palette { color },
            checked_at: String::new(),
        }
    }

    fn rule_error(&mut self, error: &impl std::fmt::Display) -> io::Result<()> {
        writeln!(
            self.out,
            "{}[rule-error] {}\n",
            self.palette.severity(Severity::Error),
            terminal::escape(&error.to_string())
        )
    }
}

impl<W: Write> CheckSink for HumanCheckWriter<W> {
    fn begin(&mut self, header: &CheckHeader) -> io::Result<()> {
        self.checked_at.clone_from(&header.checked_at);
        for error in &header.rule_errors {
            self.rule_error(error)?;
        }
        Ok(())
    }

    fn article(&mut self, article: CheckedArticle) -> io::Result<()> {
        for finding in &article.findings {
            write_finding(
                &mut self.out,
                &article.source,
                finding,
                &self.checked_at,
                &self.palette,
            )?;
        }
        for error in &article.rule_errors {
            self.rule_error(error)?;
        }
        Ok(())
    }

    fn input_error(&mut self, message: String) -> io::Result<()> {
        writeln!(
            self.out,
            "{}: {}\n",
            self.palette.severity(Severity::Error),
            terminal::escape(&message)
        )
    }

    fn finish(&mut self, totals: &CheckTotals) -> io::Result<()> {
        writeln!(self.out, "{}", summary_line(totals))?;
        self.out.flush()
    }
}

fn write_finding(
    out: &mut impl Write,
    source: &str,
    reported: &ReportedFinding,
    checked_at: &str,
    palette: &Palette,
) -> io::Result<()> {
    let finding = &reported.finding;
    writeln!(
        out,
        "{}:{}:{}: {}{} {}",
        terminal::escape(source),
        finding.line,
        finding.column,
        palette.severity(finding.severity),
        palette.paint(BOLD, &format!("[{}]", terminal::escape(&finding.rule))),
        terminal::escape(&finding.message)
    )?;
    let number = finding.line.to_string();
    let pad = " ".repeat(number.len());
    writeln!(out, "{pad} {}", palette.gutter("|"))?;
    let (excerpt, underline) = excerpt(reported);
    writeln!(
        out,
        "{} {}",
        palette.gutter(&format!("{number} |")),
        excerpt
    )?;
    if !underline.trim().is_empty() {
        writeln!(
            out,
            "{pad} {} {}",
            palette.gutter("|"),
            palette.paint(severity_color(finding.severity), underline.trim_end())
        )?;
    }
    for key in evidence_keys(&finding.evidence) {
        let value = evidence_text(&finding.evidence[key]);
        writeln!(
            out,
            "{pad} {} {}: {}",
            palette.gutter("="),
            terminal::escape(key),
            terminal::escape(&value)
        )?;
    }
    if reported.first_seen != checked_at {
        writeln!(
            out,
            "{pad} {} first seen: {}",
            palette.gutter("="),
            reported.first_seen
        )?;
    }
    writeln!(out)
}

/// Lines up to this many characters are shown whole.
const MAX_LINE_CHARS: usize = 120;
/// Characters of context kept on each side of the underlined claims in a longer line.
const CONTEXT_CHARS: usize = 40;
/// When the claims of a long line spread wider than this, only the first claim is shown.
const MAX_MARKED_CHARS: usize = 160;

/// The source line, or for a long line (a paragraph on one line) a window around the
/// underlined claims cut at spaces and marked with `…`, and the underline beneath it.
fn excerpt(reported: &ReportedFinding) -> (String, String) {
    let marks = underline(reported);
    let chars: Vec<char> = reported.source_line.chars().collect();
    if chars.len() <= MAX_LINE_CHARS {
        return shown(&chars, &marks);
    }
    let marked = |wanted: &dyn Fn(char) -> bool| {
        let first = marks.iter().position(|&m| wanted(m))?;
        let last = marks.iter().rposition(|&m| wanted(m))?;
        Some((first, last + 1))
    };
    let (mut from, mut to) = match marked(&|m| m != ' ') {
        Some((first, last)) if last - first <= MAX_MARKED_CHARS => (first, last),
        _ => marked(&|m| m == '^').unwrap_or((0, CONTEXT_CHARS.min(chars.len()))),
    };
    let marked_from = from;
    let marked_to = to;
    from = from.saturating_sub(CONTEXT_CHARS);
    to = (to + CONTEXT_CHARS).min(chars.len());
    // Start after a space and stop before one, so no word is cut (unless it is all there is).
    if from > 0 {
        if let Some(space) = chars[from..marked_from].iter().position(|c| *c == ' ') {
            from += space + 1;
        }
    }
    if to < chars.len() {
        if let Some(space) = chars[marked_to..to].iter().rposition(|c| *c == ' ') {
            to = marked_to + space;
        }
    }
    let (lead, tail) = (
        if from > 0 { "… " } else { "" },
        if to < chars.len() { " …" } else { "" },
    );
    let (text, under) = shown(&chars[from..to], &marks[from..to]);
    let indent = " ".repeat(terminal::width(lead));
    (format!("{lead}{text}{tail}"), format!("{indent}{under}"))
}

/// Characters as the terminal shows them (escaped, tabs as spaces) and their marks repeated
/// over the columns each takes, so the underline stays under wide and zero-width characters.
fn shown(chars: &[char], marks: &[char]) -> (String, String) {
    let mut text = String::with_capacity(chars.len());
    let mut under = String::with_capacity(chars.len());
    let chars = &chars[..chars.len().min(marks.len())];
    // Each run of one mark is measured as a whole, so an emoji sequence inside it counts once.
    let mut start = 0;
    while start < chars.len() {
        let mark = marks[start];
        let end = marks[start..chars.len()]
            .iter()
            .position(|&other| other != mark)
            .map_or(chars.len(), |length| start + length);
        let run = terminal::show_line(chars[start..end].iter().copied());
        under.extend(std::iter::repeat_n(mark, terminal::shown_width(&run)));
        text.push_str(&run);
        start = end;
    }
    (text, under)
}

/// `^` under the first claim, `~` under the other claims on the same line, one per character.
fn underline(reported: &ReportedFinding) -> Vec<char> {
    let line = &reported.source_line;
    let line_start = reported.source_line_start;
    let line_end = line_start + line.len();
    let mut marks: Vec<char> = vec![' '; line.chars().count()];
    let spans = reported.spans.iter().enumerate().rev();
    for (order, span) in spans {
        if span.start < line_start || span.end > line_end || span.start >= span.end {
            continue;
        }
        let (Some(before), Some(inside)) = (
            line.get(..span.start - line_start),
            line.get(span.start - line_start..span.end - line_start),
        ) else {
            continue;
        };
        let from = before.chars().count();
        let mark = if order == 0 { '^' } else { '~' };
        for slot in marks.iter_mut().skip(from).take(inside.chars().count()) {
            *slot = mark;
        }
    }
    marks
}

/// The keys of a finding's evidence in the order people read them: `reported`, `expected`,
/// `tolerance`, `reference`, `tried`, then the others alphabetically.
pub fn evidence_keys(evidence: &crate::engine::Evidence) -> Vec<&String> {
    let mut keys: Vec<&String> = evidence.keys().collect();
    keys.sort_by_key(|key| {
        (
            SPECIAL_EVIDENCE
                .iter()
                .position(|special| special == key)
                .unwrap_or(SPECIAL_EVIDENCE.len()),
            key.as_str(),
        )
    });
    keys
}

/// Evidence for people: intervals as `low–high`, rates by their description.
pub fn evidence_text(value: &Value) -> String {
    match value {
        Value::Null => "unknown".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.as_f64().map_or_else(|| n.to_string(), readable_number),
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .map(evidence_text)
            .collect::<Vec<_>>()
            .join("; "),
        Value::Object(map) => {
            if let Some(Value::String(description)) = map.get("description") {
                return description.clone();
            }
            if let (Some(low), Some(high)) = (
                map.get("low").and_then(Value::as_f64),
                map.get("high").and_then(Value::as_f64),
            ) {
                return readable_interval(low, high);
            }
            map.iter()
                .map(|(key, value)| format!("{key}: {}", evidence_text(value)))
                .collect::<Vec<_>>()
                .join(", ")
        }
    }
}

/// `low–high`, or `low to high` when a minus sign would run into the dash.
fn readable_interval(low: f64, high: f64) -> String {
    let (low, high) = (low.min(high), low.max(high));
    if low == high {
        readable_number(low)
    } else if low < 0.0 || high < 0.0 {
        format!("{} to {}", readable_number(low), readable_number(high))
    } else {
        format!("{}–{}", readable_number(low), readable_number(high))
    }
}

fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        format!("1 {word}")
    } else {
        format!("{count} {word}s")
    }
}

/// `2 errors, 1 warning, 0 infos in 3 articles; 1 suppressed, 4 baselined; 1 rule error`:
/// suppressed and baselined findings are not in the counts before them, and the part is
/// left out when there are none.
pub fn summary(report: &CheckReport) -> String {
    summary_line(&CheckTotals::of(report))
}

/// [`summary`] from the totals of a streamed check.
pub fn summary_line(totals: &CheckTotals) -> String {
    let mut text = format!(
        "{}, {}, {} in {}",
        plural(totals.errors, "error"),
        plural(totals.warnings, "warning"),
        plural(totals.infos, "info"),
        plural(totals.articles, "article"),
    );
    let hidden: Vec<String> = [
        (totals.suppressed, "suppressed"),
        (totals.baselined, "baselined"),
    ]
    .into_iter()
    .filter(|&(count, _)| count > 0)
    .map(|(count, what)| format!("{count} {what}"))
    .collect();
    if !hidden.is_empty() {
        text.push_str(&format!("; {}", hidden.join(", ")));
    }
    if totals.rule_errors > 0 {
        text.push_str(&format!("; {}", plural(totals.rule_errors, "rule error")));
    }
    if totals.input_errors > 0 {
        text.push_str(&format!("; {}", plural(totals.input_errors, "input error")));
    }
    text
}
