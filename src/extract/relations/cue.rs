//! Finding the lexicon's cue phrases in text: word-bounded, in the ASCII-lower-cased text (the
//! cue phrases are lower-case), and turning a found phrase into a relation's [`Cue`] with its
//! span.

use crate::extract::tokens::context::Context;
use crate::extract::tokens::token::TokenKind;
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
/// When several start at the same place, the longest wins. The text is walked word by word
/// once, and a phrase is compared only where a word starts with its first byte (a substring
/// search per phrase was a fifth of extraction time).
pub fn find_phrase(lower: &str, phrases: &[&str]) -> Option<(usize, usize)> {
    let bytes = lower.as_bytes();
    let is_word_byte = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    let mut at = 0;
    while at < bytes.len() {
        if !is_word_byte(bytes[at]) {
            at += 1;
            continue;
        }
        let start = at;
        let first = bytes[start];
        let mut best: Option<usize> = None;
        for phrase in phrases {
            let candidate = phrase.as_bytes();
            if candidate.first() != Some(&first) || !bytes[start..].starts_with(candidate) {
                continue;
            }
            let end = start + candidate.len();
            if boundary(lower, start, end) && best.is_none_or(|e| end > e) {
                best = Some(end);
            }
        }
        if let Some(end) = best {
            return Some((start, end));
        }
        while at < bytes.len() && is_word_byte(bytes[at]) {
            at += 1;
        }
    }
    None
}

/// A list of cue phrases as the lexicon writes it: plain phrases, or phrases paired with a
/// value (a multiplier word and its factor).
pub trait PhraseList {
    /// The list's identity: where it lives and how long it is (lexicon lists are statics).
    fn key(&'static self) -> (usize, usize);
    /// The phrases, in the list's order.
    fn phrases(&'static self) -> Vec<&'static str>;
}

impl PhraseList for [&'static str] {
    fn key(&'static self) -> (usize, usize) {
        (self.as_ptr() as usize, self.len())
    }
    fn phrases(&'static self) -> Vec<&'static str> {
        self.to_vec()
    }
}

impl<T: 'static> PhraseList for [(&'static str, T)] {
    fn key(&'static self) -> (usize, usize) {
        (self.as_ptr() as usize, self.len())
    }
    fn phrases(&'static self) -> Vec<&'static str> {
        self.iter().map(|(phrase, _)| *phrase).collect()
    }
}

/// A phrase list arranged by first byte: the phrases starting with byte `b` are
/// `phrases[start[b]..start[b + 1]]`, so a word is only compared with the few phrases that
/// could start there (comparing it with every phrase of the list was a tenth of extraction
/// time on figure-dense text).
struct Table {
    phrases: Vec<&'static [u8]>,
    start: [u16; 257],
}

impl Table {
    fn new(mut phrases: Vec<&'static str>) -> Table {
        phrases.retain(|p| !p.is_empty());
        phrases.sort_by_key(|p| p.as_bytes()[0]);
        let mut start = [0u16; 257];
        for phrase in &phrases {
            start[usize::from(phrase.as_bytes()[0]) + 1] += 1;
        }
        for b in 1..257 {
            start[b] += start[b - 1];
        }
        Table {
            phrases: phrases.into_iter().map(str::as_bytes).collect(),
            start,
        }
    }

    fn starting_with(&self, byte: u8) -> &[&'static [u8]] {
        let b = usize::from(byte);
        &self.phrases[usize::from(self.start[b])..usize::from(self.start[b + 1])]
    }
}

thread_local! {
    /// Each list's table, made the first time the list is looked for on this thread. Lists
    /// are the lexicons' statics, so there are a few dozen, made once each.
    static TABLES: std::cell::RefCell<Vec<((usize, usize), &'static Table)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn table_of<L: PhraseList + ?Sized>(list: &'static L) -> &'static Table {
    let key = list.key();
    TABLES.with(|tables| {
        if let Some((_, table)) = tables.borrow().iter().find(|(k, _)| *k == key) {
            return *table;
        }
        let table: &'static Table = Box::leak(Box::new(Table::new(list.phrases())));
        tables.borrow_mut().push((key, table));
        table
    })
}

/// [`find_phrase`] over `from..to` of a text already split into words: a phrase is only
/// tried where a word token starts, so the bytes between words are never looked at, and
/// only the phrases that start with the word's first byte are compared.
pub fn find_phrase_in<L: PhraseList + ?Sized>(
    context: &Context,
    from: usize,
    to: usize,
    phrases: &'static L,
) -> Option<(usize, usize)> {
    let lower = context.ascii_lower.get(..to)?;
    let table = table_of(phrases);
    let first = context.tokens.partition_point(|t| t.start < from);
    for token in &context.tokens[first..] {
        if token.start >= to {
            break;
        }
        let rest = &lower.as_bytes()[token.start..];
        let Some(&byte) = rest.first() else {
            continue;
        };
        let candidates = table.starting_with(byte);
        if candidates.is_empty() || !matches!(token.kind, TokenKind::Word { .. }) {
            continue;
        }
        let mut best: Option<usize> = None;
        for candidate in candidates {
            // The second byte first: most candidates differ there, sparing a `memcmp` call.
            if candidate.get(1) != rest.get(1).filter(|_| candidate.len() > 1)
                || !rest.starts_with(candidate)
            {
                continue;
            }
            let end = token.start + candidate.len();
            if boundary(lower, token.start, end) && best.is_none_or(|e| end > e) {
                best = Some(end);
            }
        }
        if let Some(end) = best {
            return Some((token.start, end));
        }
    }
    None
}

/// Whether `gap` ends with one of `phrases`, whole words: the phrase's start, relative to `gap`.
pub fn ends_with_phrase(gap: &str, phrases: &[&str]) -> Option<usize> {
    let trimmed = gap.trim_end();
    let last = *trimmed.as_bytes().last()?;
    phrases
        .iter()
        // The last byte first: most phrases differ there, and it spares a `memcmp` call.
        .filter(|phrase| phrase.as_bytes().last() == Some(&last) && trimmed.ends_with(*phrase))
        .map(|phrase| trimmed.len() - phrase.len())
        .filter(|&at| {
            trimmed[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        })
        .min()
}

/// Which level of a change the words `gap` before a figure announce: `Some(true)` for a from
/// level ("dal", "from", "desde el", "compared with", "frente a los"), `Some(false)` for a to
/// level ("al", "to", "hasta los"). One article of the language may stand between the word and
/// the figure; when a from and a to phrase both end the gap ("compared to"), the longer wins.
pub fn level_side(gap: &str, from: &[&str], to: &[&str], articles: &[&str]) -> Option<bool> {
    let mut gap = gap.trim_end();
    if let Some(at) = ends_with_phrase(gap, articles) {
        if at > 0 {
            gap = &gap[..at];
        }
    }
    match (ends_with_phrase(gap, from), ends_with_phrase(gap, to)) {
        (Some(f), Some(t)) => Some(f <= t),
        (Some(_), None) => Some(true),
        (None, Some(_)) => Some(false),
        (None, None) => None,
    }
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
