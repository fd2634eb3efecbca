//! The country an article is published in, as an ISO 3166-1 alpha-2 code (`AU`, `MX`). It
//! decides what a bare `$` is: the dollar or peso of that country, the US dollar elsewhere.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An ISO 3166-1 alpha-2 code, upper case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Country([u8; 2]);

impl Country {
    /// Two ASCII letters, in either case (`au`, `AU`); anything else is `None`.
    pub fn parse(code: &str) -> Option<Country> {
        let code = code.trim();
        let [a, b] = code.as_bytes() else {
            return None;
        };
        (a.is_ascii_alphabetic() && b.is_ascii_alphabetic())
            .then(|| Country([a.to_ascii_uppercase(), b.to_ascii_uppercase()]))
    }

    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII letters (see `parse`).
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Country {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Country::parse(&code).ok_or_else(|| {
            serde::de::Error::custom(format!("`{code}` is not a two-letter country code"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_letters_in_any_case() {
        assert_eq!(
            Country::parse("au").map(|c| c.to_string()),
            Some("AU".into())
        );
        assert_eq!(
            Country::parse(" MX ").map(|c| c.to_string()),
            Some("MX".into())
        );
        for bad in ["", "A", "AUS", "A1", "é", "ÀB"] {
            assert_eq!(Country::parse(bad), None, "{bad}");
        }
    }
}
