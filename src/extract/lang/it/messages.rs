//! The Italian messages of findings, by key (the same keys and values as `en/messages.rs`).

pub(super) const MESSAGES: &[(&str, &str)] = &[
    (
        "ambiguous-scale-word.unsettled",
        "\u{201c}{scale}\u{201d} è ambiguo: {claim} vale {value} nella scala corta usata dalle redazioni, ma {alternative} nella scala lunga dei dizionari; meglio scrivere \u{201c}mila miliardi\u{201d} (10^12) o \u{201c}miliardi\u{201d} (10^9)",
    ),
    (
        "ambiguous-scale-word.settled",
        "\u{201c}{scale}\u{201d} è ambiguo, ma la conversione in {other} conferma la lettura {value}; \u{201c}mila miliardi\u{201d} (10^12) o \u{201c}miliardi\u{201d} (10^9) lo direbbero anche senza conversione",
    ),
    (
        "anniversary-year-mismatch.written-year",
        "{written}: contando dal {founding} cade nel {expected}, ma il testo lo colloca nel {meant} (\u{201c}{year}\u{201d}); nel {meant} sarebbe il numero {number}",
    ),
    (
        "anniversary-year-mismatch.article-year",
        "{written}: contando dal {founding} cade nel {expected}, ma l'articolo è del {meant} e non indica un altro anno; nel {meant} sarebbe il numero {number}",
    ),
    (
        "average-mismatch.day",
        "{total} in {period} ({units} giorni) fanno {computed} al giorno, non {average}",
    ),
    (
        "average-mismatch.week",
        "{total} in {period} ({units} settimane) fanno {computed} a settimana, non {average}",
    ),
    (
        "average-mismatch.month",
        "{total} in {period} ({units} mesi) fanno {computed} al mese, non {average}",
    ),
    (
        "average-mismatch.year",
        "{total} in {period} ({units} anni) fanno {computed} all'anno, non {average}",
    ),
    (
        "conversion-rate-mismatch.above",
        "{source} ({target}) implica un cambio di {implied} {pair} ({low}\u{2013}{high} data la precisione delle cifre), il {off}% sopra la media del riferimento più vicino: {reference}",
    ),
    (
        "conversion-rate-mismatch.below",
        "{source} ({target}) implica un cambio di {implied} {pair} ({low}\u{2013}{high} data la precisione delle cifre), il {off}% sotto la media del riferimento più vicino: {reference}",
    ),
    (
        "count-list-mismatch",
        "{count} indica {n} elementi, ma l'elenco che segue ne nomina {items}: {list}",
    ),
    (
        "growth-rate-mismatch.delta",
        "{delta} non corrisponde alla variazione da {from} a {to}, che è di {change} (da {low} a {high} data la precisione delle cifre)",
    ),
    (
        "growth-rate-mismatch.rate",
        "{rate} non corrisponde alla variazione da {from} a {to}, che è del {sign}{written}% (dal {low}% al {high}% data la precisione delle cifre)",
    ),
    (
        "parts-exceed-total.more",
        "le parti {parts} del totale {total} (\u{201c}{cue}\u{201d}) sommano {sum} ({low}\u{2013}{high} data la loro precisione), più dei {whole_low}\u{2013}{whole_high} del totale",
    ),
    (
        "parts-exceed-total.less",
        "le parti {parts} del totale {total} (\u{201c}{cue}\u{201d}) sommano {sum} ({low}\u{2013}{high} data la loro precisione), meno dei {whole_low}\u{2013}{whole_high} del totale",
    ),
    (
        "parts-exceed-total.shares",
        "le quote {shares} di uno stesso totale (\u{201c}{cue}\u{201d}) sommano almeno il {sum}%, più del 100%",
    ),
    (
        "percent-for-points",
        "{rate} è la differenza tra {from} e {to} in punti percentuali ({points}), non una variazione percentuale (che sarebbe del {relative}%); scrivere \u{201c}{points} punti percentuali\u{201d}",
    ),
    (
        "ratio-mismatch.share",
        "il {share} di {whole} è {expected}, non {part} (che ne è il {actual}%)",
    ),
    (
        "ratio-mismatch.factor-share",
        "\u{201c}{cue}\u{201d} indica una proporzione di {factor}, ma {share} è {value}",
    ),
    (
        "ratio-mismatch.factor-pair",
        "\u{201c}{cue}\u{201d} indica una proporzione di {factor}, ma {a} / {b} fa {value}",
    ),
    (
        "relative-date-mismatch.duration",
        "\u{201c}{duration}\u{201d} contando da {date}: da {since} alla data dell'articolo, {today}, passano {low}\u{2013}{high} mesi (circa {years} anni), fuori dai {stated_low}\u{2013}{stated_high} mesi che \u{201c}{duration}\u{201d} consente",
    ),
    (
        "relative-date-mismatch.relative",
        "\u{201c}{relative}\u{201d} in un articolo del {today} indica circa {meant}, ma il testo dice {date}: {near}\u{2013}{far} mesi di distanza, più dei {allowed} che \u{201c}{relative}\u{201d} consente",
    ),
    (
        "restatement-mismatch",
        "{first} è ripetuto come {again}: {a} e {b} non possono essere entrambi giusti ({a_low}\u{2013}{a_high} e {b_low}\u{2013}{b_high} data la loro precisione)",
    ),
    (
        "stated-rate-mismatch",
        "{source} ({target}) implica un cambio di {implied} {pair} ({low}\u{2013}{high} data la precisione delle cifre), ma il testo indica {stated}",
    ),
];
