//! A spelled number as read: its value, where it ends and what kind of word it was, shared by
//! the grammars (`phrase.rs`, `compound.rs`) and the fraction reader (`fraction.rs`).

use crate::extract::tokens::context::Context;
use rust_decimal::Decimal;

/// A spelled number read from tokens `start..next`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spelled {
    pub value: Decimal,
    /// Decimals written ("point five" has one), for the precision interval.
    pub decimals: u32,
    /// A fraction in words: the value is exact (precision is the value itself).
    pub exact: bool,
    pub next: usize,
    pub ordinal: bool,
    /// "un centinaio", "una decina": about that many.
    pub approx: bool,
    /// A collective noun ("dozzina", "dozen", "couple") that takes "di"/"of" before its noun.
    pub collective: bool,
}

impl Spelled {
    /// A plain integer read up to token `next`.
    pub fn integer(value: u64, next: usize) -> Spelled {
        Spelled {
            value: Decimal::from(value),
            decimals: 0,
            exact: false,
            next,
            ordinal: false,
            approx: false,
            collective: false,
        }
    }
}

/// Whether the word before `start` is a determiner (article, possessive, demonstrative),
/// which makes an ordinal that is also an ordinary word ("second", "prima") an ordinal.
pub fn preceded_by_article(context: &Context, start: usize) -> bool {
    if start == 0 {
        return false;
    }
    let before = if context.symbol(start - 1) == Some('\'') && start >= 2 {
        start - 2
    } else {
        start - 1
    };
    context.word_is(before, context.lexicon.numbers.spelled.determiners)
}
