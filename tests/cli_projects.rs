//! Articles in a project, through the real binary on temp dirs: folders walked recursively
//! (.gitignore, hidden files), globs the shell did not expand, unsupported files listed, a
//! missing path, ids from the project path and from front matter, a retitled draft refused,
//! `--no-store` and `:memory:`, the default database at the project root, and claimlint.toml
//! found upward, named with `--config` / `CLAIMLINT_CONFIG`, with `[[overrides]]` per path.

mod common;

use common::{Workspace, stderr_of, stdout_of};
use serde_json::Value;

/// A sentence the bundled `conversion-rate-mismatch` rule flags as an error.
const WRONG_CONVERSION: &str =
    "La Cina ha investito 240 miliardi di dollari (180 miliardi di euro) nel 2023.\n";

fn article(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\n---\n{body}")
}

/// A workspace that is a project (it holds `.git`), with a small site in it.
fn site() -> Workspace {
    let workspace = Workspace::new();
    std::fs::create_dir(workspace.path(".git")).unwrap();
    workspace.write(
        "site/2024/01/index.md",
        article("January", WRONG_CONVERSION),
    );
    workspace.write(
        "site/2024/02/index.md",
        article("February", "Il PIL è cresciuto del 5%.\n"),
    );
    workspace.write("site/2024/02/chart.png", "not an article");
    workspace.write(
        "site/.drafts/secret.md",
        article("Hidden", WRONG_CONVERSION),
    );
    workspace.write("site/build/out.md", article("Built", WRONG_CONVERSION));
    workspace.write("site/.gitignore", "build/\n");
    workspace
}

fn article_ids(workspace: &Workspace) -> Vec<String> {
    let output = workspace
        .claimlint(&["articles", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let articles: Vec<Value> = serde_json::from_str(&stdout_of(&output)).unwrap();
    articles
        .iter()
        .map(|a| a["article"].as_str().unwrap().to_owned())
        .collect()
}

fn check_json(workspace: &Workspace, args: &[&str]) -> (Option<i32>, Value) {
    let mut all = vec!["check", "--format", "json", "--fail-on", "never"];
    all.extend(args);
    let output = workspace.claimlint(&all).output().unwrap();
    let json = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|err| panic!("{err}: {}", stderr_of(&output)));
    (output.status.code(), json)
}

fn rules_of(report: &Value) -> Vec<(String, String)> {
    report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|article| article["findings"].as_array().unwrap())
        .map(|finding| {
            (
                finding["rule"].as_str().unwrap().to_owned(),
                finding["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_folder_is_walked_recursively_skipping_hidden_and_gitignored_files() {
    let workspace = site();
    let output = workspace.claimlint(&["add", "site"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(
        stdout_of(&output),
        "added site/2024/01/index draft 1 (3 claims)\n\
         added site/2024/02/index draft 1 (1 claim)\n\
         note: 1 file not added: not an article format (.txt, .md, .html, .docx); -v lists them\n"
    );
    assert_eq!(
        article_ids(&workspace),
        ["site/2024/01/index", "site/2024/02/index"]
    );
}

#[test]
fn unsupported_files_are_named_with_verbose_and_in_json() {
    let workspace = site();
    let output = workspace
        .claimlint(&["add", "-v", "site/2024"])
        .output()
        .unwrap();
    let stdout = stdout_of(&output);
    assert!(
        stdout.contains("unsupported site/2024/02/chart.png (not added: not an article format)"),
        "{stdout}"
    );
    let output = workspace
        .claimlint(&["add", "--format", "json", "site/2024"])
        .output()
        .unwrap();
    let last: Value = serde_json::from_str(stdout_of(&output).lines().last().unwrap()).unwrap();
    assert_eq!(
        last,
        serde_json::json!({"source": "site/2024/02/chart.png", "status": "unsupported"})
    );
    let (_, report) = check_json(&workspace, &["site"]);
    assert_eq!(
        report["unsupported"],
        serde_json::json!(["site/2024/02/chart.png"])
    );
    let output = workspace.claimlint(&["check", "site"]).output().unwrap();
    assert!(
        stdout_of(&output).ends_with(
            "note: 1 file not checked: not an article format (.txt, .md, .html, .docx); -v lists them\n"
        ),
        "{}",
        stdout_of(&output)
    );
}

#[test]
fn a_glob_the_shell_did_not_expand_is_expanded_in_sorted_order() {
    let workspace = site();
    let (code, report) = check_json(&workspace, &["site/**/*.md"]);
    assert_eq!(code, Some(0));
    let sources: Vec<&str> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|article| article["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["site/2024/01/index.md", "site/2024/02/index.md"]);
    assert!(report.get("unsupported").is_none());
    let output = workspace
        .claimlint(&["check", "site/**/*.html"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stdout_of(&output).contains("site/**/*.html: no file matches this pattern"),
        "{}",
        stdout_of(&output)
    );
}

#[test]
fn a_missing_path_is_no_such_file_and_a_bare_word_a_stored_article() {
    let workspace = site();
    for typo in ["site/2024/01/idnex.md", "idnex.md", "site/2024/03"] {
        let output = workspace.claimlint(&["check", typo]).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{typo}");
        assert!(
            stdout_of(&output).contains(&format!("{typo}: no such file or directory")),
            "{typo}: {}",
            stdout_of(&output)
        );
    }
    // No database was created for arguments that named nothing.
    assert!(!workspace.db().exists());
    let output = workspace.claimlint(&["add", "idnex.md"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("error: idnex.md: no such file or directory"),
        "{}",
        stderr_of(&output)
    );
    workspace.claimlint(&["add", "site"]).assert().success();
    let output = workspace.claimlint(&["check", "index"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stdout_of(&output).contains("no article `index` in the database"),
        "{}",
        stdout_of(&output)
    );
}

#[test]
fn a_stored_article_whose_id_is_a_path_is_checked_by_that_id() {
    let workspace = site();
    workspace.claimlint(&["add", "site"]).assert().success();
    std::fs::remove_dir_all(workspace.path("site")).unwrap();
    let (code, report) = check_json(&workspace, &["site/2024/01/index", "site/2024/01/index@1"]);
    assert_eq!(code, Some(0), "{report}");
    let sources: Vec<&str> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|article| article["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["site/2024/01/index@1", "site/2024/01/index@1"]);
}

#[test]
fn front_matter_id_wins_and_a_file_outside_any_project_keeps_its_stem() {
    let workspace = site();
    workspace.write(
        "site/2024/03/index.md",
        "---\ntitle: March\nid: \"march-story\"\n---\nTesto.\n",
    );
    workspace
        .claimlint(&["add", "site/2024/03/index.md"])
        .assert()
        .success();
    assert_eq!(article_ids(&workspace), ["march-story"]);

    let loose = Workspace::new();
    let file = loose.write("notes/story.txt", "Testo.\n");
    loose
        .claimlint(&["add", file.to_str().unwrap()])
        .assert()
        .success();
    assert_eq!(article_ids(&loose), ["story"]);
}

#[test]
fn another_title_under_a_stored_id_is_refused_unless_allowed() {
    let workspace = Workspace::new();
    let first = workspace.write("a/story.md", article("Budget approved", "Testo uno.\n"));
    let other = workspace.write("b/story.md", article("Floods in the north", "Testo due.\n"));
    let add = |path: &std::path::Path, extra: &[&str]| {
        let mut args = vec!["add", "--id", "story", path.to_str().unwrap()];
        args.extend(extra);
        workspace.claimlint(&args).output().unwrap()
    };
    assert!(add(&first, &[]).status.success());
    let refused = add(&other, &[]);
    assert_eq!(refused.status.code(), Some(2));
    let stderr = stderr_of(&refused);
    assert!(
        stderr.contains(
            "article `story` is stored with the title \"Budget approved\", but this file's title is \"Floods in the north\""
        ) && stderr.contains("--allow-retitle"),
        "{stderr}"
    );
    let output = workspace
        .claimlint(&["drafts", "story", "--format", "json"])
        .output()
        .unwrap();
    let drafts: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(drafts.len(), 1);
    assert!(add(&other, &["--allow-retitle"]).status.success());
    // check refuses the same way, as an input error of the batch.
    let third = workspace.write("c/story.md", article("Third title", "Testo tre.\n"));
    let output = workspace
        .claimlint(&["check", "--id", "story", third.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout_of(&output).contains("--allow-retitle"));
}

#[test]
fn no_store_and_memory_check_files_without_writing_a_database() {
    let workspace = site();
    let file = "site/2024/01/index.md";
    for args in [
        vec!["check", "--no-store", "--format", "json", file],
        vec!["--db", ":memory:", "check", "--format", "json", file],
    ] {
        let output = workspace.claimlint_bare(&args).output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(1),
            "{args:?}: {}",
            stderr_of(&output)
        );
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        // The bundled reference rates are there: the conversion is checked against them.
        assert_eq!(
            rules_of(&report),
            [("conversion-rate-mismatch".into(), "error".into())]
        );
    }
    let left: Vec<String> = std::fs::read_dir(workspace.dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("claimlint") || name.contains(":memory:"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // --no-store takes every argument as a path.
    let output = workspace
        .claimlint_bare(&["check", "--no-store", "some-article"])
        .output()
        .unwrap();
    assert!(stdout_of(&output).contains("some-article: no such file or directory"));
}

#[test]
fn the_default_database_is_at_the_project_root_from_any_subfolder() {
    let workspace = site();
    let subfolder = workspace.path("site/2024");
    let run = |args: &[&str]| {
        let mut command = assert_cmd::Command::cargo_bin("claimlint").unwrap();
        command
            .current_dir(&subfolder)
            .env_remove("CLAIMLINT_DB")
            .env_remove("CLAIMLINT_CONFIG")
            .args(args)
            .output()
            .unwrap()
    };
    assert!(run(&["add", "01/index.md"]).status.success());
    assert!(workspace.path("claimlint.db").exists());
    assert!(!subfolder.join("claimlint.db").exists());
    let articles = run(&["articles", "--format", "json"]);
    let articles: Vec<Value> = serde_json::from_slice(&articles.stdout).unwrap();
    assert_eq!(articles[0]["article"], "site/2024/01/index");
}

/// A project whose claimlint.toml turns the conversion rule into a warning everywhere but
/// disables it for `opinion/`, and whose `news/` articles are English.
fn configured() -> Workspace {
    let workspace = Workspace::new();
    workspace.write(
        "claimlint.toml",
        r#"
[severity]
conversion-rate-mismatch = "warning"

[[overrides]]
files = ["opinion/**"]
disabled = ["conversion-rate-mismatch"]

[[overrides]]
files = ["*.txt"]
severity = { conversion-rate-mismatch = "info" }
"#,
    );
    workspace.write("news/a.md", WRONG_CONVERSION);
    workspace.write("opinion/b.md", WRONG_CONVERSION);
    workspace.write("news/deep/c.txt", WRONG_CONVERSION);
    workspace
}

#[test]
fn overrides_apply_to_the_files_their_globs_match() {
    let workspace = configured();
    let (_, report) = check_json(
        &workspace,
        &["news/a.md", "opinion/b.md", "news/deep/c.txt"],
    );
    let per_article: Vec<(String, Vec<(String, String)>)> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|article| {
            let one = serde_json::json!({ "articles": [article] });
            (
                article["source"].as_str().unwrap().to_owned(),
                rules_of(&one),
            )
        })
        .collect();
    let rule = "conversion-rate-mismatch".to_owned();
    assert_eq!(
        per_article,
        [
            ("news/a.md".into(), vec![(rule.clone(), "warning".into())]),
            ("opinion/b.md".into(), vec![]),
            ("news/deep/c.txt".into(), vec![(rule, "info".into())]),
        ]
    );
}

#[test]
fn the_config_is_found_from_the_articles_folder_upward() {
    let workspace = configured();
    let elsewhere = Workspace::new();
    // Run from a directory outside the project: the file's folder finds claimlint.toml.
    let output = elsewhere
        .claimlint(&[
            "check",
            "--format",
            "json",
            workspace.path("news/a.md").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        rules_of(&report),
        [("conversion-rate-mismatch".into(), "warning".into())]
    );
}

#[test]
fn config_flag_and_environment_name_the_file_to_use() {
    let workspace = configured();
    let strict = workspace.write(
        "strict.toml",
        "[severity]\nconversion-rate-mismatch = \"error\"\n",
    );
    let (code, report) = check_json(
        &workspace,
        &["--config", strict.to_str().unwrap(), "opinion/b.md"],
    );
    assert_eq!(code, Some(0));
    assert_eq!(
        rules_of(&report),
        [("conversion-rate-mismatch".into(), "error".into())]
    );
    let output = workspace
        .claimlint(&["check", "--format", "json", "opinion/b.md"])
        .env("CLAIMLINT_CONFIG", &strict)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        rules_of(&report),
        [("conversion-rate-mismatch".into(), "error".into())]
    );
}

#[test]
fn unknown_keys_and_rule_ids_in_the_config_are_errors_naming_the_file() {
    let workspace = configured();
    workspace.write(
        "claimlint.toml",
        "[[overrides]]\nfiles = [\"news/**\"]\ndisable = [\"conversion-rate-mismatch\"]\n",
    );
    let output = workspace
        .claimlint(&["check", "news/a.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("claimlint.toml") && stderr.contains("unknown field `disable`"),
        "{stderr}"
    );
    workspace.write(
        "claimlint.toml",
        "[[overrides]]\nfiles = [\"news/**\"]\ndisabled = [\"no-such-rule\"]\n",
    );
    let output = workspace
        .claimlint(&["check", "news/a.md"])
        .output()
        .unwrap();
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("claimlint.toml: [[overrides]] number 1: unknown rule id `no-such-rule`"),
        "{stderr}"
    );
}

#[test]
fn an_override_sets_the_language_and_default_date_of_its_files() {
    let workspace = Workspace::new();
    workspace.write(
        "claimlint.toml",
        "[[overrides]]\nfiles = [\"en/**\"]\nlang = \"en\"\ndate = \"2023-05\"\n",
    );
    let file = workspace.write("en/story.txt", "Prices rose by 5% last year.\n");
    workspace
        .claimlint(&["add", file.to_str().unwrap()])
        .assert()
        .success();
    let output = workspace
        .claimlint(&["drafts", "en/story", "--format", "json"])
        .output()
        .unwrap();
    let drafts: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(drafts[0]["lang"], "en");
    assert_eq!(drafts[0]["date"], "2023-05");
}

#[test]
fn files_from_two_projects_with_different_configs_are_an_error_naming_both() {
    let workspace = Workspace::new();
    workspace.write("one/claimlint.toml", "");
    workspace.write("two/claimlint.toml", "");
    let a = workspace.write("one/a.md", "Testo.\n");
    let b = workspace.write("two/b.md", "Testo.\n");
    let output = workspace
        .claimlint(&["check", a.to_str().unwrap(), b.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("two projects with different settings")
            && stderr.contains("one/claimlint.toml")
            && stderr.contains("two/claimlint.toml")
            && stderr.contains("--config"),
        "{stderr}"
    );
}

/// Outside any project two files of one run with one stem are two stories: the second is
/// refused, naming the first, and the first is stored; in a project their paths keep them
/// apart.
#[test]
fn two_files_of_one_run_never_share_an_id() {
    let workspace = Workspace::new();
    workspace.write(
        "export/a/index.md",
        "date 2024-01\nIl PIL è cresciuto del 2%.\n",
    );
    workspace.write(
        "export/b/index.md",
        "date 2024-02\nLe vendite sono salite del 5%.\n",
    );
    let output = workspace.claimlint(&["add", "export"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stdout_of(&output));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("export/b/index.md: would be stored as article `index`")
            && stderr.contains("export/a/index.md earlier in this run"),
        "{stderr}"
    );
    assert_eq!(article_ids(&workspace), ["index"]);
    let drafts = workspace
        .claimlint(&["drafts", "index", "--format", "json"])
        .output()
        .unwrap();
    let drafts: Vec<Value> = serde_json::from_str(&stdout_of(&drafts)).unwrap();
    assert_eq!(drafts.len(), 1);

    let project = Workspace::new();
    std::fs::create_dir(project.path(".git")).unwrap();
    project.write(
        "export/a/index.md",
        "date 2024-01\nIl PIL è cresciuto del 2%.\n",
    );
    project.write(
        "export/b/index.md",
        "date 2024-02\nLe vendite sono salite del 5%.\n",
    );
    let output = project.claimlint(&["add", "export"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(article_ids(&project), ["export/a/index", "export/b/index"]);
}
