//! Digit numbers as written: signs, grouping and decimal separators, exact decimal values.
//!
//! Digits come from an explicit ASCII set (never `char::is_numeric`, never `f64::from_str`), and
//! the language decides which of `.` and `,` is the decimal separator. A string that only reads
//! well in the other convention ("25.05" in Italian text) is read that way with an ambiguity
//! note; a string that reads both ways ("1,234" in Italian, "1.234" in English: one decimal-style
//! separator followed by exactly three digits) keeps the language's reading and records the
//! other one. Spaces, NBSP and U+202F group thousands only between groups of exactly 3 digits.

use crate::extract::lang::lexicon;
use crate::model::Lang;
use rust_decimal::Decimal;

/// At most this many digit groups are looked at in one number.
const MAX_GROUPS: usize = 12;
/// rust_decimal holds 28 significant digits; longer digit strings are not claims.
const MAX_DIGITS: usize = 28;

/// A number literal found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberLit {
    /// Byte span, sign included.
    pub start: usize,
    pub end: usize,
    /// The signed value as written.
    pub value: Decimal,
    /// How many digits were written after the decimal separator.
    pub decimals: u32,
    /// `+`, `-` or `−` when written.
    pub sign: Option<char>,
    /// Only ASCII digits, no sign and no separator (candidates for years, days, ordinals).
    pub plain: bool,
    /// Number of digits written (integer part plus decimals).
    pub digit_count: usize,
    /// A reading the separators leave open, if any.
    pub ambiguity: Option<SeparatorAmbiguity>,
}

/// How the separators of a literal could be read otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct SeparatorAmbiguity {
    pub kind: &'static str,
    pub note: &'static str,
    /// The value under the other reading (signed), if it has one.
    pub alternative: Option<Decimal>,
}

/// A separator between two digit groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Separator {
    Dot,
    Comma,
    Space,
}

/// The (decimal, grouping) separators of a convention.
fn convention(lang: Lang) -> (Separator, Separator) {
    if lexicon(lang).numbers.decimal_comma {
        (Separator::Comma, Separator::Dot)
    } else {
        (Separator::Dot, Separator::Comma)
    }
}

/// Returns the sign character and its byte length if `bytes[pos..]` starts with one.
pub fn sign_at(bytes: &[u8], pos: usize) -> Option<(char, usize)> {
    match bytes.get(pos)? {
        b'+' => Some(('+', 1)),
        b'-' => Some(('-', 1)),
        0xE2 if bytes.get(pos + 1) == Some(&0x88) && bytes.get(pos + 2) == Some(&0x92) => {
            Some(('\u{2212}', 3))
        }
        _ => None,
    }
}

fn separator_at(bytes: &[u8], pos: usize) -> Option<(Separator, usize)> {
    match bytes.get(pos)? {
        b'.' => Some((Separator::Dot, 1)),
        b',' => Some((Separator::Comma, 1)),
        b' ' => Some((Separator::Space, 1)),
        0xC2 if bytes.get(pos + 1) == Some(&0xA0) => Some((Separator::Space, 2)),
        0xE2 if bytes.get(pos + 1) == Some(&0x80) && bytes.get(pos + 2) == Some(&0xAF) => {
            Some((Separator::Space, 3))
        }
        _ => None,
    }
}

fn digit_run(bytes: &[u8], pos: usize) -> usize {
    bytes[pos..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// Parses the number starting at `pos` (a sign or an ASCII digit). `None` when there is no
/// number there or it has more digits than an exact decimal can hold.
pub fn parse_number_at(text: &str, pos: usize, lang: Lang) -> Option<NumberLit> {
    let bytes = text.as_bytes();
    let (sign, sign_len) = match sign_at(bytes, pos) {
        Some((c, len)) => (Some(c), len),
        None => (None, 0),
    };
    let first = pos + sign_len;
    let separator = if lexicon(lang).numbers.decimal_comma {
        b','
    } else {
        b'.'
    };
    if bytes.get(first) == Some(&separator) {
        return leading_point(bytes, pos, sign);
    }
    let first_len = digit_run(bytes, first);
    if first_len == 0 {
        return None;
    }
    // Digit groups as byte ranges, and the separators between them.
    let mut groups = [(0usize, 0usize); MAX_GROUPS];
    let mut seps = [Separator::Dot; MAX_GROUPS];
    groups[0] = (first, first + first_len);
    let mut count = 1;
    let mut at = first + first_len;
    while count < MAX_GROUPS {
        let Some((sep, sep_len)) = separator_at(bytes, at) else {
            break;
        };
        let next = at + sep_len;
        let run = if next < bytes.len() {
            digit_run(bytes, next)
        } else {
            0
        };
        if run == 0 {
            break;
        }
        if sep == Separator::Space {
            // Space grouping: only between groups of three, never after a decimal part.
            let prior_ok = groups[..count]
                .iter()
                .enumerate()
                .all(|(k, &(s, e))| if k == 0 { e - s <= 3 } else { e - s == 3 })
                && seps[..count - 1].iter().all(|&s| s == Separator::Space);
            if run != 3 || !prior_ok {
                break;
            }
        }
        groups[count] = (next, next + run);
        seps[count - 1] = sep;
        count += 1;
        at = next + run;
    }
    let (decimal_sep, group_sep) = convention(lang);
    let (other_decimal, other_group) = (group_sep, decimal_sep);
    let mut lengths = [0usize; MAX_GROUPS];
    for (length, &(s, e)) in lengths.iter_mut().zip(&groups[..count]) {
        *length = e - s;
    }
    let lengths = &lengths[..count];
    let mut ambiguity = None;
    let (used, decimal_at) =
        if let Some(d) = reading(lengths, &seps[..count - 1], decimal_sep, group_sep) {
            (count, d)
        } else if let Some(d) = reading(lengths, &seps[..count - 1], other_decimal, other_group)
            .filter(|_| !continues_list(bytes, pos))
        {
            ambiguity = Some(SeparatorAmbiguity {
                kind: "foreign-convention",
                note: "the separators only make sense in the other language's convention",
                alternative: None,
            });
            (count, d)
        } else {
            // Keep the longest prefix that reads in the language's convention.
            let mut k = count - 1;
            loop {
                if let Some(d) = reading(&lengths[..k], &seps[..k - 1], decimal_sep, group_sep) {
                    break (k, d);
                }
                k -= 1;
            }
        };
    let digit_count: usize = lengths[..used].iter().sum();
    if digit_count > MAX_DIGITS {
        return None;
    }
    let mut mantissa: i128 = 0;
    for &(s, e) in &groups[..used] {
        for &b in &bytes[s..e] {
            mantissa = mantissa * 10 + i128::from(b - b'0');
        }
    }
    let decimals = match decimal_at {
        Some(k) => lengths[k..used].iter().sum::<usize>() as u32,
        None => 0,
    };
    let negative = matches!(sign, Some('-' | '\u{2212}'));
    let signed = if negative { -mantissa } else { mantissa };
    let value = Decimal::try_from_i128_with_scale(signed, decimals).ok()?;
    let end = groups[used - 1].1;
    if ambiguity.is_none() && used == 2 && seps[0] == decimal_sep && lengths[1] == 3 {
        let leading_zero = bytes[groups[0].0] == b'0';
        if !leading_zero {
            ambiguity = Some(SeparatorAmbiguity {
                kind: "thousands-separator",
                note: "three digits after the separator: it may group thousands instead",
                alternative: Decimal::try_from_i128_with_scale(signed, 0).ok(),
            });
        }
    }
    Some(NumberLit {
        start: pos,
        end,
        value,
        decimals,
        sign,
        plain: sign.is_none() && used == 1,
        digit_count,
        ambiguity,
    })
}

/// Whether the literal at `pos` follows a separator glued to digits ("22,24,26,31": the list
/// broke before it), where the other convention's reading would join two items of the list.
fn continues_list(bytes: &[u8], pos: usize) -> bool {
    pos >= 2 && matches!(bytes[pos - 1], b',' | b'.') && bytes[pos - 2].is_ascii_digit()
}

/// A decimal written without its leading zero (".25" in English, ",5" in Italian and Spanish),
/// at `pos` (sign included).
fn leading_point(bytes: &[u8], pos: usize, sign: Option<char>) -> Option<NumberLit> {
    let sign_len = sign.map_or(0, char::len_utf8);
    let digits_at = pos + sign_len + 1;
    let run = digit_run(bytes, digits_at);
    if run == 0 || run > MAX_DIGITS {
        return None;
    }
    let mut mantissa: i128 = 0;
    for &b in &bytes[digits_at..digits_at + run] {
        mantissa = mantissa * 10 + i128::from(b - b'0');
    }
    if matches!(sign, Some('-' | '\u{2212}')) {
        mantissa = -mantissa;
    }
    Some(NumberLit {
        start: pos,
        end: digits_at + run,
        value: Decimal::try_from_i128_with_scale(mantissa, run as u32).ok()?,
        decimals: run as u32,
        sign,
        plain: false,
        digit_count: run,
        ambiguity: None,
    })
}

/// Checks digit groups against a convention. `Some(decimal_group_index)` when valid
/// (`Some(None)` for an integer), `None` when the groups do not read in this convention.
fn reading(
    lengths: &[usize],
    seps: &[Separator],
    decimal_sep: Separator,
    group_sep: Separator,
) -> Option<Option<usize>> {
    if lengths.is_empty() {
        return None;
    }
    let (grouping, decimal) = match seps.iter().position(|&s| s == decimal_sep) {
        Some(k) if k == seps.len() - 1 => (&seps[..k], Some(k + 1)),
        Some(_) => return None,
        None => (seps, None),
    };
    if let Some(&kind) = grouping.first() {
        if kind != group_sep && kind != Separator::Space {
            return None;
        }
        if grouping.iter().any(|&s| s != kind) {
            return None;
        }
        let groups_end = decimal.unwrap_or(lengths.len());
        let groups = &lengths[..groups_end];
        let western = (1..=3).contains(&groups[0]) && groups[1..].iter().all(|&l| l == 3);
        let indian = kind == Separator::Comma && indian_grouping(groups);
        if !(western || indian) {
            return None;
        }
    }
    Some(decimal)
}

/// Indian grouping with commas, "1,23,45,678" (lakh and crore): thousands, then groups of two.
/// At least three groups, so that "12,345" stays Western; no Western number has a two-digit
/// group, so the two readings never compete.
fn indian_grouping(groups: &[usize]) -> bool {
    let [first, middle @ .., last] = groups else {
        return false;
    };
    !middle.is_empty() && (1..=2).contains(first) && middle.iter().all(|&l| l == 2) && *last == 3
}

/// 10^exp as a decimal (exp ≤ 28).
pub fn power_of_ten(exp: u32) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(exp.min(28)), 0)
}

/// Half a unit of the last written digit: 0.5 × 10^-decimals.
pub fn half_unit(decimals: u32) -> Decimal {
    Decimal::from_i128_with_scale(5, decimals.min(27) + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn parse(text: &str, lang: Lang) -> NumberLit {
        parse_number_at(text, 0, lang).expect("a number")
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn italian_decimal_comma_and_dot_grouping() {
        assert_eq!(parse("13,6", Lang::It).value, dec("13.6"));
        assert_eq!(parse("2.300", Lang::It).value, dec("2300"));
        assert_eq!(parse("1.234.567,89", Lang::It).value, dec("1234567.89"));
        assert_eq!(parse("1.234.567,89", Lang::It).decimals, 2);
        assert!(parse("2.300", Lang::It).ambiguity.is_none());
    }

    #[test]
    fn english_decimal_dot_and_comma_grouping() {
        assert_eq!(parse("13.6", Lang::En).value, dec("13.6"));
        assert_eq!(parse("1,234.5", Lang::En).value, dec("1234.5"));
        assert_eq!(parse("2,300", Lang::En).value, dec("2300"));
    }

    #[test]
    fn space_nbsp_and_narrow_nbsp_group_thousands() {
        for text in ["2 300", "2\u{a0}300", "2\u{202f}300"] {
            let n = parse(text, Lang::It);
            assert_eq!(n.value, dec("2300"), "{text:?}");
            assert_eq!(n.end, text.len());
        }
        // Not a group of three: the number stops before the space.
        assert_eq!(parse("2023 20 esercizi", Lang::It).value, dec("2023"));
    }

    #[test]
    fn three_digits_after_decimal_separator_are_ambiguous() {
        let it = parse("1,234", Lang::It);
        assert_eq!(it.value, dec("1.234"));
        let amb = it.ambiguity.expect("ambiguity");
        assert_eq!(amb.alternative, Some(dec("1234")));
        let en = parse("1.234", Lang::En);
        assert_eq!(en.value, dec("1.234"));
        assert_eq!(en.ambiguity.unwrap().alternative, Some(dec("1234")));
        assert!(parse("0,125", Lang::It).ambiguity.is_none());
    }

    #[test]
    fn english_decimal_in_italian_text_reads_as_decimal_with_note() {
        let n = parse("25.05 trilioni", Lang::It);
        assert_eq!(n.value, dec("25.05"));
        assert_eq!(n.ambiguity.unwrap().kind, "foreign-convention");
    }

    #[test]
    fn signs_including_unicode_minus() {
        assert_eq!(parse("+32,7", Lang::It).value, dec("32.7"));
        assert_eq!(parse("-4.5", Lang::En).value, dec("-4.5"));
        let minus = parse("\u{2212}4,5", Lang::It);
        assert_eq!(minus.value, dec("-4.5"));
        assert_eq!(minus.sign, Some('\u{2212}'));
        assert!(!minus.plain);
    }

    #[test]
    fn trailing_punctuation_is_not_part_of_the_number() {
        let n = parse("2023. Poi", Lang::It);
        assert_eq!(n.end, 4);
        assert!(n.plain);
    }

    #[test]
    fn invalid_grouping_keeps_longest_valid_prefix() {
        let n = parse("1.2.3", Lang::En);
        assert_eq!(n.value, dec("1.2"));
        assert_eq!(n.end, 3);
    }

    #[test]
    fn leading_point_and_broken_lists() {
        let n = parse(".25ml", Lang::En);
        assert_eq!((n.value, n.end), (dec("0.25"), 3));
        assert!(parse_number_at(".25", 0, Lang::It).is_none());
        let text = "22,24,26,31";
        assert_eq!(parse_number_at(text, 6, Lang::En).unwrap().value, dec("26"));
        assert_eq!(parse("26,31", Lang::En).value, dec("26.31"));
    }

    #[test]
    fn indian_grouping_reads_lakh_and_crore() {
        assert_eq!(parse("1,23,45,678", Lang::En).value, dec("12345678"));
        assert_eq!(parse("2,50,000", Lang::En).value, dec("250000"));
        // Two groups stay Western; a two-digit last group is no Indian number.
        assert_eq!(parse("12,345", Lang::En).value, dec("12345"));
        assert_eq!(parse("1,23,45", Lang::En).value, dec("1"));
        // Dots never group the Indian way.
        assert_eq!(parse("1.23.45.678", Lang::En).value, dec("1.23"));
    }

    #[test]
    fn too_many_digits_is_not_a_number() {
        assert!(parse_number_at(&"9".repeat(40), 0, Lang::En).is_none());
        assert!(parse_number_at("abc", 0, Lang::En).is_none());
    }

    #[test]
    fn half_unit_follows_written_decimals() {
        assert_eq!(half_unit(0), dec("0.5"));
        assert_eq!(half_unit(2), dec("0.005"));
        assert_eq!(power_of_ten(9), dec("1000000000"));
    }
}
