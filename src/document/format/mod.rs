//! HTML, Markdown and Word articles → prose with a [`SourceMap`], plus what the file says
//! about itself (title, date, id …) in the places front matter would.
//!
//! Each converter keeps the article's running text and drops what a reader does not read
//! as the article (scripts, navigation, code, URLs, markup), and it writes block boundaries
//! (paragraphs, headings, list items, table cells) as blank lines, so that the sentence
//! splitter ends a sentence there, while inline markup (`<b>12</b>%`, `**12**%`, a figure
//! split across Word runs) joins without a break. **The prose is built with
//! [`SourceMapBuilder`], so every prose offset maps back to the line:column the editor sees**
//! (for Word: paragraph number and character in it). Text formats are decoded by
//! `document/decode.rs` first (BOM, UTF-16, CRLF → LF; line numbers are unchanged by that);
//! a Word file is a zip archive and never goes through the text decoder.
//!
//! Header values come back raw in [`Meta`] with the line they stand on; `Document` parses
//! them (a bad date is an `InputError::Header` there, as for plain text).

use super::{InputError, SourceMap, SourceMapBuilder, Suppression, decode};
use crate::document::Format;

mod docx;
mod html;
mod markdown;

/// A converted article: its prose, where each piece of it came from, and its header values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// The prose claimlint extracts from; blocks are separated by a blank line.
    pub text: String,
    /// Prose offsets → source line:column.
    pub map: SourceMap,
    /// Title, date, id … as the file states them.
    pub meta: Meta,
    /// What the file's suppression directives silence, as ranges of `text`.
    pub suppressions: Vec<Suppression>,
}

/// What an article file says about itself, raw (not yet parsed or validated).
///
/// Where each value is read from, per format:
/// - Markdown: the YAML front matter keys `title`, `date`, `id`, `country`, `canonical_url`
///   (or `canonical`), `lang`;
/// - HTML: `<meta name="title">`, `og:title`, `dc.title` or else `<title>`; `<meta
///   name="date">`, `article:published_time`, `dc.date` or `dcterms.date`; `<meta
///   name="country">`; `<link rel="canonical">`; `<html lang>`;
/// - Word: `docProps/core.xml` `dc:title`, and `dcterms:created` (when the draft was begun;
///   `dcterms:modified` when there is no `created`), `dc:language`.
///
/// Only Markdown front matter gives an `id`; HTML and Word files have no such convention.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    /// The date text as written (`2024-01-20`, `2024-01-20T08:00:00Z` …).
    pub date: Option<String>,
    /// The source line `date` stands on, for the error a bad date gives (1 when the format
    /// has no lines for it, as for Word's core properties).
    pub date_line: usize,
    pub id: Option<String>,
    pub canonical_url: Option<String>,
    /// The publication's country as written (a two-letter code is expected).
    pub country: Option<String>,
    /// The source line `country` stands on (as `date_line`).
    pub country_line: usize,
    /// The document's language tag (`it`, `en-GB` …) as written.
    pub lang: Option<String>,
}

/// The largest `word/document.xml` (or `docProps/core.xml`) inflated from a Word file: as
/// large as the largest input accepted, so a small zip cannot inflate to gigabytes.
pub const MAX_INFLATED_SIZE: u64 = super::MaxInputSize::DEFAULT.0;

/// Converts an article in `format` to prose. `Format::Text` is copied as it is (decoded,
/// without reading a header: `Document::from_bytes` does that for plain text). Errors name
/// `source_name`. The prose may be empty (a page of navigation only); `Document` refuses that.
pub fn convert(format: Format, bytes: &[u8], source_name: &str) -> Result<Converted, InputError> {
    if format == Format::Docx {
        return docx::convert(bytes, source_name);
    }
    let source = decode::decode_text(bytes, source_name)?;
    match format {
        Format::Html => Ok(html::convert(&source)),
        Format::Markdown => markdown::convert(&source, source_name),
        Format::Text | Format::Docx => {
            let mut builder = SourceMapBuilder::new(Format::Text, &source);
            builder.copy(0..source.len());
            let (text, map) = builder.finish();
            Ok(Converted {
                text,
                map,
                meta: Meta::default(),
                suppressions: Vec::new(),
            })
        }
    }
}

/// Non-empty, trimmed.
fn non_empty(value: &str) -> Option<String> {
    let trimmed = value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

#[cfg(test)]
mod tests;
