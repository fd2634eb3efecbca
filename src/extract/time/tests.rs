//! Extraction tests for the date forms of `time/*.rs`: each phrase resolved against a
//! Tuesday article date (2013-02-12), and phrases that must not become dates.

use crate::extract::{Options, extract};
use crate::model::{ArticleDate, ClaimKind, Lang, LangChoice};

/// The date claims of `text`, read in `lang` against the article date `article`.
fn date_claims(text: &str, lang: Lang, article: Option<&str>) -> Vec<crate::model::Claim> {
    let options = Options {
        lang: LangChoice::Fixed(lang),
        date: article.and_then(ArticleDate::parse),
        country: None,
        body_start: 0,
    };
    extract(text, &options)
        .claims
        .into_iter()
        .filter(|c| c.kind == ClaimKind::Date)
        .collect()
}

fn dates(text: &str, lang: Lang, article: Option<&str>) -> Vec<String> {
    date_claims(text, lang, article)
        .into_iter()
        .filter_map(|c| c.date)
        .collect()
}

#[test]
fn relative_and_written_dates_resolve_against_the_article_day() {
    let article = Some("2013-02-12");
    for (text, lang, want) in [
        ("domani", Lang::It, "2013-02-13"),
        ("the day after tomorrow", Lang::En, "2013-02-14"),
        ("l'altro ieri", Lang::It, "2013-02-10"),
        ("next wednesday", Lang::En, "2013-02-20"),
        ("martedì scorso", Lang::It, "2013-02-05"),
        ("wednesday of next week", Lang::En, "2013-02-20"),
        ("Monday, Feb 18", Lang::En, "2013-02-18"),
        ("Sunday, Feb 10", Lang::En, "2013-02-10"),
        ("the 2nd of march", Lang::En, "2013-03-02"),
        ("primo di marzo", Lang::It, "2013-03-01"),
        ("el primero de mayo de 2025", Lang::Es, "2025-05-01"),
        ("il primo maggio del 2025", Lang::It, "2025-05-01"),
        ("third tuesday of september 2014", Lang::En, "2014-09-16"),
        ("l'ultimo giorno di ottobre 2015", Lang::It, "2015-10-31"),
        ("3/3/15", Lang::En, "2015-03-03"),
        ("13.5.2015", Lang::En, "2015-05-13"),
        ("il 21-04-2016", Lang::It, "2016-04-21"),
        ("2014-10", Lang::En, "2014-10"),
        ("3 mesi fa", Lang::It, "2012-11-12"),
        ("two years ago", Lang::En, "2011-02"),
        ("natale", Lang::It, "2013-12-25"),
        ("easter 2013", Lang::En, "2013-03-31"),
        ("il prossimo anno", Lang::It, "2014"),
        ("on the 15th", Lang::En, "2013-02-15"),
        ("lunedi 18 febbraio", Lang::It, "2013-02-18"),
        ("Aug 8", Lang::En, "2013-08-08"),
    ] {
        assert_eq!(dates(text, lang, article), [want], "{text}");
    }
}

#[test]
fn past_tense_sentences_point_back() {
    let article = Some("2013-02-12");
    assert_eq!(
        dates("The ministers met on Monday.", Lang::En, article),
        ["2013-02-11"]
    );
    assert_eq!(
        dates("The ministers will meet on Monday.", Lang::En, article),
        ["2013-02-18"]
    );
    assert_eq!(
        dates(
            "Il governo ha approvato il decreto venerdì.",
            Lang::It,
            article
        ),
        ["2013-02-08"]
    );
}

#[test]
fn look_alikes_are_not_dates() {
    let article = Some("2013-02-12");
    for (text, lang) in [
        ("1/2 of them", Lang::En),
        ("open 24/7", Lang::En),
        ("He sat down and we wed later", Lang::En),
        ("il mar Mediterraneo", Lang::It),
        ("version 1.2.3.4", Lang::En),
        ("he was the first to arrive", Lang::En),
        ("in the last year prices rose", Lang::En),
    ] {
        assert!(dates(text, lang, article).is_empty(), "{text}");
    }
    // A season is a year range, not December 2011 (its first year still reads as a year).
    assert!(!dates("the 2011-12 season", Lang::En, article).contains(&"2011-12".to_string()));
}

#[test]
fn without_an_article_date_the_year_stays_unknown() {
    assert_eq!(dates("il 15 gennaio", Lang::It, None), ["XXXX-01-15"]);
    assert!(dates("domani", Lang::It, None).is_empty());
}

#[test]
fn counted_relative_dates_in_news_sentences() {
    let article = Some("2024-03-01");
    for (text, want) in [
        ("The vote is due in 2 weeks.", "2024-03-15"),
        ("The ruling came 2 fridays ago.", "2024-02-16"),
        (
            "Results are expected in the upcoming two months.",
            "2024-05",
        ),
        ("The plant reopens in March after next.", "2026-03"),
        ("Payments stop on the last friday of march.", "2024-03-29"),
    ] {
        assert_eq!(dates(text, Lang::En, article), [want], "{text}");
    }
    for text in [
        "The night was cold and the lunar eclipse late.",
        "Show your ID at the gate.",
        "Sales doubled in two years.",
    ] {
        assert!(dates(text, Lang::En, article).is_empty(), "{text}");
    }
}

#[test]
fn holidays_named_in_news_resolve_through_the_lexicon() {
    let article = Some("2023-06-20");
    for (text, lang, want) in [
        (
            "Shops stayed open late before Diwali 2023, traders said.",
            Lang::En,
            "2023-11-12",
        ),
        (
            "Prices of sheep rose ahead of Eid al-Adha 2024 in Cairo.",
            Lang::En,
            "2024-06-16",
        ),
        (
            "Flights sold out for the Lunar New Year 2025 holiday.",
            Lang::En,
            "2025-01-29",
        ),
        // A Jewish holiday is dated by the evening it begins.
        (
            "Traffic was light on Yom Kippur 2022 in Jerusalem.",
            Lang::En,
            "2022-10-04",
        ),
        (
            "Retailers expect record sales on Black Friday 2023.",
            Lang::En,
            "2023-11-24",
        ),
        (
            "Gli alberghi erano pieni a Ferragosto 2022.",
            Lang::It,
            "2022-08-15",
        ),
        (
            "Il corteo per la festa della Liberazione 2024 è partito alle dieci.",
            Lang::It,
            "2024-04-25",
        ),
        (
            "Le scuole chiudono per Pasquetta 2024.",
            Lang::It,
            "2024-04-01",
        ),
    ] {
        assert_eq!(dates(text, lang, article), [want], "{text}");
    }
}

#[test]
fn holiday_words_that_are_ordinary_words_alone_stay_words() {
    let article = Some("2023-06-20");
    for (text, lang) in [
        ("The night was cold and the feast went on.", Lang::En),
        ("The spring brought rain to the lunar base.", Lang::En),
        ("La festa è finita tardi.", Lang::It),
    ] {
        assert!(dates(text, lang, article).is_empty(), "{text}");
    }
}

/// A full weekday name ends before the sentence's full stop; an abbreviation keeps its dot.
#[test]
fn a_weekday_at_the_end_of_a_sentence_leaves_the_full_stop_out() {
    let options = Options {
        lang: LangChoice::Auto,
        date: ArticleDate::parse("2013-02-12"),
        country: None,
        body_start: 0,
    };
    for (text, lang, want) in [
        (
            "Il gruppo lo ha detto giovedì. Poi ha taciuto.",
            Lang::It,
            "giovedì",
        ),
        (
            "The company said so on Thursday. Then it went quiet.",
            Lang::En,
            "Thursday",
        ),
        (
            "La empresa lo dijo el jueves. Luego calló.",
            Lang::Es,
            "jueves",
        ),
        ("Riunione fissata per gio. alle dieci.", Lang::It, "gio."),
    ] {
        let options = Options {
            lang: LangChoice::Fixed(lang),
            ..options
        };
        let texts: Vec<String> = extract(text, &options)
            .claims
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Date)
            .map(|c| c.text)
            .collect();
        assert_eq!(texts, [want], "{text}");
    }
}

/// A full month name does not take the full stop after it; an abbreviation keeps its dot.
#[test]
fn a_full_month_name_leaves_the_full_stop_to_the_sentence() {
    for (text, lang, want) in [
        ("The fair opens on 5 August.", Lang::En, "5 August"),
        ("La fiera apre il 5 agosto.", Lang::It, "5 agosto"),
        ("La feria abre el 5 de agosto.", Lang::Es, "5 de agosto"),
        ("He arrived on 12 Aug. and left.", Lang::En, "12 Aug."),
    ] {
        let texts: Vec<String> = date_claims(text, lang, Some("2013-02-12"))
            .into_iter()
            .map(|c| c.text)
            .collect();
        assert_eq!(texts, [want], "{text}");
    }
}
