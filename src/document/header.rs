//! The optional header at the top of a plain-text article: a front-matter block or a
//! leading `date` line (see the `document` module docs), and the parsing of header values
//! that converted articles share (dates, country codes).
//!
//! A value that does not parse is an [`InputError::Header`] naming the line, never ignored.

use super::InputError;
use crate::model::{ArticleDate, Country};

#[derive(Debug, Default)]
pub(super) struct Header {
    pub(super) body_start: usize,
    pub(super) date: Option<ArticleDate>,
    pub(super) title: Option<String>,
    pub(super) country: Option<Country>,
    pub(super) id: Option<String>,
}

pub(super) fn read_header(text: &str, source_name: &str) -> Result<Header, InputError> {
    let header_error = |line: usize, problem: String| InputError::Header {
        source_name: source_name.to_owned(),
        line,
        problem,
    };
    let first_line = text.split('\n').next().unwrap_or("");
    if first_line.trim_end() == "---" {
        read_front_matter(text, header_error)
    } else {
        read_date_line(text, header_error)
    }
}

/// `---` / `key: value` … / `---`. Only `date`, `title`, `country` and `id` are read; other keys are ignored.
fn read_front_matter(
    text: &str,
    header_error: impl Fn(usize, String) -> InputError,
) -> Result<Header, InputError> {
    let mut header = Header::default();
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let line_number = index + 1;
        offset += line.len();
        let content = line.trim_end();
        if index == 0 {
            continue;
        }
        if content == "---" {
            header.body_start = skip_whitespace(text, offset);
            return Ok(header);
        }
        let Some((key, value)) = content.split_once(':') else {
            continue;
        };
        let value = unquote(value.trim());
        match key.trim().to_ascii_lowercase().as_str() {
            "date" => {
                header.date = Some(parse_header_date(value).map_err(|problem| {
                    header_error(line_number, format!("front matter `date`: {problem}"))
                })?)
            }
            "title" if !value.is_empty() => header.title = Some(value.to_owned()),
            "country" => {
                header.country = Some(
                    parse_country(value, "front matter `country`")
                        .map_err(|problem| header_error(line_number, problem))?,
                )
            }
            "id" if !value.is_empty() => header.id = Some(value.to_owned()),
            _ => {}
        }
    }
    Err(header_error(
        1,
        "the front-matter block opened by `---` is never closed by a `---` line".to_owned(),
    ))
}

/// A leading `date 2024-01` or `date: 2024-01`, possibly followed by text on the same line.
/// `date` followed by something that does not start with a digit is prose, not a header
/// (except after `date:`, which is always meant as a header).
fn read_date_line(
    text: &str,
    header_error: impl Fn(usize, String) -> InputError,
) -> Result<Header, InputError> {
    let keyword_start = text.len() - text.trim_start_matches([' ', '\t']).len();
    let rest = &text[keyword_start..];
    let Some(keyword) = rest.get(..4).filter(|k| k.eq_ignore_ascii_case("date")) else {
        return Ok(Header::default());
    };
    let after_keyword = &rest[keyword.len()..];
    let (explicit, after_colon) = match after_keyword.strip_prefix(':') {
        Some(after) => (true, after),
        None => (false, after_keyword),
    };
    let value_text = after_colon.trim_start_matches([' ', '\t']);
    let separated = value_text.len() < after_colon.len();
    if !explicit && !separated {
        return Ok(Header::default()); // "dated", "datebook" …
    }
    let value_len = value_text
        .find(char::is_whitespace)
        .unwrap_or(value_text.len());
    let value = &value_text[..value_len];
    if !explicit && !value.starts_with(|c: char| c.is_ascii_digit()) {
        return Ok(Header::default());
    }
    let date = parse_header_date(value)
        .map_err(|problem| header_error(1, format!("header `date`: {problem}")))?;
    let value_end = text.len() - value_text.len() + value_len;
    Ok(Header {
        body_start: skip_whitespace(text, value_end),
        date: Some(date),
        title: None,
        country: None,
        id: None,
    })
}

pub(super) fn parse_header_date(value: &str) -> Result<ArticleDate, String> {
    if value.is_empty() {
        return Err("the date is missing (expected YYYY, YYYY-MM or YYYY-MM-DD)".to_owned());
    }
    // Front matter written by other tools may carry a time: keep the date part.
    let date_part = value.split_once('T').map_or(value, |(date, _)| date);
    ArticleDate::parse(date_part).ok_or_else(|| {
        format!("`{value}` is not a valid date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    })
}

/// A two-letter country code; `what` names the header key in the message.
pub(super) fn parse_country(value: &str, what: &str) -> Result<Country, String> {
    Country::parse(value).ok_or_else(|| {
        format!("{what}: `{value}` is not a two-letter ISO country code (such as AU or MX)")
    })
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

fn skip_whitespace(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    from + (rest.len() - rest.trim_start().len())
}
