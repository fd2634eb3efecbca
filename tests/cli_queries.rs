//! `articles`, `drafts` and `claims` through the real binary. Claim lists are compared with
//! what `extract` says about the same file, so these tests hold whatever the extractor finds.

mod common;

use common::{Workspace, fixture, stderr_of, stdout_of};
use predicates::prelude::*;
use serde_json::Value;
use sha2::{Digest, Sha256};

const ITALIAN: &str = "cina-russia-2024-01-it";
const ENGLISH: &str = "china-russia-2024-01-en";

/// A workspace with both fixture articles added.
fn with_fixtures(workspace: Workspace) -> Workspace {
    let files = [ITALIAN, ENGLISH].map(|article| workspace.copy_fixture(&format!("{article}.txt")));
    let mut args = vec!["add"];
    args.extend(files.iter().map(|file| file.to_str().unwrap()));
    workspace.claimlint(&args).assert().success();
    workspace
}

fn run_ok(workspace: &Workspace, args: &[&str]) -> String {
    let output = workspace.claimlint(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
    stdout_of(&output)
}

fn json(workspace: &Workspace, args: &[&str]) -> Value {
    serde_json::from_str(&run_ok(workspace, args)).unwrap()
}

fn extracted(workspace: &Workspace, article: &str) -> Value {
    let path = fixture(&format!("{article}.txt"));
    json(
        workspace,
        &["extract", path.to_str().unwrap(), "--format", "json"],
    )
}

#[test]
fn unknown_articles_drafts_and_databases_are_clear_errors() {
    let workspace = with_fixtures(Workspace::new());
    let cases: [(&[&str], &str); 4] = [
        (&["claims", "nope"], "no article `nope`"),
        (&["claims", &format!("{ITALIAN}@7")], "has no draft 7"),
        (&["drafts", "nope"], "no article `nope`"),
        (&["claims", "x@zero"], "not a draft number"),
    ];
    for (args, message) in cases {
        workspace
            .claimlint(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(message));
    }
    let missing = workspace.path("missing.db");
    workspace
        .claimlint_bare(&["articles", "--db", missing.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such database"));
    assert!(!missing.exists());
}

on_both_engines! {
fn stored_claims_equal_what_extract_finds(workspace) {
    let workspace = with_fixtures(workspace);
    for article in [ITALIAN, ENGLISH] {
        let stored = json(&workspace, &["claims", article, "--format", "json"]);
        let fresh = extracted(&workspace, article);
        assert_eq!(stored["article"], article);
        assert_eq!(stored["draft"]["number"], 1);
        assert_eq!(stored["claims"], fresh["claims"], "{article}");
        assert_eq!(stored["relations"], fresh["relations"], "{article}");
        assert_eq!(
            stored["draft"]["claim_count"].as_u64().unwrap() as usize,
            fresh["claims"].as_array().unwrap().len()
        );
    }
}

fn kind_filter_keeps_exactly_the_claims_of_that_kind(workspace) {
    let workspace = with_fixtures(workspace);
    let all = extracted(&workspace, ITALIAN);
    for kind in ["money", "percent", "date"] {
        let filtered = json(
            &workspace,
            &["claims", ITALIAN, "--kind", kind, "--format", "json"],
        );
        let expected: Vec<&Value> = all["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|claim| claim["kind"] == kind)
            .collect();
        let got: Vec<&Value> = filtered["claims"].as_array().unwrap().iter().collect();
        assert_eq!(got, expected, "{kind}");
        assert_eq!(filtered["kind"], kind);
    }
    workspace
        .claimlint(&["claims", ITALIAN, "--kind", "furlongs"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown claim kind"));
}

fn csv_has_the_documented_header_and_one_row_per_claim(workspace) {
    let workspace = with_fixtures(workspace);
    let csv = run_ok(&workspace, &["claims", ENGLISH, "--format", "csv"]);
    let mut rows = csv.split("\r\n").filter(|row| !row.is_empty());
    assert_eq!(
        rows.next().unwrap(),
        "id,kind,text,value,value_text,unit,scale,precision_low,precision_high,qualifier,date,\
         line,column,start,end,sentence,ambiguity,alternative_value,alternative_value_text"
    );
    let claims = extracted(&workspace, ENGLISH)["claims"]
        .as_array()
        .unwrap()
        .clone();
    let ids: Vec<String> = rows
        .map(|row| row.split(',').next().unwrap().to_owned())
        .collect();
    let expected: Vec<String> = claims
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids, expected);
}

fn table_names_the_draft_and_lists_each_claim(workspace) {
    let workspace = with_fixtures(workspace);
    let table = run_ok(&workspace, &["claims", ITALIAN]);
    assert!(
        table.starts_with(&format!("{ITALIAN} draft 1\n")),
        "{table}"
    );
    let claims = extracted(&workspace, ITALIAN)["claims"]
        .as_array()
        .unwrap()
        .clone();
    if claims.is_empty() {
        assert!(table.contains("no claims"), "{table}");
    }
    for claim in &claims {
        assert!(
            table.contains(claim["text"].as_str().unwrap()),
            "{claim} not in {table}"
        );
    }
}

fn drafts_list_numbers_labels_and_short_hashes(workspace) {
    let workspace = with_fixtures(workspace);
    let path = workspace.write(
        &format!("{ITALIAN}.txt"),
        "date 2024-01 Una nuova versione.\n",
    );
    run_ok(
        &workspace,
        &["add", path.to_str().unwrap(), "--label", "rev two"],
    );
    let table = run_ok(&workspace, &["drafts", ITALIAN]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 3, "{table}");
    assert!(lines[0].starts_with("DRAFT"), "{table}");
    let original = std::fs::read(fixture(&format!("{ITALIAN}.txt"))).unwrap();
    let hash_of = |bytes: &[u8]| -> String {
        Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    assert!(lines[1].starts_with("1 "), "{table}");
    assert!(lines[1].contains(&hash_of(&original)[..12]), "{table}");
    assert!(lines[2].starts_with("2 "), "{table}");
    assert!(lines[2].contains("rev two"), "{table}");
    assert!(lines[2].contains(&hash_of(b"date 2024-01 Una nuova versione.\n")[..12]));

    let drafts = json(&workspace, &["drafts", ITALIAN, "--format", "json"]);
    assert_eq!(
        drafts[1]["hash"].as_str().unwrap(),
        hash_of(b"date 2024-01 Una nuova versione.\n")
    );
    let latest = json(&workspace, &["claims", ITALIAN, "--format", "json"]);
    let first = json(
        &workspace,
        &["claims", &format!("{ITALIAN}@1"), "--format", "json"],
    );
    assert_eq!(
        (
            latest["draft"]["number"].as_u64(),
            first["draft"]["number"].as_u64()
        ),
        (Some(2), Some(1))
    );
}

fn articles_lists_each_article_with_its_drafts(workspace) {
    let workspace = with_fixtures(workspace);
    let articles = json(&workspace, &["articles", "--format", "json"]);
    let summary: Vec<(&str, u64, u64)> = articles
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["article"].as_str().unwrap(),
                a["drafts"].as_u64().unwrap(),
                a["latest_draft"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(summary, [(ENGLISH, 1, 1), (ITALIAN, 1, 1)]);
    let table = run_ok(&workspace, &["articles"]);
    assert!(table.starts_with("ARTICLE"), "{table}");
    assert_eq!(table.lines().count(), 3, "{table}");
}
}

/// The table pads by the columns a terminal draws: CJK takes two, an emoji sequence (a family
/// of three joined by ZWJ) two in all, not the six of its characters.
#[test]
fn articles_table_aligns_wide_and_emoji_ids() {
    let workspace = Workspace::new();
    let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}-x";
    for (id, file) in [("東京-2024", "a.txt"), (family, "b.txt")] {
        workspace.write(
            file,
            "date 2024-03-01\nlang en\n\nSales rose 12% in March.\n",
        );
        run_ok(&workspace, &["add", "--id", id, file]);
    }
    let table = run_ok(&workspace, &["articles"]);
    // ARTICLE is 9 columns wide (東京-2024), then two spaces before DRAFTS.
    assert!(table.starts_with("ARTICLE    DRAFTS"), "{table}");
    assert!(table.contains("\n東京-2024  1  "), "{table}");
    assert!(table.contains(&format!("\n{family}       1  ")), "{table}");
}
