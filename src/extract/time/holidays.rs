//! Holidays with a rule a calendar can compute: fixed days (Christmas, Ferragosto), days tied to
//! Easter in either church (Good Friday, Pentecost, Clean Monday), and n-th weekdays (Thanksgiving,
//! MLK Day, la festa della mamma).
//!
//! Holidays of lunar and lunisolar calendars (Eid, Yom Kippur, Diwali …) move every year and
//! are not computed here: news that names one almost always gives the date too.
//! Names that are also ordinary words in news ("la liberazione", "la repubblica", "la vigilia")
//! count only in their unambiguous long forms ("festa della liberazione", "vigilia di Natale").
//! Without a year the holiday is placed like any year-less day (see `time/calendar.rs`).

use crate::extract::tokens::context::Context;
use crate::model::Lang;
use chrono::{NaiveDate, Weekday};

/// How a holiday's day is computed in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Fixed(u32, u32),
    /// Days after (or before) Western Easter Sunday.
    Easter(i64),
    /// Days after (or before) Orthodox Easter Sunday.
    Orthodox(i64),
    /// The n-th weekday of a month, plus a number of days (Black Friday).
    Nth(u32, Weekday, u32, i64),
    LastWeekday(u32, Weekday),
    /// A fixed day moved off the weekend: by the given days when it falls on a Saturday or
    /// a Sunday (Boss's Day, King's Day).
    Observed(u32, u32, i64, i64),
}

impl Rule {
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        use super::calendar::{easter, last_weekday, nth_weekday, orthodox_easter, shift_days};
        match self {
            Rule::Fixed(month, day) => NaiveDate::from_ymd_opt(year, month, day),
            Rule::Easter(days) => shift_days(easter(year)?, days),
            Rule::Orthodox(days) => shift_days(orthodox_easter(year)?, days),
            Rule::Nth(month, weekday, n, days) => {
                shift_days(nth_weekday(year, month, weekday, n)?, days)
            }
            Rule::LastWeekday(month, weekday) => last_weekday(year, month, weekday),
            Rule::Observed(month, day, saturday, sunday) => {
                let date = NaiveDate::from_ymd_opt(year, month, day)?;
                match chrono::Datelike::weekday(&date) {
                    Weekday::Sat => shift_days(date, saturday),
                    Weekday::Sun => shift_days(date, sunday),
                    _ => Some(date),
                }
            }
        }
    }
}

/// Consecutive words from `at` (apostrophes, a possessive "s" and dots between them skipped);
/// the index of the last matched token.
pub fn words_from(context: &Context, at: usize, words: &[&str]) -> Option<usize> {
    let mut index = at;
    let mut last = at;
    for (position, &word) in words.iter().enumerate() {
        if position > 0 {
            index = last + 1;
            while matches!(context.symbol(index), Some('\'' | '’' | '.' | '-')) {
                index += 1;
                if context.word_is(index, &["s"]) && word != "s" {
                    index += 1;
                }
            }
            if !context.follows(index) {
                return None;
            }
        }
        if !context.word_is(index, &[word]) {
            return None;
        }
        last = index;
    }
    Some(last)
}

/// A holiday name starting at `index` (`lower` is its first word): its rule and last token.
pub fn holiday_at(context: &Context, index: usize, lower: &str) -> Option<(Rule, usize)> {
    use Rule::*;
    use Weekday::*;
    let w = |words: &[&str]| words_from(context, index, words);
    let either = |a: Option<usize>, b: Option<usize>| a.or(b);
    let found = |rule: Rule, last: Option<usize>| last.map(|last| (rule, last));
    match context.lang {
        Lang::En => match lower {
            "christmas" | "xmas" => {
                if let Some(last) = w(&[lower, "eve"]) {
                    return Some((Fixed(12, 24), last));
                }
                Some((Fixed(12, 25), w(&[lower, "day"]).unwrap_or(index)))
            }
            "new" => either(w(&["new", "year", "eve"]), w(&["new", "years", "eve"]))
                .map(|last| (Fixed(12, 31), last))
                .or_else(|| {
                    found(
                        Fixed(1, 1),
                        either(w(&["new", "year", "day"]), w(&["new", "years", "day"])),
                    )
                }),
            "valentine" => found(Fixed(2, 14), w(&["valentine", "day"])),
            "halloween" => Some((Fixed(10, 31), index)),
            "st" | "saint" => either(w(&[lower, "patrick", "day"]), w(&[lower, "paddy", "day"]))
                .map(|last| (Fixed(3, 17), last)),
            "easter" => found(Easter(1), w(&["easter", "monday"]))
                .or_else(|| Some((Easter(0), w(&["easter", "sunday"]).unwrap_or(index)))),
            "good" => found(Easter(-2), w(&["good", "friday"])),
            "maundy" => found(Easter(-3), w(&["maundy", "thursday"])),
            "palm" | "branch" => found(Easter(-7), w(&[lower, "sunday"])),
            "ash" => found(Easter(-46), w(&["ash", "wednesday"])),
            "pentecost" => Some((Easter(49), index)),
            "whit" | "white" => found(Easter(49), w(&[lower, "sunday"])),
            "thanksgiving" => Some((Nth(11, Thu, 4, 0), w(&[lower, "day"]).unwrap_or(index))),
            "black" => found(Nth(11, Thu, 4, 1), w(&["black", "friday"])),
            "mlk" => found(Nth(1, Mon, 3, 0), w(&["mlk", "day"])),
            "martin" => w(&["martin", "luther", "king", "day"])
                .or_else(|| w(&["martin", "luther", "kings", "day"]))
                .or_else(|| w(&["martin", "luther", "king", "jr", "day"]))
                .map(|last| (Nth(1, Mon, 3, 0), last)),
            "civil" => found(Nth(1, Mon, 3, 0), w(&["civil", "rights", "day"])),
            "boss" | "bosses" => found(Observed(10, 16, -1, 1), w(&[lower, "day"])),
            "king" | "kings" => found(Observed(4, 27, 0, -1), w(&[lower, "day"])),
            "koningsdag" => Some((Observed(4, 27, 0, -1), index)),
            "world" => found(Fixed(11, 1), w(&["world", "vegan", "day"])),
            "memorial" => found(LastWeekday(5, Mon), w(&["memorial", "day"])),
            "labor" | "labour" => found(Nth(9, Mon, 1, 0), w(&[lower, "day"])),
            "mother" => found(Nth(5, Sun, 2, 0), w(&["mother", "day"])),
            "father" => found(Nth(6, Sun, 3, 0), w(&["father", "day"])),
            "boxing" => found(Fixed(12, 26), w(&["boxing", "day"])),
            "veterans" => found(Fixed(11, 11), w(&["veterans", "day"])),
            "orthodox" => found(Orthodox(0), w(&["orthodox", "easter"]))
                .or_else(|| found(Orthodox(-2), w(&["orthodox", "good", "friday"])))
                .or_else(|| found(Orthodox(-2), w(&["orthodox", "great", "friday"]))),
            "clean" => found(Orthodox(-48), w(&["clean", "monday"])),
            "lazarus" => found(Orthodox(-8), w(&["lazarus", "saturday"])),
            _ => None,
        },
        Lang::It => match lower {
            "natale" => Some((Fixed(12, 25), index)),
            "vigilia" => found(Fixed(12, 24), w(&["vigilia", "di", "natale"])),
            "santo" => found(Fixed(12, 26), w(&["santo", "stefano"])),
            "san" => found(Fixed(12, 31), w(&["san", "silvestro"]))
                .or_else(|| found(Fixed(2, 14), w(&["san", "valentino"])))
                .or_else(|| found(Fixed(3, 19), w(&["san", "giuseppe"]))),
            "capodanno" => Some((Fixed(1, 1), index)),
            "epifania" | "befana" => Some((Fixed(1, 6), index)),
            "ferragosto" => Some((Fixed(8, 15), index)),
            "ognissanti" => Some((Fixed(11, 1), index)),
            "tutti" => found(Fixed(11, 1), w(&["tutti", "i", "santi"])),
            "pasqua" => Some((Easter(0), index)),
            "pasquetta" => Some((Easter(1), index)),
            "immacolata" => Some((Fixed(12, 8), index)),
            "idi" => found(Fixed(3, 15), w(&["idi", "di", "marzo"])),
            "anniversario" | "festa" | "giorno" => italian_feast(context, index),
            _ => None,
        },
    }
}

/// "festa della mamma", "festa del lavoro", "anniversario della liberazione" …
fn italian_feast(context: &Context, index: usize) -> Option<(Rule, usize)> {
    use Rule::*;
    let mut at = index + 1;
    if context.word_is(at, &["di", "del", "della", "dei", "degli", "dell"]) {
        at += 1;
        if matches!(context.symbol(at), Some('\'' | '’')) {
            at += 1;
        }
    }
    let rule = match context.lower(at)?.as_str() {
        "innamorati" => Fixed(2, 14),
        "papà" | "papa" | "giuseppe" => Fixed(3, 19),
        "liberazione" => Fixed(4, 25),
        "lavoro" | "lavoratori" => Fixed(5, 1),
        "mamma" => Nth(5, Weekday::Sun, 2, 0),
        "repubblica" => Fixed(6, 2),
        "santi" => Fixed(11, 1),
        "san" if context.word_is(at + 1, &["giuseppe"]) => return Some((Fixed(3, 19), at + 1)),
        _ => return None,
    };
    Some((rule, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_compute_their_day() {
        let day = |s: &str| s.parse::<NaiveDate>().ok();
        assert_eq!(Rule::Easter(-2).in_year(2024), day("2024-03-29"));
        assert_eq!(
            Rule::Nth(11, Weekday::Thu, 4, 1).in_year(2013),
            day("2013-11-29")
        );
        assert_eq!(
            Rule::Nth(1, Weekday::Mon, 3, 0).in_year(2014),
            day("2014-01-20")
        );
        assert_eq!(Rule::Orthodox(-48).in_year(2018), day("2018-02-19"));
        assert_eq!(
            Rule::LastWeekday(5, Weekday::Mon).in_year(2024),
            day("2024-05-27")
        );
    }
}
