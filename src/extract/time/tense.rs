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
use crate::extract::lang::relative::TenseWords;
use crate::extract::tokens::context::Context;

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
        let tense = &context.lexicon.time.relative.tense;
        let cue = word_cue(tense, word).or_else(|| {
            (tense.auxiliaries.contains(&word)
                && context
                    .lower(index + 1)
                    .is_some_and(|next| is_participle(tense, next.as_str())))
            .then_some(Lean::Past)
        });
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

/// Whether `word` (lower-case) reads as a verb form of the language (a tense cue word or a
/// future or past ending): "closed", "cerró", "firmò" are no nouns.
pub fn is_verb_form(context: &Context, word: &str) -> bool {
    word_cue(&context.lexicon.time.relative.tense, word).is_some()
}

/// The lean of one word: a listed future or past word, or a verb ending.
fn word_cue(tense: &TenseWords, word: &str) -> Option<Lean> {
    if tense.future_words.contains(&word) {
        return Some(Lean::Future);
    }
    if tense.past_words.contains(&word) {
        return Some(Lean::Past);
    }
    if word.chars().count() < tense.min_chars {
        return None;
    }
    if tense.future_endings.iter().any(|e| word.ends_with(e)) {
        return Some(Lean::Future);
    }
    let past = tense.past_endings.iter().any(|e| word.ends_with(e))
        && !tense.not_past_endings.iter().any(|e| word.ends_with(e));
    past.then_some(Lean::Past)
}

fn is_participle(tense: &TenseWords, word: &str) -> bool {
    word.len() > 4 && tense.participle_endings.iter().any(|e| word.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lang::lexicon;
    use crate::model::Lang;

    #[test]
    fn cues_in_each_language() {
        let tense = |lang| &lexicon(lang).time.relative.tense;
        let (en, it, es) = (tense(Lang::En), tense(Lang::It), tense(Lang::Es));
        assert_eq!(word_cue(en, "pledged"), Some(Lean::Past));
        assert_eq!(word_cue(en, "will"), Some(Lean::Future));
        assert_eq!(word_cue(en, "speed"), None);
        assert_eq!(word_cue(it, "tornerò"), Some(Lean::Future));
        assert_eq!(word_cue(it, "firmò"), Some(Lean::Past));
        assert_eq!(word_cue(it, "hanno"), Some(Lean::Past));
        assert_eq!(word_cue(it, "città"), None);
        assert!(is_participle(it, "tornato"));
        assert_eq!(word_cue(es, "firmará"), Some(Lean::Future));
        assert_eq!(word_cue(es, "anunció"), Some(Lean::Past));
        assert_eq!(word_cue(es, "subieron"), Some(Lean::Past));
        assert_eq!(word_cue(es, "ciudad"), None);
        assert!(is_participle(es, "firmado"));
    }
}
