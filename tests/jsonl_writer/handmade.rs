//! Hand-made claims and relations: every claim kind, qualifier, relation kind and direction,
//! every optional field present and absent, floats at every edge (NaN, the infinities, -0.0,
//! subnormals, huge and tiny), and escapes at every position of every string slot.

use claimlint::jsonl::Response;
use claimlint::model::{
    Ambiguity, Claim, ClaimKind, Cue, DatePeriod, DatePrecision, Direction, Lang, Precision,
    Qualifier, Relation, RelationKind,
};
use proptest::prelude::*;
use serde_json::json;

use super::{assert_same_bytes, ids};

fn claim(id: &str) -> Claim {
    Claim {
        id: id.to_string(),
        kind: ClaimKind::Money,
        text: "14,3 miliardi di euro".to_string(),
        start: 12,
        end: 35,
        line: 1,
        column: 13,
        sentence: 0,
        value: 14_300_000_000.0,
        value_text: "14300000000".to_string(),
        unit: Some("EUR".to_string()),
        scale: Some("miliardi".to_string()),
        precision: Precision {
            low: 14_250_000_000.0,
            high: 14_350_000_000.0,
        },
        qualifier: Qualifier::None,
        ambiguity: Vec::new(),
        date: None,
        period: None,
    }
}

/// Floats at every edge of the shortest round-trip form.
const ODD_FLOATS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.5,
    0.1,
    0.2 + 0.1,
    1e15,
    1e16,
    1e17,
    123_456_789_012_345_680.0,
    1e21,
    1e22,
    1e300,
    f64::MAX,
    f64::MIN,
    f64::EPSILON,
    1e-5,
    1e-7,
    f64::MIN_POSITIVE,
    5e-324,
    -5e-324,
    f64::NAN,
    -f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
];

/// Hand-made claims and relations: every kind, qualifier, optional field present and absent,
/// every odd float in every float slot, and escapes in every string slot.
fn handmade() -> (Vec<Claim>, Vec<Relation>) {
    let mut claims = vec![claim("c1")];
    for (i, kind) in ClaimKind::ALL.into_iter().enumerate() {
        let mut c = claim(&format!("k{i}"));
        c.kind = kind;
        c.unit = None;
        c.scale = None;
        claims.push(c);
    }
    for qualifier in [
        Qualifier::None,
        Qualifier::Approx,
        Qualifier::AtLeast,
        Qualifier::MoreThan,
        Qualifier::AtMost,
        Qualifier::LessThan,
    ] {
        let mut c = claim("q");
        c.qualifier = qualifier;
        claims.push(c);
    }
    for (i, &value) in ODD_FLOATS.iter().enumerate() {
        let mut c = claim(&format!("f{i}"));
        c.value = value;
        c.precision = Precision {
            low: value,
            high: -value,
        };
        c.ambiguity = vec![Ambiguity {
            kind: "long-scale".to_string(),
            note: "read on the long scale".to_string(),
            alternative_value: Some(value),
            alternative_value_text: None,
        }];
        claims.push(c);
    }
    let odd = "\"\\/\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f} \u{7f}é€🚀\u{10ffff}";
    let mut full = claim(odd);
    full.kind = ClaimKind::Date;
    full.text = format!("«{odd}» 2 ½");
    full.start = usize::MAX;
    full.end = 0;
    full.line = u32::MAX;
    full.column = 0;
    full.sentence = u32::MAX;
    full.value_text = odd.to_string();
    full.unit = Some(odd.to_string());
    full.scale = Some(String::new());
    full.ambiguity = vec![
        Ambiguity {
            kind: odd.to_string(),
            note: odd.to_string(),
            alternative_value: Some(-0.0),
            alternative_value_text: Some(odd.to_string()),
        },
        Ambiguity {
            kind: "decimal-separator".to_string(),
            note: String::new(),
            alternative_value: None,
            alternative_value_text: Some("1.234".to_string()),
        },
    ];
    full.date = Some(odd.to_string());
    full.period = Some(DatePeriod {
        start: odd.to_string(),
        end: "2024-06-30".to_string(),
        precision: DatePrecision::Month,
    });
    claims.push(full);
    for date in [
        "2024",
        "2024-H1",
        "2024-Q2",
        "2024-05",
        "2024-05-22",
        "T14:30",
    ] {
        let mut c = claim("d");
        c.kind = ClaimKind::Date;
        c.date = Some(date.to_string());
        c.period = DatePeriod::of(date);
        claims.push(c);
    }
    let mut relations = Vec::new();
    for kind in RelationKind::ALL {
        for direction in [None, Some(Direction::Up), Some(Direction::Down)] {
            relations.push(Relation {
                kind,
                claims: vec!["c1".to_string(), odd.to_string()],
                roles: vec!["source".to_string(), odd.to_string()],
                marker: direction.map(|_| odd.to_string()),
                direction,
                period: direction.and(Some("year-on-year".to_string())),
                cue: direction.map(|_| Cue {
                    id: "rise".to_string(),
                    text: odd.to_string(),
                    start: 0,
                    end: usize::MAX,
                }),
                sentence: direction.map(|_| u32::MAX),
                items: None,
                factor: None,
            });
        }
    }
    relations.push(Relation {
        kind: RelationKind::Change,
        claims: Vec::new(),
        roles: Vec::new(),
        marker: None,
        direction: None,
        period: Some(odd.to_string()),
        cue: None,
        sentence: Some(0),
        items: None,
        factor: None,
    });
    (claims, relations)
}

#[test]
fn writer_matches_serde_on_handmade_claims() {
    let (claims, relations) = handmade();
    for (i, claim) in claims.iter().enumerate() {
        let response = Response {
            id: json!(i),
            lang: Lang::It,
            claims: vec![claim.clone()],
            relations: Vec::new(),
        };
        assert_same_bytes(&response, &format!("claim {i} {:?}", claim.id));
    }
    for (i, relation) in relations.iter().enumerate() {
        let response = Response {
            id: json!(format!("r{i}")),
            lang: Lang::Es,
            claims: Vec::new(),
            relations: vec![relation.clone()],
        };
        assert_same_bytes(&response, &format!("relation {i}"));
    }
    for (lang, id) in Lang::ALL.into_iter().zip(ids().into_iter().cycle()) {
        let response = Response {
            id,
            lang,
            claims: claims.clone(),
            relations: relations.clone(),
        };
        assert_same_bytes(&response, &format!("everything, {lang}"));
    }
}

/// An escape at every position of strings around the 8-byte words the writer skips over.
#[test]
fn writer_matches_serde_on_every_escape_position() {
    for len in 0..20 {
        for position in 0..len {
            for special in ['"', '\\', '\n', '\u{0}', '\u{1f}', 'é', '🚀', '\u{7f}'] {
                let mut text: String = "abcdefghijklmnopqrstuvwxyz"[..len].to_string();
                text.replace_range(position..position + 1, &special.to_string());
                let mut c = claim(&text);
                c.text = text.clone();
                let response = Response {
                    id: json!(text),
                    lang: Lang::En,
                    claims: vec![c],
                    relations: Vec::new(),
                };
                assert_same_bytes(&response, &format!("{text:?}"));
            }
        }
    }
}

proptest! {
    #[test]
    fn writer_matches_serde_on_any_string_and_float(
        text in any::<String>(),
        noise in "[\"\\\\\u{0}-\u{1f}a-z€🚀]{0,40}",
        value in any::<f64>(),
    ) {
        let mut c = claim(&noise);
        c.text = text.clone();
        c.unit = Some(noise.clone());
        c.value = value;
        c.precision = Precision { low: value, high: value * 1e-300 };
        let response = Response {
            id: json!(text),
            lang: Lang::It,
            claims: vec![c],
            relations: Vec::new(),
        };
        assert_same_bytes(&response, "proptest");
    }
}
