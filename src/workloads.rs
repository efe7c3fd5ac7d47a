//! Deterministic inputs for the scaling benchmark (`article-atlas bench --scaling`) and the
//! scaling guard test: each [`Workload`] builds about `n` bytes of one adversarial kind of text,
//! the same bytes on every run. All of the text is invented.
//!
//! These are not analysis: nothing in `analysis/` depends on them.

/// One kind of input, built at any size.
pub struct Workload {
    pub name: &'static str,
    /// About `n` bytes of this kind of text (never less than one piece of it).
    pub generate: fn(n: usize) -> String,
    /// A size at which a release build analyses it in tens of milliseconds.
    pub bench_size: usize,
}

/// Every kind the scaling benchmark covers, in the order it reports them.
pub const WORKLOADS: &[Workload] = &[
    Workload {
        name: "capitalised run",
        generate: capitalised_run,
        bench_size: 40_000,
    },
    Workload {
        name: "news-word soup",
        generate: news_word_soup,
        bench_size: 40_000,
    },
    Workload {
        name: "unbalanced quotes",
        generate: unbalanced_quotes,
        bench_size: 100_000,
    },
    Workload {
        name: "control characters",
        generate: control_characters,
        bench_size: 40_000,
    },
    Workload {
        name: "short lines",
        generate: short_lines,
        bench_size: 100_000,
    },
    Workload {
        name: "one long token",
        generate: one_long_token,
        bench_size: 1_000_000,
    },
    Workload {
        name: "unpunctuated paragraph",
        generate: unpunctuated_paragraph,
        bench_size: 100_000,
    },
    Workload {
        name: "nested brackets",
        generate: nested_brackets,
        bench_size: 600_000,
    },
    Workload {
        name: "article repeated",
        generate: article_repeated,
        bench_size: 200_000,
    },
];

/// A tiny linear congruential generator: enough to shuffle words, and the same on every run.
struct Lcg(u64);

impl Lcg {
    fn new(seed: u64) -> Self {
        Lcg(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    fn below(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % bound.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }
}

/// Appends pieces from `next` until `text` holds at least `n` bytes.
fn fill(n: usize, mut next: impl FnMut(&mut String)) -> String {
    let mut text = String::with_capacity(n + 64);
    while text.len() < n.max(1) {
        next(&mut text);
    }
    text
}

/// One run of capitalised words with no punctuation: "Xyz North Lake County Harrow …".
pub fn capitalised_run(n: usize) -> String {
    const WORDS: &[&str] = &[
        "Xyz",
        "North",
        "Lake",
        "County",
        "River",
        "Saint",
        "Mount",
        "New",
        "Port",
        "Valley",
        "Harrow",
        "Quenby",
        "Street",
        "University",
        "Police",
        "Ministry",
        "Mary",
        "John",
        "Kenya",
        "Paris",
        "East",
        "Bay",
        "Fort",
        "Glen",
    ];
    let mut rng = Lcg::new(1);
    fill(n, |text| {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(rng.pick(WORDS));
    })
}

/// Names, titles, quotation marks, brackets, blank lines, cue verbs and common words, in random
/// order.
pub fn news_word_soup(n: usize) -> String {
    const WORDS: &[&str] = &[
        "Mary",
        "Quill",
        "John",
        "Ostrand",
        "Mr.",
        "Dr.",
        "President",
        "Minister",
        "Police",
        "said",
        "told",
        "added",
        "says",
        "according",
        "to",
        "the",
        "a",
        "of",
        "in",
        "at",
        "from",
        "Harrowgate",
        "Kenya",
        "Paris",
        "County",
        "Lake",
        "North",
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "(",
        ")",
        "[",
        "]",
        "\n\n",
        "\n",
        ".",
        ",",
        ";",
        ":",
        "—",
        "he",
        "she",
        "they",
        "AP",
        "March",
        "12",
        "2021",
        "U.S.",
        "St.",
        "Street",
        "University",
        "Ministry",
        "of",
        "Health",
        "was",
        "is",
        "on",
        "and",
    ];
    let mut rng = Lcg::new(2);
    fill(n, |text| {
        text.push_str(rng.pick(WORDS));
        text.push(' ');
    })
}

/// Quotation marks that never pair up, among cue verbs and names.
pub fn unbalanced_quotes(n: usize) -> String {
    const WORDS: &[&str] = &[
        "“", "“", "\"", "‘", "said", "says", "told", "added", "asked", "Mary", "Quill", "Roe",
        "Ostrand", "Dr.", "she", "he", "the", "mayor", "we", "will", "rebuild",
    ];
    let mut rng = Lcg::new(3);
    fill(n, |text| {
        text.push_str(rng.pick(WORDS));
        text.push(' ');
    })
}

/// Short sentences broken up by NUL and other control characters:
/// "Hello\0 World. Paris is in France.\0".
pub fn control_characters(n: usize) -> String {
    const PIECES: &[&str] = &[
        "Hello",
        "World.",
        "Paris",
        "is",
        "in",
        "France.",
        "Mary",
        "Quill",
        "said",
        "Lake",
        "County",
        "“Yes,”",
        "Harrowgate",
        "Kenya.",
    ];
    const CONTROLS: &[char] = &[
        '\0', '\u{1}', '\u{7}', '\u{8}', '\u{b}', '\u{c}', '\r', '\u{1b}', '\u{1f}', '\u{7f}',
        '\u{85}', '\u{2028}', '\u{feff}',
    ];
    let mut rng = Lcg::new(4);
    fill(n, |text| {
        text.push_str(rng.pick(PIECES));
        if rng.below(2) == 0 {
            text.push(CONTROLS[rng.below(CONTROLS.len())]);
        }
        text.push(' ');
    })
}

/// Many short lines, each a few words (100,000 of them at a megabyte).
pub fn short_lines(n: usize) -> String {
    const WORDS: &[&str] = &[
        "Roe", "said", "Lake", "the", "Mary", "Kenya", "on", "It", "rain",
    ];
    let mut rng = Lcg::new(5);
    fill(n, |text| {
        text.push_str(rng.pick(WORDS));
        text.push(' ');
        text.push_str(rng.pick(WORDS));
        text.push('\n');
    })
}

/// One token of letters without a break, capitalised.
pub fn one_long_token(n: usize) -> String {
    let mut rng = Lcg::new(6);
    let mut text = String::from("X");
    while text.len() < n.max(1) {
        text.push((b'a' + rng.below(26) as u8) as char);
    }
    text
}

/// One paragraph of words, some capitalised, without any punctuation or line break.
pub fn unpunctuated_paragraph(n: usize) -> String {
    const WORDS: &[&str] = &[
        "the",
        "river",
        "Mary",
        "Quill",
        "said",
        "in",
        "Harrowgate",
        "Lake",
        "County",
        "we",
        "rebuild",
        "bridge",
        "of",
        "North",
        "Kenya",
        "a",
        "and",
        "Minister",
        "Police",
        "on",
    ];
    let mut rng = Lcg::new(7);
    fill(n, |text| {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(rng.pick(WORDS));
    })
}

/// Brackets nested 10,000 deep (or as deep as `n` allows), with a name at the bottom, repeated.
pub fn nested_brackets(n: usize) -> String {
    const DEPTH: usize = 10_000;
    const OPEN: &[char] = &['(', '[', '{'];
    const CLOSE: &[char] = &[')', ']', '}'];
    let depth = (n / 2).clamp(1, DEPTH);
    fill(n, |text| {
        for i in 0..depth {
            text.push(OPEN[i % 3]);
        }
        text.push_str(" Mary Quill said in Lake County ");
        for i in (0..depth).rev() {
            text.push(CLOSE[i % 3]);
        }
        text.push('\n');
    })
}

/// The sample article repeated, paragraphs apart.
pub fn article_repeated(n: usize) -> String {
    fill(n, |text| {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(crate::SAMPLE_ARTICLE);
    })
}

/// The largest input that must be analysed within the small-input bound (10 ms).
pub const SMALL_INPUT_BYTES: usize = 4096;

/// Named inputs of at most [`SMALL_INPUT_BYTES`] each, for `article-atlas bench --worst-small`:
/// every workload cut to that size (from its start and from further in), and random mixtures of
/// the pieces that make passes look far (capitalised words, quotation marks, brackets, cue verbs,
/// dots, dashes, markup, control characters), each from a few seeds.
pub fn small_inputs() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for workload in WORKLOADS {
        for size in [1024, SMALL_INPUT_BYTES] {
            out.push((
                format!("{} {size}", workload.name),
                cut(&(workload.generate)(size), 0),
            ));
        }
        let long = (workload.generate)(8 * SMALL_INPUT_BYTES);
        for window in 1..4 {
            let from = window * 2 * SMALL_INPUT_BYTES - 1000;
            out.push((format!("{} at {from}", workload.name), cut(&long, from)));
        }
    }
    for (name, pieces) in SMALL_MIXTURES {
        for seed in 0..4 {
            let mut rng = Lcg::new(100 + seed);
            let text = fill(SMALL_INPUT_BYTES, |text| {
                text.push_str(rng.pick(pieces));
                if rng.below(3) != 0 {
                    text.push(' ');
                }
            });
            out.push((format!("{name} seed {seed}"), cut(&text, 0)));
        }
    }
    out
}

/// At most [`SMALL_INPUT_BYTES`] of `text` from about `from`, on character boundaries.
fn cut(text: &str, from: usize) -> String {
    let mut start = from.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + SMALL_INPUT_BYTES).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[start..end].to_string()
}

/// Pieces mixed at random for [`small_inputs`].
const SMALL_MIXTURES: &[(&str, &[&str])] = &[
    (
        "quote soup",
        &[
            "“",
            "”",
            "\"",
            "'",
            "‘",
            "’",
            "«",
            "»",
            "said",
            "Mary",
            "Quill",
            "“Yes,”",
            "he",
            "\n",
        ],
    ),
    (
        "bracket soup",
        &[
            "(", ")", "[", "]", "{", "}", "<", ">", "Lake", "County", "Mary", "said", ".", "\n\n",
        ],
    ),
    (
        "capitals and dots",
        &[
            "A.", "B.", "U.S.", "St.", "Dr.", "Mr.", "J.", "Xyz", "North", "Lake", "Kenya",
            "Paris", "Inc.", "Co.",
        ],
    ),
    (
        "cue soup",
        &[
            "said",
            "says",
            "told",
            "according",
            "to",
            "Mary",
            "Quill",
            "Roe",
            "the",
            "mayor",
            ",",
            "“We",
            "rebuild,”",
            "that",
            "reportedly",
        ],
    ),
    (
        "dashes and dates",
        &[
            "—", "–", "-", "March", "12", "2021", "Monday", "PARIS", "LONDON", "(AP)", "—",
            "12:30", "p.m.", "$5", "£3", "%",
        ],
    ),
    (
        "markup",
        &[
            "#", "##", "*", "**", "_", "`", ">", "-", "1.", "[a](b)", "<p>", "</p>", "<b>",
            "&amp;", "<!--", "-->", "Lake", "\n", "\n\n", "|",
        ],
    ),
    (
        "controls and spaces",
        &[
            "\0", "\u{1}", "\r", "\t", "\u{a0}", "\u{200b}", "\u{2028}", "\u{feff}", "Mary",
            "Paris", "\n", ".", "“",
        ],
    ),
    (
        "all capitals",
        &[
            "NORTH", "LAKE", "COUNTY", "POLICE", "SAID", "MARY", "QUILL", "KENYA", "BY", "AP",
            "\n", ":", "—",
        ],
    ),
    (
        "long names",
        &[
            "Saint-Jean-de-la-Rivière",
            "Llanfair",
            "al-Minufiyah",
            "O'Neill",
            "McDonald-Smith",
            "Mary",
            "Lake",
            "County",
            "of",
            "the",
            "University",
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_workload_is_about_the_size_asked_for_and_the_same_every_time() {
        for workload in WORKLOADS {
            let text = (workload.generate)(50_000);
            assert!(text.len() >= 50_000, "{}", workload.name);
            assert!(text.len() < 65_000, "{}: {}", workload.name, text.len());
            assert_eq!(text, (workload.generate)(50_000), "{}", workload.name);
        }
    }
}
