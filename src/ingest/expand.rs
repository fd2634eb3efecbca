//! From command-line arguments to the files to read: files, folders walked recursively, globs.
//!
//! A folder is walked as ripgrep walks one (the `ignore` crate): recursively, in name order,
//! skipping hidden files and folders and whatever `.gitignore`, `.ignore` and git's excludes
//! leave out (a `.gitignore` counts even outside a git repository, since article folders are
//! often copies or exports of one). A glob (`'site/**/*.md'`, for when no shell expanded it)
//! walks the same way from its literal prefix. What a walk or a glob finds is taken when its
//! extension names an article format; anything else is *unsupported*: listed, never silently
//! dropped. A file named explicitly is always taken (read as plain text if its extension is
//! unknown, as before folders were walked). Nothing here reads a file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use globset::GlobBuilder;
use ignore::WalkBuilder;
use thiserror::Error;

use super::{Input, ItemError};
use crate::document::Format;
use crate::store::DraftRef;

/// Why an argument named nothing to read, or an input could not be added as it stands.
#[derive(Debug, Error)]
pub enum IngestError {
    /// A path that does not exist (and is not a glob).
    #[error("{}: no such file or directory", path.display())]
    NoSuchPath { path: PathBuf },
    /// A glob that matched no file.
    #[error("{pattern}: no file matches this pattern")]
    NoMatch { pattern: String },
    /// A folder (or glob) whose files are all of formats claimlint does not read.
    #[error(
        "{}: no article files in this folder or below (.txt, .md, .html, .docx …; hidden and ignored files are skipped)",
        path.display()
    )]
    NoArticles { path: PathBuf },
    /// A glob that is not one.
    #[error("{pattern}: not a valid glob: {message}")]
    BadGlob { pattern: String, message: String },
    /// A folder could not be walked (no permission, a loop of links …).
    #[error("{}: cannot walk the folder: {message}", path.display())]
    Walk { path: PathBuf, message: String },
    /// Two files of one run would be stored under one id ("a/index.md", "b/index.md" outside
    /// any project): two stories, not two drafts, until the user says otherwise.
    #[error(
        "{source_name}: would be stored as article `{article_id}`, like {first} earlier in this run; \
         two files of one run are two articles: give them ids (`id:` in the front matter, or \
         --id for a single file), or add them inside a project (a folder with claimlint.toml \
         or .git), where ids are paths; to add a new draft of `{article_id}`, add it on its own"
    )]
    SharedId {
        source_name: String,
        article_id: String,
        first: String,
    },
    /// The article is stored with another title: probably another article under the same id.
    #[error(
        "{source_name}: article `{article_id}` is stored with the title {stored_title:?}, but this file's title is {new_title:?}; \
         if it is another article, give it its own id (--id ID, or `id:` in its front matter); \
         if it is a new draft of the same article, add it with --allow-retitle"
    )]
    Retitled {
        source_name: String,
        article_id: String,
        stored_title: String,
        new_title: String,
    },
}

/// The inputs the arguments name, and the files found that claimlint cannot read.
#[derive(Debug, Default)]
pub struct Expanded {
    /// In argument order; each folder's and glob's files sorted by path.
    pub inputs: Vec<Result<Input, ItemError>>,
    /// Files found in walked folders or matched by globs whose format is not an article's.
    pub unsupported: Vec<PathBuf>,
    seen: HashSet<PathBuf>,
}

impl Expanded {
    /// Expands one argument (`-`, a file, a folder, a glob, or a path that does not exist).
    pub fn push_arg(&mut self, arg: &Path) {
        if arg.as_os_str() == "-" {
            self.inputs.push(Ok(Input::Stdin));
        } else if arg.is_dir() {
            let found = self.walk(arg, None);
            self.finish_search(arg, found);
        } else if std::fs::symlink_metadata(arg).is_ok() {
            // Anything else that exists is read as given: a FIFO or a device fails when read,
            // with the reason, rather than being skipped.
            self.take(arg.to_path_buf());
        } else if is_glob(arg) {
            self.push_glob(arg);
        } else {
            self.error(
                arg,
                IngestError::NoSuchPath {
                    path: arg.to_path_buf(),
                },
            );
        }
    }

    /// An argument that named nothing to read, as an item of the batch.
    pub fn error(&mut self, arg: &Path, error: IngestError) {
        self.inputs.push(Err(ItemError {
            source_name: arg.display().to_string(),
            error: error.into(),
        }));
    }

    fn push_glob(&mut self, arg: &Path) {
        let pattern = arg.to_string_lossy().into_owned();
        let matcher = match GlobBuilder::new(&pattern).literal_separator(true).build() {
            Ok(glob) => glob.compile_matcher(),
            Err(err) => {
                let message = err.kind().to_string();
                return self.error(arg, IngestError::BadGlob { pattern, message });
            }
        };
        let base = literal_prefix(arg);
        let walk_root = if base.as_os_str().is_empty() {
            Path::new(".")
        } else {
            base.as_path()
        };
        if !walk_root.is_dir() {
            return self.error(arg, IngestError::NoMatch { pattern });
        }
        let found = self.walk(
            walk_root,
            Some(&|path: &Path| {
                // Walking `.` yields `./a.md`; the glob was written as `*.md`.
                let path = if base.as_os_str().is_empty() {
                    path.strip_prefix(".").unwrap_or(path)
                } else {
                    path
                };
                matcher.is_match(path)
            }),
        );
        match found {
            Ok(0) => self.error(arg, IngestError::NoMatch { pattern }),
            found => self.finish_search(arg, found),
        }
    }

    /// Reports a walk that failed, or found files but no article among them.
    fn finish_search(&mut self, arg: &Path, found: Result<usize, IngestError>) {
        match found {
            Ok(articles) if articles > 0 => {}
            Ok(_) => self.error(
                arg,
                IngestError::NoArticles {
                    path: arg.to_path_buf(),
                },
            ),
            Err(error) => self.error(arg, error),
        }
    }

    /// Walks `root` in sorted order, taking the files `wanted` accepts (all when `None`):
    /// articles become inputs, other files are listed as unsupported. Returns how many
    /// articles were found (including ones already taken from an earlier argument); an
    /// entry that cannot be read is an item error, and the walk goes on.
    fn walk(
        &mut self,
        root: &Path,
        wanted: Option<&dyn Fn(&Path) -> bool>,
    ) -> Result<usize, IngestError> {
        let mut articles = 0;
        let walker = WalkBuilder::new(root)
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            .build();
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    self.error(
                        root,
                        IngestError::Walk {
                            path: root.to_path_buf(),
                            message: err.to_string(),
                        },
                    );
                    continue;
                }
            };
            let path = entry.path();
            let Some(file_type) = entry.file_type() else {
                continue;
            };
            // A link is followed to see what it names, but never into a folder; a dangling
            // link (an editor's lock file) is nothing to read.
            let is_candidate = if file_type.is_symlink() {
                std::fs::metadata(path).is_ok_and(|target| !target.is_dir())
            } else {
                !file_type.is_dir()
            };
            if !is_candidate || wanted.is_some_and(|wanted| !wanted(path)) {
                continue;
            }
            if Format::from_path(path).is_some() {
                articles += 1;
                self.take(path.to_path_buf());
            } else if self.seen.insert(path.to_path_buf()) {
                self.unsupported.push(path.to_path_buf());
            }
        }
        Ok(articles)
    }

    /// Takes a file once, however many arguments name it.
    fn take(&mut self, path: PathBuf) {
        if self.seen.insert(path.clone()) {
            self.inputs.push(Ok(Input::File(path)));
        }
    }
}

/// Expands the command-line inputs of `add`: `-` is stdin, a folder its article files
/// (recursively, see the module doc), a glob the files it matches, anything else a file.
pub fn expand_inputs(args: &[PathBuf]) -> Expanded {
    let mut expanded = Expanded::default();
    for arg in args {
        expanded.push_arg(arg);
    }
    expanded
}

/// What one `check` argument names: something to read, or a stored draft.
#[derive(Debug)]
pub enum CheckArg {
    Input(Result<Input, ItemError>),
    Stored(DraftRef),
}

/// Expands the arguments of `check`: `-`, an existing file, folder or glob is read as with
/// `add`; a path-looking argument ([`looks_like_path`]) that names no file is a stored
/// article only if `is_stored` knows its id (ids may hold `/`), else "no such file or
/// directory"; any other word is `ARTICLE[@N]`. With `files_only` (`--no-store`) every
/// argument is a path. An `ARTICLE[@N]` that does not parse is the error returned.
pub fn expand_check_args(
    args: &[String],
    files_only: bool,
    is_stored: impl Fn(&str) -> bool,
) -> Result<(Vec<CheckArg>, Vec<PathBuf>), String> {
    let mut expanded = Expanded::default();
    let mut targets = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        let names_file = arg == "-" || std::fs::symlink_metadata(path).is_ok() || is_glob(path);
        let stored = if names_file || files_only {
            None
        } else if looks_like_path(arg) {
            arg.parse::<DraftRef>()
                .ok()
                .filter(|draft| is_stored(&draft.article_id))
        } else {
            let draft = arg.parse::<DraftRef>().map_err(|err| {
                format!("`{arg}` is neither a file nor a stored ARTICLE[@N]: {err}")
            })?;
            Some(draft)
        };
        match stored {
            Some(draft) => targets.push(CheckArg::Stored(draft)),
            None => {
                expanded.push_arg(path);
                targets.extend(expanded.inputs.drain(..).map(CheckArg::Input));
            }
        }
    }
    Ok((targets, expanded.unsupported))
}

/// True for an argument written as a path rather than a stored article id: it holds a
/// folder separator or glob characters, or ends in an article extension. `check` takes a
/// bare word that names no file as `ARTICLE[@N]`, and such an argument as a path.
pub fn looks_like_path(arg: &str) -> bool {
    arg.contains(['/', '\\'])
        || is_glob(Path::new(arg))
        || Format::from_path(Path::new(arg)).is_some()
}

fn is_glob(path: &Path) -> bool {
    path.to_string_lossy().contains(['*', '?', '[', '{'])
}

/// The folders of a glob before its first component with a glob character.
fn literal_prefix(pattern: &Path) -> PathBuf {
    let mut prefix = PathBuf::new();
    for component in pattern.components() {
        if is_glob(Path::new(component.as_os_str())) {
            break;
        }
        prefix.push(component);
    }
    if prefix == pattern {
        // Only possible when the glob character sits in no component; never walk a file.
        return prefix.parent().map(Path::to_path_buf).unwrap_or_default();
    }
    prefix
}
