//! Language detection from function words.
//!
//! Counts frequent Italian and English function words that the other language does not use
//! (articles, prepositions, auxiliaries) in the first 64 KiB of the text; the larger count wins,
//! English on a tie (including text with no words at all).

use crate::model::Lang;

/// How much of the text is looked at.
const SAMPLE_BYTES: usize = 64 * 1024;

/// Detects whether `text` is Italian or English.
pub fn detect_language(text: &str) -> Lang {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut italian = 0usize;
    let mut english = 0usize;
    for word in text[..end].split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() || word.len() > 6 {
            continue;
        }
        let mut buffer = [0u8; 48];
        let Some(lower) = super::token::lower_into(word, &mut buffer) else {
            continue;
        };
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

fn is_italian_function_word(lower: &str) -> bool {
    matches!(
        lower,
        "il" | "lo"
            | "la"
            | "gli"
            | "le"
            | "di"
            | "del"
            | "della"
            | "dei"
            | "delle"
            | "degli"
            | "che"
            | "è"
            | "e"
            | "per"
            | "con"
            | "non"
            | "un"
            | "una"
            | "nel"
            | "nella"
            | "sono"
            | "si"
            | "da"
            | "dal"
            | "alla"
            | "al"
            | "ai"
            | "tra"
            | "più"
            | "ha"
            | "anche"
            | "dopo"
            | "sul"
            | "sulla"
            | "questo"
            | "questa"
    )
}

fn is_english_function_word(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "of"
            | "and"
            | "to"
            | "is"
            | "that"
            | "for"
            | "with"
            | "was"
            | "on"
            | "by"
            | "as"
            | "at"
            | "from"
            | "are"
            | "have"
            | "has"
            | "it"
            | "this"
            | "which"
            | "were"
            | "be"
            | "their"
            | "its"
            | "an"
            | "had"
            | "will"
            | "would"
            | "after"
            | "than"
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
