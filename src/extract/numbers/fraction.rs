//! Fractions and decimals written in words, on top of a spelled integer: "two thirds",
//! "one hundred and three quarters", "five and a quarter", "a twenty-first", "one over three",
//! "two hundred point seventy-one"; "due terzi", "tre e un quinto", "due e mezzo", "uno su
//! tre"; "dos tercios", "dos y medio", "tres sobre diez". Every word comes from the lexicon's
//! [`SpelledWords`](crate::extract::lang::spelled::SpelledWords) and number words.
//!
//! A fraction's value is exact in words, so it is rounded to 15 significant digits only
//! because a decimal cannot hold 2/3, and its precision interval is the value itself. The
//! numerator of a fraction after "and" is the part after the last "and" ("one hundred and three
//! quarters" is 100¾). "quarters" alone may be three months: it is read as a fraction only
//! before "of", in a mixed number, or at the end of the phrase.

use super::integer::{IntegerPhrase, integer_phrase, is_joiner};
use super::morphology;
use super::reading::Spelled;
use crate::extract::lang::spelled::{Grammar, PhraseWords, Role};
use crate::extract::tokens::context::Context;
use rust_decimal::Decimal;

const SIGNIFICANT_DIGITS: u32 = 15;

/// `whole + numerator / denominator`, rounded to 15 significant digits.
pub fn fraction_value(whole: Decimal, numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    if denominator.is_zero() {
        return None;
    }
    let quotient = numerator.checked_div(denominator)?;
    let total = whole.checked_add(quotient)?;
    Some(total.round_sf(SIGNIFICANT_DIGITS)?.normalize())
}

fn exact(value: Decimal, next: usize) -> Spelled {
    Spelled {
        value,
        exact: true,
        ..Spelled::integer(0, next)
    }
}

fn phrase_words<'a>(context: &Context<'a>) -> Option<&'a PhraseWords> {
    match &context.lexicon.numbers.spelled.grammar {
        Grammar::Phrase(words) => Some(words),
        Grammar::Compound(_) => None,
    }
}

/// A denominator word of a phrase grammar at token `at`: (denominator, plural, next token).
fn phrase_denominator(context: &Context, at: usize) -> Option<(u64, bool, usize)> {
    if !context.follows(at) {
        return None;
    }
    let spelled = context.lexicon.numbers.spelled;
    let words = phrase_words(context)?;
    let lower = context.lower(at)?;
    let lower = lower.as_str();
    if let Some(&(_, value, plural)) = spelled.denominators.iter().find(|d| d.0 == lower) {
        return Some((value, plural, at + 1));
    }
    let (singular, plural) = match lower.strip_suffix(words.ordinal_plural) {
        Some(stem) if !words.ordinal_plural.is_empty() => (stem, true),
        _ => (lower, false),
    };
    match words.role(singular)? {
        Role::OrdinalUnit(v) if v >= 3 => Some((v, plural, at + 1)),
        Role::OrdinalTens(v) => Some((v, plural, at + 1)),
        Role::OrdinalHundred => Some((100, plural, at + 1)),
        Role::OrdinalThousand => Some((1000, plural, at + 1)),
        // "twenty-fifths".
        Role::Tens(tens) if !plural => {
            let mut unit_at = at + 1;
            if is_joiner(context.symbol(unit_at)) {
                unit_at += 1;
            }
            if !context.follows(unit_at) {
                return None;
            }
            let unit = context.lower(unit_at)?;
            let unit = unit.as_str();
            let (stem, unit_plural) = match unit.strip_suffix(words.ordinal_plural) {
                Some(stem) if !words.ordinal_plural.is_empty() => (stem, true),
                _ => (unit, false),
            };
            match words.role(stem)? {
                Role::OrdinalUnit(u) if (1..10).contains(&u) => {
                    Some((tens + u, unit_plural, unit_at + 1))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The token after a fraction that ends before `next`, past the lexicon's part noun when it
/// follows ("una quinta parte", "dos terceras partes").
fn past_part_word(context: &Context, next: usize) -> usize {
    let part_words = context.lexicon.numbers.spelled.part_words;
    next + usize::from(context.follows(next) && context.word_is(next, part_words))
}

/// A numerator of one takes a singular denominator, more a plural one.
fn agrees(numerator: u64, plural: bool) -> bool {
    numerator == 1 || (numerator > 1 && plural)
}

/// "three quarters" before a noun other than "of" is more likely three calendar quarters.
fn quarters_as_months(context: &Context, denominator: u64, next: usize, mixed: bool) -> bool {
    denominator == 4
        && !mixed
        && context.follows(next)
        && context.word(next).is_some()
        && !context.word_is(next, context.lexicon.numbers.spelled.fraction_of)
        && !context.word_is(next, context.lexicon.numbers.spelled.part_words)
}

/// "a quarter", "a twentieth", "un tercio": an article and a singular denominator.
pub fn article_fraction(context: &Context, at: usize) -> Option<Spelled> {
    let (denominator, plural, next) = phrase_denominator(context, at)?;
    if plural || quarters_as_months(context, denominator, next, false) {
        return None;
    }
    let value = fraction_value(Decimal::ZERO, Decimal::ONE, Decimal::from(denominator))?;
    Some(exact(value, past_part_word(context, next)))
}

/// A fraction after an integer phrase: "two thirds", "five and a quarter", "two point five",
/// "one over three", "dos y medio".
pub fn phrase_fraction(context: &Context, phrase: &IntegerPhrase) -> Option<Spelled> {
    let numbers = context.lexicon.numbers;
    let spelled = numbers.spelled;
    let words = phrase_words(context)?;
    let whole = Decimal::from(phrase.value);
    if context.word_is(phrase.next, &[numbers.point_word]) && context.follows(phrase.next) {
        return point_decimals(context, phrase.value, phrase.next + 1);
    }
    let mut at = phrase.next;
    if is_joiner(context.symbol(at)) {
        at += 1;
    }
    if let Some((denominator, plural, next)) = phrase_denominator(context, at) {
        let split = phrase.before_and.unwrap_or(0);
        let numerator = phrase.value - split;
        let mixed = phrase.before_and.is_some();
        if agrees(numerator, plural) && !quarters_as_months(context, denominator, next, mixed) {
            let mut fraction = fraction_value(
                Decimal::ZERO,
                Decimal::from(numerator),
                Decimal::from(denominator),
            )?;
            let mut next = next;
            if let Some(multiplier) = scale_after(context, words, next).filter(|_| mixed) {
                fraction = fraction.checked_mul(Decimal::from(multiplier))?;
                next += 1;
            }
            let value = Decimal::from(split).checked_add(fraction)?.normalize();
            let next = if mixed {
                next
            } else {
                past_part_word(context, next)
            };
            return Some(exact(value, next));
        }
    }
    let and = [spelled.fraction_and];
    // "two million and a half", "dos millones y medio": the fraction is of the scale word.
    let (base, and_at, of_scale) = match phrase.trailing_scale {
        Some((with_scale, after)) if context.word_is(after, &and) => {
            (with_scale, after, scale_after(context, words, after - 1))
        }
        _ => (phrase.value, phrase.next, None),
    };
    if context.word_is(and_at, &and) && context.follows(and_at + 1) {
        let numerator_at = and_at + 1;
        let first = context.lower(numerator_at)?;
        let (numerator, denominator_at) = if spelled.one_articles.contains(&first.as_str()) {
            (1, numerator_at + 1)
        } else if spelled
            .denominators
            .iter()
            .any(|d| d.0 == first.as_str() && d.1 == 2 && !d.2)
        {
            // "dos y medio": a half needs no numerator.
            (1, numerator_at)
        } else {
            let part = integer_phrase(context, words, numerator_at, first.as_str())?;
            if part.ordinal || part.before_and.is_some() {
                return None;
            }
            (part.value, part.next)
        };
        let (denominator, plural, mut next) = phrase_denominator(context, denominator_at)?;
        if !agrees(numerator, plural) {
            return None;
        }
        let fraction = fraction_value(
            Decimal::ZERO,
            Decimal::from(numerator),
            Decimal::from(denominator),
        )?;
        let base = Decimal::from(base);
        let later_scale = scale_after(context, words, next);
        // "dos millones y medio de habitantes": the scale stage reads the half of the scale
        // and the noun after it.
        if of_scale.is_some() && later_scale.is_none() && numerator * 2 == denominator {
            return None;
        }
        if later_scale.is_some() {
            next += 1;
        }
        let value = match (of_scale, later_scale) {
            // "one billion and a half million": the fraction is of the later scale word.
            (Some(_), Some(later)) => {
                base.checked_add(fraction.checked_mul(Decimal::from(later))?)?
            }
            (Some(scale), None) => base.checked_add(fraction.checked_mul(Decimal::from(scale))?)?,
            // "two and a half million": the whole and its fraction are scaled.
            (None, Some(later)) => base
                .checked_add(fraction)?
                .checked_mul(Decimal::from(later))?,
            (None, None) => base.checked_add(fraction)?,
        };
        return Some(exact(value.normalize(), next));
    }
    if phrase.trailing_scale.is_none() {
        if let Some(after) = ratio_end(context, phrase.next) {
            return over_ratio(context, whole, after);
        }
    }
    None
}

fn scale_after(context: &Context, words: &PhraseWords, at: usize) -> Option<u64> {
    match words.role(context.lower(at).filter(|_| context.follows(at))?.as_str())? {
        Role::Scale(multiplier) => Some(multiplier),
        _ => None,
    }
}

/// The decimals after a point word: digits ("point 25") or single spelled digits ("point
/// two five"), or one spelled number ("point seventy-one").
pub fn point_decimals(context: &Context, integer: u64, at: usize) -> Option<Spelled> {
    if !context.follows(at) {
        return None;
    }
    let (digits, next) = if context.number(at).is_some_and(|n| n.plain) {
        (context.slice(at).to_string(), at + 1)
    } else {
        let mut digits = String::new();
        let mut index = at;
        let mut next = at;
        while let Some((value, after)) = integer_at(context, index) {
            let single = value < 10;
            if !single && !digits.is_empty() {
                break;
            }
            digits.push_str(&value.to_string());
            next = after;
            index = after;
            if !single {
                break;
            }
        }
        (digits, next)
    };
    if digits.is_empty() || digits.len() > 12 {
        return None;
    }
    let decimals = digits.len() as u32;
    let fractional: i64 = digits.parse().ok()?;
    let value = Decimal::from(integer).checked_add(Decimal::new(fractional, decimals))?;
    Some(Spelled {
        value,
        decimals,
        ..Spelled::integer(0, next)
    })
}

/// A whole number at `at`, in plain digits or spelled: (value, next token).
pub fn integer_at(context: &Context, at: usize) -> Option<(u64, usize)> {
    if let Some(number) = context.number(at) {
        return number
            .plain
            .then(|| u64::try_from(number.value.mantissa()).ok())
            .flatten()
            .map(|v| (v, at + 1));
    }
    let lower = context.lower(at)?;
    let lower = lower.as_str();
    let spelled = context.lexicon.numbers.spelled;
    match &spelled.grammar {
        Grammar::Phrase(words) => {
            if spelled.one_articles.contains(&lower) {
                return None;
            }
            let phrase = integer_phrase(context, words, at, lower)?;
            (!phrase.ordinal).then_some((phrase.value, phrase.next))
        }
        Grammar::Compound(words) => {
            if spelled.one_articles.contains(&lower) {
                return Some((1, at + 1));
            }
            if lower == words.zero {
                return Some((0, at + 1));
            }
            morphology::cardinal(words, lower).map(|v| (v, at + 1))
        }
    }
}

/// The token after a ratio word or phrase at `at` ("over", "su", "de cada").
pub fn ratio_end(context: &Context, at: usize) -> Option<usize> {
    let numbers = context.lexicon.numbers;
    if !context.follows(at) {
        return None;
    }
    if context.word_is(at, &[numbers.ratio_word]) {
        return Some(at + 1);
    }
    numbers.ratio_phrases.iter().find_map(|phrase| {
        phrase
            .iter()
            .enumerate()
            .all(|(k, word)| context.word_is(at + k, &[word]) && context.follows(at + k))
            .then_some(at + phrase.len())
    })
}

/// "3 over 4", "uno su tre", "cuatro de cada diez": a ratio below one.
pub fn over_ratio(context: &Context, numerator: Decimal, at: usize) -> Option<Spelled> {
    if !context.follows(at) {
        return None;
    }
    let (denominator, next) = integer_at(context, at)?;
    let denominator = Decimal::from(denominator);
    if numerator.is_zero() || numerator >= denominator {
        return None;
    }
    let ends_phrase = context.lexicon.numbers.spelled.ratio_ends_phrase;
    if ends_phrase && context.follows(next) && context.word(next).is_some() {
        return None;
    }
    let value = fraction_value(Decimal::ZERO, numerator, denominator)?;
    Some(exact(value, next))
}

/// A fraction after a compound cardinal `value` whose next token is `next`: "due terzi", "tre
/// e un quinto", "due e mezzo", "uno su tre", "duecento virgola settantuno".
pub fn compound_fraction(context: &Context, value: u64, next: usize) -> Option<Spelled> {
    if !context.follows(next) {
        return None;
    }
    let numbers = context.lexicon.numbers;
    let spelled = numbers.spelled;
    let Grammar::Compound(words) = &spelled.grammar else {
        return None;
    };
    let whole = Decimal::from(value);
    let lower = context.lower(next)?;
    let lower = lower.as_str();
    if lower == numbers.point_word {
        return point_decimals(context, value, next + 1);
    }
    if let Some(after) = ratio_end(context, next) {
        return over_ratio(context, whole, after);
    }
    if lower == spelled.fraction_and {
        let numerator_at = next + 1;
        if !context.follows(numerator_at) {
            return None;
        }
        if context.word_is(numerator_at, spelled.half_words) {
            let value = whole.checked_add(Decimal::new(5, 1))?;
            return Some(exact(value, numerator_at + 1));
        }
        let (numerator, denominator_at) = integer_at(context, numerator_at)?;
        let denominator_word = context.lower(denominator_at)?;
        let (denominator, plural) =
            morphology::denominator(spelled, words, denominator_word.as_str())?;
        if !agrees(numerator, plural) || !context.follows(denominator_at) {
            return None;
        }
        let value = fraction_value(whole, Decimal::from(numerator), Decimal::from(denominator))?;
        return Some(exact(value, denominator_at + 1));
    }
    let (denominator, plural) = morphology::denominator(spelled, words, lower)?;
    if !agrees(value, plural) {
        return None;
    }
    let value = fraction_value(Decimal::ZERO, whole, Decimal::from(denominator))?;
    Some(exact(value, past_part_word(context, next + 1)))
}
