//! Rule evaluation throughput: articles per second through `CompiledSuite::evaluate_all`.
//!
//! Synthetic articles (20 claims, 4 conversion relations each) are checked by the bundled rules
//! plus three representative rules written here (a conversion check with interval arithmetic and
//! `fx_range`, a percent scan with `config`, a sentence finder), so the figure means something
//! even before the bundled suite is complete. Target: ≥ 1,000 articles/s on one core.
//! Run: `cargo bench --bench check`.

use std::sync::Arc;

use claimlint::engine::{
    ArticleData, CompiledSuite, NoRates, RuleOrigin, RuleSelection, RuleSet, RunSettings,
    loader::parse_rule,
};
use claimlint::model::{
    ArticleDate, Claim, ClaimKind, Lang, Precision, Qualifier, Relation, RelationKind,
};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const BENCH_RULES: &[(&str, &str)] = &[
    (
        "bench-conversion",
        r#"for relation in article.relations_of_kind("conversion") {
    let claims = relation.claims;
    let implied = claims[0].interval / claims[1].interval;
    if implied == () { continue; }
    let reference = fx_range(claims[0].unit, claims[1].unit, article.date);
    if reference != () && !overlaps(implied, reference.interval.widen(0.005)) {
        report(#{ message: "rate", claims: claims, evidence: #{ reported: implied, expected: reference } });
    }
    if implied.mid > 1000.0 { report(#{ message: "odd rate", claims: claims }); }
}"#,
    ),
    (
        "bench-percent",
        r#"let limit = config("limit", 100.0);
for c in article.claims_of_kind("percent") {
    if c.high > limit { report(#{ message: `${c.text} over ${limit}`, claims: c }); }
}"#,
    ),
    (
        "bench-sentences",
        r#"let n = 0;
for i in 0..article.sentences.len() {
    let in_sentence = article.claims_in_sentence(i);
    if in_sentence.len() > 6 { n += 1; }
}
if n > 100 { report(#{ message: "crowded" }); }"#,
    ),
];

fn synthetic_article(index: usize) -> ArticleData {
    let mut text = String::from("date 2024-01\n");
    let mut claims = Vec::new();
    let mut relations = Vec::new();
    let mut sentences = Vec::new();
    for sentence in 0..10 {
        let start = text.len();
        let yuan = 13.6 + (index % 7) as f64;
        let line = format!(
            "Il gruppo ha incassato {yuan:.1} miliardi di yuan (1,91 miliardi di dollari), +12%.\n"
        );
        for (n, (kind, value, unit)) in [
            (ClaimKind::Money, yuan * 1e9, "CNY"),
            (ClaimKind::Money, 1.91e9, "USD"),
        ]
        .into_iter()
        .enumerate()
        {
            let id = format!("c{}", claims.len() + 1);
            claims.push(Claim {
                id,
                kind,
                text: "13,6 miliardi di yuan".into(),
                start: start + 23 + n * 24,
                end: start + 44 + n * 24,
                line: sentence as u32 + 2,
                column: 24,
                sentence: sentence as u32,
                value,
                value_text: value.to_string(),
                unit: Some(unit.into()),
                scale: Some("miliardi".into()),
                precision: Precision {
                    low: value * 0.996,
                    high: value * 1.004,
                },
                qualifier: Qualifier::None,
                ambiguity: Vec::new(),
                date: None,
            });
        }
        if sentence % 3 == 0 {
            let n = claims.len();
            relations.push(Relation {
                kind: RelationKind::Conversion,
                claims: vec![claims[n - 2].id.clone(), claims[n - 1].id.clone()],
                marker: Some("(".into()),
                direction: None,
                period: None,
            });
        }
        text.push_str(&line);
        sentences.push(line.trim_end().to_owned());
    }
    ArticleData {
        id: format!("a{index}"),
        lang: Lang::It,
        draft: 1,
        title: None,
        date: ArticleDate::parse("2024-01"),
        text,
        claims,
        relations,
        sentences,
        body_start: 13,
    }
}

fn suite(jobs: usize) -> CompiledSuite {
    let mut rules = RuleSet::load(&RuleSelection::default())
        .expect("bundled rules")
        .rules;
    for (id, body) in BENCH_RULES {
        let source = format!(
            "//! id: {id}\n//! severity: error\n//! summary: bench\n//! link: https://x.invalid\n{body}\n"
        );
        rules.push(
            parse_rule(
                &source,
                RuleOrigin::File(format!("{id}.rhai").into()),
                &format!("{id}.rhai"),
            )
            .unwrap(),
        );
    }
    let settings = RunSettings {
        jobs,
        ..RunSettings::default()
    };
    CompiledSuite::compile(&RuleSet { rules }, &settings, Arc::new(NoRates))
}

fn bench_check(c: &mut Criterion) {
    let articles: Vec<Arc<ArticleData>> =
        (0..5_000).map(|i| Arc::new(synthetic_article(i))).collect();
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.throughput(Throughput::Elements(articles.len() as u64));
    for jobs in [1, 2] {
        let suite = suite(jobs);
        assert!(
            suite.compile_errors.is_empty(),
            "{:?}",
            suite.compile_errors
        );
        group.bench_function(format!("5000-articles-{jobs}-threads"), |b| {
            b.iter(|| suite.evaluate_all(&articles))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_check);
criterion_main!(benches);
