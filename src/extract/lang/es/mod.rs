//! The Spanish lexicon: every word of Spanish the pipeline knows, as data.

mod amounts;
mod cues;
mod messages;
mod money;
mod numbers;
mod relative;
mod spelled;
mod time;

use super::Lexicon;
use super::prefixes::PrefixTable;

/// Function words for language detection (`lang/detect.rs`): frequent, short (2 to 6 bytes)
/// and not used by the other languages.
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "el", "los", "las", "de", "que", "en", "por", "para", "como", "más", "pero", "fue", "este",
    "esta", "entre", "sobre", "según", "desde", "hasta", "sus", "es", "ya", "muy", "sin", "unos",
    "unas", "han", "les", "nos",
];

/// Abbreviations that end no sentence (`tokens/segment.rs`).
const ABBREVIATIONS: &[&str] = &[
    "sr", "sra", "srta", "sres", "dr", "dra", "lic", "ing", "prof", "gral", "art", "ud", "uds",
    "etc", "pag", "tel", "vol", "cap", "av", "avda", "aprox", "dto",
];

pub static LEXICON: Lexicon = Lexicon {
    code: "es",
    numbers: &numbers::NUMBERS,
    amounts: &amounts::AMOUNTS,
    time: &time::TIME,
    cues: &cues::CUES,
    messages: messages::MESSAGES,
    abbreviations: ABBREVIATIONS,
    claim_starts: PrefixTable::EMPTY
        .roles(spelled::WORDS)
        .words(spelled::HALF)
        .words(spelled::ONE_ARTICLES)
        .names(time::MONTHS)
        .words(numbers::SIGN_WORDS),
};
