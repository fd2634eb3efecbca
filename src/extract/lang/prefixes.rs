//! The word filter in front of the word-led claim readers (spelled numbers, month names, sign
//! words): a bitset over the first three letters of every word a lexicon lets a claim start
//! on, built at compile time from the lexicon's own tables, so the frequent words of prose
//! ("the", "that", "della", "sono") skip the lookups.
//!
//! A word whose first three bytes are not all ASCII letters always passes (the readers
//! lower-case it properly), and so does a word of fewer than three bytes.

use super::spelled::Role;
use super::time::Name;

const PREFIXES: usize = 26 * 26 * 26;

/// See the module documentation.
#[derive(Debug)]
pub struct PrefixTable([u64; PREFIXES.div_ceil(64)]);

/// The bitset index of the first three bytes, case-folded, when they are ASCII letters.
const fn prefix_index(word: &[u8]) -> Option<usize> {
    if word.len() < 3 {
        return None;
    }
    let mut index = 0;
    let mut i = 0;
    while i < 3 {
        if !word[i].is_ascii_alphabetic() {
            return None;
        }
        index = index * 26 + ((word[i] | 0x20) - b'a') as usize;
        i += 1;
    }
    Some(index)
}

impl PrefixTable {
    pub const EMPTY: PrefixTable = PrefixTable([0; PREFIXES.div_ceil(64)]);

    const fn with(mut self, word: &[u8]) -> PrefixTable {
        if let Some(index) = prefix_index(word) {
            self.0[index / 64] |= 1 << (index % 64);
        }
        self
    }

    /// Adds words.
    pub const fn words(mut self, words: &[&str]) -> PrefixTable {
        let mut i = 0;
        while i < words.len() {
            self = self.with(words[i].as_bytes());
            i += 1;
        }
        self
    }

    /// Adds the words of a phrase grammar.
    pub const fn roles(mut self, words: &[(&str, Role)]) -> PrefixTable {
        let mut i = 0;
        while i < words.len() {
            self = self.with(words[i].0.as_bytes());
            i += 1;
        }
        self
    }

    /// Adds the stems of a compound grammar (their first three bytes).
    pub const fn stems(mut self, stems: &[&[u8; 3]]) -> PrefixTable {
        let mut i = 0;
        while i < stems.len() {
            self = self.with(stems[i]);
            i += 1;
        }
        self
    }

    /// Adds names (months).
    pub const fn names<T: Copy>(mut self, names: &[(&str, Name<T>)]) -> PrefixTable {
        let mut i = 0;
        while i < names.len() {
            self = self.with(names[i].0.as_bytes());
            i += 1;
        }
        self
    }

    /// Whether a word, as written, may start a word-led claim.
    pub fn may_start(&self, word: &[u8]) -> bool {
        let Some(index) = prefix_index(word) else {
            return true;
        };
        self.0[index / 64] & (1 << (index % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::lang::lexicon;
    use crate::extract::lang::spelled::Grammar;
    use crate::model::Lang;

    /// Every word a reader starts on passes its language's table, in any case.
    #[test]
    fn every_start_word_passes_in_any_case() {
        for lang in Lang::ALL {
            let lexicon = lexicon(lang);
            let spelled = lexicon.numbers.spelled;
            let mut words: Vec<&str> = Vec::new();
            if let Grammar::Phrase(phrase) = &spelled.grammar {
                words.extend(phrase.words.iter().map(|(w, _)| *w));
            }
            words.extend(spelled.half_words);
            words.extend(spelled.one_articles);
            words.extend(lexicon.time.months.iter().map(|(w, _)| *w));
            words.extend(lexicon.numbers.sign_words);
            for word in words {
                assert!(lexicon.claim_starts.may_start(word.as_bytes()), "{word}");
                let upper = word.to_uppercase();
                assert!(lexicon.claim_starts.may_start(upper.as_bytes()), "{upper}");
            }
            if let Grammar::Compound(compound) = &spelled.grammar {
                for stem in compound.starts {
                    assert!(lexicon.claim_starts.may_start(*stem), "{stem:?}");
                }
            }
        }
    }

    #[test]
    fn compounds_and_non_ascii_pass_common_words_do_not() {
        let (en, it, es) = (lexicon(Lang::En), lexicon(Lang::It), lexicon(Lang::Es));
        assert!(en.claim_starts.may_start(b"twentyfive"));
        assert!(en.claim_starts.may_start(b"Seventythird"));
        assert!(it.claim_starts.may_start("tré".as_bytes()));
        assert!(it.claim_starts.may_start("ventitré".as_bytes()));
        assert!(en.claim_starts.may_start(b"t20"));
        for word in ["the", "That", "their", "said"] {
            assert!(!en.claim_starts.may_start(word.as_bytes()), "{word}");
        }
        for word in ["della", "sono", "Governo"] {
            assert!(!it.claim_starts.may_start(word.as_bytes()), "{word}");
        }
        for word in ["para", "como", "Gobierno", "pero"] {
            assert!(!es.claim_starts.may_start(word.as_bytes()), "{word}");
        }
    }
}
