//! Control characters and terminal escape sequences, masked before anything reads the text:
//! text pasted from a terminal or a log carries `ESC[2J`, `ESC[31m`, `ESC]0;title BEL`, whose
//! digits are no figures of the article.
//!
//! In: the text. Out: the same text with every escape sequence and every other C0 or C1
//! control character (tab, line feed, carriage return and form feed excepted) replaced by
//! spaces, **byte for byte**: the masked text has the original's length and every other byte
//! where it was, so offsets need no mapping, and claims around a sequence read as if it were
//! whitespace. A sequence is what a terminal would consume (ECMA-48): `ESC [` (or C1 CSI)
//! with parameter, intermediate and final bytes; `ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _`
//! (or their C1 forms) with a string up to BEL or ST (`ESC \` or C1 ST), never past a line
//! end; `ESC` with intermediates and a final byte; and any lone control. One pass, no
//! allocation when the text has no control character (the usual case).

use std::borrow::Cow;

/// `text` with its control characters and escape sequences replaced by spaces of the same byte
/// length; borrowed when there are none.
pub fn masked(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    let mut at = 0;
    while let Some(candidate) = next_candidate(bytes, at) {
        at = candidate;
        let len = sequence_len(bytes, at);
        if len == 0 {
            at += 1;
            continue;
        }
        let out = out.get_or_insert_with(|| bytes.to_vec());
        out[at..at + len].fill(b' ');
        at += len;
    }
    match out {
        // Only whole characters (ASCII or two-byte C1) became ASCII spaces, and the bytes of a
        // sequence's string are ASCII or whole characters too (see `string_len`).
        Some(out) => Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_owned())),
        None => Cow::Borrowed(text),
    }
}

/// The first byte at or after `from` that may start a control or a sequence (a C0 control
/// byte, DEL, or `C2`, the lead byte of a C1 control). Blocks of bytes that hold none are
/// skipped with one branch each (the test folds over the block without stopping, so it
/// compiles to vector instructions): this scan runs over every text, and byte by byte it
/// was a twentieth of extraction time.
fn next_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    const BLOCK: usize = 32;
    let mut at = from;
    while at < bytes.len() {
        let end = (at + BLOCK).min(bytes.len());
        let block = &bytes[at..end];
        let suspect = block.iter().fold(false, |any, &b| {
            any | (b < 0x20) | (b == 0x7F) | (b == 0xC2)
        });
        // Line feeds and tabs make a block suspect too: only its own bytes are looked at.
        if suspect {
            if let Some(offset) = block.iter().position(|&b| is_control_byte(b) || b == 0xC2) {
                return Some(at + offset);
            }
        }
        at = end;
    }
    None
}

/// A C0 control other than tab, line feed, form feed and carriage return, or DEL.
fn is_control_byte(byte: u8) -> bool {
    matches!(byte, 0x00..=0x08 | 0x0B | 0x0E..=0x1F | 0x7F)
}

/// The C1 control at `at` (U+0080–U+009F, written `C2 80`–`C2 9F`), as its 7-bit `ESC`
/// equivalent's second byte (`[` for CSI, `]` for OSC …).
fn c1_at(bytes: &[u8], at: usize) -> Option<u8> {
    (bytes[at] == 0xC2)
        .then(|| bytes.get(at + 1).copied())
        .flatten()
        .filter(|b| (0x80..=0x9F).contains(b))
        .map(|b| b - 0x40)
}

/// The byte length of the control sequence starting at `at`, 0 when none starts there.
fn sequence_len(bytes: &[u8], at: usize) -> usize {
    let (introducer, after) = match bytes[at] {
        0x1B => match bytes.get(at + 1) {
            Some(&next @ 0x40..=0x5F) => (Some(next), at + 2),
            // nF sequences ("ESC ( B"): intermediates, then one final byte.
            Some(0x20..=0x2F) => {
                let mut end = at + 1;
                while bytes.get(end).is_some_and(|b| (0x20..=0x2F).contains(b)) {
                    end += 1;
                }
                if bytes.get(end).is_some_and(|b| (0x30..=0x7E).contains(b)) {
                    end += 1;
                }
                return end - at;
            }
            // "ESC 7", "ESC c": one final byte.
            Some(0x30..=0x3F | 0x60..=0x7E) => return 2,
            _ => return 1,
        },
        0xC2 => match c1_at(bytes, at) {
            Some(equivalent) => (Some(equivalent), at + 2),
            None => return 0,
        },
        byte if is_control_byte(byte) => return 1,
        _ => return 0,
    };
    let end = match introducer {
        Some(b'[') => csi_end(bytes, after),
        Some(b']' | b'P' | b'X' | b'^' | b'_') => string_end(bytes, after),
        _ => after,
    };
    end - at
}

/// The end of a control sequence's parameters (`0x30–0x3F`), intermediates (`0x20–0x2F`) and
/// final byte (`0x40–0x7E`) from `from`; a sequence cut short ends where it stops matching.
fn csi_end(bytes: &[u8], from: usize) -> usize {
    let mut end = from;
    while bytes.get(end).is_some_and(|b| (0x30..=0x3F).contains(b)) {
        end += 1;
    }
    while bytes.get(end).is_some_and(|b| (0x20..=0x2F).contains(b)) {
        end += 1;
    }
    if bytes.get(end).is_some_and(|b| (0x40..=0x7E).contains(b)) {
        end += 1;
    }
    end
}

/// The end of a command string from `from`, terminator included: BEL, `ESC \` or C1 ST. An
/// unterminated string stops before a line end, another control or a non-ASCII byte that is
/// no C1 control, so it never swallows the article after it (and only whole characters are
/// masked).
fn string_end(bytes: &[u8], from: usize) -> usize {
    let mut end = from;
    while let Some(&byte) = bytes.get(end) {
        match byte {
            0x07 => return end + 1,
            0x1B if bytes.get(end + 1) == Some(&b'\\') => return end + 2,
            0xC2 if bytes.get(end + 1) == Some(&0x9C) => return end + 2,
            0x20..=0x7E => end += 1,
            _ => return end,
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::masked;
    use std::borrow::Cow;

    #[test]
    fn a_control_is_masked_wherever_it_falls_among_blocks() {
        // The scan passes blocks with no suspect byte whole; line feeds make a block
        // suspect without being masked.
        for at in 0..70 {
            let prefix = format!("{}\n", "a".repeat(at));
            for control in ["\x1b[2J", "\u{9b}2J", "\x07", "\x7f"] {
                let text = format!("{prefix}{control}5 e\n{}", "b".repeat(40));
                let out = masked(&text);
                let expected = format!(
                    "{prefix}{}5 e\n{}",
                    " ".repeat(control.len()),
                    "b".repeat(40)
                );
                assert_eq!(out, expected, "{at} {control:?}");
            }
            let clean = format!("{}\n\t«3» e\r\n", "a".repeat(at));
            assert!(matches!(masked(&clean), Cow::Borrowed(_)), "{at}");
        }
    }

    #[test]
    fn escape_sequences_become_spaces_of_their_length() {
        let text = "\x1b[2J\x1b[31m12%\x1b[0m e \x1b]0;titolo 2024\x07fine";
        let out = masked(text);
        assert_eq!(out.len(), text.len());
        let spaces = |n: usize| " ".repeat(n);
        let expected = format!("{}12%{} e {}fine", spaces(9), spaces(4), spaces(16));
        assert_eq!(out, expected);
    }

    #[test]
    fn c1_controls_and_lone_controls_are_masked_whole() {
        let text = "a\u{9b}2Jb\u{1}c\u{7f}d\u{85}e";
        assert_eq!(masked(text), "a    b c d  e");
    }

    #[test]
    fn text_without_controls_is_borrowed_and_layout_controls_stay() {
        let text = "riga 1\tcol\r\nriga 2\x0c più";
        assert!(matches!(masked(text), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn an_unterminated_string_stops_at_the_line_end() {
        let expected = format!("{}\n3 euro", " ".repeat(10));
        assert_eq!(masked("\x1b]0;titolo\n3 euro"), expected);
    }
}
