//! Fiscal years and seasons. A year split across two calendar years (`2022/23`, `2019–20`,
//! `2022/2023`, `FY2023/24`) is one date claim, `2022/2023`, whose period runs over both
//! calendar years; a year the text names as fiscal (`FY24`, `FY 2024`, `fiscal 2024`,
//! `l'esercizio 2023`, `el año fiscal 2024`) is that year. Both carry an ambiguity: when such a
//! year starts (April, July, October…) depends on who keeps the books, and a fiscal year is
//! usually named after the calendar year it ends in.
//!
//! The letters and phrases that name a fiscal year are the lexicon's
//! ([`RelativeWords::fiscal_year_letters`](crate::extract::lang::relative::RelativeWords),
//! `fiscal_year_words`).

use super::dates::year_of;
use crate::extract::found::{Found, ambiguity};
use crate::extract::tokens::context::Context;
use crate::model::ClaimKind;

const SPLIT_NOTE: &str = "a season or fiscal year across two calendar years: its first month depends on the calendar used";
const FISCAL_NOTE: &str = "a fiscal year: its first month depends on who keeps the books, and it is usually named after the calendar year it ends in";

/// Whether `c` joins the two years of a split year.
fn is_joiner(c: char) -> bool {
    matches!(c, '/' | '-' | '–')
}

/// The second year glued after a year held by token `at` ("2022/23", "2019–20", "2022/2023"):
/// the year and the token that ends it. A 4-digit second year needs a slash, since
/// "2019-2020" is a range of two years.
fn second_year(context: &Context, at: usize, year: i32) -> Option<(i32, usize)> {
    let (joiner, second) = (at + 1, at + 2);
    if !context.glued(joiner) || !context.glued(second) {
        return None;
    }
    let symbol = context.symbol(joiner).filter(|&c| is_joiner(c))?;
    let number = context.number(second)?;
    if !number.plain || number.sign.is_some() {
        return None;
    }
    let value = i32::try_from(number.value.mantissa()).ok()?;
    let next = year + 1;
    let continues = match number.digit_count {
        2 => value == next % 100,
        4 => symbol == '/' && value == next,
        _ => false,
    };
    // "2022/23/24", "2019-20s": more than one split year.
    let after = second + 1;
    let more = context.glued(after)
        && (context.word(after).is_some()
            || context.number(after).is_some()
            || context.symbol(after).is_some_and(is_joiner) && context.glued(after + 1));
    (continues && !more).then_some((next, second))
}

/// Whether one of the lexicon's fiscal-year phrases ends right before token `index`.
fn fiscal_words_before(context: &Context, index: usize) -> bool {
    context
        .lexicon
        .time
        .relative
        .fiscal_year_words
        .iter()
        .any(|phrase| {
            let Some(start) = index.checked_sub(phrase.len()) else {
                return false;
            };
            phrase.iter().enumerate().all(|(k, word)| {
                context.word_is(start + k, &[word]) && (k == 0 || context.follows(start + k))
            }) && context.follows(index)
        })
}

/// The date claim for `year` (and the year after it, for a split year) over `first..=last`.
fn year_claim(
    context: &Context,
    first: usize,
    last: usize,
    year: i32,
    split: Option<i32>,
    fiscal: bool,
) -> Found {
    let start = context.tokens[first].start;
    let end = context.tokens[last].end;
    let mut found = Found::exact(ClaimKind::Date, start, end, first, year.into());
    found.date = Some(match split {
        Some(second) => format!("{year:04}/{second:04}"),
        None => format!("{year:04}"),
    });
    found.ambiguity.push(if fiscal {
        ambiguity("fiscal-year", FISCAL_NOTE, None)
    } else {
        ambiguity("split-year", SPLIT_NOTE, None)
    });
    found
}

/// A split year starting at the number token `index` ("2022/23", "l'esercizio 2022/23").
pub fn read_split_year(context: &Context, index: usize) -> Option<(Found, usize)> {
    let year = year_of(context, index)?;
    if context.glued(index) && context.number(index - 1).is_some() {
        return None;
    }
    let (second, last) = second_year(context, index, year)?;
    let fiscal = fiscal_words_before(context, index);
    Some((
        year_claim(context, index, last, year, Some(second), fiscal),
        last + 1,
    ))
}

/// A fiscal year led by the lexicon's letters at the word `index`: "FY24", "FY2024",
/// "FY 2024", "FY2023/24".
pub fn read_fiscal_letters(context: &Context, index: usize, word: &str) -> Option<(Found, usize)> {
    let letters = context.lexicon.time.relative.fiscal_year_letters;
    let digits = letters.iter().find_map(|l| word.strip_prefix(l))?;
    let (year_at, digits, width) = if digits.is_empty() {
        let at = index + 1;
        let number = context.number(at).filter(|_| context.follows(at))?;
        if !number.plain || number.sign.is_some() || context.glued(at) {
            return None;
        }
        let value = u32::try_from(number.value.mantissa()).ok()?;
        (at, value, number.digit_count)
    } else {
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        (index, digits.parse().ok()?, digits.len())
    };
    let year = match width {
        4 => i32::try_from(digits)
            .ok()
            .filter(|y| (1800..=2100).contains(y))?,
        2 if digits < 50 => 2000 + i32::try_from(digits).ok()?,
        2 => 1900 + i32::try_from(digits).ok()?,
        _ => return None,
    };
    let (split, last) = match second_year(context, year_at, year) {
        Some((second, last)) => (Some(second), last),
        None => (None, year_at),
    };
    Some((
        year_claim(context, index, last, year, split, true),
        last + 1,
    ))
}

/// Marks the year claim `found`, read from the number token `index`, as a fiscal year when a
/// fiscal-year phrase comes right before it ("fiscal 2024", "el ejercicio 2023").
pub fn mark_fiscal_year(context: &Context, index: usize, found: &mut Found) {
    let plain_year = found.kind == ClaimKind::Date
        && found.date.as_deref().is_some_and(|d| d.len() == 4)
        && found.first_token == index;
    if plain_year && fiscal_words_before(context, index) {
        found
            .ambiguity
            .push(ambiguity("fiscal-year", FISCAL_NOTE, None));
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract};
    use crate::model::{Lang, LangChoice};

    /// `(text, date, ambiguity kinds)` of the date claims in `text`.
    fn dates(lang: Lang, text: &str) -> Vec<(String, String, Vec<String>)> {
        let options = Options {
            lang: LangChoice::Fixed(lang),
            ..Options::default()
        };
        extract(text, &options)
            .claims
            .into_iter()
            .filter(|c| c.kind == crate::model::ClaimKind::Date)
            .map(|c| {
                let kinds = c.ambiguity.iter().map(|a| a.kind.clone()).collect();
                (c.text, c.date.unwrap_or_default(), kinds)
            })
            .collect()
    }

    fn one(text: &str, date: &str, kind: &str) -> Vec<(String, String, Vec<String>)> {
        vec![(text.to_string(), date.to_string(), vec![kind.to_string()])]
    }

    #[test]
    fn split_years_are_one_period_over_two_years() {
        let split = "split-year";
        assert_eq!(
            dates(Lang::It, "Nella stagione 2022/23 la squadra ha vinto."),
            one("2022/23", "2022/2023", split)
        );
        assert_eq!(
            dates(Lang::En, "Wages fell in 2019–20 and rose again."),
            one("2019–20", "2019/2020", split)
        );
        assert_eq!(
            dates(Lang::Es, "La temporada 1999-00 fue la mejor."),
            one("1999-00", "1999/2000", split)
        );
        assert_eq!(
            dates(Lang::It, "Il campionato 2020/2021 si è chiuso."),
            one("2020/2021", "2020/2021", split)
        );
    }

    #[test]
    fn years_that_do_not_continue_stay_apart() {
        // A range of years, a year and a month, and two years that do not follow each other.
        let range = dates(Lang::En, "Output grew from 2019-2021.");
        assert_eq!(range.len(), 2);
        assert_eq!(dates(Lang::It, "Nel 2014-10 è cambiato.")[0].1, "2014-10");
        let gap = dates(Lang::En, "In 2019/22 nothing changed.");
        assert!(gap.iter().all(|(_, d, _)| !d.contains('/')), "{gap:?}");
    }

    #[test]
    fn fiscal_letters_and_words_name_a_fiscal_year() {
        let fiscal = "fiscal-year";
        assert_eq!(
            dates(Lang::En, "Sales rose in FY24 to a record."),
            one("FY24", "2024", fiscal)
        );
        assert_eq!(
            dates(Lang::En, "The FY 2023 guidance stands."),
            one("FY 2023", "2023", fiscal)
        );
        assert_eq!(
            dates(Lang::It, "Nel FY2023/24 i ricavi sono saliti."),
            one("FY2023/24", "2023/2024", fiscal)
        );
        assert_eq!(
            dates(Lang::En, "Revenue in fiscal 2025 will grow."),
            one("2025", "2025", fiscal)
        );
        assert_eq!(
            dates(Lang::It, "L'utile dell'esercizio 2023 è salito."),
            one("2023", "2023", fiscal)
        );
        assert_eq!(
            dates(Lang::Es, "En el año fiscal 2024 la deuda bajó."),
            one("2024", "2024", fiscal)
        );
        assert_eq!(
            dates(Lang::Es, "El ejercicio 2022/23 cerró con pérdidas."),
            one("2022/23", "2022/2023", fiscal)
        );
    }

    #[test]
    fn letters_without_a_year_are_not_a_date() {
        assert!(
            dates(Lang::En, "The FY was long. FYI 2024 matters.")[0]
                .2
                .is_empty()
        );
        assert!(dates(Lang::En, "Model FY123 shipped.").is_empty());
    }
}
