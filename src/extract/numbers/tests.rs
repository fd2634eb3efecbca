//! Number constructions beyond plain digits and cardinals: fractions, decimals in words,
//! notations, letter scales, multipliers, signs, cents and currency prefixes, and the fraction
//! arithmetic and denominators they rest on. One table row
//! per construction: (text, language, expected kind, value_text, unit).

use super::fraction::fraction_value;
use super::morphology;
use crate::extract::lang::{lexicon, spelled::Grammar};
use crate::extract::{Options, extract};
use crate::model::{Claim, ClaimKind, Lang, LangChoice};
use rust_decimal::Decimal;

fn claims(text: &str, lang: Lang) -> Vec<Claim> {
    extract(
        text,
        &Options {
            lang: LangChoice::Fixed(lang),
            date: None,
            country: None,
            body_start: 0,
        },
    )
    .claims
}

fn check(rows: &[(&str, Lang, ClaimKind, &str, Option<&str>)]) {
    for &(text, lang, kind, value, unit) in rows {
        let all = claims(text, lang);
        assert_eq!(all.len(), 1, "{text}: {all:#?}");
        let claim = &all[0];
        assert_eq!(
            (claim.kind, claim.value_text.as_str(), claim.unit.as_deref()),
            (kind, value, unit),
            "{text}"
        );
    }
}

#[test]
fn spelled_fractions() {
    use ClaimKind::Number;
    check(&[
        (
            "two thirds of voters",
            Lang::En,
            Number,
            "0.666666666666667",
            None,
        ),
        ("a hundredth", Lang::En, Number, "0.01", None),
        ("one twenty-fifth", Lang::En, Number, "0.04", None),
        ("one-eighth", Lang::En, Number, "0.125", None),
        ("five and a quarter", Lang::En, Number, "5.25", None),
        (
            "one hundred and three quarters",
            Lang::En,
            Number,
            "100.75",
            None,
        ),
        (
            "one billion and a half million",
            Lang::En,
            Number,
            "1000500000",
            None,
        ),
        (
            "due terzi degli elettori",
            Lang::It,
            Number,
            "0.666666666666667",
            None,
        ),
        ("un quinto", Lang::It, Number, "0.2", None),
        ("tre e un quinto", Lang::It, Number, "3.2", None),
        ("due e mezzo", Lang::It, Number, "2.5", None),
        ("tre mezzi", Lang::It, Number, "1.5", None),
    ]);
    // Fiscal quarters are counted, not a fraction.
    assert_eq!(
        claims("for three quarters in a row", Lang::En)[0].value_text,
        "3"
    );
}

#[test]
fn decimals_ratios_and_signs_in_words() {
    use ClaimKind::Number;
    check(&[
        (
            "two hundred point seventy-one",
            Lang::En,
            Number,
            "200.71",
            None,
        ),
        ("naught point five", Lang::En, Number, "0.5", None),
        (
            "duecento virgola settantuno",
            Lang::It,
            Number,
            "200.71",
            None,
        ),
        (
            "one over three",
            Lang::En,
            Number,
            "0.333333333333333",
            None,
        ),
        ("uno su tre", Lang::It, Number, "0.333333333333333", None),
        ("1 su 3", Lang::It, Number, "0.333333333333333", None),
        ("minus five point five", Lang::En, Number, "-5.5", None),
        ("meno 1.200.000", Lang::It, Number, "-1200000", None),
        ("negative one", Lang::En, Number, "-1", None),
        (
            "three million two hundred thousand",
            Lang::En,
            Number,
            "3200000",
            None,
        ),
        ("fifty - two", Lang::En, Number, "52", None),
        ("three lakh crore", Lang::En, Number, "3000000000000", None),
        ("ha compiuto settant'", Lang::It, Number, "70", None),
        ("zero", Lang::It, Number, "0", None),
        ("1 point 1", Lang::En, Number, "1.1", None),
        ("3 hundred and 21", Lang::En, Number, "321", None),
        (
            "one billion and three quarters million",
            Lang::En,
            Number,
            "1000750000",
            None,
        ),
    ]);
    // Larger scales do not take a remainder after "and".
    assert_eq!(claims("5 million and 300 jobs", Lang::En).len(), 2);
    // "one" as a pronoun.
    assert!(claims("Which one do you prefer?", Lang::En).is_empty());
    // "over three years" is a period.
    assert!(claims("1 over three years", Lang::En).len() >= 2);
}

#[test]
fn digit_notations_and_letter_scales() {
    use ClaimKind::Number;
    check(&[
        ("3/4", Lang::En, Number, "0.75", None),
        ("-4/5", Lang::It, Number, "-0.8", None),
        ("2 1/4", Lang::En, Number, "2.25", None),
        ("1e10", Lang::En, Number, "10000000000", None),
        ("-12e-1", Lang::En, Number, "-1.2", None),
        ("1,1^23", Lang::It, Number, "8.95430243255237", None),
        ("-2500^-1", Lang::En, Number, "-0.0004", None),
        ("10k", Lang::En, Number, "10000", None),
        ("1,2M", Lang::It, Number, "1200000", None),
        ("3 dozens", Lang::En, Number, "36", None),
        ("tre dozzine", Lang::It, Number, "36", None),
        ("half a dozen", Lang::En, Number, "6", None),
        ("6 crore", Lang::En, Number, "60000000", None),
        ("3 milioni e mezzo", Lang::It, Number, "3500000", None),
        (".25", Lang::En, Number, "0.25", None),
    ]);
    // Dates, "24/7" and mobile generations stay what they are.
    assert!(
        claims("2/2013", Lang::En)
            .iter()
            .all(|c| c.value_text != "0.000993541977148")
    );
    assert!(claims("open 24/7", Lang::En).iter().all(|c| c.value >= 1.0));
    assert!(
        claims("a 5G network", Lang::En)
            .iter()
            .all(|c| c.value_text == "5")
    );
    // A list of figures separated by commas is a list.
    let list: Vec<String> = claims("nrs. 22,24,26,31.", Lang::En)
        .into_iter()
        .map(|c| c.value_text)
        .collect();
    assert_eq!(list, ["22", "24", "26", "31"]);
    // Figures inside a URL query are not claims.
    assert!(claims("see https://x.com/?q=30%25", Lang::En).is_empty());
}

#[test]
fn percent_words() {
    use ClaimKind::Percent;
    check(&[
        ("thirty percentage", Lang::En, Percent, "30", Some("%")),
        ("one hundred percents", Lang::En, Percent, "100", Some("%")),
        (
            "a 5 percentage-point rise",
            Lang::En,
            Percent,
            "5",
            Some("pp"),
        ),
    ]);
}

#[test]
fn cents_and_compound_amounts() {
    use ClaimKind::Money;
    check(&[
        ("50 centesimi", Lang::It, Money, "0.5", Some("EUR")),
        ("ten cents", Lang::En, Money, "0.1", Some("USD")),
        ("470 pence", Lang::En, Money, "4.7", Some("GBP")),
        ("a 12-cent dividend", Lang::En, Money, "0.12", Some("USD")),
        ("3 dollars 50 cents", Lang::En, Money, "3.5", Some("USD")),
        ("$20 and 43c", Lang::En, Money, "20.43", Some("USD")),
        ("1 USD e 23 centesimi", Lang::It, Money, "1.23", Some("USD")),
        (
            "thirteen dollars and forty-five cents",
            Lang::En,
            Money,
            "13.45",
            Some("USD"),
        ),
    ]);
    let cents = &claims("34 centesimi", Lang::It)[0];
    assert_eq!(cents.ambiguity[0].kind, "currency-unstated");
    // Another amount after "and" is not cents.
    assert_eq!(claims("5 dollars and 10 euros", Lang::En).len(), 2);
}

#[test]
fn currency_prefixes() {
    use ClaimKind::Money;
    check(&[
        ("c $ 16.4 million", Lang::En, Money, "16400000", Some("CAD")),
        (
            "hk $ 10,05 miliardi",
            Lang::It,
            Money,
            "10050000000",
            Some("HKD"),
        ),
        ("USD3.14", Lang::En, Money, "3.14", Some("USD")),
        ("EUR29,99", Lang::It, Money, "29.99", Some("EUR")),
        ("Rs. 20", Lang::En, Money, "20", Some("INR")),
        ("dollari 996", Lang::It, Money, "996", Some("USD")),
        ("10k$", Lang::En, Money, "10000", Some("USD")),
        ("42 kuwaiti dinar", Lang::En, Money, "42", Some("KWD")),
        ("10 dinars", Lang::En, Money, "10", Some("Dinar")),
        ("42 MYR", Lang::En, Money, "42", Some("MYR")),
        ("20 ringgit 43", Lang::En, Money, "20.43", Some("MYR")),
        (
            "420 million finnish markka",
            Lang::En,
            Money,
            "420000000",
            Some("FIM"),
        ),
        (
            "250 milioni di fiorini olandesi",
            Lang::It,
            Money,
            "250000000",
            Some("NLG"),
        ),
    ]);
    // Not every three capitals are a currency.
    assert!(claims("42 XYZ", Lang::En).iter().all(|c| c.kind != Money));
    assert_eq!(
        claims("a $5 bill", Lang::En)[0].unit.as_deref(),
        Some("USD")
    );
}

#[test]
fn ordinals_alone_and_compounds() {
    use ClaimKind::Ordinal;
    check(&[
        ("quinto", Lang::It, Ordinal, "5", None),
        ("un posto in prima classe", Lang::It, Ordinal, "1", None),
        ("twenty—fifth", Lang::En, Ordinal, "25", None),
        ("seventythird", Lang::En, Ordinal, "73", None),
        ("first", Lang::En, Ordinal, "1", None),
    ]);
    assert!(claims("prima di tutto", Lang::It).is_empty());
    assert!(claims("secondo fonti vicine", Lang::It).is_empty());
}

#[test]
fn a_fraction_names_its_part_with_the_lexicons_part_noun() {
    use ClaimKind::Number;
    check(&[
        (
            "una quinta parte de los votos",
            Lang::Es,
            Number,
            "0.2",
            None,
        ),
        (
            "las dos terceras partes del gasto",
            Lang::Es,
            Number,
            "0.666666666666667",
            None,
        ),
        (
            "tres cuartas partes de los hogares",
            Lang::Es,
            Number,
            "0.75",
            None,
        ),
        (
            "una quinta parte degli elettori",
            Lang::It,
            Number,
            "0.2",
            None,
        ),
        (
            "le due terze parti del bilancio",
            Lang::It,
            Number,
            "0.666666666666667",
            None,
        ),
    ]);
    let text = |lang| claims("una quinta parte", lang)[0].text.clone();
    assert_eq!(text(Lang::Es), "una quinta parte");
    assert_eq!(text(Lang::It), "una quinta parte");
}

#[test]
fn fraction_values_round_to_fifteen_digits() {
    let third = fraction_value(Decimal::ZERO, Decimal::ONE, Decimal::from(3)).unwrap();
    assert_eq!(third.to_string(), "0.333333333333333");
    let mixed = fraction_value(Decimal::from(103), Decimal::from(2), Decimal::from(3));
    assert_eq!(mixed.unwrap().to_string(), "103.666666666667");
    assert!(fraction_value(Decimal::ZERO, Decimal::ONE, Decimal::ZERO).is_none());
}

#[test]
fn compound_denominators() {
    let spelled = lexicon(Lang::It).numbers.spelled;
    let Grammar::Compound(words) = &spelled.grammar else {
        panic!("Italian writes compounds as one word");
    };
    let denominator = |word| morphology::denominator(spelled, words, word);
    assert_eq!(denominator("terzi"), Some((3, true)));
    assert_eq!(denominator("quinto"), Some((5, false)));
    assert_eq!(denominator("mezzo"), Some((2, false)));
    assert_eq!(denominator("ventunesimo"), Some((21, false)));
    assert_eq!(denominator("miliardesimo"), Some((1_000_000_000, false)));
    assert_eq!(denominator("centesimi"), None);
    assert_eq!(denominator("secondo"), None);
}
