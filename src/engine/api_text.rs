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
                Ok(earliest_match(text, &word_list(&words)?.as_strs()).is_some())
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
                let first = earliest_match(text, &word_list(&words)?.as_strs());
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

/// The strings of a script word list; a non-string item is an error naming its type.
fn word_list(words: &Array) -> ScriptResult<WordList> {
    words
        .iter()
        .map(|word| {
            // A string clone is a reference count, not a copy.
            word.clone()
                .into_immutable_string()
                .map_err(|type_name| format!("word lists hold strings, not {type_name}").into())
        })
        .collect::<ScriptResult<Vec<_>>>()
        .map(WordList)
}

/// The items of a script array of strings.
struct WordList(Vec<ImmutableString>);

impl WordList {
    fn as_strs(&self) -> Vec<&str> {
        self.0.iter().map(ImmutableString::as_str).collect()
    }
}

/// Byte offset of the earliest occurrence of any of `words` in `text`, or `None`.
///
/// One pass over the text instead of one search per word (a rule's list has a dozen or two):
/// each word sets its bit under its first byte, so a position tries only the words that can
/// start there. Matches start on character boundaries, as the first byte of a UTF-8 word
/// never continues a character. Lists of more than 64 words are searched word by word.
pub fn earliest_match(text: &str, words: &[&str]) -> Option<usize> {
    if words.len() > 64 {
        return words.iter().filter_map(|word| text.find(word)).min();
    }
    if words.iter().any(|word| word.is_empty()) {
        return Some(0);
    }
    let mut starting_with = [0u64; 256];
    for (index, word) in words.iter().enumerate() {
        starting_with[word.as_bytes()[0] as usize] |= 1 << index;
    }
    let bytes = text.as_bytes();
    (0..bytes.len()).find(|&at| {
        let mut candidates = starting_with[bytes[at] as usize];
        while candidates != 0 {
            let index = candidates.trailing_zeros() as usize;
            if bytes[at..].starts_with(words[index].as_bytes()) {
                return true;
            }
            candidates &= candidates - 1;
        }
        false
    })
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
    use super::{earliest_match, ends_with_word};

    #[test]
    fn the_earliest_match_is_the_first_found_by_searching_each_word() {
        let texts = [
            "il debito, di cui la metà è estero, e tra cui spiccano",
            "più di cui",
            "tutto l’anno: nessuna parola",
            "",
            "aaa",
        ];
        let lists: [&[&str]; 5] = [
            &["tra cui", "di cui", "of which"],
            &["cui", "più"],
            &["parola", "anno", "nessun"],
            &["zzz"],
            &["aa", "a"],
        ];
        for text in texts {
            for words in lists {
                let searched = words.iter().filter_map(|word| text.find(word)).min();
                assert_eq!(earliest_match(text, words), searched, "{text:?} {words:?}");
            }
        }
        assert_eq!(earliest_match("abc", &[""]), Some(0));
        let many: Vec<String> = (0..70).map(|n| format!("w{n}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(earliest_match("x w69 w3", &many), Some(2));
    }

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
