//! Pure text → claims. (Being written: see issue 2.)

use crate::model::{ArticleDate, Extraction, Lang, LangChoice};

/// What the caller knows about the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// `Auto` detects the language from function words.
    pub lang: LangChoice,
    /// The article date, against which "lo scorso dicembre" is resolved.
    pub date: Option<ArticleDate>,
    /// Bytes at the start of the text that are a header (e.g. `date 2024-01`), not prose:
    /// nothing is extracted from them, but offsets, lines and columns still count them.
    pub body_start: usize,
}

/// Extracts claims, relations and sentences from `text`. Never panics, whatever the input.
pub fn extract(text: &str, options: &Options) -> Extraction {
    let _ = text;
    Extraction {
        lang: match options.lang {
            LangChoice::Fixed(lang) => lang,
            LangChoice::Auto => Lang::En,
        },
        date: options.date,
        claims: Vec::new(),
        relations: Vec::new(),
        sentences: Vec::new(),
    }
}
