//! How far a relation may reach: the claims of one sentence, and of those only the nearest.
//!
//! Every relation stage links a claim to claims of its own sentence (or the next), so the
//! stages look claims up by sentence here instead of filtering every claim of the text, which
//! made a long article quadratic. Within one sentence, a stage looks at most [`CLAIM_REACH`]
//! claims either side of the claim it starts from: prose sentences hold a handful of claims
//! (the densest sentence of the newsroom passages, the eval cases and 2,000 generated articles
//! holds 52, all within reach of each other), so the cap changes nothing there, and a
//! megabyte "sentence" of figures (no full stop, `1 2 3 4 …`) stays linear.

use std::ops::Range;

/// The most claims before or after a claim that a relation stage looks at in its sentence.
pub const CLAIM_REACH: usize = 128;

/// The indices of the claims of sentence `sentence`. `sentence_of` (the sentence of each claim,
/// in text order) is ascending, so two binary searches find them.
pub fn sentence_claims(sentence_of: &[u32], sentence: u32) -> Range<usize> {
    let start = sentence_of.partition_point(|&s| s < sentence);
    let end = start + sentence_of[start..].partition_point(|&s| s <= sentence);
    start..end
}

/// `claims` (a range of claim indices) clipped to those at most [`CLAIM_REACH`] claims from
/// claim `index`.
pub fn near(claims: Range<usize>, index: usize) -> Range<usize> {
    let start = claims.start.max(index.saturating_sub(CLAIM_REACH));
    let end = claims.end.min(index.saturating_add(CLAIM_REACH + 1));
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_s_claims_are_found_by_binary_search() {
        let sentence_of = [0, 0, 2, 2, 2, 5];
        assert_eq!(sentence_claims(&sentence_of, 0), 0..2);
        assert_eq!(sentence_claims(&sentence_of, 2), 2..5);
        assert_eq!(sentence_claims(&sentence_of, 3), 5..5);
        assert_eq!(sentence_claims(&sentence_of, 9), 6..6);
    }

    #[test]
    fn reach_is_clipped_to_the_nearest_claims() {
        assert_eq!(near(0..1000, 500), 372..629);
        assert_eq!(near(10..20, 15), 10..20);
    }
}
