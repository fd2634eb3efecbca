//! One article's `<section>` of the HTML `check` report: the text with a `<mark>` per claim
//! (kind, worst severity of the findings on it, the relations it is in), a numbered link after
//! the claim each finding is located at, and the panel of findings (with evidence as a
//! definition list) and relations (claims by role).
//!
//! Element ids are the section's scope plus the draft's own id (`a1-c3`, `a1-f1`, `a1-r1`),
//! because claim ids are unique only within a draft; the data attributes carry the ids as the
//! JSON report spells them, so a script can join the page with `check --format json`.

use std::collections::HashMap;

use serde_json::Value;

use super::html_escape::{escape, fragment};
use super::html_page::{Mark, list_panel, marked_text, panel_heading};
use super::human::{evidence_keys, evidence_text};
use crate::check::CheckedArticle;
use crate::engine::{ArticleData, RuleError, Severity};
use crate::model::Claim;

pub(super) fn rule_error_list(errors: &[RuleError]) -> String {
    let mut html = String::from("<ul class=\"error-list\">");
    for error in errors {
        html.push_str(&format!(
            "<li data-rule=\"{}\">{}</li>",
            escape(&error.rule),
            escape(&error.to_string())
        ));
    }
    html.push_str("</ul>");
    html
}

/// The most severe of `severities`, if any.
fn worst(severities: impl Iterator<Item = Severity>) -> Option<Severity> {
    severities.max()
}

/// One article's `<section>`.
pub(super) struct ArticleSection<'a> {
    pub article: &'a CheckedArticle,
    /// The section's id, prefixing every element id inside it.
    pub scope: String,
    /// When this check ran: a finding first seen earlier says so.
    pub checked_at: &'a str,
    /// Rule summaries by id.
    pub summaries: &'a HashMap<String, String>,
}

impl ArticleSection<'_> {
    fn id(&self, local: &str) -> String {
        format!("{}-{}", self.scope, fragment(local))
    }

    pub fn render(&self) -> String {
        let article = self.article;
        let data = article.content.as_ref().map(|content| content.0.as_ref());
        let heading = data
            .and_then(|data| data.title.as_deref())
            .filter(|title| !title.trim().is_empty())
            .unwrap_or(&article.source);
        let mut html = format!(
            "<section class=\"article\" id=\"{}\" data-scope=\"\" data-article=\"{}\" data-draft=\"{}\" data-source=\"{}\" aria-labelledby=\"{}-title\">\n<h2 id=\"{}-title\">{}</h2>\n",
            self.scope,
            escape(&article.article),
            article.draft,
            escape(&article.source),
            self.scope,
            self.scope,
            escape(heading)
        );
        let counts = format!(
            "{} — {}@{} — {} claims, {} findings",
            article.source,
            article.article,
            article.draft,
            data.map_or(0, |data| data.claims.len()),
            article.findings.len()
        );
        html.push_str(&format!("<p class=\"meta\">{}</p>\n", escape(&counts)));
        html.push_str("<div class=\"columns\">\n");
        match data {
            Some(data) => html.push_str(&format!(
                "<div class=\"text\" lang=\"{}\" aria-label=\"Article text\">{}</div>\n",
                data.lang,
                marked_text(&data.text, &self.claim_marks(data))
            )),
            None => html.push_str("<p class=\"empty\">The article text was not kept.</p>\n"),
        }
        html.push_str("<aside class=\"panel\" aria-label=\"Findings and relations\">\n");
        html.push_str(&self.findings_panel(data));
        if let Some(data) = data {
            html.push_str(&self.relations_panel(data));
        }
        if !article.rule_errors.is_empty() {
            html.push_str("<h3>Rule errors</h3>");
            html.push_str(&rule_error_list(&article.rule_errors));
        }
        html.push_str("</aside>\n</div>\n</section>\n");
        html
    }

    /// One mark per claim, with the findings located at it as links after it.
    fn claim_marks(&self, data: &ArticleData) -> Vec<Mark> {
        let mut relations_of: HashMap<&str, Vec<String>> = HashMap::new();
        for (index, relation) in data.relations.iter().enumerate() {
            for claim in &relation.claims {
                relations_of
                    .entry(claim.as_str())
                    .or_default()
                    .push(format!("r{}", index + 1));
            }
        }
        data.claims
            .iter()
            .map(|claim| {
                let findings: Vec<(usize, Severity, bool)> = self
                    .article
                    .findings
                    .iter()
                    .enumerate()
                    .filter(|(_, reported)| reported.finding.claims.contains(&claim.id))
                    .map(|(index, reported)| {
                        let located_here = reported.finding.claims.first() == Some(&claim.id);
                        (index, reported.finding.severity, located_here)
                    })
                    .collect();
                let relations = relations_of.get(claim.id.as_str());
                self.claim_mark(claim, &findings, relations.map(Vec::as_slice))
            })
            .collect()
    }

    fn claim_mark(
        &self,
        claim: &Claim,
        findings: &[(usize, Severity, bool)],
        relations: Option<&[String]>,
    ) -> Mark {
        let severity = worst(findings.iter().map(|(_, severity, _)| *severity));
        let mut class = format!("claim kind-{}", claim.kind);
        if let Some(severity) = severity {
            class.push_str(&format!(" sev-{severity}"));
        }
        let mut open = format!(
            "<mark class=\"{class}\" id=\"{}\" data-claim-id=\"{}\" data-kind=\"{}\" data-value=\"{}\"",
            self.id(&claim.id),
            escape(&claim.id),
            claim.kind,
            escape(&claim.value_text)
        );
        if let Some(unit) = &claim.unit {
            open.push_str(&format!(" data-unit=\"{}\"", escape(unit)));
        }
        if let Some(relations) = relations {
            open.push_str(&format!(" data-relations=\"{}\"", relations.join(" ")));
        }
        if !findings.is_empty() {
            let ids: Vec<String> = findings
                .iter()
                .map(|(index, _, _)| format!("f{}", index + 1))
                .collect();
            open.push_str(&format!(" data-findings=\"{}\"", ids.join(" ")));
        }
        if relations.is_some() || severity.is_some() {
            open.push_str(" tabindex=\"0\"");
        }
        open.push_str(&format!(" title=\"{}\">", escape(&claim_title(claim))));
        let mut after = String::new();
        for (index, severity, located_here) in findings {
            if !located_here {
                continue;
            }
            let reported = &self.article.findings[*index];
            let local = format!("f{}", index + 1);
            after.push_str(&format!(
                "<a class=\"finding-ref sev-{severity}\" href=\"#{}\" data-finding-id=\"{local}\" data-rule=\"{}\" title=\"{}\">{}</a>",
                self.id(&local),
                escape(&reported.finding.rule),
                escape(&format!(
                    "{severity} [{}] {}",
                    reported.finding.rule, reported.finding.message
                )),
                index + 1
            ));
        }
        Mark {
            start: claim.start,
            end: claim.end,
            open,
            close: "</mark>",
            after,
        }
    }

    fn claim_link(&self, data: Option<&ArticleData>, id: &str, role: Option<&str>) -> String {
        let text = data
            .and_then(|data| data.claims.iter().find(|claim| claim.id == id))
            .map_or(id, |claim| claim.text.as_str());
        let label = match role {
            Some(role) => format!("{role}: {text}"),
            None => text.to_owned(),
        };
        format!(
            "<a href=\"#{}\" data-claim-ref=\"{}\">{}</a>",
            self.id(id),
            escape(id),
            escape(&label)
        )
    }

    fn findings_panel(&self, data: Option<&ArticleData>) -> String {
        let findings = &self.article.findings;
        let mut html = panel_heading("Findings", findings.len(), "No findings.");
        if findings.is_empty() {
            return html;
        }
        html.push_str("<ol class=\"findings\">\n");
        for (index, reported) in findings.iter().enumerate() {
            let finding = &reported.finding;
            let local = format!("f{}", index + 1);
            html.push_str(&format!(
                "<li class=\"finding sev-{}\" id=\"{}\" data-finding-id=\"{local}\" data-rule=\"{}\" data-severity=\"{}\" data-claims=\"{}\" tabindex=\"-1\">",
                finding.severity,
                self.id(&local),
                escape(&finding.rule),
                finding.severity,
                escape(&finding.claims.join(" "))
            ));
            html.push_str(&format!(
                "<span class=\"badge sev-{0}\">{0}</span> <span class=\"rule\">{1}</span> <span class=\"meta\">line {2}:{3}</span>",
                finding.severity,
                escape(&finding.rule),
                finding.line,
                finding.column
            ));
            if let Some(summary) = self.summaries.get(&finding.rule) {
                html.push_str(&format!("<div class=\"meta\">{}</div>", escape(summary)));
            }
            html.push_str(&format!(
                "<p class=\"message\">{}</p>",
                escape(&finding.message)
            ));
            if finding.claims.is_empty() {
                html.push_str("<p class=\"meta\">About the article as a whole.</p>");
            } else {
                let links: Vec<String> = finding
                    .claims
                    .iter()
                    .map(|id| self.claim_link(data, id, None))
                    .collect();
                html.push_str(&format!(
                    "<p class=\"claims\">Claims: {}</p>",
                    links.join(", ")
                ));
            }
            html.push_str(&evidence_list(&finding.evidence));
            if reported.first_seen != self.checked_at {
                html.push_str(&format!(
                    "<p class=\"meta\">First seen {}</p>",
                    escape(&reported.first_seen)
                ));
            }
            html.push_str("</li>\n");
        }
        html.push_str("</ol>\n");
        html
    }

    fn relations_panel(&self, data: &ArticleData) -> String {
        list_panel(
            "Relations",
            "No relations between claims.",
            &data.relations,
            "<ul class=\"relations\">",
            |index, relation| {
                let local = format!("r{}", index + 1);
                let links: Vec<String> = relation
                    .claims
                    .iter()
                    .enumerate()
                    .map(|(at, id)| {
                        self.claim_link(Some(data), id, relation.roles.get(at).map(String::as_str))
                    })
                    .collect();
                let mut html = format!(
                    "<li id=\"{}\" data-relation-id=\"{local}\" data-kind=\"{}\" data-claims=\"{}\"><span class=\"tag\">{}</span> {}",
                    self.id(&local),
                    relation.kind.as_str(),
                    escape(&relation.claims.join(" ")),
                    relation.kind.as_str(),
                    links.join(" ↔ ")
                );
                if let Some(cue) = relation
                    .cue
                    .as_ref()
                    .map(|cue| &cue.text)
                    .or(relation.marker.as_ref())
                {
                    html.push_str(&format!(
                        " <span class=\"meta\">(“{}”)</span>",
                        escape(cue.trim())
                    ));
                }
                html.push_str("</li>\n");
                html
            },
        )
    }
}

/// A claim's tooltip: kind, value and unit, position, and any ambiguity.
fn claim_title(claim: &Claim) -> String {
    let mut title = format!("{} {}", claim.kind, claim.value_text);
    if let Some(unit) = &claim.unit {
        title.push_str(&format!(" {unit}"));
    }
    title.push_str(&format!(" — line {}:{}", claim.line, claim.column));
    for ambiguity in &claim.ambiguity {
        title.push_str(&format!(" — {}", ambiguity.note));
    }
    title
}

/// A finding's evidence as a definition list, keys in the order the human report uses.
fn evidence_list(evidence: &crate::engine::Evidence) -> String {
    if evidence.is_empty() {
        return String::new();
    }
    let mut html = String::from("<dl class=\"evidence\">");
    for key in evidence_keys(evidence) {
        let value = match &evidence[key] {
            Value::Array(items) if items.len() > 1 => {
                let items: Vec<String> = items
                    .iter()
                    .map(|item| format!("<li>{}</li>", escape(&evidence_text(item))))
                    .collect();
                format!("<ul>{}</ul>", items.concat())
            }
            other => escape(&evidence_text(other)),
        };
        html.push_str(&format!(
            "<dt data-key=\"{}\">{}</dt><dd>{value}</dd>",
            escape(key),
            escape(key)
        ));
    }
    html.push_str("</dl>");
    html
}
