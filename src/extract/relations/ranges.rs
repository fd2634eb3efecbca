//! Coordinated figures: the two ends of a range share what is written once. In "between $3 and
//! $4 billion", "tra 16 e 19 miliardi di euro" or "dal 5 al 7%" the first end carries no scale,
//! currency or percent sign of its own and takes the second end's.
//!
//! In: the claims found, in text order. Out: the same claims, the first end of each range
//! completed, and (later, once the claims are final) a `range` relation per range, roles `low`
//! and `high`. Two claims are a range when only a joiner of the language (`lang/<code>/cues.rs`)
//! stands between them; the first end must be a bare number or of the second's kind and unit,
//! and, when a scale is shared, must stay no larger than the second once scaled.

use crate::extract::found::{Found, claim_id};
use crate::extract::lang::index::contains_word;
use crate::extract::numbers::number::power_of_ten;
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Relation, RelationKind, roles_of};

/// How many times the first end the second may be after a "by" word for the two to be a
/// range ("by 2 to 3 per cent"), not a change and a level ("by 12,000 to 231,000").
const BY_RATIO: u32 = 4;

/// Completes the first end of every range in `found`.
pub fn share_range_ends(context: &Context, found: &mut [Found]) {
    for index in 1..found.len() {
        let (before, after) = found.split_at_mut(index);
        let (first, second) = (&mut before[index - 1], &after[0]);
        if !joined(context, first, second) || !completes(first, second) {
            continue;
        }
        let factor = match (&first.scale, &second.scale) {
            (None, Some(scale)) => {
                match context.lexicon.numbers.scale_word(&scale.to_lowercase()) {
                    Some(word) => power_of_ten(word.exponent),
                    None => continue,
                }
            }
            _ => rust_decimal::Decimal::ONE,
        };
        let Some(value) = first.value.checked_mul(factor) else {
            continue;
        };
        // A scale shared must keep the two ends of one order of magnitude: "between 3 and 4
        // billion", a fall "da 50 a 48,5 miliardi", but not "from 300 to 4 billion". Without
        // one, a range may fall too ("dal 12 all'11%", "from 12 to 11%").
        let ten = rust_decimal::Decimal::TEN;
        if factor != rust_decimal::Decimal::ONE
            && second
                .value
                .checked_mul(ten)
                .is_none_or(|bound| value > bound)
        {
            continue;
        }
        first.value = value;
        first.low = first.low.checked_mul(factor).unwrap_or(first.low);
        first.high = first.high.checked_mul(factor).unwrap_or(first.high);
        if first.scale.is_none() {
            first.scale.clone_from(&second.scale);
        }
        first.kind = second.kind;
        first.unit.clone_from(&second.unit);
    }
}

/// "luglio-settembre 2019", "from July to September 2019", "de julio a septiembre de 2019":
/// the first month of a range takes the year written once, after the second.
pub fn share_range_years(context: &Context, found: &mut [Found]) {
    for index in 1..found.len() {
        let (before, after) = found.split_at_mut(index);
        let (first, second) = (&mut before[index - 1], &after[0]);
        if first.kind != ClaimKind::Date || second.kind != ClaimKind::Date {
            continue;
        }
        let (Some(first_date), Some(second_date)) = (&first.date, &second.date) else {
            continue;
        };
        // Two months, the first without digits of its own, the second with its year.
        let first_text = &context.text[first.start..first.end];
        let second_text = &context.text[second.start..second.end];
        let months = first_date.len() == 7 && second_date.len() == 7;
        let year = &second_date[..4];
        if !months
            || first_text.bytes().any(|b| b.is_ascii_digit())
            || !second_text.contains(year)
            || !joined(context, first, second)
        {
            continue;
        }
        let Ok(year_value) = year.parse::<i32>() else {
            continue;
        };
        if first_date[5..] > second_date[5..] {
            continue;
        }
        first.date = Some(format!("{year}{}", &first_date[4..]));
        first.value = year_value.into();
        first.low = first.value;
        first.high = first.value;
    }
}

/// The `range` relations of the claims (after their ends were completed), appended to `out`:
/// two claims of one kind and unit with only a joiner between them, and, when the joiner is
/// the language's "and", an opener before the first ("tra 16 e 19", "between 3 and 4").
pub fn range_relations(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    out: &mut Vec<Relation>,
) {
    let cues = context.lexicon.cues;
    for index in 1..claims.len() {
        let (first, second) = (&claims[index - 1], &claims[index]);
        let measured = matches!(
            first.kind,
            ClaimKind::Money
                | ClaimKind::Percent
                | ClaimKind::Quantity
                | ClaimKind::Duration
                | ClaimKind::Count
                | ClaimKind::Number
                | ClaimKind::Date
        );
        if !measured
            || first.kind != second.kind
            || first.unit != second.unit
            || sentence_of[index - 1] != sentence_of[index]
            || !joined(context, first, second)
        {
            continue;
        }
        // A range runs upwards: "3-1" and "1-1" are scores, "10-4" a vote. Two negative ends
        // may be written by size ("tra -3 e -8 gradi"); dates are ordered by their periods.
        let zero = rust_decimal::Decimal::ZERO;
        let both_negative = first.value < zero && second.value < zero;
        if first.kind != ClaimKind::Date && first.value >= second.value && !both_negative {
            continue;
        }
        let between = &context.text[first.end..second.start];
        let Some(joiner) = joiner_in(context, between) else {
            continue;
        };
        let joiner_start = first.end + (between.len() - between.trim_start().len());
        let lower_joiner = &context.ascii_lower[joiner_start..joiner_start + joiner.len()];
        let before = context.ascii_lower[..first.start].trim_end();
        // "rose by 12,000 to 231,000": an absolute change, then the level it led to; "by 2 to 3
        // per cent" stays a range of changes, its ends of one size.
        let by_before = cues.by_words.iter().any(|by| {
            before
                .strip_suffix(by)
                .is_some_and(|rest| rest.ends_with(|c: char| !c.is_alphanumeric()))
        });
        // "rose 12p to 312p", "cae 3 hasta 40": a rise or fall word right before the first
        // end says the same as "by".
        let moved = {
            let word = before
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            contains_word(cues.rise_words, word) || contains_word(cues.fall_words, word)
        };
        let by_before = by_before || moved;
        let grows = (first.value * rust_decimal::Decimal::from(BY_RATIO)) < second.value;
        if by_before && grows && !cues.and_words.contains(&lower_joiner) {
            continue;
        }
        if cues.and_words.contains(&lower_joiner) {
            let before = strip_article(context, before).unwrap_or(before);
            let word_start = before
                .rfind(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
                .map_or(0, |at| {
                    at + before[at..].chars().next().map_or(1, char::len_utf8)
                });
            let opener = &before[word_start..];
            if !cues.range_openers.contains(&opener) {
                continue;
            }
        }
        out.push(Relation {
            kind: RelationKind::Range,
            claims: vec![claim_id(index), claim_id(index + 1)],
            roles: roles_of(RelationKind::Range, 2),
            marker: Some(joiner.to_owned()),
            direction: None,
            period: None,
            cue: Some(super::cue::cue_at(
                context.text,
                joiner_start,
                joiner_start + joiner.len(),
                "range-joiner",
            )),
            sentence: Some(sentence_of[index - 1]),
            items: None,
            factor: None,
        });
    }
}

/// Whether only a range joiner stands between the two claims.
fn joined(context: &Context, first: &Found, second: &Found) -> bool {
    context
        .text
        .get(first.end..second.start)
        .is_some_and(|between| joiner_in(context, between).is_some())
}

/// The joiner that `between` (the text between two claims) is, trimmed: a range joiner of
/// the language, maybe followed by one of its articles ("tra il 2015 e il 2020", "entre el 2%
/// y el 3%", "dal 5 all'8%").
fn joiner_in<'a>(context: &Context, between: &'a str) -> Option<&'a str> {
    let trimmed = between.trim();
    let is_joiner = |text: &str| {
        !text.is_empty()
            && context
                .lexicon
                .cues
                .range_joiners
                .iter()
                .any(|joiner| text.eq_ignore_ascii_case(joiner))
    };
    if is_joiner(trimmed) {
        return Some(trimmed);
    }
    let without_article = strip_article(context, trimmed)?;
    is_joiner(without_article).then_some(without_article)
}

/// `text` without the article of the language it ends with ("e il", "y el", "e l'"), trimmed.
fn strip_article<'a>(context: &Context, text: &'a str) -> Option<&'a str> {
    let text = text.trim_end_matches(['\'', '’']);
    let cut = text.rfind(char::is_whitespace)?;
    let (head, article) = (&text[..cut], &text[cut..].trim_start());
    context
        .lexicon
        .amounts
        .articles
        .iter()
        .any(|a| article.eq_ignore_ascii_case(a))
        .then(|| head.trim_end())
}

/// Whether `first` lacks what `second` states: a bare number before an amount, or an amount
/// of the same kind and unit without the second's scale.
fn completes(first: &Found, second: &Found) -> bool {
    let amount = matches!(
        second.kind,
        ClaimKind::Money | ClaimKind::Percent | ClaimKind::Quantity | ClaimKind::Duration
    );
    if first.kind == ClaimKind::Number {
        return amount || second.scale.is_some();
    }
    first.kind == second.kind
        && first.unit == second.unit
        && first.scale.is_none()
        && second.scale.is_some()
        && matches!(second.kind, ClaimKind::Money | ClaimKind::Number)
}

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract};
    use crate::model::{Lang, LangChoice, RelationKind};

    /// `(low text, high text, joiner)` of each range relation of `text`.
    fn ranges(lang: Lang, text: &str) -> Vec<(String, String, String)> {
        let options = Options {
            lang: LangChoice::Fixed(lang),
            ..Options::default()
        };
        let extraction = extract(text, &options);
        let text_of = |id: &str| {
            let claim = extraction.claims.iter().find(|c| c.id == id).unwrap();
            claim.text.clone()
        };
        extraction
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Range)
            .map(|r| {
                let low = text_of(r.claim_with_role("low").unwrap());
                let high = text_of(r.claim_with_role("high").unwrap());
                (low, high, r.cue.as_ref().unwrap().text.clone())
            })
            .collect()
    }

    fn one(low: &str, high: &str, joiner: &str) -> Vec<(String, String, String)> {
        vec![(low.into(), high.into(), joiner.into())]
    }

    #[test]
    fn the_two_ends_of_a_range_are_low_and_high() {
        assert_eq!(
            ranges(Lang::It, "Costerà tra 16 e 19 miliardi di euro."),
            one("16", "19 miliardi di euro", "e")
        );
        assert_eq!(
            ranges(Lang::En, "It will cost between $3 and $4 billion."),
            one("$3", "$4 billion", "and")
        );
        assert_eq!(
            ranges(Lang::Es, "Las temperaturas irán de 10 a 12 grados."),
            one("10", "12 grados", "a")
        );
        assert_eq!(ranges(Lang::En, "Highs of 10-12 °C.").len(), 1);
    }

    #[test]
    fn an_article_may_follow_the_joiner_and_the_opener() {
        assert_eq!(
            ranges(
                Lang::It,
                "Tra il 2015 e il 2020 sono stati aperti 320 cantieri."
            ),
            one("2015", "2020", "e")
        );
        assert_eq!(
            ranges(Lang::Es, "La tasa oscilará entre el 2% y el 3% este año."),
            one("2%", "3%", "y")
        );
        assert_eq!(
            ranges(Lang::It, "La quota sarà tra il 5 e l'8% secondo le stime."),
            one("5", "8%", "e")
        );
    }

    #[test]
    fn by_a_change_to_a_level_is_no_range() {
        assert!(
            ranges(
                Lang::En,
                "Jobless claims rose by 12,000 to 231,000 last week."
            )
            .is_empty()
        );
        // Ends of one size after "by" are a range of changes.
        assert_eq!(
            ranges(Lang::En, "Prices will rise by 2 to 3 per cent next year."),
            one("2", "3 per cent", "to")
        );
        // A rise or fall word says what "by" says.
        assert!(ranges(Lang::En, "The shares rose 12p to 312p on Friday.").is_empty());
        assert!(ranges(Lang::Es, "Los afiliados crecieron 3.000 hasta 95.000.").is_empty());
        assert_eq!(
            ranges(Lang::En, "Prices will rise 2 to 3 per cent next year."),
            one("2", "3 per cent", "to")
        );
    }

    #[test]
    fn a_range_runs_upwards() {
        // Results and votes are no ranges.
        assert!(
            ranges(
                Lang::Es,
                "El Madrid ganó 3-1 al Betis y el Barça empató 1-1."
            )
            .is_empty()
        );
        assert!(ranges(Lang::It, "La Juventus ha battuto il Milan 2-1 a Torino.").is_empty());
        assert!(ranges(Lang::En, "Arsenal beat Chelsea 3-1 on Sunday.").is_empty());
        assert!(ranges(Lang::En, "The committee voted 7-2 to approve the plan.").is_empty());
        // Two negative ends may be written by size.
        assert_eq!(
            ranges(Lang::It, "Minime tra -3 e -8 gradi nelle valli."),
            one("-3", "-8 gradi", "e")
        );
        assert_eq!(ranges(Lang::En, "highs of 10-12C"), one("10", "12C", "-"));
    }

    /// The figures of a text, as written.
    fn figures(lang: Lang, text: &str) -> Vec<String> {
        extract(text, &Options::in_lang(lang))
            .claims
            .into_iter()
            .map(|c| c.text)
            .collect()
    }

    #[test]
    fn a_score_after_a_team_is_two_figures() {
        assert_eq!(
            figures(Lang::It, "Ha battuto il Milan 2-1 a Torino."),
            ["2", "1"]
        );
        assert_eq!(
            figures(Lang::En, "Arsenal beat Chelsea 3-1 at home."),
            ["3", "1"]
        );
        // A model number runs upwards and stays a name.
        assert!(figures(Lang::En, "The Boeing 737-800 landed safely.").is_empty());
    }

    #[test]
    fn and_without_an_opener_is_no_range() {
        assert!(ranges(Lang::En, "The two parties won 3% and 4%.").is_empty());
        assert!(ranges(Lang::It, "Ha vinto 3 ori e 4 argenti.").is_empty());
        // Different units are two figures, not a range.
        assert!(ranges(Lang::En, "between $3 and 4 kilometres").is_empty());
    }
}
