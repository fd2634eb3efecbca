//! English amount words (see [`AmountWords`](crate::extract::lang::amounts::AmountWords)).

use crate::extract::lang::amounts::AmountWords;
use crate::model::Qualifier::*;

pub static AMOUNTS: AmountWords = AmountWords {
    qualifiers: &[
        (&["at", "least"], AtLeast),
        (&["at", "most"], AtMost),
        (&["up", "to"], AtMost),
        (&["no", "more", "than"], AtMost),
        (&["no", "greater", "than"], AtMost),
        (&["more", "than"], MoreThan),
        (&["greater", "than"], MoreThan),
        (&["less", "than"], LessThan),
        (&["fewer", "than"], LessThan),
        (&["close", "to"], Approx),
        (&["nearly"], Approx),
        (&["almost"], Approx),
        (&["about"], Approx),
        (&["around"], Approx),
        (&["approximately"], Approx),
        (&["roughly"], Approx),
        (&["some"], Approx),
        (&["over"], MoreThan),
        (&["above"], MoreThan),
        (&["exceeding"], MoreThan),
        (&["under"], LessThan),
        (&["below"], LessThan),
    ],
    articles: &[],
};
