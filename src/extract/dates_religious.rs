//! English names of Jewish, Islamic and Chinese holidays, mapped to the calendar rule that
//! computes them (`dates_lunar.rs`); Hindu festivals are named in `dates_hindu_names.rs`.
//!
//! Transliterations vary ("Hanukkah"/"Chanukah", "Eid al-Fitr"/"Id ul-Fitr"), so a name is
//! matched word by word with its common spellings; the hyphens and apostrophes between the
//! words are skipped by `words_from`. Words that are also ordinary English ("night",
//! "sacrifice", "lunar") start a holiday only with the whole name after them.

use super::context::Context;
use super::dates_holidays::words_from;
use super::dates_lunar::HebrewMonth::*;
use super::dates_lunar::LunarRule::{self, *};

/// The Islamic months by number (Umm al-Qura).
const MUHARRAM: u8 = 1;
const RABI_AL_AWWAL: u8 = 3;
const RAJAB: u8 = 7;
const RAMADAN: u8 = 9;
const SHAWWAL: u8 = 10;
const DHU_AL_HIJJAH: u8 = 12;

/// A religious holiday whose name starts at `index` (`lower` is its first word): its rule and
/// its last token.
pub fn religious_holiday_at(
    context: &Context,
    index: usize,
    lower: &str,
) -> Option<(LunarRule, usize)> {
    let w = |words: &[&str]| words_from(context, index, words);
    let any = |rule: LunarRule, names: &[&[&str]]| {
        names
            .iter()
            .find_map(|words| w(words))
            .map(|last| (rule, last))
    };
    let alone = |rule: LunarRule| Some((rule, index));
    match lower {
        // Jewish holidays.
        "rosh" => any(
            Hebrew(Tishrei, 1),
            &[
                &["rosh", "hashanah"],
                &["rosh", "hashana"],
                &["rosh", "ha", "shanah"],
            ],
        ),
        "yom" => any(
            Hebrew(Tishrei, 10),
            &[&["yom", "kippur"], &["yom", "kipur"]],
        )
        .or_else(|| {
            any(
                IndependenceDay,
                &[&["yom", "haatzmaut"], &["yom", "ha", "atzmaut"]],
            )
        })
        .or_else(|| {
            any(
                HolocaustDay,
                &[
                    &["yom", "hashoah"],
                    &["yom", "ha", "shoah"],
                    &["yom", "hashoa"],
                ],
            )
        }),
        "holocaust" => any(HolocaustDay, &[&["holocaust", "day"]]),
        "sukkot" | "succot" | "sukkoth" => alone(Hebrew(Tishrei, 15)),
        "shemini" => any(Hebrew(Tishrei, 22), &[&["shemini", "atzeret"]]),
        "simchat" | "simhat" => any(Hebrew(Tishrei, 23), &[&[lower, "torah"]]),
        "hanukkah" | "chanukah" | "hanukah" | "chanukkah" => alone(Hebrew(Kislev, 25)),
        "tu" => any(
            Hebrew(Shevat, 15),
            &[
                &["tu", "bishvat"],
                &["tu", "bshevat"],
                &["tu", "b", "shvat"],
            ],
        ),
        "purim" => alone(Hebrew(Adar, 14)),
        "shushan" => any(Hebrew(Adar, 15), &[&["shushan", "purim"]]),
        "passover" | "pesach" => alone(Hebrew(Nisan, 15)),
        "lag" => any(
            Hebrew(Iyar, 18),
            &[
                &["lag", "baomer"],
                &["lag", "b", "omer"],
                &["lag", "ba", "omer"],
            ],
        ),
        "shavuot" | "shavuos" => alone(Hebrew(Sivan, 6)),
        "tisha" => any(TishaBav, &[&["tisha", "b", "av"], &["tisha", "bav"]]),
        // Islamic holidays.
        "eid" | "id" => any(
            Islamic(SHAWWAL, 1),
            &[
                &[lower, "al", "fitr"],
                &[lower, "ul", "fitr"],
                &[lower, "el", "fitr"],
            ],
        )
        .or_else(|| {
            any(
                Islamic(DHU_AL_HIJJAH, 10),
                &[
                    &[lower, "al", "adha"],
                    &[lower, "ul", "adha"],
                    &[lower, "el", "adha"],
                    &[lower, "ul", "azha"],
                ],
            )
        }),
        "bakr" | "bakra" => any(
            Islamic(DHU_AL_HIJJAH, 10),
            &[&[lower, "id"], &[lower, "eid"]],
        ),
        "bakrid" => alone(Islamic(DHU_AL_HIJJAH, 10)),
        "sacrifice" => any(Islamic(DHU_AL_HIJJAH, 10), &[&["sacrifice", "feast"]]),
        "feast" => any(Islamic(DHU_AL_HIJJAH, 10), &[&["feast", "of", "sacrifice"]]),
        "ramadan" | "ramzan" => alone(Islamic(RAMADAN, 1)),
        "islamic" | "hijri" => any(Islamic(MUHARRAM, 1), &[&[lower, "new", "year"]]),
        "ashura" => alone(Islamic(MUHARRAM, 10)),
        "mawlid" | "milad" => alone(Islamic(RABI_AL_AWWAL, 12)),
        "laylat" | "lailat" => any(Islamic(RAMADAN, 27), &[&[lower, "al", "qadr"]])
            .or_else(|| any(Islamic(RAJAB, 27), &[&[lower, "al", "miraj"]])),
        "night" => any(
            Islamic(RAMADAN, 27),
            &[
                &["night", "of", "power"],
                &["night", "of", "measures"],
                &["night", "of", "decree"],
            ],
        )
        .or_else(|| any(Islamic(RAJAB, 27), &[&["night", "journey"]])),
        "isra" => any(
            Islamic(RAJAB, 27),
            &[
                &["isra", "and", "miraj"],
                &["isra", "mi", "raj"],
                &["isra", "miraj"],
            ],
        ),
        "prophet" => any(Islamic(RAJAB, 27), &[&["prophet", "s", "ascension"]])
            .or_else(|| any(Islamic(RABI_AL_AWWAL, 12), &[&["prophet", "s", "birthday"]])),
        "jumu" | "jamat" => any(
            IslamicLastFriday(RAMADAN),
            &[&["jumu", "atul", "wida"], &["jamat", "ul", "vida"]],
        ),
        // The Chinese new year.
        "chinese" => any(
            ChineseNewYear(0),
            &[
                &["chinese", "lunar", "new", "year", "s", "day"],
                &["chinese", "new", "year", "s", "day"],
                &["chinese", "lunar", "new", "year"],
                &["chinese", "new", "year"],
            ],
        ),
        "lunar" => any(
            ChineseNewYear(0),
            &[
                &["lunar", "new", "year", "s", "day"],
                &["lunar", "new", "year"],
            ],
        ),
        "spring" => any(ChineseNewYear(0), &[&["spring", "festival"]]),
        _ => super::dates_hindu_names::hindu_festival_at(context, index, lower)
            .map(|(rule, last)| (Hindu(rule), last)),
    }
}

/// First words of [`religious_holiday_at`], for the date-start filter.
pub const RELIGIOUS_STARTS: &[&str] = &[
    "rosh",
    "yom",
    "holocaust",
    "sukkot",
    "succot",
    "sukkoth",
    "shemini",
    "simchat",
    "simhat",
    "hanukkah",
    "chanukah",
    "hanukah",
    "chanukkah",
    "tu",
    "purim",
    "shushan",
    "passover",
    "pesach",
    "lag",
    "shavuot",
    "shavuos",
    "tisha",
    "eid",
    "id",
    "bakr",
    "bakra",
    "bakrid",
    "sacrifice",
    "feast",
    "ramadan",
    "ramzan",
    "islamic",
    "hijri",
    "ashura",
    "mawlid",
    "milad",
    "laylat",
    "lailat",
    "night",
    "isra",
    "prophet",
    "jumu",
    "jamat",
    "chinese",
    "lunar",
    "spring",
];
