//! Wholes that the text breaks down in full: a whole split among its parts ("I 500 posti sono
//! divisi tra 300 per i residenti e 200 per i pendolari", "the 450 seats are split between",
//! "los 90 millones se reparten entre 50 y 40") and a total given after its parts ("120 medici
//! e 80 infermieri, per un totale di 200", "for a total of 2 million", "600 viviendas en
//! total").
//!
//! In: the claims of one sentence with no part marker (`parts.rs` asks here). Out: a `total`
//! relation whose parts make up the whole, cue id `split` (a lexicon `split_words` phrase
//! between the whole and two parts or more of its measure) or `sum` (a `total_words` phrase
//! with the total right after it, or right before it: "200 in all", and two parts or more of
//! its measure before the total in the same clause). Rates of changes and ends of ranges are
//! no parts.

use super::cue::find_phrase_in;
use super::whole::{listed, listed_before, relation, same_measure};
use crate::extract::found::Found;
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Relation};

/// How far from its phrase a total may be, in bytes ("per un totale di 210", "200 in all").
const TOTAL_GAP: usize = 4;

/// The whole-and-parts relation of one sentence (claims `members`, bytes `from..to`) that
/// states all the parts, if it has one.
pub(super) fn breakdown(
    context: &Context,
    claims: &[Found],
    members: std::ops::RangeInclusive<usize>,
    (from, to): (usize, usize),
    taken: &[bool],
    sentence: u32,
) -> Option<Relation> {
    split(
        context,
        claims,
        members.clone(),
        (from, to),
        taken,
        sentence,
    )
    .or_else(|| sum(context, claims, members, (from, to), taken, sentence))
}

fn split(
    context: &Context,
    claims: &[Found],
    members: std::ops::RangeInclusive<usize>,
    (from, to): (usize, usize),
    taken: &[bool],
    sentence: u32,
) -> Option<Relation> {
    let (start, end) = find_phrase_in(context, from, to, context.lexicon.cues.split_words)?;
    let whole = members
        .clone()
        .rev()
        .find(|&i| claims[i].end <= start && claims[i].is_amount() && !taken[i])?;
    // The whole's clause: no sentence-like break between it and the phrase.
    if context.text[claims[whole].end..start].contains([';', ':', '(']) {
        return None;
    }
    let parts: Vec<usize> = members
        .filter(|&i| claims[i].start >= end && !taken[i])
        .filter(|&i| same_measure(&claims[whole], &claims[i]))
        .collect();
    let parts = listed(context, claims, parts);
    (parts.len() >= 2).then(|| {
        let roles = vec![("total", vec![whole]), ("part", parts)];
        relation(context, roles, (start, end, "split"), sentence)
    })
}

fn sum(
    context: &Context,
    claims: &[Found],
    members: std::ops::RangeInclusive<usize>,
    (from, to): (usize, usize),
    taken: &[bool],
    sentence: u32,
) -> Option<Relation> {
    let (start, end) = find_phrase_in(context, from, to, context.lexicon.cues.total_words)?;
    // Only blanks or a comma between the phrase and its total.
    let near = |a: usize, b: usize| {
        a <= b && b - a <= TOTAL_GAP && context.text[a..b].trim_matches([' ', ',']).is_empty()
    };
    let candidate = |i: &usize| claims[*i].is_amount() && !taken[*i];
    let total = members
        .clone()
        .filter(candidate)
        .find(|&i| near(end, claims[i].start))
        .or_else(|| {
            members
                .clone()
                .filter(candidate)
                .find(|&i| near(claims[i].end, start))
        })?;
    let limit = start.min(claims[total].start);
    // The total's clause: parts after the last semicolon before it.
    let clause_start = context.text[from..limit]
        .rfind(';')
        .map_or(from, |at| from + at + 1);
    let before: Vec<usize> = members
        .filter(|&i| i != total && candidate(&i))
        .filter(|&i| claims[i].start >= clause_start && claims[i].end <= limit)
        .collect();
    // A bare total ("for a total of 2.1 million") takes the measure of the part nearest it.
    let bare = claims[total].unit.is_none() && claims[total].kind == ClaimKind::Number;
    let measure = if bare { *before.last()? } else { total };
    let parts: Vec<usize> = before
        .into_iter()
        .filter(|&i| {
            let (a, b) = (&claims[measure], &claims[i]);
            i == measure || same_measure(a, b) || (bare && same_measure(b, a))
        })
        .collect();
    let parts = listed_before(context, claims, parts);
    (parts.len() >= 2).then(|| {
        let roles = vec![("total", vec![total]), ("part", parts)];
        relation(context, roles, (start, end, "sum"), sentence)
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::relations::testing::{one, totals};
    use crate::model::Lang;

    #[test]
    fn a_whole_split_among_its_parts() {
        assert_eq!(
            totals(
                Lang::It,
                "I 300 milioni del piano sono suddivisi tra 180 milioni per le strade e 120 milioni per i porti."
            ),
            one(
                "total,part,part",
                "300 milioni | 180 milioni | 120 milioni",
                "suddivisi tra"
            )
        );
        assert_eq!(
            totals(
                Lang::En,
                "Its 650 beds are split between 400 in the main hospital and 250 in the clinics."
            ),
            one("total,part,part", "650 beds | 400 | 250", "split between")
        );
        assert_eq!(
            totals(
                Lang::Es,
                "Los 1.500 agentes se distribuyen entre 900 en la capital y 600 en la costa."
            ),
            one(
                "total,part,part",
                "1.500 agentes | 900 | 600",
                "se distribuyen entre"
            )
        );
        // A figure inside a part's description is no part of its own ("250 in two clinics").
        assert_eq!(
            totals(
                Lang::En,
                "Its 650 beds are split between 400 in the main hospital and 250 in two clinics."
            ),
            one("total,part,part", "650 beds | 400 | 250", "split between")
        );
        // One part is no breakdown.
        assert!(
            totals(
                Lang::En,
                "The 650 beds are split between sites, 400 of them in town."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_total_after_its_parts() {
        assert_eq!(
            totals(
                Lang::It,
                "In estate sono arrivati 420 turisti a luglio e 380 ad agosto, in tutto 800 visitatori."
            ),
            one(
                "total,part,part",
                "800 visitatori | 420 turisti | 380",
                "in tutto"
            )
        );
        assert_eq!(
            totals(
                Lang::En,
                "The airline cut 1,200 pilots and 3,400 attendants, for a total of 4,600 jobs."
            ),
            one(
                "total,part,part",
                "4,600 jobs | 1,200 pilots | 3,400 attendants",
                "for a total of"
            )
        );
        assert_eq!(
            totals(
                Lang::Es,
                "Se registraron 75 incendios en julio y 60 en agosto, 135 en total."
            ),
            one("total,part,part", "135 | 75 incendios | 60", "en total")
        );
        // An earlier clause's figure is no part.
        assert_eq!(
            totals(
                Lang::En,
                "The firm, with 3,000 staff, hired 120 doctors and 80 nurses, for a total of 200 hires."
            ),
            one(
                "total,part,part",
                "200 hires | 120 doctors | 80 nurses",
                "for a total of"
            )
        );
        // Parts before a semicolon belong to another clause.
        assert!(
            totals(
                Lang::En,
                "It had 300 staff; it hired 120 more, for a total of 420 workers."
            )
            .is_empty()
        );
    }
}
