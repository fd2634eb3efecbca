//! An article's identity when it is added: which id a file is stored under, and the check
//! that keeps two stories from being merged under one id.
//!
//! The id is `--id`, else the front matter's `id:`, else the canonical URL's host and path, else the file's path in its project (see
//! [`crate::project`]), else its stem. The design choice: a draft whose title differs from the
//! stored article's is refused rather than merged ([`refuse_retitle`]), since a silent merge
//! makes `diff` compare two different stories; `--allow-retitle` says it is a retitled draft.

use std::collections::BTreeMap;

use super::{AddOptions, IngestError, Input};
use crate::document::{Document, InputError, validate_article_id};
use crate::store::Store;

/// An article's id, validated: `--id` if given; else the `id:` of its front matter; else its
/// path relative to the project root without extension (`site/2024/01/index`, see
/// [`crate::project::path_article_id`]); the file stem outside any project.
pub fn article_id_for(
    input: &Input,
    document: &Document,
    options: &AddOptions,
) -> Result<String, InputError> {
    let id = match (&options.article_id, input) {
        (Some(id), _) => id.clone(),
        (None, input) => match (
            document.id.clone().or_else(|| canonical_id(document)),
            input,
        ) {
            (Some(id), _) => id,
            (None, Input::File(path)) => crate::project::path_article_id(path).unwrap_or_default(),
            (None, Input::Stdin) => String::new(),
        },
    };
    validate_article_id(&id)?;
    Ok(id)
}

/// The id a canonical URL gives (`<link rel="canonical">`, front matter `canonical_url:`): its
/// host and path, without scheme, query, fragment, a trailing `/` or a page extension
/// (`https://news.example/2024/01/porto.html?ref=x` → `news.example/2024/01/porto`); `None`
/// when that is no valid id, and the path id is used instead.
fn canonical_id(document: &Document) -> Option<String> {
    let url = document.canonical_url.as_deref()?.trim();
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let rest = rest.split(['?', '#']).next()?.trim_end_matches('/');
    let id = [".html", ".htm", ".php", ".aspx", ".shtml"]
        .iter()
        .find_map(|extension| rest.strip_suffix(extension))
        .unwrap_or(rest);
    validate_article_id(id).is_ok().then(|| id.to_owned())
}

/// Refuses a draft whose title differs from the one its article is stored with (both known):
/// two different stories under one id are far likelier than a retitled draft, and merging
/// them would make `diff` compare unrelated texts. `pending` holds the titles of drafts of
/// the same group not yet written.
pub(super) fn refuse_retitle(
    store: &Store,
    source_name: &str,
    article_id: &str,
    document: &Document,
    pending: Option<&BTreeMap<String, Option<String>>>,
) -> Result<(), crate::Error> {
    let Some(new_title) = document.title.as_deref() else {
        return Ok(());
    };
    let stored_title = match pending.and_then(|pending| pending.get(article_id)) {
        Some(title) => title.clone(),
        None => match store.drafts(article_id) {
            Ok(drafts) => drafts.last().and_then(|draft| draft.title.clone()),
            Err(crate::store::StoreError::ArticleNotFound { .. }) => None,
            Err(err) => return Err(err.located(store.path()).into()),
        },
    };
    match stored_title {
        Some(stored_title) if stored_title.trim() != new_title.trim() => {
            Err(IngestError::Retitled {
                source_name: source_name.to_owned(),
                article_id: article_id.to_owned(),
                stored_title,
                new_title: new_title.to_owned(),
            }
            .into())
        }
        _ => Ok(()),
    }
}
