//! Currencies: symbols, ISO 4217 codes and names in both languages, normalised to ISO codes.
//!
//! A name that several countries share ("dinar", "riyal", "peso") keeps the name as its unit
//! ("Dinar") unless an adjective decides the country ("kuwaiti dinar" → KWD). A bare `$`,
//! "dollari" and "dollars" are USD; `£`, "sterline" and "pounds" are GBP; `RMB` and
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

/// An ISO 4217 code written in capitals ("USD", "MYR"; the pre-euro codes such as "FIM" and
/// "ITL"; "RMB" for CNY; "BTC"), normalised.
pub fn currency_code(word: &str) -> Option<&'static str> {
    if word.len() != 3 || !word.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    if word == "RMB" {
        return Some("CNY");
    }
    ISO_CODES.iter().copied().find(|&code| code == word)
}

/// Active ISO 4217 codes, the currencies the euro replaced, and bitcoin.
const ISO_CODES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP",
    "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD",
    "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY",
    "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD",
    "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK",
    "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK",
    "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG",
    "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS",
    "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES",
    "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWL", "BTC", "ESP",
    "FIM", "NLG", "DEM", "FRF", "ITL", "BEF", "ATS", "PTE", "IEP", "GRD",
];

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
        "ringgit" | "ringgits" => "MYR",
        "tugrik" | "tugriks" | "tögrög" => "MNT",
        "markka" | "markkaa" => "FIM",
        "peseta" | "pesetas" => "ESP",
        "guilder" | "guilders" => "NLG",
        "fiorino" | "fiorini" | "forint" | "forints" => "HUF",
        "baht" => "THB",
        "rupiah" => "IDR",
        "naira" => "NGN",
        "kuai" => "CNY",
        "lev" | "leva" => "BGN",
        "leu" | "lei" => "RON",
        "tenge" => "KZT",
        "lari" => "GEL",
        "cedi" | "cedis" => "GHS",
        "taka" => "BDT",
        // Names shared by several countries keep the name until an adjective decides.
        "dinar" | "dinars" | "dinaro" | "dinari" => "Dinar",
        "riyal" | "riyals" | "riyal's" => "Riyal",
        "rial" | "rials" => "Rial",
        "dirham" | "dirhams" => "Dirham",
        "peso" | "pesos" => "Peso",
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
        ("HUF", "olandesi" | "olandese") => "NLG",
        ("HUF", "ungheresi" | "ungherese") => "HUF",
        ("Dinar", "kuwaitiani" | "kuwaitiano") => "KWD",
        ("Dinar", "iracheni" | "iracheno") => "IQD",
        ("Riyal", "sauditi" | "saudita") => "SAR",
        ("Peso", "messicani" | "messicano") => "MXN",
        ("Peso", "argentini" | "argentino") => "ARS",
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
        ("egyptian", "GBP") => "EGP",
        ("lebanese", "GBP") => "LBP",
        ("finnish", "FIM") => "FIM",
        ("dutch", "NLG") => "NLG",
        ("hungarian", "HUF") => "HUF",
        ("malaysia" | "malaysian", "MYR") => "MYR",
        ("kuwaiti", "Dinar") => "KWD",
        ("iraqi", "Dinar") => "IQD",
        ("jordanian", "Dinar") => "JOD",
        ("bahraini", "Dinar") => "BHD",
        ("saudi", "Riyal") => "SAR",
        ("qatari", "Riyal") => "QAR",
        ("iranian", "Rial") => "IRR",
        ("omani", "Rial") => "OMR",
        ("moroccan", "Dirham") => "MAD",
        ("uae" | "emirati", "Dirham") => "AED",
        ("mexican", "Peso") => "MXN",
        ("argentine" | "argentinian", "Peso") => "ARS",
        ("chilean", "Peso") => "CLP",
        ("colombian", "Peso") => "COP",
        ("philippine", "Peso") => "PHP",
        _ => return None,
    })
}

/// Whether the text near a `¥` speaks of the Chinese currency. `lower_window` is that text
/// with its ASCII letters lower-cased (see `Context::ascii_lower`), so a plain substring search
/// finds "Yuan" and "RMB" too.
pub fn mentions_yuan(lower_window: &str) -> bool {
    let bytes = lower_window.as_bytes();
    ["yuan", "renminbi", "rmb", "cny"]
        .iter()
        .any(|needle| memchr::memmem::find(bytes, needle.as_bytes()).is_some())
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
        assert!(mentions_yuan(&"pagati in Yuan cinesi".to_ascii_lowercase()));
        assert!(mentions_yuan("1 rmb"));
        assert!(!mentions_yuan("tokyo stock exchange"));
    }
}
