//! The word filter in front of the word-led date readers: a two-hash Bloom filter over the
//! exact words that can start a date, built at compile time, so the common words of prose are
//! rejected without being lower-cased or matched.

use crate::model::Lang;

/// Every word that can start a date read here, per language (lower-case). [`may_start_date`]
/// runs on every word of the text, so it tests a hash of the word's length, first two and last
/// letters against a bitset built from these lists at compile time: a collision only costs a
/// lookup, and most words are never lower-cased or matched.
const EN_STARTS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "today",
    "tomorrow",
    "tomorrows",
    "yesterday",
    "the",
    "a",
    "an",
    "one",
    "next",
    "last",
    "past",
    "previous",
    "this",
    "current",
    "coming",
    "upcoming",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "twenty",
    "thirty",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "christmas",
    "xmas",
    "new",
    "valentine",
    "halloween",
    "st",
    "saint",
    "easter",
    "good",
    "maundy",
    "palm",
    "branch",
    "ash",
    "pentecost",
    "whit",
    "white",
    "thanksgiving",
    "black",
    "mlk",
    "martin",
    "civil",
    "boss",
    "bosses",
    "king",
    "kings",
    "koningsdag",
    "world",
    "memorial",
    "labor",
    "labour",
    "mother",
    "father",
    "boxing",
    "veterans",
    "orthodox",
    "clean",
    "lazarus",
];
const IT_STARTS: &[&str] = &[
    "lunedì",
    "lunedi",
    "martedì",
    "martedi",
    "mercoledì",
    "mercoledi",
    "giovedì",
    "giovedi",
    "venerdì",
    "venerdi",
    "sabato",
    "domenica",
    "lun",
    "mar",
    "mer",
    "gio",
    "ven",
    "sab",
    "dom",
    "oggi",
    "domani",
    "ieri",
    "dopodomani",
    "altroieri",
    "altro",
    "giornata",
    "un",
    "una",
    "anno",
    "mese",
    "prossimo",
    "prossima",
    "scorso",
    "scorsa",
    "passato",
    "passata",
    "questo",
    "questa",
    "quest",
    "primo",
    "prima",
    "secondo",
    "seconda",
    "terzo",
    "terza",
    "quarto",
    "quarta",
    "quinto",
    "quinta",
    "ultimo",
    "ultima",
    "natale",
    "vigilia",
    "santo",
    "san",
    "capodanno",
    "epifania",
    "befana",
    "ferragosto",
    "ognissanti",
    "tutti",
    "pasqua",
    "pasquetta",
    "immacolata",
    "idi",
    "anniversario",
    "festa",
    "giorno",
];

const FILTER_BITS: usize = 8192;
/// The longest listed word ("dhanatrayodashi").
const MAX_START_LEN: usize = 15;

const fn fold(byte: u8) -> u8 {
    byte.to_ascii_lowercase()
}

/// The filter's two hashes of a word as written: ASCII letters folded to lower case, a
/// non-ASCII last byte taken as 0 (so "Lunedì" and "LUNEDÌ" hash alike).
const fn word_hashes(word: &[u8]) -> (usize, usize) {
    let len = word.len();
    let second = if len > 1 { fold(word[1]) } else { 0 };
    let before_last = if len > 2 { fold(word[len - 2]) } else { 0 };
    let before_last = if before_last >= 0x80 { 0 } else { before_last };
    let last = fold(word[len - 1]);
    let last = if last >= 0x80 { 0 } else { last };
    let mut hash = (len as u32).wrapping_mul(0x9E37_79B9);
    hash = (hash ^ fold(word[0]) as u32).wrapping_mul(0x85EB_CA6B);
    hash = (hash ^ second as u32).wrapping_mul(0xC2B2_AE35);
    hash = (hash ^ last as u32).wrapping_mul(0x27D4_EB2F);
    hash = (hash ^ before_last as u32).wrapping_mul(0x1656_67B1);
    (
        (hash >> 19) as usize % FILTER_BITS,
        (hash & 0x1FFF) as usize % FILTER_BITS,
    )
}

const fn filter_table(starts: &[&str]) -> [u64; FILTER_BITS / 64] {
    let mut table = [0u64; FILTER_BITS / 64];
    let mut i = 0;
    while i < starts.len() {
        let (a, b) = word_hashes(starts[i].as_bytes());
        table[a / 64] |= 1 << (a % 64);
        table[b / 64] |= 1 << (b % 64);
        i += 1;
    }
    table
}

const EN_TABLE: [u64; FILTER_BITS / 64] = filter_table(EN_STARTS);
const IT_TABLE: [u64; FILTER_BITS / 64] = filter_table(IT_STARTS);

/// Whether the word as written may start a date read by `read_word_date`.
pub fn may_start_date(word: &[u8], lang: Lang) -> bool {
    if word.is_empty() || word.len() > MAX_START_LEN {
        return false;
    }
    let table = match lang {
        Lang::En => &EN_TABLE,
        Lang::It => &IT_TABLE,
    };
    let (a, b) = word_hashes(word);
    table[a / 64] & (1 << (a % 64)) != 0 && table[b / 64] & (1 << (b % 64)) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_passes_every_listed_word_in_any_case() {
        for (lang, words) in [(Lang::En, EN_STARTS), (Lang::It, IT_STARTS)] {
            for word in words {
                assert!(may_start_date(word.as_bytes(), lang), "{word}");
                let upper = word.to_uppercase();
                assert!(may_start_date(upper.as_bytes(), lang), "{upper}");
            }
        }
    }

    #[test]
    fn filter_rejects_most_other_words() {
        let others = [
            "government",
            "minister",
            "agreement",
            "with",
            "from",
            "have",
            "said",
        ];
        let passed = others
            .iter()
            .filter(|w| may_start_date(w.as_bytes(), Lang::En))
            .count();
        assert!(passed <= 1, "{passed}");
    }
}
