//! The fixture runner.
