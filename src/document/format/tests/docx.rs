//! Word: runs joined into paragraphs, tables, tabs and breaks, core properties, broken files.

use super::*;

/// A run of `text`, bold when `bold`.
fn run(text: &str, bold: bool) -> String {
    let properties = if bold {
        "<w:rPr><w:b/><w:bCs/></w:rPr>"
    } else {
        ""
    };
    format!(
        r#"<w:r>{properties}<w:t xml:space="preserve">{}</w:t></w:r>"#,
        xml_escape(text)
    )
}

fn paragraph(runs: &[String]) -> String {
    format!(
        r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>{}</w:p>"#,
        runs.concat()
    )
}

fn cell(text: &str) -> String {
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="2000"/></w:tcPr>{}</w:tc>"#,
        paragraph(&[run(text, false)])
    )
}

fn body() -> String {
    [
        paragraph(&[run("Il bilancio del 2024", true)]),
        "<w:p/>".to_owned(),
        paragraph(&[
            run("La spesa sale a ", false),
            run("13", true),
            run(",6", true),
            run(" miliardi (", false),
            run("+", false),
            run("12", false),
            r#"<w:proofErr w:type="gramStart"/>"#.to_owned(),
            run(",5%", false),
            run(") & il deficit", false),
            r#"<w:r><w:tab/><w:t>al 3,2%.</w:t><w:br/><w:t>Fonte: Mef</w:t></w:r>"#.to_owned(),
            r#"<w:del w:id="1"><w:r><w:delText>al 4%</w:delText></w:r></w:del>"#.to_owned(),
            r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE 7 </w:instrText></w:r>"#.to_owned(),
        ]),
        format!("<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>", cell("Anno"), cell("Deficit"), cell("2023"), cell("4,1%")),
        paragraph(&[run("Chiusura: 1.200 euro &#8364;", false)]),
    ]
    .concat()
}

const CORE: &str = "<dc:title>Bilancio &amp; conti</dc:title><dc:language>it-IT</dc:language>\
    <dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-03-05T08:00:00Z</dcterms:created>\
    <dcterms:modified xsi:type=\"dcterms:W3CDTF\">2024-04-01T10:00:00Z</dcterms:modified>";

fn converted() -> Converted {
    convert(
        Format::Docx,
        &docx_archive(&body(), Some(CORE)),
        "bilancio.docx",
    )
    .expect("converts")
}

#[test]
fn runs_join_into_paragraphs_and_cells_are_blocks() {
    assert_eq!(
        converted().text,
        "Il bilancio del 2024\n\n\
         La spesa sale a 13,6 miliardi (+12,5%) & il deficit al 3,2%.\nFonte: Mef\n\n\
         Anno\n\nDeficit\n\n2023\n\n4,1%\n\n\
         Chiusura: 1.200 euro &#8364;"
    );
}

#[test]
fn positions_are_paragraph_and_character() {
    let converted = converted();
    // Paragraph 2 is the empty one; the figure split across runs starts at character 17.
    assert_eq!(position_of(&converted, "13,6"), (3, 17));
    assert_eq!(position_of(&converted, ",6"), (3, 19));
    assert_eq!(position_of(&converted, "12,5%"), (3, 33));
    assert_eq!(position_of(&converted, "al 3,2"), (3, 53));
    // After the line break (one character) the paragraph goes on.
    assert_eq!(position_of(&converted, "Fonte"), (3, 62));
    assert_eq!(position_of(&converted, "Deficit"), (5, 1));
    assert_eq!(position_of(&converted, "4,1%"), (7, 1));
    assert_eq!(position_of(&converted, "1.200"), (8, 11));
}

#[test]
fn core_properties_give_title_date_and_language() {
    let meta = converted().meta;
    assert_eq!(meta.title.as_deref(), Some("Bilancio & conti"));
    assert_eq!(meta.date.as_deref(), Some("2024-03-05T08:00:00Z"));
    assert_eq!(meta.lang.as_deref(), Some("it-IT"));
    let modified_only = "<dcterms:modified>2024-04-01T10:00:00Z</dcterms:modified>";
    let archive = docx_archive(&paragraph(&[run("Testo.", false)]), Some(modified_only));
    let meta = convert(Format::Docx, &archive, "t.docx").unwrap().meta;
    assert_eq!(meta.date.as_deref(), Some("2024-04-01T10:00:00Z"));
    let archive = docx_archive(&paragraph(&[run("Testo.", false)]), None);
    assert_eq!(
        convert(Format::Docx, &archive, "t.docx").unwrap().meta,
        Meta::default()
    );
}

#[test]
fn text_box_fallbacks_are_not_read_twice() {
    let text_box = format!(
        "<w:p>{}<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>{}</w:txbxContent></w:drawing></mc:Choice>\
         <mc:Fallback><w:pict><w:txbxContent>{}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>{}</w:p>",
        run("Prima", false),
        paragraph(&[run("Box: 40%", false)]),
        paragraph(&[run("Box: 40%", false)]),
        run(" dopo", false),
    );
    let archive = docx_archive(&text_box, None);
    let converted = convert(Format::Docx, &archive, "box.docx").unwrap();
    assert_eq!(converted.text, "Prima\n\nBox: 40%\n\ndopo");
    assert_eq!(position_of(&converted, "40%"), (2, 6));
    // The text box's anchor run is one character of the outer paragraph in Word; here the
    // outer paragraph goes on after its own characters.
    assert_eq!(position_of(&converted, "dopo"), (1, 7));
}

#[test]
fn broken_files_say_what_is_wrong() {
    let not_zip = convert(Format::Docx, b"PK\x03\x04 broken", "a.docx").unwrap_err();
    assert!(matches!(not_zip, InputError::Docx { .. }), "{not_zip:?}");
    assert!(
        not_zip
            .to_string()
            .starts_with("a.docx: not a readable Word (.docx) file: it is not a zip archive"),
        "{not_zip}"
    );

    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    writer
        .start_file("hello.txt", zip::write::SimpleFileOptions::default())
        .unwrap();
    let no_document = writer.finish().unwrap().into_inner();
    let missing = convert(Format::Docx, &no_document, "b.docx").unwrap_err();
    assert!(
        missing.to_string().contains("has no word/document.xml"),
        "{missing}"
    );

    let mut broken = docx_archive("<w:p><w:r><w:t>12</w:r></w:p>", None);
    let malformed = convert(Format::Docx, &broken, "c.docx").unwrap_err();
    assert!(
        malformed
            .to_string()
            .contains("word/document.xml is not well-formed XML"),
        "{malformed}"
    );

    broken.truncate(broken.len() / 2);
    assert!(matches!(
        convert(Format::Docx, &broken, "d.docx"),
        Err(InputError::Docx { .. })
    ));
}
