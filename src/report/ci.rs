//! One-line-per-finding `check` reports for CI logs and large runs: `concise`
//! (`path:line:col: severity[rule] message`, the first line of a human diagnostic) and
//! `github` (workflow commands, `::warning file=…,line=…,col=…,title=…::message`, which GitHub
//! Actions turns into annotations), plus the `--statistics` table of counts per rule and
//! severity.
//!
//! The design choice: both formats share one writer, differing only in how a line is
//! spelled, so they always report the same findings, rule errors and input errors. GitHub's
//! escaping is applied exactly as its runner parses commands: in the message `%`, `\r`, `\n`;
//! in properties also `:` and `,`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::human::summary_line;
use super::palette::{BOLD, Palette};
use super::terminal;
use crate::check::{CheckHeader, CheckSink, CheckTotals, CheckedArticle};
use crate::engine::{RuleError, Severity};

/// How each finding's line is spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStyle {
    /// `path:line:col: severity[rule] message`, then the summary line.
    Concise,
    /// GitHub Actions workflow commands, one per finding; no summary.
    Github,
}

/// Writes each finding as one line as soon as its article is checked.
pub struct LineCheckWriter<W> {
    out: W,
    style: LineStyle,
    palette: Palette,
}

impl<W: Write> LineCheckWriter<W> {
    /// `color` applies to `concise` only: workflow commands are never coloured.
    pub fn new(out: W, style: LineStyle, color: bool) -> Self {
        LineCheckWriter {
            out,
            style,
            palette: Palette {
                color: color && style == LineStyle::Concise,
            },
        }
    }

    fn rule_error(&mut self, error: &RuleError) -> io::Result<()> {
        match self.style {
            LineStyle::Concise => writeln!(
                self.out,
                "{}[rule-error] {}",
                self.palette.severity(Severity::Error),
                one_line(&error.to_string())
            ),
            LineStyle::Github => {
                let mut properties = vec![format!("file={}", github_property(&error.file))];
                if let Some(line) = error.line {
                    properties.push(format!("line={line}"));
                }
                if let Some(column) = error.column {
                    properties.push(format!("col={column}"));
                }
                properties.push(format!("title={}", github_property("rule-error")));
                writeln!(
                    self.out,
                    "::error {}::{}",
                    properties.join(","),
                    github_message(&error.to_string())
                )
            }
        }
    }
}

impl<W: Write> CheckSink for LineCheckWriter<W> {
    fn begin(&mut self, header: &CheckHeader) -> io::Result<()> {
        for error in &header.rule_errors {
            self.rule_error(error)?;
        }
        Ok(())
    }

    fn article(&mut self, article: CheckedArticle) -> io::Result<()> {
        for reported in &article.findings {
            let finding = &reported.finding;
            match self.style {
                LineStyle::Concise => writeln!(
                    self.out,
                    "{}:{}:{}: {}{} {}",
                    terminal::escape(&article.source),
                    finding.line,
                    finding.column,
                    self.palette.severity(finding.severity),
                    self.palette
                        .paint(BOLD, &format!("[{}]", terminal::escape(&finding.rule))),
                    one_line(&finding.message)
                )?,
                LineStyle::Github => writeln!(
                    self.out,
                    "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                    github_level(finding.severity),
                    github_property(&article.source),
                    finding.line,
                    finding.column,
                    reported.end_line,
                    reported.end_column,
                    github_property(&finding.rule),
                    github_message(&finding.message)
                )?,
            }
        }
        for error in &article.rule_errors {
            self.rule_error(error)?;
        }
        Ok(())
    }

    fn input_error(&mut self, message: String) -> io::Result<()> {
        match self.style {
            LineStyle::Concise => writeln!(
                self.out,
                "{}: {}",
                self.palette.severity(Severity::Error),
                one_line(&message)
            ),
            LineStyle::Github => writeln!(self.out, "::error::{}", github_message(&message)),
        }
    }

    fn finish(&mut self, totals: &CheckTotals) -> io::Result<()> {
        if self.style == LineStyle::Concise {
            writeln!(self.out, "{}", summary_line(totals))?;
        }
        self.out.flush()
    }
}

/// Text for a concise line: terminal escapes, and a line break written as `\n`.
fn one_line(text: &str) -> String {
    terminal::escape(text).replace('\n', "\\n")
}

/// GitHub's annotation levels: `info` findings are notices.
fn github_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// A workflow command's message, escaped as the runner unescapes it.
pub fn github_message(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: the message escapes plus `:` and `,`.
pub fn github_property(text: &str) -> String {
    github_message(text).replace(':', "%3A").replace(',', "%2C")
}

/// Counts of reported findings per rule and severity, for `--statistics`.
#[derive(Debug, Default)]
pub struct Statistics {
    counts: BTreeMap<(String, Severity), usize>,
}

impl Statistics {
    /// Counts the reported findings of one article (not suppressed or baselined ones).
    pub fn record(&mut self, article: &CheckedArticle) {
        for reported in &article.findings {
            let key = (reported.finding.rule.clone(), reported.finding.severity);
            *self.counts.entry(key).or_default() += 1;
        }
    }

    /// `COUNT  SEVERITY  RULE` rows, most frequent first, then by rule id.
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        let mut rows: Vec<(&(String, Severity), &usize)> = self.counts.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.0.cmp(&b.0.0)));
        let width = rows
            .iter()
            .map(|(_, count)| count.to_string().len())
            .max()
            .unwrap_or(1);
        for ((rule, severity), count) in rows {
            writeln!(out, "{count:>width$}  {:<7}  {rule}", severity.as_str())?;
        }
        Ok(())
    }
}
