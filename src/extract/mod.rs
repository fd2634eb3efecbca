//! Pure text → claims: the numeric claims of an Italian, English or Spanish text, the relations the
//! text makes between them, and its sentences.
//!
//! The folders are the pipeline, in order: [`lang`] knows the languages (and detects which
//! one a text is in); [`tokens`] splits the body into words, number literals (parsed right away
//! with the language's separator convention) and symbols; [`scan`] walks the tokens once and,
//! wherever a claim can start, lets a recogniser read it: [`numbers`] reads the number itself,
//! [`amounts`] what it counts or measures, [`time`] dates and periods. [`qualifier`] and
//! [`relations`] then annotate the claims, and [`found`] turns them into public claims placed in
//! sentences, lines and columns. Values stay exact decimals until the public
//! [`Claim`](crate::model::Claim) is built.

mod amounts;
mod found;
mod lang;
mod numbers;
mod pieces;
mod qualifier;
mod relations;
mod scan;
mod time;
mod tokens;

#[cfg(test)]
mod tests;

pub use lang::detect::detect_language;

use crate::model::{ArticleDate, Country, Extraction, LangChoice, Qualifier};
use std::cell::Cell;
use tokens::context::Context;
use tokens::segment::Positions;

/// Buffers every extraction needs, kept per thread between texts (see [`extract`]).
#[derive(Default)]
struct Scratch {
    tokens: Vec<tokens::token::Token>,
    numbers: Vec<numbers::number::NumberLit>,
    ascii_lower: String,
    /// Claims as recognised; turned into public claims at the end, leaving the allocation.
    found: Vec<found::Found>,
}

/// The most bytes a scratch buffer keeps for the next text; a larger one (a text of megabytes)
/// is freed once used.
const KEPT_BUFFER_BYTES: usize = 4 << 20;

/// Frees `buffer` (already cleared or no longer needed) when it holds more than
/// [`KEPT_BUFFER_BYTES`].
fn release_if_large<T>(buffer: &mut Vec<T>) {
    if buffer.capacity() * std::mem::size_of::<T>() > KEPT_BUFFER_BYTES {
        *buffer = Vec::new();
    }
}

thread_local! {
    static SCRATCH: Cell<Scratch> = Cell::default();
}

/// What the caller knows about the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// `Auto` detects the language from function words.
    pub lang: LangChoice,
    /// The article date, against which "lo scorso dicembre" is resolved.
    pub date: Option<ArticleDate>,
    /// The publication's country: a bare `$` is its dollar or peso (USD when unknown).
    pub country: Option<Country>,
    /// Bytes at the start of the text that are a header (e.g. `date 2024-01`), not prose:
    /// nothing is extracted from them, but offsets, lines and columns still count them.
    pub body_start: usize,
}

impl Options {
    /// A text known to be in `lang`, with nothing else known about it.
    pub fn in_lang(lang: crate::model::Lang) -> Options {
        Options {
            lang: LangChoice::Fixed(lang),
            ..Options::default()
        }
    }
}

/// The words `lang` uses for a phrase rules suggest in findings (`"percentage-points"` →
/// "punti percentuali"), from its lexicon; `None` for an unknown key.
pub fn wording(lang: crate::model::Lang, key: &str) -> Option<&'static str> {
    lang::lexicon(lang)
        .cues
        .wording
        .iter()
        .find(|(name, _)| *name == key)
        .map(|(_, words)| *words)
}

/// The message template KEY of `lang`'s lexicon (`lang/<code>/messages.rs`), without falling
/// back to another language; `None` when that lexicon has no such key.
pub fn message_template(lang: crate::model::Lang, key: &str) -> Option<&'static str> {
    lang::lexicon(lang)
        .messages
        .iter()
        .find(|(name, _)| *name == key)
        .map(|(_, template)| *template)
}

/// Every message key of `lang`'s lexicon, in lexicon order.
pub fn message_keys(lang: crate::model::Lang) -> Vec<&'static str> {
    lang::lexicon(lang)
        .messages
        .iter()
        .map(|(key, _)| *key)
        .collect()
}

/// Whether `lang` writes `24,5` (a decimal comma) rather than `24.5`.
pub fn writes_decimal_comma(lang: crate::model::Lang) -> bool {
    lang::lexicon(lang).numbers.decimal_comma
}

/// Extracts claims, relations and sentences from `text`. Never panics, whatever the input.
/// Control characters and escape sequences are masked first ([`tokens::controls`]) and
/// decomposed accents composed ([`tokens::normalize`]); every offset, line, column, claim
/// text and relation cue refers to `text` as given.
pub fn extract(text: &str, options: &Options) -> Extraction {
    let mut whole: Option<Extraction> = None;
    extract_each(text, options, |piece| match &mut whole {
        None => whole = Some(piece),
        Some(whole) => {
            whole.claims.extend(piece.claims);
            whole.relations.extend(piece.relations);
            whole.sentences.extend(piece.sentences);
        }
    });
    whole.expect("every text has at least one piece")
}

/// [`extract`], handing the extraction to `sink` piece by piece as it is made (see
/// [`extract_composed`]): a text of megabytes never holds all its claims at once when the
/// sink writes them out. Each piece's claims, relations and sentences are already placed in
/// the whole text (ids, offsets, lines, sentence numbers); concatenated, they are exactly
/// [`extract`]'s. A text shorter than a piece (every article) is one piece; an empty one too.
pub fn extract_each(text: &str, options: &Options, mut sink: impl FnMut(Extraction)) {
    let masked = tokens::controls::masked(text);
    let std::borrow::Cow::Owned(masked) = masked else {
        return extract_unmasked(text, options, &mut sink);
    };
    // The masked text has the original's length and bytes everywhere but in the sequences:
    // offsets hold as they are; texts, and columns (a two-byte C1 control is one character
    // but two spaces), are taken again from the original.
    let mut positions = Positions::new(text);
    extract_unmasked(&masked, options, &mut |mut extraction: Extraction| {
        for claim in &mut extraction.claims {
            claim.text = text[claim.start..claim.end].to_string();
            (claim.line, claim.column) = positions.at(claim.start);
        }
        for cue in extraction
            .relations
            .iter_mut()
            .filter_map(|r| r.cue.as_mut())
        {
            cue.text = text[cue.start..cue.end].to_string();
        }
        sink(extraction);
    });
}

/// [`extract_each`] on text with no control characters.
fn extract_unmasked(text: &str, options: &Options, sink: &mut dyn FnMut(Extraction)) {
    let normalized = tokens::normalize::Normalized::new(text);
    if !normalized.changed() {
        return extract_composed(text, options, sink);
    }
    let composed_options = Options {
        body_start: normalized.composed(options.body_start.min(text.len())),
        ..*options
    };
    let mut positions = Positions::new(text);
    extract_composed(
        &normalized.text,
        &composed_options,
        &mut |mut extraction| {
            for claim in &mut extraction.claims {
                claim.start = normalized.original(claim.start);
                claim.end = normalized.original_end(claim.end);
                claim.text = text[claim.start..claim.end].to_string();
                (claim.line, claim.column) = positions.at(claim.start);
            }
            // Both bounds of a sentence map the same way, so a bound that falls inside a run (a
            // combining mark after a line break) still leaves the sentences touching.
            for sentence in &mut extraction.sentences {
                sentence.start = normalized.original(sentence.start);
                sentence.end = normalized.original(sentence.end);
            }
            for cue in extraction
                .relations
                .iter_mut()
                .filter_map(|r| r.cue.as_mut())
            {
                cue.start = normalized.original(cue.start);
                cue.end = normalized.original_end(cue.end);
                cue.text = text[cue.start..cue.end].to_string();
            }
            sink(extraction);
        },
    );
}

/// [`extract_each`] on text already composed. A text longer than [`PIECE_BYTES`] is read
/// piece by piece ([`pieces::split`], at paragraph breaks where it has them), so the tokens
/// and the recognised claims of only one piece are held at a time. No relation spans two
/// pieces.
fn extract_composed(text: &str, options: &Options, sink: &mut dyn FnMut(Extraction)) {
    extract_in_pieces(text, options, PIECE_BYTES, sink)
}

/// The longest text read in one piece (see [`extract_composed`]); every article is far shorter.
const PIECE_BYTES: usize = 1 << 18;

/// [`extract_composed`] with pieces of at most about `piece_bytes`.
pub(crate) fn extract_in_pieces(
    text: &str,
    options: &Options,
    piece_bytes: usize,
    sink: &mut dyn FnMut(Extraction),
) {
    let mut body_start = options.body_start.min(text.len());
    while !text.is_char_boundary(body_start) {
        body_start += 1;
    }
    let lang = match options.lang {
        LangChoice::Fixed(lang) => lang,
        LangChoice::Auto => detect_language(&text[body_start..]),
    };
    let mut positions = Positions::new(text);
    // The per-text buffers are taken from this thread's scratch and put back at the end, so a
    // batch of texts (or the pieces of a long one) allocates them once rather than each time.
    let mut scratch = SCRATCH.take();
    let mut piece = Piece {
        lang,
        options,
        positions: &mut positions,
        scratch: &mut scratch,
    };
    if text.len() <= piece_bytes {
        sink(piece.extract(text, body_start, Base::default()));
    } else {
        let mut base = Base::default();
        for range in pieces::split(text, body_start, piece_bytes) {
            base.offset = range.start;
            let piece_body = body_start.saturating_sub(range.start).min(range.len());
            let part = piece.extract(&text[range], piece_body, base);
            base.claims += part.claims.len();
            base.sentences += part.sentences.len() as u32;
            sink(part);
        }
    }
    // A text of megabytes does not leave its buffers to the small texts after it.
    release_if_large(&mut scratch.tokens);
    release_if_large(&mut scratch.numbers);
    release_if_large(&mut scratch.found);
    if scratch.ascii_lower.capacity() > KEPT_BUFFER_BYTES {
        scratch.ascii_lower = String::new();
    }
    SCRATCH.set(scratch);
}

/// Where a piece of a long text starts: its byte offset, and the claims and sentences of the
/// pieces before it.
#[derive(Debug, Clone, Copy, Default)]
struct Base {
    offset: usize,
    claims: usize,
    sentences: u32,
}

/// What every piece of one text shares: its language and options, the line counter over the
/// whole text, and the buffers.
struct Piece<'a, 't> {
    lang: crate::model::Lang,
    options: &'a Options,
    positions: &'a mut Positions<'t>,
    scratch: &'a mut Scratch,
}

impl Piece<'_, '_> {
    /// The claims, relations and sentences of `text`, a piece of the whole text at `base`,
    /// placed in the whole text: claims, their ids, sentences, lines and columns here,
    /// relations and sentences by [`pieces::place`].
    fn extract(&mut self, text: &str, body_start: usize, base: Base) -> Extraction {
        let (lang, options) = (self.lang, self.options);
        let mut claims = Vec::new();
        let positions = &mut *self.positions;
        let place = |found: &mut Vec<found::Found>, sentence_of: Vec<u32>| {
            // Sized once: growing it allocation by allocation was a visible share of the
            // allocator's time.
            claims.reserve_exact(found.len());
            for (index, (claim, sentence)) in found.drain(..).zip(sentence_of).enumerate() {
                let (line, column) = positions.at(base.offset + claim.start);
                let id = found::claim_id(base.claims + index + 1);
                let mut claim = claim.into_claim(id, line, column, base.sentences + sentence, text);
                claim.start += base.offset;
                claim.end += base.offset;
                claims.push(claim);
            }
        };
        let (mut relations, mut sentences) =
            extract_piece(text, body_start, lang, options, self.scratch, place);
        pieces::place(&mut relations, &mut sentences, base);
        Extraction {
            lang,
            date: options.date,
            country: options.country,
            claims,
            relations,
            sentences,
        }
    }
}

/// The recognised claims, relations and sentences of one piece of text: `place` turns the
/// claims (with their sentence numbers) into public ones; relations and sentences are
/// returned, in the piece's own numbers.
fn extract_piece(
    text: &str,
    body_start: usize,
    lang: crate::model::Lang,
    options: &Options,
    scratch: &mut Scratch,
    place: impl FnOnce(&mut Vec<found::Found>, Vec<u32>),
) -> (Vec<crate::model::Relation>, Vec<crate::model::Sentence>) {
    let Scratch {
        tokens,
        numbers,
        ascii_lower,
        found,
    } = scratch;
    tokens::token::tokenize_into(text, body_start, lang, tokens, numbers);
    // One pass over the text lower-cases every ASCII word at once (see `Context::lower`).
    ascii_lower.clear();
    ascii_lower.push_str(text);
    ascii_lower.make_ascii_lowercase();
    let context = Context {
        text,
        ascii_lower,
        lang,
        lexicon: lang::lexicon(lang),
        tokens,
        numbers,
        article_date: options.date,
        country: options.country,
    };
    scan::scan_into(&context, found);
    relations::ranges::share_range_ends(&context, found);
    relations::ranges::share_range_years(&context, found);
    relations::compounds::merge_compound_durations(&context, found);
    for claim in found.iter_mut() {
        let stated = qualifier::qualifier_before(&context, claim.first_token);
        if stated != Qualifier::None {
            claim.qualifier = stated;
        }
        amounts::money::flag_historical(claim);
        amounts::money::flag_local_dollar(claim, text, options.country);
    }
    let sentences = tokens::segment::sentences(text, body_start, lang::lexicon(lang).abbreviations);
    let mut sentence_of = Vec::with_capacity(found.len());
    let mut current = 0;
    for claim in found.iter() {
        while current + 1 < sentences.len() && sentences[current].end <= claim.start {
            current += 1;
        }
        sentence_of.push(current as u32);
    }
    amounts::shared::settle_shared_currencies(&context, found, &sentence_of, &sentences);
    amounts::ellipsis::take_elided_currencies(found, &sentence_of);
    amounts::points::points_of_percentages(&context, found, &sentence_of);
    let mut relations = relations::link::relations(
        text,
        lang::lexicon(lang).cues,
        found,
        &sentence_of,
        &sentences,
    );
    relations::conversion::conversion_details(&context, found, &sentence_of, &mut relations);
    relations::ranges::range_relations(&context, found, &sentence_of, &mut relations);
    relations::movement::movements(&context, found, &sentence_of, &mut relations);
    relations::reached::changes_to_level(&context, found, &sentence_of, &mut relations);
    relations::reached::delta_after_level(found, &sentence_of, &mut relations);
    relations::comparison::comparisons(&context, found, &sentence_of, &mut relations);
    relations::parts::total_relations(&context, found, &sentence_of, &sentences, &mut relations);
    relations::anniversary::anniversary_relations(&context, found, &sentence_of, &mut relations);
    relations::elapsed::elapsed_relations(&context, found, &sentence_of, &mut relations);
    relations::restatement::restatement_relations(
        &context,
        found,
        &sentence_of,
        &sentences,
        &mut relations,
    );
    relations::lists::count_lists(&context, found, &sentence_of, &sentences, &mut relations);
    relations::ratio::ratio_relations(&context, found, &sentence_of, &sentences, &mut relations);
    relations::shares::share_relations(&context, found, &sentence_of, &mut relations);
    relations::average::average_relations(&context, found, &sentence_of, &mut relations);
    place(found, sentence_of);
    (relations, sentences)
}
