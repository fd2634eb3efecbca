//! Raw bytes → UTF-8 text with LF line ends: the encodings claimlint accepts, and the ones it
//! names instead of guessing.
//!
//! UTF-8 is the format (a UTF-8 byte-order mark is stripped). UTF-16 is accepted only with its
//! byte-order mark (`FF FE` little-endian, `FE FF` big-endian, as Word and Notepad write it),
//! because only the mark makes it certain. Every other encoding is refused with the position of
//! the first byte that is not UTF-8; when the file reads like 8-bit Windows-1252 or Latin-1 text
//! the message says so and how to convert it, but claimlint never transcodes such a file itself:
//! the two (and their cousins) differ on exactly the bytes newsroom text uses (curly quotes,
//! dashes, the euro sign), so a silent guess would change the figures' context unseen.
//! **Offsets in these errors count bytes in the file**, BOM included, so a hex editor finds them.

use std::fmt;

use super::InputError;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16_LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16_BE_BOM: &[u8] = b"\xFE\xFF";

/// Bytes that Windows-1252 leaves undefined: a file holding them is not 1252 text.
const UNDEFINED_IN_WINDOWS_1252: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

/// What a byte sequence that is not UTF-8 most likely is: the advice at the end of
/// [`InputError::NotUtf8`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotUtf8Hint {
    /// Text in an 8-bit encoding (Windows-1252, Latin-1): no control bytes, the bad byte is a
    /// letter or punctuation there.
    Legacy8Bit,
    /// The file ends inside a multi-byte UTF-8 character: it was cut short.
    Truncated,
    /// Nothing more specific can be said.
    Unknown,
}

impl fmt::Display for NotUtf8Hint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NotUtf8Hint::Legacy8Bit => {
                "it looks like Windows-1252 or Latin-1 text: save it as UTF-8 \
                 (for example: iconv -f WINDOWS-1252 -t UTF-8 FILE > NEW-FILE)"
            }
            NotUtf8Hint::Truncated => {
                "the file ends in the middle of a character (was it cut short?)"
            }
            NotUtf8Hint::Unknown => "save the file as UTF-8",
        })
    }
}

/// BOM handling, UTF-8 or UTF-16 decoding, NUL check, CRLF/CR → LF.
pub(super) fn decode_text(bytes: &[u8], source_name: &str) -> Result<String, InputError> {
    if let Some(content) = bytes.strip_prefix(UTF16_LE_BOM) {
        return decode_utf16(content, u16::from_le_bytes, UTF16_LE_BOM.len(), source_name);
    }
    if let Some(content) = bytes.strip_prefix(UTF16_BE_BOM) {
        return decode_utf16(content, u16::from_be_bytes, UTF16_BE_BOM.len(), source_name);
    }
    decode_utf8(bytes, source_name)
}

fn decode_utf8(bytes: &[u8], source_name: &str) -> Result<String, InputError> {
    let bom_len = if bytes.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else {
        0
    };
    let content = &bytes[bom_len..];
    let line_at = |offset: usize| 1 + content[..offset].iter().filter(|&&b| b == b'\n').count();
    let first_nul = content.iter().position(|&b| b == 0);
    let text = match std::str::from_utf8(content) {
        Ok(text) => text,
        Err(err) if first_nul.is_none_or(|nul| err.valid_up_to() < nul) => {
            let offset = err.valid_up_to();
            let byte = content[offset];
            // A cut UTF-8 character keeps its lead byte and some continuation bytes; a lone
            // lead byte at the very end is as likely a Latin-1 letter ("perch\xe8").
            let unfinished = err.error_len().is_none();
            let hint = if unfinished && content.len() - offset >= 2 {
                NotUtf8Hint::Truncated
            } else if looks_like_legacy_8bit(content, byte) {
                NotUtf8Hint::Legacy8Bit
            } else if unfinished {
                NotUtf8Hint::Truncated
            } else {
                NotUtf8Hint::Unknown
            };
            return Err(InputError::NotUtf8 {
                source_name: source_name.to_owned(),
                offset: bom_len + offset,
                line: line_at(offset),
                byte,
                hint,
            });
        }
        Err(_) => "",
    };
    if let Some(offset) = first_nul {
        return Err(InputError::NulByte {
            source_name: source_name.to_owned(),
            offset: bom_len + offset,
            line: line_at(offset),
        });
    }
    Ok(normalise_line_ends(text))
}

/// True when `content` reads like 8-bit text: no control bytes but tab, line ends and form
/// feed, and the first bad byte is a character in Windows-1252 (Latin-1 agrees from 0xA0).
fn looks_like_legacy_8bit(content: &[u8], bad_byte: u8) -> bool {
    !UNDEFINED_IN_WINDOWS_1252.contains(&bad_byte)
        && content
            .iter()
            .all(|&b| (b >= 0x20 && b != 0x7F) || matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
}

/// Decodes UTF-16 code units (after the BOM) to a String; `unit` reads one code unit from
/// two bytes in the file's byte order.
fn decode_utf16(
    content: &[u8],
    unit: fn([u8; 2]) -> u16,
    bom_len: usize,
    source_name: &str,
) -> Result<String, InputError> {
    let units = content.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(content.len());
    let mut units_read = 0;
    let mut line = 1;
    for decoded in char::decode_utf16(units) {
        let offset = bom_len + 2 * units_read;
        match decoded {
            Ok('\0') => {
                return Err(InputError::NulByte {
                    source_name: source_name.to_owned(),
                    offset,
                    line,
                });
            }
            Ok(c) => {
                if c == '\n' {
                    line += 1;
                }
                units_read += c.len_utf16();
                text.push(c);
            }
            Err(err) => {
                return Err(InputError::Utf16 {
                    source_name: source_name.to_owned(),
                    problem: format!("unpaired surrogate 0x{:04X}", err.unpaired_surrogate()),
                    offset,
                    line,
                });
            }
        }
    }
    if content.len() % 2 == 1 {
        return Err(InputError::Utf16 {
            source_name: source_name.to_owned(),
            problem: "odd number of bytes, the last character is cut in half".to_owned(),
            offset: bom_len + content.len() - 1,
            line,
        });
    }
    Ok(normalise_line_ends(&text))
}

/// CRLF and lone CR become LF; text without CR is copied as is.
fn normalise_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_owned();
    }
    let mut normalised = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            normalised.push('\n');
        } else {
            normalised.push(c);
        }
    }
    normalised
}
