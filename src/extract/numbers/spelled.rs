//! Spelled-out numbers: cardinals, ordinals and collective nouns; Italian here, English in
//! `numbers/spelled_en.rs`.
//!
//! Italian writes compounds as one word ("ventitré", "duemilatrecento",
//! "settantacinquesimo"), so those are decomposed morphologically; English compounds span
//! tokens ("twenty-three", "one hundred and three") and are read with a small state machine.
//! An article alone ("a", "un", "una") is never a number: it only counts in front of a
//! collective or scale word ("una dozzina", "a dozen", "un milione").

use super::fraction::italian_fraction;
use crate::extract::tokens::context::Context;
use crate::model::Lang;
use rust_decimal::Decimal;

/// A spelled number read from tokens `start..next`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spelled {
    pub value: Decimal,
    /// Decimals written ("point five" has one), for the precision interval.
    pub decimals: u32,
    /// A fraction in words: the value is exact (precision is the value itself).
    pub exact: bool,
    pub next: usize,
    pub ordinal: bool,
    /// "un centinaio", "una decina": about that many.
    pub approx: bool,
    /// A collective noun ("dozzina", "dozen", "couple") that takes "di"/"of" before its noun.
    pub collective: bool,
}

impl Spelled {
    /// A plain integer read up to token `next`.
    pub fn integer(value: u64, next: usize) -> Spelled {
        Spelled {
            value: Decimal::from(value),
            decimals: 0,
            exact: false,
            next,
            ordinal: false,
            approx: false,
            collective: false,
        }
    }
}

/// Reads a spelled number starting at token `start`.
/// `lower` is the word at `start`, lower-cased.
pub fn read_spelled(context: &Context, start: usize, lower: &str) -> Option<Spelled> {
    match context.lang {
        Lang::It => read_italian(context, start, lower),
        Lang::En => super::spelled_en::read_english(context, start, lower),
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

pub(super) fn preceded_by_article(context: &Context, start: usize) -> bool {
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

/// The first three bytes of every word of three or more letters that [`read_italian`] can
/// accept: "una"/"uno", "mezza"/"mezzo", "zero", the stems of the cardinals (units, teens,
/// tens, "cento", "mille", and "tré"), from which compounds, elided tens ("settant'") and
/// "-esimo" ordinals are all built, and the irregular ordinals ("prima", "terzo", "nono" …).
/// Most words of prose ("di", "della", "per", "sono") fail this test, so they skip the
/// morphological decomposition below.
pub(crate) const ITALIAN_NUMBER_STARTS: [&[u8; 3]; 28] = [
    b"uno", b"una", b"due", b"tre", b"tr\xC3", b"qua", b"cin", b"sei", b"set", b"ott", b"nov",
    b"die", b"und", b"dod", b"qui", b"sed", b"dic", b"ven", b"ses", b"cen", b"mil", b"zer", b"mez",
    b"pri", b"sec", b"ter", b"non", b"dec",
];

/// Whether `word` (lower-case) starts like an Italian number word: "un", or one of
/// [`ITALIAN_NUMBER_STARTS`].
fn may_be_italian_number(word: &str) -> bool {
    match word.as_bytes() {
        [first, second, third, ..] => ITALIAN_NUMBER_STARTS.contains(&&[*first, *second, *third]),
        bytes => bytes == b"un",
    }
}

fn read_italian(context: &Context, start: usize, word: &str) -> Option<Spelled> {
    if !may_be_italian_number(word) {
        return None;
    }
    let simple = |value, next, ordinal| Spelled {
        ordinal,
        ..Spelled::integer(value, next)
    };
    if matches!(word, "un" | "una" | "uno") {
        if context.follows(start + 1) {
            if let Some(next) = context.lower(start + 1) {
                if let Some((value, approx)) = italian_collective(next.as_str()) {
                    return Some(Spelled {
                        approx,
                        collective: true,
                        ..Spelled::integer(value, start + 2)
                    });
                }
                if context
                    .lexicon
                    .numbers
                    .scale_word(next.as_str())
                    .is_some_and(|s| !s.money_only)
                {
                    return Some(simple(1, start + 1, false));
                }
            }
        }
        // "un quinto", "uno su tre".
        if let Some(fraction) = italian_fraction(context, 1, start + 1) {
            return Some(fraction);
        }
        let standalone = word == "uno"
            && (context.word(start + 1).is_none()
                || context.word_is(start + 1, &["di", "dei", "degli", "delle", "su"]));
        return standalone.then(|| simple(1, start + 1, false));
    }
    if matches!(word, "mezza" | "mezzo") && context.word_is(start + 1, &["dozzina"]) {
        return Some(Spelled {
            collective: true,
            ..Spelled::integer(6, start + 2)
        });
    }
    let cardinal = italian_cardinal(word).or_else(|| (word == "zero").then_some(0));
    if let Some(value) = cardinal {
        if let Some(fraction) = italian_fraction(context, value, start + 1) {
            return Some(fraction);
        }
        return Some(simple(value, start + 1, false));
    }
    // "settant'anni": a tens word elided before an apostrophe.
    if let Some(tens) = elided_tens(word) {
        let apostrophe = matches!(context.symbol(start + 1), Some('\'' | '’'));
        if apostrophe && context.glued(start + 1) {
            return Some(simple(tens, start + 1, false));
        }
    }
    let (value, irregular) = italian_ordinal(word)?;
    if irregular
        && !preceded_by_article(context, start)
        && !ordinal_by_position(context, start, word)
    {
        return None;
    }
    Some(simple(value, start + 1, true))
}

fn elided_tens(word: &str) -> Option<u64> {
    ITALIAN_TENS
        .iter()
        .position(|(stem, _)| *stem == word)
        .map(|p| (p as u64 + 2) * 10)
}

/// An irregular ordinal ("quinto", "prima") without an article: an ordinal when it stands
/// alone (a heading, a list item) or before a lower-case noun ("prima classe"). "secondo" is
/// "according to" and "prima" is "before" before "di"/"che" and articles, which are no nouns.
fn ordinal_by_position(context: &Context, start: usize, word: &str) -> bool {
    let before_is_word = start > 0 && context.word(start - 1).is_some() && context.follows(start);
    let after = start + 1;
    let after_is_word = context.word(after).is_some() && context.follows(after);
    if !before_is_word && !after_is_word && context.tokens.get(after).is_none() {
        return true;
    }
    if matches!(word, "secondo") || !after_is_word || context.capitalised(after) {
        return false;
    }
    context.lower(after).is_some_and(|noun| {
        let noun = noun.as_str();
        crate::extract::amounts::units::can_be_count_noun(noun, context.lexicon.amounts)
            && !matches!(noun, "ancora" | "possibile")
    })
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
    // Every Italian number word starts with one of these letters.
    if word.len() < 3
        || !matches!(
            word.as_bytes()[0],
            b'u' | b'd' | b't' | b'q' | b'c' | b's' | b'o' | b'n' | b'v' | b'm'
        )
    {
        return None;
    }
    if let Some(rest) = word.strip_prefix("mille") {
        return Some(1000 + below_thousand_or_zero(rest)?);
    }
    if let Some(position) = find(word, b"mila") {
        let thousands = below_thousand(&word[..position])?;
        if thousands < 2 {
            return None;
        }
        return Some(thousands * 1000 + below_thousand_or_zero(&word[position + 4..])?);
    }
    below_thousand(word)
}

/// Byte position of a short ASCII needle in a short word.
fn find(word: &str, needle: &[u8]) -> Option<usize> {
    word.as_bytes()
        .windows(needle.len())
        .position(|w| w == needle)
}

fn below_thousand_or_zero(word: &str) -> Option<u64> {
    if word.is_empty() {
        Some(0)
    } else {
        below_thousand(word)
    }
}

fn below_thousand(word: &str) -> Option<u64> {
    if let Some(position) = find(word, b"cent") {
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
    if word.len() < 4 {
        return None;
    }
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

#[cfg(test)]
#[path = "spelled_tests.rs"]
mod tests;
