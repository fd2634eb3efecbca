//! One pass over the bytes of the body: words, number literals and single symbols.
//!
//! Whitespace is skipped, so two consecutive tokens are separated by whitespace only (or are
//! adjacent). ASCII bytes are classified without decoding; only non-ASCII characters are
//! decoded. A word starts with a letter and runs over letters and digits ("G20" is one word), so
//! a number never starts glued to a preceding letter. Numbers are parsed at once with the
//! language's separator convention (see `numbers/number.rs`).

use crate::extract::lang::lexicon;
use crate::extract::numbers::number::{NumberLit, parse_number_at, sign_at};
use crate::extract::numbers::vulgar::with_vulgar_fraction;
use crate::model::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// `ascii`: the word is ASCII letters and digits only, so its lower-cased form is the same
    /// bytes of the ASCII-lower-cased text (most words of prose); recognisers then look it up
    /// without copying.
    Word { ascii: bool },
    /// Index into the number literals.
    Number(u32),
    /// Any other non-space character.
    Symbol(char),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

/// Splits `text[from..]` into `tokens` and `numbers` (both cleared first; passed in so that
/// their allocations are reused from text to text); offsets are into `text`. `from` must be a
/// char boundary.
pub fn tokenize_into(
    text: &str,
    from: usize,
    lang: Lang,
    tokens: &mut Vec<Token>,
    numbers: &mut Vec<NumberLit>,
) {
    let bytes = text.as_bytes();
    tokens.clear();
    numbers.clear();
    tokens.reserve(text.len().saturating_sub(from) / 5);
    let mut pos = from;
    while pos < bytes.len() {
        let byte = bytes[pos];
        if byte.is_ascii_whitespace() {
            pos += 1;
            continue;
        }
        // Most tokens are words, and no number starts with a letter: words are split off
        // first.
        if byte.is_ascii_alphabetic() {
            let (end, ascii) = word_end(text, pos);
            tokens.push(Token {
                start: pos,
                end,
                kind: TokenKind::Word { ascii },
            });
            pos = end;
            continue;
        }
        // A bracket or quote before a sign or a decimal point does not glue it to a word:
        // "(-2,7%)", "«+3%»".
        let after_opener = text[..pos]
            .chars()
            .next_back()
            .is_some_and(|c| matches!(c, '(' | '[' | '{' | '"' | '\'' | '«' | '“' | '‘'));
        let glued_to_previous =
            !after_opener && tokens.last().is_some_and(|t: &Token| t.end == pos);
        let separator = if lexicon(lang).numbers.decimal_comma {
            b','
        } else {
            b'.'
        };
        let starts_number = byte.is_ascii_digit()
            // ".25", ",5": a decimal without its leading zero, after a space.
            || (byte == separator
                && !glued_to_previous
                && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit))
            || (!glued_to_previous
                && sign_at(bytes, pos)
                    .is_some_and(|(_, len)| bytes.get(pos + len).is_some_and(u8::is_ascii_digit)));
        if starts_number {
            if let Some(number) = parse_number_at(text, pos, lang) {
                let number = with_vulgar_fraction(text, number);
                let end = number.end;
                tokens.push(Token {
                    start: pos,
                    end,
                    kind: TokenKind::Number(numbers.len() as u32),
                });
                numbers.push(number);
                pos = end;
            } else {
                // Too long for an exact decimal: skip the whole run.
                pos += 1;
                while pos < bytes.len() && (bytes[pos].is_ascii_digit()) {
                    pos += 1;
                }
            }
            continue;
        }
        if byte < 0x80 {
            tokens.push(Token {
                start: pos,
                end: pos + 1,
                kind: TokenKind::Symbol(byte as char),
            });
            pos += 1;
            continue;
        }
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if c.is_alphabetic() {
            let (end, ascii) = word_end(text, pos);
            tokens.push(Token {
                start: pos,
                end,
                kind: TokenKind::Word { ascii },
            });
            pos = end;
        } else if c.is_whitespace() {
            pos += len;
        } else {
            tokens.push(Token {
                start: pos,
                end: pos + len,
                kind: TokenKind::Symbol(c),
            });
            pos += len;
        }
    }
}

/// What a byte means inside a word: the inner loop of the tokenizer looks each byte up once
/// instead of testing ranges.
#[derive(Clone, Copy, PartialEq, Eq)]
enum WordByte {
    /// ASCII that is not a letter or digit: the word ends.
    Stop,
    /// `a`-`z`, `A`-`Z`, `0`-`9`.
    Ascii,
    /// Part of a multi-byte character: decoded to decide.
    NonAscii,
}

const WORD_BYTES: [WordByte; 256] = {
    let mut table = [WordByte::Stop; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = match byte as u8 {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => WordByte::Ascii,
            0x80..=0xFF => WordByte::NonAscii,
            _ => WordByte::Stop,
        };
        byte += 1;
    }
    table
};

/// End of the word starting at `pos` (letters and digits, ASCII or not), and whether it is
/// all ASCII.
#[inline]
fn word_end(text: &str, pos: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut end = pos;
    let mut ascii = true;
    while end < bytes.len() {
        // Most of a word is ASCII letters and digits: a tight run over it first.
        while bytes
            .get(end)
            .is_some_and(|&byte| WORD_BYTES[byte as usize] == WordByte::Ascii)
        {
            end += 1;
        }
        let Some(&byte) = bytes.get(end) else {
            break;
        };
        match WORD_BYTES[byte as usize] {
            WordByte::Ascii => end += 1,
            WordByte::Stop => break,
            WordByte::NonAscii => match text[end..].chars().next() {
                Some(c) if c.is_alphanumeric() => {
                    ascii = false;
                    end += c.len_utf8();
                }
                _ => break,
            },
        }
    }
    (end, ascii)
}

/// Lower-cases a word into `buffer`; `None` if it does not fit (no lexicon word is that long).
pub fn lower_into<'b>(word: &str, buffer: &'b mut [u8; 48]) -> Option<&'b str> {
    if word.len() > buffer.len() {
        return None;
    }
    if word.is_ascii() {
        let out = &mut buffer[..word.len()];
        out.copy_from_slice(word.as_bytes());
        out.make_ascii_lowercase();
        return std::str::from_utf8(out).ok();
    }
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let width = c.len_utf8();
        if len + width > buffer.len() {
            return None;
        }
        c.encode_utf8(&mut buffer[len..len + width]);
        len += width;
    }
    std::str::from_utf8(&buffer[..len]).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TokenKind, &str)> {
        let (mut tokens, mut numbers) = (Vec::new(), Vec::new());
        tokenize_into(text, 0, Lang::It, &mut tokens, &mut numbers);
        tokens
            .iter()
            .map(|t| (t.kind, &text[t.start..t.end]))
            .collect()
    }

    #[test]
    fn words_numbers_and_symbols() {
        let toks = kinds("dell'80% di 1,9 miliardi (€)");
        let texts: Vec<&str> = toks.iter().map(|t| t.1).collect();
        assert_eq!(
            texts,
            [
                "dell", "'", "80", "%", "di", "1,9", "miliardi", "(", "€", ")"
            ]
        );
        assert_eq!(toks[2].0, TokenKind::Number(0));
        assert_eq!(toks[0].0, TokenKind::Word { ascii: true });
    }

    #[test]
    fn glued_letters_and_digits() {
        let texts: Vec<&str> = kinds("G20 75mo 1.91bn").iter().map(|t| t.1).collect();
        assert_eq!(texts, ["G20", "75", "mo", "1.91", "bn"]);
        let ascii: Vec<bool> = kinds("G20 mo città euro Euro È")
            .iter()
            .map(|t| t.0 == TokenKind::Word { ascii: true })
            .collect();
        assert_eq!(ascii, [true, true, false, true, true, false]);
    }

    #[test]
    fn sign_only_when_not_glued() {
        let texts: Vec<&str> = kinds("2019-2020 +3 −4").iter().map(|t| t.1).collect();
        assert_eq!(texts, ["2019", "-", "2020", "+3", "−4"]);
    }

    #[test]
    fn lower_into_handles_accents() {
        let mut buffer = [0u8; 48];
        assert_eq!(lower_into("VENTITRÉ", &mut buffer), Some("ventitré"));
        assert_eq!(lower_into(&"x".repeat(60), &mut buffer), None);
    }
}
