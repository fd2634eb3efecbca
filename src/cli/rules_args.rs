//! The rule-selection flags shared by `check` and `rules`, and loading rules from them plus
//! claimlint.toml in the working directory.

use std::path::PathBuf;

use anyhow::Context;
use claimlint::config::{Config, RuleFlags};
use claimlint::engine::RuleSet;

#[derive(Debug, Clone, clap::Args)]
pub struct RuleArgs {
    /// A directory of user rules (`<id>.rhai` files); repeatable.
    #[arg(long = "rules", value_name = "DIR")]
    pub rule_dirs: Vec<PathBuf>,
    /// Run only user rules, not the bundled suite.
    #[arg(long)]
    pub no_default_rules: bool,
    /// Only these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "ID,..")]
    pub select: Vec<String>,
    /// Not these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "ID,..")]
    pub ignore: Vec<String>,
}

/// Reads claimlint.toml (if any) and loads the selected rules.
pub fn load_rules(args: &RuleArgs) -> anyhow::Result<(Config, RuleSet)> {
    let config = Config::discover(&std::env::current_dir().context("current directory")?)?;
    let flags = RuleFlags {
        rule_dirs: args.rule_dirs.clone(),
        no_default_rules: args.no_default_rules,
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let rules = RuleSet::load(&config.rule_selection(&flags))?;
    Ok((config, rules))
}
