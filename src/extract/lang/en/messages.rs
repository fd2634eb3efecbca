//! The English messages of findings, by key: the reference every other language translates
//! (`engine/messages.rs` fills them; its tests check that each language has every key here,
//! with the same values).

pub(super) const MESSAGES: &[(&str, &str)] = &[
    (
        "ambiguous-scale-word.unsettled",
        "\u{201c}{scale}\u{201d} is ambiguous: {claim} reads as {value} on the short scale newsrooms use, but {alternative} on the dictionary's long scale; write \u{201c}trillion\u{201d} (10^12) or \u{201c}billion\u{201d} (10^9) instead",
    ),
    (
        "ambiguous-scale-word.settled",
        "\u{201c}{scale}\u{201d} is ambiguous, but the conversion to {other} confirms the reading {value}; \u{201c}trillion\u{201d} (10^12) or \u{201c}billion\u{201d} (10^9) would say it without the conversion",
    ),
    (
        "anniversary-year-mismatch.written-year",
        "{written}: counted from {founding}, that falls in {expected}, but the text places it in {meant} (\u{201c}{year}\u{201d}); in {meant} it would be number {number}",
    ),
    (
        "anniversary-year-mismatch.article-year",
        "{written}: counted from {founding}, that falls in {expected}, but the article is dated {meant} and names no other year; in {meant} it would be number {number}",
    ),
    (
        "average-mismatch.day",
        "{total} over {period} ({units} days) is {computed} per day, not {average}",
    ),
    (
        "average-mismatch.week",
        "{total} over {period} ({units} weeks) is {computed} per week, not {average}",
    ),
    (
        "average-mismatch.month",
        "{total} over {period} ({units} months) is {computed} per month, not {average}",
    ),
    (
        "average-mismatch.year",
        "{total} over {period} ({units} years) is {computed} per year, not {average}",
    ),
    (
        "conversion-rate-mismatch.above",
        "{source} ({target}) implies {implied} {pair} ({low}\u{2013}{high} given the stated precision), {off}% above the mean of the closest reference: {reference}",
    ),
    (
        "conversion-rate-mismatch.below",
        "{source} ({target}) implies {implied} {pair} ({low}\u{2013}{high} given the stated precision), {off}% below the mean of the closest reference: {reference}",
    ),
    (
        "count-list-mismatch",
        "{count} is a count of {n}, but the list after it names {items}: {list}",
    ),
    (
        "growth-rate-mismatch.delta",
        "{delta} does not match the change from {from} to {to}, which is {change} ({low} to {high} given the stated precision)",
    ),
    (
        "growth-rate-mismatch.rate",
        "{rate} does not match the change from {from} to {to}, which is {sign}{written}% ({low}% to {high}% given the stated precision)",
    ),
    (
        "parts-exceed-total.more",
        "the parts {parts} of the total {total} (\u{201c}{cue}\u{201d}) add up to {sum} ({low}\u{2013}{high} given their precision), more than the total's {whole_low}\u{2013}{whole_high}",
    ),
    (
        "parts-exceed-total.less",
        "the parts {parts} of the total {total} (\u{201c}{cue}\u{201d}) add up to {sum} ({low}\u{2013}{high} given their precision), less than the total's {whole_low}\u{2013}{whole_high}",
    ),
    (
        "parts-exceed-total.shares",
        "the shares {shares} of one whole (\u{201c}{cue}\u{201d}) add up to at least {sum}%, more than 100%",
    ),
    (
        "percent-for-points",
        "{rate} is the difference between {from} and {to} in percentage points ({points}), not a percent change (that would be {relative}%); write \u{201c}{points} percentage points\u{201d}",
    ),
    (
        "ratio-mismatch.share",
        "{share} of {whole} is {expected}, not {part} (which is {actual}%)",
    ),
    (
        "ratio-mismatch.factor-share",
        "\u{201c}{cue}\u{201d} states a proportion of {factor}, but {share} is {value}",
    ),
    (
        "ratio-mismatch.factor-pair",
        "\u{201c}{cue}\u{201d} states a proportion of {factor}, but {a} / {b} is {value}",
    ),
    (
        "relative-date-mismatch.duration",
        "\u{201c}{duration}\u{201d} counted from {date}: from {since} to the article's date {today} is {low}\u{2013}{high} months (about {years} years), outside the {stated_low}\u{2013}{stated_high} months \u{201c}{duration}\u{201d} allows",
    ),
    (
        "relative-date-mismatch.relative",
        "\u{201c}{relative}\u{201d} in an article dated {today} means about {meant}, but the text says {date}: {near}\u{2013}{far} months apart, more than the {allowed} months \u{201c}{relative}\u{201d} allows",
    ),
    (
        "restatement-mismatch",
        "{first} is written again as {again}: {a} and {b} cannot both be right ({a_low}\u{2013}{a_high} and {b_low}\u{2013}{b_high} given their precision)",
    ),
    (
        "stated-rate-mismatch",
        "{source} ({target}) implies {implied} {pair} ({low}\u{2013}{high} given the stated precision), but the text states {stated}",
    ),
];
