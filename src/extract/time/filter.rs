//! The word filter in front of the word-led date readers: the lexicon's Bloom filter over the
//! words that can start a date (built at compile time, see `lang/time.rs`), so the common
//! words of prose are rejected without being lower-cased or matched.

use crate::extract::lang::time::TimeWords;

/// Whether the word as written may start a date read by `read_word_date`.
pub fn may_start_date(word: &[u8], time: &TimeWords) -> bool {
    time.start_filter.may_contain(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lang::lexicon;
    use crate::model::Lang;

    #[test]
    fn filter_passes_every_listed_word_in_any_case() {
        for time in [
            lexicon(Lang::En).time,
            lexicon(Lang::It).time,
            lexicon(Lang::Es).time,
        ] {
            let holidays = time.holidays.iter().map(|holiday| holiday.name[0]);
            let days = time.relative.days.iter().map(|day| day.words[0]);
            // "la settimana scorsa": where the period word comes first, it starts the date.
            let periods = time
                .relative
                .periods
                .iter()
                .filter(|_| time.relative.period_before_modifier)
                .map(|(word, _)| *word);
            for word in time
                .date_starts
                .iter()
                .copied()
                .chain(holidays)
                .chain(days)
                .chain(periods)
            {
                assert!(may_start_date(word.as_bytes(), time), "{word}");
                let upper = word.to_uppercase();
                assert!(may_start_date(upper.as_bytes(), time), "{upper}");
            }
        }
    }

    #[test]
    fn filter_rejects_most_other_words() {
        let others = [
            "government",
            "minister",
            "agreement",
            "with",
            "from",
            "have",
            "said",
        ];
        let passed = others
            .iter()
            .filter(|w| may_start_date(w.as_bytes(), lexicon(Lang::En).time))
            .count();
        assert!(passed <= 1, "{passed}");
    }
}
