//! For the relation stage's tests: the relations of one kind in a sentence, described by the
//! roles, claim texts and cue they hold, so a test reads like the sentence it checks.

use crate::extract::{Extraction, Options, extract};
use crate::model::{ArticleDate, Direction, Lang, LangChoice, Relation, RelationKind};

/// One relation, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Described {
    /// Roles joined by `,`.
    pub roles: String,
    /// The claims' texts joined by ` | `, in role order.
    pub texts: String,
    /// The cue's text, or "".
    pub cue: String,
    pub direction: Option<Direction>,
}

/// `text` extracted in `lang` with the article date 2024-06-15.
pub fn extraction(lang: Lang, text: &str) -> Extraction {
    let options = Options {
        lang: LangChoice::Fixed(lang),
        date: ArticleDate::parse("2024-06-15"),
        ..Options::default()
    };
    extract(text, &options)
}

/// The relations of `kind` in `text`, read in `lang` with the article date 2024-06-15.
pub fn described(lang: Lang, text: &str, kind: RelationKind) -> Vec<Described> {
    let extraction = extraction(lang, text);
    let text_of = |id: &String| {
        let claim = extraction.claims.iter().find(|c| &c.id == id);
        claim.map_or_else(|| format!("<{id}?>"), |c| c.text.clone())
    };
    extraction
        .relations
        .iter()
        .filter(|r| r.kind == kind)
        .map(|r| Described {
            roles: r.roles.join(","),
            texts: r.claims.iter().map(text_of).collect::<Vec<_>>().join(" | "),
            cue: r.cue.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
            direction: r.direction,
        })
        .collect()
}

/// `relation`'s claims as `role=text; role=text`, in role order.
pub fn role_texts(extraction: &Extraction, relation: &Relation) -> String {
    relation
        .roles
        .iter()
        .zip(&relation.claims)
        .map(|(role, id)| {
            let claim = extraction.claims.iter().find(|c| &c.id == id);
            format!("{role}={}", claim.map_or("?", |c| c.text.as_str()))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `(roles, claim texts, cue)` of each `total` relation of `text`.
pub fn totals(lang: Lang, text: &str) -> Vec<(String, String, String)> {
    described(lang, text, RelationKind::Total)
        .into_iter()
        .map(|d| (d.roles, d.texts, d.cue))
        .collect()
}

/// One described relation, as [`totals`] gives it.
pub fn one(roles: &str, texts: &str, cue: &str) -> Vec<(String, String, String)> {
    vec![(roles.into(), texts.into(), cue.into())]
}
