//! The `extract --jsonl` line protocol, for pipelines and the evaluation script.
//!
//! Each input line is a JSON object `{"id", "text", "lang"?, "date"?}`; each output line is
//! `{"id", "lang", "claims", "relations"}` or, for a line that cannot be used,
//! `{"id", "line", "error"}` (`id` is null when it could not be read). One output line per
//! non-blank input line, in order, flushed as it is written; blank lines are skipped. The text
//! is extracted as given: no header parsing and no line-end normalisation, so offsets refer to
//! the string in the request. Answers are written by [`write_response`], a hand-written
//! writer that produces serde_json's bytes faster; error lines go through serde_json.

mod claim;
mod scalar;
mod write;

use std::io::{BufRead, Write};

use serde::Serialize;
use serde_json::Value;

use crate::extract::{Options, extract};
use crate::model::{ArticleDate, Claim, Country, Lang, LangChoice, Relation};

pub use claim::{write_claim, write_claim_pretty};
pub use write::write_response;

/// Defaults for lines that give no `lang`, `date` or `country`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Defaults {
    pub lang: LangChoice,
    pub date: Option<ArticleDate>,
    pub country: Option<Country>,
}

/// The answer to a usable line. Its serde form is the reference for [`write_response`].
#[derive(Debug, Serialize)]
pub struct Response {
    pub id: Value,
    pub lang: Lang,
    pub claims: Vec<Claim>,
    pub relations: Vec<Relation>,
}

/// The answer to a line that could not be used.
#[derive(Debug, Serialize)]
pub struct LineError {
    pub id: Value,
    /// 1-based input line number.
    pub line: usize,
    pub error: String,
}

/// How a stream went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub answered: usize,
    pub failed: usize,
}

/// Answers every line of `input` on `output`; I/O errors stop the stream, bad lines do not.
pub fn run(
    mut input: impl BufRead,
    mut output: impl Write,
    defaults: Defaults,
) -> std::io::Result<Summary> {
    let mut summary = Summary::default();
    let mut line = Vec::new();
    // One answer buffer for the whole stream: no allocation or regrowth per line.
    let mut answer = Vec::new();
    let mut line_number = 0;
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        line_number += 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        answer.clear();
        let written = match answer_line(&line, line_number, defaults) {
            Ok(response) => write_response(&mut answer, &response),
            Err(error) => {
                summary.failed += 1;
                serde_json::to_writer(&mut answer, &error)
            }
        };
        written.map_err(std::io::Error::other)?;
        answer.push(b'\n');
        output.write_all(&answer)?;
        output.flush()?;
        summary.answered += 1;
    }
    Ok(summary)
}

/// Parses and extracts one request line.
pub fn answer_line(
    line: &[u8],
    line_number: usize,
    defaults: Defaults,
) -> Result<Response, LineError> {
    let fail = |id: &Value, error: String| LineError {
        id: id.clone(),
        line: line_number,
        error,
    };
    let request: Value = match std::str::from_utf8(line) {
        Err(err) => {
            let offset = err.valid_up_to();
            return Err(fail(
                &Value::Null,
                format!("not valid UTF-8 at byte {offset}"),
            ));
        }
        Ok(text) => serde_json::from_str(text)
            .map_err(|err| fail(&Value::Null, format!("invalid JSON: {err}")))?,
    };
    let Value::Object(fields) = &request else {
        return Err(fail(&Value::Null, "expected a JSON object".to_owned()));
    };
    let id = fields.get("id").cloned().unwrap_or(Value::Null);
    let text = match fields.get("text") {
        Some(Value::String(text)) => text,
        Some(_) => return Err(fail(&id, "`text` must be a string".to_owned())),
        None => return Err(fail(&id, "missing `text`".to_owned())),
    };
    let lang = match fields.get("lang") {
        None | Some(Value::Null) => defaults.lang,
        Some(Value::String(lang)) => lang.parse::<LangChoice>().map_err(|err| fail(&id, err))?,
        Some(_) => return Err(fail(&id, "`lang` must be a string".to_owned())),
    };
    let date = match fields.get("date") {
        None | Some(Value::Null) => defaults.date,
        Some(Value::String(date)) => Some(ArticleDate::parse(date).ok_or_else(|| {
            fail(
                &id,
                format!("invalid date `{date}` (expected YYYY, YYYY-MM or YYYY-MM-DD)"),
            )
        })?),
        Some(_) => return Err(fail(&id, "`date` must be a string".to_owned())),
    };
    let country = match fields.get("country") {
        None | Some(Value::Null) => defaults.country,
        Some(Value::String(code)) => Some(Country::parse(code).ok_or_else(|| {
            fail(
                &id,
                format!("invalid country `{code}` (expected a two-letter ISO code such as AU)"),
            )
        })?),
        Some(_) => return Err(fail(&id, "`country` must be a string".to_owned())),
    };
    let extraction = extract(
        text,
        &Options {
            lang,
            date,
            country,
            body_start: 0,
        },
    );
    Ok(Response {
        id,
        lang: extraction.lang,
        claims: extraction.claims,
        relations: extraction.relations,
    })
}
