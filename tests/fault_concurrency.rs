//! Many writers on one database at once, through the real binary: ten `add` processes (each
//! with its own articles, all adding drafts of the same shared articles so draft numbering
//! races, two of them the very same text) and two `check --all` runs, all started while a
//! lock is held so they really meet. Afterwards nothing acknowledged is lost, every article
//! has drafts 1, 2, … without repeats, the database is sound and each check's JSON parses.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::fault::{
    Ack, acks_in, article_text, assert_acks_stored, assert_check_report, assert_db_check_ok,
    assert_every_draft_complete,
};
use common::{Workspace, stderr_of, stdout_of};
use serde_json::Value;

const ADDERS: u64 = 10;
const OWN_FILES: u64 = 60;
/// Articles every adder writes a draft of (its own text, so each is a new draft).
const SHARED: &[&str] = &["shared-a", "shared-b"];

#[test]
fn concurrent_adds_and_checks_lose_nothing_and_number_drafts_without_repeats() {
    let workspace = Workspace::new();
    workspace.write("seed/seed.txt", article_text(0, 0));
    workspace
        .claimlint(&["add", workspace.path("seed").to_str().unwrap()])
        .assert()
        .success();
    for adder in 0..ADDERS {
        for index in 0..OWN_FILES {
            let seed = 1 + adder * OWN_FILES + index;
            workspace.write(
                &format!("p{adder}/own/w{adder}-{index:02}.txt"),
                article_text(seed, 0),
            );
        }
        for (position, shared) in SHARED.iter().enumerate() {
            // Adders 0 and 1 write the same text: one adds it, the other finds it stored.
            let variant = adder.max(1);
            workspace.write(
                &format!("p{adder}/{shared}.txt"),
                article_text(90_000 + position as u64, variant),
            );
        }
    }

    // Hold the write lock while every process starts, so they all queue for it together.
    let lock_holder = rusqlite::Connection::open(workspace.db()).unwrap();
    lock_holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut adders = Vec::new();
    for adder in 0..ADDERS {
        let own = workspace.path(&format!("p{adder}/own"));
        let mut args = vec!["add".to_owned(), "--format".into(), "json".into()];
        // Half put the shared articles first, half last, so they race at different moments.
        let shared: Vec<String> = SHARED
            .iter()
            .map(|s| {
                workspace
                    .path(&format!("p{adder}/{s}.txt"))
                    .display()
                    .to_string()
            })
            .collect();
        if adder % 2 == 0 {
            args.extend(shared);
            args.push(own.display().to_string());
        } else {
            args.push(own.display().to_string());
            args.extend(shared);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        adders.push(workspace.spawn(&args));
    }
    let checks: Vec<std::process::Child> = (0..2)
        .map(|_| workspace.spawn(&["check", "--all", "--format", "json"]))
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(300));
    lock_holder.execute_batch("COMMIT").unwrap();
    drop(lock_holder);

    let mut acks: Vec<Ack> = Vec::new();
    for (adder, child) in adders.into_iter().enumerate() {
        let output = child.wait_with_output().unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "adder {adder}: {}",
            stderr_of(&output)
        );
        let these = acks_in(&output.stdout);
        assert_eq!(
            these.len() as u64,
            OWN_FILES + SHARED.len() as u64,
            "adder {adder}: one acknowledgement per input"
        );
        acks.extend(these);
    }
    for child in checks {
        assert_check_report(&child.wait_with_output().unwrap());
    }

    assert_db_check_ok(&workspace);
    assert_acks_stored(&workspace.db(), &acks);
    // Every article each adder reported is listed, with the drafts reported.
    let output = workspace
        .claimlint(&["articles", "--format", "json"])
        .output()
        .unwrap();
    let listed: BTreeMap<String, u64> = serde_json::from_str::<Vec<Value>>(&stdout_of(&output))
        .unwrap()
        .into_iter()
        .map(|a| {
            (
                a["article"].as_str().unwrap().to_owned(),
                a["drafts"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        listed.len() as u64,
        1 + ADDERS * OWN_FILES + SHARED.len() as u64
    );
    for ack in &acks {
        assert!(listed.contains_key(&ack.article), "{ack:?} not listed");
    }
    for shared in SHARED {
        // Ten adders, two of them with the same text: nine drafts, each acknowledged once as
        // added (the tenth acknowledgement is `unchanged`, pointing at the twin's draft).
        let added: BTreeSet<u32> = acks
            .iter()
            .filter(|a| a.article == *shared && a.added)
            .map(|a| a.draft)
            .collect();
        let added_count = acks
            .iter()
            .filter(|a| a.article == *shared && a.added)
            .count();
        assert_eq!(
            added_count,
            added.len(),
            "{shared}: a draft number given out twice"
        );
        assert_eq!(added, (1..ADDERS as u32).collect(), "{shared}");
        let unchanged: Vec<&Ack> = acks
            .iter()
            .filter(|a| a.article == *shared && !a.added)
            .collect();
        assert_eq!(unchanged.len(), 1, "{shared}");
        let twin = acks
            .iter()
            .find(|a| {
                a.article == *shared
                    && a.added
                    && a.source != unchanged[0].source
                    && (a.source.contains("/p0/") || a.source.contains("/p1/"))
            })
            .expect("the twin's draft");
        assert_eq!(unchanged[0].draft, twin.draft, "{shared}");
        let output = workspace
            .claimlint(&["drafts", shared, "--format", "json"])
            .output()
            .unwrap();
        let numbers: Vec<u64> = serde_json::from_str::<Vec<Value>>(&stdout_of(&output))
            .unwrap()
            .iter()
            .map(|d| d["number"].as_u64().unwrap())
            .collect();
        assert_eq!(numbers, (1..ADDERS).collect::<Vec<u64>>(), "{shared}");
        assert_eq!(listed[*shared], ADDERS - 1);
    }
    assert_every_draft_complete(&workspace.db());
}
