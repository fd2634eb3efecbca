//! Stage 1, tokens: the body of a text as words, number literals and symbols, with sentence
//! bounds and line/column positions.
//!
//! In: the text and its language. Out: the token stream ([`token`]), the [`Context`](context::Context)
//! every recogniser reads it through, and sentences ([`segment`]).

pub mod context;
pub mod segment;
pub mod token;
