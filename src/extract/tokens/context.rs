//! The token stream of one text with the small queries every recogniser needs.
//!
//! Recognisers look at tokens by index and never allocate per word: an ASCII word's lower-case
//! form is a slice of the text lower-cased once up front, and any other word is lower-cased
//! into a fixed buffer ([`Lower`]) only when it is looked up.

use super::token::{Token, TokenKind, lower_into};
use crate::extract::lang::Lexicon;
use crate::extract::numbers::number::NumberLit;
use crate::model::{ArticleDate, Country, Lang};

/// A lower-cased word: a slice of the ASCII-lower-cased text when the word is ASCII (nearly
/// every word), otherwise a copy on the stack.
#[derive(Clone, Copy)]
pub enum Lower<'t> {
    Borrowed(&'t str),
    Owned { buffer: [u8; 48], len: usize },
}

impl Lower<'_> {
    pub fn as_str(&self) -> &str {
        match self {
            Lower::Borrowed(word) => word,
            Lower::Owned { buffer, len } => std::str::from_utf8(&buffer[..*len]).unwrap_or(""),
        }
    }
}

pub struct Context<'t> {
    pub text: &'t str,
    /// `text` with its ASCII letters lower-cased (still valid UTF-8, same offsets): the
    /// lower-case form of every ASCII word is a slice of it, so lookups never copy.
    pub ascii_lower: &'t str,
    pub lang: Lang,
    /// The words of the text's language: what recognisers look words up in.
    pub lexicon: &'static Lexicon,
    pub tokens: &'t [Token],
    pub numbers: &'t [NumberLit],
    pub article_date: Option<ArticleDate>,
    /// The publication's country, which decides a bare `$`.
    pub country: Option<Country>,
}

impl<'t> Context<'t> {
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn slice(&self, index: usize) -> &'t str {
        let token = self.tokens[index];
        &self.text[token.start..token.end]
    }

    /// The word at `index`, as written.
    pub fn word(&self, index: usize) -> Option<&'t str> {
        let token = self.tokens.get(index)?;
        matches!(token.kind, TokenKind::Word { .. }).then(|| &self.text[token.start..token.end])
    }

    /// The word at `index`, lower-cased.
    pub fn lower(&self, index: usize) -> Option<Lower<'t>> {
        let token = self.tokens.get(index)?;
        let TokenKind::Word { ascii } = token.kind else {
            return None;
        };
        if ascii {
            return Some(Lower::Borrowed(&self.ascii_lower[token.start..token.end]));
        }
        let word = &self.text[token.start..token.end];
        let mut buffer = [0u8; 48];
        let len = lower_into(word, &mut buffer)?.len();
        Some(Lower::Owned { buffer, len })
    }

    /// Whether the word at `index` lower-cases to one of `options`.
    pub fn word_is(&self, index: usize, options: &[&str]) -> bool {
        self.lower(index)
            .is_some_and(|lower| options.contains(&lower.as_str()))
    }

    pub fn symbol(&self, index: usize) -> Option<char> {
        match self.tokens.get(index)?.kind {
            TokenKind::Symbol(c) => Some(c),
            _ => None,
        }
    }

    pub fn number(&self, index: usize) -> Option<&NumberLit> {
        match self.tokens.get(index)?.kind {
            TokenKind::Number(n) => self.numbers.get(n as usize),
            _ => None,
        }
    }

    /// Token `index` touches the token before it (no space between).
    pub fn glued(&self, index: usize) -> bool {
        index > 0
            && index < self.tokens.len()
            && self.tokens[index - 1].end == self.tokens[index].start
    }

    /// Token `index` may continue a phrase started before it: at most one line break between.
    pub fn follows(&self, index: usize) -> bool {
        if index == 0 || index >= self.tokens.len() {
            return false;
        }
        let gap = &self.text.as_bytes()[self.tokens[index - 1].end..self.tokens[index].start];
        gap.iter().filter(|&&b| b == b'\n').count() <= 1
    }

    /// The word `index` starts with an upper-case letter.
    pub fn capitalised(&self, index: usize) -> bool {
        self.word(index)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }
}
