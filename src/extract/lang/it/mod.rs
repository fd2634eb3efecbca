//! The Italian lexicon: every word of Italian the pipeline knows, as data.

mod amounts;
mod cues;
mod numbers;
mod time;

use super::Lexicon;

pub static LEXICON: Lexicon = Lexicon {
    code: "it",
    numbers: &numbers::NUMBERS,
    amounts: &amounts::AMOUNTS,
    time: &time::TIME,
    cues: &cues::CUES,
};
