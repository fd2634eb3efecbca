//! What the stages on wholes and their parts share (`parts.rs`, `breakdown.rs`): whether a
//! figure measures the same thing as its whole, which figures of a breakdown a list writes as
//! parts, and the `total` relation built from claims by role.

use super::cue::cue_at;
use crate::extract::found::{Found, claim_id};
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Relation, RelationKind};

/// Whether `part` can be a part of `total`.
pub(super) fn same_measure(total: &Found, part: &Found) -> bool {
    if !part.is_amount() {
        return false;
    }
    match (total.kind, part.kind) {
        // A count's parts are counted, not measured: a bare figure with a scale word the count
        // lacks ("tre voci: 2 miliardi per le scuole…") is an amount of something else.
        (ClaimKind::Count, ClaimKind::Number) => {
            part.unit.is_none() && (part.scale.is_none() || part.scale == total.scale)
        }
        (_, ClaimKind::Number) => part.unit.is_none(),
        (ClaimKind::Count, ClaimKind::Count) => true,
        // "37 millones de hectolitros: 16 millones de tinto…": a part at the whole's scale
        // word whose "noun" names the kind, not the measure, which it leaves unsaid.
        (ClaimKind::Quantity | ClaimKind::Money, ClaimKind::Count) => {
            part.scale.is_some() && part.scale == total.scale
        }
        (a, b) => a == b && total.unit == part.unit,
    }
}

/// The parts of a breakdown as a list writes them: the first, then each one right after a
/// comma, a semicolon or an "and" word ("300 per i residenti e 250 per i pendolari"), so a
/// figure inside a part's description ("250 in two clinics") is not a part of its own.
pub(super) fn listed(context: &Context, claims: &[Found], parts: Vec<usize>) -> Vec<usize> {
    let mut kept: Vec<usize> = Vec::with_capacity(parts.len());
    for part in parts {
        match kept.last() {
            Some(&previous) if !separated(context, claims, previous, part) => {}
            _ => kept.push(part),
        }
    }
    kept
}

/// The parts right before a total ("…hired 120 doctors and 80 nurses, for a total of 200"):
/// the last of `parts`, then each earlier one while a comma or an "and" word stands before
/// the one after it, so the figures of an earlier clause ("with 3,000 staff, hired…") stay out.
pub(super) fn listed_before(context: &Context, claims: &[Found], parts: Vec<usize>) -> Vec<usize> {
    let mut kept: Vec<usize> = Vec::with_capacity(parts.len());
    for part in parts.into_iter().rev() {
        match kept.last() {
            Some(&next) if !separated(context, claims, part, next) => break,
            _ => kept.push(part),
        }
    }
    kept.reverse();
    kept
}

/// Whether claim `later` follows claim `earlier` as the next item of a list: a comma, a
/// semicolon or an "and" word is the last thing before it.
pub(super) fn separated(context: &Context, claims: &[Found], earlier: usize, later: usize) -> bool {
    let gap = context.ascii_lower[claims[earlier].end..claims[later].start].trim_end();
    let last_word = gap
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    gap.ends_with([',', ';']) || context.lexicon.cues.and_words.contains(&last_word)
}

/// A `total` relation of the claims of each role, in that order, with its cue.
pub(super) fn relation(
    context: &Context,
    roles: Vec<(&str, Vec<usize>)>,
    (start, end, id): (usize, usize, &str),
    sentence: u32,
) -> Relation {
    let mut ids = Vec::new();
    let mut names = Vec::new();
    for (role, members) in roles {
        for member in members {
            ids.push(claim_id(member + 1));
            names.push(role.to_owned());
        }
    }
    Relation {
        kind: RelationKind::Total,
        claims: ids,
        roles: names,
        marker: Some(context.text[start..end].to_owned()),
        direction: None,
        period: None,
        cue: Some(cue_at(context.text, start, end, id)),
        sentence: Some(sentence),
        items: None,
        factor: None,
    }
}
