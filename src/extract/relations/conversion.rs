//! What a conversion rests on: the exchange rate the text itself states ("al cambio di 7,1 yuan
//! per dollaro", "at $1.08 to the euro", "a un tipo de cambio de 18,5 pesos por dólar") and the
//! period its amounts cover ("nel 2023", "in the first nine months of 2023", "en noviembre").
//!
//! In: the `conversion` relations the sentence stage found and the claims of the text. Out: the
//! same relations with a `stated_rate` role (the rate claim) and, when the sentence ties the
//! amounts to a period, a `period` role (the date claim), a `months` role (the "first N months"
//! duration, if any) and the relation's `period` set to the span covered: a claim's ISO date
//! (`2023`, `2023-11`, `2023-Q1`) or `START..END` (`2023-01..2023-09`).
//!
//! A rate is a money claim in one of the conversion's two currencies (or a bare number) right
//! after one of the lexicon's `rate_markers` ("al cambio di", "at an exchange rate of"), or a
//! money claim followed by one of its `rate_per_words` and the name of the conversion's other
//! currency ("7,1 yuan per dollaro", "$1.08 to the euro"). It is looked for in the conversion's
//! sentence, then in the next one if that has no conversion of its own. A period is a date
//! claim of the sentence right after one of the lexicon's `period_markers` ("nel", "during",
//! "en el"); a duration in months right after a `first_words` word ("primi", "first",
//! "primeros") makes it the first months of that year (or, with no year written, of the latest
//! year whose first months had ended by the article's date).

use super::cue::ends_with_phrase;
use super::reach::{near, sentence_claims};
use crate::extract::found::{Found, claim_id, claim_index};
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Relation, RelationKind};

/// How far before a claim its marker may start, in bytes.
const MARKER_WINDOW: usize = 40;

/// The lower-cased text from `from` (or `window` bytes before `to`, whichever is later) to
/// `to`, and where it starts.
fn before<'a>(context: &Context<'a>, from: usize, to: usize, window: usize) -> (usize, &'a str) {
    let mut start = to.saturating_sub(window).max(from).min(to);
    while !context.text.is_char_boundary(start) {
        start += 1;
    }
    (start, &context.ascii_lower[start..to])
}

/// Where the claims before `index` in its sentence end (or the sentence's start), so a
/// marker is never looked for across another claim.
fn floor(claims: &[Found], sentence_of: &[u32], index: usize) -> usize {
    index
        .checked_sub(1)
        .filter(|&j| sentence_of[j] == sentence_of[index])
        .map_or(0, |j| claims[j].end)
}

/// The currency named right after claim `rate` behind a per-word ("per dollaro", "to the
/// euro", "por dólar").
fn per_currency(context: &Context, rate: &Found) -> Option<&'static str> {
    let cues = context.lexicon.cues;
    let after = context.ascii_lower.get(rate.end..)?;
    let after = after.get(..after.len().min(32))?;
    let rest = after.trim_start();
    let per = cues
        .rate_per_words
        .iter()
        .filter(|w| {
            rest.starts_with(*w)
                && rest[w.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_alphanumeric())
        })
        .max_by_key(|w| w.len())?;
    let word: String = rest[per.len()..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let money = context.lexicon.amounts.money;
    money.name(&word).map(|code| money.alone(code))
}

/// A currency name shared by several countries ("pesos", "dollari" with no adjective) is the
/// one of the conversion's currencies that it can name: "18,5 pesos por dólar" next to "pesos
/// mexicanos" is in MXN.
fn resolved<'a>(context: &Context, unit: &'a str, pair: (&'a str, &'a str)) -> &'a str {
    let money = context.lexicon.amounts.money;
    [pair.0, pair.1]
        .into_iter()
        .find(|code| {
            money
                .adjectives
                .iter()
                .any(|&(name, _, of)| name == unit && of == *code)
        })
        .unwrap_or(unit)
}

/// The claim of sentence `sentence` that states the rate between `a` and `b`.
fn stated_rate(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    sentence: u32,
    pair: (&str, &str),
    taken: &[usize],
) -> Option<usize> {
    let markers = context.lexicon.cues.rate_markers;
    near(sentence_claims(sentence_of, sentence), taken[0])
        .filter(|&i| !taken.contains(&i))
        .find(|&i| {
            let claim = &claims[i];
            let unit = claim.unit.as_deref().map(|u| resolved(context, u, pair));
            let in_pair = unit.is_some_and(|u| u == pair.0 || u == pair.1);
            let bare = matches!(claim.kind, ClaimKind::Count | ClaimKind::Number) && unit.is_none();
            let (_, gap) = before(
                context,
                floor(claims, sentence_of, i),
                claim.start,
                MARKER_WINDOW,
            );
            let marked = ends_with_phrase(gap, markers).is_some();
            let per = (claim.kind == ClaimKind::Money && in_pair)
                .then(|| per_currency(context, claim))
                .flatten()
                .is_some_and(|other| {
                    other != unit.unwrap_or("") && (other == pair.0 || other == pair.1)
                });
            (marked && (in_pair && claim.kind == ClaimKind::Money || bare)) || per
        })
}

/// A date written in words with no digit ("last year", "l'anno scorso", "el mes pasado")
/// longer than a day: the period the sentence speaks of.
fn is_relative_period(context: &Context, claim: &Found) -> bool {
    let written = &context.text[claim.start..claim.end];
    !written.bytes().any(|b| b.is_ascii_digit())
        && claim.date.as_deref().is_some_and(|d| d.len() < 10)
}

/// The span `first_months` months into the year of `year`, as `YYYY-01..YYYY-MM`.
fn first_months_of(year: i32, months: u32) -> String {
    format!("{year:04}-01..{year:04}-{months:02}")
}

/// The period claim of sentence `sentence` (a date after a period marker), and the "first N
/// months" duration, if any: `(date claim, months claim, covered span)`.
fn covered_period(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    sentence: u32,
    near_index: usize,
) -> Option<(Option<usize>, Option<usize>, String)> {
    let cues = context.lexicon.cues;
    let gap_of = |i: usize| {
        before(
            context,
            floor(claims, sentence_of, i),
            claims[i].start,
            MARKER_WINDOW,
        )
        .1
    };
    let in_sentence = || near(sentence_claims(sentence_of, sentence), near_index);
    // "first" may itself be an ordinal claim: its words are looked for across it.
    let months = in_sentence().find(|&i| {
        let claim = &claims[i];
        claim.kind == ClaimKind::Duration
            && claim.unit.as_deref() == Some("months")
            && ends_with_phrase(before(context, 0, claim.start, 16).1, cues.first_words).is_some()
    });
    let month_count = months
        .and_then(|i| u32::try_from(claims[i].value.trunc().mantissa()).ok())
        .filter(|m| (1..=12).contains(m));
    let date = in_sentence()
        .filter(|&i| {
            claims[i].kind == ClaimKind::Date
                && claims[i].date.as_deref().is_some_and(|d| !d.contains('X'))
                && (ends_with_phrase(gap_of(i), cues.period_markers).is_some()
                    || months.is_some_and(|m| m < i)
                    || is_relative_period(context, &claims[i]))
        })
        .min_by_key(|&i| i.abs_diff(near_index));
    match (date, month_count) {
        (Some(date), Some(count)) => {
            let iso = claims[date].date.as_deref()?;
            let year: i32 = iso.get(..4)?.parse().ok()?;
            (iso.len() == 4).then(|| (Some(date), months, first_months_of(year, count)))
        }
        (Some(date), None) => Some((Some(date), None, claims[date].date.clone()?)),
        (None, Some(count)) => {
            let today = context.article_date.as_ref()?;
            let month = today.month?;
            let year = if month > count {
                today.year
            } else {
                today.year - 1
            };
            Some((None, months, first_months_of(year, count)))
        }
        (None, None) => None,
    }
}

/// Adds stated rates and covered periods to the `conversion` relations of `relations`.
pub fn conversion_details(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    relations: &mut [Relation],
) {
    let mut has_conversion: Vec<u32> = relations
        .iter()
        .filter(|r| r.kind == RelationKind::Conversion)
        .filter_map(|r| r.sentence)
        .collect();
    has_conversion.sort_unstable();
    for relation in relations.iter_mut() {
        if relation.kind != RelationKind::Conversion || relation.claims.len() != 2 {
            continue;
        }
        let (Some(source), Some(target)) = (
            claim_index(&relation.claims[0]),
            claim_index(&relation.claims[1]),
        ) else {
            continue;
        };
        let (Some(a), Some(b)) = (
            claims.get(source).and_then(|c| c.unit.as_deref()),
            claims.get(target).and_then(|c| c.unit.as_deref()),
        ) else {
            continue;
        };
        let sentence = sentence_of[source];
        let taken = [source, target];
        let next = sentence + 1;
        let rate =
            stated_rate(context, claims, sentence_of, sentence, (a, b), &taken).or_else(|| {
                has_conversion
                    .binary_search(&next)
                    .is_err()
                    .then(|| stated_rate(context, claims, sentence_of, next, (a, b), &taken))
                    .flatten()
            });
        if let Some(rate) = rate {
            relation.claims.push(claim_id(rate + 1));
            relation.roles.push("stated_rate".to_owned());
        }
        if let Some((date, months, span)) =
            covered_period(context, claims, sentence_of, sentence, source)
        {
            for (claim, role) in [(date, "period"), (months, "months")] {
                if let Some(claim) = claim {
                    relation.claims.push(claim_id(claim + 1));
                    relation.roles.push(role.to_owned());
                }
            }
            relation.period = Some(span);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Lang, RelationKind};

    /// Each conversion of `text` (article date 2024-06-15) as "role=text; …" and its period.
    fn conversions(lang: Lang, text: &str) -> Vec<(String, Option<String>)> {
        let extraction = super::super::testing::extraction(lang, text);
        extraction
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Conversion)
            .map(|r| {
                (
                    super::super::testing::role_texts(&extraction, r),
                    r.period.clone(),
                )
            })
            .collect()
    }

    fn one(roles: &str, period: Option<&str>) -> Vec<(String, Option<String>)> {
        vec![(roles.to_owned(), period.map(str::to_owned))]
    }

    #[test]
    fn an_equivalence_phrase_makes_the_second_amount_a_conversion() {
        for (lang, text, roles) in [
            (
                Lang::It,
                "Il fondo ha offerto 950 milioni di sterline, equivalenti a circa 1,1 miliardi di euro.",
                "source=950 milioni di sterline; target=1,1 miliardi di euro",
            ),
            (
                Lang::En,
                "The fund offered 950 million pounds, equivalent to about 1.1 billion euros.",
                "source=950 million pounds; target=1.1 billion euros",
            ),
            (
                Lang::Es,
                "El fondo ofreció 950 millones de libras, equivalentes a unos 1.100 millones de euros.",
                "source=950 millones de libras; target=1.100 millones de euros",
            ),
        ] {
            assert_eq!(conversions(lang, text), one(roles, None), "{text}");
        }
    }

    #[test]
    fn a_rate_after_a_marker_or_before_a_per_currency_is_the_stated_rate() {
        assert_eq!(
            conversions(
                Lang::It,
                "L'accordo vale 13,6 miliardi di yuan (1,91 miliardi di dollari) al cambio di 7,1 yuan per dollaro."
            ),
            one(
                "source=13,6 miliardi di yuan; target=1,91 miliardi di dollari; stated_rate=7,1 yuan",
                None
            )
        );
        assert_eq!(
            conversions(
                Lang::En,
                "The bond raised €10bn ($10.8bn), converted at $1.08 to the euro."
            ),
            one("source=€10bn; target=$10.8bn; stated_rate=$1.08", None)
        );
        assert_eq!(
            conversions(
                Lang::Es,
                "La compra costó 500 millones de dólares (9.250 millones de pesos mexicanos). Se usó un tipo de cambio de 18,5 pesos por dólar."
            ),
            one(
                "source=500 millones de dólares; target=9.250 millones de pesos mexicanos; stated_rate=18,5 pesos",
                None
            )
        );
    }

    #[test]
    fn a_price_in_the_same_sentence_is_no_rate() {
        assert_eq!(
            conversions(
                Lang::En,
                "The listing raised €2bn ($2.2bn), with shares priced at $12 per share."
            ),
            one("source=€2bn; target=$2.2bn", None)
        );
    }

    #[test]
    fn the_sentence_period_is_what_the_amounts_cover() {
        assert_eq!(
            conversions(
                Lang::It,
                "Nel 2023 l'interscambio è stato di 240 miliardi di dollari, pari a 222 miliardi di euro."
            ),
            one(
                "source=240 miliardi di dollari; target=222 miliardi di euro; period=2023",
                Some("2023")
            )
        );
        assert_eq!(
            conversions(
                Lang::En,
                "In the first nine months of 2023 trade reached $180bn, or about €166bn."
            ),
            one(
                "source=$180bn; target=€166bn; period=2023; months=nine months",
                Some("2023-01..2023-09")
            )
        );
        // No year written: the latest first five months that had ended by 2024-06-15.
        assert_eq!(
            conversions(
                Lang::Es,
                "En los primeros cinco meses las ventas sumaron 40 millones de euros (43 millones de dólares)."
            ),
            one(
                "source=40 millones de euros; target=43 millones de dólares; months=cinco meses",
                Some("2024-01..2024-05")
            )
        );
        // A year that is not introduced as the period ("entro il 2030") covers nothing.
        assert_eq!(
            conversions(
                Lang::It,
                "Il piano vale 5 miliardi di euro (5,4 miliardi di dollari) entro il 2030."
            ),
            one(
                "source=5 miliardi di euro; target=5,4 miliardi di dollari",
                None
            )
        );
    }
}
