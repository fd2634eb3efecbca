//! Hedging words right before a figure: "quasi", "più di", "at least", "up to", "unos" …
//!
//! Only the words immediately before the claim count (an article may stand between: "oltre i
//! 200", "circa il 30%"), so "Over the past two years" does not qualify "two". The phrases and
//! articles are the language's (`lang/<code>/amounts.rs`). Verbs such as "superato"/"passed"
//! are not qualifiers: they state a fact about a threshold.

use crate::extract::tokens::context::Context;
use crate::model::Qualifier;

/// The qualifier before the claim whose first token is `first`.
pub fn qualifier_before(context: &Context, first: usize) -> Qualifier {
    if first == 0 {
        return Qualifier::None;
    }
    let words = context.lexicon.amounts;
    let mut end = first - 1;
    if context.symbol(end) == Some('\'') && end > 1 && context.word_is(end - 1, words.articles) {
        end -= 2;
    } else if end > 0 && context.word_is(end, words.articles) && context.follows(end + 1) {
        end -= 1;
    }
    let Some(last) = context.lower(end) else {
        return Qualifier::None;
    };
    let last = last.as_str();
    words
        .qualifiers_ending(last)
        .iter()
        .filter(|(phrase, _)| ends_at(context, end, phrase))
        .max_by_key(|(phrase, _)| phrase.len())
        .map_or(Qualifier::None, |&(_, qualifier)| qualifier)
}

/// Whether the words of `phrase` are the tokens ending at `end` (an apostrophe after an elided
/// word skipped: "all'incirca").
fn ends_at(context: &Context, end: usize, phrase: &[&str]) -> bool {
    let mut at = Some(end);
    for word in phrase.iter().rev() {
        let Some(index) = at else {
            return false;
        };
        if !context.word_is(index, &[word]) {
            return false;
        }
        at = index.checked_sub(1);
        if let Some(before) = at {
            if context.symbol(before) == Some('\'') {
                at = before.checked_sub(1);
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract};
    use crate::model::{Lang, LangChoice, Qualifier};

    fn qualifier(text: &str, lang: Lang) -> Qualifier {
        let options = Options {
            lang: LangChoice::Fixed(lang),
            date: None,
            country: None,
            body_start: 0,
        };
        extract(text, &options).claims[0].qualifier
    }

    #[test]
    fn italian_phrases() {
        for (text, want) in [
            ("quasi 300 persone", Qualifier::Approx),
            ("oltre i 200 chilometri", Qualifier::MoreThan),
            ("più di 40 aziende", Qualifier::MoreThan),
            ("non più del 5%", Qualifier::AtMost),
            ("meno del 3%", Qualifier::LessThan),
            ("fino a 12 metri", Qualifier::AtMost),
            ("almeno 7 vittime", Qualifier::AtLeast),
            ("circa l'80%", Qualifier::Approx),
            ("la firma di 55 accordi", Qualifier::None),
        ] {
            assert_eq!(qualifier(text, Lang::It), want, "{text}");
        }
    }

    #[test]
    fn english_phrases() {
        for (text, want) in [
            ("nearly 300 people", Qualifier::Approx),
            ("at least 7 victims", Qualifier::AtLeast),
            ("up to 12 metres", Qualifier::AtMost),
            ("more than 40 companies", Qualifier::MoreThan),
            ("no more than 5%", Qualifier::AtMost),
            ("less than 3%", Qualifier::LessThan),
            ("over the past 2 years", Qualifier::None),
        ] {
            assert_eq!(qualifier(text, Lang::En), want, "{text}");
        }
    }
}
