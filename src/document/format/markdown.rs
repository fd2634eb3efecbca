//! Markdown → prose: paragraphs, headings, list items, block quotes and table cells as
//! blocks; emphasis and link text as the words they are; code, HTML, images (alt text
//! included) and URLs (autolinks included) dropped.
//!
//! pulldown-cmark (CommonMark with tables) parses the text after the YAML front matter, and
//! its offset iterator gives every event its byte range, shifted by where the body starts,
//! so **text is copied from the source with its exact columns**; an event whose text is not
//! what the source holds there (a decoded `&euro;`, a backslash escape) maps to where its
//! source starts. Soft line breaks are spaces, as Markdown renders them (a paragraph wrapped
//! at 80 columns is one paragraph of prose); hard breaks are line breaks.
//!
//! The front matter is YAML (`---` … `---` or `...` at the very top), read with yaml-rust2;
//! `title`, `date`, `id`, `country`, `canonical_url` (or `canonical`) and `lang` are read,
//! other keys are ignored, and a YAML error is an `InputError::Header` with its file line.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use yaml_rust2::{Yaml, YamlLoader};

use super::{Converted, InputError, Meta, non_empty};
use crate::document::{
    Format, SourceMapBuilder, SuppressionTracker, html_comments, parse_directive,
};

/// Converts a decoded Markdown article.
pub(super) fn convert(source: &str, source_name: &str) -> Result<Converted, InputError> {
    let (meta, body_start) = front_matter(source, source_name)?;
    let mut builder = SourceMapBuilder::new(Format::Markdown, source);
    // Inside a code block, an image (its alt text) or an HTML block nothing is prose.
    let mut hidden = 0usize;
    // Per open link: whether it hides its text (an autolink's text is its URL).
    let mut links: Vec<bool> = Vec::new();
    let mut directives = SuppressionTracker::default();
    let body = &source[body_start..];
    // Footnotes parsed, so a reference (`[^1]`) is no figure and a definition is a block of
    // prose of its own.
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        match event {
            // Directives are HTML comments: an HTML block (read whole, a comment may span
            // lines) or inline HTML. In code they are text, and no directive.
            Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) if hidden == 0 => {
                read_directives(&mut builder, &mut directives, range.clone());
                if matches!(event, Event::Start(_)) {
                    builder.end_block(range.start);
                    hidden += 1;
                }
            }
            Event::Start(tag) => {
                if ends_block(&tag) {
                    builder.end_block(range.start);
                }
                let url_text = matches!(
                    tag,
                    Tag::Link {
                        link_type: LinkType::Autolink | LinkType::Email,
                        ..
                    }
                );
                if matches!(tag, Tag::Link { .. }) {
                    links.push(url_text);
                }
                if url_text
                    || matches!(
                        tag,
                        Tag::CodeBlock(_)
                            | Tag::Image { .. }
                            | Tag::HtmlBlock
                            | Tag::MetadataBlock(_)
                    )
                {
                    hidden += 1;
                }
            }
            Event::End(tag) => {
                let url_text = tag == TagEnd::Link && links.pop().unwrap_or(false);
                if url_text
                    || matches!(
                        tag,
                        TagEnd::CodeBlock
                            | TagEnd::Image
                            | TagEnd::HtmlBlock
                            | TagEnd::MetadataBlock(_)
                    )
                {
                    hidden = hidden.saturating_sub(1);
                }
                if end_ends_block(tag) {
                    builder.end_block(range.end);
                }
            }
            Event::Text(text) if hidden == 0 => write_text(&mut builder, range, &text),
            Event::SoftBreak if hidden == 0 => builder.space(range.start),
            Event::HardBreak if hidden == 0 => builder.line_break(range.start),
            Event::Rule => builder.end_block(range.start),
            _ => {}
        }
    }
    let (text, map) = builder.finish();
    Ok(Converted {
        suppressions: directives.finish(&text),
        text,
        map,
        meta,
    })
}

/// Takes the directives of the HTML comments in `source[range]`.
fn read_directives(
    builder: &mut SourceMapBuilder<'_>,
    directives: &mut SuppressionTracker,
    range: std::ops::Range<usize>,
) {
    let Some(html) = builder.source().get(range.clone()) else {
        return;
    };
    for (at, comment) in html_comments(html) {
        if let Some(directive) = parse_directive(comment) {
            let (line, _) = builder.source_position(range.start + at);
            directives.directive(directive, builder.text().len(), line);
        }
    }
}

fn ends_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::FootnoteDefinition(_)
    )
}

fn end_ends_block(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
    )
}

/// Text as the source holds it is copied (exact columns); an escape (`\*`) is copied from
/// the character it escapes; anything else (a decoded entity) maps to where its source starts.
fn write_text(builder: &mut SourceMapBuilder<'_>, range: std::ops::Range<usize>, text: &str) {
    // Dropped inline code leaves the spaces on both sides of it: keep one.
    let prose = builder.text();
    let (range, text) = if prose.is_empty() || prose.ends_with(char::is_whitespace) {
        let trimmed = text.trim_start_matches(' ');
        let skipped = text.len() - trimmed.len();
        let raw = builder.source().get(range.clone()).unwrap_or("");
        if raw
            .get(..skipped)
            .is_some_and(|lead| lead.bytes().all(|b| b == b' '))
        {
            (range.start + skipped..range.end, trimmed)
        } else {
            (range, trimmed)
        }
    } else {
        (range, text)
    };
    if text.is_empty() {
        return;
    }
    let raw = builder.source().get(range.clone()).unwrap_or("");
    if raw == text {
        builder.copy(range);
    } else if let Some(at) = raw.find(text).filter(|_| !text.is_empty()) {
        builder.copy(range.start + at..range.start + at + text.len());
    } else {
        builder.replace(text, range.start);
    }
}

/// Header values and the byte offset where the Markdown body starts (0 without front matter).
fn front_matter(source: &str, source_name: &str) -> Result<(Meta, usize), InputError> {
    let header_error = |line: usize, problem: String| InputError::Header {
        source_name: source_name.to_owned(),
        line,
        problem,
    };
    let mut lines = source.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() == "+++" {
        return toml_front_matter(source, first.len(), header_error);
    }
    if first.trim_end() != "---" {
        return Ok((Meta::default(), 0));
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    let mut closing = None;
    for line in lines {
        if matches!(line.trim_end(), "---" | "...") {
            closing = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((yaml_end, body_start)) = closing else {
        return Err(header_error(
            1,
            "the front-matter block opened by `---` is never closed by a `---` line".to_owned(),
        ));
    };
    let yaml = &source[yaml_start..yaml_end];
    // Line 1 of the YAML is line 2 of the file.
    let file_line = |yaml_line: usize| yaml_line + 1;
    let documents = YamlLoader::load_from_str(yaml).map_err(|err| {
        let line = file_line(err.marker().line().max(1));
        header_error(
            line,
            format!("front matter is not valid YAML: {}", err.info()),
        )
    })?;
    let mut meta = Meta::default();
    let Some(document) = documents.into_iter().next() else {
        return Ok((meta, body_start));
    };
    let Yaml::Hash(entries) = document else {
        return Err(header_error(
            2,
            "the front matter is not a list of `key: value` lines".to_owned(),
        ));
    };
    let key_line = |key: &str| {
        yaml.lines()
            .position(|line| {
                line.strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
            })
            .map_or(1, |index| file_line(index + 1))
    };
    for (key, value) in entries {
        let Some(key) = key.as_str().map(str::to_ascii_lowercase) else {
            continue;
        };
        let text = match &value {
            Yaml::String(text) | Yaml::Real(text) => Some(text.clone()),
            Yaml::Integer(number) => Some(number.to_string()),
            Yaml::Boolean(flag) => Some(flag.to_string()),
            _ => None,
        };
        let wanted = matches!(
            key.as_str(),
            "title" | "date" | "id" | "country" | "canonical_url" | "canonical" | "lang"
        );
        if !wanted || matches!(value, Yaml::Null) {
            continue;
        }
        let Some(text) = text else {
            return Err(header_error(
                key_line(&key),
                format!("front matter `{key}`: expected a single value, not a list or a map"),
            ));
        };
        set_key(&mut meta, &key, &text, &key_line);
    }
    Ok((meta, body_start))
}

/// Hugo's TOML front matter (`+++` … `+++`), read for the same keys as YAML's.
fn toml_front_matter(
    source: &str,
    toml_start: usize,
    header_error: impl Fn(usize, String) -> InputError,
) -> Result<(Meta, usize), InputError> {
    let mut offset = toml_start;
    let mut closing = None;
    for line in source[toml_start..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            closing = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((toml_end, body_start)) = closing else {
        return Err(header_error(
            1,
            "the front-matter block opened by `+++` is never closed by a `+++` line".to_owned(),
        ));
    };
    let toml_text = &source[toml_start..toml_end];
    // Line 1 of the TOML is line 2 of the file.
    let line_of = |at: usize| toml_text[..at.min(toml_text.len())].matches('\n').count() + 2;
    let table: toml::Table = toml_text.parse().map_err(|err: toml::de::Error| {
        let line = err.span().map_or(2, |span| line_of(span.start));
        header_error(
            line,
            format!("front matter is not valid TOML: {}", err.message()),
        )
    })?;
    let key_line = |key: &str| {
        toml_text
            .lines()
            .position(|line| {
                line.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map_or(1, |index| index + 2)
    };
    let mut meta = Meta::default();
    for (key, value) in &table {
        let key = key.to_ascii_lowercase();
        let text = match value {
            toml::Value::String(text) => text.clone(),
            toml::Value::Datetime(date) => date.to_string(),
            toml::Value::Integer(number) => number.to_string(),
            _ => continue,
        };
        set_key(&mut meta, &key, &text, &key_line);
    }
    Ok((meta, body_start))
}

/// Sets the header value of front-matter `key` (lower-case) from its text; `key_line` gives a
/// key's line in the file, for errors about its value. Keys claimlint does not read are left.
fn set_key(meta: &mut Meta, key: &str, text: &str, key_line: &dyn Fn(&str) -> usize) {
    match key {
        "title" => meta.title = non_empty(text),
        "date" => {
            meta.date = Some(text.trim().to_owned());
            meta.date_line = key_line("date");
        }
        "id" => meta.id = non_empty(text),
        "country" => {
            meta.country = Some(text.trim().to_owned());
            meta.country_line = key_line("country");
        }
        "canonical_url" | "canonical" => meta.canonical_url = non_empty(text),
        "lang" => meta.lang = non_empty(text),
        _ => {}
    }
}
