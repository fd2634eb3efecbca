//! Spanish amount words (see [`AmountWords`](crate::extract::lang::amounts::AmountWords)).

use crate::extract::lang::amounts::AmountWords;
use crate::model::Qualifier::*;

pub static AMOUNTS: AmountWords = AmountWords {
    qualifiers: &[
        (&["casi"], Approx),
        (&["aproximadamente"], Approx),
        (&["unos"], Approx),
        (&["unas"], Approx),
        (&["cerca", "de"], Approx),
        (&["alrededor", "de"], Approx),
        (&["no", "más", "de"], AtMost),
        (&["no", "mas", "de"], AtMost),
        (&["más", "de"], MoreThan),
        (&["mas", "de"], MoreThan),
        (&["menos", "de"], LessThan),
        (&["cerca", "del"], Approx),
        (&["alrededor", "del"], Approx),
        (&["no", "más", "del"], AtMost),
        (&["no", "mas", "del"], AtMost),
        (&["más", "del"], MoreThan),
        (&["mas", "del"], MoreThan),
        (&["menos", "del"], LessThan),
        (&["superior", "a"], MoreThan),
        (&["superiores", "a"], MoreThan),
        (&["inferior", "a"], LessThan),
        (&["inferiores", "a"], LessThan),
        (&["superior", "al"], MoreThan),
        (&["superiores", "al"], MoreThan),
        (&["inferior", "al"], LessThan),
        (&["inferiores", "al"], LessThan),
        (&["al", "menos"], AtLeast),
        (&["por", "lo", "menos"], AtLeast),
        (&["como", "mínimo"], AtLeast),
        (&["como", "minimo"], AtLeast),
        (&["hasta"], AtMost),
        (&["como", "máximo"], AtMost),
        (&["como", "maximo"], AtMost),
        (&["un", "máximo", "de"], AtMost),
    ],
    articles: &["el", "la", "los", "las", "un", "una"],
};
