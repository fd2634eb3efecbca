//! English amounts words (see [`AmountWords`](crate::extract::lang::amounts::AmountWords)).

use crate::extract::lang::amounts::AmountWords;

pub static AMOUNTS: AmountWords = AmountWords {};
