//! The HTML pages of `check --format html` and `diff --format html`, written by the real binary
//! and, for most tests, loaded in a real headless Chromium: `--dump-dom` gives the DOM after the
//! page's script ran, and `--log-net-log` every request the browser made, from which the ones
//! the page made (their network isolation key is the page's `file://` site) are picked.
//!
//! Without Chromium (`/usr/bin/chromium`, or `CLAIMLINT_CHROMIUM`) the browser tests say so on
//! stderr and pass, unless `CLAIMLINT_REQUIRE_CHROMIUM=1` (set by `.ci/run`), when they fail.
//! The tests without a browser check the document as written.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::{Workspace, fixture, stderr_of, stdout_of};
use html5gum::{Token, Tokenizer};
use serde_json::Value;

const ITALIAN: &str = "cina-russia-2024-01-it.txt";
const DRAFTS: &str = "harbour-solar";

// --- the browser ---------------------------------------------------------------------------

/// The Chromium to use, or `None` (after saying why on stderr) when there is none and none is
/// required.
fn chromium(test: &str) -> Option<PathBuf> {
    let path = std::env::var_os("CLAIMLINT_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    if path.exists() {
        return Some(path);
    }
    if std::env::var("CLAIMLINT_REQUIRE_CHROMIUM").as_deref() == Ok("1") {
        panic!(
            "{test}: CLAIMLINT_REQUIRE_CHROMIUM=1 but there is no Chromium at {}",
            path.display()
        );
    }
    // Written to the process's stderr, not through `eprintln!`, which the test harness
    // captures and hides for a passing test.
    let message = format!(
        "SKIPPED {test}: no Chromium at {} (install Debian's `chromium` or set CLAIMLINT_CHROMIUM; CLAIMLINT_REQUIRE_CHROMIUM=1 makes this a failure)\n",
        path.display()
    );
    let _ = std::io::Write::write_all(&mut std::io::stderr(), message.as_bytes());
    None
}

/// What Chromium made of a page.
struct Loaded {
    /// The DOM after scripts ran, serialised.
    dom: String,
    /// URLs of the requests the page itself started (any scheme but `file:`).
    requests: Vec<String>,
}

static LOADS: AtomicUsize = AtomicUsize::new(0);

/// Loads `page` (with `#fragment` if not empty) in a fresh headless Chromium profile.
fn load(browser: &Path, workspace: &Workspace, page: &Path, fragment: &str) -> Loaded {
    let run = LOADS.fetch_add(1, Ordering::SeqCst);
    let profile = workspace.path(&format!("chromium-profile-{run}"));
    let net_log = workspace.path(&format!("net-log-{run}.json"));
    let mut url = format!("file://{}", page.display());
    if !fragment.is_empty() {
        url = format!("{url}#{fragment}");
    }
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--log-net-log={}", net_log.display()))
        .arg("--dump-dom")
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().expect("wait for chromium").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish loading {url} within 60 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().expect("chromium output");
    assert!(
        output.status.success(),
        "chromium failed on {url}: {}",
        stderr_of(&output)
    );
    Loaded {
        dom: stdout_of(&output),
        requests: page_requests(&net_log),
    }
}

/// The requests of a net log started by a `file://` page: Chromium's own background requests
/// (update checks, time queries) carry another isolation key and are left out.
fn page_requests(net_log: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(net_log).expect("chromium wrote the net log");
    let log: Value = serde_json::from_str(&text)
        .or_else(|_| serde_json::from_str(&format!("{}]}}", text.trim_end().trim_end_matches(','))))
        .expect("the net log is JSON");
    log["events"]
        .as_array()
        .expect("net log events")
        .iter()
        .filter_map(|event| {
            let params = &event["params"];
            let url = params["url"].as_str()?;
            let key = params["network_isolation_key"].as_str()?;
            (key.starts_with("file://") && !url.starts_with("file:")).then(|| url.to_owned())
        })
        .collect()
}

// --- reading a page ------------------------------------------------------------------------

/// A start tag of a page: its name and attributes.
#[derive(Debug, Clone)]
struct Element {
    name: String,
    attributes: BTreeMap<String, String>,
}

impl Element {
    fn get(&self, name: &str) -> Option<&str> {
        self.attributes.get(name).map(String::as_str)
    }

    fn has_class(&self, class: &str) -> bool {
        self.get("class")
            .is_some_and(|classes| classes.split_whitespace().any(|c| c == class))
    }
}

/// Every start tag of `html`, in order, and the text between the tags.
fn parse(html: &str) -> (Vec<Element>, String) {
    let mut elements = Vec::new();
    let mut text = String::new();
    for token in Tokenizer::new(html).flatten() {
        match token {
            Token::StartTag(tag) => elements.push(Element {
                name: String::from_utf8_lossy(&tag.name).into_owned(),
                attributes: tag
                    .attributes
                    .iter()
                    .map(|(name, value)| {
                        (
                            String::from_utf8_lossy(name).into_owned(),
                            String::from_utf8_lossy(&value.value).into_owned(),
                        )
                    })
                    .collect(),
            }),
            Token::String(run) => text.push_str(&String::from_utf8_lossy(&run)),
            _ => {}
        }
    }
    (elements, text)
}

fn claim_marks(elements: &[Element]) -> Vec<&Element> {
    elements
        .iter()
        .filter(|element| element.name == "mark" && element.has_class("claim"))
        .collect()
}

// --- the pages -----------------------------------------------------------------------------

fn run_ok(workspace: &Workspace, args: &[&str], allowed: &[i32]) -> String {
    let output = workspace.claimlint(args).output().unwrap();
    let code = output.status.code().unwrap_or(-1);
    assert!(
        allowed.contains(&code),
        "{args:?} exited {code}: {}",
        stderr_of(&output)
    );
    stdout_of(&output)
}

/// `check --no-store` of `article` as (HTML page written to a file, JSON report).
fn check_page(workspace: &Workspace, article: &Path, name: &str) -> (PathBuf, Value) {
    let article = article.to_str().unwrap();
    let html = run_ok(
        workspace,
        &["check", "--no-store", article, "--format", "html"],
        &[0, 1],
    );
    let json = run_ok(
        workspace,
        &["check", "--no-store", article, "--format", "json"],
        &[0, 1],
    );
    (
        workspace.write(name, html),
        serde_json::from_str(&json).unwrap(),
    )
}

fn extract_json(workspace: &Workspace, article: &Path) -> Value {
    let json = run_ok(
        workspace,
        &["extract", article.to_str().unwrap(), "--format", "json"],
        &[0],
    );
    serde_json::from_str(&json).unwrap()
}

/// The three drafts of the harbour story, stored as one article.
fn with_drafts() -> Workspace {
    let workspace = Workspace::new();
    for version in 1..=3 {
        let path = fixture(&format!("drafts/{DRAFTS}-v{version}.txt"));
        run_ok(
            &workspace,
            &["add", path.to_str().unwrap(), "--id", DRAFTS],
            &[0],
        );
    }
    workspace
}

/// `diff FROM TO` of the harbour drafts as (HTML page, JSON report).
fn diff_pages(workspace: &Workspace, from: u32, to: u32) -> (String, Value) {
    let (from, to) = (format!("{DRAFTS}@{from}"), format!("{DRAFTS}@{to}"));
    let html = run_ok(workspace, &["diff", &from, &to, "--format", "html"], &[0]);
    let json = run_ok(workspace, &["diff", &from, &to, "--format", "json"], &[0]);
    (html, serde_json::from_str(&json).unwrap())
}

fn strings<'a>(values: impl IntoIterator<Item = &'a Value>, key: &str) -> Vec<String> {
    values
        .into_iter()
        .map(|value| value[key].as_str().unwrap().to_owned())
        .collect()
}

// --- without a browser ---------------------------------------------------------------------

#[test]
fn check_writes_one_document_with_a_section_per_article_and_a_policy_first() {
    let workspace = Workspace::new();
    let italian = workspace.copy_fixture(ITALIAN);
    let english = workspace.copy_fixture("china-russia-2024-01-en.txt");
    let html = run_ok(
        &workspace,
        &[
            "check",
            "--no-store",
            italian.to_str().unwrap(),
            english.to_str().unwrap(),
            "--format",
            "html",
        ],
        &[0, 1],
    );
    assert!(html.starts_with("<!DOCTYPE html>\n"), "{}", &html[..80]);
    assert_eq!(html.matches("<html").count(), 1);
    assert!(html.trim_end().ends_with("</html>"));
    let (elements, _) = parse(&html);
    let sections: Vec<_> = elements
        .iter()
        .filter(|element| element.name == "section" && element.has_class("article"))
        .collect();
    assert_eq!(
        sections
            .iter()
            .map(|section| section.get("data-article").unwrap())
            .collect::<Vec<_>>(),
        ["cina-russia-2024-01-it", "china-russia-2024-01-en"]
    );
    // The policy is the first thing after the charset, before the style or any text.
    let metas: Vec<_> = elements.iter().filter(|e| e.name == "meta").collect();
    assert_eq!(metas[0].get("charset"), Some("utf-8"));
    assert_eq!(
        metas[1].get("http-equiv"),
        Some("Content-Security-Policy"),
        "{metas:?}"
    );
    let policy = metas[1].get("content").unwrap();
    assert!(policy.starts_with("default-src 'none';"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    // Nothing on the page names another resource.
    for element in &elements {
        for attribute in ["src", "srcset", "data", "action", "poster"] {
            assert!(element.get(attribute).is_none(), "{element:?}");
        }
        if let Some(href) = element.get("href") {
            assert!(href.starts_with('#'), "{element:?}");
        }
    }
    assert!(
        !elements
            .iter()
            .any(|e| e.name == "link" || e.name == "iframe")
    );
}

#[test]
fn diff_html_lists_the_changed_figures_of_the_json_report() {
    let workspace = with_drafts();
    let (html, json) = diff_pages(&workspace, 1, 2);
    let (elements, _) = parse(&html);
    let rows: Vec<_> = elements
        .iter()
        .filter(|e| e.name == "tr" && e.get("data-change").is_some())
        .map(|e| e.get("data-change").unwrap().to_owned())
        .collect();
    let expected: Vec<String> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|claim| claim["change"] != "unchanged")
        .map(|claim| claim["change"].as_str().unwrap().to_owned())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(rows, expected);
    let stale: Vec<_> = elements
        .iter()
        .filter(|e| e.get("data-stale-id").is_some())
        .collect();
    assert_eq!(stale.len(), json["stale"].as_array().unwrap().len());
}

// --- in Chromium ---------------------------------------------------------------------------

#[test]
fn check_page_marks_every_claim_and_lists_every_finding_and_relation() {
    let Some(browser) =
        chromium("check_page_marks_every_claim_and_lists_every_finding_and_relation")
    else {
        return;
    };
    let workspace = Workspace::new();
    let article = workspace.copy_fixture(ITALIAN);
    let (page, report) = check_page(&workspace, &article, "report.html");
    let extraction = extract_json(&workspace, &article);
    let loaded = load(&browser, &workspace, &page, "");
    let (elements, _) = parse(&loaded.dom);

    // The script ran: the CSP's hash admitted it.
    assert_eq!(elements[0].name, "html");
    assert_eq!(
        elements[0].get("data-script"),
        Some("ready"),
        "{:?}",
        elements[0]
    );

    let marks = claim_marks(&elements);
    let claims = extraction["claims"].as_array().unwrap();
    assert!(claims.len() > 10, "{}", claims.len());
    assert_eq!(marks.len(), claims.len());
    assert_eq!(
        marks
            .iter()
            .map(|m| (m.get("data-claim-id").unwrap(), m.get("data-kind").unwrap()))
            .map(|(id, kind)| (id.to_owned(), kind.to_owned()))
            .collect::<Vec<_>>(),
        claims
            .iter()
            .map(|c| (
                c["id"].as_str().unwrap().to_owned(),
                c["kind"].as_str().unwrap().to_owned()
            ))
            .collect::<Vec<_>>()
    );

    let findings = report["articles"][0]["findings"].as_array().unwrap();
    assert!(!findings.is_empty(), "the fixture has findings");
    let listed: Vec<&Element> = elements
        .iter()
        .filter(|e| e.name == "li" && e.has_class("finding"))
        .collect();
    assert_eq!(
        listed
            .iter()
            .map(|e| e.get("data-rule").unwrap().to_owned())
            .collect::<Vec<_>>(),
        strings(findings, "rule")
    );
    // Each finding with claims is marked on its claims, by severity.
    for (finding, item) in findings.iter().zip(&listed) {
        let local = item.get("data-finding-id").unwrap();
        let severity = finding["severity"].as_str().unwrap();
        for claim in finding["claims"].as_array().unwrap() {
            let mark = marks
                .iter()
                .find(|m| m.get("data-claim-id") == claim.as_str())
                .unwrap();
            let on_it: Vec<&str> = mark.get("data-findings").unwrap().split(' ').collect();
            assert!(on_it.contains(&local), "{mark:?} lacks {local}");
            assert!(
                mark.attributes["class"].contains("sev-"),
                "{mark:?} for {severity}"
            );
        }
    }

    let relations = extraction["relations"].as_array().unwrap();
    let items: Vec<&Element> = elements
        .iter()
        .filter(|e| e.get("data-relation-id").is_some())
        .collect();
    assert_eq!(items.len(), relations.len());
    for (relation, item) in relations.iter().zip(&items) {
        assert_eq!(item.get("data-kind"), relation["kind"].as_str());
        let ids: Vec<String> = relation["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|id| id.as_str().unwrap().to_owned())
            .collect();
        assert_eq!(item.get("data-claims").unwrap(), ids.join(" "));
        let local = item.get("data-relation-id").unwrap();
        for id in &ids {
            let mark = marks
                .iter()
                .find(|m| m.get("data-claim-id") == Some(id))
                .unwrap();
            assert!(
                mark.get("data-relations")
                    .is_some_and(|r| r.split(' ').any(|r| r == local)),
                "{mark:?} not in {local}"
            );
        }
    }
    assert!(loaded.requests.is_empty(), "{:?}", loaded.requests);
}

#[test]
fn a_link_to_a_claim_outlines_the_other_end_of_its_conversion() {
    let Some(browser) = chromium("a_link_to_a_claim_outlines_the_other_end_of_its_conversion")
    else {
        return;
    };
    let workspace = Workspace::new();
    let article = workspace.copy_fixture(ITALIAN);
    let (page, _) = check_page(&workspace, &article, "report.html");
    let extraction = extract_json(&workspace, &article);
    let conversion = extraction["relations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|relation| relation["kind"] == "conversion")
        .expect("the fixture has a conversion");
    let source = conversion["claims"][0].as_str().unwrap();
    let target = conversion["claims"][1].as_str().unwrap();
    let related = |fragment: &str| -> BTreeSet<String> {
        let loaded = load(&browser, &workspace, &page, fragment);
        let (elements, _) = parse(&loaded.dom);
        claim_marks(&elements)
            .into_iter()
            .filter(|m| m.has_class("related") || m.has_class("related-origin"))
            .map(|m| m.get("data-claim-id").unwrap().to_owned())
            .collect()
    };
    let outlined = related(&format!("a1-{source}"));
    assert!(
        outlined.contains(source) && outlined.contains(target),
        "{outlined:?}"
    );
    // Without a claim to start from, nothing is outlined.
    assert!(related("").is_empty());
}

#[test]
fn markup_in_an_article_is_shown_as_text_and_never_runs() {
    let Some(browser) = chromium("markup_in_an_article_is_shown_as_text_and_never_runs") else {
        return;
    };
    let workspace = Workspace::new();
    let article = workspace.write(
        "trap.txt",
        "A harbour trap\n\nThe council spent 4.2 million dollars on <script>document.title='pwned'</script> new cranes.\nIts budget grew by 12% <img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> this year.\n",
    );
    let (page, _) = check_page(&workspace, &article, "trap.html");
    let loaded = load(&browser, &workspace, &page, "");
    let (elements, text) = parse(&loaded.dom);
    assert_eq!(
        elements.iter().filter(|e| e.name == "script").count(),
        1,
        "only the page's own script"
    );
    assert!(!elements.iter().any(|e| e.name == "img"));
    assert!(!elements.iter().any(|e| e.get("data-pwned").is_some()));
    assert!(!loaded.dom.contains("<title>pwned"));
    assert!(
        text.contains("<script>document.title='pwned'</script>"),
        "{text}"
    );
    assert!(text.contains("onerror=\"document.body"), "{text}");
    // The figures around the markup are still marked.
    assert!(claim_marks(&elements).len() >= 2);
    assert!(loaded.requests.is_empty(), "{:?}", loaded.requests);
}

#[test]
fn the_request_checker_sees_a_request_a_page_makes_and_the_policy_stops_it() {
    let Some(browser) =
        chromium("the_request_checker_sees_a_request_a_page_makes_and_the_policy_stops_it")
    else {
        return;
    };
    let workspace = Workspace::new();
    // Port 9 (discard) on loopback: nothing answers, but the request is made and logged.
    let image = "<img src=\"http://127.0.0.1:9/claimlint-probe.png\">";
    let open = workspace.write(
        "open.html",
        format!(
            "<!DOCTYPE html><html><head><title>probe</title></head><body>{image}</body></html>"
        ),
    );
    let loaded = load(&browser, &workspace, &open, "");
    assert_eq!(
        loaded.requests,
        ["http://127.0.0.1:9/claimlint-probe.png"],
        "the checker must see the probe's request"
    );
    // The same image under the policy the pages carry is never requested.
    let policy = claimlint::report::content_security_policy();
    let guarded = workspace.write(
        "guarded.html",
        format!(
            "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\"><title>probe</title></head><body>{image}</body></html>"
        ),
    );
    let loaded = load(&browser, &workspace, &guarded, "");
    assert!(loaded.requests.is_empty(), "{:?}", loaded.requests);
}

#[test]
fn diff_page_marks_changed_added_and_stale_figures_and_requests_nothing() {
    let Some(browser) =
        chromium("diff_page_marks_changed_added_and_stale_figures_and_requests_nothing")
    else {
        return;
    };
    let workspace = with_drafts();
    for (from, to) in [(1, 2), (2, 3)] {
        let (html, json) = diff_pages(&workspace, from, to);
        let page = workspace.write(&format!("diff-{to}.html"), html);
        let loaded = load(&browser, &workspace, &page, "");
        assert!(loaded.requests.is_empty(), "{:?}", loaded.requests);
        let (elements, _) = parse(&loaded.dom);
        assert_eq!(elements[0].get("data-script"), Some("ready"));
        let marks = claim_marks(&elements);
        let on_side = |side: &str, change: &str| -> Vec<String> {
            marks
                .iter()
                .filter(|m| m.get("id").unwrap().starts_with(&format!("{side}-")))
                .filter(|m| m.get("data-change") == Some(change))
                .map(|m| m.get("data-claim-id").unwrap().to_owned())
                .collect()
        };
        let claims = json["claims"].as_array().unwrap();
        let in_json = |side: &str, change: &str| -> Vec<String> {
            claims
                .iter()
                .filter(|c| c["change"] == change)
                .map(|c| c[side]["id"].as_str().unwrap().to_owned())
                .collect()
        };
        for change in ["changed", "moved", "unchanged"] {
            assert_eq!(
                on_side("before", change),
                in_json("before", change),
                "{change}"
            );
            assert_eq!(
                on_side("after", change),
                in_json("after", change),
                "{change}"
            );
        }
        assert_eq!(on_side("after", "added"), in_json("after", "added"));
        assert_eq!(on_side("before", "removed"), in_json("before", "removed"));
        let stale_marked: BTreeSet<&str> = marks
            .iter()
            .filter(|m| m.has_class("stale"))
            .map(|m| m.get("data-claim-id").unwrap())
            .collect();
        let stale_in_json: BTreeSet<&str> = json["stale"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| [&s["changed"]["after"]["id"], &s["unchanged"]["id"]])
            .map(|id| id.as_str().unwrap())
            .collect();
        assert_eq!(stale_marked, stale_in_json);
        let introduced: Vec<String> = elements
            .iter()
            .filter(|e| {
                e.name == "li"
                    && e.get("data-finding-id")
                        .is_some_and(|id| id.starts_with("introduced-"))
            })
            .map(|e| e.get("data-rule").unwrap().to_owned())
            .collect();
        assert_eq!(
            introduced,
            strings(json["findings"]["introduced"].as_array().unwrap(), "rule")
        );
    }
}

#[test]
fn a_link_to_a_changed_figure_outlines_its_counterpart_in_the_other_draft() {
    let Some(browser) =
        chromium("a_link_to_a_changed_figure_outlines_its_counterpart_in_the_other_draft")
    else {
        return;
    };
    let workspace = with_drafts();
    let (html, json) = diff_pages(&workspace, 1, 2);
    let changed = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|claim| claim["change"] == "changed")
        .expect("v1 -> v2 changes a figure");
    let page = workspace.write("diff.html", html);
    let after = format!("after-{}", changed["after"]["id"].as_str().unwrap());
    let before = format!("before-{}", changed["before"]["id"].as_str().unwrap());
    let loaded = load(&browser, &workspace, &page, &after);
    let (elements, _) = parse(&loaded.dom);
    let outlined: BTreeSet<&str> = claim_marks(&elements)
        .into_iter()
        .filter(|m| m.has_class("related") || m.has_class("related-origin"))
        .map(|m| m.get("id").unwrap())
        .collect();
    assert_eq!(outlined, BTreeSet::from([before.as_str(), after.as_str()]));
}

#[test]
fn keyboard_reaches_every_finding_and_every_related_claim() {
    let Some(browser) = chromium("keyboard_reaches_every_finding_and_every_related_claim") else {
        return;
    };
    let workspace = Workspace::new();
    let article = workspace.copy_fixture(ITALIAN);
    let (page, _) = check_page(&workspace, &article, "report.html");
    let loaded = load(&browser, &workspace, &page, "");
    let (elements, _) = parse(&loaded.dom);
    let ids: BTreeSet<&str> = elements.iter().filter_map(|e| e.get("id")).collect();
    // Every in-page link lands somewhere.
    for link in elements.iter().filter(|e| e.name == "a") {
        let target = link.get("href").unwrap().strip_prefix('#').unwrap();
        assert!(ids.contains(target), "{link:?} points nowhere");
    }
    assert!(elements.iter().any(|e| e.has_class("skip")));
    // A finding on a claim is reached by a link (tab stop) from the text, and the claims of a
    // relation or a finding are tab stops themselves.
    let refs: BTreeSet<&str> = elements
        .iter()
        .filter(|e| e.has_class("finding-ref"))
        .map(|e| e.get("href").unwrap().trim_start_matches('#'))
        .collect();
    let findings: Vec<&Element> = elements
        .iter()
        .filter(|e| e.name == "li" && e.has_class("finding"))
        .collect();
    assert!(!findings.is_empty());
    for finding in &findings {
        if !finding.get("data-claims").unwrap().is_empty() {
            assert!(refs.contains(finding.get("id").unwrap()), "{finding:?}");
        }
        assert_eq!(
            finding.get("tabindex"),
            Some("-1"),
            "focusable as a link target"
        );
    }
    let marks = claim_marks(&elements);
    let linked: Vec<_> = marks
        .iter()
        .filter(|m| m.get("data-relations").is_some() || m.get("data-findings").is_some())
        .collect();
    assert!(!linked.is_empty());
    for mark in &linked {
        assert_eq!(mark.get("tabindex"), Some("0"), "{mark:?}");
    }
    for mark in marks
        .iter()
        .filter(|m| m.get("data-relations").is_none() && m.get("data-findings").is_none())
    {
        assert_eq!(
            mark.get("tabindex"),
            None,
            "{mark:?}: a claim with nothing to show is no tab stop"
        );
    }
}
