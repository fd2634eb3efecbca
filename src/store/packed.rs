//! The compact form of what a draft row holds (schema 7): its text, and its claims and
//! relations, each as raw DEFLATE bytes in a BLOB of the draft row.
//!
//! Claims and relations are only ever read a whole draft at a time, so one value per draft
//! (their JSON form, the same fields as `claimlint claims --format json`, then deflated) costs
//! a fraction of a row per claim: on the benchmark corpus the store went from 4.3× the text it
//! holds to under 2× (README, Performance). A finding's message and evidence are packed too,
//! with a preset dictionary ([`pack_finding`]). Rows written by earlier schemas stay where
//! they are and are read as before; only new rows are packed.

use std::io::{Read, Write};

use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};
use serde::{Deserialize, Serialize};

use super::{StoreError, corrupt};
use crate::document::SourceMap;
use crate::model::{Ambiguity, Claim, ClaimKind, DatePeriod, Precision, Qualifier, Relation};

/// Level 2, measured on `add` of the 6,000-article benchmark corpus: level 1 stores 23% more
/// (40.3 against 32.7 MB), level 6 saves 7% more at 24% more `add` time (2.42 against 1.95 s).
const LEVEL: Compression = Compression::new(2);

/// The claims and relations of one draft, as packed.
#[derive(Serialize)]
struct PackedExtraction<'a> {
    claims: PackedClaims<'a>,
    relations: &'a [Relation],
}

/// The claims of a draft, each made into its [`PackedClaim`] only as it is serialised: a
/// draft of hundreds of thousands of claims never holds a second copy of them.
struct PackedClaims<'a> {
    text: &'a str,
    lines: Lines<'a>,
    claims: &'a [Claim],
}

impl Serialize for PackedClaims<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (text, lines) = (self.text, &self.lines);
        serializer.collect_seq(self.claims.iter().map(|claim| {
            PackedClaim {
                id: &claim.id,
                kind: claim.kind,
                text: (text.get(claim.start..claim.end) != Some(claim.text.as_str()))
                    .then_some(claim.text.as_str()),
                start: claim.start,
                end: claim.end,
                at: (lines.at(claim.start) != Some((claim.line, claim.column)))
                    .then_some((claim.line, claim.column)),
                sentence: claim.sentence,
                value: claim.value,
                value_text: &claim.value_text,
                unit: claim.unit.as_deref(),
                scale: claim.scale.as_deref(),
                precision: claim.precision,
                qualifier: claim.qualifier,
                ambiguity: &claim.ambiguity,
                date: claim.date.as_deref(),
            }
        }))
    }
}

#[derive(Deserialize)]
struct UnpackedExtraction {
    claims: Vec<UnpackedClaim>,
    relations: Vec<Relation>,
}

/// A claim without what the draft text already says: its text (when it is the span), line
/// and column (when they are where the span starts) and date period (derived from `date`).
/// Each is kept when it differs, so a claim always reads back exactly as it was written.
#[derive(Serialize)]
struct PackedClaim<'a> {
    id: &'a str,
    kind: ClaimKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<(u32, u32)>,
    sentence: u32,
    value: f64,
    value_text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    scale: Option<&'a str>,
    precision: Precision,
    qualifier: Qualifier,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    ambiguity: &'a [Ambiguity],
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
}

#[derive(Deserialize)]
struct UnpackedClaim {
    id: String,
    kind: ClaimKind,
    text: Option<String>,
    start: usize,
    end: usize,
    at: Option<(u32, u32)>,
    sentence: u32,
    value: f64,
    value_text: String,
    unit: Option<String>,
    scale: Option<String>,
    precision: Precision,
    qualifier: Qualifier,
    #[serde(default)]
    ambiguity: Vec<Ambiguity>,
    date: Option<String>,
}

/// 1-based line and column (in characters) of byte `offset`, found from a table of line
/// starts so a draft's claims cost one binary search each.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1));
        Lines { text, starts }
    }

    fn at(&self, offset: usize) -> Option<(u32, u32)> {
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let column = self.text.get(self.starts[line]..offset)?.chars().count() + 1;
        Some((line as u32 + 1, column as u32))
    }
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = DeflateEncoder::new(Vec::with_capacity(bytes.len() / 3 + 64), LEVEL);
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .expect("deflating into memory cannot fail")
}

fn inflate(bytes: &[u8], what: &str) -> Result<Vec<u8>, StoreError> {
    let mut out = Vec::with_capacity(bytes.len() * 3);
    DeflateDecoder::new(bytes)
        .read_to_end(&mut out)
        .map_err(|err| corrupt(format!("{what}: {err}")))?;
    Ok(out)
}

/// Runs `store` with `new`'s packed form: the one a reading thread packed, or one packed now.
pub(super) fn with_packed<T>(
    new: &super::NewDraft<'_>,
    store: impl FnOnce(&PackedDraft) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    match new.packed {
        Some(packed) => store(packed),
        None => store(&PackedDraft::new(new.document, new.extraction)?),
    }
}

/// A draft's text and extraction in the form the draft row stores them: made before the
/// write transaction (on any thread), so the writer only inserts.
#[derive(Debug, Clone)]
pub struct PackedDraft {
    pub(super) text: Vec<u8>,
    pub(super) extraction: Vec<u8>,
}

impl PackedDraft {
    /// Packs the document's text and the extraction made from it.
    pub fn new(
        document: &crate::document::Document,
        extraction: &crate::model::Extraction,
    ) -> Result<PackedDraft, StoreError> {
        Ok(PackedDraft {
            extraction: pack_extraction(&document.text, &extraction.claims, &extraction.relations)?,
            text: pack_text(&document.text),
        })
    }
}

/// The text as stored in `drafts.text_deflated`.
pub(super) fn pack_text(text: &str) -> Vec<u8> {
    deflate(text.as_bytes())
}

/// Reads `drafts.text_deflated` back.
pub(super) fn unpack_text(bytes: &[u8]) -> Result<String, StoreError> {
    String::from_utf8(inflate(bytes, "draft text")?)
        .map_err(|err| corrupt(format!("draft text: {err}")))
}

/// A converted article's source map as stored in `drafts.source_map`.
pub(super) fn pack_source_map(map: &SourceMap) -> Vec<u8> {
    deflate(&map.encode())
}

/// Reads `drafts.source_map` back.
pub(super) fn unpack_source_map(bytes: &[u8]) -> Result<SourceMap, StoreError> {
    SourceMap::decode(&inflate(bytes, "draft source map")?)
        .ok_or_else(|| corrupt("draft source map: not a map this version wrote"))
}

/// The claims and relations as stored in `drafts.extraction_deflated`. Claim ids must be
/// unique in a draft (findings and relations name claims by id).
pub(super) fn pack_extraction(
    text: &str,
    claims: &[Claim],
    relations: &[Relation],
) -> Result<Vec<u8>, StoreError> {
    let mut seen = std::collections::HashSet::with_capacity(claims.len());
    if let Some(twice) = claims.iter().find(|claim| !seen.insert(claim.id.as_str())) {
        return Err(StoreError::InvalidDraft {
            what: format!("claim id `{}` appears twice", twice.id),
        });
    }
    // JSON has no NaN or infinity (serde_json would write `null` and fail on reading back).
    let finite = |value: f64| value.is_finite();
    if let Some(claim) = claims.iter().find(|claim| {
        !(finite(claim.value) && finite(claim.precision.low) && finite(claim.precision.high))
    }) {
        return Err(StoreError::InvalidDraft {
            what: format!("claim {} has a value that is not a finite number", claim.id),
        });
    }
    if relations
        .iter()
        .any(|relation| relation.factor.is_some_and(|factor| !factor.is_finite()))
    {
        return Err(StoreError::InvalidDraft {
            what: "a relation's factor is not a finite number".to_owned(),
        });
    }
    let claims = PackedClaims {
        text,
        lines: Lines::new(text),
        claims,
    };
    // Serialised straight into the compressor: the JSON (several times the text's size on a
    // text dense with figures) is never held whole.
    // (Through a buffer: serde writes a field at a time, the compressor wants blocks.)
    let encoder = DeflateEncoder::new(Vec::with_capacity(text.len() / 4 + 64), LEVEL);
    let mut buffered = std::io::BufWriter::with_capacity(64 * 1024, encoder);
    serde_json::to_writer(&mut buffered, &PackedExtraction { claims, relations }).map_err(
        |err| StoreError::InvalidDraft {
            what: format!("claims cannot be written: {err}"),
        },
    )?;
    let encoder = buffered
        .into_inner()
        .map_err(|err| err.into_error())
        .and_then(DeflateEncoder::finish);
    Ok(encoder.expect("deflating into memory cannot fail"))
}

/// Reads `drafts.extraction_deflated` back; `text` is the draft's text.
pub(super) fn unpack_extraction(
    text: &str,
    bytes: &[u8],
) -> Result<(Vec<Claim>, Vec<Relation>), StoreError> {
    let json = inflate(bytes, "draft claims")?;
    let unpacked: UnpackedExtraction =
        serde_json::from_slice(&json).map_err(|err| corrupt(format!("draft claims: {err}")))?;
    let lines = Lines::new(text);
    let claims = unpacked
        .claims
        .into_iter()
        .map(|claim| {
            let span_text = match claim.text {
                Some(text) => text,
                None => text
                    .get(claim.start..claim.end)
                    .ok_or_else(|| corrupt(format!("claim {} span outside the text", claim.id)))?
                    .to_owned(),
            };
            let (line, column) = match claim.at {
                Some(at) => at,
                None => lines
                    .at(claim.start)
                    .ok_or_else(|| corrupt(format!("claim {} start outside the text", claim.id)))?,
            };
            Ok(Claim {
                period: claim.date.as_deref().and_then(DatePeriod::of),
                id: claim.id,
                kind: claim.kind,
                text: span_text,
                start: claim.start,
                end: claim.end,
                line,
                column,
                sentence: claim.sentence,
                value: claim.value,
                value_text: claim.value_text,
                unit: claim.unit,
                scale: claim.scale,
                precision: claim.precision,
                qualifier: claim.qualifier,
                ambiguity: claim.ambiguity,
                date: claim.date,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok((claims, unpacked.relations))
}

/// The version byte of [`FINDING_DICTIONARY`]; a new dictionary is a new version, and every
/// version ever written stays readable.
const FINDING_DICTIONARY_VERSION: u8 = 1;

/// A preset dictionary for findings: a finding's message and evidence are a few hundred bytes
/// each, too short for DEFLATE to learn the words rules write from the row itself. Primed with
/// the JSON keys and phrases of rule evidence, a finding packs to ~60% of what it takes
/// without (measured on the benchmark corpus). Never edit it: add a version.
const FINDING_DICTIONARY: &[u8] = concat!(
    r#"{"message":"","evidence":{"computation":" = ","expected":{"high":,"low":},"#,
    r#""mean":,"days":,"description":"","pair":"/USD","EUR/USD","CNY/USD","#,
    r#""reference":"ECB  (mean , business days)","relation":{"claims":[{"high":,"id":"c","#,
    r#""low":,"role":"source","text":""},{"high":,"id":"c","low":,"role":"target","#,
    r#""text":"},{"role":"part","role":"total","role":"from","role":"to","role":"change","#,
    r#""role":"whole","role":"founding","role":"anniversary"}],"cue":{"end":,"id":"","#,
    r#""start":,"text":""},"description":"conversion, cue “” (, bytes ): source “” = "#,
    r#" × 10^9– × 10^9; target “” = ","kind":"conversion","kind":"change","kind":"sum","#,
    r#""kind":"anniversary"},"reported":{"high":,"low":},"tolerance":"±0.5% of the implied "#,
    r#"rate","tried":["ECB "]}} implies a rate of  percentage points  per cent  million "#,
    r#"billion  is not the difference between  and  year  anniversary "#
)
.as_bytes();

/// A finding's message and evidence JSON, as stored in `findings.details_deflated`.
pub(super) fn pack_finding(message: &str, evidence_json: &str) -> Result<Vec<u8>, StoreError> {
    let details = serde_json::to_vec(&serde_json::json!({
        "message": message,
        "evidence": serde_json::value::RawValue::from_string(evidence_json.to_owned())
            .map_err(|err| corrupt(format!("finding evidence: {err}")))?,
    }))
    .map_err(|err| corrupt(format!("finding details: {err}")))?;
    let mut compress = Compress::new(LEVEL, false);
    compress
        .set_dictionary(FINDING_DICTIONARY)
        .map_err(|err| corrupt(format!("finding dictionary: {err}")))?;
    let mut out = Vec::with_capacity(details.len() / 2 + 64);
    out.push(FINDING_DICTIONARY_VERSION);
    loop {
        out.reserve(details.len().max(64));
        let consumed = compress.total_in() as usize;
        let status = compress
            .compress_vec(&details[consumed..], &mut out, FlushCompress::Finish)
            .map_err(|err| corrupt(format!("finding details: {err}")))?;
        if status == Status::StreamEnd {
            return Ok(out);
        }
    }
}

/// Reads `findings.details_deflated` back: the message and the evidence JSON.
pub(super) fn unpack_finding(bytes: &[u8]) -> Result<(String, String), StoreError> {
    let damaged = |what: String| corrupt(format!("finding details: {what}"));
    let Some((&version, packed)) = bytes.split_first() else {
        return Err(damaged("empty".into()));
    };
    if version != FINDING_DICTIONARY_VERSION {
        return Err(damaged(format!("unknown dictionary version {version}")));
    }
    // One decompressor per thread, reset for each finding: making one (its window and
    // state) for each of an article's hundreds of findings was most of `diff`'s time.
    thread_local! {
        static DECOMPRESS: std::cell::RefCell<Decompress> =
            std::cell::RefCell::new(Decompress::new(false));
    }
    let out = DECOMPRESS
        .with(|decompress| {
            let mut decompress = decompress.borrow_mut();
            decompress.reset(false);
            inflate_finding(&mut decompress, packed)
        })
        .map_err(damaged)?;
    #[derive(Deserialize)]
    struct Details<'a> {
        message: String,
        #[serde(borrow)]
        evidence: &'a serde_json::value::RawValue,
    }
    let details: Details<'_> =
        serde_json::from_slice(&out).map_err(|err| damaged(err.to_string()))?;
    Ok((details.message, details.evidence.get().to_owned()))
}

/// Inflates one finding's details with the finding dictionary, `decompress` fresh or reset.
fn inflate_finding(decompress: &mut Decompress, packed: &[u8]) -> Result<Vec<u8>, String> {
    decompress
        .set_dictionary(FINDING_DICTIONARY)
        .map_err(|err| err.to_string())?;
    let mut out = Vec::with_capacity(packed.len() * 3);
    loop {
        out.reserve(packed.len().max(256));
        let consumed = decompress.total_in() as usize;
        let before = (consumed, out.len());
        let status = decompress
            .decompress_vec(&packed[consumed..], &mut out, FlushDecompress::Finish)
            .map_err(|err| err.to_string())?;
        if status == Status::StreamEnd {
            return Ok(out);
        }
        if (decompress.total_in() as usize, out.len()) == before {
            return Err("truncated".into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::extract::{Options, extract};

    #[test]
    fn text_and_extraction_round_trip() {
        let text = "Le vendite sono salite del 12% a 3,4 milioni di euro nel 2023, \
                    contro i 2,9 milioni del 2022.";
        let packed = pack_text(text);
        assert!(packed.len() < text.len());
        assert_eq!(unpack_text(&packed).unwrap(), text);
        let extraction = extract(text, &Options::default());
        assert!(extraction.claims.len() >= 4 && !extraction.relations.is_empty());
        let packed = pack_extraction(text, &extraction.claims, &extraction.relations).unwrap();
        let (claims, relations) = unpack_extraction(text, &packed).unwrap();
        assert_eq!(claims, extraction.claims);
        assert_eq!(relations, extraction.relations);
    }

    /// Every fixture text of the repository (articles, rule fixtures, construction cases)
    /// reads back exactly as extracted: dropping what the text says loses nothing.
    #[test]
    fn every_fixture_extraction_round_trips() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut pending = vec![root];
        let mut checked = 0;
        while let Some(dir) = pending.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    pending.push(path);
                    continue;
                }
                if path.extension().is_none_or(|ext| ext != "txt") {
                    continue;
                }
                let bytes = std::fs::read(&path).unwrap();
                let Ok(document) = Document::from_bytes(&bytes, &path.display().to_string()) else {
                    continue;
                };
                let extraction = extract(
                    &document.text,
                    &Options {
                        date: document.date,
                        country: document.country,
                        body_start: document.body_start,
                        ..Options::default()
                    },
                );
                let packed =
                    pack_extraction(&document.text, &extraction.claims, &extraction.relations)
                        .unwrap();
                let (claims, relations) = unpack_extraction(&document.text, &packed).unwrap();
                assert_eq!(claims, extraction.claims, "{}", path.display());
                assert_eq!(relations, extraction.relations, "{}", path.display());
                checked += 1;
            }
        }
        assert!(checked > 100, "only {checked} fixture texts found");
    }

    #[test]
    fn a_claim_whose_text_is_not_its_span_keeps_it() {
        let text = "Il debito era di 40 milioni.\nOggi è di 45 milioni.";
        let mut claims = extract(text, &Options::default()).claims;
        claims[0].text = "quaranta milioni".into();
        claims[1].column += 3;
        let packed = pack_extraction(text, &claims, &[]).unwrap();
        assert_eq!(unpack_extraction(text, &packed).unwrap().0, claims);
    }

    #[test]
    fn findings_round_trip_and_the_dictionary_pays() {
        let message = "13,6 miliardi di yuan (1,91 miliardi di dollari) implies 7.12 CNY/USD";
        let evidence = r#"{"expected":{"high":7.1781,"low":7.092},"pair":"CNY/USD","reference":"ECB 2024-01 CNY/USD 7.0920–7.1781 (mean 7.13, 22 business days)","reported":{"high":7.1654,"low":7.0914},"tolerance":"±0.5% of the implied rate"}"#;
        let packed = pack_finding(message, evidence).unwrap();
        assert_eq!(
            unpack_finding(&packed).unwrap(),
            (message.to_owned(), evidence.to_owned())
        );
        let plain = deflate(format!("{message}{evidence}").as_bytes());
        assert!(
            packed.len() < plain.len(),
            "{} vs {}",
            packed.len(),
            plain.len()
        );
        let mut cut = packed.clone();
        cut.truncate(cut.len() / 2);
        assert!(matches!(
            unpack_finding(&cut),
            Err(StoreError::Corrupt { .. })
        ));
        assert!(matches!(
            unpack_finding(&[9, 1, 2]),
            Err(StoreError::Corrupt { .. })
        ));
    }

    #[test]
    fn duplicate_claim_ids_are_refused() {
        let text = "Costa 5 euro, o 6 dollari.";
        let mut claims = extract(text, &Options::default()).claims;
        claims.push(claims[0].clone());
        let err = pack_extraction(text, &claims, &[]).unwrap_err();
        assert!(matches!(&err, StoreError::InvalidDraft { what } if what.contains("twice")));
    }

    #[test]
    fn damaged_bytes_are_corrupt_not_a_panic() {
        let mut packed = pack_text("Il PIL è cresciuto dello 0,7% nel 2023.");
        packed.truncate(packed.len() / 2);
        packed.push(0xff);
        assert!(matches!(
            unpack_text(&packed).unwrap_err(),
            StoreError::Corrupt { .. }
        ));
        assert!(matches!(
            unpack_extraction("", b"not deflate at all").unwrap_err(),
            StoreError::Corrupt { .. }
        ));
    }
}
