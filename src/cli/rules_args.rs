//! The rule-selection flags shared by `check` and `rules`, and loading rules from them plus
//! the run's claimlint.toml (`--config`, or found from the articles' folders upward).

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use claimlint::config::{Config, RuleFlags};
use claimlint::engine::{RuleSelection, RuleSet};

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

/// Which claimlint.toml a run uses: `--config` / `CLAIMLINT_CONFIG` when given; else the one
/// found from each of `folders` (the folders of the files checked; the working directory when
/// there are none) up to its project root. Files whose projects have two different
/// claimlint.toml are an error: one run compiles one rule suite.
pub fn find_config(explicit: Option<&Path>, folders: &[PathBuf]) -> anyhow::Result<Config> {
    if let Some(path) = explicit {
        return Ok(Config::read(path)?);
    }
    let cwd;
    let folders = if folders.is_empty() {
        cwd = [std::env::current_dir().context("current directory")?];
        &cwd[..]
    } else {
        folders
    };
    let mut found: Option<(PathBuf, &Path)> = None;
    for folder in folders {
        let Some(path) = Config::find(folder) else {
            continue;
        };
        match &found {
            None => found = Some((path, folder)),
            Some((first, first_folder)) if *first != path => bail!(
                "the files come from two projects with different settings: {} (for {}) and {} (for {}); \
                 check each project in its own run, or choose one file with --config",
                first.display(),
                first_folder.display(),
                path.display(),
                folder.display()
            ),
            Some(_) => {}
        }
    }
    match found {
        Some((path, _)) => Ok(Config::read(&path)?),
        None => Ok(Config::default()),
    }
}

/// Reads claimlint.toml (see [`find_config`]) and loads the selected rules.
pub fn load_rules(
    args: &RuleArgs,
    explicit_config: Option<&Path>,
    folders: &[PathBuf],
) -> anyhow::Result<(Config, RuleSet)> {
    let config = find_config(explicit_config, folders)?;
    let flags = RuleFlags {
        rule_dirs: args.rule_dirs.clone(),
        no_default_rules: args.no_default_rules,
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let selection = config.rule_selection(&flags);
    let rules = RuleSet::load(&selection)?;
    if !config.overrides.is_empty() {
        // Overrides may name any rule there is, selected for this run or not.
        let every_rule = RuleSet::load(&RuleSelection {
            no_default_rules: selection.no_default_rules,
            rule_dirs: selection.rule_dirs.clone(),
            ..RuleSelection::default()
        })?;
        config.check_override_rule_ids(|id| every_rule.get(id).is_some())?;
    }
    Ok((config, rules))
}

/// Every rule id there is for this run (bundled unless `--no-default-rules`, and the user
/// suites), selected or not: a suppression directive naming another id is a typo.
pub fn every_rule_id(args: &RuleArgs, config: &Config) -> anyhow::Result<Vec<String>> {
    let selection = config.rule_selection(&RuleFlags {
        rule_dirs: args.rule_dirs.clone(),
        no_default_rules: args.no_default_rules,
        select: Vec::new(),
        ignore: Vec::new(),
    });
    let every_rule = RuleSet::load(&RuleSelection {
        no_default_rules: selection.no_default_rules,
        rule_dirs: selection.rule_dirs,
        ..RuleSelection::default()
    })?;
    Ok(every_rule.rules.into_iter().map(|rule| rule.id).collect())
}
