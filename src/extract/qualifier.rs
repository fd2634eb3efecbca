//! Hedging words right before a figure: "quasi", "più di", "at least", "up to" …
//!
//! Only the words immediately before the claim count (Italian may put an article between:
//! "oltre i 200", "circa il 30%"), so "Over the past two years" does not qualify "two".
//! Verbs such as "superato"/"passed" are not qualifiers: they state a fact about a threshold.

use crate::extract::tokens::context::Context;
use crate::model::{Lang, Qualifier};

const ITALIAN_ARTICLES: &[&str] = &["il", "lo", "la", "i", "gli", "le", "l", "un", "una"];

/// The qualifier before the claim whose first token is `first`, and the token index where the
/// qualifier starts.
pub fn qualifier_before(context: &Context, first: usize) -> Qualifier {
    if first == 0 {
        return Qualifier::None;
    }
    let mut index = first - 1;
    if context.lang == Lang::It {
        if context.symbol(index) == Some('\'') && index > 0 {
            index -= 1;
        }
        if context.word_is(index, ITALIAN_ARTICLES) && index > 0 && context.follows(index + 1) {
            index -= 1;
        }
    }
    let Some(last) = context.lower(index) else {
        return Qualifier::None;
    };
    let before = if index > 0 {
        context.lower(index - 1)
    } else {
        None
    };
    let before = before.as_ref().map(|l| l.as_str()).unwrap_or("");
    let before_that = if index > 1 {
        context.lower(index - 2)
    } else {
        None
    };
    let before_that = before_that.as_ref().map(|l| l.as_str()).unwrap_or("");
    match context.lang {
        Lang::It => italian(last.as_str(), before, before_that),
        Lang::En => english(last.as_str(), before, before_that),
    }
}

fn italian(last: &str, before: &str, before_that: &str) -> Qualifier {
    let articulated_di = matches!(
        last,
        "di" | "del" | "dello" | "della" | "dei" | "degli" | "delle" | "dell"
    );
    let articulated_a = matches!(
        last,
        "a" | "al" | "allo" | "alla" | "ai" | "agli" | "alle" | "all"
    );
    match last {
        "quasi" | "circa" | "pressoché" | "approssimativamente" | "all'incirca" => {
            return Qualifier::Approx;
        }
        "oltre" => return Qualifier::MoreThan,
        "almeno" => return Qualifier::AtLeast,
        _ => {}
    }
    if articulated_di {
        return match before {
            "più" | "piu" if before_that == "non" => Qualifier::AtMost,
            "più" | "piu" => Qualifier::MoreThan,
            "meno" => Qualifier::LessThan,
            _ => Qualifier::None,
        };
    }
    if articulated_a {
        return match before {
            "fino" => Qualifier::AtMost,
            "intorno" | "attorno" | "vicino" => Qualifier::Approx,
            "superiore" | "superiori" => Qualifier::MoreThan,
            "inferiore" | "inferiori" => Qualifier::LessThan,
            _ => Qualifier::None,
        };
    }
    if last == "massimo" && before == "al" {
        return Qualifier::AtMost;
    }
    Qualifier::None
}

fn english(last: &str, before: &str, before_that: &str) -> Qualifier {
    match (before, last) {
        ("at", "least") => Qualifier::AtLeast,
        ("at", "most") | ("up", "to") => Qualifier::AtMost,
        ("more" | "greater", "than") if before_that == "no" => Qualifier::AtMost,
        ("more" | "greater", "than") => Qualifier::MoreThan,
        ("less" | "fewer", "than") => Qualifier::LessThan,
        ("close", "to") => Qualifier::Approx,
        (_, "nearly" | "almost" | "about" | "around" | "approximately" | "roughly" | "some") => {
            Qualifier::Approx
        }
        (_, "over" | "above" | "exceeding") => Qualifier::MoreThan,
        (_, "under" | "below") => Qualifier::LessThan,
        _ => Qualifier::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_words() {
        assert_eq!(italian("quasi", "", ""), Qualifier::Approx);
        assert_eq!(italian("oltre", "", ""), Qualifier::MoreThan);
        assert_eq!(italian("di", "più", ""), Qualifier::MoreThan);
        assert_eq!(italian("di", "più", "non"), Qualifier::AtMost);
        assert_eq!(italian("del", "meno", ""), Qualifier::LessThan);
        assert_eq!(italian("a", "fino", ""), Qualifier::AtMost);
        assert_eq!(italian("almeno", "", ""), Qualifier::AtLeast);
        assert_eq!(italian("di", "firma", ""), Qualifier::None);
    }

    #[test]
    fn english_words() {
        assert_eq!(english("nearly", "", ""), Qualifier::Approx);
        assert_eq!(english("least", "at", ""), Qualifier::AtLeast);
        assert_eq!(english("to", "up", ""), Qualifier::AtMost);
        assert_eq!(english("than", "more", ""), Qualifier::MoreThan);
        assert_eq!(english("than", "less", ""), Qualifier::LessThan);
        assert_eq!(english("past", "the", "over"), Qualifier::None);
    }
}
