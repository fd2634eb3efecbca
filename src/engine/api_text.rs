//! Text helpers for rules: the words around a claim, and word-list scans done in Rust.
//!
//! Rules decide most things from the few words next to a figure ("da 120 a 150", "fondata
//! nel 1974", "in the first nine months") tested against word lists. Written in Rhai, every
//! such look was a sentence search, a sub-string, a lower-casing and a loop over the list, and
//! that was most of the time `check` spent. Here a claim's place in its sentence comes from
//! the stored offsets (worked out once per article in [`ScriptArticle`]) and a whole list is
//! scanned in one call. Positions and lengths are counted in characters, like Rhai's own
//! string functions (`index_of`, `sub_string`), so results can be mixed with them.

use rhai::{Array, Dynamic, Engine, EvalAltResult, INT, ImmutableString};

use super::script_types::{ArticleObject, ClaimObject, RelationObject, ScriptArticle};

type ScriptResult<T> = Result<T, Box<EvalAltResult>>;

/// Registers the claim-context, finder and word-list helpers on `engine`.
pub fn register(engine: &mut Engine) {
    register_claim_context(engine);
    register_word_lists(engine);
}

fn register_claim_context(engine: &mut Engine) {
    engine
        .register_fn("before", |c: &mut ClaimObject, count: INT| {
            text_before(c, count)
        })
        .register_fn("after", |c: &mut ClaimObject, count: INT| {
            text_after(c, count)
        })
        .register_get("position_in_sentence", |c: &mut ClaimObject| {
            let Some(offset) = c.article.claim_offsets[c.index] else {
                return -1;
            };
            let sentence = c.article.sentence_text(c.claim().sentence as usize);
            sentence[..offset].chars().count() as INT
        })
        .register_fn("relations_of_kind", |c: &mut ClaimObject, kind: &str| {
            let article = &c.article;
            (0..article.relation_claims.len())
                .filter(|&index| {
                    article.data.relations[index].kind.as_str() == kind
                        && article.relation_claims[index].contains(&c.index)
                })
                .map(|index| {
                    Dynamic::from(RelationObject {
                        article: article.clone(),
                        index,
                    })
                })
                .collect::<Array>()
        })
        .register_fn(
            "claims_in_sentence_of_kind",
            |a: &mut ArticleObject, index: INT, kind: &str| {
                let article = &a.0;
                let in_sentence = usize::try_from(index)
                    .ok()
                    .and_then(|index| article.claims_by_sentence.get(index));
                in_sentence
                    .into_iter()
                    .flatten()
                    .filter(|&&claim| article.claim_strings[claim].kind == kind)
                    .map(|&claim| {
                        Dynamic::from(ClaimObject {
                            article: article.clone(),
                            index: claim,
                        })
                    })
                    .collect::<Array>()
            },
        )
        .register_fn(
            "claims_of_kind_by_sentence",
            |a: &mut ArticleObject, kind: &str| claims_of_kind_by_sentence(&a.0, kind),
        );
}

/// Where `claim`'s sentence text and its byte offset in it, when the claim was found there.
fn placed(claim: &ClaimObject) -> Option<(&str, usize)> {
    let offset = claim.article.claim_offsets[claim.index]?;
    let sentence = claim.article.sentence_text(claim.claim().sentence as usize);
    Some((sentence, offset))
}

/// `claim.before(n)`: up to `n` characters before the claim in its sentence, lower-cased and
/// trimmed; "" when the claim is not in its sentence text.
fn text_before(claim: &ClaimObject, count: INT) -> ImmutableString {
    let Some((sentence, offset)) = placed(claim) else {
        return ImmutableString::new();
    };
    let head = &sentence[..offset];
    let count = usize::try_from(count).unwrap_or(0);
    let start = match count {
        0 => head.len(),
        _ => head
            .char_indices()
            .rev()
            .nth(count - 1)
            .map_or(0, |(at, _)| at),
    };
    lower_trimmed(&head[start..])
}

/// `claim.after(n)`: up to `n` characters after the claim in its sentence, lower-cased and
/// trimmed; "" when the claim is not in its sentence text.
fn text_after(claim: &ClaimObject, count: INT) -> ImmutableString {
    let Some((sentence, offset)) = placed(claim) else {
        return ImmutableString::new();
    };
    let tail = &sentence[offset + claim.claim().text.len()..];
    let count = usize::try_from(count).unwrap_or(0);
    let end = tail
        .char_indices()
        .nth(count)
        .map_or(tail.len(), |(at, _)| at);
    lower_trimmed(&tail[..end])
}

fn lower_trimmed(text: &str) -> ImmutableString {
    text.to_lowercase().trim().into()
}

/// The claims of `kind`, grouped by sentence (sentences without one left out), text order.
fn claims_of_kind_by_sentence(article: &std::sync::Arc<ScriptArticle>, kind: &str) -> Array {
    let mut groups = Array::new();
    for claims in &article.claims_by_sentence {
        let group: Array = claims
            .iter()
            .filter(|&&index| article.claim_strings[index].kind == kind)
            .map(|&index| {
                Dynamic::from(ClaimObject {
                    article: article.clone(),
                    index,
                })
            })
            .collect();
        if !group.is_empty() {
            groups.push(group.into());
        }
    }
    groups
}

fn register_word_lists(engine: &mut Engine) {
    engine
        .register_fn(
            "contains_any",
            |text: &str, words: Array| -> ScriptResult<bool> {
                any_word(&words, |word| text.contains(word))
            },
        )
        .register_fn(
            "starts_with_any",
            |text: &str, words: Array| -> ScriptResult<bool> {
                any_word(&words, |word| text.starts_with(word))
            },
        )
        .register_fn(
            "ends_with_any",
            |text: &str, words: Array| -> ScriptResult<bool> {
                any_word(&words, |word| text.ends_with(word))
            },
        )
        .register_fn(
            "ends_with_word",
            |text: &str, words: Array| -> ScriptResult<bool> {
                any_word(&words, |word| ends_with_word(text, word))
            },
        )
        .register_fn(
            "find_any",
            |text: &str, words: Array| -> ScriptResult<INT> {
                let mut first: Option<usize> = None;
                any_word(&words, |word| {
                    if let Some(at) = text.find(word) {
                        first = Some(first.map_or(at, |best| best.min(at)));
                    }
                    false
                })?;
                Ok(first.map_or(-1, |at| text[..at].chars().count() as INT))
            },
        )
        .register_fn("words", |text: &str| -> Array {
            text.split_whitespace()
                .map(|word| ImmutableString::from(word).into())
                .collect()
        });
}

/// Whether `text` is `word` or ends with it right after a character that cannot be part of a
/// word (a space, a bracket, punctuation; letters, digits and apostrophes can).
pub fn ends_with_word(text: &str, word: &str) -> bool {
    let Some(head) = text.strip_suffix(word) else {
        return false;
    };
    match head.chars().next_back() {
        None => true,
        Some(before) => !(before.is_alphanumeric() || before == '\'' || before == '’'),
    }
}

/// Calls `test` on each word until it returns true; whether one did. A non-string item is an
/// error naming its type.
fn any_word(words: &Array, mut test: impl FnMut(&str) -> bool) -> ScriptResult<bool> {
    for word in words {
        let Some(word) = word.read_lock::<ImmutableString>() else {
            return Err(format!("word lists hold strings, not {}", word.type_name()).into());
        };
        if test(word.as_str()) {
            return Ok(true);
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::ends_with_word;

    #[test]
    fn a_word_ends_after_a_space_a_bracket_or_nothing() {
        assert!(ends_with_word("da", "da"));
        assert!(ends_with_word("salito da", "da"));
        assert!(ends_with_word("(da", "da"));
        assert!(!ends_with_word("strada", "da"));
        assert!(!ends_with_word("l'a", "a"));
        assert!(ends_with_word("passato dall'", "dall'"));
        assert!(!ends_with_word("passato dall'", "all'"));
        assert!(!ends_with_word("da ", "da"));
    }
}
