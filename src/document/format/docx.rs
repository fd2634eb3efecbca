//! Word (.docx) → prose: the paragraphs of `word/document.xml` in order, each a block, with
//! the text of its runs joined, so a figure that formatting split across runs is one again.
//!
//! A .docx file is a zip archive (read with the zip crate) of XML parts (read as events with
//! quick-xml). **Positions are Word's own, not the XML's**: the "line" is the paragraph
//! number, counting every `w:p` of the body in order (empty ones and table cells' too), and
//! the column is the character in the paragraph plus one, so an editor finds a figure as
//! "paragraph 12, character 40". A `w:tab` is a space and a `w:br` a line break (each one
//! character of the paragraph); table cells hold paragraphs, so they are blocks of their own.
//! Deleted text (`w:delText`), field codes (`w:instrText`), tab stops (`w:tabs`) and the
//! `mc:Fallback` copy of text boxes are not text. `docProps/core.xml` gives `dc:title`,
//! `dcterms:created` as the date (the day the draft was begun; `dcterms:modified` only when
//! there is no `created`) and `dc:language`. A part may not inflate past
//! [`MAX_INFLATED_SIZE`](super::MAX_INFLATED_SIZE): a zip bomb is refused, not inflated.

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesRef, Event};
use zip::ZipArchive;
use zip::result::ZipError;

use super::{Converted, InputError, MAX_INFLATED_SIZE, Meta, non_empty};
use crate::document::{Format, MaxInputSize, SourceMapBuilder};

const DOCUMENT_PART: &str = "word/document.xml";
const CORE_PART: &str = "docProps/core.xml";

/// Converts the bytes of a .docx file.
pub(super) fn convert(bytes: &[u8], source_name: &str) -> Result<Converted, InputError> {
    let problem = |problem: String| InputError::Docx {
        source_name: source_name.to_owned(),
        problem,
    };
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|err| {
        problem(format!(
            "it is not a zip archive ({err}); a .docx file is one: was it saved as .doc or cut short?"
        ))
    })?;
    let document = read_part(&mut archive, DOCUMENT_PART)
        .map_err(problem)?
        .ok_or_else(|| {
            problem(format!(
                "the archive has no {DOCUMENT_PART}, so it is not a Word document"
            ))
        })?;
    // The core properties are optional: a broken part only loses the title and date.
    let meta = read_part(&mut archive, CORE_PART)
        .ok()
        .flatten()
        .map(|core| core_properties(&core))
        .unwrap_or_default();
    let mut builder = SourceMapBuilder::new(Format::Docx, "");
    paragraphs(&document, &mut builder).map_err(problem)?;
    let (text, map) = builder.finish();
    // Word has no comments in the text a writer types directives into (README).
    Ok(Converted {
        text,
        map,
        meta,
        suppressions: Vec::new(),
    })
}

/// The text of a part, `None` when the archive does not have it.
fn read_part(
    archive: &mut ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    let file = match archive.by_name(name) {
        Ok(file) => file,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(err) => return Err(format!("cannot read {name}: {err}")),
    };
    let too_large = || {
        format!(
            "{name} inflates to more than {}; claimlint does not read parts that large",
            MaxInputSize::human(MAX_INFLATED_SIZE)
        )
    };
    if file.size() > MAX_INFLATED_SIZE {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    // The declared size can lie: the read is capped as well.
    file.take(MAX_INFLATED_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| format!("cannot inflate {name}: {err}"))?;
    if bytes.len() as u64 > MAX_INFLATED_SIZE {
        return Err(too_large());
    }
    let content = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(content) {
        Ok(text) => Ok(Some(text.to_owned())),
        Err(err) => Err(format!(
            "{name} is not UTF-8 (at byte {}); save the document again from Word",
            err.valid_up_to()
        )),
    }
}

/// Where the walk is in the paragraph being written.
#[derive(Debug, Clone, Copy)]
struct Paragraph {
    number: u32,
    /// Characters of the paragraph so far.
    chars: u32,
    /// Runs (`w:r`) open in it: tabs and breaks count only inside one (a `w:tab` in the
    /// paragraph properties is a tab stop).
    open_runs: u32,
}

/// Writes every paragraph of `word/document.xml` as a block.
fn paragraphs(xml: &str, builder: &mut SourceMapBuilder<'_>) -> Result<(), String> {
    let mut reader = Reader::from_str(xml);
    let mut count = 0u32;
    let mut current: Option<Paragraph> = None;
    // A text box inside a paragraph holds paragraphs of its own; the outer one resumes after.
    let mut outer: Vec<Paragraph> = Vec::new();
    let (mut in_text, mut in_fallback) = (false, 0usize);
    loop {
        let event = reader.read_event().map_err(|err| {
            format!(
                "{DOCUMENT_PART} is not well-formed XML (near byte {}): {err}",
                reader.error_position()
            )
        })?;
        if in_fallback > 0 {
            match &event {
                Event::Start(tag) if tag.name().as_ref() == b"mc:Fallback" => in_fallback += 1,
                Event::End(tag) if tag.name().as_ref() == b"mc:Fallback" => in_fallback -= 1,
                Event::Eof => return Ok(()),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => match tag.name().as_ref() {
                b"w:p" => {
                    count += 1;
                    if let Some(paragraph) = current.take() {
                        builder.end_block_at(paragraph.number, paragraph.chars + 1);
                        outer.push(paragraph);
                    }
                    current = Some(Paragraph {
                        number: count,
                        chars: 0,
                        open_runs: 0,
                    });
                }
                b"w:r" => {
                    if let Some(paragraph) = current.as_mut() {
                        paragraph.open_runs += 1;
                    }
                }
                b"w:t" => in_text = true,
                b"mc:Fallback" => in_fallback = 1,
                name => inline_mark(name, current.as_mut(), builder),
            },
            Event::Empty(tag) => match tag.name().as_ref() {
                b"w:p" => count += 1,
                name => inline_mark(name, current.as_mut(), builder),
            },
            Event::End(tag) => match tag.name().as_ref() {
                b"w:p" => {
                    if let Some(paragraph) = current.take() {
                        builder.end_block_at(paragraph.number, paragraph.chars + 1);
                    }
                    current = outer.pop();
                }
                b"w:r" => {
                    if let Some(paragraph) = current.as_mut() {
                        paragraph.open_runs = paragraph.open_runs.saturating_sub(1);
                    }
                }
                b"w:t" => in_text = false,
                _ => {}
            },
            Event::Text(text) if in_text => {
                let text = text
                    .decode()
                    .map_err(|err| format!("{DOCUMENT_PART}: {err}"))?;
                write(&text, current.as_mut(), builder);
            }
            Event::CData(text) if in_text => {
                let text = text
                    .decode()
                    .map_err(|err| format!("{DOCUMENT_PART}: {err}"))?;
                write(&text, current.as_mut(), builder);
            }
            Event::GeneralRef(reference) if in_text => {
                if let Some(character) = resolve(&reference) {
                    let mut buffer = [0; 4];
                    write(
                        character.encode_utf8(&mut buffer),
                        current.as_mut(),
                        builder,
                    );
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// `&amp;`, `&#8364;` … as the character they stand for.
fn resolve(reference: &BytesRef<'_>) -> Option<char> {
    if let Ok(Some(character)) = reference.resolve_char_ref() {
        return Some(character);
    }
    let name = reference.decode().ok()?;
    resolve_predefined_entity(&name)?.chars().next()
}

/// Run content that is not `w:t` but stands for a character: tabs, breaks, hyphens.
fn inline_mark(name: &[u8], paragraph: Option<&mut Paragraph>, builder: &mut SourceMapBuilder<'_>) {
    let Some(paragraph) = paragraph.filter(|paragraph| paragraph.open_runs > 0) else {
        return;
    };
    let column = paragraph.chars + 1;
    match name {
        b"w:tab" | b"w:ptab" => {
            if !builder.text().is_empty() && !builder.text().ends_with(char::is_whitespace) {
                builder.push_at(" ", paragraph.number, column, false);
            }
        }
        b"w:br" | b"w:cr" => builder.line_break_at(paragraph.number, column),
        b"w:noBreakHyphen" => builder.push_at("-", paragraph.number, column, false),
        _ => return,
    }
    paragraph.chars += 1;
}

/// Text of a `w:t`, copied with its columns in the paragraph.
fn write(text: &str, paragraph: Option<&mut Paragraph>, builder: &mut SourceMapBuilder<'_>) {
    let Some(paragraph) = paragraph else {
        return;
    };
    // Spaces that follow a block start or a tab add nothing to the prose (but are characters).
    let prose = builder.text();
    let kept = if prose.is_empty() || prose.ends_with(char::is_whitespace) {
        text.trim_start_matches(' ')
    } else {
        text
    };
    let skipped = (text.len() - kept.len()) as u32;
    builder.push_at(kept, paragraph.number, paragraph.chars + 1 + skipped, true);
    paragraph.chars += text.chars().count() as u32;
}

/// Title, date and language from `docProps/core.xml`; a malformed part gives what it gave
/// before the error.
fn core_properties(xml: &str) -> Meta {
    let mut reader = Reader::from_str(xml);
    let (mut title, mut created, mut modified, mut language) = (None, None, None, None);
    let mut field: Option<&mut Option<String>> = None;
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(tag) => {
                field = match tag.name().as_ref() {
                    b"dc:title" => Some(&mut title),
                    b"dcterms:created" => Some(&mut created),
                    b"dcterms:modified" => Some(&mut modified),
                    b"dc:language" => Some(&mut language),
                    _ => None,
                }
            }
            Event::Text(text) => {
                if let (Some(slot), Ok(text)) = (field.as_deref_mut(), text.decode()) {
                    slot.get_or_insert_with(String::new).push_str(&text);
                }
            }
            Event::GeneralRef(reference) => {
                if let (Some(slot), Some(character)) = (field.as_deref_mut(), resolve(&reference)) {
                    slot.get_or_insert_with(String::new).push(character);
                }
            }
            Event::End(_) => field = None,
            Event::Eof => break,
            _ => {}
        }
    }
    let date = created
        .as_deref()
        .and_then(non_empty)
        .or_else(|| modified.as_deref().and_then(non_empty));
    Meta {
        title: title.as_deref().and_then(non_empty),
        date,
        date_line: 1,
        lang: language.as_deref().and_then(non_empty),
        ..Meta::default()
    }
}
