//! The sandbox: runaway and broken rules become rule errors naming file, line, column and
//! source line, within 2 s, while the other rules' findings are still reported.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use claimlint::engine::{
    ArticleData, CompiledSuite, NoRates, RuleOrigin, RuleSet, RunSettings, loader::parse_rule,
};
use claimlint::model::{ClaimKind, Lang};
use common::{claim, rule_source};

const WORKING_RULE: &str = r#"
for c in article.claims {
    report(#{ message: `saw ${c.text}`, claims: [c] });
}
"#;

fn suite_with(bad_body: &str) -> (RuleSet, CompiledSuite) {
    let sources = [("bad-rule", bad_body), ("good-rule", WORKING_RULE)];
    let rules = sources
        .iter()
        .map(|(id, body)| {
            let file = format!("{id}.rhai");
            parse_rule(
                &rule_source(id, "error", body),
                RuleOrigin::File(format!("suite/{file}").into()),
                &file,
            )
            .unwrap()
        })
        .collect();
    let rules = RuleSet { rules };
    let settings = RunSettings {
        timeout: Duration::from_millis(300),
        ..RunSettings::default()
    };
    let suite = CompiledSuite::compile(&rules, &settings, Arc::new(NoRates));
    (rules, suite)
}

fn article() -> Arc<ArticleData> {
    let text = "Sales rose 12% to 300 units.".to_owned();
    Arc::new(ArticleData {
        id: "a".into(),
        lang: Lang::En,
        draft: 1,
        title: None,
        date: None,
        claims: vec![
            claim("c1", ClaimKind::Percent, "12%", 11, 12.0),
            claim("c2", ClaimKind::Count, "300 units", 18, 300.0),
        ],
        relations: Vec::new(),
        sentences: vec![text.clone()],
        sentence_starts: vec![0],
        text,
        body_start: 0,
        source: None,
    })
}

/// Runs the suite and checks the common contract; returns the one rule error.
fn run_bad(body: &str) -> claimlint::engine::RuleError {
    let started = Instant::now();
    let (_, suite) = suite_with(body);
    let outcomes = suite.evaluate_all(&[article()]);
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(2), "took {elapsed:?}");
    let mut errors = suite.compile_errors.clone();
    errors.extend(outcomes[0].rule_errors.clone());
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let good: Vec<_> = outcomes[0]
        .findings
        .iter()
        .filter(|f| f.rule == "good-rule")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(good, ["saw 12%", "saw 300 units"]);
    let error = errors.remove(0);
    assert_eq!(error.rule, "bad-rule");
    assert_eq!(error.file, "suite/bad-rule.rhai");
    assert!(error.line.is_some() && error.column.is_some(), "{error:?}");
    assert!(error.source_line.is_some(), "{error:?}");
    error
}

/// The header has 6 lines, so body line 2 is file line 8.
const FIRST_BODY_LINE: u32 = 7;

#[test]
fn endless_loop_is_stopped_by_the_deadline() {
    let error = run_bad("\nlet n = 0;\nloop { n += 1; }");
    assert_eq!(error.line, Some(FIRST_BODY_LINE + 2));
    assert_eq!(error.source_line.as_deref(), Some("loop { n += 1; }"));
    assert!(
        error.message.contains("limit") || error.message.contains("operations"),
        "{}",
        error.message
    );
}

#[test]
fn endless_recursion_is_a_rule_error_not_a_crash() {
    let error = run_bad("\nfn deeper(n) { deeper(n + 1) }\ndeeper(0);");
    assert!(error.message.contains("levels deep"), "{}", error.message);
}

#[test]
fn huge_string_is_refused() {
    let error = run_bad("\nlet s = \"x\";\nloop { s += s; }");
    assert!(error.message.contains("too large"), "{}", error.message);
    assert_eq!(error.line, Some(FIRST_BODY_LINE + 2));
}

#[test]
fn unknown_function_names_the_call() {
    let error = run_bad("\nlet x = 1;\nlet y = read_file(\"/etc/passwd\");");
    assert!(error.message.contains("read_file"), "{}", error.message);
    assert_eq!(error.line, Some(FIRST_BODY_LINE + 2));
    assert_eq!(error.column, Some(9));
}

#[test]
fn parse_error_names_line_and_column() {
    let error = run_bad("\nlet x = 1;\nlet y = (x + ;");
    assert!(
        error.message.contains("does not compile"),
        "{}",
        error.message
    );
    assert_eq!(error.line, Some(FIRST_BODY_LINE + 2));
    assert!(error.article.is_none());
}

#[test]
fn import_and_eval_are_refused() {
    for body in ["import \"x\" as y;", "eval(\"1\");"] {
        let (_, suite) = suite_with(body);
        let outcomes = suite.evaluate_all(&[article()]);
        let errors = suite.compile_errors.len() + outcomes[0].rule_errors.len();
        assert_eq!(errors, 1, "{body} ran");
    }
}
