//! Italian cue words (see [`CueWords`](crate::extract::lang::cues::CueWords)).

use crate::extract::lang::cues::CueWords;

pub static CUES: CueWords = CueWords {
    range_joiners: &["e", "a", "al", "all'", "all’", "-", "–"],
    and_words: &["e"],
    conversion_markers: &["pari al", "pari a", "ovvero", "cioè", "ossia", "circa"],
    rise_words: &[
        "aumento",
        "crescita",
        "rialzo",
        "incremento",
        "aumentato",
        "aumentata",
        "cresciuto",
        "cresciuta",
        "salito",
        "salita",
        "balzo",
        "progresso",
    ],
    fall_words: &[
        "calo",
        "diminuzione",
        "ribasso",
        "flessione",
        "contrazione",
        "diminuito",
        "diminuita",
        "sceso",
        "scesa",
        "calato",
        "calata",
        "perdita",
        "crollo",
    ],
    year_on_year: &[
        "su base annua",
        "annuo",
        "annua",
        "rispetto all'anno precedente",
    ],
    month_on_month: &["su base mensile"],
    compared_with: &["rispetto al", "rispetto allo", "rispetto a", "sul"],
};
