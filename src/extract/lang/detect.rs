//! Language detection from function words.
//!
//! Counts each language's frequent function words (articles, prepositions, auxiliaries: the
//! `FUNCTION_WORDS` of `lang/<code>/cues.rs`, chosen so the other languages do not use them)
//! in the first 8 KiB of the text; the largest count wins, English on a tie (including text
//! with no words at all), then Italian.
//!
//! Detection reads up to 8 KiB of every text whose language is not given, so the lookup is a
//! hash table built at compile time ([`FUNCTION_WORDS`]): one multiply and usually one probe
//! per short word, instead of comparing it with every function word of every language.

use crate::model::Lang;

/// How much of the text is looked at.
const SAMPLE_BYTES: usize = 8 * 1024;

/// Detects which language `text` is written in.
pub fn detect_language(text: &str) -> Lang {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut counts = [0usize; LANGUAGES.len()];
    // Words are runs of ASCII letters and non-ASCII bytes; only short ones (2 to 6 bytes) can
    // be function words. The text is read eight bytes at a time: a word-byte mask finds where
    // words start and end, and a short word is already packed in the bytes loaded.
    let bytes = &text.as_bytes()[..end];
    let mut pos = 0;
    while pos < bytes.len() {
        let words = word_byte_mask(load(bytes, pos));
        if words == 0 {
            pos += 8;
            continue;
        }
        pos += (words.trailing_zeros() / 8) as usize;
        let chunk = load(bytes, pos);
        let word_len = (!word_byte_mask(chunk) & HIGH_BITS).trailing_zeros() / 8;
        if word_len == 8 {
            // Longer than a function word: skip to its end.
            pos += 8;
            loop {
                let rest = !word_byte_mask(load(bytes, pos)) & HIGH_BITS;
                if rest != 0 {
                    pos += (rest.trailing_zeros() / 8) as usize;
                    break;
                }
                pos += 8;
            }
            continue;
        }
        pos += word_len as usize;
        if !(2..=6).contains(&word_len) {
            continue;
        }
        let packed = chunk & ((1u64 << (8 * word_len)) - 1);
        let languages = function_word_languages(ascii_letters_lowered(packed));
        for (k, count) in counts.iter_mut().enumerate() {
            *count += usize::from(languages & (1 << k) != 0);
        }
    }
    winner(&counts)
}

/// The language with the largest count; ties go to the earlier one in [`LANGUAGES`].
fn winner(counts: &[usize; LANGUAGES.len()]) -> Lang {
    let mut best = 0;
    for k in 1..counts.len() {
        if counts[k] > counts[best] {
            best = k;
        }
    }
    LANGUAGES[best].0
}

/// Every language with its function words, in tie-break order.
const LANGUAGES: [(Lang, &[&str]); 3] = [
    (Lang::En, super::en::FUNCTION_WORDS),
    (Lang::It, super::it::FUNCTION_WORDS),
    (Lang::Es, super::es::FUNCTION_WORDS),
];

/// The high bit of every byte of a u64.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Eight bytes of `bytes` from `pos`, little-endian, zero past the end (zero is no word byte).
fn load(bytes: &[u8], pos: usize) -> u64 {
    match bytes.get(pos..pos + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().unwrap_or_default()),
        None => {
            let mut padded = [0u8; 8];
            let tail = bytes.get(pos..).unwrap_or_default();
            padded[..tail.len()].copy_from_slice(tail);
            u64::from_le_bytes(padded)
        }
    }
}

/// The high bit of each byte of `chunk` that is a word byte (an ASCII letter or any byte of a
/// multi-byte character), computed for all eight bytes at once.
fn word_byte_mask(chunk: u64) -> u64 {
    const LOW_7_BITS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const EACH: u64 = 0x0101_0101_0101_0101;
    // Folding bit 5 in maps A-Z onto a-z and leaves no other ASCII byte in a-z.
    let folded = (chunk | (0x20 * EACH)) & LOW_7_BITS;
    // Per byte, without carries between bytes (each byte is at most 0x7F before the add):
    // the high bit says `folded >= b'a'`, resp. `folded > b'z'`.
    let at_least_a = folded + (0x80 - u64::from(b'a')) * EACH;
    let above_z = folded + (0x80 - u64::from(b'z') - 1) * EACH;
    let letter = at_least_a & !above_z & !chunk;
    (letter | chunk) & HIGH_BITS
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

/// `packed` with its ASCII letters lower-cased, all eight bytes at once. Only valid for the
/// bytes a word is packed from: ASCII letters (bit 6 set, bit 7 clear), bytes of multi-byte
/// characters (bit 7 set, left alone) and zero padding (left alone); a letter gets bit 5.
fn ascii_letters_lowered(packed: u64) -> u64 {
    const BIT_6: u64 = 0x4040_4040_4040_4040;
    let letters = packed & !(packed >> 1) & BIT_6;
    packed | (letters >> 1)
}

/// Slots of [`FUNCTION_WORDS`]: a power of two, about four times the number of words, so
/// probe runs stay short.
const TABLE_SLOTS: usize = 512;

/// Slot where the probe for `packed` starts (Fibonacci hashing: the top bits of a multiply).
const fn home_slot(packed: u64) -> usize {
    (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize
}

/// Every function word of every language, packed, with the bit mask of the languages (bit `k`
/// for `LANGUAGES[k]`) whose list holds it, in an open-addressing table (linear probing); 0
/// marks an empty slot (no packed word of 2 to 6 bytes is 0).
const FUNCTION_WORDS: [(u64, u8); TABLE_SLOTS] = {
    let mut table = [(0u64, 0u8); TABLE_SLOTS];
    let mut k = 0;
    while k < LANGUAGES.len() {
        let words = LANGUAGES[k].1;
        let mut i = 0;
        while i < words.len() {
            let word = pack(words[i].as_bytes());
            let mut slot = home_slot(word);
            while table[slot].0 != 0 && table[slot].0 != word {
                slot = (slot + 1) % TABLE_SLOTS;
            }
            table[slot] = (word, table[slot].1 | (1 << k));
            i += 1;
        }
        k += 1;
    }
    table
};

/// The bit mask of the languages whose function-word list holds `packed` (0 for none).
fn function_word_languages(packed: u64) -> u8 {
    let mut slot = home_slot(packed);
    loop {
        let (word, languages) = FUNCTION_WORDS[slot];
        if word == packed {
            return languages;
        }
        if word == 0 {
            return 0;
        }
        slot = (slot + 1) % TABLE_SLOTS;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_language() {
        assert_eq!(
            detect_language(
                "El comercio entre los dos países creció un 32% en 2023, según el ministerio."
            ),
            Lang::Es
        );
        assert_eq!(
            detect_language("Il commercio tra i due Paesi è cresciuto del 32% nel 2023."),
            Lang::It
        );
        assert_eq!(
            detect_language("Trade between the two countries grew by 32% in 2023."),
            Lang::En
        );
        // Short sentences whose common words ("del", "al", "una", "la") both Romance
        // languages use.
        assert_eq!(
            detect_language("El paro bajó del 12% al 10%, una caída del 2%."),
            Lang::Es
        );
        assert_eq!(
            detect_language("La disoccupazione è scesa dal 9,5% al 7,5%, un calo del 2%."),
            Lang::It
        );
    }

    #[test]
    fn no_function_word_counts_for_two_languages() {
        for (k, (lang, words)) in LANGUAGES.iter().enumerate() {
            for (other, other_words) in &LANGUAGES[k + 1..] {
                for word in *words {
                    assert!(
                        !other_words.contains(word),
                        "`{word}` is a function word of both {lang:?} and {other:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_table_answers_as_the_lists() {
        for (k, (_, words)) in LANGUAGES.iter().enumerate() {
            for word in *words {
                assert!(
                    function_word_languages(pack(word.as_bytes())) & (1 << k) != 0,
                    "{word}"
                );
                assert!((2..=6).contains(&word.len()), "{word} is no short word");
            }
        }
        for word in [&b"dello"[..], b"these", b"tha", b"x", b"zz", b"\xc3\xa0"] {
            assert_eq!(function_word_languages(pack(word)), 0);
        }
    }

    #[test]
    fn packed_words_lower_case_like_the_standard_library() {
        for word in ["Il", "DELLA", "The", "wOuLd", "PIÙ", "È", "città", "ÀB"] {
            let mut packed = [0u8; 8];
            packed[..word.len()].copy_from_slice(word.as_bytes());
            let mut expected = packed;
            expected.make_ascii_lowercase();
            assert_eq!(
                ascii_letters_lowered(u64::from_le_bytes(packed)),
                u64::from_le_bytes(expected),
                "{word}"
            );
        }
    }

    fn is_word_byte(byte: u8) -> bool {
        byte.is_ascii_alphabetic() || byte >= 0x80
    }

    /// The plain byte-by-byte detector the word-at-a-time one must agree with.
    fn reference_detector(text: &str) -> Lang {
        let mut end = text.len().min(SAMPLE_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut counts = [0usize; LANGUAGES.len()];
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
            let word = bytes[start..pos].to_ascii_lowercase();
            if (2..=6).contains(&word.len()) {
                for (k, (_, words)) in LANGUAGES.iter().enumerate() {
                    counts[k] += usize::from(words.iter().any(|w| w.as_bytes() == word));
                }
            }
        }
        winner(&counts)
    }

    #[test]
    fn word_bytes_are_letters_and_non_ascii() {
        for byte in 0..=255u8 {
            let mask = word_byte_mask(u64::from(byte) << 16);
            assert_eq!(mask == 0x80 << 16, is_word_byte(byte), "{byte:#x}");
        }
    }

    #[test]
    fn agrees_with_the_byte_by_byte_detector() {
        // Words from both lists, their neighbours, capitals, accents, digits and punctuation,
        // glued and spaced in a fixed pseudo-random order, cut at every length.
        let pieces = [
            "il", "Il", "THE", "the", "of", "della", "Della", "più", "PIÙ", "è", "È", "e", "a",
            "an", "and", "theory", "questo", "questi", "would", "wouldn", "3", "2023", ",", ".",
            " ", "  ", "\n", "'", "città", "l'", "dell'", "x", "of-the", "Über", "中文", "é", "€",
            "1,5", "tha", "ai", "its", "it's", "alla", "sulla", "sullaa", "ha", "has", "el", "los",
            "según", "SEGÚN", "que", "más", "para",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..3_000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let count = (seed % 40) as usize;
            let mut state = seed;
            for _ in 0..count {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
                if state & 1 == 0 {
                    text.push(' ');
                }
            }
            for cut in (0..=text.len()).filter(|&cut| text.is_char_boundary(cut)) {
                let prefix = &text[..cut];
                assert_eq!(
                    detect_language(prefix),
                    reference_detector(prefix),
                    "{prefix:?}"
                );
            }
        }
        let long = "della il the ".repeat(1_000);
        assert_eq!(detect_language(&long), reference_detector(&long));
    }

    #[test]
    fn empty_text_is_english() {
        assert_eq!(detect_language(""), Lang::En);
        assert_eq!(detect_language("123 456"), Lang::En);
    }
}
