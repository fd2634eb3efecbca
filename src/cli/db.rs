//! `claimlint db stats|check|backup|copy`: look after the database. Thin over
//! `store/maintenance.rs` and `store/copy/` (either engine); `check` exits 1 when it finds problems, 2 when the
//! file cannot be opened at all; `copy` works between any two databases, whatever `--db` is.

use std::io::Write;
use std::path::{Path, PathBuf};

use claimlint::report;
use claimlint::store::{Store, backup_database, check_database, copy_archive, parse_location};

use super::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: DbCommand,
}

#[derive(Debug, clap::Subcommand)]
enum DbCommand {
    /// Sizes per table, row counts, stored text and file size.
    Stats {
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Check the database (SQLite's integrity and foreign-key checks; on PostgreSQL the schema,
    /// foreign keys and counts): `ok` (exit 0) or the problems (exit 1).
    Check {
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Copy the database, while it may be in use, to a complete database file at PATH (on
    /// PostgreSQL a `pg_dump` custom-format archive, restored with `pg_restore`).
    Backup {
        /// Where the copy goes; refused if it exists, unless --force.
        #[arg(value_name = "PATH")]
        path: PathBuf,
        /// Replace PATH if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Copy a whole archive into a new or empty database, SQLite or PostgreSQL either way,
    /// verified by row counts and a checksum per table before it is committed.
    Copy {
        /// The archive to copy: sqlite:PATH, a path, or postgres://USER@HOST/DATABASE.
        #[arg(long, value_name = "DB")]
        from: String,
        /// Where it goes (must hold no rows; an SQLite file is created if missing).
        #[arg(long, value_name = "DB")]
        to: String,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<Status> {
    if let DbCommand::Copy { from, to, format } = &args.command {
        return copy(from, to, *format);
    }
    let mut out = std::io::stdout().lock();
    let status = match args.command {
        DbCommand::Stats { format } => {
            let stats = Store::open_existing(db)?.stats()?;
            match format {
                Format::Human => report::write_db_stats_human(&mut out, &stats)?,
                Format::Json => report::write_json_pretty(&mut out, &stats)?,
            }
            Status::Ok
        }
        DbCommand::Check { format } => {
            let check = check_database(db)?;
            match format {
                Format::Human => report::write_db_check_human(&mut out, &check)?,
                Format::Json => report::write_json_pretty(&mut out, &check)?,
            }
            if check.is_ok() {
                Status::Ok
            } else {
                Status::Problems
            }
        }
        DbCommand::Backup { path, force } => {
            let backup = backup_database(db, &path, force)?;
            writeln!(
                out,
                "backed up {} to {} ({} bytes)",
                db.display(),
                backup.path,
                backup.bytes
            )?;
            Status::Ok
        }
        DbCommand::Copy { .. } => unreachable!("handled above"),
    };
    out.flush()?;
    Ok(status)
}

fn copy(from: &str, to: &str, format: Format) -> anyhow::Result<Status> {
    let copied = copy_archive(&parse_location(from), &parse_location(to))?;
    let mut out = std::io::stdout().lock();
    match format {
        Format::Human => report::write_db_copy_human(&mut out, &copied)?,
        Format::Json => report::write_json_pretty(&mut out, &copied)?,
    }
    out.flush()?;
    Ok(Status::Ok)
}
