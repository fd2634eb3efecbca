//! Stage 2, numbers: a number as written, in digits or words.
//!
//! In: tokens. Out: exact decimal values with their stated precision: digits with signs and
//! separators ([`number`]) and the vulgar fractions glued to them ([`vulgar`]), fractions, ranges and notations glued to digits ([`notation`]), scale
//! words such as "12,5 mld" or "4 bn" ([`scale`]), spelled cardinals and ordinals ([`spelled`], in
//! the lexicon's grammar: [`phrase`] with [`integer`], or [`compound`] with [`morphology`]; the
//! shared result in [`reading`]) fractions in words ([`fraction`]) and a fraction written after its unit ([`unit_fraction`]).

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
pub mod unit_fraction;
pub mod vulgar;

#[cfg(test)]
mod tests;
