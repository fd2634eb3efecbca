//! Currencies: symbols, ISO 4217 codes and names in both languages, normalised to ISO codes.
//!
//! A bare `$`, "dollari" and "dollars" are USD; `£`, "sterline" and "pounds" are GBP; `RMB` and
//! "renminbi" are CNY. `¥` is the sign of both the yen and the yuan: it is read as CNY when the
//! text around it speaks of yuan/renminbi, otherwise as JPY, and either way the claim carries a
//! `currency-symbol` ambiguity naming the other reading.

/// A currency symbol character, as it appears before or after an amount.
pub fn symbol_currency(symbol: char) -> Option<&'static str> {
    match symbol {
        '$' => Some("USD"),
        '€' => Some("EUR"),
        '£' => Some("GBP"),
        '¥' | '￥' => Some("JPY"),
        '₽' => Some("RUB"),
        '₹' => Some("INR"),
        '₩' => Some("KRW"),
        '₺' => Some("TRY"),
        '₿' => Some("BTC"),
        _ => None,
    }
}

/// A word written right before `$` or `¥` ("US$", "HK$", "CN¥"), as written (case kept).
pub fn dollar_prefix(word: &str, symbol: char) -> Option<&'static str> {
    match (word, symbol) {
        ("US" | "U.S.", '$') => Some("USD"),
        ("C" | "CA" | "Can", '$') => Some("CAD"),
        ("A" | "AU", '$') => Some("AUD"),
        ("HK", '$') => Some("HKD"),
        ("NZ", '$') => Some("NZD"),
        ("S" | "SG", '$') => Some("SGD"),
        ("R", '$') => Some("BRL"),
        ("MX", '$') => Some("MXN"),
        ("CN" | "RMB", '¥') => Some("CNY"),
        ("JP", '¥') => Some("JPY"),
        _ => None,
    }
}

/// An ISO code written in capitals ("USD", "RMB"), normalised.
pub fn currency_code(word: &str) -> Option<&'static str> {
    if word.len() != 3 || !word.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    Some(match word {
        "USD" => "USD",
        "EUR" => "EUR",
        "CNY" | "RMB" => "CNY",
        "RUB" => "RUB",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "INR" => "INR",
        "CHF" => "CHF",
        "CAD" => "CAD",
        "AUD" => "AUD",
        "HKD" => "HKD",
        "NZD" => "NZD",
        "SGD" => "SGD",
        "BRL" => "BRL",
        "MXN" => "MXN",
        "KRW" => "KRW",
        "TRY" => "TRY",
        "SEK" => "SEK",
        "NOK" => "NOK",
        "DKK" => "DKK",
        "PLN" => "PLN",
        "CZK" => "CZK",
        "HUF" => "HUF",
        "ZAR" => "ZAR",
        "SAR" => "SAR",
        "AED" => "AED",
        "ILS" => "ILS",
        "UAH" => "UAH",
        "BTC" => "BTC",
        _ => return None,
    })
}

/// A currency name (lower-cased), singular or plural, in either language.
pub fn currency_name(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "dollaro" | "dollari" | "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "yuan" | "renminbi" => "CNY",
        "rublo" | "rubli" | "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "sterlina" | "sterline" | "pound" | "pounds" | "sterling" => "GBP",
        "yen" => "JPY",
        "rupia" | "rupie" | "rupee" | "rupees" => "INR",
        "franco" | "franchi" | "franc" | "francs" => "CHF",
        "won" => "KRW",
        "bitcoin" | "bitcoins" => "BTC",
        "corona" | "corone" | "krona" | "kronor" | "krone" | "kroner" => "SEK",
        "real" | "reais" => "BRL",
        "zloty" | "zloty's" => "PLN",
        "grivnia" | "hryvnia" | "hryvnias" => "UAH",
        "shekel" | "shekels" => "ILS",
        "rand" => "ZAR",
        _ => return None,
    })
}

/// An Italian adjective after a currency name that changes which currency it is
/// ("dollari canadesi", "lire sterline", "franchi svizzeri").
pub fn italian_currency_adjective(name_code: &str, lower_adjective: &str) -> Option<&'static str> {
    Some(match (name_code, lower_adjective) {
        ("USD", "usa" | "americani" | "statunitensi" | "americano" | "statunitense") => "USD",
        ("USD", "canadesi" | "canadese") => "CAD",
        ("USD", "australiani" | "australiano") => "AUD",
        ("USD", "neozelandesi") => "NZD",
        ("USD", "singaporiani") => "SGD",
        ("GBP", "britanniche" | "britannica" | "inglesi") => "GBP",
        ("CHF", "svizzeri" | "svizzero") => "CHF",
        ("SEK", "svedesi" | "svedese") => "SEK",
        ("SEK", "norvegesi" | "norvegese") => "NOK",
        ("SEK", "danesi" | "danese") => "DKK",
        ("SEK", "ceche" | "ceca") => "CZK",
        ("INR", "indiane" | "indiana") => "INR",
        ("CNY", "cinesi" | "cinese") => "CNY",
        _ => return None,
    })
}

/// Italian "lira/lire" only names a current currency with an adjective.
pub fn italian_lira(lower_adjective: &str) -> Option<&'static str> {
    match lower_adjective {
        "sterline" | "sterlina" => Some("GBP"),
        "turche" | "turca" => Some("TRY"),
        _ => None,
    }
}

/// An English adjective before a currency name ("Canadian dollars", "Swiss francs").
pub fn english_currency_adjective(lower_adjective: &str, name_code: &str) -> Option<&'static str> {
    Some(match (lower_adjective, name_code) {
        ("us" | "american", "USD") => "USD",
        ("canadian", "USD") => "CAD",
        ("australian", "USD") => "AUD",
        ("singapore", "USD") => "SGD",
        ("swiss", "CHF") => "CHF",
        ("swedish", "SEK") => "SEK",
        ("norwegian", "SEK") => "NOK",
        ("danish", "SEK") => "DKK",
        ("czech", "SEK") => "CZK",
        ("indian", "INR") => "INR",
        ("chinese", "CNY") => "CNY",
        ("japanese", "JPY") => "JPY",
        ("british", "GBP") => "GBP",
        _ => return None,
    })
}

/// Whether the text near a `¥` speaks of the Chinese currency.
pub fn mentions_yuan(window: &str) -> bool {
    let bytes = window.as_bytes();
    ["yuan", "renminbi", "rmb", "cny"].iter().any(|needle| {
        bytes
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_codes_and_names_normalise_to_iso() {
        assert_eq!(symbol_currency('$'), Some("USD"));
        assert_eq!(symbol_currency('₽'), Some("RUB"));
        assert_eq!(currency_code("RMB"), Some("CNY"));
        assert_eq!(currency_code("usd"), None);
        assert_eq!(currency_name("dollari"), Some("USD"));
        assert_eq!(currency_name("sterline"), Some("GBP"));
        assert_eq!(currency_name("roubles"), Some("RUB"));
        assert_eq!(currency_name("yuan"), Some("CNY"));
    }

    #[test]
    fn prefixes_and_adjectives() {
        assert_eq!(dollar_prefix("US", '$'), Some("USD"));
        assert_eq!(dollar_prefix("CN", '¥'), Some("CNY"));
        assert_eq!(italian_currency_adjective("USD", "canadesi"), Some("CAD"));
        assert_eq!(italian_lira("sterline"), Some("GBP"));
        assert_eq!(english_currency_adjective("swiss", "CHF"), Some("CHF"));
    }

    #[test]
    fn yen_sign_context() {
        assert!(mentions_yuan("pagati in Yuan cinesi"));
        assert!(!mentions_yuan("Tokyo stock exchange"));
    }
}
