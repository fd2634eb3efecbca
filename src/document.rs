//! Raw article input → text and header (being written).

use thiserror::Error;

/// Why an input could not be used.
#[derive(Debug, Error)]
pub enum InputError {
    #[error("{0}")]
    Other(String),
}
