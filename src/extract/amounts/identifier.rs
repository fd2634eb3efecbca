//! Digits that name something rather than measure it ("FTSE 100", "Apollo 11", "iPhone 15"):
//! the scanner asks here before it reads a number as a figure, and such digits make no claim.

use crate::extract::amounts::money::currency_code;
use crate::extract::amounts::money_prefix::name_before_number;
use crate::extract::tokens::context::Context;

/// "FTSE 100", "Ibex 35", "S&P 500", "Apollo 11", "iPhone 15", "Boeing 737 MAX": digits that
/// are part of a name, not a figure. The number is a plain integer right after a name (a
/// capitalised word inside a sentence, or one with capitals after its first letter), no year,
/// and nothing after it makes it an amount: no percent, unit, currency, scale word or counted
/// noun ("Labour 411 seats" stays a count).
pub fn identifier_number(context: &Context, index: usize) -> bool {
    let Some(number) = context.number(index) else {
        return false;
    };
    if index == 0 || !number.plain || number.sign.is_some() || number.digit_count > 4 {
        return false;
    }
    // "Boeing 737-800": the digits after a name's number and a hyphen are the name's too.
    if index >= 2
        && context.symbol(index - 1) == Some('-')
        && context.glued(index)
        && context.glued(index - 1)
        && context.number(index - 2).is_some()
        && identifier_number(context, index - 2)
    {
        return true;
    }
    let value = number.value;
    if number.digit_count == 4 && (1800..=2100).contains(&value.mantissa()) {
        return false;
    }
    let name = index - 1;
    if !context.follows(index) || context.glued(index) {
        return false;
    }
    if is_score(context, index) {
        return false;
    }
    let Some(word) = context.word(name) else {
        return false;
    };
    let inner_capital = word.chars().skip(1).any(char::is_uppercase);
    let sentence_start = name == 0
        || !context.follows(name)
        || matches!(
            context.symbol(name - 1),
            Some('.' | '!' | '?' | ':' | ';' | '"' | '«' | '“' | '(' | '-' | '–' | '—')
        );
    if !(inner_capital || (context.capitalised(name) && !sentence_start)) {
        return false;
    }
    let lower = context.lower(name);
    let lower = lower.as_ref().map_or("", |l| l.as_str());
    let lexicon = context.lexicon;
    let known = lexicon.time.relative.modifier(lower).is_some()
        || crate::extract::time::lexicon::month_name(lower, context.lang).is_some()
        || crate::extract::time::lexicon::weekday_name(lower, context.lang).is_some()
        || lexicon.amounts.money.name(lower).is_some()
        || currency_code(word).is_some()
        || name_before_number(context, index).is_some()
        || lexicon.amounts.articles.contains(&lower)
        || lexicon.numbers.spelled.determiners.contains(&lower)
        || lexicon.numbers.is_sign_word(lower);
    if known {
        return false;
    }
    let next = index + 1;
    if !context.follows(next) {
        return true;
    }
    use crate::extract::amounts::words;
    let amount_after = words::percent_words(context, next).is_some()
        || words::currency_after(context, next).is_some()
        || words::quantity_after(context, next).is_some()
        || crate::extract::amounts::subunit::subunit(context, next, false).is_some()
        || context
            .lower(next)
            .is_some_and(|l| {
                let l = l.as_str();
                lexicon.numbers.scale_word(l).is_some()
                    || lexicon.amounts.calendar_unit(l).is_some()
                    || lexicon.amounts.clock_unit(l).is_some()
                    || lexicon.amounts.bare_point_words.contains(&l)
            })
        // "Labour 411 seats" counts; "iPhone 15 handsets", "FTSE 100 companies" do not.
        || (!inner_capital && !context.capitalised(next) && words::count_noun(context, next).is_some());
    !amount_after
}

/// "Milan 2-1", "Chelsea 3-0", "Betis 1-1": a result after a team's name, the winner's score
/// first, each one or two digits. A model number runs upwards ("Boeing 737-800") and stays a
/// name.
fn is_score(context: &Context, index: usize) -> bool {
    let Some(first) = context.number(index) else {
        return false;
    };
    let dash = index + 1;
    let second_index = if matches!(context.symbol(dash), Some('-' | '–')) {
        dash + 1
    } else {
        dash
    };
    let glued = context.glued(dash) && (second_index == dash || context.glued(second_index));
    let Some(second) = context.number(second_index) else {
        return false;
    };
    let signed = second.sign.is_some();
    glued
        && (second_index > dash || signed)
        && first.digit_count <= 2
        && second.digit_count <= 2
        && second.plain
        && first.value >= second.value.abs()
}
