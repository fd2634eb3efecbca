//! Which way a date without a year points: a crude reading of the tense of its sentence.
//!
//! News reports the past ("China and Russia pledged on Monday…") and announces the future
//! ("the minister will meet on Monday"). A future cue anywhere in the sentence (`will`, `'ll`,
//! `next`, an Italian future ending `-rò`/`-rà`/`-ranno`) means the next occurrence; otherwise a
//! past cue (`-ed` verbs, `said`, `was`; Italian `ha`/`hanno`, `sono` + participle, passato remoto
//! and imperfect endings, `scorso`) means the last one; with no cue the next one (the convention
//! of date parsers such as Duckling). Only run when a partly stated date was found, so its cost
//! does not matter to throughput.

use super::calendar::Lean;
use crate::extract::tokens::context::Context;
use crate::model::Lang;

/// How far either side of the date the sentence is read, in tokens.
const WINDOW: usize = 40;

/// The lean of the sentence around token `at`.
pub fn sentence_lean(context: &Context, at: usize) -> Lean {
    sentence_lean_outside(context, at, usize::MAX..=usize::MAX)
}

/// [`sentence_lean`] without the cues inside `own` (the date's own tokens: the "last" of "last
/// friday of october" is no past tense); `usize::MAX..=usize::MAX` skips nothing.
pub fn sentence_lean_outside(
    context: &Context,
    at: usize,
    own: std::ops::RangeInclusive<usize>,
) -> Lean {
    let mut start = at;
    while start > 0 && at - start < WINDOW && !breaks_before(context, start) {
        start -= 1;
    }
    let mut end = at;
    while end + 1 < context.len() && end - at < WINDOW && !breaks_before(context, end + 1) {
        end += 1;
    }
    let mut past = false;
    for index in start..=end {
        if own.contains(&index) {
            continue;
        }
        let Some(lower) = context.lower(index) else {
            continue;
        };
        let word = lower.as_str();
        let cue = match context.lang {
            Lang::En => english_cue(word),
            Lang::It => italian_cue(word).or_else(|| {
                (matches!(word, "sono" | "è" | "siamo" | "sei" | "siete")
                    && context
                        .lower(index + 1)
                        .is_some_and(|next| is_participle(next.as_str())))
                .then_some(Lean::Past)
            }),
        };
        match cue {
            Some(Lean::Future) => return Lean::Future,
            Some(Lean::Past) => past = true,
            None => {}
        }
    }
    if past { Lean::Past } else { Lean::Future }
}

/// Token `index` starts a new sentence: after `.`, `!`, `?` or a blank line.
fn breaks_before(context: &Context, index: usize) -> bool {
    matches!(context.symbol(index - 1), Some('.' | '!' | '?')) || !context.follows(index)
}

fn english_cue(word: &str) -> Option<Lean> {
    match word {
        "will" | "shall" | "ll" | "tomorrow" | "next" | "upcoming" | "due" | "scheduled"
        | "expected" | "plans" | "planned" | "going" | "until" => Some(Lean::Future),
        "was" | "were" | "had" | "did" | "said" | "told" | "met" | "took" | "held" | "made"
        | "went" | "came" | "gave" | "ago" | "last" | "yesterday" | "saw" | "left" | "won"
        | "lost" | "began" | "sent" | "spoke" | "fell" | "rose" | "got" | "paid" | "wrote"
        | "since" => Some(Lean::Past),
        _ if word.len() > 4 && word.ends_with("ed") && !word.ends_with("eed") => Some(Lean::Past),
        _ => None,
    }
}

fn italian_cue(word: &str) -> Option<Lean> {
    match word {
        "prossimo" | "prossima" | "domani" | "entro" | "dovrà" | "dovranno" => {
            return Some(Lean::Future);
        }
        "ha" | "hanno" | "ho" | "abbiamo" | "avete" | "hai" | "aveva" | "avevano" | "era"
        | "erano" | "fu" | "furono" | "scorso" | "scorsa" | "ieri" => return Some(Lean::Past),
        _ => {}
    }
    let chars = word.chars().count();
    if chars < 4 {
        return None;
    }
    if ["rò", "rà", "ranno", "remo"]
        .iter()
        .any(|e| word.ends_with(e))
    {
        return Some(Lean::Future);
    }
    if word.ends_with('ò')
        || ["arono", "irono", "erono", "avano", "evano", "ivano"]
            .iter()
            .any(|e| word.ends_with(e))
    {
        return Some(Lean::Past);
    }
    None
}

fn is_participle(word: &str) -> bool {
    word.len() > 4
        && [
            "ato", "ata", "ati", "ate", "uto", "uta", "uti", "ute", "ito", "ita", "iti", "ite",
        ]
        .iter()
        .any(|e| word.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_in_both_languages() {
        assert_eq!(english_cue("pledged"), Some(Lean::Past));
        assert_eq!(english_cue("will"), Some(Lean::Future));
        assert_eq!(english_cue("speed"), None);
        assert_eq!(italian_cue("tornerò"), Some(Lean::Future));
        assert_eq!(italian_cue("firmò"), Some(Lean::Past));
        assert_eq!(italian_cue("hanno"), Some(Lean::Past));
        assert_eq!(italian_cue("città"), None);
        assert!(is_participle("tornato"));
    }
}
