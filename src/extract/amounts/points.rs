//! Bare points that are percentage points: polls and rates move "three points" ("il partito
//! sale di tre punti al 28%", "support rose three points to 31%", "el paro bajó dos puntos,
//! hasta el 11%"), while an index moves hundreds of them ("the Dow fell 1.2%, or 450 points",
//! "hasta los 11.850 puntos") and a team is "tre punti dalla vetta".
//!
//! In: the claims of a text and the sentence of each. Out: the same claims, where a count of
//! the language's bare point word ("punti", "points", "puntos") stands in a sentence that
//! also states a percentage level at least as large, read as percentage points (`pp`). A
//! difference of points cannot exceed the larger level it moves between, so an index's
//! points (larger than any percentage beside them) and points with no percentage in their
//! sentence stay counts. Points with decimals ("4,2 puntos") were read as percentage points
//! already, by [`amount`](super::amount).

use crate::extract::found::Found;
use crate::extract::tokens::context::Context;
use crate::model::ClaimKind;
use rust_decimal::Decimal;

/// Reads the bare points of `claims` that sit beside a larger percentage as percentage points
/// (`sentence_of[i]` is claim `i`'s sentence).
pub fn points_of_percentages(context: &Context, claims: &mut [Found], sentence_of: &[u32]) {
    let point_words = context.lexicon.amounts.bare_point_words;
    let mut first = 0;
    while first < claims.len() {
        let sentence = sentence_of[first];
        let end = sentence_of[first..]
            .iter()
            .position(|&s| s != sentence)
            .map_or(claims.len(), |n| first + n);
        let largest = claims[first..end]
            .iter()
            .filter(|c| c.kind == ClaimKind::Percent && c.unit.as_deref() == Some("%"))
            .map(|c| c.value.abs())
            .max();
        if let Some(largest) = largest {
            for claim in &mut claims[first..end] {
                let points = claim.kind == ClaimKind::Count
                    && claim.scale.is_none()
                    && claim.value > Decimal::ZERO
                    && claim.value <= largest
                    && claim
                        .unit
                        .as_deref()
                        .is_some_and(|unit| point_words.contains(&unit));
                if points {
                    claim.kind = ClaimKind::Percent;
                    claim.unit = Some("pp".to_owned());
                }
            }
        }
        first = end;
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract};
    use crate::model::Lang;

    /// `(text, kind, unit)` of each claim of `text`.
    fn claims(text: &str, lang: Lang) -> Vec<(String, String, Option<String>)> {
        extract(text, &Options::in_lang(lang))
            .claims
            .into_iter()
            .map(|c| (c.text, format!("{:?}", c.kind).to_lowercase(), c.unit))
            .collect()
    }

    fn points_of(text: &str, lang: Lang) -> Vec<String> {
        claims(text, lang)
            .into_iter()
            .filter(|(_, _, unit)| unit.as_deref() == Some("pp"))
            .map(|(text, _, _)| text)
            .collect()
    }

    #[test]
    fn points_beside_a_larger_percentage_are_percentage_points() {
        let cases = [
            (
                "Il partito sale di tre punti al 28%, secondo il sondaggio.",
                Lang::It,
                "tre punti",
            ),
            (
                "Support for the party rose three points to 31%.",
                Lang::En,
                "three points",
            ),
            (
                "El paro bajó dos puntos, hasta el 11,2%.",
                Lang::Es,
                "dos puntos",
            ),
        ];
        for (text, lang, points) in cases {
            assert_eq!(points_of(text, lang), vec![points.to_owned()], "{text}");
        }
    }

    #[test]
    fn index_and_league_points_stay_counts() {
        let cases = [
            (
                "The Dow fell 1.2%, or 450 points, in late trading.",
                Lang::En,
            ),
            ("El Ibex subió un 1,2%, hasta los 11.850 puntos.", Lang::Es),
            (
                "La squadra è a tre punti dalla vetta dopo la vittoria.",
                Lang::It,
            ),
        ];
        for (text, lang) in cases {
            assert!(
                points_of(text, lang).is_empty(),
                "{text}: {:?}",
                claims(text, lang)
            );
        }
    }
}
