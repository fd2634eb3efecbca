//! The same article as plain text, Markdown, HTML and Word through the real binary: the same
//! claims, relations and findings come out of every format, and every position points into
//! the file as the editor opens it (line:column of the source; for .docx, paragraph and
//! character). Also a CMS-like page whose furniture (scripts, styles, attributes, navigation,
//! footer) yields nothing, and whose conversion error is found as in the text version.

mod common;

use common::{Workspace, stdout_of};
use serde_json::Value;

const FORMATS: [&str; 4] = [
    "fixtures/articles/cina-russia-2024-01-it.txt",
    "fixtures/formats/cina-russia.md",
    "fixtures/formats/cina-russia.html",
    "fixtures/formats/cina-russia.docx",
];

fn repo(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn json_of(workspace: &Workspace, args: &[&str]) -> Value {
    let output = workspace.claimlint(args).output().unwrap();
    serde_json::from_str(&stdout_of(&output))
        .unwrap_or_else(|err| panic!("{args:?}: not JSON ({err}): {}", stdout_of(&output)))
}

/// The character at `line:column` (1-based, characters) of a text file.
fn char_at(path: &std::path::Path, line: u64, column: u64) -> Option<char> {
    let text = std::fs::read_to_string(path).ok()?;
    let text = text.replace("\r\n", "\n");
    let line = text.split('\n').nth(line as usize - 1)?;
    line.chars().nth(column as usize - 1)
}

/// What a claim is, apart from where it stands.
fn meaning(claim: &Value) -> (String, String, String, String) {
    let field = |key: &str| claim[key].to_string();
    (field("kind"), field("text"), field("value"), field("unit"))
}

#[test]
fn every_format_gives_the_same_claims_at_their_places_in_the_source() {
    let workspace = Workspace::new();
    let mut meanings = Vec::new();
    let mut relations = Vec::new();
    for path in FORMATS {
        let file = repo(path);
        let json = json_of(
            &workspace,
            &["extract", "--format", "json", file.to_str().unwrap()],
        );
        let format = path.rsplit('.').next().unwrap();
        assert_eq!(json["format"], format, "{path}");
        let claims = json["claims"].as_array().unwrap();
        assert!(claims.len() > 20, "{path}: {} claims", claims.len());
        meanings.push(claims.iter().map(meaning).collect::<Vec<_>>());
        let kinds: Vec<Value> = json["relations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| serde_json::json!([r["kind"], r["claims"], r["roles"]]))
            .collect();
        relations.push(kinds);
        if format == "docx" {
            // Paragraph:character, in reading order.
            let places: Vec<(u64, u64)> = claims
                .iter()
                .map(|c| (c["line"].as_u64().unwrap(), c["column"].as_u64().unwrap()))
                .collect();
            assert!(places.windows(2).all(|w| w[0] < w[1]), "{places:?}");
            continue;
        }
        for claim in claims {
            let (line, column) = (
                claim["line"].as_u64().unwrap(),
                claim["column"].as_u64().unwrap(),
            );
            let first = claim["text"].as_str().unwrap().chars().next().unwrap();
            assert_eq!(
                char_at(&file, line, column),
                Some(first),
                "{path}: claim {} at {line}:{column}",
                claim["text"]
            );
        }
    }
    for (path, (claims, kinds)) in FORMATS.iter().zip(meanings.iter().zip(&relations)).skip(1) {
        assert_eq!(
            claims, &meanings[0],
            "{path}: claims differ from the text version"
        );
        assert_eq!(
            kinds, &relations[0],
            "{path}: relations differ from the text version"
        );
    }
}

#[test]
fn every_format_gives_the_same_findings_pointing_into_its_file() {
    let workspace = Workspace::new();
    let mut findings = Vec::new();
    for path in FORMATS {
        let file = repo(path);
        let json = json_of(
            &workspace,
            &[
                "check",
                "--no-store",
                "--format",
                "json",
                file.to_str().unwrap(),
            ],
        );
        let found = json["articles"][0]["findings"].as_array().unwrap().clone();
        assert!(!found.is_empty(), "{path}: no findings");
        if !path.ends_with(".docx") {
            for finding in &found {
                for span in finding["spans"].as_array().unwrap() {
                    let at = char_at(
                        &file,
                        span["line"].as_u64().unwrap(),
                        span["column"].as_u64().unwrap(),
                    );
                    assert!(
                        at.is_some_and(|c| c.is_ascii_digit()),
                        "{path}: span {span} points at {at:?}"
                    );
                }
            }
        }
        findings.push(
            found
                .iter()
                .map(|f| {
                    (
                        f["rule"].clone(),
                        f["severity"].clone(),
                        f["message"].clone(),
                    )
                })
                .collect::<Vec<_>>(),
        );
    }
    for (path, found) in FORMATS.iter().zip(&findings).skip(1) {
        assert_eq!(
            found, &findings[0],
            "{path}: findings differ from the text version"
        );
    }
}

const CMS_PAGE: &str = r#"<!doctype html>
<html lang="it"><head><title>Porto | Il Quotidiano</title>
<meta name="date" content="2024-01-18">
<style>.hero { width: 40%; }</style>
<script>var ads = [300, 250]; trackPageview(2024);</script></head>
<body><nav><a href="/">Home</a> <a href="/top10">Top 10</a></nav>
<div class="ad">Offerta: -50% su tutto</div>
<article><h1>Il porto cambia mano</h1>
<p>Il gruppo ha rilevato il terminal per 13,6&nbsp;miliardi di yuan (<b>2,5</b> miliardi di dollari), ha detto giovedì.</p>
<img src="x.jpg" width="640"></article>
<aside>Leggi anche: 5 cose da sapere</aside>
<footer>&copy; 2024 &mdash; 12 redazioni</footer></body></html>
"#;

const SAME_AS_TEXT: &str = "date 2024-01-18\nIl porto cambia mano\n\nIl gruppo ha rilevato il terminal per 13,6 miliardi di yuan (2,5 miliardi di dollari), ha detto giovedì.\n";

#[test]
fn a_cms_page_yields_the_article_only_and_its_conversion_error() {
    let workspace = Workspace::new();
    let page = workspace.write("porto.html", CMS_PAGE);
    let text = workspace.write("porto.txt", SAME_AS_TEXT);
    let extracted = json_of(
        &workspace,
        &["extract", "--format", "json", page.to_str().unwrap()],
    );
    let texts: Vec<&str> = extracted["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    // Nothing from the script, the style, attributes, the ad outside the article, the aside
    // or the footer; the entity and the bold figure join their amounts.
    assert_eq!(
        texts,
        [
            "13,6\u{a0}miliardi di yuan",
            "2,5 miliardi di dollari",
            "giovedì"
        ]
    );
    assert_eq!(extracted["date"], "2024-01-18");
    let check = |path: &std::path::Path| {
        let json = json_of(
            &workspace,
            &[
                "check",
                "--no-store",
                "--format",
                "json",
                path.to_str().unwrap(),
            ],
        );
        json["articles"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_owned(),
                    f["line"].clone(),
                    f["column"].clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    let from_page = check(&page);
    let from_text = check(&text);
    assert_eq!(from_page.len(), 1, "{from_page:?}");
    assert_eq!(from_page[0].0, "conversion-rate-mismatch");
    assert_eq!(from_text[0].0, from_page[0].0);
    // The page's finding points at "13,6" on line 9 of the HTML.
    let (line, column) = (
        from_page[0].1.as_u64().unwrap(),
        from_page[0].2.as_u64().unwrap(),
    );
    assert_eq!(line, 9);
    assert_eq!(char_at(&page, line, column), Some('1'));
    assert_eq!(
        CMS_PAGE
            .lines()
            .nth(8)
            .unwrap()
            .chars()
            .skip(column as usize - 1)
            .take(4)
            .collect::<String>(),
        "13,6"
    );
}

#[test]
fn input_format_overrides_the_extension_and_a_bad_name_is_refused() {
    let workspace = Workspace::new();
    let page = workspace.write("porto.page", CMS_PAGE);
    let as_html = json_of(
        &workspace,
        &[
            "--input-format",
            "html",
            "extract",
            "--format",
            "json",
            page.to_str().unwrap(),
        ],
    );
    assert_eq!(as_html["format"], "html");
    assert_eq!(as_html["claims"].as_array().unwrap().len(), 3);
    // Read as text (an unknown extension), the markup's figures are claims too.
    let as_text = json_of(
        &workspace,
        &["extract", "--format", "json", page.to_str().unwrap()],
    );
    assert_eq!(as_text["format"], "txt");
    assert!(as_text["claims"].as_array().unwrap().len() > 3);
    let refused = workspace
        .claimlint(&["--input-format", "pdf", "extract", page.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(common::stderr_of(&refused).contains("txt, md, html or docx"));
}

#[test]
fn a_stored_html_draft_keeps_its_source_positions() {
    let workspace = Workspace::new();
    let page = workspace.write("porto.html", CMS_PAGE);
    let added = workspace
        .claimlint(&["add", page.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(added.status.success(), "{}", common::stderr_of(&added));
    // Checked later from the store, by id: the finding still points into the HTML file.
    let json = json_of(&workspace, &["check", "--format", "json", "porto"]);
    let finding = &json["articles"][0]["findings"][0];
    assert_eq!(finding["rule"], "conversion-rate-mismatch");
    assert_eq!(finding["line"], 9);
    assert_eq!(
        char_at(&page, 9, finding["column"].as_u64().unwrap()),
        Some('1')
    );
}

/// The CMS page with a `<link rel="canonical">` to `url` in its head.
fn page_with_canonical(url: &str) -> String {
    CMS_PAGE.replace(
        "<meta name=\"date\"",
        &format!("<link rel=\"canonical\" href=\"{url}\">\n<meta name=\"date\""),
    )
}

#[test]
fn a_canonical_url_names_the_article_wherever_its_file_lies() {
    let workspace = Workspace::new();
    let with_link = page_with_canonical("https://news.example/2024/01/porto.html?ref=home");
    // Two exports of one story under different file names: one article, one draft.
    let first = workspace.write("export-a/page.html", &with_link);
    let second = workspace.write("export-b/copy.html", &with_link);
    for file in [&first, &second] {
        let added = workspace
            .claimlint(&["add", file.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(added.status.success(), "{}", common::stderr_of(&added));
    }
    let articles = json_of(&workspace, &["articles", "--format", "json"]);
    let ids: Vec<&str> = articles
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["article"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["news.example/2024/01/porto"]);
}

#[test]
fn diff_of_two_files_stores_them_under_the_id_add_would_give() {
    let workspace = Workspace::new();
    let with_link = page_with_canonical("https://news.example/2024/01/porto");
    let older = workspace.write("v1/page.html", &with_link);
    let newer = workspace.write("v2/page-final.html", with_link.replace("2,5", "1,9"));
    let diffed = workspace
        .claimlint(&["diff", older.to_str().unwrap(), newer.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        diffed.status.code().is_some_and(|code| code < 2),
        "{}",
        common::stderr_of(&diffed)
    );
    let articles = json_of(&workspace, &["articles", "--format", "json"]);
    let ids: Vec<(&str, u64)> = articles
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["article"].as_str().unwrap(),
                a["drafts"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(ids, [("news.example/2024/01/porto", 2)]);
}

/// A reworded sentence of an HTML draft is reported at its line in the HTML file.
#[test]
fn diff_reports_sentence_lines_in_the_source_file() {
    let workspace = Workspace::new();
    let older = workspace.write("v1/porto.html", CMS_PAGE);
    let newer = workspace.write(
        "v2/porto.html",
        CMS_PAGE.replace("ha detto giovedì", "ha riferito giovedì"),
    );
    let json = json_of(
        &workspace,
        &[
            "diff",
            "--format",
            "json",
            "--no-findings",
            older.to_str().unwrap(),
            newer.to_str().unwrap(),
        ],
    );
    let sentences = json["sentences"].as_array().unwrap();
    assert_eq!(sentences.len(), 1, "{sentences:?}");
    assert_eq!(sentences[0]["before_line"], 9);
    assert_eq!(sentences[0]["after_line"], 9);
}
