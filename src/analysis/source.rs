//! Input formats: plain text passes through; Markdown and HTML are reduced to article text.
//!
//! Every later stage works on one plain `text`. For Markdown and HTML that text is made here,
//! with a [`SourceMap`] back to the markup so that blocks can also name the source bytes they
//! came from. Headings, emphasis and links survive as [`Mark`]s on the reduced text. HTML is
//! only ever read as data: scripts, styles and other non-article elements are dropped with
//! their content, and nothing is kept that could run.
//!
//! Look-around: one forward pass over the input (pulldown-cmark's events for Markdown, tags in
//! order for HTML); the source map is appended to as the reduced text grows.

use crate::analysis::stable_sort;
use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

use super::InputFormat;

/// Inline or block markup kept from Markdown or HTML, as a span of the reduced text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub kind: MarkKind,
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum MarkKind {
    Heading { level: u8 },
    Emphasis,
    Strong,
    Link { href: String },
}

/// Maps byte offsets of the reduced text back to the source.
///
/// The text is made of pieces, each taken from one range of the source: a run of copied
/// characters, a decoded entity, a folded run of white space, a Markdown code span. Pieces are
/// in text order and their source ranges never go backwards, so the mapping is monotonic.
/// An offset at a piece's end maps to the end of its source, one at a piece's start (after a
/// separator) to the start of its source, and one inside inserted separators to the end of the
/// piece before.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    pieces: Vec<Piece>,
    source_len: usize,
}

/// One piece of reduced text and the source it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    text_start: usize,
    text_end: usize,
    source_start: usize,
    source_end: usize,
    /// `Some(k)` when the piece's text is a byte-for-byte copy of the source from
    /// `source_start + k`, so offsets inside it map exactly.
    copied: Option<usize>,
}

impl Piece {
    fn is_plain_copy(&self) -> bool {
        self.copied == Some(0)
            && self.text_end - self.text_start == self.source_end - self.source_start
    }

    /// The source offset of a text offset in `text_start + 1..=text_end`.
    fn map(&self, text_offset: usize) -> usize {
        if text_offset >= self.text_end {
            return self.source_end;
        }
        match self.copied {
            Some(k) => {
                (self.source_start + k + (text_offset - self.text_start)).min(self.source_end)
            }
            None => self.source_start,
        }
    }
}

impl SourceMap {
    pub fn identity(len: usize) -> SourceMap {
        let mut pieces = Vec::new();
        if len > 0 {
            pieces.push(Piece {
                text_start: 0,
                text_end: len,
                source_start: 0,
                source_end: len,
                copied: Some(0),
            });
        }
        SourceMap {
            pieces,
            source_len: len,
        }
    }

    /// The source offset of a text offset. Non-decreasing in `text_offset`, and a char boundary
    /// of the input whenever `text_offset` is a char boundary of the text.
    pub fn to_source(&self, text_offset: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.text_end < text_offset);
        let at = match self.pieces.get(i) {
            Some(p) if p.text_start < text_offset => p.map(text_offset),
            Some(p) if p.text_start == text_offset => p.source_start,
            _ => i.checked_sub(1).map_or(0, |j| self.pieces[j].source_end),
        };
        at.min(self.source_len)
    }
}

/// The article text that analysis runs on, and what was learnt from its markup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prepared {
    pub format: InputFormat,
    pub text: String,
    pub marks: Vec<Mark>,
    pub map: SourceMap,
}

/// Guesses the format of pasted or opened text. Plain text wins unless markup is unmistakable.
pub fn detect_format(input: &str) -> InputFormat {
    let head = input.trim_start();
    let lower: String = head
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    let html_openers = [
        "<!doctype html",
        "<html",
        "<body",
        "<article",
        "<p>",
        "<p ",
        "<div",
        "<h1",
        "<meta",
        "<head",
    ];
    if html_openers.iter().any(|o| lower.starts_with(o)) {
        return InputFormat::Html;
    }
    let mut signals = 0;
    for line in input.lines().take(400) {
        let t = line.trim_start();
        let hashes = t.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
            signals += 2;
        }
        if t.contains("](") && t.contains('[') {
            signals += 2;
        }
        if t.matches("**").count() >= 2 || t.matches("__").count() >= 2 {
            signals += 1;
        }
    }
    if signals >= 2 {
        InputFormat::Markdown
    } else {
        InputFormat::Plain
    }
}

/// Reduces the input to article text according to its format.
pub fn prepare(input: &str, format: InputFormat) -> Prepared {
    match format {
        InputFormat::Plain => Prepared {
            format,
            text: input.to_string(),
            marks: Vec::new(),
            map: SourceMap::identity(input.len()),
        },
        InputFormat::Markdown => reduce_markdown(input),
        InputFormat::Html => reduce_html(input),
    }
}

/// Builds reduced text block by block, so both reducers separate blocks the same way.
struct TextBuilder<'a> {
    input: &'a str,
    text: String,
    marks: Vec<Mark>,
    map: SourceMap,
    open: Vec<(MarkKind, usize)>,
    /// No piece may map before this source offset, which keeps the map monotonic.
    source_floor: usize,
}

impl<'a> TextBuilder<'a> {
    fn new(input: &'a str) -> TextBuilder<'a> {
        TextBuilder {
            input,
            text: String::new(),
            marks: Vec::new(),
            map: SourceMap {
                pieces: Vec::new(),
                source_len: input.len(),
            },
            open: Vec::new(),
            source_floor: 0,
        }
    }

    /// Appends `piece`, which stands for `source` (a range of char boundaries of the input).
    fn push(&mut self, piece: &str, source: Range<usize>) {
        if piece.is_empty() {
            return;
        }
        let len = self.input.len();
        let start = source.start.min(len).max(self.source_floor);
        let end = source.end.min(len).max(start);
        let (start, end) = match self.input.get(start..end) {
            Some(_) => (start, end),
            // Never expected: fall back to an empty range at the floor, which is a boundary.
            None => (self.source_floor, self.source_floor),
        };
        let raw = &self.input[start..end];
        let copied = if raw == piece {
            Some(0)
        } else {
            raw.find(piece)
        };
        let text_start = self.text.len();
        self.text.push_str(piece);
        self.source_floor = end;
        let new = Piece {
            text_start,
            text_end: self.text.len(),
            source_start: start,
            source_end: end,
            copied,
        };
        if let Some(last) = self.map.pieces.last_mut() {
            if new.is_plain_copy()
                && last.is_plain_copy()
                && last.text_end == new.text_start
                && last.source_end == new.source_start
            {
                last.text_end = new.text_end;
                last.source_end = new.source_end;
                return;
            }
        }
        self.map.pieces.push(new);
    }

    /// Shortens the text to `len` (a char boundary), keeping the map consistent with it.
    fn truncate(&mut self, len: usize) {
        if len >= self.text.len() {
            return;
        }
        self.text.truncate(len);
        while let Some(last) = self.map.pieces.last_mut() {
            if last.text_start >= len {
                self.map.pieces.pop();
                continue;
            }
            if last.text_end > len {
                let cut = last.text_end - len;
                if last.is_plain_copy() {
                    last.source_end -= cut;
                }
                last.text_end = len;
            }
            break;
        }
    }

    fn last_is_space(&self) -> bool {
        self.text.is_empty() || self.text.ends_with([' ', '\n'])
    }

    /// Trims trailing white space and appends `separator`. Marks opened in the trimmed space
    /// (or right at its start) now start after the separator, so they never point into text
    /// that was removed.
    fn separate(&mut self, trim: &[char], separator: &str) {
        let trimmed = self.text.trim_end_matches(trim).len();
        self.truncate(trimmed);
        if !self.text.is_empty() && !self.text.ends_with(separator) {
            self.text.push_str(separator);
        }
        let now = self.text.len();
        for (_, start) in &mut self.open {
            if *start >= trimmed {
                *start = now;
            }
        }
    }

    fn line_break(&mut self) {
        self.separate(&[' '], "\n");
    }

    fn block_break(&mut self) {
        self.separate(&[' ', '\n'], "\n\n");
    }

    fn open_mark(&mut self, kind: MarkKind) {
        self.open.push((kind, self.text.len()));
    }

    fn close_mark(&mut self, matches: impl Fn(&MarkKind) -> bool) {
        if let Some(i) = self.open.iter().rposition(|(k, _)| matches(k)) {
            let (kind, start) = self.open.remove(i);
            let end = self.text.trim_end().len().max(start);
            if end > start {
                self.marks.push(Mark { kind, start, end });
            }
        }
    }

    fn finish(mut self, format: InputFormat) -> Prepared {
        let trimmed = self.text.trim_end().len();
        self.truncate(trimmed);
        let text = &self.text;
        let len = text.len();
        for mark in &mut self.marks {
            mark.end = mark.end.min(len);
            mark.start = mark.start.min(mark.end);
        }
        self.marks.retain(|m| {
            m.start < m.end && text.is_char_boundary(m.start) && text.is_char_boundary(m.end)
        });
        stable_sort::sort_by_key(&mut self.marks, |m| (m.start, std::cmp::Reverse(m.end)));
        Prepared {
            format,
            text: self.text,
            marks: self.marks,
            map: self.map,
        }
    }
}

fn reduce_markdown(input: &str) -> Prepared {
    let mut out = TextBuilder::new(input);
    let parser = Parser::new_ext(
        input,
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION,
    );
    // Raw HTML is never rendered, and text inside a dropped element (an inline `<script>`,
    // a `<nav>` block) is dropped with it.
    let mut skipper = Skipper::default();
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                for token in tokenize(&html) {
                    skipper.hides(&token);
                }
            }
            Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak
                if skipper.active() => {}
            Event::Start(Tag::Heading { level, .. }) => {
                out.block_break();
                out.open_mark(MarkKind::Heading {
                    level: heading_level(level),
                });
            }
            Event::End(TagEnd::Heading(_)) => {
                out.close_mark(|k| matches!(k, MarkKind::Heading { .. }));
                out.block_break();
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::BlockQuote(_) | Tag::CodeBlock(_)) => {
                out.block_break()
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::CodeBlock,
            ) => out.block_break(),
            Event::Start(Tag::Emphasis) => out.open_mark(MarkKind::Emphasis),
            Event::End(TagEnd::Emphasis) => out.close_mark(|k| *k == MarkKind::Emphasis),
            Event::Start(Tag::Strong) => out.open_mark(MarkKind::Strong),
            Event::End(TagEnd::Strong) => out.close_mark(|k| *k == MarkKind::Strong),
            Event::Start(Tag::Link { dest_url, .. }) => out.open_mark(MarkKind::Link {
                href: dest_url.to_string(),
            }),
            Event::End(TagEnd::Link) => out.close_mark(|k| matches!(k, MarkKind::Link { .. })),
            Event::Text(t) | Event::Code(t) => out.push(&t, range),
            Event::SoftBreak => out.push(" ", range),
            Event::HardBreak => out.line_break(),
            Event::Rule => out.block_break(),
            _ => {}
        }
    }
    out.finish(InputFormat::Markdown)
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Elements dropped with everything inside them: code, styling, page furniture, and raw-text
/// elements whose content is not article text.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "head", "nav", "footer", "aside",
    "form", "button", "select", "iframe", "object", "canvas", "video", "audio", "picture",
    "textarea", "title", "noembed", "noframes",
];

/// Elements whose content is raw text up to their end tag: no tags or comments inside, and
/// `<script/>` still opens one.
const RAW_TEXT_ELEMENTS: &[&str] = &[
    "script", "style", "textarea", "title", "noscript", "template", "iframe", "xmp", "noembed",
    "noframes",
];

/// Elements that never have content or an end tag.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "blockquote",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "table",
    "tr",
    "pre",
    "address",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "body",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TokenKind {
    /// Character data, with entities still encoded.
    Text,
    /// The content of a raw-text element such as `<script>`.
    RawText,
    Open,
    Close,
    /// Comments, doctypes, processing instructions and bogus markup.
    Other,
}

#[derive(Clone, Debug)]
struct Token {
    kind: TokenKind,
    range: Range<usize>,
    /// Lower-case element name, for open and close tags.
    name: String,
    self_closing: bool,
}

impl Token {
    fn is_open(&self, name: &str) -> bool {
        self.kind == TokenKind::Open && self.name == name
    }

    /// Whether this open tag starts an element that has content and an end tag.
    fn opens_element(&self) -> bool {
        self.kind == TokenKind::Open
            && !VOID_ELEMENTS.contains(&self.name.as_str())
            && (!self.self_closing || RAW_TEXT_ELEMENTS.contains(&self.name.as_str()))
    }
}

/// Splits HTML into text, tags, comments and raw text, roughly as a browser would.
fn tokenize(input: &str) -> Vec<Token> {
    let bytes = input.as_bytes();
    let lower = input.to_ascii_lowercase();
    let mut tokens = Vec::new();
    let mut text_start = 0;
    let mut pos = 0;
    let other = |range: Range<usize>| Token {
        kind: TokenKind::Other,
        range,
        name: String::new(),
        self_closing: false,
    };
    while let Some(found) = input[pos..].find('<') {
        let at = pos + found;
        let next = bytes.get(at + 1).copied();
        let markup: Option<Token> = if lower[at..].starts_with("<!--") {
            let body = at + 4;
            let end = if lower[body..].starts_with('>') {
                body + 1
            } else if lower[body..].starts_with("->") {
                body + 2
            } else {
                lower[body..]
                    .find("-->")
                    .map_or(input.len(), |i| body + i + 3)
            };
            Some(other(at..end))
        } else if matches!(next, Some(b'!' | b'?'))
            || (next == Some(b'/') && bytes.get(at + 2).is_some_and(|c| !c.is_ascii_alphabetic()))
        {
            let end = input[at..].find('>').map_or(input.len(), |i| at + i + 1);
            Some(other(at..end))
        } else if next.is_some_and(|c| c.is_ascii_alphabetic())
            || (next == Some(b'/') && bytes.get(at + 2).is_some_and(u8::is_ascii_alphabetic))
        {
            let closing = next == Some(b'/');
            let name_start = at + if closing { 2 } else { 1 };
            let name_end = bytes[name_start..]
                .iter()
                .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
                .map_or(input.len(), |i| name_start + i);
            let name = lower[name_start..name_end].to_string();
            match scan_tag(bytes, name_end) {
                Some((end, self_closing)) => Some(Token {
                    kind: if closing {
                        TokenKind::Close
                    } else {
                        TokenKind::Open
                    },
                    range: at..end,
                    name,
                    self_closing,
                }),
                // A tag cut off by the end of the input is dropped, as browsers do.
                None => Some(other(at..input.len())),
            }
        } else {
            None
        };
        let Some(token) = markup else {
            pos = at + 1;
            continue;
        };
        if text_start < at {
            tokens.push(Token {
                kind: TokenKind::Text,
                range: text_start..at,
                name: String::new(),
                self_closing: false,
            });
        }
        pos = token.range.end;
        text_start = pos;
        let raw_text =
            token.kind == TokenKind::Open && RAW_TEXT_ELEMENTS.contains(&token.name.as_str());
        let close = format!("</{}", token.name);
        tokens.push(token);
        if raw_text {
            let mut end = input.len();
            let mut from = pos;
            while let Some(i) = lower[from..].find(&close) {
                let candidate = from + i;
                let after = bytes.get(candidate + close.len());
                if after.is_none_or(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>') {
                    end = candidate;
                    break;
                }
                from = candidate + close.len();
            }
            if pos < end {
                tokens.push(Token {
                    kind: TokenKind::RawText,
                    range: pos..end,
                    name: String::new(),
                    self_closing: false,
                });
            }
            pos = end;
            text_start = end;
        }
    }
    if text_start < input.len() {
        tokens.push(Token {
            kind: TokenKind::Text,
            range: text_start..input.len(),
            name: String::new(),
            self_closing: false,
        });
    }
    tokens
}

/// Finds the end of a tag whose name ends at `from`: the first `>` outside a quoted
/// attribute value. Returns the offset after it and whether the tag ends in `/>`.
fn scan_tag(bytes: &[u8], from: usize) -> Option<(usize, bool)> {
    let mut i = from;
    let mut slash = false;
    while let Some(&c) = bytes.get(i) {
        match c {
            b'>' => return Some((i + 1, slash)),
            b'=' => {
                i += 1;
                while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if let Some(&q @ (b'"' | b'\'')) = bytes.get(i) {
                    let close = bytes[i + 1..].iter().position(|&b| b == q)?;
                    i += close + 2;
                }
                slash = false;
                continue;
            }
            _ => slash = c == b'/',
        }
        i += 1;
    }
    None
}

/// Tracks elements that are dropped with their content, counting same-name nesting.
#[derive(Default)]
struct Skipper {
    inside: Option<(String, usize)>,
}

impl Skipper {
    fn active(&self) -> bool {
        self.inside.is_some()
    }

    /// Feeds one token; returns whether it is hidden (part of a dropped element).
    fn hides(&mut self, token: &Token) -> bool {
        match &mut self.inside {
            Some((name, depth)) => {
                if token.opens_element() && token.name == *name {
                    *depth += 1;
                } else if token.kind == TokenKind::Close && token.name == *name {
                    *depth -= 1;
                    if *depth == 0 {
                        self.inside = None;
                    }
                }
                true
            }
            None => {
                if token.opens_element() && SKIPPED_ELEMENTS.contains(&token.name.as_str()) {
                    self.inside = Some((token.name.clone(), 1));
                    true
                } else {
                    // A stray end tag of a dropped element, or a self-closed one, shows nothing.
                    token.kind != TokenKind::Text && SKIPPED_ELEMENTS.contains(&token.name.as_str())
                }
            }
        }
    }
}

fn attribute(raw: &str, name: &str) -> Option<String> {
    let lower = raw.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before_ok = lower[..at].ends_with(|c: char| c.is_whitespace());
        let rest = raw[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value = rest[1..].trim_start();
        let (quote, body) = match value.chars().next() {
            Some(q @ ('"' | '\'')) => (Some(q), &value[1..]),
            _ => (None, value),
        };
        let end = match quote {
            Some(q) => body.find(q).unwrap_or(body.len()),
            None => body
                .find(|c: char| c.is_whitespace() || c == '>')
                .unwrap_or(body.len()),
        };
        return Some(decode_entities(&body[..end]));
    }
    None
}

/// The visible tokens of the article proper: inside the first `<article>` (or, failing that,
/// `<main>`) up to its matching end tag when the page has one, else the whole page. Also
/// returns the source offset where that region starts.
fn article_region(tokens: &[Token]) -> (Vec<&Token>, usize) {
    let mut skipper = Skipper::default();
    let visible: Vec<&Token> = tokens.iter().filter(|t| !skipper.hides(t)).collect();
    for tag in ["article", "main"] {
        let Some(open) = visible.iter().position(|t| t.is_open(tag)) else {
            continue;
        };
        let mut depth = 0usize;
        let mut close = visible.len();
        for (i, t) in visible.iter().enumerate().skip(open + 1) {
            if t.is_open(tag) {
                depth += 1;
            } else if t.kind == TokenKind::Close && t.name == tag {
                if depth == 0 {
                    close = i;
                    break;
                }
                depth -= 1;
            }
        }
        let start = visible[open].range.end;
        return (visible[open + 1..close].to_vec(), start);
    }
    (visible, 0)
}

/// Reduces the article content a reader mode has already cut out of a page (Readability's
/// `content`): all of it is article, so no region is sought and no page title added; table cells
/// are kept apart by a space.
pub fn reduce_html_fragment(input: &str) -> Prepared {
    let mut out = TextBuilder::new(input);
    let tokens = tokenize(input);
    let mut skipper = Skipper::default();
    let mut preformatted = 0usize;
    for token in tokens.iter().filter(|t| !skipper.hides(t)) {
        let range = token.range.clone();
        let cell = matches!(token.name.as_str(), "td" | "th");
        match token.kind {
            TokenKind::Open | TokenKind::Close if cell => {
                if !out.last_is_space() {
                    out.push(" ", range.start..range.start);
                }
            }
            TokenKind::Text => push_html_text(&mut out, range, preformatted > 0),
            TokenKind::RawText => out.push(&input[range.clone()], range),
            TokenKind::Open => handle_open(&mut out, token, &input[range], &mut preformatted),
            TokenKind::Close => handle_close(&mut out, &token.name, &mut preformatted),
            TokenKind::Other => {}
        }
    }
    out.finish(InputFormat::Html)
}

fn reduce_html(input: &str) -> Prepared {
    let mut out = TextBuilder::new(input);
    let tokens = tokenize(input);
    let (region, region_start) = article_region(&tokens);
    let mut preformatted = 0usize;
    let page_title = tokens
        .iter()
        .position(|t| t.is_open("title"))
        .and_then(|i| tokens.get(i + 1))
        .filter(|t| t.kind == TokenKind::RawText)
        .map(|t| (decode_entities(&input[t.range.clone()]), t.range.clone()));
    let has_h1 = region.iter().any(|t| t.is_open("h1"));
    if let (Some((title, range)), false) = (page_title, has_h1) {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if !title.is_empty() {
            // The title heads the text; it maps to its own source only when that comes first.
            let source = if range.end <= region_start {
                range
            } else {
                0..0
            };
            out.open_mark(MarkKind::Heading { level: 1 });
            out.push(&title, source);
            out.close_mark(|k| matches!(k, MarkKind::Heading { .. }));
            out.block_break();
        }
    }
    for token in region {
        let range = token.range.clone();
        match token.kind {
            TokenKind::Text => push_html_text(&mut out, range, preformatted > 0),
            // Only raw-text elements that are not dropped get here (`<xmp>`): literal text.
            TokenKind::RawText => out.push(&input[range.clone()], range),
            TokenKind::Open => handle_open(&mut out, token, &input[range], &mut preformatted),
            TokenKind::Close => handle_close(&mut out, &token.name, &mut preformatted),
            TokenKind::Other => {}
        }
    }
    out.finish(InputFormat::Html)
}

/// Pushes a run of HTML character data: entities decoded and, outside `<pre>`, white space
/// folded. Each character is pushed with its own source, so the map stays exact.
fn push_html_text(out: &mut TextBuilder<'_>, range: Range<usize>, preformatted: bool) {
    let input = out.input;
    let mut pos = range.start;
    let mut buf = [0u8; 4];
    while pos < range.end {
        let rest = &input[pos..range.end];
        let Some(first) = rest.chars().next() else {
            break;
        };
        let (c, len) = match first {
            '&' => entity_at(rest).unwrap_or(('&', 1)),
            c => (c, c.len_utf8()),
        };
        let source = pos..pos + len;
        pos += len;
        if !preformatted && c.is_whitespace() && c != '\u{a0}' {
            if !out.last_is_space() {
                out.push(" ", source);
            }
        } else {
            out.push(c.encode_utf8(&mut buf), source);
        }
    }
}

fn handle_open(out: &mut TextBuilder<'_>, tag: &Token, raw: &str, preformatted: &mut usize) {
    let name = tag.name.as_str();
    match name {
        "br" => out.line_break(),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            out.block_break();
            out.open_mark(MarkKind::Heading {
                level: name[1..].parse().unwrap_or(2),
            });
        }
        "em" | "i" | "cite" => out.open_mark(MarkKind::Emphasis),
        "strong" | "b" => out.open_mark(MarkKind::Strong),
        "a" => {
            if let Some(href) = attribute(raw, "href") {
                out.open_mark(MarkKind::Link { href });
            }
        }
        "pre" | "xmp" => {
            out.block_break();
            *preformatted += 1;
        }
        _ if BLOCK_ELEMENTS.contains(&name) => out.block_break(),
        _ => {}
    }
}

fn handle_close(out: &mut TextBuilder<'_>, name: &str, preformatted: &mut usize) {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            out.close_mark(|k| matches!(k, MarkKind::Heading { .. }));
            out.block_break();
        }
        "em" | "i" | "cite" => out.close_mark(|k| *k == MarkKind::Emphasis),
        "strong" | "b" => out.close_mark(|k| *k == MarkKind::Strong),
        "a" => out.close_mark(|k| matches!(k, MarkKind::Link { .. })),
        "pre" | "xmp" => {
            *preformatted = preformatted.saturating_sub(1);
            out.block_break();
        }
        _ if BLOCK_ELEMENTS.contains(&name) => out.block_break(),
        _ => {}
    }
}

/// Decodes the character references that news pages use; unknown ones stay as written.
pub fn decode_entities(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let (c, len) = entity_at(rest).unwrap_or(('&', 1));
        out.push(c);
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

/// The character reference at the start of `rest` (which starts with `&`), and its length.
fn entity_at(rest: &str) -> Option<(char, usize)> {
    let semi = rest
        .char_indices()
        .take(12)
        .find(|&(_, c)| c == ';')
        .map(|(i, _)| i)?;
    decode_entity(&rest[1..semi]).map(|c| (c, semi + 1))
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|&c| c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "copy" => '©',
        "middot" => '·',
        "bull" => '•',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats() {
        let cases = [
            (
                "Publication: Monitor\n\nIranian President Mohammad Khatami",
                InputFormat::Plain,
            ),
            (
                "# Khatami in Moscow\n\nThe **visit** began.",
                InputFormat::Markdown,
            ),
            (
                "A [link](https://example.org) and ## not a heading",
                InputFormat::Markdown,
            ),
            (
                "<!DOCTYPE html><html><body><p>Hi</p></body></html>",
                InputFormat::Html,
            ),
            ("  <article><h1>T</h1></article>", InputFormat::Html),
            ("He said 2 * 3 = 6.", InputFormat::Plain),
        ];
        for (input, expected) in cases {
            assert_eq!(detect_format(input), expected, "{input:?}");
        }
    }

    #[test]
    fn markdown_keeps_headings_emphasis_and_links_as_marks() {
        let p = prepare(
            "# Title here\n\nSome *soft* and **hard** [words](https://x.org).\n\nNext.",
            InputFormat::Markdown,
        );
        assert_eq!(p.text, "Title here\n\nSome soft and hard words.\n\nNext.");
        let kinds: Vec<(&MarkKind, &str)> = p
            .marks
            .iter()
            .map(|m| (&m.kind, &p.text[m.start..m.end]))
            .collect();
        assert_eq!(
            kinds,
            [
                (&MarkKind::Heading { level: 1 }, "Title here"),
                (&MarkKind::Emphasis, "soft"),
                (&MarkKind::Strong, "hard"),
                (
                    &MarkKind::Link {
                        href: "https://x.org".into()
                    },
                    "words"
                ),
            ]
        );
        let body = p.text.find("Some").unwrap();
        assert_eq!(p.map.to_source(body), "# Title here\n\n".len());
    }

    #[test]
    fn html_drops_scripts_styles_and_furniture() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body><nav>Menu</nav>\
            <script>alert(1)</script><h1>Head&amp;line</h1><p>One <b>two</b>\n three.</p>\
            <p onclick=\"x()\">Four&nbsp;five &#8220;six&#x201D;</p><footer>(c)</footer></body></html>";
        let p = prepare(html, InputFormat::Html);
        assert_eq!(
            p.text,
            "Head&line\n\nOne two three.\n\nFour\u{a0}five “six”"
        );
        assert!(!p.text.contains("alert") && !p.text.contains("Menu"));
        assert_eq!(p.marks[0].kind, MarkKind::Heading { level: 1 });
    }

    #[test]
    fn html_prefers_the_article_element_and_uses_the_page_title_without_h1() {
        let html = "<title>Page title</title><p>Cookie banner</p><article><p>Body text.</p></article><p>Related</p>";
        let p = prepare(html, InputFormat::Html);
        assert_eq!(p.text, "Page title\n\nBody text.");
    }

    #[test]
    fn unterminated_markup_does_not_panic() {
        for input in [
            "<",
            "<p",
            "<script>never closed",
            "&#xFFFFFFFF;",
            "&",
            "<a href='x",
            "é<b>ü",
        ] {
            let p = prepare(input, InputFormat::Html);
            assert!(p.text.len() <= input.len() * 4);
            let _ = prepare(input, InputFormat::Markdown);
        }
    }
    /// Each block's text and the source it maps to, checking the source keeps chars whole.
    fn block_sources(input: &str, format: InputFormat) -> Vec<(String, String)> {
        let analysis = crate::analysis::Analyzer::new().analyze_as(input, format);
        analysis
            .blocks
            .iter()
            .map(|b| {
                let (s, e) = (b.source.start, b.source.end);
                assert!(
                    input.is_char_boundary(s) && input.is_char_boundary(e),
                    "block source {s}..{e} splits a char of {input:?}"
                );
                (
                    analysis.text[b.start..b.end].to_string(),
                    input[s..e].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn block_sources_cover_their_text_and_keep_chars_whole() {
        // (input, format, text of a block, what that block's source must contain)
        let cases = [
            ("<p>a  é</p><p>b</p>", InputFormat::Html, "a é", "a  é"),
            ("<p>a  é</p><p>b</p>", InputFormat::Html, "b", "b</p>"),
            (
                "<article>\n  <p>\n    First paragraph here.\n  </p>\n  <p>\n    Second one.\n  </p>\n</article>",
                InputFormat::Html,
                "First paragraph here.",
                "First paragraph here.",
            ),
            (
                "<p>Caf&eacute; &amp; bar</p><p>Next&hellip; one</p>",
                InputFormat::Html,
                "Café & bar",
                "Caf&eacute; &amp; bar",
            ),
            ("`…`\n>y", InputFormat::Markdown, "…", "`…`"),
            (
                "He said \"hello\" -- twice...\n\nNext.",
                InputFormat::Markdown,
                "He said “hello” – twice…",
                "He said \"hello\" -- twice...",
            ),
        ];
        for (input, format, text, source) in cases {
            let blocks = block_sources(input, format);
            let block = blocks
                .iter()
                .find(|(t, _)| t.trim() == text)
                .unwrap_or_else(|| panic!("no block {text:?} in {blocks:?}"));
            assert!(
                block.1.contains(source),
                "{input:?}: block {text:?} maps to {:?}",
                block.1
            );
            for (t, s) in &blocks {
                if t.trim() != text {
                    assert!(!s.contains(source), "{input:?}: {source:?} also in {s:?}");
                }
            }
        }
    }

    #[test]
    fn marks_survive_truncated_white_space_on_char_boundaries() {
        let cases = [
            (
                "<pre>x   <em></pre>été</em> is here.",
                InputFormat::Html,
                MarkKind::Emphasis,
                "été",
            ),
            (
                "<p>a <b></p><p>é</b>b</p>",
                InputFormat::Html,
                MarkKind::Strong,
                "é",
            ),
            (
                "<p>one <em>\n</em></p><p>ü</p>",
                InputFormat::Html,
                MarkKind::Emphasis,
                "",
            ),
            (
                "<h2>Ünder<br> </h2>x",
                InputFormat::Html,
                MarkKind::Heading { level: 2 },
                "Ünder",
            ),
        ];
        for (input, format, kind, covered) in cases {
            let p = prepare(input, format);
            for m in &p.marks {
                assert!(
                    m.start < m.end
                        && m.end <= p.text.len()
                        && p.text.is_char_boundary(m.start)
                        && p.text.is_char_boundary(m.end),
                    "{input:?}: bad mark {m:?} in {:?}",
                    p.text
                );
            }
            let found: Vec<&str> = p
                .marks
                .iter()
                .filter(|m| m.kind == kind)
                .map(|m| &p.text[m.start..m.end])
                .collect();
            if covered.is_empty() {
                assert!(found.is_empty(), "{input:?}: {found:?}");
            } else {
                assert_eq!(found, [covered], "{input:?} → {:?}", p.text);
            }
        }
    }

    #[test]
    fn scripts_comments_and_furniture_never_leak() {
        // (input, format, text that must not appear, text that must)
        let cases = [
            (
                "<script>var t=\"<article>\";steal(document.cookie)</script><p>Real.</p>",
                InputFormat::Html,
                "steal",
                "Real.",
            ),
            (
                "<!-- <article> --><p>Real.</p><p>More.</p>",
                InputFormat::Html,
                "-->",
                "More.",
            ),
            ("<script/>alert(1)</script><p>Real.</p>", InputFormat::Html, "alert", "Real."),
            ("<p>x</p><STYLE/>p{color:red}</style>", InputFormat::Html, "color", "x"),
            ("<nav><nav>a</nav>Menu</nav><p>Real.</p>", InputFormat::Html, "Menu", "Real."),
            ("<p title=\"a>b\">Real.</p>", InputFormat::Html, "b\"", "Real."),
            ("<p title='a>b' class=x>Real.</p>", InputFormat::Html, "b'", "Real."),
            (
                "<script>document.write('</scripts>')</script><p>Real.</p>",
                InputFormat::Html,
                "write",
                "Real.",
            ),
            (
                "<p>Real.</p><textarea><p>typed</p></textarea>",
                InputFormat::Html,
                "typed",
                "Real.",
            ),
            (
                "<p>Real.</p><aside><embed src=x><p>Ad</p></aside><p>After.</p>",
                InputFormat::Html,
                "Ad",
                "After.",
            ),
            (
                "<article><p>In.</p><article>Nested.</article><p>Still in.</p></article><p>Out.</p>",
                InputFormat::Html,
                "Out.",
                "Still in.",
            ),
            (
                "Hello <script>steal()</script> world",
                InputFormat::Markdown,
                "steal",
                " world",
            ),
            (
                "Hello <nav>Menu <nav>a</nav> more</nav> world",
                InputFormat::Markdown,
                "more",
                " world",
            ),
            (
                "Para.\n\n<nav>\n\nMenu\n\n</nav>\n\nAfter.",
                InputFormat::Markdown,
                "Menu",
                "After.",
            ),
            (
                "Hello <!-- <script> --> world",
                InputFormat::Markdown,
                "script",
                " world",
            ),
        ];
        for (input, format, leaked, kept) in cases {
            let p = prepare(input, format);
            assert!(!p.text.contains(leaked), "{input:?} leaked {:?}", p.text);
            assert!(
                p.text.contains(kept),
                "{input:?} lost {kept:?}: {:?}",
                p.text
            );
        }
    }

    #[test]
    fn the_page_title_comes_from_a_real_title_element() {
        let html = "<!-- <title>Fake</title> --><title>Real &amp; true</title><p>Body.</p>";
        assert_eq!(
            prepare(html, InputFormat::Html).text,
            "Real & true\n\nBody."
        );
        let html = "<title>T</title><h1>Own</h1><p>Body.</p>";
        assert_eq!(prepare(html, InputFormat::Html).text, "Own\n\nBody.");
    }

    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<em>",
        "</em>",
        "<pre>",
        "</pre>",
        "<script>",
        "</script>",
        "<script/>",
        "<!--",
        "-->",
        "<article>",
        "</article>",
        "<h1>",
        "</h1>",
        "<br>",
        "<nav>",
        "</nav>",
        "<a href=\"x\">",
        "</a>",
        "<title>",
        "</title>",
        "&amp;",
        "&#x201C;",
        "&nbsp;",
        "é",
        "…",
        "`",
        "*",
        "**",
        "_",
        "[",
        "](x)",
        "#",
        "> ",
        "\n",
        "\n\n",
        " ",
        "  ",
        "\t",
        "a",
        "bc",
        ">",
        "<",
        "\"",
        "'",
        "=",
        "--",
        "...",
    ];

    #[test]
    fn property_marks_and_map_stay_on_char_boundaries() {
        let mut rng = crate::analysis::testing::Lcg(0x5eed_cafe);
        for round in 0..4000 {
            let len = (rng.next() % 40) as usize;
            let input = rng.text(PIECES, len);
            for format in [InputFormat::Html, InputFormat::Markdown, InputFormat::Plain] {
                let p = prepare(&input, format);
                let text = &p.text;
                for m in &p.marks {
                    assert!(
                        m.start < m.end
                            && m.end <= text.len()
                            && text.is_char_boundary(m.start)
                            && text.is_char_boundary(m.end),
                        "round {round} {format:?} {input:?}: mark {m:?} in {text:?}"
                    );
                }
                let mut last = 0;
                for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                    let s = p.map.to_source(at);
                    assert!(
                        s <= input.len() && input.is_char_boundary(s),
                        "round {round} {format:?} {input:?}: {at} maps to {s} in {text:?}"
                    );
                    assert!(
                        s >= last,
                        "round {round} {format:?} {input:?}: {at} maps back to {s} < {last}"
                    );
                    last = s;
                }
                if round % 4 == 0 {
                    // Asserts that block sources never split a char.
                    block_sources(&input, format);
                }
            }
        }
    }
}
