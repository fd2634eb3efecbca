//! What the words right after a number say it is: a percent or point phrase, a currency
//! name, a unit, the noun of a count, and the "of" between them ("12 miliardi di euro", "a
//! quarter of a point"). `amount.rs` asks these in order; the words all come from the lexicon.

use super::money::{currency_code, local_symbol_currency};
use super::units::{can_be_count_noun, quantity_unit};
use crate::extract::lang::index::same_word;
use crate::extract::tokens::context::Context;

/// The token after an Italian "di"/"d'" or English "of", if `index` is one.
pub(super) fn after_of(context: &Context, index: usize) -> Option<usize> {
    if !context.follows(index) {
        return None;
    }
    let amounts = context.lexicon.amounts;
    if context.word_is(index, amounts.of_words) {
        return Some(index + 1);
    }
    let elided = context.word_is(index, amounts.elided_of)
        && matches!(context.symbol(index + 1), Some('\'' | '’'));
    elided.then_some(index + 2)
}

/// "1.3m households", "2.5m people": a money scale letter glued to the figure is a scale
/// before the noun of a count too, unless an article stands before the figure ("a 30m
/// yacht") or the noun is one the language's lexicon keeps for a length ("400m hurdles").
pub(super) fn letter_before_count(context: &Context, first_token: usize, at: usize) -> bool {
    let amounts = context.lexicon.amounts;
    let article = first_token > 0
        && context.word_is(
            first_token - 1,
            context.lexicon.numbers.spelled.one_articles,
        );
    context.glued(at)
        && !article
        && !context.word_is(at + 1, amounts.after_length_letter)
        && count_noun(context, at + 1).is_some()
}

/// Whether a unit starts at `at` that a half or a fraction may measure ("half a percentage
/// point", "mezz'ora", "media hora", "medio punto").
pub fn starts_unit(context: &Context, at: usize) -> bool {
    let Some(lower) = context.lower(at) else {
        return false;
    };
    let amounts = context.lexicon.amounts;
    let lower = lower.as_str();
    percent_words(context, at).is_some()
        || amounts.bare_point_words.contains(&lower)
        || amounts.calendar_unit(lower).is_some()
        || amounts.clock_unit(lower).is_some()
        || quantity_after(context, at).is_some()
}

/// A percent or point phrase of the lexicon starting at `at` ("%", "per cento", "percentage
/// points", "punti base"): its unit and last token. The longest phrase wins.
pub(crate) fn percent_words(context: &Context, at: usize) -> Option<(&'static str, usize)> {
    if matches!(context.symbol(at), Some('%' | '％')) {
        return Some(("%", at));
    }
    let lower = context.lower(at)?;
    let lower = lower.as_str();
    context
        .lexicon
        .amounts
        .percent_words
        .iter()
        .filter(|(words, _)| same_word(words[0], lower))
        .filter_map(|&(words, unit)| Some((unit, phrase_at(context, at, words)?)))
        .max_by_key(|&(_, last)| last)
}

/// The last token of `words` read from `at`, each word after the first following a space or a
/// glued hyphen ("percentage-point").
fn phrase_at(context: &Context, at: usize, words: &[&str]) -> Option<usize> {
    let mut index = at;
    for (position, word) in words.iter().enumerate() {
        if position > 0 {
            index += 1;
            if context.symbol(index) == Some('-') && context.glued(index) {
                index += 1;
                if !context.glued(index) {
                    return None;
                }
            } else if !context.follows(index) {
                return None;
            }
        }
        if !context.word_is(index, &[word]) {
            return None;
        }
    }
    Some(index)
}

/// A currency written after an amount, as a symbol, an ISO code or a name.
pub(crate) fn currency_after(context: &Context, at: usize) -> Option<(&'static str, usize)> {
    if !context.follows(at) {
        return None;
    }
    if let Some(symbol) = context.symbol(at) {
        return local_symbol_currency(symbol, context.country).map(|code| (code, at));
    }
    let word = context.word(at)?;
    if let Some(code) = currency_code(word) {
        return Some((code, at));
    }
    let lower = context.lower(at)?;
    let lower = lower.as_str();
    let money = context.lexicon.amounts.money;
    let specific = |name_code: &'static str, adjective_at: usize| {
        context
            .lower(adjective_at)
            .filter(|_| context.follows(adjective_at))
            .and_then(|adjective| money.with_adjective(name_code, adjective.as_str()))
    };
    if money.adjective_first {
        // "Canadian dollars": the name may be the word after an adjective.
        if let Some(code) = money.name(lower) {
            return (!money.needs_adjective.contains(&code)).then_some((money.alone(code), at));
        }
        let name = context.lower(at + 1)?;
        let code = money.name(name.as_str())?;
        return money
            .with_adjective(code, lower)
            .filter(|_| context.follows(at + 1))
            .map(|code| (code, at + 1));
    }
    // "dollari canadesi", "pesos mexicanos": the adjective follows the name.
    let code = money.name(lower)?;
    match specific(code, at + 1) {
        Some(code) => Some((code, at + 1)),
        None if money.needs_adjective.contains(&code) => None,
        None => Some((money.alone(code), at)),
    }
}

pub(crate) fn quantity_after(context: &Context, at: usize) -> Option<(&'static str, usize)> {
    // "l'interscambio", "t'": an elided article, not a unit.
    if context.word(at).is_some()
        && context.glued(at + 1)
        && matches!(context.symbol(at + 1), Some('\'' | '’'))
    {
        return None;
    }
    quantity_unit(context, at)
}

/// The token index of the noun of a count starting at `at`. English may put capitalised
/// adjectives first ("a dozen Chinese and Russian warships").
/// "today", "oggi", "ayer": a day named on its own is no counted noun ("turns 21 today").
fn is_relative_day(context: &Context, lower: &str) -> bool {
    context
        .lexicon
        .time
        .relative
        .days
        .iter()
        .any(|day| day.before.is_none() && day.words.len() == 1 && day.words[0] == lower)
}

pub(crate) fn count_noun(context: &Context, at: usize) -> Option<usize> {
    let mut index = at;
    let adjectives_first = context.lexicon.amounts.adjectives_before_noun;
    let limit = if adjectives_first { at + 5 } else { at + 1 };
    let mut skipped = 0;
    while index < limit + skipped && context.follows(index) {
        let lower = context.lower(index)?;
        let lower = lower.as_str();
        // "1,240 new cases", "300 nuovi posti": an adjective before the noun.
        if skipped < 2
            && context.lexicon.amounts.noun_adjectives.contains(&lower)
            && context.follows(index + 1)
        {
            skipped += 1;
            index += 1;
            continue;
        }
        let joiner = context.lexicon.cues.and_words.contains(&lower);
        if adjectives_first && (context.capitalised(index) || joiner) {
            index += 1;
            continue;
        }
        if !can_be_count_noun(lower, context.lexicon.amounts)
            || crate::extract::time::tense::is_verb_form(context, lower)
            || context.lexicon.numbers.scale_word(lower).is_some()
            || crate::extract::time::lexicon::month_number(lower, context.lang).is_some()
            || is_relative_day(context, lower)
        {
            return None;
        }
        return Some(index);
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract};
    use crate::model::{ClaimKind, Lang};

    fn claims(text: &str, lang: Lang) -> Vec<(ClaimKind, String, Option<String>)> {
        extract(text, &Options::in_lang(lang))
            .claims
            .into_iter()
            .map(|c| (c.kind, c.text, c.unit))
            .collect()
    }

    #[test]
    fn a_measure_noun_after_a_scale_makes_an_amount_not_a_count() {
        // Alone, a bare figure; after a money amount of its sentence, in its currency.
        assert_eq!(
            claims("Vale 12 miliardi di capitalizzazione.", Lang::It),
            vec![(ClaimKind::Number, "12 miliardi".into(), None)]
        );
        let euros = claims(
            "Facturó 5.000 millones de euros y ganó 300 millones de beneficio.",
            Lang::Es,
        );
        assert_eq!(euros[1].0, ClaimKind::Money);
        assert_eq!(euros[1].2.as_deref(), Some("EUR"));
        assert_eq!(
            claims("It wrote off 3 million of debt.", Lang::En)[0].0,
            ClaimKind::Number
        );
        // Other nouns are still counted.
        assert_eq!(
            claims("Ha 3 milioni di abitanti.", Lang::It)[0]
                .2
                .as_deref(),
            Some("abitanti")
        );
    }
}
