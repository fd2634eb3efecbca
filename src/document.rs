//! Raw article bytes → a [`Document`]: checked, normalised text plus what its header says.
//!
//! Decoding (`document/decode.rs`) strips a UTF-8 byte-order mark, decodes UTF-16 that has
//! one, refuses other encodings and NUL bytes (naming the byte offset *in the file*, so a hex
//! editor finds it, and what the bytes look like), and normalises CRLF and lone CR line ends
//! to LF.
//! **Every offset claimlint reports afterwards (claim spans, `body_start`) refers to the
//! normalised text**, which is also what is stored and hashed: a CRLF copy of an article is
//! the same draft as its LF original.
//!
//! The header is optional and sits at the very top: either a front-matter block (`---`,
//! `key: value` lines among which `date:`, `title:`, `country:` and `id:` are read and other
//! keys are ignored, `---`), or a leading `date 2024-01` / `date: 2024-01` after which the
//! article text may follow on the same line (`document/header.rs`). A header date that does
//! not parse is an error, never ignored.
//!
//! HTML, Markdown and Word articles ([`Document::from_bytes_as`]) are converted to prose
//! first (`document/format/`): their `text` is the prose, with no header in it, and their
//! `source` map leads every offset back to line:column in the file; header values come from
//! the file's own metadata (front matter, `<meta>` tags, core properties).

use std::fmt;
use std::path::Path;

use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::model::{ArticleDate, Claim, Country};
use header::{parse_country, parse_header_date, read_header};

mod decode;
pub mod format;
mod header;
mod read;
mod source;
mod suppress;

pub use decode::NotUtf8Hint;
pub(crate) use read::read_bytes_into;
pub use read::{Input, MaxInputSize, STDIN_NAME};
pub use source::{ARTICLE_EXTENSIONS, Format, SourceMap, SourceMapBuilder};
pub use suppress::{Directive, Suppression, SuppressionTracker, html_comments, parse_directive};

/// The longest article id accepted, in characters.
pub const MAX_ARTICLE_ID_CHARS: usize = 200;

/// A decoded article: normalised text and what its header said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The whole normalised text, header included (BOM stripped, line ends as LF).
    pub text: String,
    /// Byte offset in `text` where the prose starts (0 without a header).
    pub body_start: usize,
    /// The date from the header, if there was one.
    pub date: Option<ArticleDate>,
    /// The `title:` of a front-matter block, if there was one.
    pub title: Option<String>,
    /// The `country:` of a front-matter block (the publication's country), if there was one.
    pub country: Option<Country>,
    /// The article id the file gives itself (front matter `id:`), if it does.
    pub id: Option<String>,
    /// The page's canonical address (HTML `<link rel="canonical">`, Markdown front matter
    /// `canonical_url:`), if it has one.
    pub canonical_url: Option<String>,
    /// For an article converted from HTML, Markdown or Word: where each piece of `text`
    /// stands in the source file. `None` for plain text, which is its own source, unless
    /// directive lines were taken out of it (`document/suppress.rs`).
    pub source: Option<SourceMap>,
    /// Ranges of `text` where suppression directives silence rules, sorted by start.
    pub suppressions: Vec<Suppression>,
}

/// Why an input could not be used. Every variant names its source (a path or `<stdin>`).
#[derive(Debug, Error)]
pub enum InputError {
    /// The file could not be read (missing, a directory, no permission …).
    #[error("{source_name}: cannot read: {cause}")]
    Read {
        source_name: String,
        #[source]
        cause: std::io::Error,
    },
    /// The path is a FIFO, a device or a socket: refused without opening it (opening a FIFO
    /// waits for a writer, reading a device may never end). `kind` is "a FIFO" etc.
    #[error(
        "{source_name}: not a regular file ({kind}); claimlint reads regular files or `-` for stdin"
    )]
    NotRegularFile {
        source_name: String,
        kind: &'static str,
    },
    /// The input is larger than `--max-input-size`; checked before reading a file (its
    /// `size`), while reading stdin (no `size`: reading stopped at the limit).
    #[error(
        "{source_name}: {}, more than the input size limit of {limit}; raise the limit with \
         --max-input-size SIZE or CLAIMLINT_MAX_INPUT_SIZE (for example --max-input-size {})",
        describe_input_size(*size, *limit),
        limit.suggested_raise(*size)
    )]
    TooLarge {
        source_name: String,
        size: Option<u64>,
        limit: MaxInputSize,
    },
    /// The bytes are not UTF-8; `offset` is the first bad byte (its value `byte`), counted in
    /// the file; `hint` says what the file looks like instead.
    #[error("{source_name}: not valid UTF-8 at line {line}, byte {offset} (0x{byte:02X}); {hint}")]
    NotUtf8 {
        source_name: String,
        offset: usize,
        line: usize,
        byte: u8,
        hint: NotUtf8Hint,
    },
    /// A file with a UTF-16 byte-order mark that is not valid UTF-16 (an unpaired surrogate,
    /// an odd number of bytes); `offset` counts bytes in the file.
    #[error(
        "{source_name}: UTF-16 file: {problem} at byte {offset} (line {line}); save the file as UTF-8"
    )]
    Utf16 {
        source_name: String,
        problem: String,
        offset: usize,
        line: usize,
    },
    /// The text holds a NUL byte (usually a binary or UTF-16 file); `offset` counts in the file.
    #[error(
        "{source_name}: NUL byte at byte offset {offset} (line {line}); is this a binary or UTF-16 file?"
    )]
    NulByte {
        source_name: String,
        offset: usize,
        line: usize,
    },
    /// Nothing but whitespace (or only a header) is left to read.
    #[error("{source_name}: {what}")]
    Empty {
        source_name: String,
        what: &'static str,
    },
    /// The header is malformed: a date that does not parse, an unclosed front-matter block.
    #[error("{source_name}: line {line}: {problem}")]
    Header {
        source_name: String,
        line: usize,
        problem: String,
    },
    /// A Word file that cannot be read: not a zip archive, no `word/document.xml`, XML that
    /// is not well-formed, a part that would inflate past the size limit.
    #[error("{source_name}: not a readable Word (.docx) file: {problem}")]
    Docx {
        source_name: String,
        problem: String,
    },
    /// An article id that cannot be stored or referred to.
    #[error("invalid article id {id:?}: {problem}")]
    ArticleId { id: String, problem: &'static str },
}

impl Document {
    /// Reads and decodes a file as `add` does (a regular file of at most the default input
    /// size); the path names every error.
    pub fn read(path: &Path) -> Result<Document, InputError> {
        Document::read_input(&Input::File(path.to_owned()), MaxInputSize::DEFAULT)
    }

    /// Reads one input (a regular file or stdin, at most `limit` bytes) and decodes it.
    pub fn read_input(input: &Input, limit: MaxInputSize) -> Result<Document, InputError> {
        let mut bytes = Vec::new();
        read_bytes_into(input, &mut bytes, limit)?;
        Document::from_bytes(&bytes, &input.name())
    }

    /// Reads one input as `format`; `None` takes the format from the file's extension
    /// ([`Format::from_path`]), plain text for stdin and unknown extensions.
    pub fn read_input_as(
        input: &Input,
        limit: MaxInputSize,
        format: Option<Format>,
    ) -> Result<Document, InputError> {
        let format = format.unwrap_or_else(|| match input {
            Input::File(path) => Format::from_path(path).unwrap_or_default(),
            Input::Stdin => Format::Text,
        });
        let mut bytes = Vec::new();
        read_bytes_into(input, &mut bytes, limit)?;
        Document::from_bytes_as(&bytes, &input.name(), format)
    }

    /// Decodes raw bytes in `format`: plain text as [`Document::from_bytes`] does; HTML,
    /// Markdown and Word converted to prose (`text`, with `body_start` 0) whose `source` map
    /// points into the file, the header values read from the file's own metadata.
    pub fn from_bytes_as(
        bytes: &[u8],
        source_name: &str,
        format: Format,
    ) -> Result<Document, InputError> {
        if format == Format::Text {
            return Document::from_bytes(bytes, source_name);
        }
        let converted = format::convert(format, bytes, source_name)?;
        if converted.text.trim().is_empty() {
            return Err(InputError::Empty {
                source_name: source_name.to_owned(),
                what: "the file holds no article text (nothing but markup, code, scripts or navigation)",
            });
        }
        let meta = converted.meta;
        let header_error = |line: usize, problem: String| InputError::Header {
            source_name: source_name.to_owned(),
            line,
            problem,
        };
        let date = meta
            .date
            .as_deref()
            .map(|value| {
                parse_header_date(value)
                    .map_err(|problem| header_error(meta.date_line, format!("date: {problem}")))
            })
            .transpose()?;
        let country = meta
            .country
            .as_deref()
            .map(|value| {
                parse_country(value, "country").map_err(|p| header_error(meta.country_line, p))
            })
            .transpose()?;
        Ok(Document {
            text: converted.text,
            body_start: 0,
            date,
            title: meta.title,
            country,
            id: meta.id,
            canonical_url: meta.canonical_url,
            source: Some(converted.map),
            suppressions: converted.suppressions,
        })
    }

    /// Decodes raw bytes; `source_name` (a path, `<stdin>` …) is used in error messages.
    pub fn from_bytes(bytes: &[u8], source_name: &str) -> Result<Document, InputError> {
        let text = decode::decode_text(bytes, source_name)?;
        if text.trim().is_empty() {
            return Err(InputError::Empty {
                source_name: source_name.to_owned(),
                what: "the file is empty (or holds only whitespace); there is no article text",
            });
        }
        let header = read_header(&text, source_name)?;
        // Directive lines are no article text: taken out before anything reads the body.
        let (text, source, suppressions) =
            match suppress::plain_text_directives(&text, header.body_start) {
                Some((prose, map, suppressions)) => (prose, Some(map), suppressions),
                None => (text, None, Vec::new()),
            };
        if text
            .get(header.body_start..)
            .is_none_or(|body| body.trim().is_empty())
        {
            return Err(InputError::Empty {
                source_name: source_name.to_owned(),
                what: "the file holds a header but no article text after it",
            });
        }
        Ok(Document {
            text,
            body_start: header.body_start,
            date: header.date,
            title: header.title,
            country: header.country,
            id: header.id,
            canonical_url: None,
            source,
            suppressions,
        })
    }

    /// The format the article was read from.
    pub fn format(&self) -> Format {
        self.source.as_ref().map_or(Format::Text, SourceMap::format)
    }

    /// Line and column (1-based, in characters) in the source file of byte `offset` of
    /// `text`.
    pub fn position(&self, offset: usize) -> (u32, u32) {
        position(&self.text, self.source.as_ref(), offset)
    }

    /// Gives claims extracted from `text` their line and column in the source file:
    /// extraction counts them in `text`, which for a converted article is not the file.
    pub fn locate(&self, claims: &mut [Claim]) {
        if let Some(map) = &self.source {
            for claim in claims {
                (claim.line, claim.column) = map.position(&self.text, claim.start);
            }
        }
    }

    /// The draft hash, as lowercase hex: SHA-256 of the normalised text for plain text; for a
    /// converted article, of the format, the prose and its source map, so that a new version
    /// of the file whose markup moved the figures is a new draft whose positions are right.
    /// Suppressions, when there are any, are hashed too: a directive added in a comment that
    /// moves no prose still makes a new draft, which carries it.
    pub fn hash(&self) -> String {
        match &self.source {
            None => text_hash(&self.text),
            Some(map) => {
                let mut hasher = Sha256::new();
                hasher.update(map.format().name().as_bytes());
                hasher.update([0]);
                hasher.update(self.text.as_bytes());
                hasher.update([0]);
                hasher.update(map.encode());
                for range in &self.suppressions {
                    hasher.update([0x1e]);
                    hasher.update(format!("{}:{}:{}:", range.start, range.end, range.line));
                    hasher.update(range.rules.join(",").as_bytes());
                }
                hex(&hasher.finalize())
            }
        }
    }
}

/// Line and column in the source file of byte `offset` of `text`: through `source` for a
/// converted article, counted in `text` itself for plain text.
pub fn position(text: &str, source: Option<&SourceMap>, offset: usize) -> (u32, u32) {
    match source {
        Some(map) => map.position(text, offset),
        None => text_position(text, offset),
    }
}

/// Line and column of byte `offset` counted in `text` (an offset inside a character counts
/// as that character).
pub fn text_position(text: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = memchr::memchr_iter(b'\n', before).count() as u32 + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let column = before[line_start..]
        .iter()
        .filter(|&&byte| byte & 0xC0 != 0x80)
        .count() as u32
        + 1;
    (line, column)
}

/// SHA-256 of `text` as 64 lowercase hex digits.
pub fn text_hash(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

fn hex(digest: &[u8]) -> String {
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        use fmt::Write;
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// "the file is N bytes (X MiB)", or for stdin (size unknown) "the input is larger".
fn describe_input_size(size: Option<u64>, limit: MaxInputSize) -> String {
    match size {
        Some(size) => format!("the file is {size} bytes ({})", MaxInputSize::human(size)),
        None => format!("the input goes on past {} (reading stopped there)", limit),
    }
}

/// Checks an article id: non-empty, at most [`MAX_ARTICLE_ID_CHARS`] characters, no control
/// characters, no `@` (it separates the draft number in `ARTICLE@N`), no leading or trailing
/// whitespace. `/` is allowed between non-empty folder names, since a file in a project is
/// named by its path (`site/2024/01/index`); `\\`, a leading `/`, and `.` or `..` parts are
/// not, so an id never reads as an absolute path or one that climbs out of its project.
pub fn validate_article_id(id: &str) -> Result<(), InputError> {
    let problem = if id.is_empty() {
        Some("it is empty")
    } else if id.chars().count() > MAX_ARTICLE_ID_CHARS {
        Some("it is longer than 200 characters")
    } else if id.contains('\\') {
        Some("it contains `\\` (use `/` between the folders of a path id)")
    } else if id.starts_with('/') {
        Some("it starts with `/` (a path id is relative to the project root)")
    } else if id.split('/').any(|part| part.is_empty()) {
        Some("it has an empty folder name (`//` or a trailing `/`)")
    } else if id.split('/').any(|part| part == "." || part == "..") {
        Some("it has a `.` or `..` folder name")
    } else if id.chars().any(char::is_control) {
        Some("it contains a control character")
    } else if id.contains('@') {
        Some("it contains `@`, which separates the draft number in ARTICLE@N")
    } else if id.trim() != id {
        Some("it starts or ends with whitespace")
    } else {
        None
    };
    match problem {
        Some(problem) => Err(InputError::ArticleId {
            id: id.to_owned(),
            problem,
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests;
