//! The `claimlint` binary: parse arguments, run one subcommand, map the outcome to an exit
//! code. Exit codes: 0 ok; 1 findings at or above `--fail-on` (reserved for `check`); 2 usage,
//! input or rule error. Errors are printed as `error: …` with their causes, never as a panic.

use std::process::ExitCode;

use clap::Parser;

mod cli;

fn main() -> ExitCode {
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(err) => {
            // clap prints help/version to stdout with exit 0, and usage errors with exit 2.
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    match cli::run(args) {
        Ok(status) => ExitCode::from(status.code()),
        Err(err) => {
            if cli::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::from(2)
        }
    }
}
