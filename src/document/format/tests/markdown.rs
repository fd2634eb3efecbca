//! Markdown: front matter, blocks, tables, code, links and entities, positions.

use super::*;

const POST: &str = "---
title: Il bilancio del 2024
date: 2024-03-05
country: it
id: bilancio-2024
canonical_url: https://blog.example/bilancio
tags:
  - economia
---

# Il deficit scende al 3,2%

Il governo ha rivisto le stime: il deficit passa dal **4,1**% del 2023 al *3,2*% nel
2024, con una spesa di 13,6&nbsp;miliardi di euro ([fonte](https://mef.example/dati \"Mef\")).
Il debito resta al 137\\%.  
Lo dice il [ministero][mef].

> Le entrate crescono del 2,1%.

- Uscite: -0,4%
- Investimenti: `+9%` in codice

| Anno | Deficit |
|------|--------:|
| 2023 | 4,1%    |
| 2024 | 3,2%    |

```python
deficit = 13.6  # miliardi
```

    rientrato = 99

<div class=\"box\">Box HTML: 42%</div>

![Grafico: 50%](grafico.png)

[mef]: https://mef.example
";

#[test]
fn a_post_keeps_its_prose_and_drops_code_html_and_urls() {
    let converted = convert_str(Format::Markdown, POST);
    assert_eq!(
        converted.text,
        "Il deficit scende al 3,2%\n\n\
         Il governo ha rivisto le stime: il deficit passa dal 4,1% del 2023 al 3,2% nel \
         2024, con una spesa di 13,6\u{a0}miliardi di euro (fonte). \
         Il debito resta al 137%.\nLo dice il ministero.\n\n\
         Le entrate crescono del 2,1%.\n\n\
         Uscite: -0,4%\n\n\
         Investimenti: in codice\n\n\
         Anno\n\nDeficit\n\n2023\n\n4,1%\n\n2024\n\n3,2%"
    );
}

#[test]
fn figures_map_to_their_source_line_and_column() {
    let converted = convert_str(Format::Markdown, POST);
    assert_positions(
        &converted,
        POST,
        &[
            ("4,1% del", "4,1**%"),
            ("3,2% nel", "3,2*%"),
            ("2024, con", "2024, con"),
            ("13,6", "13,6"),
            ("Le entrate", "Le entrate"),
            ("Uscite", "Uscite"),
            ("in codice", "in codice"),
            ("2023\n\n4,1%", "2023 | 4,1%"),
            ("\u{a0}miliardi", "&nbsp;"),
            ("miliardi", "miliardi"),
            // An escaped `%` maps to the character, not the backslash.
            ("%.\nLo", "%."),
            ("ministero", "ministero"),
        ],
    );
}

#[test]
fn front_matter_is_read_as_yaml() {
    let meta = convert_str(Format::Markdown, POST).meta;
    assert_eq!(meta.title.as_deref(), Some("Il bilancio del 2024"));
    assert_eq!(meta.date.as_deref(), Some("2024-03-05"));
    assert_eq!(meta.date_line, 3);
    assert_eq!(meta.country.as_deref(), Some("it"));
    assert_eq!(meta.country_line, 4);
    assert_eq!(meta.id.as_deref(), Some("bilancio-2024"));
    assert_eq!(
        meta.canonical_url.as_deref(),
        Some("https://blog.example/bilancio")
    );
    let numbers = convert_str(
        Format::Markdown,
        "---\nid: 12345\ndate: 2024\n---\nTesto.\n",
    )
    .meta;
    assert_eq!(numbers.id.as_deref(), Some("12345"));
    assert_eq!(numbers.date.as_deref(), Some("2024"));
}

#[test]
fn broken_front_matter_names_its_line() {
    let source = b"---\ntitle: ok\ndate: 2024-01-05\n  bad: indent\n---\nTesto.\n";
    let error = convert(Format::Markdown, source, "post.md").unwrap_err();
    match &error {
        InputError::Header { line, .. } => assert_eq!(*line, 4, "{error}"),
        other => panic!("unexpected {other:?}"),
    }
    let cut = convert(
        Format::Markdown,
        b"---\ntitle: ok\ndate: [2024\n---\nx\n",
        "post.md",
    );
    assert!(cut.unwrap_err().to_string().contains("not valid YAML"));
    assert!(error.to_string().starts_with("post.md: line "), "{error}");
    let unclosed = convert(Format::Markdown, b"---\ntitle: x\n\nTesto.\n", "post.md").unwrap_err();
    assert!(unclosed.to_string().contains("never closed"), "{unclosed}");
    let listed = convert(
        Format::Markdown,
        b"---\ntitle: x\ndate:\n  - 2024\n---\nTesto.\n",
        "post.md",
    )
    .unwrap_err();
    assert!(
        listed.to_string().contains("line 3: front matter `date`"),
        "{listed}"
    );
}

#[test]
fn autolinks_are_urls_not_prose() {
    let post = "Dati su <https://istat.example/2024> e <info@istat.example>: 3,5%.\n";
    assert_eq!(
        convert_str(Format::Markdown, post).text,
        "Dati su e : 3,5%."
    );
}

#[test]
fn crlf_files_keep_their_lines() {
    let source =
        "---\r\ntitle: t\r\n---\r\n\r\nPrimo paragrafo.\r\n\r\nIl PIL è salito del 2,5%.\r\n";
    let converted = convert(Format::Markdown, source.as_bytes(), "crlf.md").unwrap();
    assert_eq!(
        converted.text,
        "Primo paragrafo.\n\nIl PIL è salito del 2,5%."
    );
    assert_eq!(position_of(&converted, "2,5"), (7, 21));
}

/// A footnote reference is no figure; the footnote's text is prose of its own block.
#[test]
fn footnotes_are_references_and_blocks() {
    let converted = convert_str(
        Format::Markdown,
        "Il deficit è sceso al 3,2%[^1] nel 2024.\n\n[^1]: Stima del governo, aprile 2024.\n",
    );
    assert_eq!(
        converted.text,
        "Il deficit è sceso al 3,2% nel 2024.\n\nStima del governo, aprile 2024."
    );
}

/// Hugo's TOML front matter is read like YAML's: its date dates the article and none of it
/// is prose; a TOML error names its line in the file.
#[test]
fn toml_front_matter_is_read_too() {
    let converted = convert_str(
        Format::Markdown,
        "+++\ntitle = \"Il deficit scende\"\ndate = 2024-01-20\nid = \"deficit-gennaio\"\n+++\nIl deficit è sceso al 3,2%.\n",
    );
    assert_eq!(converted.text, "Il deficit è sceso al 3,2%.");
    assert_eq!(converted.meta.title.as_deref(), Some("Il deficit scende"));
    assert_eq!(converted.meta.date.as_deref(), Some("2024-01-20"));
    assert_eq!(converted.meta.id.as_deref(), Some("deficit-gennaio"));
    let broken = convert(
        Format::Markdown,
        b"+++\ntitle = \"ok\"\ndate = = 2024\n+++\nTesto.\n",
        "post.md",
    )
    .unwrap_err()
    .to_string();
    assert!(broken.starts_with("post.md: line 3:"), "{broken}");
}
