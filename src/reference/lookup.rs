//! Single-day lookups: the rate of `from` in `to` on a date, with the rows it came from.
//!
//! A rate is "units of `to` per 1 `from`" and is written like a unit, `CNY/USD 7.1435`.
//! Within one source a rate is found directly (`from→to` or the inverse of `to→from`), or as a
//! cross through a pivot: CNY per USD = (CNY per EUR) ÷ (USD per EUR). The ECB layout crosses
//! only through EUR and takes both legs from the same publication day.

use chrono::NaiveDate;
use serde::Serialize;

use super::table::{RateTable, Series};
use super::{Currency, Layout, serde_day};

/// The rate rules see for one day, with everything needed to show where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RateQuote {
    pub from: Currency,
    pub to: Currency,
    /// Units of `to` per 1 `from`, unrounded.
    pub rate: f64,
    /// The date asked for.
    #[serde(with = "serde_day")]
    pub date_requested: NaiveDate,
    /// The business day whose rows were used (the oldest leg's day for a cross).
    #[serde(with = "serde_day")]
    pub date_used: NaiveDate,
    /// Source name: `ECB` for the bundled data, or an imported source.
    pub source: String,
    /// True when the rate is a cross through EUR (neither side is EUR).
    pub via_eur: bool,
    /// The stored rates combined, as published (one for a direct rate, two for a cross).
    pub legs: Vec<RateLeg>,
    /// One line for evidence, e.g. `ECB 2024-01-02 CNY/USD 7.1435`.
    pub description: String,
}

/// One stored rate used by a quote: 1 `base` = `rate` `quote` on `date`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RateLeg {
    pub base: Currency,
    pub quote: Currency,
    #[serde(with = "serde_day")]
    pub date: NaiveDate,
    pub rate: f64,
}

/// A leg as the cross needs it: units of `currency` per 1 pivot, and the row behind it.
struct PivotLeg {
    per_pivot: f64,
    row: Option<RateLeg>,
}

impl RateTable {
    /// The rate in effect on `date`: that day's, or the nearest earlier business day's within
    /// [`MAX_FALLBACK_DAYS`](super::MAX_FALLBACK_DAYS); `None` when the source has none.
    pub fn rate(&self, from: Currency, to: Currency, date: NaiveDate) -> Option<RateQuote> {
        if from == to {
            return Some(identity_quote(self.source(), from, date));
        }
        match self.layout() {
            Layout::Ecb => {
                let day = self.publication_day(date)?;
                self.cross(from, to, date, |series| series.on(day))
            }
            Layout::Pairs => self.cross(from, to, date, |series| series.at_or_before(date)),
        }
    }

    /// The rate published exactly on `day`, without falling back (what period ranges use).
    pub fn rate_on_day(&self, from: Currency, to: Currency, day: NaiveDate) -> Option<RateQuote> {
        if from == to {
            return Some(identity_quote(self.source(), from, day));
        }
        self.cross(from, to, day, |series| series.on(day))
    }

    /// Tries the direct pair, then each pivot; `pick` chooses the point of a series.
    fn cross(
        &self,
        from: Currency,
        to: Currency,
        date_requested: NaiveDate,
        pick: impl Fn(&Series) -> Option<(NaiveDate, f64)>,
    ) -> Option<RateQuote> {
        let quote = |rate: f64, legs: Vec<RateLeg>, via_eur: bool| {
            let date_used = legs.iter().map(|leg| leg.date).min()?;
            Some(RateQuote {
                description: describe(self.source(), date_used, from, to, rate, &legs),
                from,
                to,
                rate,
                date_requested,
                date_used,
                source: self.source().to_owned(),
                via_eur,
                legs,
            })
        };
        if let Some(direct) = self.per_pivot(from, to, &pick) {
            return quote(direct.per_pivot, direct.row.into_iter().collect(), false);
        }
        for pivot in self.pivots() {
            let Some(to_leg) = self.per_pivot(pivot, to, &pick) else {
                continue;
            };
            let Some(from_leg) = self.per_pivot(pivot, from, &pick) else {
                continue;
            };
            let legs = [to_leg.row, from_leg.row].into_iter().flatten().collect();
            let rate = to_leg.per_pivot / from_leg.per_pivot;
            return quote(rate, legs, pivot == Currency::EUR);
        }
        None
    }

    /// Units of `currency` per 1 `pivot`, from the series `pivot→currency` or the inverse of
    /// `currency→pivot`; the pivot itself is 1.
    fn per_pivot(
        &self,
        pivot: Currency,
        currency: Currency,
        pick: &impl Fn(&Series) -> Option<(NaiveDate, f64)>,
    ) -> Option<PivotLeg> {
        if pivot == currency {
            return Some(PivotLeg {
                per_pivot: 1.0,
                row: None,
            });
        }
        let leg = |base, quote, (date, rate)| RateLeg {
            base,
            quote,
            date,
            rate,
        };
        if let Some(point) = self.series(pivot, currency).and_then(pick) {
            return Some(PivotLeg {
                per_pivot: point.1,
                row: Some(leg(pivot, currency, point)),
            });
        }
        let point = self.series(currency, pivot).and_then(pick)?;
        Some(PivotLeg {
            per_pivot: 1.0 / point.1,
            row: Some(leg(currency, pivot, point)),
        })
    }
}

fn identity_quote(source: &str, currency: Currency, date: NaiveDate) -> RateQuote {
    RateQuote {
        from: currency,
        to: currency,
        rate: 1.0,
        date_requested: date,
        date_used: date,
        source: source.to_owned(),
        via_eur: false,
        legs: Vec::new(),
        description: format!("{currency}/{currency} 1 (same currency)"),
    }
}

/// `ECB 2024-01-02 CNY/USD 7.1435`; a direct rate is shown as published.
pub(super) fn describe(
    source: &str,
    date: NaiveDate,
    from: Currency,
    to: Currency,
    rate: f64,
    legs: &[RateLeg],
) -> String {
    let shown = match legs {
        [leg] if leg.base == from => format!("{}", leg.rate),
        _ => format_rate(rate),
    };
    format!("{source} {date} {to}/{from} {shown}")
}

/// A computed rate with five significant digits (the ECB's own precision), never fewer
/// than the integer digits: 7.1435, 142.09, 0.0070378, 15524.
pub fn format_rate(rate: f64) -> String {
    if !rate.is_finite() || rate <= 0.0 {
        return format!("{rate}");
    }
    let magnitude = rate.log10().floor() as i32;
    let decimals = (4 - magnitude).max(0) as usize;
    let text = format!("{rate:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}
