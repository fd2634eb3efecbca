//! What may follow a number: measurement units, time units, and the nouns of counts.
//!
//! Units are normalised to a symbol (`km`, `nmi`, `t`, `bbl`, `MW` …). A count's unit is the
//! noun as written, lower-cased; any word that is not a function word, a verb form common
//! right after a number, or a word of another category can be that noun.

use crate::extract::lang::amounts::AmountWords;
use crate::extract::tokens::context::Context;

/// Unit symbols as written (case-sensitive: `MW`, `t`), the same in every language.
const SYMBOLS: &[&str] = &[
    "km", "kg", "t", "bbl", "nmi", "MW", "GW", "kW", "MWh", "GWh", "TWh", "kWh", "ha", "cm", "mm",
    "m", "mi", "l", "ml", "mph", "km2", "m2", "m3", "hm3",
];

/// Rates written with a slash between two symbols ("330 km/h", "20 l/m2"), as written.
const RATES: &[&str] = &[
    "km/h", "m/s", "l/m2", "mm/h", "kg/m2", "t/ha", "g/km", "kWh/m2",
];

/// A rate whose first symbol is at `at`: "km" "/" "h" glued.
fn per_unit(context: &Context, at: usize) -> Option<(&'static str, usize)> {
    if context.symbol(at + 1) != Some('/') || !context.glued(at + 1) || !context.glued(at + 2) {
        return None;
    }
    context.word(at + 2)?;
    let start = context.tokens[at].start;
    let end = context.tokens[at + 2].end;
    let written = context.text.get(start..end)?;
    RATES
        .iter()
        .find(|&&rate| rate == written)
        .map(|&rate| (rate, at + 2))
}

/// The unit written at `at` (a symbol, the language's unit name, or a degree sign with `C` or
/// `F`): its symbol and last token.
pub fn quantity_unit(context: &Context, at: usize) -> Option<(&'static str, usize)> {
    if matches!(context.symbol(at), Some('°' | 'º')) && context.glued(at + 1) {
        return match context.word(at + 1)? {
            "C" => Some(("°C", at + 1)),
            "F" => Some(("°F", at + 1)),
            _ => None,
        };
    }
    let word = context.word(at)?;
    // "-3 ºC": the ordinal indicator typed for a degree sign, read as one word.
    match word {
        "ºC" => return Some(("°C", at)),
        "ºF" => return Some(("°F", at)),
        _ => {}
    }
    if let Some(&symbol) = SYMBOLS.iter().find(|&&symbol| symbol == word) {
        let amounts = context.lexicon.amounts;
        if amounts.word_symbols.contains(&word) {
            let next = at + 1;
            let ends = !context.follows(next) || context.word(next).is_none();
            if !ends && !context.word_is(next, amounts.of_words) {
                return None;
            }
        }
        return Some(per_unit(context, at).unwrap_or((symbol, at)));
    }
    let lower = context.lower(at)?;
    let lower = lower.as_str();
    context
        .lexicon
        .amounts
        .unit_names
        .iter()
        .filter(|(words, _)| words[0] == lower)
        .filter_map(|&(words, symbol)| Some((symbol, words_at(context, at, words)?)))
        .max_by_key(|&(_, last)| last)
}

/// The last token of `words` read from `at`, each word after the first following a space (an
/// elision apostrophe after a word skipped: "all'ora").
fn words_at(context: &Context, at: usize, words: &[&str]) -> Option<usize> {
    let mut index = at;
    for (position, word) in words.iter().enumerate() {
        if position > 0 {
            index += 1;
            if matches!(context.symbol(index), Some('\'' | '’')) {
                index += 1;
            } else if !context.follows(index) {
                return None;
            }
        }
        if !context.word_is(index, &[word]) {
            return None;
        }
    }
    Some(index)
}

/// A calendar unit word of the text's language → the duration unit (`years`, `months`,
/// `weeks`, `days`).
pub fn duration_unit(context: &Context, lower: &str) -> Option<&'static str> {
    context.lexicon.amounts.calendar_unit(lower)
}

/// Whether a lower-cased word can be the noun of a count ("accordi", "warships"): not a
/// function word or a verb form common right after a number in the language's lexicon.
pub fn can_be_count_noun(lower: &str, words: &AmountWords) -> bool {
    if lower.chars().count() < 3 || lower.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    !words.non_nouns.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lang::lexicon;
    use crate::model::Lang;

    #[test]
    fn quantity_units_normalise() {
        for (text, lang, unit) in [
            ("un tratto di 12 km", Lang::It, "km"),
            ("2.000 tonnellate di grano", Lang::It, "t"),
            ("una centrale da 400 MW", Lang::En, "MW"),
            ("a 12 miglia nautiche dalla costa", Lang::It, "nmi"),
            ("12 miglia dalla costa", Lang::It, "mi"),
            ("temperatures near 41 °C inland", Lang::En, "°C"),
            ("punte di 38°C in pianura", Lang::It, "°C"),
            ("gusts of 140 miles per hour", Lang::En, "mph"),
            ("winds of 140 mph", Lang::En, "mph"),
            ("30 inches of rain", Lang::En, "in"),
            ("a 12,500 acres fire", Lang::En, "acre"),
            ("85 litri per metro quadrato", Lang::It, "l/m2"),
            ("fino a 25 gradi centigradi", Lang::It, "°C"),
            ("treni che viaggiano a 300 km/h", Lang::It, "km/h"),
            ("trains reaching 330 km/h", Lang::En, "km/h"),
            ("vientos de 120 km/h en la costa", Lang::Es, "km/h"),
            ("cayeron 45 l/m2 en una hora", Lang::Es, "l/m2"),
        ] {
            let options = crate::extract::Options {
                lang: crate::model::LangChoice::Fixed(lang),
                date: None,
                country: None,
                body_start: 0,
            };
            let claims = crate::extract::extract(text, &options).claims;
            assert_eq!(claims.len(), 1, "{text}");
            assert_eq!(claims[0].kind, crate::model::ClaimKind::Quantity, "{text}");
            assert_eq!(claims[0].unit.as_deref(), Some(unit), "{text}");
        }
    }

    #[test]
    fn duration_units() {
        use crate::extract::lang::lexicon;
        let (it, en) = (lexicon(Lang::It).amounts, lexicon(Lang::En).amounts);
        assert_eq!(it.calendar_unit("anni"), Some("years"));
        assert_eq!(en.calendar_unit("months"), Some("months"));
        assert_eq!(it.calendar_unit("giorni"), Some("days"));
        assert_eq!(it.calendar_unit("navi"), None);
        assert_eq!(en.calendar_unit("hours"), None);
        assert_eq!(en.clock_unit("minutes"), Some("minutes"));
        assert_eq!(it.clock_unit("secondi"), Some("seconds"));
        assert_eq!(it.clock_unit("secondo"), None, "also 'according to'");
        assert_eq!(
            lexicon(Lang::Es).amounts.calendar_unit("años"),
            Some("years")
        );
        assert_eq!(lexicon(Lang::Es).amounts.clock_unit("horas"), Some("hours"));
    }

    #[test]
    fn count_nouns_exclude_function_words() {
        assert!(can_be_count_noun("accordi", lexicon(Lang::It).amounts));
        assert!(can_be_count_noun("warships", lexicon(Lang::En).amounts));
        assert!(!can_be_count_noun("che", lexicon(Lang::It).amounts));
        assert!(!can_be_count_noun("the", lexicon(Lang::En).amounts));
        assert!(!can_be_count_noun("di", lexicon(Lang::It).amounts));
        assert!(!can_be_count_noun("fell", lexicon(Lang::En).amounts));
        assert!(!can_be_count_noun("cayó", lexicon(Lang::Es).amounts));
        assert!(can_be_count_noun("viviendas", lexicon(Lang::Es).amounts));
    }
}
