//! [`RateTable`]: the rates of one source, held in memory as one sorted series per currency
//! pair, and the builder the parser and the store fill it with.
//!
//! The one design choice to know: an **ECB-layout** table also remembers its *publication days*
//! (every row of the file, whatever it quotes). The rate in effect on a day is the one of the
//! latest publication day on or before it; if that publication has no figure for a currency
//! (`N/A`: RUB after 2022-03-01, CNY before 2005-04-01), the currency is unknown on that day
//! rather than falling back to an older, stale figure. A **pairs-layout** table (user imports)
//! has no such list: each pair falls back to its own latest row. Either way the fallback
//! reaches back at most [`MAX_FALLBACK_DAYS`] calendar days.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::lazy::LazyColumns;
pub(super) use super::series::{Series, within_fallback};
use super::{Currency, Layout};

pub use super::series::MAX_FALLBACK_DAYS;

/// The rates of one source.
#[derive(Debug, Clone)]
pub struct RateTable {
    source: String,
    layout: Layout,
    /// ECB layout: every day the source published, ascending. Empty for the pairs layout.
    publication_days: Vec<NaiveDate>,
    series: SeriesStore,
}

/// Where the series live: parsed up front, or (the bundled file) parsed per column on demand.
#[derive(Debug, Clone)]
enum SeriesStore {
    /// `(base, quote)` → units of `quote` per 1 `base`, ascending by date, one point per day.
    Parsed(BTreeMap<(Currency, Currency), Series>),
    /// ECB layout, base EUR; see `lazy.rs`.
    Lazy(LazyColumns),
}

/// One stored rate: 1 `base` = `rate` `quote` on `date`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateRow {
    pub date: NaiveDate,
    pub base: Currency,
    pub quote: Currency,
    pub rate: f64,
}

impl RateTable {
    /// The source name (`ECB` for the bundled data, the `--source` name of an import).
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// Number of rates held (an ECB `N/A` is not a rate).
    pub fn len(&self) -> usize {
        self.all_series().iter().map(|(_, s)| s.points.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs().is_empty()
    }

    /// The newest date with a rate.
    pub fn newest_day(&self) -> Option<NaiveDate> {
        let all = self.all_series();
        let newest_row = all.iter().filter_map(|(_, s)| s.points.last());
        newest_row.map(|point| point.0).max()
    }

    /// The oldest date with a rate.
    pub fn oldest_day(&self) -> Option<NaiveDate> {
        let all = self.all_series();
        let oldest_row = all.iter().filter_map(|(_, s)| s.points.first());
        oldest_row.map(|point| point.0).min()
    }

    /// Every currency this table quotes (including the bases), sorted.
    pub fn currencies(&self) -> Vec<Currency> {
        let pairs = self.pairs().into_iter();
        let mut all: Vec<Currency> = pairs.flat_map(|(b, q)| [b, q]).collect();
        all.sort();
        all.dedup();
        all
    }

    /// True if the table ever quotes `currency`.
    pub fn knows(&self, currency: Currency) -> bool {
        self.pairs()
            .iter()
            .any(|&(base, quote)| base == currency || quote == currency)
    }

    /// The first and last day this table has a rate involving `currency`.
    pub fn quoted_span(&self, currency: Currency) -> Option<(NaiveDate, NaiveDate)> {
        let all = self.all_series();
        let touching = all
            .into_iter()
            .filter(|((base, quote), _)| *base == currency || *quote == currency);
        let spans = touching.filter_map(|(_, s)| Some((s.points.first()?.0, s.points.last()?.0)));
        spans.reduce(|(first, last), (a, b)| (first.min(a), last.max(b)))
    }

    /// Every rate as a row, grouped by pair, ascending by date (what the store saves).
    pub fn rows(&self) -> impl Iterator<Item = RateRow> + '_ {
        self.all_series()
            .into_iter()
            .flat_map(|((base, quote), series)| {
                series.points.iter().map(move |&(date, rate)| RateRow {
                    date,
                    base,
                    quote,
                    rate,
                })
            })
    }

    pub(super) fn series(&self, base: Currency, quote: Currency) -> Option<&Series> {
        match &self.series {
            SeriesStore::Parsed(map) => map.get(&(base, quote)),
            SeriesStore::Lazy(columns) if base == Currency::EUR => columns.column(quote),
            SeriesStore::Lazy(_) => None,
        }
    }

    /// Every `(base, quote)` pair held, without parsing anything.
    fn pairs(&self) -> Vec<(Currency, Currency)> {
        match &self.series {
            SeriesStore::Parsed(map) => map.keys().copied().collect(),
            SeriesStore::Lazy(columns) => {
                let quotes = columns.currencies().iter();
                quotes.map(|&quote| (Currency::EUR, quote)).collect()
            }
        }
    }

    /// Every series (parsing every lazy column).
    fn all_series(&self) -> Vec<((Currency, Currency), &Series)> {
        let pairs = self.pairs().into_iter();
        pairs
            .filter_map(|(base, quote)| Some(((base, quote), self.series(base, quote)?)))
            .collect()
    }

    /// The bundled ECB text as a table whose columns are parsed on first use.
    pub(super) fn lazy_ecb(source: &str, text: String) -> Option<RateTable> {
        let columns = LazyColumns::new(text)?;
        Some(RateTable {
            source: source.to_owned(),
            layout: Layout::Ecb,
            publication_days: {
                let mut days = columns.days();
                days.reverse();
                days.sort_unstable();
                days.dedup();
                days
            },
            series: SeriesStore::Lazy(columns),
        })
    }

    /// ECB layout: the publication day in effect on `date` (itself or the latest one before,
    /// within [`MAX_FALLBACK_DAYS`]).
    pub(super) fn publication_day(&self, date: NaiveDate) -> Option<NaiveDate> {
        let after = self.publication_days.partition_point(|&day| day <= date);
        let day = *self.publication_days.get(after.checked_sub(1)?)?;
        within_fallback(day, date).then_some(day)
    }

    /// The days in `[start, end]` on which a rate between `from` and `to` could exist: the
    /// publication days (ECB layout) or the dates of every series touching either currency.
    pub(super) fn candidate_days(
        &self,
        from: Currency,
        to: Currency,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Vec<NaiveDate> {
        let in_period = |day: &NaiveDate| (start..=end).contains(day);
        let mut days: Vec<NaiveDate> = match self.layout {
            Layout::Ecb => self.publication_days.clone(),
            Layout::Pairs => self
                .all_series()
                .into_iter()
                .filter(|((base, quote), _)| [from, to].iter().any(|c| c == base || c == quote))
                .flat_map(|(_, series)| series.points.iter().map(|point| point.0))
                .collect(),
        };
        days.retain(in_period);
        days.sort();
        days.dedup();
        days
    }

    /// The pivots tried for a cross rate, EUR first, then USD, then every other currency of a
    /// pairs-layout table (a user file quoting everything per USD still crosses).
    pub(super) fn pivots(&self) -> Vec<Currency> {
        let mut pivots = vec![Currency::EUR];
        if self.layout == Layout::Pairs {
            pivots.push(Currency::USD);
            let pairs = self.pairs().into_iter();
            let bases = pairs.map(|(base, _)| base);
            pivots.extend(bases.filter(|base| ![Currency::EUR, Currency::USD].contains(base)));
            pivots.dedup();
        }
        pivots
    }
}

/// Collects rows in any order; [`build`](RateTableBuilder::build) sorts them. When one pair
/// has two rows for the same day, the one pushed last wins (a re-import replaces).
#[derive(Debug, Clone)]
pub struct RateTableBuilder {
    source: String,
    layout: Layout,
    publication_days: Vec<NaiveDate>,
    series: BTreeMap<(Currency, Currency), Series>,
}

impl RateTableBuilder {
    pub fn new(source: &str, layout: Layout) -> RateTableBuilder {
        RateTableBuilder {
            source: source.to_owned(),
            layout,
            publication_days: Vec::new(),
            series: BTreeMap::new(),
        }
    }

    /// Records that the source published on `day` (ECB layout; pushing a rate records it too).
    pub fn add_publication_day(&mut self, day: NaiveDate) {
        self.publication_days.push(day);
    }

    /// Records many publication days at once (any order).
    pub fn add_publication_days(&mut self, days: Vec<NaiveDate>) {
        if self.publication_days.is_empty() {
            self.publication_days = days;
        } else {
            self.publication_days.extend(days);
        }
    }

    /// Adds many points of one pair at once (any order).
    pub fn extend_series(
        &mut self,
        base: Currency,
        quote: Currency,
        points: Vec<(NaiveDate, f64)>,
    ) {
        let series = self.series.entry((base, quote)).or_default();
        if series.points.is_empty() {
            series.points = points;
        } else {
            series.points.extend(points);
        }
    }

    pub fn push(&mut self, date: NaiveDate, base: Currency, quote: Currency, rate: f64) {
        if self.layout == Layout::Ecb && self.publication_days.last() != Some(&date) {
            self.publication_days.push(date);
        }
        let series = self.series.entry((base, quote)).or_default();
        series.points.push((date, rate));
    }

    pub fn build(mut self) -> RateTable {
        if self.publication_days.is_sorted_by(|a, b| a > b) {
            self.publication_days.reverse();
        }
        self.publication_days.sort_unstable();
        self.publication_days.dedup();
        for series in self.series.values_mut() {
            if series.points.is_sorted_by(|a, b| a.0 > b.0) {
                series.points.reverse(); // the ECB writes newest first
            }
            series.points.sort_by_key(|point| point.0); // stable: equal days keep push order
            series.points.dedup_by(|later, kept| {
                let same_day = later.0 == kept.0;
                if same_day {
                    kept.1 = later.1;
                }
                same_day
            });
        }
        RateTable {
            source: self.source,
            layout: self.layout,
            publication_days: self.publication_days,
            series: SeriesStore::Parsed(self.series),
        }
    }
}
