//! The relation set's cases: the TOML format, loading a part, what makes a case well formed,
//! and the one-digit mutation of a consistent case. The mutation rewrites a single ASCII digit,
//! so every claim of the mutant starts at the same byte offset as in the original.

use std::path::Path;

use serde::Deserialize;

/// The relation kinds a case may have (see fixtures/relations/README.md).
pub const KINDS: [&str; 10] = [
    "conversion",
    "change",
    "sum",
    "ratio",
    "anniversary",
    "count-list",
    "average",
    "elapsed",
    "restatement",
    "range",
];
pub const LANGS: [&str; 3] = ["it", "en", "es"];
pub const MIN_CASES: usize = 170;
/// Share of each kind kept in held-out/: about a quarter.
pub const HELD_OUT_SHARE: std::ops::RangeInclusive<f64> = 0.15..=0.40;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    pub lang: String,
    pub date: String,
    pub kind: String,
    pub text: String,
    pub verdict: String,
    pub reason: String,
    pub mutate: Option<String>,
    /// The conversion's figures restated for fixtures/relations/verify_rates.py.
    pub fx: Option<toml::Table>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    case: Vec<Case>,
}

fn set_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/relations")
}

/// The cases of one part (`dev` or `held-out`), in file order it, en, es.
pub fn load_part(part: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    for lang in LANGS {
        let path = set_dir().join(part).join(format!("{lang}.toml"));
        let source = std::fs::read_to_string(&path)
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let file: CaseFile =
            toml::from_str(&source).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        for case in &file.case {
            assert_eq!(case.lang, lang, "{}: lang does not match its file", case.id);
        }
        cases.extend(file.case);
    }
    cases
}

/// Byte offset of the leading digit of `case.mutate` in the text, and the digit it becomes.
pub fn mutation_point(case: &Case) -> Option<(usize, char)> {
    let figure = case.mutate.as_deref()?;
    let figure_at = case.text.find(figure)?;
    let digit_at = figure.find(|c: char| c.is_ascii_digit())?;
    let replacement = match figure[digit_at..].chars().next()? {
        '9' => '8',
        digit @ '1'..='8' => char::from(digit as u8 + 1),
        _ => return None,
    };
    Some((figure_at + digit_at, replacement))
}

/// The text with the leading digit of its `mutate` figure changed; every other byte kept.
pub fn mutant_text(case: &Case) -> String {
    let (at, digit) = mutation_point(case).expect("well-formed mutate figure");
    format!("{}{digit}{}", &case.text[..at], &case.text[at + 1..])
}

fn is_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let numeric =
        |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [year, month] => numeric(year, 4) && numeric(month, 2),
        [year, month, day] => numeric(year, 4) && numeric(month, 2) && numeric(day, 2),
        _ => false,
    }
}

/// Every way a case can be malformed, as messages naming the case.
pub fn problems(case: &Case) -> Vec<String> {
    let mut found = Vec::new();
    let mut problem = |message: String| found.push(format!("{}: {message}", case.id));
    if !KINDS.contains(&case.kind.as_str()) {
        problem(format!("unknown kind `{}`", case.kind));
    }
    if !is_date(&case.date) {
        problem(format!("date `{}` is not YYYY-MM or YYYY-MM-DD", case.date));
    }
    if case.text.trim().is_empty() || case.text.contains('\n') {
        problem("text must be one non-empty paragraph".into());
    }
    if case.reason.trim().is_empty() || case.reason.contains('\n') {
        problem("reason must be one non-empty line".into());
    }
    if (case.kind == "conversion") != case.fx.is_some() {
        problem("conversion cases, and only they, carry an fx table".into());
    }
    match (case.verdict.as_str(), case.mutate.as_deref()) {
        ("consistent", Some(figure)) => {
            let occurrences = case.text.matches(figure).count();
            if occurrences != 1 {
                problem(format!(
                    "mutate `{figure}` occurs {occurrences} times in the text"
                ));
            } else if mutation_point(case).is_none() {
                problem(format!("mutate `{figure}` has no leading digit 1-9"));
            }
        }
        ("consistent", None) => problem("a consistent case needs a mutate figure".into()),
        ("inconsistent", Some(_)) => problem("an inconsistent case has no mutate figure".into()),
        ("inconsistent", None) => {}
        (other, _) => problem(format!("unknown verdict `{other}`")),
    }
    found
}
