//! The JSON `check` report: the serde form of [`CheckReport`], pretty-printed.
//!
//! It is an interface (documented in README, "check --format json"): fields are only ever
//! added, and `schema_version` changes when one is removed or changes meaning.
//! [`JsonCheckWriter`] writes the same document as the check goes: the header fields, then
//! each article inside `"articles": [ … ]` as soon as it is checked, then the error lists, so
//! memory does not grow with the archive and the output is one valid document byte for byte
//! equal to the serde form of the whole report, followed by `"totals"` (the counts of
//! [`CheckTotals`], suppressed and baselined findings included).

use std::io::{self, Write};

use serde::Serialize;

use crate::check::{CheckHeader, CheckReport, CheckSink, CheckTotals, CheckedArticle, replay};
use crate::engine::RuleError;

pub fn write_check_json(out: &mut impl Write, report: &CheckReport) -> io::Result<()> {
    replay(report, &mut JsonCheckWriter::new(out))
}

/// Streams the JSON report (see the module docs).
pub struct JsonCheckWriter<W> {
    out: W,
    rule_errors: Vec<RuleError>,
    input_errors: Vec<String>,
    articles: usize,
    unsupported: Vec<String>,
    /// Why the check stopped before it was done (see [`CheckSink::abort`]).
    stopped: Option<String>,
}

impl<W: Write> JsonCheckWriter<W> {
    pub fn new(out: W) -> Self {
        JsonCheckWriter {
            out,
            rule_errors: Vec::new(),
            input_errors: Vec::new(),
            articles: 0,
            unsupported: Vec::new(),
            stopped: None,
        }
    }

    /// Files found in the folders and globs given whose format is not an article's: listed
    /// as `"unsupported"` after `"input_errors"` (the key is absent when there are none).
    pub fn with_unsupported(mut self, unsupported: Vec<String>) -> Self {
        self.unsupported = unsupported;
        self
    }
}

/// `value` pretty-printed as serde_json does, nested `depth` levels deep (two spaces each):
/// every line after the first is indented, so it can be written after a key or list comma.
/// JSON strings never hold a raw line break, so splitting at `\n` only meets layout.
pub(super) fn nested_pretty(value: &impl Serialize, depth: usize) -> io::Result<String> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    let indent = "  ".repeat(depth);
    Ok(text.replace('\n', &format!("\n{indent}")))
}

/// A JSON string literal.
pub(super) fn quoted(text: &str) -> io::Result<String> {
    serde_json::to_string(text).map_err(io::Error::other)
}

impl<W: Write> CheckSink for JsonCheckWriter<W> {
    fn begin(&mut self, header: &CheckHeader) -> io::Result<()> {
        self.rule_errors.clone_from(&header.rule_errors);
        write!(
            self.out,
            "{{\n  \"schema_version\": {},\n  \"rule_suite_hash\": {},\n  \"reference_snapshot\": {},\n  \"checked_at\": {},\n  \"rules\": {},\n  \"articles\": [",
            header.schema_version,
            quoted(&header.rule_suite_hash)?,
            quoted(&header.reference_snapshot)?,
            quoted(&header.checked_at)?,
            nested_pretty(&header.rules, 1)?,
        )
    }

    fn article(&mut self, article: CheckedArticle) -> io::Result<()> {
        let comma = if self.articles == 0 { "" } else { "," };
        self.articles += 1;
        write!(self.out, "{comma}\n    {}", nested_pretty(&article, 2)?)
    }

    fn input_error(&mut self, message: String) -> io::Result<()> {
        self.input_errors.push(message);
        Ok(())
    }

    fn finish(&mut self, totals: &CheckTotals) -> io::Result<()> {
        let close = if self.articles == 0 { "]" } else { "\n  ]" };
        let unsupported = if self.unsupported.is_empty() {
            String::new()
        } else {
            format!(
                ",\n  \"unsupported\": {}",
                nested_pretty(&self.unsupported, 1)?
            )
        };
        let stopped = match &self.stopped {
            Some(message) => format!(",\n  \"stopped\": {}", quoted(message)?),
            None => String::new(),
        };
        writeln!(
            self.out,
            "{close},\n  \"rule_errors\": {},\n  \"input_errors\": {}{unsupported},\n  \"totals\": {}{stopped}\n}}",
            nested_pretty(&self.rule_errors, 1)?,
            nested_pretty(&self.input_errors, 1)?,
            nested_pretty(totals, 1)?,
        )?;
        self.out.flush()
    }

    /// The document is closed as at the end, with `"stopped"`: why the check stopped.
    fn abort(&mut self, message: &str, totals: &CheckTotals) -> io::Result<()> {
        self.stopped = Some(message.to_owned());
        self.finish(totals)
    }
}
