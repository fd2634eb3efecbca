//! Renderers for `claimlint rates`: one day's rate with the rows behind it, a period's
//! min/max/mean, an import summary. JSON is the serde form of the reference types, tagged
//! with `kind` (`day` or `period`) and carrying the bundled snapshot's identity.

use std::io::{self, Write};

use serde::Serialize;

use crate::reference::{
    BundledSnapshot, RateAnswer, RateLeg, RateQuote, RateRange, bundled_snapshot, format_rate,
};
use crate::store::{BundledLoad, ImportedRates};

#[derive(Serialize)]
struct RateAnswerJson<'a> {
    #[serde(flatten)]
    answer: &'a RateAnswer,
    bundled_snapshot: BundledSnapshot,
}

pub fn write_rate_answer_json(out: &mut impl Write, answer: &RateAnswer) -> io::Result<()> {
    let json = RateAnswerJson {
        answer,
        bundled_snapshot: bundled_snapshot(),
    };
    super::write_json_pretty(out, &json)
}

pub fn write_rate_answer_human(out: &mut impl Write, answer: &RateAnswer) -> io::Result<()> {
    match answer {
        RateAnswer::Day(quote) => write_quote_human(out, quote),
        RateAnswer::Period(range) => write_range_human(out, range),
    }
}

fn source_line(source: &str) -> String {
    let snapshot = bundled_snapshot();
    if source == snapshot.source {
        format!(
            "{source} ({}), snapshot {}",
            snapshot.citation, snapshot.date
        )
    } else {
        format!("{source} (imported)")
    }
}

fn leg_text(leg: &RateLeg) -> String {
    format!("{}/{} {} ({})", leg.quote, leg.base, leg.rate, leg.date)
}

fn write_quote_human(out: &mut impl Write, quote: &RateQuote) -> io::Result<()> {
    let (from, to) = (quote.from, quote.to);
    writeln!(
        out,
        "{to}/{from} {} on {}  (1 {from} = {} {to})",
        format_rate(quote.rate),
        quote.date_requested,
        quote.rate
    )?;
    writeln!(out, "  source    {}", source_line(&quote.source))?;
    let fallback = if quote.date_used == quote.date_requested {
        String::new()
    } else {
        format!(
            "; no rate on {}, the latest earlier business day is used",
            quote.date_requested
        )
    };
    writeln!(out, "  row used  {}{fallback}", quote.date_used)?;
    let legs: Vec<String> = quote.legs.iter().map(leg_text).collect();
    match legs.as_slice() {
        [] => {}
        [only] if quote.legs[0].base == quote.from => writeln!(out, "  rate      {only}")?,
        [only] => writeln!(out, "  rate      1 ÷ {only}")?,
        [to_leg, from_leg] => {
            let pivot = if quote.via_eur {
                "EUR"
            } else {
                "a common currency"
            };
            writeln!(out, "  cross     via {pivot}: {to_leg} ÷ {from_leg}")?
        }
        _ => writeln!(out, "  legs      {}", legs.join(", "))?,
    }
    writeln!(out, "  evidence  {}", quote.description)
}

fn write_range_human(out: &mut impl Write, range: &RateRange) -> io::Result<()> {
    let (from, to) = (range.from, range.to);
    writeln!(
        out,
        "{to}/{from} in {}: mean {}, min {} ({}), max {} ({})",
        range.period,
        format_rate(range.mean),
        format_rate(range.min.rate),
        range.min.date,
        format_rate(range.max.rate),
        range.max.date
    )?;
    writeln!(out, "  source         {}", source_line(&range.source))?;
    let (first, last) = match (range.rows.first(), range.rows.last()) {
        (Some(first), Some(last)) => (first.date, last.date),
        _ => (range.start, range.end),
    };
    writeln!(
        out,
        "  business days  {} ({first} … {last})",
        range.business_days
    )?;
    if range.days_without_rate > 0 {
        writeln!(
            out,
            "  missing        {} publication day(s) without a {to}/{from} rate",
            range.days_without_rate
        )?;
    }
    if range.via_eur {
        writeln!(out, "  cross          via EUR, each day from its own rows")?;
    }
    writeln!(out, "  evidence       {}", range.description)
}

/// `imported N rates into source S …`, plus the bundled load when it happened.
pub fn write_import_human(
    out: &mut impl Write,
    bundled: BundledLoad,
    imported: &ImportedRates,
    rejected: usize,
) -> io::Result<()> {
    if let BundledLoad::Loaded { rows } = bundled {
        let snapshot = bundled_snapshot();
        writeln!(
            out,
            "loaded the bundled {} rates, snapshot {} ({rows} rates)",
            snapshot.source, snapshot.date
        )?;
    }
    writeln!(
        out,
        "imported {} rates into source `{}` ({} layout; {} bad line(s) skipped; the source now holds {})",
        imported.rows,
        imported.source,
        imported.layout.as_str(),
        rejected,
        imported.source_rows
    )
}
