//! Clock times: "alle 14.30", "a las 9.15 horas", "at 9:15 a.m.", "7.45pm". A time of day is a
//! `time` claim, never the decimal its digits also read as.
//!
//! In: a number token. Out: the claim, with `value` the hour in decimal (14.5 for 14:30) and
//! `date` the ISO time `T14:30`. Digits with a dot are a time only after a clock cue of the
//! language ("alle", "a las") or before a clock suffix ("a.m.", "horas"); with a colon, also
//! after the language's colon cues ("at 9:15"). Hours run 0–23 and minutes 00–59.

use crate::extract::found::Found;
use crate::extract::tokens::context::Context;
use crate::model::ClaimKind;
use rust_decimal::Decimal;

/// Reads a clock time whose hour is the number token `index`.
pub fn read_clock(context: &Context, index: usize) -> Option<(Found, usize)> {
    let number = context.number(index)?;
    if number.sign.is_some() {
        return None;
    }
    let bytes = context.text.as_bytes();
    let start = number.start;
    let hour_len = bytes[start..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if !(1..=2).contains(&hour_len) {
        return None;
    }
    let separator = *bytes.get(start + hour_len)?;
    if !matches!(separator, b'.' | b':') {
        return None;
    }
    let minutes_at = start + hour_len + 1;
    let minutes = bytes.get(minutes_at..minutes_at + 2)?;
    if !minutes.iter().all(u8::is_ascii_digit)
        || bytes.get(minutes_at + 2).is_some_and(|b| {
            b.is_ascii_digit()
                || *b == b'.' && bytes.get(minutes_at + 3).is_some_and(u8::is_ascii_digit)
        })
    {
        return None;
    }
    let mut hour: u32 = context.text[start..start + hour_len].parse().ok()?;
    let minute: u32 = context.text[minutes_at..minutes_at + 2].parse().ok()?;
    if hour > 23 || minute > 59 {
        return None;
    }
    let words = &context.lexicon.time.relative.clock;
    let time_end = minutes_at + 2;
    let last = last_token_ending(context, index, time_end)?;
    let cue = index > 0
        && context.follows(index)
        && (context.word_is(index - 1, words.cues)
            || (separator == b':' && context.word_is(index - 1, words.colon_cues)));
    let suffix = suffix_after(context, time_end, words.suffixes);
    if !cue && suffix.is_none() {
        return None;
    }
    let mut end = time_end;
    let mut next = last + 1;
    if let Some((suffix_end, afternoon)) = suffix {
        if afternoon && hour < 12 {
            hour += 12;
        }
        end = suffix_end;
        next = context
            .tokens
            .iter()
            .skip(last + 1)
            .position(|t| t.start >= suffix_end)
            .map_or(context.len(), |p| p + last + 1);
    }
    let value = Decimal::from(hour) + Decimal::from(minute) / Decimal::from(60);
    let value = value.round_dp(6).normalize();
    let mut found = Found::exact(ClaimKind::Time, start, end, index, 0);
    found.value = value;
    found.low = value;
    found.high = value;
    found.date = Some(format!("T{hour:02}:{minute:02}"));
    Some((found, next))
}

/// A race or running time written with colons, "2:09:14" (hours, minutes, seconds, with
/// optional decimals "2:09:14.5"): a duration in seconds, precise to half its last digit.
/// Written the same in every language, so no lexicon is asked.
pub fn read_race_time(context: &Context, index: usize) -> Option<(Found, usize)> {
    let number = context.number(index)?;
    if number.sign.is_some() {
        return None;
    }
    let bytes = context.text.as_bytes();
    let start = number.start;
    let digits = |at: usize| digits_at(bytes, at);
    let hour_len = digits(start);
    if !(1..=2).contains(&hour_len) || bytes.get(start + hour_len) != Some(&b':') {
        return None;
    }
    let minutes_at = start + hour_len + 1;
    if digits(minutes_at) != 2 || bytes.get(minutes_at + 2) != Some(&b':') {
        return None;
    }
    let seconds_at = minutes_at + 3;
    if digits(seconds_at) != 2 {
        return None;
    }
    let mut end = seconds_at + 2;
    let mut decimals = 0u32;
    if matches!(bytes.get(end), Some(b'.' | b',')) && (1..=3).contains(&digits(end + 1)) {
        decimals = digits(end + 1) as u32;
        end += 1 + decimals as usize;
    }
    if bytes
        .get(end)
        .is_some_and(|b| b.is_ascii_digit() || *b == b':')
    {
        return None;
    }
    let field = |from: usize, len: usize| context.text[from..from + len].parse::<u32>().ok();
    let (hours, minutes, seconds) = (
        field(start, hour_len)?,
        field(minutes_at, 2)?,
        field(seconds_at, 2)?,
    );
    if minutes > 59 || seconds > 59 {
        return None;
    }
    let whole = Decimal::from(hours * 3600 + minutes * 60 + seconds);
    let fraction = if decimals > 0 {
        let digits: i64 = context.text[seconds_at + 3..end].parse().ok()?;
        Decimal::new(digits, decimals)
    } else {
        Decimal::ZERO
    };
    seconds_claim(context, index, start, end, whole + fraction, decimals)
}

/// A duration of `value` seconds written in bytes `start..end` from token `index`, precise to
/// half its last digit.
fn seconds_claim(
    context: &Context,
    index: usize,
    start: usize,
    end: usize,
    value: Decimal,
    decimals: u32,
) -> Option<(Found, usize)> {
    let half = Decimal::new(5, decimals + 1);
    let last = last_token_ending(context, index, end)?;
    let mut found = Found::exact(ClaimKind::Duration, start, end, index, 0);
    found.value = value;
    found.low = value - half;
    found.high = value + half;
    found.unit = Some("seconds".to_string());
    Some((found, last + 1))
}

/// A race time written with marks, as sports pages in Italian and Spanish write them:
/// "2h09'14\"" (hours, minutes, seconds), "58'42\"" (minutes and seconds), "9\"84" and
/// "10”02" (seconds and hundredths). The minute mark is `'`, `’` or `′`, the second mark `"`,
/// `”` or `″`. A minute alone ("al 58'") is a match minute, not a time, and is left alone;
/// languages that write heights this way ("5'11\"") say so in their lexicon.
pub fn read_marked_time(context: &Context, index: usize) -> Option<(Found, usize)> {
    let number = context.number(index)?;
    if !number.plain || !context.lexicon.time.relative.clock.race_marks {
        return None;
    }
    let bytes = context.text.as_bytes();
    let start = number.start;
    let digits = |at: usize| digits_at(bytes, at);
    let mark = |at: usize, marks: &[&[u8]]| {
        marks
            .iter()
            .find(|m| bytes.get(at..at + m.len()) == Some(m))
            .map(|m| m.len())
    };
    const MINUTE: &[&[u8]] = &[b"'", "’".as_bytes(), "′".as_bytes()];
    const SECOND: &[&[u8]] = &[b"\"", "”".as_bytes(), "″".as_bytes()];
    let field = |from: usize, len: usize| context.text[from..from + len].parse::<u32>().ok();
    let first_len = digits(start);
    let mut at = start + first_len;
    let mut hours = 0;
    if bytes.get(at) == Some(&b'h') && (1..=2).contains(&first_len) && digits(at + 1) == 2 {
        hours = field(start, first_len)?;
        at += 1;
    } else {
        at = start;
    }
    let minutes_len = digits(at);
    let minute_mark = mark(at + minutes_len, MINUTE);
    let (minutes, seconds_at) = match minute_mark {
        Some(len) if (1..=2).contains(&minutes_len) && digits(at + minutes_len + len) == 2 => {
            (field(at, minutes_len)?, at + minutes_len + len)
        }
        _ if hours > 0 => return None,
        _ => (0, at),
    };
    let seconds_len = digits(seconds_at);
    if !(1..=2).contains(&seconds_len) {
        return None;
    }
    let seconds = field(seconds_at, seconds_len)?;
    let second_mark = mark(seconds_at + seconds_len, SECOND)?;
    let mut end = seconds_at + seconds_len + second_mark;
    let hundredths_len = digits(end);
    let with_minutes = hours > 0 || minute_mark.is_some();
    if !with_minutes && hundredths_len != 2 {
        return None;
    }
    if hundredths_len > 3 || (with_minutes && seconds_len != 2) || minutes > 59 || seconds > 59 {
        return None;
    }
    let fraction = if hundredths_len > 0 {
        let value: i64 = context.text[end..end + hundredths_len].parse().ok()?;
        end += hundredths_len;
        Decimal::new(value, hundredths_len as u32)
    } else {
        Decimal::ZERO
    };
    let whole = Decimal::from(hours * 3600 + minutes * 60 + seconds);
    seconds_claim(
        context,
        index,
        start,
        end,
        whole + fraction,
        hundredths_len as u32,
    )
}

/// How many ASCII digits run from byte `at` (0 past the end).
fn digits_at(bytes: &[u8], at: usize) -> usize {
    bytes[at.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// The token from `index` on that ends at byte `end`.
fn last_token_ending(context: &Context, index: usize, end: usize) -> Option<usize> {
    (index..context.len()).find(|&i| context.tokens[i].end == end)
}

/// A clock suffix right after byte `at` (a space allowed): its end and whether it is an
/// afternoon one ("p.m.").
fn suffix_after(context: &Context, at: usize, suffixes: &[(&str, bool)]) -> Option<(usize, bool)> {
    let rest = context.text.get(at..)?;
    let trimmed = rest.strip_prefix(' ').unwrap_or(rest);
    let offset = at + (rest.len() - trimmed.len());
    suffixes.iter().find_map(|&(suffix, afternoon)| {
        let head = trimmed.get(..suffix.len())?;
        let ends_word = trimmed[suffix.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        (head.eq_ignore_ascii_case(suffix) && ends_word)
            .then_some((offset + suffix.len(), afternoon))
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract};
    use crate::model::{ClaimKind, Lang, LangChoice};

    fn durations(text: &str, lang: Lang) -> Vec<f64> {
        let options = Options {
            lang: LangChoice::Fixed(lang),
            date: None,
            country: None,
            body_start: 0,
        };
        extract(text, &options)
            .claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Duration)
            .map(|c| c.value)
            .collect()
    }

    #[test]
    fn marked_race_times_where_the_language_writes_them() {
        assert_eq!(
            durations("in 2h09'14\" e in 9\"84", Lang::It),
            [7754.0, 9.84]
        );
        assert_eq!(durations("en 29′48″", Lang::Es), [1788.0]);
        // A match minute alone, and an English height in feet and inches, are no times.
        assert!(durations("gol al 58'", Lang::It).is_empty());
        assert!(durations("the 6'10\" centre", Lang::En).is_empty());
    }
}
