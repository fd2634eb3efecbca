//! The token stream of one text with the small queries every recogniser needs.
//!
//! Recognisers look at tokens by index and never allocate per word: an ASCII word's lower-case
//! form is a slice of the text lower-cased once up front, and any other word is lower-cased
//! into a fixed buffer ([`Lower`]) only when it is looked up.

use super::token::{Token, TokenKind, lower_into};
use crate::extract::lang::Lexicon;
use crate::extract::lang::index::contains_word;
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

/// The lower case of a word whose only non-ASCII letters are Latin-1 ones ("città", "PIÙ",
/// "Año"), from its ASCII-lower-cased form: those letters are two bytes, `C3 xx`, and the
/// upper-case ones `C3 80`–`C3 9E` (but `×`) lower-case to the same bytes plus 0x20, so the
/// word keeps its length. Borrowed when it has no upper-case Latin-1 letter. `None` for any
/// other word, and for words too long for [`Lower`], which `lower_into` then handles as
/// before; `latin1_lowering_matches_lower_into` pins the two to the same text.
fn latin1_lower(lowered: &str) -> Option<Lower<'_>> {
    let bytes = lowered.as_bytes();
    if bytes.len() > 48 {
        return None;
    }
    let mut upper = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            0..0x80 => i += 1,
            0xC3 => {
                let second = *bytes.get(i + 1)?;
                upper |= (0x80..=0x9E).contains(&second) && second != 0x97;
                i += 2;
            }
            _ => return None,
        }
    }
    if !upper {
        return Some(Lower::Borrowed(lowered));
    }
    let mut buffer = [0u8; 48];
    buffer[..bytes.len()].copy_from_slice(bytes);
    for i in 1..bytes.len() {
        let second = buffer[i];
        if bytes[i - 1] == 0xC3 && (0x80..=0x9E).contains(&second) && second != 0x97 {
            buffer[i] = second + 0x20;
        }
    }
    Some(Lower::Owned {
        buffer,
        len: bytes.len(),
    })
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
        let lowered = &self.ascii_lower[token.start..token.end];
        if ascii {
            return Some(Lower::Borrowed(lowered));
        }
        if let Some(lower) = latin1_lower(lowered) {
            return Some(lower);
        }
        let word = &self.text[token.start..token.end];
        let mut buffer = [0u8; 48];
        let len = lower_into(word, &mut buffer)?.len();
        Some(Lower::Owned { buffer, len })
    }

    /// Whether the word at `index` lower-cases to one of `options`.
    pub fn word_is(&self, index: usize, options: &[&str]) -> bool {
        self.lower(index)
            .is_some_and(|lower| contains_word(options, lower.as_str()))
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

#[cfg(test)]
mod tests {
    use super::{latin1_lower, lower_into};

    #[test]
    fn latin1_lowering_matches_lower_into() {
        let mut words: Vec<String> = ["città", "PIÙ", "Año", "ÑANDÚ", "ÀÉÎÕÜ", "×÷ß", "ÿÞØ"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        // Every Latin-1 letter, upper and lower case, alone and between ASCII letters.
        for c in '\u{C0}'..='\u{FF}' {
            words.push(format!("a{c}B"));
            words.push(c.to_string());
        }
        words.push("É".repeat(24));
        words.push("É".repeat(25));
        words.push("Łódź".to_string());
        for word in &words {
            let lowered = word.to_ascii_lowercase();
            let mut buffer = [0u8; 48];
            let expected = lower_into(word, &mut buffer).map(str::to_string);
            match latin1_lower(&lowered) {
                Some(lower) => assert_eq!(Some(lower.as_str().to_string()), expected, "{word}"),
                None => assert!(word.len() > 48 || word.contains('Ł'), "{word}"),
            }
        }
    }
}
