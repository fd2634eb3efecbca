//! The shape of one part of a language's lexicon. Words of amounts: currency names, symbols and
//! prefixes, sub-units, percent and point words, measurement and time units, counted nouns, and
//! the hedging words (qualifiers) before a figure.
//!
//! Each language fills one [`AmountWords`] in `lang/<code>/amounts.rs`; pipeline code reads only
//! the fields, never a language's words.

use super::index::FnvMap;
use super::index::same_word;
use crate::model::Qualifier;
use std::sync::OnceLock;

/// See the module documentation.
#[derive(Debug)]
pub struct AmountWords {
    /// Hedging phrases that end right before a figure, lower-case, word by word ("more",
    /// "than"). The longest phrase that matches wins, so a negated form ("no more than") is
    /// listed beside the plain one.
    pub qualifiers: &'static [(&'static [&'static str], Qualifier)],
    /// Articles that may stand between a qualifier and its figure ("oltre i 200", "unos
    /// 300"); skipped, with an elision apostrophe after them.
    pub articles: &'static [&'static str],
    /// Percent and point words after a number, word by word, with the unit they mean: `%`,
    /// `pp` (percentage points) or `bp` (basis points, value kept as written). The words of a
    /// phrase may also be joined by a hyphen ("percentage-point"). The longest match wins.
    pub percent_words: &'static [(&'static [&'static str], &'static str)],
    /// Calendar units of a duration or a relative date, with the unit they mean (`years`,
    /// `months`, `weeks`, `days`).
    pub calendar_units: &'static [(&'static str, &'static str)],
    /// Clock units of a duration (`hours`, `minutes`, `seconds`): never a relative date.
    pub clock_units: &'static [(&'static str, &'static str)],
    /// Clock units that alone are ordinary words ("secondo": according to; "segundo": the
    /// ordinal), units only after a fraction and "of" ("tre decimi di secondo", "dos décimas
    /// de segundo").
    pub fraction_clock_units: &'static [(&'static str, &'static str)],
    /// Names of measurement units, word by word, with the symbol they normalise to
    /// ("miglia nautiche" → `nmi`, "degrees Fahrenheit" → `°F`). The longest match wins;
    /// symbols written as symbols (`km`, `MW`) are the same in every language and live in
    /// `amounts/units.rs`.
    pub unit_names: &'static [(&'static [&'static str], &'static str)],
    /// Lower-case words that are never the noun of a count after a number: function words
    /// and the verb forms news puts right after a figure ("100 fell", "sono", "cayó").
    pub non_nouns: &'static [&'static str],
    /// Lower-case nouns of what a sum of money measures ("fatturato", "deuda", "revenue"):
    /// after a scale word and "of" ("5 miliardi di fatturato", "300 millones de beneficio")
    /// the figure is an amount whose currency is unwritten, never a count of that noun.
    pub measure_nouns: &'static [&'static str],
    /// Lower-case adjectives that stand between a figure and the noun it counts ("1,240 new
    /// cases", "300 nuovi posti", "50 nuevos empleos"): skipped (two at most) on the way to
    /// the noun, which must still follow.
    pub noun_adjectives: &'static [&'static str],
    /// Currency names that are also ordinary words of the language, and so are not a currency
    /// when written before a number ("Labour won 411 seats", "Real Madrid 3").
    pub not_before_number: &'static [&'static str],
    /// "point" alone after a figure ("4,2 puntos", "half a point"): percentage points when the
    /// figure has decimals or is a fraction; index or game points otherwise.
    pub bare_point_words: &'static [&'static str],
    /// Fraction words that are themselves tenths or hundredths of a percentage point
    /// (Spanish "tres décimas": 0.3 points).
    pub point_fractions: &'static [&'static str],
    /// Unit symbols that are also words of the language ("ha" is hectares, and "has" in Italian
    /// and Spanish): a unit only before "of" ("500 ha di bosco") or at the end of a phrase.
    pub word_symbols: &'static [&'static str],
    /// Currency names, their adjectives, and sub-units.
    pub money: &'static super::money::MoneyWords,
    /// "of" between an amount and its noun ("a dozen of", "una decina di", "un millón de"),
    /// and its elided form before an apostrophe ("d'").
    pub of_words: &'static [&'static str],
    pub elided_of: &'static [&'static str],
    /// "of" joined with an article ("della", "dei", "del"): after a point fraction it names
    /// what the fraction is of ("nove decimi della popolazione"), so the figure is no point.
    pub of_with_article: &'static [&'static str],
    /// Words after a figure with a glued "m" that keep it a length ("400m hurdles", "a 10m
    /// platform", "30m high"); before another noun the letter is a million ("1.3m homes").
    pub after_length_letter: &'static [&'static str],
    /// Adjectives may come before the noun of a count ("31 Chinese and Russian warships"):
    /// capitalised words and `and` words are then skipped on the way to the noun.
    pub adjectives_before_noun: bool,
    /// Ages: the word after a hyphenated duration ("a 34-year-old"), and suffixes glued to a
    /// number that make it an age in years (Italian "un 34enne").
    pub age_words: &'static [&'static str],
    pub age_suffixes: &'static [&'static str],
    /// A bare number set off by commas after a name or a noun is an age in years ("John
    /// Smith, 34, was charged"), as English news writes it.
    pub age_between_commas: bool,
    /// `qualifiers` by last word, built on first use (see [`AmountWords::qualifiers_ending`]).
    pub qualifier_index: QualifierIndex,
}

/// Qualifier phrases by their last word.
pub type QualifierIndex = OnceLock<FnvMap<&'static str, Vec<(&'static [&'static str], Qualifier)>>>;

impl AmountWords {
    /// The qualifier phrases whose last word is `lower`, in table order.
    pub fn qualifiers_ending(&self, lower: &str) -> &[(&'static [&'static str], Qualifier)] {
        let index = self.qualifier_index.get_or_init(|| {
            let mut index: FnvMap<_, Vec<_>> = FnvMap::default();
            for &(phrase, qualifier) in self.qualifiers {
                index
                    .entry(phrase[phrase.len() - 1])
                    .or_default()
                    .push((phrase, qualifier));
            }
            index
        });
        index.get(lower).map_or(&[], Vec::as_slice)
    }

    /// The calendar unit `lower` means, if it is one.
    pub fn calendar_unit(&self, lower: &str) -> Option<&'static str> {
        lookup(self.calendar_units, lower)
    }

    /// The clock unit `lower` means after a fraction and "of", if it is one.
    pub fn fraction_clock_unit(&self, lower: &str) -> Option<&'static str> {
        lookup(self.fraction_clock_units, lower).or_else(|| self.clock_unit(lower))
    }

    /// The clock unit `lower` means, if it is one.
    pub fn clock_unit(&self, lower: &str) -> Option<&'static str> {
        lookup(self.clock_units, lower)
    }
}

fn lookup(table: &[(&str, &'static str)], lower: &str) -> Option<&'static str> {
    table
        .iter()
        .find(|(word, _)| same_word(word, lower))
        .map(|&(_, unit)| unit)
}
