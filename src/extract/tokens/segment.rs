//! Sentences, and line/column positions of byte offsets.
//!
//! Sentences tile the body without gaps: each runs from the first byte after the previous one
//! to its terminator plus the whitespace after it, so every body byte belongs to exactly one
//! sentence. A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets)
//! followed by whitespace and then an upper-case letter, a digit, an opening quote or the end;
//! not after a one-letter word or an abbreviation of the language ("U.S.", "Mr.", "dott."). A blank line
//! also ends a sentence (headings, paragraphs).

use crate::model::Sentence;

/// Splits `text[body_start..]` into sentences (offsets into `text`); `abbreviations` are the
/// language's (see [`Lexicon::abbreviations`](crate::extract::lang::Lexicon::abbreviations)).
pub fn sentences(text: &str, body_start: usize, abbreviations: &[&str]) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut sentences = Vec::new();
    let mut start = body_start;
    let mut pos = body_start;
    let push = |start: usize, end: usize, sentences: &mut Vec<Sentence>| {
        sentences.push(Sentence {
            index: sentences.len() as u32,
            start,
            end,
        });
    };
    let mut candidates = Candidates::default();
    while pos < bytes.len() {
        pos = candidates.next(bytes, pos);
        let Some(&byte) = bytes.get(pos) else {
            break;
        };
        let terminator_len = match byte {
            b'.' | b'!' | b'?' => 1,
            0xE2 if bytes.get(pos + 1) == Some(&0x80) && bytes.get(pos + 2) == Some(&0xA6) => 3,
            b'\n' => {
                // A blank line ends the sentence.
                let mut next = pos + 1;
                while next < bytes.len() && matches!(bytes[next], b' ' | b'\t' | b'\r') {
                    next += 1;
                }
                if next < bytes.len() && bytes[next] == b'\n' {
                    let end = skip_space(bytes, next);
                    if end < bytes.len() && has_content(&bytes[start..pos]) {
                        push(start, end, &mut sentences);
                        start = end;
                    }
                    pos = end;
                    continue;
                }
                pos += 1;
                continue;
            }
            _ => {
                pos += 1;
                continue;
            }
        };
        let mut after = pos + terminator_len;
        while after < bytes.len() && matches!(bytes[after], b'"' | b'\'' | b')' | b']' | b'.') {
            after += 1;
        }
        // Closing typographic quotes ” ’ » (UTF-8).
        while let Some(len) = closing_quote(bytes, after) {
            after += len;
        }
        let space_end = skip_space(bytes, after);
        // A blank line after the stop ends the sentence whatever follows: it ends a paragraph.
        let paragraph_break = memchr::memchr_iter(b'\n', &bytes[after..space_end]).count() >= 2;
        let boundary = space_end > after
            && (paragraph_break
                || (space_end == bytes.len() || starts_sentence(text, space_end))
                    && !(byte == b'.' && abbreviation_before(abbreviations, bytes, start, pos)));
        if boundary && space_end < bytes.len() {
            push(start, space_end, &mut sentences);
            start = space_end;
        }
        pos = space_end.max(pos + terminator_len);
    }
    if start < bytes.len() || sentences.is_empty() && body_start < bytes.len() {
        push(start, bytes.len(), &mut sentences);
    }
    sentences
}

/// The next byte that can end a sentence: `.`, `!`, `?`, a line break or the first byte of
/// `…`. Prose is mostly other bytes, so the search jumps with `memchr` instead of looking at
/// every byte; each stream keeps its next hit until the scan passes it, so every byte is
/// searched once.
#[derive(Default)]
struct Candidates {
    /// Next `.`/`!`/`?` at or after the last search, or `None` before the first one.
    terminator: Option<usize>,
    /// Next `\n` or 0xE2 at or after the last search.
    other: Option<usize>,
}

impl Candidates {
    fn next(&mut self, bytes: &[u8], pos: usize) -> usize {
        let refresh = |cached: Option<usize>, search: &dyn Fn(&[u8]) -> Option<usize>| match cached
        {
            Some(at) if at >= pos => at,
            _ => search(&bytes[pos..]).map_or(bytes.len(), |at| pos + at),
        };
        let terminator = refresh(self.terminator, &|rest| {
            memchr::memchr3(b'.', b'!', b'?', rest)
        });
        let other = refresh(self.other, &|rest| memchr::memchr2(b'\n', 0xE2, rest));
        self.terminator = Some(terminator);
        self.other = Some(other);
        terminator.min(other)
    }
}

fn has_content(bytes: &[u8]) -> bool {
    bytes.iter().any(|b| !b.is_ascii_whitespace())
}

fn skip_space(bytes: &[u8], mut pos: usize) -> usize {
    while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
        pos += 1;
    }
    pos
}

fn closing_quote(bytes: &[u8], pos: usize) -> Option<usize> {
    let rest = bytes.get(pos..pos + 3)?;
    match rest {
        [0xE2, 0x80, 0x9D] | [0xE2, 0x80, 0x99] => Some(3),
        _ => (bytes.get(pos..pos + 2)? == [0xC2, 0xBB]).then_some(2),
    }
}

fn starts_sentence(text: &str, pos: usize) -> bool {
    match text[pos..].chars().next() {
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '\'' | '“' | '«' | '(' | '-' | '—' | '–')
        }
        None => true,
    }
}

/// Whether the word ending right before the `.` at `dot` is an abbreviation.
fn abbreviation_before(abbreviations: &[&str], bytes: &[u8], floor: usize, dot: usize) -> bool {
    let mut word_start = dot;
    while word_start > floor && bytes[word_start - 1].is_ascii_alphabetic() {
        word_start -= 1;
    }
    let word = &bytes[word_start..dot];
    if word.len() == 1 {
        return true;
    }
    let mut lower = [0u8; 8];
    if word.len() > lower.len() {
        return false;
    }
    lower[..word.len()].copy_from_slice(word);
    lower[..word.len()].make_ascii_lowercase();
    let lower = &lower[..word.len()];
    abbreviations
        .iter()
        .any(|abbreviation| abbreviation.as_bytes() == lower)
}

/// Line and column (1-based, column in characters) for sorted byte offsets, in one pass.
pub struct Positions<'t> {
    text: &'t str,
    offset: usize,
    line: u32,
    column: u32,
}

impl<'t> Positions<'t> {
    pub fn new(text: &'t str) -> Self {
        Positions {
            text,
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    /// Position of `target`; targets must not decrease between calls.
    pub fn at(&mut self, target: usize) -> (u32, u32) {
        let bytes = self.text.as_bytes();
        let target = target.min(bytes.len());
        if target < self.offset {
            *self = Positions::new(self.text);
        }
        let span = &bytes[self.offset..target];
        let chars = |slice: &[u8]| (slice.len() - continuation_bytes(slice)) as u32;
        match memchr::memrchr(b'\n', span) {
            Some(last_newline) => {
                self.line += memchr::memchr_iter(b'\n', span).count() as u32;
                self.column = 1 + chars(&span[last_newline + 1..]);
            }
            None => self.column += chars(span),
        }
        self.offset = target;
        (self.line, self.column)
    }
}

/// How many bytes of `bytes` continue a multi-byte character (`10xxxxxx`): the characters of
/// a slice are its bytes minus these. Counted eight bytes at a time, as columns are counted
/// over nearly the whole text.
fn continuation_bytes(bytes: &[u8]) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut count = 0;
    for chunk in chunks.by_ref() {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // Bit 7 set and bit 6 clear, moved onto bit 7 of each byte.
        count += (word & !(word << 1) & HIGH_BITS).count_ones() as usize;
    }
    count
        + chunks
            .remainder()
            .iter()
            .filter(|&&byte| byte & 0xC0 == 0x80)
            .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuation_bytes_are_counted_in_any_chunk() {
        let text = "a città è più “lontana” — 2 300 km, 中文 ok";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let slice = &text.as_bytes()[start..end];
                let expected = slice.iter().filter(|&&b| b & 0xC0 == 0x80).count();
                assert_eq!(continuation_bytes(slice), expected, "{start}..{end}");
            }
        }
    }

    use crate::extract::lang::lexicon;
    use crate::model::Lang;

    fn texts_in(lang: Lang, text: &str) -> Vec<&str> {
        sentences(text, 0, lexicon(lang).abbreviations)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        sentences(text, 0, lexicon(Lang::En).abbreviations)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_on_terminators_not_on_decimals() {
        assert_eq!(
            texts("Trade rose 13.6 percent. It was a record! Next?"),
            ["Trade rose 13.6 percent. ", "It was a record! ", "Next?"]
        );
    }

    #[test]
    fn abbreviations_and_lowercase_do_not_split() {
        assert_eq!(
            texts("The U.S. economy grew. Mr. Smith said so."),
            ["The U.S. economy grew. ", "Mr. Smith said so."]
        );
        assert_eq!(texts("ecc. e poi"), ["ecc. e poi"]);
    }

    #[test]
    fn each_language_keeps_its_own_abbreviations() {
        assert_eq!(
            texts_in(Lang::It, "Lo ha detto il dott. Rossi. Poi 5 voti."),
            ["Lo ha detto il dott. Rossi. ", "Poi 5 voti."]
        );
        assert_eq!(
            texts_in(Lang::Es, "Lo firmó la Sra. Gómez. Luego votó."),
            ["Lo firmó la Sra. Gómez. ", "Luego votó."]
        );
        // "Sra." is no English abbreviation: the sentence ends there.
        assert_eq!(
            texts_in(Lang::En, "It was signed by Sra. Gómez."),
            ["It was signed by Sra. ", "Gómez."]
        );
    }

    #[test]
    fn blank_lines_split_headings() {
        assert_eq!(
            texts("Gli affari\n\nA Shenyang si firma."),
            ["Gli affari\n\n", "A Shenyang si firma."]
        );
        // After a stop too, whatever the next paragraph starts with.
        assert_eq!(
            texts("Si firma a Shenyang.\n\ndate 2024-01 e poi"),
            ["Si firma a Shenyang.\n\n", "date 2024-01 e poi"]
        );
        assert_eq!(
            texts("Lo disse il sig.\n\nrossi"),
            ["Lo disse il sig.\n\n", "rossi"]
        );
    }

    #[test]
    fn sentences_tile_the_body() {
        let text = "header. First one. Second one.\n\nThird";
        let list = sentences(text, 8, lexicon(Lang::En).abbreviations);
        assert_eq!(list[0].start, 8);
        assert_eq!(list.last().unwrap().end, text.len());
        for pair in list.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
    }

    #[test]
    fn positions_count_characters() {
        let text = "città\nè 5";
        let mut positions = Positions::new(text);
        assert_eq!(positions.at(0), (1, 1));
        assert_eq!(positions.at(text.find('\n').unwrap()), (1, 6));
        assert_eq!(positions.at(text.find('5').unwrap()), (2, 3));
    }
}
