//! Adding articles: input paths → documents → extraction → one stored draft per input.
//!
//! The inputs are expanded up front into a list of *paths* (a directory contributes its
//! `.txt` and `.md` files, sorted by name, not recursing into subdirectories), but each file is
//! read, extracted and committed one at a time, so memory stays bounded by the largest single
//! article whatever the size of the corpus. Each input is its own transaction: one bad file is
//! an [`ItemError`] for that file, and the caller goes on with the rest.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::document::{Document, InputError, validate_article_id};
use crate::extract::{Options, extract};
use crate::model::{ArticleDate, LangChoice};
use crate::store::{AddedDraft, NewDraft, Store};

/// The name standard input goes by in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// One thing to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    /// How messages name this input: the path as given, or `<stdin>`.
    pub fn name(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Stdin => STDIN_NAME.to_owned(),
        }
    }
}

/// What `add` was asked for beyond the inputs.
#[derive(Debug, Clone, Default)]
pub struct AddOptions {
    /// Article id for a single input; otherwise each file's stem.
    pub article_id: Option<String>,
    pub lang: LangChoice,
    /// Overrides the date header of every input.
    pub date: Option<ArticleDate>,
    pub label: Option<String>,
}

/// One input that could not be added, and why.
#[derive(Debug)]
pub struct ItemError {
    pub source_name: String,
    pub error: crate::Error,
}

impl fmt::Display for ItemError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.error {
            // These already start with the file name.
            crate::Error::Input(err) if !matches!(err, InputError::ArticleId { .. }) => {
                write!(f, "{err}")
            }
            other => write!(f, "{}: {other}", self.source_name),
        }
    }
}

impl std::error::Error for ItemError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.error)
    }
}

/// Expands the command-line inputs: `-` is stdin, a directory gives its `.txt`/`.md` files
/// (sorted, not recursive), anything else is taken as a file (a missing one fails when read).
pub fn expand_inputs(args: &[PathBuf]) -> Vec<Result<Input, ItemError>> {
    let mut inputs = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            inputs.push(Ok(Input::Stdin));
        } else if arg.is_dir() {
            match article_files_in(arg) {
                Ok(files) if files.is_empty() => inputs.push(Err(ItemError {
                    source_name: arg.display().to_string(),
                    error: InputError::Empty {
                        source_name: arg.display().to_string(),
                        what: "the directory holds no .txt or .md files (subdirectories are not searched)",
                    }
                    .into(),
                })),
                Ok(files) => inputs.extend(files.into_iter().map(|file| Ok(Input::File(file)))),
                Err(cause) => inputs.push(Err(ItemError {
                    source_name: arg.display().to_string(),
                    error: InputError::Read {
                        source_name: arg.display().to_string(),
                        cause,
                    }
                    .into(),
                })),
            }
        } else {
            inputs.push(Ok(Input::File(arg.clone())));
        }
    }
    inputs
}

fn article_files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let is_article = path
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| ext.eq_ignore_ascii_case("txt") || ext.eq_ignore_ascii_case("md"));
        if is_article && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Reads, extracts and stores one input as a draft (a no-op if the text is already stored).
pub fn add_input(
    store: &mut Store,
    input: &Input,
    options: &AddOptions,
) -> Result<AddedDraft, ItemError> {
    let item_error = |error: crate::Error| ItemError {
        source_name: input.name(),
        error,
    };
    let document = read_input(input).map_err(|err| item_error(err.into()))?;
    let article_id = article_id_for(input, options).map_err(|err| item_error(err.into()))?;
    let extraction = extract(
        &document.text,
        &Options {
            lang: options.lang,
            date: options.date.or(document.date),
            body_start: document.body_start,
        },
    );
    store
        .add_draft(&NewDraft {
            article_id: &article_id,
            document: &document,
            extraction: &extraction,
            label: options.label.as_deref(),
        })
        .map_err(|err| item_error(err.into()))
}

/// Reads and decodes one input.
pub fn read_input(input: &Input) -> Result<Document, InputError> {
    match input {
        Input::File(path) => Document::read(path),
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .map_err(|cause| InputError::Read {
                    source_name: STDIN_NAME.to_owned(),
                    cause,
                })?;
            Document::from_bytes(&bytes, STDIN_NAME)
        }
    }
}

/// `--id` if given, else the file stem; validated either way.
fn article_id_for(input: &Input, options: &AddOptions) -> Result<String, InputError> {
    let id = match (&options.article_id, input) {
        (Some(id), _) => id.clone(),
        (None, Input::File(path)) => path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default(),
        (None, Input::Stdin) => String::new(),
    };
    validate_article_id(&id)?;
    Ok(id)
}
