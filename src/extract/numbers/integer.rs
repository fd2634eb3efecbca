//! Whole numbers in a phrase grammar: the state machine that reads "two hundred and forty",
//! "doscientos cuarenta y dos" or "dos mil millones" from the [`Role`] of each word.

use crate::extract::lang::spelled::{PhraseWords, Role};
use crate::extract::tokens::context::Context;

/// A hyphen or dash between a tens word and its unit ("twenty-three").
pub fn is_joiner(symbol: Option<char>) -> bool {
    matches!(symbol, Some('-' | '–' | '—'))
}

/// A cardinal or ordinal phrase read from `start` up to `next`.
#[derive(Debug, Clone, Copy, Default)]
pub struct IntegerPhrase {
    pub value: u64,
    pub next: usize,
    pub ordinal: bool,
    /// The value before an "and" inside the phrase ("one hundred and two" has 100): a
    /// fraction after the phrase may belong to the part after "and" ("two and three quarters").
    pub before_and: Option<u64>,
    /// A scale word the phrase ended on but did not take ("two million" read as 2 + scale).
    pub trailing_scale: Option<(u64, usize)>,
    /// The phrase is the lone word "one".
    pub lone_one: bool,
}

/// Reads the integer phrase at `start` ("two hundred and forty", "treinta y dos").
pub fn integer_phrase(
    context: &Context,
    words: &PhraseWords,
    start: usize,
    first: &str,
) -> Option<IntegerPhrase> {
    use Role::*;
    let mut index = start;
    let mut current: u64 = 0;
    let mut total: u64 = 0;
    let mut previous: Option<Role> = None;
    let mut article = false;
    let spelled = context.lexicon.numbers.spelled;
    if spelled.one_articles.contains(&first) {
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
    let mut count = 0;
    while index < context.len() {
        if index > start && !context.follows(index) {
            break;
        }
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
        if words.and_words.contains(&lower)
            && matches!(previous, Some(Hundred | Hundreds(_) | Thousand | Scale(_)))
        {
            pending_and = Some(total + current);
            index += 1;
            continue;
        }
        if words.tens_joiners.contains(&lower) && matches!(previous, Some(Tens(_))) {
            let unit_follows = context
                .lower(index + 1)
                .and_then(|next| words.role(next.as_str()))
                .is_some_and(|role| matches!(role, Unit(1..) | OrdinalUnit(1..10)));
            if !unit_follows || !context.follows(index + 1) {
                break;
            }
            index += 1;
            continue;
        }
        let Some(word) = words.role(lower) else {
            break;
        };
        let after_big = matches!(
            previous,
            None | Some(Hundred | Hundreds(_) | Thousand | Scale(_))
        );
        let accepted = match word {
            Unit(v) | OrdinalUnit(v) if v < 10 => {
                if after_big || matches!(previous, Some(Tens(_) | OrdinalTens(_))) {
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
            Hundreds(v) => {
                if matches!(previous, None | Some(Thousand | Scale(_))) {
                    current += v;
                    true
                } else {
                    false
                }
            }
            Hundred | OrdinalHundred => {
                let after_small = matches!(previous, Some(Unit(_) | Teen(_))) && current < 100;
                if (article && previous.is_none()) || after_small {
                    current = current.max(1) * 100;
                    true
                } else {
                    false
                }
            }
            Thousand | OrdinalThousand => {
                let bare = previous.is_none() && (article || words.bare_thousand);
                if bare
                    || matches!(
                        previous,
                        Some(Unit(_) | Teen(_) | Tens(_) | Hundred | Hundreds(_))
                    )
                {
                    total += current.max(1) * 1000;
                    current = 0;
                    true
                } else {
                    false
                }
            }
            Scale(multiplier) => match previous {
                // "a million", "un millón": the article is the one.
                None if article && current == 1 => {
                    total = multiplier;
                    current = 0;
                    true
                }
                Some(Scale(earlier)) if multiplier > earlier && current == 0 => {
                    total = total.checked_mul(multiplier)?;
                    true
                }
                // "mil millones": a thousand millions.
                Some(Thousand) if current == 0 && multiplier > 1000 => {
                    total = total.checked_mul(multiplier)?;
                    true
                }
                Some(Unit(_) | Teen(_) | Tens(_) | Hundred | Hundreds(_) | Thousand)
                    if current > 0 =>
                {
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
        count += 1;
        index += 1;
        if let Scale(_) = word {
            pending_scale = Some(index);
            scales_in_a_row += 1;
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
            // "vigésimo quinto": an ordinal tens word may take an ordinal unit after it.
            let unit_after = matches!(word, OrdinalTens(_))
                && context.follows(index)
                && context
                    .lower(index)
                    .and_then(|next| words.role(next.as_str()))
                    .is_some_and(|role| matches!(role, OrdinalUnit(1..10)));
            if !unit_after {
                break;
            }
            continue;
        }
    }
    if let Some(after_scale) = pending_scale {
        let with_scale = total + current;
        match last_good {
            Some(_) => phrase.trailing_scale = Some((with_scale, after_scale)),
            None => return None,
        }
    }
    let (next, value) = last_good?;
    phrase.value = value;
    phrase.next = next;
    phrase.ordinal = ordinal;
    phrase.lone_one = count == 1 && first == words.one;
    Some(phrase)
}
