//! Dates that start with a word other than a month name: relative days ("oggi", "tomorrow",
//! "l'altro ieri"), weekdays (read in `time/weekday.rs`), words relative to the article
//! date ("next Sunday", "this year", "il mese scorso", "quest'anno"), and holidays ("Natale", "next Easter", "black friday 2013").
//!
//! Everything here is relative to the article's day, so without a day-precise article date
//! only the forms that need just its year or month ("last year", "il mese scorso") are read.
//! "next <weekday>" is the weekday of next week, "last <weekday>" the most recent one before
//! the article's day, "this <weekday>" the one of this week unless it is already past. A bare
//! weekday follows the rule of every year-less date (`time/calendar.rs`). Ordinal forms ("the
//! 15th", "first Tuesday of October") are in `time/ordinal.rs`; the word filter that runs
//! before all of this is `time/filter.rs`.

use super::calendar::{
    Lean, anchor_day, nearest_weekday, reference_day, shift_days, weekday_of_week,
};
use super::dates::{date_claim, day_claim, month_claim};
use super::lexicon::weekday_name;
use super::offset::read_offset;
use super::ordinal::{may_be_ordinal, read_ordinal_led, read_the};
use super::weekday::read_weekday;
use crate::extract::found::Found;
use crate::extract::lang::relative::Period;
use crate::extract::tokens::context::Context;
use chrono::{Datelike, Weekday};

/// Reads a date starting at the word `index`; `lower` is that word lower-cased.
pub fn read_word_date(context: &Context, index: usize, lower: &str) -> Option<(Found, usize)> {
    let lang = context.lang;
    let words = context.lexicon.time.relative;
    // Articles open no ordinal or modified date: their own readers (and, after "the",
    // a holiday name) are the only ones.
    if words.the_words.contains(&lower) {
        return named_day(context, index, lower)
            .or_else(|| read_the(context, index))
            .or_else(|| {
                let next = context.lower(index + 1)?;
                super::holiday_dates::read_holiday(context, index, index + 1, next.as_str(), None)
            });
    }
    if words.one_words.contains(&lower) {
        let found = read_offset(context, index, 1, index + 1);
        if found.is_some()
            || context
                .lexicon
                .numbers
                .spelled
                .one_articles
                .contains(&lower)
        {
            return found;
        }
    }
    if let Some(name) = weekday_name(lower, lang) {
        return read_weekday(context, index, name);
    }
    if let Some(found) = named_day(context, index, lower) {
        return Some(found);
    }
    if words.ago_before.contains(&lower) {
        return super::offset::read_ago_before(context, index);
    }
    if words.period_before_modifier && words.period(lower).is_some() {
        if let Some(found) = unit_then_modifier(context, index, lower) {
            return Some(found);
        }
    }
    if may_be_ordinal(context, lower) {
        if let Some(found) = read_ordinal_led(context, index, index, lower) {
            return Some(found);
        }
    }
    if words.modifier(lower).is_some() {
        return read_modified(context, index, lower);
    }
    super::holiday_dates::read_holiday(context, index, index, lower, None)
}

/// "oggi", "yesterday", "pasado mañana", "in giornata": a day named relative to the article.
fn named_day(context: &Context, index: usize, lower: &str) -> Option<(Found, usize)> {
    let words = context.lexicon.time.relative;
    for day in words.days {
        if day.words[0] != lower {
            continue;
        }
        let rest_matches = day.words[1..].iter().enumerate().all(|(k, word)| {
            context.word_is(index + 1 + k, &[word]) && context.follows(index + 1 + k)
        });
        if !rest_matches {
            continue;
        }
        if index > 0 && context.word_is(index - 1, day.not_after) {
            continue;
        }
        let first = match day.before {
            Some(before) if index > 0 && context.word_is(index - 1, &[before]) => index - 1,
            Some(_) => continue,
            None => index,
        };
        let last = index + day.words.len() - 1;
        return relative_day(context, first, last, day.offset);
    }
    None
}

/// The article's day shifted by `offset` days.
fn relative_day(
    context: &Context,
    first: usize,
    last: usize,
    offset: i64,
) -> Option<(Found, usize)> {
    let date = shift_days(reference_day(context.article_date)?, offset)?;
    Some((day_claim(context, first, last, date), last + 1))
}

pub(super) use crate::extract::lang::relative::Modifier;

/// The modifier `lower` in the text's language.
pub(super) fn modifier(context: &Context, lower: &str) -> Option<Modifier> {
    context.lexicon.time.relative.modifier(lower)
}

/// "next Sunday", "this week Friday", "last week's sunday", "next month", "quest'anno",
/// "il prossimo anno", "next halloween". English "the last year" is a period, not a date.
fn read_modified(context: &Context, index: usize, lower: &str) -> Option<(Found, usize)> {
    let words = context.lexicon.time.relative;
    let modifier = modifier(context, lower)?;
    let mut at = index + 1;
    if matches!(context.symbol(at), Some('\'' | '’')) {
        at += 1;
    }
    if !context.follows(at) {
        return None;
    }
    if modifier == Modifier::Coming {
        if let Some(found) = super::relative::upcoming_count(context, index, at) {
            return Some(found);
        }
    }
    let word = context.lower(at)?;
    let word = word.as_str();
    if let Some(name) = weekday_name(word, context.lang) {
        let reference = reference_day(context.article_date)?;
        let date = modified_weekday(reference, name.value, modifier)?;
        return Some((day_claim(context, index, at, date), at + 1));
    }
    let after_the = index > 0 && context.word_is(index - 1, words.the_words);
    match words.period(word) {
        Some(Period::Week) => match weekday_after_week(context, at + 1) {
            Some((weekday, last)) => {
                let reference = reference_day(context.article_date)?;
                let date = weekday_of_week(reference, weekday, i64::from(modifier.offset()))?;
                Some((day_claim(context, index, last, date), last + 1))
            }
            None if !after_the => week_offset(context, index, at, modifier.offset()),
            None => None,
        },
        Some(Period::Month) if !after_the => month_offset(context, index, at, modifier.offset()),
        Some(Period::Year) if !after_the => year_offset(context, index, at, modifier.offset()),
        _ => super::holiday_dates::read_holiday(context, index, at, word, Some(modifier)),
    }
}

/// "l'anno scorso", "il mese prossimo", "nel mese passato".
fn unit_then_modifier(context: &Context, index: usize, lower: &str) -> Option<(Found, usize)> {
    let next = context.lower(index + 1)?;
    let (modifier, last) = match modifier(context, next.as_str()) {
        Some(modifier) => (modifier, index + 1),
        // "el año que viene": a modifier of several words.
        None => context
            .lexicon
            .time
            .relative
            .modifier_phrases_after
            .iter()
            .find(|(phrase, _)| {
                phrase.iter().enumerate().all(|(k, word)| {
                    let at = index + 1 + k;
                    context.word_is(at, &[word]) && context.follows(at)
                })
            })
            .map(|(phrase, modifier)| (*modifier, index + phrase.len()))?,
    };
    if modifier == Modifier::This {
        return None;
    }
    match context.lexicon.time.relative.period(lower)? {
        Period::Year => year_offset(context, index, last, modifier.offset()),
        Period::Month => month_offset(context, index, last, modifier.offset()),
        Period::Week => week_offset(context, index, last, modifier.offset()),
    }
}

/// "next week", "la settimana scorsa", "esta semana": the ISO week `offset` weeks from the
/// article's (`YYYY-Www`, of the ISO week-numbering year).
fn week_offset(
    context: &Context,
    first: usize,
    last: usize,
    offset: i32,
) -> Option<(Found, usize)> {
    let reference = reference_day(context.article_date)?;
    let week = shift_days(reference, 7 * i64::from(offset))?.iso_week();
    let mut found = date_claim(context, first, last, Some(week.year()), None, None);
    found.date = Some(format!("{:04}-W{:02}", week.year(), week.week()));
    Some((found, last + 1))
}

fn year_offset(
    context: &Context,
    first: usize,
    last: usize,
    offset: i32,
) -> Option<(Found, usize)> {
    let year = context.article_date?.year + offset;
    Some((
        date_claim(context, first, last, Some(year), None, None),
        last + 1,
    ))
}

fn month_offset(
    context: &Context,
    first: usize,
    last: usize,
    offset: i32,
) -> Option<(Found, usize)> {
    context.article_date?.month?;
    let month = super::calendar::shift_months(anchor_day(context.article_date)?, offset)?;
    Some((month_claim(context, first, last, month), last + 1))
}

fn modified_weekday(
    reference: chrono::NaiveDate,
    weekday: Weekday,
    modifier: Modifier,
) -> Option<chrono::NaiveDate> {
    match modifier {
        Modifier::Next => weekday_of_week(reference, weekday, 1),
        Modifier::Last => nearest_weekday(reference, weekday, Lean::Past),
        Modifier::Coming => nearest_weekday(reference, weekday, Lean::Future),
        Modifier::This => weekday_of_week(reference, weekday, 0)
            .filter(|date| *date >= reference)
            .or_else(|| weekday_of_week(reference, weekday, 1)),
    }
}

/// The weekday after "week" in "this week Friday", "last week's sunday", "next week on
/// Friday", "la prossima settimana, di venerdì".
fn weekday_after_week(context: &Context, mut at: usize) -> Option<(Weekday, usize)> {
    while matches!(context.symbol(at), Some('\'' | '’' | ','))
        || context.word_is(at, context.lexicon.time.relative.week_fillers)
    {
        at += 1;
    }
    let name = weekday_name(context.lower(at)?.as_str(), context.lang)?;
    context.follows(at).then_some((name.value, at))
}
