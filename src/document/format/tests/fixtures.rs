//! The sample articles in fixtures/formats/ read as the plain-text article they copy, with
//! positions in their own files. `cina-russia.docx` is written by [`sample_docx`]:
//! `cargo test --lib write_docx_fixture -- --ignored` writes it again.

use std::path::PathBuf;

use super::*;
use crate::document::{Document, Input, MaxInputSize};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// The prose of the plain-text article (its header left out).
fn plain_text_article() -> String {
    let document = Document::read(&fixture("articles/cina-russia-2024-01-it.txt")).unwrap();
    document.text[document.body_start..].trim_end().to_owned()
}

/// The plain-text article as a Word file: one paragraph each (headings styled as such), the
/// runs split at every decimal comma and the figures' decimals in bold, as Word leaves a
/// figure someone retouched.
fn sample_docx() -> Vec<u8> {
    let mut body = String::new();
    for block in plain_text_article().split("\n\n") {
        let style = if block.ends_with('.') {
            ""
        } else {
            r#"<w:pStyle w:val="Heading2"/>"#
        };
        body.push_str(&format!("<w:p><w:pPr>{style}</w:pPr>"));
        let mut run_start = 0;
        let bytes = block.as_bytes();
        let mut bold = false;
        for index in 1..block.len() {
            let decimal_comma = bytes[index] == b','
                && bytes[index - 1].is_ascii_digit()
                && bytes.get(index + 1).is_some_and(u8::is_ascii_digit);
            if decimal_comma {
                body.push_str(&sample_run(&block[run_start..index], bold));
                body.push_str(r#"<w:proofErr w:type="spellStart"/>"#);
                run_start = index;
                bold = true;
            } else if bold && bytes[index] == b' ' {
                body.push_str(&sample_run(&block[run_start..index], bold));
                run_start = index;
                bold = false;
            }
        }
        body.push_str(&sample_run(&block[run_start..], bold));
        body.push_str("</w:p>");
    }
    let core = "<dc:title>Cina e Russia stringono i rapporti militari</dc:title>\
                <dc:language>it-IT</dc:language>\
                <dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-01-22T09:30:00Z</dcterms:created>";
    docx_archive(&body, Some(core))
}

fn sample_run(text: &str, bold: bool) -> String {
    let properties = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    format!(
        r#"<w:r>{properties}<w:t xml:space="preserve">{}</w:t></w:r>"#,
        xml_escape(text)
    )
}

#[test]
#[ignore = "writes fixtures/formats/cina-russia.docx"]
fn write_docx_fixture() {
    std::fs::write(fixture("formats/cina-russia.docx"), sample_docx()).unwrap();
}

#[test]
fn the_docx_fixture_is_what_its_generator_writes() {
    let committed = std::fs::read(fixture("formats/cina-russia.docx")).unwrap();
    let committed = convert(Format::Docx, &committed, "committed").unwrap();
    let generated = convert(Format::Docx, &sample_docx(), "generated").unwrap();
    assert_eq!(committed, generated);
}

#[test]
fn every_format_reads_as_the_plain_text_article() {
    let article = plain_text_article();
    for name in ["cina-russia.html", "cina-russia.md", "cina-russia.docx"] {
        let input = Input::File(fixture(&format!("formats/{name}")));
        let document = Document::read_input_as(&input, MaxInputSize::DEFAULT, None).unwrap();
        assert_eq!(document.text, article, "{name}");
        assert_eq!(document.body_start, 0);
        assert!(document.title.is_some(), "{name}");
        assert!(document.date.is_some(), "{name}");
    }
}

#[test]
fn fixture_figures_point_into_their_files() {
    let html_source = std::fs::read_to_string(fixture("formats/cina-russia.html")).unwrap();
    let html = convert_str(Format::Html, &html_source);
    for (prose, source) in [
        ("13,6", "13,6 miliardi</strong>"),
        ("1,69", "1,69</b>"),
        ("32,7%", "32,7</b>"),
        ("%", "&#37;"),
        ("2.300", "2.300"),
    ] {
        let offset = html.text.find(prose).unwrap();
        let offset = if prose == "%" {
            html.text.find("32,7%").unwrap() + 4
        } else {
            offset
        };
        assert_eq!(
            html.map.position(&html.text, offset),
            source_position_of(&html_source, source),
            "html {prose}"
        );
    }
    let md_source = std::fs::read_to_string(fixture("formats/cina-russia.md")).unwrap();
    let markdown = convert_str(Format::Markdown, &md_source);
    assert_eq!(
        position_of(&markdown, "13,6"),
        source_position_of(&md_source, "13,6")
    );
    assert_eq!(
        position_of(&markdown, "2.300"),
        source_position_of(&md_source, "2.300")
    );
    let docx = convert(Format::Docx, &sample_docx(), "sample.docx").unwrap();
    let paragraph = plain_text_article()
        .split("\n\n")
        .position(|p| p.contains("13,6"))
        .unwrap();
    let column = plain_text_article()
        .split("\n\n")
        .nth(paragraph)
        .unwrap()
        .find("13,6")
        .unwrap();
    let column = plain_text_article().split("\n\n").nth(paragraph).unwrap()[..column]
        .chars()
        .count();
    assert_eq!(
        position_of(&docx, "13,6"),
        (paragraph as u32 + 1, column as u32 + 1)
    );
}
