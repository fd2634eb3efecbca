//! Stage 5, relations: the links the text makes between claims.
//!
//! In: the claims of a text and its sentences. Out: typed relations between claims
//! ([`link`]: conversions and changes within one sentence), and the ends of a range completed
//! from each other ([`ranges`]), and durations written in several clock units merged
//! ([`compounds`]).

pub mod compounds;
pub mod link;
pub mod ranges;
