//! Claims and relations: table, CSV and the JSON documents of `extract` and `claims`.

use std::io::{self, Write};

use serde::Serialize;

use super::Table;
use crate::model::{Claim, Direction, Extraction, Qualifier, Relation};
use crate::store::DraftSummary;

/// `extract --format json`: the extraction plus where the text came from.
#[derive(Debug, Serialize)]
pub struct ExtractJson<'a> {
    /// The file path, or `<stdin>`.
    pub source: &'a str,
    /// The format the input was read as: `txt`, `md`, `html` or `docx`; `line` and `column`
    /// of every claim are positions in that file (for `docx`: paragraph and character).
    pub format: &'a str,
    #[serde(flatten)]
    pub extraction: &'a Extraction,
}

/// `claims --format json`: which draft, then its claims and the relations among them.
#[derive(Debug, Serialize)]
pub struct ClaimsJson<'a> {
    pub article: &'a str,
    pub draft: &'a DraftSummary,
    /// The `--kind` filter, if one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'a str>,
    pub claims: &'a [Claim],
    pub relations: &'a [Relation],
}

/// One row per claim: where it is, what it is, its value and hedges.
pub fn write_claims_table(out: &mut impl Write, claims: &[Claim]) -> io::Result<()> {
    if claims.is_empty() {
        return writeln!(out, "no claims");
    }
    let mut table = Table::new([
        "ID",
        "LINE:COL",
        "KIND",
        "TEXT",
        "VALUE",
        "UNIT",
        "QUALIFIER",
        "NOTES",
    ]);
    for claim in claims {
        let value = match &claim.date {
            Some(date) => date.clone(),
            None => claim.value_text.clone(),
        };
        let notes: Vec<&str> = claim.ambiguity.iter().map(|a| a.kind.as_str()).collect();
        table.row([
            claim.id.clone(),
            format!("{}:{}", claim.line, claim.column),
            claim.kind.to_string(),
            claim.text.clone(),
            value,
            claim.unit.clone().unwrap_or_default(),
            match claim.qualifier {
                Qualifier::None => String::new(),
                other => other.as_str().to_owned(),
            },
            notes.join(", "),
        ]);
    }
    table.write(out)
}

/// One row per relation: kind, linked claim ids, marker, direction, period.
pub fn write_relations_table(out: &mut impl Write, relations: &[Relation]) -> io::Result<()> {
    if relations.is_empty() {
        return writeln!(out, "no relations");
    }
    let mut table = Table::new(["RELATION", "CLAIMS", "MARKER", "DIRECTION", "PERIOD"]);
    for relation in relations {
        let direction = relation.direction.map(|direction| match direction {
            Direction::Up => "up",
            Direction::Down => "down",
        });
        table.row([
            relation.kind.as_str().to_owned(),
            relation.claims.join(" → "),
            relation.marker.clone().unwrap_or_default(),
            direction.unwrap_or_default().to_owned(),
            relation.period.clone().unwrap_or_default(),
        ]);
    }
    table.write(out)
}

/// The CSV columns, in order (documented in README).
pub const CSV_COLUMNS: [&str; 19] = [
    "id",
    "kind",
    "text",
    "value",
    "value_text",
    "unit",
    "scale",
    "precision_low",
    "precision_high",
    "qualifier",
    "date",
    "line",
    "column",
    "start",
    "end",
    "sentence",
    "ambiguity",
    "alternative_value",
    "alternative_value_text",
];

/// A header row then one row per claim. `ambiguity` holds the ambiguity kinds joined by `;`,
/// the alternative columns the first alternative reading given.
pub fn write_claims_csv(out: &mut impl Write, claims: &[Claim]) -> io::Result<()> {
    write_csv_row(out, CSV_COLUMNS.iter().map(|c| c.to_string()))?;
    for claim in claims {
        let kinds: Vec<&str> = claim.ambiguity.iter().map(|a| a.kind.as_str()).collect();
        let alternative = claim
            .ambiguity
            .iter()
            .find(|a| a.alternative_value.is_some() || a.alternative_value_text.is_some());
        write_csv_row(
            out,
            [
                claim.id.clone(),
                claim.kind.to_string(),
                claim.text.clone(),
                claim.value.to_string(),
                claim.value_text.clone(),
                claim.unit.clone().unwrap_or_default(),
                claim.scale.clone().unwrap_or_default(),
                claim.precision.low.to_string(),
                claim.precision.high.to_string(),
                claim.qualifier.as_str().to_owned(),
                claim.date.clone().unwrap_or_default(),
                claim.line.to_string(),
                claim.column.to_string(),
                claim.start.to_string(),
                claim.end.to_string(),
                claim.sentence.to_string(),
                kinds.join(";"),
                alternative
                    .and_then(|a| a.alternative_value)
                    .map(|v| v.to_string())
                    .unwrap_or_default(),
                alternative
                    .and_then(|a| a.alternative_value_text.clone())
                    .unwrap_or_default(),
            ],
        )?;
    }
    Ok(())
}

/// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; CRLF ends.
fn write_csv_row(out: &mut impl Write, fields: impl IntoIterator<Item = String>) -> io::Result<()> {
    let mut line = String::new();
    for (index, field) in fields.into_iter().enumerate() {
        if index > 0 {
            line.push(',');
        }
        if field.contains([',', '"', '\n', '\r']) {
            line.push('"');
            line.push_str(&field.replace('"', "\"\""));
            line.push('"');
        } else {
            line.push_str(&field);
        }
    }
    line.push_str("\r\n");
    out.write_all(line.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_commas_quotes_and_line_breaks() {
        let mut out = Vec::new();
        write_csv_row(
            &mut out,
            [
                "plain".into(),
                "a,b".into(),
                "say \"hi\"".into(),
                "x\ny".into(),
            ],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"x\ny\"\r\n"
        );
    }

    #[test]
    fn table_pads_by_columns_drawn_for_cjk_and_emoji_sequences() {
        let mut table = Table::new(["ID", "N"]);
        table.row(["東京", "1"]);
        table.row(["\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}", "2"]);
        table.row(["e\u{301}", "3"]);
        let mut out = Vec::new();
        table.write(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "ID    N\n東京  1\n\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}    2\ne\u{301}     3\n"
        );
    }

    #[test]
    fn table_pads_by_characters_not_bytes() {
        let mut table = Table::new(["A", "B"]);
        table.row(["€€", "x"]);
        table.row(["a", "y"]);
        let mut out = Vec::new();
        table.write(&mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "A   B\n€€  x\na   y\n");
    }
}
