//! Inputs no converter may panic on, and what they give.

use proptest::prelude::*;

use super::*;

#[test]
fn broken_html_still_gives_its_prose() {
    for (page, prose) in [
        ("<p>Il PIL <b>sale del 2", "Il PIL sale del 2"),
        ("<p>uno<p>due<li>tre", "uno\n\ndue\n\ntre"),
        (
            "<table><tr><td><table><tr><td>1,5%</td></tr></table>2%</td></tr></table>",
            "1,5%\n\n2%",
        ),
        ("<p>prima</p><script>var x = '<p>12%</p>';", "prima"),
        ("<p>prima</p><style>", "prima"),
        ("<p>a</p><!-- commento mai chiuso <p>b</p>", "a"),
        ("<p>a &amp", "a &"),
        (
            "<p>&#xFFFFFFFF; &#0; &#55296;</p>",
            "\u{fffd} \u{fffd} \u{fffd}",
        ),
        ("</article></main><p>fuori</p>", "fuori"),
        ("<nav><p>menu</p></div><p>ancora menu", ""),
        ("<p>x</p></nav></nav><p>y</p>", "x\n\ny"),
        ("<svg/><p>dopo</p>", "dopo"),
        ("<<>><p a=\"<\">&<<</p>", "<<>>\n\n&<<"),
    ] {
        assert_eq!(convert_str(Format::Html, page).text, prose, "{page}");
    }
}

#[test]
fn deep_nesting_is_cheap() {
    let page = format!(
        "{}<p>12%</p>{}",
        "<div><section>".repeat(20_000),
        "</section></div>".repeat(20_000)
    );
    assert_eq!(convert_str(Format::Html, &page).text, "12%");
    let dropped = format!("{}<p>12%</p>", "<aside>".repeat(1_000));
    assert_eq!(convert_str(Format::Html, &dropped).text, "");
}

#[test]
fn broken_markdown_still_gives_its_prose() {
    for (post, prose) in [
        ("```\ncodice 12%", ""),
        ("| a |\n|---|\n| 1 | 2 | 3 |\n", "a\n\n1"),
        ("> > > 5%\n>\n", "5%"),
        ("---\n---\n", ""),
        ("---\n\n---\nTesto.", "Testo."),
        ("[link](", "[link]("),
        ("&#0;&#xFFFFFF;", "\u{fffd}\u{fffd}"),
    ] {
        assert_eq!(convert_str(Format::Markdown, post).text, prose, "{post:?}");
    }
}

#[test]
fn a_zip_bomb_is_refused_without_inflating_it() {
    // 80 MiB of one repeated paragraph deflates to well under a megabyte.
    let paragraph = "<w:p><w:r><w:t>12%</w:t></w:r></w:p>";
    let body = paragraph.repeat((80 << 20) / paragraph.len());
    let archive = docx_archive(&body, None);
    assert!(archive.len() < 1 << 20, "{}", archive.len());
    let error = convert(Format::Docx, &archive, "bomb.docx").unwrap_err();
    assert!(
        error.to_string().contains("inflates to more than 64 MiB"),
        "{error}"
    );
}

#[test]
fn docx_parts_that_are_not_text_are_errors() {
    use std::io::Write;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    writer
        .start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
    writer
        .write_all(b"<w:document>\xff\xfe</w:document>")
        .unwrap();
    let archive = writer.finish().unwrap().into_inner();
    let error = convert(Format::Docx, &archive, "x.docx").unwrap_err();
    assert!(error.to_string().contains("is not UTF-8"), "{error}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn html_never_panics_and_positions_stay_in_the_source(
        pieces in prop::collection::vec(prop::sample::select(vec![
            "<p>", "</p>", "<b>", "</b>", "<main>", "</main>", "<article>", "<script>",
            "</script>", "<nav>", "</nav>", "<!--", "-->", "&amp;", "&#37;", "&nbsp", "&", "<",
            ">", " ", "\n", "12,5", "è", "€", "<br>", "<td>", "<table>", "\"", "='", "<title>",
        ]), 0..40)
    ) {
        let page = pieces.concat();
        let converted = convert_str(Format::Html, &page);
        let lines = page.split('\n').count() as u32;
        for (offset, _) in converted.text.char_indices() {
            let (line, column) = converted.map.position(&converted.text, offset);
            prop_assert!(line >= 1 && line <= lines && column >= 1, "{page:?} {offset}");
        }
    }

    #[test]
    fn markdown_never_panics(
        pieces in prop::collection::vec(prop::sample::select(vec![
            "---\n", "title: x\n", "date: 2024\n", "# ", "**", "*", "`", "```\n", "| a | b |\n",
            "|---|---|\n", "> ", "- ", "[", "](u)", "&euro;", "\\", "  \n", "\n", "12,5%", "è",
            "<b>", "    ", "![", "\t",
        ]), 0..40)
    ) {
        let post = pieces.concat();
        if let Ok(converted) = convert(Format::Markdown, post.as_bytes(), "p.md") {
            for (offset, _) in converted.text.char_indices() {
                let (line, column) = converted.map.position(&converted.text, offset);
                prop_assert!(line >= 1 && column >= 1);
            }
        }
    }

    #[test]
    fn docx_never_panics_on_damaged_archives(cut in 0usize..3000, flip in 0usize..3000) {
        let mut archive = docx_archive("<w:p><w:r><w:t>Il PIL: 2,5%</w:t></w:r></w:p>", Some("<dc:title>t</dc:title>"));
        if flip < archive.len() {
            archive[flip] ^= 0x5a;
        }
        archive.truncate(cut.min(archive.len()));
        let _ = convert(Format::Docx, &archive, "x.docx");
    }
}

/// Quadratic work here (recounting a long line or the map per piece) took minutes; linear
/// work takes about a second in a debug build.
#[test]
fn long_lines_and_many_paragraphs_convert_in_linear_time() {
    let words = "Il PIL è salito del 2,5% nel 2024 &amp; <b>oltre</b> ".repeat(50_000);
    let one_line = convert_str(Format::Html, &format!("<p>{words}</p>"));
    assert!(one_line.text.len() > 2_000_000);
    let paragraphs = "<p>Il PIL è salito del <b>2,5</b>% </p>\n".repeat(50_000);
    let many = convert_str(Format::Html, &paragraphs);
    assert_eq!(many.text.matches("\n\n").count(), 49_999);
    let last = many.text.rfind("2,5").unwrap();
    assert_eq!(many.map.position(&many.text, last), (50_000, 27));
}
