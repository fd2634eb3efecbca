//! The SARIF 2.1.0 `check` report, for CI systems that show findings inline.
//!
//! One `run` holds the rule catalogue (`tool.driver.rules`: id, short and full description
//! and help from the rule's header, help URI when it links to an absolute URL, default
//! level) and one `result` per finding with a physical location (the target as given, a
//! 1-based region with start/end line and column in code points). Rule errors and input
//! errors are `toolExecutionNotifications` of the invocation, which is then not successful;
//! a check that stops before its report begins (rules that do not load) still writes one
//! complete log ([`write_failed_sarif`]). Evidence, claim ids and `first_seen` travel in
//! each result's `properties`. Findings a directive suppressed or a baseline accepts are
//! results too, with `suppressions` (kind `inSource`, located at the directive's line, or
//! `external`), as SARIF 2.1.0 §3.35 has viewers hide them. [`SarifCheckWriter`] writes the
//! log as the check goes.

use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use std::collections::HashMap;

use serde_json::{Value, json};

use super::json::{nested_pretty, quoted};
use crate::check::{
    CheckHeader, CheckReport, CheckSink, CheckTotals, CheckedArticle, ReportedFinding, RuleInfo,
    TargetKind, replay,
};
use crate::engine::{RuleError, Severity};
use crate::store::finding_fingerprint;

const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rule_entry(rule: &RuleInfo) -> Value {
    let mut entry = json!({
        "id": rule.id,
        "shortDescription": { "text": rule.summary },
        "defaultConfiguration": { "level": level(rule.severity) },
    });
    // The header's prose is the rule's documentation: its first paragraph (what it checks,
    // why, an example) the full description, all of it under the summary the help.
    let prose = rule.prose.trim();
    if let Some(first) = prose.split("\n\n").next().filter(|first| !first.is_empty()) {
        entry["fullDescription"] = json!({ "text": first });
    }
    entry["help"] = if prose.is_empty() {
        json!({ "text": rule.summary, "markdown": format!("**{}**", rule.summary) })
    } else {
        json!({
            "text": format!("{}\n\n{prose}", rule.summary),
            "markdown": format!("**{}**\n\n{prose}", rule.summary),
        })
    };
    // `helpUri` must be an absolute URI (SARIF 2.1.0 §3.49.12): a path in the repository
    // (what bundled rules give) is a property instead, and no link is no key at all.
    if is_absolute_uri(&rule.link) {
        entry["helpUri"] = json!(rule.link);
    } else if !rule.link.is_empty() {
        entry["properties"] = json!({ "documentation": rule.link });
    }
    entry
}

/// `scheme:…` with an RFC 3986 scheme (a letter, then letters, digits, `+`, `-`, `.`).
fn is_absolute_uri(link: &str) -> bool {
    let Some((scheme, _)) = link.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

/// The `uriBaseId` of files under the directory claimlint ran in (a repository checkout in CI).
const SRCROOT: &str = "%SRCROOT%";
/// The `uriBaseId` of stored drafts: their `uri` is `ARTICLE@N`, which names no file.
const STORE: &str = "CLAIMLINT_STORE";

/// Where results point: files under [`SarifCheckWriter::with_source_root`] relative to
/// `%SRCROOT%`, other files as `file:` URIs, stored drafts as `ARTICLE@N` under
/// `CLAIMLINT_STORE`; without a root, every file as it was named.
#[derive(Default)]
struct Artifacts {
    source_root: Option<PathBuf>,
}

impl Artifacts {
    fn location(&self, article: &CheckedArticle) -> Value {
        match article.kind {
            TargetKind::Stored => {
                return json!({ "uri": artifact_uri(&article.source), "uriBaseId": STORE });
            }
            // Standard input is no file of the repository: named as given, under no base.
            TargetKind::Stdin => return json!({ "uri": artifact_uri(&article.source) }),
            TargetKind::File => {}
        }
        let Some(root) = &self.source_root else {
            return json!({ "uri": artifact_uri(&article.source) });
        };
        let path = Path::new(&article.source);
        let absolute = root.join(path);
        match absolute.strip_prefix(root).ok().and_then(relative_uri) {
            Some(uri) => json!({ "uri": uri, "uriBaseId": SRCROOT }),
            None => json!({ "uri": file_uri(&absolute) }),
        }
    }

    /// `run.originalUriBaseIds`: what each base stands for.
    fn bases(&self) -> Value {
        let mut bases = json!({
            STORE: { "description": { "text":
                "Drafts stored in the claimlint database, named ARTICLE@N (article id, draft number); not files." } },
        });
        if let Some(root) = &self.source_root {
            let mut uri = file_uri(root);
            if !uri.ends_with('/') {
                uri.push('/');
            }
            bases[SRCROOT] = json!({ "uri": uri });
        }
        bases
    }
}

/// A path inside the root as a relative URI (`a/b%20c.txt`); `None` when it climbs out
/// (`..`) or is empty.
fn relative_uri(path: &Path) -> Option<String> {
    let mut segments = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(name) => segments.push(artifact_uri(&name.to_string_lossy())),
            Component::CurDir => {}
            _ => return None,
        }
    }
    (!segments.is_empty()).then(|| segments.join("/"))
}

/// An absolute path as a `file:` URI (`file:///tmp/a%20b.txt`).
fn file_uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let text = if text.starts_with('/') {
        text
    } else {
        format!("/{text}")
    };
    format!("file://{}", artifact_uri(&text))
}

fn result_entry(
    article: &CheckedArticle,
    artifact: &Value,
    reported: &ReportedFinding,
    rule_index: Option<usize>,
) -> Value {
    let finding = &reported.finding;
    let mut result = json!({
        "ruleId": finding.rule,
        "level": level(finding.severity),
        "message": { "text": finding.message },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact,
                "region": {
                    "startLine": finding.line,
                    "startColumn": finding.column,
                    "endLine": reported.end_line,
                    "endColumn": reported.end_column,
                }
            }
        }],
        "partialFingerprints": { "claimlintFinding/v1": finding_fingerprint(finding) },
        "properties": {
            "article": article.article,
            "draft": article.draft,
            "claims": finding.claims,
            "evidence": finding.evidence,
            "first_seen": reported.first_seen,
        },
    });
    if article.kind == TargetKind::Stored {
        let name = &article.source;
        result["locations"][0]["logicalLocations"] =
            json!([{ "name": name, "fullyQualifiedName": name, "kind": "resource" }]);
    }
    if let Some(index) = rule_index {
        result["ruleIndex"] = json!(index);
    }
    result
}

fn rule_error_notification(error: &RuleError) -> Value {
    json!({
        "level": "error",
        "message": { "text": error.to_string() },
        "associatedRule": { "id": error.rule },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": artifact_uri(&error.file) },
                "region": {
                    "startLine": error.line.unwrap_or(1),
                    "startColumn": error.column.unwrap_or(1),
                }
            }
        }],
    })
}

/// The run's `tool`: claimlint, its version and the catalogue of `rules`.
fn tool(rules: &[RuleInfo]) -> Value {
    let mut tool = json!({
        "driver": {
            "name": "claimlint",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules.iter().map(rule_entry).collect::<Vec<_>>(),
        }
    });
    // The project's page when Cargo.toml names one; no placeholder otherwise.
    if let Some(page) = [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|page| is_absolute_uri(page))
    {
        tool["driver"]["informationUri"] = json!(page);
    }
    tool
}

/// Where a fatal error is: a file and, when known, a 1-based line.
pub struct ErrorLocation {
    pub file: String,
    pub line: Option<usize>,
}

/// The log of a check that stopped before checking anything (rules that cannot be loaded, a
/// bad claimlint.toml or baseline, …): no rules or results, an unsuccessful invocation
/// with one `error` notification naming the problem and, when known, where it is. CI then
/// still uploads one complete, valid file.
pub fn write_failed_sarif(
    out: &mut impl Write,
    message: &str,
    location: Option<&ErrorLocation>,
) -> io::Result<()> {
    let mut notification = json!({ "level": "error", "message": { "text": message } });
    if let Some(location) = location {
        let mut physical = json!({ "artifactLocation": { "uri": artifact_uri(&location.file) } });
        if let Some(line) = location.line {
            physical["region"] = json!({ "startLine": line });
        }
        notification["locations"] = json!([{ "physicalLocation": physical }]);
    }
    let log = json!({
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": tool(&[]),
            "results": [],
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": false,
                "toolExecutionNotifications": [notification],
            }],
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)?;
    out.flush()
}

pub fn write_check_sarif(out: &mut impl Write, report: &CheckReport) -> io::Result<()> {
    replay(report, &mut SarifCheckWriter::new(out))
}

/// Streams the SARIF log: the run's `tool` first, then each result as its article is
/// checked, then `invocations` (whose notifications are only known at the end) and the run's
/// `properties`. One valid JSON document, pretty-printed.
pub struct SarifCheckWriter<W> {
    out: W,
    rule_ids: HashMap<String, usize>,
    notifications: Vec<Value>,
    results: usize,
    checked_at: String,
    properties: Value,
    /// Notes for the unsupported files, added after the errors at the end.
    unsupported_notes: Vec<Value>,
    artifacts: Artifacts,
}

impl<W: Write> SarifCheckWriter<W> {
    pub fn new(out: W) -> Self {
        SarifCheckWriter {
            out,
            rule_ids: HashMap::new(),
            notifications: Vec::new(),
            results: 0,
            checked_at: String::new(),
            properties: Value::Null,
            unsupported_notes: Vec::new(),
            artifacts: Artifacts::default(),
        }
    }

    /// The directory the file targets were named from (the working directory): files under
    /// it become URIs relative to `%SRCROOT%`, which `originalUriBaseIds` sets to it, as code
    /// scanning expects of a repository checkout. `root` must be absolute.
    pub fn with_source_root(mut self, root: PathBuf) -> Self {
        self.artifacts.source_root = Some(root);
        self
    }

    /// Files found in the folders and globs given whose format is not an article's: one
    /// `note` notification each, so a SARIF viewer shows what was not checked.
    pub fn with_unsupported(mut self, unsupported: &[String]) -> Self {
        self.unsupported_notes = unsupported
            .iter()
            .map(|path| {
                json!({
                    "level": "note",
                    "message": { "text": format!("{path}: not checked: not an article format") },
                })
            })
            .collect();
        self
    }
}

impl<W: Write> CheckSink for SarifCheckWriter<W> {
    fn begin(&mut self, header: &CheckHeader) -> io::Result<()> {
        // The first rule with an id is the one `ruleIndex` points at.
        for (index, rule) in header.rules.iter().enumerate().rev() {
            self.rule_ids.insert(rule.id.clone(), index);
        }
        self.notifications = header
            .rule_errors
            .iter()
            .map(rule_error_notification)
            .collect();
        self.checked_at.clone_from(&header.checked_at);
        self.properties = json!({
            "rule_suite_hash": header.rule_suite_hash,
            "reference_snapshot": header.reference_snapshot,
        });
        let tool = tool(&header.rules);
        write!(
            self.out,
            "{{\n  \"$schema\": {},\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {},\n      \"results\": [",
            quoted(SARIF_SCHEMA)?,
            nested_pretty(&tool, 3)?,
        )
    }

    fn article(&mut self, article: CheckedArticle) -> io::Result<()> {
        let artifact = self.artifacts.location(&article);
        let in_source = |line: u32| {
            json!([{
                "kind": "inSource",
                "location": { "physicalLocation": {
                    "artifactLocation": artifact,
                    "region": { "startLine": line },
                } },
            }])
        };
        let results = (article.findings.iter().map(|reported| (reported, None)))
            .chain(article.suppressed.iter().map(|suppressed| {
                (
                    &suppressed.finding,
                    Some(in_source(suppressed.directive_line)),
                )
            }))
            .chain(article.baselined.iter().map(|reported| {
                let external = json!([{ "kind": "external", "justification": "in the baseline" }]);
                (reported, Some(external))
            }));
        for (reported, suppressions) in results {
            let index = self.rule_ids.get(&reported.finding.rule).copied();
            let comma = if self.results == 0 { "" } else { "," };
            self.results += 1;
            let mut result = result_entry(&article, &artifact, reported, index);
            if let Some(suppressions) = suppressions {
                result["suppressions"] = suppressions;
            }
            write!(self.out, "{comma}\n        {}", nested_pretty(&result, 4)?)?;
        }
        self.notifications
            .extend(article.rule_errors.iter().map(rule_error_notification));
        Ok(())
    }

    fn input_error(&mut self, message: String) -> io::Result<()> {
        self.notifications
            .push(json!({ "level": "error", "message": { "text": message } }));
        Ok(())
    }

    /// The log is closed as at the end, with an error notification saying the check
    /// stopped: `executionSuccessful` is false, and the results so far stay.
    fn abort(&mut self, message: &str, totals: &CheckTotals) -> io::Result<()> {
        self.notifications.push(json!({
            "level": "error",
            "message": { "text": format!("the check stopped before it was done: {message}") },
        }));
        self.finish(totals)
    }

    fn finish(&mut self, _: &CheckTotals) -> io::Result<()> {
        let close = if self.results == 0 { "]" } else { "\n      ]" };
        let success = self.notifications.is_empty();
        self.notifications.append(&mut self.unsupported_notes);
        let invocations = json!([{
            "executionSuccessful": success,
            "endTimeUtc": self.checked_at,
            "toolExecutionNotifications": self.notifications,
        }]);
        writeln!(
            self.out,
            "{close},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"originalUriBaseIds\": {},\n      \"invocations\": {},\n      \"properties\": {}\n    }}\n  ]\n}}",
            nested_pretty(&self.artifacts.bases(), 3)?,
            nested_pretty(&invocations, 3)?,
            nested_pretty(&self.properties, 3)?,
        )?;
        self.out.flush()
    }
}

/// A path as a SARIF `uri` (a relative URI reference): bytes other than unreserved and
/// path characters are percent-encoded, so `bozza 2.txt` becomes `bozza%202.txt`.
pub fn artifact_uri(path: &str) -> String {
    let mut uri = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&byte) {
            uri.push(byte as char);
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}
