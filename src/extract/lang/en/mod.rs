//! The English lexicon: every word of English the pipeline knows, as data.

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
    "the", "of", "and", "to", "is", "that", "for", "with", "was", "on", "by", "as", "at", "from",
    "are", "have", "has", "it", "this", "which", "were", "be", "their", "its", "an", "had", "will",
    "would", "after", "than",
];

/// Abbreviations that end no sentence (`tokens/segment.rs`).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "sen", "rep", "gov", "vs", "no",
    "inc", "corp", "ltd", "co", "lt", "col", "capt", "sgt", "approx", "est", "dept", "univ",
];

pub static LEXICON: Lexicon = Lexicon {
    code: "en",
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
