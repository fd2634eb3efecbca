//! The lexicon of English number words: cardinals, ordinals, "hundred"/"thousand" and the
//! scale words (million … trillion, lakh, crore), with tens glued to units ("twentyfive",
//! "seventythird") read as one word.

/// English words of numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnglishWord {
    Unit(u64),
    Teen(u64),
    Tens(u64),
    Hundred,
    Thousand,
    /// million, billion, trillion, lakh, crore: the multiplier.
    Scale(u64),
    OrdinalUnit(u64),
    OrdinalTens(u64),
    OrdinalHundred,
    OrdinalThousand,
}

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

fn position(list: &[&str], lower: &str) -> Option<u64> {
    list.iter().position(|&w| w == lower).map(|p| p as u64)
}

pub fn english_word(lower: &str) -> Option<EnglishWord> {
    use EnglishWord::*;
    // Every English number word starts with one of these letters and has 3–14 letters.
    let quick_reject = !(3..=14).contains(&lower.len())
        || !matches!(
            lower.as_bytes()[0],
            b'z' | b'o'
                | b't'
                | b'f'
                | b's'
                | b'e'
                | b'n'
                | b'h'
                | b'm'
                | b'b'
                | b'l'
                | b'c'
                | b'k'
        );
    if quick_reject {
        return None;
    }
    if let Some(p) = position(&UNITS, lower) {
        return Some(Unit(p));
    }
    if let Some(p) = position(&TEENS, lower) {
        return Some(Teen(p + 10));
    }
    if let Some(p) = position(&TENS, lower) {
        return Some(Tens((p + 2) * 10));
    }
    if let Some(p) = position(&ORDINAL_UNITS, lower) {
        return Some(OrdinalUnit(p));
    }
    if let Some(p) = position(&ORDINAL_TENS, lower) {
        return Some(OrdinalTens((p + 2) * 10));
    }
    match lower {
        "hundred" => return Some(Hundred),
        "thousand" => return Some(Thousand),
        "hundredth" => return Some(OrdinalHundred),
        "thousandth" => return Some(OrdinalThousand),
        "nought" | "naught" | "nil" => return Some(Unit(0)),
        "million" => return Some(Scale(1_000_000)),
        "billion" => return Some(Scale(1_000_000_000)),
        "trillion" => return Some(Scale(1_000_000_000_000)),
        "lakh" | "lakhs" | "lac" | "lacs" | "lkh" => return Some(Scale(100_000)),
        "crore" | "crores" | "krore" | "krores" => return Some(Scale(10_000_000)),
        _ => {}
    }
    // "twentyfive", "seventythird": a tens word glued to a unit.
    let tens = TENS.iter().position(|t| lower.starts_with(t))?;
    let tens_value = (tens as u64 + 2) * 10;
    let rest = &lower[TENS[tens].len()..];
    if let Some(unit) = position(&UNITS, rest).filter(|&u| u > 0) {
        return Some(Teen(tens_value + unit));
    }
    position(&ORDINAL_UNITS[..10], rest)
        .filter(|&u| u > 0)
        .map(|unit| OrdinalUnit(tens_value + unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words() {
        assert_eq!(english_word("seventy"), Some(EnglishWord::Tens(70)));
        assert_eq!(english_word("fifth"), Some(EnglishWord::OrdinalUnit(5)));
        assert_eq!(english_word("dozen"), None);
        assert_eq!(
            english_word("seventythird"),
            Some(EnglishWord::OrdinalUnit(73))
        );
        assert_eq!(english_word("twentyfive"), Some(EnglishWord::Teen(25)));
        assert_eq!(english_word("naught"), Some(EnglishWord::Unit(0)));
        assert_eq!(english_word("crore"), Some(EnglishWord::Scale(10_000_000)));
        assert_eq!(english_word("twentysomething"), None);
    }
}
