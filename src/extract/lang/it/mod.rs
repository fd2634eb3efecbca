//! The Italian lexicon: every word of Italian the pipeline knows, as data.

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
    "il", "gli", "di", "della", "dei", "delle", "degli", "che", "è", "per", "non", "nel", "nella",
    "sono", "dal", "alla", "alle", "ai", "nei", "tra", "più", "anche", "dopo", "sul", "sulla",
    "questo", "questa",
];

/// Abbreviations that end no sentence (`tokens/segment.rs`).
const ABBREVIATIONS: &[&str] = &[
    "sig", "sigg", "dott", "dr", "ing", "avv", "on", "pag", "art", "prof", "sen", "gen", "geom",
    "rag", "arch", "mons", "ecc", "n", "tel", "vol", "cap",
];

pub static LEXICON: Lexicon = Lexicon {
    code: "it",
    numbers: &numbers::NUMBERS,
    amounts: &amounts::AMOUNTS,
    time: &time::TIME,
    cues: &cues::CUES,
    messages: messages::MESSAGES,
    abbreviations: ABBREVIATIONS,
    claim_starts: PrefixTable::EMPTY
        .stems(spelled::STARTS)
        .words(spelled::HALF)
        .names(time::MONTHS)
        .words(numbers::SIGN_WORDS),
};
