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
    let digits = |at: usize| {
        bytes[at.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
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
    let value = whole + fraction;
    let half = Decimal::new(5, decimals + 1);
    let last = last_token_ending(context, index, end)?;
    let mut found = Found::exact(ClaimKind::Duration, start, end, index, 0);
    found.value = value;
    found.low = value - half;
    found.high = value + half;
    found.unit = Some("seconds".to_string());
    Some((found, last + 1))
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
