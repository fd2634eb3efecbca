//! `claimlint completions SHELL` and `claimlint man [--dir DIR]`: shell completions and man
//! pages, both generated from the clap definitions themselves, so they can never drift from
//! the flags the binary really takes.

use std::path::PathBuf;

use anyhow::Context;
use clap::CommandFactory;

use super::{Cli, Status};

#[derive(Debug, clap::Args)]
pub struct CompletionArgs {
    /// The shell to complete for; the script goes to stdout (README, "Shell completions").
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write one page per command (claimlint.1, claimlint-check.1, …) into DIR instead of
    /// printing the claimlint(1) page to stdout.
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

pub fn completions(args: CompletionArgs) -> anyhow::Result<Status> {
    let mut command = Cli::command();
    clap_complete::generate(
        args.shell,
        &mut command,
        "claimlint",
        &mut std::io::stdout(),
    );
    Ok(Status::Ok)
}

pub fn man(args: ManArgs) -> anyhow::Result<Status> {
    let command = Cli::command();
    match args.dir {
        Some(dir) => {
            std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
            clap_mangen::generate_to(command, &dir)
                .with_context(|| format!("writing man pages into {}", dir.display()))?;
        }
        None => clap_mangen::Man::new(command).render(&mut std::io::stdout().lock())?,
    }
    Ok(Status::Ok)
}
