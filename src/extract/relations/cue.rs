//! Finding the lexicon's cue phrases in text: word-bounded, in the ASCII-lower-cased text (the
//! cue phrases are lower-case), and turning a found phrase into a relation's [`Cue`] with its
//! span.

use crate::model::Cue;

/// Whether the byte at `at` of `text` (or the text's edge) ends or starts a word there.
fn boundary(text: &str, before: usize, after: usize) -> bool {
    let left = text[..before]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    let right = text[after..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    left && right
}

/// The first word-bounded occurrence of any of `phrases` in `lower`: `(start, end)` in bytes.
/// When several start at the same place, the longest wins.
pub fn find_phrase(lower: &str, phrases: &[&str]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for phrase in phrases.iter().filter(|p| !p.is_empty()) {
        let mut from = 0;
        while let Some(at) = lower[from..].find(phrase) {
            let start = from + at;
            let end = start + phrase.len();
            if boundary(lower, start, end) {
                let better = best.is_none_or(|(s, e)| start < s || (start == s && end > e));
                if better {
                    best = Some((start, end));
                }
                break;
            }
            from = start + phrase.chars().next().map_or(1, char::len_utf8);
        }
    }
    best
}

/// The cue written at `start..end` of `text`.
pub fn cue_at(text: &str, start: usize, end: usize, id: &str) -> Cue {
    Cue {
        id: id.to_owned(),
        text: text[start..end].to_owned(),
        start,
        end,
    }
}

/// The cue `written`, a slice of `text`, with its span.
pub fn cue_in(text: &str, written: &str, id: &str) -> Cue {
    let start = (written.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    cue_at(text, start, start + written.len(), id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_found_whole_words_only() {
        let text = "12 miliardi, di cui 7 per la sanità";
        assert_eq!(find_phrase(text, &["di cui"]), Some((13, 19)));
        assert_eq!(find_phrase("i dicui nostri", &["di cui"]), None);
        assert_eq!(find_phrase("ladies of which", &["of which"]), Some((7, 15)));
        // The earliest wins, then the longest.
        assert_eq!(
            find_phrase("tra cui, di cui", &["di cui", "tra cui"]),
            Some((0, 7))
        );
        assert_eq!(find_phrase("", &["x"]), None);
    }

    #[test]
    fn cues_carry_their_span() {
        let text = "up 5%";
        let cue = cue_in(text, &text[0..2], "rise");
        assert_eq!((cue.start, cue.end, cue.text.as_str()), (0, 2, "up"));
    }
}
