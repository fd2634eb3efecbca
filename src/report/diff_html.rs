//! The HTML `diff` page: both drafts side by side, each with its claims marked by what became
//! of them (`data-change`: changed, added, removed, moved, unchanged), stale derived figures
//! marked on the newer draft, then the tables a desk editor reads: claim changes, stale
//! figures, edited sentences as a word diff (`<del>`/`<ins>`), findings introduced and
//! resolved.
//!
//! The report ([`DiffReport`]) holds the claims but not the texts, so the two
//! [`DraftView`]s it was made from are passed along. The two sides of an aligned claim share a
//! `data-pair` id; the page's script outlines the other side when one is focused. Element ids
//! are `before-c3` / `after-c5` (claim ids are per draft). The frame, escaping and CSP are
//! [`super::html_page`]'s.

use std::collections::HashMap;
use std::io::{self, Write};

use super::diff_human::{lines, percent, value};
use super::html_escape::{escape, fragment};
use super::html_page::{Mark, list_panel, marked_text, page_end, page_start, panel_heading};
use crate::diff::{
    ChangeKind, DeltaFinding, DiffReport, DraftView, SegmentKind, SentenceChangeKind,
};
use crate::model::Claim;

/// Which draft a claim is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Side {
    Before,
    After,
}

impl Side {
    fn as_str(self) -> &'static str {
        match self {
            Side::Before => "before",
            Side::After => "after",
        }
    }
}

fn claim_id(side: Side, claim: &str) -> String {
    format!("{}-{}", side.as_str(), fragment(claim))
}

/// What a claim mark says, gathered from the report before the texts are written.
#[derive(Default)]
struct ClaimNotes {
    change: Option<ChangeKind>,
    pair: Option<String>,
    stale: Vec<String>,
    /// (finding id, severity) of the introduced or resolved findings naming the claim.
    findings: Vec<(String, crate::engine::Severity)>,
    title: String,
}

/// Writes the diff page for `report`, made from `before` and `after`.
pub fn write_diff_html(
    out: &mut impl Write,
    report: &DiffReport<'_>,
    before: DraftView<'_>,
    after: DraftView<'_>,
) -> io::Result<()> {
    let summary = &report.summary;
    let title = format!(
        "claimlint diff: {}, draft {} → draft {}",
        report.article, report.from, report.to
    );
    let mut meta = vec![format!(
        "Claims: {} changed, {} added, {} removed, {} moved, {} unchanged; {} sentences edited; {} stale derived figures.",
        summary.changed,
        summary.added,
        summary.removed,
        summary.moved,
        summary.unchanged,
        summary.sentences_edited,
        summary.stale
    )];
    if let Some(findings) = &report.findings {
        meta.push(format!(
            "Findings: {} introduced, {} resolved, {} in both drafts.",
            findings.introduced.len(),
            findings.resolved.len(),
            findings.persisting
        ));
    }
    let mut html = page_start("diff", None, &title, &meta);
    let notes = claim_notes(report);
    html.push_str(&format!(
        "<section class=\"diff\" data-scope=\"\" data-article=\"{}\" data-from=\"{}\" data-to=\"{}\">\n",
        escape(&report.article),
        report.from,
        report.to
    ));
    html.push_str("<div class=\"columns drafts\">\n");
    for (side, view, label) in [
        (Side::Before, before, "older"),
        (Side::After, after, "newer"),
    ] {
        html.push_str(&format!(
            "<div class=\"draft\" data-side=\"{}\" data-draft=\"{}\"><h2>Draft {} ({label})</h2>\n<div class=\"text\" aria-label=\"Draft {} text\">{}</div></div>\n",
            side.as_str(),
            view.number,
            view.number,
            view.number,
            marked_text(view.text, &draft_marks(side, view.claims, &notes))
        ));
    }
    html.push_str("</div>\n<div class=\"panel\">\n");
    html.push_str(&changes_table(report));
    html.push_str(&stale_list(report));
    html.push_str(&sentence_list(report));
    if let Some(findings) = &report.findings {
        html.push_str(&findings_list(
            "Findings introduced",
            "introduced",
            Side::After,
            &findings.introduced,
        ));
        html.push_str(&findings_list(
            "Findings resolved",
            "resolved",
            Side::Before,
            &findings.resolved,
        ));
    }
    html.push_str("</div>\n</section>\n");
    html.push_str(&page_end(&title));
    out.write_all(html.as_bytes())?;
    out.flush()
}

/// Notes for every claim of both drafts, keyed by side and claim id.
fn claim_notes<'r>(report: &'r DiffReport<'_>) -> HashMap<(Side, &'r str), ClaimNotes> {
    let mut notes: HashMap<(Side, &str), ClaimNotes> = HashMap::new();
    for (index, change) in report.claims.iter().enumerate() {
        let pair =
            (change.before.is_some() && change.after.is_some()).then(|| format!("p{}", index + 1));
        let title = match (change.before, change.after) {
            (Some(old), Some(new)) if change.change != ChangeKind::Unchanged => {
                format!("{}: {} → {}", change.change.as_str(), old.text, new.text)
            }
            (Some(claim), _) | (None, Some(claim)) => {
                format!(
                    "{}: {} {}",
                    change.change.as_str(),
                    claim.kind,
                    value(claim)
                )
            }
            (None, None) => String::new(),
        };
        for (side, claim) in [(Side::Before, change.before), (Side::After, change.after)] {
            if let Some(claim) = claim {
                let entry = notes.entry((side, claim.id.as_str())).or_default();
                entry.change = Some(change.change);
                entry.pair.clone_from(&pair);
                entry.title.clone_from(&title);
            }
        }
    }
    for (index, stale) in report.stale.iter().enumerate() {
        for claim in [stale.changed.after, stale.unchanged] {
            let entry = notes.entry((Side::After, claim.id.as_str())).or_default();
            entry.stale.push(format!("s{}", index + 1));
            entry
                .title
                .push_str(&format!(" — stale: {}", stale.message));
        }
    }
    if let Some(findings) = &report.findings {
        for (side, prefix, list) in [
            (Side::After, "introduced", &findings.introduced),
            (Side::Before, "resolved", &findings.resolved),
        ] {
            for (index, finding) in list.iter().enumerate() {
                for claim in &finding.claims {
                    notes
                        .entry((side, claim.as_str()))
                        .or_default()
                        .findings
                        .push((format!("{prefix}-{}", index + 1), finding.severity));
                }
            }
        }
    }
    notes
}

fn draft_marks(
    side: Side,
    claims: &[Claim],
    notes: &HashMap<(Side, &str), ClaimNotes>,
) -> Vec<Mark> {
    let empty = ClaimNotes::default();
    claims
        .iter()
        .map(|claim| {
            let note = notes.get(&(side, claim.id.as_str())).unwrap_or(&empty);
            let change = note.change.unwrap_or(ChangeKind::Unchanged);
            let mut class = format!("claim kind-{} change-{}", claim.kind, change.as_str());
            if !note.stale.is_empty() {
                class.push_str(" stale");
            }
            if let Some(severity) = note.findings.iter().map(|(_, severity)| *severity).max() {
                class.push_str(&format!(" sev-{severity}"));
            }
            let mut open = format!(
                "<mark class=\"{class}\" id=\"{}\" data-claim-id=\"{}\" data-kind=\"{}\" data-change=\"{}\"",
                claim_id(side, &claim.id),
                escape(&claim.id),
                claim.kind,
                change.as_str()
            );
            if let Some(pair) = &note.pair {
                open.push_str(&format!(" data-pair=\"{pair}\""));
            }
            if !note.stale.is_empty() {
                open.push_str(&format!(" data-stale=\"{}\"", note.stale.join(" ")));
            }
            if change != ChangeKind::Unchanged || !note.stale.is_empty() {
                open.push_str(" tabindex=\"0\"");
            }
            open.push_str(&format!(" title=\"{}\">", escape(note.title.trim())));
            let after = note
                .findings
                .iter()
                .map(|(id, severity)| {
                    format!(
                        "<a class=\"finding-ref sev-{severity}\" href=\"#{id}\" data-finding-id=\"{id}\">{}</a>",
                        id.rsplit('-').next().unwrap_or(id)
                    )
                })
                .collect();
            Mark {
                start: claim.start,
                end: claim.end,
                open,
                close: "</mark>",
                after,
            }
        })
        .collect()
}

fn claim_link(side: Side, claim: &Claim) -> String {
    format!(
        "<a href=\"#{}\" data-claim-ref=\"{}\" data-side=\"{}\">{}</a>",
        claim_id(side, &claim.id),
        escape(&claim.id),
        side.as_str(),
        escape(&claim.text)
    )
}

fn changes_table(report: &DiffReport<'_>) -> String {
    let changes: Vec<_> = report
        .claims
        .iter()
        .filter(|change| change.change != ChangeKind::Unchanged)
        .collect();
    let mut html = panel_heading("Claim changes", changes.len(), "No claim changed.");
    if changes.is_empty() {
        return html;
    }
    html.push_str("<table class=\"changes\"><thead><tr><th>Change</th><th>Kind</th><th>Line</th><th>Before</th><th>After</th><th>Relative change</th></tr></thead><tbody>\n");
    for change in changes {
        let Some(claim) = change.after.or(change.before) else {
            continue;
        };
        let cell = |side, claim: Option<&Claim>| {
            claim.map_or_else(String::new, |claim| {
                format!(
                    "{} <span class=\"meta\">{}</span>",
                    claim_link(side, claim),
                    escape(&value(claim))
                )
            })
        };
        html.push_str(&format!(
            "<tr data-change=\"{0}\"><td><span class=\"tag change-{0}\">{0}</span></td><td>{1}</td><td>{2}</td><td>{3}</td><td>{4}</td><td>{5}</td></tr>\n",
            change.change.as_str(),
            claim.kind,
            escape(&lines(
                change.before.map(|c| c.line),
                change.after.map(|c| c.line)
            )),
            cell(Side::Before, change.before),
            cell(Side::After, change.after),
            change.relative_change.map(percent).unwrap_or_default()
        ));
    }
    html.push_str("</tbody></table>\n");
    html
}

fn stale_list(report: &DiffReport<'_>) -> String {
    list_panel(
        "Stale derived figures",
        "None: every derived figure moved with its source.",
        &report.stale,
        "<ul class=\"stale-list\">",
        |index, stale| {
            format!(
                "<li id=\"s{}\" data-stale-id=\"s{}\" data-relation=\"{}\"><span class=\"tag stale\">{}</span> {} <span class=\"meta\">({} ↔ {}, line {})</span></li>\n",
                index + 1,
                index + 1,
                stale.relation.as_str(),
                stale.relation.as_str(),
                escape(&stale.message),
                claim_link(Side::After, stale.changed.after),
                claim_link(Side::After, stale.unchanged),
                stale.changed.after.line
            )
        },
    )
}

fn sentence_list(report: &DiffReport<'_>) -> String {
    list_panel(
        "Sentences changed",
        "Every sentence is where it was.",
        &report.sentences,
        "<ul class=\"sentences\">",
        |_, sentence| {
            let change = match sentence.change {
                SentenceChangeKind::Edited => "edited",
                SentenceChangeKind::Moved => "moved",
                SentenceChangeKind::Added => "added",
                SentenceChangeKind::Removed => "removed",
            };
            let mut text = String::new();
            for segment in &sentence.segments {
                let escaped = escape(&segment.text);
                match segment.kind {
                    SegmentKind::Equal => text.push_str(&escaped),
                    SegmentKind::Removed => text.push_str(&format!("<del>{escaped}</del>")),
                    SegmentKind::Added => text.push_str(&format!("<ins>{escaped}</ins>")),
                }
            }
            format!(
                "<li data-sentence-change=\"{change}\"><span class=\"tag change-{}\">{change}</span> <span class=\"meta\">line {}</span> {text}</li>\n",
                if change == "edited" {
                    "changed"
                } else {
                    change
                },
                escape(&lines(sentence.before_line, sentence.after_line))
            )
        },
    )
}

fn findings_list(title: &str, prefix: &str, side: Side, findings: &[DeltaFinding]) -> String {
    let mut html = panel_heading(title, findings.len(), "None.");
    if findings.is_empty() {
        return html;
    }
    html.push_str(&format!(
        "<ol class=\"findings\" data-delta=\"{prefix}\">\n"
    ));
    for (index, finding) in findings.iter().enumerate() {
        let links: Vec<String> = finding
            .claims
            .iter()
            .zip(&finding.claim_texts)
            .map(|(id, text)| {
                format!(
                    "<a href=\"#{}\" data-claim-ref=\"{}\">{}</a>",
                    claim_id(side, id),
                    escape(id),
                    escape(text)
                )
            })
            .collect();
        html.push_str(&format!(
            "<li class=\"finding sev-{0}\" id=\"{prefix}-{1}\" data-finding-id=\"{prefix}-{1}\" data-rule=\"{2}\" data-severity=\"{0}\" tabindex=\"-1\"><span class=\"badge sev-{0}\">{0}</span> <span class=\"rule\">{2}</span> <span class=\"meta\">line {3}:{4}</span><p class=\"message\">{5}</p>",
            finding.severity,
            index + 1,
            escape(&finding.rule),
            finding.line,
            finding.column,
            escape(&finding.message)
        ));
        if !links.is_empty() {
            html.push_str(&format!(
                "<p class=\"claims\">Claims: {}</p>",
                links.join(", ")
            ));
        }
        html.push_str("</li>\n");
    }
    html.push_str("</ol>\n");
    html
}
