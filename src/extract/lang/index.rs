//! Fast lookup of a lexicon table by word: each table of `(word, value)` pairs gets a hash map
//! built on first use, with a small FNV-1a hash (the words are short and trusted, so a keyed
//! hash buys nothing and costs a third of the lookup).

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
    fn the_first_pair_of_a_word_wins_like_a_linear_search() {
        static TABLE: &[(&str, u32)] = &[("mar", 3), ("may", 5), ("mar", 99)];
        let index = WordIndex::new();
        assert_eq!(index.get(TABLE, "mar"), Some(3));
        assert_eq!(index.get(TABLE, "may"), Some(5));
        assert_eq!(index.get(TABLE, "jun"), None);
    }
}
