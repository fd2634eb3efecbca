//! Language detection from function words.
//!
//! Counts frequent Italian and English function words that the other language does not use
//! (articles, prepositions, auxiliaries) in the first 8 KiB of the text; the larger count wins,
//! English on a tie (including text with no words at all).

use crate::model::Lang;

/// How much of the text is looked at.
const SAMPLE_BYTES: usize = 8 * 1024;

/// Detects whether `text` is Italian or English.
pub fn detect_language(text: &str) -> Lang {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut italian = 0usize;
    let mut english = 0usize;
    // Words are runs of ASCII letters and non-ASCII bytes; only short ones can be function
    // words, and those are compared lower-cased on the stack.
    let bytes = &text.as_bytes()[..end];
    let mut pos = 0;
    while pos < bytes.len() {
        if !is_word_byte(bytes[pos]) {
            pos += 1;
            continue;
        }
        let start = pos;
        while pos < bytes.len() && is_word_byte(bytes[pos]) {
            pos += 1;
        }
        let word = &bytes[start..pos];
        if word.len() > 6 || word.len() < 2 {
            continue;
        }
        let mut lower = [0u8; 6];
        lower[..word.len()].copy_from_slice(word);
        lower[..word.len()].make_ascii_lowercase();
        let lower = &lower[..word.len()];
        if is_italian_function_word(lower) {
            italian += 1;
        } else if is_english_function_word(lower) {
            english += 1;
        }
    }
    if italian > english {
        Lang::It
    } else {
        Lang::En
    }
}

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || byte >= 0x80
}

fn is_italian_function_word(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"il"
            | b"lo"
            | b"la"
            | b"gli"
            | b"le"
            | b"di"
            | b"del"
            | b"della"
            | b"dei"
            | b"delle"
            | b"degli"
            | b"che"
            | b"\xc3\xa8"
            | b"e"
            | b"per"
            | b"con"
            | b"non"
            | b"un"
            | b"una"
            | b"nel"
            | b"nella"
            | b"sono"
            | b"si"
            | b"da"
            | b"dal"
            | b"alla"
            | b"al"
            | b"ai"
            | b"tra"
            | b"pi\xc3\xb9"
            | b"ha"
            | b"anche"
            | b"dopo"
            | b"sul"
            | b"sulla"
            | b"questo"
            | b"questa"
    )
}

fn is_english_function_word(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"the"
            | b"of"
            | b"and"
            | b"to"
            | b"is"
            | b"that"
            | b"for"
            | b"with"
            | b"was"
            | b"on"
            | b"by"
            | b"as"
            | b"at"
            | b"from"
            | b"are"
            | b"have"
            | b"has"
            | b"it"
            | b"this"
            | b"which"
            | b"were"
            | b"be"
            | b"their"
            | b"its"
            | b"an"
            | b"had"
            | b"will"
            | b"would"
            | b"after"
            | b"than"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_italian_and_english() {
        assert_eq!(
            detect_language("Il commercio tra i due Paesi è cresciuto del 32% nel 2023."),
            Lang::It
        );
        assert_eq!(
            detect_language("Trade between the two countries grew by 32% in 2023."),
            Lang::En
        );
    }

    #[test]
    fn empty_text_is_english() {
        assert_eq!(detect_language(""), Lang::En);
        assert_eq!(detect_language("123 456"), Lang::En);
    }
}
