//! The shape of a language's words for dates relative to the article and for the tense of a
//! sentence: "today", "next month", "l'anno scorso", "el próximo lunes", "3 days ago", and the
//! cues that tell whether a bare "Monday" is the last or the next one.
//!
//! Each language fills one [`RelativeWords`] (in `lang/<code>/relative.rs`). An empty list
//! turns its construction off: the pipeline reads the fields and never a word of its own.

use super::index::same_word;

/// What a modifier word does to the date after (or before) it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modifier {
    Next,
    Last,
    This,
    /// "the coming Friday": the nearest one ahead.
    Coming,
}

impl Modifier {
    /// How far the modifier moves: +1, -1 or 0 periods.
    pub fn offset(self) -> i32 {
        match self {
            Modifier::Next | Modifier::Coming => 1,
            Modifier::Last => -1,
            Modifier::This => 0,
        }
    }
}

/// A calendar period a modifier moves by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Month,
    Year,
}

/// A day named relative to the article: ("domani", +1); `before` is a word that must precede
/// it and opens the claim ("in giornata").
#[derive(Debug, Clone, Copy)]
pub struct RelativeDay {
    pub before: Option<&'static str>,
    /// Words before it that make it another word ("la mañana" is the morning).
    pub not_after: &'static [&'static str],
    pub words: &'static [&'static str],
    pub offset: i64,
}

/// A relative day without a word before it.
pub const fn day(words: &'static [&'static str], offset: i64) -> RelativeDay {
    RelativeDay {
        before: None,
        not_after: &[],
        words,
        offset,
    }
}

/// See the module documentation.
#[derive(Debug)]
pub struct RelativeWords {
    pub days: &'static [RelativeDay],
    pub modifiers: &'static [(&'static str, Modifier)],
    pub periods: &'static [(&'static str, Period)],
    /// The period word comes before its modifier ("l'anno scorso", "el año pasado").
    pub period_before_modifier: bool,
    /// Modifiers of several words after the period word ("el año que viene", "l'anno che
    /// viene").
    pub modifier_phrases_after: &'static [(&'static [&'static str], Modifier)],
    /// A modifier may follow a month or weekday name ("marzo scorso", "el lunes pasado").
    pub modifier_after_month: bool,
    /// Words of "one" before a period ("a week ago", "un anno fa").
    pub one_words: &'static [&'static str],
    /// The definite article that opens English-style ordinal dates ("the first of May", "the
    /// last Friday of October"); empty where the language has no such construction.
    pub the_words: &'static [&'static str],
    /// "of" between a holiday or ordinal and what it belongs to ("MLK day of last year").
    pub of_words: &'static [&'static str],
    /// Quarters and halves of a year after an ordinal ("il secondo trimestre del 2024", "the
    /// first half of 2023", "el primer semestre").
    pub quarter_words: &'static [&'static str],
    pub half_year_words: &'static [&'static str],
    /// Capital letters written before a quarter's or half's number ("Q3", "H1", Spanish "T2").
    pub quarter_letters: &'static [&'static str],
    pub half_letters: &'static [&'static str],
    /// Capital letters glued or next to a fiscal year's digits ("FY24", "FY 2024").
    pub fiscal_year_letters: &'static [&'static str],
    /// Phrases right before a year that make it a fiscal year ("fiscal 2024", "l'esercizio
    /// 2023", "el año fiscal 2024"); the longest that matches is taken.
    pub fiscal_year_words: &'static [&'static [&'static str]],
    /// The word "day" ("the third day of October", "l'ultimo giorno di ottobre").
    pub day_words: &'static [&'static str],
    /// "in" before a count of days ("in 3 days").
    pub in_words: &'static [&'static str],
    /// Phrases before a count of days or weeks that make it a date ahead ("in 3 days", "tra
    /// tre giorni", "dentro de tres días").
    pub ahead_phrases: &'static [&'static [&'static str]],
    /// Words between "week" and a weekday ("next week on Friday", "la prossima settimana, di
    /// venerdì").
    pub week_fillers: &'static [&'static str],
    /// After a count: past and future direction words ("ago", "back"; "hence"; "from now").
    pub ago_words: &'static [&'static str],
    pub hence_words: &'static [&'static str],
    /// Past direction words written before the count ("hace tres años").
    pub ago_before: &'static [&'static str],
    pub from_now: &'static [&'static str],
    /// "2 upcoming days".
    pub upcoming_words: &'static [&'static str],
    /// The plural ending of weekday names ("3 fridays from now").
    pub weekday_plural: &'static str,
    /// Weekday abbreviations that are also ordinary words ("sat", "sun").
    pub ambiguous_weekdays: &'static [&'static str],
    /// Ordinal ranks for "the second Monday of May", "l'ultimo venerdì": (word, rank), -1 for
    /// the last.
    pub ranks: &'static [(&'static str, i32)],
    /// Days of the month in words may stand alone ("on the second"), introduced by these.
    pub spelled_day_introducers: &'static [&'static str],
    /// Day ordinals that the number reader only reads after an article ("first", "primo").
    pub day_ordinals: &'static [(&'static str, u32)],
    /// "il primo dell'anno": New Year's day as a phrase.
    pub first_of_year: &'static [&'static str],
    /// Words before a bare day number that make it a date ("il 5", "on the 5th").
    pub numeric_day_articles: &'static [&'static str],
    /// Words between a day and its month ("15 of February", "15 de marzo"), and between a
    /// month and its year ("marzo de 2024").
    pub day_month_joiners: &'static [&'static str],
    pub year_joiners: &'static [&'static str],
    /// The month is written before the day ("January 15").
    pub month_first: bool,
    /// Months whose names are ordinary words in lower case ("march", "may"), and the words
    /// before them that still make them months ("in may", "since may").
    pub ambiguous_months: &'static [u32],
    pub ambiguous_month_cues: &'static [&'static str],
    /// Endings after an apostrophe inside a name ("New Year's Day").
    pub possessive: &'static [&'static str],
    pub anchors: AnchorWords,
    pub tense: TenseWords,
    pub clock: ClockWords,
}

/// Words that place a date against another ("the closest Monday to May 5", "the first Friday
/// after Easter", "March after next").
#[derive(Debug)]
pub struct AnchorWords {
    /// "closest", "nearest": the date nearest to an anchor, named after "to".
    pub nearest: &'static [&'static str],
    pub to: &'static [&'static str],
    /// Anchors that are the article's day ("to today", "to now").
    pub now: &'static [&'static str],
    /// After and before an anchor ("the first Monday after Christmas"); "after" with a
    /// "next" modifier is one occurrence further ("Friday after next").
    pub after: &'static [&'static str],
    pub before: &'static [&'static str],
}

impl AnchorWords {
    /// For a language whose dates are not placed this way.
    pub const NONE: AnchorWords = AnchorWords {
        nearest: &[],
        to: &[],
        now: &[],
        after: &[],
        before: &[],
    };
}

/// Words around a clock time (`time/clock.rs`).
#[derive(Debug)]
pub struct ClockWords {
    /// Words right before a time written with a dot or a colon ("alle 14.30", "las 9.15").
    pub cues: &'static [&'static str],
    /// Words right before a time written with a colon only ("at 9:15"; "at 5.25" is a rate).
    pub colon_cues: &'static [&'static str],
    /// Suffixes after a time, and whether each is an afternoon one ("p.m.").
    pub suffixes: &'static [(&'static str, bool)],
    /// Race times are written with minute and second marks ("2h09'14\"", "9\"84"); not in
    /// English, where 5'11" is a height in feet and inches.
    pub race_marks: bool,
}

/// Cues of the tense of a sentence.
#[derive(Debug)]
pub struct TenseWords {
    pub future_words: &'static [&'static str],
    pub past_words: &'static [&'static str],
    /// Word endings of future and past verb forms, for words of at least `min_chars` letters.
    pub future_endings: &'static [&'static str],
    pub past_endings: &'static [&'static str],
    /// Endings that look past but are not ("speed").
    pub not_past_endings: &'static [&'static str],
    pub min_chars: usize,
    /// Auxiliaries that make a past tense with a participle after them ("sono tornati", "ha
    /// firmado").
    pub auxiliaries: &'static [&'static str],
    pub participle_endings: &'static [&'static str],
}

impl RelativeWords {
    pub fn modifier(&self, lower: &str) -> Option<Modifier> {
        self.modifiers
            .iter()
            .find(|(word, _)| same_word(word, lower))
            .map(|&(_, m)| m)
    }

    pub fn period(&self, lower: &str) -> Option<Period> {
        self.periods
            .iter()
            .find(|(word, _)| same_word(word, lower))
            .map(|&(_, p)| p)
    }

    pub fn rank(&self, lower: &str) -> Option<i32> {
        self.ranks
            .iter()
            .find(|(word, _)| same_word(word, lower))
            .map(|&(_, r)| r)
    }
}
