//! Scale words after a number: "miliardi", "bn", "thousand" …
//!
//! Italian `bilione`/`trilione` are read on the short scale journalists use (10^9, 10^12) and
//! carry the dictionary's long-scale value (10^12, 10^18) as an ambiguity. The one-letter
//! abbreviations `k`, `m`, `b` only count as scale words next to a currency, where "5m" cannot
//! mean five metres.

use crate::model::Lang;

/// What a scale word multiplies by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScaleWord {
    /// Power of ten of the reading used.
    pub exponent: u32,
    /// Power of ten of the long-scale reading, when the word is ambiguous.
    pub long_scale_exponent: Option<u32>,
    /// Only a scale word when the amount is money.
    pub money_only: bool,
}

const fn plain(exponent: u32) -> Option<ScaleWord> {
    Some(ScaleWord {
        exponent,
        long_scale_exponent: None,
        money_only: false,
    })
}

/// Looks up a lower-cased word.
pub fn scale_word(lower: &str, lang: Lang) -> Option<ScaleWord> {
    let common = match lower {
        "mln" | "mn" => plain(6),
        "mld" | "mrd" | "bn" => plain(9),
        "tn" => plain(12),
        "k" | "m" | "b" => Some(ScaleWord {
            exponent: match lower {
                "k" => 3,
                "m" => 6,
                _ => 9,
            },
            long_scale_exponent: None,
            money_only: true,
        }),
        _ => None,
    };
    if common.is_some() {
        return common;
    }
    match lang {
        Lang::It => match lower {
            "mila" => plain(3),
            "milione" | "milioni" => plain(6),
            "miliardo" | "miliardi" => plain(9),
            "bilione" | "bilioni" => Some(ScaleWord {
                exponent: 9,
                long_scale_exponent: Some(12),
                money_only: false,
            }),
            "trilione" | "trilioni" => Some(ScaleWord {
                exponent: 12,
                long_scale_exponent: Some(18),
                money_only: false,
            }),
            _ => None,
        },
        Lang::En => match lower {
            "thousand" => plain(3),
            "million" | "millions" => plain(6),
            "billion" | "billions" => plain(9),
            "trillion" | "trillions" => plain(12),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_scale_words() {
        assert_eq!(scale_word("miliardi", Lang::It).unwrap().exponent, 9);
        assert_eq!(scale_word("mila", Lang::It).unwrap().exponent, 3);
        assert_eq!(scale_word("mln", Lang::It).unwrap().exponent, 6);
        assert_eq!(scale_word("mld", Lang::It).unwrap().exponent, 9);
        assert!(scale_word("thousand", Lang::It).is_none());
    }

    #[test]
    fn italian_trilioni_is_short_scale_with_long_alternative() {
        let trilioni = scale_word("trilioni", Lang::It).unwrap();
        assert_eq!(
            (trilioni.exponent, trilioni.long_scale_exponent),
            (12, Some(18))
        );
        let bilione = scale_word("bilione", Lang::It).unwrap();
        assert_eq!(
            (bilione.exponent, bilione.long_scale_exponent),
            (9, Some(12))
        );
    }

    #[test]
    fn english_scale_words_and_money_only_letters() {
        assert_eq!(scale_word("bn", Lang::En).unwrap().exponent, 9);
        assert_eq!(
            scale_word("trillion", Lang::En)
                .unwrap()
                .long_scale_exponent,
            None
        );
        assert!(scale_word("m", Lang::En).unwrap().money_only);
        assert!(!scale_word("million", Lang::En).unwrap().money_only);
    }
}
