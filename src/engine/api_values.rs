//! The values scripts compute with: intervals, exchange rates, numbers and dates.
//!
//! Split from `api.rs` (the article, its claims and relations) by idea; [`register`] is called
//! from `api::register`, so `claimlint rules api` lists these functions with the rest. Rates
//! are asked of a [`MemoRates`] around the run's source: rules ask the same question for many
//! articles (a month's range, a year's mean), and reference data does not change during a run.

use std::sync::Arc;

use chrono::NaiveDate;
use rhai::{Dynamic, Engine, FLOAT, INT};

use super::api_helpers::{ScriptResult, number, optional, unit};
use super::rates::{MemoRates, RateQuote, RateRange, RateSource};
use super::script_types::{Interval, date_bounds, months_between, years_between};

/// Registers intervals, rates, arithmetic and dates on `engine`.
pub(super) fn register(engine: &mut Engine, rates: Arc<dyn RateSource>) {
    register_interval(engine);
    register_rates(engine, rates);
    register_arithmetic(engine);
}

fn register_interval(engine: &mut Engine) {
    engine
        .register_fn(
            "interval",
            |low: Dynamic, high: Dynamic| -> ScriptResult<Interval> {
                Ok(Interval::new(number(&low, "low")?, number(&high, "high")?))
            },
        )
        .register_get("low", |i: &mut Interval| i.low)
        .register_get("high", |i: &mut Interval| i.high)
        .register_get("mid", |i: &mut Interval| i.mid())
        .register_get("width", |i: &mut Interval| i.width())
        .register_fn("overlaps", |a: Interval, b: Interval| a.overlaps(b))
        .register_fn(
            "contains",
            |i: Interval, x: Dynamic| -> ScriptResult<bool> { Ok(i.contains(number(&x, "x")?)) },
        )
        .register_fn("distance", |a: Interval, b: Interval| a.distance(b))
        .register_fn(
            "widen",
            |i: Interval, slack: Dynamic| -> ScriptResult<Interval> {
                Ok(i.widen(number(&slack, "relative_slack")?))
            },
        )
        .register_fn("*", |a: Interval, b: Interval| a.times(b))
        .register_fn("*", |a: Interval, x: FLOAT| a.times(Interval::new(x, x)))
        .register_fn("*", |a: Interval, x: INT| {
            a.times(Interval::new(x as f64, x as f64))
        })
        .register_fn("/", |a: Interval, b: Interval| {
            optional(a.divided_by(b).map(Dynamic::from))
        })
        .register_fn("/", |a: Interval, x: FLOAT| {
            optional(a.divided_by(Interval::new(x, x)).map(Dynamic::from))
        })
        .register_fn("/", |a: Interval, x: INT| {
            optional(
                a.divided_by(Interval::new(x as f64, x as f64))
                    .map(Dynamic::from),
            )
        })
        .register_fn("==", |a: Interval, b: Interval| a == b)
        .register_fn("to_string", |i: &mut Interval| i.to_string());
}

fn day(date: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

fn register_rates(engine: &mut Engine, rates: Arc<dyn RateSource>) {
    // Rules ask the same questions for many articles: remember the answers for this engine.
    let rates: Arc<dyn RateSource> = Arc::new(MemoRates::new(rates));
    let source = rates.clone();
    engine.register_fn("fx_rate", move |from: &str, to: &str, date: Dynamic| {
        let day = date.into_immutable_string().ok().and_then(|d| day(&d));
        optional(
            day.and_then(|day| source.rate(from, to, day))
                .map(Dynamic::from),
        )
    });
    let source = rates.clone();
    engine.register_fn("fx_range", move |from: &str, to: &str, period: Dynamic| {
        let bounds = period
            .into_immutable_string()
            .ok()
            .and_then(|p| date_bounds(&p));
        optional(
            bounds
                .and_then(|(start, end)| source.range(from, to, start, end))
                .map(Dynamic::from),
        )
    });
    let source = rates;
    engine.register_fn(
        "convert",
        move |amount: Dynamic, from: &str, to: &str, date: Dynamic| -> ScriptResult<Dynamic> {
            let amount = number(&amount, "amount")?;
            let day = date.into_immutable_string().ok().and_then(|d| day(&d));
            Ok(optional(
                day.and_then(|day| source.rate(from, to, day))
                    .map(|quote| amount * quote.rate),
            ))
        },
    );
    engine
        .register_get("rate", |q: &mut RateQuote| q.rate)
        .register_get("date", |q: &mut RateQuote| q.day.to_string())
        .register_get("source", |q: &mut RateQuote| q.source.clone())
        .register_get("description", |q: &mut RateQuote| q.description.clone())
        .register_fn("to_string", |q: &mut RateQuote| q.description.clone())
        .register_get("min", |r: &mut RateRange| r.min)
        .register_get("max", |r: &mut RateRange| r.max)
        .register_get("mean", |r: &mut RateRange| r.mean)
        .register_get("days", |r: &mut RateRange| r.days as INT)
        .register_get("source", |r: &mut RateRange| r.source.clone())
        .register_get("interval", |r: &mut RateRange| Interval::new(r.min, r.max))
        .register_get("description", |r: &mut RateRange| r.description.clone())
        .register_fn("to_string", |r: &mut RateRange| r.description.clone());
}

fn register_arithmetic(engine: &mut Engine) {
    engine
        .register_fn(
            "percent_change",
            |old: Dynamic, new: Dynamic| -> ScriptResult<Dynamic> {
                let (old, new) = (number(&old, "old")?, number(&new, "new")?);
                Ok(if old == 0.0 {
                    unit()
                } else {
                    ((new - old) / old.abs() * 100.0).into()
                })
            },
        )
        .register_fn("readable", |x: Dynamic| -> ScriptResult<String> {
            Ok(super::script_types::readable_number(number(&x, "x")?))
        })
        .register_fn(
            "round_to",
            |x: Dynamic, digits: INT| -> ScriptResult<FLOAT> {
                let scale = 10f64.powi(digits.clamp(0, 15) as i32);
                Ok((number(&x, "x")? * scale).round() / scale)
            },
        )
        .register_fn("ratio", |a: Dynamic, b: Dynamic| -> ScriptResult<Dynamic> {
            let (a, b) = (number(&a, "a")?, number(&b, "b")?);
            Ok(if b == 0.0 { unit() } else { (a / b).into() })
        })
        .register_fn("years_between", |a: &str, b: &str| {
            optional(years_between(a, b).map(Dynamic::from))
        })
        .register_fn("months_between", |a: &str, b: &str| {
            optional(months_between(a, b).map(Dynamic::from))
        })
        .register_fn("add_days", |date: &str, days: INT| {
            optional(day(date).and_then(|day| {
                let moved = day.checked_add_signed(chrono::TimeDelta::try_days(days)?)?;
                Some(moved.to_string())
            }))
        })
        .register_fn("year_of", |date: &str| {
            optional(crate::model::ArticleDate::parse(date).map(|d| d.year as INT))
        });
}
