//! Rule authoring and shell habits, through the real binary: `rules new --kind` for every
//! kind then `rules test` on the new file, one-file `rules test`, expectations with column and
//! message, "did you mean" for API typos, shell completions and the man page.

mod common;

use common::{Workspace, rule_source, stderr_of, stdout_of};

const KINDS: [&str; 10] = [
    "percent",
    "money",
    "change",
    "total",
    "ratio",
    "average",
    "anniversary",
    "count-list",
    "date",
    "duration",
];

#[test]
fn every_kind_writes_a_template_that_passes_its_own_fixtures() {
    let ws = Workspace::new();
    for kind in KINDS {
        let id = format!("my-{kind}");
        let new = ws
            .claimlint_bare(&["rules", "new", &id, "--kind", kind, "--dir", "mine"])
            .output()
            .unwrap();
        assert_eq!(new.status.code(), Some(0), "{kind}: {}", stderr_of(&new));
        let source = std::fs::read_to_string(ws.path(&format!("mine/{id}.rhai"))).unwrap();
        assert!(source.starts_with(&format!("//! id: {id}\n")), "{kind}");
        let file = format!("mine/{id}.rhai");
        let test = ws
            .claimlint_bare(&["rules", "test", &file])
            .output()
            .unwrap();
        assert_eq!(
            stdout_of(&test),
            "1 rules, 2 fixtures, 0 mismatches\n",
            "{kind}: {}",
            stderr_of(&test)
        );
        assert_eq!(test.status.code(), Some(0), "{kind}");
    }
    // The kinds differ: the templates are not one text under ten names.
    let money = std::fs::read_to_string(ws.path("mine/my-money.rhai")).unwrap();
    let count = std::fs::read_to_string(ws.path("mine/my-count-list.rhai")).unwrap();
    assert!(money.contains("relations_of_kind(\"conversion\")"));
    assert!(count.contains("relations_of_kind(\"count-list\")"));
    let all = ws
        .claimlint_bare(&["rules", "test", "mine"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&all), "10 rules, 20 fixtures, 0 mismatches\n");
}

#[test]
fn a_fires_fixture_of_a_template_fails_when_the_figures_agree() {
    let ws = Workspace::new();
    ws.claimlint_bare(&["rules", "new", "growth", "--kind", "change", "--dir", "."])
        .assert()
        .success();
    // 25% is what 120 → 150 is: the rule goes quiet and the expectation is missed.
    ws.write(
        "fixtures/growth/fires-1.txt",
        "date 2024-03\nRevenue rose 25% to $150 million from $120 million.\n",
    );
    let test = ws
        .claimlint_bare(&["rules", "test", "growth.rhai"])
        .output()
        .unwrap();
    assert_eq!(test.status.code(), Some(1));
    assert!(
        stdout_of(&test).contains("fires-1.txt:2: expected growth, got nothing"),
        "{}",
        stdout_of(&test)
    );
}

#[test]
fn rules_test_file_runs_only_that_rule() {
    let ws = Workspace::new();
    for id in ["first-rule", "second-rule"] {
        ws.claimlint_bare(&["rules", "new", id, "--dir", "suite"])
            .assert()
            .success();
    }
    // Break the second rule's fixture: testing the first file alone must not see it.
    ws.write(
        "suite/fixtures/second-rule/quiet-1.expect",
        "2 second-rule\n",
    );
    let one = ws
        .claimlint_bare(&["rules", "test", "suite/first-rule.rhai"])
        .output()
        .unwrap();
    assert_eq!(stdout_of(&one), "1 rules, 2 fixtures, 0 mismatches\n");
    let both = ws
        .claimlint_bare(&["rules", "test", "suite"])
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(1));
    assert!(stdout_of(&both).contains("2 rules, 4 fixtures, 2 mismatches"));
}

#[test]
fn rules_test_on_a_missing_file_is_an_error_naming_it() {
    let ws = Workspace::new();
    let output = ws
        .claimlint_bare(&["rules", "test", "no-such-rule.rhai"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("no-such-rule.rhai: cannot read rules"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn expectations_may_pin_column_and_message() {
    let ws = Workspace::new();
    ws.claimlint_bare(&["rules", "new", "share-over-100", "--dir", "."])
        .assert()
        .success();
    let run = |expect: &str| {
        ws.write("fixtures/share-over-100/fires-1.expect", expect);
        ws.claimlint_bare(&["rules", "test", "share-over-100.rhai"])
            .output()
            .unwrap()
    };
    // "The party's share of the vote reached 140%": 140% starts at column 39.
    let right = run("2:39 share-over-100 140% > 100\n");
    assert_eq!(stdout_of(&right), "1 rules, 2 fixtures, 0 mismatches\n");
    let wrong_column = run("2:7 share-over-100\n");
    assert_eq!(wrong_column.status.code(), Some(1));
    assert!(
        stdout_of(&wrong_column).contains(
            "fires-1.txt:2: expected share-over-100 at column 7, got share-over-100 at column 39: 140% > 100.0%"
        ),
        "{}",
        stdout_of(&wrong_column)
    );
    let wrong_message = run("2 share-over-100 of a whole\n");
    assert_eq!(wrong_message.status.code(), Some(1));
    assert!(
        stdout_of(&wrong_message).contains(
            "expected share-over-100 with a message containing \"of a whole\", got share-over-100 at column 39: 140% > 100.0%"
        ),
        "{}",
        stdout_of(&wrong_message)
    );
    let malformed = run("2:x share-over-100\n");
    assert!(
        stdout_of(&malformed)
            .contains("expected `LINE[:COLUMN] RULE-ID [MESSAGE]`, found `2:x share-over-100`")
    );
}

#[test]
fn api_typos_get_a_did_you_mean() {
    let ws = Workspace::new();
    let cases = [
        (
            "typo-property",
            "for c in article.claims { if c.vaue > 1.0 { } }",
            "did you mean `value`?",
        ),
        (
            "typo-function",
            "for c in article.claims { if c.text.contains_anyy([\"x\"]) { } }",
            "did you mean `contains_any`?",
        ),
    ];
    for (id, body, hint) in cases {
        ws.write(
            &format!("typos/{id}.rhai"),
            rule_source(id, "warning", body),
        );
        ws.write(
            &format!("typos/fixtures/{id}/quiet.txt"),
            "date 2024-01\nTurnout was 40% this year.\n",
        );
        let test = ws
            .claimlint_bare(&["rules", "test", &format!("typos/{id}.rhai")])
            .output()
            .unwrap();
        assert_eq!(test.status.code(), Some(1), "{id}");
        assert!(
            stdout_of(&test).contains(hint),
            "{id}: {}",
            stdout_of(&test)
        );
    }
}

#[test]
fn user_rules_may_omit_link() {
    let ws = Workspace::new();
    ws.write(
        "mine/no-link.rhai",
        "//! id: no-link\n//! severity: info\n//! summary: A rule with no page.\n//!\n//! Prose.\nlet x = 1;\n",
    );
    let explain = ws
        .claimlint_bare(&["rules", "explain", "no-link", "--rules", "mine"])
        .output()
        .unwrap();
    assert_eq!(explain.status.code(), Some(0), "{}", stderr_of(&explain));
    assert!(stdout_of(&explain).contains("A rule with no page."));
    assert!(!stdout_of(&explain).contains("link:"));
    ws.write(
        "mine/no-summary.rhai",
        "//! id: no-summary\n//! severity: info\n//!\nlet x = 1;\n",
    );
    let missing = ws
        .claimlint_bare(&["rules", "list", "--rules", "mine"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr_of(&missing)
            .contains("lacks `summary: …` (required: id, severity, summary; `link` is optional)")
    );
}

#[test]
fn completions_for_every_shell_name_the_subcommands() {
    let ws = Workspace::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = ws.claimlint_bare(&["completions", shell]).output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = stdout_of(&output);
        for subcommand in ["check", "diff", "rules", "completions"] {
            assert!(script.contains(subcommand), "{shell} lacks {subcommand}");
        }
    }
    let unknown = ws
        .claimlint_bare(&["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn the_man_page_is_roff_naming_the_commands() {
    let ws = Workspace::new();
    let output = ws.claimlint_bare(&["man"]).output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let page = stdout_of(&output);
    assert!(page.contains(".TH claimlint 1"), "{page}");
    assert!(
        page.contains(".SH SUBCOMMANDS") || page.contains(".SH COMMANDS"),
        "{page}"
    );
    for command in ["check", "diff", "rules", "extract"] {
        assert!(
            page.contains(&format!("claimlint\\-{command}")),
            "{command}"
        );
    }
    ws.claimlint_bare(&["man", "--dir", "man"])
        .assert()
        .success();
    let rules_page = std::fs::read_to_string(ws.path("man/claimlint-rules.1")).unwrap();
    assert!(rules_page.contains(".TH claimlint-rules 1"), "{rules_page}");
}
