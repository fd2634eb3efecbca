//! Text as editors produce it, read as one: decomposed accents (NFD, "più" typed as "piu" plus
//! U+0300, as some systems save it) are composed (NFC) before extraction, and every offset the
//! extraction reports is mapped back to the text as written.
//!
//! In: the text. Out: the text to extract from (borrowed unchanged in the common case, already
//! composed) and a map from its byte offsets to the original's. Composition only changes runs
//! of a base character and the combining marks after it, so the map is kept per such run: an
//! offset inside a run maps to the run's start, its end to the run's end.

use std::borrow::Cow;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The composed text and, when it differs from the original, where its bytes came from.
pub struct Normalized<'t> {
    pub text: Cow<'t, str>,
    /// `(composed offset, original offset)` at the start of every run, ascending, with a last
    /// pair for the two ends; empty when the text was already composed.
    runs: Vec<(usize, usize)>,
}

impl<'t> Normalized<'t> {
    /// `text` composed (NFC).
    pub fn new(text: &'t str) -> Normalized<'t> {
        if surely_composed(text.as_bytes()) || is_nfc_quick(text.chars()) == IsNormalized::Yes {
            return Normalized {
                text: Cow::Borrowed(text),
                runs: Vec::new(),
            };
        }
        let mut composed = String::with_capacity(text.len());
        let mut runs = Vec::new();
        let mut run_start = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            debug_assert_eq!(start, run_start);
            let mut end = start + c.len_utf8();
            while let Some(&(at, next)) = chars.peek() {
                if canonical_combining_class(next) == 0 {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
            runs.push((composed.len(), run_start));
            composed.extend(text[run_start..end].nfc());
            run_start = end;
        }
        runs.push((composed.len(), text.len()));
        if composed == text {
            return Normalized {
                text: Cow::Borrowed(text),
                runs: Vec::new(),
            };
        }
        Normalized {
            text: Cow::Owned(composed),
            runs,
        }
    }

    /// Whether the text changed, so offsets need [`Self::original`].
    pub fn changed(&self) -> bool {
        !self.runs.is_empty()
    }

    /// The original offset of composed offset `at` (the start of its run; a run's end maps to
    /// the original run's end).
    pub fn original(&self, at: usize) -> usize {
        if self.runs.is_empty() {
            return at;
        }
        match self
            .runs
            .binary_search_by_key(&at, |&(composed, _)| composed)
        {
            Ok(index) => self.runs[index].1,
            Err(index) => self.runs[index.saturating_sub(1)].1,
        }
    }

    /// The original offset of composed offset `at` where something ends: inside a run, the
    /// run's end ("5" before a lone combining mark ends after the mark), so a span never
    /// shrinks to nothing.
    pub fn original_end(&self, at: usize) -> usize {
        if self.runs.is_empty() {
            return at;
        }
        match self
            .runs
            .binary_search_by_key(&at, |&(composed, _)| composed)
        {
            Ok(index) => self.runs[index].1,
            Err(index) => self.runs[index.min(self.runs.len() - 1)].1,
        }
    }

    /// The composed offset of original offset `at` where the body starts (the header length):
    /// inside a run, the next run's start, so nothing of the header is read as body.
    pub fn composed(&self, at: usize) -> usize {
        if self.runs.is_empty() {
            return at;
        }
        match self
            .runs
            .binary_search_by_key(&at, |&(_, original)| original)
        {
            Ok(index) => self.runs[index].0,
            Err(index) => self.runs[index.min(self.runs.len() - 1)].0,
        }
    }
}

/// A fast byte scan for the usual case: ASCII, Latin-1 and Latin Extended-A letters (lead
/// bytes C2–C5) and general punctuation (E2, except the letterlike block E2 84, which holds
/// singletons such as the ohm sign) are always composed. Anything else (a combining mark, lead
/// byte CC or CD, or another script) goes to the full check.
fn surely_composed(bytes: &[u8]) -> bool {
    const BLOCK: usize = 32;
    let mut index = 0;
    while index < bytes.len() {
        // A block of ASCII is passed at once (`is_ascii` reads a word at a time).
        let end = (index + BLOCK).min(bytes.len());
        if !bytes[index..end].is_ascii() {
            for at in index..end {
                match bytes[at] {
                    0x00..=0xBF | 0xC2..=0xC5 => {}
                    0xE2 if bytes.get(at + 1) != Some(&0x84) => {}
                    _ => return false,
                }
            }
        }
        index = end;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_scan_only_passes_composed_text() {
        assert!(surely_composed("più «caffè» – 3,5 €".as_bytes()));
        assert!(!surely_composed("piu\u{300}".as_bytes()));
        assert!(!surely_composed("10 \u{2126}".as_bytes()));
        assert!(!surely_composed("Привет".as_bytes()));
        assert!(!Normalized::new("10 \u{2126}").text.contains('\u{2126}'));
    }

    #[test]
    fn the_fast_scan_sees_a_mark_at_every_place_of_a_block() {
        // The scan passes blocks of ASCII whole: a mark must be seen wherever it falls,
        // at a block's edges or with the letterlike E2 84 split across two blocks.
        for at in 0..70 {
            let text = format!("{}e\u{301} e", "a".repeat(at));
            assert!(!surely_composed(text.as_bytes()), "{at}");
            let ohm = format!("{}\u{2126}", "a".repeat(at));
            assert!(!surely_composed(ohm.as_bytes()), "{at}");
            let plain = format!("{}più – €", "a".repeat(at));
            assert!(surely_composed(plain.as_bytes()), "{at}");
        }
    }

    #[test]
    fn an_end_inside_a_run_maps_to_the_run_end() {
        // "5" and U+0340 (which NFC turns into U+0300, composing with nothing): one run.
        let original = "x 5\u{340} y";
        let normalized = Normalized::new(original);
        assert!(normalized.changed());
        let five = normalized.text.find('5').unwrap();
        let start = normalized.original(five);
        let end = normalized.original_end(five + 1);
        assert!(start < end);
        assert_eq!(&original[start..end], "5\u{340}");
    }

    #[test]
    fn composed_text_is_borrowed_as_it_is() {
        let normalized = Normalized::new("più di 3,5 milioni");
        assert!(!normalized.changed());
        assert!(matches!(normalized.text, Cow::Borrowed(_)));
    }

    #[test]
    fn decomposed_accents_compose_and_offsets_map_back() {
        let original = "piu\u{300} di 3,5 milioni"; // "più" written as u + combining grave
        let normalized = Normalized::new(original);
        assert!(normalized.changed());
        assert_eq!(normalized.text, "più di 3,5 milioni");
        let at = normalized.text.find("3,5").unwrap();
        assert_eq!(&original[normalized.original(at)..], "3,5 milioni");
        let end = normalized.text.len();
        assert_eq!(normalized.original(end), original.len());
        assert_eq!(
            normalized.composed(original.find("di").unwrap()),
            normalized.text.find("di").unwrap()
        );
    }
}
