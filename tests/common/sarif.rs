//! Every SARIF log a test reads goes through [`sarif_log`]: one JSON document that the
//! vendored OASIS SARIF 2.1.0 schema (`tests/sarif/sarif-schema-2.1.0.json`, see
//! `tests/sarif/README.md`) accepts, formats (`uri`, `date-time`) included. The schema refers
//! to nothing outside itself, so validation needs no network.

use std::sync::OnceLock;

use serde_json::Value;

const SCHEMA: &str = include_str!("../sarif/sarif-schema-2.1.0.json");

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: Value = serde_json::from_str(SCHEMA).expect("the vendored schema is JSON");
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("the vendored schema compiles")
    })
}

/// The schema's complaints about `log`, one line each (empty: valid).
pub fn schema_errors(log: &Value) -> Vec<String> {
    validator()
        .iter_errors(log)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

/// Parses `stdout` as one SARIF log and panics, naming every violation, unless the 2.1.0
/// schema accepts it.
pub fn sarif_log(stdout: &str) -> Value {
    let log: Value = serde_json::from_str(stdout)
        .unwrap_or_else(|err| panic!("stdout is not one JSON document ({err}):\n{stdout}"));
    let errors = schema_errors(&log);
    assert!(
        errors.is_empty(),
        "the SARIF 2.1.0 schema rejects the log:\n{}\n{stdout}",
        errors.join("\n")
    );
    log
}
