//! Unit tests of the Italian spelled-number reader (`numbers/spelled.rs`): compounds, words that
//! only look like numbers, ordinals, and the first-bytes filter in front of them.

use super::*;

#[test]
fn italian_compound_cardinals() {
    assert_eq!(italian_cardinal("due"), Some(2));
    assert_eq!(italian_cardinal("ventitré"), Some(23));
    assert_eq!(italian_cardinal("ventuno"), Some(21));
    assert_eq!(italian_cardinal("trentotto"), Some(38));
    assert_eq!(italian_cardinal("centotre"), Some(103));
    assert_eq!(italian_cardinal("centottanta"), Some(180));
    assert_eq!(italian_cardinal("duecento"), Some(200));
    assert_eq!(italian_cardinal("mille"), Some(1000));
    assert_eq!(italian_cardinal("duemilatrecento"), Some(2300));
    assert_eq!(italian_cardinal("settantacinque"), Some(75));
}

#[test]
fn italian_words_that_are_not_numbers() {
    for word in [
        "novembre",
        "settembre",
        "centrale",
        "trentino",
        "milano",
        "ventilatore",
    ] {
        assert_eq!(italian_cardinal(word), None, "{word}");
    }
}

#[test]
fn every_number_word_passes_the_start_filter() {
    let stems = ITALIAN_UNITS
        .iter()
        .chain(&ITALIAN_TEENS)
        .copied()
        .chain(ITALIAN_TENS.iter().map(|(stem, _)| *stem))
        .chain([
            "un", "una", "mezza", "mezzo", "zero", "cento", "mille", "tré",
        ])
        .chain([
            "prima", "secondo", "terzo", "quarta", "quinto", "sesto", "settimo", "ottavo", "nono",
            "decimo",
        ]);
    for word in stems {
        assert!(may_be_italian_number(word), "{word}");
    }
    for word in [
        "della", "per", "con", "a", "gli", "sono", "anni", "nel", "di", "del", "dei", "u",
    ] {
        assert!(!may_be_italian_number(word), "{word}");
    }
}

#[test]
fn italian_ordinals() {
    assert_eq!(italian_ordinal("settantacinquesimo"), Some((75, false)));
    assert_eq!(italian_ordinal("ventesimo"), Some((20, false)));
    assert_eq!(italian_ordinal("undicesima"), Some((11, false)));
    assert_eq!(italian_ordinal("centesimo"), Some((100, false)));
    assert_eq!(italian_ordinal("prima"), Some((1, true)));
    assert_eq!(italian_ordinal("terzo"), Some((3, true)));
    assert_eq!(italian_ordinal("esimo"), None);
}
