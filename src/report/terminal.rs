//! Article text made safe and measurable for a terminal: the one place that decides how a
//! character of an article is shown in human output, and how many columns it takes.
//!
//! An article may hold anything a broken export or a hostile sender put there. Control
//! characters (C0 but tab and line feed, DEL, C1) and the bidirectional-override characters
//! that reorder what a reader sees are shown as escapes (`\x1b`, `\u{202e}`), as ripgrep and
//! ruff do, so nothing in an article can retitle, recolour or clear the terminal or hide text.
//! Tabs become spaces. Widths come from `unicode-width`: CJK and most emoji take two columns,
//! combining marks none, so carets under a snippet stay under the characters they mark.

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

/// Columns a tab takes in a snippet.
const TAB_WIDTH: usize = 4;

/// True for a character that must not reach a terminal as it is.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// How one character of an article is shown (inside a line).
fn shown(c: char, out: &mut String) {
    if c == '\t' {
        out.extend(std::iter::repeat_n(' ', TAB_WIDTH));
    } else if is_unsafe(c) {
        if (c as u32) < 0x100 {
            let _ = write!(out, "\\x{:02x}", c as u32);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    } else {
        out.push(c);
    }
}

/// The text with every unsafe character escaped and tabs as spaces (line feeds kept); borrowed
/// when there is nothing to change.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c == '\t' || is_unsafe(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if c == '\n' {
            out.push('\n');
        } else {
            shown(c, &mut out);
        }
    }
    Cow::Owned(out)
}

/// One character as a snippet shows it: the text printed and the columns it takes.
pub fn cell(c: char) -> (String, usize) {
    let mut text = String::new();
    if c == '\n' {
        text.push(' ');
    } else {
        shown(c, &mut text);
    }
    let width = if text.chars().count() == 1 {
        text.chars()
            .next()
            .and_then(UnicodeWidthChar::width)
            .unwrap_or(0)
    } else {
        // An escape or a tab: ASCII, one column per character.
        text.len()
    };
    (text, width)
}

/// Columns the text takes once shown (escaped).
pub fn width(text: &str) -> usize {
    text.chars().map(|c| cell(c).1).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_sent() {
        let title = "Utile \u{1b}]0;pwned\u{7}netto \u{1b}[31m+12%\u{1b}[0m \u{9b}2J";
        let shown = escape(title);
        assert_eq!(
            shown,
            "Utile \\x1b]0;pwned\\x07netto \\x1b[31m+12%\\x1b[0m \\x9b2J"
        );
        assert!(!shown.chars().any(|c| c.is_control()));
        assert_eq!(escape("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert!(matches!(escape("plain 12% text"), Cow::Borrowed(_)));
        assert_eq!(escape("a\tb\nc"), "a    b\nc");
    }

    #[test]
    fn widths_follow_what_the_terminal_draws() {
        assert_eq!(width("12%"), 3);
        assert_eq!(width("東京 5%"), 7);
        assert_eq!(width("e\u{301}"), 1, "a combining accent takes no column");
        assert_eq!(width("📈"), 2);
        assert_eq!(width("\t"), TAB_WIDTH);
        assert_eq!(width("\u{1b}"), 4);
        assert_eq!(cell('\u{1b}'), ("\\x1b".to_owned(), 4));
    }
}
