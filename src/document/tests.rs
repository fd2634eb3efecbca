//! Unit tests for decoding and header reading.

use super::*;

fn decode(bytes: &[u8]) -> Result<Document, InputError> {
    Document::from_bytes(bytes, "sample.txt")
}

#[test]
fn bom_is_stripped_and_crlf_normalised() {
    let doc = decode(b"\xEF\xBB\xBFone\r\ntwo\rthree\n").unwrap();
    assert_eq!(doc.text, "one\ntwo\nthree\n");
    assert_eq!(doc.body_start, 0);
    assert_eq!(doc.hash(), decode(b"one\ntwo\nthree\n").unwrap().hash());
}

#[test]
fn invalid_utf8_names_file_offset_and_line() {
    let err = decode(b"\xEF\xBB\xBFab\ncd\xFFe").unwrap_err();
    match &err {
        InputError::NotUtf8 { offset, line, .. } => assert_eq!((*offset, *line), (8, 2)),
        other => panic!("unexpected {other:?}"),
    }
    assert!(err.to_string().contains("sample.txt"));
    assert!(
        err.to_string()
            .starts_with("sample.txt: not valid UTF-8 at line 2, byte 8 (0xFF)"),
        "{err}"
    );
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

#[test]
fn utf16_with_a_bom_decodes_to_the_same_document_as_utf8() {
    let text = "---\r\ntitle: Caffè\r\ndate: 2024-01-20\r\n---\r\nIl prezzo è salito del 12% a 3,5 € 😀.\r\n";
    let utf8 = decode(text.as_bytes()).unwrap();
    for big_endian in [false, true] {
        let doc = decode(&utf16(text, big_endian)).unwrap();
        assert_eq!(doc, utf8, "big endian: {big_endian}");
        assert_eq!(doc.hash(), utf8.hash());
    }
}

#[test]
fn broken_utf16_names_the_problem_and_the_byte() {
    let mut odd = utf16("ab\ncd", false);
    odd.push(b'e');
    let err = decode(&odd).unwrap_err();
    assert!(
        matches!(
            err,
            InputError::Utf16 {
                offset: 12,
                line: 2,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("odd number of bytes"), "{err}");
    // A high surrogate followed by a letter, in line 2, after the BOM and 3 code units.
    let mut lone = utf16("a\nb", true);
    lone.extend([0xD8, 0x3D, 0x00, b'x']);
    let err = decode(&lone).unwrap_err();
    assert_eq!(
        err.to_string(),
        "sample.txt: UTF-16 file: unpaired surrogate 0xD83D at byte 8 (line 2); save the file as UTF-8"
    );
    let err = decode(&utf16("ab\0c", false)).unwrap_err();
    assert!(
        matches!(err, InputError::NulByte { offset: 6, .. }),
        "{err:?}"
    );
}

#[test]
fn latin1_and_windows_1252_text_gets_a_conversion_hint() {
    // "è" in Latin-1, a right single quote in Windows-1252.
    for (bytes, byte) in [
        (&b"Un caff\xe8 al bar\n"[..], 0xE8),
        (b"it\x92s 5%\n", 0x92),
        (b"e perch\xe8", 0xE8),
    ] {
        let err = decode(bytes).unwrap_err();
        assert!(
            matches!(err, InputError::NotUtf8 { hint: NotUtf8Hint::Legacy8Bit, byte: b, .. } if b == byte),
            "{err:?}"
        );
        assert!(
            err.to_string()
                .contains("looks like Windows-1252 or Latin-1"),
            "{err}"
        );
    }
    // Control bytes say binary, not text; 0x81 is no character in Windows-1252.
    for bytes in [&b"ab\x01c\xe8 d"[..], b"ab \x81 c"] {
        let err = decode(bytes).unwrap_err();
        assert!(
            matches!(
                err,
                InputError::NotUtf8 {
                    hint: NotUtf8Hint::Unknown,
                    ..
                }
            ),
            "{err:?}"
        );
    }
    let err = decode("prezzo 3 €".as_bytes().split_last().unwrap().1).unwrap_err();
    assert!(
        matches!(
            err,
            InputError::NotUtf8 {
                hint: NotUtf8Hint::Truncated,
                offset: 9,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn nul_byte_names_offset() {
    let err = decode(b"abc\0def").unwrap_err();
    assert!(
        matches!(
            err,
            InputError::NulByte {
                offset: 3,
                line: 1,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn the_earlier_of_nul_and_bad_utf8_is_reported() {
    let err = decode(b"a\xFFb\0").unwrap_err();
    assert!(
        matches!(err, InputError::NotUtf8 { offset: 1, .. }),
        "{err:?}"
    );
    let err = decode(b"a\0b\xFF").unwrap_err();
    assert!(
        matches!(err, InputError::NulByte { offset: 1, .. }),
        "{err:?}"
    );
}

#[test]
fn empty_and_whitespace_only_are_errors() {
    for input in [&b""[..], b"  \n\t\r\n", b"\xEF\xBB\xBF"] {
        assert!(
            matches!(decode(input), Err(InputError::Empty { .. })),
            "{input:?}"
        );
    }
    assert!(matches!(
        decode(b"date 2024-01\n"),
        Err(InputError::Empty { .. })
    ));
}

#[test]
fn leading_date_line_with_text_on_the_same_line() {
    let doc = decode(b" date 2024-01 Espandere la cooperazione").unwrap();
    assert_eq!(doc.date, ArticleDate::parse("2024-01"));
    assert_eq!(&doc.text[doc.body_start..], "Espandere la cooperazione");
}

#[test]
fn leading_date_with_colon_on_its_own_line() {
    let doc = decode(b"Date: 2024-01-15\n\nBody here.").unwrap();
    assert_eq!(doc.date, ArticleDate::parse("2024-01-15"));
    assert_eq!(&doc.text[doc.body_start..], "Body here.");
}

#[test]
fn prose_starting_with_date_is_not_a_header() {
    for text in [
        "Date palms grow here.",
        "dated 2024-01 text",
        "date night in 2024",
    ] {
        let doc = decode(text.as_bytes()).unwrap();
        assert_eq!((doc.body_start, doc.date), (0, None), "{text}");
    }
}

#[test]
fn bad_header_date_names_line_and_problem() {
    let err = decode(b"date 2024-13 text").unwrap_err();
    assert!(matches!(err, InputError::Header { line: 1, .. }), "{err:?}");
    assert!(err.to_string().contains("2024-13"), "{err}");
    let err = decode(b"---\ntitle: x\ndate: 2024-02-30\n---\nbody").unwrap_err();
    assert!(matches!(err, InputError::Header { line: 3, .. }), "{err:?}");
}

#[test]
fn front_matter_gives_date_title_and_body_start() {
    let doc =
        decode(b"---\r\ntitle: \"A title\"\r\nauthor: x\r\ndate: 2024-01-20\r\n---\r\n\r\nBody.")
            .unwrap();
    assert_eq!(doc.title.as_deref(), Some("A title"));
    assert_eq!(doc.date, ArticleDate::parse("2024-01-20"));
    assert_eq!(&doc.text[doc.body_start..], "Body.");
}

#[test]
fn unclosed_front_matter_is_an_error() {
    let err = decode(b"---\ndate: 2024-01\nBody").unwrap_err();
    assert!(err.to_string().contains("never closed"), "{err}");
}

#[test]
fn article_ids() {
    for good in [
        "cina-russia-2024-01-it",
        "Über ids",
        "a.b_c",
        "site/2024/01/index",
    ] {
        validate_article_id(good).unwrap();
    }
    let too_long = "x".repeat(MAX_ARTICLE_ID_CHARS + 1);
    let bad_ids = [
        "", "/a", "a/", "a//b", "a/../b", "./a", "a\\b", "a\tb", "a\u{7}b", "a@2", " a", &too_long,
    ];
    for bad in bad_ids {
        assert!(validate_article_id(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn hash_is_sha256_hex() {
    assert_eq!(
        text_hash("abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn front_matter_id_is_read_for_plain_text() {
    let doc = decode(b"---\nid: cina-russia\ntitle: T\n---\nTesto di 3 righe.\n").unwrap();
    assert_eq!(doc.id.as_deref(), Some("cina-russia"));
    assert_eq!(doc.canonical_url, None);
    assert_eq!(decode(b"Testo.").unwrap().id, None);
}

#[test]
fn text_read_as_text_is_the_plain_document() {
    let bytes = b"date 2024-01 Il PIL sale del 2%.";
    assert_eq!(
        Document::from_bytes_as(bytes, "a.txt", Format::Text).unwrap(),
        decode(bytes).unwrap()
    );
}

#[test]
fn converted_documents_carry_prose_map_and_header() {
    let page = "<html lang=it><head><title>Titolo</title>\n\
                <meta name=\"date\" content=\"2024-01-20T10:00:00+01:00\">\n\
                <meta name=\"country\" content=\"it\">\n\
                <link rel=canonical href=\"https://a.example/x\"></head>\n\
                <body><p>Il PIL &egrave; salito del <b>2,5</b>%.</p></body></html>";
    let doc = Document::from_bytes_as(page.as_bytes(), "a.html", Format::Html).unwrap();
    assert_eq!(doc.text, "Il PIL è salito del 2,5%.");
    assert_eq!(doc.body_start, 0);
    assert_eq!(doc.format(), Format::Html);
    assert_eq!(doc.date, ArticleDate::parse("2024-01-20"));
    assert_eq!(doc.country, Country::parse("IT"));
    assert_eq!(doc.title.as_deref(), Some("Titolo"));
    assert_eq!(doc.canonical_url.as_deref(), Some("https://a.example/x"));
    assert_eq!(doc.position(doc.text.find("2,5").unwrap()), (5, 40));
}

#[test]
fn bad_header_values_of_converted_documents_name_their_line() {
    let page = b"<title>T</title>\n<meta name=\"date\" content=\"ieri\">\n<p>Testo.</p>";
    let error = Document::from_bytes_as(page, "a.html", Format::Html).unwrap_err();
    assert_eq!(
        error.to_string(),
        "a.html: line 2: date: `ieri` is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
    );
    let post = b"---\ntitle: T\ncountry: Italia\n---\nTesto.\n";
    let error = Document::from_bytes_as(post, "a.md", Format::Markdown).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("a.md: line 3: country: `Italia` is not a two-letter ISO country code"),
        "{error}"
    );
}

#[test]
fn a_page_without_prose_is_empty() {
    let page = b"<html><body><nav>Menu 1 2 3</nav><script>x = 5</script></body></html>";
    let error = Document::from_bytes_as(page, "a.html", Format::Html).unwrap_err();
    assert!(matches!(error, InputError::Empty { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .starts_with("a.html: the file holds no article text")
    );
}

#[test]
fn the_format_comes_from_the_extension_unless_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("post.MD");
    std::fs::write(&path, "# Titolo\n\nIl PIL sale del **2**%.\n").unwrap();
    let input = Input::File(path);
    let doc = Document::read_input_as(&input, MaxInputSize::DEFAULT, None).unwrap();
    assert_eq!(doc.text, "Titolo\n\nIl PIL sale del 2%.");
    assert_eq!(doc.format(), Format::Markdown);
    let doc = Document::read_input_as(&input, MaxInputSize::DEFAULT, Some(Format::Text)).unwrap();
    assert_eq!(doc.text, "# Titolo\n\nIl PIL sale del **2**%.\n");
    assert_eq!(doc.source, None);
}
