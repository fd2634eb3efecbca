//! What rule scripts see: the `article` object, claims, relations, intervals, exchange rates,
//! date arithmetic, `config` and `report`, all registered by [`register`].
//!
//! Everything a script may call is registered through this one function (the values scripts
//! compute with are in `api_values.rs`, the text and word-list helpers in `api_text.rs`), and
//! `claimlint rules api` prints the engine's own list of registrations ([`signatures`]), so the
//! documentation cannot drift from the code. Getters take `&mut` objects because that is how Rhai passes `self`;
//! none of them mutates. Functions that may have no answer return `()` (Rhai's unit) rather
//! than failing, so rules can test `if x == () { … }`.

use std::sync::Arc;

use rhai::{Array, Dynamic, Engine, FLOAT, INT, ImmutableString, Map};

use super::api_helpers::optional;
use super::rates::{RateQuote, RateRange, RateSource};
use super::report_fn::report;
use super::script_types::{ArticleObject, ClaimObject, Interval, RelationObject, ScriptArticle};

/// The script-side type names, as `rules api` and `type_of` show them.
pub const TYPE_NAMES: &[(&str, &str)] = &[
    (
        "Article",
        "the article being checked (the `article` variable)",
    ),
    ("Claim", "one extracted figure"),
    (
        "Relation",
        "a link the text makes between claims (conversion, change)",
    ),
    ("Interval", "a closed interval of reals [low, high]"),
    ("Rate", "one day's exchange rate"),
    ("Range", "exchange rates over a period: min, max, mean"),
];

/// Registers the whole script API on `engine`.
pub fn register(engine: &mut Engine, rates: Arc<dyn RateSource>) {
    engine
        .register_type_with_name::<ArticleObject>("Article")
        .register_type_with_name::<ClaimObject>("Claim")
        .register_type_with_name::<RelationObject>("Relation")
        .register_type_with_name::<Interval>("Interval")
        .register_type_with_name::<RateQuote>("Rate")
        .register_type_with_name::<RateRange>("Range");
    register_article(engine);
    register_claim(engine);
    register_relation(engine);
    super::api_values::register(engine, rates);
    super::api_text::register(engine);
    super::messages::register(engine);
    engine.register_fn("config", config);
    engine.register_fn("report", report);
}

/// Every function, getter and operator the API registers (not the standard library), sorted.
/// Getters read as properties (`Claim.value: float`), Rust type paths as script type names.
pub fn signatures(engine: &Engine) -> Vec<String> {
    let mut signatures: Vec<String> = engine
        .gen_fn_signatures(false)
        .iter()
        .map(|signature| readable_signature(signature))
        .collect();
    signatures.sort();
    signatures.dedup();
    signatures
}

fn readable_signature(signature: &str) -> String {
    let mut text = signature.to_owned();
    for (rust, script) in [
        ("core::result::Result<", ""),
        (",alloc::boxed::Box<rhai::types::error::EvalAltResult>>", ""),
        ("claimlint::engine::script_types::", ""),
        ("rhai::types::dynamic::Dynamic", "?"),
        ("types::dynamic::Dynamic", "?"),
        ("&mut ", ""),
        ("i64", "int"),
        ("f64", "float"),
        ("_: ", ""),
        ("alloc::string::String", "string"),
    ] {
        text = text.replace(rust, script);
    }
    if let Some(rest) = text.strip_prefix("get$") {
        // `name(Type) -> Result` reads as `Type.name -> Result`.
        if let Some((name, rest)) = rest.split_once('(') {
            if let Some((owner, result)) = rest.split_once(") -> ") {
                return format!("{owner}.{name}: {result}");
            }
        }
    }
    text
}

fn register_article(engine: &mut Engine) {
    engine
        .register_get("id", |a: &mut ArticleObject| a.0.data.id.clone())
        .register_get("lang", |a: &mut ArticleObject| {
            a.0.data.lang.as_str().to_owned()
        })
        .register_fn("wording", |a: &mut ArticleObject, key: &str| {
            optional(crate::extract::wording(a.0.data.lang, key).map(str::to_owned))
        })
        .register_get("draft", |a: &mut ArticleObject| a.0.data.draft as INT)
        .register_get("title", |a: &mut ArticleObject| {
            optional(a.0.data.title.clone())
        })
        .register_get("date", |a: &mut ArticleObject| {
            optional(a.0.data.date.map(|date| date.to_string()))
        })
        .register_get("text", |a: &mut ArticleObject| a.0.data.text.clone())
        .register_get("claims", |a: &mut ArticleObject| {
            claims_at(&a.0, 0..a.0.data.claims.len())
        })
        .register_get("relations", |a: &mut ArticleObject| {
            relations_where(a, |_| true)
        })
        .register_get("sentences", |a: &mut ArticleObject| -> Array {
            a.0.sentences.iter().map(|s| s.clone().into()).collect()
        })
        .register_fn("claims_of_kind", |a: &mut ArticleObject, kind: &str| {
            let strings = &a.0.claim_strings;
            let matching = (0..strings.len()).filter(|&index| strings[index].kind == kind);
            claims_at(&a.0, matching)
        })
        .register_fn("relations_of_kind", |a: &mut ArticleObject, kind: &str| {
            relations_where(a, |relation| relation.kind.as_str() == kind)
        })
        .register_fn("claims_in_sentence", |a: &mut ArticleObject, index: INT| {
            let in_sentence = usize::try_from(index)
                .ok()
                .and_then(|index| a.0.claims_by_sentence.get(index));
            claims_at(&a.0, in_sentence.into_iter().flatten().copied())
        })
        .register_fn("claim", |a: &mut ArticleObject, id: &str| {
            optional(a.0.data.claim_index(id).map(|index| {
                Dynamic::from(ClaimObject {
                    article: a.0.clone(),
                    index,
                })
            }))
        })
        .register_fn("sentence", |a: &mut ArticleObject, index: INT| {
            optional(
                usize::try_from(index)
                    .ok()
                    .and_then(|i| a.0.sentences.get(i).cloned()),
            )
        })
        .register_fn("to_string", |a: &mut ArticleObject| {
            format!("article {}@{}", a.0.data.id, a.0.data.draft)
        });
}

fn claims_at(article: &Arc<ScriptArticle>, indices: impl Iterator<Item = usize>) -> Array {
    indices
        .map(|index| {
            Dynamic::from(ClaimObject {
                article: article.clone(),
                index,
            })
        })
        .collect()
}

fn relations_where(
    article: &ArticleObject,
    keep: impl Fn(&crate::model::Relation) -> bool,
) -> Array {
    let data = &article.0.data;
    (0..data.relations.len())
        .filter(|&index| keep(&data.relations[index]))
        .map(|index| {
            Dynamic::from(RelationObject {
                article: article.0.clone(),
                index,
            })
        })
        .collect()
}

fn register_claim(engine: &mut Engine) {
    engine
        .register_get("id", |c: &mut ClaimObject| c.strings().id.clone())
        .register_get("kind", |c: &mut ClaimObject| c.strings().kind.clone())
        .register_get("text", |c: &mut ClaimObject| c.strings().text.clone())
        .register_get("value", |c: &mut ClaimObject| c.claim().value as FLOAT)
        .register_get("value_text", |c: &mut ClaimObject| {
            c.strings().value_text.clone()
        })
        .register_get("unit", |c: &mut ClaimObject| c.strings().unit.clone())
        .register_get("scale", |c: &mut ClaimObject| c.strings().scale.clone())
        .register_get("qualifier", |c: &mut ClaimObject| {
            c.strings().qualifier.clone()
        })
        .register_get("date", |c: &mut ClaimObject| c.strings().date.clone())
        .register_get("line", |c: &mut ClaimObject| c.claim().line as INT)
        .register_get("column", |c: &mut ClaimObject| c.claim().column as INT)
        .register_get("sentence", |c: &mut ClaimObject| c.claim().sentence as INT)
        .register_get("start", |c: &mut ClaimObject| c.claim().start as INT)
        .register_get("end", |c: &mut ClaimObject| c.claim().end as INT)
        .register_get("low", |c: &mut ClaimObject| {
            c.claim().precision.low as FLOAT
        })
        .register_get("high", |c: &mut ClaimObject| {
            c.claim().precision.high as FLOAT
        })
        .register_get("interval", |c: &mut ClaimObject| {
            let precision = c.claim().precision;
            Interval::new(precision.low, precision.high)
        })
        .register_get("ambiguity", |c: &mut ClaimObject| -> Array {
            c.claim()
                .ambiguity
                .iter()
                .map(|ambiguity| {
                    let mut map = Map::new();
                    map.insert("kind".into(), ambiguity.kind.clone().into());
                    map.insert("note".into(), ambiguity.note.clone().into());
                    map.insert(
                        "alternative_value".into(),
                        optional(ambiguity.alternative_value),
                    );
                    map.into()
                })
                .collect()
        })
        .register_fn("has_ambiguity", |c: &mut ClaimObject, kind: &str| {
            c.claim().ambiguity.iter().any(|a| a.kind == kind)
        })
        .register_fn("to_string", |c: &mut ClaimObject| c.strings().text.clone())
        .register_fn("==", |a: ClaimObject, b: ClaimObject| {
            Arc::ptr_eq(&a.article, &b.article) && a.index == b.index
        })
        .register_fn("!=", |a: ClaimObject, b: ClaimObject| {
            !(Arc::ptr_eq(&a.article, &b.article) && a.index == b.index)
        });
}

fn register_relation(engine: &mut Engine) {
    engine
        .register_get("kind", |r: &mut RelationObject| {
            r.relation().kind.as_str().to_owned()
        })
        .register_get("claims", |r: &mut RelationObject| -> Array {
            claims_at(
                &r.article,
                r.article.relation_claims[r.index].iter().copied(),
            )
        })
        .register_get("marker", |r: &mut RelationObject| {
            optional(r.relation().marker.clone())
        })
        .register_get("direction", |r: &mut RelationObject| {
            optional(r.relation().direction.map(|d| match d {
                crate::model::Direction::Up => "up",
                crate::model::Direction::Down => "down",
            }))
        })
        .register_get("period", |r: &mut RelationObject| {
            optional(r.relation().period.clone())
        })
        .register_get("roles", |r: &mut RelationObject| -> Array {
            r.article.relation_roles[r.index]
                .iter()
                .map(|(role, _)| Dynamic::from(role.clone()))
                .collect()
        })
        .register_fn("role", |r: &mut RelationObject, role: &str| {
            let claim = r.article.relation_roles[r.index]
                .iter()
                .find(|(name, _)| name == role)
                .map(|(_, index)| *index);
            match claim {
                Some(index) => claims_at(&r.article, std::iter::once(index)).remove(0),
                None => Dynamic::UNIT,
            }
        })
        .register_fn(
            "all_with_role",
            |r: &mut RelationObject, role: &str| -> Array {
                let indexes = r.article.relation_roles[r.index]
                    .iter()
                    .filter(|(name, _)| name == role)
                    .map(|(_, index)| *index);
                claims_at(&r.article, indexes)
            },
        )
        .register_get("cue", |r: &mut RelationObject| {
            optional(r.relation().cue.as_ref().map(|cue| cue.text.clone()))
        })
        .register_get("cue_id", |r: &mut RelationObject| {
            optional(r.relation().cue.as_ref().map(|cue| cue.id.clone()))
        })
        .register_get("cue_start", |r: &mut RelationObject| {
            optional(r.relation().cue.as_ref().map(|cue| cue.start as i64))
        })
        .register_get("cue_end", |r: &mut RelationObject| {
            optional(r.relation().cue.as_ref().map(|cue| cue.end as i64))
        })
        .register_get("sentence", |r: &mut RelationObject| {
            optional(r.relation().sentence.map(i64::from))
        })
        .register_get("items", |r: &mut RelationObject| {
            optional(r.relation().items.map(i64::from))
        })
        .register_get("factor", |r: &mut RelationObject| {
            optional(r.relation().factor)
        })
        .register_fn("to_string", |r: &mut RelationObject| {
            format!(
                "{} {}",
                r.relation().kind.as_str(),
                r.relation().claims.join("/")
            )
        });
}

/// `config(key, default)`: the rule's `[rules.<id>]` value for `key`, else `default`.
fn config(key: ImmutableString, default: Dynamic) -> Dynamic {
    super::evaluation::current_evaluation(|evaluation| evaluation.config.get(key.as_str()).cloned())
        .flatten()
        .unwrap_or(default)
}
