//! Hindu, Sikh, Bengali and Parsi festivals as Gregorian days, computed from the Sun and the
//! Moon (`astro.rs`) for New Delhi, never from tables of festival dates.
//!
//! - **Lunar days (tithi)**: the Moon's elongation from the Sun in steps of 12°. A month runs
//!   from new moon to new moon (*amanta*) and is named by the solar ingress (sidereal,
//!   Lahiri) it contains: the month holding the Sun's entry into Mesha is Chaitra, and so on; a
//!   month without an ingress is an intercalary (*adhika*) month and never holds a festival
//!   here. A festival of the dark half named in the northern *purnimanta* way (Janmashtami
//!   "Bhadrapada Krishna Ashtami") is written here with its amanta month (Shravana).
//! - **Which civil day**: the tithi prevailing at sunrise (*udaya tithi*), except the evening
//!   observances, which take the first day whose sunset falls in the tithi (Diwali's Lakshmi
//!   Puja, Dhanteras, Karva Chauth), the midday ones (Rama Navami, Ganesh Chaturthi: the
//!   middle of the daytime), the afternoon ones (Dussehra, Bhai Dooj: the middle of
//!   *aparahna*, the fourth fifth of the daytime) and Maha Shivaratri, the night whose
//!   midnight falls in it. Each festival's rule is named in `dates_hindu_names.rs`. Holika Dahan
//!   is the evening of Phalguna Purnima, moved to the next evening when Bhadra (the first half
//!   of the tithi) lasts past midnight; Holi is the day after. A tithi that spans no sunrise
//!   (*kshaya*) is observed on the day it begins.
//! - **Solar days (sankranti)**: the Sun's sidereal ingress, turned into a civil day by the
//!   region's rule: Punjab and Odisha take the day of the ingress (Vaisakhi); the Tamil rule
//!   the same day if it comes before sunset, else the next (Makar Sankranti, Pongal, Puthandu);
//!   the Malayalam rule the same day if before three fifths of the daytime (Vishu); the Bengal
//!   rule the next day (Pohela Boishakh, with 25 Boishakh, Rabindra Jayanti, 24 days later:
//!   West Bengal's traditional calendar, not Bangladesh's fixed 14 April).
//! - **Onam**: the first day in the solar month Chingam whose sunrise finds the Moon in the
//!   Thiruvonam (Shravana) nakshatra.
//! - **Parsi New Year**: the Shahenshahi calendar has 365-day years with no leap day, so its
//!   new year moves a day earlier every four Gregorian years; it is counted from 16 August 2023.
//!
//! Panchangs of other places, and communities that follow their own rules, may differ by a
//! day; every claim carries that note.

use super::astro::{
    NEW_DELHI, civil_day, day_start, elongation, sidereal_moon, sidereal_sun, sun_event,
    time_of_angle,
};
use super::dates_calendar::shift_days;
use chrono::{Datelike, NaiveDate};

/// Which instant of a civil day must fall in the tithi for the day to hold the festival.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayRule {
    Sunrise,
    /// Midday, the middle of *madhyahna* (Rama Navami, Ganesh Chaturthi).
    Midday,
    /// The middle of *aparahna*, the fourth fifth of the daytime (Dussehra, Bhai Dooj).
    Afternoon,
    Sunset,
    Midnight,
}

/// How a solar ingress becomes a civil day (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngressRule {
    SameDay,
    BeforeSunset,
    BeforeAfternoon,
    NextDay,
}

/// How a festival's day follows from the Hindu calendar, plus a number of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HinduRule {
    /// Tithi 1–30 (Shukla 1–15, Krishna 16–29, Amavasya 30) of the amanta month 0–11
    /// (Chaitra … Phalguna).
    Tithi(u8, u8, DayRule, i8),
    /// Holika Dahan (Holi is the day after).
    HolikaDahan(i8),
    /// The Sun's entry into a sidereal sign 0–11 (Mesha … Meena).
    Ingress(u8, IngressRule, i8),
    Onam,
    ParsiNewYear,
}

pub const OBSERVANCE_NOTE: &str = "computed for New Delhi (sidereal, Lahiri); regional calendars and communities may observe it a day apart";

const MEAN_ELONGATION_PER_DAY: f64 = 12.190_749;
const MEAN_SUN_PER_DAY: f64 = 0.985_647;

impl HinduRule {
    /// The festival's Gregorian day in `year` (the first one, if it falls twice).
    pub fn in_year(self, year: i32) -> Option<NaiveDate> {
        if !(1800..=2200).contains(&year) {
            return None;
        }
        match self {
            HinduRule::Tithi(month, tithi, rule, shift) => first_in_year(year, |ingress_year| {
                let (start, end) = tithi_span(month, tithi, ingress_year);
                shift_days(day_of_tithi(start, end, rule)?, i64::from(shift))
            }),
            HinduRule::HolikaDahan(shift) => first_in_year(year, |ingress_year| {
                shift_days(holika_dahan(ingress_year)?, i64::from(shift))
            }),
            HinduRule::Ingress(sign, rule, shift) => first_in_year(year, |ingress_year| {
                let moment = ingress(sign, ingress_year);
                shift_days(day_of_ingress(moment, rule)?, i64::from(shift))
            }),
            HinduRule::Onam => onam(year),
            HinduRule::ParsiNewYear => parsi_new_year(year),
        }
    }
}

/// The earliest of the days computed for the ingresses of `year - 1 ..= year + 1` that falls
/// in `year` (a month near January can hold its festival in either Gregorian year).
fn first_in_year(year: i32, day_of: impl Fn(i32) -> Option<NaiveDate>) -> Option<NaiveDate> {
    (year - 1..=year + 1)
        .filter_map(day_of)
        .filter(|day| day.year() == year)
        .min()
}

/// The moment (Julian day, UT) the Sun enters sidereal sign `sign` in Gregorian `year`.
fn ingress(sign: u8, year: i32) -> f64 {
    let january_first =
        NaiveDate::from_ymd_opt(year, 1, 1).map_or(0.0, |d| day_start(d, NEW_DELHI));
    // Mesha's ingress comes about 14 April (day 103 of the year), each sign a month later.
    let day_of_year = (103.5 + 30.44 * f64::from(sign)).rem_euclid(365.25);
    time_of_angle(
        sidereal_sun,
        f64::from(sign) * 30.0,
        january_first + day_of_year,
        MEAN_SUN_PER_DAY,
    )
}

/// The start and end (Julian days, UT) of tithi `tithi` in the amanta month `month` of the
/// year whose ingress into sign `month` falls in Gregorian `ingress_year`.
fn tithi_span(month: u8, tithi: u8, ingress_year: i32) -> (f64, f64) {
    let sign_entry = ingress(month, ingress_year);
    let new_moon = time_of_angle(
        elongation,
        0.0,
        sign_entry - elongation(sign_entry) / MEAN_ELONGATION_PER_DAY,
        MEAN_ELONGATION_PER_DAY,
    );
    let boundary = |count: u8| {
        let target = f64::from(count) * 12.0;
        time_of_angle(
            elongation,
            target % 360.0,
            new_moon + target / MEAN_ELONGATION_PER_DAY,
            MEAN_ELONGATION_PER_DAY,
        )
    };
    let start = if tithi <= 1 {
        new_moon
    } else {
        boundary(tithi - 1)
    };
    (start, boundary(tithi))
}

/// The instant of `day` that `rule` looks at.
fn moment_of(day: NaiveDate, rule: DayRule) -> Option<f64> {
    match rule {
        DayRule::Sunrise => sun_event(day, NEW_DELHI, true),
        DayRule::Midday => {
            let sunrise = sun_event(day, NEW_DELHI, true)?;
            let sunset = sun_event(day, NEW_DELHI, false)?;
            Some(sunrise + 0.5 * (sunset - sunrise))
        }
        DayRule::Afternoon => {
            let sunrise = sun_event(day, NEW_DELHI, true)?;
            let sunset = sun_event(day, NEW_DELHI, false)?;
            Some(sunrise + 0.7 * (sunset - sunrise))
        }
        DayRule::Sunset => sun_event(day, NEW_DELHI, false),
        DayRule::Midnight => {
            let sunset = sun_event(day, NEW_DELHI, false)?;
            let next_sunrise = sun_event(day.succ_opt()?, NEW_DELHI, true)?;
            Some((sunset + next_sunrise) / 2.0)
        }
    }
}

/// The first civil day whose `rule` instant falls in `start..end`; if none does, the day the
/// tithi begins.
fn day_of_tithi(start: f64, end: f64, rule: DayRule) -> Option<NaiveDate> {
    let first = civil_day(start, NEW_DELHI)?;
    // A midnight belongs to the day before it.
    let from = if rule == DayRule::Midnight {
        first.pred_opt()?
    } else {
        first
    };
    let mut day = from;
    for _ in 0..3 {
        let instant = moment_of(day, rule)?;
        if instant >= start && instant < end {
            return Some(day);
        }
        day = day.succ_opt()?;
    }
    Some(first)
}

/// Holika Dahan: the evening of Phalguna Purnima. When Bhadra (the first half of the
/// Purnima) lasts past that midnight and the Purnima reaches the next day's *sayahna* (its
/// last three muhurtas, a fifth of the daytime), the pyre waits for the next evening.
fn holika_dahan(ingress_year: i32) -> Option<NaiveDate> {
    const PHALGUNA: u8 = 11;
    let (start, end) = tithi_span(PHALGUNA, 15, ingress_year);
    let evening = day_of_tithi(start, end, DayRule::Sunset)?;
    let bhadra_end = (start + end) / 2.0;
    let next = evening.succ_opt()?;
    let next_sunrise = sun_event(next, NEW_DELHI, true)?;
    let next_sunset = sun_event(next, NEW_DELHI, false)?;
    let sayahna = next_sunset - (next_sunset - next_sunrise) / 5.0;
    if bhadra_end > moment_of(evening, DayRule::Midnight)? && end > sayahna {
        Some(next)
    } else {
        Some(evening)
    }
}

fn day_of_ingress(moment: f64, rule: IngressRule) -> Option<NaiveDate> {
    let day = civil_day(moment, NEW_DELHI)?;
    let same_day = match rule {
        IngressRule::SameDay => true,
        IngressRule::NextDay => false,
        IngressRule::BeforeSunset => moment < sun_event(day, NEW_DELHI, false)?,
        IngressRule::BeforeAfternoon => {
            let sunrise = sun_event(day, NEW_DELHI, true)?;
            let sunset = sun_event(day, NEW_DELHI, false)?;
            moment < sunrise + 0.6 * (sunset - sunrise)
        }
    };
    if same_day { Some(day) } else { day.succ_opt() }
}

/// Onam: the day of Chingam (the Sun in sidereal Simha) whose sunrise finds the Moon in
/// Thiruvonam, the 22nd nakshatra (280° to 293°20′); when Chingam holds two, the later one.
fn onam(year: i32) -> Option<NaiveDate> {
    const SIMHA: u8 = 4;
    let first = civil_day(ingress(SIMHA, year), NEW_DELHI)?;
    let is_onam = |day: NaiveDate| {
        let Some(sunrise) = sun_event(day, NEW_DELHI, true) else {
            return false;
        };
        let in_chingam = (120.0..150.0).contains(&sidereal_sun(sunrise));
        let in_thiruvonam = (sidereal_moon(sunrise) / (360.0 / 27.0)).floor() as i32 == 21;
        in_chingam && in_thiruvonam
    };
    let mut day = (0..33)
        .rev()
        .filter_map(|offset| shift_days(first, offset))
        .find(|&day| is_onam(day))?;
    // A nakshatra spanning two sunrises is kept on the first.
    while let Some(before) = day.pred_opt().filter(|&before| is_onam(before)) {
        day = before;
    }
    Some(day)
}

/// The Shahenshahi new year (Roz Hormazd of Mah Farvardin) falling in `year`: the first day
/// from 1 January a whole number of 365-day years away from 16 August 2023.
fn parsi_new_year(year: i32) -> Option<NaiveDate> {
    let known = NaiveDate::from_ymd_opt(2023, 8, 16)?;
    let january_first = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let days_after = (january_first - known).num_days();
    let years = days_after.div_euclid(365) + i64::from(days_after.rem_euclid(365) != 0);
    let day = shift_days(known, years * 365)?;
    (day.year() == year).then_some(day)
}

#[cfg(test)]
#[path = "dates_hindu_tests.rs"]
mod tests;
