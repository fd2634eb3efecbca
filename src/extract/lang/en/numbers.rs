//! English number words (see [`NumberWords`](crate::extract::lang::numbers::NumberWords)).

#[allow(unused_imports)]
use crate::extract::lang::numbers::{
    NumberWords, OrdinalSuffixes, ambiguous_scale, money_scale, scale,
};

pub(super) const SIGN_WORDS: &[&str] = &["minus", "negative"];

pub static NUMBERS: NumberWords = NumberWords {
    decimal_comma: false,
    sign_words: SIGN_WORDS,
    point_word: "point",
    ratio_word: "over",
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
        ("hundred", scale(2)),
        ("thousand", scale(3)),
        ("lakh", scale(5)),
        ("lakhs", scale(5)),
        ("lac", scale(5)),
        ("lacs", scale(5)),
        ("lkh", scale(5)),
        ("mil", scale(6)),
        ("crore", scale(7)),
        ("crores", scale(7)),
        ("krore", scale(7)),
        ("krores", scale(7)),
        ("million", scale(6)),
        ("millions", scale(6)),
        ("billion", scale(9)),
        ("billions", scale(9)),
        ("trillion", scale(12)),
        ("trillions", scale(12)),
        ("bln", scale(9)),
        ("trn", scale(12)),
    ],
    multiplier_words: &[
        ("dozen", 12),
        ("dozens", 12),
        ("dz", 12),
        ("dzs", 12),
        ("doz", 12),
    ],
    ordinal_suffixes: OrdinalSuffixes {
        words: &[],
        after_dot: &[],
        degree_sign: false,
        by_last_digit: Some(["st", "nd", "rd", "th", "th"]),
    },
    spelled: &super::spelled::SPELLED,
};
