//! The HTML `check` report: one self-contained page (see [`super::html_page`] for the frame
//! and its Content-Security-Policy) with one `<section>` per checked article, written as each
//! article is checked, so `check --all --format html` streams like the JSON report.
//!
//! A section ([`super::html_article`]) shows the article text with every claim marked and a
//! panel of findings and relations. The text needs [`CheckedArticle::content`], so the CLI
//! asks for it with [`crate::check::CheckOptions::keep_drafts`]; without it only the panel is
//! shown. Input errors appear where they happened in the stream; compile errors of rules
//! first, files that are no article last, the totals in the footer.

use std::collections::HashMap;
use std::io::{self, Write};

use super::html_article::{ArticleSection, rule_error_list};
use super::html_escape::escape;
use super::html_page::{page_end, page_start};
use super::human::summary_line;
use crate::check::{CheckHeader, CheckReport, CheckSink, CheckTotals, CheckedArticle, replay};

pub fn write_check_html(out: &mut impl Write, report: &CheckReport) -> io::Result<()> {
    replay(report, &mut HtmlCheckWriter::new(out))
}

/// Streams the HTML page (see the module docs).
pub struct HtmlCheckWriter<W> {
    out: W,
    sections: usize,
    checked_at: String,
    /// Rule summaries by id, shown under each finding's rule.
    summaries: HashMap<String, String>,
    unsupported: Vec<String>,
}

impl<W: Write> HtmlCheckWriter<W> {
    pub fn new(out: W) -> Self {
        HtmlCheckWriter {
            out,
            sections: 0,
            checked_at: String::new(),
            summaries: HashMap::new(),
            unsupported: Vec::new(),
        }
    }

    /// Files found in the folders and globs given whose format is not an article's: listed
    /// at the end of the page as not checked.
    pub fn with_unsupported(mut self, unsupported: Vec<String>) -> Self {
        self.unsupported = unsupported;
        self
    }
}

impl<W: Write> CheckSink for HtmlCheckWriter<W> {
    fn begin(&mut self, header: &CheckHeader) -> io::Result<()> {
        self.checked_at.clone_from(&header.checked_at);
        self.summaries = header
            .rules
            .iter()
            .map(|rule| (rule.id.clone(), rule.summary.clone()))
            .collect();
        let meta = [
            format!(
                "Checked {} with {} rules (suite {}), reference data {}.",
                header.checked_at,
                header.rules.len(),
                header
                    .rule_suite_hash
                    .get(..12)
                    .unwrap_or(&header.rule_suite_hash),
                header.reference_snapshot
            ),
            "Claims are highlighted by kind; a wavy underline and a numbered link mark a \
             finding. Focus a claim (Tab) to see the claims it is related to."
                .to_owned(),
        ];
        self.out
            .write_all(page_start("check", None, "claimlint check report", &meta).as_bytes())?;
        if !header.rule_errors.is_empty() {
            let mut html = String::from(
                "<section class=\"rule-errors\" id=\"rule-errors\"><h2>Rules that did not compile</h2>",
            );
            html.push_str(&rule_error_list(&header.rule_errors));
            html.push_str("</section>\n");
            self.out.write_all(html.as_bytes())?;
        }
        Ok(())
    }

    fn article(&mut self, article: CheckedArticle) -> io::Result<()> {
        self.sections += 1;
        let section = ArticleSection {
            article: &article,
            scope: format!("a{}", self.sections),
            checked_at: &self.checked_at,
            summaries: &self.summaries,
        };
        self.out.write_all(section.render().as_bytes())
    }

    fn input_error(&mut self, message: String) -> io::Result<()> {
        writeln!(
            self.out,
            "<p class=\"input-error\" role=\"alert\">error: {}</p>",
            escape(&message)
        )
    }

    fn finish(&mut self, totals: &CheckTotals) -> io::Result<()> {
        if self.sections == 0 {
            self.out
                .write_all(b"<p class=\"empty\">No article was checked.</p>\n")?;
        }
        if !self.unsupported.is_empty() {
            let mut html = String::from(
                "<section class=\"unsupported\"><h2>Not checked (not an article format)</h2><ul>",
            );
            for path in &self.unsupported {
                html.push_str(&format!("<li>{}</li>", escape(path)));
            }
            html.push_str("</ul></section>\n");
            self.out.write_all(html.as_bytes())?;
        }
        let footer = format!("claimlint check: {}", summary_line(totals));
        self.out.write_all(page_end(&footer).as_bytes())?;
        self.out.flush()
    }

    /// The page is closed as at the end, after a notice that the check stopped and why.
    fn abort(&mut self, message: &str, totals: &CheckTotals) -> io::Result<()> {
        let notice = format!(
            "<p class=\"stopped\" role=\"alert\">The check stopped before it was done: {}</p>\n",
            escape(message)
        );
        self.out.write_all(notice.as_bytes())?;
        self.finish(totals)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::check::{ClaimSpan, DraftContent, ReportedFinding, TargetKind};
    use crate::engine::{ArticleData, Finding, Severity};
    use crate::model::{Claim, ClaimKind, Lang, Precision, Qualifier, Relation, RelationKind};

    const TEXT: &str = "Costs <b>rose</b> to 8 million yuan ($1.1m).";

    fn claim(id: &str, kind: ClaimKind, text: &str) -> Claim {
        let start = TEXT.find(text).unwrap();
        Claim {
            id: id.into(),
            kind,
            text: text.into(),
            start,
            end: start + text.len(),
            line: 1,
            column: start as u32 + 1,
            sentence: 0,
            value: 1.0,
            value_text: "1".into(),
            unit: None,
            scale: None,
            precision: Precision {
                low: 1.0,
                high: 1.0,
            },
            qualifier: Qualifier::None,
            ambiguity: Vec::new(),
            date: None,
            period: None,
        }
    }

    fn page() -> String {
        let claims = vec![
            claim("c1", ClaimKind::Money, "8 million yuan"),
            claim("c2", ClaimKind::Money, "$1.1m"),
        ];
        let relation = Relation {
            kind: RelationKind::Conversion,
            claims: vec!["c1".into(), "c2".into()],
            roles: vec!["source".into(), "target".into()],
            marker: Some("(".into()),
            direction: None,
            period: None,
            cue: None,
            sentence: Some(0),
            items: None,
            factor: None,
        };
        let mut evidence = crate::engine::Evidence::new();
        evidence.insert("tolerance".into(), serde_json::json!("±2%"));
        evidence.insert("reported".into(), serde_json::json!(7.27));
        let finding = Finding {
            rule: "conversion-rate-mismatch".into(),
            severity: Severity::Error,
            message: "8 million yuan <i>is</i> not $1.1m".into(),
            claims: vec!["c1".into(), "c2".into()],
            start: claims[0].start,
            end: claims[0].end,
            line: 1,
            column: claims[0].column,
            sentence: Some(0),
            evidence,
        };
        let data = ArticleData {
            id: "story".into(),
            lang: Lang::En,
            draft: 1,
            title: None,
            date: None,
            text: TEXT.into(),
            claims: claims.clone(),
            relations: vec![relation],
            sentences: vec![TEXT.into()],
            sentence_starts: vec![0],
            body_start: 0,
            source: None,
        };
        let report = CheckReport {
            schema_version: 1,
            rule_suite_hash: "0123456789abcdef".into(),
            reference_snapshot: "none".into(),
            checked_at: "2024-02-01T10:00:00.000Z".into(),
            rules: Vec::new(),
            articles: vec![CheckedArticle {
                article: "story".into(),
                draft: 1,
                source: "story.txt".into(),
                kind: TargetKind::File,
                findings: vec![ReportedFinding {
                    end_line: 1,
                    end_column: claims[0].column + 14,
                    spans: vec![ClaimSpan {
                        claim: "c1".into(),
                        start: claims[0].start,
                        end: claims[0].end,
                        line: 1,
                        column: claims[0].column,
                    }],
                    source_line: TEXT.into(),
                    source_line_start: 0,
                    finding,
                    first_seen: "2024-02-01T10:00:00.000Z".into(),
                }],
                rule_errors: Vec::new(),
                suppressed: Vec::new(),
                baselined: Vec::new(),
                warnings: Vec::new(),
                content: Some(DraftContent(Arc::new(data))),
            }],
            rule_errors: Vec::new(),
            input_errors: Vec::new(),
        };
        let mut out = Vec::new();
        write_check_html(&mut out, &report).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_text_is_escaped_and_each_claim_marked_with_its_finding_and_relation() {
        let html = page();
        assert!(html.contains("Costs &lt;b&gt;rose&lt;/b&gt; to <mark class=\"claim kind-money sev-error\" id=\"a1-c1\" data-claim-id=\"c1\" data-kind=\"money\" data-value=\"1\" data-relations=\"r1\" data-findings=\"f1\" tabindex=\"0\""), "{html}");
        assert!(html.contains(">8 million yuan</mark><a class=\"finding-ref sev-error\" href=\"#a1-f1\" data-finding-id=\"f1\" data-rule=\"conversion-rate-mismatch\""), "{html}");
        // The second claim of the finding is marked by severity but carries no second link.
        assert!(html.contains("id=\"a1-c2\" data-claim-id=\"c2\""));
        assert_eq!(html.matches("class=\"finding-ref").count(), 1);
        assert!(!html.contains("<b>") && !html.contains("<i>"), "{html}");
        assert!(html.contains("8 million yuan &lt;i&gt;is&lt;/i&gt; not $1.1m"));
    }

    #[test]
    fn evidence_is_listed_in_reading_order_and_relations_by_role() {
        let html = page();
        let reported = html.find("<dt data-key=\"reported\">").unwrap();
        let tolerance = html.find("<dt data-key=\"tolerance\">").unwrap();
        assert!(reported < tolerance, "reported comes first");
        assert!(html.contains("<dd>7.27</dd>"), "{html}");
        assert!(
            html.contains("data-relation-id=\"r1\" data-kind=\"conversion\" data-claims=\"c1 c2\"")
        );
        assert!(html.contains("<a href=\"#a1-c1\" data-claim-ref=\"c1\">source: 8 million yuan</a> ↔ <a href=\"#a1-c2\" data-claim-ref=\"c2\">target: $1.1m</a>"), "{html}");
    }

    #[test]
    fn the_page_is_one_document_with_one_section() {
        let html = page();
        assert!(html.starts_with("<!DOCTYPE html>\n<html data-page=\"check\">"));
        assert_eq!(html.matches("<section class=\"article\"").count(), 1);
        assert_eq!(html.matches("<script>").count(), 1);
        assert!(html.ends_with("</html>\n"));
    }
}
