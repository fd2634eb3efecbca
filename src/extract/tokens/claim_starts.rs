//! The word filter in front of the word-led claim readers (spelled numbers, month names, sign
//! words): a bitset over the first three letters of every word those readers can start on,
//! built at compile time, so the frequent words of prose ("the", "that", "della", "sono") skip
//! the lexicon lookups.
//!
//! The lists name every word a reader accepts as the first word of a claim: the English number
//! lexicon (`numbers/words_en.rs`; compounds such as "twentyfive" start like a tens word), "half",
//! the Italian number stems (`numbers/spelled.rs` already tests those three bytes), month names and
//! abbreviations (`time/lexicon.rs`) and the sign words (`numbers/notation.rs`). A word whose first
//! three bytes are not all ASCII letters always passes, as before the filter existed.

use crate::model::Lang;

const EN_CLAIM_STARTS: &[&str] = &[
    // Number lexicon.
    "billion",
    "crore",
    "crores",
    "eight",
    "eighteen",
    "eighteenth",
    "eighth",
    "eightieth",
    "eighty",
    "eleven",
    "eleventh",
    "fifteen",
    "fifteenth",
    "fifth",
    "fiftieth",
    "fifty",
    "first",
    "five",
    "fortieth",
    "forty",
    "four",
    "fourteen",
    "fourteenth",
    "fourth",
    "hundred",
    "hundredth",
    "krore",
    "krores",
    "lac",
    "lacs",
    "lakh",
    "lakhs",
    "lkh",
    "million",
    "naught",
    "nil",
    "nine",
    "nineteen",
    "nineteenth",
    "ninetieth",
    "ninety",
    "ninth",
    "nought",
    "one",
    "second",
    "seven",
    "seventeen",
    "seventeenth",
    "seventh",
    "seventieth",
    "seventy",
    "six",
    "sixteen",
    "sixteenth",
    "sixth",
    "sixtieth",
    "sixty",
    "ten",
    "tenth",
    "third",
    "thirteen",
    "thirteenth",
    "thirtieth",
    "thirty",
    "thousand",
    "thousandth",
    "three",
    "trillion",
    "twelfth",
    "twelve",
    "twentieth",
    "twenty",
    "two",
    "zero",
    "zeroth",
    "half",
    // Months.
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    // Signs.
    "minus",
    "negative",
];

const IT_CLAIM_STARTS: &[&str] = &[
    // Number stems (`ITALIAN_NUMBER_STARTS`; "tré" is not ASCII and passes anyway).
    "uno",
    "una",
    "due",
    "tre",
    "qua",
    "cin",
    "sei",
    "set",
    "ott",
    "nov",
    "die",
    "und",
    "dod",
    "qui",
    "sed",
    "dic",
    "ven",
    "ses",
    "cen",
    "mil",
    "zer",
    "mez",
    "pri",
    "sec",
    "ter",
    "non",
    "dec", // Months.
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
    "gen",
    "genn",
    "feb",
    "febb",
    "mar",
    "apr",
    "mag",
    "giu",
    "lug",
    "ago",
    "sett", // Signs.
    "meno",
    "negativo",
    "negativa",
];

const PREFIXES: usize = 26 * 26 * 26;

/// The bitset index of the first three bytes, case-folded, when they are ASCII letters.
const fn prefix_index(word: &[u8]) -> Option<usize> {
    if word.len() < 3 {
        return None;
    }
    let mut index = 0;
    let mut i = 0;
    while i < 3 {
        if !word[i].is_ascii_alphabetic() {
            return None;
        }
        index = index * 26 + ((word[i] | 0x20) - b'a') as usize;
        i += 1;
    }
    Some(index)
}

const fn prefix_table(words: &[&str]) -> [u64; PREFIXES.div_ceil(64)] {
    let mut table = [0u64; PREFIXES.div_ceil(64)];
    let mut i = 0;
    while i < words.len() {
        if let Some(index) = prefix_index(words[i].as_bytes()) {
            table[index / 64] |= 1 << (index % 64);
        }
        i += 1;
    }
    table
}

const EN_TABLE: [u64; PREFIXES.div_ceil(64)] = prefix_table(EN_CLAIM_STARTS);
const IT_TABLE: [u64; PREFIXES.div_ceil(64)] = prefix_table(IT_CLAIM_STARTS);

/// Whether a word of three or more bytes, as written, may start a word-led claim.
pub fn may_start_word_claim(word: &[u8], lang: Lang) -> bool {
    let Some(index) = prefix_index(word) else {
        return true;
    };
    let table = match lang {
        Lang::En => &EN_TABLE,
        Lang::It => &IT_TABLE,
    };
    table[index / 64] & (1 << (index % 64)) != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lang::lexicon;
    use crate::extract::numbers::words_en::english_word;
    use crate::extract::time::lexicon::month_name;

    #[test]
    fn every_listed_word_is_read_and_passes_in_any_case() {
        for word in EN_CLAIM_STARTS {
            let read = english_word(word).is_some()
                || month_name(word, Lang::En).is_some()
                || lexicon(Lang::En).numbers.is_sign_word(word)
                || *word == "half";
            assert!(read, "{word} is no English claim start");
        }
        for word in IT_CLAIM_STARTS.iter().filter(|w| w.len() > 3) {
            let read = month_name(word, Lang::It).is_some()
                || lexicon(Lang::It).numbers.is_sign_word(word);
            assert!(read, "{word} is no Italian claim start");
        }
        for (lang, words) in [(Lang::En, EN_CLAIM_STARTS), (Lang::It, IT_CLAIM_STARTS)] {
            for word in words {
                assert!(may_start_word_claim(word.as_bytes(), lang), "{word}");
                let upper = word.to_uppercase();
                assert!(may_start_word_claim(upper.as_bytes(), lang), "{upper}");
            }
        }
    }

    #[test]
    fn every_italian_number_stem_passes() {
        for stem in crate::extract::numbers::spelled::ITALIAN_NUMBER_STARTS {
            assert!(may_start_word_claim(stem, Lang::It), "{stem:?}");
        }
    }

    #[test]
    fn compounds_and_non_ascii_pass_common_words_do_not() {
        assert!(may_start_word_claim(b"twentyfive", Lang::En));
        assert!(may_start_word_claim(b"Seventythird", Lang::En));
        assert!(may_start_word_claim("tré".as_bytes(), Lang::It));
        assert!(may_start_word_claim("ventitré".as_bytes(), Lang::It));
        assert!(may_start_word_claim(b"t20", Lang::En));
        for word in ["the", "That", "their", "said", "della", "sono", "Governo"] {
            let lang = if word.starts_with(['d', 's', 'G']) && word != "said" {
                Lang::It
            } else {
                Lang::En
            };
            assert!(!may_start_word_claim(word.as_bytes(), lang), "{word}");
        }
    }
}
