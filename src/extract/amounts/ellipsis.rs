//! Elided currencies: news writes the currency once and drops it from the amounts that follow
//! in the same sentence ("ricavi per 14,3 miliardi di euro e un utile netto di 1,2 mld",
//! "revenue of $4.1 billion and a profit of 620 million", "ventas de 800 millones de euros y
//! un beneficio de 90 millones").
//!
//! In: the claims of a text and the sentence of each. Out: the same claims, where a bare
//! number written with a scale word (no currency, unit or noun of its own) follows a money
//! amount of its sentence, completed as money in that amount's currency. Only the nearest
//! money amount before it counts, and a count or quantity between the two keeps the number
//! bare: the figure may then be one more of those ("2 miliardi di euro per 1,2 milioni di
//! famiglie e 300 mila" is not money). A number without a scale word stays bare, since a
//! plain figure after an amount is as often a count or a score as a price. Range ends were
//! completed before ([`ranges`](crate::extract::relations::ranges)).

use crate::extract::found::Found;
use crate::model::ClaimKind;

/// Completes the elided currencies of `claims` (in text order; `sentence_of[i]` is claim
/// `i`'s sentence).
pub fn take_elided_currencies(claims: &mut [Found], sentence_of: &[u32]) {
    // The money amount that supplies a currency: (its sentence, its currency).
    let mut supplier: Option<(u32, String)> = None;
    for (claim, &sentence) in claims.iter_mut().zip(sentence_of) {
        if supplier.as_ref().is_some_and(|(s, _)| *s != sentence) {
            supplier = None;
        }
        match claim.kind {
            ClaimKind::Money => supplier = claim.unit.clone().map(|unit| (sentence, unit)),
            ClaimKind::Count | ClaimKind::Quantity => supplier = None,
            ClaimKind::Number if claim.unit.is_none() && claim.scale.is_some() => {
                if let Some((_, currency)) = &supplier {
                    claim.kind = ClaimKind::Money;
                    claim.unit = Some(currency.clone());
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::relations::testing::extraction;
    use crate::model::{ClaimKind, Lang};

    /// `(text, kind, unit)` of each amount claim of `text`.
    fn amounts(lang: Lang, text: &str) -> Vec<(String, ClaimKind, Option<String>)> {
        extraction(lang, text)
            .claims
            .into_iter()
            .filter(|c| c.kind != ClaimKind::Percent && c.kind != ClaimKind::Date)
            .map(|c| (c.text, c.kind, c.unit))
            .collect()
    }

    fn money(text: &str, unit: &str) -> (String, ClaimKind, Option<String>) {
        (text.to_owned(), ClaimKind::Money, Some(unit.to_owned()))
    }

    #[test]
    fn a_scaled_amount_takes_the_currency_its_sentence_wrote_once() {
        assert_eq!(
            amounts(
                Lang::It,
                "Il gruppo ha chiuso l'anno con ricavi per 14,3 miliardi di euro e un utile netto di 1,2 mld."
            ),
            [
                money("14,3 miliardi di euro", "EUR"),
                money("1,2 mld", "EUR")
            ]
        );
        assert_eq!(
            amounts(
                Lang::En,
                "Revenue rose to $4.1 billion, while profit fell to 620 million."
            ),
            [money("$4.1 billion", "USD"), money("620 million", "USD")]
        );
        assert_eq!(
            amounts(
                Lang::Es,
                "Las ventas sumaron 800 millones de libras y el beneficio, 90 millones."
            ),
            [
                money("800 millones de libras", "GBP"),
                money("90 millones", "GBP")
            ]
        );
    }

    #[test]
    fn a_count_between_a_plain_figure_or_another_sentence_keeps_a_number_bare() {
        let bare = |text: &str| (text.to_owned(), ClaimKind::Number, None);
        // A count between: the figure may be one more of those.
        let it = amounts(
            Lang::It,
            "Il piano da 2 miliardi di euro raggiunge 1,2 milioni di famiglie e altre 300 mila.",
        );
        assert_eq!(it.last(), Some(&bare("300 mila")), "{it:?}");
        // No scale word: a plain figure is as often a score or a count.
        let en = amounts(Lang::En, "Tickets cost $40 and 25 were sold by noon.");
        assert_eq!(en.last(), Some(&bare("25")), "{en:?}");
        // Only the sentence that wrote the currency supplies it.
        let es = amounts(
            Lang::Es,
            "El plan cuesta 900 millones de euros. La región tiene 2 millones.",
        );
        assert_eq!(es.last(), Some(&bare("2 millones")), "{es:?}");
    }
}
