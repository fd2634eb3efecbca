//! What only the PostgreSQL engine has: many processes adding to one archive at once, its own
//! schema table, and the commands it does not support yet failing with a clear message.
//! (The behaviour both engines share is tested once, on both, with `on_both_engines!`.)

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{Workspace, stderr_of, stdout_of};
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

/// Each command only SQLite has so far fails before touching the server, naming itself.
#[test]
fn commands_not_supported_on_postgres_yet_fail_naming_the_command() {
    let Some(workspace) = Workspace::on_postgres() else {
        return;
    };
    let story = workspace.write("story.txt", "Il PIL è cresciuto del 2,5%.\n");
    let story = story.to_str().unwrap();
    let rates = workspace.write(
        "rates.csv",
        "date,base,quote,rate\n2024-01-02,EUR,USD,1.1\n",
    );
    let rates = rates.to_str().unwrap();
    let cases: [(&[&str], &str); 5] = [
        (&["db", "stats"], "`claimlint db stats`"),
        (&["db", "check"], "`claimlint db check`"),
        (&["db", "backup", "copy.db"], "`claimlint db backup`"),
        (
            &["rates", "import", rates, "--source", "mine"],
            "`claimlint rates import`",
        ),
        (&["--max-db-pages", "100", "add", story], "--max-db-pages"),
    ];
    for (args, named) in cases {
        let output = workspace.claimlint(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = stderr_of(&output);
        assert!(
            stderr.contains(&format!("{named} is not supported on PostgreSQL yet")),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    assert!(!workspace.path("copy.db").exists());
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
