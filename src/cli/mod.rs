//! Command-line layer: the clap definitions and one small file per subcommand. Each file owns
//! an `Args` struct and a `run` function that calls into the library and a renderer; none of
//! them holds SQL, Rhai or formatting logic of its own.

use std::path::{Path, PathBuf};

use anyhow::Context;
use claimlint::config::Config;
use claimlint::document::Format;
use claimlint::ingest::MaxInputSize;
use claimlint::store::StoreError;
use clap::{Parser, Subcommand};

pub mod add;
pub mod articles;
pub mod check;
pub mod claims;
mod color;
pub mod db;
pub mod diff;
pub mod drafts;
pub mod extract;
pub mod rates;
pub mod rules;
mod rules_args;
mod shell;

/// Numeric-claim fact-checking for newsrooms.
#[derive(Debug, Parser)]
#[command(name = "claimlint", version, about, long_about = None)]
pub struct Cli {
    /// SQLite database to use (created on first use; `:memory:` for none), or a PostgreSQL
    /// server as postgres://USER@HOST:PORT/DATABASE (or postgresql://…). Default: the
    /// `database_url` of claimlint.toml, else claimlint.db at the project root (the nearest folder up from here holding
    /// claimlint.toml or .git), else in the working directory.
    #[arg(long, global = true, env = "CLAIMLINT_DB", value_name = "PATH|URL")]
    pub db: Option<PathBuf>,

    /// claimlint.toml to use instead of the one found from each article's folder (or the
    /// working directory) up to the project root.
    #[arg(long, global = true, env = "CLAIMLINT_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Largest input file accepted by extract, add, check and diff (bytes, or with a unit:
    /// 512K, 128M, 1G); larger inputs are refused before they are read.
    #[arg(
        long,
        global = true,
        env = "CLAIMLINT_MAX_INPUT_SIZE",
        default_value = "64MiB",
        value_name = "SIZE"
    )]
    pub max_input_size: MaxInputSize,

    /// Read every input as this format: txt, md, html or docx. Default: by each file's
    /// extension (.md/.markdown, .html/.htm, .docx; anything else and stdin as plain text).
    #[arg(
        long,
        global = true,
        env = "CLAIMLINT_INPUT_FORMAT",
        value_name = "FORMAT",
        value_parser = parse_input_format
    )]
    pub input_format: Option<Format>,

    /// Cap the database file at this many pages (`db stats` shows the page size, 4096 bytes
    /// by default) for the commands that write, add and check: a write past the cap fails as
    /// "database or disk is full" and is rolled back. For quotas and for tests of a full disk.
    #[arg(
        long,
        global = true,
        env = "CLAIMLINT_MAX_DB_PAGES",
        value_name = "PAGES"
    )]
    pub max_db_pages: Option<u32>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the claims and relations found in a text, storing nothing.
    Extract(extract::Args),
    /// Store a new draft of one or more articles.
    Add(add::Args),
    /// List the stored articles.
    Articles(articles::Args),
    /// List the drafts of one article.
    Drafts(drafts::Args),
    /// List the claims of a draft (the latest by default).
    Claims(claims::Args),
    /// Exchange rates: import a source, show what rules see for a day, month or year.
    Rates(rates::Args),
    /// Run the rule suite over files (added as drafts first) or stored articles.
    Check(check::Args),
    /// List, explain, test and scaffold rules; print the rule API.
    Rules(rules::Args),
    /// Compare two drafts: claim changes, stale derived figures, findings introduced/resolved.
    Diff(diff::Args),
    /// Look after the database file: stats, check, backup.
    Db(db::Args),
    /// Print a completion script for a shell (bash, zsh, fish, powershell, elvish).
    Completions(shell::CompletionArgs),
    /// Print the man page (or write one page per command with --dir).
    Man(shell::ManArgs),
}

/// How a command ended, when it did not fail outright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything worked.
    Ok,
    /// `check` reported findings at or above `--fail-on` (or a rule fixture mismatched).
    Findings,
    /// Some items of a batch failed (reported on stderr); the rest were processed.
    PartialFailure,
    /// `db check` found the database damaged or inconsistent.
    Problems,
}

impl Status {
    pub fn code(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::Findings | Status::Problems => 1,
            Status::PartialFailure => 2,
        }
    }
}

/// The database: `--db` (or `CLAIMLINT_DB`, which clap reads for it), else the configuration's
/// `database_url`, else `claimlint.db` at the project root. Commands that use no database do
/// not read the configuration for it.
pub fn run(mut cli: Cli) -> anyhow::Result<Status> {
    let uses_database = !matches!(
        cli.command,
        Command::Extract(_) | Command::Rules(_) | Command::Completions(_) | Command::Man(_)
    );
    let db = match cli.db.take() {
        Some(db) => db,
        None => {
            let cwd = std::env::current_dir().context("reading the working directory")?;
            match uses_database {
                true => configured_database(cli.config.as_deref(), &cwd)?,
                false => claimlint::project::default_db(&cwd),
            }
        }
    };
    run_command(cli, &db).map_err(|err| name_damaged_database(err, &db))
}

/// The `database_url` of `file` (the `--config` file), else of the project's claimlint.toml
/// found from `cwd`, else `claimlint.db` at the project root.
fn configured_database(file: Option<&Path>, cwd: &Path) -> anyhow::Result<PathBuf> {
    let file = file.map(Path::to_path_buf).or_else(|| Config::find(cwd));
    let configured = file.map(|file| Config::read(&file)).transpose()?;
    Ok(configured
        .and_then(|config| config.database)
        .unwrap_or_else(|| claimlint::project::default_db(cwd)))
}

/// A damaged or full database surfaces from any query; whatever layer it crossed, it is
/// reported as [`StoreError::Damaged`] or [`StoreError::Full`], naming the file and what to do.
fn name_damaged_database(err: anyhow::Error, db: &std::path::Path) -> anyhow::Error {
    if claimlint::store::full_in(err.as_ref()) {
        return StoreError::Full {
            path: db.to_owned(),
        }
        .into();
    }
    match claimlint::store::damage_in(err.as_ref()) {
        Some(detail) => StoreError::Damaged {
            path: db.to_owned(),
            detail,
        }
        .into(),
        None => err,
    }
}

/// How inputs are read: the size limit and the format (`--max-input-size`, `--input-format`).
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    pub max_input_size: MaxInputSize,
    pub format: Option<Format>,
}

fn parse_input_format(text: &str) -> Result<Format, String> {
    text.parse()
}

fn run_command(cli: Cli, db: &Path) -> anyhow::Result<Status> {
    let writes = matches!(cli.command, Command::Add(_) | Command::Check(_));
    if writes && cli.max_db_pages.is_some() && claimlint::store::pg::is_postgres_url(db) {
        return Err(StoreError::PagesCapOnPostgres.into());
    }
    let config = cli.config.as_deref();
    let reading = Reading {
        max_input_size: cli.max_input_size,
        format: cli.input_format,
    };
    match cli.command {
        Command::Extract(args) => extract::run(reading, args),
        Command::Add(args) => add::run(db, config, reading, cli.max_db_pages, args),
        Command::Articles(args) => articles::run(db, args),
        Command::Drafts(args) => drafts::run(db, args),
        Command::Claims(args) => claims::run(db, args),
        Command::Rates(args) => rates::run(db, args),
        Command::Check(args) => check::run(db, config, reading, cli.max_db_pages, args),
        Command::Rules(args) => rules::run(config, args),
        Command::Diff(args) => diff::run(db, config, reading, args),
        Command::Db(args) => db::run(db, args),
        Command::Completions(args) => shell::completions(args),
        Command::Man(args) => shell::man(args),
    }
}

/// Applies `--max-db-pages` (if given) to a store that is about to be written.
pub fn cap_store(store: &claimlint::store::Store, max_db_pages: Option<u32>) -> anyhow::Result<()> {
    if let Some(pages) = max_db_pages {
        store.limit_pages(pages)?;
    }
    Ok(())
}

/// Output format of the listing commands.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

/// `--lang` values: it, en, es or auto.
pub fn parse_lang(value: &str) -> Result<claimlint::model::LangChoice, String> {
    value.parse()
}

/// `--date` values: YYYY, YYYY-MM or YYYY-MM-DD (the day must exist).
pub fn parse_date(value: &str) -> Result<claimlint::model::ArticleDate, String> {
    claimlint::model::ArticleDate::parse(value)
        .ok_or_else(|| format!("`{value}` is not a date (expected YYYY-MM or YYYY-MM-DD)"))
}

pub fn parse_country(value: &str) -> Result<claimlint::model::Country, String> {
    claimlint::model::Country::parse(value).ok_or_else(|| {
        format!("`{value}` is not a country code (expected two letters, such as AU or MX)")
    })
}

/// True when the error is a closed stdout (`claimlint claims x | head`): not worth a message.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
