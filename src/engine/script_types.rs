//! The values scripts hold: the article, its claims and relations, intervals, rates.
//!
//! An article is prepared once per check as one `Arc<ScriptArticle>` shared by every rule: the
//! data plus what scripts read over and over, built ahead (claim strings and sentences as
//! reference-counted `ImmutableString`s, the claims of each sentence, the claims of each
//! relation). A `Claim` or `Relation` seen by a script is that `Arc` plus an index, so handing
//! `article.claims` to a script copies pointers, not claims, and a getter such as `claim.kind`
//! bumps a reference count instead of allocating a string (see `api.rs`).

use std::fmt;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use rhai::{Dynamic, ImmutableString};

use crate::model::{ArticleDate, Claim, Lang, Relation};

/// Everything a rule may read about one article draft.
#[derive(Debug, Clone)]
pub struct ArticleData {
    pub id: String,
    pub lang: Lang,
    pub draft: u32,
    pub title: Option<String>,
    pub date: Option<ArticleDate>,
    pub text: String,
    pub claims: Vec<Claim>,
    pub relations: Vec<Relation>,
    /// Sentence texts, index = `Claim::sentence`.
    pub sentences: Vec<String>,
    /// Byte offset in `text` where each sentence starts (same index as `sentences`). Lets a
    /// claim be placed in its sentence without searching; a missing entry falls back to the
    /// first occurrence of the claim's text.
    pub sentence_starts: Vec<usize>,
    /// Where the prose starts (findings without claims point there).
    pub body_start: usize,
    /// Where `text` stands in the source file of a converted article (`None`: plain text).
    pub source: Option<crate::document::SourceMap>,
}

impl ArticleData {
    pub fn claim_index(&self, id: &str) -> Option<usize> {
        self.claims.iter().position(|claim| claim.id == id)
    }
}

/// The strings of one claim, shared with scripts without copying.
#[derive(Debug, Clone)]
pub struct ClaimStrings {
    pub id: ImmutableString,
    pub kind: ImmutableString,
    pub text: ImmutableString,
    pub value_text: ImmutableString,
    pub qualifier: ImmutableString,
    /// `()` when absent.
    pub unit: Dynamic,
    pub scale: Dynamic,
    pub date: Dynamic,
}

/// An article as scripts see it: the data and the lookups rules make over and over, built
/// once per check and shared by every rule evaluated on the article.
#[derive(Debug)]
pub struct ScriptArticle {
    pub data: Arc<ArticleData>,
    pub claim_strings: Vec<ClaimStrings>,
    pub sentences: Vec<ImmutableString>,
    /// Claim indices of each sentence, in text order.
    pub claims_by_sentence: Vec<Vec<usize>>,
    /// Claim indices of each relation, in relation order (ids without a claim left out).
    pub relation_claims: Vec<Vec<usize>>,
    /// `(role, claim index)` of each relation's claims, in relation order (ids without a
    /// claim left out).
    pub relation_roles: Vec<Vec<(ImmutableString, usize)>>,
    /// Byte offset of each claim within its sentence text, `None` when the claim's text is
    /// not in that sentence.
    pub claim_offsets: Vec<Option<usize>>,
}

fn optional_string(value: &Option<String>) -> Dynamic {
    value
        .as_deref()
        .map_or(Dynamic::UNIT, |text| ImmutableString::from(text).into())
}

impl ScriptArticle {
    pub fn new(data: Arc<ArticleData>) -> ScriptArticle {
        let claim_strings = data
            .claims
            .iter()
            .map(|claim| ClaimStrings {
                id: claim.id.as_str().into(),
                kind: claim.kind.as_str().into(),
                text: claim.text.as_str().into(),
                value_text: claim.value_text.as_str().into(),
                qualifier: claim.qualifier.as_str().into(),
                unit: optional_string(&claim.unit),
                scale: optional_string(&claim.scale),
                date: optional_string(&claim.date),
            })
            .collect();
        let sentences = data
            .sentences
            .iter()
            .map(|s| ImmutableString::from(s.as_str()))
            .collect();
        let mut claims_by_sentence = vec![Vec::new(); data.sentences.len()];
        for (index, claim) in data.claims.iter().enumerate() {
            if let Some(list) = claims_by_sentence.get_mut(claim.sentence as usize) {
                list.push(index);
            }
        }
        let ids: std::collections::HashMap<&str, usize> = data
            .claims
            .iter()
            .enumerate()
            .map(|(index, claim)| (claim.id.as_str(), index))
            .collect();
        let relation_roles: Vec<Vec<(ImmutableString, usize)>> = data
            .relations
            .iter()
            .map(|relation| {
                let defaults;
                let roles = if relation.roles.len() == relation.claims.len() {
                    &relation.roles
                } else {
                    defaults = crate::model::roles_of(relation.kind, relation.claims.len());
                    &defaults
                };
                relation
                    .claims
                    .iter()
                    .zip(roles)
                    .filter_map(|(id, role)| {
                        let index = ids.get(id.as_str()).copied()?;
                        Some((ImmutableString::from(role.as_str()), index))
                    })
                    .collect()
            })
            .collect();
        let relation_claims = relation_roles
            .iter()
            .map(|roles| roles.iter().map(|(_, index)| *index).collect())
            .collect();
        let claim_offsets = data
            .claims
            .iter()
            .map(|claim| offset_in_sentence(&data, claim))
            .collect();
        ScriptArticle {
            data,
            claim_strings,
            sentences,
            claims_by_sentence,
            relation_claims,
            relation_roles,
            claim_offsets,
        }
    }

    /// The text of sentence `index`, or "" when there is none.
    pub fn sentence_text(&self, index: usize) -> &str {
        self.data.sentences.get(index).map_or("", String::as_str)
    }
}

/// Where `claim` sits in its sentence: from the stored offsets when they agree with the text,
/// else the first occurrence of the claim's text.
fn offset_in_sentence(data: &ArticleData, claim: &Claim) -> Option<usize> {
    let sentence = data.sentences.get(claim.sentence as usize)?;
    let stored = data
        .sentence_starts
        .get(claim.sentence as usize)
        .and_then(|&start| claim.start.checked_sub(start))
        .filter(|&offset| {
            sentence.get(offset..offset + claim.text.len()) == Some(claim.text.as_str())
        });
    stored.or_else(|| sentence.find(claim.text.as_str()))
}

/// The `article` variable of a rule.
#[derive(Debug, Clone)]
pub struct ArticleObject(pub Arc<ScriptArticle>);

/// A claim of the article, as scripts see it.
#[derive(Debug, Clone)]
pub struct ClaimObject {
    pub article: Arc<ScriptArticle>,
    pub index: usize,
}

impl ClaimObject {
    pub fn claim(&self) -> &Claim {
        &self.article.data.claims[self.index]
    }
    pub fn strings(&self) -> &ClaimStrings {
        &self.article.claim_strings[self.index]
    }
}

/// A relation of the article, as scripts see it.
#[derive(Debug, Clone)]
pub struct RelationObject {
    pub article: Arc<ScriptArticle>,
    pub index: usize,
}

impl RelationObject {
    pub fn relation(&self) -> &Relation {
        &self.article.data.relations[self.index]
    }
}

/// A closed interval `[low, high]` of reals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

impl Interval {
    /// Orders the endpoints, so `interval(5, 3)` is `[3, 5]`.
    pub fn new(a: f64, b: f64) -> Interval {
        Interval {
            low: a.min(b),
            high: a.max(b),
        }
    }

    pub fn mid(self) -> f64 {
        (self.low + self.high) / 2.0
    }

    pub fn width(self) -> f64 {
        self.high - self.low
    }

    pub fn contains(self, x: f64) -> bool {
        self.low <= x && x <= self.high
    }

    pub fn overlaps(self, other: Interval) -> bool {
        self.low <= other.high && other.low <= self.high
    }

    /// 0 when the intervals overlap, else the gap between them.
    pub fn distance(self, other: Interval) -> f64 {
        if self.overlaps(other) {
            0.0
        } else if self.high < other.low {
            other.low - self.high
        } else {
            self.low - other.high
        }
    }

    /// Widened by `relative_slack` of each endpoint's magnitude (0.005 = ±0.5 %).
    pub fn widen(self, relative_slack: f64) -> Interval {
        Interval::new(
            self.low - self.low.abs() * relative_slack,
            self.high + self.high.abs() * relative_slack,
        )
    }

    pub fn times(self, other: Interval) -> Interval {
        let products = [
            self.low * other.low,
            self.low * other.high,
            self.high * other.low,
            self.high * other.high,
        ];
        Interval {
            low: products.iter().copied().fold(f64::INFINITY, f64::min),
            high: products.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        }
    }

    /// `None` when `other` contains 0.
    pub fn divided_by(self, other: Interval) -> Option<Interval> {
        if other.contains(0.0) {
            return None;
        }
        Some(self.times(Interval::new(1.0 / other.high, 1.0 / other.low)))
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.low == self.high {
            write!(f, "{}", format_number(self.low))
        } else {
            write!(
                f,
                "{}–{}",
                format_number(self.low),
                format_number(self.high)
            )
        }
    }
}

/// A number for people: up to 6 significant decimals, no trailing zeros.
pub fn format_number(x: f64) -> String {
    if x == x.trunc() && x.abs() < 1e15 {
        return format!("{x:.0}");
    }
    let magnitude = if x == 0.0 {
        0
    } else {
        x.abs().log10().floor() as i32
    };
    let decimals = (5 - magnitude).clamp(0, 12) as usize;
    let text = format!("{x:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// A number for people in any language: large ones as `1.69 × 10^12` (a long run of zeros
/// is unreadable), others as [`format_number`].
pub fn readable_number(x: f64) -> String {
    if x.is_finite() && x.abs() >= 1e7 {
        let exponent = x.abs().log10().floor() as i32;
        let mantissa = x / 10f64.powi(exponent);
        return format!("{} × 10^{exponent}", format_number(mantissa));
    }
    format_number(x)
}

/// The first and last day a partial ISO date (`2024`, `2024-01`, `2024-01-20`) allows, or a
/// claim's period (`2024-Q2`, `2024-W25`, `2022/2023`; see [`DatePeriod::of`](crate::model::DatePeriod::of)).
pub fn date_bounds(date: &str) -> Option<(NaiveDate, NaiveDate)> {
    // `START..END`: from the first day of START to the last of END ("2023-01..2023-09").
    if let Some((first, last)) = date.split_once("..") {
        let (start, _) = date_bounds(first)?;
        let (_, end) = date_bounds(last)?;
        return (start <= end).then_some((start, end));
    }
    if let Some(period) = crate::model::DatePeriod::of(date) {
        let day = |iso: &str| NaiveDate::parse_from_str(iso, "%Y-%m-%d").ok();
        return Some((day(&period.start)?, day(&period.end)?));
    }
    let parsed = ArticleDate::parse(date)?;
    let first_month = parsed.month.unwrap_or(1);
    let last_month = parsed.month.unwrap_or(12);
    let first = NaiveDate::from_ymd_opt(parsed.year, first_month, parsed.day.unwrap_or(1))?;
    let last = match parsed.day {
        Some(day) => NaiveDate::from_ymd_opt(parsed.year, last_month, day)?,
        None => last_day_of_month(parsed.year, last_month)?,
    };
    Some((first, last))
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (next_year, next_month) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()
}

/// Whole years from `a` to `b` (negative when `b` is earlier), as an interval over every pair
/// of days the partial dates allow.
pub fn years_between(a: &str, b: &str) -> Option<Interval> {
    span_between(a, b, |from, to| {
        let mut years = to.year() - from.year();
        if (to.month(), to.day()) < (from.month(), from.day()) {
            years -= 1;
        }
        years as f64
    })
}

/// Whole months from `a` to `b`, as an interval like [`years_between`].
pub fn months_between(a: &str, b: &str) -> Option<Interval> {
    span_between(a, b, |from, to| {
        let mut months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
        if to.day() < from.day() {
            months -= 1;
        }
        months as f64
    })
}

fn span_between(
    a: &str,
    b: &str,
    whole_units: impl Fn(NaiveDate, NaiveDate) -> f64,
) -> Option<Interval> {
    let (a_first, a_last) = date_bounds(a)?;
    let (b_first, b_last) = date_bounds(b)?;
    let signed = |from: NaiveDate, to: NaiveDate| {
        if to >= from {
            whole_units(from, to)
        } else {
            -whole_units(to, from)
        }
    };
    // The extremes come from the extreme pairs of days.
    let shortest = signed(a_last, b_first);
    let longest = signed(a_first, b_last);
    Some(Interval::new(shortest, longest))
}
