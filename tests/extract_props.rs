//! Properties that hold for any input: extraction never panics, spans are on char boundaries
//! and slice to the claim text, positions agree with spans, ids are unique and relations only
//! name existing claims, sentences tile the body; terminal escape sequences and other control
//! characters inserted anywhere never make a claim of their own.

use claimlint::extract::{Options, extract};
use claimlint::model::{ArticleDate, Extraction, Lang, LangChoice};
use proptest::prelude::*;
use std::collections::HashSet;

/// Fragments that exercise the recognisers: digits, separators, signs, currencies, scale and
/// unit words, months, multi-byte characters.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,6}",
        "[0-9]{1,3}([.,  \u{a0}\u{202f}][0-9]{1,4}){0,3}",
        Just("+".to_string()),
        Just("-".to_string()),
        Just("\u{2212}".to_string()),
        Just("%".to_string()),
        Just("$".to_string()),
        Just("US$".to_string()),
        Just("€".to_string()),
        Just("£".to_string()),
        Just("¥".to_string()),
        Just("CN¥".to_string()),
        Just("₽".to_string()),
        Just("₹".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("°".to_string()),
        Just("'".to_string()),
        Just("/".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        prop::sample::select(vec![
            "miliardi",
            "mila",
            "trilioni",
            "bn",
            "m",
            "k",
            "billion",
            "di",
            "of",
            "yuan",
            "dollari",
            "dollars",
            "USD",
            "RMB",
            "per cento",
            "percent",
            "punti percentuali",
            "percentage points",
            "miglia nautiche",
            "nautical miles",
            "km",
            "anni",
            "years",
            "mo",
            "th",
            "st",
            "esimo",
            "una dozzina",
            "a dozen",
            "quasi",
            "nearly",
            "più di",
            "at least",
            "gennaio",
            "December",
            "May",
            "scorso",
            "last",
            "pari a",
            "or about",
            "su base annua",
            "year on year",
            "aumento del",
            "up",
            "ventitré",
            "twenty",
            "-",
            "three",
            "hundred",
            "and",
            "settantacinquesimo",
            "seventy",
            "fifth",
            "navi",
            "è",
            "città",
            "日本",
            "🙂",
            "\u{301}",
            "l",
            "t",
            "di cui",
            "of which",
            "de los cuales",
            "rispettivamente",
            "the rest",
            "anniversario",
            "anniversary",
            "aniversario",
            "fondata nel",
            "founded in",
            "desde",
            "tra",
            "between",
            "dal",
            "al",
            "to",
            "rose",
            "scesa",
            "FY24",
            "2022/23",
            "50°",
            "75th",
        ])
        .prop_map(str::to_string),
        "\\PC{1,4}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            fragment(),
            prop::sample::select(vec!["", " ", "\u{a0}", "\n"]),
        ),
        0..40,
    )
    .prop_map(|parts| parts.into_iter().map(|(f, sep)| f + sep).collect())
}

fn check_invariants(text: &str, body_start: usize, extraction: &Extraction) {
    let mut ids = HashSet::new();
    let mut previous_end = 0;
    for claim in &extraction.claims {
        assert!(text.is_char_boundary(claim.start) && text.is_char_boundary(claim.end));
        assert!(claim.start < claim.end && claim.end <= text.len());
        assert!(
            claim.start >= body_start.min(text.len()),
            "claim in the header"
        );
        assert_eq!(&text[claim.start..claim.end], claim.text);
        assert!(
            claim.start >= previous_end,
            "claims overlap or are out of order"
        );
        previous_end = claim.end;
        assert!(ids.insert(claim.id.clone()), "duplicate id {}", claim.id);
        let before = &text[..claim.start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        assert_eq!(claim.line as usize, line);
        assert_eq!(
            claim.column as usize,
            before[line_start..].chars().count() + 1
        );
        assert!(claim.precision.low <= claim.precision.high);
        assert!(claim.value.is_finite());
        let sentence = &extraction.sentences[claim.sentence as usize];
        assert!(sentence.start <= claim.start && claim.start < sentence.end);
    }
    for relation in &extraction.relations {
        for id in &relation.claims {
            assert!(ids.contains(id), "relation names unknown claim {id}");
        }
        assert_eq!(
            relation.roles.len(),
            relation.claims.len(),
            "one role per claim"
        );
        if let Some(cue) = &relation.cue {
            assert!(cue.start < cue.end && cue.end <= text.len());
            assert_eq!(text.get(cue.start..cue.end), Some(cue.text.as_str()));
        }
        let sentence = relation
            .sentence
            .expect("every relation names its sentence");
        assert!((sentence as usize) < extraction.sentences.len());
    }
    for pair in extraction.sentences.windows(2) {
        assert_eq!(pair[0].end, pair[1].start, "sentences leave a gap");
    }
    if let (Some(first), Some(last)) = (extraction.sentences.first(), extraction.sentences.last()) {
        assert!(text.is_char_boundary(first.start));
        assert_eq!(last.end, text.len());
    }
}

/// Control sequences as terminals and logs leave them in pasted text, with digits of their own.
fn control_sequence() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "\x1b[2J",
        "\x1b[31;1m",
        "\x1b[0m",
        "\x1b[12;40H",
        "\x1b]0;titolo 2024\x07",
        "\x1b]8;;https://x.it/3\x1b\\",
        "\u{9b}5m",
        "\x1b(B",
        "\x01",
        "\x7f",
        "\x1b7",
    ])
}

fn options(lang: LangChoice, body_start: usize) -> Options {
    Options {
        lang,
        date: ArticleDate::parse("2024-01-20"),
        country: None,
        body_start,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn built_text_keeps_invariants(text in text(), lang in prop::sample::select(vec![
        LangChoice::Auto, LangChoice::Fixed(Lang::It), LangChoice::Fixed(Lang::En)
    ]), header in 0usize..20) {
        let extraction = extract(&text, &options(lang, header));
        let mut body_start = header.min(text.len());
        while !text.is_char_boundary(body_start) {
            body_start += 1;
        }
        check_invariants(&text, body_start, &extraction);
    }

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC*", header in 0usize..8) {
        let extraction = extract(&text, &options(LangChoice::Auto, header));
        let mut body_start = header.min(text.len());
        while !text.is_char_boundary(body_start) {
            body_start += 1;
        }
        check_invariants(&text, body_start, &extraction);
    }

    #[test]
    fn arbitrary_bytes_as_lossy_text_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let extraction = extract(&text, &options(LangChoice::Fixed(Lang::It), 0));
        check_invariants(&text, 0, &extraction);
    }

    #[test]
    fn control_sequences_never_make_a_claim(
        text in text(),
        insertions in prop::collection::vec((any::<prop::sample::Index>(), control_sequence()), 1..6),
    ) {
        // Each sequence goes in at a char boundary outside the ones before; the bytes it
        // covers are recorded.
        let mut dirty = text.clone();
        let mut covered: Vec<(usize, usize)> = Vec::new();
        for (index, sequence) in insertions {
            let boundaries: Vec<usize> = (0..=dirty.len())
                .filter(|&at| dirty.is_char_boundary(at))
                .filter(|&at| !covered.iter().any(|&(start, end)| start < at && at < end))
                .collect();
            let at = boundaries[index.index(boundaries.len())];
            for span in &mut covered {
                if span.0 >= at {
                    *span = (span.0 + sequence.len(), span.1 + sequence.len());
                }
            }
            dirty.insert_str(at, sequence);
            covered.push((at, at + sequence.len()));
        }
        let extraction = extract(&dirty, &options(LangChoice::Fixed(Lang::It), 0));
        check_invariants(&dirty, 0, &extraction);
        let in_sequence = |at: usize| covered.iter().any(|&(start, end)| start <= at && at < end);
        for claim in &extraction.claims {
            // A claim holds at least one character of the text itself, not of a sequence.
            let own = (claim.start..claim.end)
                .any(|at| !in_sequence(at) && !dirty.as_bytes()[at].is_ascii_whitespace());
            prop_assert!(own, "claim {:?} is made of a control sequence in {:?}", claim.text, dirty);
        }
    }
}

/// Found by `cargo fuzz run --fuzz-dir tests/fuzz extract`: a movement ("a 9 … de 3") whose
/// stated rate is written between its two levels made the distance from rate to levels
/// subtract past zero (a panic in debug builds, a wrapped distance in release).
#[test]
fn a_rate_written_between_a_movements_levels_does_not_overflow() {
    for text in [
        "a 9aumento 7%de 3",
        "Las ventas subieron a 9 millones, un aumento del 7%, de 3 millones.",
    ] {
        for lang in [LangChoice::Auto, LangChoice::Fixed(Lang::Es)] {
            let extraction = extract(text, &options(lang, 0));
            check_invariants(text, 0, &extraction);
            assert_eq!(extraction.claims.len(), 3, "{text}");
        }
    }
}
