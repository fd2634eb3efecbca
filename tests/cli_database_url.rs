//! Which database a command uses: `--db`, then `CLAIMLINT_DB`, then `database_url` in
//! claimlint.toml, then `claimlint.db` at the project root; through the real binary, on real
//! files, and on the test PostgreSQL cluster for a URL in the configuration.

mod common;

use common::{Workspace, stderr_of, stdout_of};

/// The article ids `claimlint articles` lists, with the command's extra settings applied.
fn articles_in(mut command: assert_cmd::Command) -> Vec<String> {
    let output = command
        .args(["articles", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let listed: serde_json::Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    listed
        .as_array()
        .unwrap()
        .iter()
        .map(|article| article["article"].as_str().unwrap().to_owned())
        .collect()
}

/// A project whose claimlint.toml names `archive/news.db` (relative to the file): `add` from a
/// subfolder writes there, not to the default `claimlint.db`; `CLAIMLINT_DB` beats the file and
/// `--db` beats both.
#[test]
fn database_url_in_the_config_is_used_below_the_flag_and_the_variable() {
    let workspace = Workspace::new();
    workspace.write("claimlint.toml", "database_url = \"archive/news.db\"\n");
    std::fs::create_dir_all(workspace.path("archive")).unwrap();
    let story = workspace.write("desk/story.txt", "Il PIL è cresciuto del 2,5%.\n");
    workspace
        .claimlint_bare(&["add", story.to_str().unwrap()])
        .current_dir(workspace.path("desk"))
        .assert()
        .success();
    assert!(workspace.path("archive/news.db").is_file());
    assert!(!workspace.path("claimlint.db").exists());
    assert!(!workspace.path("desk/claimlint.db").exists());
    assert_eq!(articles_in(workspace.claimlint_bare(&[])), ["desk/story"]);

    let other = workspace.path("other.db");
    let from_env = workspace.write("desk/env.txt", "La disoccupazione è al 7%.\n");
    workspace
        .claimlint_bare(&["add", from_env.to_str().unwrap()])
        .env("CLAIMLINT_DB", &other)
        .assert()
        .success();
    let mut env_only = workspace.claimlint_bare(&[]);
    env_only.env("CLAIMLINT_DB", &other);
    assert_eq!(articles_in(env_only), ["desk/env"]);
    assert_eq!(articles_in(workspace.claimlint_bare(&[])), ["desk/story"]);

    let flag = workspace.path("flag.db");
    let mut both = workspace.claimlint_bare(&["--db", flag.to_str().unwrap()]);
    both.env("CLAIMLINT_DB", &other);
    let output = both.args(["articles"]).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(2),
        "the flag's database does not exist"
    );
    assert!(
        stderr_of(&output).contains("flag.db: no such database"),
        "{}",
        stderr_of(&output)
    );
}

/// `--config FILE` is where `database_url` is read from when given; `:memory:` stays a
/// database in memory; an invalid file is an error naming it for a command that needs the
/// database, and `extract` does not read it.
#[test]
fn database_url_follows_config_and_a_broken_file_is_named() {
    let workspace = Workspace::new();
    workspace.write("elsewhere/desk.toml", "database_url = \"desk.db\"\n");
    let story = workspace.write("story.txt", "Il PIL è cresciuto del 2,5%.\n");
    workspace
        .claimlint_bare(&[
            "--config",
            "elsewhere/desk.toml",
            "add",
            story.to_str().unwrap(),
        ])
        .assert()
        .success();
    assert!(workspace.path("elsewhere/desk.db").is_file());

    workspace.write("claimlint.toml", "database_url = \":memory:\"\n");
    workspace
        .claimlint_bare(&["add", story.to_str().unwrap()])
        .assert()
        .success();
    assert!(
        !workspace.path(":memory:").exists(),
        "a database in memory, no file"
    );
    assert!(!workspace.path("claimlint.db").exists());

    workspace.write("claimlint.toml", "database_url = 5\n");
    let output = workspace.claimlint_bare(&["articles"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("claimlint.toml"), "{stderr}");
    assert!(stderr.contains("database_url"), "{stderr}");
    workspace
        .claimlint_bare(&["extract", story.to_str().unwrap()])
        .assert()
        .success();
}

/// A `postgres://` URL in claimlint.toml: `add` and `articles` with no `--db` use that server.
#[test]
fn a_postgres_url_in_the_config_is_used() {
    let Some(workspace) = Workspace::on_postgres() else {
        return;
    };
    let url = workspace.db();
    let url = url.to_str().unwrap();
    workspace.write("claimlint.toml", format!("database_url = \"{url}\"\n"));
    let story = workspace.write("story.txt", "Il PIL è cresciuto del 2,5%.\n");
    workspace
        .claimlint_bare(&["add", story.to_str().unwrap()])
        .assert()
        .success();
    assert!(!workspace.path("claimlint.db").exists());
    assert_eq!(articles_in(workspace.claimlint_bare(&[])), ["story"]);
    assert_eq!(
        articles_in(workspace.claimlint_bare(&["--db", url])),
        ["story"]
    );
}
