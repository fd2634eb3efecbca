//! ANSI colour for the human renderers (`check` diagnostics, `diff`), in one place so every
//! command colours the same way. The caller decides whether colour is on (a terminal, and
//! `NO_COLOR` unset); each renderer adds its own named styles in an `impl Palette` beside it.

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
