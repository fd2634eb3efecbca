//! Dates that name a holiday: "Natale", "Christmas 2023", "next Easter", "Diwali in 2019",
//! "MLK day of last year", resolved against the article date (the next or last occurrence by
//! the tense of the sentence, or the one a modifier asks for).

use super::calendar::{Lean, anchor_day, choose, reference_day};
use super::dates::day_claim;
use super::holidays::{Rule, holiday_at};
use super::tense::sentence_lean;
use crate::extract::found::Found;
use crate::extract::lang::relative::{Modifier, Period};
use crate::extract::tokens::context::Context;
use chrono::Datelike;

/// A holiday named at `at`, with an optional year after it.
pub fn holiday_date(context: &Context, at: usize, lower: &str) -> Option<(Found, usize)> {
    read_holiday(context, at, at, lower, None)
}

/// A holiday at `at` (claim from `first`), with an optional year after it and an optional
/// modifier before it.
pub fn read_holiday(
    context: &Context,
    first: usize,
    at: usize,
    lower: &str,
    modifier: Option<Modifier>,
) -> Option<(Found, usize)> {
    let (rule, mut last) = holiday_at(context, at, lower)?;
    // "MLK day of last year", "Natale dell'anno scorso".
    let words = context.lexicon.time.relative;
    if context.word_is(last + 1, words.of_words) {
        if let Some(year_modifier) = context
            .lower(last + 2)
            .and_then(|l| context.lexicon.time.relative.modifier(l.as_str()))
        {
            let year_word = context.lower(last + 3);
            if year_word.is_some_and(|w| words.period(w.as_str()) == Some(Period::Year)) {
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
        // "Diwali in 2019": the holiday of that year.
        if context.word_is(last + 1, words.in_words) && context.follows(last + 2) {
            if let Some(year) = super::dates::year_of(context, last + 2) {
                let date = rule.in_year(year)?;
                return Some((day_claim(context, first, last + 2, date), last + 3));
            }
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
