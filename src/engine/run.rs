//! Compiling a rule suite once and evaluating it over articles, in parallel.
//!
//! [`CompiledSuite::compile`] builds the sandboxed engine and compiles every rule to an AST
//! once; a rule that does not compile becomes a [`RuleError`] and the rest go on.
//! [`CompiledSuite::evaluate`] runs every compiled rule on one article with `run_ast_with_scope`
//! (the `article` variable is the only thing in scope), each rule under its own wall-clock
//! deadline; [`CompiledSuite::evaluate_all`] spreads articles over worker threads with large
//! stacks, so a deeply recursing rule errors instead of aborting the process.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use rhai::{AST, Dynamic, Engine, EvalAltResult, Map, Position, Scope};
use sha2::{Digest, Sha256};

use super::finding::{Finding, RuleError};
use super::loader::{Rule, RuleSet};
use super::rates::RateSource;
use super::sandbox::{self, DEADLINE_TOKEN, Evaluation};
use super::script_types::{ArticleData, ArticleObject, ScriptArticle};
use super::suggest::ApiNames;

/// What a run needs besides the rules.
#[derive(Debug, Clone)]
pub struct RunSettings {
    /// Wall-clock limit per rule per article.
    pub timeout: Duration,
    /// `[rules.<id>]` tables of claimlint.toml, for `config(key, default)`.
    pub rule_config: BTreeMap<String, toml::Table>,
    /// Worker threads for [`CompiledSuite::evaluate_all`]; 0 = one per core.
    pub jobs: usize,
}

impl Default for RunSettings {
    fn default() -> Self {
        RunSettings {
            timeout: sandbox::DEFAULT_TIMEOUT,
            rule_config: BTreeMap::new(),
            jobs: 0,
        }
    }
}

struct CompiledRule {
    rule: Rule,
    ast: AST,
    config: Arc<Map>,
}

/// Every selected rule, compiled once, ready to run on any number of articles.
pub struct CompiledSuite {
    engine: Engine,
    rules: Vec<CompiledRule>,
    /// Rules that did not compile (reported once per run, not per article).
    pub compile_errors: Vec<RuleError>,
    /// Hash of the rule ids, severities, sources and configuration: two runs with the same
    /// hash ran the same checks.
    pub suite_hash: String,
    timeout: Duration,
    jobs: usize,
    /// The names "did you mean" picks from, gathered at the first unknown name.
    api_names: OnceLock<ApiNames>,
}

/// What the rules said about one article.
#[derive(Debug, Clone, Default)]
pub struct ArticleOutcome {
    pub findings: Vec<Finding>,
    pub rule_errors: Vec<RuleError>,
    /// `print`/`debug` output of the rules, prefixed with the rule id.
    pub log: Vec<String>,
}

impl CompiledSuite {
    pub fn compile(rules: &RuleSet, settings: &RunSettings, rates: Arc<dyn RateSource>) -> Self {
        let engine = sandbox::build_engine(rates);
        let mut scope = Scope::new();
        scope.push("article", ());
        let mut compiled = Vec::new();
        let mut compile_errors = Vec::new();
        for rule in &rules.rules {
            match engine.compile_with_scope(&scope, &rule.source) {
                Ok(ast) => {
                    let config = settings
                        .rule_config
                        .get(&rule.id)
                        .map(toml_table_to_map)
                        .unwrap_or_default();
                    compiled.push(CompiledRule {
                        rule: rule.clone(),
                        ast,
                        config: Arc::new(config),
                    });
                }
                Err(err) => compile_errors.push(rule_error(
                    rule,
                    err.1,
                    format!("does not compile: {}", err.0),
                    None,
                )),
            }
        }
        CompiledSuite {
            engine,
            rules: compiled,
            compile_errors,
            suite_hash: suite_hash(rules, settings),
            timeout: settings.timeout,
            jobs: settings.jobs,
            api_names: OnceLock::new(),
        }
    }

    /// Number of rules that compiled.
    pub fn rule_count(&self) -> usize {
        self.rules.len()
    }

    /// Runs every compiled rule on one article. Call on a thread with a large stack
    /// ([`sandbox::RULE_THREAD_STACK`]); [`Self::evaluate_all`] does.
    pub fn evaluate(&self, article: &Arc<ArticleData>) -> ArticleOutcome {
        let mut outcome = ArticleOutcome::default();
        // Built once and shared by every rule: the strings and lookups scripts read.
        let prepared = Arc::new(ScriptArticle::new(article.clone()));
        for compiled in &self.rules {
            self.evaluate_rule(compiled, &prepared, &mut outcome);
        }
        outcome
            .findings
            .sort_by(|a, b| (a.start, &a.rule, a.end).cmp(&(b.start, &b.rule, b.end)));
        outcome
    }

    /// Runs one rule (by id) on one article: what the fixture runner needs.
    pub fn evaluate_one(&self, rule_id: &str, article: &Arc<ArticleData>) -> ArticleOutcome {
        let mut outcome = ArticleOutcome::default();
        if let Some(compiled) = self.rules.iter().find(|c| c.rule.id == rule_id) {
            let prepared = Arc::new(ScriptArticle::new(article.clone()));
            self.evaluate_rule(compiled, &prepared, &mut outcome);
        }
        outcome
    }

    fn evaluate_rule(
        &self,
        compiled: &CompiledRule,
        prepared: &Arc<ScriptArticle>,
        outcome: &mut ArticleOutcome,
    ) {
        let article = &prepared.data;
        let mut scope = Scope::new();
        scope.push_constant("article", ArticleObject(prepared.clone()));
        let evaluation = Evaluation {
            rule_id: compiled.rule.id.clone(),
            default_severity: compiled.rule.severity,
            config: compiled.config.clone(),
            article: article.clone(),
            findings: Vec::new(),
            log: Vec::new(),
        };
        let (result, evaluation) = sandbox::with_evaluation(evaluation, self.timeout, || {
            self.engine.run_ast_with_scope(&mut scope, &compiled.ast)
        });
        outcome.log.extend(
            evaluation
                .log
                .into_iter()
                .map(|line| format!("[{}] {line}", compiled.rule.id)),
        );
        match result {
            // A rule that fails half-way keeps nothing it reported: its findings may be partial.
            Ok(()) => outcome.findings.extend(evaluation.findings),
            Err(err) => outcome
                .rule_errors
                .push(self.runtime_error(compiled, &err, &article.id)),
        }
    }

    fn runtime_error(
        &self,
        compiled: &CompiledRule,
        err: &EvalAltResult,
        article: &str,
    ) -> RuleError {
        let inner = err.unwrap_inner();
        let position = if inner.position().is_none() {
            err.position()
        } else {
            inner.position()
        };
        let message = match inner {
            EvalAltResult::ErrorTerminated(token, _)
                if token
                    .clone()
                    .into_immutable_string()
                    .is_ok_and(|t| t == DEADLINE_TOKEN) =>
            {
                format!(
                    "ran longer than the {} ms limit on this article (an endless loop?); raise `timeout_ms` in claimlint.toml if the rule is just slow",
                    self.timeout.as_millis()
                )
            }
            EvalAltResult::ErrorTooManyOperations(_) => format!(
                "ran more than {} operations on this article (an endless loop?)",
                sandbox::MAX_OPERATIONS
            ),
            EvalAltResult::ErrorStackOverflow(_) => format!(
                "called functions more than {} levels deep (endless recursion?)",
                sandbox::MAX_CALL_LEVELS
            ),
            EvalAltResult::ErrorDataTooLarge(what, _) => format!(
                "built a value over the sandbox limit: {what} too large (strings ≤ {} bytes, arrays ≤ {} items, maps ≤ {} entries)",
                sandbox::MAX_STRING_SIZE,
                sandbox::MAX_ARRAY_SIZE,
                sandbox::MAX_MAP_SIZE
            ),
            other => {
                let text = other.to_string();
                let mut text = match text.rfind(" (line ") {
                    Some(at) => text[..at].to_owned(),
                    None => text,
                };
                let names = self.api_names.get_or_init(|| ApiNames::of(&self.engine));
                text.extend(names.suggestion(other));
                text
            }
        };
        rule_error(&compiled.rule, position, message, Some(article.to_owned()))
    }

    /// Evaluates every article, spreading them over worker threads with large stacks.
    /// Outcomes come back in the order of `articles`.
    pub fn evaluate_all(&self, articles: &[Arc<ArticleData>]) -> Vec<ArticleOutcome> {
        let jobs = match self.jobs {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            jobs => jobs,
        }
        .clamp(1, articles.len().max(1));
        let next = AtomicUsize::new(0);
        let mut outcomes: Vec<Option<ArticleOutcome>> = vec![None; articles.len()];
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..jobs)
                .map(|_| {
                    std::thread::Builder::new()
                        .name("claimlint-rules".into())
                        .stack_size(sandbox::RULE_THREAD_STACK)
                        .spawn_scoped(scope, || {
                            let mut done = Vec::new();
                            loop {
                                let index = next.fetch_add(1, Ordering::Relaxed);
                                let Some(article) = articles.get(index) else {
                                    break done;
                                };
                                done.push((index, self.evaluate(article)));
                            }
                        })
                        .expect("spawn a rule worker thread")
                })
                .collect();
            for worker in workers {
                for (index, outcome) in worker.join().expect("rule worker panicked") {
                    outcomes[index] = Some(outcome);
                }
            }
        });
        outcomes
            .into_iter()
            .map(|outcome| outcome.expect("every article was evaluated"))
            .collect()
    }
}

fn rule_error(
    rule: &Rule,
    position: Position,
    message: String,
    article: Option<String>,
) -> RuleError {
    let line = position.line();
    let column = position.position();
    let source_line = line
        .and_then(|line| rule.source.lines().nth(line - 1))
        .map(str::to_owned);
    RuleError {
        rule: rule.id.clone(),
        file: rule.origin.file_name(),
        line: line.map(|l| l as u32),
        column: column.map(|c| c as u32),
        source_line,
        message,
        article,
    }
}

/// The hash a suite of `rules` under `settings` will have ([`CompiledSuite::suite_hash`]),
/// without compiling it: enough to look up stored runs.
pub fn suite_hash(rules: &RuleSet, settings: &RunSettings) -> String {
    let mut hasher = Sha256::new();
    for rule in &rules.rules {
        hasher.update(rule.id.as_bytes());
        hasher.update([0]);
        hasher.update(rule.severity.as_str().as_bytes());
        hasher.update([0]);
        hasher.update(rule.source.as_bytes());
        hasher.update([0]);
        if let Some(config) = settings.rule_config.get(&rule.id) {
            hasher.update(config.to_string().as_bytes());
        }
        hasher.update([0xff]);
    }
    let digest = hasher.finalize();
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

fn toml_table_to_map(table: &toml::Table) -> Map {
    table
        .iter()
        .map(|(key, value)| (key.as_str().into(), toml_to_dynamic(value)))
        .collect()
}

fn toml_to_dynamic(value: &toml::Value) -> Dynamic {
    match value {
        toml::Value::String(s) => s.clone().into(),
        toml::Value::Integer(i) => (*i).into(),
        toml::Value::Float(f) => (*f).into(),
        toml::Value::Boolean(b) => (*b).into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(items) => items.iter().map(toml_to_dynamic).collect::<Vec<_>>().into(),
        toml::Value::Table(table) => toml_table_to_map(table).into(),
    }
}
