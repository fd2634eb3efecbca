//! kill -9 during bulk `add` and during `check --all`, in a loop, through the real binary.
//!
//! Each round writes a new version of every article, starts `add --format json` on the
//! directory and SIGKILLs it after a random part of the time an uninterrupted run took (the
//! first round runs to the end to measure it). The JSON lines printed before the kill are the
//! acknowledgements: after every round the database must be sound (`db check`), every
//! acknowledged draft stored with as many claims as its line said, and no draft half-written.
//! Then the same for `check --all`, followed by one that completes. Kill timing is random, so
//! the test asserts invariants, not timings; `CLAIMLINT_FAULT_ROUNDS` sets the rounds of each
//! loop (default 8; the seed is printed so a failure can be replayed with
//! `CLAIMLINT_FAULT_SEED`).

mod common;

use std::process::Output;
use std::time::{Duration, Instant};

use common::fault::{
    Lcg, acks_in, article_text, assert_acks_stored, assert_db_check_ok,
    assert_every_draft_complete, assert_latest_drafts_complete,
};
use common::{Workspace, stderr_of, stdout_of};
use serde_json::Value;

const ARTICLES: u64 = 500;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .map(|value| value.parse().unwrap_or_else(|_| panic!("{name}={value}")))
        .unwrap_or(default)
}

/// Runs claimlint with `args`; kills it with SIGKILL after `kill_after` unless it ended
/// first. Returns what it printed and whether it was killed.
fn run_killed_after(
    workspace: &Workspace,
    args: &[&str],
    kill_after: Option<Duration>,
) -> (Output, bool) {
    let mut child = workspace.spawn(args);
    let mut killed = false;
    if let Some(delay) = kill_after {
        let deadline = Instant::now() + delay;
        while Instant::now() < deadline {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL on Unix
            killed = true;
        }
    }
    // Reads what was printed before the kill (the pipes close when the process dies).
    (child.wait_with_output().unwrap(), killed)
}

fn write_round(workspace: &Workspace, round: u64) {
    for seed in 0..ARTICLES {
        workspace.write(&format!("batch/a{seed:03}.txt"), article_text(seed, round));
    }
}

#[test]
fn kill_9_during_add_and_check_loses_no_acknowledged_draft_and_leaves_the_database_sound() {
    let rounds = env_number("CLAIMLINT_FAULT_ROUNDS", 8);
    let seed = env_number(
        "CLAIMLINT_FAULT_SEED",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64,
    );
    eprintln!("CLAIMLINT_FAULT_SEED={seed} CLAIMLINT_FAULT_ROUNDS={rounds}");
    let mut random = Lcg(seed);
    let workspace = Workspace::new();
    let batch = workspace.path("batch");
    let add_args = ["add", "--format", "json", batch.to_str().unwrap()];

    // Round 0 runs to the end: it measures how long an add takes on this machine.
    write_round(&workspace, 0);
    let started = Instant::now();
    let (output, _) = run_killed_after(&workspace, &add_args, None);
    let full_add = started.elapsed();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let mut all_acks = acks_in(&output.stdout);
    assert_eq!(all_acks.len() as u64, ARTICLES);

    let (mut killed_rounds, mut acked_in_killed_rounds) = (0, 0);
    for round in 1..=rounds {
        write_round(&workspace, round);
        let delay = full_add.mul_f64(random.range(5, 100) as f64 / 100.0);
        let (output, killed) = run_killed_after(&workspace, &add_args, Some(delay));
        let acks = acks_in(&output.stdout);
        if killed {
            killed_rounds += 1;
            acked_in_killed_rounds += acks.len();
        } else {
            assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
            assert_eq!(acks.len() as u64, ARTICLES);
        }
        assert!(acks.iter().all(|ack| ack.added), "round {round}: {acks:?}");
        assert_db_check_ok(&workspace);
        assert_acks_stored(&workspace.db(), &acks);
        assert_latest_drafts_complete(&workspace.db());
        all_acks.extend(acks);
    }
    // Acknowledged drafts of earlier rounds are all still there.
    assert_acks_stored(&workspace.db(), &all_acks);
    eprintln!(
        "add: {killed_rounds} of {rounds} rounds killed, {acked_in_killed_rounds} drafts acknowledged before a kill"
    );
    assert!(
        killed_rounds > 0,
        "no add was killed: the kill loop tested nothing"
    );

    // check --all, killed mid-run: the first run completes, to measure it.
    let check_args = ["check", "--all", "--format", "json"];
    let started = Instant::now();
    let (output, _) = run_killed_after(&workspace, &check_args, None);
    let full_check = started.elapsed();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr_of(&output)
    );
    let mut killed_checks = 0;
    for round in 1..=rounds {
        // Rewrite some articles so the next check has new drafts to record runs for.
        if round % 2 == 0 {
            write_round(&workspace, rounds + round);
            let (output, _) = run_killed_after(&workspace, &add_args, None);
            assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
        }
        let delay = full_check.mul_f64(random.range(5, 100) as f64 / 100.0);
        let (_, killed) = run_killed_after(&workspace, &check_args, Some(delay));
        killed_checks += usize::from(killed);
        assert_db_check_ok(&workspace);
    }
    eprintln!("check: {killed_checks} of {rounds} rounds killed");
    assert!(
        killed_checks > 0,
        "no check was killed: the kill loop tested nothing"
    );
    let (output, _) = run_killed_after(&workspace, &check_args, None);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr_of(&output)
    );
    let report: Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    assert_eq!(report["schema_version"], 1);
    assert_eq!(
        report["articles"].as_array().map(Vec::len),
        Some(ARTICLES as usize),
        "the final check covers every article"
    );
    assert_db_check_ok(&workspace);
    assert_every_draft_complete(&workspace.db());
}
