//! "Did you mean": when a rule calls a function or reads a property the engine does not
//! have, the error names the closest registered name.
//!
//! The names come from the engine itself (`gen_fn_signatures`, the same source as
//! `claimlint rules api`), so a new API function is suggested without a list to keep up to
//! date. Properties are the registered getters, those of the value's own type first;
//! functions are the API's and the standard library's. A name is suggested only when it is
//! close (Damerau–Levenshtein distance at most a third of its length, and at least 1).

use rhai::{Engine, EvalAltResult};

/// The names a script can use, gathered once per compiled suite.
#[derive(Debug, Default)]
pub struct ApiNames {
    /// `(owner type as Rust names it, property)` for every getter.
    properties: Vec<(String, String)>,
    functions: Vec<String>,
}

impl ApiNames {
    pub fn of(engine: &Engine) -> ApiNames {
        let mut names = ApiNames::default();
        for signature in engine.gen_fn_signatures(true) {
            let Some((name, rest)) = signature.split_once('(') else {
                continue;
            };
            if let Some(property) = name.strip_prefix("get$") {
                let owner = rest.split([',', ')']).next().unwrap_or("");
                names
                    .properties
                    .push((owner.to_owned(), property.to_owned()));
            } else if !name.starts_with("set$") && name.chars().all(is_name_char) {
                names.functions.push(name.to_owned());
            }
        }
        names.functions.sort();
        names.functions.dedup();
        names.properties.sort();
        names.properties.dedup();
        names
    }

    /// ` (did you mean `value`?)` for an unknown-name error, else `None`.
    pub fn suggestion(&self, error: &EvalAltResult) -> Option<String> {
        let suggested = match error {
            EvalAltResult::ErrorFunctionNotFound(signature, _) => {
                let name: String = signature.chars().take_while(|&c| is_name_char(c)).collect();
                closest(&name, self.functions.iter().map(String::as_str))
            }
            EvalAltResult::ErrorDotExpr(text, _) => {
                let (property, owner) = unknown_property(text)?;
                let of_owner = self
                    .properties
                    .iter()
                    .filter(|(rust_type, _)| rust_type.contains(owner))
                    .map(|(_, name)| name.as_str());
                closest(property, of_owner).or_else(|| {
                    closest(
                        property,
                        self.properties.iter().map(|(_, name)| name.as_str()),
                    )
                })
            }
            _ => None,
        }?;
        Some(format!(" (did you mean `{suggested}`?)"))
    }
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `("vaue", "Claim")` from Rhai's "Unknown property 'vaue' - a getter is not registered for
/// type 'Claim'".
fn unknown_property(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("Unknown property '")?;
    let (property, rest) = rest.split_once('\'')?;
    let owner = rest.rsplit_once("type '")?.1.strip_suffix('\'')?;
    Some((property, owner))
}

fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .filter(|candidate| *candidate != name)
        .map(|candidate| (strsim::damerau_levenshtein(name, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_closest_name_is_suggested_only_when_it_is_close() {
        let names = ["contains", "contains_any", "ends_with_any"];
        assert_eq!(
            closest("contains_anyy", names.into_iter()),
            Some("contains_any")
        );
        assert_eq!(
            closest("vlaue", ["value", "unit"].into_iter()),
            Some("value")
        );
        assert_eq!(closest("frobnicate", names.into_iter()), None);
        assert_eq!(
            unknown_property(
                "Unknown property 'vaue' - a getter is not registered for type 'Claim'"
            ),
            Some(("vaue", "Claim"))
        );
    }
}
