//! `check --format concise|github`, `--statistics`, `-q` and `--color` through the real binary,
//! on a real file checked with `--no-store` and a small user rule suite.

mod common;

use common::{Workspace, rule_source, stderr_of, stdout_of};
use serde_json::Value;

/// A file whose name holds `,` and `:` (escaped in GitHub properties), and a suite of two
/// rules: `percent-seen` (warning, a message with `%`, `,`, `\r\n`) and `count-seen` (info).
fn setup() -> Workspace {
    let ws = Workspace::new();
    ws.write(
        "a,b:c.txt",
        "date: 2024-01\n\nSales rose 12% to 300 units, and 5% to 40 units.\n",
    );
    ws.write(
        "rules/percent-seen.rhai",
        rule_source(
            "percent-seen",
            "warning",
            r#"for c in article.claims_of_kind("percent") {
    report(#{ message: "share " + c.text + ", of 100%\r\nnext", claims: [c] });
}"#,
        ),
    );
    ws.write(
        "rules/count-seen.rhai",
        rule_source(
            "count-seen",
            "info",
            r#"for c in article.claims_of_kind("count") {
    report(#{ message: "count " + c.text, claims: [c] });
}"#,
        ),
    );
    ws
}

fn check(ws: &Workspace, args: &[&str]) -> std::process::Output {
    let mut full = vec![
        "check",
        "--no-store",
        "--no-default-rules",
        "--rules",
        "rules",
        "--fail-on",
        "warning",
    ];
    full.extend_from_slice(args);
    full.push("a,b:c.txt");
    without_color_variables(&mut ws.claimlint(&full))
        .output()
        .unwrap()
}

/// The command with none of the variables that decide colour, so the test's own environment
/// (a CI that sets FORCE_COLOR, say) cannot change the outcome.
fn without_color_variables(command: &mut assert_cmd::Command) -> &mut assert_cmd::Command {
    for name in ["NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE", "CLICOLOR"] {
        command.env_remove(name);
    }
    command
}

#[test]
fn github_format_writes_escaped_workflow_commands() {
    let ws = setup();
    let output = check(&ws, &["--format", "github"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    let lines: Vec<String> = stdout_of(&output).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(
        lines[0],
        "::warning file=a%2Cb%3Ac.txt,line=3,col=12,endLine=3,endColumn=15,title=percent-seen::share 12%25, of 100%25%0D%0Anext"
    );
    assert!(lines.iter().any(
        |line| line.starts_with("::notice file=a%2Cb%3Ac.txt,line=3,col=19,")
            && line.ends_with(",title=count-seen::count 300 units")
    ));
}

#[test]
fn concise_format_is_one_line_per_finding_and_the_summary() {
    let ws = setup();
    let output = check(&ws, &["--format", "concise"]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = stdout_of(&output);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{stdout}");
    assert_eq!(
        lines[0],
        "a,b:c.txt:3:12: warning[percent-seen] share 12%, of 100%\\x0d\\nnext"
    );
    assert!(lines.contains(&"a,b:c.txt:3:19: info[count-seen] count 300 units"));
    assert_eq!(lines[4], "0 errors, 2 warnings, 2 infos in 1 article");
}

#[test]
fn statistics_count_what_the_json_report_lists() {
    let ws = setup();
    let json = check(&ws, &["--format", "json", "--statistics"]);
    let report: Value = serde_json::from_str(&stdout_of(&json)).unwrap();
    let findings = report["articles"][0]["findings"].as_array().unwrap();
    let count = |rule: &str| findings.iter().filter(|f| f["rule"] == rule).count();
    assert_eq!((count("percent-seen"), count("count-seen")), (2, 2));
    // For JSON the table is on stderr, so stdout stays one document.
    assert!(
        stderr_of(&json).contains("2  warning  percent-seen"),
        "{}",
        stderr_of(&json)
    );

    let concise = check(&ws, &["--format", "concise", "--statistics"]);
    let stdout = stdout_of(&concise);
    let table: Vec<&str> = stdout.lines().skip(5).collect();
    assert_eq!(
        table,
        ["2  info     count-seen", "2  warning  percent-seen"]
    );
}

#[test]
fn quiet_prints_only_errors_and_keeps_the_exit_code() {
    let ws = setup();
    let output = check(&ws, &["-q"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout_of(&output), "");
    assert_eq!(stderr_of(&output), "");

    ws.write(
        "rules/broken.rhai",
        rule_source("broken", "error", "let x = ;"),
    );
    let broken = check(&ws, &["-q"]);
    assert_eq!(broken.status.code(), Some(2));
    assert_eq!(stdout_of(&broken), "");
    assert!(
        stderr_of(&broken).contains("rule `broken` failed"),
        "{}",
        stderr_of(&broken)
    );
}

#[test]
fn color_follows_the_flag_no_color_and_force_color() {
    let ws = setup();
    let has_escape = |output: &std::process::Output| stdout_of(output).contains("\x1b[");
    assert!(has_escape(&check(&ws, &["--color", "always"])));
    assert!(!has_escape(&check(&ws, &["--color", "never"])));
    // Not a terminal: no colour by default.
    assert!(!has_escape(&check(&ws, &[])));
    let env_run_with = |vars: &[(&str, &str)], args: &[&str]| {
        let mut full = vec![
            "check",
            "--no-store",
            "--no-default-rules",
            "--rules",
            "rules",
            "--format",
            "concise",
        ];
        full.extend_from_slice(args);
        full.push("a,b:c.txt");
        let mut command = ws.claimlint(&full);
        without_color_variables(&mut command);
        for (name, value) in vars {
            command.env(name, value);
        }
        command.output().unwrap()
    };
    let env_run = |name: &str, args: &[&str]| env_run_with(&[(name, "1")], args);
    assert!(has_escape(&env_run("FORCE_COLOR", &[])));
    assert!(!has_escape(&env_run("NO_COLOR", &[])));
    assert!(has_escape(&env_run("NO_COLOR", &["--color", "always"])));
    assert!(has_escape(&env_run("CLICOLOR_FORCE", &[])));
    assert!(!has_escape(&env_run("FORCE_COLOR", &["--color", "never"])));
    assert!(!has_escape(&env_run_with(&[("FORCE_COLOR", "0")], &[])));
    assert!(
        !has_escape(&env_run_with(&[("CLICOLOR_FORCE", "")], &[])),
        "an empty CLICOLOR_FORCE is unset"
    );
    assert!(
        !has_escape(&env_run_with(
            &[("NO_COLOR", "1"), ("FORCE_COLOR", "1")],
            &[]
        )),
        "NO_COLOR beats FORCE_COLOR"
    );
    assert!(
        !has_escape(&env_run_with(
            &[("NO_COLOR", "1"), ("CLICOLOR_FORCE", "1")],
            &[]
        )),
        "NO_COLOR beats CLICOLOR_FORCE"
    );
    assert!(
        !has_escape(&env_run_with(&[("NO_COLOR", ""), ("CLICOLOR", "0")], &[])),
        "an empty NO_COLOR is unset; CLICOLOR=0 is no colour"
    );
    assert!(
        has_escape(&env_run_with(
            &[("NO_COLOR", ""), ("FORCE_COLOR", "1")],
            &[]
        )),
        "an empty NO_COLOR does not turn colour off"
    );
}
