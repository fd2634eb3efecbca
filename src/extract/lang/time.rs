//! The shape of one part of a language's lexicon. Words of time: month and weekday names and abbreviations, relative days, period words
//! (quarter, half, fiscal year), holidays as a table of rules, and the tense cues that decide
//! which way a bare month points.
//!
//! Each language fills one [`TimeWords`] in `lang/<code>/time.rs`; pipeline code reads only
//! the fields, never a language's words.

/// See the module documentation.
#[derive(Debug)]
pub struct TimeWords {}
