//! Dates: the shared pieces (years, day numbers, the claim builder, year-less months) and
//! dates that start at a month name ("febbraio 2022", "January 15, 2024", "Aug 8", "Jan first",
//! "last December").
//!
//! A month without a year ("a novembre", "In July") means the most recent such month up to the
//! article's month: the article's own month is this month of the article year, a later month
//! is last year's. "scorso"/"last" force a month strictly before the article's month (so "lo
//! scorso gennaio" in a January article is the previous January); "prossimo"/"next" force one
//! strictly after. A day without a year ("Aug 8", "15 gennaio") or without a month ("the
//! 15th") is placed by `dates_calendar::choose`: the next occurrence, or the last one when the
//! sentence reads as past. Without an article date the year stays unknown (`XXXX-11`,
//! `XXXX-08-08`, value 0) with a `year-unknown` ambiguity. English month names alone must be
//! capitalised, and "May"/"March" also need a date context, so the modal verb is never a date;
//! abbreviations ("Aug", "genn", "dic.") need a day or a year next to them.

use super::calendar::{anchor_day, choose, day_candidates, month_day_candidates, reference_day};
use super::lexicon::{month_name, weekday_name};
use super::tense::sentence_lean;
use crate::extract::found::{Found, ambiguity, iso_date};
use crate::extract::lang::relative::{Modifier, Period};
use crate::extract::numbers::spelled::read_spelled;
use crate::extract::tokens::context::Context;
use crate::model::{ArticleDate, ClaimKind};
use chrono::{Datelike, NaiveDate, Weekday};
use rust_decimal::Decimal;

/// Which way a relative month points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    Bare,
    Last,
    Next,
}

/// The year of a month named without one, or `None` when there is no article date.
pub fn resolve_month(month: u32, relative: Relative, article: Option<ArticleDate>) -> Option<i32> {
    let article = article?;
    let Some(article_month) = article.month else {
        return Some(match relative {
            Relative::Bare => article.year,
            Relative::Last => article.year - 1,
            Relative::Next => article.year + 1,
        });
    };
    Some(match relative {
        Relative::Bare if month <= article_month => article.year,
        Relative::Bare => article.year - 1,
        Relative::Last if month < article_month => article.year,
        Relative::Last => article.year - 1,
        Relative::Next if month > article_month => article.year,
        Relative::Next => article.year + 1,
    })
}

/// Whether `year/month/day` exists.
pub fn valid_day(year: i32, month: u32, day: u32) -> bool {
    chrono::NaiveDate::from_ymd_opt(year, month, day).is_some()
}

/// A plain 4-digit year in the range news uses: 1800–2100, or from 1000 on right after a
/// month name or one of the lexicon's year words ("4 luglio 1776", "in 1492", "desde 1605").
pub fn year_of(context: &Context, index: usize) -> Option<i32> {
    let number = context.number(index)?;
    if !number.plain || number.digit_count != 4 {
        return None;
    }
    let year = i32::try_from(number.value.mantissa()).ok()?;
    if (1800..=2100).contains(&year) {
        return Some(year);
    }
    let before = index.checked_sub(1).filter(|_| context.follows(index));
    let named = before.and_then(|at| context.lower(at)).is_some_and(|word| {
        let word = word.as_str();
        context.lexicon.time.year_words.contains(&word)
            || super::lexicon::month_name(word, context.lang).is_some()
    });
    ((1000..1800).contains(&year) && named).then_some(year)
}

/// A plain 1–2 digit day number (1–31).
pub fn day_of(context: &Context, index: usize) -> Option<u32> {
    let number = context.number(index)?;
    if !number.plain || number.digit_count > 2 {
        return None;
    }
    let day = u32::try_from(number.value.mantissa()).ok()?;
    (1..=31).contains(&day).then_some(day)
}

/// A date claim for `year[-month][-day]`, spanning tokens `first..=last`.
pub fn date_claim(
    context: &Context,
    first: usize,
    last: usize,
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
) -> Found {
    let start = context.tokens[first].start;
    let end = context.tokens[last].end;
    let mut found = Found::exact(
        ClaimKind::Date,
        start,
        end,
        first,
        year.map_or(0, i64::from),
    );
    found.date = Some(iso_date(year, month, day));
    if year.is_none() {
        found.ambiguity.push(ambiguity(
            "year-unknown",
            "no year is written and no article date is known to resolve it",
            None,
        ));
        found.low = Decimal::ZERO;
        found.high = Decimal::ZERO;
    }
    found
}

/// A date claim for the month of `date` (its day unsaid).
pub fn month_claim(context: &Context, first: usize, last: usize, date: NaiveDate) -> Found {
    date_claim(
        context,
        first,
        last,
        Some(date.year()),
        Some(date.month()),
        None,
    )
}

/// A date claim for a calendar day.
pub fn day_claim(context: &Context, first: usize, last: usize, date: NaiveDate) -> Found {
    date_claim(
        context,
        first,
        last,
        Some(date.year()),
        Some(date.month()),
        Some(date.day()),
    )
}

/// What the text states of a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stated {
    Full { year: i32, month: u32, day: u32 },
    MonthDay { month: u32, day: u32 },
    Day(u32),
}

/// The claim for a stated day, placed against the article date when the year or month is
/// missing (see the module doc); `weekday` is a weekday written next to it.
pub fn stated_claim(
    context: &Context,
    first: usize,
    last: usize,
    stated: Stated,
    weekday: Option<Weekday>,
) -> Option<Found> {
    match stated {
        Stated::Full { year, month, day } => valid_day(year, month, day)
            .then(|| date_claim(context, first, last, Some(year), Some(month), Some(day))),
        Stated::MonthDay { month, day } => {
            if !valid_day(2000, month, day) {
                return None;
            }
            let Some(anchor) = anchor_day(context.article_date) else {
                return Some(date_claim(
                    context,
                    first,
                    last,
                    None,
                    Some(month),
                    Some(day),
                ));
            };
            let lean = sentence_lean(context, first);
            let date = choose(
                anchor,
                month_day_candidates(anchor, month, day),
                weekday,
                lean,
            )?;
            let mut found = day_claim(context, first, last, date);
            found.ambiguity.push(ambiguity(
                "year-inferred",
                "no year is written: the year is the one placing the day nearest the article date in the direction the sentence's tense suggests",
                None,
            ));
            Some(found)
        }
        Stated::Day(day) => {
            if !(1..=31).contains(&day) {
                return None;
            }
            let Some(reference) = reference_day(context.article_date) else {
                return Some(date_claim(context, first, last, None, None, Some(day)));
            };
            let lean = sentence_lean(context, first);
            let date = choose(reference, day_candidates(reference, day), weekday, lean)?;
            Some(day_claim(context, first, last, date))
        }
    }
}

/// A day number written with an ordinal ending of the language: `15`, `15th`; returns the day and the
/// last token used.
pub fn day_with_suffix(context: &Context, index: usize) -> Option<(u32, usize)> {
    let day = day_of(context, index)?;
    let suffixed = context.glued(index + 1)
        && (context.lower(index + 1).is_some_and(|w| {
            context
                .lexicon
                .numbers
                .ordinal_suffixes
                .is_suffix(w.as_str())
        }) || context.symbol(index + 1) == Some('°'));
    Some(if suffixed {
        (day, index + 1)
    } else {
        (day, index)
    })
}

/// A day written in words (1–31): "first", "twenty second", "fifteen", "ventuno", "primo";
/// the day, the last token and whether it was an ordinal.
pub fn spelled_day(context: &Context, index: usize) -> Option<(u32, usize, bool)> {
    let lower = context.lower(index)?;
    // "first" and "second" alone are ordinals only after an article for the number reader;
    // next to a month they are days.
    let day_ordinals = context.lexicon.time.relative.day_ordinals;
    if let Some(&(_, day)) = day_ordinals.iter().find(|(w, _)| *w == lower.as_str()) {
        return Some((day, index, true));
    }
    let spelled = read_spelled(context, index, lower.as_str())?;
    let day = u32::try_from(spelled.value).ok()?;
    ((1..=31).contains(&day) && !spelled.collective).then_some((
        day,
        spelled.next - 1,
        spelled.ordinal,
    ))
}

/// Reads a date starting at a month name: "febbraio 2022", "January 15, 2024", "Aug 8",
/// "Jan first", "Jul 18, Fri", "last December". `lower` is the word at `index`, lower-cased.
pub fn read_month_date(context: &Context, index: usize, lower: &str) -> Option<(Found, usize)> {
    read_month_date_with(context, index, lower, None)
}

/// [`read_month_date`] with a weekday written before the month ("Monday, Feb 18").
pub fn read_month_date_with(
    context: &Context,
    index: usize,
    lower: &str,
    weekday_before: Option<Weekday>,
) -> Option<(Found, usize)> {
    let name = month_name(lower, context.lang)?;
    let month = name.value;
    let words = context.lexicon.time.relative;
    let mut at = index + 1;
    if context.glued(at) && matches!(context.symbol(at), Some('.' | '-')) {
        at += 1;
    }
    // Month + year ("febbraio 2022", "septiembre de 2019").
    let year_at = if context.word_is(at, words.year_joiners) && context.follows(at + 1) {
        at + 1
    } else {
        at
    };
    if context.follows(year_at) {
        if let Some(year) = year_of(context, year_at) {
            return Some((
                date_claim(context, index, year_at, Some(year), Some(month), None),
                year_at + 1,
            ));
        }
    }
    // English "January 15, 2024" / "Jan 15th" / "Aug 8, Fri" / "Jan first".
    if words.month_first && context.follows(at) {
        let day = day_with_suffix(context, at).or_else(|| {
            context
                .word(at)
                .is_some()
                .then(|| spelled_day(context, at))
                .flatten()
                .map(|(day, last, _)| (day, last))
        });
        if let Some((day, mut last)) = day {
            let mut year_at = last + 1;
            if context.symbol(year_at) == Some(',') {
                year_at += 1;
            }
            if context.follows(year_at) {
                if let Some(year) = year_of(context, year_at) {
                    let stated = Stated::Full { year, month, day };
                    let found = stated_claim(context, index, year_at, stated, None)?;
                    return Some((found, year_at + 1));
                }
            }
            let mut weekday = weekday_before;
            if let Some(after) = trailing_weekday(context, last + 1) {
                weekday = Some(after.0);
                last = after.1;
            }
            let stated = Stated::MonthDay { month, day };
            let found = stated_claim(context, index, last, stated, weekday)?;
            return Some((found, last + 1));
        }
    }
    if weekday_before.is_some()
        || name.abbreviated
        || (!context.capitalised(index) && words.ambiguous_months.contains(&month))
    {
        return None;
    }
    read_month_alone(context, index, month)
}

/// ", Fri" after a date: the weekday and its last token.
fn trailing_weekday(context: &Context, at: usize) -> Option<(Weekday, usize)> {
    let at = if context.symbol(at) == Some(',') {
        at + 1
    } else {
        at
    };
    if !context.follows(at) {
        return None;
    }
    let name = weekday_name(context.lower(at)?.as_str(), context.lang)?;
    let last = if context.glued(at + 1) && context.symbol(at + 1) == Some('.') {
        at + 1
    } else {
        at
    };
    Some((name.value, last))
}

/// A month alone, maybe with "scorso"/"last".
fn read_month_alone(context: &Context, index: usize, month: u32) -> Option<(Found, usize)> {
    if let Some(found) = month_a_year_on(context, index, month) {
        return Some(found);
    }
    let words = context.lexicon.time.relative;
    let modifier_at = |i: usize| context.lower(i).and_then(|w| words.modifier(w.as_str()));
    let modifier_before = index > 0 && modifier_at(index - 1).is_some();
    let modifier_after =
        words.modifier_after_month && modifier_at(index + 1).is_some_and(|m| m != Modifier::This);
    if words.ambiguous_months.contains(&month) && !modifier_before {
        let context_word = index > 0 && context.word_is(index - 1, words.ambiguous_month_cues);
        if !context_word {
            return None;
        }
    }
    let (first, last) = match (modifier_before, modifier_after) {
        (true, _) => (index - 1, index),
        (false, true) => (index, index + 1),
        _ => (index, index),
    };
    let modifier = if modifier_before {
        modifier_at(index - 1)
    } else if modifier_after {
        modifier_at(index + 1)
    } else {
        None
    };
    let relative = match modifier {
        Some(Modifier::Last) => Relative::Last,
        Some(Modifier::Next) => Relative::Next,
        _ => Relative::Bare,
    };
    let year = resolve_month(month, relative, context.article_date);
    Some((
        date_claim(context, first, last, year, Some(month), None),
        last + 1,
    ))
}

/// "after next" at `at`: an "after" word and a "next" modifier ("March after next", "Friday
/// after next").
pub fn after_next(context: &Context, at: usize) -> bool {
    let words = context.lexicon.time.relative;
    context.word_is(at, words.anchors.after)
        && context
            .lower(at + 1)
            .and_then(|w| words.modifier(w.as_str()))
            == Some(Modifier::Next)
}

/// "March after next", "March in a year": a month named after its next occurrence, moved one
/// year on. `index` is the month name; `month` its number.
pub fn month_a_year_on(context: &Context, index: usize, month: u32) -> Option<(Found, usize)> {
    let words = context.lexicon.time.relative;
    let last = if after_next(context, index + 1) {
        index + 2
    } else if context.word_is(index + 1, words.in_words)
        && context.word_is(index + 2, words.one_words)
        && context
            .lower(index + 3)
            .and_then(|w| words.period(w.as_str()))
            == Some(Period::Year)
    {
        index + 3
    } else {
        return None;
    };
    let article = context.article_date?;
    let article_month = article.month?;
    let next_year = if month > article_month {
        article.year
    } else {
        article.year + 1
    };
    Some((
        date_claim(context, index, last, Some(next_year + 1), Some(month), None),
        last + 1,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<ArticleDate> {
        ArticleDate::parse(s)
    }

    #[test]
    fn bare_month_is_most_recent_up_to_article_month() {
        let article = date("2024-01");
        assert_eq!(resolve_month(12, Relative::Bare, article), Some(2023));
        assert_eq!(resolve_month(11, Relative::Bare, article), Some(2023));
        assert_eq!(resolve_month(1, Relative::Bare, article), Some(2024));
        assert_eq!(
            resolve_month(7, Relative::Bare, date("2024-08-02")),
            Some(2024)
        );
    }

    #[test]
    fn last_and_next_are_strict() {
        let article = date("2024-01-20");
        assert_eq!(resolve_month(1, Relative::Last, article), Some(2023));
        assert_eq!(resolve_month(12, Relative::Last, article), Some(2023));
        assert_eq!(resolve_month(1, Relative::Next, article), Some(2025));
        assert_eq!(resolve_month(3, Relative::Next, article), Some(2024));
    }

    #[test]
    fn no_article_date_means_no_year() {
        assert_eq!(resolve_month(12, Relative::Last, None), None);
    }

    #[test]
    fn day_validity() {
        assert!(valid_day(2024, 2, 29));
        assert!(!valid_day(2023, 2, 29));
    }
}
