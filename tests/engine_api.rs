//! The script API: each helper evaluated by a real rule, its answer read back from `report`.

mod common;

use std::sync::Arc;

use claimlint::engine::ArticleData;
use claimlint::model::{ArticleDate, ClaimKind, Lang};
use common::{claim, run_probe, say_on};

/// A two-claim Italian article, draft 3, dated January 2024.
fn article() -> Arc<ArticleData> {
    Arc::new(ArticleData {
        id: "a".into(),
        lang: Lang::It,
        draft: 3,
        title: Some("T".into()),
        date: ArticleDate::parse("2024-01"),
        text: "x 13,6 y 1,91".into(),
        claims: vec![
            claim("c1", ClaimKind::Money, "13,6", 2, 13.6),
            claim("c2", ClaimKind::Money, "1,91", 9, 1.91),
        ],
        relations: Vec::new(),
        sentences: vec!["x 13,6 y 1,91".into()],
        sentence_starts: vec![0],
        body_start: 0,
        source: None,
    })
}

/// Runs `body` on [`article`] and returns the messages it reported (or the error).
fn run(body: &str) -> Result<Vec<String>, String> {
    run_probe(body, article())
}

fn say(expression: &str) -> String {
    say_on(expression, article())
}

#[test]
fn article_properties() {
    assert_eq!(
        say("article.lang + \" \" + article.draft + \" \" + article.date"),
        "it 3 2024-01"
    );
    assert_eq!(say("article.claims.len()"), "2");
    assert_eq!(say("article.claim(\"c2\").text"), "1,91");
    assert_eq!(say("article.claim(\"c9\") == ()"), "true");
    assert_eq!(say("article.claims_of_kind(\"money\").len()"), "2");
    assert_eq!(say("article.claims_of_kind(\"percent\").len()"), "0");
    assert_eq!(say("article.sentence(0)"), "x 13,6 y 1,91");
}

#[test]
fn interval_arithmetic() {
    assert_eq!(
        say("(interval(10, 20) / interval(2, 5)).to_string()"),
        "2–10"
    );
    assert_eq!(say("interval(1, 2) / interval(-1, 1) == ()"), "true");
    assert_eq!(say("overlaps(interval(1, 2), interval(2, 3))"), "true");
    assert_eq!(say("distance(interval(1, 2), interval(4, 5))"), "2.0");
    assert_eq!(say("widen(interval(100, 100), 0.01).to_string()"), "99–101");
    assert_eq!(say("contains(interval(1, 2), 3)"), "false");
}

#[test]
fn dates_and_changes() {
    assert_eq!(
        say("years_between(\"2022-02\", \"2024-01\").to_string()"),
        "1"
    );
    assert_eq!(say("years_between(\"2022\", \"2024\").to_string()"), "1–2");
    // Periods of claims count too: a quarter, a split year.
    assert_eq!(
        say("months_between(\"2024-Q1\", \"2024-Q2\").to_string()"),
        "0–5"
    );
    assert_eq!(
        say("years_between(\"2020/2021\", \"2024\").to_string()"),
        "2–4"
    );
    assert_eq!(
        say("months_between(\"2022-02-15\", \"2024-01-20\").to_string()"),
        "23"
    );
    assert_eq!(say("year_of(\"2024-01-20\")"), "2024");
    assert_eq!(
        say("percent_change(100, 132.7)")
            .parse::<f64>()
            .unwrap()
            .round(),
        33.0
    );
    assert_eq!(say("ratio(1, 0) == ()"), "true");
}

#[test]
fn exchange_rates_are_unknown_without_reference_data() {
    assert_eq!(
        say("fx_rate(\"CNY\", \"USD\", \"2024-01-02\") == ()"),
        "true"
    );
    assert_eq!(say("fx_range(\"CNY\", \"USD\", \"2024-01\") == ()"), "true");
    assert_eq!(
        say("convert(10, \"CNY\", \"USD\", \"2024-01-02\") == ()"),
        "true"
    );
}

#[test]
fn report_refuses_bad_fields() {
    let err = run("report(#{ message: \"m\", claim: [] });").unwrap_err();
    assert!(err.contains("unknown key `claim`"), "{err}");
    let err = run("report(#{ message: \"m\", claims: [\"c7\"] });").unwrap_err();
    assert!(err.contains("no claim `c7`"), "{err}");
    let err = run("report(#{ message: \"m\", severity: \"fatal\" });").unwrap_err();
    assert!(err.contains("unknown severity"), "{err}");
}
