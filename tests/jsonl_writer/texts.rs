//! Every text we have that bears claims, extracted in every language choice with and without
//! an article date: the writer's bytes must be serde_json's for each answer, and `run` must
//! answer a whole stream as serde_json would have.

#[allow(dead_code)] // the benches use more of the generator than this test does
#[path = "../../benches/support/corpus.rs"]
mod corpus;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use claimlint::extract::{Options, extract};
use claimlint::jsonl::{Defaults, Response, answer_line, run};
use claimlint::model::{ArticleDate, ClaimKind, Lang, LangChoice};
use serde_json::{Value, json};

use super::{assert_same_bytes, ids};

fn date_2024_06_15() -> Option<ArticleDate> {
    ArticleDate::parse("2024-06-15")
}

/// Every `.txt` file under `dir`, recursively, in a stable order.
fn txt_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            txt_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "txt") {
            found.push(path);
        }
    }
}

/// Hand-written texts with figures next to everything JSON must escape.
const ODD_TEXTS: &[&str] = &[
    "Il \"pil\" è cresciuto dello 0,9% (\\ stima) nel 2024.\tRicavi: 14,3 miliardi di euro.",
    "Revenue rose 6.1% to $14.3bn\r\nin Q2 2024,\u{8} up from \u{c}£1.2 billion \u{1}\u{1f}.",
    "El PIB creció un 0,8% en el primer trimestre de 2025 \u{7f} y 3.500 millones de euros.",
    "«+1,15%» ‚ „2,7 mld €“ — 🚀 12 km 🇮🇹 ½ 3,5 t 世界 20 per cento",
    "\"5 million\"\"\\\\\\\"10%\"",
    "date 2024-01\n12 mila \"abitanti\\\" \n\n\n\t\t30%\u{0}40%",
];

/// Every text we have that bears claims, with a label for failure messages.
fn claim_texts() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    let mut files = Vec::new();
    txt_files(&root.join("fixtures"), &mut files);
    assert!(files.len() >= 40, "fixtures not found: {files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).expect("fixture text");
        let label = path.strip_prefix(root).unwrap().display().to_string();
        if label.contains("constructions") {
            for (number, line) in text.lines().enumerate() {
                if let Some(sentence) = line.strip_prefix("> ") {
                    texts.push((format!("{label}:{}", number + 1), sentence.to_string()));
                }
            }
        }
        texts.push((label, text));
    }
    for file in ["dev.jsonl", "heldout.jsonl"] {
        let path = root.join("benches/newsroom").join(file);
        let source = std::fs::read_to_string(&path).expect("newsroom passages");
        for (number, line) in source.lines().enumerate() {
            let passage: Value = serde_json::from_str(line).expect("newsroom line");
            let text = passage["text"].as_str().expect("newsroom text").to_string();
            texts.push((format!("benches/newsroom/{file}:{}", number + 1), text));
        }
    }
    for article in corpus::generate(60, corpus::DEFAULT_SEED) {
        texts.push((format!("generated {}", article.id), article.text));
    }
    for (i, text) in ODD_TEXTS.iter().enumerate() {
        texts.push((format!("odd text {i}"), text.to_string()));
    }
    texts
}

#[test]
fn writer_matches_serde_on_every_extraction() {
    let choices = [
        LangChoice::Auto,
        LangChoice::Fixed(Lang::It),
        LangChoice::Fixed(Lang::En),
        LangChoice::Fixed(Lang::Es),
    ];
    let ids = ids();
    let (mut responses, mut claims, mut relations) = (0, 0, 0);
    let mut kinds = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for (n, (label, text)) in claim_texts().iter().enumerate() {
        for lang in choices {
            for date in [None, date_2024_06_15()] {
                let extraction = extract(
                    text,
                    &Options {
                        lang,
                        date,
                        country: None,
                        body_start: 0,
                    },
                );
                for claim in &extraction.claims {
                    kinds.insert(claim.kind.as_str());
                    seen.insert(claim.qualifier.as_str());
                    if !claim.ambiguity.is_empty() {
                        seen.insert("ambiguity");
                    }
                    if claim.period.is_some() {
                        seen.insert("period");
                    }
                    if claim.scale.is_some() {
                        seen.insert("scale");
                    }
                }
                for relation in &extraction.relations {
                    seen.insert(relation.kind.as_str());
                    if relation.direction.is_some() {
                        seen.insert("direction");
                    }
                }
                claims += extraction.claims.len();
                relations += extraction.relations.len();
                let response = Response {
                    id: ids[(n + responses) % ids.len()].clone(),
                    lang: extraction.lang,
                    claims: extraction.claims,
                    relations: extraction.relations,
                };
                assert_same_bytes(&response, &format!("{label} ({lang:?}, date {date:?})"));
                responses += 1;
            }
        }
    }
    // The corpus really exercises what the writer handles.
    assert_eq!(
        kinds.len(),
        ClaimKind::ALL.len(),
        "claim kinds seen: {kinds:?}"
    );
    for what in [
        "approx",
        "more_than",
        "ambiguity",
        "period",
        "scale",
        "conversion",
        "change",
        "direction",
    ] {
        assert!(seen.contains(what), "no `{what}` in the corpus: {seen:?}");
    }
    assert!(
        claims > 10_000 && relations > 100,
        "{claims} claims, {relations} relations"
    );
}

/// `run` over a stream of good and bad lines answers exactly as serde_json would have.
#[test]
fn run_answers_as_serde_would() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut input = std::fs::read(root.join("benches/newsroom/dev.jsonl")).unwrap();
    for (i, text) in ODD_TEXTS.iter().enumerate() {
        let line = json!({"id": ids()[i % ids().len()], "text": text, "lang": "auto"});
        input.extend_from_slice(format!("{line}\n").as_bytes());
    }
    input.extend_from_slice(b"\n{\"id\": \"\\\"x\", \"text\": 5}\nnot json\n\xff\n");
    let defaults = Defaults {
        lang: LangChoice::Auto,
        date: date_2024_06_15(),
        country: None,
    };
    let mut output = Vec::new();
    run(input.as_slice(), &mut output, defaults).expect("run");

    let mut expected = Vec::new();
    let mut number = 0;
    for line in input.split_inclusive(|&b| b == b'\n') {
        number += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match answer_line(line, number, defaults) {
            Ok(response) => serde_json::to_writer(&mut expected, &response).unwrap(),
            Err(error) => serde_json::to_writer(&mut expected, &error).unwrap(),
        }
        expected.push(b'\n');
    }
    assert_eq!(
        String::from_utf8_lossy(&output),
        String::from_utf8_lossy(&expected)
    );
    assert!(output.split(|&b| b == b'\n').count() > 50);
}
