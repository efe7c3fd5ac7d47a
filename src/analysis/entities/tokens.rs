//! Tokens for entity recognition: words, numbers, punctuation and URLs, with byte spans.
//!
//! Unlike [`crate::analysis::text::word_spans`], a possessive `’s` is a token of its own (a name
//! ends before it), dotted acronyms keep their final stop ("U.S."), and URLs are one token so
//! that their digits are never read as years.
//!
//! Look-around: one pass over the text; a token reads the character after it.
//!
//! A token keeps its span as two `u32` offsets (12 bytes a token, not 24): a megabyte of
//! punctuation is a million tokens, and past glibc's 32 MB reuse limit every analysis pages its
//! token list in afresh, which made such inputs cost more per byte as they grew. A text past
//! 4 GiB is tokenized up to there.

use crate::analysis::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    /// Starts with a digit: "2013", "12-15", "1990s", "6.1".
    Number,
    /// A possessive ending: "’s", "'s", or a lone apostrophe after a plural.
    Possessive,
    Punct,
    Url,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    pub kind: TokenKind,
    /// White space before the token holds a line break (or the token starts the text).
    pub line_start: bool,
    /// Directly after the previous token, with no white space between.
    pub attached: bool,
}

impl Token {
    fn new(span: Span, kind: TokenKind, line_start: bool, attached: bool) -> Token {
        // `tokenize` stops before an offset past `u32::MAX`.
        Token {
            start: span.start as u32,
            end: span.end as u32,
            kind,
            line_start,
            attached,
        }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span().slice(text)
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// Starts with an upper-case letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Two or more letters, all upper case ("AP", "MOSCOW", "U.S.").
pub fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Lower-case endings joined to a name by a hyphen ("Berlin-based", "UK-bashing"): the name
/// stands alone before them.
const HYPHENATED_ENDINGS: &[&str] = &[
    "based",
    "led",
    "born",
    "backed",
    "owned",
    "run",
    "made",
    "style",
    "era",
    "bound",
    "funded",
    "linked",
    "allied",
    "controlled",
    "occupied",
    "affiliated",
    "bashing",
    "centric",
    "wide",
    "sponsored",
    "dominated",
    "speaking",
    "registered",
    "listed",
    "level",
    "headquartered",
    "area",
    "region",
    "brokered",
    "imposed",
    "built",
    "friendly",
    "focused",
    "inspired",
];

pub fn tokenize(text: &str) -> Vec<Token> {
    // Offsets must fit a token's `u32`s: a longer text is read up to its last char boundary
    // there.
    let text = if text.len() > u32::MAX as usize {
        let mut cut = u32::MAX as usize;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        &text[..cut]
    } else {
        text
    };
    let bytes = text.as_bytes();
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = 0;
    let mut line_start = true;
    let mut attached = false;
    while let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) {
        if c.is_whitespace() {
            if c == '\n' {
                line_start = true;
            }
            attached = false;
            i += c.len_utf8();
            continue;
        }
        let rest = &text[i..];
        let url = matches!(c, 'h' | 'w')
            && (rest.starts_with("http://")
                || rest.starts_with("https://")
                || rest.starts_with("www."));
        let (end, kind) = if url {
            let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (i + len, TokenKind::Url)
        } else if c.is_alphanumeric() {
            let end = word_end(text, i);
            let kind = if c.is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            (end, kind)
        } else if is_apostrophe(c) && attached && tokens.last().is_some_and(Token::is_word) {
            let after = i + c.len_utf8();
            let s_end = if bytes.get(after) == Some(&b's') {
                after + 1
            } else {
                after
            };
            let closes = text
                .get(s_end..)
                .and_then(|r| r.chars().next())
                .is_none_or(|n| !n.is_alphanumeric());
            if closes {
                (s_end, TokenKind::Possessive)
            } else {
                (after, TokenKind::Punct)
            }
        } else {
            (i + c.len_utf8(), TokenKind::Punct)
        };
        let suffix_at = (kind == TokenKind::Word && c.is_uppercase())
            .then(|| text[i..end].rfind('-'))
            .flatten()
            .filter(|&h| HYPHENATED_ENDINGS.contains(&&text[i + h + 1..end]));
        if let Some(h) = suffix_at {
            let hyphen = i + h;
            for (span, kind, attached) in [
                (Span::new(i, hyphen), TokenKind::Word, attached),
                (Span::new(hyphen, hyphen + 1), TokenKind::Punct, true),
                (Span::new(hyphen + 1, end), TokenKind::Word, true),
            ] {
                tokens.push(Token::new(
                    span,
                    kind,
                    line_start && span.start == i,
                    attached,
                ));
            }
        } else {
            tokens.push(Token::new(Span::new(i, end), kind, line_start, attached));
        }
        line_start = false;
        attached = true;
        i = end.max(i + c.len_utf8());
    }
    tokens
}

/// The end of the word starting at `start`: letters and digits joined by inner hyphens,
/// apostrophes (not a possessive `’s`), and stops or commas between digits; a dotted acronym
/// keeps its final stop.
fn word_end(text: &str, start: usize) -> usize {
    // Plain ASCII letters and digits, most of any word, are taken without decoding them.
    let ascii_run = text.as_bytes().get(start..).map_or(0, |rest| {
        rest.iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count()
    });
    let mut end = start + ascii_run;
    let mut prev: Option<char> = ascii_run
        .checked_sub(1)
        .and_then(|last| text.as_bytes().get(start + last))
        .map(|&b| char::from(b));
    let from = end;
    let mut chars = text[from..].char_indices().peekable();
    let mut single_letters = 0;
    while let Some((offset, c)) = chars.next() {
        if c.is_alphanumeric() {
            end = from + offset + c.len_utf8();
            prev = Some(c);
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let after_next = text
            .get(from + offset + c.len_utf8()..)
            .and_then(|r| r.chars().nth(1));
        let joins = match c {
            '-' => {
                prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)
            }
            '\'' | '’' => {
                let possessive =
                    matches!(next, Some('s')) && after_next.is_none_or(|a| !a.is_alphanumeric());
                prev.is_some_and(char::is_alphabetic)
                    && next.is_some_and(char::is_alphabetic)
                    && !possessive
            }
            '.' | ',' => {
                prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
            }
            _ => false,
        };
        if joins {
            prev = Some(c);
            continue;
        }
        // "U.S." and "U.N.": single capitals each followed by a stop.
        if c == '.' {
            let word = &text[start..end];
            let last_run = word.rsplit(['.', '-']).next().unwrap_or("");
            if last_run.chars().count() == 1 && last_run.chars().all(char::is_uppercase) {
                let continues = next.is_some_and(char::is_uppercase) && after_next == Some('.');
                if continues || single_letters >= 1 {
                    single_letters += 1;
                    end = from + offset + 1;
                    if continues {
                        prev = Some(c);
                        continue;
                    }
                }
            }
        }
        break;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    #[test]
    fn possessives_acronyms_hyphens_and_urls() {
        use TokenKind::*;
        assert_eq!(
            words("Khatami’s U.S. four-day visit, 1,200 in 2015-16 (http://x.org/2013)"),
            [
                ("Khatami", Word),
                ("’s", Possessive),
                ("U.S.", Word),
                ("four-day", Word),
                ("visit", Word),
                (",", Punct),
                ("1,200", Number),
                ("in", Word),
                ("2015-16", Number),
                ("(", Punct),
                ("http://x.org/2013)", Url),
            ]
        );
        assert_eq!(
            words("Berlin-based Kim Kyou-hyun"),
            [
                ("Berlin", Word),
                ("-", Punct),
                ("based", Word),
                ("Kim", Word),
                ("Kyou-hyun", Word),
            ]
        );
        assert_eq!(
            words("Kazan–in O'Brien's St. A."),
            [
                ("Kazan", Word),
                ("–", Punct),
                ("in", Word),
                ("O'Brien", Word),
                ("'s", Possessive),
                ("St", Word),
                (".", Punct),
                ("A", Word),
                (".", Punct),
            ]
        );
    }

    #[test]
    fn line_starts_and_attachment() {
        let text = "a\nB (C)";
        let tokens = tokenize(text);
        let flags: Vec<(bool, bool)> = tokens.iter().map(|t| (t.line_start, t.attached)).collect();
        assert_eq!(
            flags,
            [
                (true, false),
                (true, false),
                (false, false),
                (false, true),
                (false, true)
            ]
        );
    }
}
