//! Month and weekday names of both languages, full and abbreviated, looked up by `match` on
//! the lower-cased word.
//!
//! An abbreviation ("gen", "Sept", "ven", "Thu") is also an ordinary word often enough ("mar"
//! is the Italian sea, "Sun" a newspaper, "sat" a verb) that callers accept it only next to a
//! day number, a year or a trailing dot; [`Name::abbreviated`] tells them which case they have.

use crate::model::Lang;
use chrono::Weekday;

/// A month or weekday name as found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name<T> {
    pub value: T,
    pub abbreviated: bool,
}

fn full<T>(value: T) -> Option<Name<T>> {
    Some(Name {
        value,
        abbreviated: false,
    })
}

fn short<T>(value: T) -> Option<Name<T>> {
    Some(Name {
        value,
        abbreviated: true,
    })
}

/// Month number (1–12) of a lower-cased month name or abbreviation.
pub fn month_name(lower: &str, lang: Lang) -> Option<Name<u32>> {
    match lang {
        Lang::It => match lower {
            "gennaio" => full(1),
            "febbraio" => full(2),
            "marzo" => full(3),
            "aprile" => full(4),
            "maggio" => full(5),
            "giugno" => full(6),
            "luglio" => full(7),
            "agosto" => full(8),
            "settembre" => full(9),
            "ottobre" => full(10),
            "novembre" => full(11),
            "dicembre" => full(12),
            "gen" | "genn" => short(1),
            "feb" | "febb" => short(2),
            "mar" => short(3),
            "apr" => short(4),
            "mag" => short(5),
            "giu" => short(6),
            "lug" => short(7),
            "ago" => short(8),
            "set" | "sett" => short(9),
            "ott" => short(10),
            "nov" => short(11),
            "dic" => short(12),
            _ => None,
        },
        Lang::En => match lower {
            "january" => full(1),
            "february" => full(2),
            "march" => full(3),
            "april" => full(4),
            "may" => full(5),
            "june" => full(6),
            "july" => full(7),
            "august" => full(8),
            "september" => full(9),
            "october" => full(10),
            "november" => full(11),
            "december" => full(12),
            "jan" => short(1),
            "feb" => short(2),
            "mar" => short(3),
            "apr" => short(4),
            "jun" => short(6),
            "jul" => short(7),
            "aug" => short(8),
            "sep" | "sept" => short(9),
            "oct" => short(10),
            "nov" => short(11),
            "dec" => short(12),
            _ => None,
        },
    }
}

/// Month number of a lower-cased full month name.
pub fn month_number(lower: &str, lang: Lang) -> Option<u32> {
    month_name(lower, lang)
        .filter(|name| !name.abbreviated)
        .map(|name| name.value)
}

/// Weekday of a lower-cased weekday name or abbreviation.
pub fn weekday_name(lower: &str, lang: Lang) -> Option<Name<Weekday>> {
    use Weekday::*;
    match lang {
        Lang::It => match lower {
            "lunedì" | "lunedi" => full(Mon),
            "martedì" | "martedi" => full(Tue),
            "mercoledì" | "mercoledi" => full(Wed),
            "giovedì" | "giovedi" => full(Thu),
            "venerdì" | "venerdi" => full(Fri),
            "sabato" => full(Sat),
            "domenica" => full(Sun),
            "lun" => short(Mon),
            "mar" => short(Tue),
            "mer" => short(Wed),
            "gio" => short(Thu),
            "ven" => short(Fri),
            "sab" => short(Sat),
            "dom" => short(Sun),
            _ => None,
        },
        Lang::En => match lower {
            "monday" => full(Mon),
            "tuesday" => full(Tue),
            "wednesday" => full(Wed),
            "thursday" => full(Thu),
            "friday" => full(Fri),
            "saturday" => full(Sat),
            "sunday" => full(Sun),
            "mon" => short(Mon),
            "tue" | "tues" => short(Tue),
            "wed" => short(Wed),
            "thu" | "thur" | "thurs" => short(Thu),
            "fri" => short(Fri),
            "sat" => short(Sat),
            "sun" => short(Sun),
            _ => None,
        },
    }
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
}
