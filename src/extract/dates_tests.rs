//! Extraction tests for the date forms of `dates_*.rs`: each phrase resolved against a
//! Tuesday article date (2013-02-12), and phrases that must not become dates.

use super::{Options, extract};
use crate::model::{ArticleDate, ClaimKind, Lang, LangChoice};

fn dates(text: &str, lang: Lang, article: Option<&str>) -> Vec<String> {
    let options = Options {
        lang: LangChoice::Fixed(lang),
        date: article.and_then(ArticleDate::parse),
        body_start: 0,
    };
    extract(text, &options)
        .claims
        .into_iter()
        .filter(|c| c.kind == ClaimKind::Date)
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
fn religious_holidays_in_news_sentences() {
    for (text, article, want) in [
        (
            "Markets closed ahead of Yom Kippur 2023.",
            None,
            "2023-09-24",
        ),
        (
            "Shops stayed open during Eid al-Fitr 2024.",
            None,
            "2024-04-10",
        ),
        (
            "Lunar New Year 2024 fell on a Saturday.",
            None,
            "2024-02-10",
        ),
        ("Talks resume after Hanukkah 2022.", None, "2022-12-18"),
        (
            "Prices rose before Passover.",
            Some("2024-03-01"),
            "2023-04-05",
        ),
        (
            "The fast will end with Eid al-Adha.",
            Some("2024-03-01"),
            "2024-06-16",
        ),
    ] {
        assert_eq!(dates(text, Lang::En, article), [want], "{text}");
    }
    let options = Options {
        lang: LangChoice::Fixed(Lang::En),
        date: None,
        body_start: 0,
    };
    let claims = extract("Traffic eased during Ramadan 2024.", &options).claims;
    let note_kinds: Vec<&str> = claims
        .iter()
        .flat_map(|c| c.ambiguity.iter().map(|a| a.kind.as_str()))
        .collect();
    assert_eq!(note_kinds, ["observance-varies"]);
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
fn hindu_festivals_in_news_sentences() {
    for (text, article, want) in [
        (
            "Sales of gold jumped ahead of Diwali 2023.",
            None,
            "2023-11-12",
        ),
        (
            "Trains were packed before Holi in 2024.",
            None,
            "2024-03-25",
        ),
        (
            "Farmers celebrated Vaisakhi 2020 at home.",
            None,
            "2020-04-13",
        ),
        ("Pongal 2024 fell on a Monday.", None, "2024-01-15"),
        ("Offices shut for Chhath Puja 2019.", None, "2019-11-02"),
        (
            "The Parsi New Year 2024 was a Thursday.",
            None,
            "2024-08-15",
        ),
        (
            "Kerala markets will be busy before Onam.",
            Some("2024-09-01"),
            "2024-09-15",
        ),
        (
            "Prices eased after Dussehra.",
            Some("2024-12-01"),
            "2024-10-12",
        ),
    ] {
        assert_eq!(dates(text, Lang::En, article), [want], "{text}");
    }
    let options = Options {
        lang: LangChoice::Fixed(Lang::En),
        date: None,
        body_start: 0,
    };
    let claims = extract("Crowds gathered for Maha Shivaratri 2024.", &options).claims;
    let note_kinds: Vec<&str> = claims
        .iter()
        .flat_map(|c| c.ambiguity.iter().map(|a| a.kind.as_str()))
        .collect();
    assert_eq!(note_kinds, ["observance-varies"]);
    // Common words that start a festival name only with the rest of it.
    for text in [
        "The guru spoke to the maha council.",
        "Ram and his bhai met in Thai restaurants.",
        "Tamil voters turned out in force.",
    ] {
        assert!(dates(text, Lang::En, None).is_empty(), "{text}");
    }
}
