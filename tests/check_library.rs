//! The library side of `check` that `claimlint diff` builds on: running the suite on stored
//! drafts returns findings with fingerprints and the suite hash, and stores or prints nothing;
//! and `check` itself sorting findings into reported, suppressed and baselined.

use std::sync::Arc;

use claimlint::check::evaluate_stored_drafts;
use claimlint::engine::{CompiledSuite, RateSource, RuleSelection, RuleSet, RunSettings};
use claimlint::ingest::{AddOptions, Input, add_input};
use claimlint::store::{DraftRef, DraftSelector, Store, finding_fingerprint};

const FAITHFUL: &str = "fixtures/rules/conversion-rate-mismatch/quiet-it-month.txt";
const BROKEN: &str = "fixtures/rules/conversion-rate-mismatch/fires-it-month.txt";

#[test]
fn findings_of_two_stored_drafts_without_a_recorded_run() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("test.db")).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let options = AddOptions {
        article_id: Some("story".into()),
        ..AddOptions::default()
    };
    for file in [FAITHFUL, BROKEN] {
        add_input(&mut store, &Input::File(root.join(file)), &options).unwrap();
    }
    let rules = RuleSet::load(&RuleSelection::default()).unwrap();
    let rates: Arc<dyn RateSource> = Arc::new(store.rate_book().unwrap());
    let suite = CompiledSuite::compile(&rules, &RunSettings::default(), rates);
    let drafts = [1, 2].map(|number| DraftRef {
        article_id: "story".into(),
        draft: DraftSelector::Number(number),
    });
    let results = evaluate_stored_drafts(&store, &drafts, &suite).unwrap();
    assert_eq!(results.len(), 2);
    let rules_of = |i: usize| -> Vec<&str> {
        results[i]
            .findings
            .iter()
            .map(|f| f.rule.as_str())
            .collect()
    };
    assert!(
        !rules_of(0).contains(&"conversion-rate-mismatch"),
        "{:?}",
        rules_of(0)
    );
    assert!(
        rules_of(1).contains(&"conversion-rate-mismatch"),
        "{:?}",
        rules_of(1)
    );
    for result in &results {
        assert_eq!(result.rule_suite_hash, suite.suite_hash);
        assert_eq!(result.fingerprints.len(), result.findings.len());
        for (finding, fingerprint) in result.findings.iter().zip(&result.fingerprints) {
            assert_eq!(&finding_fingerprint(finding), fingerprint);
            assert!(!finding.claims.is_empty());
            for claim in &finding.claims {
                assert!(result.draft.claims.iter().any(|c| &c.id == claim));
            }
        }
    }
    assert_eq!(results[1].draft.summary.number, 2);
    assert_eq!(store.run_count("story").unwrap(), 0, "nothing recorded");
}

/// `check` as a library sorts findings itself: a directive's range and a baseline hide
/// findings from `findings` but keep them in `suppressed` and `baselined`, and the totals
/// count them apart from the severities `--fail-on` reads.
#[test]
fn check_keeps_suppressed_and_baselined_findings_apart() {
    use claimlint::check::{BaselineRecorder, CheckOptions, CheckTotals, Target, check};
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("bridge.md");
    std::fs::write(
        &article,
        "---\ndate: 2024-05-02\n---\n<!-- claimlint-disable-next-line percent-for-points -->\n\
         Support for the toll rose from 20% to 25%, up 5% in a year.\n\n\
         The club signed 40 players: 25 from abroad and 19 from its academy.\n",
    )
    .unwrap();
    let mut store = Store::open(&dir.path().join("test.db")).unwrap();
    let rules = RuleSet::load(&RuleSelection {
        select: vec!["percent-for-points".into(), "parts-exceed-total".into()],
        ..RuleSelection::default()
    })
    .unwrap();
    let rates: Arc<dyn RateSource> = Arc::new(store.rate_book().unwrap());
    let suite = CompiledSuite::compile(&rules, &RunSettings::default(), rates);
    let targets = [Target::File(Input::File(article))];
    let rules_in = |list: &[claimlint::check::ReportedFinding]| -> Vec<String> {
        list.iter().map(|f| f.finding.rule.clone()).collect()
    };
    let writing = CheckOptions {
        baseline_all: true,
        ..CheckOptions::default()
    };
    let first = check(&mut store, &targets, &rules, &suite, &writing).unwrap();
    let checked = &first.articles[0];
    assert_eq!(checked.suppressed.len(), 1);
    assert_eq!(
        checked.suppressed[0].finding.finding.rule,
        "percent-for-points"
    );
    assert_eq!(checked.suppressed[0].directive_line, 4);
    assert_eq!(rules_in(&checked.baselined), ["parts-exceed-total"]);
    assert!(checked.findings.is_empty());
    let mut recorder = BaselineRecorder::new(None);
    recorder.record(checked);
    let baseline = recorder.finish();
    assert_eq!(baseline.len(), 1);

    let reading = CheckOptions {
        baseline: Some(Arc::new(baseline)),
        ..CheckOptions::default()
    };
    let second = check(&mut store, &targets, &rules, &suite, &reading).unwrap();
    let totals = CheckTotals::of(&second);
    assert_eq!((totals.suppressed, totals.baselined), (1, 1));
    assert_eq!(totals.at_least(claimlint::engine::Severity::Info), 0);
    // Without the baseline the parts finding is reported again.
    let plain = check(
        &mut store,
        &targets,
        &rules,
        &suite,
        &CheckOptions::default(),
    )
    .unwrap();
    assert_eq!(
        rules_in(&plain.articles[0].findings),
        ["parts-exceed-total"]
    );
}
