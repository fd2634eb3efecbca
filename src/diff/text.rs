//! Small text helpers for the differ: word hashes that ignore case, whitespace and
//! punctuation, and a line index that turns byte offsets into line numbers without rescanning
//! the text for every sentence.

/// The words of `text`: maximal runs of alphanumeric characters. Punctuation and whitespace
/// separate words and are otherwise ignored, so `13.6` is the two words `13` and `6`.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
}

/// A case-insensitive hash of one word (FNV-1a over the lower-cased characters).
pub fn word_hash(word: &str) -> u64 {
    let mut hash = FNV_OFFSET;
    for c in word.chars() {
        for lower in c.to_lowercase() {
            hash = fnv_step(hash, lower as u64);
        }
    }
    hash
}

/// The hash of a whole sentence: its word hashes in order. Two sentences that differ only in
/// case, whitespace or punctuation have the same key.
pub fn sentence_key(word_hashes: &[u64]) -> u64 {
    word_hashes
        .iter()
        .fold(FNV_OFFSET, |hash, &word| fnv_step(hash, word))
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv_step(hash: u64, value: u64) -> u64 {
    let mut hash = hash;
    for byte in value.to_le_bytes() {
        hash ^= byte as u64;
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

/// Dice similarity of two sorted multisets of word hashes: 1.0 for the same words, 0.0 for
/// no word in common.
pub fn dice(sorted_a: &[u64], sorted_b: &[u64]) -> f64 {
    if sorted_a.is_empty() && sorted_b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < sorted_a.len() && j < sorted_b.len() {
        match sorted_a[i].cmp(&sorted_b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (sorted_a.len() + sorted_b.len()) as f64
}

/// Byte offsets of line starts, for offset → 1-based line lookups by binary search.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1));
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line(&self, offset: usize) -> u32 {
        self.starts.partition_point(|&start| start <= offset) as u32
    }
}

/// `text` with every run of whitespace made one space, trimmed.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_keys_ignore_case_whitespace_and_punctuation() {
        let key = |text: &str| sentence_key(&words(text).map(word_hash).collect::<Vec<_>>());
        assert_eq!(key("The plant, they said."), key("the  plant they said"));
        assert_ne!(key("worth 8.4 billion"), key("worth 9.4 billion"));
        assert_ne!(key("worth 8.4 billion"), key("worth 84 billion"));
    }

    #[test]
    fn dice_counts_common_words() {
        assert_eq!(dice(&[1, 2, 3], &[1, 2, 3]), 1.0);
        assert_eq!(dice(&[1, 2], &[3, 4]), 0.0);
        assert!((dice(&[1, 2, 3, 4], &[1, 2, 3, 5]) - 0.75).abs() < 1e-9);
    }

    #[test]
    fn line_index_finds_lines_by_offset() {
        let index = LineIndex::new("ab\ncd\n\nef");
        assert_eq!(
            [0, 2, 3, 6, 7, 8].map(|offset| index.line(offset)),
            [1, 1, 2, 3, 4, 4]
        );
    }
}
