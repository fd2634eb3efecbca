//! Unit tests of the converters: realistic pages, posts and Word files written here, the
//! sample articles in `fixtures/formats/`, and hostile inputs that must not panic.

use super::*;

mod docx;
mod fixtures;
mod hostile;
mod html;
mod markdown;
mod suppress;

/// Converts `source` and returns the prose with the converter's output.
fn convert_str(format: Format, source: &str) -> Converted {
    convert(format, source.as_bytes(), "test").expect("converts")
}

/// The source line:column of the first occurrence of `needle` in the prose.
fn position_of(converted: &Converted, needle: &str) -> (u32, u32) {
    let offset = converted
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {:?}", converted.text));
    converted.map.position(&converted.text, offset)
}

/// The 1-based line:column of the first occurrence of `needle` in `source`.
fn source_position_of(source: &str, needle: &str) -> (u32, u32) {
    let offset = source.find(needle).expect("needle in source");
    crate::document::text_position(source, offset)
}

/// Asserts that each `(prose, source)` pair maps: the first occurrence of `prose` in the
/// prose stands where the first occurrence of `source` starts in the source.
fn assert_positions(converted: &Converted, source: &str, pairs: &[(&str, &str)]) {
    for &(prose, in_source) in pairs {
        assert_eq!(
            position_of(converted, prose),
            source_position_of(source, in_source),
            "{prose:?} should stand at {in_source:?}"
        );
    }
}

/// A .docx archive holding `body` (the XML inside `w:body`) and, if given, the core
/// properties XML, with fixed timestamps so the same input gives the same bytes.
pub(crate) fn docx_archive(body: &str, core: Option<&str>) -> Vec<u8> {
    use std::io::Write;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut part = |name: &str, content: &str| {
        writer.start_file(name, options).expect("starts a part");
        writer.write_all(content.as_bytes()).expect("writes a part");
    };
    part(
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
    );
    part(
        "word/document.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#
        ),
    );
    if let Some(core) = core {
        part(
            "docProps/core.xml",
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{core}</cp:coreProperties>"#
            ),
        );
    }
    writer.finish().expect("finishes the archive").into_inner()
}

/// `text` as XML character data.
fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[test]
fn plain_text_converts_to_itself() {
    let converted = convert_str(Format::Text, "Il PIL è salito del 2,5%.\n\nSeconda riga.\n");
    assert_eq!(converted.text, "Il PIL è salito del 2,5%.\n\nSeconda riga.");
    assert_eq!(position_of(&converted, "Seconda"), (3, 1));
    assert_eq!(converted.meta, Meta::default());
}
