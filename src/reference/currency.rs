//! A three-letter currency code (ISO 4217 style), stored inline so rate tables can key on it
//! without allocating. Parsing accepts lower case (`usd`) and stores upper case.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// An upper-case three-letter code such as `EUR`, `USD`, `CNY`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    /// The euro: every ECB rate is quoted per 1 EUR.
    pub const EUR: Currency = Currency(*b"EUR");
    /// The US dollar: the second pivot tried for imported rate sources.
    pub const USD: Currency = Currency(*b"USD");

    pub fn as_str(&self) -> &str {
        // Only ASCII upper-case letters are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl FromStr for Currency {
    type Err = String;
    fn from_str(text: &str) -> Result<Currency, String> {
        let text = text.trim();
        let bytes = text.as_bytes();
        if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return Err(format!(
                "`{text}` is not a currency code (expected three letters such as USD, EUR, CNY)"
            ));
        }
        let upper = [
            bytes[0].to_ascii_uppercase(),
            bytes[1].to_ascii_uppercase(),
            bytes[2].to_ascii_uppercase(),
        ];
        Ok(Currency(upper))
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
