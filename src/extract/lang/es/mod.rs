//! The Spanish lexicon: every word of Spanish the pipeline knows, as data.

mod amounts;
mod cues;
mod numbers;
mod time;

use super::Lexicon;

pub static LEXICON: Lexicon = Lexicon {
    code: "es",
    numbers: &numbers::NUMBERS,
    amounts: &amounts::AMOUNTS,
    time: &time::TIME,
    cues: &cues::CUES,
};
