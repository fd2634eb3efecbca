//! Where a converted article's text came from: its source format and a map from offsets in
//! the text claimlint reads (the prose) to line:column in the source file.
//!
//! A plain-text article is its own source, so it has no map: offsets, lines and columns are
//! counted in the text itself. An HTML, Markdown or Word article is converted to prose first
//! (`document/format/`), and the prose is what is extracted, stored, hashed and diffed; every
//! claim and finding still reports where it stands in the file the editor opens. The map is a
//! list of segments, each a run of prose bytes that starts at one source position:
//!
//! - a *verbatim* segment was copied from the source character for character, on one source
//!   line, so a prose offset inside it is its start column plus the characters before it;
//! - a *replaced* segment is text the converter produced for a piece of source (a decoded
//!   `&euro;`, the line break that ends a paragraph): every offset in it maps to where that
//!   piece starts.
//!
//! Lines and columns are 1-based and columns count characters, as everywhere in claimlint.
//! For a Word file the "line" is the paragraph number and the column the character in it.
//! The map is stored with the draft ([`SourceMap::encode`]), so findings on a stored draft
//! point into the source as well.

use std::cell::Cell;
use std::fmt;
use std::path::Path;
use std::str::FromStr;

/// The formats an article can be read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// Plain text (also the fallback for unknown extensions).
    #[default]
    Text,
    /// Markdown (CommonMark with tables), `.md` / `.markdown`.
    Markdown,
    /// HTML, `.html` / `.htm`.
    Html,
    /// A Word document, `.docx`.
    Docx,
}

/// File extensions read as articles (lowercase, without the dot), with their formats.
pub const ARTICLE_EXTENSIONS: &[(&str, Format)] = &[
    ("txt", Format::Text),
    ("text", Format::Text),
    ("md", Format::Markdown),
    ("markdown", Format::Markdown),
    ("html", Format::Html),
    ("htm", Format::Html),
    ("docx", Format::Docx),
];

impl Format {
    /// Every format, in the order help texts list them.
    pub const ALL: [Format; 4] = [Format::Text, Format::Markdown, Format::Html, Format::Docx];

    /// The name used on the command line, in JSON and in the store: `txt`, `md`, `html`, `docx`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }

    /// The format a file's extension names (case-insensitive), `None` for any other
    /// extension or none.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?;
        ARTICLE_EXTENSIONS
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(extension))
            .map(|&(_, format)| format)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(text: &str) -> Result<Format, String> {
        let lower = text.to_ascii_lowercase();
        let alias = match lower.as_str() {
            "text" | "plain" => "txt",
            "markdown" => "md",
            "htm" => "html",
            other => other,
        };
        Format::ALL
            .into_iter()
            .find(|format| format.name() == alias)
            .ok_or_else(|| format!("unknown input format `{text}`; expected txt, md, html or docx"))
    }
}

/// One run of prose that starts at one source position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    /// Byte offset in the prose where the run starts.
    text: u32,
    line: u32,
    column: u32,
    /// Copied character for character from one source line.
    verbatim: bool,
}

/// The longest verbatim segment, in characters: a map lookup counts at most this many.
const MAX_SEGMENT_CHARS: u32 = 4096;

/// Prose offsets → source line:column for a converted article (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceMap {
    format: Format,
    /// Sorted by `text`; the first starts at 0 when the prose is not empty.
    segments: Vec<Segment>,
}

impl SourceMap {
    /// The format the prose was converted from.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Line and column in the source of byte `offset` of `text` (the prose this map was built
    /// with). An offset past the end maps to the end of the last segment.
    pub fn position(&self, text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(text.len());
        let index = self
            .segments
            .partition_point(|segment| segment.text as usize <= offset);
        let Some(segment) = index.checked_sub(1).map(|i| self.segments[i]) else {
            return (1, 1);
        };
        if !segment.verbatim {
            return (segment.line, segment.column);
        }
        let start = (segment.text as usize).min(text.len());
        let before = text
            .get(start..offset)
            .map_or(0, |slice| slice.chars().count()) as u32;
        (segment.line, segment.column + before)
    }

    /// The map as bytes for the store: a version byte, the format, then per segment the
    /// prose offset delta, line, column and kind as LEB128 varints. [`SourceMap::decode`]
    /// reads it back.
    pub fn encode(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(4 + self.segments.len() * 5);
        bytes.push(1);
        bytes.push(self.format as u8);
        let mut previous = 0;
        for segment in &self.segments {
            put_varint(&mut bytes, segment.text - previous);
            put_varint(&mut bytes, segment.line);
            put_varint(&mut bytes, segment.column);
            bytes.push(u8::from(segment.verbatim));
            previous = segment.text;
        }
        bytes
    }

    /// Reads what [`SourceMap::encode`] wrote; `None` for bytes it did not write.
    pub fn decode(bytes: &[u8]) -> Option<SourceMap> {
        let (&version, rest) = bytes.split_first()?;
        if version != 1 {
            return None;
        }
        let (&format, mut rest) = rest.split_first()?;
        let format = *Format::ALL.get(usize::from(format))?;
        let mut segments = Vec::new();
        let mut text = 0u32;
        while !rest.is_empty() {
            text = text.checked_add(take_varint(&mut rest)?)?;
            let line = take_varint(&mut rest)?;
            let column = take_varint(&mut rest)?;
            let (&kind, after) = rest.split_first()?;
            rest = after;
            segments.push(Segment {
                text,
                line,
                column,
                verbatim: match kind {
                    0 => false,
                    1 => true,
                    _ => return None,
                },
            });
        }
        Some(SourceMap { format, segments })
    }
}

fn put_varint(bytes: &mut Vec<u8>, mut value: u32) {
    loop {
        let low = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            bytes.push(low);
            return;
        }
        bytes.push(low | 0x80);
    }
}

fn take_varint(bytes: &mut &[u8]) -> Option<u32> {
    let mut value = 0u32;
    for shift in (0..35).step_by(7) {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        value |= u32::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// Builds prose and its [`SourceMap`] together, as a converter walks its source.
///
/// Converters that know byte offsets into a text source (HTML, Markdown) use
/// [`copy`](Self::copy) and [`replace`](Self::replace) with those offsets and let the builder
/// count lines and columns; a converter with its own notion of position (a Word file's
/// paragraphs) uses [`push_at`](Self::push_at).
#[derive(Debug)]
pub struct SourceMapBuilder<'s> {
    format: Format,
    source: &'s str,
    text: String,
    segments: Vec<Segment>,
    /// Byte offsets where each source line starts (line 1 at 0).
    line_starts: Vec<usize>,
    /// Characters of prose from the last segment's start to the end: whether a copy
    /// continues that segment is known without counting it again.
    last_segment_chars: u32,
    /// The last source position computed (byte offset, line index, column): converters walk
    /// forward, so the next column is counted from there, not from the start of a long line.
    last_position: Cell<(usize, usize, u32)>,
}

impl<'s> SourceMapBuilder<'s> {
    /// A builder for prose converted from `source` (which may be empty for a binary format
    /// that only uses [`push_at`](Self::push_at)).
    pub fn new(format: Format, source: &'s str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1));
        SourceMapBuilder {
            format,
            source,
            text: String::new(),
            segments: Vec::new(),
            line_starts,
            last_segment_chars: 0,
            last_position: Cell::new((0, 0, 1)),
        }
    }

    /// The source the prose is converted from.
    pub fn source(&self) -> &'s str {
        self.source
    }

    /// The prose written so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Line and column (1-based, columns in characters) of a byte offset of the source.
    pub fn source_position(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.source.len());
        let line_index = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let line_start = self.line_starts[line_index];
        let (known_offset, known_line, known_column) = self.last_position.get();
        let (from, from_column) = if known_line == line_index && known_offset <= offset {
            (known_offset, known_column)
        } else {
            (line_start, 1)
        };
        let column = from_column
            + self
                .source
                .get(from..offset)
                .map_or(offset - from, |slice| slice.chars().count()) as u32;
        self.last_position.set((offset, line_index, column));
        (line_index as u32 + 1, column)
    }

    /// Appends `source[range]` as it is (one verbatim segment per source line it covers).
    /// A range that is not on character boundaries is skipped.
    pub fn copy(&mut self, range: std::ops::Range<usize>) {
        let Some(slice) = self.source.get(range.clone()) else {
            return;
        };
        let mut start = range.start;
        for piece in slice.split_inclusive('\n') {
            let (line, column) = self.source_position(start);
            self.push_at(piece, line, column, true);
            start += piece.len();
        }
    }

    /// Appends `text`, produced for the source starting at byte `source_offset` (a decoded
    /// entity, a separator for a paragraph end): all of it maps to that position.
    pub fn replace(&mut self, text: &str, source_offset: usize) {
        let (line, column) = self.source_position(source_offset);
        self.push_at(text, line, column, false);
    }

    /// Appends `text` that stands at `line:column` of the source; `verbatim` when it was
    /// copied character for character from one line (so later characters get later columns).
    pub fn push_at(&mut self, text: &str, line: u32, column: u32, verbatim: bool) {
        if !verbatim {
            self.push_segment(text, line, column, false);
            return;
        }
        // A verbatim segment is at most MAX_SEGMENT_CHARS long (a long line is several), so
        // a lookup in the map counts at most that many characters.
        let mut rest = text;
        let mut column = column;
        while !rest.is_empty() {
            let room = MAX_SEGMENT_CHARS.saturating_sub(self.continued_chars(line, column));
            let room = if room == 0 { MAX_SEGMENT_CHARS } else { room };
            let split = rest
                .char_indices()
                .nth(room as usize)
                .map_or(rest.len(), |(index, _)| index);
            let (piece, after) = rest.split_at(split);
            self.push_segment(piece, line, column, true);
            column += piece.chars().count() as u32;
            rest = after;
        }
    }

    /// The characters of the last segment if a verbatim piece at `line:column` continues it
    /// (and has room), else 0.
    fn continued_chars(&self, line: u32, column: u32) -> u32 {
        match self.segments.last() {
            Some(last)
                if last.verbatim
                    && last.line == line
                    && last.column + self.last_segment_chars == column
                    && self.last_segment_chars < MAX_SEGMENT_CHARS =>
            {
                self.last_segment_chars
            }
            _ => 0,
        }
    }

    fn push_segment(&mut self, text: &str, line: u32, column: u32, verbatim: bool) {
        if text.is_empty() {
            return;
        }
        let continues = verbatim && self.continued_chars(line, column) > 0;
        let chars = text.chars().count() as u32;
        if continues {
            self.last_segment_chars += chars;
        } else {
            self.segments.push(Segment {
                text: u32::try_from(self.text.len()).unwrap_or(u32::MAX),
                line,
                column,
                verbatim,
            });
            self.last_segment_chars = chars;
        }
        self.text.push_str(text);
    }

    /// Ends the current block: unless the prose is empty or already ends with a blank line,
    /// appends line breaks so that the next text starts a new paragraph (the sentence
    /// splitter ends a sentence there). `source_offset` is where the block ended.
    pub fn end_block(&mut self, source_offset: usize) {
        let (line, column) = self.source_position(source_offset);
        self.end_block_at(line, column);
    }

    /// [`end_block`](Self::end_block) for a converter that counts its own positions.
    pub fn end_block_at(&mut self, line: u32, column: u32) {
        let trimmed = self.text.trim_end_matches([' ', '\t']);
        if trimmed.is_empty() || trimmed.ends_with("\n\n") {
            return;
        }
        let kept = trimmed.len();
        let breaks = if trimmed.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        // Only spaces and tabs (one byte, one character each) are cut.
        let cut = (self.text.len() - kept) as u32;
        self.text.truncate(kept);
        let mut dropped_segment = false;
        while self
            .segments
            .last()
            .is_some_and(|segment| segment.text as usize >= kept)
        {
            self.segments.pop();
            dropped_segment = true;
        }
        self.last_segment_chars = match self.segments.last() {
            Some(last) if dropped_segment => self.text[last.text as usize..].chars().count() as u32,
            Some(_) => self.last_segment_chars - cut,
            None => 0,
        };
        self.push_at(breaks, line, column, false);
    }

    /// Appends one space at `source_offset` unless the prose is empty or already ends with
    /// whitespace (inline boundaries that separate words, such as a `<br>` or a soft break).
    pub fn space(&mut self, source_offset: usize) {
        if self.text.is_empty() || self.text.ends_with(char::is_whitespace) {
            return;
        }
        self.replace(" ", source_offset);
    }

    /// Appends a line break at `source_offset` unless the prose is empty or already ends with
    /// whitespace: a break inside a paragraph (`<br>`, a Markdown hard break) that keeps the
    /// line apart without ending the block.
    pub fn line_break(&mut self, source_offset: usize) {
        let (line, column) = self.source_position(source_offset);
        self.line_break_at(line, column);
    }

    /// [`line_break`](Self::line_break) for a converter that counts its own positions.
    pub fn line_break_at(&mut self, line: u32, column: u32) {
        if self.text.is_empty() || self.text.ends_with(char::is_whitespace) {
            return;
        }
        self.push_at("\n", line, column, false);
    }

    /// The prose (trailing whitespace trimmed) and its map.
    pub fn finish(mut self) -> (String, SourceMap) {
        let trimmed = self.text.trim_end().len();
        self.text.truncate(trimmed);
        self.segments
            .retain(|segment| (segment.text as usize) < trimmed || trimmed == 0);
        (
            self.text,
            SourceMap {
                format: self.format,
                segments: self.segments,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copied_text_maps_to_its_source_columns_across_lines() {
        let source = "<p>Il PIL è\ncresciuto del 2,5%</p>";
        let mut builder = SourceMapBuilder::new(Format::Html, source);
        builder.copy(3..31);
        builder.end_block(31);
        let (text, map) = builder.finish();
        assert_eq!(text, "Il PIL è\ncresciuto del 2,5%");
        // "è" is one character: the column after it counts characters, not bytes.
        assert_eq!(map.position(&text, 0), (1, 4));
        assert_eq!(map.position(&text, text.find('è').unwrap() + 2), (1, 12));
        assert_eq!(map.position(&text, text.find("2,5").unwrap()), (2, 15));
    }

    #[test]
    fn replaced_text_maps_to_where_its_source_starts() {
        let source = "13,6&nbsp;miliardi";
        let mut builder = SourceMapBuilder::new(Format::Html, source);
        builder.copy(0..4);
        builder.replace("\u{a0}", 4);
        builder.copy(10..18);
        let (text, map) = builder.finish();
        assert_eq!(text, "13,6\u{a0}miliardi");
        assert_eq!(map.position(&text, 4), (1, 5));
        assert_eq!(map.position(&text, 6), (1, 11));
        assert_eq!(map.position(&text, text.len()), (1, 19));
    }

    #[test]
    fn blocks_end_with_one_blank_line_and_spaces_do_not_double() {
        let mut builder = SourceMapBuilder::new(Format::Markdown, "a\n\nb");
        builder.copy(0..1);
        builder.end_block(1);
        builder.end_block(2);
        builder.space(3);
        builder.copy(3..4);
        builder.space(4);
        builder.space(4);
        let (text, _) = builder.finish();
        assert_eq!(text, "a\n\nb");
    }

    #[test]
    fn source_positions_are_right_in_any_order_and_after_a_trimmed_block() {
        let source = "è una riga\nè la seconda   \nterza";
        let builder = SourceMapBuilder::new(Format::Markdown, source);
        assert_eq!(builder.source_position(15), (2, 3));
        assert_eq!(builder.source_position(3), (1, 3));
        assert_eq!(builder.source_position(20), (2, 8));
        assert_eq!(builder.source_position(12), (2, 1));
        let mut builder = SourceMapBuilder::new(Format::Markdown, source);
        builder.copy(12..28);
        builder.end_block(28);
        builder.copy(12..16);
        let (text, map) = builder.finish();
        assert_eq!(text, "è la seconda\n\nè l");
        assert_eq!(map.position(&text, text.rfind('l').unwrap()), (2, 3));
    }

    #[test]
    fn long_lines_are_cut_into_segments_that_still_map_every_character() {
        let line = "è 12,5% ".repeat(2_000);
        let mut builder = SourceMapBuilder::new(Format::Html, &line);
        builder.copy(0..8);
        builder.copy(8..line.len());
        let (text, map) = builder.finish();
        assert!(map.segments.len() >= 4, "{}", map.segments.len());
        let last = text.rfind("12,5").unwrap();
        assert_eq!(map.position(&text, last), (1, 8 * 1_999 + 3));
        assert_eq!(map.position(&text, text.find("12,5").unwrap()), (1, 3));
        assert_eq!(SourceMap::decode(&map.encode()), Some(map));
    }

    #[test]
    fn line_breaks_keep_lines_apart_without_ending_the_block() {
        let mut builder = SourceMapBuilder::new(Format::Html, "uno<br>due");
        builder.line_break(0);
        builder.copy(0..3);
        builder.line_break(3);
        builder.line_break(3);
        builder.copy(7..10);
        let (text, map) = builder.finish();
        assert_eq!(text, "uno\ndue");
        assert_eq!(map.position(&text, 3), (1, 4));
        assert_eq!(map.position(&text, 4), (1, 8));
    }

    #[test]
    fn a_map_survives_encoding_and_rejects_foreign_bytes() {
        let mut builder = SourceMapBuilder::new(Format::Docx, "");
        builder.push_at("Prima riga", 1, 1, true);
        builder.end_block_at(1, 11);
        builder.push_at("seconda: 300 milioni", 2, 1, true);
        let (text, map) = builder.finish();
        let decoded = SourceMap::decode(&map.encode()).expect("decodes");
        assert_eq!(decoded, map);
        assert_eq!(decoded.position(&text, text.find("300").unwrap()), (2, 10));
        assert_eq!(SourceMap::decode(&[2, 0]), None);
        assert_eq!(SourceMap::decode(&[1, 9]), None);
        assert_eq!(SourceMap::decode(&[1, 0, 0x80]), None);
    }

    #[test]
    fn formats_come_from_extensions_and_names() {
        assert_eq!(
            Format::from_path(Path::new("site/2024/index.MD")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_path(Path::new("a.htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("notes")), None);
        assert_eq!("markdown".parse::<Format>(), Ok(Format::Markdown));
        assert!(
            "pdf"
                .parse::<Format>()
                .unwrap_err()
                .contains("txt, md, html or docx")
        );
    }
}
