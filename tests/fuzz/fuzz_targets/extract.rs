//! Arbitrary bytes → (if UTF-8) `extract` in every language and with auto-detection, with
//! the first byte choosing a header length: it must not panic, and every span it returns must
//! be a char-boundary range of the text that slices to the claim's (or cue's) `text`, claims in
//! order without overlap, sentences tiling the body, relations naming existing claims.
#![no_main]

use claimlint::extract::{Options, extract};
use claimlint::model::{Lang, LangChoice};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&header, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let mut body_start = usize::from(header % 16).min(text.len());
    while !text.is_char_boundary(body_start) {
        body_start -= 1;
    }
    for lang in [
        LangChoice::Auto,
        LangChoice::Fixed(Lang::It),
        LangChoice::Fixed(Lang::En),
        LangChoice::Fixed(Lang::Es),
    ] {
        let options = Options {
            lang,
            date: None,
            country: None,
            body_start,
        };
        check(text, body_start, &extract(text, &options));
    }
});

fn check(text: &str, body_start: usize, extraction: &claimlint::model::Extraction) {
    let mut previous_end = body_start;
    for claim in &extraction.claims {
        assert!(
            claim.start < claim.end && claim.end <= text.len(),
            "{claim:?}"
        );
        assert!(text.is_char_boundary(claim.start) && text.is_char_boundary(claim.end));
        assert_eq!(&text[claim.start..claim.end], claim.text);
        assert!(
            claim.start >= previous_end,
            "claims overlap, out of order or in the header"
        );
        previous_end = claim.end;
        assert!(claim.value.is_finite() && claim.precision.low <= claim.precision.high);
        assert!((claim.sentence as usize) < extraction.sentences.len());
    }
    for relation in &extraction.relations {
        for id in &relation.claims {
            assert!(
                extraction.claims.iter().any(|c| &c.id == id),
                "unknown claim {id}"
            );
        }
        if let Some(cue) = &relation.cue {
            assert_eq!(text.get(cue.start..cue.end), Some(cue.text.as_str()));
        }
    }
    for pair in extraction.sentences.windows(2) {
        assert_eq!(pair[0].end, pair[1].start, "sentences leave a gap");
    }
    if let Some(last) = extraction.sentences.last() {
        assert_eq!(last.end, text.len());
    }
}
