//! `extract --format json` written as the claims come: the same document as serialising an
//! [`ExtractJson`] whole, byte for byte, but each piece of a long text's claims is written and
//! dropped before the next is made, so a text of megabytes never holds all its claims (see
//! [`crate::extract::extract_each`]). Relations and sentences, a small share, are kept to
//! the end, where the document writes them after the claims.

use std::io::{self, Write};

use super::claims::ExtractJson;
use crate::model::{Claim, Extraction};

/// The key the claims array follows; serde writes it exactly so, and a JSON string value
/// (the source path) escapes its quotes, so the first occurrence is the key.
const CLAIMS_KEY: &[u8] = b"\"claims\": [";

/// Writes one `extract --format json` document to `out`, claims first as they are given.
pub struct ExtractJsonWriter<'a, W: Write> {
    out: W,
    source: &'a str,
    format: &'a str,
    /// Everything but the claims: relations and sentences gather here.
    rest: Extraction,
    /// Whether the document up to the claims array is written.
    started: bool,
    claims: usize,
    /// A claim's JSON (reused from claim to claim).
    buffer: Vec<u8>,
}

impl<'a, W: Write> ExtractJsonWriter<'a, W> {
    /// A document for `source` read as `format`; the first piece gives its language, date
    /// and country.
    pub fn new(out: W, source: &'a str, format: &'a str) -> Self {
        ExtractJsonWriter {
            out,
            source,
            format,
            rest: Extraction {
                lang: crate::model::Lang::It,
                date: None,
                country: None,
                claims: Vec::new(),
                relations: Vec::new(),
                sentences: Vec::new(),
            },
            started: false,
            claims: 0,
            buffer: Vec::new(),
        }
    }

    /// The document with no claims, split around the (empty) claims array.
    fn skeleton(&self) -> io::Result<(Vec<u8>, usize)> {
        let mut whole = Vec::new();
        super::write_json_pretty(
            &mut whole,
            &ExtractJson {
                source: self.source,
                format: self.format,
                extraction: &self.rest,
            },
        )?;
        let at = memchr::memmem::find(&whole, CLAIMS_KEY)
            .map(|at| at + CLAIMS_KEY.len())
            .ok_or_else(|| io::Error::other("the extraction JSON has no claims key"))?;
        Ok((whole, at))
    }

    /// Writes a piece's claims (with `locate` applied) and keeps its relations and sentences.
    pub fn piece(&mut self, piece: Extraction) -> io::Result<()> {
        let Extraction {
            lang,
            date,
            country,
            claims,
            relations,
            sentences,
        } = piece;
        if !self.started {
            self.started = true;
            (self.rest.lang, self.rest.date, self.rest.country) = (lang, date, country);
            let (whole, at) = self.skeleton()?;
            self.out.write_all(&whole[..at])?;
        }
        for claim in &claims {
            self.claim(claim)?;
        }
        self.rest.relations.extend(relations);
        self.rest.sentences.extend(sentences);
        Ok(())
    }

    /// One claim, indented as serde's pretty printer indents it inside the document (two
    /// levels: the document's object and its claims array), by the hand-written writer that
    /// gives serde's bytes (`crate::jsonl::write_claim_pretty`, `tests/jsonl_writer`).
    fn claim(&mut self, claim: &Claim) -> io::Result<()> {
        self.buffer.clear();
        self.buffer.extend_from_slice(if self.claims == 0 {
            b"\n    "
        } else {
            b",\n    "
        });
        crate::jsonl::write_claim_pretty(&mut self.buffer, claim, 2);
        self.out.write_all(&self.buffer)?;
        self.claims += 1;
        Ok(())
    }

    /// Closes the claims and writes the relations and sentences: the end of the document.
    pub fn finish(mut self) -> io::Result<W> {
        let (whole, at) = self.skeleton()?;
        if !self.started {
            self.out.write_all(&whole)?;
        } else if self.claims == 0 {
            // `whole[at..]` starts with the empty array's `]`.
            self.out.write_all(&whole[at..])?;
        } else {
            self.out.write_all(b"\n  ]")?;
            self.out.write_all(&whole[at + 1..])?;
        }
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Options, extract_in_pieces};

    const SOURCE: &str = "a \"claims\": [ file.txt";

    fn pieces(text: &str, piece_bytes: usize) -> Vec<Extraction> {
        let mut parts = Vec::new();
        extract_in_pieces(text, &Options::default(), piece_bytes, &mut |part| {
            parts.push(part)
        });
        parts
    }

    fn whole(text: &str, piece_bytes: usize) -> Vec<u8> {
        let mut parts = pieces(text, piece_bytes).into_iter();
        let mut extraction = parts.next().unwrap();
        for part in parts {
            extraction.claims.extend(part.claims);
            extraction.relations.extend(part.relations);
            extraction.sentences.extend(part.sentences);
        }
        let mut out = Vec::new();
        super::super::write_json_pretty(
            &mut out,
            &ExtractJson {
                source: SOURCE,
                format: "txt",
                extraction: &extraction,
            },
        )
        .unwrap();
        out
    }

    fn streamed(text: &str, piece_bytes: usize) -> Vec<u8> {
        let mut writer = ExtractJsonWriter::new(Vec::new(), SOURCE, "txt");
        for piece in pieces(text, piece_bytes) {
            writer.piece(piece).unwrap();
        }
        writer.finish().unwrap()
    }

    #[test]
    fn streamed_documents_are_the_whole_ones_byte_for_byte() {
        for text in [
            "",
            "Nessuna cifra qui.",
            "Il fatturato è salito del 12% a 3,4 miliardi di euro (3,7 miliardi di dollari).",
            "Line one has 5 apples.\n\nLine \"two\" has 7 pears and 40%.",
            // Many pieces, one of them without claims.
            "Sales rose 5% to $3bn.\n\nNothing here at all, nothing.\n\nThe 2 ships (3 km).\n\n",
        ] {
            for piece_bytes in [usize::MAX, 24] {
                assert_eq!(
                    String::from_utf8(streamed(text, piece_bytes)).unwrap(),
                    String::from_utf8(whole(text, piece_bytes)).unwrap(),
                    "{text:?}"
                );
            }
        }
        assert!(
            pieces(
                "Sales rose 5% to $3bn.\n\nNothing here at all.\n\nThe 2 ships.",
                24
            )
            .len()
                >= 3
        );
    }
}
