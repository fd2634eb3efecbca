//! What the two HTML pages (check and diff) share: the page frame with its Content-Security-
//! Policy, the inline stylesheet and script, the claim-kind legend, and [`marked_text`], which
//! writes a draft's text with marks around byte spans.
//!
//! The one design choice: a page is self-contained and cannot reach out. The CSP admits only
//! the page's own stylesheet and script, by their SHA-256 hashes (no `'unsafe-inline'`), and
//! nothing else (`default-src 'none'`), so even a bug that let markup from an article through
//! could neither run a script nor load an image, font or frame. Every text goes through
//! [`super::html_escape`].

use sha2::{Digest, Sha256};

use super::html_escape::{base64, escape, push_escaped};
use crate::model::ClaimKind;

/// The inline stylesheet, screen and print.
pub(super) const STYLE: &str = include_str!("html/style.css");
/// The inline script: relation and pair highlighting; the page works without it.
pub(super) const SCRIPT: &str = include_str!("html/script.js");

fn csp_hash(source: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(source.as_bytes())))
}

/// The policy in the page's `<meta http-equiv="Content-Security-Policy">`.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; style-src {}; script-src {}; img-src 'none'; base-uri 'none'; form-action 'none'",
        csp_hash(STYLE),
        csp_hash(SCRIPT)
    )
}

/// Everything up to and including `<body>`, then the page header with `title` and `meta`
/// (plain text, escaped here) and the claim-kind legend.
pub(super) fn page_start(page: &str, lang: Option<&str>, title: &str, meta: &[String]) -> String {
    let mut html = String::with_capacity(STYLE.len() + 2048);
    html.push_str("<!DOCTYPE html>\n<html");
    if let Some(lang) = lang {
        html.push_str(&format!(" lang=\"{}\"", escape(lang)));
    }
    html.push_str(&format!(
        " data-page=\"{page}\">\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"claimlint {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&content_security_policy()),
        env!("CARGO_PKG_VERSION"),
        escape(title),
    ));
    html.push_str(
        "<a class=\"skip\" href=\"#main\">Skip to the report</a>\n<header class=\"page\">\n",
    );
    html.push_str(&format!("<h1>{}</h1>\n", escape(title)));
    for line in meta {
        html.push_str(&format!("<p class=\"meta\">{}</p>\n", escape(line)));
    }
    html.push_str(&kind_legend());
    html.push_str("</header>\n<main id=\"main\">\n");
    html
}

/// Closes `<main>`, adds the footer and the script, and ends the document.
pub(super) fn page_end(footer: &str) -> String {
    format!(
        "</main>\n<footer class=\"page\">{}</footer>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        escape(footer)
    )
}

/// One colour per claim kind, as the marks use them.
fn kind_legend() -> String {
    let mut html = String::from("<ul class=\"legend\" aria-label=\"Claim kinds\">");
    for kind in ClaimKind::ALL {
        html.push_str(&format!(
            "<li data-kind=\"{kind}\"><span class=\"swatch kind-{kind}\" aria-hidden=\"true\"></span>{kind}</li>"
        ));
    }
    html.push_str("</ul>\n");
    html
}

/// A panel heading, `title (count)`, followed by `empty` as a note when `count` is 0.
pub(super) fn panel_heading(title: &str, count: usize, empty: &str) -> String {
    let mut html = format!("<h3>{} ({count})</h3>\n", escape(title));
    if count == 0 {
        html.push_str(&format!("<p class=\"empty\">{}</p>\n", escape(empty)));
    }
    html
}

/// A panel of items: its heading, then the `empty` note or the items inside `list` (an opening
/// `<ul …>` or `<ol …>` tag), each item written by `item` from its index and itself.
pub(super) fn list_panel<T>(
    title: &str,
    empty: &str,
    items: &[T],
    list: &str,
    mut item: impl FnMut(usize, &T) -> String,
) -> String {
    let mut html = panel_heading(title, items.len(), empty);
    if items.is_empty() {
        return html;
    }
    html.push_str(list);
    html.push('\n');
    for (index, each) in items.iter().enumerate() {
        html.push_str(&item(index, each));
    }
    html.push_str(if list.starts_with("<ol") {
        "</ol>\n"
    } else {
        "</ul>\n"
    });
    html
}

/// A mark around `text[start..end]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Mark {
    pub start: usize,
    pub end: usize,
    /// The opening tag, whole (its attribute values escaped by whoever built it).
    pub open: String,
    /// The closing tag.
    pub close: &'static str,
    /// Markup written right after the closing tag (links to the findings on the claim).
    pub after: String,
}

/// `text` escaped, with every mark's `open` … `close` around its span. Marks are nested, never
/// interleaved: a mark that starts inside another and ends past it is cut at the outer one's
/// end, so every mark is written. A span that is empty, past the text or not on character
/// boundaries is skipped.
pub(super) fn marked_text(text: &str, marks: &[Mark]) -> String {
    let mut marks: Vec<&Mark> = marks
        .iter()
        .filter(|mark| {
            mark.start < mark.end
                && mark.end <= text.len()
                && text.is_char_boundary(mark.start)
                && text.is_char_boundary(mark.end)
        })
        .collect();
    marks.sort_by_key(|mark| (mark.start, std::cmp::Reverse(mark.end)));
    let mut html = String::with_capacity(text.len() * 2);
    let mut written = 0;
    let mut open: Vec<(usize, &Mark)> = Vec::new();
    let close_until =
        |html: &mut String, open: &mut Vec<(usize, &Mark)>, written: &mut usize, at| {
            while let Some(&(end, mark)) = open.last() {
                if end > at {
                    break;
                }
                push_escaped(html, &text[*written..end]);
                *written = end;
                html.push_str(mark.close);
                html.push_str(&mark.after);
                open.pop();
            }
        };
    for mark in marks {
        close_until(&mut html, &mut open, &mut written, mark.start);
        push_escaped(&mut html, &text[written..mark.start]);
        written = mark.start;
        let end = open
            .last()
            .map_or(mark.end, |&(outer, _)| mark.end.min(outer));
        html.push_str(&mark.open);
        open.push((end, mark));
    }
    close_until(&mut html, &mut open, &mut written, usize::MAX);
    push_escaped(&mut html, &text[written..]);
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, name: &str) -> Mark {
        Mark {
            start,
            end,
            open: format!("<{name}>"),
            close: "</m>",
            after: String::new(),
        }
    }

    #[test]
    fn marks_wrap_their_spans_and_the_rest_is_escaped() {
        let text = "a <b> 12% & 3 €";
        let html = marked_text(text, &[mark(6, 9, "p"), mark(12, 17, "c")]);
        assert_eq!(html, "a &lt;b&gt; <p>12%</m> &amp; <c>3 €</m>");
    }

    #[test]
    fn a_mark_inside_another_is_nested_and_an_overlapping_one_is_cut() {
        let text = "0123456789";
        assert_eq!(
            marked_text(text, &[mark(2, 8, "o"), mark(3, 5, "i")]),
            "01<o>2<i>34</m>567</m>89"
        );
        assert_eq!(
            marked_text(text, &[mark(2, 5, "o"), mark(4, 8, "x")]),
            "01<o>23<x>4</m></m>56789"
        );
    }

    #[test]
    fn spans_off_character_boundaries_or_past_the_text_are_skipped() {
        let text = "€5";
        assert_eq!(marked_text(text, &[mark(1, 4, "x"), mark(3, 9, "y")]), "€5");
    }

    #[test]
    fn markup_after_a_mark_follows_its_closing_tag() {
        let mut with_link = mark(0, 1, "m");
        with_link.after = "<a href=\"#f1\">1</a>".into();
        assert_eq!(
            marked_text("7 x", &[with_link]),
            "<m>7</m><a href=\"#f1\">1</a> x"
        );
    }

    #[test]
    fn the_policy_admits_only_the_inline_style_and_script() {
        let policy = content_security_policy();
        assert!(policy.starts_with("default-src 'none';"), "{policy}");
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        assert_eq!(policy.matches("'sha256-").count(), 2, "{policy}");
        let start = page_start("check", Some("it"), "t <x>", &[]);
        assert!(start.contains(&escape(&policy)));
        assert!(start.contains("<title>t &lt;x&gt;</title>"));
        assert!(start.contains(&format!("<style>{STYLE}</style>")));
    }
}
