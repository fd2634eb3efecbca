//! Spelled-out numbers: cardinals, ordinals and collective nouns in Italian and English.
//!
//! Italian writes compounds as one word ("ventitré", "duemilatrecento",
//! "settantacinquesimo"), so those are decomposed morphologically; English compounds span
//! tokens ("twenty-three", "one hundred and three") and are read with a small state machine.
//! An article alone ("a", "un", "una") is never a number: it only counts in front of a
//! collective or scale word ("una dozzina", "a dozen", "un milione").

use super::context::Context;
use super::scale::scale_word;
use crate::model::Lang;

/// A spelled number read from tokens `start..next`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spelled {
    pub value: u64,
    pub next: usize,
    pub ordinal: bool,
    /// "un centinaio", "una decina": about that many.
    pub approx: bool,
    /// A collective noun ("dozzina", "dozen", "couple") that takes "di"/"of" before its noun.
    pub collective: bool,
}

/// Reads a spelled number starting at token `start`.
pub fn read_spelled(context: &Context, start: usize) -> Option<Spelled> {
    match context.lang {
        Lang::It => read_italian(context, start),
        Lang::En => read_english(context, start),
    }
}

fn italian_collective(lower: &str) -> Option<(u64, bool)> {
    Some(match lower {
        "dozzina" => (12, false),
        "decina" => (10, true),
        "ventina" => (20, true),
        "trentina" => (30, true),
        "quarantina" => (40, true),
        "cinquantina" => (50, true),
        "sessantina" => (60, true),
        "settantina" => (70, true),
        "ottantina" => (80, true),
        "novantina" => (90, true),
        "centinaio" => (100, true),
        "migliaio" => (1000, true),
        _ => return None,
    })
}

const ITALIAN_ARTICLES: &[&str] = &[
    "il", "lo", "la", "i", "gli", "le", "l", "al", "allo", "alla", "ai", "agli", "alle", "del",
    "dello", "della", "dei", "degli", "delle", "nel", "nello", "nella", "nei", "negli", "nelle",
    "dal", "dallo", "dalla", "dai", "dagli", "dalle", "sul", "sullo", "sulla", "sui", "sugli",
    "sulle", "un", "una", "suo", "sua", "loro", "questo", "questa",
];

fn preceded_by_article(context: &Context, start: usize) -> bool {
    if start == 0 {
        return false;
    }
    let before = if context.symbol(start - 1) == Some('\'') && start >= 2 {
        start - 2
    } else {
        start - 1
    };
    match context.lang {
        Lang::It => context.word_is(before, ITALIAN_ARTICLES),
        Lang::En => context.word_is(
            before,
            &[
                "the", "a", "its", "their", "his", "her", "our", "my", "your",
            ],
        ),
    }
}

fn read_italian(context: &Context, start: usize) -> Option<Spelled> {
    let lower = context.lower(start)?;
    let word = lower.as_str();
    let simple = |value, next, ordinal| Spelled {
        value,
        next,
        ordinal,
        approx: false,
        collective: false,
    };
    if matches!(word, "un" | "una" | "uno") {
        if context.follows(start + 1) {
            if let Some(next) = context.lower(start + 1) {
                if let Some((value, approx)) = italian_collective(next.as_str()) {
                    return Some(Spelled {
                        value,
                        next: start + 2,
                        ordinal: false,
                        approx,
                        collective: true,
                    });
                }
                if scale_word(next.as_str(), Lang::It).is_some_and(|s| !s.money_only) {
                    return Some(simple(1, start + 1, false));
                }
            }
        }
        let standalone = word == "uno"
            && (context.word(start + 1).is_none()
                || context.word_is(start + 1, &["di", "dei", "degli", "delle", "su"]));
        return standalone.then(|| simple(1, start + 1, false));
    }
    if let Some(value) = italian_cardinal(word) {
        return Some(simple(value, start + 1, false));
    }
    let (value, irregular) = italian_ordinal(word)?;
    if irregular && !preceded_by_article(context, start) {
        return None;
    }
    Some(simple(value, start + 1, true))
}

const ITALIAN_UNITS: [&str; 9] = [
    "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove",
];
const ITALIAN_TEENS: [&str; 10] = [
    "dieci",
    "undici",
    "dodici",
    "tredici",
    "quattordici",
    "quindici",
    "sedici",
    "diciassette",
    "diciotto",
    "diciannove",
];
const ITALIAN_TENS: [(&str, &str); 8] = [
    ("vent", "i"),
    ("trent", "a"),
    ("quarant", "a"),
    ("cinquant", "a"),
    ("sessant", "a"),
    ("settant", "a"),
    ("ottant", "a"),
    ("novant", "a"),
];

/// An Italian cardinal written as one word, 1 … 999 999 ("ventitré", "duemilatrecento").
pub fn italian_cardinal(word: &str) -> Option<u64> {
    if word.len() < 3 {
        return None;
    }
    if let Some(rest) = word.strip_prefix("mille") {
        return Some(1000 + below_thousand_or_zero(rest)?);
    }
    if let Some(position) = word.find("mila") {
        let thousands = below_thousand(&word[..position])?;
        if thousands < 2 {
            return None;
        }
        return Some(thousands * 1000 + below_thousand_or_zero(&word[position + 4..])?);
    }
    below_thousand(word)
}

fn below_thousand_or_zero(word: &str) -> Option<u64> {
    if word.is_empty() {
        Some(0)
    } else {
        below_thousand(word)
    }
}

fn below_thousand(word: &str) -> Option<u64> {
    if let Some(position) = word.find("cent") {
        let hundreds = match &word[..position] {
            "" => 1,
            prefix => {
                let units = ITALIAN_UNITS.iter().position(|&u| u == prefix)? as u64 + 1;
                if units < 2 {
                    return None;
                }
                units
            }
        };
        let rest = &word[position + 4..];
        let remainder = match rest {
            "o" => 0,
            _ => match rest.strip_prefix('o') {
                Some(after) if !after.is_empty() => {
                    below_hundred(after).or_else(|| below_hundred(rest))?
                }
                _ => below_hundred(rest)?,
            },
        };
        return Some(hundreds * 100 + remainder);
    }
    below_hundred(word)
}

fn unit_value(word: &str) -> Option<u64> {
    if word == "tré" {
        return Some(3);
    }
    ITALIAN_UNITS
        .iter()
        .position(|&u| u == word)
        .map(|p| p as u64 + 1)
}

fn below_hundred(word: &str) -> Option<u64> {
    if let Some(units) = unit_value(word) {
        return Some(units);
    }
    if let Some(p) = ITALIAN_TEENS.iter().position(|&t| t == word) {
        return Some(p as u64 + 10);
    }
    for (index, (stem, vowel)) in ITALIAN_TENS.iter().enumerate() {
        let Some(rest) = word.strip_prefix(stem) else {
            continue;
        };
        let tens = (index as u64 + 2) * 10;
        if rest == *vowel {
            return Some(tens);
        }
        // "ventuno", "trentotto" drop the vowel; "ventitré", "trentadue" keep it.
        let units = match rest.strip_prefix(vowel) {
            Some(after) => unit_value(after)?,
            None if rest == "uno" || rest == "otto" => unit_value(rest)?,
            None => return None,
        };
        return Some(tens + units);
    }
    None
}

/// An Italian spelled ordinal: (value, irregular form that needs an article before it).
pub fn italian_ordinal(word: &str) -> Option<(u64, bool)> {
    let stem = word.get(..word.len().checked_sub(1)?)?;
    let irregular = match stem {
        "prim" => Some(1),
        "second" => Some(2),
        "terz" => Some(3),
        "quart" => Some(4),
        "quint" => Some(5),
        "sest" => Some(6),
        "settim" => Some(7),
        "ottav" => Some(8),
        "non" => Some(9),
        "decim" => Some(10),
        _ => None,
    };
    let ending_ok = matches!(word.as_bytes().last(), Some(b'o' | b'a' | b'i' | b'e'));
    if let Some(value) = irregular {
        return ending_ok.then_some((value, true));
    }
    let base = ["esimo", "esima", "esimi", "esime"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))?;
    if base.is_empty() {
        return None;
    }
    ["", "e", "i", "o", "a"].iter().find_map(|vowel| {
        let mut candidate = String::with_capacity(base.len() + 1);
        candidate.push_str(base);
        candidate.push_str(vowel);
        italian_cardinal(&candidate)
            .filter(|&v| v > 10)
            .map(|v| (v, false))
    })
}

/// English words of numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EnglishWord {
    Unit(u64),
    Teen(u64),
    Tens(u64),
    Hundred,
    Thousand,
    OrdinalUnit(u64),
    OrdinalTens(u64),
    OrdinalHundred,
    OrdinalThousand,
}

fn english_word(lower: &str) -> Option<EnglishWord> {
    use EnglishWord::*;
    const UNITS: [&str; 10] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    const TEENS: [&str; 10] = [
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const ORDINAL_UNITS: [&str; 20] = [
        "zeroth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
    ];
    const ORDINAL_TENS: [&str; 8] = [
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
    ];
    let find = |list: &[&str]| list.iter().position(|&w| w == lower).map(|p| p as u64);
    if let Some(p) = find(&UNITS) {
        return Some(Unit(p));
    }
    if let Some(p) = find(&TEENS) {
        return Some(Teen(p + 10));
    }
    if let Some(p) = find(&TENS) {
        return Some(Tens((p + 2) * 10));
    }
    if let Some(p) = find(&ORDINAL_UNITS) {
        return Some(OrdinalUnit(p));
    }
    if let Some(p) = find(&ORDINAL_TENS) {
        return Some(OrdinalTens((p + 2) * 10));
    }
    match lower {
        "hundred" => Some(Hundred),
        "thousand" => Some(Thousand),
        "hundredth" => Some(OrdinalHundred),
        "thousandth" => Some(OrdinalThousand),
        _ => None,
    }
}

fn read_english(context: &Context, start: usize) -> Option<Spelled> {
    use EnglishWord::*;
    let first = context.lower(start)?;
    let mut index = start;
    let mut current: u64 = 0;
    let mut total: u64 = 0;
    // What the previous word was: None at the start, Some(word) after one.
    let mut previous: Option<EnglishWord> = None;
    let mut article = false;
    if matches!(first.as_str(), "a" | "an") {
        let next = context.lower(start + 1)?;
        let next = next.as_str();
        if !context.follows(start + 1) {
            return None;
        }
        match next {
            "dozen" | "couple" => {
                return Some(Spelled {
                    value: if next == "dozen" { 12 } else { 2 },
                    next: start + 2,
                    ordinal: false,
                    approx: false,
                    collective: true,
                });
            }
            "hundred" | "thousand" => {
                article = true;
                current = 1;
                index += 1;
            }
            _ if scale_word(next, Lang::En).is_some_and(|s| !s.money_only) => {
                return Some(Spelled {
                    value: 1,
                    next: start + 1,
                    ordinal: false,
                    approx: false,
                    collective: false,
                });
            }
            _ => return None,
        }
    }
    let mut ordinal = false;
    let mut last_good = None;
    while index < context.len() {
        if index > start && !context.follows(index) {
            break;
        }
        // "twenty-three": a hyphen glued on both sides after a tens word.
        if context.symbol(index) == Some('-')
            && matches!(previous, Some(Tens(_)))
            && context.glued(index)
            && context.glued(index + 1)
        {
            index += 1;
            continue;
        }
        let Some(lower) = context.lower(index) else {
            break;
        };
        let lower = lower.as_str();
        if lower == "and" && matches!(previous, Some(Hundred | Thousand)) {
            index += 1;
            continue;
        }
        let Some(word) = english_word(lower) else {
            break;
        };
        let after_big = matches!(previous, None | Some(Hundred | Thousand));
        let accepted = match word {
            Unit(v) | OrdinalUnit(v) if v < 10 => {
                if after_big || matches!(previous, Some(Tens(_))) {
                    current += v;
                    true
                } else {
                    false
                }
            }
            Teen(v) | OrdinalUnit(v) | Tens(v) | OrdinalTens(v) => {
                if after_big {
                    current += v;
                    true
                } else {
                    false
                }
            }
            Hundred | OrdinalHundred => {
                if (article && previous.is_none()) || matches!(previous, Some(Unit(_) | Teen(_))) {
                    current = current.max(1) * 100;
                    true
                } else {
                    false
                }
            }
            Thousand | OrdinalThousand => {
                if (article && previous.is_none())
                    || matches!(previous, Some(Unit(_) | Teen(_) | Tens(_) | Hundred))
                {
                    total += current.max(1) * 1000;
                    current = 0;
                    true
                } else {
                    false
                }
            }
            Unit(_) => false,
        };
        if !accepted {
            break;
        }
        if matches!(word, Unit(0)) && previous.is_some() {
            break;
        }
        previous = Some(word);
        index += 1;
        last_good = Some(index);
        if matches!(
            word,
            OrdinalUnit(_) | OrdinalTens(_) | OrdinalHundred | OrdinalThousand
        ) {
            ordinal = true;
            break;
        }
    }
    let next = last_good?;
    if ordinal
        && next == start + 1
        && matches!(first.as_str(), "first" | "second")
        && !preceded_by_article(context, start)
    {
        return None;
    }
    Some(Spelled {
        value: total + current,
        next,
        ordinal,
        approx: false,
        collective: false,
    })
}

#[cfg(test)]
mod tests {
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
    fn italian_ordinals() {
        assert_eq!(italian_ordinal("settantacinquesimo"), Some((75, false)));
        assert_eq!(italian_ordinal("ventesimo"), Some((20, false)));
        assert_eq!(italian_ordinal("undicesima"), Some((11, false)));
        assert_eq!(italian_ordinal("centesimo"), Some((100, false)));
        assert_eq!(italian_ordinal("prima"), Some((1, true)));
        assert_eq!(italian_ordinal("terzo"), Some((3, true)));
        assert_eq!(italian_ordinal("esimo"), None);
    }

    #[test]
    fn english_words() {
        assert_eq!(english_word("seventy"), Some(EnglishWord::Tens(70)));
        assert_eq!(english_word("fifth"), Some(EnglishWord::OrdinalUnit(5)));
        assert_eq!(english_word("dozen"), None);
    }
}
