//! The hand-written `extract --jsonl` answer writer (`jsonl::write_response`) must write the
//! very bytes `serde_json::to_vec` writes for the same `Response`: on everything extraction
//! produces from our texts (`texts`: every fixture, every construction sentence, the newsroom
//! passages, a slice of the generated corpus, odd hand-written strings, in every language
//! choice, and through `run`), and on hand-made claims that set every optional field, every
//! enum variant and every odd float (`handmade`). Each claim written by `write_claim_pretty`
//! (what `extract --format json` writes) must be `serde_json::to_vec_pretty`'s bytes too.

mod handmade;
mod texts;

use claimlint::jsonl::{Response, write_claim_pretty, write_response};
use serde_json::{Value, json};

/// Fails, showing both forms, unless the writer and serde_json agree on `response`; the
/// writer appends, so it is given a buffer that already holds a line.
pub fn assert_same_bytes(response: &Response, context: &str) {
    let expected = serde_json::to_vec(response).expect("serde_json");
    let mut written = b"previous line\n".to_vec();
    write_response(&mut written, response).expect("write_response");
    let written = written
        .strip_prefix(b"previous line\n".as_slice())
        .expect("the writer keeps what the buffer held");
    assert!(
        written == expected,
        "{context}: the writer differs from serde_json\n writer: {}\n  serde: {}",
        String::from_utf8_lossy(written),
        String::from_utf8_lossy(&expected),
    );
    // `extract --format json` lays each hand-written claim out as serde's pretty writer.
    for claim in &response.claims {
        let expected = serde_json::to_vec_pretty(claim).expect("serde_json");
        let mut laid_out = b"[".to_vec();
        write_claim_pretty(&mut laid_out, claim, 0);
        assert!(
            laid_out[1..] == expected,
            "{context}: the pretty layout differs from serde_json\n writer: {}\n  serde: {}",
            String::from_utf8_lossy(&laid_out[1..]),
            String::from_utf8_lossy(&expected),
        );
    }
}

/// Request ids of every JSON shape, with strings that need escaping.
pub fn ids() -> Vec<Value> {
    vec![
        json!("it-econ-01"),
        json!(42),
        json!(-7.25),
        Value::Null,
        json!("quote \" backslash \\ tab \t newline \n nul \u{0} del \u{7f} é 🚀"),
        json!({"doc": "a\"b", "n": [1, 2.5, true, null], "é": {}}),
        json!(["x", 1e300, -0.0]),
    ]
}
