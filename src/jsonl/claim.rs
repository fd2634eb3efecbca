//! The JSON of a [`Claim`], written by hand in two layouts from one field list: compact,
//! byte for byte `serde_json::to_writer` (the `--jsonl` answers), and pretty, byte for byte
//! `serde_json::to_writer_pretty` nested in a document (each claim of `extract --format
//! json`). The pretty layout through serde was four tenths of a run on a text dense with
//! figures. `tests/jsonl_writer` compares both with serde_json on every fixture text.

use crate::model::{Ambiguity, Claim, DatePeriod, DatePrecision, Precision};

use super::scalar::{write_f64, write_int, write_opt_str, write_str};

/// Where the layouts differ: around keys, members and brackets.
trait Layout {
    /// A key: `compact` is what the compact layout writes, `,"name":` (`"name":` for an
    /// object's first member), `pretty` what the pretty one writes after the line break,
    /// `"name": `.
    fn key(
        &mut self,
        out: &mut Vec<u8>,
        compact: &'static [u8],
        pretty: &'static [u8],
        first: bool,
    );
    /// What comes before an array's item (a comma, unless it is the first).
    fn item(&mut self, out: &mut Vec<u8>, first: bool);
    /// `{` or `[` opening a non-empty object or array.
    fn open(&mut self, out: &mut Vec<u8>, bracket: u8);
    /// `}` or `]` closing a non-empty object or array.
    fn close(&mut self, out: &mut Vec<u8>, bracket: u8);
}

/// serde_json's compact layout: no whitespace at all.
struct Compact;

impl Layout for Compact {
    #[inline]
    fn key(&mut self, out: &mut Vec<u8>, compact: &'static [u8], _: &'static [u8], _: bool) {
        out.extend_from_slice(compact);
    }
    #[inline]
    fn item(&mut self, out: &mut Vec<u8>, first: bool) {
        if !first {
            out.push(b',');
        }
    }
    #[inline]
    fn open(&mut self, out: &mut Vec<u8>, bracket: u8) {
        out.push(bracket);
    }
    #[inline]
    fn close(&mut self, out: &mut Vec<u8>, bracket: u8) {
        out.push(bracket);
    }
}

/// serde_json's pretty layout (`PrettyFormatter`, two spaces): each member on a line of its
/// own, indented by its depth, and `": "` after a key.
struct Pretty {
    depth: usize,
}

impl Pretty {
    #[inline]
    fn newline(&self, out: &mut Vec<u8>) {
        const INDENTS: &[u8; 33] = b"\n                                ";
        match INDENTS.get(..1 + 2 * self.depth) {
            Some(indent) => out.extend_from_slice(indent),
            None => {
                out.push(b'\n');
                out.resize(out.len() + 2 * self.depth, b' ');
            }
        }
    }
}

impl Layout for Pretty {
    #[inline]
    fn key(&mut self, out: &mut Vec<u8>, _: &'static [u8], pretty: &'static [u8], first: bool) {
        self.item(out, first);
        out.extend_from_slice(pretty);
    }
    #[inline]
    fn item(&mut self, out: &mut Vec<u8>, first: bool) {
        if !first {
            out.push(b',');
        }
        self.newline(out);
    }
    #[inline]
    fn open(&mut self, out: &mut Vec<u8>, bracket: u8) {
        out.push(bracket);
        self.depth += 1;
    }
    #[inline]
    fn close(&mut self, out: &mut Vec<u8>, bracket: u8) {
        self.depth = self.depth.saturating_sub(1);
        self.newline(out);
        out.push(bracket);
    }
}

/// A key in both layouts: `key!(out, layout, "name")`, or `first "name"` for an object's
/// first member.
macro_rules! key {
    ($out:expr, $layout:expr, first $name:literal) => {
        $layout.key(
            $out,
            concat!("\"", $name, "\":").as_bytes(),
            concat!("\"", $name, "\": ").as_bytes(),
            true,
        )
    };
    ($out:expr, $layout:expr, $name:literal) => {
        $layout.key(
            $out,
            concat!(",\"", $name, "\":").as_bytes(),
            concat!("\"", $name, "\": ").as_bytes(),
            false,
        )
    };
}

/// A string that needs no escaping (an enum's spelling).
fn write_plain(out: &mut Vec<u8>, value: &str) {
    out.push(b'"');
    out.extend_from_slice(value.as_bytes());
    out.push(b'"');
}

/// A [`Claim`] in compact JSON, in the field order of its struct; `unit` and `scale` are
/// `null` when absent, `date` and `period` are left out (`skip_serializing_if`).
pub fn write_claim(out: &mut Vec<u8>, claim: &Claim) {
    write_claim_in(out, claim, &mut Compact);
}

/// A [`Claim`] as `serde_json::to_writer_pretty` writes it, every line after the first
/// indented by `depth` more levels (a claim nested in a document).
pub fn write_claim_pretty(out: &mut Vec<u8>, claim: &Claim, depth: usize) {
    write_claim_in(out, claim, &mut Pretty { depth });
}

fn write_claim_in(out: &mut Vec<u8>, claim: &Claim, layout: &mut impl Layout) {
    layout.open(out, b'{');
    key!(out, layout, first "id");
    write_str(out, &claim.id);
    key!(out, layout, "kind");
    write_plain(out, claim.kind.as_str());
    key!(out, layout, "text");
    write_str(out, &claim.text);
    key!(out, layout, "start");
    write_int(out, claim.start);
    key!(out, layout, "end");
    write_int(out, claim.end);
    key!(out, layout, "line");
    write_int(out, claim.line);
    key!(out, layout, "column");
    write_int(out, claim.column);
    key!(out, layout, "sentence");
    write_int(out, claim.sentence);
    key!(out, layout, "value");
    write_f64(out, claim.value);
    key!(out, layout, "value_text");
    write_str(out, &claim.value_text);
    key!(out, layout, "unit");
    write_opt_str(out, claim.unit.as_deref());
    key!(out, layout, "scale");
    write_opt_str(out, claim.scale.as_deref());
    key!(out, layout, "precision");
    write_precision(out, claim.precision, layout);
    key!(out, layout, "qualifier");
    write_plain(out, claim.qualifier.as_str());
    key!(out, layout, "ambiguity");
    if claim.ambiguity.is_empty() {
        out.extend_from_slice(b"[]");
    } else {
        layout.open(out, b'[');
        for (i, ambiguity) in claim.ambiguity.iter().enumerate() {
            layout.item(out, i == 0);
            write_ambiguity(out, ambiguity, layout);
        }
        layout.close(out, b']');
    }
    if let Some(date) = &claim.date {
        key!(out, layout, "date");
        write_str(out, date);
    }
    if let Some(period) = &claim.period {
        key!(out, layout, "period");
        write_period(out, period, layout);
    }
    layout.close(out, b'}');
}

/// `[low,high]`: `Precision` is serialised `into = "[f64; 2]"`.
fn write_precision(out: &mut Vec<u8>, precision: Precision, layout: &mut impl Layout) {
    layout.open(out, b'[');
    layout.item(out, true);
    write_f64(out, precision.low);
    layout.item(out, false);
    write_f64(out, precision.high);
    layout.close(out, b']');
}

fn write_ambiguity(out: &mut Vec<u8>, ambiguity: &Ambiguity, layout: &mut impl Layout) {
    layout.open(out, b'{');
    key!(out, layout, first "kind");
    write_str(out, &ambiguity.kind);
    key!(out, layout, "note");
    write_str(out, &ambiguity.note);
    if let Some(value) = ambiguity.alternative_value {
        key!(out, layout, "alternative_value");
        write_f64(out, value);
    }
    if let Some(text) = &ambiguity.alternative_value_text {
        key!(out, layout, "alternative_value_text");
        write_str(out, text);
    }
    layout.close(out, b'}');
}

fn write_period(out: &mut Vec<u8>, period: &DatePeriod, layout: &mut impl Layout) {
    layout.open(out, b'{');
    key!(out, layout, first "start");
    write_str(out, &period.start);
    key!(out, layout, "end");
    write_str(out, &period.end);
    key!(out, layout, "precision");
    write_plain(
        out,
        match period.precision {
            DatePrecision::Year => "year",
            DatePrecision::Half => "half",
            DatePrecision::Quarter => "quarter",
            DatePrecision::Month => "month",
            DatePrecision::Week => "week",
            DatePrecision::Day => "day",
        },
    );
    layout.close(out, b'}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Options, extract};

    #[test]
    fn a_nested_claim_is_serdes_pretty_form_shifted_at_any_depth() {
        let text = "Nel 2024 il PIL è salito di circa l'1,2% a 2.100 miliardi di euro, forse.";
        let claims = extract(text, &Options::default()).claims;
        assert!(claims.len() >= 3, "{claims:?}");
        for claim in &claims {
            let serde = serde_json::to_string_pretty(claim).unwrap();
            // Past the table of indents too (16 levels).
            for depth in [0, 2, 15, 40] {
                let mut out = Vec::new();
                write_claim_pretty(&mut out, claim, depth);
                let shifted = serde.replace('\n', &format!("\n{}", "  ".repeat(depth)));
                assert_eq!(String::from_utf8(out).unwrap(), shifted, "{depth}");
            }
        }
    }
}
