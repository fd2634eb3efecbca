//! Italian cue words (see [`CueWords`](crate::extract::lang::cues::CueWords)).

use crate::extract::lang::cues::CueWords;

pub static CUES: CueWords = CueWords {
    range_joiners: &["e", "a", "al", "-", "–"],
};
