//! Scale words after a number: "miliardi", "bn", "thousand" …
//!
//! Italian `bilione`/`trilione` are read on the short scale journalists use (10^9, 10^12) and
//! carry the dictionary's long-scale value (10^12, 10^18) as an ambiguity. The one-letter
//! abbreviations `k`, `m`, `b` only count as scale words next to a currency, where "5m" cannot
//! mean five metres.

use super::number::power_of_ten;
use crate::extract::lang::spelled::Grammar;
use crate::extract::tokens::context::Context;
use rust_decimal::Decimal;

pub use crate::extract::lang::numbers::ScaleWord;
use crate::extract::lang::numbers::scale;

/// A letter scale written as in "10k", "100K", "3M", "1MM", "1,2b", "10G": `k`/`K` even
/// spaced, the others glued to the number or, with `before_symbol`, to the currency symbol
/// after them ("1.500 M€"). Lower-case `m` stays metres, and `G` after a single digit is a
/// mobile network generation ("5G"), not billions.
pub fn letter_scale(context: &Context, at: usize, before_symbol: bool) -> Option<ScaleWord> {
    let written = context.slice(at);
    let glued = context.glued(at) || before_symbol;
    let exponent = match written {
        "k" | "K" => 3,
        "M" | "MM" if glued => 6,
        "b" | "B" if glued => 9,
        "G" if glued => {
            let single_digit = context
                .number(at - 1)
                .is_some_and(|n| n.plain && n.digit_count == 1);
            if single_digit {
                return None;
            }
            9
        }
        _ => return None,
    };
    Some(scale(exponent))
}

/// "e mezzo" / "and a half" after a scale word, optionally with a second scale word ("un
/// miliardo e mezzo milione"): (the half, token after).
pub fn and_a_half(context: &Context, at: usize, factor: Decimal) -> Option<(Decimal, usize)> {
    let spelled = context.lexicon.numbers.spelled;
    if !context.follows(at)
        || !context.word_is(at, &[spelled.fraction_and])
        || !context.follows(at + 1)
    {
        return None;
    }
    let after = if context.word_is(at + 1, spelled.half_words) {
        at + 2
    } else if context.word_is(at + 1, spelled.one_articles)
        && context.word_is(at + 2, spelled.half_words)
    {
        at + 3
    } else {
        return None;
    };
    let half = Decimal::new(5, 1);
    if context.follows(after) {
        if let Some(second) = context
            .lower(after)
            .and_then(|l| context.lexicon.numbers.scale_word(l.as_str()))
            .filter(|s| !s.money_only)
        {
            return Some((half.checked_mul(power_of_ten(second.exponent))?, after + 1));
        }
    }
    Some((half.checked_mul(factor)?, after))
}

/// "3 hundred and 21", "2 thousand and 5": the rest after "hundred"/"thousand" in a language
/// whose number phrases take "and" there, smaller than the scale (larger scales are not
/// continued: "$5 million and 300 jobs").
pub fn scale_remainder(context: &Context, at: usize, exponent: u32) -> Option<(Decimal, usize)> {
    let Grammar::Phrase(words) = &context.lexicon.numbers.spelled.grammar else {
        return None;
    };
    if !matches!(exponent, 2 | 3) {
        return None;
    }
    if !context.word_is(at, words.and_words) || !context.follows(at + 1) {
        return None;
    }
    let (rest, after) = super::fraction::integer_at(context, at + 1)?;
    let rest = Decimal::from(rest);
    (rest < power_of_ten(exponent)).then_some((rest, after))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lang::lexicon;
    use crate::model::Lang;

    fn lexicon_scale_word(word: &str, lang: Lang) -> Option<ScaleWord> {
        lexicon(lang).numbers.scale_word(word)
    }

    fn multiplier_word(word: &str, lang: Lang) -> Option<u64> {
        lexicon(lang).numbers.multiplier_word(word)
    }

    #[test]
    fn italian_scale_words() {
        assert_eq!(
            lexicon_scale_word("miliardi", Lang::It).unwrap().exponent,
            9
        );
        assert_eq!(lexicon_scale_word("mila", Lang::It).unwrap().exponent, 3);
        assert_eq!(lexicon_scale_word("mln", Lang::It).unwrap().exponent, 6);
        assert_eq!(lexicon_scale_word("mld", Lang::It).unwrap().exponent, 9);
        assert!(lexicon_scale_word("thousand", Lang::It).is_none());
    }

    #[test]
    fn italian_trilioni_is_short_scale_with_long_alternative() {
        let trilioni = lexicon_scale_word("trilioni", Lang::It).unwrap();
        assert_eq!(
            (trilioni.exponent, trilioni.long_scale_exponent),
            (12, Some(18))
        );
        let bilione = lexicon_scale_word("bilione", Lang::It).unwrap();
        assert_eq!(
            (bilione.exponent, bilione.long_scale_exponent),
            (9, Some(12))
        );
    }

    #[test]
    fn english_scale_words_and_money_only_letters() {
        assert_eq!(lexicon_scale_word("bn", Lang::En).unwrap().exponent, 9);
        assert_eq!(
            lexicon_scale_word("trillion", Lang::En)
                .unwrap()
                .long_scale_exponent,
            None
        );
        assert!(lexicon_scale_word("m", Lang::En).unwrap().money_only);
        assert!(!lexicon_scale_word("million", Lang::En).unwrap().money_only);
        assert_eq!(lexicon_scale_word("crore", Lang::En).unwrap().exponent, 7);
        assert_eq!(lexicon_scale_word("lakh", Lang::En).unwrap().exponent, 5);
    }

    #[test]
    fn multipliers() {
        assert_eq!(multiplier_word("dozens", Lang::En), Some(12));
        assert_eq!(multiplier_word("dozzine", Lang::It), Some(12));
        assert_eq!(multiplier_word("dozzine", Lang::En), None);
        assert_eq!(
            lexicon(Lang::Es).numbers.multiplier_word("docenas"),
            Some(12)
        );
    }

    #[test]
    fn spanish_scale_words_keep_the_long_scale() {
        let words = lexicon(Lang::Es).numbers;
        assert_eq!(words.scale_word("millones").unwrap().exponent, 6);
        assert_eq!(words.scale_word("millardos").unwrap().exponent, 9);
        assert_eq!(words.scale_word("billones").unwrap().exponent, 12);
        assert!(words.scale_word("billion").is_none());
    }
}
