//! The line a `check --all --worker` adds after its report, on stderr (stdout may be one JSON
//! or SARIF document): how much of the queue this worker took, so the workers' lines add up
//! to the archive.

use std::io::Write;

use crate::check::WorkerTotals;

/// `worker: checked 37 drafts in 3 claims (2 found already checked by another worker); no
/// unchecked draft left`
pub fn write_worker_summary(out: &mut impl Write, worker: &WorkerTotals) -> std::io::Result<()> {
    let drafts = worker.check.articles;
    let noun = |count: usize, one: &'static str, many: &'static str| {
        if count == 1 { one } else { many }
    };
    write!(
        out,
        "worker: checked {drafts} {} in {} {}",
        noun(drafts, "draft", "drafts"),
        worker.claims,
        noun(worker.claims, "claim", "claims")
    )?;
    if worker.already_checked > 0 {
        write!(
            out,
            " ({} found already checked by another worker)",
            worker.already_checked
        )?;
    }
    writeln!(out, "; no unchecked draft left for it")
}
