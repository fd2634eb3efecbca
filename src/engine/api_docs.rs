//! One line of documentation for every property and function scripts can use, printed by
//! `claimlint rules api` beside the engine's own signature of each registration.
//!
//! The table is keyed by what a signature names (`Claim.value` for a property, `fx_rate` for
//! a function, `*` for an operator); a test builds the real engine and fails when a
//! registration has no line here or a line here names nothing registered, so the two cannot
//! drift apart. Keep lines short: the full contract is `rules/README.md`.

/// `(key, doc)`, sorted by key.
pub const API_DOCS: &[(&str, &str)] = &[
    ("*", "interval product (by an interval or a number)"),
    ("/", "interval quotient; () when the divisor contains 0"),
    ("==", "same claim of the same article / same interval"),
    ("!=", "not the same claim"),
    ("Article.claims", "every claim, in text order"),
    (
        "Article.date",
        "the article date as precise as known (\"2024-01\", \"2024-01-20\") or ()",
    ),
    ("Article.draft", "the draft number (1, 2, …)"),
    ("Article.id", "the article id"),
    ("Article.lang", "\"it\", \"en\" or \"es\""),
    (
        "Article.relations",
        "every relation (conversion, change, range, total, anniversary, elapsed, restatement, count-list, ratio, average)",
    ),
    (
        "Article.sentences",
        "the sentence texts; index = claim.sentence",
    ),
    ("Article.text", "the whole draft text"),
    ("Article.title", "the title or ()"),
    (
        "Claim.ambiguity",
        "array of #{kind, note, alternative_value}",
    ),
    (
        "Claim.column",
        "1-based column (characters) where the claim starts",
    ),
    ("Claim.date", "the ISO date a date claim stands for, or ()"),
    ("Claim.end", "byte offset just past the claim"),
    ("Claim.high", "upper bound of the stated precision"),
    ("Claim.id", "the claim id (c1, c2, …)"),
    ("Claim.interval", "the stated precision as an Interval"),
    (
        "Claim.kind",
        "money, percent, count, quantity, number, date, duration, ordinal",
    ),
    ("Claim.line", "1-based line of the claim"),
    ("Claim.low", "lower bound of the stated precision"),
    (
        "Claim.position_in_sentence",
        "character index of the claim in its sentence text, or -1",
    ),
    (
        "Claim.qualifier",
        "none, approx, at_least, more_than, at_most, less_than",
    ),
    (
        "Claim.scale",
        "the scale word as written (\"miliardi\", \"bn\") or ()",
    ),
    (
        "Claim.sentence",
        "index of the claim's sentence in article.sentences",
    ),
    ("Claim.start", "byte offset where the claim starts"),
    ("Claim.text", "the claim as written"),
    ("Claim.unit", "ISO currency, %, pp, a unit name, or ()"),
    ("Claim.value", "the value as a float, scale applied"),
    ("Claim.value_text", "the exact value as a decimal string"),
    ("Interval.high", "upper end"),
    ("Interval.low", "lower end"),
    ("Interval.mid", "midpoint"),
    ("Interval.width", "high - low"),
    ("Range.days", "business days with a rate in the period"),
    (
        "Range.description",
        "e.g. \"ECB 2024-01 CNY/USD 7.1435–7.1952 …\"",
    ),
    ("Range.interval", "min–max as an Interval"),
    ("Range.max", "highest daily rate in the period"),
    ("Range.mean", "mean of the daily rates"),
    ("Range.min", "lowest daily rate in the period"),
    ("Range.source", "where the rates come from (\"ECB\")"),
    ("Rate.date", "the business day whose rate is used"),
    (
        "Rate.description",
        "e.g. \"ECB 2024-01-02 CNY/USD 7.1435\" (cite it as evidence)",
    ),
    ("Rate.rate", "units of `to` per 1 `from`"),
    ("Rate.source", "where the rate comes from (\"ECB\")"),
    (
        "Relation.claims",
        "the related claims in role order (a conversion's source first, a change's rate first, a total first)",
    ),
    (
        "Relation.cue",
        "the words that made the link, as written (\"di cui\", \"rose\", \"anniversary\") or ()",
    ),
    (
        "Relation.cue_end",
        "byte offset where the cue ends (excluded), or ()",
    ),
    (
        "Relation.cue_id",
        "which cue of the lexicon made it: \"conversion-marker\", \"brackets\", \"rise\", \"fall\", \"sign\", \"range-joiner\", \"part-of\", \"list\", \"rest\", \"split\", \"sum\", \"partition\", \"anniversary\", \"since\", \"ago\", \"same-noun\", \"list\", \"ratio\", \"average\", or ()",
    ),
    (
        "Relation.cue_start",
        "byte offset where the cue starts, or ()",
    ),
    ("Relation.direction", "\"up\", \"down\" or ()"),
    (
        "Relation.kind",
        "\"conversion\", \"change\", \"range\", \"total\", \"anniversary\", \"elapsed\", \"restatement\", \"count-list\", \"ratio\" or \"average\"",
    ),
    (
        "Relation.marker",
        "the words that tie the claims (\"(\", \"pari a\", …) or ()",
    ),
    (
        "Relation.period",
        "the period the figures refer to: a change's comparison period (\"year-on-year\", \"2022\"), the span a conversion's amounts cover (\"2023\", \"2023-11\", \"2023-01..2023-09\"; pass it to fx_range), or ()",
    ),
    (
        "Relation.factor",
        "for ratio: the proportion the words state (doubled 2, half 0.5, one in five 0.2); for average: the units of time in its period; or ()",
    ),
    (
        "Relation.items",
        "for count-list: how many items the list after the count names, or ()",
    ),
    (
        "Relation.roles",
        "the role of each claim of `claims`, at the same index",
    ),
    (
        "Relation.sentence",
        "index of the sentence it was found in, or ()",
    ),
    (
        "add_days",
        "the ISO day DAYS days after DATE (negative: before), or ()",
    ),
    (
        "after",
        "up to N characters after the claim in its sentence, lower-cased and trimmed",
    ),
    (
        "all_with_role",
        "REL.all_with_role(name): every claim of the relation with that role, in text order (a total's \"part\"s)",
    ),
    (
        "before",
        "up to N characters before the claim in its sentence, lower-cased and trimmed",
    ),
    ("claim", "the claim with this id, or ()"),
    ("claims_in_sentence", "claims of sentence INDEX"),
    (
        "claims_in_sentence_of_kind",
        "claims of sentence INDEX of one kind",
    ),
    (
        "claims_of_kind",
        "claims of one kind (\"money\", \"percent\", …)",
    ),
    (
        "claims_of_kind_by_sentence",
        "claims of one kind grouped by sentence (an array per sentence that has one)",
    ),
    ("config", "[rules.<id>] KEY of claimlint.toml, else DEFAULT"),
    ("contains", "whether the interval contains the number"),
    ("contains_any", "whether the text contains any of the WORDS"),
    (
        "convert",
        "AMOUNT of FROM in TO at DATE's rate, or () when unknown",
    ),
    ("distance", "0 when the intervals overlap, else the gap"),
    (
        "ends_with_any",
        "whether the text ends with any of the WORDS",
    ),
    (
        "ends_with_word",
        "whether the text ends with one of the WORDS as a whole word",
    ),
    (
        "find_any",
        "character index of the first of the WORDS found in the text, or -1",
    ),
    (
        "fx_range",
        "rates FROM→TO over a period: a year, quarter, month or day (\"2023\", \"2023-Q1\", \"2023-11\") or START..END (\"2023-01..2023-09\", a window of days): Range or ()",
    ),
    (
        "fx_rate",
        "the rate FROM→TO on an ISO day (nearest earlier business day): Rate or ()",
    ),
    (
        "has_ambiguity",
        "whether the claim carries an ambiguity of this kind",
    ),
    ("interval", "the closed interval [LOW, HIGH] (ends ordered)"),
    (
        "months_between",
        "whole months from A to B (partial dates: an Interval), or ()",
    ),
    ("overlaps", "whether two intervals share a point"),
    (
        "percent_change",
        "(NEW - OLD) / |OLD| × 100, or () when OLD is 0",
    ),
    ("ratio", "A / B, or () when B is 0"),
    (
        "readable",
        "X as people read it in any language: 13 × 10^9 for large values, else up to 6 significant decimals",
    ),
    (
        "relations_of_kind",
        "relations of one kind (\"conversion\", \"change\", \"range\", \"total\", \"anniversary\", \"elapsed\", \"restatement\", \"count-list\", \"ratio\", \"average\"): of the article, or that include the claim",
    ),
    (
        "role",
        "REL.role(name): the relation's first claim with that role (\"source\", \"target\", \"stated_rate\", \"period\", \"months\", \"rate\", \"base\", \"low\", \"high\", \"total\", \"part\", \"ordinal\", \"years\", \"founding\", \"year\", \"duration\", \"since\", \"relative\", \"date\", \"first\", \"again\", \"count\", \"of\", \"in\", \"fraction\", \"share\", \"from\", \"to\", \"whole\", \"average\"), or ()",
    ),
    (
        "report",
        "report a finding: #{message, claims, severity?, evidence?, relation?} (relation: the relation it is about; its kind, cue span and claims with their intervals join the evidence)",
    ),
    (
        "message",
        "article.message(KEY, #{NAME: VALUE}): the finding message KEY (\"growth-rate-mismatch.rate\") in the article's language, English when its lexicon lacks KEY, with each {NAME} filled (numbers written as the language writes them); an error for an unknown KEY or a missing value",
    ),
    ("sentence", "the text of sentence INDEX, or ()"),
    (
        "round_to",
        "X rounded to DIGITS decimals (halves away from zero)",
    ),
    (
        "starts_with_any",
        "whether the text starts with any of the WORDS",
    ),
    ("to_string", "text for messages"),
    (
        "wording",
        "article.wording(KEY): the words the article's language uses for KEY (\"percentage-points\", \"scale-12\", \"scale-9\"), or ()",
    ),
    ("widen", "widened by a relative slack (0.005 = ±0.5 %)"),
    ("words", "the text split at whitespace"),
    ("year_of", "the year of an ISO date string, or ()"),
    (
        "years_between",
        "whole years from A to B (partial dates: an Interval), or ()",
    ),
];

/// What a readable signature documents: `Claim.value` for `Claim.value: float`, `fx_rate`
/// for `fx_rate(string, string, ?) -> ?`.
pub fn doc_key(signature: &str) -> &str {
    match (signature.find('('), signature.find(':')) {
        (Some(paren), Some(colon)) if colon < paren => &signature[..colon],
        (Some(paren), _) => &signature[..paren],
        (None, Some(colon)) => &signature[..colon],
        (None, None) => signature,
    }
}

/// The documentation line of a readable signature, if the table has one.
pub fn doc_of(signature: &str) -> Option<&'static str> {
    let key = doc_key(signature);
    API_DOCS
        .iter()
        .find(|(name, _)| *name == key)
        .map(|(_, doc)| *doc)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::sync::Arc;

    use super::*;
    use crate::engine::{NoRates, api, sandbox};

    #[test]
    fn every_registration_has_a_doc_line_and_every_doc_line_a_registration() {
        let engine = sandbox::build_engine(Arc::new(NoRates));
        let signatures = api::signatures(&engine);
        assert!(signatures.len() > 50, "{signatures:?}");
        let undocumented: Vec<&String> =
            signatures.iter().filter(|s| doc_of(s).is_none()).collect();
        assert!(undocumented.is_empty(), "add to API_DOCS: {undocumented:?}");
        let registered: BTreeSet<&str> = signatures.iter().map(|s| doc_key(s)).collect();
        let stale: Vec<&str> = API_DOCS
            .iter()
            .map(|(key, _)| *key)
            .filter(|key| !registered.contains(key))
            .collect();
        assert!(stale.is_empty(), "documented but not registered: {stale:?}");
    }

    #[test]
    fn doc_keys_name_properties_functions_and_operators() {
        assert_eq!(doc_key("Claim.value: float"), "Claim.value");
        assert_eq!(doc_key("fx_rate(string, string, ?) -> ?"), "fx_rate");
        assert_eq!(doc_key("*(Interval, float) -> Interval"), "*");
        assert_eq!(doc_key("config(string, ?) -> ?"), "config");
    }
}
