//! `--color WHEN`, shared by the commands that print for a terminal (`check`, `diff`): the
//! flag and the standard output it decides, written through an `anstream::AutoStream` so a
//! stream that gets no colour gets no styling whatever a renderer writes.

use std::io::{BufWriter, StdoutLock};

use anstream::AutoStream;
use claimlint::report::{self, ColorChoice};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum When {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ColorArgs {
    /// Colour for human and concise output: auto (a terminal, unless NO_COLOR is set; or
    /// FORCE_COLOR or CLICOLOR_FORCE is set), always, never.
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    color: When,
}

/// Buffered standard output with colour as `--color` and the environment decide.
pub type ColorStdout = BufWriter<AutoStream<StdoutLock<'static>>>;

impl ColorArgs {
    /// Standard output and whether it gets colour.
    pub fn stdout(&self) -> (ColorStdout, bool) {
        let choice = match self.color {
            When::Auto => ColorChoice::Auto,
            When::Always => ColorChoice::Always,
            When::Never => ColorChoice::Never,
        };
        let stdout = std::io::stdout();
        let decided = report::stream_color(choice, &stdout);
        let color = decided != anstream::ColorChoice::Never;
        (
            BufWriter::new(AutoStream::new(stdout.lock(), decided)),
            color,
        )
    }
}
