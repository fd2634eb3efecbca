//! The rates of one currency pair, ascending by date, and the lookups on them: the rate of a
//! day, or the latest one before it within the fallback window.

use chrono::NaiveDate;

/// How far back a date without a rate may look for the latest business day (a weekend plus
/// a long holiday such as Easter or Christmas fits; a gap of weeks does not).
pub const MAX_FALLBACK_DAYS: i64 = 7;

/// The rates of one pair, ascending by date.
#[derive(Debug, Clone, Default)]
pub(super) struct Series {
    pub(super) points: Vec<(NaiveDate, f64)>,
}

impl Series {
    /// The rate published exactly on `day`.
    pub(super) fn on(&self, day: NaiveDate) -> Option<(NaiveDate, f64)> {
        let index = self
            .points
            .binary_search_by_key(&day, |point| point.0)
            .ok()?;
        Some(self.points[index])
    }

    /// The latest rate on or before `date`, if it is at most [`MAX_FALLBACK_DAYS`] older.
    pub(super) fn at_or_before(&self, date: NaiveDate) -> Option<(NaiveDate, f64)> {
        let after = self.points.partition_point(|point| point.0 <= date);
        let point = *self.points.get(after.checked_sub(1)?)?;
        within_fallback(point.0, date).then_some(point)
    }
}

pub(super) fn within_fallback(day: NaiveDate, date: NaiveDate) -> bool {
    (date - day).num_days() <= MAX_FALLBACK_DAYS
}
