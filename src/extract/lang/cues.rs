//! The shape of one part of a language's lexicon. Cue words of relations: the words that join
//! the two ends of a range ("tra 16 e 19", "from 3 to 4"), the markers of a conversion ("pari
//! a", "or about"), the words of a change ("rose", "in calo") and of its comparison period, the
//! markers of a whole's parts ("di cui"), and the words of anniversaries and founding years.
//!
//! Each language fills one [`CueWords`] in `lang/<code>/cues.rs`; pipeline code reads only
//! the fields, never a language's words.

/// See the module documentation.
#[derive(Debug)]
pub struct CueWords {
    /// Lower-case words (or dashes) written between the two ends of a range.
    pub range_joiners: &'static [&'static str],
    /// Words right before the first end that make "X and Y" a range ("tra", "between",
    /// "entre"); joiners other than "and" need none.
    pub range_openers: &'static [&'static str],
    /// The coordinating "and" ("3 dollars and 50 cents", "a dozen Chinese and Russian ships").
    pub and_words: &'static [&'static str],
    /// The word that introduces an absolute change ("rose by 12,000", "in calo di 3 punti"):
    /// "by 12,000 to 231,000" is a change and its level, not a range.
    pub by_words: &'static [&'static str],
    /// Phrases between two amounts that make the second a restatement of the first ("pari a",
    /// "or about"), lower-case; the first that matches the start of the gap wins, so longer
    /// phrases come first.
    pub conversion_markers: &'static [&'static str],
    /// Lower-case words of a rise or a fall near a percentage ("aumento", "fell", "caída").
    pub rise_words: &'static [&'static str],
    pub fall_words: &'static [&'static str],
    /// Phrases right after a percentage that make it a change ("il 7% in più", "un 12% más
    /// que", "8% higher"), lower-case. With `true`, the phrase counts only where its clause
    /// ends after it (punctuation, the end of the text, or a `compared_with` phrase): Spanish
    /// "un 12% más." is a change, "el 20% más rico" a superlative.
    pub rise_after: &'static [(&'static str, bool)],
    pub fall_after: &'static [(&'static str, bool)],
    /// Two-word phrases in which a rise or fall word states no change ("made up 40%", "takes
    /// up 12%"), lower-case.
    pub no_change_phrases: &'static [&'static str],
    /// Phrases after a percentage that name its comparison period.
    pub year_on_year: &'static [&'static str],
    pub month_on_month: &'static [&'static str],
    /// Phrases right before a date that make it the comparison base ("rispetto al 2022").
    pub compared_with: &'static [&'static str],
    /// Phrases after a whole that introduce its parts ("di cui", "of which", "de los
    /// cuales"), lower-case.
    pub part_markers: &'static [&'static str],
    /// The words right before the two levels of a change ("da 120 a 150 milioni", "to $150m
    /// from $120m", "de 10 a 12", "compared with $120m", "frente a los 8.700"), lower-case,
    /// apostrophes kept; one article of the language may stand between them and the figure.
    pub from_words: &'static [&'static str],
    pub to_words: &'static [&'static str],
    /// The from words that compare an earlier level with the one just stated ("contro",
    /// "compared with", "frente a"), lower-case: they make a change without a change word.
    pub comparison_words: &'static [&'static str],
    /// Phrases after an earlier level that say it is earlier ("a year earlier", "dell'anno
    /// precedente", "un año antes"), lower-case.
    pub earlier_periods: &'static [&'static str],
    /// Phrases that split one whole into the shares of a sentence ("rispettivamente", "the
    /// rest", "divididos entre"), lower-case.
    pub partition_words: &'static [&'static str],
    /// Words after an ordinal that make it an anniversary ("anniversario", "anniversary").
    pub anniversary_words: &'static [&'static str],
    /// Words rules suggest in findings, by key ("percentage-points" → "punti percentuali"), so
    /// a finding on an English article suggests English words.
    pub wording: &'static [(&'static str, &'static str)],
    /// Words shortly before a year that make it the year something began ("fondata nel
    /// 1975", "established diplomatic relations in 1949", "desde 1999"), lower-case.
    pub founding_words: &'static [&'static str],
    /// Phrases right before an exchange rate the text states ("al cambio di", "at an exchange
    /// rate of", "a un tipo de cambio de"), lower-case.
    pub rate_markers: &'static [&'static str],
    /// Words between a rate and the currency it is counted per ("7,1 yuan per dollaro", "$1.08
    /// to the euro", "18,5 pesos por dólar"), lower-case.
    pub rate_per_words: &'static [&'static str],
    /// Words right before a date that make it the period an amount covers ("nel 2023", "during
    /// 2023", "en el primer trimestre"), lower-case.
    pub period_markers: &'static [&'static str],
    /// Words right before a number of months that make them the first months of a year
    /// ("i primi nove mesi", "the first nine months", "los primeros cinco meses").
    pub first_words: &'static [&'static str],
    /// Words among the few right before a duration that make it run up to the article's date
    /// ("negli ultimi tre anni", "over the past two years", "en los últimos cinco años"),
    /// lower-case.
    pub since_words: &'static [&'static str],
    /// Words among the three before a number of years that make it an anniversary ("compie 70
    /// anni", "turns 50", "marks 30 years", "cumple 75 años"), lower-case.
    pub turns_words: &'static [&'static str],
    /// Words right after a duration that make it run from a date up to the article's ("12 anni
    /// dal 2011", "20 years since", "3 años desde"), lower-case.
    pub since_after_words: &'static [&'static str],
    /// Words that open a sentence on the whole its amounts are parts of ("Dei 7.500
    /// migranti, 4.200…", "Of the 1,450 flights, 980…", "De los 350 diputados, 137…"),
    /// lower-case.
    pub whole_openers: &'static [&'static str],
    /// Words that name the rest of a whole ("il resto", "the rest", "el resto"): with them, the
    /// parts are all of it.
    pub rest_words: &'static [&'static str],
    /// Phrases between a whole and the amounts it is split into, which make up all of it
    /// ("I 500 posti sono divisi tra 300…", "split between", "se reparten entre"),
    /// lower-case.
    pub split_words: &'static [&'static str],
    /// Phrases that give the total of the amounts before them ("per un totale di 210", "for a
    /// total of", "en total"), the total right after the phrase or right before it ("200 in
    /// all"), lower-case.
    pub total_words: &'static [&'static str],
    /// Words between the two counts of a proportion ("uno su cinque", "one in four", "uno de
    /// cada cinco"), lower-case.
    pub ratio_joiners: &'static [&'static str],
    /// Words that state a proportion, with it: verbs of a multiple ("raddoppiato" 2, "halved"
    /// 0.5, "se triplicaron" 3) and fractions of a whole ("la metà" 0.5, "a third" 1/3),
    /// lower-case.
    pub multiplier_words: &'static [(&'static str, f64)],
    /// Words between a percentage and the whole it is a share of ("il 22% dei 1,9 milioni",
    /// "22% of the 1.9 million", "el 35% de los 1.200"), lower-case; an article may follow.
    pub share_of_words: &'static [&'static str],
    /// Words that restate a share as the amount it comes to ("pari a", "or about", "es
    /// decir"), lower-case.
    pub restating_words: &'static [&'static str],
    /// Words between a share's amount and a whole written after it ("125 TWh su un totale di
    /// 305", "out of 305", "de un total de 305"), lower-case.
    pub whole_after_words: &'static [&'static str],
    /// Words right before an average ("in media", "an average of", "una media de"),
    /// lower-case.
    pub average_words: &'static [&'static str],
    /// Phrases right after an average that name its unit of time, with the unit (`day`,
    /// `week`, `month`, `year`): "al giorno", "a day", "al día".
    pub per_unit_words: &'static [(&'static str, &'static str)],
}
