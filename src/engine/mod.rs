//! The rule engine: Rhai rules, run sandboxed over articles, producing findings.
//!
//! [`loader`] finds rule files (bundled, `--rules DIR`, claimlint.toml) and reads their headers;
//! [`sandbox`] builds the one and only `rhai::Engine` with every limit set; [`api`] is what
//! scripts see (the `article` object, intervals, exchange rates, `report`); [`run`] compiles each
//! rule once and evaluates it per article, in parallel across articles; [`testing`] is the
//! fixture runner behind `claimlint rules test`; [`scaffold`] writes a new rule and its fixtures from
//! the template of its kind ([`rule_templates`]).
//! A rule that fails (parse error, runaway loop, unknown function) becomes a [`RuleError`]; the
//! other rules go on.

pub mod api;
pub mod api_docs;
mod api_helpers;
mod api_text;
mod api_values;
mod evaluation;
pub mod expectations;
mod finding;
pub mod loader;
mod messages;
pub mod rates;
mod report_fn;
pub mod rule_templates;
pub mod run;
pub mod sandbox;
pub mod scaffold;
mod script_types;
mod suggest;
pub mod testing;

pub use finding::{Evidence, Finding, RuleError, Severity};
pub use loader::{LoadError, Rule, RuleOrigin, RuleSelection, RuleSet};
pub use rates::{NoRates, RateQuote, RateRange, RateSource};
pub use run::{ArticleOutcome, CompiledSuite, RunSettings, suite_hash};
pub use script_types::{ArticleData, Interval, format_number, readable_number};
