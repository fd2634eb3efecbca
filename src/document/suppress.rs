//! In-source suppression directives: what a writer puts in an article to silence a rule
//! there, read by the converter that knows the source, kept as ranges of the prose.
//!
//! The directives, written inside an HTML comment (HTML, Markdown) or, in plain text, alone
//! on a line:
//!
//! - `claimlint-disable [RULE[,RULE]]` … `claimlint-enable [RULE[,RULE]]`: a range; without
//!   an `enable` it runs to the end of the article; `enable` without rules ends every open
//!   range, with rules it takes those rules out of the ranges naming them;
//! - `claimlint-disable-next-line [RULE[,RULE]]`: the next line of prose after the
//!   directive (a paragraph, heading, list item or cell of a converted article, since the
//!   prose keeps each on one line; the next line of a plain-text file). In plain text this is
//!   the only form, a line holding nothing else; it is taken out of the prose (it is no
//!   article text) and the source map keeps later lines at their file positions.
//!
//! No rule means every rule. **A directive becomes a [`Suppression`]: a rule set and a byte
//! range of the prose**, so it survives conversion and storage without the source: the
//! store keeps them with the draft, and a finding is suppressed when its first claim (its
//! `start`) lies in a range naming its rule. Rule ids are not checked here (the document
//! layer knows no rules); `check` warns about unknown ones, naming the directive's line.

use serde::{Deserialize, Serialize};

/// One range of prose in which some rules (or all) report nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    /// Rule ids silenced; empty means every rule.
    pub rules: Vec<String>,
    /// Byte offsets in the prose, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The source line the directive stands on (1-based), for messages.
    pub line: u32,
}

impl Suppression {
    /// Whether a finding of `rule` starting at prose byte `offset` is silenced.
    pub fn covers(&self, rule: &str, offset: usize) -> bool {
        (self.start..self.end).contains(&offset)
            && (self.rules.is_empty() || self.rules.iter().any(|id| id == rule))
    }
}

/// A directive as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directive {
    Disable(Vec<String>),
    Enable(Vec<String>),
    DisableNextLine(Vec<String>),
}

/// Each directive's keyword (the longest first: one is a prefix of another) and its variant.
const KEYWORDS: [(&str, MakeDirective); 3] = [
    ("claimlint-disable-next-line", Directive::DisableNextLine),
    ("claimlint-disable", Directive::Disable),
    ("claimlint-enable", Directive::Enable),
];

type MakeDirective = fn(Vec<String>) -> Directive;

/// Reads a directive from the text of a comment (or a plain-text line), `None` when it is
/// none: the text, trimmed, is a directive keyword alone or followed by whitespace and a
/// comma-separated list of rule ids.
pub fn parse_directive(text: &str) -> Option<Directive> {
    let text = text.trim();
    KEYWORDS.into_iter().find_map(|(keyword, make)| {
        let rest = text.strip_prefix(keyword)?;
        if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
            return None;
        }
        let rules = rest
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
            .collect();
        Some(make(rules))
    })
}

/// The text of every `<!-- … -->` comment in `html`, with its byte offset in `html`.
pub fn html_comments(html: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut from = 0;
    std::iter::from_fn(move || {
        let open = from + html.get(from..)?.find("<!--")?;
        let body = open + 4;
        let close = html[body..].find("-->").map_or(html.len(), |at| body + at);
        from = (close + 3).min(html.len()).max(body);
        Some((open, &html[body..close]))
    })
}

/// Collects directives as a converter meets them and turns them into [`Suppression`]s.
#[derive(Debug, Default)]
pub struct SuppressionTracker {
    /// Ranges begun by `disable`: rules, prose start, directive line.
    open: Vec<(Vec<String>, usize, u32)>,
    /// `disable-next-line`s: rules, prose offset at the directive, directive line.
    next_line: Vec<(Vec<String>, usize, u32)>,
    done: Vec<Suppression>,
}

impl SuppressionTracker {
    /// Takes a directive standing at source `line`, met when the prose was `offset` bytes long.
    pub fn directive(&mut self, directive: Directive, offset: usize, line: u32) {
        match directive {
            Directive::Disable(rules) => self.open.push((rules, offset, line)),
            Directive::DisableNextLine(rules) => self.next_line.push((rules, offset, line)),
            Directive::Enable(rules) => self.enable(&rules, offset),
        }
    }

    fn enable(&mut self, rules: &[String], offset: usize) {
        let mut still_open = Vec::new();
        for (open_rules, start, line) in std::mem::take(&mut self.open) {
            let ends = rules.is_empty()
                || open_rules
                    .iter()
                    .any(|id| rules.iter().any(|other| other == id));
            if !ends {
                still_open.push((open_rules, start, line));
                continue;
            }
            // A bare `enable` ends the range; one naming rules leaves the others open.
            let remaining: Vec<String> = open_rules
                .iter()
                .filter(|id| !rules.is_empty() && !rules.contains(id))
                .cloned()
                .collect();
            self.done.push(Suppression {
                rules: open_rules,
                start,
                end: offset,
                line,
            });
            if !remaining.is_empty() {
                still_open.push((remaining, offset, line));
            }
        }
        self.open = still_open;
    }

    /// Whether any directive was met.
    pub fn is_empty(&self) -> bool {
        self.open.is_empty() && self.next_line.is_empty() && self.done.is_empty()
    }

    /// The suppressions over the finished prose `text`: open ranges run to its end; a
    /// next-line directive covers the line of prose that starts at the first non-whitespace
    /// character after it. Sorted by start.
    pub fn finish(mut self, text: &str) -> Vec<Suppression> {
        for (rules, start, line) in std::mem::take(&mut self.open) {
            self.done.push(Suppression {
                rules,
                start: start.min(text.len()),
                end: text.len(),
                line,
            });
        }
        for (rules, offset, line) in std::mem::take(&mut self.next_line) {
            let offset = floor_boundary(text, offset);
            let start = text[offset..]
                .find(|c: char| !c.is_whitespace())
                .map_or(text.len(), |at| offset + at);
            let end = text[start..].find('\n').map_or(text.len(), |at| start + at);
            self.done.push(Suppression {
                rules,
                start,
                end,
                line,
            });
        }
        self.done.retain(|range| range.start < range.end);
        self.done
            .sort_by_key(|range| (range.start, range.end, range.line));
        self.done
    }
}

/// `offset` clamped into `text` and moved back to a character boundary.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Plain text with its directive lines taken out (see the module docs): the prose without
/// them, the source line and prose offset of each kept line's start, and the suppressions.
/// `None` when the body (from `body_start`) holds no directive line, so the text stays as is.
pub(super) fn plain_text_directives(
    text: &str,
    body_start: usize,
) -> Option<(String, super::SourceMap, Vec<Suppression>)> {
    let body = text.get(body_start..)?;
    // Plain text has no comments: only the next-line form, alone on its line, is a directive.
    let next_line = |line: &str| match parse_directive(line) {
        Some(directive @ Directive::DisableNextLine(_)) => Some(directive),
        _ => None,
    };
    if !body.lines().any(|line| next_line(line).is_some()) {
        return None;
    }
    let mut builder = super::SourceMapBuilder::new(super::Format::Text, text);
    builder.copy(0..body_start);
    let mut tracker = SuppressionTracker::default();
    let first_line = text[..body_start].matches('\n').count() as u32 + 1;
    let mut offset = body_start;
    for (index, line) in body.split_inclusive('\n').enumerate() {
        match next_line(line) {
            Some(directive) => {
                tracker.directive(directive, builder.text().len(), first_line + index as u32)
            }
            None => builder.copy(offset..offset + line.len()),
        }
        offset += line.len();
    }
    let (prose, map) = builder.finish();
    let suppressions = tracker.finish(&prose);
    Some((prose, map, suppressions))
}

#[cfg(test)]
mod tests;
