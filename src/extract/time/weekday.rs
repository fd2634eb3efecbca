//! Dates that start at a weekday: a weekday with its date ("Lunedì 12 Gennaio 2016", "Friday
//! the 15th", "Monday, Feb 18", "venerdì 22"), with a modifier ("domenica scorsa", "friday
//! after next", "wednesday of next week", "il martedì dopo"), or alone ("martedì": placed by
//! the sentence's tense, see `time/calendar.rs`).

use super::calendar::{Lean, nearest_weekday, reference_day, shift_days, weekday_of_week};
use super::dates::{after_next, day_claim};
use super::lexicon::Name;
use super::numeric::{phrase_ends, read_numeric_date};
use super::tense::sentence_lean;
use crate::extract::found::Found;
use crate::extract::lang::relative::{Modifier, Period};
use crate::extract::tokens::context::Context;
use chrono::Weekday;

/// An abbreviated weekday counts only with a dot, a date after it, or alone on its line;
/// English "sat", "wed" and "sun" (verbs and a noun) also need a capital or their own line.
fn abbreviation_ok(context: &Context, index: usize, dated: bool) -> bool {
    let alone = line_alone(context, index);
    let dot = context.glued(index + 1) && context.symbol(index + 1) == Some('.');
    let word_too = context.word_is(index, context.lexicon.time.relative.ambiguous_weekdays)
        && !context.capitalised(index);
    if word_too {
        return alone;
    }
    alone || dot || dated
}

/// The word at `index` is the only word of its line (a trailing dot allowed).
fn line_alone(context: &Context, index: usize) -> bool {
    let text = context.text.as_bytes();
    let token = context.tokens[index];
    let before = text[..token.start]
        .iter()
        .rev()
        .take_while(|&&b| b != b'\n')
        .all(u8::is_ascii_whitespace);
    let after = text[token.end..]
        .iter()
        .take_while(|&&b| b != b'\n')
        .all(|&b| b.is_ascii_whitespace() || b == b'.');
    before && after
}

/// A weekday and what follows it: a date ("Lunedì 12 Gennaio 2016", "Friday the 15th",
/// "Monday, Feb 18"), a modifier ("domenica scorsa", "friday after next", "wednesday of next
/// week"), or nothing.
pub fn read_weekday(
    context: &Context,
    index: usize,
    name: Name<Weekday>,
) -> Option<(Found, usize)> {
    let weekday = name.value;
    let mut at = index + 1;
    if context.glued(at) && context.symbol(at) == Some('.') {
        at += 1;
    }
    if context.symbol(at) == Some(',') {
        at += 1;
    }
    if context.follows(at) {
        if let Some(found) = weekday_with_date(context, index, at, weekday) {
            return Some(found);
        }
    }
    if name.abbreviated && !abbreviation_ok(context, index, false) {
        return None;
    }
    let reference = reference_day(context.article_date)?;
    let next = context.lower(index + 1);
    let next = next.as_ref().map(|l| l.as_str()).unwrap_or("");
    // "lunedì prossimo", "el lunes pasado": a modifier after the weekday.
    let modifier_after = context
        .lexicon
        .time
        .relative
        .modifier(next)
        .filter(|_| context.lexicon.time.relative.modifier_after_month);
    let (date, last) = match next {
        _ if modifier_after == Some(Modifier::Next) => {
            (weekday_of_week(reference, weekday, 1)?, index + 1)
        }
        _ if modifier_after == Some(Modifier::Last) => {
            (nearest_weekday(reference, weekday, Lean::Past)?, index + 1)
        }
        _ if after_next(context, index + 1) => (
            shift_days(nearest_weekday(reference, weekday, Lean::Future)?, 7)?,
            index + 2,
        ),
        _ => match week_after_weekday(context, index + 1) {
            Some((offset, last)) => (weekday_of_week(reference, weekday, offset)?, last),
            None => {
                let lean = sentence_lean(context, index);
                // The dot of an abbreviation ("gio.") is part of it; a full name's ends the
                // sentence.
                let abbreviation_dot = name.abbreviated && context.symbol(index + 1) == Some('.');
                let last = if at > index + 1 && abbreviation_dot {
                    index + 1
                } else {
                    index
                };
                (nearest_weekday(reference, weekday, lean)?, last)
            }
        },
    };
    Some((day_claim(context, index, last, date), last + 1))
}

/// A date written right after a weekday.
fn weekday_with_date(
    context: &Context,
    index: usize,
    mut at: usize,
    weekday: Weekday,
) -> Option<(Found, usize)> {
    if context.word_is(at, context.lexicon.time.relative.the_words) {
        at += 1;
    }
    if context.number(at).is_some() {
        return read_numeric_date(context, at, index, Some(weekday));
    }
    let lower = context.lower(at)?;
    if let Some((found, next)) =
        super::dates::read_month_date_with(context, at, lower.as_str(), Some(weekday))
    {
        return Some((widen(context, found, index), next));
    }
    let (day, last, _) = super::dates::spelled_day(context, at)?;
    if !phrase_ends(context, last + 1) {
        return None;
    }
    let found = super::dates::stated_claim(
        context,
        index,
        last,
        super::dates::Stated::Day(day),
        Some(weekday),
    )?;
    Some((found, last + 1))
}

/// The claim widened to start at token `first`.
pub fn widen(context: &Context, mut found: Found, first: usize) -> Found {
    found.start = context.tokens[first].start;
    found.first_token = first;
    found
}

/// "of next week", "from last week", "next week", "di questa settimana", "della settimana
/// prossima": the week offset and the last token.
fn week_after_weekday(context: &Context, mut at: usize) -> Option<(i64, usize)> {
    let words = context.lexicon.time.relative;
    if context.word_is(at, words.of_words) {
        at += 1;
    }
    let is_week = |i: usize| {
        context
            .lower(i)
            .is_some_and(|w| words.period(w.as_str()) == Some(Period::Week))
    };
    let word = context.lower(at)?;
    if is_week(at) {
        let after = context.lower(at + 1)?;
        let offset = context
            .lexicon
            .time
            .relative
            .modifier(after.as_str())?
            .offset();
        return Some((i64::from(offset), at + 1));
    }
    let offset = context
        .lexicon
        .time
        .relative
        .modifier(word.as_str())?
        .offset();
    is_week(at + 1).then_some((i64::from(offset), at + 1))
}
