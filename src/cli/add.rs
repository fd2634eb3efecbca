//! `claimlint add` (being written).

use std::path::Path;

use super::Status;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(db: &Path, args: Args) -> anyhow::Result<Status> {
    let _ = args;
    anyhow::bail!("`add` is not implemented yet")
}
