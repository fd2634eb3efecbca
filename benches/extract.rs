//! Extraction throughput (bytes of article text per second, one thread).
//!
//! `cargo bench --bench extract` measures `claimlint::extract::extract` over
//! - `corpus/fixed-lang`: a slice of the generated corpus (`support/corpus.rs`, ~4 MB), each
//!   article with its language, date and header length given, as `add` would pass them;
//! - `corpus/auto-lang`: the same articles with the language detected;
//! - `fixtures/<file>`: each article in `fixtures/articles/`.
//!
//! Criterion reports the time per iteration and, through `Throughput::Bytes`, the rate in
//! bytes/s; the target is ≥ 50 MB/s (benches/README.md). The corpus is generated before the
//! measurement starts, so generation never counts.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use claimlint::extract::{Options, extract};
use claimlint::model::{ArticleDate, Lang, LangChoice};
use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};

// Shared with the other bench targets, which use the parts this one does not.
#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

/// Articles measured per iteration: about 4 MB, enough to smooth out per-article costs while
/// keeping an iteration under a second even for a slow extractor.
const ARTICLES_MEASURED: usize = 1_000;

struct Input {
    text: String,
    options: Options,
}

fn corpus_inputs(lang_detection: bool) -> Vec<Input> {
    corpus::generate(ARTICLES_MEASURED, corpus::DEFAULT_SEED)
        .map(|article| {
            let lang = if lang_detection {
                LangChoice::Auto
            } else {
                LangChoice::Fixed(if article.lang == "it" {
                    Lang::It
                } else {
                    Lang::En
                })
            };
            let options = Options {
                lang,
                date: ArticleDate::parse(&article.date),
                country: None,
                body_start: article.body_start,
            };
            Input {
                text: article.text,
                options,
            }
        })
        .collect()
}

fn extract_all(inputs: &[Input]) -> usize {
    inputs
        .iter()
        .map(|input| extract(black_box(&input.text), &input.options).claims.len())
        .sum()
}

fn bench_corpus(c: &mut Criterion) {
    let mut group = c.benchmark_group("corpus");
    // Iterations of ~4 MB are long: flat sampling keeps the run near measurement_time.
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    for (name, lang_detection) in [("fixed-lang", false), ("auto-lang", true)] {
        let inputs = corpus_inputs(lang_detection);
        let bytes: usize = inputs.iter().map(|input| input.text.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(name, |b| b.iter(|| extract_all(&inputs)));
    }
    group.finish();
}

/// The header of a fixture (`date 2024-01` or a front-matter block): its length and date.
/// A small stand-in for the document module's header reader, enough for these two files.
fn fixture_header(text: &str) -> (usize, Option<ArticleDate>) {
    if let Some(rest) = text.strip_prefix("---\n") {
        let Some(close) = rest.find("\n---\n") else {
            return (0, None);
        };
        let date = rest[..close]
            .lines()
            .find_map(|line| line.strip_prefix("date:"))
            .and_then(ArticleDate::parse);
        return (4 + close + 5, date);
    }
    if let Some(rest) = text.strip_prefix("date ") {
        let date_text = rest.split_whitespace().next().unwrap_or("");
        return (
            "date ".len() + date_text.len(),
            ArticleDate::parse(date_text),
        );
    }
    (0, None)
}

fn bench_fixtures(c: &mut Criterion) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .expect("fixtures/articles is readable")
        .map(|entry| entry.expect("fixture entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    let mut group = c.benchmark_group("fixtures");
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("fixture is UTF-8");
        let (body_start, date) = fixture_header(&text);
        let options = Options {
            lang: LangChoice::Auto,
            date,
            country: None,
            body_start,
        };
        let name = path
            .file_stem()
            .expect("file name")
            .to_string_lossy()
            .into_owned();
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| extract(black_box(&text), &options)));
    }
    group.finish();
}

criterion_group!(benches, bench_corpus, bench_fixtures);
criterion_main!(benches);
