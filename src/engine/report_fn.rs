//! `report(#{ … })`: how a rule turns what it found into a [`Finding`].
//!
//! The map is checked strictly (unknown keys, a claim id the article does not have, a bad
//! severity are rule errors, at the line of the `report` call) because a finding with a silently
//! dropped field is worse than a loud rule error. Evidence values become JSON here, once.

use rhai::{Dynamic, EvalAltResult, Map, NativeCallContext};
use serde_json::{Number, Value};

use super::evaluation::{Evaluation, current_evaluation};
use super::finding::{Evidence, Finding, Severity};
use super::rates::{RateQuote, RateRange};
use super::script_types::{ArticleData, ClaimObject, Interval, RelationObject};
use crate::model::Relation;

const REPORT_KEYS: &[&str] = &["message", "claims", "severity", "evidence", "relation"];

/// The `report` function registered for scripts.
pub(super) fn report(context: NativeCallContext, fields: Map) -> Result<(), Box<EvalAltResult>> {
    let fail = |message: String| -> Box<EvalAltResult> {
        EvalAltResult::ErrorRuntime(format!("report: {message}").into(), context.call_position())
            .into()
    };
    if let Some(unknown) = fields.keys().find(|k| !REPORT_KEYS.contains(&k.as_str())) {
        return Err(fail(format!(
            "unknown key `{unknown}` (allowed: {})",
            REPORT_KEYS.join(", ")
        )));
    }
    let message = match fields.get("message") {
        Some(message) if message.is_string() => message.to_string(),
        Some(other) => {
            return Err(fail(format!(
                "`message` must be a string, not {}",
                other.type_name()
            )));
        }
        None => return Err(fail("`message` is required".to_owned())),
    };
    let outcome = current_evaluation(|evaluation| -> Result<(), String> {
        let finding = build_finding(evaluation, message, &fields)?;
        evaluation.findings.push(finding);
        Ok(())
    });
    match outcome {
        Some(Ok(())) => Ok(()),
        Some(Err(message)) => Err(fail(message)),
        None => Err(fail("called outside a rule evaluation".to_owned())),
    }
}

fn build_finding(
    evaluation: &Evaluation,
    message: String,
    fields: &Map,
) -> Result<Finding, String> {
    let article = &evaluation.article;
    let claim_indices = match fields.get("claims") {
        None => Vec::new(),
        Some(claims) if claims.is_unit() => Vec::new(),
        Some(claims) => claim_indices(article, claims)?,
    };
    let severity = match fields.get("severity") {
        None => evaluation.default_severity,
        Some(severity) => severity.to_string().parse::<Severity>()?,
    };
    let evidence = match fields.get("evidence") {
        None => Evidence::new(),
        Some(value) if value.is_unit() => Evidence::new(),
        Some(value) => match value.read_lock::<Map>() {
            Some(map) => map
                .iter()
                .map(|(key, value)| (key.to_string(), to_json(value)))
                .collect(),
            None => {
                return Err(format!(
                    "`evidence` must be a map, not {}",
                    value.type_name()
                ));
            }
        },
    };
    let mut evidence = evidence;
    match fields.get("relation") {
        None => {}
        Some(value) if value.is_unit() => {}
        Some(value) => match value.read_lock::<RelationObject>() {
            Some(relation) => {
                let json = relation_evidence(article, relation.relation());
                evidence.insert("relation".to_owned(), json);
            }
            None => {
                return Err(format!(
                    "`relation` must be a relation, not {}",
                    value.type_name()
                ));
            }
        },
    }
    let (start, end, line, column, sentence) = match claim_indices.first() {
        Some(&index) => {
            let claim = &article.claims[index];
            (
                claim.start,
                claim.end,
                claim.line,
                claim.column,
                Some(claim.sentence),
            )
        }
        None => {
            let (line, column) = crate::document::position(
                &article.text,
                article.source.as_ref(),
                article.body_start,
            );
            (article.body_start, article.body_start, line, column, None)
        }
    };
    Ok(Finding {
        rule: evaluation.rule_id.clone(),
        severity,
        message,
        claims: claim_indices
            .iter()
            .map(|&index| article.claims[index].id.clone())
            .collect(),
        start,
        end,
        line,
        column,
        sentence,
        evidence,
    })
}

/// The evidence of `report(#{relation: rel, …})`: the relation's kind, its cue with its span,
/// and each claim with its role and the value interval its stated precision implies; with a
/// `description` for people (the human report prints it).
fn relation_evidence(article: &ArticleData, relation: &Relation) -> Value {
    use crate::engine::script_types::readable_number;
    let mut claims = Vec::new();
    let mut described = Vec::new();
    for (role, id) in relation.roles.iter().zip(&relation.claims) {
        let Some(claim) = article.claims.iter().find(|c| &c.id == id) else {
            continue;
        };
        let (low, high) = (claim.precision.low, claim.precision.high);
        let interval = if low == high {
            readable_number(low)
        } else {
            format!("{}–{}", readable_number(low), readable_number(high))
        };
        described.push(format!("{role} “{}” = {interval}", claim.text));
        claims.push(serde_json::json!({
            "role": role,
            "id": id,
            "text": claim.text,
            "low": float_json(low),
            "high": float_json(high),
        }));
    }
    let cue = relation.cue.as_ref().map_or(Value::Null, |cue| {
        serde_json::json!({"id": cue.id, "text": cue.text, "start": cue.start, "end": cue.end})
    });
    let cue_text = relation.cue.as_ref().map_or(String::new(), |cue| {
        format!(
            ", cue “{}” ({}, bytes {}–{})",
            cue.text, cue.id, cue.start, cue.end
        )
    });
    serde_json::json!({
        "kind": relation.kind.as_str(),
        "cue": cue,
        "claims": claims,
        "description": format!("{}{cue_text}: {}", relation.kind.as_str(), described.join("; ")),
    })
}

/// `claims:` may be one claim, one id, or an array of claims and ids.
fn claim_indices(article: &ArticleData, claims: &Dynamic) -> Result<Vec<usize>, String> {
    let one = |item: &Dynamic| -> Result<usize, String> {
        if let Some(claim) = item.read_lock::<ClaimObject>() {
            return Ok(claim.index);
        }
        if item.is_string() {
            let id = item.to_string();
            return article
                .claim_index(&id)
                .ok_or_else(|| format!("the article has no claim `{id}`"));
        }
        Err(format!(
            "`claims` must hold claims or claim ids, not {}",
            item.type_name()
        ))
    };
    match claims.read_lock::<rhai::Array>() {
        Some(array) => array.iter().map(one).collect(),
        None => Ok(vec![one(claims)?]),
    }
}

/// Script values → JSON. Intervals are `{low, high}`; rates keep their description.
pub fn to_json(value: &Dynamic) -> Value {
    if value.is_unit() {
        return Value::Null;
    }
    if let Ok(b) = value.as_bool() {
        return Value::Bool(b);
    }
    if let Ok(i) = value.as_int() {
        return Value::Number(i.into());
    }
    if let Ok(f) = value.as_float() {
        return Number::from_f64(f).map_or_else(|| Value::String(f.to_string()), Value::Number);
    }
    if value.is_string() {
        return Value::String(value.to_string());
    }
    if let Some(interval) = value.read_lock::<Interval>() {
        return interval_json(*interval, []);
    }
    if let Some(range) = value.read_lock::<RateRange>() {
        return interval_json(
            Interval::new(range.min, range.max),
            [
                ("mean", float_json(range.mean)),
                ("days", Value::Number(range.days.into())),
                ("description", Value::String(range.description.clone())),
            ],
        );
    }
    if let Some(quote) = value.read_lock::<RateQuote>() {
        let mut map = serde_json::Map::new();
        map.insert("rate".into(), float_json(quote.rate));
        map.insert("date".into(), Value::String(quote.day.to_string()));
        map.insert(
            "description".into(),
            Value::String(quote.description.clone()),
        );
        return Value::Object(map);
    }
    if let Some(claim) = value.read_lock::<ClaimObject>() {
        return Value::String(claim.claim().text.clone());
    }
    if let Some(array) = value.read_lock::<rhai::Array>() {
        return Value::Array(array.iter().map(to_json).collect());
    }
    if let Some(map) = value.read_lock::<Map>() {
        return Value::Object(
            map.iter()
                .map(|(key, value)| (key.to_string(), to_json(value)))
                .collect(),
        );
    }
    Value::String(value.to_string())
}

fn float_json(x: f64) -> Value {
    Number::from_f64(x).map_or(Value::Null, Value::Number)
}

fn interval_json<const N: usize>(interval: Interval, extra: [(&str, Value); N]) -> Value {
    let mut map = serde_json::Map::new();
    map.insert("low".into(), float_json(interval.low));
    map.insert("high".into(), float_json(interval.high));
    for (key, value) in extra {
        map.insert(key.into(), value);
    }
    Value::Object(map)
}
