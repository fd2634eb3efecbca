//! Dates that start with a digit: all-numeric forms (`2024-01-15`, `15/01/2024`, `1/15/2024`,
//! `15.01.2024`, `2014-10`, `2/2013`, `22/04`), a day before a month (`15 gennaio 2024`,
//! `15th of February`, `16. Nov. 2016`, `20 of next month`), a day alone after "il"/"the"/"on"
//! at the end of a phrase (`il 15`, `for the 27.`), and offsets (`3 mesi fa`, `two years ago`).
//!
//! The numeric forms are read from the bytes of the text, not from number tokens, because the
//! number parser reads `13.5.2015` or `12,15` by the language's separator rules. Day and month
//! order: ISO-like `YYYY-MM-DD` always; otherwise day first in Italian and with dots, month
//! first in English with `/` and `-`, and the other order when the preferred one is no date
//! (`21/04/2016` in English). Two digits of year pivot at 50 (`89` → 1989, `27` → 2027). A pair
//! `a/b` without a year must look like a date: `1/2` or `3/4` (a fraction) and `24/7` (the
//! idiom) are not; `2011-12` (a season) is not December 2011.

use super::calendar::{anchor_day, reference_day, shift_months};
use super::dates::{Stated, date_claim, day_claim, day_with_suffix, stated_claim, year_of};
use super::lexicon::month_name;
use crate::extract::lang::relative::Period;
use crate::extract::tokens::context::Context;
use chrono::{Datelike, Weekday};

/// Up to three digit fields joined by `/`, `-`, `.` (or `,` before a year).
struct Fields {
    values: [u32; 3],
    widths: [usize; 3],
    separators: [u8; 2],
    count: usize,
    end: usize,
}

fn read_fields(bytes: &[u8], start: usize) -> Option<Fields> {
    let mut fields = Fields {
        values: [0; 3],
        widths: [0; 3],
        separators: [0; 2],
        count: 0,
        end: start,
    };
    let mut pos = start;
    loop {
        let digits_start = pos;
        let mut value = 0u32;
        while pos < bytes.len() && bytes[pos].is_ascii_digit() && pos - digits_start < 5 {
            value = value * 10 + u32::from(bytes[pos] - b'0');
            pos += 1;
        }
        let width = pos - digits_start;
        if width == 0 || width > 4 || bytes.get(pos).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        fields.values[fields.count] = value;
        fields.widths[fields.count] = width;
        fields.count += 1;
        fields.end = pos;
        let separator = bytes.get(pos).copied();
        let joins = matches!(separator, Some(b'/' | b'-' | b'.' | b','))
            && bytes.get(pos + 1).is_some_and(u8::is_ascii_digit);
        if !joins {
            return Some(fields);
        }
        if fields.count == 3 {
            // A fourth field: a version number or an address, not a date.
            return None;
        }
        fields.separators[fields.count - 1] = separator.unwrap_or(0);
        pos += 1;
    }
}

fn two_digit_year(value: u32, width: usize) -> Option<i32> {
    let value = i32::try_from(value).ok()?;
    match width {
        4 => Some(value),
        2 if value < 50 => Some(2000 + value),
        2 => Some(1900 + value),
        _ => None,
    }
}

/// `(day, month)` from two fields in the language's order, or the other one if only that one
/// is a date.
fn day_and_month(first: u32, second: u32, day_first: bool, year: i32) -> Option<(u32, u32)> {
    let (day, month) = if day_first {
        (first, second)
    } else {
        (second, first)
    };
    if super::dates::valid_day(year, month, day) {
        Some((day, month))
    } else if super::dates::valid_day(year, day, month) {
        Some((month, day))
    } else {
        None
    }
}

fn interpret(fields: &Fields, month_first: bool) -> Option<Stated> {
    let [a, b, c] = fields.values;
    let [wa, wb, wc] = fields.widths;
    let [s1, s2] = fields.separators;
    match fields.count {
        3 if wa == 4 && wb <= 2 && wc <= 2 && s1 == s2 && matches!(s1, b'-' | b'/' | b'.') => {
            Some(Stated::Full {
                year: i32::try_from(a).ok()?,
                month: b,
                day: c,
            })
        }
        3 if wa <= 2 && wb <= 2 && (s1 == s2 || (s1 == b'/' && s2 == b',')) && s1 != b',' => {
            let year = two_digit_year(c, wc)?;
            let day_first = !month_first || s1 == b'.';
            let (day, month) = day_and_month(a, b, day_first, year)?;
            Some(Stated::Full { year, month, day })
        }
        _ => None,
    }
}

/// A year-month or year-less pair: `2014-10`, `2/2013`, `22/04`.
fn interpret_pair(context: &Context, fields: &Fields, index: usize, last: usize) -> Option<Found2> {
    let [a, b, _] = fields.values;
    let [wa, wb, _] = fields.widths;
    let separator = fields.separators[0];
    if wa == 4 && wb <= 2 && matches!(separator, b'-' | b'/') {
        let year = i32::try_from(a).ok()?;
        let season = wb == 2 && i32::try_from(b).ok()? == (year + 1) % 100;
        if !(1..=12).contains(&b) || season || year_of(context, index).is_none() {
            return None;
        }
        return Some(Found2::Claim(date_claim(
            context,
            index,
            last,
            Some(year),
            Some(b),
            None,
        )));
    }
    if separator != b'/' || wa > 2 {
        return None;
    }
    if wb == 4 {
        let year = i32::try_from(b).ok()?;
        return (1..=12)
            .contains(&a)
            .then(|| Found2::Claim(date_claim(context, index, last, Some(year), Some(a), None)));
    }
    let padded = wa == 2 && a < 10 || wb == 2 && b < 10;
    let fraction = a < b && b <= 10 && !padded;
    if fraction || (a, b) == (24, 7) || wb > 2 {
        return None;
    }
    let day_first = !context.lexicon.time.relative.month_first;
    let (day, month) = day_and_month(a, b, day_first, 2000)?;
    Some(Found2::Stated(Stated::MonthDay { month, day }))
}

enum Found2 {
    Claim(crate::extract::found::Found),
    Stated(Stated),
}

/// Token index of the token ending at byte `end`, scanning from `index`.
fn token_ending_at(context: &Context, index: usize, end: usize) -> Option<usize> {
    let mut at = index;
    while at < context.len() && context.tokens[at].end < end {
        at += 1;
    }
    (at < context.len() && context.tokens[at].end == end).then_some(at)
}

/// Reads a date starting at the number token `index`; `weekday` and `first` when a weekday
/// was written before it ("Lunedì 12 Gennaio 2016", "Friday the 15th").
pub fn read_numeric_date(
    context: &Context,
    index: usize,
    first: usize,
    weekday: Option<Weekday>,
) -> Option<(crate::extract::found::Found, usize)> {
    let number = context.number(index)?;
    if number.sign.is_some() {
        return None;
    }
    let bytes = context.text.as_bytes();
    if let Some(fields) = read_fields(bytes, number.start) {
        if fields.count >= 2 {
            let last = token_ending_at(context, index, fields.end)?;
            if bytes.get(fields.end).is_some_and(u8::is_ascii_alphanumeric) {
                return None;
            }
            let found = if fields.count == 3 {
                let stated = interpret(&fields, context.lexicon.time.relative.month_first)?;
                stated_claim(context, first, last, stated, weekday)?
            } else {
                match interpret_pair(context, &fields, index, last)? {
                    Found2::Claim(found) => found,
                    Found2::Stated(stated) => stated_claim(context, first, last, stated, weekday)?,
                }
            };
            return Some((found, last + 1));
        }
    }
    day_before_month(context, index, first, weekday)
}

/// `15 gennaio [2024]`, `15th of February`, `16. Nov. 2016`, `20 of next month`, `il 15`.
fn day_before_month(
    context: &Context,
    index: usize,
    first: usize,
    weekday: Option<Weekday>,
) -> Option<(crate::extract::found::Found, usize)> {
    let (day, mut at) = day_with_suffix(context, index)?;
    at += 1;
    if at == index + 1 && context.glued(at) && context.symbol(at) == Some('.') {
        at += 1;
    }
    let words = context.lexicon.time.relative;
    if context.word_is(at, words.day_month_joiners) {
        at += 1;
    }
    if context.word_is(at, words.the_words) {
        at += 1;
    }
    if !context.follows(at) {
        return day_alone(context, index, first, at - 1, day, weekday);
    }
    if let Some((date, last)) = relative_month_day(context, at, day) {
        return Some((day_claim(context, first, last, date), last + 1));
    }
    let Some(name) = context
        .lower(at)
        .and_then(|lower| month_name(lower.as_str(), context.lang))
    else {
        return day_alone(context, index, first, at - 1, day, weekday);
    };
    let month = name.value;
    let mut last = at;
    // "12 Aug.": an abbreviation's dot is part of it; after "5 August." it ends the sentence.
    if name.abbreviated && context.glued(at + 1) && context.symbol(at + 1) == Some('.') {
        last += 1;
    }
    let mut year_at = last + 1;
    if context.word_is(year_at, words.year_joiners) && context.follows(year_at + 1) {
        year_at += 1;
    }
    if context.follows(year_at) {
        if let Some(year) = stated_year(context, year_at) {
            let stated = Stated::Full { year, month, day };
            let found = stated_claim(context, first, year_at, stated, weekday)?;
            return Some((found, year_at + 1));
        }
    }
    let found = stated_claim(
        context,
        first,
        last,
        Stated::MonthDay { month, day },
        weekday,
    )?;
    Some((found, last + 1))
}

/// A year after a day and month: any plain 4-digit number from 1000 ("5 dicembre 1391").
fn stated_year(context: &Context, index: usize) -> Option<i32> {
    let number = context.number(index)?;
    let year = i32::try_from(number.value.mantissa()).ok()?;
    (number.plain && number.digit_count == 4 && year >= 1000).then_some(year)
}

/// "next month", "this month", "the previous month", "del prossimo mese", "del mese scorso".
fn relative_month_day(
    context: &Context,
    at: usize,
    day: u32,
) -> Option<(chrono::NaiveDate, usize)> {
    let (offset, last) = relative_month(context, at)?;
    let reference = reference_day(context.article_date).or(anchor_day(context.article_date))?;
    let month = shift_months(reference.with_day(1)?, offset)?;
    Some((month.with_day(day)?, last))
}

/// A month named relative to the article's: its offset in months and the last token.
pub fn relative_month(context: &Context, at: usize) -> Option<(i32, usize)> {
    let words = context.lexicon.time.relative;
    let offset_of = |i: usize| {
        context
            .lower(i)
            .and_then(|w| words.modifier(w.as_str()))
            .map(|m| m.offset())
    };
    let is_month = |i: usize| {
        context
            .lower(i)
            .is_some_and(|w| words.period(w.as_str()) == Some(Period::Month))
    };
    // "next month", "il prossimo mese"; "il mese prossimo", "el mes pasado".
    if let Some(offset) = offset_of(at) {
        return is_month(at + 1).then_some((offset, at + 1));
    }
    if is_month(at) {
        return offset_of(at + 1).map(|offset| (offset, at + 1));
    }
    None
}

/// A day number alone: after "il"/"the"/"on"/"per il" and at the end of a phrase, or after a
/// weekday.
fn day_alone(
    context: &Context,
    index: usize,
    first: usize,
    last: usize,
    day: u32,
    weekday: Option<Weekday>,
) -> Option<(crate::extract::found::Found, usize)> {
    let last = last.max(index);
    let introduced = index > 0
        && context.word_is(
            index - 1,
            context.lexicon.time.relative.numeric_day_articles,
        );
    if (weekday.is_none() && !introduced) || !phrase_ends(context, last + 1) {
        return None;
    }
    let found = stated_claim(context, first, last, Stated::Day(day), weekday)?;
    Some((found, last + 1))
}

/// Nothing continues the phrase at token `at`: end of text, a paragraph break or punctuation.
pub fn phrase_ends(context: &Context, at: usize) -> bool {
    at >= context.len()
        || !context.follows(at)
        || matches!(
            context.symbol(at),
            Some('.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '»' | '”' | '…')
        )
}
