//! Holidays of the Hebrew, Islamic and Chinese calendars, as Gregorian days of a given year,
//! computed with ICU4X's calendars (`icu_calendar`), never from tables of holiday dates.
//!
//! - **Hebrew**: exact arithmetic (the fixed Hebrew calendar). A Jewish day, and so a holiday,
//!   begins at sundown: the date given is the Gregorian day on whose evening the holiday
//!   begins ("Yom Kippur 2018" began on the evening of 18 September; the fast is the 19th). The
//!   claim carries an `observance-varies` note saying so. The modern Israeli days move off the
//!   Sabbath as Israeli law fixes them (Yom HaAtzmaut, Yom HaShoah, Tisha B'Av postponed).
//! - **Islamic**: the Umm al-Qura calendar (Saudi Arabia's official one, the most widely
//!   published), which ICU4X carries for 1300–1600 AH and computes outside that range. The day a
//!   country observes depends on its own moon sighting and may differ by a day or two; the claim
//!   says so. A Gregorian year can hold a holiday twice (Eid al-Adha in January and December
//!   1974): the first is taken.
//! - **Chinese**: the Chinese lunisolar calendar (new year = first day of the first month).
//! - **Hindu** festivals and the Parsi new year are computed in `dates_hindu.rs`.

use super::dates_calendar::shift_days;
use chrono::{Datelike, NaiveDate, Weekday};
use icu_calendar::cal::hijri::UmmAlQura;
use icu_calendar::cal::{ChineseTraditional, Hebrew, Hijri};
use icu_calendar::types::MonthCode;
use icu_calendar::{AsCalendar, Calendar, Date};

/// A month of the Hebrew year, numbered from Tishrei as ICU4X does (Adar I is month 5 leap;
/// Adar, or Adar II in a leap year, is month 6; Nisan is 7 … Elul 12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HebrewMonth {
    Tishrei = 1,
    Kislev = 3,
    Shevat = 5,
    Adar = 6,
    Nisan = 7,
    Iyar = 8,
    Sivan = 9,
    Av = 11,
}

/// How a holiday's day follows from a non-Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LunarRule {
    /// A day of a Hebrew month (the evening it begins is reported, see the module doc).
    Hebrew(HebrewMonth, u8),
    /// Yom HaAtzmaut: 5 Iyar, moved to Thursday off Friday/Saturday, to Tuesday off Monday.
    IndependenceDay,
    /// Yom HaShoah: 27 Nisan, to Thursday off Friday, to Monday off Sunday.
    HolocaustDay,
    /// Tisha B'Av: 9 Av, postponed to Sunday off the Sabbath.
    TishaBav,
    /// A day of an Islamic month (Umm al-Qura), plus a number of days.
    Islamic(u8, u8),
    /// The last Friday of an Islamic month (Jumu'atul-Wida: of Ramadan).
    IslamicLastFriday(u8),
    /// The first day of the Chinese year, plus a number of days.
    ChineseNewYear(i64),
    /// A festival of the Hindu lunisolar or solar calendar, or the Parsi new year
    /// (`dates_hindu.rs`).
    Hindu(super::dates_hindu::HinduRule),
}

/// Observance note every lunar holiday claim carries.
pub fn observance_note(rule: LunarRule) -> &'static str {
    match rule {
        LunarRule::Hebrew(..)
        | LunarRule::IndependenceDay
        | LunarRule::HolocaustDay
        | LunarRule::TishaBav => {
            "a Jewish holiday begins at sundown: this is the day on whose evening it begins; the daytime observance is the next day"
        }
        LunarRule::Islamic(..) | LunarRule::IslamicLastFriday(_) => {
            "computed with the Umm al-Qura calendar; countries that follow their own moon sighting may observe it a day or two apart"
        }
        LunarRule::ChineseNewYear(_) => "computed with the Chinese lunisolar calendar",
        LunarRule::Hindu(_) => super::dates_hindu::OBSERVANCE_NOTE,
    }
}

impl LunarRule {
    /// The Gregorian day of the holiday in `year` (the first one, if it falls twice).
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        match self {
            LunarRule::Hebrew(month, day) => hebrew_day(year, month, day).and_then(eve),
            LunarRule::IndependenceDay => {
                let day = hebrew_day(year, HebrewMonth::Iyar, 5)?;
                let moved = match day.weekday() {
                    Weekday::Fri => -1,
                    Weekday::Sat => -2,
                    Weekday::Mon if year >= 2004 => 1,
                    _ => 0,
                };
                eve(shift_days(day, moved)?)
            }
            LunarRule::HolocaustDay => {
                let day = hebrew_day(year, HebrewMonth::Nisan, 27)?;
                let moved = match day.weekday() {
                    Weekday::Fri => -1,
                    Weekday::Sun => 1,
                    _ => 0,
                };
                eve(shift_days(day, moved)?)
            }
            LunarRule::TishaBav => {
                let day = hebrew_day(year, HebrewMonth::Av, 9)?;
                let moved = i64::from(day.weekday() == Weekday::Sat);
                eve(shift_days(day, moved)?)
            }
            LunarRule::Islamic(month, day) => {
                first_in_year(year, |hijri_year| islamic_day(hijri_year, month, day))
            }
            LunarRule::IslamicLastFriday(month) => first_in_year(year, |hijri_year| {
                let next_month = if month == 12 {
                    islamic_day(hijri_year + 1, 1, 1)
                } else {
                    islamic_day(hijri_year, month + 1, 1)
                }?;
                let last = shift_days(next_month, -1)?;
                let back = (last.weekday().num_days_from_monday() + 7
                    - Weekday::Fri.num_days_from_monday())
                    % 7;
                shift_days(last, -i64::from(back))
            }),
            LunarRule::ChineseNewYear(days) => {
                let date = Date::try_new_from_codes(
                    None,
                    year,
                    MonthCode::new_normal(1)?,
                    1,
                    ChineseTraditional::new(),
                )
                .ok()?;
                shift_days(to_gregorian(&date)?, days)
            }
            LunarRule::Hindu(rule) => rule.in_year(year),
        }
    }
}

fn eve(day: NaiveDate) -> Option<NaiveDate> {
    shift_days(day, -1)
}

fn to_gregorian<A: AsCalendar>(date: &Date<A>) -> Option<NaiveDate>
where
    A::Calendar: Calendar,
{
    let days = i32::try_from(date.to_rata_die().to_i64_date()).ok()?;
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// The day of a Hebrew month falling in Gregorian `year`: months from Tishrei to Kislev are
/// in the Hebrew year that began that autumn (Gregorian year + 3761), the others in the one
/// that began the autumn before.
fn hebrew_day(year: i32, month: HebrewMonth, day: u8) -> Option<NaiveDate> {
    let number = month as u8;
    let hebrew_year = if number <= 3 {
        year + 3761
    } else {
        year + 3760
    };
    let date = Date::try_new_from_codes(
        Some("am"),
        hebrew_year,
        MonthCode::new_normal(number)?,
        day,
        Hebrew,
    )
    .ok()?;
    to_gregorian(&date)
}

fn islamic_day(hijri_year: i32, month: u8, day: u8) -> Option<NaiveDate> {
    let date = Date::try_new_from_codes(
        None,
        hijri_year,
        MonthCode::new_normal(month)?,
        day,
        Hijri::<UmmAlQura>::new_umm_al_qura(),
    )
    .ok()?;
    to_gregorian(&date)
}

/// The earliest day in Gregorian `year` among the Islamic years that can overlap it.
fn first_in_year(year: i32, day_of: impl Fn(i32) -> Option<NaiveDate>) -> Option<NaiveDate> {
    // 33 Islamic years take about 32 Gregorian ones; AH 1 began in 622.
    let approximate = (year - 622) * 33 / 32;
    (approximate - 2..=approximate + 3)
        .filter_map(day_of)
        .filter(|date| date.year() == year)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use HebrewMonth::*;

    fn day(s: &str) -> Option<NaiveDate> {
        s.parse().ok()
    }

    #[test]
    fn hebrew_holidays_begin_the_evening_before() {
        // Rosh Hashanah 5784 began at sundown on 15 September 2023; 5785 on 2 October 2024.
        assert_eq!(
            LunarRule::Hebrew(Tishrei, 1).in_year(2023),
            day("2023-09-15")
        );
        assert_eq!(
            LunarRule::Hebrew(Tishrei, 1).in_year(2024),
            day("2024-10-02")
        );
        // Passover 2024 began on the evening of 22 April; 2023 on 5 April.
        assert_eq!(
            LunarRule::Hebrew(Nisan, 15).in_year(2024),
            day("2024-04-22")
        );
        assert_eq!(
            LunarRule::Hebrew(Nisan, 15).in_year(2023),
            day("2023-04-05")
        );
        // Hanukkah 2023 began on 7 December; Purim 2024 (Adar II) on 23 March.
        assert_eq!(
            LunarRule::Hebrew(Kislev, 25).in_year(2023),
            day("2023-12-07")
        );
        assert_eq!(LunarRule::Hebrew(Adar, 14).in_year(2024), day("2024-03-23"));
        // Yom Kippur 2024 began on 11 October.
        assert_eq!(
            LunarRule::Hebrew(Tishrei, 10).in_year(2024),
            day("2024-10-11")
        );
    }

    #[test]
    fn israeli_days_move_off_the_sabbath() {
        // Yom HaAtzmaut 2024: 5 Iyar was Monday 13 May, held on Tuesday 14 (eve the 13th).
        assert_eq!(LunarRule::IndependenceDay.in_year(2024), day("2024-05-13"));
        // 2023: 5 Iyar was Wednesday 26 April (eve the 25th), not moved.
        assert_eq!(LunarRule::IndependenceDay.in_year(2023), day("2023-04-25"));
        // Tisha B'Av 2024: 9 Av was Tuesday 13 August (eve the 12th).
        assert_eq!(LunarRule::TishaBav.in_year(2024), day("2024-08-12"));
        // 2022: 9 Av was Saturday 6 August, the fast was held on Sunday 7 (eve the 6th).
        assert_eq!(LunarRule::TishaBav.in_year(2022), day("2022-08-06"));
        // Yom HaShoah 2024: 27 Nisan was Sunday 5 May, held Monday 6 May (eve the 5th).
        assert_eq!(LunarRule::HolocaustDay.in_year(2024), day("2024-05-05"));
    }

    #[test]
    fn islamic_holidays_follow_umm_al_qura() {
        // Eid al-Fitr: 10 April 2024, 21 April 2023, 2 May 2022.
        assert_eq!(LunarRule::Islamic(10, 1).in_year(2024), day("2024-04-10"));
        assert_eq!(LunarRule::Islamic(10, 1).in_year(2023), day("2023-04-21"));
        assert_eq!(LunarRule::Islamic(10, 1).in_year(2022), day("2022-05-02"));
        // Eid al-Adha: 16 June 2024, 28 June 2023. Ramadan 2024 began on 11 March.
        assert_eq!(LunarRule::Islamic(12, 10).in_year(2024), day("2024-06-16"));
        assert_eq!(LunarRule::Islamic(12, 10).in_year(2023), day("2023-06-28"));
        assert_eq!(LunarRule::Islamic(9, 1).in_year(2024), day("2024-03-11"));
        // Islamic New Year 1446 on 7 July 2024. Last Friday of Ramadan 1445: 5 April 2024.
        assert_eq!(LunarRule::Islamic(1, 1).in_year(2024), day("2024-07-07"));
        assert_eq!(
            LunarRule::IslamicLastFriday(9).in_year(2024),
            day("2024-04-05")
        );
    }

    #[test]
    fn chinese_new_year() {
        assert_eq!(
            LunarRule::ChineseNewYear(0).in_year(2024),
            day("2024-02-10")
        );
        assert_eq!(
            LunarRule::ChineseNewYear(0).in_year(2023),
            day("2023-01-22")
        );
        assert_eq!(
            LunarRule::ChineseNewYear(0).in_year(2014),
            day("2014-01-31")
        );
        assert_eq!(
            LunarRule::ChineseNewYear(0).in_year(2020),
            day("2020-01-25")
        );
    }
}
