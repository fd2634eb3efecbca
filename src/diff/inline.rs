//! Word-level inline diff of an edited sentence, with `similar::TextDiff::from_words`.
//!
//! The raw word diff alternates words and the spaces between them, so "8.4 billion" →
//! "9.4 million" would come out as two separate edits around an unchanged space. Runs of
//! changes separated only by whitespace are therefore merged into one removal followed by one
//! insertion, which reads the way an editor would mark it: `[-8.4 billion-]{+9.4 million+}`.

use serde::Serialize;
use similar::{Algorithm, ChangeTag, TextDiff};

/// One piece of an inline diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub kind: SegmentKind,
    pub text: String,
}

/// Whether a piece is in both sentences, only the older, or only the newer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    Equal,
    Removed,
    Added,
}

/// The word diff of `old` → `new`.
pub fn word_diff(old: &str, new: &str) -> Vec<Segment> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_words(old, new);
    let tokens: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|change| (change.tag(), change.value()))
        .collect();
    let mut segments: Vec<Segment> = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        let (tag, value) = tokens[index];
        if tag == ChangeTag::Equal {
            push(&mut segments, SegmentKind::Equal, value);
            index += 1;
            continue;
        }
        // A run of changes, swallowing whitespace-only equal tokens between two changes.
        let mut end = index;
        let mut last_change = index;
        while end < tokens.len() {
            let (tag, value) = tokens[end];
            if tag != ChangeTag::Equal {
                last_change = end;
            } else if !value.trim().is_empty() {
                break;
            }
            end += 1;
        }
        let (mut removed, mut added) = (String::new(), String::new());
        for &(tag, value) in &tokens[index..=last_change] {
            match tag {
                ChangeTag::Delete => removed.push_str(value),
                ChangeTag::Insert => added.push_str(value),
                ChangeTag::Equal => {
                    removed.push_str(value);
                    added.push_str(value);
                }
            }
        }
        push(&mut segments, SegmentKind::Removed, &removed);
        push(&mut segments, SegmentKind::Added, &added);
        index = last_change + 1;
    }
    segments
}

fn push(segments: &mut Vec<Segment>, kind: SegmentKind, text: &str) {
    if text.is_empty() {
        return;
    }
    match segments.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => segments.push(Segment {
            kind,
            text: text.to_owned(),
        }),
    }
}

/// The diff as plain text with markers: `[-removed-]` and `{+added+}`.
pub fn marked(segments: &[Segment]) -> String {
    let mut out = String::new();
    for segment in segments {
        match segment.kind {
            SegmentKind::Equal => out.push_str(&segment.text),
            SegmentKind::Removed => {
                out.push_str("[-");
                out.push_str(&segment.text);
                out.push_str("-]");
            }
            SegmentKind::Added => {
                out.push_str("{+");
                out.push_str(&segment.text);
                out.push_str("+}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_figure_is_one_removal_and_one_insertion() {
        let segments = word_diff("worth 8.4 billion yuan.", "worth 9.4 billion yuan.");
        assert_eq!(marked(&segments), "worth [-8.4-]{+9.4+} billion yuan.");
    }

    #[test]
    fn neighbouring_changed_words_merge_across_spaces() {
        let segments = word_diff(
            "local officials said on Tuesday",
            "provincial officials announced on Tuesday",
        );
        assert_eq!(
            marked(&segments),
            "[-local-]{+provincial+} officials [-said-]{+announced+} on Tuesday"
        );
        let merged = word_diff("it rose by two points", "it fell sharply by two points");
        assert_eq!(marked(&merged), "it [-rose-]{+fell sharply+} by two points");
    }

    #[test]
    fn identical_text_has_no_markers() {
        assert_eq!(marked(&word_diff("same words", "same words")), "same words");
    }
}
