//! The exchange-rate interface rules call through (`fx_rate`, `fx_range`, `convert`).
//!
//! The engine does not know where rates come from: it asks a [`RateSource`]. The reference-data
//! module implements it over the stored ECB history; [`NoRates`] answers "unknown" to
//! everything, which is what rules see when no reference data is loaded. Rates are quoted as
//! units of `to` per one `from` (CNY/USD 7.14 means 7.14 yuan per dollar). The engine wraps its
//! source in [`MemoRates`], so a question asked for many articles is answered once per run.

use chrono::NaiveDate;

/// One day's rate, as a rule sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct RateQuote {
    /// Units of `to` per one `from`.
    pub rate: f64,
    /// The business day whose rate was used (the asked day or the nearest earlier one).
    pub day: NaiveDate,
    /// Who published it: `ECB`, or the `--source` name of imported rates.
    pub source: String,
    /// For evidence lines: `ECB 2024-01-02 CNY/USD 7.1435`.
    pub description: String,
}

/// The rates over a period (a month, a year, or one day).
#[derive(Debug, Clone, PartialEq)]
pub struct RateRange {
    pub min: f64,
    pub max: f64,
    pub mean: f64,
    /// Business days with a rate in the period.
    pub days: u32,
    pub source: String,
    /// For evidence lines: `ECB 2024-01 CNY/USD 7.0920–7.1781, 22 days`.
    pub description: String,
}

/// Where the engine gets exchange rates. Implementations must be cheap to call (rules may ask
/// per claim per article) and safe to share across worker threads.
pub trait RateSource: Send + Sync {
    /// The rate of `from` in `to` on `day`, or the nearest earlier business day; `None` when
    /// unknown (currency not quoted on that date, before the history starts, …). Currency codes
    /// are ISO 4217, upper case.
    fn rate(&self, from: &str, to: &str, day: NaiveDate) -> Option<RateQuote>;
    /// The min/max/mean over the days `start..=end`; `None` when no day in it has a rate.
    fn range(&self, from: &str, to: &str, start: NaiveDate, end: NaiveDate) -> Option<RateRange>;
    /// Identifies the reference data (e.g. `ecb-2026-03-13+user-2`), stored with each run;
    /// `None` when there is no reference data.
    fn snapshot_id(&self) -> Option<String>;
}

/// A rate source that knows nothing: every lookup is unknown, the snapshot is `none`.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoRates;

impl RateSource for NoRates {
    fn rate(&self, _from: &str, _to: &str, _day: NaiveDate) -> Option<RateQuote> {
        None
    }
    fn range(&self, _: &str, _: &str, _: NaiveDate, _: NaiveDate) -> Option<RateRange> {
        None
    }
    fn snapshot_id(&self) -> Option<String> {
        None
    }
}

/// Remembers the answers of another [`RateSource`] for the length of a run.
///
/// Rules ask the same questions over and over: every article of a month asks for that month's
/// range, every conversion "in 2023" for the year's mean, and computing a range walks every
/// business day of the period. Reference data does not change during a run, so each answer is
/// kept; the memory is cleared when it holds [`MemoRates::CAPACITY`] answers, which bounds it.
pub struct MemoRates {
    inner: std::sync::Arc<dyn RateSource>,
    rates: Memo<(String, String, NaiveDate), Option<RateQuote>>,
    ranges: Memo<(String, String, NaiveDate, NaiveDate), Option<RateRange>>,
}

type Memo<K, V> = std::sync::Mutex<std::collections::HashMap<K, V>>;

impl MemoRates {
    /// Answers kept per kind of question before the memory starts over.
    pub const CAPACITY: usize = 4096;

    pub fn new(inner: std::sync::Arc<dyn RateSource>) -> MemoRates {
        MemoRates {
            inner,
            rates: Memo::default(),
            ranges: Memo::default(),
        }
    }
}

fn lock<K, V>(memo: &Memo<K, V>) -> std::sync::MutexGuard<'_, std::collections::HashMap<K, V>> {
    // A panic elsewhere cannot leave a half-written answer: insert is the last step.
    memo.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The remembered answer for `key`, or `compute`'s (then remembered). The lock is not held
/// while computing, so threads never wait on each other's lookups.
fn remembered<K, V>(memo: &Memo<K, V>, key: K, compute: impl FnOnce() -> V) -> V
where
    K: std::hash::Hash + Eq,
    V: Clone,
{
    if let Some(value) = lock(memo).get(&key) {
        return value.clone();
    }
    let value = compute();
    let mut memo = lock(memo);
    if memo.len() >= MemoRates::CAPACITY {
        memo.clear();
    }
    memo.insert(key, value.clone());
    value
}

impl RateSource for MemoRates {
    fn rate(&self, from: &str, to: &str, day: NaiveDate) -> Option<RateQuote> {
        let key = (from.to_owned(), to.to_owned(), day);
        remembered(&self.rates, key, || self.inner.rate(from, to, day))
    }
    fn range(&self, from: &str, to: &str, start: NaiveDate, end: NaiveDate) -> Option<RateRange> {
        let key = (from.to_owned(), to.to_owned(), start, end);
        remembered(&self.ranges, key, || self.inner.range(from, to, start, end))
    }
    fn snapshot_id(&self) -> Option<String> {
        self.inner.snapshot_id()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    /// Answers every question with a rate of 1.5 and counts the questions.
    #[derive(Default)]
    struct Counting(AtomicUsize, AtomicUsize);

    impl RateSource for Counting {
        fn rate(&self, _: &str, _: &str, day: NaiveDate) -> Option<RateQuote> {
            self.0.fetch_add(1, Ordering::Relaxed);
            Some(RateQuote {
                rate: 1.5,
                day,
                source: "T".into(),
                description: format!("T {day}"),
            })
        }
        fn range(&self, _: &str, to: &str, _: NaiveDate, _: NaiveDate) -> Option<RateRange> {
            self.1.fetch_add(1, Ordering::Relaxed);
            (to != "XXX").then(|| RateRange {
                min: 1.0,
                max: 2.0,
                mean: 1.5,
                days: 2,
                source: "T".into(),
                description: "T range".into(),
            })
        }
        fn snapshot_id(&self) -> Option<String> {
            Some("t-1".into())
        }
    }

    #[test]
    fn each_question_reaches_the_source_once_and_answers_stay_the_same() {
        let counting = Arc::new(Counting::default());
        let memo = MemoRates::new(counting.clone());
        let day = NaiveDate::from_ymd_opt(2024, 1, 2).unwrap();
        let later = NaiveDate::from_ymd_opt(2024, 1, 31).unwrap();
        for _ in 0..3 {
            assert_eq!(
                memo.rate("USD", "CNY", day).unwrap().description,
                "T 2024-01-02"
            );
            assert_eq!(memo.range("USD", "CNY", day, later).unwrap().max, 2.0);
            assert!(memo.range("USD", "XXX", day, later).is_none());
        }
        assert_eq!(counting.0.load(Ordering::Relaxed), 1);
        assert_eq!(counting.1.load(Ordering::Relaxed), 2);
        // A different question is a different answer.
        assert_eq!(memo.rate("USD", "CNY", later).unwrap().day, later);
        assert_eq!(counting.0.load(Ordering::Relaxed), 2);
        assert_eq!(memo.snapshot_id().as_deref(), Some("t-1"));
    }
}
