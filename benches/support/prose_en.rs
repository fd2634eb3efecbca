//! English sentences for the benchmark corpus: one function per construction, picked at
//! random by `sentence`, with plain sentences (no figures) about half the time. Figures use
//! the English convention (`13.6`, `2,300`, `$1.91bn`).

use super::{Convention, Rng};

const CONVENTION: Convention = Convention::English;

const SUBJECTS: &[&str] = &[
    "The government",
    "The central bank",
    "The state-owned group",
    "The ministry of finance",
    "The European Commission",
    "The consortium",
    "The sovereign wealth fund",
    "The city council",
    "The energy company",
    "The shipping line",
];
const PLACES: &[&str] = &[
    "Beijing",
    "Moscow",
    "Rome",
    "Milan",
    "Brussels",
    "Berlin",
    "New Delhi",
    "Tokyo",
    "London",
    "Washington",
];
const TOPICS: &[&str] = &[
    "the energy transition",
    "port infrastructure",
    "food security",
    "military cooperation",
    "the rail network",
    "semiconductor research",
    "support for small firms",
    "air defence",
];
const PLAIN: &[&str] = &[
    "Analysts greeted the news with caution.",
    "Diplomatic sources described the mood as relaxed.",
    "The opposition demanded an urgent statement to parliament.",
    "A spokesperson declined to comment on the reports.",
    "Observers say the outlook remains uncertain.",
    "Markets reacted calmly to the announcement.",
    "The summit ended without a joint declaration.",
    "Talks are expected to continue in the coming weeks.",
    "Experts warned against drawing hasty conclusions.",
    "Local newspapers gave the story wide coverage.",
    "Several technical questions remain open.",
    "The final text will be published after a legal review.",
];
const SYMBOLS: &[&str] = &["$", "US$", "€", "£", "¥", "CN¥", "₹", "₽"];
const NAMES: &[&str] = &[
    "dollars",
    "euros",
    "yuan",
    "roubles",
    "pounds",
    "yen",
    "rupees",
    "Swiss francs",
];
const CODES: &[&str] = &[
    "USD", "EUR", "CNY", "RMB", "RUB", "GBP", "JPY", "INR", "CHF",
];
const SHORT_SCALES: &[&str] = &["bn", "m", "mn", "k", "tn"];
const LONG_SCALES: &[&str] = &["million", "billion", "trillion", "thousand"];
const QUALIFIERS: &[&str] = &[
    "nearly",
    "about",
    "around",
    "over",
    "more than",
    "at least",
    "up to",
    "less than",
];
const COUNT_NOUNS: &[&str] = &[
    "agreements",
    "drills",
    "ships",
    "employees",
    "plants",
    "projects",
    "contracts",
    "flights",
];
const SPELLED: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "ten",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "a hundred",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const SPELLED_ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "tenth",
    "twentieth",
    "fiftieth",
    "seventy-fifth",
];

pub fn title(rng: &mut Rng) -> String {
    format!(
        "{} and {} agree new deals on {}",
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
        symbol_with_short_scale,
        symbol_with_long_scale,
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
    ];
    rng.pick(builders)(rng)
}

fn plain(rng: &mut Rng) -> String {
    if rng.chance(50) {
        return rng.pick(PLAIN).to_string();
    }
    format!(
        "{} presented a plan for {} in {}.",
        rng.pick(SUBJECTS),
        rng.pick(TOPICS),
        rng.pick(PLACES)
    )
}

fn conversion(rng: &mut Rng) -> String {
    let local = CONVENTION.scaled_figure(rng);
    let usd = CONVENTION.scaled_figure(rng);
    let (opening, closing) = *rng.pick(&[(" (", "),"), (", or ", ","), (", equivalent to ", ",")]);
    format!(
        "{} signed {} agreements worth {local} billion yuan{opening}${usd}bn{closing} officials said.",
        rng.pick(SUBJECTS),
        rng.between(2, 80)
    )
}

fn symbol_with_short_scale(rng: &mut Rng) -> String {
    format!(
        "{} set aside {}{}{} for {}.",
        rng.pick(SUBJECTS),
        rng.pick(SYMBOLS),
        CONVENTION.scaled_figure(rng),
        rng.pick(SHORT_SCALES),
        rng.pick(TOPICS)
    )
}

fn symbol_with_long_scale(rng: &mut Rng) -> String {
    let space = if rng.chance(30) { " " } else { "" };
    format!(
        "The fund raised {}{space}{} {} last year.",
        rng.pick(SYMBOLS),
        CONVENTION.scaled_figure(rng),
        rng.pick(LONG_SCALES)
    )
}

fn exact_amount(rng: &mut Rng) -> String {
    format!(
        "Net profit came to {} {} for the year.",
        CONVENTION.exact_amount(rng),
        rng.pick(NAMES)
    )
}

fn iso_code_amount(rng: &mut Rng) -> String {
    format!(
        "Foreign reserves stand at {} {} {} {}.",
        rng.pick(&["nearly", "about", "around", "over", "more than", "at least"]),
        rng.pick(CODES),
        CONVENTION.scaled_figure(rng),
        rng.pick(&["billion", "million"])
    )
}

fn growth(rng: &mut Rng) -> String {
    let direction = *rng.pick(&["up", "down", "a rise of", "a fall of"]);
    let period = *rng.pick(&[
        "year on year",
        "from 2022",
        "on the previous year",
        "year-on-year",
    ]);
    format!(
        "Trade between {} and {} reached ${} billion, {direction} {}% {period}.",
        rng.pick(PLACES),
        rng.pick(PLACES),
        CONVENTION.scaled_figure(rng),
        CONVENTION.percentage(rng)
    )
}

fn percentage(rng: &mut Rng) -> String {
    let sign = *rng.pick(&["%", " percent", " per cent"]);
    format!(
        "Some {}{sign} of those polled back the agreement.",
        CONVENTION.percentage(rng)
    )
}

fn percentage_points(rng: &mut Rng) -> String {
    let unit = *rng.pick(&["percentage points", "pp"]);
    format!(
        "Unemployment fell by {} {unit} in {}.",
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
        "Since {} there have been {number} {} across the region.",
        rng.between(2000, 2023),
        rng.pick(COUNT_NOUNS)
    )
}

fn approximate_count(rng: &mut Rng) -> String {
    let amount = *rng.pick(&[
        "a dozen",
        "nearly a dozen",
        "about a hundred",
        "more than 300",
        "at least 12",
    ]);
    format!(
        "There are {amount} {} operating in the area.",
        rng.pick(COUNT_NOUNS)
    )
}

fn quantity(rng: &mut Rng) -> String {
    let unit = *rng.pick(&[
        "nautical miles",
        "km",
        "miles",
        "tonnes",
        "barrels a day",
        "MW",
        "GW",
    ]);
    let figure = CONVENTION.integer_between(rng, 10, 50_000);
    format!(
        "The project covers {} {figure} {unit} and should be finished by {}.",
        rng.pick(QUALIFIERS),
        rng.between(2024, 2035)
    )
}

fn date(rng: &mut Rng) -> String {
    let month = rng.pick(MONTHS);
    let year = rng.between(2000, 2024);
    match rng.below(4) {
        0 => format!(
            "The pact was signed in {month} {year} in {}.",
            rng.pick(PLACES)
        ),
        1 => format!(
            "On {month} {}, {year} the board approved the text.",
            rng.between(1, 28)
        ),
        2 => format!(
            "The report is dated {year}-{:02}-{:02}.",
            rng.between(1, 12),
            rng.between(1, 28)
        ),
        _ => format!("In {year} output recovered after the crisis."),
    }
}

fn relative_month(rng: &mut Rng) -> String {
    let when = *rng.pick(&["last", "in", "this"]);
    format!(
        "The minister, appointed {when} {}, leads the delegation.",
        rng.pick(MONTHS)
    )
}

fn duration(rng: &mut Rng) -> String {
    if rng.chance(50) {
        format!(
            "Over the past {} years ties have deepened.",
            rng.pick(SPELLED)
        )
    } else {
        format!("The works will last {} months.", rng.between(2, 48))
    }
}

fn ordinal(rng: &mut Rng) -> String {
    let ordinal = if rng.chance(60) {
        let number = rng.between(2, 99);
        let suffix = match (number % 10, number % 100) {
            (_, 11..=13) => "th",
            (1, _) => "st",
            (2, _) => "nd",
            (3, _) => "rd",
            _ => "th",
        };
        format!("{number}{suffix}")
    } else {
        rng.pick(SPELLED_ORDINALS).to_string()
    };
    format!("This year marks the {ordinal} anniversary of the founding.")
}
