//! The JSON `check` report: the serde form of [`CheckReport`], pretty-printed.
//!
//! It is an interface (documented in README, "check --format json"): fields are only ever
//! added, and `schema_version` changes when one is removed or changes meaning.

use std::io::{self, Write};

use crate::check::CheckReport;

pub fn write_check_json(out: &mut impl Write, report: &CheckReport) -> io::Result<()> {
    super::write_json_pretty(out, report)
}
