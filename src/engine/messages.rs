//! Findings in the article's language: `article.message(KEY, #{…})` fills the template KEY of
//! the article's lexicon (`lang/<code>/messages.rs`) with the values a rule passes.
//!
//! A template names its values in braces (`{rate} does not match the change from {from} to
//! {to}`); `{{` and `}}` are literal braces. Text values go in as they are, numbers as the
//! language writes them (`24,5` in Italian and Spanish, `24.5` in English; large ones as
//! `1,69 × 10^12`), `()` as nothing. A key the article's language lacks falls back to English,
//! so a rule author's own key needs only an English template to work; an unknown key or a
//! value the template names but the rule does not pass is a script error naming both, so a
//! typo fails the rule instead of printing a half-filled message.

use rhai::{Dynamic, Engine, Map};

use super::api_helpers::ScriptResult;
use super::script_types::{ArticleObject, readable_number};
use crate::model::Lang;

/// Registers `Article.message(KEY, ARGS)`.
pub fn register(engine: &mut Engine) {
    engine.register_fn(
        "message",
        |a: &mut ArticleObject, key: &str, args: Map| -> ScriptResult<String> {
            message(a.0.data.lang, key, &args).map_err(Into::into)
        },
    );
}

/// The message KEY in `lang` (or English), filled from `args`.
pub fn message(lang: Lang, key: &str, args: &Map) -> Result<String, String> {
    let (template, lang) = crate::extract::message_template(lang, key)
        .map(|template| (template, lang))
        .or_else(|| crate::extract::message_template(Lang::En, key).map(|t| (t, Lang::En)))
        .ok_or_else(|| {
            format!("no message \"{key}\" in the lexicons (see `claimlint rules api`)")
        })?;
    let comma = crate::extract::writes_decimal_comma(lang);
    render(template, |name| {
        args.get(name)
            .map(|value| value_text(value, comma))
            .ok_or_else(|| format!("message \"{key}\" needs a value for {{{name}}}"))
    })
}

/// `template` with each `{name}` replaced by `value(name)`.
pub fn render(
    template: &str,
    mut value: impl FnMut(&str) -> Result<String, String>,
) -> Result<String, String> {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        let Some(end) = tail.find('}').filter(|_| tail.starts_with('{')) else {
            return Err(format!("unbalanced brace in message template {template:?}"));
        };
        out.push_str(&value(&tail[1..end])?);
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn value_text(value: &Dynamic, decimal_comma: bool) -> String {
    if value.is_unit() {
        return String::new();
    }
    if let Ok(float) = value.as_float() {
        let text = readable_number(float);
        return if decimal_comma {
            text.replace('.', ",")
        } else {
            text
        };
    }
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names a template fills, in order (tests compare them across languages).
    fn placeholders(template: &str) -> Vec<&str> {
        let mut names = Vec::new();
        let mut rest = template;
        while let Some(at) = rest.find('{') {
            let tail = &rest[at..];
            if let Some(after) = tail.strip_prefix("{{") {
                rest = after;
                continue;
            }
            let Some(end) = tail.find('}') else { break };
            names.push(&tail[1..end]);
            rest = &tail[end + 1..];
        }
        names
    }

    fn args(pairs: &[(&str, Dynamic)]) -> Map {
        pairs
            .iter()
            .map(|(name, value)| ((*name).into(), value.clone()))
            .collect()
    }

    #[test]
    fn fills_names_and_keeps_doubled_braces() {
        let out = render("{a} and {{b}} {c}", |name| Ok(name.to_uppercase())).unwrap();
        assert_eq!(out, "A and {b} C");
        assert!(render("open {a", |_| Ok(String::new())).is_err());
        assert!(render("stray } brace", |_| Ok(String::new())).is_err());
        assert_eq!(placeholders("{a} {{x}} {b}"), ["a", "b"]);
    }

    #[test]
    fn numbers_are_written_as_the_language_writes_them() {
        let values = args(&[
            ("rate", Dynamic::from("+20%")),
            ("from", Dynamic::from("120")),
            ("to", Dynamic::from("150")),
            ("sign", Dynamic::from("+")),
            ("written", Dynamic::from(25.5_f64)),
            ("low", Dynamic::from(24.2_f64)),
            ("high", Dynamic::from(26.1_f64)),
        ]);
        let it = message(Lang::It, "growth-rate-mismatch.rate", &values).unwrap();
        assert!(it.contains("+25,5%") && it.contains("24,2%"), "{it}");
        let en = message(Lang::En, "growth-rate-mismatch.rate", &values).unwrap();
        assert!(
            en.contains("+25.5%") && en.contains("does not match"),
            "{en}"
        );
        let es = message(Lang::Es, "growth-rate-mismatch.rate", &values).unwrap();
        assert!(
            es.contains("+25,5%") && !es.contains("does not match"),
            "{es}"
        );
    }

    #[test]
    fn unknown_keys_and_missing_values_are_errors_that_name_them() {
        let err = message(Lang::It, "no-such-rule.key", &Map::new()).unwrap_err();
        assert!(err.contains("no-such-rule.key"), "{err}");
        let err = message(Lang::En, "growth-rate-mismatch.rate", &Map::new()).unwrap_err();
        assert!(
            err.contains("growth-rate-mismatch.rate") && err.contains('{'),
            "{err}"
        );
    }

    #[test]
    fn every_language_has_every_english_message_with_the_same_values() {
        let english = crate::extract::message_keys(Lang::En);
        assert!(!english.is_empty());
        for lang in Lang::ALL {
            let keys = crate::extract::message_keys(lang);
            for key in &english {
                let theirs = crate::extract::message_template(lang, key)
                    .unwrap_or_else(|| panic!("{lang:?} lacks message {key}"));
                let mine = crate::extract::message_template(Lang::En, key).unwrap();
                let mut a = placeholders(theirs);
                let mut b = placeholders(mine);
                a.sort_unstable();
                a.dedup();
                b.sort_unstable();
                b.dedup();
                assert_eq!(
                    a, b,
                    "{lang:?} message {key} fills other values than English"
                );
            }
            for key in keys {
                assert!(
                    english.contains(&key),
                    "{lang:?} message {key} has no English"
                );
            }
        }
    }

    #[test]
    fn every_message_a_bundled_rule_asks_for_exists() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let mut asked = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "rhai") {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            let id = path.file_stem().unwrap().to_str().unwrap();
            // Every quoted key of this rule: "rule-id" or "rule-id.part".
            for literal in source.split('"').skip(1).step_by(2) {
                if literal == id || literal.starts_with(&format!("{id}.")) {
                    assert!(
                        crate::extract::message_template(Lang::En, literal).is_some(),
                        "{} asks for unknown message {literal}",
                        path.display()
                    );
                    asked += 1;
                }
            }
        }
        assert!(
            asked >= 15,
            "only {asked} message keys found in bundled rules"
        );
    }
}
