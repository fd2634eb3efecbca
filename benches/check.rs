//! `check` throughput over stored articles: articles per second with all bundled rules.
//!
//! The issue's target: checking 5,000 *stored* articles with every bundled rule at ≥ 1,000
//! articles/s on one core, with near-linear speed-up on two. This bench does what
//! `claimlint check --all --jobs N` does, in-process, so each phase can be timed apart:
//!
//! 1. (not timed) generate the corpus (`support/corpus.rs`), write it to a temp folder and add
//!    it to a fresh store in that folder, as `claimlint add DIR` would;
//! 2. for `--jobs 1` and `--jobs 2` (fresh copies of the database each time):
//!    `check` = the library's [`claimlint::check::check`] on every stored article (load the
//!    drafts, evaluate the rules, record the runs and findings in one transaction), then render
//!    the JSON report to a sink; and `evaluate` = the rule evaluation alone on drafts already
//!    loaded;
//! 3. with `--per-rule`, each bundled rule alone on one thread (where the time goes).
//!
//! The machine these figures come from is shared: wall time depends on the other jobs, so the
//! CPU time of this process (user + system, from `/proc/self/stat`) is reported beside it, and
//! articles per CPU-second is the figure for "one core". Harness-less: criterion's repeated
//! sampling would take minutes per figure here; each figure is the best of `--repeat` runs.
//!
//! ```sh
//! cargo bench --bench check                           # 5,000 articles, jobs 1 and 2
//! cargo bench --bench check -- --articles 1000 --repeat 3 --per-rule
//! ```

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use claimlint::check::{CheckOptions, Target, article_data, check};
use claimlint::engine::{
    ArticleData, CompiledSuite, RateSource, RuleSelection, RuleSet, RunSettings,
};
use claimlint::ingest::{AddOptions, GroupLimits, GroupedAdd, expand_inputs};
use claimlint::store::{DraftRef, DraftSelector, Store};

#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

struct Options {
    articles: usize,
    repeat: usize,
    per_rule: bool,
}

fn options() -> Options {
    let mut options = Options {
        articles: corpus::DEFAULT_ARTICLES,
        repeat: 2,
        per_rule: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--articles" => options.articles = args.next().and_then(|n| n.parse().ok()).unwrap(),
            "--repeat" => options.repeat = args.next().and_then(|n| n.parse().ok()).unwrap(),
            "--per-rule" => options.per_rule = true,
            // `cargo bench` passes `--bench`; filters are not supported.
            _ => {}
        }
    }
    options
}

/// CPU seconds (user + system) this process has used so far.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the `(comm)`: state is field 3, utime 14, stime 15 (1-based).
    let after_comm = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after_comm.split_whitespace().collect();
    let ticks: f64 = [11, 12]
        .iter()
        .filter_map(|&i| fields.get(i).and_then(|f| f.parse::<f64>().ok()))
        .sum();
    ticks / 100.0 // USER_HZ is 100 on Linux
}

#[derive(Clone, Copy)]
struct Timing {
    wall: Duration,
    cpu: f64,
}

/// The fastest of `repeat` runs (by CPU time; its wall time beside it).
fn best_of(repeat: usize, mut run: impl FnMut() -> Timing) -> Timing {
    (0..repeat.max(1))
        .map(|_| run())
        .min_by(|a, b| a.cpu.total_cmp(&b.cpu))
        .unwrap()
}

fn timed(action: impl FnOnce()) -> Timing {
    let (wall_start, cpu_start) = (Instant::now(), cpu_seconds());
    action();
    Timing {
        wall: wall_start.elapsed(),
        cpu: cpu_seconds() - cpu_start,
    }
}

fn report(label: &str, articles: usize, timing: Timing) {
    let wall = timing.wall.as_secs_f64();
    println!(
        "{label:<34} {articles:>6} articles  wall {wall:>7.3} s  {:>7.0} art/s   cpu {:>7.3} s  {:>7.0} art/cpu-s",
        articles as f64 / wall,
        timing.cpu,
        articles as f64 / timing.cpu.max(0.01),
    );
}

fn build_store(dir: &Path, articles: usize) -> PathBuf {
    let corpus_dir = dir.join("corpus");
    std::fs::create_dir_all(&corpus_dir).unwrap();
    for article in corpus::generate(articles, corpus::DEFAULT_SEED) {
        std::fs::write(corpus_dir.join(format!("{}.txt", article.id)), article.text).unwrap();
    }
    let db = dir.join("corpus.db");
    let mut store = Store::open(&db).unwrap();
    let add = AddOptions::default();
    let mut group = GroupedAdd::new(&mut store, &add, GroupLimits::default());
    let mut failed = 0;
    for input in expand_inputs(&[corpus_dir]).inputs {
        failed += group.push(input).iter().filter(|o| o.is_err()).count();
    }
    failed += group.finish().iter().filter(|o| o.is_err()).count();
    assert_eq!(failed, 0, "every generated article is added");
    db
}

fn bundled_suite(jobs: usize, rates: Arc<dyn RateSource>) -> (RuleSet, CompiledSuite) {
    let rules = RuleSet::load(&RuleSelection::default()).expect("bundled rules");
    let settings = RunSettings {
        jobs,
        ..RunSettings::default()
    };
    let suite = CompiledSuite::compile(&rules, &settings, rates);
    assert!(
        suite.compile_errors.is_empty(),
        "{:?}",
        suite.compile_errors
    );
    (rules, suite)
}

fn stored_targets(store: &Store) -> Vec<Target> {
    store
        .articles()
        .unwrap()
        .into_iter()
        .map(|article| {
            Target::Stored(DraftRef {
                article_id: article.article,
                draft: DraftSelector::Latest,
            })
        })
        .collect()
}

fn main() {
    let options = options();
    let dir = tempfile::tempdir().unwrap();
    eprintln!("generating and adding {} articles …", options.articles);
    let db = build_store(dir.path(), options.articles);
    let pristine = std::fs::read(&db).unwrap();
    println!(
        "check benchmark: {} stored articles, all bundled rules, best of {} (cpu = user + system of this process; the machine may be shared)",
        options.articles, options.repeat
    );

    for jobs in [1, 2] {
        let timing = best_of(options.repeat, || {
            // A fresh copy each time: earlier runs' findings must not change the work.
            let _ = std::fs::remove_file(db.with_extension("db-wal"));
            std::fs::write(&db, &pristine).unwrap();
            let mut store = Store::open(&db).unwrap();
            timed(|| {
                let targets = stored_targets(&store);
                let rates: Arc<dyn RateSource> = Arc::new(store.rate_book().unwrap());
                let (rules, suite) = bundled_suite(jobs, rates.clone());
                let check_options = CheckOptions {
                    reference_snapshot: rates.snapshot_id(),
                    ..CheckOptions::default()
                };
                let report = check(&mut store, &targets, &rules, &suite, &check_options).unwrap();
                assert!(report.input_errors.is_empty());
                assert_eq!(report.rule_error_count(), 0);
                claimlint::report::write_check_json(&mut std::io::sink(), &report).unwrap();
            })
        });
        report(
            &format!("check --all --jobs {jobs} (whole run)"),
            options.articles,
            timing,
        );
    }

    let store = Store::open(&db).unwrap();
    let articles: Vec<Arc<ArticleData>> = store
        .articles()
        .unwrap()
        .iter()
        .map(|a| {
            let draft = store.load_draft(&a.article, DraftSelector::Latest).unwrap();
            Arc::new(article_data(&draft))
        })
        .collect();
    let rates: Arc<dyn RateSource> = Arc::new(store.rate_book().unwrap());
    for jobs in [1, 2] {
        let (_, suite) = bundled_suite(jobs, rates.clone());
        let timing = best_of(options.repeat, || {
            timed(|| {
                std::hint::black_box(suite.evaluate_all(&articles));
            })
        });
        report(
            &format!("evaluate only, jobs {jobs}"),
            articles.len(),
            timing,
        );
    }

    if options.per_rule {
        let all = RuleSet::load(&RuleSelection::default()).unwrap();
        for rule in &all.rules {
            let one = RuleSet {
                rules: vec![rule.clone()],
            };
            let settings = RunSettings {
                jobs: 1,
                ..RunSettings::default()
            };
            let suite = CompiledSuite::compile(&one, &settings, rates.clone());
            let timing = best_of(options.repeat, || {
                timed(|| {
                    std::hint::black_box(suite.evaluate_all(&articles));
                })
            });
            report(&format!("  {}", rule.id), articles.len(), timing);
        }
    }
}
