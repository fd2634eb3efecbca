//! Dates that start with a word other than a month name: relative days ("oggi", "tomorrow",
//! "l'altro ieri"), weekdays ("martedì", "Friday the 15th", "domenica scorsa", "wednesday of
//! next week"), words relative to the article date ("next Sunday", "this year", "il mese
//! scorso", "quest'anno"), and holidays ("Natale", "next Easter", "black friday 2013").
//!
//! Everything here is relative to the article's day, so without a day-precise article date
//! only the forms that need just its year or month ("last year", "il mese scorso") are read.
//! "next <weekday>" is the weekday of next week, "last <weekday>" the most recent one before
//! the article's day, "this <weekday>" the one of this week unless it is already past. A bare
//! weekday follows the rule of every year-less date (`dates_calendar.rs`). Ordinal forms ("the
//! 15th", "first Tuesday of October") are in `dates_ordinal.rs`.

use super::context::Context;
use super::dates::{date_claim, day_claim};
use super::dates_calendar::{
    Lean, anchor_day, choose, nearest_weekday, reference_day, shift_days, weekday_of_week,
};
use super::dates_holidays::{Rule, holiday_at};
use super::dates_lexicon::{Name, weekday_name};
use super::dates_numeric::{phrase_ends, read_numeric_date, read_offset};
use super::dates_ordinal::{read_ordinal_led, read_the};
use super::dates_tense::sentence_lean;
use super::found::Found;
use crate::model::Lang;
use chrono::{Datelike, Weekday};

/// Reads a date starting at the word `index`; `lower` is that word lower-cased.
pub fn read_word_date(context: &Context, index: usize, lower: &str) -> Option<(Found, usize)> {
    let lang = context.lang;
    if let Some(name) = weekday_name(lower, lang) {
        return read_weekday(context, index, name);
    }
    let day = |offset: i64, first: usize, last: usize| relative_day(context, first, last, offset);
    let found = match (lang, lower) {
        (Lang::En, "today") | (Lang::It, "oggi") => day(0, index, index),
        (Lang::En, "tomorrow" | "tomorrows") | (Lang::It, "domani") => day(1, index, index),
        (Lang::En, "yesterday") | (Lang::It, "ieri") => day(-1, index, index),
        (Lang::It, "dopodomani") => day(2, index, index),
        (Lang::It, "altroieri") => day(-2, index, index),
        (Lang::It, "altro") if context.word_is(index + 1, &["ieri"]) => day(-2, index, index + 1),
        (Lang::It, "giornata") if index > 0 && context.word_is(index - 1, &["in"]) => {
            day(0, index - 1, index)
        }
        (Lang::En, "the") => read_the(context, index),
        (Lang::En, "a" | "an" | "one") | (Lang::It, "un" | "una") => {
            read_offset(context, index, 1, index + 1)
        }
        (Lang::It, "anno" | "mese") => unit_then_modifier(context, index, lower),
        _ => None,
    };
    found
        .or_else(|| read_ordinal_led(context, index, index, lower))
        .or_else(|| read_modified(context, index, lower))
        .or_else(|| read_holiday(context, index, index, lower, None))
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

/// What a modifier word does: an offset in weeks/months/years, or "this".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modifier {
    Next,
    Last,
    This,
    Coming,
}

fn modifier(lower: &str, lang: Lang) -> Option<Modifier> {
    Some(match (lang, lower) {
        (Lang::En, "next") | (Lang::It, "prossimo" | "prossima") => Modifier::Next,
        (Lang::En, "last" | "past" | "previous")
        | (Lang::It, "scorso" | "scorsa" | "passato" | "passata") => Modifier::Last,
        (Lang::En, "this" | "current") | (Lang::It, "questo" | "questa" | "quest") => {
            Modifier::This
        }
        (Lang::En, "coming" | "upcoming") => Modifier::Coming,
        _ => return None,
    })
}

impl Modifier {
    fn offset(self) -> i32 {
        match self {
            Modifier::Next | Modifier::Coming => 1,
            Modifier::Last => -1,
            Modifier::This => 0,
        }
    }
}

/// "next Sunday", "this week Friday", "last week's sunday", "next month", "quest'anno",
/// "il prossimo anno", "next halloween". English "the last year" is a period, not a date.
fn read_modified(context: &Context, index: usize, lower: &str) -> Option<(Found, usize)> {
    let modifier = modifier(lower, context.lang)?;
    let mut at = index + 1;
    if matches!(context.symbol(at), Some('\'' | '’')) {
        at += 1;
    }
    if !context.follows(at) {
        return None;
    }
    let word = context.lower(at)?;
    let word = word.as_str();
    if let Some(name) = weekday_name(word, context.lang) {
        let reference = reference_day(context.article_date)?;
        let date = modified_weekday(reference, name.value, modifier)?;
        return Some((day_claim(context, index, at, date), at + 1));
    }
    let after_the = context.lang == Lang::En && index > 0 && context.word_is(index - 1, &["the"]);
    match word {
        "week" | "settimana" => {
            let (weekday, last) = weekday_after_week(context, at + 1)?;
            let reference = reference_day(context.article_date)?;
            let date = weekday_of_week(reference, weekday, i64::from(modifier.offset()))?;
            Some((day_claim(context, index, last, date), last + 1))
        }
        "month" | "mese" if !after_the => month_offset(context, index, at, modifier.offset()),
        "year" | "anno" if !after_the => year_offset(context, index, at, modifier.offset()),
        _ => read_holiday(context, index, at, word, Some(modifier)),
    }
}

/// "l'anno scorso", "il mese prossimo", "nel mese passato".
fn unit_then_modifier(context: &Context, index: usize, lower: &str) -> Option<(Found, usize)> {
    let next = context.lower(index + 1)?;
    let modifier = modifier(next.as_str(), context.lang)?;
    if modifier == Modifier::This {
        return None;
    }
    match lower {
        "anno" => year_offset(context, index, index + 1, modifier.offset()),
        _ => month_offset(context, index, index + 1, modifier.offset()),
    }
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
    let month = super::dates_calendar::shift_months(anchor_day(context.article_date)?, offset)?;
    Some((
        date_claim(
            context,
            first,
            last,
            Some(month.year()),
            Some(month.month()),
            None,
        ),
        last + 1,
    ))
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
        || context.word_is(at, &["s", "on", "di", "il", "la"])
    {
        at += 1;
    }
    let name = weekday_name(context.lower(at)?.as_str(), context.lang)?;
    context.follows(at).then_some((name.value, at))
}

/// An abbreviated weekday counts only with a dot, a date after it, or alone on its line;
/// English "sat", "wed" and "sun" (verbs and a noun) also need a capital or their own line.
fn abbreviation_ok(context: &Context, index: usize, dated: bool) -> bool {
    let alone = line_alone(context, index);
    let dot = context.glued(index + 1) && context.symbol(index + 1) == Some('.');
    let word_too = context.lang == Lang::En
        && context.word_is(index, &["sat", "wed", "sun"])
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
fn read_weekday(context: &Context, index: usize, name: Name<Weekday>) -> Option<(Found, usize)> {
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
    let (date, last) = match next {
        "prossimo" | "prossima" | "dopo" => (weekday_of_week(reference, weekday, 1)?, index + 1),
        "scorso" | "scorsa" => (nearest_weekday(reference, weekday, Lean::Past)?, index + 1),
        "after" if context.word_is(index + 2, &["next"]) => (
            shift_days(nearest_weekday(reference, weekday, Lean::Future)?, 7)?,
            index + 2,
        ),
        _ => match week_after_weekday(context, index + 1) {
            Some((offset, last)) => (weekday_of_week(reference, weekday, offset)?, last),
            None => {
                let lean = sentence_lean(context, index);
                let last = if at > index + 1 && context.symbol(index + 1) == Some('.') {
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
    if context.word_is(at, &["the"]) {
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
    if context.word_is(at, &["of", "from", "di", "della", "del"]) {
        at += 1;
    }
    let word = context.lower(at)?;
    if matches!(word.as_str(), "week" | "settimana") {
        let after = context.lower(at + 1)?;
        let offset = modifier(after.as_str(), context.lang)?.offset();
        return Some((i64::from(offset), at + 1));
    }
    let offset = modifier(word.as_str(), context.lang)?.offset();
    context
        .word_is(at + 1, &["week", "settimana"])
        .then_some((i64::from(offset), at + 1))
}

/// A holiday at `at` (claim from `first`), with an optional year after it and an optional
/// modifier before it.
fn read_holiday(
    context: &Context,
    first: usize,
    at: usize,
    lower: &str,
    modifier: Option<Modifier>,
) -> Option<(Found, usize)> {
    let (rule, mut last) = holiday_at(context, at, lower)?;
    // "MLK day of last year", "Natale dell'anno scorso".
    if context.word_is(last + 1, &["of"]) {
        if let Some(year_modifier) = context
            .lower(last + 2)
            .and_then(|l| self::modifier(l.as_str(), context.lang))
        {
            if context.word_is(last + 3, &["year"]) {
                let year = context.article_date?.year + year_modifier.offset();
                let date = rule.in_year(year)?;
                return Some((day_claim(context, first, last + 3, date), last + 4));
            }
        }
    }
    if context.follows(last + 1) {
        if let Some(year) = super::dates::year_of(context, last + 1) {
            last += 1;
            let date = rule.in_year(year)?;
            return Some((day_claim(context, first, last, date), last + 1));
        }
    }
    let anchor = reference_day(context.article_date).or(anchor_day(context.article_date))?;
    let date = resolve_holiday(context, rule, anchor, modifier, first)?;
    Some((day_claim(context, first, last, date), last + 1))
}

fn resolve_holiday(
    context: &Context,
    rule: Rule,
    anchor: chrono::NaiveDate,
    modifier: Option<Modifier>,
    first: usize,
) -> Option<chrono::NaiveDate> {
    let year = anchor.year();
    let candidates = (year - 2..=year + 2).filter_map(move |y| rule.in_year(y));
    match modifier {
        Some(Modifier::Last) => candidates.filter(|d| *d < anchor).max(),
        Some(Modifier::Next | Modifier::Coming) => candidates.filter(|d| *d > anchor).min(),
        Some(Modifier::This) => choose(anchor, candidates, None, Lean::Future),
        None => choose(anchor, candidates, None, sentence_lean(context, first)),
    }
}

/// Two-letter beginnings of the words that can start a date read here, per language: a
/// filter run on every word, so most words are never lower-cased or matched.
const EN_STARTS: &[&str] = &[
    "mo", "tu", "we", "th", "fr", "sa", "su", "to", "ye", "an", "on", "ne", "la", "pa", "pr", "cu",
    "co", "up", "fi", "se", "fo", "ch", "xm", "va", "ha", "st", "ea", "go", "ma", "br", "as", "pe",
    "wh", "bl", "ml", "me", "fa", "bo", "ve", "or", "cl", "ci", "ki", "ko", "wo",
];
const IT_STARTS: &[&str] = &[
    "lu", "ma", "me", "gi", "ve", "sa", "do", "og", "ie", "al", "an", "un", "pr", "sc", "pa", "qu",
    "se", "te", "ul", "na", "vi", "ca", "ep", "be", "fe", "tu", "im", "id",
];

const fn prefix_table(starts: &[&str]) -> [u32; 26] {
    let mut table = [0u32; 26];
    let mut i = 0;
    while i < starts.len() {
        let bytes = starts[i].as_bytes();
        table[(bytes[0] - b'a') as usize] |= 1 << (bytes[1] - b'a');
        i += 1;
    }
    table
}

const EN_TABLE: [u32; 26] = prefix_table(EN_STARTS);
const IT_TABLE: [u32; 26] = prefix_table(IT_STARTS);

/// Whether the word as written can start a date read by [`read_word_date`].
pub fn may_start_date(word: &[u8], lang: Lang) -> bool {
    let (Some(&first), Some(&second)) = (word.first(), word.get(1)) else {
        return lang == Lang::En && word.eq_ignore_ascii_case(b"a");
    };
    let (first, second) = (first.to_ascii_lowercase(), second.to_ascii_lowercase());
    if !first.is_ascii_lowercase() || !second.is_ascii_lowercase() || word.len() > 13 {
        return false;
    }
    let table = match lang {
        Lang::En => &EN_TABLE,
        Lang::It => &IT_TABLE,
    };
    table[usize::from(first - b'a')] & (1 << (second - b'a')) != 0
}
