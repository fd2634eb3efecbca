//! `claimlint.toml`: the project's rule settings, found from an article's folder upward to
//! the project root (see [`crate::project`]), or named with `--config` / `CLAIMLINT_CONFIG`.
//!
//! ```toml
//! rule_dirs = ["newsroom-rules"]        # user suites, relative to this file
//! disabled = ["percent-for-points"]     # rules never run
//! timeout_ms = 1000                     # wall-clock limit per rule per article
//! baseline = "claimlint-baseline.json"  # check --baseline's default, relative to this file
//! database_url = "postgres://desk@db.newsroom/claimlint"  # or an SQLite path; below --db
//!
//! [severity]                            # severity overrides
//! ambiguous-scale-word = "info"
//!
//! [rules.conversion-rate-mismatch]      # per-rule settings, read by `config(key, default)`
//! slack = 0.005
//!
//! [[overrides]]                         # settings for some files only
//! files = ["opinion/**"]                # globs relative to this file's folder
//! disabled = ["ambiguous-scale-word"]
//! severity = { percent-for-points = "error" }
//! lang = "en"                           # when --lang is not given
//! date = "2024-01"                      # when the article has no date header and no --date
//! country = "AU"                        # when the article has no country header and no --country
//! ```
//! Unknown keys are an error naming the file (a typo must not silently turn a setting off).
//! One configuration serves a whole run (its rule suite is compiled once); what varies by
//! file is what `[[overrides]]` may set, applied to each file by its path.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use thiserror::Error;

use globset::{GlobSet, GlobSetBuilder};

use crate::engine::Severity;
use crate::model::{ArticleDate, Country, LangChoice};
use crate::store::IN_MEMORY;

/// The file name looked for from an article's folder up to its project root.
pub use crate::project::CONFIG_FILE;

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

impl ConfigError {
    /// The claimlint.toml the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            ConfigError::Read { path, .. } | ConfigError::Invalid { path, .. } => path,
        }
    }
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
    /// The baseline file `check` reads when `--baseline` is not given, resolved against the
    /// file's directory.
    pub baseline: Option<PathBuf>,
    /// `database_url`: a PostgreSQL URL, or an SQLite path resolved against the file's
    /// directory; used when neither `--db` nor `CLAIMLINT_DB` is given.
    pub database: Option<PathBuf>,
    /// `[[overrides]]`, in file order (a later one wins where two set the same key).
    pub overrides: Vec<Override>,
}

/// One `[[overrides]]` table: settings for the files its globs match.
#[derive(Debug, Clone)]
pub struct Override {
    /// The globs as written, relative to `base`.
    pub files: Vec<String>,
    /// The folder the globs are relative to (the config file's, resolved).
    pub base: PathBuf,
    matcher: GlobSet,
    pub disabled: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
    pub lang: Option<LangChoice>,
    pub date: Option<ArticleDate>,
    pub country: Option<Country>,
}

impl PartialEq for Override {
    /// The compiled matcher follows from `files` and `base`.
    fn eq(&self, other: &Override) -> bool {
        (
            &self.files,
            &self.base,
            &self.disabled,
            &self.severity,
            self.lang,
            self.date,
            self.country,
        ) == (
            &other.files,
            &other.base,
            &other.disabled,
            &other.severity,
            other.lang,
            other.date,
            other.country,
        )
    }
}

/// What the overrides matching one file set; `None` / empty where none did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileSettings {
    pub disabled: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
    pub lang: Option<LangChoice>,
    pub date: Option<ArticleDate>,
    pub country: Option<Country>,
}

impl FileSettings {
    /// True when no override matched (nothing to change for this file).
    pub fn is_empty(&self) -> bool {
        *self == FileSettings::default()
    }

    /// Drops the findings of the rules disabled for this file and gives the others the
    /// severity set for it, before they are stored and reported.
    pub fn apply(&self, findings: &mut Vec<crate::engine::Finding>) {
        if self.disabled.is_empty() && self.severity.is_empty() {
            return;
        }
        findings.retain(|finding| !self.disabled.contains(&finding.rule));
        for finding in findings {
            if let Some(&severity) = self.severity.get(&finding.rule) {
                finding.severity = severity;
            }
        }
    }
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
    baseline: Option<PathBuf>,
    database_url: Option<String>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    files: Vec<String>,
    #[serde(default)]
    disabled: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<String, Severity>,
    lang: Option<String>,
    date: Option<String>,
    country: Option<String>,
}

impl Config {
    /// The nearest `claimlint.toml` from `dir` upward to its project root, read; no file is
    /// the default configuration. (The root is the first folder holding `claimlint.toml` or
    /// `.git`, so the file found, if any, is the root's.)
    pub fn discover(dir: &Path) -> Result<Config, ConfigError> {
        match Config::find(dir) {
            Some(path) => Config::read(&path),
            None => Ok(Config::default()),
        }
    }

    /// Where [`Config::discover`] would read from `dir`, if anywhere.
    pub fn find(dir: &Path) -> Option<PathBuf> {
        let path = crate::project::find_root(dir)?.join(CONFIG_FILE);
        path.is_file().then_some(path)
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
        let glob_base = std::fs::canonicalize(crate::project::folder_of(path))
            .unwrap_or_else(|_| base.to_path_buf());
        let overrides = raw
            .overrides
            .into_iter()
            .enumerate()
            .map(|(index, raw)| {
                Override::new(raw, &glob_base).map_err(|message| {
                    invalid(format!("[[overrides]] number {}: {message}", index + 1))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Config {
            path: Some(path.to_owned()),
            rule_dirs: raw.rule_dirs.iter().map(|dir| base.join(dir)).collect(),
            disabled: raw.disabled,
            severity: raw.severity,
            timeout: raw.timeout_ms.map(Duration::from_millis),
            rules: raw.rules,
            baseline: raw.baseline.map(|file| base.join(file)),
            // A URL or `:memory:` is no path to resolve against the file's folder.
            database: raw.database_url.map(|db| {
                match crate::store::pg::is_postgres_url(Path::new(&db)) || db == IN_MEMORY {
                    true => PathBuf::from(db),
                    false => base.join(db),
                }
            }),
            overrides,
        })
    }

    /// What the `[[overrides]]` matching `file` set, later tables winning. The file is
    /// matched by its path relative to the config file's folder; a file outside that folder
    /// matches none.
    pub fn settings_for(&self, file: &Path) -> FileSettings {
        let mut settings = FileSettings::default();
        if self.overrides.is_empty() {
            return settings;
        }
        let Some(absolute) = resolved_file_path(file) else {
            return settings;
        };
        for entry in &self.overrides {
            let Ok(relative) = absolute.strip_prefix(&entry.base) else {
                continue;
            };
            if !entry.matcher.is_match(relative) {
                continue;
            }
            settings.disabled.extend(entry.disabled.iter().cloned());
            settings.severity.extend(entry.severity.clone());
            settings.lang = entry.lang.or(settings.lang);
            settings.date = entry.date.or(settings.date);
            settings.country = entry.country.or(settings.country);
        }
        settings
    }

    /// Rule ids named by `[[overrides]]` that `known` does not know: an error naming the file,
    /// as an unknown id in `disabled` or `[severity]` is.
    pub fn check_override_rule_ids(&self, known: impl Fn(&str) -> bool) -> Result<(), ConfigError> {
        for (index, entry) in self.overrides.iter().enumerate() {
            let named = entry.disabled.iter().chain(entry.severity.keys());
            if let Some(unknown) = named.into_iter().find(|id| !known(id)) {
                return Err(ConfigError::Invalid {
                    path: self.path.clone().unwrap_or_default(),
                    message: format!(
                        "[[overrides]] number {}: unknown rule id `{unknown}` (`claimlint rules` lists them)",
                        index + 1
                    ),
                });
            }
        }
        Ok(())
    }
}

impl Override {
    fn new(raw: RawOverride, base: &Path) -> Result<Override, String> {
        if raw.files.is_empty() {
            return Err(
                "`files` lists no glob; give at least one (for example files = [\"opinion/**\"])"
                    .into(),
            );
        }
        let mut builder = GlobSetBuilder::new();
        for pattern in &raw.files {
            // A glob without `/` names files at any depth, as in .gitignore (`*.md`).
            let anchored = pattern.trim_start_matches("./");
            let full = if anchored.contains('/') {
                anchored.trim_start_matches('/').to_owned()
            } else {
                format!("**/{anchored}")
            };
            let glob = globset::GlobBuilder::new(&full)
                .literal_separator(true)
                .build()
                .map_err(|err| format!("`files`: `{pattern}` is not a glob: {err}"))?;
            builder.add(glob);
        }
        let matcher = builder.build().map_err(|err| err.to_string())?;
        let lang = raw
            .lang
            .as_deref()
            .map(str::parse::<LangChoice>)
            .transpose()
            .map_err(|err| format!("`lang`: {err}"))?;
        let date = raw
            .date
            .as_deref()
            .map(|value| {
                ArticleDate::parse(value).ok_or_else(|| {
                    format!(
                        "`date`: `{value}` is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
                    )
                })
            })
            .transpose()?;
        let country = raw
            .country
            .as_deref()
            .map(|value| {
                Country::parse(value).ok_or_else(|| {
                    format!("`country`: `{value}` is not a two-letter country code (such as AU)")
                })
            })
            .transpose()?;
        Ok(Override {
            files: raw.files,
            base: base.to_path_buf(),
            matcher,
            disabled: raw.disabled,
            severity: raw.severity,
            lang,
            date,
            country,
        })
    }
}

/// `file` with its folder resolved (links followed), keeping the file's own name.
fn resolved_file_path(file: &Path) -> Option<PathBuf> {
    let folder = std::fs::canonicalize(crate::project::folder_of(file)).ok()?;
    Some(folder.join(file.file_name()?))
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
