//! `claimlint rules list|explain|api|test|new`: the rule suite for the people who write and
//! run it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::bail;
use claimlint::engine::{
    CompiledSuite, NoRates, api, api_docs, rule_templates::RuleKind, sandbox, scaffold, testing,
};
use claimlint::report::{self, Table};
use serde::Serialize;

use super::rules_args::{RuleArgs, find_config, load_rules};
use super::{ListFormat, Status};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// List the rules that `check` would run.
    List {
        #[command(flatten)]
        rules: RuleArgs,
        #[arg(long, value_enum, default_value = "table")]
        format: ListFormat,
    },
    /// Print a rule's header and its explanation.
    Explain {
        id: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Print every type, property and function rules can use (from the engine itself).
    Api,
    /// Run each rule on its fixtures and report every mismatch.
    Test {
        /// A user suite (rules in DIR, fixtures in DIR/fixtures/<id>/) or one rule file
        /// (fixtures in fixtures/<id>/ beside it). Default: the bundled rules with fixtures in
        /// ./fixtures/rules/<id>/.
        #[arg(value_name = "DIR|FILE.rhai")]
        target: Option<PathBuf>,
        /// Where the fixtures are (overrides the default above).
        #[arg(long, value_name = "DIR")]
        fixtures: Option<PathBuf>,
    },
    /// Write a new rule from the template of its kind, with two fixtures (one fires, one
    /// stays quiet).
    New {
        id: String,
        /// What the rule checks: percent, money, change, total, ratio, average, anniversary,
        /// count-list, date or duration.
        #[arg(long, default_value = "percent", value_name = "KIND")]
        kind: RuleKind,
        /// Suite directory: the rule goes in DIR, its fixtures in DIR/fixtures/<id>/.
        #[arg(long, default_value = ".", value_name = "DIR")]
        dir: PathBuf,
    },
}

#[derive(Serialize)]
struct RuleRow<'a> {
    id: &'a str,
    severity: &'a str,
    summary: &'a str,
    link: &'a str,
    origin: String,
}

pub fn run(config_file: Option<&Path>, args: Args) -> anyhow::Result<Status> {
    let mut stdout = std::io::stdout().lock();
    match args.command {
        Command::List { rules, format } => {
            let (_, rules) = load_rules(&rules, config_file, &[])?;
            let rows: Vec<RuleRow> = rules
                .rules
                .iter()
                .map(|rule| RuleRow {
                    id: &rule.id,
                    severity: rule.severity.as_str(),
                    summary: &rule.summary,
                    link: &rule.link,
                    origin: rule.origin.to_string(),
                })
                .collect();
            match format {
                ListFormat::Json => report::write_json_pretty(&mut stdout, &rows)?,
                ListFormat::Table => {
                    let mut table = Table::new(["ID", "SEVERITY", "SUMMARY"]);
                    for row in &rows {
                        table.row([row.id, row.severity, row.summary]);
                    }
                    table.write(&mut stdout)?;
                }
            }
        }
        Command::Explain { id, rules } => {
            let (_, rules) = load_rules(&rules, config_file, &[])?;
            let Some(rule) = rules.get(&id) else {
                bail!("no rule `{id}`; `claimlint rules list` shows the ids");
            };
            use std::io::Write;
            writeln!(stdout, "{} ({})", rule.id, rule.severity)?;
            writeln!(stdout, "{}", rule.summary)?;
            if !rule.link.is_empty() {
                writeln!(stdout, "link: {}", rule.link)?;
            }
            writeln!(stdout, "file: {}", rule.origin)?;
            if !rule.prose.is_empty() {
                writeln!(stdout, "\n{}", rule.prose)?;
            }
        }
        Command::Api => {
            use std::io::Write;
            let engine = sandbox::build_engine(Arc::new(NoRates));
            writeln!(stdout, "Variable: article: Article\n\nTypes:")?;
            for (name, what) in api::TYPE_NAMES {
                writeln!(stdout, "  {name:<10} {what}")?;
            }
            writeln!(
                stdout,
                "\nProperties (`Type.name`) and functions; the Rhai standard library is also available:"
            )?;
            for signature in api::signatures(&engine) {
                let doc = api_docs::doc_of(&signature).unwrap_or("");
                writeln!(stdout, "  {signature:<40}  {doc}")?;
            }
        }
        Command::Test { target, fixtures } => {
            let config = find_config(config_file, &[])?;
            let (rules, default_fixtures) = testing::test_target(target.as_deref())?;
            let suite =
                CompiledSuite::compile(&rules, &config.run_settings(), testing::fixture_rates());
            let fixtures = fixtures.unwrap_or(default_fixtures);
            let outcome = testing::run_fixtures(&rules, &suite, &fixtures);
            use std::io::Write;
            for mismatch in &outcome.mismatches {
                writeln!(stdout, "{mismatch}")?;
            }
            writeln!(
                stdout,
                "{} rules, {} fixtures, {} mismatches",
                outcome.rules,
                outcome.fixtures,
                outcome.mismatches.len()
            )?;
            if !outcome.passed() {
                return Ok(Status::Findings);
            }
        }
        Command::New { id, kind, dir } => {
            use std::io::Write;
            for path in scaffold::new_rule(&id, kind, &dir)? {
                writeln!(stdout, "created {}", path.display())?;
            }
        }
    }
    Ok(Status::Ok)
}
