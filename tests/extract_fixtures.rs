//! The complete claim lists of the two fixture articles, written by hand from reading them.
//!
//! Each row is what the article states: kind, surface text, exact value, unit, the interval the
//! digits imply, the qualifier, the ISO date for dates, and the ambiguity tags expected. The
//! relations are listed beside them. A claim found or lost anywhere fails the test.

use ClaimKind::*;
use Qualifier as Q;
use claimlint::extract::{Options, extract};
use claimlint::model::{
    ArticleDate, ClaimKind, Direction, Extraction, Lang, LangChoice, Qualifier, RelationKind,
};

struct Expected {
    kind: ClaimKind,
    text: &'static str,
    value_text: &'static str,
    unit: Option<&'static str>,
    precision: [f64; 2],
    qualifier: Qualifier,
    date: Option<&'static str>,
    ambiguity: &'static [&'static str],
}

#[allow(clippy::too_many_arguments)]
const fn row(
    kind: ClaimKind,
    text: &'static str,
    value_text: &'static str,
    unit: Option<&'static str>,
    precision: [f64; 2],
    qualifier: Qualifier,
    date: Option<&'static str>,
    ambiguity: &'static [&'static str],
) -> Expected {
    Expected {
        kind,
        text,
        value_text,
        unit,
        precision,
        qualifier,
        date,
        ambiguity,
    }
}

const fn date(text: &'static str, year: &'static str, iso: &'static str, y: f64) -> Expected {
    row(Date, text, year, None, [y, y], Q::None, Some(iso), &[])
}

struct ExpectedRelation {
    kind: RelationKind,
    claims: &'static [&'static str],
    marker: &'static str,
    direction: Option<Direction>,
    period: Option<&'static str>,
}

/// Byte offset after the Italian fixture's `date 2024-01 ` header.
fn after_date_line(text: &str) -> usize {
    let header = "date 2024-01 ";
    assert!(text.starts_with(header));
    header.len()
}

/// Byte offset after the English fixture's closing front-matter `---` line.
fn after_front_matter(text: &str) -> usize {
    assert!(text.starts_with("---\n"));
    4 + text[4..].find("---\n").expect("closing ---") + 4
}

fn run(path: &str, body_start: fn(&str) -> usize, article_date: &str) -> (String, Extraction) {
    let text = std::fs::read_to_string(path).expect("fixture readable");
    let body_start = body_start(&text);
    let options = Options {
        lang: LangChoice::Auto,
        date: ArticleDate::parse(article_date),
        country: None,
        body_start,
    };
    let extraction = extract(&text, &options);
    (text, extraction)
}

fn check(
    text: &str,
    extraction: &Extraction,
    expected: &[Expected],
    relations: &[ExpectedRelation],
) {
    let found: Vec<&str> = extraction.claims.iter().map(|c| c.text.as_str()).collect();
    let wanted: Vec<&str> = expected.iter().map(|e| e.text).collect();
    assert_eq!(found, wanted, "claim texts differ");
    for (index, (claim, want)) in extraction.claims.iter().zip(expected).enumerate() {
        let context = format!("claim {} `{}`", claim.id, claim.text);
        assert_eq!(claim.id, format!("c{}", index + 1), "{context}");
        assert_eq!(&text[claim.start..claim.end], claim.text, "{context}");
        assert_eq!(claim.kind, want.kind, "{context}");
        assert_eq!(claim.value_text, want.value_text, "{context}");
        assert_eq!(
            claim.value,
            want.value_text.parse::<f64>().unwrap(),
            "{context}"
        );
        assert_eq!(claim.unit.as_deref(), want.unit, "{context}");
        assert_eq!(
            [claim.precision.low, claim.precision.high],
            want.precision,
            "{context}"
        );
        assert_eq!(claim.qualifier, want.qualifier, "{context}");
        assert_eq!(claim.date.as_deref(), want.date, "{context}");
        let tags: Vec<&str> = claim.ambiguity.iter().map(|a| a.kind.as_str()).collect();
        assert_eq!(tags, want.ambiguity, "{context}");
    }
    assert_eq!(
        extraction.relations.len(),
        relations.len(),
        "{:#?}",
        extraction.relations
    );
    for (relation, want) in extraction.relations.iter().zip(relations) {
        assert_eq!(relation.kind, want.kind);
        assert_eq!(relation.claims, want.claims);
        assert_eq!(relation.marker.as_deref(), Some(want.marker));
        assert_eq!(relation.direction, want.direction);
        assert_eq!(relation.period.as_deref(), want.period);
    }
}

#[test]
fn italian_fixture_complete_claim_list() {
    let (text, extraction) = run(
        "fixtures/articles/cina-russia-2024-01-it.txt",
        after_date_line,
        "2024-01",
    );
    assert_eq!(extraction.lang, Lang::It);
    let expected = [
        date("febbraio 2022", "2022", "2022-02", 2022.0),
        row(
            Duration,
            "due anni",
            "2",
            Some("years"),
            [1.5, 2.5],
            Q::None,
            None,
            &[],
        ),
        row(
            Count,
            "due Paesi",
            "2",
            Some("paesi"),
            [1.5, 2.5],
            Q::None,
            None,
            &[],
        ),
        date("Quest'anno", "2024", "2024", 2024.0),
        row(
            Ordinal,
            "75mo",
            "75",
            None,
            [75.0, 75.0],
            Q::None,
            None,
            &[],
        ),
        row(
            Count,
            "due Paesi",
            "2",
            Some("paesi"),
            [1.5, 2.5],
            Q::None,
            None,
            &[],
        ),
        date("scorso dicembre", "2023", "2023-12", 2023.0),
        row(
            Count,
            "due Paesi",
            "2",
            Some("paesi"),
            [1.5, 2.5],
            Q::None,
            None,
            &[],
        ),
        row(
            Count,
            "55 accordi",
            "55",
            Some("accordi"),
            [54.5, 55.5],
            Q::None,
            None,
            &[],
        ),
        row(
            Money,
            "13,6 miliardi di yuan",
            "13600000000",
            Some("CNY"),
            [13.55e9, 13.65e9],
            Q::None,
            None,
            &[],
        ),
        row(
            Money,
            "1,91 miliardi di dollari",
            "1910000000",
            Some("USD"),
            [1.905e9, 1.915e9],
            Q::None,
            None,
            &[],
        ),
        date("2023", "2023", "2023", 2023.0),
        row(
            Money,
            "1,69 trilioni di yuan",
            "1690000000000",
            Some("CNY"),
            [1.685e12, 1.695e12],
            Q::None,
            None,
            &["long-scale"],
        ),
        row(
            Money,
            "235,9 miliardi di dollari",
            "235900000000",
            Some("USD"),
            [235.85e9, 235.95e9],
            Q::None,
            None,
            &[],
        ),
        row(
            Percent,
            "+32,7%",
            "32.7",
            Some("%"),
            [32.65, 32.75],
            Q::None,
            None,
            &[],
        ),
        date("novembre", "2023", "2023-11", 2023.0),
        row(Ordinal, "prima", "1", None, [1.0, 1.0], Q::None, None, &[]),
        row(
            Money,
            "200 miliardi di dollari",
            "200000000000",
            Some("USD"),
            [199.5e9, 200.5e9],
            Q::None,
            None,
            &[],
        ),
        date("2019", "2019", "2019", 2019.0),
        row(
            Count,
            "due capitali",
            "2",
            Some("capitali"),
            [1.5, 2.5],
            Q::None,
            None,
            &[],
        ),
        row(
            Money,
            "200 miliardi di dollari",
            "200000000000",
            Some("USD"),
            [199.5e9, 200.5e9],
            Q::None,
            None,
            &[],
        ),
        date("2024", "2024", "2024", 2024.0),
        date("luglio", "2023", "2023-07", 2023.0),
        row(
            Count,
            "una dozzina di navi",
            "12",
            Some("navi"),
            [11.5, 12.5],
            Q::Approx,
            None,
            &[],
        ),
        row(
            Count,
            "20 esercitazioni",
            "20",
            Some("esercitazioni"),
            [19.5, 20.5],
            Q::None,
            None,
            &[],
        ),
        row(
            Quantity,
            "2.300 miglia nautiche",
            "2300",
            Some("nmi"),
            [2299.5, 2300.5],
            Q::None,
            None,
            &[],
        ),
    ];
    let relations = [
        ExpectedRelation {
            kind: RelationKind::Conversion,
            claims: &["c10", "c11"],
            marker: "(",
            direction: None,
            period: None,
        },
        ExpectedRelation {
            kind: RelationKind::Conversion,
            claims: &["c13", "c14", "c12"],
            marker: "(",
            direction: None,
            // "nel 2023": the year of trade the amounts cover.
            period: Some("2023"),
        },
        ExpectedRelation {
            kind: RelationKind::Change,
            claims: &["c15", "c13"],
            marker: "aumento",
            direction: Some(Direction::Up),
            period: Some("year-on-year"),
        },
        // "negli ultimi due anni" counted from February 2022, the date before it.
        ExpectedRelation {
            kind: RelationKind::Elapsed,
            claims: &["c2", "c1"],
            marker: "ultimi",
            direction: None,
            period: Some("years"),
        },
    ];
    check(&text, &extraction, &expected, &relations);
    let long = &extraction.claims[12].ambiguity[0];
    assert_eq!(
        long.alternative_value_text.as_deref(),
        Some("1690000000000000000")
    );
}

#[test]
fn english_fixture_complete_claim_list() {
    let (text, extraction) = run(
        "fixtures/articles/china-russia-2024-01-en.txt",
        after_front_matter,
        "2024-01-20",
    );
    assert_eq!(extraction.lang, Lang::En);
    let expected = [
        date("Monday", "2024", "2024-01-15", 2024.0),
        date("February 2022", "2022", "2022-02", 2022.0),
        row(
            Duration,
            "two years",
            "2",
            Some("years"),
            [1.5, 2.5],
            Q::None,
            None,
            &[],
        ),
        row(
            Count,
            "two countries",
            "2",
            Some("countries"),
            [1.5, 2.5],
            Q::None,
            None,
            &[],
        ),
        date("last December", "2023", "2023-12", 2023.0),
        row(
            Ordinal,
            "75th",
            "75",
            None,
            [75.0, 75.0],
            Q::None,
            None,
            &[],
        ),
        date("this year", "2024", "2024", 2024.0),
        row(
            Count,
            "55 agreements",
            "55",
            Some("agreements"),
            [54.5, 55.5],
            Q::None,
            None,
            &[],
        ),
        row(
            Money,
            "13.6 billion yuan",
            "13600000000",
            Some("CNY"),
            [13.55e9, 13.65e9],
            Q::None,
            None,
            &[],
        ),
        row(
            Money,
            "$1.91bn",
            "1910000000",
            Some("USD"),
            [1.905e9, 1.915e9],
            Q::None,
            None,
            &[],
        ),
        row(
            Count,
            "two countries",
            "2",
            Some("countries"),
            [1.5, 2.5],
            Q::None,
            None,
            &[],
        ),
        row(
            Money,
            "1.69 trillion yuan",
            "1690000000000",
            Some("CNY"),
            [1.685e12, 1.695e12],
            Q::None,
            None,
            &[],
        ),
        row(
            Money,
            "$235.9bn",
            "235900000000",
            Some("USD"),
            [235.85e9, 235.95e9],
            Q::None,
            None,
            &[],
        ),
        date("2023", "2023", "2023", 2023.0),
        row(
            Percent,
            "32.7%",
            "32.7",
            Some("%"),
            [32.65, 32.75],
            Q::None,
            None,
            &[],
        ),
        date("November", "2023", "2023-11", 2023.0),
        row(
            Money,
            "$200bn",
            "200000000000",
            Some("USD"),
            [199.5e9, 200.5e9],
            Q::None,
            None,
            &[],
        ),
        row(Ordinal, "first", "1", None, [1.0, 1.0], Q::None, None, &[]),
        row(
            Money,
            "$200 billion",
            "200000000000",
            Some("USD"),
            [199.5e9, 200.5e9],
            Q::None,
            None,
            &[],
        ),
        date("2024", "2024", "2024", 2024.0),
        row(
            Count,
            "two capitals",
            "2",
            Some("capitals"),
            [1.5, 2.5],
            Q::None,
            None,
            &[],
        ),
        date("2019", "2019", "2019", 2019.0),
        date("July", "2023", "2023-07", 2023.0),
        row(
            Count,
            "a dozen Chinese and Russian warships",
            "12",
            Some("warships"),
            [11.5, 12.5],
            Q::Approx,
            None,
            &[],
        ),
        row(
            Count,
            "20 exercises",
            "20",
            Some("exercises"),
            [19.5, 20.5],
            Q::None,
            None,
            &[],
        ),
        row(
            Quantity,
            "2,300 nautical miles",
            "2300",
            Some("nmi"),
            [2299.5, 2300.5],
            Q::None,
            None,
            &[],
        ),
    ];
    let relations = [
        ExpectedRelation {
            kind: RelationKind::Conversion,
            claims: &["c9", "c10"],
            marker: "(",
            direction: None,
            period: None,
        },
        ExpectedRelation {
            kind: RelationKind::Conversion,
            claims: &["c12", "c13", "c14"],
            marker: "(",
            direction: None,
            // "in 2023": the year of trade the amounts cover.
            period: Some("2023"),
        },
        ExpectedRelation {
            kind: RelationKind::Change,
            claims: &["c15", "c12"],
            marker: "up",
            direction: Some(Direction::Up),
            period: Some("year-on-year"),
        },
        // "over the past two years" counted from February 2022, the date before it.
        ExpectedRelation {
            kind: RelationKind::Elapsed,
            claims: &["c3", "c2"],
            marker: "past",
            direction: None,
            period: Some("years"),
        },
    ];
    check(&text, &extraction, &expected, &relations);
}

#[test]
fn fixture_header_yields_no_claims_but_counts_for_positions() {
    let (text, extraction) = run(
        "fixtures/articles/cina-russia-2024-01-it.txt",
        after_date_line,
        "2024-01",
    );
    let first = &extraction.claims[0];
    assert!(first.start > "date 2024-01 ".len());
    let line_start = text[..first.start].rfind('\n').map_or(0, |p| p + 1);
    assert_eq!(
        first.line as usize,
        text[..first.start].matches('\n').count() + 1
    );
    assert_eq!(
        first.column as usize,
        text[line_start..first.start].chars().count() + 1
    );
    assert_eq!(extraction.sentences[0].start, "date 2024-01 ".len());
    assert_eq!(extraction.sentences.last().unwrap().end, text.len());
}
