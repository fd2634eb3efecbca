//! The shape of a language's spelled numbers: cardinals, ordinals, collective nouns ("dozen",
//! "decina", "docena") and fraction words ("quarter", "terzi", "tercios").
//!
//! Languages build compounds in one of two ways, and the lexicon says which: as a phrase of
//! words ([`PhraseWords`]: "two hundred and forty", "doscientos cuarenta y dos") or as one word
//! ([`CompoundWords`]: "duecentoquaranta"). The readers in `numbers/` follow that grammar and
//! read every word from here.

use std::sync::OnceLock;

/// How a language writes its spelled numbers, and the words shared by both grammars.
#[derive(Debug)]
pub struct SpelledWords {
    pub grammar: Grammar,
    /// Number words that are also a noun of the language, with the words around them that
    /// make them the noun.
    pub noun_homographs: &'static [NounHomograph],
    /// Articles that read as "one" before a collective or scale word ("a dozen", "un milione").
    pub one_articles: &'static [&'static str],
    /// Collective nouns: (word, value, approximate). "una decina" is about ten, "a dozen" twelve.
    pub collectives: &'static [(&'static str, u64, bool)],
    /// "half" in "half a dozen", "mezza dozzina", "media docena".
    pub half_words: &'static [&'static str],
    /// Words after which an ordinal that is also an ordinary word ("second", "prima") is an
    /// ordinal: articles, possessives, demonstratives.
    pub determiners: &'static [&'static str],
    /// Words before "one" that make it a pronoun ("the one", "this one"), never a number.
    pub pronoun_determiners: &'static [&'static str],
    /// Nouns an ordinal qualifies that are no count nouns ("for the first time", "por primera
    /// vez"): an ambiguous ordinal before one is an ordinal.
    pub ordinal_nouns: &'static [&'static str],
    /// Fraction denominators: (word, denominator, plural). Ordinals the grammar reads also
    /// serve as denominators (see [`PhraseWords::ordinal_plural`]).
    pub denominators: &'static [(&'static str, u64, bool)],
    /// The word between a whole number and its fraction ("two and a half", "tre e mezzo").
    pub fraction_and: &'static str,
    /// The noun a fraction may name its part with, read into the fraction ("una quinta
    /// parte", "las dos terceras partes"); empty where the language writes none.
    pub part_words: &'static [&'static str],
    /// Quantity words after which a fraction denominator of four is no calendar quarter
    /// ("three quarters of").
    pub fraction_of: &'static [&'static str],
    /// A spoken ratio must end the phrase ("3 over 4" but not "3 over 4 years").
    pub ratio_ends_phrase: bool,
}

/// The two grammars of spelled numbers.
#[derive(Debug)]
pub enum Grammar {
    Phrase(PhraseWords),
    Compound(&'static CompoundWords),
}

/// What one word of a phrase grammar contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// 0 … 9.
    Unit(u64),
    /// A whole value below 100 that no unit follows: "ten", "fifteen", "veintitrés".
    Teen(u64),
    /// 20, 30 … 90, which a unit may follow.
    Tens(u64),
    /// A whole number of hundreds in one word: "doscientos" (200), "cien" (100).
    Hundreds(u64),
    /// "hundred": multiplies what came before by 100.
    Hundred,
    /// "thousand", "mil".
    Thousand,
    /// "million", "millones", "crore": the multiplier.
    Scale(u64),
    OrdinalUnit(u64),
    OrdinalTens(u64),
    OrdinalHundred,
    OrdinalThousand,
}

/// A phrase grammar: each word has a [`Role`].
#[derive(Debug)]
pub struct PhraseWords {
    pub words: &'static [(&'static str, Role)],
    /// The language glues tens to units in informal writing ("twentyfive", "seventythird").
    pub glued_tens: bool,
    /// Words allowed after a hundred, thousand or scale word ("two hundred and forty").
    pub and_words: &'static [&'static str],
    /// Words between a tens word and its unit ("treinta y dos").
    pub tens_joiners: &'static [&'static str],
    /// Ordinals written alone that are also ordinary words ("first", "second"): ordinals only
    /// after a determiner or standing alone.
    pub ambiguous_ordinals: &'static [&'static str],
    /// The plural ending of an ordinal used as a denominator ("three fifths").
    pub ordinal_plural: &'static str,
    /// The cardinal "one" alone, which a pronoun determiner turns into a pronoun.
    pub one: &'static str,
    /// The thousand word alone means one thousand ("mil personas"); in English it needs "a".
    pub bare_thousand: bool,
    pub index: OnceLock<super::index::FnvMap<&'static str, Role>>,
    /// The tens words of `words`, for glued compounds ("twentyfive").
    pub tens_index: OnceLock<Vec<(&'static str, u64)>>,
}

impl PhraseWords {
    /// The role of `lower`, if it is a number word (glued tens included).
    pub fn role(&self, lower: &str) -> Option<Role> {
        if lower.len() < 2 || lower.len() > 24 {
            return None;
        }
        let index = self
            .index
            .get_or_init(|| self.words.iter().copied().collect());
        if let Some(&role) = index.get(lower) {
            return Some(role);
        }
        if !self.glued_tens || lower.len() < 7 {
            return None;
        }
        // "twentyfive", "seventythird": a tens word glued to a unit.
        let tens = self.tens_index.get_or_init(|| {
            self.words
                .iter()
                .filter_map(|&(word, role)| match role {
                    Role::Tens(value) => Some((word, value)),
                    _ => None,
                })
                .collect()
        });
        tens.iter().find_map(|&(tens, tens_value)| {
            let rest = lower.strip_prefix(tens)?;
            match index.get(rest)? {
                Role::Unit(unit) if *unit > 0 => Some(Role::Teen(tens_value + unit)),
                Role::OrdinalUnit(unit) if (1..10).contains(unit) => {
                    Some(Role::OrdinalUnit(tens_value + unit))
                }
                _ => None,
            }
        })
    }
}

/// A compound grammar: numbers below a million are one word built from stems.
#[derive(Debug)]
pub struct CompoundWords {
    /// 1 … 9.
    pub units: [&'static str; 9],
    /// Other spellings of units inside a compound ("tré" in "ventitré").
    pub unit_variants: &'static [(&'static str, u64)],
    /// 10 … 19.
    pub teens: [&'static str; 10],
    /// 20 … 90 as (stem, vowel): "vent" + "i", "trent" + "a"; the vowel drops before "uno"
    /// and "otto" ("ventuno", "trentotto").
    pub tens: [(&'static str, &'static str); 8],
    /// The units that drop the tens' vowel.
    pub vowel_dropping_units: &'static [&'static str],
    /// "cent": hundreds, with the linking vowel `hundred_vowel` ("centotre", "duecento").
    pub hundred: &'static str,
    pub hundred_vowel: char,
    /// "mille" (one thousand, a prefix of its compounds) and "mila" (after a multiplier).
    pub thousand: &'static str,
    pub thousands: &'static str,
    pub zero: &'static str,
    /// The first three bytes of every word of three or more letters the reader accepts, so
    /// that most words of prose skip the decomposition.
    pub starts: &'static [&'static [u8; 3]],
    /// Irregular ordinals by stem (the word minus its gender/number vowel): ("terz", 3).
    pub irregular_ordinals: &'static [(&'static str, u64)],
    /// The endings of the regular ordinals ("-esimo"), and the vowels the cardinal lost.
    pub ordinal_suffixes: &'static [&'static str],
    pub ordinal_restored_vowels: &'static [&'static str],
    /// The vowels that end an irregular ordinal, and those that make a denominator plural.
    pub ordinal_endings: &'static [char],
    pub plural_endings: &'static [char],
    /// Irregular ordinals that are more often another word in running text ("secondo" is
    /// "according to"), and nouns after which an irregular ordinal is an adverb.
    pub ambiguous_ordinals: &'static [&'static str],
    pub not_nouns: &'static [&'static str],
    /// Words after "uno" that keep it a number ("uno dei", "uno su").
    pub after_lone_one: &'static [&'static str],
    /// Denominator stems that are no fraction in running text ("centesimo" is a coin).
    pub not_denominators: &'static [&'static str],
}

/// A number word that is also a noun ("venti": twenty, and winds).
#[derive(Debug)]
pub struct NounHomograph {
    pub word: &'static str,
    /// Words right after it that make it the noun ("venti da nord", "venti fino a").
    pub after: &'static [&'static str],
    /// Words right before it that do ("forti venti").
    pub before: &'static [&'static str],
}
