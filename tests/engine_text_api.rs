//! The text helpers of the script API (`claim.before`, word lists, finders), `add_days` and
//! `round_to`, each evaluated by a real rule on a small two-sentence article, its answer read
//! back from `report`.

mod common;

use std::sync::Arc;

use claimlint::engine::ArticleData;
use claimlint::model::{ArticleDate, ClaimKind, Lang, Relation, RelationKind};
use common::{claim, run_probe, say_on};

const FIRST: &str = "Intro 3%.";
const SECOND: &str = "Il prezzo sale Da 12 a 15, poi a 12 euro.";

/// Two sentences; the second writes "12" twice (c2 and c4), and c4 leads a change relation.
fn article() -> Arc<ArticleData> {
    let text = format!("{FIRST} {SECOND}");
    let second_start = FIRST.len() + 1;
    let in_second = |at: usize, id: &str, kind: ClaimKind, written: &str, value: f64| {
        let mut claim = claim(id, kind, written, second_start + at, value);
        claim.sentence = 1;
        claim
    };
    let claims = vec![
        claim(
            "c1",
            ClaimKind::Percent,
            "3%",
            FIRST.find("3%").unwrap(),
            3.0,
        ),
        in_second(
            SECOND.find("12").unwrap(),
            "c2",
            ClaimKind::Number,
            "12",
            12.0,
        ),
        in_second(
            SECOND.find("15").unwrap(),
            "c3",
            ClaimKind::Number,
            "15",
            15.0,
        ),
        in_second(
            SECOND.rfind("12").unwrap(),
            "c4",
            ClaimKind::Number,
            "12",
            12.0,
        ),
    ];
    Arc::new(ArticleData {
        id: "a".into(),
        lang: Lang::It,
        draft: 1,
        title: None,
        date: ArticleDate::parse("2024-01"),
        sentences: vec![FIRST.into(), SECOND.into()],
        sentence_starts: vec![0, second_start],
        text,
        claims,
        relations: vec![Relation {
            kind: RelationKind::Change,
            claims: vec!["c4".into(), "c2".into()],
            roles: vec!["rate".into(), "base".into()],
            marker: None,
            direction: None,
            period: None,
            cue: None,
            sentence: None,
            items: None,
            factor: None,
        }],
        body_start: 0,
        source: None,
    })
}

/// Runs `body` on [`article`] and returns the messages it reported (or the rule error).
fn run(body: &str) -> Result<Vec<String>, String> {
    run_probe(body, article())
}

fn say(expression: &str) -> String {
    say_on(expression, article())
}

#[test]
fn text_around_a_claim_is_lower_cased_and_trimmed() {
    assert_eq!(say("article.claim(\"c2\").before(8)"), "sale da");
    assert_eq!(
        say("article.claim(\"c2\").before(100)"),
        "il prezzo sale da"
    );
    assert_eq!(say("article.claim(\"c2\").before(0) == \"\""), "true");
    assert_eq!(say("article.claim(\"c3\").after(5)"), ", poi");
    assert_eq!(say("article.claim(\"c4\").after(100)"), "euro.");
    assert_eq!(say("article.claim(\"c1\").before(6)"), "intro");
}

#[test]
fn a_figure_written_twice_is_placed_where_it_is_not_where_its_twin_is() {
    // The second "12": a search for its text would find the first one.
    assert_eq!(say("article.claim(\"c4\").before(6)"), "poi a");
    let second = SECOND.rfind("12").unwrap();
    assert_eq!(
        say("article.claim(\"c4\").position_in_sentence"),
        second.to_string()
    );
    assert_eq!(
        say("article.claim(\"c2\").position_in_sentence"),
        SECOND.find("12").unwrap().to_string()
    );
}

#[test]
fn word_lists_are_scanned_in_one_call() {
    assert_eq!(
        say("\"è salito (da\".ends_with_word([\"a\", \"da\"])"),
        "true"
    );
    assert_eq!(say("\"strada\".ends_with_word([\"da\"])"), "false");
    assert_eq!(say("\"l'a\".ends_with_word([\"a\"])"), "false");
    assert_eq!(say("\"strada\".ends_with_any([\"x\", \"da\"])"), "true");
    assert_eq!(
        say("\"trilioni\".starts_with_any([\"bilion\", \"trilion\"])"),
        "true"
    );
    assert_eq!(
        say("\"in aumento\".contains_any([\"calo\", \"aument\"])"),
        "true"
    );
    assert_eq!(say("\"in aumento\".contains_any([\"calo\"])"), "false");
    // Characters, not bytes: "più" is 3 characters and 4 bytes.
    assert_eq!(
        say("\"più di cui, of which\".find_any([\"of which\", \"di cui\"])"),
        "4"
    );
    assert_eq!(say("\"niente\".find_any([\"di cui\"])"), "-1");
    assert_eq!(say("\"  negli\\n ultimi  due \".words().len()"), "3");
    let err = run("\"y\".contains_any([\"x\", 1]);").unwrap_err();
    assert!(err.contains("word lists hold strings"), "{err}");
}

#[test]
fn finders_by_sentence_and_by_claim() {
    assert_eq!(
        say("article.claims_of_kind_by_sentence(\"number\").len()"),
        "1"
    );
    assert_eq!(
        say("article.claims_of_kind_by_sentence(\"number\")[0].map(|c| c.id)"),
        "[\"c2\", \"c3\", \"c4\"]"
    );
    assert_eq!(
        say("article.claims_of_kind_by_sentence(\"date\").len()"),
        "0"
    );
    assert_eq!(
        say("article.claims_in_sentence_of_kind(1, \"number\").map(|c| c.id)"),
        "[\"c2\", \"c3\", \"c4\"]"
    );
    assert_eq!(
        say("article.claims_in_sentence_of_kind(0, \"number\").len()"),
        "0"
    );
    assert_eq!(
        say("article.claims_in_sentence_of_kind(9, \"number\").len()"),
        "0"
    );
    assert_eq!(
        say("article.claim(\"c2\").relations_of_kind(\"change\").len()"),
        "1"
    );
    assert_eq!(
        say("article.claim(\"c3\").relations_of_kind(\"change\").len()"),
        "0"
    );
    assert_eq!(
        say("article.claim(\"c4\").relations_of_kind(\"conversion\").len()"),
        "0"
    );
}

#[test]
fn days_are_added_across_month_and_year_ends() {
    assert_eq!(say("add_days(\"2024-03-01\", -1)"), "2024-02-29");
    assert_eq!(say("add_days(\"2023-12-31\", 1)"), "2024-01-01");
    assert_eq!(say("add_days(\"2024-01\", 1) == ()"), "true");
}

#[test]
fn numbers_round_to_a_number_of_decimals() {
    assert_eq!(say("round_to(7.14349, 4)"), "7.1435");
    assert_eq!(say("round_to(-2.5, 0)"), "-3.0");
    assert_eq!(say("round_to(12, 2)"), "12.0");
}
