//! Sentence alignment between two drafts.
//!
//! Each sentence is reduced to a key that ignores case, whitespace and punctuation. A Patience
//! diff over the keys (`similar::capture_diff_slices`) pairs the sentences that stayed where
//! they were. What is left falls into regions (a run of removed sentences facing a run of added
//! ones); three passes then pair the rest, most certain first:
//! 1. the same key anywhere else in the other draft: a *moved* sentence (a moved paragraph);
//! 2. a similar sentence in the facing region (Dice similarity of the words ≥ 0.5): an
//!    *edited* sentence, reworded in place;
//! 3. a similar sentence anywhere else (≥ 0.6): moved and edited.
//!
//! The similarity passes are bounded (a window inside large regions, a cap on the cross-region
//! pass), so a wholly rewritten 10,000-word draft cannot make the alignment quadratic.

use std::collections::HashMap;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::text::{dice, sentence_key, word_hash, words};

/// Similarity needed to pair two sentences facing each other in a changed region.
const IN_PLACE_SIMILARITY: f64 = 0.5;
/// Similarity needed to pair two sentences in different places (moved and edited).
const MOVED_SIMILARITY: f64 = 0.6;
/// Inside a large region, a sentence is compared only with sentences this close in order.
const REGION_WINDOW: usize = 40;
/// The cross-region pass is skipped when it would compare more pairs than this.
const MAX_CROSS_COMPARISONS: usize = 250_000;

/// The words of one sentence, as the aligner sees them.
#[derive(Debug, Clone)]
pub struct SentenceWords {
    /// Hash of the words in order; equal keys mean the same sentence up to punctuation.
    pub key: u64,
    /// The word hashes, sorted (a multiset, for similarity).
    pub sorted_words: Vec<u64>,
}

impl SentenceWords {
    pub fn of(text: &str) -> SentenceWords {
        let mut hashes: Vec<u64> = words(text).map(word_hash).collect();
        let key = sentence_key(&hashes);
        hashes.sort_unstable();
        SentenceWords {
            key,
            sorted_words: hashes,
        }
    }

    fn is_empty(&self) -> bool {
        self.sorted_words.is_empty()
    }
}

/// Two sentences found to be the same sentence, possibly edited or moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentencePair {
    /// Positions in the two sentence lists.
    pub before: usize,
    pub after: usize,
    /// Paired across regions rather than in place.
    pub moved: bool,
    /// The words differ (not just case, whitespace or punctuation).
    pub edited: bool,
}

/// The result of aligning two sentence lists.
#[derive(Debug, Clone, Default)]
pub struct SentenceAlignment {
    /// In the order of the newer draft.
    pub pairs: Vec<SentencePair>,
    /// For each sentence of the older draft, its pair's index in `pairs`.
    pub before_pair: Vec<Option<usize>>,
    /// For each sentence of the newer draft, its pair's index in `pairs`.
    pub after_pair: Vec<Option<usize>>,
}

struct Region {
    old: std::ops::Range<usize>,
    new: std::ops::Range<usize>,
}

/// Aligns `before` with `after`.
pub fn align_sentences(before: &[SentenceWords], after: &[SentenceWords]) -> SentenceAlignment {
    let before_keys: Vec<u64> = before.iter().map(|s| s.key).collect();
    let after_keys: Vec<u64> = after.iter().map(|s| s.key).collect();
    let mut before_partner: Vec<Option<(usize, bool)>> = vec![None; before.len()];
    let mut after_taken = vec![false; after.len()];
    let mut regions = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, &before_keys, &after_keys) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for offset in 0..len {
                    before_partner[old_index + offset] = Some((new_index + offset, false));
                    after_taken[new_index + offset] = true;
                }
            }
            other => regions.push(Region {
                old: other.old_range(),
                new: other.new_range(),
            }),
        }
    }
    let region_of_before = region_lookup(before.len(), regions.iter().map(|r| r.old.clone()));
    let region_of_after = region_lookup(after.len(), regions.iter().map(|r| r.new.clone()));

    // 1. Exact keys elsewhere: moved sentences.
    let mut unmatched_after_by_key: HashMap<u64, Vec<usize>> = HashMap::new();
    for (index, sentence) in after.iter().enumerate().rev() {
        if !after_taken[index] && !sentence.is_empty() {
            unmatched_after_by_key
                .entry(sentence.key)
                .or_default()
                .push(index);
        }
    }
    for (index, sentence) in before.iter().enumerate() {
        if before_partner[index].is_some() || sentence.is_empty() {
            continue;
        }
        if let Some(after_index) = unmatched_after_by_key
            .get_mut(&sentence.key)
            .and_then(Vec::pop)
        {
            let moved = region_of_before[index] != region_of_after[after_index];
            before_partner[index] = Some((after_index, moved));
            after_taken[after_index] = true;
        }
    }

    // 2. Similar sentences facing each other: edited in place.
    for region in &regions {
        let olds: Vec<usize> = region
            .old
            .clone()
            .filter(|&i| before_partner[i].is_none() && !before[i].is_empty())
            .collect();
        let news: Vec<usize> = region
            .new
            .clone()
            .filter(|&j| !after_taken[j] && !after[j].is_empty())
            .collect();
        let window = if olds.len() * news.len() > REGION_WINDOW * REGION_WINDOW {
            REGION_WINDOW
        } else {
            usize::MAX
        };
        let mut candidates = Vec::new();
        for (rank_old, &i) in olds.iter().enumerate() {
            for (rank_new, &j) in news.iter().enumerate() {
                if rank_old.abs_diff(rank_new) <= window {
                    candidates.push((dice(&before[i].sorted_words, &after[j].sorted_words), i, j));
                }
            }
        }
        pair_greedily(
            candidates,
            IN_PLACE_SIMILARITY,
            false,
            &mut before_partner,
            &mut after_taken,
        );
    }

    // 3. Similar sentences elsewhere: moved and edited.
    let olds: Vec<usize> = (0..before.len())
        .filter(|&i| before_partner[i].is_none() && !before[i].is_empty())
        .collect();
    let news: Vec<usize> = (0..after.len())
        .filter(|&j| !after_taken[j] && !after[j].is_empty())
        .collect();
    if olds.len() * news.len() <= MAX_CROSS_COMPARISONS {
        let mut candidates = Vec::new();
        for &i in &olds {
            for &j in &news {
                candidates.push((dice(&before[i].sorted_words, &after[j].sorted_words), i, j));
            }
        }
        pair_greedily(
            candidates,
            MOVED_SIMILARITY,
            true,
            &mut before_partner,
            &mut after_taken,
        );
    }

    let mut pairs: Vec<SentencePair> = before_partner
        .iter()
        .enumerate()
        .filter_map(|(before_index, partner)| {
            partner.map(|(after_index, moved)| SentencePair {
                before: before_index,
                after: after_index,
                moved,
                edited: before[before_index].key != after[after_index].key,
            })
        })
        .collect();
    pairs.sort_by_key(|pair| pair.after);
    let mut before_pair = vec![None; before.len()];
    let mut after_pair = vec![None; after.len()];
    for (index, pair) in pairs.iter().enumerate() {
        before_pair[pair.before] = Some(index);
        after_pair[pair.after] = Some(index);
    }
    SentenceAlignment {
        pairs,
        before_pair,
        after_pair,
    }
}

/// For each position, the index of the region holding it (`None` inside an equal run).
fn region_lookup(
    len: usize,
    ranges: impl Iterator<Item = std::ops::Range<usize>>,
) -> Vec<Option<usize>> {
    let mut lookup = vec![None; len];
    for (region, range) in ranges.enumerate() {
        for slot in &mut lookup[range] {
            *slot = Some(region);
        }
    }
    lookup
}

/// Pairs the best-scoring candidates first, each sentence at most once.
fn pair_greedily(
    mut candidates: Vec<(f64, usize, usize)>,
    threshold: f64,
    moved: bool,
    before_partner: &mut [Option<(usize, bool)>],
    after_taken: &mut [bool],
) {
    candidates.retain(|&(score, _, _)| score >= threshold);
    // Best score first; ties in text order, so the result does not depend on hashing.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    for (_, i, j) in candidates {
        if before_partner[i].is_none() && !after_taken[j] {
            before_partner[i] = Some((j, moved));
            after_taken[j] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn align(before: &[&str], after: &[&str]) -> Vec<(usize, usize, bool, bool)> {
        let words = |list: &[&str]| {
            list.iter()
                .map(|s| SentenceWords::of(s))
                .collect::<Vec<_>>()
        };
        align_sentences(&words(before), &words(after))
            .pairs
            .into_iter()
            .map(|p| (p.before, p.after, p.moved, p.edited))
            .collect()
    }

    #[test]
    fn a_moved_sentence_is_paired_and_marked_moved() {
        let before = [
            "Alpha one two.",
            "Beta three four.",
            "Gamma five six.",
            "Delta.",
        ];
        let after = [
            "Alpha one two.",
            "Gamma five six.",
            "Delta.",
            "Beta three four.",
        ];
        let pairs = align(&before, &after);
        assert!(pairs.contains(&(1, 3, true, false)), "{pairs:?}");
        assert!(pairs.contains(&(2, 1, false, false)), "{pairs:?}");
    }

    #[test]
    fn a_reworded_sentence_is_paired_in_place_as_edited() {
        let before = ["The mayor said on Monday that the plan works.", "Next."];
        let after = [
            "The mayor announced on Monday that the plan works.",
            "Next.",
        ];
        assert_eq!(
            align(&before, &after),
            vec![(0, 0, false, true), (1, 1, false, false)]
        );
    }

    #[test]
    fn unrelated_sentences_stay_unpaired() {
        let pairs = align(&["Cats sleep all day."], &["Exports rose sharply in May."]);
        assert!(pairs.is_empty(), "{pairs:?}");
    }
}
