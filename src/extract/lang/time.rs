//! The shape of one part of a language's lexicon. Words of time: the words that can start a
//! date (month and weekday names, relative days, ordinals), and holidays as a table of names
//! and the rule that dates each.
//!
//! Each language fills one [`TimeWords`] in `lang/<code>/time.rs`; pipeline code reads only
//! the fields, never a language's words. [`start_filter`] indexes the start words at compile
//! time, so the scanner rejects the common words of prose without matching them.

use super::index::FnvMap;
use chrono::Weekday;
use std::sync::OnceLock;

/// See the module documentation.
#[derive(Debug)]
pub struct TimeWords {
    /// The lower-case words besides holidays' first words that can start a word-led date
    /// (read through `start_filter`; listed for the tests that check it).
    #[cfg_attr(not(test), allow(dead_code))]
    pub date_starts: &'static [&'static str],
    /// Lower-case month names and abbreviations, with the month (1–12).
    pub months: &'static [(&'static str, Name<u32>)],
    /// Lower-case weekday names and abbreviations.
    pub weekdays: &'static [(&'static str, Name<Weekday>)],
    /// Holiday names (lower-case words, matched across hyphens and apostrophes) and their day.
    /// When names share a start, the longest that matches wins.
    pub holidays: &'static [Holiday],
    /// [`start_filter`] of `date_starts` and the holidays' first words.
    pub start_filter: WordFilter,
    /// Lower-case words right before a 4-digit number that make it a year even before 1800,
    /// the range plain numbers are read as years in ("nel 1492", "in 1776", "desde 1605"):
    /// prepositions that take a year and not a count.
    pub year_words: &'static [&'static str],
    /// Dates relative to the article, and the tense cues that resolve bare ones.
    pub relative: &'static super::relative::RelativeWords,
    /// `holidays` by first word, built on first use (see [`TimeWords::holidays_starting`]).
    pub holiday_index: HolidayIndex,
    /// Lookup indexes of `months` and `weekdays`.
    pub month_index: super::index::WordIndex<Name<u32>>,
    pub weekday_index: super::index::WordIndex<Name<Weekday>>,
}

/// The holidays of a lexicon by first word.
pub type HolidayIndex = OnceLock<FnvMap<&'static str, Vec<Holiday>>>;

impl TimeWords {
    /// The holidays whose name starts with `lower`.
    pub fn holidays_starting(&self, lower: &str) -> &[Holiday] {
        let index = self.holiday_index.get_or_init(|| {
            let mut index: FnvMap<&'static str, Vec<Holiday>> = FnvMap::default();
            for holiday in self.holidays {
                index.entry(holiday.name[0]).or_default().push(*holiday);
            }
            index
        });
        index.get(lower).map_or(&[], Vec::as_slice)
    }
}

/// A month or weekday name as found: its value, and whether it was an abbreviation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name<T> {
    pub value: T,
    pub abbreviated: bool,
}

/// A full name.
pub const fn full<T: Copy>(value: T) -> Name<T> {
    Name {
        value,
        abbreviated: false,
    }
}

/// An abbreviation.
pub const fn short<T: Copy>(value: T) -> Name<T> {
    Name {
        value,
        abbreviated: true,
    }
}

/// A holiday's name, word by word, and how its day is found in a given year.
#[derive(Debug, Clone, Copy)]
pub struct Holiday {
    pub name: &'static [&'static str],
    pub rule: HolidayRule,
}

/// How a holiday's day is found in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayRule {
    /// Month and day.
    Fixed(u32, u32),
    /// Days after (or before) Western Easter Sunday.
    Easter(i64),
    /// Days after (or before) Orthodox Easter Sunday.
    Orthodox(i64),
    /// The n-th weekday of a month, plus a number of days (Black Friday).
    Nth(u32, Weekday, u32, i64),
    LastWeekday(u32, Weekday),
    /// A fixed day moved off the weekend: by the given days when it falls on a Saturday or
    /// a Sunday (Boss's Day, King's Day).
    Observed(u32, u32, i64, i64),
    /// A holiday of a lunar or lunisolar calendar, by its id in the bundled table of dates
    /// (`src/reference/data/holidays.tsv`).
    Table(&'static str),
}

/// Shorthand for a lexicon's holiday table.
pub const fn holiday(name: &'static [&'static str], rule: HolidayRule) -> Holiday {
    Holiday { name, rule }
}

const FILTER_BITS: usize = 8192;
/// Longer words never start a date.
pub const MAX_START_LEN: usize = 24;

/// A two-hash Bloom filter over words (see [`start_filter`]).
#[derive(Debug)]
pub struct WordFilter([u64; FILTER_BITS / 64]);

const fn fold(byte: u8) -> u8 {
    byte.to_ascii_lowercase()
}

/// The filter's two hashes of a word as written: ASCII letters folded to lower case, a
/// non-ASCII last byte taken as 0 (so "Lunedì" and "LUNEDÌ" hash alike).
const fn word_hashes(word: &[u8]) -> (usize, usize) {
    let len = word.len();
    let second = if len > 1 { fold(word[1]) } else { 0 };
    let before_last = if len > 2 { fold(word[len - 2]) } else { 0 };
    let before_last = if before_last >= 0x80 { 0 } else { before_last };
    let last = fold(word[len - 1]);
    let last = if last >= 0x80 { 0 } else { last };
    let mut hash = (len as u32).wrapping_mul(0x9E37_79B9);
    hash = (hash ^ fold(word[0]) as u32).wrapping_mul(0x85EB_CA6B);
    hash = (hash ^ second as u32).wrapping_mul(0xC2B2_AE35);
    hash = (hash ^ last as u32).wrapping_mul(0x27D4_EB2F);
    hash = (hash ^ before_last as u32).wrapping_mul(0x1656_67B1);
    (
        (hash >> 19) as usize % FILTER_BITS,
        (hash & 0x1FFF) as usize % FILTER_BITS,
    )
}

const fn insert(mut table: [u64; FILTER_BITS / 64], word: &str) -> [u64; FILTER_BITS / 64] {
    let (a, b) = word_hashes(word.as_bytes());
    table[a / 64] |= 1 << (a % 64);
    table[b / 64] |= 1 << (b % 64);
    table
}

/// The filter of `starts` and the first word of every holiday, built at compile time: a
/// collision only costs a lookup, and most words of prose are never lower-cased or matched.
pub const fn start_filter(starts: &[&str], holidays: &[Holiday]) -> WordFilter {
    let mut table = [0u64; FILTER_BITS / 64];
    let mut i = 0;
    while i < starts.len() {
        table = insert(table, starts[i]);
        i += 1;
    }
    let mut i = 0;
    while i < holidays.len() {
        table = insert(table, holidays[i].name[0]);
        i += 1;
    }
    WordFilter(table)
}

impl WordFilter {
    /// Whether the word as written may be one of the filter's words.
    pub fn may_contain(&self, word: &[u8]) -> bool {
        if word.is_empty() || word.len() > MAX_START_LEN {
            return false;
        }
        // A word that opens with a non-ASCII letter ("Último") is not folded by the hash:
        // let it through to the matcher, which lower-cases properly.
        if word[0] >= 0x80 || word.get(1).is_some_and(|&byte| byte >= 0x80) {
            return true;
        }
        let (a, b) = word_hashes(word);
        self.0[a / 64] & (1 << (a % 64)) != 0 && self.0[b / 64] & (1 << (b % 64)) != 0
    }
}
