//! The JSON of an `extract --jsonl` answer, written by hand: exactly the bytes
//! `serde_json::to_writer` writes for a [`Response`], without serde's per-field machinery.
//!
//! serde_json spent ~16% of a `--jsonl` run on the answers (perf): a formatter call per key,
//! per separator and per string fragment. Here the keys, separators and enum spellings are
//! static byte strings, strings from the text are escaped a word at a time with a clean-run
//! copy, and numbers go through the crates serde_json itself uses (`itoa`, `zmij`), so the
//! output cannot drift. The field order, names, `null`s and skipped optional fields follow the
//! serde derives in `crate::model`, which stay the reference: `tests/jsonl_writer.rs` compares
//! this writer with `serde_json::to_vec` on every fixture text and on hand-made claims.

use crate::model::{Direction, Relation};

use super::claim::write_claim;
use super::scalar::{write_f64, write_int, write_str};

use super::Response;

/// Appends `response` to `out` as one compact JSON object, byte for byte what
/// `serde_json::to_writer(out, response)` appends. Only the request's `id` (arbitrary JSON)
/// goes through serde_json, which is where the error can come from.
pub fn write_response(out: &mut Vec<u8>, response: &Response) -> serde_json::Result<()> {
    out.extend_from_slice(b"{\"id\":");
    serde_json::to_writer(&mut *out, &response.id)?;
    out.extend_from_slice(b",\"lang\":\"");
    out.extend_from_slice(response.lang.as_str().as_bytes());
    out.extend_from_slice(b"\",\"claims\":[");
    for (i, claim) in response.claims.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_claim(out, claim);
    }
    out.extend_from_slice(b"],\"relations\":[");
    for (i, relation) in response.relations.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_relation(out, relation);
    }
    out.extend_from_slice(b"]}");
    Ok(())
}

/// A [`Relation`]; `marker`, `direction`, `period`, `cue`, `sentence`, `items` and `factor` are left
/// out
/// when absent.
fn write_relation(out: &mut Vec<u8>, relation: &Relation) {
    out.extend_from_slice(b"{\"kind\":\"");
    out.extend_from_slice(relation.kind.as_str().as_bytes());
    out.extend_from_slice(b"\",\"claims\":[");
    for (i, id) in relation.claims.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_str(out, id);
    }
    out.extend_from_slice(b"],\"roles\":[");
    for (i, role) in relation.roles.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_str(out, role);
    }
    out.push(b']');
    if let Some(marker) = &relation.marker {
        out.extend_from_slice(b",\"marker\":");
        write_str(out, marker);
    }
    if let Some(direction) = relation.direction {
        out.extend_from_slice(match direction {
            Direction::Up => b",\"direction\":\"up\"",
            Direction::Down => b",\"direction\":\"down\"",
        });
    }
    if let Some(period) = &relation.period {
        out.extend_from_slice(b",\"period\":");
        write_str(out, period);
    }
    if let Some(cue) = &relation.cue {
        out.extend_from_slice(b",\"cue\":{\"id\":");
        write_str(out, &cue.id);
        out.extend_from_slice(b",\"text\":");
        write_str(out, &cue.text);
        out.extend_from_slice(b",\"start\":");
        write_int(out, cue.start);
        out.extend_from_slice(b",\"end\":");
        write_int(out, cue.end);
        out.push(b'}');
    }
    if let Some(sentence) = relation.sentence {
        out.extend_from_slice(b",\"sentence\":");
        write_int(out, sentence);
    }
    if let Some(items) = relation.items {
        out.extend_from_slice(b",\"items\":");
        write_int(out, items);
    }
    if let Some(factor) = relation.factor {
        out.extend_from_slice(b",\"factor\":");
        write_f64(out, factor);
    }
    out.push(b'}');
}
