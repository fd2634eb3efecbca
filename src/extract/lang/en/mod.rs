//! The English lexicon: every word of English the pipeline knows, as data.

mod amounts;
mod cues;
mod numbers;
mod time;

use super::Lexicon;

pub static LEXICON: Lexicon = Lexicon {
    code: "en",
    numbers: &numbers::NUMBERS,
    amounts: &amounts::AMOUNTS,
    time: &time::TIME,
    cues: &cues::CUES,
};
