//! What `claimlint diff` compares: the command-line forms and loading the two drafts.
//!
//! - `ARTICLE`: its last two drafts; `ARTICLE@N`: draft N−1 against draft N;
//! - `ARTICLE@N ARTICLE@M` (either may omit `@N` for the latest): two stored drafts;
//! - `FILE_A FILE_B`: both files added as drafts of one article (`--id`, default FILE_B's
//!   stem), A first, then compared. Adding a text already stored is a no-op, so two identical
//!   files compare a draft with itself: no claim changes.
//!
//! An argument that names an existing file is a file; anything else must be `ARTICLE[@N]`.

use std::path::{Path, PathBuf};

use super::DiffError;
use crate::ingest::{AddOptions, Input, add_input, names_input_file};
use crate::store::{DraftRef, DraftSelector, Store, StoredDraft};

/// The two drafts to compare, as named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffTargets {
    /// One stored article: its last two drafts, or the draft before N and N.
    Article(DraftRef),
    /// Two stored drafts of one article.
    Stored(DraftRef, DraftRef),
    /// Two files, to add as drafts of one article.
    Files(PathBuf, PathBuf),
}

impl DiffTargets {
    /// Reads the positional arguments.
    pub fn parse(args: &[String]) -> Result<DiffTargets, DiffError> {
        let usage = |message: String| DiffError::Usage(message);
        let draft_ref = |arg: &str| {
            arg.parse::<DraftRef>().map_err(|err| {
                usage(format!(
                    "`{arg}` is neither a file nor a stored ARTICLE[@N]: {err}"
                ))
            })
        };
        match args {
            [one] if names_input_file(Path::new(one)) => Err(usage(format!(
                "`{one}` is a file: give two files to compare (`claimlint diff OLD.txt NEW.txt`), or a stored ARTICLE"
            ))),
            [one] => Ok(DiffTargets::Article(draft_ref(one)?)),
            [first, second] => match (
                names_input_file(Path::new(first)),
                names_input_file(Path::new(second)),
            ) {
                (true, true) => Ok(DiffTargets::Files(first.into(), second.into())),
                (false, false) => Ok(DiffTargets::Stored(draft_ref(first)?, draft_ref(second)?)),
                (true, false) | (false, true) => {
                    let (file, other) = if names_input_file(Path::new(first)) {
                        (first, second)
                    } else {
                        (second, first)
                    };
                    Err(usage(format!(
                        "`{file}` is a file but `{other}` is not: compare two files, or two stored drafts (ARTICLE@N ARTICLE@M)"
                    )))
                }
            },
            _ => Err(usage(format!(
                "diff takes ARTICLE, ARTICLE@N ARTICLE@M or FILE_A FILE_B; {} arguments were given",
                args.len()
            ))),
        }
    }

    /// True when the drafts come from files (the only form `--id` applies to).
    pub fn is_files(&self) -> bool {
        matches!(self, DiffTargets::Files(..))
    }
}

/// Loads (adding the files first, for the file form) the older and newer draft.
pub fn load_pair(
    store: &mut Store,
    targets: &DiffTargets,
    add: &AddOptions,
) -> Result<(StoredDraft, StoredDraft), DiffError> {
    match targets {
        DiffTargets::Article(draft_ref) => {
            let newer = store.load_draft(&draft_ref.article_id, draft_ref.draft)?;
            let number = newer.summary.number;
            if number < 2 {
                return Err(DiffError::OnlyOneDraft {
                    article_id: draft_ref.article_id.clone(),
                });
            }
            let older =
                store.load_draft(&draft_ref.article_id, DraftSelector::Number(number - 1))?;
            Ok((older, newer))
        }
        DiffTargets::Stored(first, second) => {
            if first.article_id != second.article_id {
                return Err(DiffError::DifferentArticles {
                    first: first.article_id.clone(),
                    second: second.article_id.clone(),
                });
            }
            Ok((
                store.load_draft(&first.article_id, first.draft)?,
                store.load_draft(&second.article_id, second.draft)?,
            ))
        }
        DiffTargets::Files(first, second) => {
            // Both files are drafts of the article the second one names, as `add` would name
            // it (front-matter id, canonical URL, path in the project, stem).
            let article_id = match &add.article_id {
                Some(id) => id.clone(),
                None => {
                    let input = Input::File(second.clone());
                    let format = add
                        .input_format
                        .or_else(|| crate::document::Format::from_path(second));
                    let document = crate::document::Document::read_input_as(
                        &input,
                        add.max_input_size,
                        format,
                    )?;
                    crate::ingest::article_id_for(&input, &document, add)?
                }
            };
            let options = AddOptions {
                article_id: Some(article_id),
                ..add.clone()
            };
            let older = add_input(store, &Input::File(first.clone()), &options)?;
            let newer = add_input(store, &Input::File(second.clone()), &options)?;
            Ok((
                store.load_draft(&older.article, DraftSelector::Number(older.draft))?,
                store.load_draft(&newer.article, DraftSelector::Number(newer.draft))?,
            ))
        }
    }
}
