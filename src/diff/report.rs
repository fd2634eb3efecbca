//! The typed diff report every renderer prints, and [`diff_drafts`], the pure comparison of two
//! [`DraftView`]s that fills it (everything but the findings delta, which needs the rules).
//!
//! The report keeps every claim of both drafts (`claims`, unchanged ones included, as the JSON
//! schema promises) and every sentence that is not the same sentence in the same place
//! (`sentences`: edited, moved, added or removed, with its word diff), so a renderer can show
//! each claim change in its context without going back to the drafts.

use serde::Serialize;

use super::DraftView;
use super::claims::{ChangeKind, ClaimChange, align_claims, claims_by_sentence};
use super::findings::FindingsDelta;
use super::inline::{Segment, SegmentKind, marked, word_diff};
use super::sentences::{SentenceWords, align_sentences};
use super::stale::{StaleFigure, stale_figures};
use super::text::LineIndex;

/// Lines of a draft's sentences as the editor sees them: in the source file of a converted
/// article, else in the text.
enum SourceLines<'a> {
    Text(LineIndex),
    Source(&'a str, &'a crate::document::SourceMap),
}

impl<'a> SourceLines<'a> {
    fn new(draft: &DraftView<'a>) -> Self {
        match draft.source {
            Some(map) => SourceLines::Source(draft.text, map),
            None => SourceLines::Text(LineIndex::new(draft.text)),
        }
    }

    fn line(&self, offset: usize) -> u32 {
        match self {
            SourceLines::Text(lines) => lines.line(offset),
            SourceLines::Source(text, map) => map.position(text, offset).0,
        }
    }
}

/// Everything `claimlint diff` reports about two drafts of one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffReport<'a> {
    pub schema_version: u32,
    pub article: String,
    /// The older and newer draft numbers.
    pub from: u32,
    pub to: u32,
    /// One entry per claim of either draft, in the newer draft's order.
    pub claims: Vec<ClaimChange<'a>>,
    /// Sentences edited, moved, added or removed, with their word diff.
    pub sentences: Vec<SentenceChange>,
    /// Relations where one side changed and the other did not.
    pub stale: Vec<StaleFigure<'a>>,
    /// Findings introduced and resolved; `None` when the rules were not run.
    pub findings: Option<FindingsDelta>,
    pub summary: Summary,
}

/// What happened to one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceChangeKind {
    Edited,
    Moved,
    Added,
    Removed,
}

/// One sentence that is not the same sentence in the same place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceChange {
    pub change: SentenceChangeKind,
    /// Sentence indices and 1-based lines in the older and newer draft.
    pub before_sentence: Option<u32>,
    pub after_sentence: Option<u32>,
    pub before_line: Option<u32>,
    pub after_line: Option<u32>,
    /// The sentence with `[-removed-]` and `{+added+}` markers (plain text when not edited).
    pub diff: String,
    /// The same diff as pieces, for renderers that colour it.
    #[serde(skip)]
    pub segments: Vec<Segment>,
}

/// Counts of everything in the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub unchanged: usize,
    pub changed: usize,
    pub added: usize,
    pub removed: usize,
    pub moved: usize,
    pub sentences_edited: usize,
    pub stale: usize,
    pub findings_introduced: usize,
    pub findings_resolved: usize,
    /// True when no claim was changed, added, removed or moved.
    pub no_claim_changes: bool,
}

impl<'a> DiffReport<'a> {
    /// Attaches the findings delta and counts it in the summary.
    pub fn with_findings(mut self, delta: FindingsDelta) -> Self {
        self.summary.findings_introduced = delta.introduced.len();
        self.summary.findings_resolved = delta.resolved.len();
        self.findings = Some(delta);
        self
    }

    /// The sentence change holding a claim change, if its sentence is not simply unchanged.
    pub fn sentence_of(&self, change: &ClaimChange<'_>) -> Option<&SentenceChange> {
        let before = change.before.map(|claim| claim.sentence);
        let after = change.after.map(|claim| claim.sentence);
        self.sentences.iter().find(|sentence| {
            (after.is_some() && sentence.after_sentence == after)
                || (after.is_none() && before.is_some() && sentence.before_sentence == before)
        })
    }
}

/// Compares two drafts of `article`: claims, sentences and stale figures.
pub fn diff_drafts<'a>(
    article: &str,
    before: DraftView<'a>,
    after: DraftView<'a>,
) -> DiffReport<'a> {
    let sentence_text = |view: &DraftView<'a>, index: usize| -> &'a str {
        let sentence = view.sentences[index];
        view.text
            .get(sentence.start..sentence.end)
            .unwrap_or("")
            .trim()
    };
    let words = |view: &DraftView<'a>| -> Vec<SentenceWords> {
        (0..view.sentences.len())
            .map(|index| SentenceWords::of(sentence_text(view, index)))
            .collect()
    };
    let alignment = align_sentences(&words(&before), &words(&after));
    let before_groups = claims_by_sentence(before.claims, before.sentences.len());
    let after_groups = claims_by_sentence(after.claims, after.sentences.len());
    let claims = align_claims(
        before.claims,
        after.claims,
        &alignment,
        &before_groups,
        &after_groups,
    );

    let before_lines = SourceLines::new(&before);
    let after_lines = SourceLines::new(&after);
    let whole = |kind, text: &str| {
        vec![Segment {
            kind,
            text: text.to_owned(),
        }]
    };
    // Each sentence change is keyed by where it goes in the newer draft; a removed sentence
    // goes right after the newer position of the nearest earlier paired sentence.
    let mut keyed: Vec<(usize, SentenceChange)> = Vec::new();
    let mut anchor = 0;
    for (index, sentence) in before.sentences.iter().enumerate() {
        match alignment.before_pair[index] {
            Some(pair) => anchor = after.sentences[alignment.pairs[pair].after].start,
            None => {
                let text = sentence_text(&before, index);
                keyed.push((
                    anchor,
                    SentenceChange {
                        change: SentenceChangeKind::Removed,
                        before_sentence: Some(sentence.index),
                        after_sentence: None,
                        before_line: Some(before_lines.line(sentence.start)),
                        after_line: None,
                        diff: text.to_owned(),
                        segments: whole(SegmentKind::Removed, text),
                    },
                ));
            }
        }
    }
    for (index, sentence) in after.sentences.iter().enumerate() {
        let text = sentence_text(&after, index);
        let change = match alignment.after_pair[index] {
            None => SentenceChange {
                change: SentenceChangeKind::Added,
                before_sentence: None,
                after_sentence: Some(sentence.index),
                before_line: None,
                after_line: Some(after_lines.line(sentence.start)),
                diff: text.to_owned(),
                segments: whole(SegmentKind::Added, text),
            },
            Some(pair) => {
                let pair = alignment.pairs[pair];
                if !pair.moved && !pair.edited {
                    continue;
                }
                let old = before.sentences[pair.before];
                let segments = if pair.edited {
                    word_diff(sentence_text(&before, pair.before), text)
                } else {
                    whole(SegmentKind::Equal, text)
                };
                SentenceChange {
                    change: if pair.moved {
                        SentenceChangeKind::Moved
                    } else {
                        SentenceChangeKind::Edited
                    },
                    before_sentence: Some(old.index),
                    after_sentence: Some(sentence.index),
                    before_line: Some(before_lines.line(old.start)),
                    after_line: Some(after_lines.line(sentence.start)),
                    diff: marked(&segments),
                    segments,
                }
            }
        };
        keyed.push((sentence.start, change));
    }
    // The sort is stable: removed sentences sharing an anchor keep their order, after the
    // sentence they follow.
    keyed.sort_by_key(|(anchor, change)| (*anchor, change.change == SentenceChangeKind::Removed));
    let sentences: Vec<SentenceChange> = keyed.into_iter().map(|(_, change)| change).collect();

    let stale = stale_figures(after.relations, &claims);
    let summary = summarise(&claims, &sentences, stale.len());
    DiffReport {
        schema_version: super::SCHEMA_VERSION,
        article: article.to_owned(),
        from: before.number,
        to: after.number,
        claims,
        sentences,
        stale,
        findings: None,
        summary,
    }
}

fn summarise(claims: &[ClaimChange<'_>], sentences: &[SentenceChange], stale: usize) -> Summary {
    let count = |kind| claims.iter().filter(|c| c.change == kind).count();
    let summary = Summary {
        unchanged: count(ChangeKind::Unchanged),
        changed: count(ChangeKind::Changed),
        added: count(ChangeKind::Added),
        removed: count(ChangeKind::Removed),
        moved: count(ChangeKind::Moved),
        sentences_edited: sentences
            .iter()
            .filter(|s| s.change == SentenceChangeKind::Edited)
            .count(),
        stale,
        ..Summary::default()
    };
    Summary {
        no_claim_changes: summary.changed + summary.added + summary.removed + summary.moved == 0,
        ..summary
    }
}
