//! Suppression directives in HTML and Markdown comments become ranges of the prose.

use super::*;

/// The prose each suppression covers, with its rules.
fn covered(converted: &Converted) -> Vec<(&str, Vec<String>)> {
    converted
        .suppressions
        .iter()
        .map(|range| (&converted.text[range.start..range.end], range.rules.clone()))
        .collect()
}

#[test]
fn html_next_line_covers_the_following_paragraph() {
    let page = "<article>\n<p>Primo: 10%.</p>\n<!-- claimlint-disable-next-line percent-for-points -->\n<p>Secondo: 20%.</p>\n<p>Terzo: 30%.</p>\n</article>";
    let converted = convert_str(Format::Html, page);
    assert_eq!(
        covered(&converted),
        vec![("Secondo: 20%.", vec!["percent-for-points".to_owned()])]
    );
    assert_eq!(converted.suppressions[0].line, 3);
    assert!(!converted.text.contains("claimlint"));
}

#[test]
fn html_disable_runs_to_enable_or_to_the_end() {
    let page = "<body><p>A 1%.</p><!-- claimlint-disable a,b --><p>B 2%.</p>\n<!-- claimlint-enable --><p>C 3%.</p><!--claimlint-disable--><p>D 4%.</p></body>";
    let converted = convert_str(Format::Html, page);
    let ranges = covered(&converted);
    assert_eq!(ranges.len(), 2, "{ranges:?}");
    assert!(ranges[0].0.contains("B 2%") && !ranges[0].0.contains("C 3%"));
    assert_eq!(ranges[0].1, vec!["a".to_owned(), "b".to_owned()]);
    assert!(ranges[1].0.contains("D 4%") && ranges[1].1.is_empty());
}

#[test]
fn markdown_comment_blocks_and_inline_comments_are_directives() {
    let post = "Primo 10%.\n\n<!-- claimlint-disable-next-line -->\nSecondo 20%.\n\nTerzo <!-- claimlint-disable x --> 30% e 40%.\n";
    let converted = convert_str(Format::Markdown, post);
    let ranges = covered(&converted);
    assert_eq!(ranges.len(), 2, "{ranges:?}");
    assert_eq!(ranges[0], ("Secondo 20%.", Vec::new()));
    assert_eq!(converted.suppressions[0].line, 3);
    assert_eq!(ranges[1].0.trim_start(), "30% e 40%.");
    assert_eq!(converted.suppressions[1].line, 6);
}

#[test]
fn markdown_comment_spanning_lines_is_read_whole() {
    let post = "<!--\nclaimlint-disable-next-line percent-for-points\n-->\nUno 5%.\n\nDue 6%.\n";
    let converted = convert_str(Format::Markdown, post);
    assert_eq!(
        covered(&converted),
        vec![("Uno 5%.", vec!["percent-for-points".to_owned()])]
    );
}

#[test]
fn a_directive_in_markdown_code_is_no_directive() {
    let post = "```html\n<!-- claimlint-disable -->\n```\n\nIndented:\n\n    <!-- claimlint-disable -->\n\nUse `<!-- claimlint-disable -->` to silence.\n\nUno 5%.\n";
    let converted = convert_str(Format::Markdown, post);
    assert!(
        converted.suppressions.is_empty(),
        "{:?}",
        converted.suppressions
    );
}

#[test]
fn other_comments_suppress_nothing() {
    let converted = convert_str(
        Format::Html,
        "<p>Uno 5%.</p><!-- TODO: claimlint-disable later --><p>Due 6%.</p>",
    );
    assert!(converted.suppressions.is_empty());
}
