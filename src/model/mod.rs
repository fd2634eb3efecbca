//! Plain domain types shared by every layer: languages, claims, relations, sentences and the
//! result of one extraction.
//!
//! These types are the contract between `extract`, `store`, the CLI renderers and (later) the
//! rule engine and the draft differ. Their serde form *is* claimlint's JSON output, so field
//! names and enum spellings here are a public interface documented in README.md: add fields,
//! never rename them.

mod country;
mod period;
mod relation;
pub use country::Country;
pub use period::{DatePeriod, DatePrecision};
pub use relation::{Cue, Direction, Relation, RelationKind, roles_of};

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The language an article is written in. It decides the number convention (`13,6` vs `13.6`)
/// and the vocabulary (scale words, currency names, months).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    It,
    En,
    Es,
}

impl Lang {
    /// Every language claimlint reads, in a stable order.
    pub const ALL: [Lang; 3] = [Lang::It, Lang::En, Lang::Es];

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
            Lang::Es => "es",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "it" | "ita" | "italian" => Ok(Lang::It),
            "en" | "eng" | "english" => Ok(Lang::En),
            "es" | "spa" | "spanish" => Ok(Lang::Es),
            other => Err(format!(
                "unknown language `{other}` (expected `it`, `en` or `es`)"
            )),
        }
    }
}

/// What the caller asks for: a fixed language, or detection from function words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LangChoice {
    #[default]
    Auto,
    Fixed(Lang),
}

impl FromStr for LangChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.eq_ignore_ascii_case("auto") {
            Ok(LangChoice::Auto)
        } else {
            s.parse().map(LangChoice::Fixed)
        }
    }
}

/// An article's date as precise as it was given: a year, a month, or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl ArticleDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(s: &str) -> Option<ArticleDate> {
        let s = s.trim();
        let mut parts = s.split('-');
        let year_part = parts.next()?;
        if year_part.len() != 4 || !year_part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year_part.parse().ok()?;
        let month = match parts.next() {
            None => None,
            Some(m) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => {
                let m: u32 = m.parse().ok()?;
                (1..=12).contains(&m).then_some(m)?;
                Some(m)
            }
            Some(_) => return None,
        };
        let day = match parts.next() {
            None => None,
            Some(d) if d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()) => {
                let d: u32 = d.parse().ok()?;
                chrono::NaiveDate::from_ymd_opt(year, month?, d)?;
                Some(d)
            }
            Some(_) => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(ArticleDate { year, month, day })
    }
}

impl fmt::Display for ArticleDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl Serialize for ArticleDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ArticleDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ArticleDate::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid date `{s}` (expected YYYY, YYYY-MM or YYYY-MM-DD)"
            ))
        })
    }
}

/// What a claim is about. Percentage points are `Percent` with unit `pp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Money,
    Percent,
    Count,
    Quantity,
    Number,
    Date,
    Duration,
    Ordinal,
    /// A time of day ("alle 14.30", "at 9:15 a.m.").
    Time,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 9] = [
        ClaimKind::Money,
        ClaimKind::Percent,
        ClaimKind::Count,
        ClaimKind::Quantity,
        ClaimKind::Number,
        ClaimKind::Date,
        ClaimKind::Duration,
        ClaimKind::Ordinal,
        ClaimKind::Time,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Money => "money",
            ClaimKind::Percent => "percent",
            ClaimKind::Count => "count",
            ClaimKind::Quantity => "quantity",
            ClaimKind::Number => "number",
            ClaimKind::Date => "date",
            ClaimKind::Duration => "duration",
            ClaimKind::Ordinal => "ordinal",
            ClaimKind::Time => "time",
        }
    }
}

impl fmt::Display for ClaimKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ClaimKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ClaimKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                format!(
                    "unknown claim kind `{s}` (expected one of: money, percent, count, quantity, number, date, duration, ordinal)"
                )
            })
    }
}

/// How the text hedges a figure: "quasi", "oltre", "at least" …
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    None,
    Approx,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::None => "none",
            Qualifier::Approx => "approx",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtMost => "at_most",
            Qualifier::LessThan => "less_than",
        }
    }
}

impl FromStr for Qualifier {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            Qualifier::None,
            Qualifier::Approx,
            Qualifier::AtLeast,
            Qualifier::MoreThan,
            Qualifier::AtMost,
            Qualifier::LessThan,
        ]
        .into_iter()
        .find(|q| q.as_str() == s)
        .ok_or_else(|| format!("unknown qualifier `{s}`"))
    }
}

/// The half-unit interval implied by how a number is written: "1,91 miliardi" is somewhere in
/// [1.905e9, 1.915e9]. Serialised as a two-element array `[low, high]`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(from = "[f64; 2]", into = "[f64; 2]")]
pub struct Precision {
    pub low: f64,
    pub high: f64,
}

impl From<[f64; 2]> for Precision {
    fn from([low, high]: [f64; 2]) -> Self {
        Precision { low, high }
    }
}

impl From<Precision> for [f64; 2] {
    fn from(p: Precision) -> Self {
        [p.low, p.high]
    }
}

/// A reading of a claim the extractor was not sure about, with the other value it could mean
/// (e.g. Italian "trilioni" read on the long scale, or "1.234" read as a decimal).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ambiguity {
    /// A short machine-friendly tag: `long-scale`, `decimal-separator`, …
    pub kind: String,
    /// One sentence for people.
    pub note: String,
    /// The value under the other reading, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative_value: Option<f64>,
    /// The same, as an exact decimal string.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative_value_text: Option<String>,
}

/// One numeric claim found in a draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Unique within its draft: `c1`, `c2`, … in text order.
    pub id: String,
    pub kind: ClaimKind,
    /// The surface text, exactly `draft_text[start..end]`.
    pub text: String,
    /// Byte offsets into the draft text (UTF-8), end exclusive.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column; the column counts characters, not bytes.
    pub line: u32,
    pub column: u32,
    /// 0-based index of the sentence holding the claim.
    pub sentence: u32,
    /// The value in `unit` (money in the currency, percent in percent, dates: the year).
    pub value: f64,
    /// The exact decimal, normalised: no grouping, `.` as decimal point, scale applied.
    pub value_text: String,
    /// ISO 4217 code for money; `%` or `pp` for percentages; the noun for counts; the unit
    /// symbol for quantities (`nmi`, `km`, `t`, …); `years`/`months`/`days` for durations.
    pub unit: Option<String>,
    /// The scale word as written (`miliardi`, `bn`, …), if any.
    pub scale: Option<String>,
    /// The interval implied by the digits as written.
    pub precision: Precision,
    pub qualifier: Qualifier,
    /// Readings the extractor was not sure about; empty when the claim is unambiguous.
    #[serde(default)]
    pub ambiguity: Vec<Ambiguity>,
    /// For date claims: ISO date exactly as precise as the text (`2023`, `2022-02`, `2024-01-15`,
    /// `2024-Q2`, `2024-H1`); for time claims the ISO time (`T14:30`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// For date claims: the first and last day of that date and its precision (see
    /// [`DatePeriod::of`]); always derived from `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<DatePeriod>,
}

/// A sentence of the draft: byte range into the draft text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub index: u32,
    pub start: usize,
    pub end: usize,
}

/// Everything one extraction produces for one text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// The language used (detected when `auto` was asked for).
    pub lang: Lang,
    /// The article date the relative dates were resolved against, if known.
    pub date: Option<ArticleDate>,
    /// The publication's country a bare `$` was read for, if known.
    pub country: Option<Country>,
    pub claims: Vec<Claim>,
    pub relations: Vec<Relation>,
    pub sentences: Vec<Sentence>,
}
