//! Stale derived figures: a relation of the newer draft (a conversion in brackets, a growth
//! rate attached to an amount, a total and its parts, an anniversary and its founding year)
//! where one side's value changed and the other side did not. The ends of a range are not
//! derived from each other and never stale.
//!
//! The editor corrected the yuan amount but left its dollar conversion as it was; an amount was
//! revised but the growth rate next to it still describes the old one. Either may be right, but
//! one of the two figures was probably forgotten, so both are named.

use std::collections::HashMap;

use serde::Serialize;

use super::claims::{ChangeKind, ClaimChange};
use crate::model::{Claim, Relation, RelationKind};

/// One relation whose sides disagree about having been edited.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaleFigure<'a> {
    pub relation: RelationKind,
    /// The words that make the link (`(`, `up` …), as written in the newer draft.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marker: Option<&'a str>,
    /// The side that changed: as it was, and as it is.
    pub changed: ChangedSide<'a>,
    /// The side that did not change, as it is in the newer draft.
    pub unchanged: &'a Claim,
    /// One sentence naming both claims.
    pub message: String,
}

/// A claim before and after its edit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangedSide<'a> {
    pub before: &'a Claim,
    pub after: &'a Claim,
}

/// The stale relations of the newer draft, given the classified claims.
pub fn stale_figures<'a>(
    relations: &'a [Relation],
    changes: &[ClaimChange<'a>],
) -> Vec<StaleFigure<'a>> {
    let by_after_id: HashMap<&str, &ClaimChange<'a>> = changes
        .iter()
        .filter_map(|change| change.after.map(|claim| (claim.id.as_str(), change)))
        .collect();
    let mut stale = Vec::new();
    for relation in relations {
        // The ends of a range are not derived from each other.
        if relation.kind == RelationKind::Range {
            continue;
        }
        let sides: Option<Vec<&ClaimChange<'a>>> = relation
            .claims
            .iter()
            .map(|id| by_after_id.get(id.as_str()).copied())
            .collect();
        let Some(sides) = sides.filter(|sides| sides.len() >= 2) else {
            continue;
        };
        let kept = |change: &ClaimChange<'_>| {
            matches!(change.change, ChangeKind::Unchanged | ChangeKind::Moved)
        };
        // The first claim (source, rate, total, ordinal) against the others: one side edited,
        // the other left as it was.
        let (head, rest) = (sides[0], &sides[1..]);
        let edited: Vec<&ClaimChange<'a>> =
            rest.iter().copied().filter(|c| c.value_changed()).collect();
        let (changed, unchanged, changed_is_first) =
            if head.value_changed() && rest.iter().all(|c| kept(c)) {
                (head, rest[0], true)
            } else if kept(head)
                && !edited.is_empty()
                && rest.iter().all(|c| c.value_changed() || kept(c))
            {
                (edited[0], head, false)
            } else {
                continue;
            };
        let (Some(before), Some(after), Some(unchanged)) =
            (changed.before, changed.after, unchanged.after)
        else {
            continue;
        };
        stale.push(StaleFigure {
            relation: relation.kind,
            marker: relation.marker.as_deref(),
            message: message(relation.kind, changed_is_first, before, after, unchanged),
            changed: ChangedSide { before, after },
            unchanged,
        });
    }
    stale
}

fn message(
    kind: RelationKind,
    changed_is_first: bool,
    before: &Claim,
    after: &Claim,
    unchanged: &Claim,
) -> String {
    let (changed_role, unchanged_role) = match (kind, changed_is_first) {
        (RelationKind::Conversion, true) => ("the amount", "its conversion"),
        (RelationKind::Conversion, false) => ("the conversion", "the amount it converts"),
        (RelationKind::Change, true) => ("the rate of change", "the amount it describes"),
        (RelationKind::Change, false) => ("the amount", "its rate of change"),
        (RelationKind::Total, true) => ("the total", "its part"),
        (RelationKind::Total, false) => ("a part", "the total it belongs to"),
        (RelationKind::Anniversary, true) => ("the anniversary", "the year it counts from"),
        (RelationKind::Anniversary, false) => ("the year it counts from", "the anniversary"),
        (RelationKind::Elapsed, true) => ("the time elapsed", "the date it counts from"),
        (RelationKind::Elapsed, false) => ("the date it counts from", "the time elapsed"),
        (RelationKind::Restatement, true) => ("the figure", "its restatement"),
        (RelationKind::Restatement, false) => ("the restatement", "the figure it restates"),
        (RelationKind::CountList, _) => ("the count", "its list"),
        (RelationKind::Ratio, _) => ("one figure of the ratio", "the other"),
        (RelationKind::Average, true) => ("the average", "the total it divides"),
        (RelationKind::Average, false) => ("the total", "its average"),
        (RelationKind::Range, _) => ("one end of the range", "the other end"),
    };
    format!(
        "{changed_role} changed from “{}” to “{}” but {unchanged_role} “{}” did not",
        before.text, after.text, unchanged.text
    )
}
