//! ANSI colour for the human renderers (`check` diagnostics, `diff`), in one place so every
//! command colours the same way. [`color_enabled`] is the one decision whether colour is on
//! (`--color`, `NO_COLOR`, `FORCE_COLOR`, a terminal); each renderer adds its own named styles
//! in an `impl Palette` beside it.

/// Paints text with SGR codes when colour is on, and returns it unchanged otherwise.
pub(super) struct Palette {
    pub(super) color: bool,
}

impl Palette {
    pub(super) fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
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

/// Whether colour is on: `always`/`never` win; under `auto`, a non-empty `NO_COLOR` turns it
/// off, else a `FORCE_COLOR` other than empty or `0` turns it on (CI logs are not terminals
/// but show colour), else it is on for a terminal. `env` reads a variable (the process
/// environment in the CLI), so the decision is testable.
pub fn color_enabled(
    choice: ColorChoice,
    is_terminal: bool,
    env: impl Fn(&str) -> Option<String>,
) -> bool {
    let set = |name: &str| env(name).filter(|value| !value.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR").is_some() => false,
        ColorChoice::Auto if set("FORCE_COLOR").is_some_and(|value| value != "0") => true,
        ColorChoice::Auto => is_terminal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value).to_owned())
        }
    }

    #[test]
    fn no_color_beats_force_color_and_the_flag_beats_both() {
        let both = [("NO_COLOR", "1"), ("FORCE_COLOR", "1")];
        assert!(!color_enabled(ColorChoice::Auto, true, env(&both)));
        assert!(color_enabled(ColorChoice::Always, false, env(&both)));
        assert!(color_enabled(
            ColorChoice::Auto,
            false,
            env(&[("FORCE_COLOR", "1")])
        ));
        assert!(!color_enabled(
            ColorChoice::Auto,
            false,
            env(&[("FORCE_COLOR", "0")])
        ));
        assert!(color_enabled(
            ColorChoice::Auto,
            true,
            env(&[("NO_COLOR", "")])
        ));
        assert!(!color_enabled(ColorChoice::Never, true, env(&[])));
    }
}
