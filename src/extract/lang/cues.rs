//! The shape of one part of a language's lexicon. Cue words of relations: the words that join
//! the two ends of a range ("tra 16 e 19", "from 3 to 4"); next, the words that make a change
//! ("rose", "in calo"), a conversion, a total and its parts, and the function words that
//! language detection counts.
//!
//! Each language fills one [`CueWords`] in `lang/<code>/cues.rs`; pipeline code reads only
//! the fields, never a language's words.

/// See the module documentation.
#[derive(Debug)]
pub struct CueWords {
    /// Lower-case words (or dashes) written between the two ends of a range.
    pub range_joiners: &'static [&'static str],
}
