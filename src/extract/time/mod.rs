//! Stage 4, time: dates and periods, resolved against the article date.
//!
//! In: tokens and numbers. Out: date claims with their ISO period and precision: numeric dates
//! ([`numeric`]), month and weekday names ([`lexicon`], [`weekday`]), ordinal dates ([`ordinal`]),
//! relative dates such as "last quarter" or "in two weeks" ([`words`], [`relative`],
//! [`offset`]), holidays
//! ([`holidays`], [`holiday_dates`]), fiscal years and seasons ([`fiscal`]), clock times ([`clock`]), the tense that decides which way a bare month points ([`tense`]) and the
//! calendar arithmetic under them ([`calendar`]); [`dates`] holds the shared pieces.

pub mod calendar;
pub mod clock;
pub mod dates;
pub mod filter;
pub mod fiscal;
pub mod holiday_dates;
pub mod holidays;
pub mod lexicon;
pub mod numeric;
pub mod offset;
pub mod ordinal;
pub mod relative;
pub mod tense;
pub mod weekday;
pub mod words;

#[cfg(test)]
mod tests;
