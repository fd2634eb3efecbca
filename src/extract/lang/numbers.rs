//! The shape of one part of a language's lexicon. Words of numbers: the decimal and group separators a language writes, sign words, scale words
//! ("miliardi", "bn"), multipliers ("dozen"), spelled cardinals and ordinals, fraction words.
//!
//! Each language fills one [`NumberWords`] in `lang/<code>/numbers.rs`; pipeline code reads only
//! the fields, never a language's words.

/// See the module documentation.
#[derive(Debug)]
pub struct NumberWords {}
