//! Currencies: symbols, ISO 4217 codes and names in both languages, normalised to ISO codes.
//!
//! A name that several countries share ("dinar", "riyal", "peso") keeps the name as its unit
//! ("Dinar") unless an adjective decides the country ("kuwaiti dinar" → KWD). A bare `$` is
//! the dollar or peso of the publication's country when it is known and writes its currency
//! so (`AU` → AUD, `MX` → MXN), with a `currency-symbol` ambiguity, and USD otherwise;
//! "dollari" and "dollars" are USD; `£`, "sterline" and "pounds" are GBP; `RMB` and
//! "renminbi" are CNY. `¥` is the sign of both the yen and the yuan: it is read as CNY when the
//! text around it speaks of yuan/renminbi, otherwise as JPY, and either way the claim carries a
//! `currency-symbol` ambiguity naming the other reading.

use crate::extract::lang::money::MoneyWords;
use crate::model::Country;

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

/// What a bare `$` is in an article published in `country`: the currency that country writes
/// with `$`, or the US dollar.
pub fn dollar_of(country: Option<Country>) -> &'static str {
    let Some(country) = country else {
        return "USD";
    };
    match country.as_str() {
        "AU" | "KI" | "NR" | "TV" => "AUD",
        "CA" => "CAD",
        "NZ" | "CK" => "NZD",
        "HK" => "HKD",
        "SG" => "SGD",
        "TW" => "TWD",
        "MX" => "MXN",
        "AR" => "ARS",
        "CL" => "CLP",
        "CO" => "COP",
        "UY" => "UYU",
        "DO" => "DOP",
        "CU" => "CUP",
        "JM" => "JMD",
        "TT" => "TTD",
        "BS" => "BSD",
        "BB" => "BBD",
        "BZ" => "BZD",
        "GY" => "GYD",
        "SR" => "SRD",
        "FJ" => "FJD",
        "NA" => "NAD",
        "LR" => "LRD",
        "BN" => "BND",
        _ => "USD",
    }
}

/// A currency symbol's currency in an article published in `country` (only `$` depends on it).
pub fn local_symbol_currency(symbol: char, country: Option<Country>) -> Option<&'static str> {
    if symbol == '$' {
        return Some(dollar_of(country));
    }
    symbol_currency(symbol)
}

/// Marks a money claim whose bare `$` was read as the publication country's currency, not
/// the US dollar: the claim's own text has a `$` with no letter before it ("US$", "A$").
pub fn flag_local_dollar(
    found: &mut crate::extract::found::Found,
    text: &str,
    country: Option<Country>,
) {
    let local = dollar_of(country);
    if found.kind != crate::model::ClaimKind::Money
        || local == "USD"
        || found.unit.as_deref() != Some(local)
    {
        return;
    }
    let written = &text.as_bytes()[found.start..found.end];
    let bare = written
        .iter()
        .enumerate()
        .any(|(at, &b)| b == b'$' && (at == 0 || !written[at - 1].is_ascii_alphabetic()));
    if bare {
        found.ambiguity.push(crate::extract::found::ambiguity(
            "currency-symbol",
            "a bare $ read as the currency of the publication's country; US$ would be the US dollar",
            None,
        ));
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

/// Whether the text near a `¥` speaks of the Chinese currency: the nearest currency name or
/// code to the amount (at `amount` in the window) is the yuan's rather than the yen's.
/// `lower_window` is that text with its ASCII letters lower-cased (see `Context::ascii_lower`),
/// so a plain substring search finds "Yuan" and "RMB" too; `money` is the language's words.
pub fn mentions_yuan(
    lower_window: &str,
    amount: std::ops::Range<usize>,
    money: &MoneyWords,
) -> bool {
    let bytes = lower_window.as_bytes();
    // The currency's names in the text's language and everywhere, and its codes in lower case.
    let nearest = |code: &str, codes: &[&'static str]| {
        money
            .names_of(code)
            .chain(codes.iter().copied())
            .flat_map(|needle| memchr::memmem::find_iter(bytes, needle.as_bytes()))
            .map(|at| {
                if at >= amount.end {
                    at - amount.end
                } else {
                    amount.start.saturating_sub(at)
                }
            })
            .min()
    };
    let yuan = nearest("CNY", &["cny", "rmb"]);
    let yen = nearest("JPY", &["jpy"]);
    match (yuan, yen) {
        (Some(yuan), Some(yen)) => yuan < yen,
        (yuan, _) => yuan.is_some(),
    }
}

/// Currencies no longer in use (the euro's predecessors): a money claim in one carries a
/// `historical-currency` ambiguity, as its amount is not comparable to today's money without
/// the conversion rate of its time.
pub fn is_historical(code: &str) -> bool {
    matches!(
        code,
        "ITL" | "DEM" | "FRF" | "ESP" | "FIM" | "NLG" | "BEF" | "ATS" | "PTE" | "IEP" | "GRD"
    )
}

/// Flags a money claim in a historical currency (see [`is_historical`]).
pub fn flag_historical(found: &mut crate::extract::found::Found) {
    if found.kind == crate::model::ClaimKind::Money
        && found.unit.as_deref().is_some_and(is_historical)
    {
        found.ambiguity.push(crate::extract::found::ambiguity(
            "historical-currency",
            "a currency replaced by the euro: convert at the rate of its time before comparing",
            None,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lang::lexicon;
    use crate::model::Lang;

    #[test]
    fn a_bare_dollar_sign_is_the_publication_country_currency() {
        let country = |code| Country::parse(code);
        assert_eq!(dollar_of(None), "USD");
        assert_eq!(dollar_of(country("US")), "USD");
        assert_eq!(dollar_of(country("AU")), "AUD");
        assert_eq!(dollar_of(country("mx")), "MXN");
        assert_eq!(dollar_of(country("CL")), "CLP");
        // Where `$` is not the local sign, it is the US dollar.
        assert_eq!(dollar_of(country("IT")), "USD");
        assert_eq!(local_symbol_currency('$', country("NZ")), Some("NZD"));
        assert_eq!(local_symbol_currency('€', country("NZ")), Some("EUR"));
    }

    #[test]
    fn symbols_codes_and_names_normalise_to_iso() {
        assert_eq!(symbol_currency('$'), Some("USD"));
        assert_eq!(symbol_currency('₽'), Some("RUB"));
        assert_eq!(currency_code("RMB"), Some("CNY"));
        assert_eq!(currency_code("usd"), None);
    }

    #[test]
    fn prefixes_and_adjectives() {
        assert_eq!(dollar_prefix("US", '$'), Some("USD"));
        assert_eq!(dollar_prefix("CN", '¥'), Some("CNY"));
    }

    #[test]
    fn historical_currencies_are_flagged() {
        use crate::extract::{Options, extract};
        use crate::model::LangChoice;
        for (lang, text, code) in [
            (Lang::It, "costava 1.500 lire", "ITL"),
            (Lang::En, "cost 40 deutschmarks", "DEM"),
            (Lang::Es, "valía 200 pesetas", "ESP"),
            (Lang::It, "costa 3 lire turche", "TRY"),
        ] {
            let options = Options {
                lang: LangChoice::Fixed(lang),
                date: None,
                country: None,
                body_start: 0,
            };
            let claims = extract(text, &options).claims;
            assert_eq!(claims[0].unit.as_deref(), Some(code), "{text}");
            let flagged = claims[0]
                .ambiguity
                .iter()
                .any(|a| a.kind == "historical-currency");
            assert_eq!(flagged, code != "TRY", "{text}");
        }
    }

    #[test]
    fn yen_sign_context() {
        let en = lexicon(Lang::En).amounts.money;
        let it = lexicon(Lang::It).amounts.money;
        let es = lexicon(Lang::Es).amounts.money;
        assert!(mentions_yuan(
            &"pagati in Yuan cinesi".to_ascii_lowercase(),
            0..0,
            it
        ));
        assert!(mentions_yuan("1 rmb", 0..1, en));
        assert!(!mentions_yuan("tokyo stock exchange", 0..0, en));
        // The nearest name decides: the yen right after the amount, the yuan far behind.
        let window = "spent \u{a5}9.8 trillion to prop up the yen; later the yuan traded at 7.2";
        assert!(!mentions_yuan(window, 6..19, en));
        let window = "il yuan vale \u{a5}5, secondo la banca centrale cinese; lo yen resta debole";
        assert!(mentions_yuan(window, 13..16, it));
        // Spanish names the yen "yenes" and the yuan "yuanes".
        let window = "el banco pagó \u{a5}40 en yuanes, no en yenes japoneses";
        assert!(mentions_yuan(window, 14..18, es));
    }
}
