//! English names of Hindu, Sikh, Jain, Buddhist, Bengali and Parsi festivals, mapped to the
//! calendar rule that computes them (`dates_hindu.rs`).
//!
//! Transliterations vary ("Diwali"/"Deepavali", "Vaisakhi"/"Baisakhi", "Ravidas"/"Ravidass"),
//! so each name is listed with its common spellings; hyphens between words are skipped by
//! `words_from`. The civil-day rule of each festival is the one its panchang uses where this
//! calendar models it: Rama Navami, Ganesh Chaturthi and Maha Navami at midday, Dussehra and
//! Bhai Dooj in the afternoon, Karva Chauth (a moonrise fast) and Diwali in the evening,
//! Govardhan Puja the day after Diwali, Maha Shivaratri at midnight, the rest at sunrise.
//! First words that are ordinary English or common names ("guru", "maha",
//! "ram", "thai", "bhai", "surya") start a festival only with the whole name after them.

use super::context::Context;
use super::dates_hindu::DayRule::*;
use super::dates_hindu::HinduRule::{self, *};
use super::dates_hindu::IngressRule::*;
use super::dates_holidays::words_from;

// Amanta lunar months and sidereal signs by number.
const CHAITRA: u8 = 0;
const VAISHAKHA: u8 = 1;
const ASHADHA: u8 = 3;
const SHRAVANA: u8 = 4;
const BHADRAPADA: u8 = 5;
const ASHVIN: u8 = 6;
const KARTIKA: u8 = 7;
const PAUSHA: u8 = 9;
const MAGHA: u8 = 10;
const MESHA: u8 = 0;
const MAKARA: u8 = 9;
// Tithis: the bright half 1–15 (Purnima 15), the dark half 16–29, Amavasya 30.
const PURNIMA: u8 = 15;
const fn krishna(day: u8) -> u8 {
    15 + day
}
const AMAVASYA: u8 = 30;

const fn sunrise(month: u8, tithi: u8) -> HinduRule {
    Tithi(month, tithi, Sunrise, 0)
}
const DIWALI: HinduRule = Tithi(ASHVIN, AMAVASYA, Sunset, 0);
const PONGAL: HinduRule = Ingress(MAKARA, BeforeSunset, 0);
const VAISAKHI: HinduRule = Ingress(MESHA, SameDay, 0);
const BENGALI_NEW_YEAR: HinduRule = Ingress(MESHA, NextDay, 0);
const UGADI: HinduRule = sunrise(CHAITRA, 1);
const DUSSEHRA: HinduRule = Tithi(ASHVIN, 10, Afternoon, 0);

/// A festival whose name starts at `index` (`lower` is its first word): its rule and its
/// last token.
pub fn hindu_festival_at(
    context: &Context,
    index: usize,
    lower: &str,
) -> Option<(HinduRule, usize)> {
    let w = |words: &[&str]| words_from(context, index, words);
    let any = |rule: HinduRule, names: &[&[&str]]| {
        names
            .iter()
            .find_map(|words| w(words))
            .map(|last| (rule, last))
    };
    // A name alone, or followed by a word that belongs to it ("Chhath Puja", "Onam festival").
    let alone = |rule: HinduRule, tails: &[&str]| {
        let last = tails
            .iter()
            .find_map(|tail| w(&[lower, tail]))
            .unwrap_or(index);
        Some((rule, last))
    };
    let guru = |rule: HinduRule, names: &[&[&str]]| {
        names.iter().find_map(|name| {
            ["jayanti", "birthday", "gurpurab"]
                .iter()
                .find_map(|tail| {
                    let mut words = vec!["guru"];
                    words.extend_from_slice(name);
                    words.push(tail);
                    w(&words)
                })
                .map(|last| (rule, last))
        })
    };
    match lower {
        "diwali" | "deepavali" | "divali" | "dipawali" | "deepawali" => alone(DIWALI, &[]),
        "lakshmi" | "laxmi" => any(DIWALI, &[&[lower, "puja"]]),
        "dhanteras" | "dhanatrayodashi" => alone(Tithi(ASHVIN, krishna(13), Sunset, 0), &[]),
        "naraka" | "narak" => any(sunrise(ASHVIN, krishna(14)), &[&[lower, "chaturdashi"]]),
        "chhoti" | "choti" => any(sunrise(ASHVIN, krishna(14)), &[&[lower, "diwali"]])
            .or_else(|| any(HolikaDahan(0), &[&[lower, "holi"]])),
        "govardhan" => any(
            Tithi(ASHVIN, AMAVASYA, Sunset, 1),
            &[&["govardhan", "puja"]],
        ),
        "bhai" => any(
            Tithi(KARTIKA, 2, Afternoon, 0),
            &[&["bhai", "dooj"], &["bhai", "duj"], &["bhai", "tika"]],
        ),
        "bhaubeej" | "bhaiya" => any(
            Tithi(KARTIKA, 2, Afternoon, 0),
            &[&["bhaubeej"], &["bhaiya", "dooj"]],
        ),
        "chhath" => alone(sunrise(KARTIKA, 6), &["puja"]),
        "dala" => any(
            sunrise(KARTIKA, 6),
            &[&["dala", "puja"], &["dala", "chhath"]],
        ),
        "surya" => any(
            sunrise(KARTIKA, 6),
            &[
                &["surya", "shashthi"],
                &["surya", "sashti"],
                &["surya", "shashti"],
            ],
        ),
        "holi" | "dhulandi" | "dhuleti" | "phagwah" => alone(HolikaDahan(1), &[]),
        "rangwali" => any(HolikaDahan(1), &[&["rangwali", "holi"]]),
        "holika" => any(
            HolikaDahan(0),
            &[&["holika", "dahan"], &["holika", "dahana"]],
        ),
        "kamudu" => any(HolikaDahan(0), &[&["kamudu", "pyre"]]),
        "navratri" | "navaratri" | "navarathri" => alone(sunrise(ASHVIN, 1), &[]),
        "maha" | "durga" => any(sunrise(ASHVIN, 7), &[&[lower, "saptami"]])
            .or_else(|| any(sunrise(ASHVIN, 8), &[&[lower, "ashtami"]]))
            .or_else(|| any(Tithi(ASHVIN, 9, Midday, 0), &[&[lower, "navami"]]))
            .or_else(|| {
                any(
                    Tithi(MAGHA, krishna(14), Midnight, 0),
                    &[&["maha", "shivaratri"], &["maha", "shivratri"]],
                )
            }),
        "mahashivaratri" | "mahashivratri" | "shivaratri" | "shivratri" => {
            alone(Tithi(MAGHA, krishna(14), Midnight, 0), &[])
        }
        "dussehra" | "dasara" | "dussera" | "dasehra" | "vijayadashami" => alone(DUSSEHRA, &[]),
        "vijaya" => any(DUSSEHRA, &[&["vijaya", "dashami"]]),
        "valmiki" | "maharishi" => any(
            sunrise(ASHVIN, PURNIMA),
            &[
                &["valmiki", "jayanti"],
                &["maharishi", "valmiki", "jayanti"],
                &["maharishi", "valmiki", "s", "birthday"],
            ],
        ),
        "pargat" => any(sunrise(ASHVIN, PURNIMA), &[&["pargat", "diwas"]]),
        "sharad" => any(sunrise(ASHVIN, PURNIMA), &[&["sharad", "purnima"]]),
        "karva" | "karwa" => any(
            Tithi(ASHVIN, krishna(4), Sunset, 0),
            &[&[lower, "chauth"], &[lower, "chouth"]],
        ),
        "ugadi" | "yugadi" => alone(UGADI, &[]),
        "gudi" => any(UGADI, &[&["gudi", "padwa"]]),
        "chaitra" => any(
            UGADI,
            &[
                &["chaitra", "sukladi"],
                &["chaitra", "sukhladi"],
                &["chaitra", "shukladi"],
            ],
        ),
        "ram" | "rama" => any(Tithi(CHAITRA, 9, Midday, 0), &[&[lower, "navami"]]),
        "mahavir" | "mahavira" => any(sunrise(CHAITRA, 13), &[&[lower, "jayanti"]]),
        "hanuman" => any(sunrise(CHAITRA, PURNIMA), &[&["hanuman", "jayanti"]]),
        "buddha" => any(
            sunrise(VAISHAKHA, PURNIMA),
            &[&["buddha", "purnima"], &["buddha", "jayanti"]],
        ),
        "rath" | "ratha" => any(sunrise(ASHADHA, 2), &[&[lower, "yatra"]]),
        "raksha" => any(sunrise(SHRAVANA, PURNIMA), &[&["raksha", "bandhan"]]),
        "janmashtami" | "gokulashtami" => alone(sunrise(SHRAVANA, krishna(8)), &[]),
        "krishna" => any(
            sunrise(SHRAVANA, krishna(8)),
            &[&["krishna", "janmashtami"], &["krishna", "jayanti"]],
        ),
        "ganesh" | "ganesha" | "vinayaka" | "vinayak" => {
            any(Tithi(BHADRAPADA, 4, Midday, 0), &[&[lower, "chaturthi"]])
        }
        "vasant" | "basant" => any(sunrise(MAGHA, 5), &[&[lower, "panchami"]]),
        "saraswati" => any(sunrise(MAGHA, 5), &[&["saraswati", "puja"]]),
        "guru" => guru(sunrise(KARTIKA, PURNIMA), &[&["nanak"]])
            .or_else(|| {
                guru(
                    sunrise(PAUSHA, 7),
                    &[&["gobind", "singh"], &["govind", "singh"]],
                )
            })
            .or_else(|| {
                guru(
                    sunrise(MAGHA, PURNIMA),
                    &[&["ravidas"], &["ravidass"], &["ravi", "das"]],
                )
            })
            .or_else(|| any(sunrise(ASHADHA, PURNIMA), &[&["guru", "purnima"]])),
        "gurpurab" => alone(sunrise(KARTIKA, PURNIMA), &[]),
        "makar" | "makara" => any(PONGAL, &[&[lower, "sankranti"], &[lower, "sankranthi"]]),
        "sankranti" | "pongal" => alone(PONGAL, &[]),
        "thai" => any(PONGAL, &[&["thai", "pongal"]]),
        "bhogi" | "bogi" => alone(Ingress(MAKARA, BeforeSunset, -1), &["pandigai"]),
        "lohri" => alone(Ingress(MAKARA, BeforeSunset, -1), &[]),
        "mattu" | "maattu" => any(Ingress(MAKARA, BeforeSunset, 1), &[&[lower, "pongal"]]),
        "kaanum" | "kanni" | "kaanam" => {
            any(Ingress(MAKARA, BeforeSunset, 2), &[&[lower, "pongal"]])
        }
        "vaisakhi" | "baisakhi" | "vaishakhi" => alone(VAISAKHI, &[]),
        "puthandu" => alone(Ingress(MESHA, BeforeSunset, 0), &[]),
        "tamil" => any(
            Ingress(MESHA, BeforeSunset, 0),
            &[&["tamil", "new", "year"]],
        ),
        "vishu" => alone(Ingress(MESHA, BeforeAfternoon, 0), &[]),
        "pohela" | "poila" | "pahela" => any(
            BENGALI_NEW_YEAR,
            &[
                &[lower, "boishakh"],
                &[lower, "baishakh"],
                &[lower, "baisakh"],
            ],
        ),
        "bengali" => any(BENGALI_NEW_YEAR, &[&["bengali", "new", "year"]]),
        "rabindra" | "rabindranath" | "tagore" => any(
            Ingress(MESHA, NextDay, 24),
            &[&[lower, "jayanti"], &["rabindranath", "tagore", "jayanti"]],
        ),
        "onam" | "thiruvonam" => alone(Onam, &[]),
        "thiru" => any(Onam, &[&["thiru", "onam"]]),
        "parsi" => any(ParsiNewYear, &[&["parsi", "new", "year"]]),
        _ => None,
    }
}

/// First words of [`hindu_festival_at`], for the date-start filter.
pub const HINDU_STARTS: &[&str] = &[
    "diwali",
    "deepavali",
    "divali",
    "dipawali",
    "deepawali",
    "lakshmi",
    "laxmi",
    "dhanteras",
    "dhanatrayodashi",
    "naraka",
    "narak",
    "chhoti",
    "choti",
    "govardhan",
    "bhai",
    "bhaubeej",
    "bhaiya",
    "chhath",
    "dala",
    "surya",
    "holi",
    "dhulandi",
    "dhuleti",
    "phagwah",
    "rangwali",
    "holika",
    "kamudu",
    "navratri",
    "navaratri",
    "navarathri",
    "maha",
    "durga",
    "mahashivaratri",
    "mahashivratri",
    "shivaratri",
    "shivratri",
    "dussehra",
    "dasara",
    "dussera",
    "dasehra",
    "vijayadashami",
    "vijaya",
    "valmiki",
    "maharishi",
    "pargat",
    "sharad",
    "karva",
    "karwa",
    "ugadi",
    "yugadi",
    "gudi",
    "chaitra",
    "ram",
    "rama",
    "mahavir",
    "mahavira",
    "hanuman",
    "buddha",
    "rath",
    "ratha",
    "raksha",
    "janmashtami",
    "gokulashtami",
    "krishna",
    "ganesh",
    "ganesha",
    "vinayaka",
    "vinayak",
    "vasant",
    "basant",
    "saraswati",
    "guru",
    "gurpurab",
    "makar",
    "makara",
    "sankranti",
    "pongal",
    "thai",
    "bhogi",
    "bogi",
    "lohri",
    "mattu",
    "maattu",
    "kaanum",
    "kanni",
    "kaanam",
    "vaisakhi",
    "baisakhi",
    "vaishakhi",
    "puthandu",
    "tamil",
    "vishu",
    "pohela",
    "poila",
    "pahela",
    "bengali",
    "rabindra",
    "rabindranath",
    "tagore",
    "onam",
    "thiruvonam",
    "thiru",
    "parsi",
];
