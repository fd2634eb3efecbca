//! English spelled numbers: compounds across tokens ("twenty-three", "one hundred and three"),
//! ordinals ("seventy-fifth"), and "a dozen" / "a couple" / "a hundred" / "a million".
//!
//! A small state machine accepts a word only after the kinds of word that may precede it, so
//! "one two" is two numbers and "the first" is an ordinal while "First," is not.

use super::context::Context;
use super::scale::scale_word;
use super::spelled::{Spelled, preceded_by_article};
use crate::model::Lang;

/// English words of numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EnglishWord {
    Unit(u64),
    Teen(u64),
    Tens(u64),
    Hundred,
    Thousand,
    OrdinalUnit(u64),
    OrdinalTens(u64),
    OrdinalHundred,
    OrdinalThousand,
}

fn english_word(lower: &str) -> Option<EnglishWord> {
    use EnglishWord::*;
    // Every English number word starts with one of these letters and has 3–11 letters.
    let quick_reject = !(3..=11).contains(&lower.len())
        || !matches!(
            lower.as_bytes()[0],
            b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n' | b'h'
        );
    if quick_reject {
        return None;
    }
    const UNITS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    const TEENS: [&str; 10] = [
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const ORDINAL_UNITS: [&str; 20] = [
        "zeroth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const ORDINAL_TENS: [&str; 8] = [
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
    ];
    let find = |list: &[&str]| list.iter().position(|&w| w == lower).map(|p| p as u64);
    if let Some(p) = find(&UNITS) {
        return Some(Unit(p));
    }
    if let Some(p) = find(&TEENS) {
        return Some(Teen(p + 10));
    }
    if let Some(p) = find(&TENS) {
        return Some(Tens((p + 2) * 10));
    }
    if let Some(p) = find(&ORDINAL_UNITS) {
        return Some(OrdinalUnit(p));
    }
    if let Some(p) = find(&ORDINAL_TENS) {
        return Some(OrdinalTens((p + 2) * 10));
    }
    match lower {
        "hundred" => Some(Hundred),
        "thousand" => Some(Thousand),
        "hundredth" => Some(OrdinalHundred),
        "thousandth" => Some(OrdinalThousand),
        _ => None,
    }
}

pub fn read_english(context: &Context, start: usize, first: &str) -> Option<Spelled> {
    use EnglishWord::*;
    let mut index = start;
    let mut current: u64 = 0;
    let mut total: u64 = 0;
    // What the previous word was: None at the start, Some(word) after one.
    let mut previous: Option<EnglishWord> = None;
    let mut article = false;
    if matches!(first, "a" | "an") {
        let next = context.lower(start + 1)?;
        let next = next.as_str();
        if !context.follows(start + 1) {
            return None;
        }
        match next {
            "dozen" | "couple" => {
                return Some(Spelled {
                    value: if next == "dozen" { 12 } else { 2 },
                    next: start + 2,
                    ordinal: false,
                    approx: false,
                    collective: true,
                });
            }
            "hundred" | "thousand" => {
                article = true;
                current = 1;
                index += 1;
            }
            _ if scale_word(next, Lang::En).is_some_and(|s| !s.money_only) => {
                return Some(Spelled {
                    value: 1,
                    next: start + 1,
                    ordinal: false,
                    approx: false,
                    collective: false,
                });
            }
            _ => return None,
        }
    }
    let mut ordinal = false;
    let mut last_good = None;
    while index < context.len() {
        if index > start && !context.follows(index) {
            break;
        }
        // "twenty-three": a hyphen glued on both sides after a tens word.
        if context.symbol(index) == Some('-')
            && matches!(previous, Some(Tens(_)))
            && context.glued(index)
            && context.glued(index + 1)
        {
            index += 1;
            continue;
        }
        let Some(lower) = context.lower(index) else {
            break;
        };
        let lower = lower.as_str();
        if lower == "and" && matches!(previous, Some(Hundred | Thousand)) {
            index += 1;
            continue;
        }
        let Some(word) = english_word(lower) else {
            break;
        };
        let after_big = matches!(previous, None | Some(Hundred | Thousand));
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
                if (article && previous.is_none()) || matches!(previous, Some(Unit(_) | Teen(_))) {
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
            Unit(_) => false,
        };
        if !accepted {
            break;
        }
        if matches!(word, Unit(0)) && previous.is_some() {
            break;
        }
        previous = Some(word);
        index += 1;
        last_good = Some(index);
        if matches!(
            word,
            OrdinalUnit(_) | OrdinalTens(_) | OrdinalHundred | OrdinalThousand
        ) {
            ordinal = true;
            break;
        }
    }
    let next = last_good?;
    if ordinal
        && next == start + 1
        && matches!(first, "first" | "second")
        && !preceded_by_article(context, start)
    {
        return None;
    }
    Some(Spelled {
        value: total + current,
        next,
        ordinal,
        approx: false,
        collective: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words() {
        assert_eq!(english_word("seventy"), Some(EnglishWord::Tens(70)));
        assert_eq!(english_word("fifth"), Some(EnglishWord::OrdinalUnit(5)));
        assert_eq!(english_word("dozen"), None);
    }
}
