//! Stage 1, tokens: the body of a text as words, number literals and symbols, with sentence
//! bounds and line/column positions.
//!
//! In: the text and its language. Out: the token stream ([`token`]), the [`Context`](context::Context)
//! every recogniser reads it through, sentences ([`segment`]), and, before all of it, control
//! characters and escape sequences masked ([`controls`]) and decomposed accents composed, with
//! offsets mapped back ([`normalize`]).

pub mod context;
pub mod controls;
pub mod normalize;
pub mod segment;
pub mod token;
