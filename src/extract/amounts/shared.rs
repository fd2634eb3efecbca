//! Currency names shared by several countries ("pesos", "dinari", "riyals") that no adjective
//! next to them decided ([`money`](super::money) leaves a placeholder such as `Peso`): the
//! sentence or the publication usually says which country's they are.
//!
//! In: the claims of a text and its sentences. Out: the same claims, where a money amount's
//! unit is a placeholder, completed with the ISO code that a word of its sentence near it gives
//! (an adjective or country name of the lexicon's table for that name: "la cadena mexicana
//! invertirá 9.600 millones de pesos" → MXN), else the one the publication's country uses
//! (`--country MX`). With neither, the placeholder stays and says that the currency is unknown.

use crate::extract::found::Found;
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Sentence};

/// How far from the amount, in bytes either way, a word of its sentence may name the country.
const WORD_REACH: usize = 160;

/// Settles the shared currency names of `claims` (`sentence_of[i]` is claim `i`'s sentence).
pub fn settle_shared_currencies(
    context: &Context,
    claims: &mut [Found],
    sentence_of: &[u32],
    sentences: &[Sentence],
) {
    let money = context.lexicon.amounts.money;
    for (claim, &sentence) in claims.iter_mut().zip(sentence_of) {
        let Some(placeholder) = claim.unit.as_deref().filter(|unit| is_placeholder(unit)) else {
            continue;
        };
        if claim.kind != ClaimKind::Money {
            continue;
        }
        let bounds = sentences
            .get(sentence as usize)
            .map_or(0..context.text.len(), |s| s.start..s.end);
        let from = floor_boundary(
            context.text,
            claim.start.saturating_sub(WORD_REACH).max(bounds.start),
        );
        let to = floor_boundary(context.text, (claim.end + WORD_REACH).min(bounds.end));
        let near = context.text.get(from..to.max(from)).unwrap_or("");
        let named = near
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .find_map(|word| money.with_adjective(placeholder, &word.to_lowercase()));
        if let Some(code) = named.or_else(|| {
            crate::extract::lang::money::shared_name_of_country(placeholder, context.country)
        }) {
            claim.unit = Some(code.to_owned());
        }
    }
}

/// Whether `unit` is a placeholder for a shared name rather than an ISO code (codes are three
/// capital letters).
fn is_placeholder(unit: &str) -> bool {
    !(unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase()))
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract};
    use crate::model::{ClaimKind, Country, Lang, LangChoice};

    fn currencies(lang: Lang, country: Option<&str>, text: &str) -> Vec<String> {
        let options = Options {
            lang: LangChoice::Fixed(lang),
            country: country.and_then(Country::parse),
            ..Options::default()
        };
        extract(text, &options)
            .claims
            .into_iter()
            .filter(|c| c.kind == ClaimKind::Money)
            .filter_map(|c| c.unit)
            .collect()
    }

    #[test]
    fn a_country_word_of_the_sentence_says_whose_pesos() {
        assert_eq!(
            currencies(
                Lang::Es,
                None,
                "La cadena mexicana invertirá 9.600 millones de pesos en abrir tiendas."
            ),
            ["MXN"]
        );
        assert_eq!(
            currencies(
                Lang::It,
                None,
                "Il gruppo argentino ha emesso bond per 50 miliardi di pesos."
            ),
            ["ARS"]
        );
        assert_eq!(
            currencies(
                Lang::En,
                None,
                "The Chilean miner will spend 900 billion pesos on a new smelter."
            ),
            ["CLP"]
        );
    }

    #[test]
    fn else_the_publications_country_and_else_the_name_stays_unknown() {
        let text = "La empresa invertirá 9.600 millones de pesos en abrir tiendas.";
        assert_eq!(currencies(Lang::Es, Some("CO"), text), ["COP"]);
        assert_eq!(currencies(Lang::Es, None, text), ["Peso"]);
        // A country whose currency is no peso decides nothing.
        assert_eq!(currencies(Lang::Es, Some("ES"), text), ["Peso"]);
    }
}
