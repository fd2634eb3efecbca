//! Colour for the human renderers (`check` diagnostics and concise lines, `diff`), in one
//! place so every command colours the same way: the styles are `anstyle` values, and
//! [`stream_color`] is the one decision whether a stream gets colour (`--color`, the
//! environment, a terminal), made by `anstream` with one addition, `FORCE_COLOR`.
//!
//! The design choice: a renderer is told `color: bool` (the `diff` report marks edits as
//! `[-…-]`/`{+…+}` without colour, so it must know), and the CLI also writes through an
//! [`anstream::AutoStream`] with the same choice, which strips any styling that reaches a
//! stream that gets none.

use anstyle::{AnsiColor, Style};

use crate::engine::Severity;

/// Paints text with a style when colour is on, and returns it unchanged otherwise.
pub(super) struct Palette {
    pub(super) color: bool,
}

impl Palette {
    pub(super) fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    }

    /// `error`, `warning`, `info` in their bold colour.
    pub(super) fn severity(&self, severity: Severity) -> String {
        self.paint(severity_color(severity).bold(), severity.as_str())
    }
}

pub(super) const BOLD: Style = Style::new().bold();

/// A foreground colour, plain.
pub(super) const fn fg(color: AnsiColor) -> Style {
    Style::new().fg_color(Some(anstyle::Color::Ansi(color)))
}

/// The colour of a severity: its label (bold) and its underline.
pub(super) const fn severity_color(severity: Severity) -> Style {
    match severity {
        Severity::Error => fg(AnsiColor::Red),
        Severity::Warning => fg(AnsiColor::Yellow),
        Severity::Info => fg(AnsiColor::Cyan),
    }
}

/// `--color`: `auto` follows the environment and the terminal, the others force a choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Whether `stream` gets colour: `always`/`never` win; under `auto`, a non-empty `NO_COLOR`
/// turns it off, else `FORCE_COLOR` (other than empty or `0`) or a non-empty `CLICOLOR_FORCE`
/// (anstream reads any value, `0` included, as "force") turn it on (CI logs are not terminals
/// but show colour), else `CLICOLOR=0`
/// turns it off, else it is on for a terminal whose `TERM` is set and not `dumb`. Everything
/// but `FORCE_COLOR` is `anstream`'s own decision.
pub fn stream_color(
    choice: ColorChoice,
    stream: &impl anstream::stream::RawStream,
) -> anstream::ColorChoice {
    match choice {
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
        ColorChoice::Auto if !anstyle_query::no_color() && force_color() => {
            anstream::ColorChoice::Always
        }
        ColorChoice::Auto => anstream::AutoStream::choice(stream),
    }
}

/// `FORCE_COLOR` as Node.js and many CI tools read it: set, and neither empty nor `0`.
fn force_color() -> bool {
    std::env::var_os("FORCE_COLOR").is_some_and(|value| !value.is_empty() && value != "0")
}
