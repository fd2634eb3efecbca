//! The relation evaluation set (`fixtures/relations/`) scored through the real binary: how
//! many of the hand-labelled inconsistent articles claimlint flags, how many consistent ones
//! it accuses with an error, and how many one-digit mutants of the consistent ones it catches.
//!
//! The design choice to know: the set is data, not expectations. Cases say only whether the
//! text is consistent (and why); the test measures the bundled rules against those labels and
//! holds the dev figures to regression floors (the block below), which are raised as the rules
//! improve. The held-out part is only checked for well-formedness unless
//! `CLAIMLINT_RELATION_SET=held-out` asks for it to be scored (by the lead, once). All articles
//! of a part go through one `claimlint check` run, and all their mutants through one more.

#[path = "relation_set/cases.rs"]
mod cases;
mod common;
#[path = "relation_set/scoring.rs"]
mod scoring;

use std::collections::HashSet;

use cases::{
    Case, HELD_OUT_SHARE, KINDS, MIN_CASES, load_part, mutant_text, mutation_point, problems,
};
use scoring::{score, table};

// --- regression floors on the dev part ------------------------------------------------------
// Measured on the rules as of the 2026-12-07 batch (24 new cases in the three languages,
// elided currencies, anniversaries on the day, breakdowns that restate no headline, shared
// currency names, adjectives before counted nouns, equivalence phrases): 34/38 inconsistent
// flagged, 0/115 consistent with an error, 105/115 mutants caught (with "of those" and
// "de las que" as part markers, and "un'impresa su quattro"); per kind below
// (was 27/31, 0/98, 88/98 on the 129 cases before that batch; 25/31, 0/98, 83/98 at restated
// shares; 11/31, 0/98, 35/98 at c61adae). Rounded a little in the rules' favour. Raise a floor
// (or lower the ceiling) when the rules get better; relax one only with the reason in the
// commit message.

/// Inconsistent dev cases that must get at least one finding (of any severity).
const FLOOR_INCONSISTENT_FLAGGED: usize = 33;
/// Consistent dev cases that may get an `error` finding (false alarms), at most.
const CEILING_CONSISTENT_WITH_ERROR: usize = 1;
/// Mutants of consistent dev cases that must get a finding their original does not have.
const FLOOR_MUTANTS_CAUGHT: usize = 102;
/// Per kind: (kind, inconsistent flagged, mutants caught).
const KIND_FLOORS: [(&str, usize, usize); 9] = [
    ("conversion", 9, 20),
    ("change", 9, 23),
    ("sum", 4, 15),
    ("ratio", 3, 10),
    ("anniversary", 3, 11),
    ("count-list", 3, 5),
    ("average", 1, 6),
    ("elapsed", 0, 6),
    ("restatement", 1, 4),
];

// ---------------------------------------------------------------------------------------------

#[test]
fn relation_set_is_well_formed() {
    let dev = load_part("dev");
    let held_out = load_part("held-out");
    let mut failures: Vec<String> = dev.iter().chain(&held_out).flat_map(problems).collect();
    let mut ids = HashSet::new();
    for case in dev.iter().chain(&held_out) {
        if !ids.insert(case.id.as_str()) {
            failures.push(format!("{}: duplicate id", case.id));
        }
    }
    let total = dev.len() + held_out.len();
    if total < MIN_CASES {
        failures.push(format!("{total} cases, fewer than {MIN_CASES}"));
    }
    for kind in KINDS {
        let in_dev = dev.iter().filter(|case| case.kind == kind).count();
        let in_held_out = held_out.iter().filter(|case| case.kind == kind).count();
        if in_dev + in_held_out == 0 {
            continue; // a known kind the set does not use yet
        }
        let share = in_held_out as f64 / (in_dev + in_held_out) as f64;
        if !HELD_OUT_SHARE.contains(&share) {
            failures.push(format!(
                "{kind}: {in_held_out} of {} cases held out ({:.0}%), not about a quarter",
                in_dev + in_held_out,
                share * 100.0
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn mutation_changes_only_the_leading_digit() {
    let case = |text: &str, mutate: &str| Case {
        id: "probe".into(),
        lang: "it".into(),
        date: "2024-01".into(),
        kind: "conversion".into(),
        text: text.into(),
        verdict: "consistent".into(),
        reason: "probe".into(),
        mutate: Some(mutate.into()),
        fx: None,
    };
    assert_eq!(mutant_text(&case("da 13,6 a 19", "13,6")), "da 23,6 a 19");
    assert_eq!(mutant_text(&case("da 9,5% e 90", "9,5")), "da 8,5% e 90");
    assert_eq!(
        mutant_text(&case("$100,000 e $1", "$100,000")),
        "$200,000 e $1"
    );
    assert_eq!(mutation_point(&case("0,4 punti", "0,4")), None);
}

#[test]
fn malformed_cases_are_reported() {
    let case = |kind: &str, verdict: &str, text: &str, mutate: Option<&str>| Case {
        id: "probe".into(),
        lang: "en".into(),
        date: "2024-01-18".into(),
        kind: kind.into(),
        text: text.into(),
        verdict: verdict.into(),
        reason: "probe".into(),
        mutate: mutate.map(Into::into),
        fx: None,
    };
    let sum = |text: &str, mutate: Option<&str>| case("sum", "consistent", text, mutate);
    assert!(problems(&sum("Of 40, 25 and 15.", Some("25"))).is_empty());
    for broken in [
        sum("Of 40, 25 and 15, or 25.", Some("25")), // figure twice
        sum("Of 40, 25 and 15.", Some("26")),        // figure absent
        sum("Of 40, 25 and 15.", None),              // nothing to mutate
        sum("Of 0.4, 0.25 and 0.15.", Some("0.25")), // no leading digit 1-9
        case("sum", "inconsistent", "Of 40, 25 and 16.", Some("25")),
        case("sum", "unsure", "Of 40, 25 and 15.", Some("25")),
        case("total", "consistent", "Of 40, 25 and 15.", Some("25")),
        case("conversion", "consistent", "5 yuan ($1).", Some("5")), // no fx table
    ] {
        assert!(!problems(&broken).is_empty(), "not reported: {broken:?}");
    }
}

#[test]
fn relation_set_dev_meets_its_floors() {
    let which = std::env::var("CLAIMLINT_RELATION_SET").unwrap_or_default();
    assert!(
        ["", "dev", "held-out"].contains(&which.as_str()),
        "CLAIMLINT_RELATION_SET is `{which}`; use `held-out` (or leave it unset)"
    );
    let dev = score("dev", &load_part("dev"));
    println!("{}", table("dev", &dev));
    for miss in &dev.misses {
        println!("  {miss}");
    }
    if which == "held-out" {
        let held_out = score("held-out", &load_part("held-out"));
        println!("\n{}", table("held-out", &held_out));
    }
    let all = dev.all;
    let mut below = Vec::new();
    for (kind, flagged_floor, caught_floor) in KIND_FLOORS {
        let tally = dev.by_kind[kind];
        if tally.inconsistent_flagged < flagged_floor || tally.mutants_caught < caught_floor {
            below.push(format!(
                "{kind}: flagged {}/{} (floor {flagged_floor}), mutants caught {}/{} (floor {caught_floor})",
                tally.inconsistent_flagged, tally.inconsistent, tally.mutants_caught, tally.mutants
            ));
        }
    }
    assert!(
        below.is_empty(),
        "below the per-kind floors:\n{}",
        below.join("\n")
    );
    assert!(
        all.inconsistent_flagged >= FLOOR_INCONSISTENT_FLAGGED,
        "inconsistent dev cases flagged: {} < floor {FLOOR_INCONSISTENT_FLAGGED}",
        all.inconsistent_flagged
    );
    assert!(
        all.consistent_with_error <= CEILING_CONSISTENT_WITH_ERROR,
        "consistent dev cases with an error: {} > ceiling {CEILING_CONSISTENT_WITH_ERROR}",
        all.consistent_with_error
    );
    assert!(
        all.mutants_caught >= FLOOR_MUTANTS_CAUGHT,
        "dev mutants caught: {} < floor {FLOOR_MUTANTS_CAUGHT}",
        all.mutants_caught
    );
}
