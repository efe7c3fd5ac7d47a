//! Spans and the small text utilities every stage shares.

use crate::analysis::stable_sort;
use serde::{Deserialize, Serialize};

/// A half-open byte range into the analysed text. Both ends lie on `char` boundaries.
#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text under the span, or "" if the span does not fit the text.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The same span with surrounding white space left out.
    pub fn trim(&self, text: &str) -> Span {
        let inner = self.slice(text);
        let lead = inner.len() - inner.trim_start().len();
        let trail = inner.len() - inner.trim_end().len();
        if lead == inner.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}

/// Clamps a span to the text and moves its ends onto char boundaries (start forwards, end
/// backwards), so callers can slice safely whatever spans they were handed.
pub fn fit_span(text: &str, span: Span) -> Option<Span> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.min(text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (start <= end).then_some(Span::new(start, end))
}

/// Quotation marks that open a quotation.
pub fn is_opening_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '„' | '«' | '‘')
}

/// Marks that may close a quotation or bracket right after a sentence's final punctuation.
pub fn is_closing_mark(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | '»' | ')' | ']' | '}')
}

/// Dashes used between words: hyphen-minus, en dash, em dash, and the horizontal bar.
pub fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―')
}

/// Words of the text as spans: runs of letters, digits and inner apostrophes or hyphens.
pub fn word_spans(text: &str, within: Span) -> Vec<Span> {
    words_in(text, within).collect()
}

/// [`word_spans`] one at a time, so that a caller who needs only the first few words reads no
/// further than them.
pub fn words_in(text: &str, within: Span) -> impl Iterator<Item = Span> + '_ {
    let slice = within.slice(text);
    let bytes = slice.as_bytes();
    // The character at a byte offset and its length: most of an article is ASCII, which needs
    // no decoding (this runs over every word of the text several times).
    let char_at = move |at: usize| -> Option<(char, usize)> {
        match *bytes.get(at)? {
            b if b.is_ascii() => Some((char::from(b), 1)),
            _ => slice.get(at..)?.chars().next().map(|c| (c, c.len_utf8())),
        }
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut start: Option<usize> = None;
        while let Some(&b) = bytes.get(at) {
            let i = at;
            // An ASCII letter or digit goes on a word with no decoding or look-ahead: most bytes
            // of an article are one.
            if b.is_ascii_alphanumeric() {
                at += 1;
                start.get_or_insert(i);
                continue;
            }
            let Some((c, len)) = char_at(at) else { break };
            at += len;
            // The character before is an ASCII digit exactly when its last byte is one.
            let after_digit = i > 0 && bytes[i - 1].is_ascii_digit();
            let joins = matches!(c, '\'' | '’' | '-' | '.' | ',')
                && start.is_some()
                && char_at(at).is_some_and(|(n, _)| n.is_alphanumeric())
                && (c != '.' && c != ',' || after_digit);
            if c.is_alphanumeric() || joins {
                start.get_or_insert(i);
            } else if let Some(s) = start {
                return Some(Span::new(within.start + s, within.start + i));
            }
        }
        start.map(|s| Span::new(within.start + s, within.end))
    })
}

/// The longest runs of characters that `keep` accepts, as spans: the pieces of splitting the
/// text at every other character, less the empty ones. ASCII is read from its bytes: callers
/// walk whole articles with this.
pub fn runs_of<'t, K: Fn(char) -> bool + 't>(
    text: &'t str,
    keep: K,
) -> impl Iterator<Item = Span> + 't {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while let Some(&b) = bytes.get(at) {
            let i = at;
            let c = if b.is_ascii() {
                char::from(b)
            } else {
                // `at` only ever steps over whole characters.
                let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                    break;
                };
                c
            };
            at += c.len_utf8();
            if keep(c) {
                start.get_or_insert(i);
            } else if let Some(s) = start {
                return Some(Span::new(s, i));
            }
        }
        at = bytes.len();
        start.map(|s| Span::new(s, at))
    })
}

/// The words of a run of sentences, read once for every pass that walks them (attributions,
/// the statistics): all in one vector, each sentence's words a range of it.
#[derive(Debug, Default)]
pub struct SentenceWords {
    pub words: Vec<Span>,
    /// Where each sentence's words lie in `words`, in the sentences' order.
    pub sentences: Vec<std::ops::Range<usize>>,
}

impl SentenceWords {
    pub fn of(text: &str, sentences: impl IntoIterator<Item = Span>) -> SentenceWords {
        let mut read = SentenceWords::default();
        for sentence in sentences {
            let first = read.words.len();
            read.words.extend(words_in(text, sentence));
            read.sentences.push(first..read.words.len());
        }
        read
    }

    /// Each sentence's words, in order.
    pub fn each(&self) -> impl Iterator<Item = &[Span]> {
        self.sentences
            .iter()
            .map(|range| self.words.get(range.clone()).unwrap_or(&[]))
    }
}

/// The last `n` words of `within` (fewer if it holds fewer), as [`word_spans`] would find them,
/// reading back only as far as they reach: a window from `within`'s end, doubled until it
/// holds `n` words. The window starts at white space, where no word goes on, so the words in it
/// are the words of the whole span.
pub fn last_words(text: &str, within: Span, n: usize) -> Vec<Span> {
    // A span that does not fit the text holds no words, as for `word_spans`.
    if text.get(within.start..within.end).is_none() {
        return Vec::new();
    }
    let (start, end) = (within.start, within.end);
    let mut reach = 64;
    loop {
        let mut low = end.saturating_sub(reach).max(start);
        while !text.is_char_boundary(low) {
            low -= 1;
        }
        let from = if low <= start {
            start
        } else {
            match text[low..end].find(char::is_whitespace) {
                Some(k) => low + k,
                None => {
                    reach *= 2;
                    continue;
                }
            }
        };
        let words: Vec<Span> = words_in(text, Span::new(from, end)).collect();
        if words.len() >= n || from == start {
            return words[words.len().saturating_sub(n)..].to_vec();
        }
        reach *= 2;
    }
}

/// Whether `start..end` lies inside one of `spans`, answered by a binary search: the spans
/// sorted by start, with the furthest end reached by any of them up to each.
pub fn within_any(spans: &[Span]) -> impl Fn(usize, usize) -> bool {
    let mut sorted: Vec<Span> = spans.to_vec();
    stable_sort::sort_by_key(&mut sorted, |s| s.start);
    let furthest: Vec<usize> = sorted
        .iter()
        .scan(0, |end, s| {
            *end = s.end.max(*end);
            Some(*end)
        })
        .collect();
    move |start, end| {
        let before = sorted.partition_point(|s| s.start <= start);
        before > 0 && furthest[before - 1] >= end
    }
}

/// `word.to_lowercase()`, borrowed where that changes nothing (most words of an article): the
/// word lists are asked about nearly every word, and a copy of each cost more than the lookup.
pub fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if !word.is_ascii() {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(word.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// `f` of [`lowercase`]`(word)`, with a short ASCII word lowered on the stack: the recogniser
/// asks whether the article writes a word in lower case of most capitalised words, and a copy
/// of each cost a heap allocation and its release.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 32];
    match buffer.get_mut(..word.len()).filter(|_| word.is_ascii()) {
        Some(lower) => {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            // ASCII lowered is still ASCII.
            f(std::str::from_utf8(lower).unwrap_or(word))
        }
        None => f(&lowercase(word)),
    }
}

/// Converts byte offsets (in any order) to character offsets in one pass over the text.
/// Offsets inside a character count as that character's start; past the end, as the end.
pub fn char_offsets(text: &str, bytes: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    stable_sort::sort_by_key(&mut order, |&i| bytes[i]);
    let mut out = vec![0; bytes.len()];
    let mut chars = text.char_indices().enumerate().peekable();
    let total = text.chars().count();
    for i in order {
        let target = bytes[i];
        while chars
            .peek()
            .is_some_and(|&(_, (byte, c))| byte + c.len_utf8() <= target)
        {
            chars.next();
        }
        out[i] = chars.peek().map_or(total, |&(n, _)| n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_are_the_non_empty_pieces_of_a_split() {
        let keep = |c: char| c.is_alphanumeric() || c == '-';
        for text in [
            "",
            " ",
            "a",
            "Ab cd",
            "  two  spaces ",
            "état-major, São Paulo’s — x",
            "a\u{0}b",
            "end-",
            "-start",
            "ünïcödé",
            "mixed ascii и кириллица 123",
        ] {
            let split: Vec<&str> = text
                .split(|c: char| !keep(c))
                .filter(|w| !w.is_empty())
                .collect();
            let runs: Vec<&str> = runs_of(text, keep).map(|s| s.slice(text)).collect();
            assert_eq!(runs, split, "{text:?}");
        }
    }
    use crate::analysis::testing::Lcg;

    #[test]
    fn lowercase_is_to_lowercase() {
        for word in [
            "said",
            "Said",
            "SAID",
            "İstanbul",
            "\u{212A}ind",
            "Ærø",
            "",
            "x-Ray 3",
        ] {
            assert_eq!(lowercase(word), word.to_lowercase(), "{word}");
        }
        assert!(matches!(lowercase("said"), std::borrow::Cow::Borrowed(_)));
        for word in [
            "Said",
            "SAID",
            "said",
            "Zürich",
            "",
            "A-Very-Long-Hyphenated-Word-Of-Forty-Bytes",
        ] {
            assert_eq!(with_lowercase(word, str::to_string), lowercase(word));
        }
    }

    /// Words as `words_in` reads them, written plainly over `char_indices`.
    fn words_plainly(text: &str, within: Span) -> Vec<Span> {
        let slice = within.slice(text);
        let mut chars = slice.char_indices().peekable();
        let (mut out, mut start, mut previous) = (Vec::new(), None, None::<char>);
        while let Some((i, c)) = chars.next() {
            let before = previous.replace(c);
            let joins = matches!(c, '\'' | '’' | '-' | '.' | ',')
                && start.is_some()
                && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric())
                && (c != '.' && c != ',' || before.is_some_and(|p| p.is_ascii_digit()));
            if c.is_alphanumeric() || joins {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                out.push(Span::new(within.start + s, within.start + i));
            }
        }
        out.extend(start.map(|s| Span::new(within.start + s, within.end)));
        out
    }

    #[test]
    fn words_are_read_as_over_characters() {
        let pieces = [
            "a", "Roe", " ", "\n", "3", "4", ".", ",", "'", "’", "-", "é", "Ω", "“", "🙂", "\0",
        ];
        let mut rng = Lcg(11);
        for round in 0..600 {
            let text = rng.text(&pieces, (round % 60) + 1);
            let mut from = (rng.next() as usize) % (text.len() + 1);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let within = Span::new(from, text.len());
            assert_eq!(
                word_spans(&text, within),
                words_plainly(&text, within),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_last_words_are_the_tail_of_all_the_words() {
        let pieces = [
            "a",
            "Roe",
            " ",
            "  ",
            "\n",
            "3",
            ".",
            ",",
            "’",
            "-",
            "é",
            "“",
            "xxxxxxxxxxxxxxxxxxxxxx",
        ];
        let mut rng = Lcg(7);
        for round in 0..400 {
            let text = rng.text(&pieces, (round % 90) + 1);
            let cut = (rng.next() as usize) % (text.len() + 1);
            let mut from = (rng.next() as usize) % (cut + 1);
            while !text.is_char_boundary(from) {
                from -= 1;
            }
            let mut cut = cut;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            let within = Span::new(from.min(cut), cut);
            let all = word_spans(&text, within);
            for n in 0..4 {
                let tail = &all[all.len().saturating_sub(n)..];
                assert_eq!(
                    last_words(&text, within, n),
                    tail,
                    "{text:?} {within:?} {n}"
                );
            }
        }
    }

    #[test]
    fn byte_offsets_become_character_offsets() {
        let text = "aé🙂b";
        // a=0, é=1..3, 🙂=3..7, b=7..8
        assert_eq!(
            char_offsets(text, &[8, 0, 1, 3, 7, 2, 100]),
            vec![4, 0, 1, 2, 3, 1, 4]
        );
        assert_eq!(char_offsets("", &[0, 3]), vec![0, 0]);
    }

    #[test]
    fn words_keep_inner_apostrophes_hyphens_and_decimals() {
        let text = "Khatami’s high-tech 3.5 per cent, 1,200 (AP)";
        let words: Vec<&str> = word_spans(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(
            words,
            [
                "Khatami’s",
                "high-tech",
                "3.5",
                "per",
                "cent",
                "1,200",
                "AP"
            ]
        );
    }

    #[test]
    fn trim_handles_all_white_space() {
        let text = "  a b  ";
        assert_eq!(Span::new(0, 7).trim(text), Span::new(2, 5));
        assert_eq!(Span::new(0, 2).trim(text), Span::new(0, 0));
    }
}
