//! Shares restated as amounts: a percentage of a whole and the amount it comes to, "il 22%
//! dei 1,9 milioni di auto vendute, circa 418.000", "41% of demand, or 125 TWh out of 305",
//! "1,8 milioni di iscritti, di cui il 60% donne, pari a 1,08 milioni".
//!
//! The share is a plain percentage (unsigned, no change's rate or level, no end of a range).
//! Its whole is the amount right after it when only one of the lexicon's `share_of_words`
//! stands between ("dei", "of the", "de los"), else the amount after the part when a
//! `whole_after_words` phrase stands between ("su un totale di", "out of", "de un total de"),
//! else the total of a `total` relation the share is already a share of. Its part is the
//! amount right after the share or its whole, announced by a `restating_words` phrase ("pari
//! a", "or about", "es decir") and no and-word or rest word of the lexicon between ("il 70%
//! da fondi pubblici e il resto, circa 15,6 miliardi" restates the rest). Part and whole
//! must measure the same thing.
//!
//! In: the claims of a text, and the relations found so far. Out: `ratio` relations with roles
//! `share`, `whole`, `part` (cue id `share`, the restating phrase) and no `factor`: the share
//! states the proportion.

use super::cue::ends_with_phrase;
use super::reach::CLAIM_REACH;
use crate::extract::found::{Found, claim_id, claim_index};
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Relation, RelationKind};

/// Punctuation that may stand around the words of a gap: ", pari a", "(or about".
fn is_gap_punctuation(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | '–' | '—' | '-')
}

/// Whether the words between two claims are one of `phrases`, an article of the language
/// allowed at the end ("de los").
fn gap_is(context: &Context, gap: &str, phrases: &[&str]) -> bool {
    let gap = gap.trim_matches(is_gap_punctuation);
    let exact = |g: &str| phrases.contains(&g);
    if exact(gap) {
        return true;
    }
    ends_with_phrase(gap, context.lexicon.amounts.articles)
        .filter(|&at| at > 0)
        .is_some_and(|at| exact(gap[..at].trim_end()))
}

/// Where the restating words end `gap`, if they do: right after the share or its whole, or
/// after a comma or bracket that closes a short noun phrase ("il 41% della domanda elettrica,
/// pari a 125"). `(start, end)` of the words in `gap`.
fn restating(context: &Context, gap: &str) -> Option<(usize, usize)> {
    let cues = context.lexicon.cues;
    let trimmed = gap.trim_end_matches(is_gap_punctuation);
    let at = ends_with_phrase(trimmed, cues.restating_words)?;
    let before = trimmed[..at].trim_end();
    let lead = before.trim_start_matches(is_gap_punctuation);
    let closed = before.ends_with([',', '(', '–', '—']);
    let words = || lead.split(|c: char| !c.is_alphanumeric() && c != '\'');
    let joined = words().any(|w| cues.and_words.contains(&w))
        || super::cue::find_phrase(lead, cues.rest_words).is_some();
    (lead.is_empty() || (closed && !joined && words().filter(|w| !w.is_empty()).count() <= 8))
        .then_some((at, trimmed.len()))
}

/// Whether `part` and `whole` can be amounts of one measure.
/// A bare number takes the other's measure when both are written at one scale ("60
/// terawattora su un totale di 300").
fn same_measure(part: &Found, whole: &Found) -> bool {
    let loose = |f: &Found| matches!(f.kind, ClaimKind::Number | ClaimKind::Count);
    let bare = |f: &Found| f.kind == ClaimKind::Number && f.unit.is_none();
    part.is_amount()
        && whole.is_amount()
        && (part.unit == whole.unit
            || (loose(part) && loose(whole))
            || ((bare(part) || bare(whole)) && part.scale == whole.scale))
}

/// The `ratio` relations of shares restated as amounts, appended to `out`.
pub fn share_relations(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    out: &mut Vec<Relation>,
) {
    let cues = context.lexicon.cues;
    let taken = super::parts::taken_claims(claims, out);
    let lower = context.ascii_lower;
    let gap = |a: usize, b: usize| &lower[claims[a].end..claims[b].start];
    // The next claim after `i` in its sentence, dates skipped.
    let next = |i: usize| {
        (i + 1..claims.len())
            .take(CLAIM_REACH)
            .take_while(|&j| sentence_of[j] == sentence_of[i])
            .find(|&j| claims[j].kind != ClaimKind::Date)
    };
    let mut found = Vec::new();
    for share in 0..claims.len() {
        let claim = &claims[share];
        let plain = claim.kind == ClaimKind::Percent
            && claim.unit.as_deref() == Some("%")
            && claim.sign.is_none()
            && !taken[share];
        if !plain || claim.value <= 0.into() || claim.value >= 100.into() {
            continue;
        }
        let whole_of = next(share).filter(|&j| {
            claims[j].is_amount() && gap_is(context, gap(share, j), cues.share_of_words)
        });
        let Some(part) = next(whole_of.unwrap_or(share)) else {
            continue;
        };
        let opening = whole_of.unwrap_or(share);
        if !claims[part].is_amount() {
            continue;
        }
        let Some((start, end)) = restating(context, gap(opening, part)) else {
            continue;
        };
        let whole = whole_of
            .or_else(|| {
                next(part).filter(|&j| gap_is(context, gap(part, j), cues.whole_after_words))
            })
            .or_else(|| {
                let id = claim_id(share + 1);
                out.iter()
                    .filter(|r| r.kind == RelationKind::Total)
                    .find(|r| {
                        r.claims
                            .iter()
                            .zip(&r.roles)
                            .any(|(c, role)| *c == id && role == "share")
                    })
                    .and_then(|r| claim_index(&r.claims[0]))
            });
        let Some(whole) = whole.filter(|&w| same_measure(&claims[part], &claims[w])) else {
            continue;
        };
        let (start, end) = (claims[opening].end + start, claims[opening].end + end);
        let members = [(share, "share"), (whole, "whole"), (part, "part")];
        found.push(super::ratio::ratio_relation(
            context,
            &members,
            (start, end, "share"),
            None,
            sentence_of[share],
        ));
    }
    out.extend(found);
}

#[cfg(test)]
mod tests {
    use crate::extract::relations::testing::described;
    use crate::model::{Lang, RelationKind};

    /// `roles: texts` of each share restated as an amount in `text`.
    fn shares(lang: Lang, text: &str) -> Vec<String> {
        described(lang, text, RelationKind::Ratio)
            .into_iter()
            .filter(|d| d.roles.starts_with("share,whole,part"))
            .map(|d| format!("{}: {}", d.roles, d.texts))
            .collect()
    }

    #[test]
    fn a_share_of_a_whole_restated_as_an_amount() {
        assert_eq!(
            shares(
                Lang::En,
                "Women made up 40% of the 2,500 delegates, or about 1,000."
            ),
            ["share,whole,part: 40% | 2,500 delegates | 1,000"]
        );
        assert_eq!(
            shares(
                Lang::It,
                "Il 30% dei 600 dipendenti, pari a 180 persone, lavora da casa."
            ),
            ["share,whole,part: 30% | 600 dipendenti | 180 persone"]
        );
        assert_eq!(
            shares(
                Lang::Es,
                "El 25% de los 800 alumnos, es decir 200, estudia idiomas."
            ),
            ["share,whole,part: 25% | 800 alumnos | 200"]
        );
    }

    #[test]
    fn the_whole_may_follow_the_part_or_be_the_total_of_the_shares() {
        assert_eq!(
            shares(
                Lang::It,
                "Il nucleare ha fornito il 20% dell'energia, pari a 60 terawattora su un totale di 300."
            ),
            ["share,whole,part: 20% | 300 | 60 terawattora"]
        );
        assert_eq!(
            shares(
                Lang::En,
                "The club has 5,000 members, of which 30% are women, or 1,500."
            ),
            ["share,whole,part: 30% | 5,000 members | 1,500"]
        );
        assert_eq!(
            shares(
                Lang::Es,
                "La plantilla suma 900 empleados, de los cuales el 10% son becarios, es decir 90."
            ),
            ["share,whole,part: 10% | 900 empleados | 90"]
        );
    }

    #[test]
    fn no_restating_words_or_no_whole_is_no_share() {
        assert!(
            shares(
                Lang::En,
                "Turnout was 40% of the 2,500 voters and 900 stayed home."
            )
            .is_empty()
        );
        assert!(
            shares(
                Lang::It,
                "Il 30% dei dipendenti, pari a 180 persone, lavora da casa."
            )
            .is_empty()
        );
        assert!(shares(Lang::Es, "El paro subió un 5%, es decir 200 personas más.").is_empty());
    }
}
