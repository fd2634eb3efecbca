//! HTML → prose: the article body's text as a browser would lay it out, without the page
//! around it.
//!
//! The page is tokenized twice with html5gum (a WHATWG tokenizer that gives every token its
//! byte span; scripts and styles are switched to raw text as a browser would): the first pass
//! reads the header values and finds whether the page has a `<main>` or an `<article>`
//! outside dropped elements; the second writes the prose of the body — only `<main>` if there
//! is one, else only the `<article>`s, else the whole `<body>`. **There is no tree: only the
//! elements that matter (the dropped ones, `main`, `article`) are tracked on a stack**, and an
//! end tag closes the innermost open element of its name with everything opened inside it,
//! which is how unclosed `<p>`, `<li>` and friends need no repair. The tokenizer has decoded
//! the entities of a text run; aligning the decoded run with its source ([`align`]) maps each
//! entity to where it starts. Whitespace runs collapse to one space, as browsers render them.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use align::{Piece, align};

use super::{Converted, Meta, non_empty};
use crate::document::{Format, SourceMapBuilder, SuppressionTracker, parse_directive};

/// Elements whose content is not the article's prose (page furniture and code). A `header` inside `<main>` or
/// `<article>` is the article's own (its headline) and is kept.
#[rustfmt::skip]
const DROPPED: &[&[u8]] = &[
    b"script", b"style", b"noscript", b"template", b"nav", b"aside", b"footer", b"header",
    b"form", b"button", b"svg", b"head", b"title", b"iframe", b"select", b"textarea", b"object",
    b"canvas", b"math", b"dialog",
    // Code, as in Markdown: a listing's or a snippet's figures are no claims.
    b"pre", b"code", b"kbd", b"samp",
];

/// Elements that end a block of prose at their start and end tags (a sentence ends there).
#[rustfmt::skip]
const BLOCKS: &[&[u8]] = &[
    b"address", b"article", b"aside", b"blockquote", b"body", b"caption", b"center", b"dd",
    b"details", b"dialog", b"div", b"dl", b"dt", b"fieldset", b"figcaption", b"figure",
    b"footer", b"form", b"h1", b"h2", b"h3", b"h4", b"h5", b"h6", b"header", b"hgroup", b"hr",
    b"html", b"legend", b"li", b"main", b"nav", b"ol", b"p", b"pre", b"section", b"summary",
    b"table", b"tbody", b"td", b"tfoot", b"th", b"thead", b"tr", b"ul", b"head", b"title",
];

/// `<meta>` names (or properties) read as the date, in order of preference.
const DATE_META: &[&str] = &["date", "article:published_time", "dc.date", "dcterms.date"];
/// `<meta>` names (or properties) read as the title, before `<title>`, in order of preference.
const TITLE_META: &[&str] = &["title", "og:title", "dc.title"];

/// Deeper nesting of tracked elements than this is not tracked (hostile input only).
const MAX_TRACKED_DEPTH: usize = 256;

mod align;

#[cfg(test)]
pub(super) use align::align_for_test;

/// Converts a decoded HTML page.
pub(super) fn convert(source: &str) -> Converted {
    let head = scan(source);
    let mut builder = SourceMapBuilder::new(Format::Html, source);
    let mut open = OpenElements::default();
    let mut directives = SuppressionTracker::default();
    for token in tokens(source) {
        match token {
            // A directive counts wherever its comment is (before `<main>` too): it applies to
            // the prose from where the converter has got to.
            Token::Comment(comment) => {
                if let Some(directive) = parse_directive(&String::from_utf8_lossy(&comment.value)) {
                    let (line, _) = builder.source_position(comment.span.start);
                    directives.directive(directive, builder.text().len(), line);
                }
            }
            Token::StartTag(tag) => {
                let name = &tag.name[..];
                if BLOCKS.contains(&name) {
                    builder.end_block(tag.span.start);
                } else if name == b"br" && open.shows(head.body) {
                    builder.line_break(tag.span.start);
                }
                if !tag.self_closing {
                    open.start(name);
                }
            }
            Token::EndTag(tag) => {
                let name = &tag.name[..];
                if BLOCKS.contains(&name) {
                    builder.end_block(tag.span.start);
                }
                open.end(name);
            }
            Token::String(run) if open.shows(head.body) => {
                let decoded = String::from_utf8_lossy(&run.value);
                match source.get(run.span.start..run.span.end) {
                    Some(raw) => align(raw, run.span.start, &decoded, &mut |piece| {
                        write_collapsed(&mut builder, piece)
                    }),
                    None => {
                        write_collapsed(&mut builder, Piece::Produced(&decoded, run.span.start))
                    }
                }
            }
            _ => {}
        }
    }
    let (text, map) = builder.finish();
    Converted {
        suppressions: directives.finish(&text),
        text,
        map,
        meta: head.meta,
    }
}

fn tokens(source: &str) -> impl Iterator<Item = Token<usize>> + '_ {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(source, emitter).filter_map(Result::ok)
}

/// Which part of the page is the article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Body {
    Whole,
    Main,
    Articles,
}

struct Head {
    meta: Meta,
    body: Body,
}

/// The first pass: header values, and where the body is.
fn scan(source: &str) -> Head {
    let mut meta = Meta::default();
    let mut date_rank = usize::MAX;
    let mut title_rank = usize::MAX;
    let mut page_title: Option<String> = None;
    let mut in_title = false;
    let (mut has_main, mut has_article) = (false, false);
    let mut open = OpenElements::default();
    let line_of = |offset: usize| {
        1 + memchr::memchr_iter(b'\n', &source.as_bytes()[..offset.min(source.len())]).count()
    };
    for token in tokens(source) {
        match token {
            Token::StartTag(tag) => {
                let attribute = |name: &str| {
                    tag.attributes
                        .get(name.as_bytes())
                        .map(|value| String::from_utf8_lossy(&value.value).into_owned())
                };
                match &tag.name[..] {
                    b"html" => meta.lang = attribute("lang").as_deref().and_then(non_empty),
                    b"meta" => {
                        let key = attribute("name")
                            .or_else(|| attribute("property"))
                            .unwrap_or_default()
                            .to_ascii_lowercase();
                        let Some(content) = attribute("content").as_deref().and_then(non_empty)
                        else {
                            continue;
                        };
                        if let Some(rank) = DATE_META.iter().position(|&name| name == key) {
                            if rank < date_rank {
                                date_rank = rank;
                                meta.date = Some(content);
                                meta.date_line = line_of(tag.span.start);
                            }
                        } else if let Some(rank) = TITLE_META.iter().position(|&name| name == key) {
                            if rank < title_rank {
                                title_rank = rank;
                                meta.title = Some(content);
                            }
                        } else if key == "country" {
                            meta.country = Some(content);
                            meta.country_line = line_of(tag.span.start);
                        }
                    }
                    b"link" => {
                        let canonical = attribute("rel").is_some_and(|rel| {
                            rel.split_ascii_whitespace()
                                .any(|word| word.eq_ignore_ascii_case("canonical"))
                        });
                        if canonical && meta.canonical_url.is_none() {
                            meta.canonical_url = attribute("href").as_deref().and_then(non_empty);
                        }
                    }
                    b"title" => in_title = page_title.is_none(),
                    b"main" if open.skipped == 0 => has_main = true,
                    b"article" if open.skipped == 0 => has_article = true,
                    _ => {}
                }
                if !tag.self_closing {
                    open.start(&tag.name);
                }
            }
            Token::EndTag(tag) => {
                if &tag.name[..] == b"title" {
                    in_title = false;
                }
                open.end(&tag.name);
            }
            Token::String(run) if in_title => {
                let text = String::from_utf8_lossy(&run.value);
                let title = page_title.get_or_insert_with(String::new);
                title.push_str(&text);
            }
            _ => {}
        }
    }
    if meta.title.is_none() {
        meta.title = page_title
            .map(|title| title.split_ascii_whitespace().collect::<Vec<_>>().join(" "))
            .as_deref()
            .and_then(non_empty);
    }
    let body = if has_main {
        Body::Main
    } else if has_article {
        Body::Articles
    } else {
        Body::Whole
    };
    Head { meta, body }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tracked {
    Dropped,
    Main,
    Article,
}

/// The open elements that decide what is prose (see the module docs), with counts by kind.
#[derive(Debug, Default)]
struct OpenElements {
    stack: Vec<(Box<[u8]>, Tracked)>,
    skipped: usize,
    main: usize,
    article: usize,
}

impl OpenElements {
    /// True when text here is prose of the body.
    fn shows(&self, body: Body) -> bool {
        self.skipped == 0
            && match body {
                Body::Whole => true,
                Body::Main => self.main > 0,
                Body::Articles => self.article > 0,
            }
    }

    fn start(&mut self, name: &[u8]) {
        let tracked = match name {
            b"main" => Tracked::Main,
            b"article" => Tracked::Article,
            b"header" if self.main + self.article > 0 => return,
            _ if DROPPED.contains(&name) => Tracked::Dropped,
            _ => return,
        };
        if self.stack.len() >= MAX_TRACKED_DEPTH {
            return;
        }
        *self.count(tracked) += 1;
        self.stack.push((name.into(), tracked));
    }

    fn end(&mut self, name: &[u8]) {
        let Some(position) = self.stack.iter().rposition(|(open, _)| &open[..] == name) else {
            return;
        };
        for (_, tracked) in self.stack.split_off(position) {
            *self.count(tracked) -= 1;
        }
    }

    fn count(&mut self, tracked: Tracked) -> &mut usize {
        match tracked {
            Tracked::Dropped => &mut self.skipped,
            Tracked::Main => &mut self.main,
            Tracked::Article => &mut self.article,
        }
    }
}

/// HTML's whitespace (not U+00A0, which is a character of the text).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

/// Writes a piece with whitespace runs collapsed to one space; a lone space is copied so
/// that a run of words stays one verbatim segment of the map.
fn write_collapsed(builder: &mut SourceMapBuilder<'_>, piece: Piece<'_>) {
    let source = builder.source();
    let (text, base, copied) = match piece {
        Piece::Copied(range) => (source.get(range.clone()).unwrap_or(""), range.start, true),
        Piece::Produced(text, offset) => (text, offset, false),
    };
    let mut run_start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let space = is_html_space(c);
        if chars
            .peek()
            .is_some_and(|&(_, next)| is_html_space(next) == space)
        {
            continue;
        }
        let run = run_start..index + c.len_utf8();
        run_start = run.end;
        let lone_space = &text[run.clone()] == " ";
        match (copied, space) {
            (true, false) => builder.copy(base + run.start..base + run.end),
            (true, true) if lone_space => {
                let prose = builder.text();
                if !prose.is_empty() && !prose.ends_with(char::is_whitespace) {
                    builder.copy(base + run.start..base + run.end);
                }
            }
            (true, true) => builder.space(base + run.start),
            (false, false) => builder.replace(&text[run], base),
            (false, true) => builder.space(base),
        }
    }
}
