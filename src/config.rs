//! `claimlint.toml`: the project's rule settings, read from the working directory.
//!
//! ```toml
//! rule_dirs = ["newsroom-rules"]        # user suites, relative to this file
//! disabled = ["percent-for-points"]     # rules never run
//! timeout_ms = 1000                     # wall-clock limit per rule per article
//!
//! [severity]                            # severity overrides
//! ambiguous-scale-word = "info"
//!
//! [rules.conversion-rate-mismatch]      # per-rule settings, read by `config(key, default)`
//! slack = 0.005
//! ```
//! Unknown keys are an error naming the file (a typo must not silently turn a setting off).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use thiserror::Error;

use crate::engine::Severity;

/// The file name looked for in the working directory.
pub const CONFIG_FILE: &str = "claimlint.toml";

/// Why claimlint.toml could not be used.
#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("{}: cannot read: {cause}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        cause: std::io::Error,
    },
    #[error("{}: {message}", path.display())]
    Invalid { path: PathBuf, message: String },
}

/// The settings of claimlint.toml (all optional).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// Where the file was read from, if one was.
    pub path: Option<PathBuf>,
    /// User rule directories, resolved against the file's directory.
    pub rule_dirs: Vec<PathBuf>,
    pub disabled: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
    pub timeout: Option<Duration>,
    /// `[rules.<id>]` tables.
    pub rules: BTreeMap<String, toml::Table>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rule_dirs: Vec<PathBuf>,
    #[serde(default)]
    disabled: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<String, Severity>,
    timeout_ms: Option<u64>,
    #[serde(default)]
    rules: BTreeMap<String, toml::Table>,
}

impl Config {
    /// Reads `dir/claimlint.toml` if it exists; no file is the default configuration.
    pub fn discover(dir: &Path) -> Result<Config, ConfigError> {
        let path = dir.join(CONFIG_FILE);
        if !path.is_file() {
            return Ok(Config::default());
        }
        Config::read(&path)
    }

    pub fn read(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|cause| ConfigError::Read {
            path: path.to_owned(),
            cause,
        })?;
        Config::parse(&text, path)
    }

    /// Parses the text of a claimlint.toml found at `path`.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let invalid = |message: String| ConfigError::Invalid {
            path: path.to_owned(),
            message,
        };
        let raw: RawConfig = toml::from_str(text).map_err(|err| invalid(err.to_string()))?;
        if raw.timeout_ms == Some(0) {
            return Err(invalid("`timeout_ms` must be at least 1".into()));
        }
        let base = path.parent().unwrap_or(Path::new("."));
        Ok(Config {
            path: Some(path.to_owned()),
            rule_dirs: raw.rule_dirs.iter().map(|dir| base.join(dir)).collect(),
            disabled: raw.disabled,
            severity: raw.severity,
            timeout: raw.timeout_ms.map(Duration::from_millis),
            rules: raw.rules,
        })
    }
}

/// The rule flags shared by `check` and `rules`.
#[derive(Debug, Clone, Default)]
pub struct RuleFlags {
    pub rule_dirs: Vec<PathBuf>,
    pub no_default_rules: bool,
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

impl Config {
    /// The rules to load: config dirs then `--rules` dirs; flags and `disabled` combined.
    pub fn rule_selection(&self, flags: &RuleFlags) -> crate::engine::RuleSelection {
        crate::engine::RuleSelection {
            no_default_rules: flags.no_default_rules,
            rule_dirs: self
                .rule_dirs
                .iter()
                .chain(&flags.rule_dirs)
                .cloned()
                .collect(),
            select: flags.select.clone(),
            ignore: flags.ignore.clone(),
            disabled: self.disabled.clone(),
            severity_overrides: self.severity.clone(),
        }
    }

    /// Timeout and per-rule settings for the engine.
    pub fn run_settings(&self) -> crate::engine::RunSettings {
        crate::engine::RunSettings {
            timeout: self
                .timeout
                .unwrap_or(crate::engine::sandbox::DEFAULT_TIMEOUT),
            rule_config: self.rules.clone(),
            jobs: 0,
        }
    }
}
