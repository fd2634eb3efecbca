//! The library side of `check` that `claimlint diff` builds on: running the suite on stored
//! drafts returns findings with fingerprints and the suite hash, and stores or prints nothing.

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
