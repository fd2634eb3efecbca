//! Anniversaries: "il 75° anniversario", "its 50th anniversary", "el 25.º aniversario", with the
//! year they count from ("fondata nel 1949", "founded in 1975", "desde 1999") and, when the text
//! says it, the year they fall in ("quest'anno", "next year", "nel 2024").
//!
//! In: the claims of a text and its sentences. Out: `anniversary` relations, roles `ordinal`
//! (or `years`), `founding` and, if written, `year`. An ordinal is an anniversary when one of
//! the lexicon's anniversary words (`CueWords::anniversary_words`) follows it within a few
//! words; a duration in years is one ("compie 70 anni", "turns 50", "cumple 75 años", role
//! `years`) when one of its `turns_words` is among the three words before it; the
//! founding year is a year claim shortly after one of the lexicon's founding words
//! (`CueWords::founding_words`) with no other claim between them, looked for in the ordinal's sentence, then in the sentence
//! before and the one after (unless that sentence has an anniversary of its own); failing
//! that, the one date of the ordinal's sentence that writes a year before the year it falls
//! in, when the count from it comes within two years of that year. The year it falls in is another date claim of the ordinal's sentence.

use super::cue::{cue_at, find_phrase};
use super::reach::{near, sentence_claims};
use crate::extract::found::{Found, claim_id};
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Relation, RelationKind};

/// How far after the ordinal the anniversary word may start, in bytes.
const WORD_WINDOW: usize = 24;
/// How far before a year its founding word may be, in bytes.
const FOUNDING_WINDOW: usize = 48;

/// The span of an anniversary word right after claim `ordinal`.
fn anniversary_word(context: &Context, ordinal: &Found) -> Option<(usize, usize)> {
    let mut end = (ordinal.end + WORD_WINDOW).min(context.text.len());
    while !context.text.is_char_boundary(end) {
        end -= 1;
    }
    let after = &context.ascii_lower[ordinal.end..end];
    let (start, word_end) = find_phrase(after, context.lexicon.cues.anniversary_words)?;
    // Only short words ("anniversary", "the", "dalla") may stand between.
    let gap = &after[..start];
    (gap.split_whitespace().count() <= 2 && !gap.contains(['.', ';', ',']))
        .then_some((ordinal.end + start, ordinal.end + word_end))
}

/// The span of a "turns" word among the `words` words before a number of years ("compie 70
/// anni", "turns 50", "celebrano oggi i 70 anni", "cumple 75 años").
fn turns_word(context: &Context, years: &Found, words: usize) -> Option<(usize, usize)> {
    let mut from = years.start.saturating_sub(WORD_WINDOW);
    while !context.text.is_char_boundary(from) {
        from += 1;
    }
    // Only the words of the same clause count (the marks are ASCII: a byte search).
    let gap = &context.ascii_lower[from..years.start];
    let clause = gap
        .bytes()
        .rposition(|b| matches!(b, b'.' | b';' | b',' | b':'))
        .map_or(0, |at| at + 1);
    let gap = &gap[clause..];
    let turns = context.lexicon.cues.turns_words;
    gap.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(words)
        .find(|w| {
            // ASCII words are lower-case already; others are lower-cased whole.
            if w.is_ascii() {
                turns.contains(w)
            } else {
                turns.contains(&w.to_lowercase().as_str())
            }
        })
        .map(|w| {
            let start = w.as_ptr() as usize - context.ascii_lower.as_ptr() as usize;
            (start, start + w.len())
        })
}

/// Whether `claim` is a date that writes its year ("1949", "marzo 1957", "6 de diciembre de
/// 1978"), not one read from the article's date ("oggi", "this year").
fn writes_year(context: &Context, claim: &Found) -> bool {
    claim.kind == ClaimKind::Date
        && claim
            .date
            .as_deref()
            .and_then(|date| date.get(..4))
            .is_some_and(|year| {
                year.bytes().all(|b| b.is_ascii_digit())
                    && context.text[claim.start..claim.end].contains(year)
            })
}

/// The span of an anniversary word a count is written with ("su 45 aniversario", "il 70
/// anniversario": a cardinal standing for the ordinal), when its counted noun is one.
fn counted_anniversary(context: &Context, count: &Found) -> Option<(usize, usize)> {
    let unit = count.unit.as_deref()?.to_lowercase();
    if !context
        .lexicon
        .cues
        .anniversary_words
        .contains(&unit.as_str())
    {
        return None;
    }
    let lower = &context.ascii_lower[count.start..count.end];
    let (start, end) = find_phrase(lower, context.lexicon.cues.anniversary_words)?;
    Some((count.start + start, count.start + end))
}

/// A year claim of sentence `sentence` with a founding word shortly before it and no other
/// claim between the two.
fn founding_in(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    sentence: u32,
    anniversary: usize,
) -> Option<usize> {
    let words = context.lexicon.cues.founding_words;
    near(sentence_claims(sentence_of, sentence), anniversary)
        .filter(|&i| writes_year(context, &claims[i]))
        .find(|&i| {
            let mut from = claims[i].start.saturating_sub(FOUNDING_WINDOW);
            if let Some(previous) = i.checked_sub(1) {
                from = from.max(claims[previous].end.min(claims[i].start));
            }
            while !context.text.is_char_boundary(from) {
                from -= 1;
            }
            find_phrase(&context.ascii_lower[from..claims[i].start], words).is_some()
        })
}

/// With no founding word ("il primo concerto si tenne il 9 maggio 1987", "su primer número
/// salió en 1976"), the one date of the anniversary's sentence that writes a year, if that year
/// is before the year the sentence or the article is in and the count from it lands within
/// [`FALLBACK_SLACK`] years of that year: then it is what the count starts from.
fn only_past_year(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    anniversary: usize,
) -> Option<usize> {
    let sentence = sentence_of[anniversary];
    let in_sentence = || {
        near(sentence_claims(sentence_of, sentence), anniversary).filter(move |&i| i != anniversary)
    };
    let mut written = in_sentence().filter(|&i| writes_year(context, &claims[i]));
    let only = written.next().filter(|_| written.next().is_none())?;
    let year_of = |claim: &Found| claim.date.as_deref()?.get(..4)?.parse::<i32>().ok();
    let meant = in_sentence()
        .find(|&i| i != only && claims[i].kind == ClaimKind::Date)
        .and_then(|i| year_of(&claims[i]))
        .or(context.article_date.map(|date| date.year))?;
    // Without a founding word the year is weak evidence: it is taken only when the count
    // from it lands within a couple of years of the year meant (a miscount), not when it is
    // plainly some other year ("205.º aniversario … en 2023").
    let founding = year_of(&claims[only])?;
    let counted =
        i32::try_from(crate::extract::found::to_f64(claims[anniversary].value) as i64).ok()?;
    // A full date on the day the anniversary falls ("il 2 giugno 1946" in a 2 June article)
    // is what the count starts from, however far off the count lands.
    let on_the_day = same_day(context, claims, sentence_of, only);
    (founding < meant && (on_the_day || (founding + counted - meant).abs() <= FALLBACK_SLACK))
        .then_some(only)
}

/// The month and day of a full date claim (`YYYY-MM-DD`).
fn month_day(claim: &Found) -> Option<(u32, u32)> {
    let date = claim.date.as_deref()?;
    let month = date.get(5..7)?.parse().ok()?;
    let day = date.get(8..10)?.parse().ok()?;
    (claim.kind == ClaimKind::Date && date.len() == 10).then_some((month, day))
}

/// Whether claim `index` is a full date of an earlier year on the day its sentence is about:
/// the day of another full date of the sentence ("oggi", "today"), or else the article's day.
fn same_day(context: &Context, claims: &[Found], sentence_of: &[u32], index: usize) -> bool {
    let Some(day) = month_day(&claims[index]) else {
        return false;
    };
    let sentence = sentence_claims(sentence_of, sentence_of[index]);
    let written = near(sentence, index)
        .filter(|&i| i != index)
        .find_map(|i| month_day(&claims[i]).filter(|_| !writes_year(context, &claims[i])));
    let article = context
        .article_date
        .and_then(|date| Some((date.month?, date.day?)));
    written.or(article) == Some(day)
}

/// With no "turns" word, years counted from a full date of their sentence that falls on the
/// day the sentence is about ("recuerda hoy los 50 años de la muerte de Franco, ocurrida el 20
/// de noviembre de 1975" in a 20 November article): an anniversary, its cue the years
/// themselves.
fn years_since_the_day(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    index: usize,
) -> Option<(usize, usize)> {
    let sentence = sentence_claims(sentence_of, sentence_of[index]);
    near(sentence, index)
        .filter(|&i| i != index && writes_year(context, &claims[i]))
        .any(|i| same_day(context, claims, sentence_of, i))
        .then_some((claims[index].start, claims[index].end))
}

/// How far from the year meant a count from a year without a founding word may land.
const FALLBACK_SLACK: i32 = 2;

/// The `anniversary` relations of the text, appended to `out`.
pub fn anniversary_relations(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    out: &mut Vec<Relation>,
) {
    let words: Vec<Option<(usize, usize)>> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| match c.kind {
            ClaimKind::Ordinal => anniversary_word(context, c),
            ClaimKind::Duration if c.unit.as_deref() == Some("years") => turns_word(context, c, 3)
                .or_else(|| years_since_the_day(context, claims, sentence_of, i)),
            // "turns 50": a bare number right after the word.
            ClaimKind::Count | ClaimKind::Number if c.unit.is_none() => turns_word(context, c, 1),
            ClaimKind::Count => counted_anniversary(context, c),
            _ => None,
        })
        .collect();
    let has_anniversary = |sentence: u32, index: usize| {
        near(sentence_claims(sentence_of, sentence), index).any(|i| words[i].is_some())
    };
    for (index, word) in words.iter().enumerate() {
        let Some((cue_start, cue_end)) = *word else {
            continue;
        };
        let sentence = sentence_of[index];
        let neighbours = [sentence.checked_sub(1), sentence.checked_add(1)];
        let founding = founding_in(context, claims, sentence_of, sentence, index).or_else(|| {
            neighbours
                .into_iter()
                .flatten()
                .filter(|&s| !has_anniversary(s, index))
                .find_map(|s| founding_in(context, claims, sentence_of, s, index))
        });
        let Some(founding) =
            founding.or_else(|| only_past_year(context, claims, sentence_of, index))
        else {
            continue;
        };
        let year = near(sentence_claims(sentence_of, sentence), index)
            .find(|&i| i != founding && claims[i].kind == ClaimKind::Date);
        let mut ids = vec![claim_id(index + 1), claim_id(founding + 1)];
        // "il 50° anniversario", "su 45 aniversario": the Nth; "compie 70 anni", "turns 50": years.
        let claim = &claims[index];
        let counted = if claim.kind == ClaimKind::Ordinal
            || (claim.kind == ClaimKind::Count && claim.unit.is_some())
        {
            "ordinal"
        } else {
            "years"
        };
        let mut roles = vec![counted.to_owned(), "founding".to_owned()];
        if let Some(year) = year {
            ids.push(claim_id(year + 1));
            roles.push("year".to_owned());
        }
        out.push(Relation {
            kind: RelationKind::Anniversary,
            claims: ids,
            roles,
            marker: Some(context.text[cue_start..cue_end].to_owned()),
            direction: None,
            period: None,
            cue: Some(cue_at(context.text, cue_start, cue_end, "anniversary")),
            sentence: Some(sentence),
            items: None,
            factor: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::relations::testing::described;
    use crate::model::{Lang, RelationKind};

    /// `(roles, claim texts)` of each anniversary relation of `text`.
    fn anniversaries(lang: Lang, text: &str) -> Vec<(String, String)> {
        described(lang, text, RelationKind::Anniversary)
            .into_iter()
            .map(|d| (d.roles, d.texts))
            .collect()
    }

    #[test]
    fn an_ordinal_anniversary_and_the_year_it_counts_from() {
        assert_eq!(
            anniversaries(
                Lang::It,
                "La società, fondata nel 1975, festeggia quest'anno il 50° anniversario."
            ),
            [(
                "ordinal,founding,year".to_string(),
                "50° | 1975 | quest'anno".to_string()
            )]
        );
        assert_eq!(
            anniversaries(
                Lang::En,
                "The club was founded in 1949. It marks its 75th anniversary with a parade."
            ),
            [("ordinal,founding".to_string(), "75th | 1949".to_string())]
        );
        assert_eq!(
            anniversaries(
                Lang::Es,
                "El museo, abierto desde 1999, celebra su 25.º aniversario."
            ),
            [("ordinal,founding".to_string(), "25.º | 1999".to_string())]
        );
    }

    #[test]
    fn a_number_of_years_after_a_turns_word_is_an_anniversary() {
        assert_eq!(
            anniversaries(
                Lang::It,
                "Il teatro compie 80 anni: fu inaugurato nel 1944 tra le macerie."
            ),
            [("years,founding".to_string(), "80 anni | 1944".to_string())]
        );
        assert_eq!(
            anniversaries(
                Lang::En,
                "Launched in 1994, the magazine turns 30 this year."
            ),
            [(
                "years,founding,year".to_string(),
                "30 | 1994 | this year".to_string()
            )]
        );
        assert_eq!(
            anniversaries(
                Lang::Es,
                "La cooperativa, fundada en 1964, cumple 60 años con 300 socios."
            ),
            [("years,founding".to_string(), "60 años | 1964".to_string())]
        );
        // "lasted 30 years" is no anniversary.
        assert!(anniversaries(Lang::En, "Founded in 1980, the strike lasted 3 years.").is_empty());
    }

    #[test]
    fn a_founding_written_as_a_full_date_counts_by_its_year() {
        assert_eq!(
            anniversaries(
                Lang::It,
                "Il museo compie 60 anni: fu inaugurato il 12 maggio 1964 dal sindaco."
            ),
            [(
                "years,founding".to_string(),
                "60 anni | 12 maggio 1964".to_string()
            )]
        );
        assert_eq!(
            anniversaries(
                Lang::En,
                "The treaty, signed on 9 May 1950, marks its 75th anniversary."
            ),
            [(
                "ordinal,founding".to_string(),
                "75th | 9 May 1950".to_string()
            )]
        );
        assert_eq!(
            anniversaries(
                Lang::Es,
                "El hospital, inaugurado en marzo de 1974, celebra su 50.º aniversario."
            ),
            [(
                "ordinal,founding".to_string(),
                "50.º | marzo de 1974".to_string()
            )]
        );
        // A date read from the article's ("oggi") is no founding.
        assert!(anniversaries(Lang::It, "Il teatro compie 80 anni, inaugurato oggi.").is_empty());
    }

    #[test]
    fn without_a_founding_word_the_one_earlier_year_of_the_sentence() {
        assert_eq!(
            anniversaries(
                Lang::It,
                "Il coro celebra i 30 anni: il primo concerto si tenne nel 1994 a Parma."
            ),
            [("years,founding".to_string(), "30 anni | 1994".to_string())]
        );
        assert_eq!(
            anniversaries(
                Lang::En,
                "The paper marks its 100th anniversary; its first issue came out in 1924."
            ),
            [("ordinal,founding".to_string(), "100th | 1924".to_string())]
        );
        assert_eq!(
            anniversaries(
                Lang::Es,
                "La feria celebra su 25.º aniversario; la primera edición tuvo lugar en 1999."
            ),
            [("ordinal,founding".to_string(), "25.º | 1999".to_string())]
        );
        // Two earlier years, or only the year it falls in: nothing to count from.
        assert!(
            anniversaries(
                Lang::En,
                "Its 50th anniversary, after 1970 and 1974, is fine."
            )
            .is_empty()
        );
        assert!(anniversaries(Lang::En, "In 2024 it marks its 50th anniversary.").is_empty());
        // A year the count plainly does not start from: some other event of the sentence.
        assert!(
            anniversaries(
                Lang::Es,
                "Recibió 3 millones de visitas en 2023 y prepara su 205.º aniversario."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_cardinal_before_an_anniversary_word_is_the_nth() {
        assert_eq!(
            anniversaries(
                Lang::Es,
                "La orquesta, fundada en 1979, celebra su 45 aniversario."
            ),
            [(
                "ordinal,founding".to_string(),
                "45 aniversario | 1979".to_string()
            )]
        );
        assert_eq!(
            anniversaries(
                Lang::It,
                "La fiera, nata nel 1984, festeggia il 40 anniversario."
            ),
            [(
                "ordinal,founding".to_string(),
                "40 anniversario | 1984".to_string()
            )]
        );
    }

    #[test]
    fn without_an_anniversary_word_or_a_founding_year_nothing_is_linked() {
        assert!(anniversaries(Lang::En, "It finished 5th in 1999, founded in 1900.").is_empty());
        assert!(anniversaries(Lang::It, "Il 40° anniversario cade nel 2024.").is_empty());
        // A neighbour sentence with its own anniversary keeps its founding year.
        let two = anniversaries(
            Lang::En,
            "The bank, founded in 1924, marks its 100th anniversary. The school marks its 50th anniversary.",
        );
        assert_eq!(two.len(), 1, "{two:?}");
    }

    /// The tests' article date is 15 June 2024: a full date on 15 June of an earlier year is
    /// the day an anniversary counts from, however far off the count is (a typo must still be
    /// checked), and years written with such a date are an anniversary with no "turns" word.
    #[test]
    fn a_full_date_on_the_articles_day_is_what_the_years_count_from() {
        assert_eq!(
            anniversaries(
                Lang::It,
                "La Repubblica compie 88 anni: il referendum si tenne il 15 giugno 1946."
            ),
            [(
                "years,founding".to_string(),
                "88 anni | 15 giugno 1946".to_string()
            )]
        );
        assert_eq!(
            anniversaries(
                Lang::It,
                "La città ricorda i 90 anni dall'alluvione del 15 giugno 1934, che distrusse il porto."
            ),
            [(
                "years,founding".to_string(),
                "90 anni | 15 giugno 1934".to_string()
            )]
        );
        assert_eq!(
            anniversaries(
                Lang::En,
                "The town remembers the flood of June 15, 1974, 50 years on, with a service."
            ),
            [(
                "years,founding".to_string(),
                "50 years | June 15, 1974".to_string()
            )]
        );
        assert_eq!(
            anniversaries(
                Lang::Es,
                "La ciudad recuerda los 40 años del incendio del 15 de junio de 1984 en el mercado."
            ),
            [(
                "years,founding".to_string(),
                "40 años | 15 de junio de 1984".to_string()
            )]
        );
    }

    #[test]
    fn a_date_on_another_day_far_from_the_count_is_no_founding() {
        for (lang, text) in [
            (
                Lang::It,
                "L'azienda compie 50 anni: il 3 marzo 2008 aveva rischiato il fallimento.",
            ),
            (
                Lang::En,
                "The firm, 60 years old, nearly collapsed on March 3, 2008, its founder said.",
            ),
            (
                Lang::Es,
                "La ciudad recuerda los 40 años del incendio, y el 3 de marzo de 2008 abrió el museo.",
            ),
        ] {
            assert_eq!(anniversaries(lang, text), [], "{text}");
        }
    }
}
