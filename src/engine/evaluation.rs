//! The state of the rule being evaluated on this thread: which rule, its config, the article,
//! the findings reported so far, what it printed, and its deadline. The engine
//! (`engine/sandbox.rs`) and the API functions (`engine/api*.rs`, `engine/report_fn.rs`) read it
//! here, so neither depends on the other for it.

use std::cell::{Cell, RefCell};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rhai::Map;

use super::finding::{Finding, Severity};
use super::script_types::ArticleData;

/// The state of one rule evaluated on one article.
pub struct Evaluation {
    pub rule_id: String,
    pub default_severity: Severity,
    /// `[rules.<id>]` of claimlint.toml, for `config(key, default)`.
    pub config: Arc<Map>,
    pub article: Arc<ArticleData>,
    pub findings: Vec<Finding>,
    /// What the rule printed (`print`, `debug`).
    pub log: Vec<String>,
}

thread_local! {
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
    static CURRENT: RefCell<Option<Evaluation>> = const { RefCell::new(None) };
}

/// Runs `evaluate` with `evaluation` as the current one and a deadline `timeout` from now;
/// returns its result and the evaluation (with the findings reported meanwhile).
pub fn with_evaluation<T>(
    evaluation: Evaluation,
    timeout: Duration,
    evaluate: impl FnOnce() -> T,
) -> (T, Evaluation) {
    CURRENT.with(|current| *current.borrow_mut() = Some(evaluation));
    DEADLINE.with(|deadline| deadline.set(Some(Instant::now() + timeout)));
    let result = evaluate();
    DEADLINE.with(|deadline| deadline.set(None));
    let evaluation = CURRENT
        .with(|current| current.borrow_mut().take())
        .expect("the evaluation is installed until here");
    (result, evaluation)
}

/// Gives `action` the current evaluation; `None` outside [`with_evaluation`] (e.g. a helper
/// called while listing the API).
pub fn current_evaluation<T>(action: impl FnOnce(&mut Evaluation) -> T) -> Option<T> {
    CURRENT.with(|current| current.borrow_mut().as_mut().map(action))
}

/// The deadline of the current evaluation, if one is running on this thread.
pub fn deadline() -> Option<Instant> {
    DEADLINE.with(Cell::get)
}
