//! The shape of a language's money words: currency names and the adjectives that say which
//! country's currency a name is ("dollari canadesi", "Swiss francs", "pesos mexicanos"), and
//! the sub-units ("cents", "centesimi", "céntimos").
//!
//! Names that are the same in every language ("yuan", "ringgit", "naira") are listed once, in
//! [`INTERNATIONAL_NAMES`]; each language adds its own in `lang/<code>/money.rs`. A name shared
//! by several countries resolves to a placeholder ("Dinar", "Peso") until an adjective decides.

use super::index::same_word;

/// See the module documentation.
#[derive(Debug)]
pub struct MoneyWords {
    /// Lower-case currency names, singular and plural, with their ISO code or placeholder.
    pub names: &'static [(&'static str, &'static str)],
    /// (code or placeholder of the name, lower-case adjective, ISO code it means).
    pub adjectives: &'static [(&'static str, &'static str, &'static str)],
    /// The adjective comes before the name ("Canadian dollars") rather than after.
    pub adjective_first: bool,
    /// Placeholders that name no currency without an adjective ("marchi" alone are brands,
    /// "marchi tedeschi" DEM).
    pub needs_adjective: &'static [&'static str],
    /// Placeholders that do name a currency alone, and which (Italian "lire" alone is the
    /// Italian lira, ITL; "lire turche" is TRY).
    pub without_adjective: &'static [(&'static str, &'static str)],
    /// Sub-unit words: (word, ISO code of the main unit, or `None` for the language's usual
    /// currency, which is then only a guess).
    pub subunits: &'static [(&'static str, Option<&'static str>)],
    /// Sub-unit words that only count right after a main amount ("20 ringgit 43 sen"), and
    /// letters that do when glued to the number ("$20 and 43c").
    pub compound_subunits: &'static [&'static str],
    pub subunit_letters: &'static [&'static str],
    /// Sub-unit letters that make an amount alone when glued to its number ("312p" is 312
    /// pence): (letters, ISO code of the main unit).
    pub glued_subunits: &'static [(&'static str, &'static str)],
    /// Words other than "and" between whole units and their cents ("45 euros con 50
    /// céntimos"), lower-case.
    pub cents_joiners: &'static [&'static str],
    /// The currency a bare sub-unit ("cents", "¢") is taken to be in.
    pub usual_currency: &'static str,
    /// Lookup index of `names` and [`INTERNATIONAL_NAMES`].
    pub name_index: std::sync::OnceLock<super::index::FnvMap<&'static str, &'static str>>,
}

/// Currency names written alike in every language.
pub const INTERNATIONAL_NAMES: &[(&str, &str)] = &[
    ("euro", "EUR"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("kuai", "CNY"),
    ("yen", "JPY"),
    ("won", "KRW"),
    ("bitcoin", "BTC"),
    ("bitcoins", "BTC"),
    ("zloty", "PLN"),
    ("rand", "ZAR"),
    ("ringgit", "MYR"),
    ("ringgits", "MYR"),
    ("tugrik", "MNT"),
    ("tögrög", "MNT"),
    ("baht", "THB"),
    ("rupiah", "IDR"),
    ("naira", "NGN"),
    ("lev", "BGN"),
    ("leva", "BGN"),
    ("leu", "RON"),
    ("lei", "RON"),
    ("tenge", "KZT"),
    ("lari", "GEL"),
    ("cedi", "GHS"),
    ("taka", "BDT"),
    ("forint", "HUF"),
    ("shekel", "ILS"),
    ("riyal", "Riyal"),
    ("rial", "Rial"),
    ("dirham", "Dirham"),
    ("peso", "Peso"),
    ("real", "BRL"),
    ("markka", "FIM"),
    ("peseta", "ESP"),
    ("pesetas", "ESP"),
];

/// The currency a country writes with a name shared by several countries (a placeholder of
/// [`INTERNATIONAL_NAMES`] or a language's names): the article's country decides "pesos".
pub fn shared_name_of_country(
    placeholder: &str,
    country: Option<crate::model::Country>,
) -> Option<&'static str> {
    let code = match (placeholder, country?.as_str()) {
        ("Peso", "MX") => "MXN",
        ("Peso", "AR") => "ARS",
        ("Peso", "CL") => "CLP",
        ("Peso", "CO") => "COP",
        ("Peso", "UY") => "UYU",
        ("Peso", "PH") => "PHP",
        ("Peso", "DO") => "DOP",
        ("Peso", "CU") => "CUP",
        ("Dinar", "RS") => "RSD",
        ("Dinar", "DZ") => "DZD",
        ("Dinar", "TN") => "TND",
        ("Dinar", "JO") => "JOD",
        ("Dinar", "KW") => "KWD",
        ("Dinar", "BH") => "BHD",
        ("Dinar", "IQ") => "IQD",
        ("Dinar", "LY") => "LYD",
        ("Riyal", "SA") => "SAR",
        ("Riyal", "QA") => "QAR",
        ("Rial", "IR") => "IRR",
        ("Rial", "OM") => "OMR",
        ("Rial", "YE") => "YER",
        ("Dirham", "MA") => "MAD",
        ("Dirham", "AE") => "AED",
        _ => return None,
    };
    Some(code)
}

impl MoneyWords {
    /// The code (or placeholder) of the currency name `lower`.
    pub fn name(&self, lower: &str) -> Option<&'static str> {
        self.name_index
            .get_or_init(|| {
                let mut map = super::index::FnvMap::default();
                for &(word, code) in self.names.iter().chain(INTERNATIONAL_NAMES).rev() {
                    map.insert(word, code);
                }
                map
            })
            .get(lower)
            .copied()
    }

    /// Every name of the currency `code` (the language's and the international ones).
    pub fn names_of<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'static str> + 'a {
        self.names
            .iter()
            .chain(INTERNATIONAL_NAMES)
            .filter(move |(_, of)| *of == code)
            .map(|&(name, _)| name)
    }

    /// The currency a name's code or placeholder means with no adjective.
    pub fn alone(&self, code: &'static str) -> &'static str {
        self.without_adjective
            .iter()
            .find(|(placeholder, _)| *placeholder == code)
            .map_or(code, |&(_, currency)| currency)
    }

    /// The currency an adjective makes of a name.
    pub fn with_adjective(&self, name_code: &str, lower_adjective: &str) -> Option<&'static str> {
        self.adjectives
            .iter()
            .find(|(name, adjective, _)| *name == name_code && *adjective == lower_adjective)
            .map(|&(_, _, code)| code)
    }

    /// A sub-unit word: (code of the main unit, whether that code is only a guess).
    pub fn subunit(&self, lower: &str) -> Option<(&'static str, bool)> {
        let &(_, code) = self
            .subunits
            .iter()
            .find(|(word, _)| same_word(word, lower))?;
        Some(match code {
            Some(code) => (code, false),
            None => (self.usual_currency, true),
        })
    }
}
