//! The Spanish messages of findings, by key (the same keys and values as `en/messages.rs`).

pub(super) const MESSAGES: &[(&str, &str)] = &[
    (
        "ambiguous-scale-word.unsettled",
        "\u{201c}{scale}\u{201d} es ambiguo: {claim} vale {value} en la escala corta que usan muchas redacciones, pero {alternative} en la escala larga del diccionario; mejor escribir \u{201c}billones\u{201d} (10^12) o \u{201c}miles de millones\u{201d} (10^9)",
    ),
    (
        "ambiguous-scale-word.settled",
        "\u{201c}{scale}\u{201d} es ambiguo, pero la conversión a {other} confirma la lectura {value}; \u{201c}billones\u{201d} (10^12) o \u{201c}miles de millones\u{201d} (10^9) lo dirían sin la conversión",
    ),
    (
        "anniversary-year-mismatch.written-year",
        "{written}: contando desde {founding} cae en {expected}, pero el texto lo sitúa en {meant} (\u{201c}{year}\u{201d}); en {meant} sería el número {number}",
    ),
    (
        "anniversary-year-mismatch.article-year",
        "{written}: contando desde {founding} cae en {expected}, pero el artículo es de {meant} y no indica otro año; en {meant} sería el número {number}",
    ),
    (
        "average-mismatch.day",
        "{total} en {period} ({units} días) son {computed} al día, no {average}",
    ),
    (
        "average-mismatch.week",
        "{total} en {period} ({units} semanas) son {computed} a la semana, no {average}",
    ),
    (
        "average-mismatch.month",
        "{total} en {period} ({units} meses) son {computed} al mes, no {average}",
    ),
    (
        "average-mismatch.year",
        "{total} en {period} ({units} años) son {computed} al año, no {average}",
    ),
    (
        "conversion-rate-mismatch.above",
        "{source} ({target}) implica un cambio de {implied} {pair} ({low}\u{2013}{high} según la precisión de las cifras), un {off}% por encima de la media de la referencia más cercana: {reference}",
    ),
    (
        "conversion-rate-mismatch.below",
        "{source} ({target}) implica un cambio de {implied} {pair} ({low}\u{2013}{high} según la precisión de las cifras), un {off}% por debajo de la media de la referencia más cercana: {reference}",
    ),
    (
        "count-list-mismatch",
        "{count} indica {n} elementos, pero la lista que sigue nombra {items}: {list}",
    ),
    (
        "growth-rate-mismatch.delta",
        "{delta} no corresponde a la variación de {from} a {to}, que es de {change} (de {low} a {high} según la precisión de las cifras)",
    ),
    (
        "growth-rate-mismatch.rate",
        "{rate} no corresponde a la variación de {from} a {to}, que es del {sign}{written}% (del {low}% al {high}% según la precisión de las cifras)",
    ),
    (
        "parts-exceed-total.more",
        "las partes {parts} del total {total} (\u{201c}{cue}\u{201d}) suman {sum} ({low}\u{2013}{high} según su precisión), más que los {whole_low}\u{2013}{whole_high} del total",
    ),
    (
        "parts-exceed-total.less",
        "las partes {parts} del total {total} (\u{201c}{cue}\u{201d}) suman {sum} ({low}\u{2013}{high} según su precisión), menos que los {whole_low}\u{2013}{whole_high} del total",
    ),
    (
        "parts-exceed-total.shares",
        "las cuotas {shares} de un mismo total (\u{201c}{cue}\u{201d}) suman al menos un {sum}%, más del 100%",
    ),
    (
        "percent-for-points",
        "{rate} es la diferencia entre {from} y {to} en puntos porcentuales ({points}), no una variación porcentual (que sería del {relative}%); escribir \u{201c}{points} puntos porcentuales\u{201d}",
    ),
    (
        "ratio-mismatch.share",
        "el {share} de {whole} es {expected}, no {part} (que es el {actual}%)",
    ),
    (
        "ratio-mismatch.factor-share",
        "\u{201c}{cue}\u{201d} indica una proporción de {factor}, pero {share} es {value}",
    ),
    (
        "ratio-mismatch.factor-pair",
        "\u{201c}{cue}\u{201d} indica una proporción de {factor}, pero {a} / {b} da {value}",
    ),
    (
        "relative-date-mismatch.duration",
        "\u{201c}{duration}\u{201d} contado desde {date}: de {since} a la fecha del artículo, {today}, van {low}\u{2013}{high} meses (unos {years} años), fuera de los {stated_low}\u{2013}{stated_high} meses que permite \u{201c}{duration}\u{201d}",
    ),
    (
        "relative-date-mismatch.relative",
        "\u{201c}{relative}\u{201d} en un artículo del {today} significa hacia {meant}, pero el texto dice {date}: {near}\u{2013}{far} meses de diferencia, más de los {allowed} que permite \u{201c}{relative}\u{201d}",
    ),
    (
        "restatement-mismatch",
        "{first} se repite como {again}: {a} y {b} no pueden ser ambos correctos ({a_low}\u{2013}{a_high} y {b_low}\u{2013}{b_high} según su precisión)",
    ),
    (
        "stated-rate-mismatch",
        "{source} ({target}) implica un cambio de {implied} {pair} ({low}\u{2013}{high} según la precisión de las cifras), pero el texto indica {stated}",
    ),
];
