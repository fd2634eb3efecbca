//! Measures the cold cost of the bundled ECB rates (run with --release).
use std::time::Instant;
fn main() {
    let usd = "USD".parse().unwrap();
    let cny = "CNY".parse().unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 2).unwrap();
    if std::env::args().nth(1).as_deref() == Some("lookup-only") {
        let quote = claimlint::reference::bundled().rate(usd, cny, day).unwrap();
        println!("{}", quote.description);
        return;
    }
    let start = Instant::now();
    let text = claimlint::reference::bundled_csv();
    let decompressed = start.elapsed();
    let parsed = claimlint::reference::parse_rates("b", "ECB", &text).unwrap();
    let full = start.elapsed() - decompressed;
    let start = Instant::now();
    let quote = claimlint::reference::bundled().rate(usd, cny, day).unwrap();
    let first_lookup = start.elapsed();
    let start = Instant::now();
    let book = claimlint::reference::RateBook::bundled_only();
    let period = claimlint::reference::year_period(2023).unwrap();
    let range = book.range(usd, cny, &period).unwrap();
    let next = start.elapsed();
    println!(
        "decompress {decompressed:?}; full validating parse {full:?} ({} rates); \
         cold first lookup (decompress + index + 2 columns) {first_lookup:?}; \
         then a 2023 range {next:?}; {} {}",
        parsed.table.len(),
        quote.description,
        range.description
    );
}
