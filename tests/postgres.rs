//! What only the PostgreSQL engine has: many processes adding to one archive at once, workers
//! sharing its unchecked drafts through the check queue (also when one is killed), its own
//! schema table, and the commands it does not support yet failing with a clear message.
//! (The behaviour both engines share is tested once, on both, with `on_both_engines!`.)

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{Workspace, rule_source, stderr_of, stdout_of};
use serde_json::Value;

fn connect(workspace: &Workspace) -> postgres::Client {
    postgres::Client::connect(workspace.db().to_str().unwrap(), postgres::NoTls).unwrap()
}

/// 150 articles and one contested article are stored first; then four processes add, all at
/// once, the same new text of each of the 150, each its own new text of the contested one,
/// and 50 articles of their own. Every article is stored, each shared new text exactly once
/// (one `added` as draft 2, three `unchanged`), and the contested article gets drafts 2 to 5,
/// one per process, no number taken twice. The articles exist before the race on purpose: a
/// new article's writers queue on its key anyway; existing ones race on `MAX(number) + 1` and
/// on the text hash.
#[test]
fn concurrent_adds_from_several_processes_lose_nothing_and_never_duplicate_a_draft() {
    let Some(workspace) = Workspace::on_postgres() else {
        return;
    };
    let processes = ["p0", "p1", "p2", "p3"];
    let (shared, own) = (150, 50);
    for process in processes {
        for index in 0..shared {
            workspace.write(
                &format!("{process}/shared-{index:03}.txt"),
                format!("Articolo condiviso {index}: {} euro.\n", index * 11),
            );
        }
        for index in 0..own {
            workspace.write(
                &format!("{process}/{process}-own-{index:03}.txt"),
                format!("Articolo {index} di {process}: {} righe.\n", index * 7),
            );
        }
        workspace.write(
            &format!("{process}/contested.txt"),
            format!("La versione di {process}: il 12% in più.\n"),
        );
    }
    for index in 0..shared {
        workspace.write(
            &format!("seed/shared-{index:03}.txt"),
            format!("Prima versione dell'articolo {index}.\n"),
        );
    }
    workspace.write("seed/contested.txt", "Prima versione contesa.\n");
    // Store the first drafts, then hold a lock every add needs while all four start, so they
    // really meet (each add takes only a moment).
    workspace
        .claimlint(&["add", workspace.path("seed").to_str().unwrap()])
        .assert()
        .success();
    let mut lock_holder = connect(&workspace);
    let mut lock = lock_holder.transaction().unwrap();
    lock.batch_execute("LOCK TABLE articles IN EXCLUSIVE MODE")
        .unwrap();
    let children: Vec<_> = processes
        .iter()
        .map(|process| workspace.spawn(&["add", "--format", "json", process]))
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(500));
    lock.commit().unwrap();

    let mut statuses: BTreeMap<String, Vec<(String, u64)>> = BTreeMap::new();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        for line in stdout_of(&output).lines() {
            let value: Value = serde_json::from_str(line).unwrap();
            statuses
                .entry(value["article"].as_str().unwrap().to_owned())
                .or_default()
                .push((
                    value["status"].as_str().unwrap().to_owned(),
                    value["draft"].as_u64().unwrap(),
                ));
        }
    }
    assert_eq!(statuses.len(), shared + own * processes.len() + 1);
    for index in 0..shared {
        let mut seen = statuses[&format!("shared-{index:03}")].clone();
        seen.sort();
        let expected = [
            ("added", 2),
            ("unchanged", 2),
            ("unchanged", 2),
            ("unchanged", 2),
        ]
        .map(|(status, draft)| (status.to_owned(), draft));
        assert_eq!(seen, expected, "shared-{index:03}");
    }
    let contested: BTreeSet<u64> = statuses["contested"].iter().map(|(_, n)| *n).collect();
    assert_eq!(contested, BTreeSet::from([2, 3, 4, 5]));

    let mut client = connect(&workspace);
    let article_count: i64 = client
        .query_one("SELECT COUNT(*) FROM articles", &[])
        .unwrap()
        .get(0);
    assert_eq!(article_count as usize, shared + own * processes.len() + 1);
    let draft_count: i64 = client
        .query_one("SELECT COUNT(*) FROM drafts", &[])
        .unwrap()
        .get(0);
    assert_eq!(
        draft_count as usize,
        2 * shared + own * processes.len() + 1 + 4
    );
}

/// `--max-db-pages`, SQLite's file cap, is refused for a PostgreSQL database before the server
/// is touched (no schema is created), naming the engine and what to do instead.
#[test]
fn the_sqlite_page_cap_is_refused_on_postgres_touching_nothing() {
    let Some(workspace) = Workspace::on_postgres() else {
        return;
    };
    let story = workspace.write("story.txt", "Il PIL è cresciuto del 2,5%.\n");
    let story = story.to_str().unwrap();
    for args in [
        &["--max-db-pages", "100", "add", story][..],
        &["--max-db-pages", "100", "check", story],
    ] {
        let output = workspace.claimlint(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = stderr_of(&output);
        assert!(
            stderr.contains("caps an SQLite file and does not apply to PostgreSQL"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let output = workspace
        .claimlint(&["add", story])
        .env("CLAIMLINT_MAX_DB_PAGES", "100")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "the variable as the flag");
    let exists: bool = connect(&workspace)
        .query_one("SELECT to_regclass('claimlint_schema') IS NOT NULL", &[])
        .unwrap()
        .get(0);
    assert!(!exists, "nothing was written");
}

/// A read-only command on a database claimlint never wrote to says so (as for a missing
/// SQLite file), naming the URL with its password hidden; `add` then creates the schema,
/// recorded as version 9, and a version newer than this binary's is refused.
#[test]
fn a_fresh_database_gets_the_schema_on_first_add_and_a_newer_one_is_refused() {
    let Some(workspace) = Workspace::on_postgres() else {
        return;
    };
    let url = workspace.db().to_str().unwrap().to_owned();
    let with_password = url.replacen("postgres@", "postgres:s3cret@", 1);
    let output = workspace
        .claimlint_bare(&["--db", &with_password, "articles"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("no such database"), "{stderr}");
    assert!(stderr.contains("postgres:***@127.0.0.1"), "{stderr}");
    assert!(!stderr.contains("s3cret"), "{stderr}");

    let story = workspace.write("story.txt", "Il PIL è cresciuto del 2,5%.\n");
    workspace
        .claimlint(&["add", story.to_str().unwrap()])
        .assert()
        .success();
    let mut client = connect(&workspace);
    let versions: Vec<i64> = client
        .query("SELECT version FROM claimlint_schema ORDER BY version", &[])
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert_eq!(versions, [claimlint::store::migrations::SCHEMA_VERSION]);

    client
        .execute(
            "INSERT INTO claimlint_schema (version, applied_at) VALUES (99, 'later')",
            &[],
        )
        .unwrap();
    let output = workspace.claimlint(&["articles"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("schema version 99 is newer"), "{stderr}");
}

/// No server at the URL: exit 2 with the URL and the reason, not a panic (needs no cluster).
#[test]
fn an_unreachable_server_is_a_clear_error() {
    let workspace = Workspace::new();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("postgres://nobody:pw@127.0.0.1:{port}/claimlint");
    let output = workspace
        .claimlint_bare(&["--db", &url, "articles"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    let shown = format!("postgres://nobody:***@127.0.0.1:{port}/claimlint: cannot connect");
    assert!(stderr.contains(&shown), "{stderr}");
    assert!(stderr.contains("Connection refused"), "{stderr}");
}

/// Stores `count` one-sentence articles, `story-000` …, and a suite of one rule whose body is
/// `body`, with a generous per-rule time limit (a slow rule must not turn into rule errors on
/// a busy machine).
fn archive_with_rule(workspace: &Workspace, count: usize, body: &str) {
    for index in 0..count {
        workspace.write(
            &format!("stories/story-{index:03}.txt"),
            format!("Articolo {index}: il PIL è cresciuto del {index},5%.\n"),
        );
    }
    workspace
        .claimlint(&["add", workspace.path("stories").to_str().unwrap()])
        .assert()
        .success();
    workspace.write("suite/probe.rhai", rule_source("probe", "info", body));
    workspace.write("claimlint.toml", "timeout_ms = 60000\n");
}

/// `check --all --worker` with the workspace's suite and config (paths relative to the
/// workspace, where the commands run), and `extra`.
fn worker_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "--config",
        "claimlint.toml",
        "check",
        "--no-default-rules",
        "--rules",
        "suite",
        "--all",
        "--worker",
        "--jobs",
        "1",
    ];
    args.extend_from_slice(extra);
    args
}

/// Per draft: (article, number) → (run rows, checks they stand for), for every draft.
fn runs_per_draft(workspace: &Workspace) -> BTreeMap<(String, i64), (i64, i64)> {
    connect(workspace)
        .query(
            "SELECT d.article_id, d.number, COUNT(r.id), COALESCE(SUM(r.check_count), 0)::BIGINT
             FROM drafts d LEFT JOIN rule_runs r ON r.draft_id = d.id
             GROUP BY d.article_id, d.number",
            &[],
        )
        .unwrap()
        .iter()
        .map(|row| ((row.get(0), row.get(1)), (row.get(2), row.get(3))))
        .collect()
}

/// The articles a worker's JSON report lists, as `ARTICLE@N`.
fn reported(stdout: &str) -> Vec<String> {
    let report: Value = serde_json::from_str(stdout).unwrap();
    report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|article| {
            format!(
                "{}@{}",
                article["article"].as_str().unwrap(),
                article["draft"]
            )
        })
        .collect()
}

/// Four workers start at once (held at their first commit by a table lock, so every one has
/// claimed work before any finishes): together they report every draft once, no draft is in
/// two reports, each draft has exactly one run in the database, and the stderr lines add up.
/// A fifth worker afterwards finds nothing to do.
#[test]
fn workers_started_at_once_check_every_draft_exactly_once() {
    let Some(workspace) = Workspace::on_postgres() else {
        return;
    };
    let drafts = 120;
    archive_with_rule(&workspace, drafts, "let n = 0; while n < 2000 { n += 1; }");
    let mut lock_holder = connect(&workspace);
    let mut lock = lock_holder.transaction().unwrap();
    lock.batch_execute("LOCK TABLE rule_runs IN EXCLUSIVE MODE")
        .unwrap();
    let children: Vec<_> = (0..4)
        .map(|_| workspace.spawn(&worker_args(&["--format", "json"])))
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    lock.commit().unwrap();

    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut busy_workers = 0;
    let mut summed = 0;
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
        let mine = reported(&stdout_of(&output));
        busy_workers += usize::from(!mine.is_empty());
        let stderr = stderr_of(&output);
        let line = format!("worker: checked {} draft", mine.len());
        assert!(stderr.contains(&line), "{stderr}");
        summed += mine.len();
        for name in mine {
            *seen.entry(name).or_default() += 1;
        }
    }
    assert_eq!(summed, drafts);
    assert_eq!(seen.len(), drafts);
    assert!(seen.values().all(|&times| times == 1), "{seen:?}");
    assert!(busy_workers >= 2, "the work was not shared: {busy_workers}");
    let runs = runs_per_draft(&workspace);
    assert_eq!(runs.len(), drafts);
    assert!(runs.values().all(|&counts| counts == (1, 1)), "{runs:?}");

    let output = workspace
        .claimlint(&worker_args(&["--format", "json"]))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(reported(&stdout_of(&output)).is_empty());
    assert!(stderr_of(&output).contains("worker: checked 0 drafts in 0 claims"));
    assert_eq!(runs_per_draft(&workspace), runs);
}

/// How many drafts a worker's claim holds locked right now (`FOR NO KEY UPDATE`; not the
/// brief key-share locks of inserting runs), read with `pgrowlocks`, which takes no row lock
/// itself (a probe that did would make a worker skip those rows).
fn locked_drafts(client: &mut postgres::Client) -> i64 {
    client
        .batch_execute("CREATE EXTENSION IF NOT EXISTS pgrowlocks")
        .unwrap();
    client
        .query_one(
            "SELECT COUNT(*) FROM pgrowlocks('drafts') WHERE 'For No Key Update' = ANY(modes)",
            &[],
        )
        .unwrap()
        .get(0)
}

fn run_rows(client: &mut postgres::Client) -> i64 {
    client
        .query_one("SELECT COUNT(*) FROM rule_runs", &[])
        .unwrap()
        .get(0)
}

/// Polls `probe` every 20 ms until it holds, for at most 60 s.
fn wait_until(what: &str, mut probe: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !probe() {
        assert!(
            start.elapsed().as_secs() < 60,
            "timed out waiting until {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// A worker is killed (`SIGKILL`) while it holds a claim, after it committed at least one
/// batch: its uncommitted batch leaves no run and its drafts are unlocked by the server; a
/// second worker then checks exactly the rest, so every draft has exactly one run.
#[test]
fn a_killed_workers_claimed_drafts_are_checked_by_the_next_worker_exactly_once() {
    let Some(workspace) = Workspace::on_postgres() else {
        return;
    };
    let drafts = 60;
    archive_with_rule(
        &workspace,
        drafts,
        "let n = 0; while n < 150000 { n += 1; }",
    );
    let mut client = connect(&workspace);
    let mut doomed = workspace.spawn(&worker_args(&["--quiet"]));
    wait_until(
        "the first worker committed a batch and holds another",
        || run_rows(&mut client) > 0 && locked_drafts(&mut client) > 0,
    );
    doomed.kill().unwrap();
    let status = doomed.wait().unwrap();
    assert!(!status.success());
    wait_until("the server released the killed worker's claim", || {
        locked_drafts(&mut client) == 0
    });
    let committed = run_rows(&mut client);
    assert!(
        committed > 0 && committed < drafts as i64,
        "committed {committed}"
    );
    let before = runs_per_draft(&workspace);
    assert!(before.values().all(|&(rows, _)| rows <= 1), "{before:?}");

    let output = workspace
        .claimlint(&worker_args(&["--format", "json"]))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let second = reported(&stdout_of(&output));
    assert_eq!(second.len() as i64, drafts as i64 - committed);
    for name in &second {
        let (article, number) = name.split_once('@').unwrap();
        let key = (article.to_owned(), number.parse().unwrap());
        assert_eq!(before[&key], (0, 0), "{name} was checked twice");
    }
    let after = runs_per_draft(&workspace);
    assert_eq!(after.len(), drafts);
    assert!(after.values().all(|&counts| counts == (1, 1)), "{after:?}");
}

/// On SQLite `--worker` is refused before anything is opened, naming PostgreSQL; without
/// `--all` it is a usage error.
#[test]
fn a_worker_on_sqlite_is_refused_naming_postgres() {
    let workspace = Workspace::new();
    let output = workspace
        .claimlint(&["check", "--all", "--worker"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(
        stderr
            .contains("--worker shares the checking among processes through a PostgreSQL database"),
        "{stderr}"
    );
    assert!(!workspace.db().exists());
    let output = workspace
        .claimlint(&["check", "--worker"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("--all"),
        "{}",
        stderr_of(&output)
    );
}

/// A worker with a rule that does not compile starts no check: exit 2 naming the rule, and no
/// run is recorded (each worker would otherwise check every draft again).
#[test]
fn a_worker_with_a_broken_rule_checks_nothing() {
    let Some(workspace) = Workspace::on_postgres() else {
        return;
    };
    archive_with_rule(&workspace, 3, "let x = ;");
    let output = workspace
        .claimlint(&worker_args(&["--format", "json"]))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("do not compile (probe"), "{stderr}");
    assert_eq!(run_rows(&mut connect(&workspace)), 0);
}
