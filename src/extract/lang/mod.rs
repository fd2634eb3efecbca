//! Languages: everything the pipeline knows of Italian, English and Spanish, as data, and which
//! of them a text is in.
//!
//! A language is a [`Lexicon`]: tables of its words (numbers, amounts, time, relation cues) in
//! `lang/<code>/`, filled in one static per part. The stages after this folder ask the lexicon
//! of the text's language and never name a word of any language or branch on which one it is;
//! adding a language is a folder here, its registration in [`lexicon`], and its tests.
//! [`detect`] tells which language a text is in when the caller does not say.

pub mod amounts;
pub mod cues;
pub mod detect;
pub mod index;
pub mod money;
pub mod numbers;
pub mod prefixes;
pub mod relative;
pub mod spelled;
pub mod time;

mod en;
mod es;
mod it;

use crate::model::Lang;

/// The words of one language, by part of the pipeline.
#[derive(Debug)]
pub struct Lexicon {
    /// ISO 639-1 code, as in [`Lang::as_str`] (checked by the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub code: &'static str,
    pub numbers: &'static numbers::NumberWords,
    pub amounts: &'static amounts::AmountWords,
    pub time: &'static time::TimeWords,
    pub cues: &'static cues::CueWords,
    /// Templates of the messages findings are written in, by key (`growth-rate-mismatch.rate`
    /// → "{rate} does not match…"): `{name}` is a value the rule passes, `{{` a brace. English
    /// has every key; the others translate all of them (see `engine/messages.rs`).
    pub messages: &'static [(&'static str, &'static str)],
    /// Lower-case words written with a full stop that ends no sentence ("Mr.", "dott.",
    /// "Sra."); one-letter words never end one either (`tokens/segment.rs`).
    pub abbreviations: &'static [&'static str],
    /// The first three letters of every word a word-led claim may start on.
    pub claim_starts: prefixes::PrefixTable,
}

/// The lexicon of `lang`: the one place that maps a language to its words.
pub fn lexicon(lang: Lang) -> &'static Lexicon {
    match lang {
        Lang::It => &it::LEXICON,
        Lang::En => &en::LEXICON,
        Lang::Es => &es::LEXICON,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_lexicon_answers_to_its_language_code() {
        for lang in Lang::ALL {
            assert_eq!(lexicon(lang).code, lang.as_str());
        }
    }
}
