//! The rule templates `claimlint rules new ID --kind KIND` writes: one per claim or relation
//! kind the API exposes, each a small working rule with a fixture that fires and one that
//! stays quiet.
//!
//! The texts live in `src/engine/templates/<kind>.rhai` (the rule, with `__RULE_ID__` where the
//! id goes) and `<kind>.fires.txt` / `<kind>.quiet.txt` (its fixtures), compiled in with
//! `include_str!`. Templates obey the bundled rules' contract: no word of any language in the
//! rule code (their messages name figures and symbols only; worded messages come from the
//! lexicons through `article.message`), and a test generates every kind and runs its fixtures.

use std::fmt;
use std::str::FromStr;

/// What a new rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleKind {
    /// `percent` claims: a share above 100%.
    Percent,
    /// `conversion` relations between `money` claims: the implied exchange rate.
    Money,
    /// `change` relations: a percent rate against its two levels.
    Change,
    /// `total` relations: parts adding up to more than their total.
    Total,
    /// `ratio` relations: a share restated as an amount.
    Ratio,
    /// `average` relations: an average against the total over its period.
    Average,
    /// `anniversary` relations: the year an anniversary falls in.
    Anniversary,
    /// `count-list` relations: a count against the items of its list.
    CountList,
    /// `date` claims: a date later than the article.
    Date,
    /// `elapsed` relations: a `duration` since a date against the article's date.
    Duration,
}

struct Template {
    kind: RuleKind,
    name: &'static str,
    source: &'static str,
    fires: &'static str,
    quiet: &'static str,
    /// The line of `fires` the finding is on.
    fires_line: u32,
}

macro_rules! template {
    ($kind:ident, $name:literal, $line:literal) => {
        Template {
            kind: RuleKind::$kind,
            name: $name,
            source: include_str!(concat!("templates/", $name, ".rhai")),
            fires: include_str!(concat!("templates/", $name, ".fires.txt")),
            quiet: include_str!(concat!("templates/", $name, ".quiet.txt")),
            fires_line: $line,
        }
    };
}

const TEMPLATES: &[Template] = &[
    template!(Percent, "percent", 2),
    template!(Money, "money", 4),
    template!(Change, "change", 2),
    template!(Total, "total", 2),
    template!(Ratio, "ratio", 2),
    template!(Average, "average", 2),
    template!(Anniversary, "anniversary", 5),
    template!(CountList, "count-list", 2),
    template!(Date, "date", 2),
    template!(Duration, "duration", 4),
];

/// Other names a kind answers to: the relation kind behind it, or a common word for it.
const ALIASES: &[(&str, RuleKind)] = &[
    ("conversion", RuleKind::Money),
    ("sum", RuleKind::Total),
    ("elapsed", RuleKind::Duration),
];

/// The files of one new rule.
pub struct RuleFiles {
    pub source: String,
    pub fires: &'static str,
    pub fires_line: u32,
    pub quiet: &'static str,
}

impl RuleKind {
    /// Every kind, in the order `--help` lists them.
    pub fn all() -> impl Iterator<Item = RuleKind> {
        TEMPLATES.iter().map(|template| template.kind)
    }

    pub fn name(self) -> &'static str {
        self.template().name
    }

    fn template(self) -> &'static Template {
        TEMPLATES
            .iter()
            .find(|template| template.kind == self)
            .expect("every kind has a template")
    }

    /// The rule source for `id`, and its fixtures.
    pub fn files(self, id: &str) -> RuleFiles {
        let template = self.template();
        RuleFiles {
            source: template.source.replace("__RULE_ID__", id),
            fires: template.fires,
            fires_line: template.fires_line,
            quiet: template.quiet,
        }
    }
}

impl fmt::Display for RuleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for RuleKind {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        TEMPLATES
            .iter()
            .map(|template| (template.name, template.kind))
            .chain(ALIASES.iter().copied())
            .find(|(name, _)| *name == text)
            .map(|(_, kind)| kind)
            .ok_or_else(|| {
                let names: Vec<&str> = TEMPLATES.iter().map(|template| template.name).collect();
                format!(
                    "unknown rule kind `{text}` (expected one of: {}; or conversion, sum, elapsed)",
                    names.join(", ")
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_parses_from_its_name_and_fills_the_id() {
        for kind in RuleKind::all() {
            assert_eq!(kind.name().parse::<RuleKind>(), Ok(kind));
            let files = kind.files("my-rule");
            assert!(files.source.starts_with("//! id: my-rule\n"), "{kind}");
            assert!(!files.source.contains("__RULE_ID__"), "{kind}");
        }
        assert_eq!("conversion".parse::<RuleKind>(), Ok(RuleKind::Money));
        assert!(
            "money2"
                .parse::<RuleKind>()
                .unwrap_err()
                .contains("count-list")
        );
    }

    /// API names, config keys and claim/relation values a template's strings may hold; any
    /// other word in a string of the rule code would be a language's word.
    const API_WORDS: &[&str] = &[
        "percent",
        "change",
        "rate",
        "from",
        "to",
        "conversion",
        "source",
        "target",
        "total",
        "part",
        "more_than",
        "at_least",
        "at_most",
        "less_than",
        "ratio",
        "share",
        "whole",
        "average",
        "anniversary",
        "ordinal",
        "years",
        "founding",
        "year",
        "count-list",
        "count",
        "date",
        "elapsed",
        "months",
        "duration",
        "since",
        "down",
        "approx",
        "limit",
        "tolerance_points",
        "slack",
        "years_ahead",
    ];

    #[test]
    fn template_code_holds_no_words_of_a_language() {
        for template in TEMPLATES {
            let code = template
                .source
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"));
            for line in code {
                for (index, literal) in line.split(['"', '`']).enumerate() {
                    if index % 2 == 0 {
                        continue;
                    }
                    let text = without_interpolations(literal);
                    let words = text
                        .split(|c: char| !(c.is_alphabetic() || c == '_' || c == '-'))
                        .filter(|word| word.chars().any(char::is_alphabetic));
                    for word in words {
                        let currency =
                            word.len() == 3 && word.chars().all(|c| c.is_ascii_uppercase());
                        assert!(
                            currency || API_WORDS.contains(&word),
                            "{}: `{word}` in {line:?}",
                            template.name
                        );
                    }
                }
            }
        }
    }

    /// `literal` without its `${…}` parts (code, not words).
    fn without_interpolations(literal: &str) -> String {
        let mut text = String::new();
        let mut depth = 0;
        let mut chars = literal.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '$' && chars.peek() == Some(&'{') {
                chars.next();
                depth += 1;
            } else if depth > 0 && c == '{' {
                depth += 1;
            } else if depth > 0 && c == '}' {
                depth -= 1;
            } else if depth == 0 {
                text.push(c);
            }
        }
        text
    }
}
