//! Long texts in pieces: where a text of megabytes is cut so that each piece is extracted on
//! its own (see `extract_composed`), and how a piece's relations and sentences are placed in
//! the whole text.
//!
//! A cut falls at a paragraph break (an empty line) when the text has one near the piece size,
//! else at a line break, else after a full stop and a space, else at a space; a text with no
//! space at all (a megabyte of digits) runs on to the next one. Relations are made within a
//! sentence or between neighbouring sentences of a paragraph, so cutting between paragraphs
//! loses none on prose; a cut inside a line (a one-line export) ends a sentence there, and a
//! line with no space at all is cut after a punctuation mark.

use super::Base;
use crate::model::{Relation, Sentence};
use std::ops::Range;

/// The pieces of `text`, in order, each about `size` bytes (at least half of it, unless it
/// is the last), covering the whole text. The first cut comes after `body_start`.
pub(super) fn split(text: &str, body_start: usize, size: usize) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut pieces = Vec::new();
    let mut start = 0;
    while text.len() - start > size {
        let low = (start + size / 2).max(body_start.min(text.len()));
        let high = start + size;
        let cut = if low >= high {
            next_space(bytes, low)
        } else {
            cut_between(bytes, low, high).or_else(|| next_space(bytes, high))
        }
        .unwrap_or(text.len());
        pieces.push(start..cut);
        start = cut;
    }
    if start < text.len() || pieces.is_empty() {
        pieces.push(start..text.len());
    }
    pieces
}

/// The best cut in `bytes[low..high]`: just after the last paragraph break, line break, full
/// stop and space, space, or punctuation (a line of `1,1,1,…` has nothing else), in that
/// order of preference.
fn cut_between(bytes: &[u8], low: usize, high: usize) -> Option<usize> {
    let window = &bytes[low..high];
    let after = |offset: usize| low + offset;
    memchr::memmem::rfind(window, b"\n\n")
        .map(|at| after(at + 2))
        .or_else(|| memchr::memrchr(b'\n', window).map(|at| after(at + 1)))
        .or_else(|| memchr::memmem::rfind(window, b". ").map(|at| after(at + 2)))
        .or_else(|| memchr::memrchr(b' ', window).map(|at| after(at + 1)))
        .or_else(|| {
            window
                .iter()
                .rposition(|b| matches!(b, b',' | b'.' | b';' | b':' | b'%' | b')'))
                .map(|at| after(at + 1))
        })
}

/// Just after the first space or line break at or after `from`.
fn next_space(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr2(b' ', b'\n', &bytes[from..]).map(|at| from + at + 1)
}

/// Places the relations and sentences of a piece (extracted from the text at `base`) in the
/// whole text: their byte offsets move by the piece's offset, and relations name claims and
/// sentences by their numbers in the whole text. The first piece's stay as they are.
pub(super) fn place(relations: &mut [Relation], sentences: &mut [Sentence], base: Base) {
    if base.offset == 0 && base.claims == 0 && base.sentences == 0 {
        return;
    }
    for sentence in sentences {
        sentence.index += base.sentences;
        sentence.start += base.offset;
        sentence.end += base.offset;
    }
    for relation in relations {
        for id in &mut relation.claims {
            let number = id[1..].parse::<usize>().unwrap_or(0);
            *id = super::found::claim_id(base.claims + number);
        }
        if let Some(sentence) = &mut relation.sentence {
            *sentence += base.sentences;
        }
        if let Some(cue) = &mut relation.cue {
            cue.start += base.offset;
            cue.end += base.offset;
        }
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn covers(text: &str, pieces: &[Range<usize>]) {
        assert_eq!(pieces.first().map(|r| r.start), Some(0));
        assert_eq!(pieces.last().map(|r| r.end), Some(text.len()));
        for pair in pieces.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
    }

    #[test]
    fn cuts_prefer_paragraph_breaks() {
        let text = "Uno 1.\nDue 2.\n\nTre 3. Quattro 4.\nCinque 5. Sei 6.";
        let pieces = split(text, 0, 24);
        covers(text, &pieces);
        assert_eq!(&text[pieces[0].clone()], "Uno 1.\nDue 2.\n\n");
    }

    #[test]
    fn a_line_without_breaks_is_cut_after_a_full_stop_then_at_a_space() {
        let text = "aaa 1. bb 2 c 3 d 4 e 5 f 6";
        let pieces = split(text, 0, 10);
        covers(text, &pieces);
        assert_eq!(&text[pieces[0].clone()], "aaa 1. ");
        let spaced = "a1 b2 c3 d4 e5 f6 g7 h8";
        let pieces = split(spaced, 0, 8);
        covers(spaced, &pieces);
        assert!(
            pieces
                .iter()
                .all(|r| spaced[r.clone()].ends_with(' ') || r.end == spaced.len())
        );
    }

    #[test]
    fn a_text_without_spaces_runs_to_the_next_one() {
        let text = format!("{} tail", "9".repeat(50));
        let pieces = split(&text, 0, 10);
        covers(&text, &pieces);
        assert_eq!(pieces.len(), 2);
        assert_eq!(&text[pieces[1].clone()], "tail");
        // No space or punctuation at all: one piece.
        assert_eq!(split(&"9".repeat(50), 0, 10), [0..50]);
        // Punctuation only: cut after a mark.
        let commas = "1,".repeat(20);
        let pieces = split(&commas, 0, 10);
        covers(&commas, &pieces);
        assert!(pieces.len() >= 4 && pieces.iter().all(|r| commas[r.clone()].ends_with(',')));
    }

    #[test]
    fn short_texts_are_one_piece_and_the_header_is_never_cut() {
        assert_eq!(split("", 0, 10), [0..0]);
        assert_eq!(split("abc", 0, 10), [0..3]);
        let text = "date 2024-01 header line\nbody 1\nbody 2\nbody 3";
        let pieces = split(text, 25, 16);
        covers(text, &pieces);
        assert!(pieces[0].end >= 25);
    }
}
