//! Comparing two drafts of one article: which figures changed, which figures derived from them
//! were left behind, and which findings the newer draft introduced or resolved.
//!
//! The comparison works in layers. [`sentences`] aligns the sentences of the two drafts (a
//! Patience diff over normalised sentence keys, then similarity passes that pair reworded and
//! moved sentences); [`claims`] aligns the claims inside each pair of sentences by identity,
//! then by kind and unit in order, and classifies each claim as unchanged, changed, added,
//! removed or moved; [`inline`] gives the word-level diff of every edited sentence; [`stale`]
//! finds relations (a conversion, a growth rate) where one side changed and the other did not;
//! [`findings`] matches rule findings across drafts through the claim alignment, never through
//! claim ids or line numbers, so a reflowed paragraph does not resurface old findings.
//! [`report`] assembles all of it into the typed [`DiffReport`] the renderers print, and
//! [`target`] reads the command-line forms (`ARTICLE`, `ARTICLE@N ARTICLE@M`, `FILE FILE`).
//!
//! Everything here except [`findings::gather_findings`] and [`target::load_pair`] is pure: it
//! works on [`DraftView`]s, so benchmarks and tests can diff extractions without a database.

use thiserror::Error;

use crate::model::{Claim, Relation, Sentence};
use crate::store::StoredDraft;

pub mod claims;
pub mod findings;
pub mod inline;
pub mod report;
pub mod sentences;
pub mod stale;
pub mod target;
mod text;

pub use claims::{ChangeKind, ClaimChange};
pub use findings::{DeltaFinding, FindingsDelta};
pub use inline::{Segment, SegmentKind};
pub use report::{DiffReport, SentenceChange, SentenceChangeKind, Summary, diff_drafts};
pub use stale::StaleFigure;
pub use target::{DiffTargets, load_pair};

/// The version of the JSON diff layout; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// What the differ needs of one draft: its text and what extraction found in it.
#[derive(Debug, Clone, Copy)]
pub struct DraftView<'a> {
    /// The draft number (0 for a draft that is not stored).
    pub number: u32,
    pub text: &'a str,
    pub claims: &'a [Claim],
    pub relations: &'a [Relation],
    pub sentences: &'a [Sentence],
    /// Where `text` stands in the source file of a converted article (sentence lines are
    /// reported there); `None` for plain text.
    pub source: Option<&'a crate::document::SourceMap>,
}

impl<'a> From<&'a StoredDraft> for DraftView<'a> {
    fn from(draft: &'a StoredDraft) -> Self {
        DraftView {
            number: draft.summary.number,
            text: &draft.text,
            claims: &draft.claims,
            relations: &draft.relations,
            sentences: &draft.sentences,
            source: draft.source.as_ref(),
        }
    }
}

/// Why a diff could not be made.
#[derive(Debug, Error)]
pub enum DiffError {
    /// `diff ARTICLE` needs two drafts to compare.
    #[error(
        "article `{article_id}` has only one draft; add another with `claimlint add`, or compare two files with `claimlint diff FILE_A FILE_B`"
    )]
    OnlyOneDraft { article_id: String },
    /// `diff A@N B@M` named drafts of two different articles.
    #[error(
        "`{first}` and `{second}` are drafts of different articles; `diff` compares two drafts of one article"
    )]
    DifferentArticles { first: String, second: String },
    /// The arguments are neither `ARTICLE`, `ARTICLE@N ARTICLE@M` nor `FILE_A FILE_B`.
    #[error("{0}")]
    Usage(String),
    /// One of the files could not be added.
    #[error(transparent)]
    Add(#[from] crate::ingest::ItemError),
    /// The second file could not be read to name the article.
    #[error(transparent)]
    Input(#[from] crate::document::InputError),
    /// The store failed or a draft does not exist.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}
