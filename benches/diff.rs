//! Draft comparison speed (targets: a 10,000-word article's two drafts in < 20 ms; the last two
//! drafts of 1,000 stored articles in < 5 s on one core).
//!
//! - `diff/10k-words`: `diff_drafts` alone on two extracted drafts of one ~10,000-word article
//!   made of generated prose (`support/corpus.rs`);
//! - `diff/1000-stored/claims`: for each of 1,000 stored articles, load its last two drafts
//!   from SQLite and diff them (claims, sentences, stale figures);
//! - `diff/1000-stored/with-findings`: the same plus the findings delta, the bundled rules run
//!   on both drafts on one thread (nothing stored, so every draft is evaluated).
//!
//! The newer draft is the older one perturbed the way editors revise: figures changed in some
//! paragraphs, a sentence dropped, a paragraph moved to the end, a sentence added. Setup
//! (generation, extraction, storing) happens before measuring. Each group also prints one
//! untimed-by-criterion run with its CPU time from `/proc/thread-self/schedstat`, since the
//! machine may be shared. Run: `cargo bench --bench diff`.

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use claimlint::diff::{DiffTargets, DraftView, diff_drafts, findings, load_pair};
use claimlint::document::Document;
use claimlint::engine::{CompiledSuite, NoRates, RuleSelection, RuleSet, RunSettings};
use claimlint::extract::{Options, extract};
use claimlint::ingest::AddOptions;
use claimlint::model::{Extraction, LangChoice};
use claimlint::store::{DraftRef, DraftSelector, NewDraft, Store};
use criterion::{Criterion, criterion_group, criterion_main};

#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

const STORED_ARTICLES: usize = 1_000;

/// The same text revised: a digit changed in every fifth paragraph, the first sentence of the
/// second paragraph dropped, the third paragraph moved to the end, a sentence appended.
fn perturb(text: &str, body_start: usize, seed: u64) -> String {
    let (header, body) = text.split_at(body_start);
    let mut rng = corpus::Rng::new(seed);
    let mut paragraphs: Vec<String> = body.split("\n\n").map(str::to_owned).collect();
    for paragraph in paragraphs.iter_mut().skip(rng.below(5)).step_by(5) {
        if let Some(at) = paragraph.find(|c: char| c.is_ascii_digit()) {
            let digit = paragraph.as_bytes()[at] - b'0';
            let replacement = ((digit + 1) % 10).to_string();
            paragraph.replace_range(at..at + 1, &replacement);
        }
    }
    if let Some(second) = paragraphs.get_mut(1)
        && let Some(end) = second.find(". ")
    {
        second.replace_range(..end + 2, "");
    }
    if paragraphs.len() > 4 {
        let moved = paragraphs.remove(2);
        let last = paragraphs.len() - 1;
        paragraphs.insert(last, moved);
    }
    let mut revised = format!("{header}{}", paragraphs.join("\n\n"));
    revised.push_str("\nA late update put the total at 4,250 units, up 12% on the year.\n");
    revised
}

fn extracted(text: &str) -> (Document, Extraction) {
    let document = Document::from_bytes(text.as_bytes(), "bench").expect("generated text is valid");
    let extraction = extract(
        &document.text,
        &Options {
            lang: LangChoice::Auto,
            date: document.date,
            country: None,
            body_start: document.body_start,
        },
    );
    (document, extraction)
}

/// One ~10,000-word article: generated English articles' prose under one header.
fn long_article() -> (String, usize) {
    let mut text = String::from("---\ntitle: Long read\ndate: 2024-03-12\n---\n");
    let body_start = text.len();
    for article in corpus::generate(200, corpus::DEFAULT_SEED).filter(|a| a.lang == "en") {
        text.push_str(&article.text[article.body_start..]);
        text.push_str("\n\n");
        if text[body_start..].split_whitespace().count() >= 10_000 {
            break;
        }
    }
    (text, body_start)
}

fn thread_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let nanos = stat
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    Duration::from_nanos(nanos)
}

/// User + system CPU time of the whole process (all threads), at clock-tick resolution.
fn process_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = after_name
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|n| n.parse::<u64>().ok())
        .sum();
    Duration::from_millis(ticks * 10)
}

fn one_shot(label: &str, run: impl FnOnce()) {
    let (wall, cpu, process) = (Instant::now(), thread_cpu(), process_cpu());
    run();
    eprintln!(
        "{label}: one run took {:.1} ms wall, {:.1} ms CPU on this thread, {:.0} ms CPU in the process",
        wall.elapsed().as_secs_f64() * 1e3,
        (thread_cpu() - cpu).as_secs_f64() * 1e3,
        (process_cpu() - process).as_secs_f64() * 1e3
    );
}

fn bench_long_article(c: &mut Criterion) {
    let (text, body_start) = long_article();
    let (old_document, old) = extracted(&text);
    let (new_document, new) = extracted(&perturb(&text, body_start, 7));
    let view = |document: &'static Document, extraction: &'static Extraction| DraftView {
        number: 0,
        text: &document.text,
        claims: &extraction.claims,
        relations: &extraction.relations,
        sentences: &extraction.sentences,
        source: document.source.as_ref(),
    };
    let (old_document, old, new_document, new) = (
        Box::leak(Box::new(old_document)),
        Box::leak(Box::new(old)),
        Box::leak(Box::new(new_document)),
        Box::leak(Box::new(new)),
    );
    let (before, after) = (view(old_document, old), view(new_document, new));
    let words = text[body_start..].split_whitespace().count();
    let report = diff_drafts("long", before, after);
    eprintln!(
        "10k-words: {words} words, {} → {} claims, {} sentences; {:?}",
        old.claims.len(),
        new.claims.len(),
        old.sentences.len(),
        report.summary
    );
    one_shot("10k-words", || {
        black_box(diff_drafts("long", before, after));
    });
    c.bench_function("diff/10k-words", |b| {
        b.iter(|| black_box(diff_drafts("long", before, after)))
    });
}

fn stored_corpus() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("bench.db")).expect("open store");
    for (index, article) in corpus::generate(STORED_ARTICLES, corpus::DEFAULT_SEED).enumerate() {
        let revised = perturb(&article.text, article.body_start, index as u64);
        for text in [&article.text, &revised] {
            let (document, extraction) = extracted(text);
            store
                .add_draft(&NewDraft {
                    article_id: &article.id,
                    document: &document,
                    extraction: &extraction,
                    label: None,
                    packed: None,
                })
                .expect("store draft");
        }
    }
    (dir, store)
}

fn bench_stored(c: &mut Criterion) {
    let (_dir, mut store) = stored_corpus();
    let targets: Vec<DiffTargets> = store
        .articles()
        .expect("articles")
        .into_iter()
        .map(|a| {
            DiffTargets::Article(DraftRef {
                article_id: a.article,
                draft: DraftSelector::Latest,
            })
        })
        .collect();
    assert_eq!(targets.len(), STORED_ARTICLES);
    let rules = RuleSet::load(&RuleSelection::default()).expect("bundled rules");
    let settings = RunSettings {
        jobs: 1,
        ..RunSettings::default()
    };
    let suite = CompiledSuite::compile(&rules, &settings, Arc::new(NoRates));
    let mut diff_all = |with_findings: bool| {
        let mut changes = 0;
        for target in &targets {
            let (older, newer) =
                load_pair(&mut store, target, &AddOptions::default()).expect("two drafts");
            let mut report = diff_drafts(&newer.article, (&older).into(), (&newer).into());
            if with_findings {
                let [before, after] = findings::gather_findings(
                    &store,
                    &suite.suite_hash,
                    || Ok(&suite),
                    [&older, &newer],
                )
                .expect("findings");
                let delta = findings::findings_delta(&report.claims, &before, &after);
                report = report.with_findings(delta);
            }
            changes += report.summary.changed + report.summary.added + report.summary.removed;
        }
        changes
    };
    one_shot("1000-stored/claims", || {
        eprintln!("  claim changes: {}", diff_all(false));
    });
    one_shot("1000-stored/with-findings", || {
        black_box(diff_all(true));
    });
    let mut group = c.benchmark_group("diff/1000-stored");
    group.sample_size(10);
    group.bench_function("claims", |b| b.iter(|| black_box(diff_all(false))));
    group.bench_function("with-findings", |b| b.iter(|| black_box(diff_all(true))));
    group.finish();
}

criterion_group!(benches, bench_long_article, bench_stored);
criterion_main!(benches);
