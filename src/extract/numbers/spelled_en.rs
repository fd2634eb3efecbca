//! English spelled numbers: compounds across tokens ("twenty-three", "one hundred and three",
//! "three million two hundred thousand"), ordinals ("seventy-fifth", "twentyfifth"), and
//! "a dozen" / "a couple" / "a pair" / "a hundred" / "a million" / "half a dozen".
//!
//! A small state machine accepts a word only after the kinds of word that may precede it, so
//! "one two" is two numbers and "the first" is an ordinal while "First," is not. A scale word
//! at the end of the phrase ("three million") is left to the caller, so that its precision
//! follows the scale; fractions, "point" decimals and signs are read on top of the phrase in
//! `numbers/fraction.rs`.

use super::fraction::{article_fraction, english_fraction};
use super::spelled::{Spelled, preceded_by_article};
pub use super::words_en::{EnglishWord, english_word};
use crate::extract::tokens::context::Context;
use rust_decimal::Decimal;

/// A dash that joins the words of a compound ("twenty-three", "fifty - two", "thirty—first").
pub fn is_joiner(symbol: Option<char>) -> bool {
    matches!(symbol, Some('-' | '–' | '—'))
}

/// An integer phrase read by the state machine.
#[derive(Debug, Clone, Copy, Default)]
pub struct IntegerPhrase {
    pub value: u64,
    pub next: usize,
    pub ordinal: bool,
    /// The value before the last "and", when one joined the phrase ("one hundred and three").
    pub before_and: Option<u64>,
    /// A scale word right after the phrase, left for the caller: (value with it, token after).
    pub trailing_scale: Option<(u64, usize)>,
    /// Only the word "one", alone.
    pub lone_one: bool,
}

pub fn read_english(context: &Context, start: usize, first: &str) -> Option<Spelled> {
    // Every phrase read here opens with an article, "half" or a word of the lexicon: checking
    // that first keeps the common words of prose off the state machine's set-up.
    if !matches!(first, "a" | "an" | "half") && english_word(first).is_none() {
        return None;
    }
    let collective = |value: u64, next: usize| {
        Some(Spelled {
            collective: true,
            ..Spelled::integer(value, next)
        })
    };
    if matches!(first, "a" | "an") {
        if !context.follows(start + 1) {
            return None;
        }
        let next = context.lower(start + 1)?;
        match next.as_str() {
            "dozen" => return collective(12, start + 2),
            "couple" | "pair" => return collective(2, start + 2),
            "hundred" | "thousand" => {}
            other
                if context
                    .lexicon
                    .numbers
                    .scale_word(other)
                    .is_some_and(|s| !s.money_only) =>
            {
                return Some(Spelled::integer(1, start + 1));
            }
            // "a third", "a hundredth", "a twenty-first".
            _ => return article_fraction(context, start + 1),
        }
    }
    if first == "half" && context.word_is(start + 1, &["a", "an"]) {
        if context.word_is(start + 2, &["dozen"]) {
            return collective(6, start + 3);
        }
        // "half a million": the scale word is read by the caller.
        let next_is_scale = context
            .lower(start + 2)
            .and_then(|l| context.lexicon.numbers.scale_word(l.as_str()))
            .is_some_and(|s| !s.money_only);
        if next_is_scale {
            return Some(Spelled {
                value: Decimal::new(5, 1),
                decimals: 1,
                ..Spelled::integer(0, start + 2)
            });
        }
        return None;
    }
    let phrase = integer_phrase(context, start, first)?;
    if phrase.ordinal {
        if phrase.next == start + 1 && matches!(first, "first" | "second") {
            let alone = context.word(start + 1).is_none()
                && (start == 0 || context.word(start - 1).is_none());
            if !alone && !preceded_by_article(context, start) {
                return None;
            }
        }
        return Some(Spelled {
            ordinal: true,
            ..Spelled::integer(phrase.value, phrase.next)
        });
    }
    if let Some(fraction) = english_fraction(context, &phrase) {
        return Some(fraction);
    }
    // "the one you mentioned", "which one": a pronoun, not a figure.
    if phrase.lone_one && start > 0 && context.word_is(start - 1, PRONOUN_DETERMINERS) {
        return None;
    }
    Some(Spelled::integer(phrase.value, phrase.next))
}

const PRONOUN_DETERMINERS: &[&str] = &[
    "the",
    "this",
    "that",
    "which",
    "each",
    "every",
    "any",
    "no",
    "another",
    "what",
    "whichever",
    "some",
    "someone",
    "anyone",
    "everyone",
    "little",
    "big",
    "only",
    "last",
    "other",
];

/// Reads an integer (or ordinal) phrase starting at `start`; `first` is its lower-cased first
/// word. "a hundred" / "a thousand" start with the article.
pub fn integer_phrase(context: &Context, start: usize, first: &str) -> Option<IntegerPhrase> {
    use EnglishWord::*;
    let mut index = start;
    let mut current: u64 = 0;
    let mut total: u64 = 0;
    let mut previous: Option<EnglishWord> = None;
    let mut article = false;
    if matches!(first, "a" | "an") {
        article = true;
        current = 1;
        index += 1;
    }
    let mut phrase = IntegerPhrase::default();
    let mut ordinal = false;
    let mut last_good: Option<(usize, u64)> = None;
    let mut pending_and: Option<u64> = None;
    let mut pending_scale: Option<usize> = None;
    let mut scales_in_a_row = 0;
    let mut words = 0;
    while index < context.len() {
        if index > start && !context.follows(index) {
            break;
        }
        // "twenty-three", "fifty - two", "thirty—first": a dash after a tens word.
        if is_joiner(context.symbol(index)) && matches!(previous, Some(Tens(_))) {
            index += 1;
            continue;
        }
        let owned;
        let lower = if index == start {
            first
        } else {
            let Some(word) = context.lower(index) else {
                break;
            };
            owned = word;
            owned.as_str()
        };
        if lower == "and" && matches!(previous, Some(Hundred | Thousand | Scale(_))) {
            pending_and = Some(total + current);
            index += 1;
            continue;
        }
        let Some(word) = english_word(lower) else {
            break;
        };
        let after_big = matches!(previous, None | Some(Hundred | Thousand | Scale(_)));
        let accepted = match word {
            Unit(v) | OrdinalUnit(v) if v < 10 => {
                if after_big || matches!(previous, Some(Tens(_))) {
                    current += v;
                    true
                } else {
                    false
                }
            }
            Teen(v) | OrdinalUnit(v) | Tens(v) | OrdinalTens(v) => {
                if after_big {
                    current += v;
                    true
                } else {
                    false
                }
            }
            Hundred | OrdinalHundred => {
                // "three hundred", "ninety-five hundred".
                let after_small = matches!(previous, Some(Unit(_) | Teen(_))) && current < 100;
                if (article && previous.is_none()) || after_small {
                    current = current.max(1) * 100;
                    true
                } else {
                    false
                }
            }
            Thousand | OrdinalThousand => {
                if (article && previous.is_none())
                    || matches!(previous, Some(Unit(_) | Teen(_) | Tens(_) | Hundred))
                {
                    total += current.max(1) * 1000;
                    current = 0;
                    true
                } else {
                    false
                }
            }
            Scale(multiplier) => match previous {
                Some(Scale(earlier)) if multiplier > earlier && current == 0 => {
                    // "three lakh crore": the scale words multiply.
                    total = total.checked_mul(multiplier)?;
                    true
                }
                Some(Unit(_) | Teen(_) | Tens(_) | Hundred | Thousand) if current > 0 => {
                    total = total.checked_add(current.checked_mul(multiplier)?)?;
                    current = 0;
                    true
                }
                _ => false,
            },
            Unit(_) => false,
        };
        if !accepted {
            break;
        }
        if matches!(word, Unit(0)) && previous.is_some() {
            break;
        }
        previous = Some(word);
        words += 1;
        index += 1;
        if let Scale(_) = word {
            pending_scale = Some(index);
            scales_in_a_row += 1;
            // "three lakh crore": scale words that multiply are read here, not by the caller.
            if scales_in_a_row > 1 {
                pending_scale = None;
                last_good = Some((index, total));
            }
            continue;
        }
        scales_in_a_row = 0;
        pending_scale = None;
        last_good = Some((index, total + current));
        if let Some(before) = pending_and.take() {
            phrase.before_and = Some(before);
        }
        if matches!(
            word,
            OrdinalUnit(_) | OrdinalTens(_) | OrdinalHundred | OrdinalThousand
        ) {
            ordinal = true;
            break;
        }
    }
    if let Some(after_scale) = pending_scale {
        let with_scale = total + current;
        match last_good {
            Some(_) => phrase.trailing_scale = Some((with_scale, after_scale)),
            // "a million": the article alone is the number.
            None => return None,
        }
    }
    let (next, value) = last_good?;
    phrase.value = value;
    phrase.next = next;
    phrase.ordinal = ordinal;
    phrase.lone_one = words == 1 && first == "one";
    Some(phrase)
}
