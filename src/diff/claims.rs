//! Claim alignment inside aligned sentences, and the classification of every claim.
//!
//! Within a pair of sentences, claims are paired in three passes: first by *identity* (kind,
//! unit, value, surface text, qualifier) with a diff in order, so a claim inserted among others
//! does not shift the rest; then the remaining claims by kind and unit in order (a corrected
//! value); then by kind alone (a changed currency). A paired claim is *unchanged* when its
//! identity is the same (*moved* when its sentence moved), otherwise *changed*. Claims left
//! over, and the claims of unpaired sentences, are *removed* or *added* — except that a money,
//! percent, count or quantity claim removed in one place and added with the same identity in
//! another (each once) is *moved*: the figure was carried into a new sentence.

use std::collections::HashMap;

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::sentences::SentenceAlignment;
use super::text::collapse_whitespace;
use crate::model::{Claim, ClaimKind, Qualifier};

/// What happened to one claim between the two drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Unchanged,
    Changed,
    Added,
    Removed,
    Moved,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Unchanged => "unchanged",
            ChangeKind::Changed => "changed",
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Moved => "moved",
        }
    }
}

/// One claim of either draft and what became of it. `before` is the claim in the older draft,
/// `after` in the newer; an added claim has no `before`, a removed one no `after`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimChange<'a> {
    pub change: ChangeKind,
    pub before: Option<&'a Claim>,
    pub after: Option<&'a Claim>,
    /// For a changed claim with the same unit: (after − before) / |before|.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative_change: Option<f64>,
}

impl ClaimChange<'_> {
    /// True when the value (or unit, or kind) differs, not just how it is written.
    pub fn value_changed(&self) -> bool {
        match (self.before, self.after) {
            (Some(before), Some(after)) => {
                before.kind != after.kind
                    || before.unit != after.unit
                    || before.value_text != after.value_text
                    || before.date != after.date
            }
            _ => false,
        }
    }
}

/// What makes two claims "the same claim": everything but where it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Identity<'a> {
    kind: ClaimKind,
    unit: Option<&'a str>,
    value_text: &'a str,
    date: Option<&'a str>,
    qualifier: Qualifier,
    text: String,
}

fn identity(claim: &Claim) -> Identity<'_> {
    Identity {
        kind: claim.kind,
        unit: claim.unit.as_deref(),
        value_text: &claim.value_text,
        date: claim.date.as_deref(),
        qualifier: claim.qualifier,
        text: collapse_whitespace(&claim.text),
    }
}

/// Claims of one draft grouped by the position of their sentence.
pub fn claims_by_sentence(claims: &[Claim], sentence_count: usize) -> Vec<Vec<usize>> {
    let mut grouped = vec![Vec::new(); sentence_count];
    for (index, claim) in claims.iter().enumerate() {
        // Sentence indices are positions in the sentence list; a claim outside every sentence
        // (never produced by the extractor) is kept with the last one rather than dropped.
        let sentence = (claim.sentence as usize).min(sentence_count.saturating_sub(1));
        if let Some(group) = grouped.get_mut(sentence) {
            group.push(index);
        }
    }
    grouped
}

/// Aligns every claim of `before` with `after` along the sentence alignment. The result has
/// one entry per claim of either draft, in the order of the newer draft, removed claims placed
/// where they stood relative to their neighbours.
pub fn align_claims<'a>(
    before: &'a [Claim],
    after: &'a [Claim],
    sentences: &SentenceAlignment,
    before_by_sentence: &[Vec<usize>],
    after_by_sentence: &[Vec<usize>],
) -> Vec<ClaimChange<'a>> {
    let mut before_partner: Vec<Option<(usize, bool)>> = vec![None; before.len()];
    let mut after_taken = vec![false; after.len()];
    for pair in &sentences.pairs {
        let olds = &before_by_sentence[pair.before];
        let news = &after_by_sentence[pair.after];
        for (old, new) in pair_claims(before, after, olds, news) {
            before_partner[old] = Some((new, pair.moved));
            after_taken[new] = true;
        }
    }
    carry_moved_figures(before, after, &mut before_partner, &mut after_taken);

    // Order: every claim of the newer draft by position; a removed claim right after the
    // nearest earlier claim of the older draft that has a partner.
    let mut keyed: Vec<((usize, usize, usize), ClaimChange<'a>)> = Vec::new();
    let mut anchor = 0;
    for (index, claim) in before.iter().enumerate() {
        match before_partner[index] {
            Some((new, moved)) => {
                anchor = after[new].start;
                keyed.push(((after[new].start, 0, 0), paired(claim, &after[new], moved)));
            }
            None => keyed.push((
                (anchor, 1, claim.start),
                ClaimChange {
                    change: ChangeKind::Removed,
                    before: Some(claim),
                    after: None,
                    relative_change: None,
                },
            )),
        }
    }
    for (index, claim) in after.iter().enumerate() {
        if !after_taken[index] {
            keyed.push((
                (claim.start, 0, 0),
                ClaimChange {
                    change: ChangeKind::Added,
                    before: None,
                    after: Some(claim),
                    relative_change: None,
                },
            ));
        }
    }
    keyed.sort_by_key(|(key, _)| *key);
    keyed.into_iter().map(|(_, change)| change).collect()
}

fn paired<'a>(before: &'a Claim, after: &'a Claim, moved: bool) -> ClaimChange<'a> {
    let same = identity(before) == identity(after);
    let change = match (same, moved) {
        (true, false) => ChangeKind::Unchanged,
        (true, true) => ChangeKind::Moved,
        (false, _) => ChangeKind::Changed,
    };
    let relative_change = (change == ChangeKind::Changed
        && before.unit == after.unit
        && before.kind == after.kind
        && before.value != 0.0
        && before.value_text != after.value_text)
        .then(|| (after.value - before.value) / before.value.abs());
    ClaimChange {
        change,
        before: Some(before),
        after: Some(after),
        relative_change,
    }
}

/// Pairs the claims of one sentence pair (indices into the claim lists).
fn pair_claims(
    before: &[Claim],
    after: &[Claim],
    olds: &[usize],
    news: &[usize],
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    if olds.is_empty() || news.is_empty() {
        return pairs;
    }
    let old_ids: Vec<Identity<'_>> = olds.iter().map(|&i| identity(&before[i])).collect();
    let new_ids: Vec<Identity<'_>> = news.iter().map(|&j| identity(&after[j])).collect();
    let mut old_free = vec![true; olds.len()];
    let mut new_free = vec![true; news.len()];
    for op in capture_diff_slices(Algorithm::Myers, &old_ids, &new_ids) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for offset in 0..len {
                pairs.push((olds[old_index + offset], news[new_index + offset]));
                old_free[old_index + offset] = false;
                new_free[new_index + offset] = false;
            }
        }
    }
    let by_kind_and_unit = |claim: &Claim| (claim.kind, claim.unit.clone());
    zip_in_order(
        before,
        after,
        olds,
        news,
        &mut old_free,
        &mut new_free,
        &mut pairs,
        by_kind_and_unit,
    );
    zip_in_order(
        before,
        after,
        olds,
        news,
        &mut old_free,
        &mut new_free,
        &mut pairs,
        |claim| (claim.kind, None),
    );
    pairs
}

/// Pairs free claims with equal `group` keys, first with first, in text order.
#[allow(clippy::too_many_arguments)]
fn zip_in_order(
    before: &[Claim],
    after: &[Claim],
    olds: &[usize],
    news: &[usize],
    old_free: &mut [bool],
    new_free: &mut [bool],
    pairs: &mut Vec<(usize, usize)>,
    group: impl Fn(&Claim) -> (ClaimKind, Option<String>),
) {
    for (rank_old, &old) in olds.iter().enumerate() {
        if !old_free[rank_old] {
            continue;
        }
        let key = group(&before[old]);
        let partner = news
            .iter()
            .enumerate()
            .find(|&(rank_new, &new)| new_free[rank_new] && group(&after[new]) == key);
        if let Some((rank_new, &new)) = partner {
            old_free[rank_old] = false;
            new_free[rank_new] = false;
            pairs.push((old, new));
        }
    }
}

/// A figure removed in one place and added, identical, in another (each exactly once) moved.
fn carry_moved_figures(
    before: &[Claim],
    after: &[Claim],
    before_partner: &mut [Option<(usize, bool)>],
    after_taken: &mut [bool],
) {
    let movable = |claim: &Claim| {
        matches!(
            claim.kind,
            ClaimKind::Money | ClaimKind::Percent | ClaimKind::Count | ClaimKind::Quantity
        )
    };
    let mut removed: HashMap<Identity<'_>, Vec<usize>> = HashMap::new();
    for (index, claim) in before.iter().enumerate() {
        if before_partner[index].is_none() && movable(claim) {
            removed.entry(identity(claim)).or_default().push(index);
        }
    }
    let mut added: HashMap<Identity<'_>, Vec<usize>> = HashMap::new();
    for (index, claim) in after.iter().enumerate() {
        if !after_taken[index] && movable(claim) {
            added.entry(identity(claim)).or_default().push(index);
        }
    }
    for (key, olds) in &removed {
        if let (&[old], Some(&[new])) = (olds.as_slice(), added.get(key).map(Vec::as_slice)) {
            before_partner[old] = Some((new, true));
            after_taken[new] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Precision;

    fn claim(id: &str, kind: ClaimKind, text: &str, value: f64, unit: &str) -> Claim {
        Claim {
            id: id.into(),
            kind,
            text: text.into(),
            start: 0,
            end: text.len(),
            line: 1,
            column: 1,
            sentence: 0,
            value,
            value_text: value.to_string(),
            unit: Some(unit.into()),
            scale: None,
            precision: Precision {
                low: value,
                high: value,
            },
            qualifier: Qualifier::None,
            ambiguity: Vec::new(),
            date: None,
            period: None,
        }
    }

    #[test]
    fn an_inserted_claim_does_not_shift_the_pairing_of_the_others() {
        let before = [
            claim("c1", ClaimKind::Percent, "5%", 5.0, "%"),
            claim("c2", ClaimKind::Percent, "3%", 3.0, "%"),
        ];
        let after = [
            claim("c1", ClaimKind::Percent, "6%", 6.0, "%"),
            claim("c2", ClaimKind::Percent, "4%", 4.0, "%"),
            claim("c3", ClaimKind::Percent, "3%", 3.0, "%"),
        ];
        // 3% pairs by identity; 5% → 6% by kind and unit in order; 4% is new.
        assert_eq!(
            pair_claims(&before, &after, &[0, 1], &[0, 1, 2]),
            [(1, 2), (0, 0)]
        );
        let changed = paired(&before[0], &after[0], false);
        assert_eq!(changed.change, ChangeKind::Changed);
        assert!((changed.relative_change.unwrap() - 0.2).abs() < 1e-12);
        assert_eq!(
            paired(&before[1], &after[2], true).change,
            ChangeKind::Moved
        );
    }

    #[test]
    fn a_changed_currency_pairs_by_kind_and_has_no_relative_change() {
        let before = [claim("c1", ClaimKind::Money, "5 million yuan", 5e6, "CNY")];
        let after = [claim(
            "c1",
            ClaimKind::Money,
            "5 million dollars",
            5e6,
            "USD",
        )];
        assert_eq!(pair_claims(&before, &after, &[0], &[0]), [(0, 0)]);
        let change = paired(&before[0], &after[0], false);
        assert_eq!(change.change, ChangeKind::Changed);
        assert!(change.value_changed());
        assert_eq!(change.relative_change, None);
    }
}
