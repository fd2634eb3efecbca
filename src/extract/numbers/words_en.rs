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

fn position(list: &[&str], lower: &str) -> Option<u64> {
    list.iter().position(|&w| w == lower).map(|p| p as u64)
}

pub fn english_word(lower: &str) -> Option<EnglishWord> {
    use EnglishWord::*;
    if !(3..=14).contains(&lower.len()) {
        return None;
    }
    if let Some(word) = lexicon(lower) {
        return Some(word);
    }
    if lower.len() < 8 || !matches!(lower.as_bytes()[0], b't' | b'f' | b's' | b'e' | b'n') {
        return None;
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

/// One word of the lexicon, dispatched on its first letter so that most words are rejected
/// after a handful of length comparisons.
fn lexicon(lower: &str) -> Option<EnglishWord> {
    use EnglishWord::*;
    Some(match lower.as_bytes().first()? {
        b'b' => match lower {
            "billion" => Scale(1_000_000_000),
            _ => return None,
        },
        b'c' => match lower {
            "crore" | "crores" => Scale(10_000_000),
            _ => return None,
        },
        b'e' => match lower {
            "eight" => Unit(8),
            "eighteen" => Teen(18),
            "eighteenth" => OrdinalUnit(18),
            "eighth" => OrdinalUnit(8),
            "eightieth" => OrdinalTens(80),
            "eighty" => Tens(80),
            "eleven" => Teen(11),
            "eleventh" => OrdinalUnit(11),
            _ => return None,
        },
        b'f' => match lower {
            "fifteen" => Teen(15),
            "fifteenth" => OrdinalUnit(15),
            "fifth" => OrdinalUnit(5),
            "fiftieth" => OrdinalTens(50),
            "fifty" => Tens(50),
            "first" => OrdinalUnit(1),
            "five" => Unit(5),
            "fortieth" => OrdinalTens(40),
            "forty" => Tens(40),
            "four" => Unit(4),
            "fourteen" => Teen(14),
            "fourteenth" => OrdinalUnit(14),
            "fourth" => OrdinalUnit(4),
            _ => return None,
        },
        b'h' => match lower {
            "hundred" => Hundred,
            "hundredth" => OrdinalHundred,
            _ => return None,
        },
        b'k' => match lower {
            "krore" | "krores" => Scale(10_000_000),
            _ => return None,
        },
        b'l' => match lower {
            "lac" | "lacs" | "lakh" | "lakhs" | "lkh" => Scale(100_000),
            _ => return None,
        },
        b'm' => match lower {
            "million" => Scale(1_000_000),
            _ => return None,
        },
        b'n' => match lower {
            "naught" | "nil" | "nought" => Unit(0),
            "nine" => Unit(9),
            "nineteen" => Teen(19),
            "nineteenth" => OrdinalUnit(19),
            "ninetieth" => OrdinalTens(90),
            "ninety" => Tens(90),
            "ninth" => OrdinalUnit(9),
            _ => return None,
        },
        b'o' => match lower {
            "one" => Unit(1),
            _ => return None,
        },
        b's' => match lower {
            "second" => OrdinalUnit(2),
            "seven" => Unit(7),
            "seventeen" => Teen(17),
            "seventeenth" => OrdinalUnit(17),
            "seventh" => OrdinalUnit(7),
            "seventieth" => OrdinalTens(70),
            "seventy" => Tens(70),
            "six" => Unit(6),
            "sixteen" => Teen(16),
            "sixteenth" => OrdinalUnit(16),
            "sixth" => OrdinalUnit(6),
            "sixtieth" => OrdinalTens(60),
            "sixty" => Tens(60),
            _ => return None,
        },
        b't' => match lower {
            "ten" => Teen(10),
            "tenth" => OrdinalUnit(10),
            "third" => OrdinalUnit(3),
            "thirteen" => Teen(13),
            "thirteenth" => OrdinalUnit(13),
            "thirtieth" => OrdinalTens(30),
            "thirty" => Tens(30),
            "thousand" => Thousand,
            "thousandth" => OrdinalThousand,
            "three" => Unit(3),
            "trillion" => Scale(1_000_000_000_000),
            "twelfth" => OrdinalUnit(12),
            "twelve" => Teen(12),
            "twentieth" => OrdinalTens(20),
            "twenty" => Tens(20),
            "two" => Unit(2),
            _ => return None,
        },
        b'z' => match lower {
            "zero" => Unit(0),
            "zeroth" => OrdinalUnit(0),
            _ => return None,
        },
        _ => return None,
    })
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
