//! Unit tests of the spelled-number grammars read from the lexicons: Italian compounds
//! (`numbers/compound.rs`), words that only look like numbers, ordinals, the first-bytes
//! filter, and the phrase words of English and Spanish (`numbers/phrase.rs`).

use crate::extract::lang::lexicon;
use crate::extract::lang::spelled::{CompoundWords, Grammar, PhraseWords, Role, SpelledWords};
use crate::extract::numbers::morphology::{cardinal, may_be_number, ordinal};
use crate::model::Lang;

fn italian() -> (&'static SpelledWords, &'static CompoundWords) {
    let spelled = lexicon(Lang::It).numbers.spelled;
    match &spelled.grammar {
        Grammar::Compound(words) => (spelled, words),
        Grammar::Phrase(_) => panic!("Italian writes compounds as one word"),
    }
}

fn phrase(lang: Lang) -> &'static PhraseWords {
    match &lexicon(lang).numbers.spelled.grammar {
        Grammar::Phrase(words) => words,
        Grammar::Compound(_) => panic!("{lang} writes compounds as phrases"),
    }
}

#[test]
fn italian_compound_cardinals() {
    let (_, words) = italian();
    for (word, value) in [
        ("due", 2),
        ("ventitré", 23),
        ("ventuno", 21),
        ("trentotto", 38),
        ("centotre", 103),
        ("centottanta", 180),
        ("duecento", 200),
        ("mille", 1000),
        ("duemilatrecento", 2300),
        ("settantacinque", 75),
        ("quattrocentocinquantamila", 450_000),
    ] {
        assert_eq!(cardinal(words, word), Some(value), "{word}");
    }
}

#[test]
fn italian_words_that_are_not_numbers() {
    let (_, words) = italian();
    for word in [
        "novembre",
        "settembre",
        "centrale",
        "trentino",
        "milano",
        "ventilatore",
    ] {
        assert_eq!(cardinal(words, word), None, "{word}");
    }
}

#[test]
fn every_number_word_passes_the_start_filter() {
    let (spelled, words) = italian();
    let stems = words
        .units
        .iter()
        .chain(&words.teens)
        .copied()
        .chain(words.tens.iter().map(|(stem, _)| *stem))
        .chain([
            "un", "una", "mezza", "mezzo", "zero", "cento", "mille", "tré",
        ])
        .chain([
            "prima", "secondo", "terzo", "quarta", "quinto", "sesto", "settimo", "ottavo", "nono",
            "decimo",
        ]);
    for word in stems {
        assert!(may_be_number(words, spelled, word), "{word}");
    }
    for word in [
        "della", "per", "con", "a", "gli", "sono", "anni", "nel", "di", "del", "dei", "u",
    ] {
        assert!(!may_be_number(words, spelled, word), "{word}");
    }
}

#[test]
fn italian_ordinals() {
    let (_, words) = italian();
    assert_eq!(ordinal(words, "settantacinquesimo"), Some((75, false)));
    assert_eq!(ordinal(words, "ventesimo"), Some((20, false)));
    assert_eq!(ordinal(words, "undicesima"), Some((11, false)));
    assert_eq!(ordinal(words, "centesimo"), Some((100, false)));
    assert_eq!(ordinal(words, "prima"), Some((1, true)));
    assert_eq!(ordinal(words, "terzo"), Some((3, true)));
    assert_eq!(ordinal(words, "esimo"), None);
}

#[test]
fn english_phrase_words() {
    let words = phrase(Lang::En);
    assert_eq!(words.role("seventy"), Some(Role::Tens(70)));
    assert_eq!(words.role("fifth"), Some(Role::OrdinalUnit(5)));
    assert_eq!(words.role("dozen"), None);
    assert_eq!(words.role("seventythird"), Some(Role::OrdinalUnit(73)));
    assert_eq!(words.role("twentyfive"), Some(Role::Teen(25)));
    assert_eq!(words.role("naught"), Some(Role::Unit(0)));
    assert_eq!(words.role("crore"), Some(Role::Scale(10_000_000)));
    assert_eq!(words.role("twentysomething"), None);
}

#[test]
fn spanish_phrase_words() {
    let words = phrase(Lang::Es);
    assert_eq!(words.role("veintitrés"), Some(Role::Teen(23)));
    assert_eq!(words.role("quinientos"), Some(Role::Hundreds(500)));
    assert_eq!(words.role("millones"), Some(Role::Scale(1_000_000)));
    assert_eq!(words.role("mil"), Some(Role::Thousand));
    assert_eq!(words.role("tercer"), Some(Role::OrdinalUnit(3)));
    // No glued tens in Spanish: "treintaydos" is no word.
    assert_eq!(words.role("treintaydos"), None);
    assert_eq!(words.role("casa"), None);
}

/// The spelled figures of an Italian text, as written.
fn italian_figures(text: &str) -> Vec<String> {
    crate::extract::extract(text, &crate::extract::Options::in_lang(Lang::It))
        .claims
        .into_iter()
        .map(|c| c.text)
        .collect()
}

#[test]
fn a_number_word_that_is_also_a_noun_is_the_noun_where_its_neighbours_say_so() {
    // Winds in a weather report.
    for text in [
        "Forti venti da nord-est sulle coste.",
        "Attesi venti di burrasca e mare agitato.",
        "Soffieranno venti fino a burrasca in serata.",
    ] {
        assert!(italian_figures(text).is_empty(), "{text}");
    }
    assert_eq!(
        italian_figures("Raffiche e venti a 60 km/h sulle creste."),
        ["60 km/h"]
    );
    // Twenty, followed by what it counts or standing alone.
    assert_eq!(
        italian_figures("Sono venti i feriti e venti dei 27 paesi hanno aderito."),
        ["venti", "venti", "27 paesi"]
    );
    assert_eq!(italian_figures("In coda venti persone."), ["venti persone"]);
}
