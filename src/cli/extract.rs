//! `claimlint extract` (being written).

use super::Status;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(args: Args) -> anyhow::Result<Status> {
    let _ = args;
    anyhow::bail!("`extract` is not implemented yet")
}
