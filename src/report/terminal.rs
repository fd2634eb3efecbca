//! Article text made safe and measurable for a terminal: the one place that decides how a
//! character of an article is shown in human output, and how many columns it takes.
//!
//! An article may hold anything a broken export or a hostile sender put there. Control
//! characters (C0 but tab and line feed, DEL, C1) and the bidirectional-override characters
//! that reorder what a reader sees are shown as escapes (`\x1b`, `\u{202e}`), as ripgrep and
//! ruff do, so nothing in an article can retitle, recolour or clear the terminal or hide text.
//! Tabs become spaces. Widths come from `unicode-width`, measuring strings rather than single
//! characters: CJK and emoji (sequences included) take two columns, combining marks none, so
//! carets under a snippet and table columns stay where the terminal draws the text.

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

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

/// Characters as one line of a snippet or a table shows them: escaped, tabs as spaces, a
/// line feed as a space.
pub fn show_line(chars: impl IntoIterator<Item = char>) -> String {
    let mut text = String::new();
    for c in chars {
        if c == '\n' {
            text.push(' ');
        } else {
            shown(c, &mut text);
        }
    }
    text
}

/// Columns that text already shown by [`show_line`] takes. `unicode-width` measures the
/// string, not each character: an emoji sequence (👨‍👩‍👧, ❤️, 🇮🇹) takes the two columns a
/// terminal draws, not the sum of its characters' widths.
pub fn shown_width(shown: &str) -> usize {
    shown.width()
}

/// Columns the text takes once shown (escaped).
pub fn width(text: &str) -> usize {
    shown_width(&show_line(text.chars()))
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
        assert_eq!(show_line(['\u{1b}', '\n']), "\\x1b ");
    }

    #[test]
    fn an_emoji_sequence_takes_the_two_columns_a_terminal_draws() {
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        assert_eq!(width(family), 2, "three emoji joined by ZWJ");
        assert_eq!(
            width("\u{2764}\u{fe0f}"),
            2,
            "a heart in emoji presentation"
        );
        assert_eq!(
            width("\u{1f1ee}\u{1f1f9}"),
            2,
            "a flag: two regional indicators"
        );
        assert_eq!(width("\u{1f44d}\u{1f3fd}"), 2, "a thumb with a skin tone");
    }
}
