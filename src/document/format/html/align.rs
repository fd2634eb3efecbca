//! Aligning a text run as the HTML tokenizer decoded it with its source, so that the prose
//! keeps the decoded text while each piece maps to where it stands in the file.
//!
//! The tokenizer hands over a run's decoded text and the byte span of its source, not where
//! each character reference was. Between `&`s the two are identical, so only each `&` needs
//! deciding: a character of the text, or a reference of some length that decoded to one or
//! two characters. **The prose is always the decoded text; only positions are inferred**, so
//! a wrong guess (possible only with references without a semicolon) misplaces a column,
//! never changes a figure.

/// A piece of a decoded text run: copied from the source, or produced for a piece of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    /// `source[range]`, character for character.
    Copied(std::ops::Range<usize>),
    /// Text produced for the source starting at the offset (a decoded entity).
    Produced(&'a str, usize),
}

/// The longest source a character reference takes (`&CounterClockwiseContourIntegral;` is 33).
const MAX_REFERENCE_LEN: usize = 40;

/// Splits `decoded` (the tokenizer's text for `raw`, which starts at byte `start` of the
/// source) into pieces copied from `raw` and entities decoded from it. Text between `&`s is
/// identical in both; an `&` that the text still holds is a character of it; otherwise the
/// longest reference whose decoded characters (one or two) are followed by the same text in
/// both is taken. When nothing fits, the rest is one produced piece at that `&`: the prose is
/// always `decoded`, only positions are inferred.
pub(super) fn align<'a>(
    raw: &str,
    start: usize,
    decoded: &'a str,
    emit: &mut impl FnMut(Piece<'a>),
) {
    let (mut raw_at, mut decoded_at, mut copied_from) = (0, 0, 0);
    while raw_at < raw.len() {
        let next_amp = next_ampersand(raw, raw_at);
        let plain = &raw[raw_at..next_amp];
        if !decoded[decoded_at..].starts_with(plain) {
            break;
        }
        raw_at = next_amp;
        decoded_at += plain.len();
        if raw_at == raw.len() {
            break;
        }
        match match_reference(&raw[raw_at..], &decoded[decoded_at..]) {
            Some(Reference::Literal) => {
                raw_at += 1;
                decoded_at += 1;
            }
            Some(Reference::Decoded {
                source_len,
                text_len,
            }) => {
                if copied_from < raw_at {
                    emit(Piece::Copied(start + copied_from..start + raw_at));
                }
                emit(Piece::Produced(
                    &decoded[decoded_at..decoded_at + text_len],
                    start + raw_at,
                ));
                raw_at += source_len;
                decoded_at += text_len;
                copied_from = raw_at;
            }
            None => break,
        }
    }
    if copied_from < raw_at {
        emit(Piece::Copied(start + copied_from..start + raw_at));
    }
    if decoded_at < decoded.len() {
        emit(Piece::Produced(&decoded[decoded_at..], start + raw_at));
    }
}

fn next_ampersand(raw: &str, from: usize) -> usize {
    memchr::memchr(b'&', &raw.as_bytes()[from..]).map_or(raw.len(), |i| from + i)
}

/// What an `&` of the source turned into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reference {
    /// Nothing: it is a character of the text.
    Literal,
    /// A reference of `source_len` bytes decoded to `text_len` bytes of text.
    Decoded { source_len: usize, text_len: usize },
}

/// At an `&` of the source (`raw`) and the same point of the decoded text: what the `&` is.
fn match_reference(raw: &str, decoded: &str) -> Option<Reference> {
    // True when `decoded_rest` goes on as the source after `source_len` bytes does, up to
    // the next `&` (or to the end, exactly).
    let continues = |source_len: usize, decoded_rest: &str| {
        let after = &raw[source_len..];
        let plain = &after[..next_ampersand(after, 0)];
        decoded_rest.starts_with(plain)
            && (plain.len() < after.len() || decoded_rest.len() == plain.len())
    };
    if decoded.starts_with('&') && continues(1, &decoded[1..]) {
        return Some(Reference::Literal);
    }
    let name_len = raw[1..]
        .bytes()
        .take_while(|byte| byte.is_ascii_alphanumeric() || *byte == b'#')
        .count();
    let semicolon = usize::from(raw.as_bytes().get(1 + name_len) == Some(&b';'));
    let longest = (1 + name_len + semicolon).min(MAX_REFERENCE_LEN);
    // One character before two (only a few references decode to two), then the longest.
    for text_len in decoded
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take(2)
    {
        for source_len in (2..=longest).rev() {
            if continues(source_len, &decoded[text_len..]) {
                return Some(Reference::Decoded {
                    source_len,
                    text_len,
                });
            }
        }
    }
    None
}

#[cfg(test)]
pub(in crate::document::format) fn align_for_test(
    raw: &str,
    decoded: &str,
) -> Vec<(String, usize, bool)> {
    let mut pieces = Vec::new();
    align(raw, 0, decoded, &mut |piece| {
        pieces.push(match piece {
            Piece::Copied(range) => (raw[range.clone()].to_owned(), range.start, true),
            Piece::Produced(text, offset) => (text.to_owned(), offset, false),
        })
    });
    pieces
}
