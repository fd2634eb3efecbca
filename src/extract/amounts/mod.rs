//! Stage 3, amounts: what a number counts or measures.
//!
//! In: a number from [`numbers`](super::numbers). Out: a typed claim: money with its currency
//! ([`money`], [`money_prefix`], [`subunit`]), percentages and points, quantities with units,
//! durations and counts ([`units`]), a unit and its fraction after an article for one ([`one_unit`]), ordinals in digits ([`ordinal`]), the words after a number that say which ([`words`]), digits that are a name and no figure ([`identifier`]), all
//! put together by [`amount`]; once sentences are known, amounts whose currency the sentence
//! wrote once take it ([`ellipsis`]), and currency names shared by several countries take
//! the one the sentence or the publication names ([`shared`]), and bare points beside a
//! larger percentage are percentage points ([`points`]).

pub mod amount;
pub mod ellipsis;
pub mod identifier;
pub mod money;
pub mod money_prefix;
pub mod one_unit;
pub mod ordinal;
pub mod points;
pub mod shared;
pub mod subunit;
pub mod units;
pub mod words;
