//! `store-time`: the CPU cost of the store alone, on the files `add` would read.
//!
//! ```text
//! cargo run --release --example store-time -- CORPUS_DIR [--rounds N] [--write-only]
//! ```
//!
//! Reads and extracts every `.txt`/`.md` of CORPUS_DIR up front (not timed), then, N times
//! (default 3) on a fresh database in a temporary folder, writes them in groups of 256 drafts
//! with `Store::add_drafts` (as `add` does) and reads every article back with
//! `Store::claims` and `Store::load_draft`. Prints the CPU seconds of this thread
//! (user + sys, from `/proc/thread-self/schedstat`) for each part, best of N, so a loaded
//! machine disturbs the figures less than wall time would. Extraction is left out on
//! purpose: it is measured by `cargo bench --bench extract`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimlint::document::Document;
use claimlint::extract::{Options, extract};
use claimlint::ingest::{Input, expand_inputs};
use claimlint::model::{Extraction, LangChoice};
use claimlint::store::{DraftSelector, NewDraft, Store};

const GROUP: usize = 256;

struct Prepared {
    article_id: String,
    document: Document,
    extraction: Extraction,
}

/// CPU time this thread has run so far, in seconds (user + sys).
fn thread_cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let nanos: f64 = stat
        .split_whitespace()
        .next()
        .and_then(|field| field.parse().ok())
        .unwrap_or(f64::NAN);
    nanos / 1e9
}

fn prepare(dir: &Path) -> Vec<Prepared> {
    expand_inputs(&[dir.to_owned()])
        .inputs
        .into_iter()
        .filter_map(|input| match input {
            Ok(Input::File(path)) => Some(path),
            _ => None,
        })
        .map(|path| {
            let document = Document::read(&path).expect("readable corpus file");
            let extraction = extract(
                &document.text,
                &Options {
                    lang: LangChoice::Auto,
                    date: document.date,
                    country: None,
                    body_start: document.body_start,
                },
            );
            let article_id = path.file_stem().unwrap().to_string_lossy().into_owned();
            Prepared {
                article_id,
                document,
                extraction,
            }
        })
        .collect()
}

/// (write, claims, load) CPU seconds of one round on a fresh database. `write_only` skips the
/// reads (their figures are then 0): a quicker run under `valgrind --tool=callgrind
/// --toggle-collect='*store_time::round*'`, whose instruction counts do not depend on the load.
#[inline(never)]
fn round(prepared: &[Prepared], db: &Path, write_only: bool) -> (f64, f64, f64) {
    let mut store = Store::open(db).expect("fresh database");
    let started = thread_cpu_seconds();
    for group in prepared.chunks(GROUP) {
        let drafts: Vec<NewDraft<'_>> = group
            .iter()
            .map(|item| NewDraft {
                article_id: &item.article_id,
                document: &item.document,
                extraction: &item.extraction,
                label: None,
                packed: None,
            })
            .collect();
        for result in store.add_drafts(&drafts) {
            result.expect("draft stored");
        }
    }
    store.checkpoint_passive().expect("checkpoint");
    let written = thread_cpu_seconds();
    if write_only {
        return (written - started, 0.0, 0.0);
    }
    let mut claims = 0;
    for item in prepared {
        claims += store
            .claims(&item.article_id, DraftSelector::Latest, None)
            .expect("claims")
            .claims
            .len();
    }
    let listed = thread_cpu_seconds();
    let mut sentences = 0;
    for item in prepared {
        sentences += store
            .load_draft(&item.article_id, DraftSelector::Latest)
            .expect("draft")
            .sentences
            .len();
    }
    let loaded = thread_cpu_seconds();
    assert!(claims > 0 && sentences > 0);
    (written - started, listed - written, loaded - listed)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: store-time CORPUS_DIR [--rounds N] [--write-only]");
        return ExitCode::from(2);
    };
    let mut rounds = 3;
    let mut write_only = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--rounds" => rounds = args.next().and_then(|n| n.parse().ok()).unwrap_or(3),
            "--write-only" => write_only = true,
            other => {
                eprintln!("store-time: unknown argument `{other}`");
                return ExitCode::from(2);
            }
        }
    }
    let prepared = prepare(&dir);
    let bytes: usize = prepared.iter().map(|item| item.document.text.len()).sum();
    let claims: usize = prepared
        .iter()
        .map(|item| item.extraction.claims.len())
        .sum();
    let sentences: usize = prepared
        .iter()
        .map(|item| item.extraction.sentences.len())
        .sum();
    println!(
        "{} drafts, {:.2} MB, {claims} claims, {sentences} sentences",
        prepared.len(),
        bytes as f64 / 1e6
    );
    let mut best = (f64::INFINITY, f64::INFINITY, f64::INFINITY);
    for _ in 0..rounds {
        let temp = std::env::temp_dir().join(format!("store-time-{}", std::process::id()));
        std::fs::create_dir_all(&temp).expect("temporary folder");
        let (write, list, load) = round(&prepared, &temp.join("x.db"), write_only);
        let size: u64 = std::fs::read_dir(&temp)
            .unwrap()
            .filter_map(|entry| entry.ok()?.metadata().ok())
            .map(|meta| meta.len())
            .sum();
        std::fs::remove_dir_all(&temp).expect("remove temporary folder");
        println!(
            "write {write:.3} s CPU  claims() {list:.3} s  load_draft() {load:.3} s  db {:.1} MB",
            size as f64 / 1e6
        );
        best = (best.0.min(write), best.1.min(list), best.2.min(load));
    }
    println!(
        "best: write {:.3} s CPU ({:.1} MB/s)  claims() {:.3} s  load_draft() {:.3} s",
        best.0,
        bytes as f64 / 1e6 / best.0,
        best.1,
        best.2
    );
    ExitCode::SUCCESS
}
