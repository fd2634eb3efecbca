//! Relations: the links the text itself makes between claims, typed, with the role each claim
//! plays and the cue that made the link. Rules read these instead of rediscovering them from
//! words, so what a relation says is documented here and in README ("Relations").
//!
//! Kinds and their roles (the role of `claims[i]` is `roles[i]`):
//! - `conversion`: `source`, `target` — an amount restated in another currency;
//! - `change`: `rate`, `base` — a percentage change and the amount it qualifies;
//! - `range`: `low`, `high` — the two ends of "tra 16 e 19 miliardi", "from 3 to 4%";
//! - `total`: `total`, then one `part` per part — "12 miliardi, di cui 7 … e 6 …";
//! - `anniversary`: `ordinal`, `founding` — "il 75° anniversario" and the year it counts from;
//! - `elapsed`: `duration`, `since` — "negli ultimi tre anni" and the date it counts from up to
//!   the article's date; or `relative`, `date` — "due anni fa", a date counted back from the
//!   article's, and the date the text states for it ("nel marzo 2022"). The relation's `period`
//!   is the unit the text counts in (`years`, `months`, `weeks`, `days`);
//! - `restatement`: `first`, `again` — one figure written twice (a headline and the body);
//! - `count-list`: `count` — "tre paesi: Francia, Germania e Spagna", with `items` the number
//!   of items the list names;
//! - `ratio`: `of`/`in` (or `fraction`) and `share` — "uno su cinque, il 20%"; `from`, `to` —
//!   "raddoppiato da 40 a 80"; `whole`, `part` — "la metà dei 3,6 milioni, 1,8 milioni"; with
//!   `factor` the proportion the words state;
//! - `average`: `average`, `total`, `period` — "1.460 navi nel 2024, in media 4 al giorno",
//!   with `factor` the units of time in the period and `period` the unit (`day`, `week`, …).

use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// What links claims in a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationKind {
    Conversion,
    Change,
    Range,
    Total,
    Anniversary,
    Elapsed,
    Restatement,
    #[serde(rename = "count-list")]
    CountList,
    Ratio,
    Average,
}

impl RelationKind {
    pub const ALL: [RelationKind; 10] = [
        RelationKind::Conversion,
        RelationKind::Change,
        RelationKind::Range,
        RelationKind::Total,
        RelationKind::Anniversary,
        RelationKind::Elapsed,
        RelationKind::Restatement,
        RelationKind::CountList,
        RelationKind::Ratio,
        RelationKind::Average,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Conversion => "conversion",
            RelationKind::Change => "change",
            RelationKind::Range => "range",
            RelationKind::Total => "total",
            RelationKind::Anniversary => "anniversary",
            RelationKind::Elapsed => "elapsed",
            RelationKind::Restatement => "restatement",
            RelationKind::CountList => "count-list",
            RelationKind::Ratio => "ratio",
            RelationKind::Average => "average",
        }
    }
}

impl FromStr for RelationKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RelationKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == s)
            .ok_or_else(|| format!("unknown relation kind `{s}`"))
    }
}

/// The roles of `count` claims of a relation of `kind`, in order: what a relation stored before
/// roles existed (or written by hand) gets.
pub fn roles_of(kind: RelationKind, count: usize) -> Vec<String> {
    let (first, second, rest) = match kind {
        RelationKind::Conversion => ("source", "target", "target"),
        RelationKind::Change => ("rate", "base", "base"),
        RelationKind::Range => ("low", "high", "high"),
        RelationKind::Total => ("total", "part", "part"),
        RelationKind::Anniversary => ("ordinal", "founding", "founding"),
        RelationKind::Elapsed => ("duration", "since", "since"),
        RelationKind::Restatement => ("first", "again", "again"),
        RelationKind::CountList => ("count", "count", "count"),
        RelationKind::Ratio => ("from", "to", "to"),
        RelationKind::Average => ("average", "total", "period"),
    };
    (0..count)
        .map(|i| match i {
            0 => first,
            1 => second,
            _ => rest,
        })
        .map(str::to_owned)
        .collect()
}

/// Up or down, for `change` relations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

/// The words that made a relation: which kind of cue of the lexicon (`id`), as written, and
/// where (byte offsets into the text, end excluded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    pub id: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A link the text itself makes between claims.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub kind: RelationKind,
    /// Claim ids, in role order (see the module documentation).
    pub claims: Vec<String>,
    /// The role of each claim of `claims`, at the same index.
    #[serde(default)]
    pub roles: Vec<String>,
    /// The words that make the link, as written: `(`, `pari a`, `su base annua`, `up` …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<String>,
    /// For changes: up or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// For changes: the comparison period, normalised (`year-on-year`, `2022`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The cue that made the link, with its span; `None` when the link is made by position
    /// alone (a sign, brackets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<Cue>,
    /// The sentence (index) the relation was found in: that of its first claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<u32>,
    /// For `count-list`: how many items the list after the count names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<u32>,
    /// For `ratio`: the proportion the words state ("doubled" 2, "la metà" 0.5, "uno su
    /// cinque" 0.2); for `average`: the units of time in its period (366 days in 2024).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factor: Option<f64>,
}

impl Relation {
    /// The id of the first claim with `role`, if any.
    pub fn claim_with_role(&self, role: &str) -> Option<&str> {
        self.roles
            .iter()
            .position(|r| r == role)
            .and_then(|at| self.claims.get(at))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_names() {
        for kind in RelationKind::ALL {
            assert_eq!(kind.as_str().parse::<RelationKind>(), Ok(kind));
        }
        assert!("sum".parse::<RelationKind>().is_err());
    }

    #[test]
    fn default_roles_follow_the_kind() {
        assert_eq!(roles_of(RelationKind::Total, 3), ["total", "part", "part"]);
        assert_eq!(roles_of(RelationKind::Conversion, 2), ["source", "target"]);
        let relation = Relation {
            kind: RelationKind::Change,
            claims: vec!["c4".into(), "c2".into()],
            roles: roles_of(RelationKind::Change, 2),
            marker: None,
            direction: None,
            period: None,
            cue: None,
            sentence: None,
            items: None,
            factor: None,
        };
        assert_eq!(relation.claim_with_role("base"), Some("c2"));
        assert_eq!(relation.claim_with_role("part"), None);
    }
}
