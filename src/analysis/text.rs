//! Spans and the small text utilities every stage shares.

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
    let slice = within.slice(text);
    // Words average more than six bytes with their space: one allocation for most paragraphs.
    let mut words = Vec::with_capacity(slice.len() / 6);
    let mut start: Option<usize> = None;
    let mut i = 0;
    while let Some(c) = char_at(slice, i) {
        let next_at = i + c.len_utf8();
        let joins = matches!(c, '\'' | '’' | '-' | '.' | ',')
            && start.is_some()
            && char_at(slice, next_at).is_some_and(char::is_alphanumeric)
            && (c != '.' && c != ','
                || slice[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_digit()));
        if c.is_alphanumeric() || joins {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            words.push(Span::new(within.start + s, within.start + i));
        }
        i = next_at;
    }
    if let Some(s) = start {
        words.push(Span::new(within.start + s, within.end));
    }
    words
}

/// The char starting at byte `i`, read without the UTF-8 decoder for ASCII (most of the text).
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(i..)?.chars().next(),
        None => None,
    }
}

/// Converts byte offsets (in any order) to character offsets in one pass over the text.
/// Offsets inside a character count as that character's start; past the end, as the end.
pub fn char_offsets(text: &str, bytes: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_by_key(|&i| bytes[i]);
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
