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
    let masked = tokens::controls::masked(text);
    let std::borrow::Cow::Owned(masked) = masked else {
        return extract_unmasked(text, options);
    };
    // The masked text has the original's length and bytes everywhere but in the sequences:
    // offsets hold as they are; texts, and columns (a two-byte C1 control is one character
    // but two spaces), are taken again from the original.
    let mut extraction = extract_unmasked(&masked, options);
    let mut positions = Positions::new(text);
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
    extraction
}

/// [`extract`] on text with no control characters.
fn extract_unmasked(text: &str, options: &Options) -> Extraction {
    let normalized = tokens::normalize::Normalized::new(text);
    if !normalized.changed() {
        return extract_composed(text, options);
    }
    let composed_options = Options {
        body_start: normalized.composed(options.body_start.min(text.len())),
        ..*options
    };
    let mut extraction = extract_composed(&normalized.text, &composed_options);
    let mut positions = Positions::new(text);
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
    extraction
}

/// [`extract`] on text already composed.
fn extract_composed(text: &str, options: &Options) -> Extraction {
    let mut body_start = options.body_start.min(text.len());
    while !text.is_char_boundary(body_start) {
        body_start += 1;
    }
    let lang = match options.lang {
        LangChoice::Fixed(lang) => lang,
        LangChoice::Auto => detect_language(&text[body_start..]),
    };
    // The per-text buffers are taken from this thread's scratch and put back at the end, so a
    // batch of texts allocates them once rather than once per text.
    let mut scratch = SCRATCH.take();
    let Scratch {
        tokens,
        numbers,
        ascii_lower,
        found,
    } = &mut scratch;
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
    // The tokens are read no more: a megabyte text's are given back before its public claims
    // are built, so its peak memory holds one of the two, and a batch does not keep them for
    // the small texts after it.
    release_if_large(tokens);
    release_if_large(numbers);
    if ascii_lower.capacity() > KEPT_BUFFER_BYTES {
        *ascii_lower = String::new();
    }
    let mut positions = Positions::new(text);
    // Sized once: growing it (or the recognised claims) allocation by allocation was a
    // visible share of the allocator's time.
    let mut claims = Vec::with_capacity(found.len());
    for (index, (claim, sentence)) in found.drain(..).zip(sentence_of).enumerate() {
        let (line, column) = positions.at(claim.start);
        claims.push(claim.into_claim(found::claim_id(index + 1), line, column, sentence, text));
    }
    release_if_large(found);
    SCRATCH.set(scratch);
    Extraction {
        lang,
        date: options.date,
        country: options.country,
        claims,
        relations,
        sentences,
    }
}
