//! Adding articles: input paths → documents → extraction → one stored draft per input.
//!
//! The inputs are expanded up front into a list of *paths* (`ingest/expand.rs`: a folder
//! contributes its article files, recursively, as ripgrep walks it; a glob the files it
//! matches; other files found are listed as unsupported). Each file is then
//! read (into one reused buffer; only regular files and stdin, at most `--max-input-size`
//! bytes, see `ingest/read.rs`) and extracted outside any transaction, and the prepared
//! drafts are written in groups ([`GroupedAdd`]): one transaction per group; if any draft of a
//! group fails, the group is rolled back and replayed one transaction per draft. A draft is
//! all-or-nothing, one bad file is an [`ItemError`] for that file alone, and
//! the caller goes on with the rest. Memory stays bounded by the group limits (and the largest
//! single article), whatever the size of the corpus.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::document::{Document, Format, InputError};
use crate::extract::{Options, extract};
use crate::model::{ArticleDate, Country, Extraction, LangChoice};
use crate::store::{AddedDraft, BackgroundCheckpointer, NewDraft, PackedDraft, Store};

// Reading an input safely lives with the document it becomes (`document::read`); these are
// re-exported here, where `add` and `check` name them.
use crate::document::read_bytes_into;
pub use crate::document::{Input, MaxInputSize, STDIN_NAME};

mod expand;
mod identity;
pub use expand::{
    CheckArg, Expanded, IngestError, expand_check_args, expand_inputs, looks_like_path,
};
pub use identity::article_id_for;
use identity::refuse_retitle;

/// What `add` was asked for beyond the inputs.
#[derive(Debug, Clone, Default)]
pub struct AddOptions {
    /// Article id for a single input; otherwise each file's own (see [`article_id_for`]).
    pub article_id: Option<String>,
    /// Store a draft even when its title differs from the article's stored one.
    pub allow_retitle: bool,
    /// The run's configuration: its `[[overrides]]` give a file's default language, date and
    /// country by its path.
    pub config: Option<Arc<Config>>,
    pub lang: LangChoice,
    /// Overrides the date header of every input.
    pub date: Option<ArticleDate>,
    /// Overrides the `country:` header of every input (it decides a bare `$`).
    pub country: Option<Country>,
    pub label: Option<String>,
    /// Inputs larger than this are refused before they are read.
    pub max_input_size: MaxInputSize,
    /// `--input-format`: how every input is read; `None`: by its extension (plain text for
    /// stdin and unknown extensions).
    pub input_format: Option<Format>,
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
            crate::Error::Ingest(err) => write!(f, "{err}"),
            other => write!(f, "{}: {other}", self.source_name),
        }
    }
}

impl std::error::Error for ItemError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.error)
    }
}

/// True for a path that names something to read as an input: anything but a directory,
/// links followed (a FIFO or device counts, so that reading it reports why it is refused
/// rather than the path being mistaken for an article id).
pub fn names_input_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|meta| !meta.is_dir())
}

/// When a group of prepared inputs is written: as soon as any limit is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupLimits {
    /// Inputs per group.
    pub max_items: usize,
    /// Bytes of article text held in memory, waiting for the group's commit.
    pub max_text_bytes: usize,
    /// Time since the group's first input was read; bounds how late an added line is printed.
    pub max_wait: Duration,
}

impl Default for GroupLimits {
    /// 256 inputs, 4 MB of text or 200 ms: large enough that the commit cost is shared
    /// (one lock, one commit, each index page written once per group instead of once per
    /// draft), small enough that memory stays flat and the write lock is held briefly.
    fn default() -> GroupLimits {
        GroupLimits {
            max_items: 256,
            max_text_bytes: 4_000_000,
            max_wait: Duration::from_millis(200),
        }
    }
}

/// An input that is now stored (or already was): its name and the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    pub source_name: String,
    pub draft: AddedDraft,
}

/// What became of one input.
pub type ItemOutcome = Result<Added, ItemError>;

/// An input read and extracted, waiting for its group to be written.
struct Prepared {
    source_name: String,
    article_id: String,
    document: Document,
    extraction: Extraction,
    /// Packed on the reading thread, so the writer only inserts.
    packed: PackedDraft,
}

/// Adds inputs in groups: each input is read and extracted outside any transaction, then a
/// group is written in one transaction ([`Store::add_drafts`]); a group with a failing draft is
/// rolled back and replayed one transaction per draft, so the failure stays with its file.
///
/// A draft is all-or-nothing; a crash loses at most the group not yet committed, never half a
/// draft; and outcomes are handed back only once their group is committed, so whatever is
/// reported as added really is stored. Outcomes come back in input order.
pub struct GroupedAdd<'a> {
    store: &'a mut Store,
    options: &'a AddOptions,
    limits: GroupLimits,
    pending: Vec<Result<Prepared, ItemError>>,
    pending_text_bytes: usize,
    group_started: Option<Instant>,
    read_buffer: Vec<u8>,
    /// Started when the first group fills, i.e. only for adds of more than one group.
    checkpointer: Option<BackgroundCheckpointer>,
    /// The file each article id of this run came from, so two files never share one.
    ids_seen: std::collections::HashMap<String, String>,
}

impl<'a> GroupedAdd<'a> {
    pub fn new(store: &'a mut Store, options: &'a AddOptions, limits: GroupLimits) -> Self {
        GroupedAdd {
            store,
            options,
            limits,
            pending: Vec::new(),
            pending_text_bytes: 0,
            group_started: None,
            read_buffer: Vec::new(),
            checkpointer: None,
            ids_seen: std::collections::HashMap::new(),
        }
    }

    /// Reads and extracts one input; returns the outcomes of a group if this input completed
    /// one (it was then written and committed), else nothing yet.
    pub fn push(&mut self, input: Result<Input, ItemError>) -> Vec<ItemOutcome> {
        self.group_started.get_or_insert_with(Instant::now);
        let prepared = input.and_then(|input| self.prepare(&input));
        self.push_prepared(prepared)
    }

    /// Writes what is pending and checkpoints the WAL; returns the last outcomes.
    pub fn finish(mut self) -> Vec<ItemOutcome> {
        let outcomes = self.write_group();
        // The checkpoints below only tidy the WAL for the next process; nothing depends on
        // them succeeding.
        if let Some(checkpointer) = self.checkpointer.take() {
            let _ = checkpointer.finish(self.store);
        }
        let _ = self.store.checkpoint_passive();
        outcomes
    }

    fn prepare(&mut self, input: &Input) -> Result<Prepared, ItemError> {
        prepare_input(input, self.options, &mut self.read_buffer)
    }

    /// A prepared input joins the pending group; the group's outcomes come back once it is
    /// full and written, as with [`Self::push`].
    fn push_prepared(&mut self, prepared: Result<Prepared, ItemError>) -> Vec<ItemOutcome> {
        self.group_started.get_or_insert_with(Instant::now);
        if let Ok(prepared) = &prepared {
            self.pending_text_bytes += prepared.document.text.len();
        }
        self.pending.push(prepared);
        let full = self.pending.len() >= self.limits.max_items
            || self.pending_text_bytes >= self.limits.max_text_bytes
            || self
                .group_started
                .is_some_and(|started| started.elapsed() >= self.limits.max_wait);
        if !full {
            return Vec::new();
        }
        if self.checkpointer.is_none() {
            // A bulk add: checkpoint (and wait for its fsyncs) on a helper thread. Should it
            // not start, the connection checkpoints by itself as usual.
            self.checkpointer = self.store.checkpoint_in_background().ok();
        }
        self.write_group()
    }

    /// [`Self::push`] for every input, reading and extracting on `jobs` threads (0: one per
    /// core) while this thread writes the groups. Inputs are written, and their groups handed
    /// to `on_group`, in input order; at most a few inputs per thread are read ahead of the
    /// one being written, so memory does not grow with the batch. An error from `on_group`
    /// stops the workers and is returned.
    pub fn push_all<E>(
        &mut self,
        inputs: Vec<Result<Input, ItemError>>,
        jobs: usize,
        mut on_group: impl FnMut(Vec<ItemOutcome>) -> Result<(), E>,
    ) -> Result<(), E> {
        let jobs = match jobs {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            jobs => jobs,
        }
        .clamp(1, inputs.len().max(1));
        if jobs == 1 {
            for input in inputs {
                on_group(self.push(input))?;
            }
            return Ok(());
        }
        let window = jobs * READ_AHEAD_PER_JOB;
        let slots: Vec<Mutex<Option<Result<Input, ItemError>>>> = inputs
            .into_iter()
            .map(|input| Mutex::new(Some(input)))
            .collect();
        let options = self.options;
        let next = AtomicUsize::new(0);
        // How many inputs have been pushed; a worker waits before reading one more than
        // `window` past it.
        let written = (Mutex::new(0usize), Condvar::new());
        let stop = AtomicBool::new(false);
        let (sender, receiver) = mpsc::channel::<(usize, Result<Prepared, ItemError>)>();
        std::thread::scope(|scope| {
            for _ in 0..jobs {
                let sender = sender.clone();
                let (slots, next, written, stop) = (&slots, &next, &written, &stop);
                scope.spawn(move || {
                    let mut buffer = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(slot) = slots.get(index) else { break };
                        {
                            let (count, turn) = written;
                            let mut count = count.lock().unwrap_or_else(|e| e.into_inner());
                            while index >= *count + window && !stop.load(Ordering::Relaxed) {
                                count = turn.wait(count).unwrap_or_else(|e| e.into_inner());
                            }
                        }
                        if stop.load(Ordering::Relaxed) {
                            break;
                        }
                        let input = slot.lock().unwrap_or_else(|e| e.into_inner()).take();
                        let Some(input) = input else { continue };
                        let prepared =
                            input.and_then(|input| prepare_input(&input, options, &mut buffer));
                        if sender.send((index, prepared)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(sender);
            let mut waiting = BTreeMap::new();
            let mut expected = 0;
            let result = (|| {
                for (index, prepared) in receiver.iter() {
                    waiting.insert(index, prepared);
                    while let Some(prepared) = waiting.remove(&expected) {
                        expected += 1;
                        let outcomes = self.push_prepared(prepared);
                        let (count, turn) = &written;
                        *count.lock().unwrap_or_else(|e| e.into_inner()) = expected;
                        turn.notify_all();
                        on_group(outcomes)?;
                    }
                }
                Ok(())
            })();
            if result.is_err() {
                stop.store(true, Ordering::Relaxed);
                written.1.notify_all();
            }
            result
        })
    }

    /// Writes the pending group in one transaction and turns it into outcomes, in order.
    fn write_group(&mut self) -> Vec<ItemOutcome> {
        let mut pending = std::mem::take(&mut self.pending);
        self.refuse_shared_ids(&mut pending);
        if !self.options.allow_retitle {
            self.refuse_retitles(&mut pending);
        }
        self.pending_text_bytes = 0;
        self.group_started = None;
        let drafts: Vec<NewDraft<'_>> = pending
            .iter()
            .filter_map(|item| item.as_ref().ok())
            .map(|prepared| NewDraft {
                article_id: &prepared.article_id,
                document: &prepared.document,
                extraction: &prepared.extraction,
                label: self.options.label.as_deref(),
                packed: Some(&prepared.packed),
            })
            .collect();
        let mut stored = if drafts.is_empty() {
            Vec::new()
        } else {
            self.store.add_drafts(&drafts)
        }
        .into_iter();
        drop(drafts);
        pending
            .into_iter()
            .map(|item| {
                let prepared = item?;
                // `add_drafts` answers once per draft, in order.
                let result = stored.next().expect("one result per draft");
                match result {
                    Ok(draft) => Ok(Added {
                        source_name: prepared.source_name,
                        draft,
                    }),
                    Err(err) => Err(ItemError {
                        source_name: prepared.source_name,
                        error: err.located(self.store.path()).into(),
                    }),
                }
            })
            .collect()
    }
}

impl GroupedAdd<'_> {
    /// Turns every prepared draft whose article id an earlier file of this run already took
    /// into that input's error.
    fn refuse_shared_ids(&mut self, pending: &mut [Result<Prepared, ItemError>]) {
        for item in pending.iter_mut() {
            let Ok(prepared) = item else { continue };
            let first = self
                .ids_seen
                .entry(prepared.article_id.clone())
                .or_insert_with(|| prepared.source_name.clone());
            if *first != prepared.source_name {
                *item = Err(ItemError {
                    source_name: prepared.source_name.clone(),
                    error: IngestError::SharedId {
                        source_name: prepared.source_name.clone(),
                        article_id: prepared.article_id.clone(),
                        first: first.clone(),
                    }
                    .into(),
                });
            }
        }
    }

    /// Turns every prepared draft whose title differs from its article's (stored, or earlier
    /// in this group) into that input's error.
    fn refuse_retitles(&self, pending: &mut [Result<Prepared, ItemError>]) {
        let mut titles: BTreeMap<String, Option<String>> = BTreeMap::new();
        for item in pending.iter_mut() {
            let Ok(prepared) = item else { continue };
            let refused = refuse_retitle(
                self.store,
                &prepared.source_name,
                &prepared.article_id,
                &prepared.document,
                Some(&titles),
            );
            match refused {
                Ok(()) => {
                    titles.insert(prepared.article_id.clone(), prepared.document.title.clone());
                }
                Err(error) => {
                    *item = Err(ItemError {
                        source_name: prepared.source_name.clone(),
                        error,
                    });
                }
            }
        }
    }
}

/// Inputs each reading thread of [`GroupedAdd::push_all`] may be ahead of the writer.
const READ_AHEAD_PER_JOB: usize = 4;

/// Reads, decodes and extracts one input (`buffer` is reused between inputs).
fn prepare_input(
    input: &Input,
    options: &AddOptions,
    buffer: &mut Vec<u8>,
) -> Result<Prepared, ItemError> {
    let source_name = input.name();
    let item_error = |error: crate::Error| ItemError {
        source_name: source_name.clone(),
        error,
    };
    read_bytes_into(input, buffer, options.max_input_size).map_err(|err| item_error(err.into()))?;
    let document = Document::from_bytes_as(buffer, &source_name, input_format(input, options))
        .map_err(|err| item_error(err.into()))?;
    let article_id =
        article_id_for(input, &document, options).map_err(|err| item_error(err.into()))?;
    let extraction = extract_document(input, &document, options);
    let packed = PackedDraft::new(&document, &extraction).map_err(|err| item_error(err.into()))?;
    Ok(Prepared {
        source_name,
        article_id,
        document,
        extraction,
        packed,
    })
}

/// Reads, extracts and stores one input as a draft in its own transaction (a no-op if the
/// text is already stored).
pub fn add_input(
    store: &mut Store,
    input: &Input,
    options: &AddOptions,
) -> Result<AddedDraft, ItemError> {
    let item_error = |error: crate::Error| ItemError {
        source_name: input.name(),
        error,
    };
    let document = Document::read_input_as(input, options.max_input_size, options.input_format)
        .map_err(|err| item_error(err.into()))?;
    let article_id =
        article_id_for(input, &document, options).map_err(|err| item_error(err.into()))?;
    if !options.allow_retitle {
        refuse_retitle(store, &input.name(), &article_id, &document, None).map_err(item_error)?;
    }
    let extraction = extract_document(input, &document, options);
    store
        .add_draft(&NewDraft {
            article_id: &article_id,
            document: &document,
            extraction: &extraction,
            label: options.label.as_deref(),
            packed: None,
        })
        .map_err(|err| item_error(err.located(store.path()).into()))
}

fn extract_document(input: &Input, document: &Document, options: &AddOptions) -> Extraction {
    let settings = match (&options.config, input) {
        (Some(config), Input::File(path)) => config.settings_for(path),
        _ => Default::default(),
    };
    let lang = match options.lang {
        crate::model::LangChoice::Auto => settings.lang.unwrap_or(options.lang),
        chosen => chosen,
    };
    let mut extraction = extract(
        &document.text,
        &Options {
            lang,
            date: options.date.or(document.date).or(settings.date),
            country: options.country.or(document.country).or(settings.country),
            body_start: document.body_start,
        },
    );
    document.locate(&mut extraction.claims);
    extraction
}

/// The format `input` is read as: `--input-format`, else its extension, else plain text.
fn input_format(input: &Input, options: &AddOptions) -> Format {
    options
        .input_format
        .or_else(|| match input {
            Input::File(path) => Format::from_path(path),
            Input::Stdin => None,
        })
        .unwrap_or_default()
}

/// Reads and decodes one input (a regular file or stdin, at most `limit` bytes).
pub fn read_input(input: &Input, limit: MaxInputSize) -> Result<Document, InputError> {
    Document::read_input(input, limit)
}
