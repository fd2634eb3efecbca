//! Spanish numbers words (see [`NumberWords`](crate::extract::lang::numbers::NumberWords)).

use crate::extract::lang::numbers::NumberWords;

pub static NUMBERS: NumberWords = NumberWords {};
