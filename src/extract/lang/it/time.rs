//! Italian time words (see [`TimeWords`](crate::extract::lang::time::TimeWords)).

use crate::extract::lang::time::TimeWords;

pub static TIME: TimeWords = TimeWords {};
