//! A whole and its parts: "12 miliardi di euro, di cui 7 per la sanità e 6 per la scuola",
//! "300 people, of which 120 children", "1.200 empleos, de los cuales 800 fijos".
//!
//! In: the claims of a text, its sentences and the relations found so far. Out: `total`
//! relations, roles `total`, then one `part` per part and one `share` per percentage share.
//! The cue is the first of the lexicon's part markers in the sentence
//! (`CueWords::part_markers`); the total is the last amount before it, the parts every amount
//! after it in the same sentence that measures the same thing: the same currency or unit, any
//! count for a count (the nouns differ: "300 persone, di cui 120 donne"), or a bare number
//! that took the whole's measure from being written after it; the shares are the percentages
//! after it ("di cui il 40% all'estero"). A sentence without a part marker but with one of
//! the lexicon's partition words ("rispettivamente", "the rest") and two shares or more gives
//! a `total` of shares alone (cue id `partition`): together they cannot pass 100%.
//! A percentage that is the rate of a change, signed, or an end of a range is no share.
//! With no part marker, a whole followed within a few words by a colon and two parts or more
//! of its measure ("3.200 case: 1.900 a nord, 900 al centro e 400 a sud") is a `total` whose
//! parts make up the whole (cue id `list`); a whole split among its parts, or a total after
//! them, is found by [`breakdown`](super::breakdown) (cue ids `split`, `sum`).

use super::cue::find_phrase_in;
use super::whole::{relation, same_measure};
use crate::extract::found::{Found, claim_index};
use crate::extract::tokens::context::Context;
use crate::model::{ClaimKind, Relation, RelationKind, Sentence};

/// Whether claim `index` can be a share of a whole: a plain percentage, no change's rate, no
/// end of a range, no sign.
fn is_share(claims: &[Found], index: usize, taken: &[bool]) -> bool {
    let claim = &claims[index];
    claim.kind == ClaimKind::Percent
        && claim.unit.as_deref() == Some("%")
        && claim.sign.is_none()
        && !taken[index]
}

/// Claims that are a change's rate or level, or a range's end, in `relations`.
pub(super) fn taken_claims(claims: &[Found], relations: &[Relation]) -> Vec<bool> {
    let mut taken = vec![false; claims.len()];
    for relation in relations {
        let roles = relation.claims.iter().zip(&relation.roles);
        for (id, role) in roles {
            let range_end = relation.kind == RelationKind::Range;
            let rate = relation.kind == RelationKind::Change
                && matches!(role.as_str(), "rate" | "from" | "to");
            if let Some(index) =
                claim_index(id).filter(|&i| i < claims.len() && (range_end || rate))
            {
                taken[index] = true;
            }
        }
    }
    taken
}

/// The `total` relations of the text, appended to `out` (which holds the changes and ranges
/// found before, whose rates and ends are no shares).
pub fn total_relations(
    context: &Context,
    claims: &[Found],
    sentence_of: &[u32],
    sentences: &[Sentence],
    out: &mut Vec<Relation>,
) {
    let taken = taken_claims(claims, out);
    let markers = context.lexicon.cues.part_markers;
    let mut first = 0;
    while first < claims.len() {
        let sentence = sentence_of[first];
        let mut last = first;
        while last + 1 < claims.len() && sentence_of[last + 1] == sentence {
            last += 1;
        }
        let members = first..=last;
        let single = first == last;
        first = last + 1;
        // A whole needs a part, and shares come two at a time: one claim is no relation.
        if single {
            continue;
        }
        let Some(bounds) = sentences.get(sentence as usize) else {
            continue;
        };
        let (from, to) = (bounds.start, bounds.end);
        let marked = find_phrase_in(context, from, to, markers)
            .map(|(start, end)| {
                // No whole before the marker in its sentence ("Di questi, 2 miliardi…"): the
                // last amount of the sentence before.
                let whole = members
                    .clone()
                    .rev()
                    .find(|&i| claims[i].end <= start && claims[i].is_amount())
                    .or_else(|| {
                        (0..*members.start())
                            .rev()
                            .take_while(|&i| sentence_of[i] + 1 == sentence)
                            .find(|&i| claims[i].is_amount())
                    });
                (start, end, whole)
            })
            .or_else(|| whole_opened(context, claims, members.clone(), from));
        let Some((cue_start, cue_end, total)) = marked else {
            if let Some(list) = colon_list(context, claims, members.clone(), (from, to), sentence) {
                out.push(list);
                continue;
            }
            let whole = super::breakdown::breakdown(
                context,
                claims,
                members.clone(),
                (from, to),
                &taken,
                sentence,
            );
            if let Some(whole) = whole {
                out.push(whole);
                continue;
            }
            let shares: Vec<usize> = members.filter(|&i| is_share(claims, i, &taken)).collect();
            let partition_words = context.lexicon.cues.partition_words;
            let partition = (shares.len() >= 2)
                .then(|| find_phrase_in(context, from, to, partition_words))
                .flatten();
            if let Some((start, end)) = partition {
                let roles = vec![("share", shares)];
                out.push(relation(
                    context,
                    roles,
                    (start, end, "partition"),
                    sentence,
                ));
            }
            continue;
        };
        let after = members.filter(|&i| claims[i].start >= cue_end && Some(i) != total);
        let (mut parts, mut shares) = (Vec::new(), Vec::new());
        for i in after {
            if is_share(claims, i, &taken) {
                shares.push(i);
            } else if total.is_some_and(|t| same_measure(&claims[t], &claims[i])) {
                parts.push(i);
            }
        }
        if parts.is_empty() && shares.is_empty() {
            continue;
        }
        // "… e il resto, 15,6 miliardi": with the rest named, the parts are all of the whole.
        let rest = find_phrase_in(context, cue_end, to, context.lexicon.cues.rest_words);
        let cue = match rest {
            Some((start, end)) if total.is_some() => (start, end, "rest"),
            _ => (cue_start, cue_end, "part-of"),
        };
        let roles = vec![
            ("total", total.into_iter().collect()),
            ("part", parts),
            ("share", shares),
        ];
        out.push(relation(context, roles, cue, sentence));
    }
}

/// "Dei 7.500 migranti sbarcati, 4.200…", "Of the 1,450 flights cancelled, 980…", "De los 350
/// diputados, 137…": the first amount of the sentence right after one of the lexicon's
/// `whole_openers` is the whole of the amounts after it: `(cue start, cue end, whole)`.
fn whole_opened(
    context: &Context,
    claims: &[Found],
    mut members: std::ops::RangeInclusive<usize>,
    sentence_start: usize,
) -> Option<(usize, usize, Option<usize>)> {
    let first = members.next()?;
    let claim = &claims[first];
    if !claim.is_amount() {
        return None;
    }
    let gap = context.ascii_lower.get(sentence_start..claim.start)?;
    let lead = gap.trim_start();
    let offset = sentence_start + gap.len() - lead.len();
    let opener = context
        .lexicon
        .cues
        .whole_openers
        .iter()
        .filter(|o| lead.trim_end() == **o)
        .max_by_key(|o| o.len())?;
    Some((offset, offset + opener.len(), Some(first)))
}

/// How far after the whole its colon may be, in bytes.
const COLON_WINDOW: usize = 80;

/// "3.200 case danneggiate: 1.900 a nord, 900 al centro e 400 a sud": a whole, a colon within
/// a few words, and two parts or more of the same measure after it, which make up the whole
/// (cue id `list`, the colon).
fn colon_list(
    context: &Context,
    claims: &[Found],
    members: std::ops::RangeInclusive<usize>,
    (from, to): (usize, usize),
    sentence: u32,
) -> Option<Relation> {
    let colon = from + context.text.get(from..to)?.find(':')?;
    let total = members
        .clone()
        .rev()
        .find(|&i| claims[i].end <= colon && claims[i].is_amount())?;
    let between = &context.text[claims[total].end..colon];
    if between.len() > COLON_WINDOW || between.contains(['.', ';', '(', ')']) {
        return None;
    }
    let parts: Vec<usize> = members
        .filter(|&i| claims[i].start > colon && same_measure(&claims[total], &claims[i]))
        .collect();
    let parts = super::whole::listed(context, claims, parts);
    if parts.len() < 2 {
        return None;
    }
    let roles = vec![("total", vec![total]), ("part", parts)];
    Some(relation(
        context,
        roles,
        (colon, colon + 1, "list"),
        sentence,
    ))
}

#[cfg(test)]
mod tests {
    use crate::extract::relations::testing::{one, totals};
    use crate::model::Lang;

    /// A count's parts are counted too: amounts with a scale word the count lacks, listed
    /// after "tre voci:", are what the items are worth, not parts of three.
    #[test]
    fn a_count_is_no_total_of_amounts_at_another_scale() {
        for (lang, text) in [
            (
                Lang::It,
                "Il piano si articola in tre voci: 2 miliardi per le scuole, 1,5 miliardi per gli ospedali e 1 miliardo per le strade.",
            ),
            (
                Lang::En,
                "The plan has three parts: 2 billion for schools, 1.5 billion for hospitals and 1 billion for roads.",
            ),
            (
                Lang::Es,
                "El plan tiene tres partidas: 2 millones para escuelas, 1,5 millones para hospitales y 1 millón para carreteras.",
            ),
        ] {
            assert_eq!(totals(lang, text), [], "{text}");
        }
        assert_eq!(
            totals(
                Lang::It,
                "La squadra ha vinto 40 medaglie: 12 ori, 13 argenti e 15 bronzi."
            )
            .len(),
            1
        );
    }

    /// "of those", "de las que", "di quelli": the parts of the whole of the sentence before,
    /// or of the same sentence.
    #[test]
    fn pronoun_markers_open_the_parts_of_a_whole() {
        for (lang, text, parts) in [
            (
                Lang::En,
                "The agency received 1,240 claims. Of those, 860 were paid and 380 refused.",
                "1,240 claims | 860 | 380",
            ),
            (
                Lang::Es,
                "Llegaron 1,2 millones de solicitudes, de las que 350.000 fueron aceptadas.",
                "1,2 millones de solicitudes | 350.000",
            ),
            (
                Lang::It,
                "Sono arrivate 900 domande. Di quelle, 600 sono state accolte e 300 respinte.",
                "900 domande | 600 | 300 respinte",
            ),
        ] {
            let found = totals(lang, text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].1, parts, "{text}");
        }
    }

    #[test]
    fn a_whole_and_the_parts_after_the_marker() {
        assert_eq!(
            totals(
                Lang::It,
                "Il fondo vale 12 miliardi di euro, di cui 7 miliardi per la sanità e 4 per la scuola."
            ),
            one(
                "total,part,part",
                "12 miliardi di euro | 7 miliardi | 4",
                "di cui"
            )
        );
        assert_eq!(
            totals(
                Lang::En,
                "The crash injured 40 people, including 12 children and 3 firefighters."
            ),
            one(
                "total,part,part",
                "40 people | 12 children | 3 firefighters",
                "including"
            )
        );
        assert_eq!(
            totals(
                Lang::Es,
                "La empresa creó 1.200 empleos, de los cuales 800 son fijos."
            ),
            one("total,part", "1.200 empleos | 800", "de los cuales")
        );
    }

    #[test]
    fn parts_at_the_scale_of_a_measured_whole_leave_its_unit_unsaid() {
        assert_eq!(
            totals(
                Lang::Es,
                "La cosecha fue de 37 millones de hectolitros: 16 millones de tinto y 21 millones de blanco."
            ),
            one(
                "total,part,part",
                "37 millones de hectolitros | 16 millones de tinto | 21 millones de blanco",
                ":"
            )
        );
        assert_eq!(
            totals(
                Lang::It,
                "La produzione è stata di 48 milioni di ettolitri: 20 milioni di rosso e 28 milioni di bianco."
            ),
            one(
                "total,part,part",
                "48 milioni di ettolitri | 20 milioni di rosso | 28 milioni di bianco",
                ":"
            )
        );
    }

    #[test]
    fn a_list_after_a_colon_makes_up_the_whole() {
        assert_eq!(
            totals(
                Lang::It,
                "Il bando finanzia 2.400 posti, così distribuiti: 1.300 a Milano, 700 a Roma e 400 a Napoli."
            ),
            one(
                "total,part,part,part",
                "2.400 posti | 1.300 | 700 | 400",
                ":"
            )
        );
        assert_eq!(
            totals(
                Lang::En,
                "The storm damaged 3,200 homes: 1,900 in the north, 900 in the centre and 400 in the south."
            ),
            one(
                "total,part,part,part",
                "3,200 homes | 1,900 | 900 | 400",
                ":"
            )
        );
        assert_eq!(
            totals(
                Lang::Es,
                "El plan reparte 90 millones de euros: 50 millones para vivienda y 40 millones para transporte."
            ),
            one(
                "total,part,part",
                "90 millones de euros | 50 millones | 40 millones",
                ":"
            )
        );
        // One figure after the colon is a restatement, not a breakdown.
        assert!(totals(Lang::En, "Sales hit $5bn: costs were $3bn.").is_empty());
    }

    #[test]
    fn a_sentence_opened_on_the_whole_or_a_marker_after_it_finds_the_whole() {
        assert_eq!(
            totals(
                Lang::It,
                "Dei 7.500 migranti sbarcati a luglio, 4.200 sono arrivati in Sicilia e 3.300 in Calabria."
            ),
            one("total,part,part", "7.500 migranti | 4.200 | 3.300", "Dei")
        );
        assert_eq!(
            totals(
                Lang::En,
                "Of the 1,450 flights cancelled on Monday, 980 were in Chicago and 470 in Denver."
            ),
            one("total,part,part", "1,450 flights | 980 | 470", "Of the")
        );
        assert_eq!(
            totals(
                Lang::Es,
                "El Gobierno aprobó 3,2 millones de euros en ayudas. De ellos, 2 millones irán a familias y 1,2 millones a empresas."
            ),
            one(
                "total,part,part",
                "3,2 millones de euros | 2 millones | 1,2 millones",
                "De ellos"
            )
        );
    }

    #[test]
    fn parts_that_name_the_rest_are_all_of_the_whole() {
        assert_eq!(
            totals(
                Lang::It,
                "Dei 52 miliardi previsti, il 70% arriverà da fondi pubblici e il resto, circa 15,6 miliardi, da privati."
            ),
            one(
                "total,part,share",
                "52 miliardi | 15,6 miliardi | 70%",
                "il resto"
            )
        );
        assert_eq!(
            totals(
                Lang::En,
                "Of the $40 billion package, $25 billion goes to the budget and the rest, $15 billion, to defence."
            ),
            one(
                "total,part,part",
                "$40 billion | $25 billion | $15 billion",
                "the rest"
            )
        );
    }

    #[test]
    fn no_marker_no_whole_or_no_part_is_no_relation() {
        assert!(totals(Lang::En, "Sales were $5bn and costs $3bn.").is_empty());
        assert!(totals(Lang::En, "Of which I know nothing, but 3 people came.").is_empty());
    }

    #[test]
    fn percentages_after_the_marker_or_split_by_a_partition_word_are_shares() {
        assert_eq!(
            totals(
                Lang::It,
                "Spesi 10 milioni di euro, di cui il 40% all'estero."
            ),
            one("total,share", "10 milioni di euro | 40%", "di cui")
        );
        assert_eq!(
            totals(
                Lang::En,
                "Labour and the Tories took 41% and 38% of the vote respectively."
            ),
            one("share,share", "41% | 38%", "respectively")
        );
        assert_eq!(
            totals(
                Lang::Es,
                "El 55% de los fondos va a sanidad y el resto, un 45%, a educación."
            ),
            one("share,share", "55% | 45%", "el resto")
        );
        // Rates of change and the ends of a range are no shares.
        assert!(
            totals(
                Lang::En,
                "Sales rose 60% in Europe and grew 55% in Asia, respectively."
            )
            .is_empty()
        );
        assert!(
            totals(
                Lang::It,
                "La quota è passata dal 60% al 70%, rispettivamente nel 2022 e nel 2023."
            )
            .is_empty()
        );
    }
}
