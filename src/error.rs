//! Typed errors of the library. Each module that can fail owns its error type (`document`
//! owns [`InputError`](crate::document::InputError), `store` owns
//! [`StoreError`](crate::store::StoreError), `reference` owns
//! [`RateError`](crate::reference::RateError)); [`Error`] gathers them so callers can use `?`
//! across layers. User errors (bad input, a refused database) carry everything needed to
//! name the file, position and fix; `anyhow` is used only in `main.rs` and `cli/`.

use thiserror::Error;

/// Any error the library can return.
#[derive(Debug, Error)]
pub enum Error {
    /// The input text could not be used (not UTF-8, NUL bytes, empty, bad header …).
    #[error(transparent)]
    Input(#[from] crate::document::InputError),
    /// The database refused or failed an operation.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// A rate file could not be read (unknown layout, not UTF-8 …) or a source name was refused.
    #[error(transparent)]
    Rate(#[from] crate::reference::RateError),
    /// Rules could not be loaded (bad header, duplicate id, unknown id in a selection).
    #[error(transparent)]
    Rules(#[from] crate::engine::LoadError),
    /// An argument named nothing to read, or an input was refused as it stands (another
    /// article's title under its id).
    #[error(transparent)]
    Ingest(#[from] crate::ingest::IngestError),
    /// claimlint.toml could not be used.
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
