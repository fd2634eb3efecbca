//! Italian spelled numbers (see [`SpelledWords`](crate::extract::lang::spelled::SpelledWords)):
//! a compound grammar, numbers below a million written as one word ("duemilatrecento",
//! "settantacinquesimo").

use crate::extract::lang::spelled::{CompoundWords, Grammar, SpelledWords};

pub(super) const STARTS: &[&[u8; 3]] = &[
    b"uno", b"una", b"due", b"tre", b"tr\xC3", b"qua", b"cin", b"sei", b"set", b"ott", b"nov",
    b"die", b"und", b"dod", b"qui", b"sed", b"dic", b"ven", b"ses", b"cen", b"mil", b"zer", b"mez",
    b"pri", b"sec", b"ter", b"non", b"dec",
];

pub(super) const COLLECTIVES: &[(&str, u64, bool)] = &[
    ("dozzina", 12, false),
    ("decina", 10, true),
    ("ventina", 20, true),
    ("trentina", 30, true),
    ("quarantina", 40, true),
    ("cinquantina", 50, true),
    ("sessantina", 60, true),
    ("settantina", 70, true),
    ("ottantina", 80, true),
    ("novantina", 90, true),
    ("centinaio", 100, true),
    ("migliaio", 1000, true),
];
pub(super) const HALF: &[&str] = &["mezza", "mezzo"];

static COMPOUND: CompoundWords = CompoundWords {
    units: [
        "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove",
    ],
    unit_variants: &[("tré", 3)],
    teens: [
        "dieci",
        "undici",
        "dodici",
        "tredici",
        "quattordici",
        "quindici",
        "sedici",
        "diciassette",
        "diciotto",
        "diciannove",
    ],
    tens: [
        ("vent", "i"),
        ("trent", "a"),
        ("quarant", "a"),
        ("cinquant", "a"),
        ("sessant", "a"),
        ("settant", "a"),
        ("ottant", "a"),
        ("novant", "a"),
    ],
    vowel_dropping_units: &["uno", "otto"],
    hundred: "cent",
    hundred_vowel: 'o',
    thousand: "mille",
    thousands: "mila",
    zero: "zero",
    starts: STARTS,
    irregular_ordinals: &[
        ("prim", 1),
        ("second", 2),
        ("terz", 3),
        ("quart", 4),
        ("quint", 5),
        ("sest", 6),
        ("settim", 7),
        ("ottav", 8),
        ("non", 9),
        ("decim", 10),
    ],
    ordinal_suffixes: &["esimo", "esima", "esimi", "esime"],
    ordinal_restored_vowels: &["", "e", "i", "o", "a"],
    ordinal_endings: &['o', 'a', 'i', 'e'],
    plural_endings: &['i', 'e'],
    ambiguous_ordinals: &["secondo"],
    not_nouns: &["ancora", "possibile"],
    after_lone_one: &["di", "dei", "degli", "delle", "su"],
    not_denominators: &["centesim"],
};

pub static SPELLED: SpelledWords = SpelledWords {
    grammar: Grammar::Compound(&COMPOUND),
    one_articles: &["un", "una", "uno"],
    collectives: COLLECTIVES,
    half_words: HALF,
    determiners: &[
        "il", "lo", "la", "i", "gli", "le", "l", "al", "allo", "alla", "ai", "agli", "alle", "del",
        "dello", "della", "dei", "degli", "delle", "nel", "nello", "nella", "nei", "negli",
        "nelle", "dal", "dallo", "dalla", "dai", "dagli", "dalle", "sul", "sullo", "sulla", "sui",
        "sugli", "sulle", "un", "una", "suo", "sua", "loro", "questo", "questa",
    ],
    pronoun_determiners: &[],
    ordinal_nouns: &["volta"],
    denominators: &[
        ("mezzo", 2, false),
        ("mezza", 2, false),
        ("mezzi", 2, true),
        ("mezze", 2, true),
        ("milionesimo", 1_000_000, false),
        ("milionesimi", 1_000_000, true),
        ("miliardesimo", 1_000_000_000, false),
        ("miliardesimi", 1_000_000_000, true),
        ("bilionesimo", 1_000_000_000, false),
        ("bilionesimi", 1_000_000_000, true),
        ("trilionesimo", 1_000_000_000_000, false),
        ("trilionesimi", 1_000_000_000_000, true),
    ],
    fraction_and: "e",
    fraction_of: &["di"],
    ratio_ends_phrase: false,
};
