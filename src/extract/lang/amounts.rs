//! The shape of one part of a language's lexicon. Words of amounts: currency names, symbols and prefixes, sub-units, percent and point words,
//! measurement and time units, counted nouns, and the hedging words (qualifiers) before a figure.
//!
//! Each language fills one [`AmountWords`] in `lang/<code>/amounts.rs`; pipeline code reads only
//! the fields, never a language's words.

/// See the module documentation.
#[derive(Debug)]
pub struct AmountWords {}
