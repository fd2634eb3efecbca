//! What the fault tests share: generated articles (small, varied texts with figures, in
//! Italian and English, the same for the same seed), the acknowledgements `add --format json`
//! printed, and the invariants checked after every fault: `db check` ok, every acknowledged
//! draft stored with all its claims, every stored draft complete and numbered 1, 2, … .

use std::path::Path;

use claimlint::store::{DraftSelector, Store};
use serde_json::Value;

use super::{Workspace, stderr_of, stdout_of};

/// A deterministic pseudo-random sequence (64-bit LCG), enough to vary texts and kill delays.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `low..high`.
    pub fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.next() % (high - low)
    }
}

const ITALIAN: &[&str] = &[
    "Il fatturato è salito del {p}% a {n} milioni di euro nel {y}.",
    "I dipendenti sono passati da {n} a {m} in {k} anni.",
    "Il debito pubblico ha raggiunto {n} miliardi, il {p}% del PIL.",
    "Nel {y} le vendite sono cresciute di {k} punti percentuali.",
    "La spesa media è di {n} euro al mese, {m} euro all'anno.",
    "Tre regioni su {k} hanno superato la soglia del {p} per cento.",
];

const ENGLISH: &[&str] = &[
    "Revenue rose {p}% to ${n} million in {y}.",
    "Headcount went from {n} to {m} over {k} years.",
    "Public debt reached {n} billion dollars, {p}% of GDP.",
    "In {y} sales grew by {k} percentage points.",
    "The average bill is ${n} a month, or ${m} a year.",
    "Only {k} of the {m} stores met the target of {p} percent.",
];

/// The text of article `seed`, variant `variant` (a later draft of the same article differs):
/// a title line and three to eight sentences with figures, Italian for even seeds.
pub fn article_text(seed: u64, variant: u64) -> String {
    let mut random = Lcg(seed.wrapping_mul(1_000_003).wrapping_add(variant));
    let templates = if seed % 2 == 0 { ITALIAN } else { ENGLISH };
    let mut text = format!("Articolo {seed} / article {seed}, version {variant}\n\n");
    for _ in 0..random.range(3, 9) {
        let template = templates[random.range(0, templates.len() as u64) as usize];
        let sentence = template
            .replace("{p}", &random.range(1, 99).to_string())
            .replace("{n}", &random.range(2, 9_000).to_string())
            .replace("{m}", &random.range(2, 9_000).to_string())
            .replace("{k}", &random.range(2, 12).to_string())
            .replace("{y}", &random.range(1990, 2025).to_string());
        text.push_str(&sentence);
        text.push(' ');
    }
    text.push('\n');
    text
}

/// One line of `add --format json` that says a draft is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ack {
    pub source: String,
    pub article: String,
    pub draft: u32,
    pub claim_count: u32,
    pub added: bool,
}

/// The acknowledgements in what `add --format json` printed: only complete lines count (a
/// process killed while writing may leave half a line); error lines are skipped.
pub fn acks_in(stdout: &[u8]) -> Vec<Ack> {
    let text = String::from_utf8_lossy(stdout);
    let complete = match text.rfind('\n') {
        Some(end) => &text[..end],
        None => "",
    };
    complete
        .lines()
        .map(|line| {
            serde_json::from_str::<Value>(line).unwrap_or_else(|err| panic!("{err}: {line}"))
        })
        .filter(|line| line["status"] != "error")
        .map(|line| Ack {
            source: line["source"].as_str().unwrap().to_owned(),
            article: line["article"].as_str().unwrap().to_owned(),
            draft: line["draft"].as_u64().unwrap() as u32,
            claim_count: line["claim_count"].as_u64().unwrap() as u32,
            added: match line["status"].as_str().unwrap() {
                "added" => true,
                "unchanged" => false,
                other => panic!("unexpected status {other}: {line}"),
            },
        })
        .collect()
}

/// A `check --format json` that finished: exit 0 or 1 and one JSON report on stdout.
pub fn assert_check_report(output: &std::process::Output) -> Value {
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "check: {}",
        stderr_of(output)
    );
    let report: Value = serde_json::from_str(&stdout_of(output)).expect("one JSON report");
    assert_eq!(report["schema_version"], 1);
    report
}

/// `claimlint db check` exits 0 and prints `ok`.
pub fn assert_db_check_ok(workspace: &Workspace) {
    let output = workspace.claimlint(&["db", "check"]).output().unwrap();
    assert_eq!(
        (output.status.code(), stdout_of(&output).trim()),
        (Some(0), "ok"),
        "db check: {}",
        stderr_of(&output)
    );
}

/// Every acknowledged draft is stored, with as many claims as the acknowledgement said.
pub fn assert_acks_stored(db: &Path, acks: &[Ack]) {
    let store = Store::open_existing(db).unwrap();
    for ack in acks {
        let draft = store
            .load_draft(&ack.article, DraftSelector::Number(ack.draft))
            .unwrap_or_else(|err| panic!("acknowledged {ack:?} is not stored: {err}"));
        assert_eq!(draft.claims.len() as u32, ack.claim_count, "{ack:?}");
    }
}

/// Every stored draft reads back whole (text, claims as many as its row says, sentences), and
/// each article's drafts are numbered 1, 2, … without gaps or repeats. Returns the number of
/// drafts seen.
pub fn assert_every_draft_complete(db: &Path) -> usize {
    assert_drafts_complete(db, false)
}

/// As [`assert_every_draft_complete`], but reads back only each article's latest draft (the
/// numbering of all is still checked): after a round that adds at most one draft per article,
/// that is every draft the round may have written, without rereading the earlier rounds'.
pub fn assert_latest_drafts_complete(db: &Path) -> usize {
    assert_drafts_complete(db, true)
}

fn assert_drafts_complete(db: &Path, latest_only: bool) -> usize {
    let store = Store::open_existing(db).unwrap();
    let mut seen = 0;
    for article in store.articles().unwrap() {
        let drafts = store.drafts(&article.article).unwrap();
        let numbers: Vec<u32> = drafts.iter().map(|d| d.number).collect();
        let expected: Vec<u32> = (1..=drafts.len() as u32).collect();
        assert_eq!(numbers, expected, "drafts of {}", article.article);
        let skip = if latest_only { drafts.len() - 1 } else { 0 };
        for summary in drafts.into_iter().skip(skip) {
            let draft = store
                .load_draft(&article.article, DraftSelector::Number(summary.number))
                .unwrap();
            assert!(
                !draft.text.is_empty(),
                "{}@{}",
                article.article,
                summary.number
            );
            assert!(
                !draft.sentences.is_empty(),
                "{}@{}",
                article.article,
                summary.number
            );
            assert_eq!(
                draft.claims.len() as u32,
                summary.claim_count,
                "{}@{}",
                article.article,
                summary.number
            );
            seen += 1;
        }
    }
    seen
}
