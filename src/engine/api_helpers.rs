//! Small conversions every API module needs: the result type of a script function, the unit
//! value, an optional value, and a number read from a script (INT or FLOAT).

use rhai::{Dynamic, EvalAltResult};

pub(super) type ScriptResult<T> = Result<T, Box<EvalAltResult>>;

pub(super) fn unit() -> Dynamic {
    Dynamic::UNIT
}

pub(super) fn optional<T: Into<Dynamic>>(value: Option<T>) -> Dynamic {
    value.map_or(Dynamic::UNIT, Into::into)
}

/// A number from a script: INT or FLOAT.
pub(super) fn number(value: &Dynamic, what: &str) -> ScriptResult<f64> {
    if let Ok(float) = value.as_float() {
        Ok(float)
    } else if let Ok(int) = value.as_int() {
        Ok(int as f64)
    } else {
        Err(format!("{what} must be a number, not {}", value.type_name()).into())
    }
}
