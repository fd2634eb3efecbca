//! Terminal escape sequences and control characters in article text, through the real binary:
//! `extract` on a text carrying them gives exactly the claims of the same text without them,
//! at spans into the text as given, and a sequence's own digits (`ESC[2J`, `ESC]0;… 2024 BEL`)
//! are never a claim. Regression for issue 12: "control characters also produce claims ('2'
//! from ESC[2J)".

mod common;

use common::{Workspace, stderr_of, stdout_of};
use serde_json::Value;

/// `(kind, text, start, end, value, unit)` of every claim `extract --lang LANG` finds in `text`.
fn claims(lang: &str, text: &str) -> Vec<(String, String, u64, u64, f64, Value)> {
    let workspace = Workspace::new();
    let output = workspace
        .claimlint_bare(&["extract", "--lang", lang, "--format", "json", "-"])
        .write_stdin(text.as_bytes().to_vec())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let json: Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|claim| {
            (
                claim["kind"].as_str().unwrap().to_owned(),
                claim["text"].as_str().unwrap().to_owned(),
                claim["start"].as_u64().unwrap(),
                claim["end"].as_u64().unwrap(),
                claim["value"].as_f64().unwrap(),
                claim["unit"].clone(),
            )
        })
        .collect()
}

/// The text with `{…}` markers replaced by the sequences, and the same text without them.
/// Markers: `{cls}` ESC[2J, `{red}` ESC[31m, `{bold}` ESC[1;4m, `{off}` ESC[0m, `{title}` an
/// OSC window title with digits, ended by BEL, `{link}` an OSC hyperlink ended by ST, `{csi}`
/// the C1 CSI form, `{bel}` a lone BEL, `{del}` DEL.
fn with_and_without(template: &str) -> (String, String) {
    let sequences = [
        ("{cls}", "\x1b[2J"),
        ("{red}", "\x1b[31m"),
        ("{bold}", "\x1b[1;4m"),
        ("{off}", "\x1b[0m"),
        ("{title}", "\x1b]0;bilancio 2024 - 3 file\x07"),
        ("{link}", "\x1b]8;;https://example.org/2024/5\x1b\\"),
        ("{csi}", "\u{9b}32m"),
        ("{bel}", "\x07"),
        ("{del}", "\x7f"),
    ];
    let (mut dirty, mut clean) = (template.to_owned(), template.to_owned());
    for (marker, sequence) in sequences {
        dirty = dirty.replace(marker, sequence);
        clean = clean.replace(marker, "");
    }
    (dirty, clean)
}

/// The claims of the text with sequences are those of the text without them, shifted by the
/// bytes of the sequences before each, and each claim's text is the text as given.
fn assert_same_claims(lang: &str, template: &str) {
    let (dirty, clean) = with_and_without(template);
    let expected = claims(lang, &clean);
    let found = claims(lang, &dirty);
    assert!(!expected.is_empty(), "the clean text has claims: {clean:?}");
    // The clean offset of each dirty byte that is not part of a sequence.
    let mut clean_of = vec![None; dirty.len()];
    let mut own = Vec::new();
    for (at, &byte) in dirty.as_bytes().iter().enumerate() {
        if !in_sequence(&dirty, at) {
            clean_of[at] = Some(own.len());
            own.push(byte);
        }
    }
    assert_eq!(
        own,
        clean.as_bytes(),
        "the text's own bytes are the clean text"
    );
    assert_eq!(found.len(), expected.len(), "{found:#?}\nvs\n{expected:#?}");
    for (got, want) in found.iter().zip(&expected) {
        let (kind, text, start, end, value, unit) = got;
        assert_eq!(
            &dirty[*start as usize..*end as usize],
            text,
            "span slices to text"
        );
        assert_eq!(
            (kind, value, unit),
            (&want.0, &want.4, &want.5),
            "{got:?} vs {want:?}"
        );
        assert_eq!(
            clean_of[*start as usize],
            Some(want.2 as usize),
            "start of {text:?}"
        );
        let last = clean_of[*end as usize - 1].expect("a claim ends on the text's own byte");
        assert_eq!(last + 1, want.3 as usize, "end of {text:?}");
    }
}

/// Whether byte `at` of `dirty` belongs to one of the sequences used here: they are found by
/// their introducers and ends, as the masking does.
fn in_sequence(dirty: &str, at: usize) -> bool {
    let bytes = dirty.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        let len = match bytes[index] {
            0x1B if bytes.get(index + 1) == Some(&b'[') => {
                2 + bytes[index + 2..]
                    .iter()
                    .position(|b| b.is_ascii_alphabetic())
                    .unwrap()
                    + 1
            }
            0x1B if bytes.get(index + 1) == Some(&b']') => {
                let rest = &bytes[index..];
                let bel = rest.iter().position(|&b| b == 0x07).map(|p| p + 1);
                let st = rest.windows(2).position(|w| w == b"\x1b\\").map(|p| p + 2);
                bel.into_iter().chain(st).min().unwrap()
            }
            0xC2 if bytes.get(index + 1) == Some(&0x9B) => {
                2 + bytes[index + 2..]
                    .iter()
                    .position(|b| b.is_ascii_alphabetic())
                    .unwrap()
                    + 1
            }
            0x07 | 0x7F => 1,
            _ => 0,
        };
        if len > 0 && (index..index + len).contains(&at) {
            return true;
        }
        index += len.max(1);
    }
    false
}

#[test]
fn italian_escape_sequences_leave_the_claims_as_they_are() {
    assert_same_claims(
        "it",
        "{cls}{title}Nel 2023 il fatturato è cresciuto del {red}12,5%{off} a {bold}3,2 miliardi di \
         euro{off}. {link}Gli occupati sono {csi}1.250{off}{bel}, contro i 980 del 2022.{del}\n",
    );
}

#[test]
fn english_escape_sequences_leave_the_claims_as_they_are() {
    assert_same_claims(
        "en",
        "{title}{cls}Revenue rose {red}8%{off} to {bold}$4.5 billion{off} in the third quarter \
         of 2024.{bel} {link}The company hired {csi}320{off} people in 12 months.\n",
    );
}

#[test]
fn spanish_escape_sequences_leave_the_claims_as_they_are() {
    assert_same_claims(
        "es",
        "{cls}El paro bajó {red}un 2,3%{off} en marzo de 2024{del}, hasta {bold}2,7 millones de \
         personas{off}. {title}Las exportaciones sumaron {csi}15.000 millones de euros{off}.\n",
    );
}

#[test]
fn a_text_of_escape_sequences_and_words_has_no_claims() {
    let text = "\x1b[2J\x1b[1;1H\x1b]0;report 2024 v3\x07titolo \x1b[38;5;196mrosso\x1b[0m \
                \u{9b}12;40H fine \x1b]8;;https://x.org/7\x1b\\link\x1b]8;;\x1b\\\n";
    assert_eq!(claims("it", text), Vec::new());
}
