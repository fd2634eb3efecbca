//! Extraction time stays linear whatever the input's shape: a megabyte "sentence" with no full
//! stop, long runs of figures, separators, no spaces at all, repeated currency words, runs of
//! brackets and quotes. Regression for issue 12: "a 1.1 MB line of `a1,2.3% a1,2.3% …` takes
//! 6–9 s and a 5 MB one does not finish in 20 s".
//!
//! Each shape is extracted once at [`SIZE`] bytes and must finish within [`BOUND`]: a stage
//! quadratic in the claims of a sentence took minutes there (`a1,2.3% …` at 200 kB already took
//! 18 s in release), linear extraction takes a fraction of a second. The bound is generous so a
//! loaded 2-core machine does not make the test flaky; `benches/adversarial.py` measures the
//! real timings and their scaling.

use claimlint::extract::{Options, extract};
use claimlint::model::{Lang, LangChoice};
use std::time::{Duration, Instant};

/// The size of each shape: 1 MB in an optimised build; an eighth of that in the unoptimised
/// test profile (the library itself is built at opt-level 0 there, about ten times slower:
/// 250 kB of "1 2 3 4 …" took 2.4 s on the development machine, too near the bound). A
/// quadratic stage still fails by far: before issue 12, 100 kB of `a1,2.3% …` took 5 s in
/// release.
const SIZE: usize = if cfg!(debug_assertions) {
    120_000
} else {
    1_000_000
};
/// The most one extraction may take.
const BOUND: Duration = Duration::from_secs(3);

/// `unit` repeated to `SIZE` bytes, cut at a char boundary.
fn repeated(unit: &str) -> String {
    let mut text = unit.repeat(SIZE / unit.len() + 1);
    let mut cut = SIZE;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    text
}

fn assert_linear(name: &str, text: &str, lang: Lang) {
    let options = Options {
        lang: LangChoice::Fixed(lang),
        ..Options::default()
    };
    let started = Instant::now();
    let extraction = extract(text, &options);
    let took = started.elapsed();
    // Shown with `--nocapture`: how far each shape is from the bound.
    eprintln!("{name}: {} bytes in {took:?}", text.len());
    assert!(
        took < BOUND,
        "{name}: {} bytes took {took:?} ({} claims, {} relations)",
        text.len(),
        extraction.claims.len(),
        extraction.relations.len()
    );
}

#[test]
fn long_runs_of_figures_in_one_sentence() {
    for (name, unit) in [
        ("figures", "a1,2.3% "),
        ("spaced numbers", "1 2 3 4 "),
        ("commas", "1,"),
        ("dots", "1."),
        ("percents", "12%"),
        ("bracketed figures", "(3%) «4» "),
        ("money", "10 euro di dollari (3 milioni di dollari) "),
    ] {
        assert_linear(name, &repeated(unit), Lang::It);
    }
}

#[test]
fn no_spaces_and_no_words() {
    for (name, unit) in [
        ("digits", "1234567890"),
        ("letters", "abcdefghij"),
        ("separators", ",;:-/ "),
        ("parentheses", "((((\"«"),
        ("currency symbols", "€ 5 $ "),
        ("newlines", "1\n"),
    ] {
        assert_linear(name, &repeated(unit), Lang::En);
    }
}

#[test]
fn prose_with_no_full_stop() {
    let article =
        include_str!("../fixtures/articles/cina-russia-2024-01-it.txt").replace(['.', '\n'], " ");
    assert_linear("Italian prose", &repeated(&article), Lang::It);
    let article =
        include_str!("../fixtures/articles/china-russia-2024-01-en.txt").replace(['.', '\n'], " ");
    assert_linear("English prose", &repeated(&article), Lang::En);
    assert_linear(
        "Spanish counts",
        &repeated("las 5 provincias: Ourense, León, Zamora, Cáceres y Lugo, "),
        Lang::Es,
    );
}
