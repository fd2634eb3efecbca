//! Italian number words (see [`NumberWords`](crate::extract::lang::numbers::NumberWords)).

#[allow(unused_imports)]
use crate::extract::lang::numbers::{
    NumberWords, OrdinalSuffixes, ambiguous_scale, money_scale, scale,
};

pub(super) const SIGN_WORDS: &[&str] = &["meno", "negativo", "negativa"];

pub static NUMBERS: NumberWords = NumberWords {
    decimal_comma: true,
    sign_words: SIGN_WORDS,
    point_word: "virgola",
    ratio_word: "su",
    ratio_phrases: &[],
    scale_words: &[
        ("mln", scale(6)),
        ("mn", scale(6)),
        ("mld", scale(9)),
        ("mrd", scale(9)),
        ("bn", scale(9)),
        ("tn", scale(12)),
        ("k", money_scale(3)),
        ("m", money_scale(6)),
        ("b", money_scale(9)),
        ("mila", scale(3)),
        ("milione", scale(6)),
        ("milioni", scale(6)),
        ("miliardo", scale(9)),
        ("miliardi", scale(9)),
        // Journalists use the short scale; dictionaries give the long one.
        ("bilione", ambiguous_scale(9, 12)),
        ("bilioni", ambiguous_scale(9, 12)),
        ("trilione", ambiguous_scale(12, 18)),
        ("trilioni", ambiguous_scale(12, 18)),
    ],
    multiplier_words: &[
        ("dozzina", 12),
        ("dozzine", 12),
        ("centinaia", 100),
        ("migliaia", 1000),
    ],
    ordinal_suffixes: OrdinalSuffixes {
        words: &[
            "mo", "ma", "mi", "me", "esimo", "esima", "esimi", "esime", "º", "ª",
        ],
        after_dot: &[],
        degree_sign: true,
        by_last_digit: None,
    },
    spelled: &super::spelled::SPELLED,
};
