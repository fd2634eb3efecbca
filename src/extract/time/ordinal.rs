//! Dates written with an ordinal or after "the": "the 15th of February", "the second of
//! March", "twenty second of June", "il primo marzo", "primo di marzo", "first Tuesday of
//! October", "ultima domenica di marzo 2014", "the first Friday of next month", "third day of
//! October", "l'ultimo giorno di ottobre", "first Sunday" (of the article's month), "the day
//! after tomorrow".
//!
//! A month named without a year is placed like any year-less date (`time/calendar.rs`): the
//! candidate years around the article date are computed and the next (or, in a past-tense
//! sentence, the last) occurrence is taken. "the <ordinal>" alone ("the second") is too common
//! in prose to be a date unless the phrase ends there after "on"/"for"/"by"/"until".

use super::calendar::{
    anchor_day, choose, last_day_of_month, nth_weekday, reference_day, shift_months,
};
use super::dates::{Stated, day_claim, spelled_day, stated_claim, year_of};
use super::holidays::words_from;
use super::lexicon::{month_name, weekday_name};
use super::numeric::{phrase_ends, read_numeric_date, relative_month};
use super::tense::sentence_lean_outside;
use crate::extract::found::Found;
use crate::extract::lang::relative::Period;
use crate::extract::lang::spelled::Grammar;
use crate::extract::tokens::context::Context;
use chrono::{Datelike, NaiveDate};

/// "the …" in English.
pub fn read_the(context: &Context, index: usize) -> Option<(Found, usize)> {
    let at = index + 1;
    if !context.follows(at) {
        return None;
    }
    let words = context.lexicon.time.relative;
    if let Some((rank, last)) = super::dates::day_with_suffix(context, at) {
        if last_day_of(context, last + 1) {
            return nth_last_day(context, index, last + 4, i32::try_from(rank).ok()?);
        }
        if context.word_is(last + 1, words.anchors.nearest) {
            return super::relative::read_closest(context, index, last + 1, rank as usize);
        }
    }
    if context.number(at).is_some() {
        return read_numeric_date(context, at, index, None);
    }
    let lower = context.lower(at)?;
    let lower = lower.as_str();
    if words.anchors.nearest.contains(&lower) {
        return super::relative::read_closest(context, index, at, 1);
    }
    if words.day_words.contains(&lower) {
        return None;
    }
    if !may_be_ordinal(context, lower) {
        return None;
    }
    if let Some(found) = read_ordinal_led(context, index, at, lower) {
        return Some(found);
    }
    // "on the second", "for the thirty": a day of the month alone.
    let introduced = index > 0
        && context.word_is(
            index - 1,
            context.lexicon.time.relative.spelled_day_introducers,
        );
    if !introduced {
        return None;
    }
    let (day, last, _) = spelled_day(context, at)?;
    if !phrase_ends(context, last + 1) {
        return None;
    }
    let found = stated_claim(context, index, last, Stated::Day(day), None)?;
    Some((found, last + 1))
}

/// A cheap test before the spelled-number reader: the word can begin an ordinal date (a rank
/// such as "first" or "ultimo", or a number word of a phrase grammar).
pub fn may_be_ordinal(context: &Context, lower: &str) -> bool {
    if context.lexicon.time.relative.rank(lower).is_some() {
        return true;
    }
    match &context.lexicon.numbers.spelled.grammar {
        Grammar::Phrase(words) => words.role(lower).is_some(),
        Grammar::Compound(_) => false,
    }
}

/// A month as written after "of"/"di": a name with or without a year, or relative to the
/// article's ("next month", "il mese scorso", "the month").
struct MonthSpec {
    year: Option<i32>,
    month: u32,
    last: usize,
}

fn month_spec(context: &Context, mut at: usize) -> Option<MonthSpec> {
    let words = context.lexicon.time.relative;
    let is_month_word = |i: usize| {
        context
            .lower(i)
            .is_some_and(|w| words.period(w.as_str()) == Some(Period::Month))
    };
    if context.word_is(at, words.the_words)
        || context.word_is(at, context.lexicon.numbers.spelled.determiners)
    {
        at += 1;
    }
    if is_month_word(at) && context.word_is(at + 1, words.of_words) {
        at += 2;
    }
    if let Some((offset, last)) = relative_month(context, at) {
        context.article_date?.month?;
        let month = shift_months(anchor_day(context.article_date)?, offset)?;
        return Some(MonthSpec {
            year: Some(month.year()),
            month: month.month(),
            last,
        });
    }
    if is_month_word(at) {
        let article = context.article_date?;
        return Some(MonthSpec {
            year: Some(article.year),
            month: article.month?,
            last: at,
        });
    }
    let name = month_name(context.lower(at)?.as_str(), context.lang)?;
    let mut last = at;
    if name.abbreviated && context.glued(at + 1) && context.symbol(at + 1) == Some('.') {
        last += 1;
    }
    // "primero de mayo de 2025", "primo maggio del 2025": the year may follow a joiner.
    let year_at = if context.word_is(last + 1, words.year_joiners) && context.follows(last + 2) {
        last + 2
    } else {
        last + 1
    };
    let year = context
        .follows(year_at)
        .then(|| year_of(context, year_at))
        .flatten();
    if year.is_some() {
        last = year_at;
    }
    Some(MonthSpec {
        year,
        month: name.value,
        last,
    })
}

/// The claim for a day computed from the month's year; a missing year is chosen around the
/// article date.
fn spec_claim(
    context: &Context,
    first: usize,
    spec: &MonthSpec,
    day_in: impl Fn(i32, u32) -> Option<NaiveDate>,
) -> Option<(Found, usize)> {
    let date = match spec.year {
        Some(year) => day_in(year, spec.month)?,
        None => {
            let anchor =
                reference_day(context.article_date).or(anchor_day(context.article_date))?;
            let year = anchor.year();
            let candidates = (year - 1..=year + 1).filter_map(|y| day_in(y, spec.month));
            let lean = sentence_lean_outside(context, first, first..=spec.last);
            choose(anchor, candidates, None, lean)?
        }
    };
    Some((day_claim(context, first, spec.last, date), spec.last + 1))
}

/// An ordinal-led date starting at `at` (claim from `first`); `lower` is the word at `at`.
pub fn read_ordinal_led(
    context: &Context,
    first: usize,
    at: usize,
    lower: &str,
) -> Option<(Found, usize)> {
    let words = context.lexicon.time.relative;
    if let Some(rank) = words.rank(lower) {
        if let Some(found) = ranked(context, first, at, rank) {
            return Some(found);
        }
    }
    if !words.month_first {
        // "il primo marzo", "primo di marzo", "primero de mayo", "il primo dell'anno".
        let &(_, day) = words.day_ordinals.iter().find(|(w, _)| *w == lower)?;
        if !words.first_of_year.is_empty() {
            if let Some(last) = words_from(context, at, words.first_of_year) {
                let found = stated_claim(
                    context,
                    first,
                    last,
                    Stated::MonthDay { month: 1, day: 1 },
                    None,
                )?;
                return Some((found, last + 1));
            }
        }
        let month_at = at + 1 + usize::from(context.word_is(at + 1, words.day_month_joiners));
        return day_of_spec(context, first, month_at, day);
    }
    if !may_be_ordinal(context, lower) {
        return None;
    }
    // "twenty second of June".
    let (day, last, ordinal) = spelled_day(context, at)?;
    if !ordinal || !context.word_is(last + 1, words.day_month_joiners) {
        return None;
    }
    day_of_spec(context, first, last + 2, day)
}

/// "secondo trimestre del 2024", "the third quarter", "el primer semestre de 2023": a quarter
/// or half of a year after an ordinal of rank `rank` (-1 for the last), whose word is at `at`.
/// The date is `YYYY-Qn` or `YYYY-Hn`. A quarter without a year is the article year's (the
/// year before, in a past-tense sentence, when that quarter is still ahead); a half needs its
/// year, as "the second half" is as often a match's.
pub fn part_of_year(
    context: &Context,
    first: usize,
    at: usize,
    rank: i32,
) -> Option<(Found, usize)> {
    let words = context.lexicon.time.relative;
    if !context.follows(at) {
        return None;
    }
    let word = context.lower(at)?;
    let (parts, label) = if words.quarter_words.contains(&word.as_str()) {
        (4, 'Q')
    } else if words.half_year_words.contains(&word.as_str()) {
        (2, 'H')
    } else {
        return None;
    };
    let part = match rank {
        -1 => parts,
        1..=4 if rank <= parts => rank,
        _ => return None,
    };
    period_of_year(context, first, at, label, part)
}

/// "II trimestre", "IV trimestre 2023", "I semestre": a quarter or half numbered in capital
/// Roman numerals (one word at `index`), as Italian and Spanish economic news writes them.
pub fn roman_part_of_year(context: &Context, index: usize, word: &str) -> Option<(Found, usize)> {
    let rank = match word {
        "I" => 1,
        "II" => 2,
        "III" => 3,
        "IV" => 4,
        _ => return None,
    };
    part_of_year(context, index, index + 1, rank)
}

/// "Q3 2024", "H1", "T2 de 2023": a quarter or half written as a letter of the lexicon and its
/// number, one word at `index`.
pub fn period_token(context: &Context, index: usize, word: &str) -> Option<(Found, usize)> {
    let words = context.lexicon.time.relative;
    let [_, digit] = word.as_bytes() else {
        return None;
    };
    let part = i32::from(digit.checked_sub(b'0')?);
    let letter = &word[..1];
    let (label, parts) = if words.quarter_letters.contains(&letter) {
        ('Q', 4)
    } else if words.half_letters.contains(&letter) {
        ('H', 2)
    } else {
        return None;
    };
    if !letter.as_bytes()[0].is_ascii_uppercase() || !(1..=parts).contains(&part) {
        return None;
    }
    period_of_year(context, index, index, label, part)
}

/// The claim for part `part` of a year (`label` `Q` or `H`) whose word ends at `at`, with the
/// year after it or, for a quarter, the article's.
fn period_of_year(
    context: &Context,
    first: usize,
    at: usize,
    label: char,
    part: i32,
) -> Option<(Found, usize)> {
    let words = context.lexicon.time.relative;
    let mut year_at = at + 1;
    if context.word_is(year_at, words.of_words) || context.word_is(year_at, words.day_month_joiners)
    {
        year_at += 1;
    }
    let stated = context
        .follows(year_at)
        .then(|| year_of(context, year_at))
        .flatten();
    let (year, last) = match stated {
        Some(year) => (year, year_at),
        None if label == 'Q' => {
            let article = context.article_date?;
            let quarter_start = (part - 1) * 3 + 1;
            let ahead = article
                .month
                .is_some_and(|month| quarter_start > i32::try_from(month).unwrap_or(12));
            let past =
                sentence_lean_outside(context, first, first..=at) == super::calendar::Lean::Past;
            (article.year - i32::from(ahead && past), at)
        }
        None => return None,
    };
    // The claim is the period, not the article before it ("the third quarter").
    let first = if context.word_is(first, words.the_words) {
        first + 1
    } else {
        first
    };
    let mut found = super::dates::date_claim(context, first, last, Some(year), None, None);
    found.date = Some(format!("{year}-{label}{part}"));
    Some((found, last + 1))
}

/// Day `day` of the month written at `at`.
fn day_of_spec(context: &Context, first: usize, at: usize, day: u32) -> Option<(Found, usize)> {
    if !context.follows(at) {
        return None;
    }
    let spec = month_spec(context, at)?;
    let stated = match spec.year {
        Some(year) => Stated::Full {
            year,
            month: spec.month,
            day,
        },
        None => Stated::MonthDay {
            month: spec.month,
            day,
        },
    };
    let found = stated_claim(context, first, spec.last, stated, None)?;
    Some((found, spec.last + 1))
}

/// "first Tuesday of October", "last friday in october", "third day of october", "prima
/// domenica".
fn ranked(context: &Context, first: usize, at: usize, rank: i32) -> Option<(Found, usize)> {
    let next = at + 1;
    if let Some(found) = part_of_year(context, first, next, rank) {
        return Some(found);
    }
    let words = context.lexicon.time.relative;
    let of = |i: usize| context.word_is(i, words.of_words);
    if let Some(name) = context
        .lower(next)
        .and_then(|l| weekday_name(l.as_str(), context.lang))
        .filter(|name| !name.abbreviated)
    {
        let weekday = name.value;
        let nth = |year: i32, month: u32| match u32::try_from(rank) {
            Ok(n) => nth_weekday(year, month, weekday, n),
            Err(_) => super::calendar::last_weekday(year, month, weekday),
        };
        if of(next + 1) {
            let spec = month_spec(context, next + 2)?;
            return spec_claim(context, first, &spec, nth);
        }
        let anchors = &words.anchors;
        if rank > 0
            && (context.word_is(next + 1, anchors.after)
                || context.word_is(next + 1, anchors.before))
        {
            return weekday_after_date(context, first, next, weekday, rank);
        }
        if rank > 0 && phrase_ends(context, next + 1) {
            let reference = reference_day(context.article_date)?;
            let date = nth(reference.year(), reference.month())?;
            return Some((day_claim(context, first, next, date), next + 1));
        }
        return None;
    }
    if rank > 0 && last_day_of(context, next) {
        return nth_last_day(context, first, next + 3, rank);
    }
    if context.word_is(next, words.day_words) && of(next + 1) {
        let spec = month_spec(context, next + 2)?;
        return spec_claim(context, first, &spec, |year, month| {
            match u32::try_from(rank) {
                Ok(day) => NaiveDate::from_ymd_opt(year, month, day),
                Err(_) => last_day_of_month(year, month),
            }
        });
    }
    None
}

/// "last day of" from `at`: the rank of the last, the day word and "of" ("the 5th last day of
/// May").
fn last_day_of(context: &Context, at: usize) -> bool {
    let words = context.lexicon.time.relative;
    context.lower(at).and_then(|w| words.rank(w.as_str())) == Some(-1)
        && context.word_is(at + 1, words.day_words)
        && context.word_is(at + 2, words.of_words)
}

/// "fifth last day of May": day `rank` counted back from the month's end; `at` is the month.
pub fn nth_last_day(
    context: &Context,
    first: usize,
    at: usize,
    rank: i32,
) -> Option<(Found, usize)> {
    let spec = month_spec(context, at)?;
    spec_claim(context, first, &spec, |year, month| {
        super::calendar::shift_days(last_day_of_month(year, month)?, 1 - i64::from(rank))
    })
}

/// "third tuesday after christmas 2014", "first Monday before May 1": the weekday is at `at`.
fn weekday_after_date(
    context: &Context,
    first: usize,
    at: usize,
    weekday: chrono::Weekday,
    rank: i32,
) -> Option<(Found, usize)> {
    let after = context.word_is(at + 1, context.lexicon.time.relative.anchors.after);
    let date_at = at + 2;
    let lower = context.lower(date_at)?;
    let (found, next) = super::dates::read_month_date(context, date_at, lower.as_str())
        .or_else(|| super::holiday_dates::holiday_date(context, date_at, lower.as_str()))?;
    let date = super::relative::claim_day(&found)?;
    let day = super::relative::nth_weekday_from(date, weekday, i64::from(rank), after)?;
    Some((day_claim(context, first, next - 1, day), next))
}
