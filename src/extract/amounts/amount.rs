//! From a number (digits or words) to a typed claim: scale word, then what follows it —
//! percent sign or words, currency, time unit, measurement unit, or the noun of a count.
//!
//! The span runs from the first token of the number (or the currency symbol written before it)
//! to the last word of its unit, Italian "di" included ("13,6 miliardi di yuan"). A plain
//! 4-digit number in 1800–2100 with no scale, currency, percent or unit after it is a year
//! (an earlier one after a year word or month name, unless a counted noun follows).

use super::subunit::{compound_cents, subunit};
use super::words::{
    after_of, count_noun, currency_after, letter_before_count, percent_words, quantity_after,
};
use crate::extract::found::{Found, ambiguity, iso_date};
use crate::extract::numbers::number::{half_unit, power_of_ten};
use crate::extract::numbers::scale::{and_a_half, letter_scale, scale_remainder};
use crate::extract::numbers::unit_fraction::fraction_after_unit;
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Qualifier};
use rust_decimal::Decimal;

/// The number part of a claim, before what follows it is looked at.
#[derive(Debug, Clone)]
pub struct Core {
    /// First token of the claim (the currency symbol if one was written before the number).
    pub first_token: usize,
    /// Token after the number.
    pub next: usize,
    pub value: Decimal,
    /// Digits written after the decimal separator.
    pub decimals: u32,
    pub sign: Option<char>,
    /// A separator ambiguity: (kind, note, alternative value before scaling).
    pub ambiguity: Option<(&'static str, &'static str, Option<Decimal>)>,
    pub approx: bool,
    pub collective: bool,
    pub year: Option<i32>,
    /// Half-width of the precision interval when not half a unit of the last digit (zero for
    /// exact values such as fractions).
    pub half: Option<Decimal>,
    /// Currency written before the number ("$", "US$", "EUR").
    pub prefix_currency: Option<&'static str>,
}

/// What the words after the number made of it.
struct Tail {
    kind: ClaimKind,
    unit: Option<String>,
    /// Token index of the last token of the claim.
    last: usize,
    /// The amount was in hundredths ("50 cents"); the bool says the currency is a guess.
    hundredths: Option<bool>,
    /// A fraction written after the unit, added to the amount ("due ore e mezza").
    plus: Option<Decimal>,
}

/// Builds the claim for `core`; returns it with the index of the token after it.
pub fn finish(context: &Context, mut core: Core) -> Option<(Found, usize)> {
    let mut next = core.next;
    let mut value = core.value;
    let mut half = core.half.unwrap_or_else(|| half_unit(core.decimals));
    let mut alternative = core.ambiguity.and_then(|(_, _, alt)| alt);
    let mut scale_text = None;
    let mut long_scale = None;
    if context.follows(next) {
        if let Some(lower) = context.lower(next) {
            let money_context = core.prefix_currency.is_some();
            let scale = context
                .lexicon
                .numbers
                .scale_word(lower.as_str())
                .filter(|s| {
                    !s.money_only
                        || money_context
                        || letter_before_count(context, core.first_token, next)
                })
                .or_else(|| {
                    // "1.500 M€", "300 M$": a letter glued to the currency symbol after it.
                    let before_symbol = context.glued(next + 1)
                        && context
                            .symbol(next + 1)
                            .is_some_and(|c| super::money::symbol_currency(c).is_some());
                    letter_scale(context, next, before_symbol)
                });
            if let Some(scale) = scale {
                let factor = power_of_ten(scale.exponent);
                value = value.checked_mul(factor)?;
                half = half.checked_mul(factor)?;
                alternative = match alternative {
                    Some(alt) => Some(alt.checked_mul(factor)?),
                    None => None,
                };
                if let Some(long) = scale.long_scale_exponent {
                    long_scale = Some(core.value.checked_mul(power_of_ten(long))?);
                }
                scale_text = Some(context.slice(next).to_string());
                next += 1;
                // "4 mil millones", "two thousand million": a thousand of a larger scale.
                let larger = context
                    .lower(next)
                    .filter(|_| scale.exponent == 3 && context.follows(next))
                    .and_then(|l| context.lexicon.numbers.scale_word(l.as_str()))
                    .filter(|s| !s.money_only && s.exponent > 3);
                if let Some(larger) = larger {
                    let factor = power_of_ten(larger.exponent);
                    value = value.checked_mul(factor)?;
                    half = half.checked_mul(factor)?;
                    alternative = match alternative {
                        Some(alt) => Some(alt.checked_mul(factor)?),
                        None => None,
                    };
                    let first_scale = context.tokens[next - 1].start;
                    scale_text =
                        Some(context.text[first_scale..context.tokens[next].end].to_string());
                    next += 1;
                }
                // "3 milioni e mezzo", "un miliardo e mezzo milione", "3 hundred and 21".
                let rest = and_a_half(context, next, factor)
                    .or_else(|| scale_remainder(context, next, scale.exponent));
                if let Some((extra, after)) = rest.filter(|_| value.is_integer()) {
                    value = value.checked_add(extra)?;
                    next = after;
                }
            } else if let Some(multiplier) = context.lexicon.numbers.multiplier_word(lower.as_str())
            {
                // "3 dozens", "tre dozzine": a count of twelves.
                let factor = Decimal::from(multiplier);
                value = value.checked_mul(factor)?;
                half = half.checked_mul(factor)?;
                alternative = None;
                core.collective = true;
                next += 1;
            }
        }
    }
    let scaled = scale_text.is_some();
    let mut tail = match core.prefix_currency {
        Some(code) => Tail {
            kind: ClaimKind::Money,
            unit: Some(code.to_string()),
            last: next - 1,
            hundredths: None,
            plus: None,
        },
        None => read_tail(context, &core, next, scaled),
    };
    if let Some(plus) = tail.plus {
        value = value.checked_add(plus)?;
    }
    let mut unstated_currency = false;
    if let Some(guessed) = tail.hundredths {
        let hundred = Decimal::ONE_HUNDRED;
        value = value.checked_div(hundred)?;
        half = half.checked_div(hundred)?;
        alternative = None;
        unstated_currency = guessed;
    } else if tail.kind == ClaimKind::Money && !scaled && core.decimals == 0 && value.is_integer() {
        // "3 dollars 50 cents", "$20 and 43c", "20 ringgit 43".
        let named_after = core.prefix_currency.is_none();
        if let Some((cents, last)) = compound_cents(context, tail.last + 1, named_after) {
            let cents = Decimal::new(cents as i64, 2);
            value = if value.is_sign_negative() {
                value.checked_sub(cents)?
            } else {
                value.checked_add(cents)?
            };
            half = Decimal::new(5, 3);
            tail.last = last;
        }
    }
    let last = tail.last;
    let mut found = Found {
        kind: tail.kind,
        start: context.tokens[core.first_token].start,
        end: context.tokens[last].end,
        first_token: core.first_token,
        value,
        unit: tail.unit,
        scale: scale_text,
        low: value.checked_sub(half)?,
        high: value.checked_add(half)?,
        qualifier: if core.approx {
            Qualifier::Approx
        } else {
            Qualifier::None
        },
        ambiguity: Vec::new(),
        date: None,
        sign: core.sign,
    };
    if let Some((kind, note, _)) = core.ambiguity {
        found.ambiguity.push(ambiguity(kind, note, alternative));
    }
    if unstated_currency {
        found.ambiguity.push(ambiguity(
            "currency-unstated",
            "cents of an unstated currency; read in the language's usual one",
            None,
        ));
    }
    if let Some(long) = long_scale {
        found.ambiguity.push(ambiguity(
            "long-scale",
            "Italian bilione/trilione is 10^12/10^18 in the dictionary; read as 10^9/10^12",
            Some(long),
        ));
    }
    if found.kind == ClaimKind::Date {
        let year = core.year.unwrap_or(0);
        found = Found::exact(
            ClaimKind::Date,
            found.start,
            found.end,
            core.first_token,
            year.into(),
        );
        found.date = Some(iso_date(Some(year), None, None));
    }
    Some((found, last + 1))
}

fn read_tail(context: &Context, core: &Core, next: usize, scaled: bool) -> Tail {
    let plain = |kind| Tail {
        kind,
        unit: None,
        last: next - 1,
        hundredths: None,
        plus: None,
    };
    let unit_tail = |kind, unit: &str, last| Tail {
        kind,
        unit: Some(unit.to_string()),
        last,
        hundredths: None,
        plus: None,
    };
    if !context.follows(next) {
        return match core.year {
            Some(_) if !scaled => plain(ClaimKind::Date),
            _ => plain(ClaimKind::Number),
        };
    }
    if let Some((unit, last)) = percent_words(context, next) {
        return unit_tail(ClaimKind::Percent, unit, last);
    }
    // "five thousandths of a second", "un cuarto de punto": a fraction of a unit.
    let fraction = core.half == Some(Decimal::ZERO) && !scaled && core.value.abs() < Decimal::ONE;
    let of = if scaled || core.collective {
        after_of(context, next)
    } else if fraction {
        after_of(context, next).map(|at| {
            let article = context.word_is(at, context.lexicon.numbers.spelled.one_articles);
            at + usize::from(article && context.follows(at + 1))
        })
    } else {
        None
    };
    if let Some(at) = of.filter(|_| fraction) {
        if let Some((unit, last)) = percent_words(context, at) {
            return unit_tail(ClaimKind::Percent, unit, last);
        }
    }
    // "tres décimas": the fraction word is itself a part of a point; with "of" after it
    // ("tres décimas de segundo", "nove decimi della popolazione") it is a part of that.
    let of_something =
        of.is_some() || context.word_is(next, context.lexicon.amounts.of_with_article);
    if fraction
        && !of_something
        && context.word_is(next - 1, context.lexicon.amounts.point_fractions)
    {
        return Tail {
            kind: ClaimKind::Percent,
            unit: Some("pp".to_string()),
            last: next - 1,
            hundredths: None,
            plus: None,
        };
    }
    // "4,2 puntos", "half a point": a point with decimals is a percentage point.
    let has_fraction = !core.value.fract().is_zero() || fraction;
    for at in [Some(next), of.filter(|_| fraction)].into_iter().flatten() {
        if has_fraction && context.word_is(at, context.lexicon.amounts.bare_point_words) {
            return unit_tail(ClaimKind::Percent, "pp", at);
        }
    }
    // "12-cent", "one-yen", "a 10-km race": a unit joined with a hyphen.
    let hyphen = (context.symbol(next) == Some('-')
        && context.glued(next)
        && context.glued(next + 1)
        && context.word(next + 1).is_some())
    .then_some(next + 1);
    for at in [Some(next), hyphen].into_iter().flatten() {
        if let Some((code, guessed)) = subunit(context, at, false) {
            return Tail {
                kind: ClaimKind::Money,
                unit: Some(code.to_string()),
                last: at,
                hundredths: Some(guessed),
                plus: None,
            };
        }
    }
    for at in [Some(next), of, hyphen].into_iter().flatten() {
        if let Some((code, last)) = currency_after(context, at) {
            return unit_tail(ClaimKind::Money, code, last);
        }
    }
    if !scaled && !core.collective {
        // "3 anni", "49 minutes", and adjectival "a 10-year bond", "a 24-hour strike".
        let words = context.lexicon.amounts;
        let spaced = Some(next).filter(|&at| !context.glued(at));
        let fraction_of = of.filter(|_| fraction);
        // "un 34enne": an age glued to the number, in years.
        if context.glued(next) && context.word_is(next, words.age_suffixes) {
            return unit_tail(ClaimKind::Duration, "years", next);
        }
        // "John Smith, 34, was charged": an age set off by commas.
        let unsigned = core.sign.is_none() && core.decimals == 0 && core.first_token + 1 == next;
        if words.age_between_commas
            && super::units::age_between_commas(context, core.value, unsigned, next)
        {
            return unit_tail(ClaimKind::Duration, "years", next - 1);
        }
        for at in [spaced, hyphen, fraction_of].into_iter().flatten() {
            let unit = context.lower(at).and_then(|l| {
                let l = l.as_str();
                words.calendar_unit(l).or_else(|| {
                    if Some(at) == fraction_of {
                        // "tre decimi di secondo".
                        words.fraction_clock_unit(l)
                    } else {
                        words.clock_unit(l)
                    }
                })
            });
            if let Some(unit) = unit {
                // "a 34-year-old man": the age word joins the claim.
                let aged = Some(at) == hyphen
                    && context.symbol(at + 1) == Some('-')
                    && context.glued(at + 1)
                    && context.glued(at + 2)
                    && context.word_is(at + 2, words.age_words);
                if aged {
                    return unit_tail(ClaimKind::Duration, unit, at + 2);
                }
                // "due ore e mezza", "tres años y medio": a fraction after the unit.
                let after = Some(at) == spaced && core.value.is_integer();
                if let Some((plus, last)) = after
                    .then(|| fraction_after_unit(context, at + 1))
                    .flatten()
                {
                    return Tail {
                        plus: Some(plus),
                        ..unit_tail(ClaimKind::Duration, unit, last)
                    };
                }
                return unit_tail(ClaimKind::Duration, unit, at);
            }
        }
    }
    for at in [Some(next), of, hyphen].into_iter().flatten() {
        if let Some((unit, last)) = quantity_after(context, at) {
            return unit_tail(ClaimKind::Quantity, unit, last);
        }
    }
    // A year before 1800 is one only when no counted noun follows ("in 1500 cases" counts).
    let old_year = core.year.is_some_and(|year| year < 1800);
    if core.year.is_some() && !scaled && !(old_year && count_noun(context, next).is_some()) {
        return plain(ClaimKind::Date);
    }
    if context.glued(next) {
        return plain(ClaimKind::Number);
    }
    // A proportion below one ("cuatro de cada diez hogares", "a third") counts nothing.
    if !scaled && core.value.abs() < Decimal::ONE {
        return plain(ClaimKind::Number);
    }
    let noun_at = of.unwrap_or(next);
    // "5 miliardi di fatturato": a sum whose currency is unwritten, no count of revenue.
    let measure =
        scaled && of.is_some() && context.word_is(noun_at, context.lexicon.amounts.measure_nouns);
    if measure {
        return plain(ClaimKind::Number);
    }
    if let Some(last) = count_noun(context, noun_at) {
        let noun = context.lower(last).map(|l| l.as_str().to_string());
        return Tail {
            kind: ClaimKind::Count,
            unit: noun,
            last,
            hundredths: None,
            plus: None,
        };
    }
    plain(ClaimKind::Number)
}
