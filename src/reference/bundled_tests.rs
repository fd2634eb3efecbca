//! Unit tests on the bundled ECB history: the file is the published snapshot, the lazy reader
//! agrees with the validating parser, and the figures match what a fact-checker would find by
//! hand (CNY per USD in January 2024 and the 2023 average, RUB after its suspension).

use chrono::NaiveDate;

use super::*;
use crate::model::ArticleDate;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn cur(code: &str) -> Currency {
    code.parse().unwrap()
}

fn period(text: &str) -> RatePeriod {
    RatePeriod::of(&ArticleDate::parse(text).unwrap()).unwrap()
}

/// The bundled figures of one day, read straight from the CSV text (not through the parser).
fn csv_cell(date: &str, currency: &str) -> Option<f64> {
    let text = bundled_csv();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let column = header.iter().position(|h| *h == currency)?;
    let row = lines.find(|line| line.starts_with(date))?;
    row.split(',').nth(column)?.parse().ok()
}

#[test]
fn bundled_file_is_the_published_snapshot() {
    use sha2::{Digest, Sha256};
    let text = bundled_csv();
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, BUNDLED_SHA256);
    let table = bundled();
    assert_eq!(
        table.newest_day().unwrap().to_string(),
        BUNDLED_SNAPSHOT_DATE
    );
    assert_eq!(table.oldest_day(), Some(day("1999-01-04")));
}

#[test]
fn lazy_bundled_columns_equal_the_validating_parser() {
    let parsed = parse_rates("bundled", BUNDLED_SOURCE, &bundled_csv()).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors.first());
    let sorted = |table: &RateTable| {
        let mut rows: Vec<RateRow> = table.rows().collect();
        rows.sort_by_key(|row| (row.base, row.quote, row.date));
        rows
    };
    let (eager, lazy) = (sorted(&parsed.table), sorted(bundled()));
    assert_eq!(eager.len(), 221_702);
    assert!(eager == lazy, "the lazy reader differs from parse_rates");
    assert_eq!(parsed.table.currencies(), bundled().currencies());
    for date in ["2022-03-02", "2024-01-01", "1999-01-09"] {
        assert_eq!(
            parsed.table.publication_day(day(date)),
            bundled().publication_day(day(date))
        );
    }
}

#[test]
fn cny_per_usd_in_january_2024_matches_the_ecb_figures() {
    let book = RateBook::bundled_only();
    for (date, expected) in [("2024-01-02", 7.1435), ("2024-01-31", 7.1781)] {
        let quote = book.rate(cur("USD"), cur("CNY"), day(date)).unwrap();
        let from_csv = csv_cell(date, "CNY").unwrap() / csv_cell(date, "USD").unwrap();
        assert_eq!(quote.rate, from_csv);
        assert!(
            (quote.rate - expected).abs() < 0.00005,
            "{date}: {}",
            quote.rate
        );
        assert_eq!(quote.description, format!("ECB {date} CNY/USD {expected}"));
        assert!(quote.via_eur);
    }
}

#[test]
fn new_year_holiday_falls_back_to_the_last_business_day_of_2023() {
    let quote = RateBook::bundled_only()
        .rate(cur("USD"), cur("CNY"), day("2024-01-01"))
        .unwrap();
    assert_eq!(quote.date_used, day("2023-12-29"));
}

#[test]
fn january_2024_range_spans_the_known_daily_rates() {
    let range = RateBook::bundled_only()
        .range(cur("USD"), cur("CNY"), &period("2024-01"))
        .unwrap();
    assert_eq!(range.business_days, 22);
    assert_eq!(range.rows.first().unwrap().date, day("2024-01-02"));
    assert_eq!(range.rows.last().unwrap().date, day("2024-01-31"));
    assert!(range.min.rate <= 7.1435 && 7.1781 <= range.max.rate);
    assert!(range.min.rate <= range.mean && range.mean <= range.max.rate);
    assert!((7.10..7.25).contains(&range.mean), "{}", range.mean);
    let recomputed: f64 = range.rows.iter().map(|row| row.rate).sum::<f64>() / 22.0;
    assert_eq!(range.mean, recomputed);
}

#[test]
fn average_cny_per_usd_in_2023_is_about_7_08() {
    let range = RateBook::bundled_only()
        .range(cur("USD"), cur("CNY"), &period("2023"))
        .unwrap();
    assert!((range.mean - 7.08).abs() <= 0.02, "{}", range.mean);
    assert!(
        (250..=260).contains(&range.business_days),
        "{}",
        range.business_days
    );
}

#[test]
fn rub_is_unknown_after_the_ecb_suspended_it() {
    let book = RateBook::bundled_only();
    assert!(
        book.rate(cur("EUR"), cur("RUB"), day("2022-03-01"))
            .is_some()
    );
    for date in ["2022-03-02", "2022-03-05", "2023-06-15"] {
        assert!(
            book.rate(cur("EUR"), cur("RUB"), day(date)).is_none(),
            "{date}"
        );
    }
    let march = book
        .range(cur("EUR"), cur("RUB"), &period("2022-03"))
        .unwrap();
    assert_eq!(march.business_days, 1);
    assert!(march.days_without_rate > 15);
}

#[test]
fn imported_source_wins_and_can_be_set_aside() {
    let text = "date,base,quote,rate\n2024-01-02,USD,CNY,7.2000\n";
    let user = parse_rates("u.csv", "user", text).unwrap().table;
    let book = RateBook::with_imported(vec![user]);
    let quote = book
        .rate(cur("USD"), cur("CNY"), day("2024-01-02"))
        .unwrap();
    assert_eq!((quote.source.as_str(), quote.rate), ("user", 7.2));
    let ecb = book.clone().only("ecb").unwrap();
    let quote = ecb.rate(cur("USD"), cur("CNY"), day("2024-01-02")).unwrap();
    assert_eq!(quote.source, "ECB");
    assert!(book.only("nope").is_none());
}

#[test]
fn unknown_currency_is_explained() {
    let book = RateBook::bundled_only();
    assert!(
        book.rate(cur("USD"), cur("XYZ"), day("2024-01-02"))
            .is_none()
    );
    let why = book.explain_missing(cur("USD"), cur("XYZ"), &period("2024-01-02"));
    assert!(why.contains("XYZ is not quoted"), "{why}");
    let why = book.explain_missing(cur("USD"), cur("CNY"), &period("1990"));
    assert!(why.contains("start on 1999-01-04"), "{why}");
    let why = book.explain_missing(cur("EUR"), cur("RUB"), &period("2022-03-04"));
    assert!(why.contains("RUB was last quoted on 2022-03-01"), "{why}");
    let why = book.explain_missing(cur("USD"), cur("CNY"), &period("2004-06"));
    assert!(why.contains("CNY is quoted from 2005-04-01"), "{why}");
}

#[test]
fn fast_number_parsing_equals_the_standard_library_on_every_bundled_cell() {
    let text = bundled_csv();
    let mut checked = 0;
    for cell in text
        .lines()
        .skip(1)
        .flat_map(|line| line.split(',').skip(1))
    {
        if cell.is_empty() || cell == "N/A" {
            continue;
        }
        assert_eq!(
            fields::parse_rate(cell),
            Ok(cell.parse::<f64>().unwrap()),
            "{cell}"
        );
        checked += 1;
    }
    assert_eq!(checked, bundled().len());
    for text in [
        "0.000000000000000012345678",
        "12345678901234567890.5",
        "1.10",
        "007.5",
    ] {
        assert_eq!(
            fields::parse_rate(text),
            Ok(text.parse::<f64>().unwrap()),
            "{text}"
        );
    }
    for text in [
        "", ".", "1.", ".5", "1.2.3", "-1", "0", "0.000", "1e5", "+1", "1,5",
    ] {
        assert!(fields::parse_rate(text).is_err(), "{text}");
    }
}

#[test]
fn imported_currency_crosses_with_ecb_legs_when_no_source_has_both() {
    let text = "date,base,quote,rate\n2024-01-02,USD,ARS,808.45\n";
    let user = parse_rates("u.csv", "user", text).unwrap().table;
    let book = RateBook::with_imported(vec![user]);
    let quote = book
        .rate(cur("CNY"), cur("ARS"), day("2024-01-03"))
        .unwrap();
    let usd_per_cny = book
        .rate(cur("CNY"), cur("USD"), day("2024-01-03"))
        .unwrap();
    assert_eq!(usd_per_cny.source, "ECB");
    assert!(
        (quote.rate - 808.45 * usd_per_cny.rate).abs() < 1e-9,
        "{}",
        quote.rate
    );
    assert_eq!(quote.source, "user+ECB");
    assert_eq!(
        quote.legs.len(),
        3,
        "ARS/USD from the user, CNY and USD per EUR from the ECB"
    );
    assert_eq!(quote.date_used, day("2024-01-02"));
    let euro = book
        .rate(Currency::EUR, cur("ARS"), day("2024-01-02"))
        .unwrap();
    assert!((euro.rate - 808.45 * 1.0956).abs() < 1e-9, "{}", euro.rate);
    assert!(
        book.rate(cur("CNY"), cur("ARS"), day("2024-01-12"))
            .is_none(),
        "past the window"
    );
}

#[test]
fn a_period_is_never_mixed_across_sources_and_says_so() {
    let text = "date,base,quote,rate\n2024-01-02,USD,ARS,808.45\n";
    let user = parse_rates("u.csv", "user", text).unwrap().table;
    let book = RateBook::with_imported(vec![user]);
    assert!(
        book.rate(cur("CNY"), cur("ARS"), day("2024-01-02"))
            .is_some()
    );
    let january = period("2024-01");
    let err = book.lookup(cur("CNY"), cur("ARS"), &january).unwrap_err();
    assert!(
        err.to_string().contains("never mixed across sources"),
        "{err}"
    );
}
