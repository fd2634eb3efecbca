//! `claimlint rates show` and `rates import` through the real binary. `show` needs no database
//! (the ECB history is in the binary), so most tests run without one; the import tests share
//! one database each because an import also loads the bundled snapshot into it.

mod common;

use common::{Workspace, stderr_of, stdout_of};
use serde_json::Value;

fn run_ok(workspace: &Workspace, args: &[&str]) -> String {
    let output = workspace.claimlint(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
    stdout_of(&output)
}

fn json(workspace: &Workspace, args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    serde_json::from_str(&run_ok(workspace, &args)).unwrap()
}

/// Runs a command that must fail with exit code 2 and returns its stderr.
fn run_fails(workspace: &Workspace, args: &[&str]) -> String {
    let output = workspace.claimlint(args).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "{args:?}: {}",
        stdout_of(&output)
    );
    stderr_of(&output)
}

#[test]
fn show_a_day_prints_the_ecb_cross_and_its_rows() {
    let workspace = Workspace::new();
    let out = run_ok(&workspace, &["rates", "show", "USD", "CNY", "2024-01-02"]);
    assert!(out.starts_with("CNY/USD 7.1435 on 2024-01-02"), "{out}");
    assert!(out.contains("via EUR: CNY/EUR 7.8264 (2024-01-02) ÷ USD/EUR 1.0956 (2024-01-02)"));
    assert!(
        out.contains("evidence  ECB 2024-01-02 CNY/USD 7.1435"),
        "{out}"
    );
    assert!(
        out.contains("European Central Bank"),
        "the source is cited: {out}"
    );
    assert!(!workspace.db().exists(), "show does not create a database");
    let quote = json(&workspace, &["rates", "show", "usd", "cny", "2024-01-02"]);
    assert_eq!(quote["kind"], "day");
    assert_eq!(quote["source"], "ECB");
    let legs = &quote["legs"];
    let cross = legs[0]["rate"].as_f64().unwrap() / legs[1]["rate"].as_f64().unwrap();
    assert_eq!(quote["rate"].as_f64().unwrap(), cross);
    assert_eq!(quote["bundled_snapshot"]["source"], "ECB");
}

#[test]
fn show_a_weekend_day_uses_the_friday_rows() {
    let workspace = Workspace::new();
    let saturday = json(&workspace, &["rates", "show", "USD", "CNY", "2024-01-06"]);
    let friday = json(&workspace, &["rates", "show", "USD", "CNY", "2024-01-05"]);
    assert_eq!(saturday["date_requested"], "2024-01-06");
    assert_eq!(saturday["date_used"], "2024-01-05");
    assert_eq!(saturday["rate"], friday["rate"]);
    let out = run_ok(&workspace, &["rates", "show", "USD", "CNY", "2024-01-06"]);
    assert!(
        out.contains("row used  2024-01-05; no rate on 2024-01-06"),
        "{out}"
    );
}

#[test]
fn show_a_month_prints_min_max_mean_over_its_business_days() {
    let workspace = Workspace::new();
    let range = json(&workspace, &["rates", "show", "USD", "CNY", "2024-01"]);
    assert_eq!(range["kind"], "period");
    let rows = range["rows"].as_array().unwrap();
    assert_eq!(
        range["business_days"].as_u64().unwrap() as usize,
        rows.len()
    );
    assert_eq!(rows.len(), 22);
    let rates: Vec<f64> = rows.iter().map(|r| r["rate"].as_f64().unwrap()).collect();
    let min = rates.iter().copied().fold(f64::INFINITY, f64::min);
    let max = rates.iter().copied().fold(0.0, f64::max);
    assert_eq!(range["min"]["rate"].as_f64().unwrap(), min);
    assert_eq!(range["max"]["rate"].as_f64().unwrap(), max);
    let day = json(&workspace, &["rates", "show", "USD", "CNY", "2024-01-31"]);
    assert!(rates.contains(&day["rate"].as_f64().unwrap()));
    let out = run_ok(&workspace, &["rates", "show", "USD", "CNY", "2024-01"]);
    assert!(out.starts_with("CNY/USD in 2024-01: mean "), "{out}");
    assert!(
        out.contains("business days  22 (2024-01-02 … 2024-01-31)"),
        "{out}"
    );
}

#[test]
fn show_a_year_gives_its_average() {
    let workspace = Workspace::new();
    let range = json(&workspace, &["rates", "show", "USD", "CNY", "2023"]);
    let mean = range["mean"].as_f64().unwrap();
    assert!((mean - 7.08).abs() <= 0.02, "{mean}");
}

#[test]
fn unknown_currency_dropped_currency_and_bad_date_exit_2_with_a_reason() {
    let workspace = Workspace::new();
    let err = run_fails(&workspace, &["rates", "show", "USD", "XYZ", "2024-01-02"]);
    assert!(
        err.contains("XYZ is not quoted by any rate source"),
        "{err}"
    );
    let err = run_fails(&workspace, &["rates", "show", "EUR", "RUB", "2022-03-04"]);
    assert!(err.contains("RUB was last quoted on 2022-03-01"), "{err}");
    let err = run_fails(&workspace, &["rates", "show", "USD", "CNY", "2024-02-30"]);
    assert!(err.contains("2024-02-30"), "{err}");
    let err = run_fails(&workspace, &["rates", "show", "US", "CNY", "2024-01-02"]);
    assert!(err.contains("not a currency code"), "{err}");
}

#[test]
fn import_both_layouts_reports_bad_lines_and_lookups_use_them() {
    let workspace = Workspace::new();
    let pairs = workspace.write(
        "bank.csv",
        "date,base,quote,rate\n2024-01-02,USD,ARS,808.45\n2024-01-03,USD,ARS,8o9\n2024-01-04,USD,ARS,810.2\n",
    );
    let output = workspace
        .claimlint(&[
            "rates",
            "import",
            pairs.to_str().unwrap(),
            "--source",
            "bank",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "a bad line fails the batch");
    let err = stderr_of(&output);
    assert!(err.contains("bank.csv:3: bad number `8o9`"), "{err}");
    let out = stdout_of(&output);
    assert!(out.contains("imported 2 rates into source `bank`"), "{out}");
    assert!(out.contains("loaded the bundled ECB rates"), "{out}");

    let quote = json(&workspace, &["rates", "show", "USD", "ARS", "2024-01-05"]);
    assert_eq!(
        (quote["source"].as_str(), quote["rate"].as_f64()),
        (Some("bank"), Some(810.2))
    );
    let mixed = json(&workspace, &["rates", "show", "EUR", "ARS", "2024-01-02"]);
    assert_eq!(mixed["source"], "bank+ECB");

    let ecb_layout = workspace.write(
        "mirror.csv",
        "Date,USD,CNY,\n2024-01-03,1.0919,7.8057,\n2024-01-32,1.09,7.8,\n2024-01-02,1.0956,7.8264,\n",
    );
    let output = workspace
        .claimlint(&[
            "rates",
            "import",
            ecb_layout.to_str().unwrap(),
            "--source",
            "mirror",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("mirror.csv:3: bad date `2024-01-32`"));
    assert!(stdout_of(&output).contains("imported 4 rates into source `mirror` (ecb layout"));
    assert!(
        !stdout_of(&output).contains("loaded the bundled"),
        "loaded once per database"
    );
    let pinned = json(
        &workspace,
        &[
            "rates",
            "show",
            "USD",
            "CNY",
            "2024-01-02",
            "--source",
            "mirror",
        ],
    );
    assert_eq!(pinned["source"], "mirror");
    let ecb = json(
        &workspace,
        &[
            "rates",
            "show",
            "USD",
            "CNY",
            "2024-01-02",
            "--source",
            "ECB",
        ],
    );
    assert_eq!(
        pinned["rate"], ecb["rate"],
        "the mirror holds the ECB's figures"
    );
    let err = run_fails(
        &workspace,
        &[
            "rates",
            "show",
            "USD",
            "CNY",
            "2024-01-02",
            "--source",
            "nope",
        ],
    );
    assert!(err.contains("no rate source `nope`"), "{err}");
}

#[test]
fn import_refuses_the_reserved_name_and_an_unknown_layout() {
    let workspace = Workspace::new();
    let file = workspace.write("r.csv", "date,base,quote,rate\n2024-01-02,USD,ARS,808.45\n");
    let err = run_fails(
        &workspace,
        &["rates", "import", file.to_str().unwrap(), "--source", "ecb"],
    );
    assert!(err.contains("reserved for the bundled ECB data"), "{err}");
    let odd = workspace.write("odd.csv", "day;from;to;rate\n");
    let err = run_fails(&workspace, &["rates", "import", odd.to_str().unwrap()]);
    assert!(err.contains("odd.csv:1: unknown layout"), "{err}");
    assert!(!workspace.db().exists(), "nothing was written");
}

/// What users see, reviewed as UX: a day (human and JSON), a weekend and a month.
#[test]
fn show_output_snapshots() {
    let workspace = Workspace::new();
    let show = |args: &[&str]| {
        let mut all = vec!["rates", "show"];
        all.extend(args);
        run_ok(&workspace, &all)
    };
    insta::assert_snapshot!("show_day", show(&["USD", "CNY", "2024-01-02"]));
    insta::assert_snapshot!("show_weekend", show(&["CNY", "EUR", "2024-01-06"]));
    insta::assert_snapshot!("show_month", show(&["USD", "CNY", "2024-01"]));
    insta::assert_snapshot!(
        "show_day_json",
        show(&["USD", "CNY", "2024-01-02", "--format", "json"])
    );
    insta::assert_snapshot!(
        "show_month_json",
        show(&["GBP", "JPY", "2024-01", "--format", "json"])
    );
}

#[test]
fn import_reads_a_spreadsheet_export_with_quotes_crlf_and_a_bom() {
    let workspace = Workspace::new();
    let sheet = workspace.write(
        "sheet.csv",
        "\u{feff}\"date\",\"base\",\"quote\",\"rate\"\r\n\
         2024-01-02,\"USD\",\"ARS\",\"808,45\"\r\n\
         2024-01-03,USD,ARS,\"809.1\r\n\
         2024-01-04,\"US, Dollar\",ARS,810\r\n\
         2024-01-05,USD,ARS,\"1,810\"\r\n\
         2024-01-08,USD,ARS,811.5\r\n",
    );
    let output = workspace
        .claimlint(&["rates", "import", sheet.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "bad lines fail the batch");
    let err = stderr_of(&output);
    assert!(
        err.contains("sheet.csv:3: unclosed quote in cell 4"),
        "{err}"
    );
    assert!(
        err.contains("sheet.csv:4: bad currency `US, Dollar`"),
        "{err}"
    );
    assert!(
        err.contains("sheet.csv:5: ambiguous number `1,810` in column rate"),
        "{err}"
    );
    let out = stdout_of(&output);
    assert!(out.contains("imported 2 rates into source `user`"), "{out}");
    let quote = json(&workspace, &["rates", "show", "USD", "ARS", "2024-01-02"]);
    assert_eq!(
        (quote["source"].as_str(), quote["rate"].as_f64()),
        (Some("user"), Some(808.45)),
        "the quoted decimal comma"
    );
}

/// The rules in play for a conversion: only the one that judges it against reference rates.
const CONVERSION_ONLY: &[&str] = &["--select", "conversion-rate-mismatch"];

/// The conversion findings `check --format json` reports for a stored article.
fn conversion_findings(workspace: &Workspace, article: &str) -> Vec<Value> {
    let mut args = vec!["check", article, "--format", "json"];
    args.extend(CONVERSION_ONLY);
    let output = workspace.claimlint(&args).output().unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr_of(&output)
    );
    let report: Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    report["articles"][0]["findings"]
        .as_array()
        .unwrap()
        .clone()
}

on_both_engines! {
/// A desk's own rate is read back by `check` and `rates show` from the same database it was
/// imported into, SQLite or PostgreSQL: a conversion the ECB history supports is flagged once
/// the desk says a dollar bought 8 yuan that week, and the evidence names the desk's source.
fn an_imported_rate_changes_the_conversion_finding_on_this_engine(workspace) {
    let story = workspace.write(
        "yuan.txt",
        "---\ndate: 2024-01-02\n---\nGli accordi valgono 13,6 miliardi di yuan (1,91 miliardi di dollari).\n",
    );
    workspace.claimlint(&["add", story.to_str().unwrap()]).assert().success();
    assert_eq!(conversion_findings(&workspace, "yuan"), Vec::<Value>::new(), "ECB: quiet");

    let week: String = (27..=31)
        .map(|day| format!("2023-12-{day},USD,CNY,8.0\n"))
        .chain((1..=2).map(|day| format!("2024-01-0{day},USD,CNY,8.0\n")))
        .collect();
    let rates = workspace.write("desk.csv", format!("date,base,quote,rate\n{week}"));
    let out = run_ok(&workspace, &["rates", "import", rates.to_str().unwrap(), "--source", "desk"]);
    assert!(out.contains("imported 7 rates into source `desk`"), "{out}");
    assert!(out.contains("loaded the bundled ECB rates"), "{out}");

    let quote = json(&workspace, &["rates", "show", "USD", "CNY", "2024-01-02"]);
    assert_eq!((quote["source"].as_str(), quote["rate"].as_f64()), (Some("desk"), Some(8.0)));
    let ecb = json(&workspace, &["rates", "show", "USD", "CNY", "2024-01-02", "--source", "ECB"]);
    assert_eq!(ecb["source"], "ECB", "the bundled rows stay available");

    let findings = conversion_findings(&workspace, "yuan");
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["rule"], "conversion-rate-mismatch");
    let evidence = findings[0].to_string();
    assert!(evidence.contains("desk"), "{evidence}");

    // Importing the same days again replaces the figures instead of adding rows.
    let again = workspace.write("desk2.csv", "date,base,quote,rate\n2024-01-02,USD,CNY,7.12\n");
    let out = run_ok(&workspace, &["rates", "import", again.to_str().unwrap(), "--source", "desk"]);
    assert!(out.contains("imported 1 rates into source `desk`"), "{out}");
    assert!(out.contains("the source now holds 7)"), "{out}");
    assert!(!out.contains("loaded the bundled"), "loaded once per database: {out}");
    let quote = json(&workspace, &["rates", "show", "USD", "CNY", "2024-01-02"]);
    assert_eq!(quote["rate"].as_f64(), Some(7.12));
}
}
