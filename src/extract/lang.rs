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
        let mut lower = [0u8; 8];
        lower[..word.len()].copy_from_slice(word);
        lower.make_ascii_lowercase();
        let lower = u64::from_le_bytes(lower);
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

/// Packs a word of at most 8 bytes into a u64, as the lower-casing loop does.
const fn pack(word: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    let mut i = 0;
    while i < word.len() {
        bytes[i] = word[i];
        i += 1;
    }
    u64::from_le_bytes(bytes)
}

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || byte >= 0x80
}

const ITALIAN_FUNCTION_WORDS: [u64; 37] = [
    pack(b"il"),
    pack(b"lo"),
    pack(b"la"),
    pack(b"gli"),
    pack(b"le"),
    pack(b"di"),
    pack(b"del"),
    pack(b"della"),
    pack(b"dei"),
    pack(b"delle"),
    pack(b"degli"),
    pack(b"che"),
    pack(b"\xc3\xa8"),
    pack(b"e"),
    pack(b"per"),
    pack(b"con"),
    pack(b"non"),
    pack(b"un"),
    pack(b"una"),
    pack(b"nel"),
    pack(b"nella"),
    pack(b"sono"),
    pack(b"si"),
    pack(b"da"),
    pack(b"dal"),
    pack(b"alla"),
    pack(b"al"),
    pack(b"ai"),
    pack(b"tra"),
    pack(b"pi\xc3\xb9"),
    pack(b"ha"),
    pack(b"anche"),
    pack(b"dopo"),
    pack(b"sul"),
    pack(b"sulla"),
    pack(b"questo"),
    pack(b"questa"),
];

fn is_italian_function_word(packed: u64) -> bool {
    ITALIAN_FUNCTION_WORDS.contains(&packed)
}

const ENGLISH_FUNCTION_WORDS: [u64; 30] = [
    pack(b"the"),
    pack(b"of"),
    pack(b"and"),
    pack(b"to"),
    pack(b"is"),
    pack(b"that"),
    pack(b"for"),
    pack(b"with"),
    pack(b"was"),
    pack(b"on"),
    pack(b"by"),
    pack(b"as"),
    pack(b"at"),
    pack(b"from"),
    pack(b"are"),
    pack(b"have"),
    pack(b"has"),
    pack(b"it"),
    pack(b"this"),
    pack(b"which"),
    pack(b"were"),
    pack(b"be"),
    pack(b"their"),
    pack(b"its"),
    pack(b"an"),
    pack(b"had"),
    pack(b"will"),
    pack(b"would"),
    pack(b"after"),
    pack(b"than"),
];

fn is_english_function_word(packed: u64) -> bool {
    ENGLISH_FUNCTION_WORDS.contains(&packed)
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
