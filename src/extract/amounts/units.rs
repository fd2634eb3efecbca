//! What may follow a number: measurement units, time units, and the nouns of counts.
//!
//! Units are normalised to a symbol (`km`, `nmi`, `t`, `bbl`, `MW` …). A count's unit is the
//! noun as written, lower-cased; any word that is not a function word, a verb form common
//! right after a number, or a word of another category can be that noun.

use crate::extract::tokens::context::Context;
use crate::model::Lang;

/// A measurement unit: one word, or two ("miglia nautiche", "nautical miles").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitMatch {
    One(&'static str),
    /// Needs the given next word (lower-cased) to mean the symbol; otherwise falls back.
    TwoWords {
        second: &'static [&'static str],
        symbol: &'static str,
        alone: Option<&'static str>,
    },
}

/// Looks a unit up by its word as written (symbols are case-sensitive: `MW`, `t`).
pub fn quantity_unit(word: &str, lower: &str) -> Option<UnitMatch> {
    let by_symbol: Option<&'static str> = match word {
        "km" => Some("km"),
        "kg" => Some("kg"),
        "t" => Some("t"),
        "bbl" => Some("bbl"),
        "nmi" => Some("nmi"),
        "MW" => Some("MW"),
        "GW" => Some("GW"),
        "kW" => Some("kW"),
        "MWh" => Some("MWh"),
        "GWh" => Some("GWh"),
        "TWh" => Some("TWh"),
        "kWh" => Some("kWh"),
        "ha" => Some("ha"),
        "cm" => Some("cm"),
        "mm" => Some("mm"),
        "m" => Some("m"),
        "mi" => Some("mi"),
        "l" => Some("l"),
        "ml" => Some("ml"),
        _ => None,
    };
    if let Some(symbol) = by_symbol {
        return Some(UnitMatch::One(symbol));
    }
    let one = match lower {
        "chilometri" | "chilometro" | "kilometri" | "kilometres" | "kilometers" | "kilometre"
        | "kilometer" => "km",
        "metri" | "metro" | "metres" | "meters" | "metre" | "meter" => "m",
        "centimetri" | "centimetres" | "centimeters" => "cm",
        "chili" | "chilogrammi" | "chilogrammo" | "kilogrammi" | "kilograms" | "kilogrammes"
        | "kilos" => "kg",
        "grammi" | "grams" => "g",
        "tonnellate" | "tonnellata" | "tonnes" | "tonne" | "tons" | "ton" => "t",
        "barili" | "barile" | "barrels" | "barrel" => "bbl",
        "megawatt" => "MW",
        "gigawatt" => "GW",
        "kilowatt" | "chilowatt" => "kW",
        "litri" | "litro" | "litres" | "liters" | "litre" | "liter" => "l",
        "ettari" | "ettaro" | "hectares" | "hectare" => "ha",
        "gradi" | "degrees" => "deg",
        "miles" | "mile" => {
            return Some(UnitMatch::One("mi"));
        }
        "miglia" | "miglio" => {
            return Some(UnitMatch::TwoWords {
                second: &["nautiche", "nautica", "marine"],
                symbol: "nmi",
                alone: Some("mi"),
            });
        }
        "nautical" => {
            return Some(UnitMatch::TwoWords {
                second: &["miles", "mile"],
                symbol: "nmi",
                alone: None,
            });
        }
        "square" => {
            return Some(UnitMatch::TwoWords {
                second: &["kilometres", "kilometers", "miles", "metres", "meters"],
                symbol: "km2",
                alone: None,
            });
        }
        _ => return None,
    };
    Some(UnitMatch::One(one))
}

/// A calendar unit word of the text's language → the duration unit (`years`, `months`,
/// `weeks`, `days`).
pub fn duration_unit(context: &Context, lower: &str) -> Option<&'static str> {
    context.lexicon.amounts.calendar_unit(lower)
}

/// Whether a lower-cased word can be the noun of a count ("accordi", "warships").
pub fn can_be_count_noun(lower: &str, lang: Lang) -> bool {
    if lower.chars().count() < 3 || lower.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    !match lang {
        Lang::It => italian_non_noun(lower),
        Lang::En => english_non_noun(lower),
    }
}

fn italian_non_noun(lower: &str) -> bool {
    matches!(
        lower,
        "che"
            | "chi"
            | "del"
            | "della"
            | "dello"
            | "dei"
            | "degli"
            | "delle"
            | "dal"
            | "dalla"
            | "dai"
            | "dagli"
            | "dalle"
            | "nel"
            | "nella"
            | "nei"
            | "negli"
            | "nelle"
            | "sul"
            | "sulla"
            | "sui"
            | "sugli"
            | "sulle"
            | "col"
            | "coi"
            | "per"
            | "con"
            | "tra"
            | "fra"
            | "tutti"
            | "tutte"
            | "sono"
            | "erano"
            | "hanno"
            | "avevano"
            | "anche"
            | "non"
            | "più"
            | "meno"
            | "circa"
            | "oltre"
            | "quasi"
            | "contro"
            | "verso"
            | "mentre"
            | "dopo"
            | "prima"
            | "entro"
            | "fino"
            | "secondo"
            | "come"
            | "dove"
            | "quando"
            | "questo"
            | "questa"
            | "questi"
            | "queste"
            | "quello"
            | "quella"
            | "quelli"
            | "quelle"
            | "nuovi"
            | "nuove"
            | "altri"
            | "altre"
            | "suoi"
            | "sue"
            | "loro"
            | "cui"
            | "ogni"
            | "volte"
            | "volta"
            | "all"
            | "dell"
            | "nell"
            | "sull"
            | "alla"
            | "alle"
            | "agli"
            | "allo"
            | "aveva"
            | "sia"
            | "sarà"
            | "saranno"
            | "era"
            | "stati"
            | "state"
            | "ancora"
            | "solo"
            | "soltanto"
    )
}

fn english_non_noun(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "and"
            | "for"
            | "from"
            | "with"
            | "into"
            | "onto"
            | "than"
            | "that"
            | "this"
            | "these"
            | "those"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "are"
            | "were"
            | "was"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "not"
            | "more"
            | "less"
            | "fewer"
            | "other"
            | "others"
            | "per"
            | "percent"
            | "out"
            | "off"
            | "over"
            | "under"
            | "about"
            | "after"
            | "before"
            | "since"
            | "until"
            | "ago"
            | "later"
            | "earlier"
            | "also"
            | "all"
            | "each"
            | "times"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "your"
            | "but"
            | "while"
            | "when"
            | "where"
            | "been"
            | "being"
            | "did"
            | "does"
            | "against"
            | "between"
            | "among"
            | "across"
            | "through"
            | "during"
            | "such"
            | "only"
            | "new"
            | "around"
            | "nearly"
            | "almost"
            | "then"
            | "there"
            | "here"
            | "just"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantity_units_normalise() {
        assert_eq!(quantity_unit("km", "km"), Some(UnitMatch::One("km")));
        assert_eq!(
            quantity_unit("tonnellate", "tonnellate"),
            Some(UnitMatch::One("t"))
        );
        assert_eq!(quantity_unit("MW", "mw"), Some(UnitMatch::One("MW")));
        assert!(matches!(
            quantity_unit("miglia", "miglia"),
            Some(UnitMatch::TwoWords {
                symbol: "nmi",
                alone: Some("mi"),
                ..
            })
        ));
        assert_eq!(quantity_unit("accordi", "accordi"), None);
    }

    #[test]
    fn duration_units() {
        use crate::extract::lang::{es, lexicon};
        let (it, en) = (lexicon(Lang::It).amounts, lexicon(Lang::En).amounts);
        assert_eq!(it.calendar_unit("anni"), Some("years"));
        assert_eq!(en.calendar_unit("months"), Some("months"));
        assert_eq!(it.calendar_unit("giorni"), Some("days"));
        assert_eq!(it.calendar_unit("navi"), None);
        assert_eq!(en.calendar_unit("hours"), None);
        assert_eq!(en.clock_unit("minutes"), Some("minutes"));
        assert_eq!(it.clock_unit("secondi"), Some("seconds"));
        assert_eq!(it.clock_unit("secondo"), None, "also 'according to'");
        assert_eq!(es::LEXICON.amounts.calendar_unit("años"), Some("years"));
        assert_eq!(es::LEXICON.amounts.clock_unit("horas"), Some("hours"));
    }

    #[test]
    fn count_nouns_exclude_function_words() {
        assert!(can_be_count_noun("accordi", Lang::It));
        assert!(can_be_count_noun("warships", Lang::En));
        assert!(!can_be_count_noun("che", Lang::It));
        assert!(!can_be_count_noun("the", Lang::En));
        assert!(!can_be_count_noun("di", Lang::It));
    }
}
