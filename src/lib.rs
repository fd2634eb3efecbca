//! claimlint: a numeric-claim checker for newsrooms.
//!
//! The pipeline runs **extract → store → check → report**, with **diff** beside check:
//! [`extract`] turns article text into typed [`model::Claim`]s and the [`model::Relation`]s the
//! text makes between them (a conversion in brackets, a growth rate attached to an amount);
//! [`document`] decodes raw input and reads its date header; [`store`] keeps every article,
//! every draft and every claim in an embedded SQLite database; [`reference`] holds the
//! exchange rates conversions are checked against (the ECB history ships in the binary);
//! [`ingest`] ties these together for `add`, one input at a time; [`jsonl`] is the
//! `extract --jsonl` line protocol; [`diff`] compares two drafts of an article (claims, stale derived figures, findings delta);
//! [`report`] renders what the commands print. The binary in
//! `main.rs` and the files in `cli/` are thin layers over these modules: no SQL, no parsing
//! and no formatting logic live there.

pub mod check;
pub mod config;
pub mod diff;
pub mod document;
pub mod engine;
pub mod error;
pub mod extract;
pub mod ingest;
pub mod jsonl;
pub mod model;
pub mod project;
pub mod reference;
pub mod report;
pub mod store;

pub use error::{Error, Result};

/// The allocator of every program built on this library: the `claimlint` binary, the
/// benchmarks (so they measure what ships) and the tests. Extraction makes a few small
/// strings per claim and frees them in bulk; glibc's allocator spent ~14% of extraction's time
/// on that (perf on `cargo bench --bench extract`), mimalloc's per-thread free lists far less.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
