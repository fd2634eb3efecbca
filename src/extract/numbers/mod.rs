//! Stage 2, numbers: a number as written, in digits or words.
//!
//! In: tokens. Out: exact decimal values with their stated precision: digits with signs and
//! separators ([`number`]) and the vulgar fractions glued to them ([`vulgar`]), fractions, ranges and notations glued to digits ([`notation`]), scale
//! words such as "12,5 mld" or "4 bn" ([`scale`]), spelled cardinals and ordinals ([`spelled`], in
//! the lexicon's grammar: [`phrase`] with [`integer`], or [`compound`] with [`morphology`]; the
//! shared result in [`reading`]) and fractions in words ([`fraction`]).

pub mod compound;
pub mod fraction;
pub mod integer;
pub mod morphology;
pub mod notation;
pub mod number;
pub mod phrase;
pub mod reading;
pub mod scale;
pub mod spelled;
pub mod vulgar;

#[cfg(test)]
mod tests;
