//! Links the text makes between claims of one sentence.
//!
//! - `conversion`: a money amount followed by an amount in another currency in brackets, or
//!   after "pari a", "ovvero", "cioè", "ossia", ", or", "equivalent to", "about" …; the source
//!   amount comes first.
//! - `change`: a percentage with a change word near it ("aumento del", "in calo del", "up",
//!   "down"), a change phrase right after it ("il 7% in più", "un 12% más que", "8% higher")
//!   or an explicit sign, linked to the amount it qualifies: the nearest amount before
//!   it in the sentence (or after it, if none is before); when that amount is the target of a
//!   conversion, the source amount is linked instead; with no amount, the rate alone. The period comes from "su base annua",
//!   "year on year", "yoy" … (`year-on-year`) or a year after "rispetto al", "compared with" ….

use super::cue::cue_in;
use super::reach::{CLAIM_REACH, sentence_claims};
use crate::extract::found::{Found, claim_id};
use crate::extract::lang::cues::CueWords;
use crate::extract::lang::index::contains_word;
use crate::model::{ClaimKind, Direction, Relation, RelationKind, Sentence, roles_of};

/// Relations among `claims` (with their sentence indexes); ids are `c1`, `c2`, … by position.
pub fn relations(
    text: &str,
    cues: &CueWords,
    claims: &[Found],
    sentence_of: &[u32],
    sentences: &[Sentence],
) -> Vec<Relation> {
    let id = |index: usize| claim_id(index + 1);
    let mut out = Vec::new();
    // conversion_source[i] = Some(j) when claim i restates claim j.
    let mut conversion_source = vec![None; claims.len()];
    for (index, pair) in claims.windows(2).enumerate() {
        let (source, target) = (&pair[0], &pair[1]);
        if source.kind != ClaimKind::Money
            || target.kind != ClaimKind::Money
            || source.unit == target.unit
            || sentence_of[index] != sentence_of[index + 1]
        {
            continue;
        }
        if let Some(marker) = conversion_marker(cues, &text[source.end..target.start]) {
            conversion_source[index + 1] = Some(index);
            let cue_id = if matches!(marker, "(" | "[") {
                "brackets"
            } else {
                "conversion-marker"
            };
            out.push(Relation {
                kind: RelationKind::Conversion,
                claims: vec![id(index), id(index + 1)],
                roles: roles_of(RelationKind::Conversion, 2),
                marker: Some(marker.to_string()),
                direction: None,
                period: None,
                cue: Some(cue_in(text, marker, cue_id)),
                sentence: Some(sentence_of[index]),
                items: None,
                factor: None,
            });
        }
    }
    // The last change rate seen: (claim index, direction, marker, cue), for "rose 6% in May
    // and 4% in June", whose second rate shares the first one's verb.
    let mut last_change: Option<(usize, Direction, String, crate::model::Cue)> = None;
    for (index, percent) in claims.iter().enumerate() {
        if percent.kind != ClaimKind::Percent || percent.unit.as_deref() != Some("%") {
            continue;
        }
        let sentence = sentence_of[index];
        // The end of the sentence's first claim (or the sentence's start, for the first).
        let first_of_sentence = sentence_claims(sentence_of, sentence).start;
        let floor = if first_of_sentence < index {
            claims[first_of_sentence].end
        } else {
            sentences.get(sentence as usize).map_or(0, |s| s.start)
        };
        let window_start = floor_boundary(text, percent.start.saturating_sub(40).max(floor));
        let cue = change_cue(cues, &text[window_start..percent.start]);
        let (direction, marker, cue) = match (cue, percent.sign) {
            (Some((direction, marker)), _) => {
                let id = match direction {
                    Direction::Up => "rise",
                    Direction::Down => "fall",
                };
                (direction, marker.to_string(), cue_in(text, marker, id))
            }
            (None, Some(sign @ ('+' | '-' | '\u{2212}'))) => {
                let direction = if sign == '+' {
                    Direction::Up
                } else {
                    Direction::Down
                };
                let claim = &text[percent.start..percent.end];
                let written = claim
                    .find(sign)
                    .map_or(claim, |at| &claim[at..at + sign.len_utf8()]);
                (direction, sign.to_string(), cue_in(text, written, "sign"))
            }
            _ => match change_after(cues, text, claims, index) {
                Some((direction, marker)) => {
                    let id = match direction {
                        Direction::Up => "rise",
                        Direction::Down => "fall",
                    };
                    (direction, marker.to_string(), cue_in(text, marker, id))
                }
                None => match coordinated(cues, text, claims, sentence_of, index, &last_change) {
                    Some(shared) => shared,
                    None => continue,
                },
            },
        };
        last_change = Some((index, direction, marker.clone(), cue.clone()));
        let is_amount = |j: usize| {
            sentence_of[j] == sentence
                && matches!(
                    claims[j].kind,
                    ClaimKind::Money | ClaimKind::Count | ClaimKind::Quantity
                )
        };
        let before = (0..index)
            .rev()
            .take(CLAIM_REACH)
            .take_while(|&j| sentence_of[j] == sentence)
            .find(|&j| is_amount(j));
        let after = || {
            (index + 1..claims.len())
                .take(CLAIM_REACH)
                .take_while(|&j| sentence_of[j] == sentence)
                .find(|&j| is_amount(j))
        };
        // "Sales rose 60%": a change with no amount written is a rate alone.
        let amount = before
            .or_else(after)
            .map(|amount| conversion_source[amount].unwrap_or(amount));
        let members: Vec<usize> = std::iter::once(index).chain(amount).collect();
        let mut roles = roles_of(RelationKind::Change, members.len());
        // "The Dow fell 1.2%, or 450 points": an amount restating the rate after it is the
        // absolute change, not the amount the rate applies to.
        if let Some(&amount) = members.get(1).filter(|_| before.is_none()) {
            let gap = &text[percent.end..claims[amount].start.max(percent.end)];
            if conversion_marker(cues, gap).is_some() {
                roles[1] = "delta".to_owned();
            }
        }
        out.push(Relation {
            kind: RelationKind::Change,
            claims: members.iter().map(|&i| id(i)).collect(),
            roles,
            marker: Some(marker),
            direction: Some(direction),
            period: period_after(cues, text, claims, sentence_of, index),
            cue: Some(cue),
            sentence: Some(sentence),
            items: None,
            factor: None,
        });
    }
    out
}

/// A change phrase right after the percentage at `index` ("il 7% in più", "un 12% más que",
/// "8% higher"): its direction and the phrase as written. Only blanks may stand between the
/// two, and the phrase must end before the next claim.
fn change_after<'a>(
    cues: &CueWords,
    text: &'a str,
    claims: &[Found],
    index: usize,
) -> Option<(Direction, &'a str)> {
    let percent = &claims[index];
    let limit = claims
        .get(index + 1)
        .map_or(text.len(), |next| next.start.max(percent.end));
    let rest = text.get(percent.end..)?;
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let at = percent.end + (rest.len() - trimmed.len());
    let lower_head = |from: &str, len: usize| {
        from.get(..len)
            .filter(|_| {
                from[len..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
            .map(str::to_lowercase)
    };
    let clause_ends = |after: &str| {
        let after = after.trim_start();
        after.chars().next().is_none_or(|c| !c.is_alphanumeric())
            || cues
                .compared_with
                .iter()
                .any(|phrase| lower_head(after, phrase.len()).is_some_and(|head| head == *phrase))
    };
    let lists = [
        (Direction::Up, cues.rise_after),
        (Direction::Down, cues.fall_after),
    ];
    lists.into_iter().find_map(|(direction, phrases)| {
        phrases.iter().find_map(|&(phrase, at_clause_end)| {
            let end = at + phrase.len();
            let matches = end <= limit
                && lower_head(trimmed, phrase.len()).is_some_and(|head| head == phrase)
                && (!at_clause_end || clause_ends(&text[end..]));
            matches.then(|| (direction, &text[at..end]))
        })
    })
}

/// The direction, marker and cue of the change rate before claim `index` when this rate is
/// coordinated with it: same sentence, and only a short gap holding the language's "and".
fn coordinated(
    cues: &CueWords,
    text: &str,
    claims: &[Found],
    sentence_of: &[u32],
    index: usize,
    last_change: &Option<(usize, Direction, String, crate::model::Cue)>,
) -> Option<(Direction, String, crate::model::Cue)> {
    let (previous, direction, marker, cue) = last_change.as_ref()?;
    if sentence_of[*previous] != sentence_of[index] {
        return None;
    }
    let gap = text.get(claims[*previous].end..claims[index].start)?;
    let has_and = gap.split(|c: char| !c.is_alphabetic()).any(|word| {
        cues.and_words
            .iter()
            .any(|and| and.eq_ignore_ascii_case(word))
    });
    // "(+25%), e il margine è stato del 12%": a bracket or a clause of its own is no
    // coordination.
    let words = gap.split_whitespace().count();
    let bracket = gap.contains(['(', ')', '[', ']']);
    (gap.len() <= 40 && has_and && words <= 4 && !bracket)
        .then(|| (*direction, marker.clone(), cue.clone()))
}

pub(super) fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The marker between two amounts that makes the second a restatement of the first.
fn conversion_marker<'a>(cues: &CueWords, gap: &'a str) -> Option<&'a str> {
    let trimmed = gap.trim();
    if trimmed.starts_with('(') || trimmed.starts_with('[') {
        let inside = &trimmed[1..];
        return (inside.len() <= 24 && !inside.contains([')', ']'])).then(|| &trimmed[..1]);
    }
    // "€2.5bn of green bonds ($2.7bn)", "48 miliardi di yuan di commesse (6,7 miliardi di
    // dollari)": a short noun phrase of the first amount, then the bracket.
    if let Some(noun) = trimmed.strip_suffix(['(', '[']) {
        let words = noun.split_whitespace().count();
        let plain = !noun.contains(|c: char| c.is_ascii_digit() || ",;:.()[]".contains(c));
        if (1..=4).contains(&words) && noun.len() <= 32 && plain {
            return Some(&trimmed[noun.len()..]);
        }
    }
    let phrase = trimmed
        .trim_start_matches([',', ';', '—', '–', '-'])
        .trim_start();
    if phrase.len() > 30 {
        return None;
    }
    cues.conversion_markers.iter().find_map(|marker| {
        let head = phrase.get(..marker.len())?;
        let word_end = phrase[marker.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        (head.eq_ignore_ascii_case(marker) && word_end).then_some(head)
    })
}

/// A change word in the text before a percentage: (direction, the word as written).
pub(super) fn change_cue<'a>(cues: &CueWords, before: &'a str) -> Option<(Direction, &'a str)> {
    let words = before
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty());
    let mut found = None;
    // Two buffers reused for every word: this runs once per percentage, and a dense table
    // of figures makes that hundreds of thousands of times.
    let mut lower = String::new();
    let mut previous = String::new();
    for word in words {
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        // "made up 40%": the phrase states no change.
        let phrase = cues.no_change_phrases.iter().any(|p| {
            p.len() == previous.len() + 1 + lower.len()
                && p.starts_with(previous.as_str())
                && p.ends_with(lower.as_str())
                && p.as_bytes()[previous.len()] == b' '
        });
        let direction = if phrase {
            None
        } else if contains_word(cues.rise_words, &lower) {
            Some(Direction::Up)
        } else if contains_word(cues.fall_words, &lower) {
            Some(Direction::Down)
        } else {
            None
        };
        if direction.is_some() || phrase {
            found = direction.map(|d| (d, word));
        }
        std::mem::swap(&mut previous, &mut lower);
    }
    found
}

/// The comparison period stated after the percentage at `index`.
fn period_after(
    cues: &CueWords,
    text: &str,
    claims: &[Found],
    sentence_of: &[u32],
    index: usize,
) -> Option<String> {
    let percent = &claims[index];
    let next_claim = claims
        .get(index + 1)
        .filter(|_| sentence_of[index + 1] == sentence_of[index]);
    let mut window_end = (percent.end + 60).min(text.len());
    if let Some(next) = next_claim {
        window_end = window_end.min(next.start);
    }
    while !text.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let window = text[percent.end..window_end].to_lowercase();
    if cues.year_on_year.iter().any(|p| window.contains(p)) {
        return Some("year-on-year".to_string());
    }
    if cues.month_on_month.iter().any(|p| window.contains(p)) {
        return Some("month-on-month".to_string());
    }
    let next = next_claim.filter(|c| c.kind == ClaimKind::Date)?;
    let gap = text[percent.end..next.start].to_lowercase();
    let gap = gap.trim_end();
    cues.compared_with
        .iter()
        .any(|p| gap.ends_with(p))
        .then(|| next.date.clone())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::extract::lang::lexicon;
    use crate::model::Lang;

    fn cues(lang: Lang) -> &'static CueWords {
        lexicon(lang).cues
    }

    #[test]
    fn conversion_markers() {
        let (it, en, es) = (cues(Lang::It), cues(Lang::En), cues(Lang::Es));
        assert_eq!(conversion_marker(it, " ("), Some("("));
        assert_eq!(conversion_marker(it, ", pari a "), Some("pari a"));
        assert_eq!(conversion_marker(en, ", or about "), Some("or about"));
        assert_eq!(
            conversion_marker(en, " equivalent to "),
            Some("equivalent to")
        );
        assert_eq!(
            conversion_marker(es, ", equivalentes a "),
            Some("equivalentes a")
        );
        assert_eq!(conversion_marker(en, " and "), None);
        assert_eq!(conversion_marker(en, ", orange "), None);
        assert_eq!(conversion_marker(es, " y "), None);
        // A short noun phrase of the first amount may stand before the bracket.
        assert_eq!(conversion_marker(en, " of green bonds ("), Some("("));
        assert_eq!(conversion_marker(it, " di commesse ("), Some("("));
        assert_eq!(conversion_marker(es, " en bonos verdes ("), Some("("));
        assert_eq!(conversion_marker(en, ", up 5% from last year ("), None);
        assert_eq!(
            conversion_marker(en, " and then the rest of the money ("),
            None
        );
    }

    /// `(rate text, direction)` of each change relation of `text`.
    fn changes(lang: Lang, text: &str) -> Vec<(String, Option<Direction>)> {
        let options = crate::extract::Options {
            lang: crate::model::LangChoice::Fixed(lang),
            ..Default::default()
        };
        let extraction = crate::extract::extract(text, &options);
        extraction
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Change)
            .map(|r| {
                let rate = r.claim_with_role("rate").unwrap();
                let claim = extraction.claims.iter().find(|c| c.id == rate).unwrap();
                (claim.text.clone(), r.direction)
            })
            .collect()
    }

    #[test]
    fn a_rate_coordinated_with_a_change_shares_its_direction() {
        let up = Some(Direction::Up);
        let down = Some(Direction::Down);
        assert_eq!(
            changes(Lang::En, "Exports fell 6% in May and 4% in June."),
            [("6%".to_string(), down), ("4%".to_string(), down)]
        );
        assert_eq!(
            changes(
                Lang::Es,
                "Las ventas subieron un 60% en Europa y un 55% en Asia."
            ),
            [("60%".to_string(), up), ("55%".to_string(), up)]
        );
        assert_eq!(
            changes(
                Lang::It,
                "I ricavi sono saliti del 5% a Milano e del 3% a Roma."
            ),
            [("5%".to_string(), up), ("3%".to_string(), up)]
        );
        // A bracket or a clause of its own ends the coordination.
        assert_eq!(
            changes(
                Lang::It,
                "Le vendite sono salite a 100 milioni (+25%), e il margine è stato del 12%."
            )
            .len(),
            1
        );
    }

    #[test]
    fn change_phrases_after_the_percentage() {
        use super::super::testing::described;
        let changes = |lang: Lang, text: &str| {
            described(lang, text, RelationKind::Change)
                .into_iter()
                .map(|d| format!("{} = {} ({})", d.roles, d.texts, d.cue))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            changes(
                Lang::It,
                "Sono arrivati 68 milioni di turisti, il 7% in più rispetto al 2022."
            ),
            ["rate,base = 7% | 68 milioni di turisti (in più)"]
        );
        assert_eq!(
            changes(
                Lang::Es,
                "Facturó 3.400 millones de euros, un 12% más que en 2022."
            ),
            ["rate,base = 12% | 3.400 millones de euros (más que)"]
        );
        assert_eq!(
            changes(Lang::Es, "Vendió 900 coches, un 4% menos."),
            ["rate,base = 4% | 900 coches (menos)"]
        );
        assert_eq!(
            changes(Lang::En, "Profit came in at $2bn, 5% Lower than forecast."),
            ["rate,base = 5% | $2bn (Lower than)"]
        );
        // A superlative, not a change: "más" goes on with an adjective.
        assert!(changes(Lang::Es, "El 10% más rico acumula la mitad de la riqueza.").is_empty());
        // A comma between the two: the phrase belongs to another clause.
        assert!(changes(Lang::It, "La quota è del 3%, in calo le vendite.").is_empty());
    }

    #[test]
    fn change_cues() {
        assert_eq!(change_cue(cues(Lang::En), "Women made up "), None);
        assert_eq!(
            change_cue(cues(Lang::En), "Costs went up "),
            Some((Direction::Up, "up"))
        );
        assert_eq!(
            change_cue(cues(Lang::It), "con un aumento del "),
            Some((Direction::Up, "aumento"))
        );
        assert_eq!(
            change_cue(cues(Lang::En), "in 2023, up "),
            Some((Direction::Up, "up"))
        );
        assert_eq!(
            change_cue(cues(Lang::It), "in calo del "),
            Some((Direction::Down, "calo"))
        );
        assert_eq!(change_cue(cues(Lang::En), "the share was "), None);
        assert_eq!(
            change_cue(cues(Lang::Es), "con una caída del "),
            Some((Direction::Down, "caída"))
        );
    }
}
