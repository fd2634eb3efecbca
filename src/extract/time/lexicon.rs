//! Month and weekday names, full and abbreviated, looked up in the language's lexicon
//! (`lang/<code>/time.rs`).
//!
//! An abbreviation ("gen", "Sept", "ven", "Thu") is also an ordinary word often enough ("mar"
//! is the Italian sea, "Sun" a newspaper, "sat" a verb) that callers accept it only next to a
//! day number, a year or a trailing dot; [`Name::abbreviated`] tells them which case they have.

use crate::extract::lang::lexicon;
pub use crate::extract::lang::time::Name;
use crate::model::Lang;
use chrono::Weekday;

/// Month number (1–12) of a lower-cased month name or abbreviation.
pub fn month_name(lower: &str, lang: Lang) -> Option<Name<u32>> {
    let time = lexicon(lang).time;
    time.month_index.get(time.months, lower)
}

/// Month number of a lower-cased full month name.
pub fn month_number(lower: &str, lang: Lang) -> Option<u32> {
    month_name(lower, lang)
        .filter(|name| !name.abbreviated)
        .map(|name| name.value)
}

/// Weekday of a lower-cased weekday name or abbreviation.
pub fn weekday_name(lower: &str, lang: Lang) -> Option<Name<Weekday>> {
    let time = lexicon(lang).time;
    time.weekday_index.get(time.weekdays, lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_full_and_short() {
        assert_eq!(month_number("dicembre", Lang::It), Some(12));
        assert_eq!(month_number("february", Lang::En), Some(2));
        assert_eq!(month_number("december", Lang::It), None);
        assert_eq!(month_number("sept", Lang::En), None);
        assert_eq!(month_name("sept", Lang::En).map(|n| n.value), Some(9));
        assert!(month_name("ott", Lang::It).is_some_and(|n| n.abbreviated));
    }

    #[test]
    fn weekdays_full_and_short() {
        assert_eq!(
            weekday_name("venerdì", Lang::It).map(|n| n.value),
            Some(Weekday::Fri)
        );
        assert_eq!(
            weekday_name("lunedi", Lang::It).map(|n| n.value),
            Some(Weekday::Mon)
        );
        assert!(weekday_name("thurs", Lang::En).is_some_and(|n| n.abbreviated));
        assert_eq!(weekday_name("sunday", Lang::It), None);
    }

    #[test]
    fn spanish_months_and_weekdays() {
        let es = Lang::Es;
        assert_eq!(month_name("septiembre", es).map(|n| n.value), Some(9));
        assert_eq!(month_name("setiembre", es).map(|n| n.value), Some(9));
        assert!(month_name("ene", es).is_some_and(|n| n.abbreviated));
        assert_eq!(
            weekday_name("miércoles", es).map(|n| n.value),
            Some(Weekday::Wed)
        );
        assert_eq!(month_name("january", es), None);
    }
}
