//! Stage 5, relations: the links the text makes between claims.
//!
//! In: the claims of a text and its sentences. Out: typed relations between claims, each with
//! the role of every claim and the cue that made it (see `model::relation`): conversions and
//! changes within one sentence ([`link`]), ranges ([`ranges`], which also completes the first
//! end of a range from the second) and the ranges that are a change's two levels
//! ([`movement`]), an absolute change and the level it reached ([`reached`]), a level compared with an earlier one ([`comparison`]), a whole and its parts ([`parts`], and the breakdowns that state all of them: [`breakdown`]), anniversaries and their
//! founding year ([`anniversary`]), stated rates and covered periods of conversions
//! ([`conversion`]), time elapsed since a stated date ([`elapsed`]), figures written twice
//! ([`restatement`]), a count and the list of its items ([`lists`]), proportions
//! ([`ratio`]) and shares restated as amounts ([`shares`]), averages over a period ([`average`]); durations written in several clock units are merged
//! first ([`compounds`]). [`cue`] finds the lexicon's cue phrases; [`reach`] bounds how far a
//! stage looks (the claims of a sentence, found by binary search, and of those the nearest
//! [`reach::CLAIM_REACH`]), which keeps every stage linear in the length of the text.

pub mod anniversary;
pub mod average;
pub mod breakdown;
pub mod comparison;
pub mod compounds;
pub mod conversion;
pub mod cue;
pub mod elapsed;
pub mod link;
pub mod lists;
pub mod movement;
pub mod parts;
pub mod ranges;
pub mod ratio;
pub mod reach;
pub mod reached;
pub mod restatement;
pub mod shares;
#[cfg(test)]
pub(crate) mod testing;
mod whole;
