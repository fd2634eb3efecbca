//! What may follow a number: measurement units, time units, and the nouns of counts.
//!
//! Units are normalised to a symbol (`km`, `nmi`, `t`, `bbl`, `MW` …). A count's unit is the
//! noun as written, lower-cased; any word that is not a function word, a verb form common
//! right after a number, or a word of another category can be that noun.

use crate::extract::lang::amounts::AmountWords;
use crate::extract::lang::index::contains_word;
use crate::extract::tokens::context::Context;
use rust_decimal::Decimal;

/// Unit symbols as written (case-sensitive: `MW`, `t`), the same in every language.
const SYMBOLS: &[&str] = &[
    "km", "kg", "t", "bbl", "nmi", "MW", "GW", "kW", "MWh", "GWh", "TWh", "kWh", "ha", "cm", "mm",
    "m", "mi", "l", "ml", "mph", "km2", "m2", "m3", "hm3", "hl", "dB", "TW",
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
    // "hit 41C", "104F": news glues the scale's letter to the figure, without the degree sign.
    if context.glued(at) {
        match word {
            "C" => return Some(("°C", at)),
            "F" => return Some(("°F", at)),
            _ => {}
        }
    }
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

/// "John Smith, 34, was charged", "a woman, 27, from Leeds": a whole number from 1 to 119
/// (`unsigned`: written with no sign, alone in its claim), alone between two commas, after a word that is no month, weekday, unit or number word, and
/// followed by a word. `next` is the token after the number.
pub fn age_between_commas(context: &Context, value: Decimal, unsigned: bool, next: usize) -> bool {
    let number_at = next - 1;
    let comma_before = number_at.checked_sub(1);
    let plain = context
        .number(number_at)
        .is_some_and(|n| n.plain && n.digit_count <= 3);
    let age = unsigned && value.is_integer() && (Decimal::ONE..Decimal::from(120)).contains(&value);
    let Some(comma_before) = comma_before.filter(|_| plain && age) else {
        return false;
    };
    let set_off = context.symbol(comma_before) == Some(',')
        && context.glued(comma_before)
        && !context.glued(number_at)
        && context.symbol(next) == Some(',')
        && context.glued(next)
        && context.word(next + 1).is_some()
        && !context.glued(next + 1);
    if !set_off || comma_before == 0 {
        return false;
    }
    let noun = comma_before - 1;
    let Some(lower) = context.lower(noun) else {
        return false;
    };
    let lower = lower.as_str();
    let lexicon = context.lexicon;
    let known = crate::extract::time::lexicon::month_name(lower, context.lang).is_some()
        || crate::extract::time::lexicon::weekday_name(lower, context.lang).is_some()
        || lexicon.amounts.calendar_unit(lower).is_some()
        || lexicon.amounts.clock_unit(lower).is_some()
        || lexicon.numbers.scale_word(lower).is_some();
    lower.chars().all(char::is_alphabetic) && !known
}

/// Whether a lower-cased word can be the noun of a count ("accordi", "warships"): not a
/// function word or a verb form common right after a number in the language's lexicon.
pub fn can_be_count_noun(lower: &str, words: &AmountWords) -> bool {
    if lower.chars().count() < 3 || lower.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    !contains_word(words.non_nouns, lower)
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
            ("the mercury hit 41C in Seville", Lang::En, "°C"),
            ("a high of 104F in Phoenix", Lang::En, "°F"),
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

    /// An adjective between a figure and its noun ("new", "nuovi", "nuevas") leaves the
    /// figure a count of that noun; one that no noun follows leaves it a number.
    #[test]
    fn an_adjective_before_the_counted_noun_is_skipped() {
        for (text, lang, want) in [
            (
                "The county recorded 1,240 new cases.",
                Lang::En,
                Some("cases"),
            ),
            ("The army sent 300 more troops.", Lang::En, Some("troops")),
            (
                "Sono stati registrati 1.240 nuovi casi.",
                Lang::It,
                Some("casi"),
            ),
            (
                "L'azienda farà 300 nuove assunzioni.",
                Lang::It,
                Some("assunzioni"),
            ),
            ("Se crearon 50 nuevos empleos.", Lang::Es, Some("empleos")),
            ("It sold 20 more than last year.", Lang::En, None),
        ] {
            let options = crate::extract::Options {
                lang: crate::model::LangChoice::Fixed(lang),
                ..Default::default()
            };
            let claims = crate::extract::extract(text, &options).claims;
            assert_eq!(claims.len(), 1, "{text}");
            let kind = if want.is_some() {
                crate::model::ClaimKind::Count
            } else {
                crate::model::ClaimKind::Number
            };
            assert_eq!(claims[0].kind, kind, "{text}");
            assert_eq!(claims[0].unit.as_deref(), want, "{text}");
        }
    }

    /// `(kind, unit)` of each claim of an English sentence.
    fn english(text: &str) -> Vec<(crate::model::ClaimKind, Option<String>)> {
        let options = crate::extract::Options {
            lang: crate::model::LangChoice::Fixed(Lang::En),
            ..Default::default()
        };
        crate::extract::extract(text, &options)
            .claims
            .into_iter()
            .map(|c| (c.kind, c.unit))
            .collect()
    }

    #[test]
    fn a_number_set_off_by_commas_after_a_noun_is_an_age() {
        use crate::model::ClaimKind::{Duration, Number};
        let age = (Duration, Some("years".to_string()));
        assert_eq!(
            english("Ana Lopez, 61, of Leeds was cleared."),
            vec![age.clone()]
        );
        assert_eq!(
            english("His sister, 8, and a cousin, 12, escaped."),
            [age.clone(), age]
        );
        // Lists of numbers, a number after a date word, a decimal or one too large are not.
        let number = (Number, None);
        assert_eq!(
            english("Scores of 12, 34, 56 were posted."),
            vec![number.clone(), number.clone(), number]
        );
        assert_eq!(english("Scores were 12, 34, then 56.").len(), 3);
        let after_weekday = english("By Friday, 45, they said, had left.");
        assert!(after_weekday.iter().all(|(kind, _)| *kind != Duration));
        assert_eq!(english("The man, 3.5, left.")[0].0, Number);
        assert_eq!(english("The fund, 250, grew.")[0].0, Number);
        assert_ne!(english("The fund, 25,000 strong, grew.")[0].0, Duration);
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
