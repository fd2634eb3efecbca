//! HTML: what a CMS page keeps and drops, entities and inline markup, positions.

use super::*;
use crate::document::format::html as converter;

const PAGE: &str = r#"<!doctype html>
<html lang="it-IT">
<head>
<title>Bilancio, il deficit scende | Gazzetta</title>
<meta name="date" content="2024-03-05">
<meta name="country" content="IT">
<link rel="alternate canonical" href="https://gazzetta.example/bilancio">
<script>var price = "13,6"; if (x < 2) {}</script>
</head>
<body>
<header><div class="logo">Gazzetta</div><nav><a href="/">Home</a> <a href="/eco">Economia 24</a></nav></header>
<div class="banner"><ins class="adsbygoogle"></ins><script>(adsbygoogle = []).push({})</script></div>
<main id="content">
<article>
<header><h1>Il deficit scende al <em>3,2</em>&nbsp;%</h1><p class="byline">di Anna Neri</p></header>
<p>Il governo ha rivisto le stime: il deficit passa dal 4,1% del 2023 al <b>3</b>,<b>2</b>% nel
   2024, con   una spesa di 13,6&nbsp;miliardi di euro.<br>Il debito resta al 137&#37;.</p>
<ul><li>Entrate: +2,1%</li><li>Uscite: &minus;0,4%</li></ul>
<table><tr><th>Anno</th><th>Deficit</th></tr><tr><td>2023</td><td>4,1%</td></tr></table>
<aside><h2>Leggi anche</h2><article><p>Il deficit di 20 anni fa: 9%</p></article></aside>
<p>Fonte: Mef &amp; Istat, 2 marzo 2024.</p>
<form><button>Commenta (12)</button></form>
</article>
</main>
<footer><p>&copy; 2024 Gazzetta &ndash; Tutti i diritti riservati</p></footer>
</body>
</html>
"#;

#[test]
fn a_cms_page_keeps_the_article_body_only() {
    let converted = convert_str(Format::Html, PAGE);
    assert_eq!(
        converted.text,
        "Il deficit scende al 3,2\u{a0}%\n\n\
         di Anna Neri\n\n\
         Il governo ha rivisto le stime: il deficit passa dal 4,1% del 2023 al 3,2% nel 2024, \
         con una spesa di 13,6\u{a0}miliardi di euro.\nIl debito resta al 137%.\n\n\
         Entrate: +2,1%\n\n\
         Uscite: \u{2212}0,4%\n\n\
         Anno\n\nDeficit\n\n2023\n\n4,1%\n\n\
         Fonte: Mef & Istat, 2 marzo 2024."
    );
}

#[test]
fn figures_map_to_their_source_line_and_column() {
    let converted = convert_str(Format::Html, PAGE);
    assert_positions(
        &converted,
        PAGE,
        &[
            ("4,1% del", "4,1% del"),
            ("2024, con", "2024, con"),
            ("Entrate", "Entrate"),
            ("Fonte", "Fonte"),
            // "con   una" is one space, and "una" keeps its own column.
            ("una spesa", "una spesa"),
            // "13,6" is copied; the no-break space after it maps to where `&nbsp;` starts.
            ("13,6", "13,6&"),
            ("\u{a0}miliardi", "&nbsp;miliardi"),
            ("miliardi", "miliardi"),
            ("137%", "137&#37;"),
            ("%.", "&#37;"),
            ("\u{2212}0,4", "&minus;"),
            ("0,4", "0,4"),
        ],
    );
    // Inline markup joins a figure, each part keeping its column.
    let (line, column) = source_position_of(PAGE, "<b>3</b>");
    assert_eq!(position_of(&converted, "3,2% nel"), (line, column + 3));
}

#[test]
fn header_values_come_from_meta_link_and_html_tags() {
    let meta = convert_str(Format::Html, PAGE).meta;
    assert_eq!(
        meta.title.as_deref(),
        Some("Bilancio, il deficit scende | Gazzetta")
    );
    assert_eq!(meta.date.as_deref(), Some("2024-03-05"));
    assert_eq!(meta.date_line, 5);
    assert_eq!(meta.country.as_deref(), Some("IT"));
    assert_eq!(meta.country_line, 6);
    assert_eq!(
        meta.canonical_url.as_deref(),
        Some("https://gazzetta.example/bilancio")
    );
    assert_eq!(meta.lang.as_deref(), Some("it-IT"));
    assert_eq!(meta.id, None);
}

#[test]
fn meta_titles_win_over_the_page_title_and_dates_follow_their_preference() {
    let page = "<title>Pagina</title><meta property=\"og:title\" content=\"Og\">\
                <meta property=\"article:published_time\" content=\"2024-01-02T10:00:00Z\">\
                <meta name=\"date\" content=\"2024-01-03\"><p>Testo di 3 parole.</p>";
    let meta = convert_str(Format::Html, page).meta;
    assert_eq!(meta.title.as_deref(), Some("Og"));
    assert_eq!(meta.date.as_deref(), Some("2024-01-03"));
}

#[test]
fn without_main_or_article_the_body_is_kept_without_page_furniture() {
    let page = "<html><body><header>Testata 2024</header><nav>Menu</nav>\
                <div><h2>Titolo</h2>Il prezzo &egrave; salito del 5%<!-- 7% -->.</div>\
                <noscript>Abilita JavaScript (1 minuto)</noscript><footer>Contatti</footer></body></html>";
    let converted = convert_str(Format::Html, page);
    assert_eq!(converted.text, "Titolo\n\nIl prezzo è salito del 5%.");
}

#[test]
fn several_articles_are_all_body_and_script_text_never_is() {
    let page = "<article><p>Primo: 10%</p></article><p>Fuori: 20%</p>\
                <article><p>Secondo: 30%</p><script>document.write('<p>40%</p>')</script></article>";
    assert_eq!(
        convert_str(Format::Html, page).text,
        "Primo: 10%\n\nSecondo: 30%"
    );
}

#[test]
fn decoded_entities_are_aligned_with_their_source() {
    assert_eq!(
        converter::align_for_test("a &amp; b", "a & b"),
        [
            ("a ".into(), 0, true),
            ("&".into(), 2, false),
            (" b".into(), 7, true)
        ]
    );
    assert_eq!(
        converter::align_for_test("12&#37;&euro;", "12%€"),
        [
            ("12".into(), 0, true),
            ("%".into(), 2, false),
            ("€".into(), 7, false)
        ]
    );
    // A bare `&` is a character of the text; an unknown name stays as written.
    assert_eq!(
        converter::align_for_test("R&S &zzz; x", "R&S &zzz; x"),
        [("R&S &zzz; x".into(), 0, true)]
    );
    // A reference without its semicolon (`&copy2024`) decodes its known prefix.
    let pieces = converter::align_for_test("&copy2024 ok", "©2024 ok");
    assert_eq!(pieces[0], ("©".into(), 0, false));
    assert_eq!(pieces[1], ("2024 ok".into(), 5, true));
}

/// Code is left out as in Markdown: a listing, an inline snippet and keyboard input hold no
/// claims, and the sentence around an inline snippet goes on.
#[test]
fn code_is_no_prose() {
    let converted = convert_str(
        Format::Html,
        "<article><p>Il dato sale al 3%.</p>\
         <pre><code># non controllare: 99 miliardi di dollari</code></pre>\
         <p>La formula <code>x = 88%</code> vale per <kbd>66%</kbd> dei casi.</p></article>",
    );
    assert_eq!(
        converted.text,
        "Il dato sale al 3%.\n\nLa formula vale per dei casi."
    );
}
