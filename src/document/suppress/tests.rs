//! Directive parsing, the ranges a tracker makes, and plain-text directive lines.

use super::*;
use crate::document::Document;

fn rules(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| (*id).to_owned()).collect()
}

#[test]
fn directives_read_their_keyword_and_rules() {
    assert_eq!(
        parse_directive(" claimlint-disable percent-for-points, parts-exceed-total "),
        Some(Directive::Disable(rules(&[
            "percent-for-points",
            "parts-exceed-total"
        ])))
    );
    assert_eq!(
        parse_directive("claimlint-disable-next-line"),
        Some(Directive::DisableNextLine(Vec::new()))
    );
    assert_eq!(
        parse_directive("claimlint-enable a,b"),
        Some(Directive::Enable(rules(&["a", "b"])))
    );
    // A longer word is not the keyword, and other comments are no directives.
    assert_eq!(parse_directive("claimlint-disabled"), None);
    assert_eq!(parse_directive("claimlint-disable-line x"), None);
    assert_eq!(parse_directive("a note: claimlint-disable"), None);
}

#[test]
fn a_range_ends_at_enable_and_without_one_at_the_end() {
    let text = "uno 10%\n\ndue 20%\n\ntre 30%";
    let mut tracker = SuppressionTracker::default();
    tracker.directive(Directive::Disable(rules(&["a"])), 0, 1);
    tracker.directive(Directive::Enable(Vec::new()), 9, 3);
    tracker.directive(Directive::Disable(Vec::new()), 18, 5);
    let ranges = tracker.finish(text);
    assert_eq!(ranges.len(), 2);
    assert_eq!((ranges[0].start, ranges[0].end), (0, 9));
    assert!(ranges[0].covers("a", 4) && !ranges[0].covers("b", 4));
    assert!(!ranges[0].covers("a", 9));
    assert_eq!((ranges[1].start, ranges[1].end), (18, text.len()));
    assert!(ranges[1].covers("any-rule", text.len() - 1));
}

#[test]
fn enable_with_rules_takes_only_those_out() {
    let mut tracker = SuppressionTracker::default();
    tracker.directive(Directive::Disable(rules(&["a", "b"])), 0, 1);
    tracker.directive(Directive::Enable(rules(&["a"])), 5, 2);
    let ranges = tracker.finish("0123456789");
    assert!(ranges.iter().any(|r| r.covers("a", 2)));
    assert!(!ranges.iter().any(|r| r.covers("a", 7)));
    assert!(ranges.iter().any(|r| r.covers("b", 7)));
}

#[test]
fn next_line_covers_the_next_line_of_prose_only() {
    let text = "prima riga\n\nseconda riga\nterza";
    let mut tracker = SuppressionTracker::default();
    // Met at the end of the first block: the next line is "seconda riga".
    tracker.directive(Directive::DisableNextLine(Vec::new()), 10, 2);
    let ranges = tracker.finish(text);
    assert_eq!(&text[ranges[0].start..ranges[0].end], "seconda riga");
}

#[test]
fn plain_text_directive_lines_leave_the_prose_and_positions_stay() {
    let source = "date 2024-03\nIl tasso è salito al 5%.\nclaimlint-disable-next-line percent-for-points\nOra è al 7%.\n";
    let doc = Document::from_bytes(source.as_bytes(), "a.txt").unwrap();
    assert!(!doc.text.contains("claimlint"), "{:?}", doc.text);
    assert_eq!(doc.suppressions.len(), 1);
    let range = &doc.suppressions[0];
    assert_eq!(&doc.text[range.start..range.end], "Ora è al 7%.");
    assert_eq!(range.rules, rules(&["percent-for-points"]));
    assert_eq!(range.line, 3);
    // The line after the directive is still line 4 of the file.
    assert_eq!(doc.position(doc.text.find("7%").unwrap()), (4, 10));
    assert_eq!(doc.position(doc.text.find("5%").unwrap()), (2, 22));
}

#[test]
fn plain_text_without_directives_is_unchanged_and_other_forms_are_text() {
    let source = "Il tasso è salito al 5%.\nclaimlint-disable percent-for-points\n";
    let doc = Document::from_bytes(source.as_bytes(), "a.txt").unwrap();
    assert_eq!(doc.text, source);
    assert!(doc.source.is_none() && doc.suppressions.is_empty());
    // A directive inside a sentence is article text.
    let inline = "Scrivete claimlint-disable-next-line se serve.\n";
    let doc = Document::from_bytes(inline.as_bytes(), "b.txt").unwrap();
    assert!(doc.suppressions.is_empty());
}

#[test]
fn a_file_of_directives_only_has_no_article_text() {
    let err = Document::from_bytes(b"claimlint-disable-next-line\n", "c.txt").unwrap_err();
    assert!(err.to_string().contains("no article text"), "{err}");
}

#[test]
fn html_comments_are_found_with_their_offsets() {
    let html = "<p>a</p><!-- one --><!--two-->";
    let found: Vec<(usize, &str)> = html_comments(html).collect();
    assert_eq!(found, vec![(8, " one "), (20, "two")]);
    assert_eq!(html_comments("<!-- open").count(), 1);
}
