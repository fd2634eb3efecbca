//! Spanish number words (see [`NumberWords`](crate::extract::lang::numbers::NumberWords)).

#[allow(unused_imports)]
use crate::extract::lang::numbers::{
    NumberWords, OrdinalSuffixes, ambiguous_scale, money_scale, scale,
};

pub(super) const SIGN_WORDS: &[&str] = &["menos", "negativo", "negativa"];

pub static NUMBERS: NumberWords = NumberWords {
    decimal_comma: true,
    sign_words: SIGN_WORDS,
    point_word: "coma",
    ratio_word: "sobre",
    ratio_phrases: &[&["de", "cada"]],
    scale_words: &[
        ("mil", scale(3)),
        ("millón", scale(6)),
        ("millon", scale(6)),
        ("millones", scale(6)),
        ("mill", scale(6)),
        ("mln", scale(6)),
        ("millardo", scale(9)),
        ("millardos", scale(9)),
        // Spanish keeps the long scale: a "billón" is a million millions.
        ("billón", scale(12)),
        ("billon", scale(12)),
        ("billones", scale(12)),
        ("k", money_scale(3)),
        ("m", money_scale(6)),
    ],
    multiplier_words: &[
        ("docena", 12),
        ("docenas", 12),
        ("centenar", 100),
        ("centenares", 100),
        ("millar", 1000),
        ("millares", 1000),
    ],
    ordinal_suffixes: OrdinalSuffixes {
        words: &[
            "º", "ª", "o", "a", "er", "ra", "ro", "do", "da", "to", "ta", "vo", "va", "no", "na",
            "mo", "ma",
        ],
        after_dot: &["º", "ª", "er"],
        degree_sign: true,
        by_last_digit: None,
    },
    spelled: &super::spelled::SPELLED,
};
