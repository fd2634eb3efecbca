//! The JSON `diff` report: the serde form of [`DiffReport`], pretty-printed.
//!
//! It is an interface (documented in docs-draft-diff.md, "diff --format json"): `article`,
//! `from`/`to` draft numbers, `claims` (`{change, before, after, relative_change}` with claim
//! objects exactly as `claims --format json` prints them), `sentences` (word diffs with
//! `[-…-]`/`{+…+}` markers), `stale`, `findings {introduced, resolved, persisting}` (null when the
//! rules were not run) and `summary` counts. Fields are only ever added; `schema_version`
//! changes when one is removed or changes meaning.

use std::io::{self, Write};

use crate::diff::DiffReport;

pub fn write_diff_json(out: &mut impl Write, report: &DiffReport<'_>) -> io::Result<()> {
    super::write_json_pretty(out, report)
}
