//! Unit tests of parsing and lookups on small hand-written files: layouts, bad lines, cross
//! rates, the weekend fallback and its bound, dropped currencies. `bundled_tests.rs` checks
//! the shipped ECB history against facts a fact-checker would verify by hand.

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

const SMALL_ECB: &str = "Date,USD,CNY,RUB,\n\
2022-03-02,1.1120,7.0204,N/A,\n\
2022-03-01,1.1162,7.0489,117.2966,\n\
2022-02-25,1.1216,7.0807,94.7600,\n";

fn small_ecb() -> RateTable {
    let parsed = parse_rates("small.csv", "TEST", SMALL_ECB).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    parsed.table
}

#[test]
fn ecb_layout_is_read_with_trailing_commas_and_gaps() {
    let table = small_ecb();
    assert_eq!(table.layout(), Layout::Ecb);
    assert_eq!(
        table.len(),
        8,
        "three days × three currencies minus one N/A"
    );
    assert_eq!(table.newest_day(), Some(day("2022-03-02")));
    assert_eq!(table.oldest_day(), Some(day("2022-02-25")));
}

#[test]
fn cross_rate_divides_the_two_per_euro_figures() {
    let quote = small_ecb()
        .rate(cur("USD"), cur("CNY"), day("2022-03-01"))
        .unwrap();
    assert_eq!(quote.rate, 7.0489 / 1.1162);
    assert!(quote.via_eur);
    assert_eq!(quote.legs.len(), 2);
    let inverse = small_ecb()
        .rate(cur("CNY"), cur("USD"), day("2022-03-01"))
        .unwrap();
    assert!((quote.rate * inverse.rate - 1.0).abs() < 1e-12);
}

#[test]
fn euro_side_is_the_published_figure_and_euro_to_euro_is_one() {
    let table = small_ecb();
    let quote = table
        .rate(Currency::EUR, cur("USD"), day("2022-03-02"))
        .unwrap();
    assert_eq!((quote.rate, quote.via_eur), (1.1120, false));
    assert_eq!(quote.description, "TEST 2022-03-02 USD/EUR 1.112");
    let back = table
        .rate(cur("USD"), Currency::EUR, day("2022-03-02"))
        .unwrap();
    assert_eq!(back.rate, 1.0 / 1.1120);
    let same = table
        .rate(Currency::EUR, Currency::EUR, day("2022-03-02"))
        .unwrap();
    assert_eq!(same.rate, 1.0);
}

#[test]
fn weekend_uses_the_previous_business_day_within_a_week() {
    let table = small_ecb();
    // 2022-02-26/27 are a weekend: Friday 2022-02-25 applies.
    for weekend in ["2022-02-26", "2022-02-27"] {
        let quote = table.rate(cur("USD"), cur("CNY"), day(weekend)).unwrap();
        assert_eq!(quote.date_used, day("2022-02-25"));
        assert_eq!(quote.date_requested, day(weekend));
    }
    assert!(
        table
            .rate(cur("USD"), cur("CNY"), day("2022-03-09"))
            .is_some()
    );
    assert!(
        table
            .rate(cur("USD"), cur("CNY"), day("2022-03-10"))
            .is_none(),
        "8 days back"
    );
    assert!(
        table
            .rate(cur("USD"), cur("CNY"), day("2022-02-24"))
            .is_none(),
        "before data"
    );
}

#[test]
fn dropped_currency_is_unknown_not_stale() {
    let table = small_ecb();
    assert!(
        table
            .rate(cur("EUR"), cur("RUB"), day("2022-03-01"))
            .is_some()
    );
    assert!(
        table
            .rate(cur("EUR"), cur("RUB"), day("2022-03-02"))
            .is_none()
    );
    assert!(
        table
            .rate(cur("USD"), cur("RUB"), day("2022-03-05"))
            .is_none()
    );
}

#[test]
fn pairs_layout_crosses_through_a_shared_base_and_last_row_wins() {
    let text = "date,base,quote,rate\n\
2024-01-02,USD,ARS,808.45\n\
2024-01-02,usd,cny,7.10\n\
2024-01-02,USD,CNY,7.14\n";
    let parsed = parse_rates("user.csv", "user", text).unwrap();
    assert!(parsed.errors.is_empty());
    let table = parsed.table;
    assert_eq!(table.layout(), Layout::Pairs);
    let direct = table
        .rate(cur("USD"), cur("CNY"), day("2024-01-03"))
        .unwrap();
    assert_eq!(direct.rate, 7.14, "the later row replaces the earlier one");
    let cross = table
        .rate(cur("CNY"), cur("ARS"), day("2024-01-02"))
        .unwrap();
    assert_eq!(cross.rate, 808.45 / 7.14);
    assert!(!cross.via_eur);
}

#[test]
fn bad_rows_are_named_by_line_and_the_rest_is_read() {
    let text = "date,base,quote,rate\n\
2024-01-02,USD,CNY,7.14\n\
2024-13-02,USD,CNY,7.14\n\
\n\
2024-01-03,USD,CNY,seven\n\
2024-01-04,USD,CN,7.1\n\
2024-01-05,USD,CNY,inf\n\
2024-01-06,USD,CNY\n\
2024-01-07,USD,CNY,7.2\n";
    let parsed = parse_rates("user.csv", "user", text).unwrap();
    let lines: Vec<usize> = parsed.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [3, 5, 6, 7, 8]);
    assert_eq!(parsed.table.len(), 2);
    let messages: Vec<String> = parsed.errors.iter().map(ToString::to_string).collect();
    assert!(
        messages[0].starts_with("user.csv:3: bad date `2024-13-02`"),
        "{messages:?}"
    );
    assert!(messages[1].contains("bad number `seven`"), "{messages:?}");
    assert!(messages[2].contains("bad currency `CN`"), "{messages:?}");
    assert!(messages[3].contains("bad number `inf`"), "{messages:?}");
    assert!(
        messages[4].contains("3 cells where the header has 4"),
        "{messages:?}"
    );
}

#[test]
fn bad_ecb_row_adds_nothing() {
    let text = "Date,USD,CNY,\n2024-01-02,1.0956,7.8264,\n2024-01-03,1.09,x,\n";
    let parsed = parse_rates("ecb.csv", "mine", text).unwrap();
    assert_eq!(parsed.errors.len(), 1);
    assert_eq!(parsed.errors[0].line, 3);
    assert_eq!(parsed.table.len(), 2);
}

#[test]
fn unknown_layout_and_empty_file_are_errors_naming_the_file() {
    let unknown = parse_rates("x.csv", "s", "when,from,to,rate\n").unwrap_err();
    assert!(
        unknown.to_string().starts_with("x.csv:1: unknown layout"),
        "{unknown}"
    );
    let empty = parse_rates("y.csv", "s", "\n\n").unwrap_err();
    assert!(matches!(empty, RateError::Empty { .. }));
}

#[test]
fn source_names_reserve_ecb() {
    assert!(validate_source_name("ECB").is_err());
    assert!(validate_source_name("ecb").is_err());
    assert!(validate_source_name("bad name").is_err());
    assert!(validate_source_name("bank-of-italy").is_ok());
}

#[test]
fn format_rate_keeps_five_significant_digits() {
    assert_eq!(format_rate(7.143483023), "7.1435");
    assert_eq!(format_rate(142.0912), "142.09");
    assert_eq!(format_rate(0.00703781), "0.0070378");
    assert_eq!(format_rate(15523.64), "15524");
    assert_eq!(format_rate(7.1), "7.1");
}

#[test]
fn ecb_rows_with_missing_or_extra_cells_are_rejected() {
    let text = "Date,USD,CNY,\n2024-01-02,1.0956,\n2024-01-03,1.09,7.8,9.9,\n2024-01-04,1.09,7.8\n";
    let parsed = parse_rates("ecb.csv", "mine", text).unwrap();
    let problems: Vec<String> = parsed
        .errors
        .iter()
        .map(|e| e.problem.to_string())
        .collect();
    assert_eq!(
        problems,
        [
            "2 cells where the header has 3",
            "4 cells where the header has 3"
        ]
    );
    assert_eq!(
        parsed.table.len(),
        2,
        "only the well-formed row without a trailing comma"
    );
}

#[test]
fn period_range_counts_only_days_inside_it() {
    let table = small_ecb();
    let march = table
        .range(cur("USD"), cur("CNY"), &period("2022-03"))
        .unwrap();
    let rates: Vec<f64> = march.rows.iter().map(|row| row.rate).collect();
    assert_eq!(
        rates,
        [7.0489 / 1.1162, 7.0204 / 1.1120],
        "February 25 is outside"
    );
    assert_eq!((march.min.rate, march.max.rate), (rates[1], rates[0]));
    assert_eq!(march.mean, (rates[0] + rates[1]) / 2.0);
    let rub = table
        .range(Currency::EUR, cur("RUB"), &period("2022-03"))
        .unwrap();
    assert_eq!((rub.business_days, rub.days_without_rate), (1, 1));
    assert!(
        table
            .range(cur("USD"), cur("CNY"), &period("2022-04"))
            .is_none()
    );
}

#[test]
fn quoted_cells_crlf_and_a_byte_order_mark_are_read_as_csv() {
    let text = "\u{feff}\"date\",\"base\",\"quote\",\"rate\"\r\n\
2024-01-02,USD,CNY,\"7,1435\"\r\n\
2024-01-03,\"US, Dollar\",CNY,7.1\r\n\
2024-01-04,USD,CNY,\"7.14\r\n\
2024-01-05,USD,CNY,\"7,143\"\r\n\
\"2024-01-06\",\"USD\",\"CNY\",\"7.15\"\r\n";
    let parsed = parse_rates("sheet.csv", "user", text).unwrap();
    let messages: Vec<String> = parsed.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "sheet.csv:3: bad currency `US, Dollar` (expected a three-letter code such as USD)",
            "sheet.csv:4: unclosed quote in cell 4 (a quoted cell must end on its line with `\"`)",
            "sheet.csv:5: ambiguous number `7,143` in column rate: a decimal comma or a thousands \
             separator; write it with a point (such as 1.082) or without a separator (1082)",
        ]
    );
    let table = parsed.table;
    assert_eq!(table.len(), 2);
    let rate = |date| table.rate(cur("USD"), cur("CNY"), day(date)).unwrap().rate;
    assert_eq!(rate("2024-01-02"), 7.1435, "a quoted decimal comma");
    assert_eq!(rate("2024-01-06"), 7.15, "every cell quoted");
}

#[test]
fn ecb_layout_with_a_quoted_header_and_a_quoted_cell() {
    let text = "\"Date\",\"USD\",\"CNY\",\r\n2024-01-02,\"1,0956\",7.8264,\r\n";
    let parsed = parse_rates("ecb.csv", "mine", text).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let quote = parsed
        .table
        .rate(Currency::EUR, cur("USD"), day("2024-01-02"))
        .unwrap();
    assert_eq!(quote.rate, 1.0956);
}
