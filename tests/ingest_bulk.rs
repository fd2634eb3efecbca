//! A bulk add of many groups, as `claimlint add DIR` does it: the WAL is checkpointed by a
//! helper thread while the groups are written, and every draft ends up stored intact.

use std::time::Duration;

use claimlint::ingest::{AddOptions, GroupLimits, GroupedAdd, expand_inputs};
use claimlint::store::{DraftSelector, Store};

#[test]
fn many_groups_with_background_checkpoints_store_every_draft_intact() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let articles = 60;
    for n in 0..articles {
        let text = format!(
            "Nel 2023 il fatturato della società {n} è salito del {n},5% a {} milioni di euro.\n\
             Gli addetti erano {} a fine anno.\n",
            100 + n,
            1_000 + 7 * n
        );
        std::fs::write(corpus.join(format!("a{n:03}.txt")), text).unwrap();
    }
    let db = dir.path().join("x.db");
    let mut store = Store::open(&db).unwrap();
    let options = AddOptions::default();
    // Groups of 4 inputs with a pause between some of them, so the helper thread's
    // checkpoints (every 100 ms) run between and during the group commits.
    let limits = GroupLimits {
        max_items: 4,
        max_text_bytes: 1_000_000,
        max_wait: Duration::from_secs(60),
    };
    let mut added = Vec::new();
    {
        let mut group = GroupedAdd::new(&mut store, &options, limits);
        for (n, input) in expand_inputs(std::slice::from_ref(&corpus))
            .inputs
            .into_iter()
            .enumerate()
        {
            added.extend(group.push(input));
            if n % 16 == 15 {
                std::thread::sleep(Duration::from_millis(120));
            }
        }
        added.extend(group.finish());
    }
    assert_eq!(added.len(), articles);
    assert!(added.iter().all(Result::is_ok), "{added:?}");

    // Every draft reads back with the claims it was added with.
    for outcome in &added {
        let outcome = outcome.as_ref().unwrap();
        let stored = store
            .claims(&outcome.draft.article, DraftSelector::Latest, None)
            .unwrap();
        assert_eq!(stored.claims.len() as u32, outcome.draft.claim_count);
        assert!(stored.claims.len() >= 3, "{:?}", stored.claims);
    }
    drop(store);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let drafts: i64 = conn
        .query_row("SELECT COUNT(*) FROM drafts", [], |row| row.get(0))
        .unwrap();
    assert_eq!(drafts, articles as i64);
}
