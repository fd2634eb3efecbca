//! Italian sentences for the benchmark corpus: one function per construction, picked at
//! random by `sentence`, with plain sentences (no figures) about half the time, as in real
//! news prose. Every figure follows the Italian convention (`13,6`, `2.300`, `1.234.567,89`).

use super::{Convention, Rng};

const CONVENTION: Convention = Convention::Italian;

const SUBJECTS: &[&str] = &[
    "Il governo",
    "La banca centrale",
    "Il gruppo industriale",
    "L'azienda di Stato",
    "Il ministero dell'Economia",
    "La Commissione europea",
    "Il consorzio",
    "Il fondo sovrano",
    "L'amministrazione comunale",
    "La compagnia energetica",
];
const PLACES: &[&str] = &[
    "Pechino",
    "Mosca",
    "Roma",
    "Milano",
    "Bruxelles",
    "Berlino",
    "Nuova Delhi",
    "Tokyo",
    "Londra",
    "Washington",
];
const TOPICS: &[&str] = &[
    "la transizione energetica",
    "le infrastrutture portuali",
    "la sicurezza alimentare",
    "la cooperazione militare",
    "il rinnovo della rete ferroviaria",
    "la ricerca sui semiconduttori",
    "gli aiuti alle imprese",
    "la difesa aerea",
];
const PLAIN: &[&str] = &[
    "La notizia è stata accolta con prudenza dagli analisti.",
    "Fonti diplomatiche parlano di un clima disteso.",
    "L'opposizione ha chiesto un'informativa urgente in Parlamento.",
    "Il portavoce non ha voluto commentare le indiscrezioni.",
    "Secondo gli osservatori, il quadro resta incerto.",
    "I mercati hanno reagito con cautela all'annuncio.",
    "Il vertice si è chiuso senza una dichiarazione congiunta.",
    "Le trattative proseguiranno nelle prossime settimane.",
    "Gli esperti invitano a non trarre conclusioni affrettate.",
    "La stampa locale ha dato ampio spazio alla vicenda.",
    "Restano aperte diverse questioni sul piano tecnico.",
    "Il documento finale sarà pubblicato dopo la revisione dei giuristi.",
];
// (plural name, symbol, ISO code)
const CURRENCIES: &[(&str, &str, &str)] = &[
    ("dollari", "$", "USD"),
    ("euro", "€", "EUR"),
    ("yuan", "¥", "CNY"),
    ("rubli", "₽", "RUB"),
    ("sterline", "£", "GBP"),
    ("rupie", "₹", "INR"),
    ("franchi svizzeri", "CHF", "CHF"),
];
const SCALES: &[&str] = &["milioni", "miliardi", "mln", "mld", "mila"];
const QUALIFIERS: &[&str] = &[
    "quasi", "circa", "oltre", "più di", "almeno", "fino a", "meno di",
];
const COUNT_NOUNS: &[&str] = &[
    "accordi",
    "esercitazioni",
    "navi",
    "dipendenti",
    "stabilimenti",
    "progetti",
    "contratti",
    "voli",
];
const SPELLED: &[&str] = &[
    "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "dieci", "dodici", "quindici",
    "venti", "trenta", "cento",
];
const MONTHS: &[&str] = &[
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];
const SPELLED_ORDINALS: &[&str] = &[
    "primo",
    "secondo",
    "terzo",
    "decimo",
    "ventesimo",
    "cinquantesimo",
    "settantacinquesimo",
];

pub fn title(rng: &mut Rng) -> String {
    format!(
        "{} e {}: nuove intese per {}",
        rng.pick(PLACES),
        rng.pick(PLACES),
        rng.pick(TOPICS)
    )
}

pub fn sentence(rng: &mut Rng) -> String {
    if rng.chance(45) {
        return plain(rng);
    }
    let builders: &[fn(&mut Rng) -> String] = &[
        conversion,
        symbol_first,
        exact_amount,
        iso_code_amount,
        growth,
        percentage,
        percentage_points,
        count,
        approximate_count,
        quantity,
        date,
        relative_month,
        duration,
        ordinal,
        equivalent_to,
    ];
    rng.pick(builders)(rng)
}

fn plain(rng: &mut Rng) -> String {
    if rng.chance(50) {
        return rng.pick(PLAIN).to_string();
    }
    format!(
        "{} ha presentato a {} un piano per {}.",
        rng.pick(SUBJECTS),
        rng.pick(PLACES),
        rng.pick(TOPICS)
    )
}

fn conversion(rng: &mut Rng) -> String {
    let (local, usd) = (CONVENTION.scaled_figure(rng), CONVENTION.scaled_figure(rng));
    let scale = *rng.pick(&["miliardi", "milioni", "trilioni"]);
    format!(
        "{} ha firmato {} accordi per un valore di {local} {scale} di yuan ({usd} miliardi di dollari).",
        rng.pick(SUBJECTS),
        rng.between(2, 80)
    )
}

fn symbol_first(rng: &mut Rng) -> String {
    let (_, symbol, _) = *rng.pick(CURRENCIES);
    let space = if rng.chance(50) { " " } else { "" };
    format!(
        "{} ha stanziato {symbol}{space}{} {} per {}.",
        rng.pick(SUBJECTS),
        CONVENTION.scaled_figure(rng),
        rng.pick(SCALES),
        rng.pick(TOPICS)
    )
}

fn exact_amount(rng: &mut Rng) -> String {
    let (name, _, _) = *rng.pick(CURRENCIES);
    format!(
        "Il bilancio si è chiuso con un utile netto di {} {name}.",
        CONVENTION.exact_amount(rng)
    )
}

fn iso_code_amount(rng: &mut Rng) -> String {
    let (_, _, code) = *rng.pick(CURRENCIES);
    format!(
        "Le riserve valutarie ammontano a {} {code} {} {}.",
        rng.pick(&["quasi", "circa", "oltre", "più di", "almeno"]),
        CONVENTION.scaled_figure(rng),
        rng.pick(&["miliardi", "milioni"])
    )
}

fn growth(rng: &mut Rng) -> String {
    let (direction, sign) = *rng.pick(&[
        ("in aumento del", "+"),
        ("in calo del", "-"),
        ("in crescita del", ""),
    ]);
    let period = rng.pick(&[
        "su base annua",
        "rispetto al 2022",
        "rispetto all'anno precedente",
    ]);
    format!(
        "L'interscambio tra {} e {} ha raggiunto {} miliardi di euro, {direction} {sign}{}% {period}.",
        rng.pick(PLACES),
        rng.pick(PLACES),
        CONVENTION.scaled_figure(rng),
        CONVENTION.percentage(rng)
    )
}

fn percentage(rng: &mut Rng) -> String {
    let sign = *rng.pick(&["%", " per cento", " percento"]);
    format!(
        "Il {}{sign} degli intervistati si dice favorevole all'accordo.",
        CONVENTION.percentage(rng)
    )
}

fn percentage_points(rng: &mut Rng) -> String {
    format!(
        "Il tasso di disoccupazione è sceso di {} punti percentuali nel {}.",
        CONVENTION.percentage(rng),
        rng.between(2010, 2024)
    )
}

fn count(rng: &mut Rng) -> String {
    let number = if rng.chance(30) {
        rng.pick(SPELLED).to_string()
    } else {
        CONVENTION.integer_between(rng, 2, 25_000)
    };
    format!(
        "Dal {} sono stati registrati {number} {} in tutta la regione.",
        rng.between(2000, 2023),
        rng.pick(COUNT_NOUNS)
    )
}

fn approximate_count(rng: &mut Rng) -> String {
    let amount = *rng.pick(&[
        "una dozzina di",
        "un centinaio di",
        "quasi una dozzina di",
        "oltre 300",
        "almeno 12",
    ]);
    format!("Nell'area operano {amount} {}.", rng.pick(COUNT_NOUNS))
}

fn quantity(rng: &mut Rng) -> String {
    let unit = *rng.pick(&[
        "miglia nautiche",
        "km",
        "chilometri",
        "tonnellate",
        "barili al giorno",
        "MW",
    ]);
    let figure = CONVENTION.integer_between(rng, 10, 50_000);
    format!(
        "Il progetto prevede {} {figure} {unit} entro il {}.",
        rng.pick(QUALIFIERS),
        rng.between(2024, 2035)
    )
}

fn date(rng: &mut Rng) -> String {
    let month = rng.pick(MONTHS);
    let year = rng.between(2000, 2024);
    match rng.below(3) {
        0 => format!(
            "L'intesa era stata firmata nel {month} {year} a {}.",
            rng.pick(PLACES)
        ),
        1 => format!(
            "Il {} {month} {year} il consiglio ha approvato il testo.",
            rng.between(1, 28)
        ),
        _ => format!("Nel {year} la produzione era ripartita dopo la crisi."),
    }
}

fn relative_month(rng: &mut Rng) -> String {
    let when = *rng.pick(&["lo scorso", "a", "nel mese di"]);
    format!(
        "Il ministro, nominato {when} {}, guida la delegazione.",
        rng.pick(MONTHS)
    )
}

fn duration(rng: &mut Rng) -> String {
    if rng.chance(50) {
        format!(
            "Negli ultimi {} anni i rapporti si sono intensificati.",
            rng.pick(SPELLED)
        )
    } else {
        format!("I lavori dureranno {} mesi.", rng.between(2, 48))
    }
}

fn ordinal(rng: &mut Rng) -> String {
    let ordinal = match rng.below(3) {
        0 => format!("{}mo", rng.between(2, 99)),
        1 => format!("{}°", rng.between(2, 99)),
        _ => rng.pick(SPELLED_ORDINALS).to_string(),
    };
    format!("Quest'anno ricorre il {ordinal} anniversario della fondazione.")
}

fn equivalent_to(rng: &mut Rng) -> String {
    format!(
        "Il contratto vale {} milioni di euro, pari a circa {} milioni di dollari.",
        CONVENTION.scaled_figure(rng),
        CONVENTION.scaled_figure(rng)
    )
}
