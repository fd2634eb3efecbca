//! The shape of one part of a language's lexicon. Words of amounts: currency names, symbols and
//! prefixes, sub-units, percent and point words, measurement and time units, counted nouns, and
//! the hedging words (qualifiers) before a figure.
//!
//! Each language fills one [`AmountWords`] in `lang/<code>/amounts.rs`; pipeline code reads only
//! the fields, never a language's words.

use crate::model::Qualifier;

/// See the module documentation.
#[derive(Debug)]
pub struct AmountWords {
    /// Hedging phrases that end right before a figure, lower-case, word by word ("more",
    /// "than"). The longest phrase that matches wins, so a negated form ("no more than") is
    /// listed beside the plain one.
    pub qualifiers: &'static [(&'static [&'static str], Qualifier)],
    /// Articles that may stand between a qualifier and its figure ("oltre i 200", "unos
    /// 300"); skipped, with an elision apostrophe after them.
    pub articles: &'static [&'static str],
}
