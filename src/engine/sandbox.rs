//! The only place a `rhai::Engine` is built: everything a rule may do is decided here.
//!
//! Rules are untrusted. The engine starts from `Engine::new_raw()` (no packages, no module
//! resolver) and gets back only the standard language packages (arithmetic, strings, arrays,
//! maps, logic, math) plus the claimlint API from [`super::api`]. There is no file, network,
//! process or environment access in those packages; `import` is refused (no module resolver
//! and `max_modules = 0`), `eval` is disabled, `print`/`debug` go to the evaluation's log.
//! Every size and depth limit is set; the one guard that always works, though, is the
//! wall-clock deadline checked in `on_progress` (sizes can be sidestepped, time cannot).
//!
//! Per-evaluation state (deadline, rule id and config, the findings being reported) lives in a
//! thread-local [`Evaluation`] (`engine/evaluation.rs`), installed by [`with_evaluation`] around
//! one `run_ast` call, so a single engine and each compiled AST are shared by all worker threads.

use std::sync::Arc;
use std::time::{Duration, Instant};

use rhai::packages::{Package, StandardPackage};
use rhai::{Dynamic, Engine, OptimizationLevel};

pub use super::evaluation::{Evaluation, current_evaluation, with_evaluation};
use super::rates::RateSource;

/// Backstop on the number of operations per evaluation (the deadline usually trips first on a
/// fast machine; on a slow one this keeps a runaway rule bounded).
pub const MAX_OPERATIONS: u64 = 50_000_000;
pub const MAX_CALL_LEVELS: usize = 64;
pub const MAX_EXPR_DEPTH: usize = 64;
pub const MAX_FUNCTION_EXPR_DEPTH: usize = 32;
pub const MAX_STRING_SIZE: usize = 1 << 20;
pub const MAX_ARRAY_SIZE: usize = 100_000;
pub const MAX_MAP_SIZE: usize = 10_000;
/// Stack for threads that evaluate rules: deep (bounded) recursion must error, not abort.
pub const RULE_THREAD_STACK: usize = 64 << 20;
/// The default wall-clock limit per rule per article.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1);
/// How often (in operations) the deadline is checked; reading the clock costs ~20 ns.
const DEADLINE_CHECK_EVERY: u64 = 1024;
/// Most `print` lines kept per evaluation.
const MAX_LOG_LINES: usize = 100;

/// What the token returned by `on_progress` says when the deadline passed.
pub const DEADLINE_TOKEN: &str = "claimlint:deadline";

/// Builds the sandboxed engine with the claimlint API, asking `rates` for exchange rates.
pub fn build_engine(rates: Arc<dyn RateSource>) -> Engine {
    let mut engine = Engine::new_raw();
    engine.register_global_module(StandardPackage::new().as_shared_module());
    engine
        .set_max_operations(MAX_OPERATIONS)
        .set_max_call_levels(MAX_CALL_LEVELS)
        .set_max_expr_depths(MAX_EXPR_DEPTH, MAX_FUNCTION_EXPR_DEPTH)
        .set_max_string_size(MAX_STRING_SIZE)
        .set_max_array_size(MAX_ARRAY_SIZE)
        .set_max_map_size(MAX_MAP_SIZE)
        .set_max_modules(0)
        .set_strict_variables(true)
        .set_fail_on_invalid_map_property(true)
        .set_optimization_level(OptimizationLevel::Simple);
    engine.disable_symbol("eval");
    engine.on_print(|text| log_line(text.to_owned()));
    engine.on_debug(|text, source, position| {
        log_line(format!("{}{position:?}: {text}", source.unwrap_or("")))
    });
    engine.on_progress(|operations| {
        if operations % DEADLINE_CHECK_EVERY != 0 {
            return None;
        }
        let passed = super::evaluation::deadline().is_some_and(|d| Instant::now() >= d);
        passed.then(|| Dynamic::from(DEADLINE_TOKEN))
    });
    super::api::register(&mut engine, rates);
    engine
}

fn log_line(text: String) {
    current_evaluation(|evaluation| {
        if evaluation.log.len() < MAX_LOG_LINES {
            evaluation.log.push(text);
        }
    });
}
