//! The sandbox through the real binary: each runaway or broken rule (endless loop, endless
//! recursion, huge string, unknown function, parse error) beside the bundled rules on a real
//! fixture gives a rule error naming file, line and column with the source line, within 2 s,
//! exit code 2, while the bundled rule's finding is still reported. Scripts cannot reach
//! files, processes, the network or the environment, and what they print never reaches stdout.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{Workspace, rule_source, stderr_of, stdout_of};
use serde_json::Value;

/// A fixture on which conversion-rate-mismatch fires once (its `.expect` says so).
const FIRING_FIXTURE: &str = "fixtures/rules/conversion-rate-mismatch/fires-it-month.txt";

/// The header of `rule_source` is 6 lines: body line N is file line 6 + N.
const HEADER_LINES: u32 = 6;

struct Broken {
    id: &'static str,
    body: &'static str,
    /// Body line (1-based) the error must point at.
    body_line: u32,
    /// Words the message must contain.
    says: &'static str,
}

const BROKEN: &[Broken] = &[
    Broken {
        id: "endless-loop",
        body: "let n = 0;\nloop { n += 1; }",
        body_line: 2,
        says: "limit",
    },
    Broken {
        id: "endless-recursion",
        body: "fn deeper(n) { deeper(n + 1) }\ndeeper(0);",
        // The error points at the call that started the descent.
        body_line: 2,
        says: "levels deep",
    },
    Broken {
        id: "huge-string",
        body: "let s = \"x\";\nloop { s += s; }",
        body_line: 2,
        says: "too large",
    },
    Broken {
        id: "unknown-function",
        body: "let x = 1;\nlet y = read_file(\"/etc/passwd\");",
        body_line: 2,
        says: "read_file",
    },
    Broken {
        id: "parse-error",
        body: "let x = 1;\nlet y = (x + ;",
        body_line: 2,
        says: "does not compile",
    },
];

fn workspace_with_rule(id: &str, body: &str) -> Workspace {
    let ws = Workspace::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIRING_FIXTURE);
    ws.write("story.txt", std::fs::read(fixture).unwrap());
    ws.write(&format!("suite/{id}.rhai"), rule_source(id, "error", body));
    ws
}

#[test]
fn each_broken_rule_is_a_rule_error_within_2_s_and_bundled_rules_still_report() {
    for broken in BROKEN {
        let ws = workspace_with_rule(broken.id, broken.body);
        let started = Instant::now();
        let output = ws
            .claimlint(&["check", "--rules", "suite", "--format", "json", "story.txt"])
            .output()
            .unwrap();
        let elapsed = started.elapsed();
        assert!(
            elapsed < Duration::from_secs(2),
            "{}: {elapsed:?}",
            broken.id
        );
        assert_eq!(output.status.code(), Some(2), "{}", broken.id);
        let json: Value = serde_json::from_str(&stdout_of(&output))
            .unwrap_or_else(|err| panic!("{}: {err}: {}", broken.id, stderr_of(&output)));
        let article = &json["articles"][0];
        let rules: Vec<&str> = article["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        assert!(
            rules.contains(&"conversion-rate-mismatch"),
            "{}: {rules:?}",
            broken.id
        );
        // A parse error is a suite-level error (the rule never ran); the others are per article.
        let errors: Vec<&Value> = json["rule_errors"]
            .as_array()
            .unwrap()
            .iter()
            .chain(article["rule_errors"].as_array().unwrap())
            .collect();
        assert_eq!(errors.len(), 1, "{}: {errors:?}", broken.id);
        let error = errors[0];
        assert_eq!(error["rule"], broken.id);
        assert_eq!(error["file"], format!("suite/{}.rhai", broken.id));
        assert_eq!(error["line"], HEADER_LINES + broken.body_line, "{error}");
        assert!(error["column"].as_u64().is_some(), "{error}");
        let source_line = broken.body.lines().nth(broken.body_line as usize - 1);
        assert_eq!(error["source_line"].as_str(), source_line, "{error}");
        assert!(
            error["message"].as_str().unwrap().contains(broken.says),
            "{error}"
        );
    }
}

#[test]
fn a_rule_error_reads_with_file_line_column_and_source_line() {
    let broken = &BROKEN[3];
    let ws = workspace_with_rule(broken.id, broken.body);
    let output = ws
        .claimlint(&["check", "--rules", "suite", "story.txt"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stdout = stdout_of(&output);
    let line = HEADER_LINES + broken.body_line;
    assert!(
        stdout.contains(&format!(
            "suite/unknown-function.rhai:{line}:9: rule `unknown-function` failed on article `story`"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{line:>5} | let y = read_file")),
        "{stdout}"
    );
    assert!(
        stdout.contains("error[conversion-rate-mismatch]"),
        "{stdout}"
    );
    assert!(stdout.contains("1 rule error"), "{stdout}");
}

#[test]
fn scripts_reach_no_file_process_network_or_environment() {
    for body in [
        "import \"fs\" as fs;",
        "eval(\"1 + 1\");",
        "open(\"/etc/passwd\");",
        "read_file(\"/etc/passwd\");",
        "fs::read(\"/etc/passwd\");",
        "env(\"HOME\");",
        "system(\"ls\");",
        "exec(\"ls\");",
        "http_get(\"https://example.com\");",
    ] {
        let ws = workspace_with_rule("escape", body);
        let output = ws
            .claimlint(&["check", "--rules", "suite", "--format", "json", "story.txt"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{body} ran");
        let json: Value = serde_json::from_str(&stdout_of(&output)).unwrap();
        let errors = json["rule_errors"].as_array().unwrap().len()
            + json["articles"][0]["rule_errors"].as_array().unwrap().len();
        assert_eq!(errors, 1, "{body}: {json}");
    }
}

#[test]
fn exit_in_a_script_ends_that_rule_not_the_process() {
    let ws = workspace_with_rule("leaves", "exit(0);");
    let output = ws
        .claimlint(&["check", "--rules", "suite", "--format", "json", "story.txt"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "the bundled finding is still reported"
    );
    let json: Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    assert_eq!(
        json["articles"][0]["findings"][0]["rule"],
        "conversion-rate-mismatch"
    );
}

#[test]
fn what_a_rule_prints_never_reaches_stdout() {
    let ws = workspace_with_rule("chatty", "print(\"chatter\");\ndebug(\"more chatter\");");
    let output = ws
        .claimlint(&["check", "--rules", "suite", "--format", "json", "story.txt"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "the bundled finding is an error"
    );
    let stdout = stdout_of(&output);
    assert!(!stdout.contains("chatter"), "{stdout}");
    let _: Value = serde_json::from_str(&stdout).unwrap();
}
