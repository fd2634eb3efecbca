//! Fast lookup of a lexicon table by word: each table of `(word, value)` pairs gets a hash map
//! built on first use, with a small FNV-1a hash (the words are short and trusted, so a keyed
//! hash buys nothing and costs a third of the lookup). Short lists are scanned with
//! [`same_word`], an inline comparison of short words.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a, 64 bits.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// Whether two words are the same bytes. Lexicon words are short: up to 16 bytes they are
/// compared with two overlapping loads each instead of a `memcmp` call, which was a visible
/// share of extraction time when scanning word lists (most candidates of the same length
/// differ in their first bytes).
#[inline]
pub fn same_word(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let len = a.len();
    if len != b.len() {
        return false;
    }
    match (a.first_chunk::<8>(), b.first_chunk::<8>()) {
        (Some(a_head), Some(b_head)) if len <= 16 => {
            a_head == b_head && a.last_chunk::<8>() == b.last_chunk::<8>()
        }
        _ if len > 16 => a == b,
        _ => match (a.first_chunk::<4>(), b.first_chunk::<4>()) {
            (Some(a_head), Some(b_head)) => {
                a_head == b_head && a.last_chunk::<4>() == b.last_chunk::<4>()
            }
            // Below 4 bytes: the first, middle and last byte are every byte.
            _ => len == 0 || (a[0] == b[0] && a[len / 2] == b[len / 2] && a[len - 1] == b[len - 1]),
        },
    }
}

/// Whether `word` is one of `list` (a linear scan with [`same_word`]).
#[inline]
pub fn contains_word(list: &[&str], word: &str) -> bool {
    list.iter().any(|item| same_word(item, word))
}

/// A hash map with the FNV hasher.
pub type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The index of one lexicon table, built on first use. The first pair of a word wins, as in a
/// linear search of the table.
#[derive(Debug)]
pub struct WordIndex<T: 'static>(OnceLock<FnvMap<&'static str, T>>);

impl<T: Copy + Send + Sync + 'static> WordIndex<T> {
    pub const fn new() -> Self {
        WordIndex(OnceLock::new())
    }

    /// The value of `word` in `table`.
    pub fn get(&self, table: &'static [(&'static str, T)], word: &str) -> Option<T> {
        self.0
            .get_or_init(|| {
                let mut map = FnvMap::default();
                for &(key, value) in table.iter().rev() {
                    map.insert(key, value);
                }
                map
            })
            .get(word)
            .copied()
    }
}

impl<T: Copy + Send + Sync + 'static> Default for WordIndex<T> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_word_is_string_equality() {
        let words = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "abc",
            "abd",
            "xbc",
            "abcd",
            "abce",
            "abcde",
            "abcdf",
            "zbcde",
            "abcdefg",
            "abcdefgh",
            "abcdefgi",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "bbcdefghijklmnop",
            "abcdefghXjklmnop",
            "abcdefghijklmnopq",
            "abcdefghijklmnopr",
            "più",
            "pià",
            "città",
            "cittá",
        ];
        for a in words {
            for b in words {
                assert_eq!(same_word(a, b), a == b, "{a:?} {b:?}");
            }
            assert!(contains_word(&words, a));
        }
        assert!(!contains_word(&words, "zzz"));
    }

    #[test]
    fn the_first_pair_of_a_word_wins_like_a_linear_search() {
        static TABLE: &[(&str, u32)] = &[("mar", 3), ("may", 5), ("mar", 99)];
        let index = WordIndex::new();
        assert_eq!(index.get(TABLE, "mar"), Some(3));
        assert_eq!(index.get(TABLE, "may"), Some(5));
        assert_eq!(index.get(TABLE, "jun"), None);
    }
}
