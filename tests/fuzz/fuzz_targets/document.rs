//! Arbitrary bytes → `Document::from_bytes` (decoding, BOM and line endings, the header): it
//! must not panic, and a document it accepts must extract without panicking, with every claim
//! span inside the body and slicing to the claim's text.
#![no_main]

use claimlint::document::Document;
use claimlint::extract::{Options, extract};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(document) = Document::from_bytes(data, "fuzz.txt") else {
        return;
    };
    let text = &document.text;
    assert!(text.is_char_boundary(document.body_start) && document.body_start <= text.len());
    let extraction = extract(
        text,
        &Options {
            lang: Default::default(),
            date: document.date,
            country: document.country,
            body_start: document.body_start,
        },
    );
    for claim in &extraction.claims {
        assert!(claim.start >= document.body_start);
        assert_eq!(text.get(claim.start..claim.end), Some(claim.text.as_str()));
    }
});
