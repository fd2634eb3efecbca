//! Dates: month names, full dates in the usual written forms, and months resolved against the
//! article date.
//!
//! A month without a year ("a novembre", "In July") means the most recent such month up to the
//! article's month: the article's own month is this month of the article year, a later month
//! is last year's. "scorso"/"last" force a month strictly before the article's month (so "lo
//! scorso gennaio" in a January article is the previous January); "prossimo"/"next" force one
//! strictly after. Without an article date the month stays year-less (`XXXX-11`, value 0) and
//! carries a `year-unknown` ambiguity. English month names must be capitalised, and "May" also
//! needs a date context, so the modal verb is never a date.

use super::context::Context;
use super::found::{Found, ambiguity};
use crate::model::{ArticleDate, ClaimKind, Lang};
use rust_decimal::Decimal;

/// Month number of a lower-cased month name.
pub fn month_number(lower: &str, lang: Lang) -> Option<u32> {
    if !(3..=9).contains(&lower.len()) {
        return None;
    }
    let names: [&str; 12] = match lang {
        Lang::It => [
            "gennaio",
            "febbraio",
            "marzo",
            "aprile",
            "maggio",
            "giugno",
            "luglio",
            "agosto",
            "settembre",
            "ottobre",
            "novembre",
            "dicembre",
        ],
        Lang::En => [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
    };
    names.iter().position(|&n| n == lower).map(|p| p as u32 + 1)
}

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

/// A plain 4-digit year in the range news uses.
pub fn year_of(context: &Context, index: usize) -> Option<i32> {
    let number = context.number(index)?;
    if !number.plain || number.digit_count != 4 {
        return None;
    }
    let year = i32::try_from(number.value.mantissa()).ok()?;
    (1800..=2100).contains(&year).then_some(year)
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

/// A date claim for `year[-month[-day]]`, spanning tokens `first..=last`.
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
    let year_text = year.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"));
    found.date = Some(match (month, day) {
        (Some(m), Some(d)) => format!("{year_text}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{year_text}-{m:02}"),
        _ => year_text,
    });
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

/// Reads a date starting at a month name: "febbraio 2022", "January 15, 2024", "last December".
/// `lower` is the word at `index`, lower-cased.
pub fn read_month_date(context: &Context, index: usize, lower: &str) -> Option<(Found, usize)> {
    let month = month_number(lower, context.lang)?;
    let english = context.lang == Lang::En;
    if english && !context.capitalised(index) {
        return None;
    }
    let following = |i: usize| context.follows(i);
    // Month + year.
    if following(index + 1) {
        if let Some(year) = year_of(context, index + 1) {
            return Some((
                date_claim(context, index, index + 1, Some(year), Some(month), None),
                index + 2,
            ));
        }
    }
    // English "January 15, 2024" / "January 15th" / "January 15".
    if english && following(index + 1) {
        if let Some(day) = day_of(context, index + 1) {
            let mut last = index + 1;
            if context.glued(last + 1) && context.word_is(last + 1, &["st", "nd", "rd", "th"]) {
                last += 1;
            }
            let mut year_at = last + 1;
            if context.symbol(year_at) == Some(',') {
                year_at += 1;
            }
            if following(year_at) {
                if let Some(year) = year_of(context, year_at) {
                    if valid_day(year, month, day) {
                        return Some((
                            date_claim(context, index, year_at, Some(year), Some(month), Some(day)),
                            year_at + 1,
                        ));
                    }
                }
            }
            let year = resolve_month(month, Relative::Bare, context.article_date);
            if valid_day(year.unwrap_or(2000), month, day) {
                return Some((
                    date_claim(context, index, last, year, Some(month), Some(day)),
                    last + 1,
                ));
            }
        }
    }
    // A month alone, maybe with "scorso"/"last".
    let modifier_before = index > 0
        && context.word_is(
            index - 1,
            &[
                "scorso", "passato", "prossimo", "last", "next", "this", "past",
            ],
        );
    let modifier_after =
        context.lang == Lang::It && context.word_is(index + 1, &["scorso", "passato", "prossimo"]);
    if english && month == 5 && !modifier_before {
        let context_word = index > 0
            && context.word_is(
                index - 1,
                &[
                    "in", "since", "until", "by", "early", "late", "mid", "of", "from", "during",
                ],
            );
        if !context_word {
            return None;
        }
    }
    let (first, last) = match (modifier_before, modifier_after) {
        (true, _) => (index - 1, index),
        (false, true) => (index, index + 1),
        _ => (index, index),
    };
    let relative = match (modifier_before || modifier_after)
        .then(|| {
            context.lower(if modifier_before {
                index - 1
            } else {
                index + 1
            })
        })
        .flatten()
    {
        Some(word) => match word.as_str() {
            "scorso" | "passato" | "last" | "past" => Relative::Last,
            "prossimo" | "next" => Relative::Next,
            _ => Relative::Bare,
        },
        None => Relative::Bare,
    };
    let year = resolve_month(month, relative, context.article_date);
    Some((
        date_claim(context, first, last, year, Some(month), None),
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
    fn months_in_both_languages() {
        assert_eq!(month_number("dicembre", Lang::It), Some(12));
        assert_eq!(month_number("february", Lang::En), Some(2));
        assert_eq!(month_number("december", Lang::It), None);
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
