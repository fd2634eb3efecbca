//! Deterministic corpus of news-like Italian and English articles for the benchmarks.
//!
//! `generate(count, seed)` yields the same articles for the same arguments on every machine:
//! each article draws from its own tiny PRNG (splitmix64 seeded from the corpus seed and the
//! article index), so articles can be produced lazily, in any number, without holding the
//! corpus in memory. The prose mixes plain sentences with every construction claimlint
//! extracts (money in both conventions with scale words and conversions, percentages and
//! points, growth rates, counts, quantities, dates, durations, ordinals, qualifiers, spelled
//! numbers). The sentences live in `prose_it.rs` and `prose_en.rs`; this file holds the PRNG,
//! the number formatting both languages share, and the article layout (a `date YYYY-MM`
//! header in Italian, a front-matter block in English).
//!
//! Used by `benches/gen_corpus.rs` (the `gen-corpus` example), `benches/extract.rs` and,
//! through the example, `benches/add.py`.

#[path = "prose_en.rs"]
mod prose_en;
#[path = "prose_it.rs"]
mod prose_it;

/// The seed used when the caller does not pick one.
pub const DEFAULT_SEED: u64 = 2024;
/// Articles in the default corpus: about 20 MB.
pub const DEFAULT_ARTICLES: usize = 5_000;

/// One generated article.
pub struct Article {
    /// `it-00042` or `en-00043`: unique, usable as a file stem.
    pub id: String,
    /// `"it"` or `"en"`.
    pub lang: &'static str,
    /// The article date as its header states it: `YYYY-MM` (Italian) or `YYYY-MM-DD` (English).
    pub date: String,
    /// The whole file: header, then prose.
    pub text: String,
    /// Byte offset where the prose starts (the header is not prose).
    pub body_start: usize,
}

/// Yields `count` articles, about half in each language, all determined by `seed`.
pub fn generate(count: usize, seed: u64) -> impl Iterator<Item = Article> {
    (0..count).map(move |index| generate_one(index, seed))
}

fn generate_one(index: usize, seed: u64) -> Article {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0xA24B_AED4_963E_E407));
    let italian = rng.chance(50);
    let year = 2015 + rng.below(10) as u32;
    let month = 1 + rng.below(12) as u32;
    let day = 1 + rng.below(28) as u32;
    // 2,000-6,000 bytes of prose: about 4 kB per article on average.
    let target_len = 2_000 + rng.below(4_000);
    let (lang, date, header) = if italian {
        let date = format!("{year}-{month:02}");
        let header = format!("date {date}\n");
        ("it", date, header)
    } else {
        let date = format!("{year}-{month:02}-{day:02}");
        let title = prose_en::title(&mut rng);
        let header = format!("---\ntitle: {title}\ndate: {date}\n---\n");
        ("en", date, header)
    };
    let mut text = header;
    let body_start = text.len();
    if italian {
        text.push_str(&prose_it::title(&mut rng));
        text.push_str("\n\n");
    }
    while text.len() < body_start + target_len {
        let sentences = 3 + rng.below(4);
        for position in 0..sentences {
            if position > 0 {
                text.push(' ');
            }
            let sentence = if italian {
                prose_it::sentence(&mut rng)
            } else {
                prose_en::sentence(&mut rng)
            };
            text.push_str(&sentence);
        }
        text.push_str("\n\n");
    }
    Article {
        id: format!("{lang}-{index:05}"),
        lang,
        date,
        text,
        body_start,
    }
}

/// splitmix64: tiny, fast and good enough to vary prose; not for anything else.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`bound` > 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound as u64) as usize
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.next_u64() % (high - low + 1)
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Italian groups thousands mostly with `.`, sometimes with a space, NBSP or narrow NBSP.
const ITALIAN_GROUP_SEPARATORS: &[&str] = &[".", ".", ".", ".", " ", "\u{a0}", "\u{202f}"];

/// How a language writes numbers.
#[derive(Clone, Copy)]
pub enum Convention {
    /// `1.234.567,89`, also grouped with a space, NBSP or narrow NBSP.
    Italian,
    /// `1,234,567.89`.
    English,
}

impl Convention {
    fn decimal_mark(self) -> char {
        match self {
            Convention::Italian => ',',
            Convention::English => '.',
        }
    }

    fn group_separator(self, rng: &mut Rng) -> &'static str {
        match self {
            Convention::Italian => {
                ITALIAN_GROUP_SEPARATORS[rng.below(ITALIAN_GROUP_SEPARATORS.len())]
            }
            Convention::English => ",",
        }
    }

    /// `whole` with thousands grouped (numbers under 10,000 are sometimes left ungrouped,
    /// as newspapers do).
    pub fn integer(self, rng: &mut Rng, whole: u64) -> String {
        let digits = whole.to_string();
        if digits.len() <= 3 || (digits.len() == 4 && rng.chance(30)) {
            return digits;
        }
        let separator = self.group_separator(rng);
        let mut grouped = String::new();
        for (position, digit) in digits.chars().enumerate() {
            if position > 0 && (digits.len() - position) % 3 == 0 {
                grouped.push_str(separator);
            }
            grouped.push(digit);
        }
        grouped
    }

    /// A random whole number in `low..=high`, grouped as `integer` does.
    pub fn integer_between(self, rng: &mut Rng, low: u64, high: u64) -> String {
        let whole = rng.between(low, high);
        self.integer(rng, whole)
    }

    /// A number with `decimals` digits after the mark: `13,6` / `13.6`.
    pub fn decimal(self, rng: &mut Rng, whole: u64, decimals: usize) -> String {
        let mut text = self.integer(rng, whole);
        if decimals > 0 {
            text.push(self.decimal_mark());
            for _ in 0..decimals {
                text.push(char::from(b'0' + rng.below(10) as u8));
            }
        }
        text
    }

    /// A figure to go before a scale word: `1,91`, `13,6`, `200`, `2.5`.
    pub fn scaled_figure(self, rng: &mut Rng) -> String {
        let whole = *rng.pick(&[1, 2, 3, 4, 7, 12, 13, 25, 48, 150, 200, 235, 480]);
        let decimals = *rng.pick(&[0, 1, 1, 2]);
        self.decimal(rng, whole, decimals)
    }

    /// A full amount with cents: `1.234.567,89` / `1,234,567.89`.
    pub fn exact_amount(self, rng: &mut Rng) -> String {
        let whole = rng.between(1_000, 9_999_999);
        self.decimal(rng, whole, 2)
    }

    /// A percentage figure: `32,7` / `4` / `0.8`.
    pub fn percentage(self, rng: &mut Rng) -> String {
        let whole = rng.between(0, 60);
        let decimals = *rng.pick(&[0, 1, 1]);
        self.decimal(rng, whole, decimals)
    }
}
