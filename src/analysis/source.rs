//! Input formats: plain text passes through; Markdown and HTML are reduced to article text.
//!
//! Every later stage works on one plain `text`. For Markdown and HTML that text is made here,
//! with a [`SourceMap`] back to the markup so that blocks can also name the source bytes they
//! came from. Headings, emphasis and links survive as [`Mark`]s on the reduced text. HTML is
//! only ever read as data: scripts, styles and other non-article elements are dropped with
//! their content, and nothing is kept that could run.

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

/// Maps byte offsets of the reduced text back to the source. Pieces are in text order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    /// (text offset, source offset) where a run of copied text starts.
    anchors: Vec<(usize, usize)>,
    source_len: usize,
}

impl SourceMap {
    pub fn identity(len: usize) -> SourceMap {
        SourceMap {
            anchors: vec![(0, 0)],
            source_len: len,
        }
    }

    fn anchor(&mut self, text_offset: usize, source_offset: usize) {
        self.anchors.push((text_offset, source_offset));
    }

    /// The source offset of a text offset: the nearest anchor at or before it, plus the distance.
    pub fn to_source(&self, text_offset: usize) -> usize {
        let i = self.anchors.partition_point(|&(t, _)| t <= text_offset);
        match i.checked_sub(1).and_then(|i| self.anchors.get(i)) {
            Some(&(t, s)) => (s + (text_offset - t)).min(self.source_len),
            None => 0,
        }
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
struct TextBuilder {
    text: String,
    marks: Vec<Mark>,
    map: SourceMap,
    open: Vec<(MarkKind, usize)>,
}

impl TextBuilder {
    fn new(source_len: usize) -> TextBuilder {
        TextBuilder {
            text: String::new(),
            marks: Vec::new(),
            map: SourceMap {
                anchors: Vec::new(),
                source_len,
            },
            open: Vec::new(),
        }
    }

    fn push(&mut self, piece: &str, source_offset: usize) {
        if piece.is_empty() {
            return;
        }
        self.map.anchor(self.text.len(), source_offset);
        self.text.push_str(piece);
    }

    /// Pushes text whose white space folds as HTML's does.
    fn push_folded(&mut self, piece: &str, source_offset: usize) {
        let mut folded = String::with_capacity(piece.len());
        let mut last_space = self.text.is_empty() || self.text.ends_with([' ', '\n']);
        for c in piece.chars() {
            if c.is_whitespace() && c != '\u{a0}' {
                if !last_space {
                    folded.push(' ');
                }
                last_space = true;
            } else {
                folded.push(c);
                last_space = false;
            }
        }
        self.push(&folded, source_offset);
    }

    fn line_break(&mut self) {
        let trimmed = self.text.trim_end_matches(' ').len();
        self.text.truncate(trimmed);
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    fn block_break(&mut self) {
        let trimmed = self.text.trim_end_matches([' ', '\n']).len();
        self.text.truncate(trimmed);
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
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
        self.text.truncate(trimmed);
        if self.map.anchors.is_empty() {
            self.map.anchors.push((0, 0));
        }
        let len = self.text.len();
        for mark in &mut self.marks {
            mark.end = mark.end.min(len);
        }
        self.marks.retain(|m| m.start < m.end);
        self.marks
            .sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        Prepared {
            format,
            text: self.text,
            marks: self.marks,
            map: self.map,
        }
    }
}

fn reduce_markdown(input: &str) -> Prepared {
    let mut out = TextBuilder::new(input.len());
    let parser = Parser::new_ext(
        input,
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION,
    );
    for (event, range) in parser.into_offset_iter() {
        match event {
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
            Event::Text(t) | Event::Code(t) => out.push(&t, range.start),
            Event::SoftBreak => out.push(" ", range.start),
            Event::HardBreak => out.line_break(),
            Event::Rule => out.block_break(),
            // Raw HTML inside Markdown is markup, not article text, and is never rendered.
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

/// Elements dropped with everything inside them: code, styling, and page furniture.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "head", "nav", "footer", "aside",
    "form", "button", "select", "iframe", "object", "embed", "canvas", "video", "audio", "picture",
    "textarea",
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

struct Tag_<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    raw: &'a str,
}

fn parse_tag(raw: &str) -> Tag_<'_> {
    let inner = raw.trim_start_matches('<').trim_end_matches('>');
    let closing = inner.starts_with('/');
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    Tag_ {
        name,
        closing,
        self_closing: inner.ends_with('/'),
        raw,
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

/// Where the article proper lies: inside `<article>` (or `<main>`) when the page has one.
fn article_region(input: &str) -> (usize, usize) {
    let lower = input.to_ascii_lowercase();
    for tag in ["article", "main"] {
        if let Some(open) = lower.find(&format!("<{tag}")) {
            let after = lower[open..]
                .find('>')
                .map_or(input.len(), |i| open + i + 1);
            let close = lower
                .rfind(&format!("</{tag}"))
                .filter(|&c| c >= after)
                .unwrap_or(input.len());
            return (after, close);
        }
    }
    (0, input.len())
}

fn reduce_html(input: &str) -> Prepared {
    let mut out = TextBuilder::new(input.len());
    let (from, to) = article_region(input);
    let lower = input.to_ascii_lowercase();
    let mut pos = from;
    let mut preformatted = 0usize;
    let mut page_title: Option<(String, usize)> = None;
    if let Some(t) = lower.find("<title") {
        if let Some(gt) = lower[t..].find('>').map(|i| t + i + 1) {
            if let Some(end) = lower[gt..].find("</title").map(|i| gt + i) {
                page_title = Some((decode_entities(&input[gt..end]), gt));
            }
        }
    }
    let has_h1 = lower[from..to].contains("<h1");
    if let (Some((title, at)), false) = (page_title, has_h1) {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if !title.is_empty() {
            out.open_mark(MarkKind::Heading { level: 1 });
            out.push(&title, at);
            out.close_mark(|k| matches!(k, MarkKind::Heading { .. }));
            out.block_break();
        }
    }
    while pos < to {
        let rest = &input[pos..to];
        if rest.starts_with("<!--") {
            pos = lower[pos..].find("-->").map_or(to, |i| pos + i + 3);
            continue;
        }
        if rest.starts_with('<')
            && rest[1..]
                .starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?')
        {
            let end = rest.find('>').map_or(to, |i| pos + i + 1);
            let tag = parse_tag(&input[pos..end]);
            pos = end;
            if tag.closing {
                handle_close(&mut out, &tag.name, &mut preformatted);
                continue;
            }
            if SKIPPED_ELEMENTS.contains(&tag.name.as_str()) && !tag.self_closing {
                let close = format!("</{}", tag.name);
                pos = lower[pos..to].find(&close).map_or(to, |i| pos + i);
                pos = lower[pos..].find('>').map_or(to, |i| pos + i + 1).min(to);
                continue;
            }
            handle_open(&mut out, &tag, &mut preformatted);
            continue;
        }
        let first_len = rest.chars().next().map_or(1, char::len_utf8);
        let next_tag = rest[first_len..]
            .find('<')
            .map_or(to, |i| pos + first_len + i);
        let raw = &input[pos..next_tag];
        let decoded = decode_entities(raw);
        if preformatted > 0 {
            out.push(&decoded, pos);
        } else {
            out.push_folded(&decoded, pos);
        }
        pos = next_tag;
    }
    out.finish(InputFormat::Html)
}

fn handle_open(out: &mut TextBuilder, tag: &Tag_<'_>, preformatted: &mut usize) {
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
            if let Some(href) = attribute(tag.raw, "href") {
                out.open_mark(MarkKind::Link { href });
            }
        }
        "pre" => {
            out.block_break();
            *preformatted += 1;
        }
        _ if BLOCK_ELEMENTS.contains(&name) => out.block_break(),
        _ => {}
    }
}

fn handle_close(out: &mut TextBuilder, name: &str, preformatted: &mut usize) {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            out.close_mark(|k| matches!(k, MarkKind::Heading { .. }));
            out.block_break();
        }
        "em" | "i" | "cite" => out.close_mark(|k| *k == MarkKind::Emphasis),
        "strong" | "b" => out.close_mark(|k| *k == MarkKind::Strong),
        "a" => out.close_mark(|k| matches!(k, MarkKind::Link { .. })),
        "pre" => {
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
        let semi = rest
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        let decoded = semi.and_then(|semi| decode_entity(&rest[1..semi]).map(|c| (c, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
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
}
