//! Behaviour of the whole extractor on short phrases, one construction per test.

use crate::extract::{Options, extract};
use crate::model::{
    ArticleDate, Claim, ClaimKind, Direction, Extraction, Lang, LangChoice, Qualifier, RelationKind,
};

fn run(text: &str, lang: Lang, date: Option<&str>) -> Extraction {
    extract(
        text,
        &Options {
            lang: LangChoice::Fixed(lang),
            date: date.and_then(ArticleDate::parse),
            country: None,
            body_start: 0,
        },
    )
}

fn claims(text: &str, lang: Lang) -> Vec<Claim> {
    run(text, lang, Some("2024-01-20")).claims
}

/// The only claim of `text`.
fn one(text: &str, lang: Lang) -> Claim {
    let mut all = claims(text, lang);
    assert_eq!(all.len(), 1, "{text}: {all:#?}");
    all.remove(0)
}

fn summary(claim: &Claim) -> (ClaimKind, &str, &str, Option<&str>) {
    (
        claim.kind,
        claim.text.as_str(),
        claim.value_text.as_str(),
        claim.unit.as_deref(),
    )
}

#[test]
fn money_symbol_first_and_name_after() {
    use ClaimKind::Money;
    assert_eq!(
        summary(&one("costa € 2,5 miliardi.", Lang::It)),
        (Money, "€ 2,5 miliardi", "2500000000", Some("EUR"))
    );
    assert_eq!(
        summary(&one("it cost US$5m.", Lang::En)),
        (Money, "US$5m", "5000000", Some("USD"))
    );
    assert_eq!(
        summary(&one("worth £3.2 billion", Lang::En)),
        (Money, "£3.2 billion", "3200000000", Some("GBP"))
    );
    assert_eq!(
        summary(&one("pagati 40 milioni di sterline", Lang::It)),
        (Money, "40 milioni di sterline", "40000000", Some("GBP"))
    );
    assert_eq!(
        summary(&one("a 300 rubli", Lang::It)),
        (Money, "300 rubli", "300", Some("RUB"))
    );
    assert_eq!(summary(&one("some EUR 12 mln", Lang::En)).3, Some("EUR"));
    assert_eq!(
        summary(&one("un prestito di 10 RMB", Lang::It)).3,
        Some("CNY")
    );
    assert_eq!(
        summary(&one("pagati 5 franchi svizzeri", Lang::It)),
        (Money, "5 franchi svizzeri", "5", Some("CHF"))
    );
    assert_eq!(
        summary(&one("paid 7 Canadian dollars", Lang::En)),
        (Money, "7 Canadian dollars", "7", Some("CAD"))
    );
    assert_eq!(summary(&one("it was ₹450 crore", Lang::En)).3, Some("INR"));
}

#[test]
fn yen_sign_reads_yuan_only_in_yuan_context() {
    assert_eq!(
        one("Sony earned ¥500bn", Lang::En).unit.as_deref(),
        Some("JPY")
    );
    let yuan = one("the yuan fell; a loan of ¥500bn", Lang::En);
    assert_eq!(yuan.unit.as_deref(), Some("CNY"));
    assert_eq!(yuan.ambiguity[0].kind, "currency-symbol");
}

#[test]
fn scale_letters_need_a_currency() {
    assert_eq!(one("ran 5 m", Lang::En).kind, ClaimKind::Quantity);
    assert_eq!(one("raised $5 m", Lang::En).value_text, "5000000");
}

#[test]
fn percent_forms_and_points() {
    for (text, lang) in [
        ("il 5 per cento", Lang::It),
        ("il 5 percento", Lang::It),
        ("5 percent", Lang::En),
        ("5 per cent", Lang::En),
        ("5%", Lang::En),
    ] {
        let claim = one(text, lang);
        assert_eq!(
            (claim.kind, claim.unit.as_deref(), claim.value_text.as_str()),
            (ClaimKind::Percent, Some("%"), "5"),
            "{text}"
        );
        assert!(claim.text.starts_with('5'));
    }
    let points = one("salito di 1,5 punti percentuali", Lang::It);
    assert_eq!(
        (points.kind, points.unit.as_deref(), points.text.as_str()),
        (ClaimKind::Percent, Some("pp"), "1,5 punti percentuali")
    );
    assert_eq!(
        one("up 2 percentage points", Lang::En).unit.as_deref(),
        Some("pp")
    );
    assert_eq!(one("a −3,5% drop", Lang::It).value_text, "-3.5");
}

#[test]
fn counts_quantities_and_durations() {
    assert_eq!(
        summary(&one("firmati 55 accordi", Lang::It)),
        (ClaimKind::Count, "55 accordi", "55", Some("accordi"))
    );
    assert_eq!(
        summary(&one("per 10 km", Lang::It)),
        (ClaimKind::Quantity, "10 km", "10", Some("km"))
    );
    assert_eq!(
        summary(&one("5 milioni di barili", Lang::It)),
        (
            ClaimKind::Quantity,
            "5 milioni di barili",
            "5000000",
            Some("bbl")
        )
    );
    assert_eq!(
        summary(&one("3,000 tonnes", Lang::En)),
        (ClaimKind::Quantity, "3,000 tonnes", "3000", Some("t"))
    );
    assert_eq!(
        summary(&one("per 18 mesi", Lang::It)),
        (ClaimKind::Duration, "18 mesi", "18", Some("months"))
    );
    assert_eq!(
        summary(&one("two years", Lang::En)),
        (ClaimKind::Duration, "two years", "2", Some("years"))
    );
    assert_eq!(
        summary(&one("una capacità di 200 MW", Lang::It)),
        (ClaimKind::Quantity, "200 MW", "200", Some("MW"))
    );
}

#[test]
fn italian_long_scale_ambiguity() {
    let claim = one("25.05 trilioni di euro", Lang::It);
    assert_eq!(claim.value_text, "25050000000000");
    let tags: Vec<&str> = claim.ambiguity.iter().map(|a| a.kind.as_str()).collect();
    assert_eq!(tags, ["foreign-convention", "long-scale"]);
    let bilione = one("un bilione di euro", Lang::It);
    assert_eq!(bilione.value_text, "1000000000");
    assert_eq!(bilione.ambiguity[0].alternative_value, Some(1e12));
}

#[test]
fn separator_ambiguity_is_scaled_with_the_value() {
    let claim = one("1,234 miliardi di euro", Lang::It);
    assert_eq!(claim.value_text, "1234000000");
    assert_eq!(
        claim.ambiguity[0].alternative_value_text.as_deref(),
        Some("1234000000000")
    );
    assert_eq!(claim.precision.low, 1_233_500_000.0);
}

#[test]
fn spelled_numbers() {
    assert_eq!(one("ventitré navi", Lang::It).value_text, "23");
    assert_eq!(one("twenty-three ships", Lang::En).value_text, "23");
    assert_eq!(
        one("one hundred and three ships", Lang::En).value_text,
        "103"
    );
    assert_eq!(
        one("un centinaio di persone", Lang::It).qualifier,
        Qualifier::Approx
    );
    assert_eq!(one("un centinaio di persone", Lang::It).value_text, "100");
    assert_eq!(one("a couple of ships", Lang::En).value_text, "2");
    assert_eq!(
        summary(&one("due milioni di euro", Lang::It)),
        (
            ClaimKind::Money,
            "due milioni di euro",
            "2000000",
            Some("EUR")
        )
    );
    assert_eq!(one("a million people", Lang::En).value_text, "1000000");
    assert!(claims("a ship and an island; un porto e una nave", Lang::En).is_empty());
    assert!(claims("un porto e una nave", Lang::It).is_empty());
}

#[test]
fn ordinals() {
    for (text, lang, value) in [
        ("il 75mo anniversario", Lang::It, "75"),
        ("il 75° anniversario", Lang::It, "75"),
        ("il 75esimo anniversario", Lang::It, "75"),
        ("il settantacinquesimo anniversario", Lang::It, "75"),
        ("the 75th anniversary", Lang::En, "75"),
        ("the 1st time", Lang::En, "1"),
        ("the seventy-fifth anniversary", Lang::En, "75"),
    ] {
        let claim = one(text, lang);
        assert_eq!(
            (claim.kind, claim.value_text.as_str()),
            (ClaimKind::Ordinal, value),
            "{text}"
        );
    }
    assert!(claims("Secondo le dogane, prima di tutto", Lang::It).is_empty());
    assert!(
        claims("the 75st", Lang::En)
            .iter()
            .all(|c| c.kind != ClaimKind::Ordinal)
    );
}

#[test]
fn dates_in_written_forms() {
    for (text, lang, iso) in [
        ("il 15 gennaio 2024", Lang::It, "2024-01-15"),
        ("on January 15, 2024", Lang::En, "2024-01-15"),
        ("on 15 January 2024", Lang::En, "2024-01-15"),
        ("il 2024-01-15", Lang::It, "2024-01-15"),
        ("il 15/01/2024", Lang::It, "2024-01-15"),
        ("on 01/15/2024", Lang::En, "2024-01-15"),
        ("nel febbraio 2022", Lang::It, "2022-02"),
        ("in February 2022", Lang::En, "2022-02"),
        ("nel 2023", Lang::It, "2023"),
        ("il 1° maggio 2023", Lang::It, "2023-05-01"),
    ] {
        let claim = one(text, lang);
        assert_eq!(
            (claim.kind, claim.date.as_deref()),
            (ClaimKind::Date, Some(iso)),
            "{text}"
        );
    }
}

#[test]
fn months_resolve_against_the_article_date() {
    let date = |text, lang, article| run(text, lang, article).claims[0].date.clone();
    assert_eq!(
        date("lo scorso dicembre", Lang::It, Some("2024-01")),
        Some("2023-12".into())
    );
    assert_eq!(
        date("a novembre", Lang::It, Some("2024-01")),
        Some("2023-11".into())
    );
    assert_eq!(
        date("a gennaio", Lang::It, Some("2024-01")),
        Some("2024-01".into())
    );
    assert_eq!(
        date("lo scorso gennaio", Lang::It, Some("2024-01")),
        Some("2023-01".into())
    );
    assert_eq!(
        date("In July", Lang::En, Some("2024-01-20")),
        Some("2023-07".into())
    );
    let unresolved = run("last December", Lang::En, None).claims;
    assert_eq!(unresolved[0].date.as_deref(), Some("XXXX-12"));
    assert_eq!(unresolved[0].ambiguity[0].kind, "year-unknown");
}

#[test]
fn english_may_and_lowercase_months_are_not_dates() {
    assert!(claims("Prices may rise; they march on.", Lang::En).is_empty());
    assert_eq!(
        one("since May the index", Lang::En).date.as_deref(),
        Some("2023-05")
    );
}

#[test]
fn years_only_without_units() {
    assert_eq!(one("nel 2023", Lang::It).kind, ClaimKind::Date);
    assert_eq!(one("2023 tonnes", Lang::En).kind, ClaimKind::Quantity);
    assert_eq!(one("2.023 persone", Lang::It).kind, ClaimKind::Count);
    assert_eq!(one("2100 dollars", Lang::En).kind, ClaimKind::Money);
    assert_eq!(one("about 1799", Lang::En).kind, ClaimKind::Number);
}

#[test]
fn qualifiers_stay_outside_the_span() {
    for (text, lang, qualifier) in [
        ("quasi 20 navi", Lang::It, Qualifier::Approx),
        ("circa il 30%", Lang::It, Qualifier::Approx),
        (
            "oltre i 200 miliardi di dollari",
            Lang::It,
            Qualifier::MoreThan,
        ),
        ("più di 200 navi", Lang::It, Qualifier::MoreThan),
        ("almeno 3 navi", Lang::It, Qualifier::AtLeast),
        ("fino a 5 navi", Lang::It, Qualifier::AtMost),
        ("meno di 5 navi", Lang::It, Qualifier::LessThan),
        ("nearly 20 ships", Lang::En, Qualifier::Approx),
        ("about $5bn", Lang::En, Qualifier::Approx),
        ("over 200 ships", Lang::En, Qualifier::MoreThan),
        ("more than 200 ships", Lang::En, Qualifier::MoreThan),
        ("at least 3 ships", Lang::En, Qualifier::AtLeast),
        ("up to 5 ships", Lang::En, Qualifier::AtMost),
        ("less than 5 ships", Lang::En, Qualifier::LessThan),
    ] {
        let claim = one(text, lang);
        assert_eq!(claim.qualifier, qualifier, "{text}");
        assert!(text.ends_with(&claim.text), "{text}: span {}", claim.text);
        assert!(
            !claim.text.contains(' ')
                || claim.text.chars().next().unwrap().is_ascii_digit()
                || claim.text.starts_with(['$', '€']),
            "{text}"
        );
    }
    assert_eq!(
        one("Over the past two years", Lang::En).qualifier,
        Qualifier::None
    );
}

#[test]
fn conversion_markers_link_amounts() {
    for (text, lang, marker) in [
        (
            "13,6 miliardi di yuan (1,91 miliardi di dollari)",
            Lang::It,
            "(",
        ),
        (
            "13,6 miliardi di yuan, pari a 1,91 miliardi di dollari",
            Lang::It,
            "pari a",
        ),
        ("13.6 billion yuan, or about $1.91bn", Lang::En, "or about"),
        (
            "13.6 billion yuan, equivalent to $1.91bn",
            Lang::En,
            "equivalent to",
        ),
    ] {
        let extraction = run(text, lang, None);
        assert_eq!(extraction.relations.len(), 1, "{text}");
        let relation = &extraction.relations[0];
        assert_eq!(
            (
                relation.kind,
                relation.claims.clone(),
                relation.marker.as_deref()
            ),
            (
                RelationKind::Conversion,
                vec!["c1".to_string(), "c2".to_string()],
                Some(marker)
            ),
            "{text}"
        );
    }
    assert!(
        run("10 euro e 20 dollari", Lang::It, None)
            .relations
            .is_empty()
    );
}

#[test]
fn change_relations_with_direction_and_period() {
    let extraction = run(
        "Le vendite, 5 miliardi di euro, sono in calo del 3% rispetto al 2022.",
        Lang::It,
        None,
    );
    let change = &extraction.relations[0];
    assert_eq!(change.kind, RelationKind::Change);
    assert_eq!(change.claims, ["c2", "c1"]);
    assert_eq!(change.direction, Some(Direction::Down));
    assert_eq!(change.period.as_deref(), Some("2022"));
    let english = run("Exports fell 4.1% yoy to $300bn.", Lang::En, None);
    assert_eq!(english.relations[0].claims, ["c1", "c2"]);
    assert_eq!(english.relations[0].direction, Some(Direction::Down));
    assert_eq!(english.relations[0].period.as_deref(), Some("year-on-year"));
    assert!(
        run("Il 40% degli italiani ha 2 auto.", Lang::It, None)
            .relations
            .is_empty()
    );
}

#[test]
fn numbers_in_words_and_codes_are_not_claims() {
    assert!(claims("il G20 e il COVID-19", Lang::It).is_empty());
    assert_eq!(claims("version 1.2.3", Lang::En).len(), 2);
}

/// Kind, value and unit of each claim of `text`.
fn kind_value_unit(text: &str, lang: Lang) -> Vec<(ClaimKind, f64, Option<String>)> {
    claims(text, lang)
        .into_iter()
        .map(|c| (c.kind, c.value, c.unit))
        .collect()
}

#[test]
fn clock_durations_and_basis_points_in_news_sentences() {
    let one = |kind, value, unit: &str| vec![(kind, value, Some(unit.to_string()))];
    for (text, lang, want) in [
        (
            "The rescue took 49 minutes in heavy rain.",
            Lang::En,
            one(ClaimKind::Duration, 49.0, "minutes"),
        ),
        (
            "Il volo è durato 3 ore per il vento.",
            Lang::It,
            one(ClaimKind::Duration, 3.0, "hours"),
        ),
        (
            "The central bank raised rates by 25 basis points.",
            Lang::En,
            one(ClaimKind::Percent, 25.0, "bp"),
        ),
        (
            "Lo spread è salito di 12 punti base sul Bund.",
            Lang::It,
            one(ClaimKind::Percent, 12.0, "bp"),
        ),
        (
            "Unemployment fell by 0.3 percentage points.",
            Lang::En,
            one(ClaimKind::Percent, 0.3, "pp"),
        ),
        (
            "a 2 percentage-point rise in turnout",
            Lang::En,
            one(ClaimKind::Percent, 2.0, "pp"),
        ),
        (
            "The 10-year bond yield edged higher.",
            Lang::En,
            one(ClaimKind::Duration, 10.0, "years"),
        ),
        (
            "Unions called a 24-hour strike.",
            Lang::En,
            one(ClaimKind::Duration, 24.0, "hours"),
        ),
    ] {
        assert_eq!(kind_value_unit(text, lang), want, "{text}");
    }
}

#[test]
fn range_ends_share_the_scale_and_unit_written_once() {
    let money = |value: f64, code: &str| (ClaimKind::Money, value, Some(code.to_string()));
    let percent = |value: f64| (ClaimKind::Percent, value, Some("%".to_string()));
    for (text, lang, want) in [
        (
            "Analysts see losses between $3 and $4 billion at the lender.",
            Lang::En,
            vec![money(3e9, "USD"), money(4e9, "USD")],
        ),
        (
            "Il conto oscilla tra 16 e 19 miliardi di euro.",
            Lang::It,
            vec![money(16e9, "EUR"), money(19e9, "EUR")],
        ),
        (
            "La crescita passerà dal 5 al 7% entro l'estate.",
            Lang::It,
            vec![percent(5.0), percent(7.0)],
        ),
        (
            "Turnout rose from 40 to 55% in the north.",
            Lang::En,
            vec![percent(40.0), percent(55.0)],
        ),
    ] {
        assert_eq!(kind_value_unit(text, lang), want, "{text}");
    }
    // Not a range: the first figure is larger once scaled, or of another kind.
    let kept = kind_value_unit("It cut 5 jobs and $3 million in costs.", Lang::En);
    assert_eq!(kept[0].0, ClaimKind::Count, "{kept:?}");
    let kept = kind_value_unit("Labour won 411 seats.", Lang::En);
    assert_eq!(kept[0].0, ClaimKind::Count, "{kept:?}");
    let kept = kind_value_unit("The match ended 3 to 1 after extra time.", Lang::En);
    assert!(kept.iter().all(|c| c.0 == ClaimKind::Number), "{kept:?}");
}

#[test]
fn a_header_ending_inside_a_character_keeps_claims_in_the_body() {
    // The property test's case, with an accent typed decomposed so the text is composed first:
    // byte 4 is inside "£", and the body starts after it.
    let text = "0 0£0 e\u{301} 並";
    let extraction = extract(
        text,
        &Options {
            lang: LangChoice::Auto,
            date: None,
            country: None,
            body_start: 4,
        },
    );
    for claim in &extraction.claims {
        assert!(claim.start >= 5, "{claim:?}");
        assert!(claim.start < claim.end, "{claim:?}");
    }
}

/// `(kind, text, iso date)` of each claim of `text`.
fn dated(text: &str, lang: Lang) -> Vec<(ClaimKind, String, Option<String>)> {
    claims(text, lang)
        .into_iter()
        .map(|c| (c.kind, c.text, c.date))
        .collect()
}

#[test]
fn years_before_1800_after_a_year_word_or_a_month() {
    for (lang, text, year) in [
        (
            Lang::En,
            "The colony declared independence in 1776.",
            "1776",
        ),
        (
            Lang::En,
            "It was signed on 4 July 1776 in Philadelphia.",
            "1776-07-04",
        ),
        (Lang::It, "La basilica fu consacrata nel 1626.", "1626"),
        (
            Lang::It,
            "Il trattato porta la data del 18 ottobre 1648.",
            "1648-10-18",
        ),
        (Lang::Es, "El puerto funciona desde 1605.", "1605"),
        (
            Lang::Es,
            "Cervantes murió el 22 de abril de 1616.",
            "1616-04-22",
        ),
    ] {
        let found = dated(text, lang);
        assert!(
            found
                .iter()
                .any(|(kind, _, date)| *kind == ClaimKind::Date && date.as_deref() == Some(year)),
            "{text}: {found:?}"
        );
    }
    // Without a year word, or with a counted noun after it, such a number is no year.
    for (lang, text) in [
        (Lang::En, "Rescuers reached 1500 homes in 1500 minutes."),
        (Lang::It, "Sono arrivati 1200 volontari, nel 1500 case."),
        (Lang::Es, "Trabajan 1700 personas en 1500 hectáreas."),
    ] {
        let found = dated(text, lang);
        assert!(
            found.iter().all(|(kind, _, _)| *kind != ClaimKind::Date),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_day_named_after_a_number_is_not_what_it_counts() {
    for (lang, text) in [
        (Lang::En, "The festival turns 40 today."),
        (Lang::It, "Il festival compie 40 oggi."),
        (Lang::Es, "El festival cumple 40 hoy."),
        (Lang::En, "Shares rose to 212 yesterday."),
    ] {
        let found = claims(text, lang);
        let number = found
            .iter()
            .find(|c| c.value_text != "0" && c.kind != ClaimKind::Date);
        let number = number.unwrap_or_else(|| panic!("{text}: {found:#?}"));
        assert_eq!(number.unit, None, "{text}: {number:#?}");
    }
}

#[test]
fn energy_volume_and_sound_units_in_each_language() {
    for (lang, text, unit) in [
        (
            Lang::It,
            "La vendemmia ha dato 44 milioni di ettolitri.",
            "hl",
        ),
        (Lang::En, "The harvest gave 44 million hectolitres.", "hl"),
        (
            Lang::Es,
            "La vendimia dio 44 millones de hectolitros.",
            "hl",
        ),
        (
            Lang::It,
            "Gli impianti hanno prodotto 12 terawattora.",
            "TWh",
        ),
        (Lang::En, "The plants produced 12 terawatt hours.", "TWh"),
        (
            Lang::Es,
            "Las centrales produjeron 12 teravatios hora.",
            "TWh",
        ),
        (
            Lang::It,
            "Il raccolto è stato di 3 milioni di quintali.",
            "q",
        ),
        (Lang::En, "The jet was measured at 95 decibels.", "dB"),
        (Lang::Es, "El avión alcanzó 95 decibelios.", "dB"),
    ] {
        let claim = one(text, lang);
        assert_eq!(
            (claim.kind, claim.unit.as_deref()),
            (ClaimKind::Quantity, Some(unit)),
            "{text}"
        );
    }
}

/// A text read in pieces (see `extract_in_pieces`) gives exactly the claims, relations and
/// sentences of the same text read whole: cuts fall between paragraphs, and no relation
/// spans a paragraph break; only the order of the relations differs.
#[test]
fn pieces_give_the_claims_of_the_whole_text() {
    for name in ["cina-russia-2024-01-it.txt", "china-russia-2024-01-en.txt"] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/articles")
            .join(name);
        let article = std::fs::read_to_string(path).unwrap();
        let text = [article.as_str(); 4].join("\n\n");
        let options = Options::default();
        let read = |piece_bytes: usize| {
            let mut parts = Vec::new();
            crate::extract::extract_in_pieces(&text, &options, piece_bytes, &mut |part| {
                parts.push(part)
            });
            parts
        };
        let whole = read(usize::MAX).pop().unwrap();
        let parts = read(1500);
        assert!(parts.len() > 3, "{name}: {} pieces", parts.len());
        let mut pieces = parts[0].clone();
        for part in &parts[1..] {
            pieces.claims.extend(part.claims.iter().cloned());
            pieces.relations.extend(part.relations.iter().cloned());
            pieces.sentences.extend(part.sentences.iter().cloned());
        }
        assert!(whole.claims.len() > 40, "{name}: {}", whole.claims.len());
        let first_difference = |a: &[Claim], b: &[Claim]| {
            let at = a.iter().zip(b).position(|(x, y)| x != y);
            at.map(|i| format!("{:?}\n{:?}", a[i], b[i]))
        };
        assert_eq!(
            first_difference(&pieces.claims, &whole.claims),
            None,
            "{name}"
        );
        assert_eq!(pieces.claims.len(), whole.claims.len(), "{name}");
        let missing: Vec<_> = whole
            .relations
            .iter()
            .filter(|r| !pieces.relations.contains(r))
            .collect();
        let extra: Vec<_> = pieces
            .relations
            .iter()
            .filter(|r| !whole.relations.contains(r))
            .collect();
        assert_eq!((missing, extra), (vec![], vec![]), "{name}");
        // The same relations; a long text's come piece by piece rather than stage by stage.
        assert!(whole.relations.len() >= 8, "{name}");
        assert_eq!(pieces.relations.len(), whole.relations.len(), "{name}");
        for relation in &whole.relations {
            assert!(pieces.relations.contains(relation), "{name}: {relation:?}");
        }
        assert_eq!(pieces.sentences, whole.sentences, "{name}");
    }
}
