//! The article's layout: header fields, headline, byline, dateline, paragraphs and the
//! trailing citation block.
//!
//! Works on lines and blank-line-separated chunks of the reduced text. Every byte ends up in
//! exactly one [`Block`](super::Block); what is not content (blank lines) becomes a `Gap`.

use super::source::{Mark, MarkKind};
use super::text::{is_dash, Span};
use super::{citations, BlockKind, Citation, HeaderField};

/// Header keys recognised in any letter case; other Title-case keys count only at a line's start.
const KNOWN_KEYS: &[&str] = &[
    "publication",
    "volume",
    "issue",
    "date",
    "author",
    "authors",
    "by",
    "source",
    "section",
    "title",
    "headline",
    "byline",
    "dateline",
    "edition",
    "page",
    "pages",
    "language",
    "length",
    "words",
    "copyright",
    "url",
    "link",
    "published",
    "updated",
    "category",
    "categories",
    "tags",
    "keywords",
    "subject",
    "location",
    "country",
    "region",
    "agency",
    "publisher",
    "credit",
    "slug",
    "id",
    "document",
    "number",
    "time",
];

/// What the layout pass found; sentences and quotations are added later.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub header: Vec<HeaderField>,
    pub title: Option<Span>,
    pub byline: Option<Span>,
    pub dateline: Option<Span>,
    pub headings: Vec<Span>,
    /// Body paragraphs, trimmed, in order.
    pub paragraphs: Vec<Span>,
    pub citations: Vec<Citation>,
    /// The citation block: a trailing parenthetical inside the last paragraph, or a block of its own.
    pub citation_span: Option<Span>,
    /// (kind, span) tiling the text.
    pub blocks: Vec<(BlockKind, Span)>,
}

/// A run of non-blank lines.
#[derive(Clone, Copy, Debug)]
struct Chunk {
    span: Span,
}

fn lines_of(text: &str, span: Span) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut start = span.start;
    for (i, c) in span.slice(text).char_indices() {
        if c == '\n' {
            lines.push(Span::new(start, span.start + i));
            start = span.start + i + 1;
        }
    }
    lines.push(Span::new(start, span.end));
    lines
}

/// Chunks of consecutive non-blank lines, each trimmed.
fn chunks_of(text: &str) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut current: Option<Span> = None;
    for line in lines_of(text, Span::new(0, text.len())) {
        if line.slice(text).trim().is_empty() {
            if let Some(c) = current.take() {
                chunks.push(Chunk { span: c.trim(text) });
            }
        } else {
            current = Some(match current {
                Some(c) => Span::new(c.start, line.end),
                None => line,
            });
        }
    }
    if let Some(c) = current {
        chunks.push(Chunk { span: c.trim(text) });
    }
    chunks
}

/// Splits `Publication: Monitor Volume: 7 Issue: 55` into fields, or `None` if it is not a header line.
pub fn parse_header_line(text: &str, line: Span) -> Option<Vec<HeaderField>> {
    let line = line.trim(text);
    let s = line.slice(text);
    if s.is_empty() || s.len() > 200 || s.split_whitespace().count() > 24 {
        return None;
    }
    // Candidate keys: a word ending in ':' and followed by space or the line's end.
    let mut keys: Vec<(usize, usize)> = Vec::new();
    let mut word_start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            word_start.get_or_insert(i);
        } else if c == ':' {
            if let Some(ws) = word_start.take() {
                let followed = s[i + 1..].chars().next().is_none_or(char::is_whitespace);
                let preceded = ws == 0 || s[..ws].ends_with(char::is_whitespace);
                if followed && preceded && is_key(&s[ws..i], ws == 0) {
                    keys.push((ws, i));
                }
            }
        } else {
            word_start = None;
        }
    }
    if keys.first().map(|k| k.0) != Some(0) {
        return None;
    }
    let mut fields = Vec::new();
    for (n, &(ks, ke)) in keys.iter().enumerate() {
        let value_end = keys.get(n + 1).map_or(s.len(), |k| k.0);
        let value = Span::new(line.start + ke + 1, line.start + value_end).trim(text);
        fields.push(HeaderField {
            key: s[ks..ke].to_string(),
            value: value.slice(text).to_string(),
            key_span: Span::new(line.start + ks, line.start + ke),
            value_span: value,
        });
    }
    // A long free-text value after a generic key reads as prose ("Note: the minister said ..."),
    // not as a header; known keys may carry longer values such as titles.
    let known_first = KNOWN_KEYS.contains(&fields[0].key.to_ascii_lowercase().as_str());
    if !known_first
        && (fields[0].value.split_whitespace().count() > 8 || fields[0].value.is_empty())
    {
        return None;
    }
    Some(fields)
}

fn is_key(word: &str, at_line_start: bool) -> bool {
    let lower = word.to_ascii_lowercase();
    if KNOWN_KEYS.contains(&lower.as_str()) {
        return true;
    }
    let mut chars = word.chars();
    let title_case =
        chars.next().is_some_and(char::is_uppercase) && chars.all(|c| c.is_lowercase() || c == '-');
    at_line_start && title_case && (2..=20).contains(&word.chars().count())
}

fn looks_like_byline(line: &str) -> Option<usize> {
    let t = line.trim();
    let rest = ["By ", "BY ", "by ", "By: ", "Written by "]
        .iter()
        .find_map(|p| t.strip_prefix(p).map(|r| (p.len(), r)));
    let (prefix, rest) = rest?;
    let words = rest.split_whitespace().count();
    let starts_upper = rest
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    (starts_upper && (1..=14).contains(&words) && !rest.trim_end().ends_with('.')).then_some(prefix)
}

fn looks_like_title(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    let ends_open = !t.ends_with(['.', ',', ';', ':']) || t.ends_with("...");
    let starts_well = t
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '‘'));
    (1..=25).contains(&words) && t.len() <= 220 && ends_open && starts_well
}

/// A dateline at the start of the lede: `MOSCOW, March 12 (Reuters) -`, `WASHINGTON —`,
/// `LONDON (AP) --`. Returns the span of the dateline without its dash.
pub fn find_dateline(text: &str, paragraph: Span) -> Option<(Span, Span)> {
    let s = paragraph.slice(text);
    let head: &str = match s.char_indices().nth(90) {
        Some((i, _)) => &s[..i],
        None => s,
    };
    // The place: one to four words in capitals (the wire convention), or Title case words followed by
    // an agency credit in brackets.
    let mut dash_at = None;
    for (i, c) in head.char_indices() {
        if is_dash(c) && i > 0 && head[..i].ends_with(' ') {
            let after = &head[i + c.len_utf8()..];
            let after = after.trim_start_matches(['-', '–', '—']);
            if after.starts_with(' ') {
                dash_at = Some((i, head.len() - after.len()));
                break;
            }
        }
        if c == ':' && i > 0 {
            break;
        }
    }
    let (dash, body_start) = dash_at?;
    let place_part = head[..dash].trim_end();
    if place_part.is_empty() || place_part.split_whitespace().count() > 10 {
        return None;
    }
    let first_segment = place_part.split([',', '(']).next().unwrap_or("").trim();
    let letters: Vec<char> = first_segment
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    let agency = place_part.ends_with(')') && place_part.contains('(');
    let title_place = first_segment.split_whitespace().count() <= 3
        && first_segment
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if !(all_caps || (agency && title_place)) {
        return None;
    }
    let start = paragraph.start;
    Some((
        Span::new(start, start + place_part.len()),
        Span::new(start + body_start, start + body_start).trim(text),
    ))
}

/// Finds the layout. `marks` carries headings from Markdown or HTML input.
pub fn parse(text: &str, marks: &[Mark]) -> Layout {
    let mut layout = Layout::default();
    let headings: Vec<Span> = marks
        .iter()
        .filter(|m| matches!(m.kind, MarkKind::Heading { .. }))
        .map(|m| Span::new(m.start, m.end).trim(text))
        .collect();
    let is_heading = |span: Span| {
        headings.iter().any(|h| {
            h.start <= span.start && span.end <= h.end.max(span.end) && h.start == span.start
        })
    };

    // (kind, span) for each content piece; gaps are filled in at the end.
    let mut pieces: Vec<(BlockKind, Span)> = Vec::new();
    let chunks = chunks_of(text);
    let mut in_preamble = true;
    let mut body_seen = false;
    for chunk in &chunks {
        let lines = lines_of(text, chunk.span);
        let mut rest_start = 0;
        if in_preamble {
            // Header lines, then at most a title and a byline, line by line.
            while rest_start < lines.len() {
                let line = lines[rest_start].trim(text);
                let line_text = line.slice(text);
                if layout.title.is_none() && layout.byline.is_none() && !is_heading(line) {
                    if let Some(fields) = parse_header_line(text, line) {
                        extend_header(&mut pieces, line);
                        layout.header.extend(fields);
                        rest_start += 1;
                        continue;
                    }
                }
                if layout.byline.is_none() {
                    if let Some(prefix) = looks_like_byline(line_text) {
                        let lead = line_text.len() - line_text.trim_start().len();
                        layout.byline =
                            Some(Span::new(line.start + lead + prefix, line.end).trim(text));
                        pieces.push((BlockKind::Byline, line));
                        rest_start += 1;
                        continue;
                    }
                }
                let more_follows = rest_start + 1 < lines.len() || chunks.len() > 1;
                let heading_here = is_heading(line);
                if layout.title.is_none()
                    && !body_seen
                    && more_follows
                    && (heading_here
                        || (headings.is_empty()
                            && looks_like_title(line_text)
                            && find_dateline(text, line).is_none()))
                {
                    layout.title = Some(line);
                    pieces.push((BlockKind::Title, line));
                    rest_start += 1;
                    continue;
                }
                break;
            }
        }
        if rest_start >= lines.len() {
            continue;
        }
        in_preamble = false;
        body_seen = true;
        let body = Span::new(lines[rest_start].start, chunk.span.end).trim(text);
        if is_heading(body) {
            layout.headings.push(body);
            pieces.push((BlockKind::Heading, body));
            continue;
        }
        for paragraph in split_line_paragraphs(text, body) {
            pieces.push((BlockKind::Paragraph, paragraph));
        }
    }

    // A title given as a header field names the article when the body has none.
    for field in &layout.header {
        let key = field.key.to_ascii_lowercase();
        if layout.title.is_none()
            && (key == "title" || key == "headline")
            && !field.value.is_empty()
        {
            layout.title = Some(field.value_span);
        }
        if layout.byline.is_none()
            && matches!(key.as_str(), "author" | "by" | "byline" | "authors")
            && !field.value.is_empty()
        {
            layout.byline = Some(field.value_span);
        }
        if layout.dateline.is_none() && key == "dateline" && !field.value.is_empty() {
            layout.dateline = Some(field.value_span);
        }
    }

    // The citation block: a last paragraph of its own, or a parenthetical closing the last one.
    if let Some(last) = pieces.iter().rposition(|(k, _)| *k == BlockKind::Paragraph) {
        let span = pieces[last].1;
        let has_body_before = pieces[..last]
            .iter()
            .any(|(k, _)| *k == BlockKind::Paragraph);
        match citations::citation_paragraph(text, span) {
            Some(list) if has_body_before => {
                pieces[last].0 = BlockKind::Citations;
                layout.citations = list;
                layout.citation_span = Some(span);
            }
            _ => {
                if let Some((inner, list)) = citations::trailing_citation(text, span) {
                    layout.citations = list;
                    layout.citation_span = Some(inner);
                }
            }
        }
    }

    layout.paragraphs = pieces
        .iter()
        .filter(|(k, _)| *k == BlockKind::Paragraph)
        .map(|p| p.1)
        .collect();
    if layout.dateline.is_none() {
        if let Some(&lede) = layout.paragraphs.first() {
            layout.dateline = find_dateline(text, lede).map(|(d, _)| d);
        }
    }
    layout.blocks = tile(text, &pieces);
    layout
}

fn extend_header(pieces: &mut Vec<(BlockKind, Span)>, line: Span) {
    match pieces.last_mut() {
        Some((BlockKind::Header, span)) => span.end = line.end,
        _ => pieces.push((BlockKind::Header, line)),
    }
}

/// Text pasted from some sites has one paragraph per line and no blank lines; hard-wrapped text has
/// many lines per paragraph. Lines that almost all end a sentence and are long mark the first kind.
fn split_line_paragraphs(text: &str, chunk: Span) -> Vec<Span> {
    let lines: Vec<Span> = lines_of(text, chunk)
        .into_iter()
        .map(|l| l.trim(text))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < 2 {
        return vec![chunk];
    }
    let ends_sentence = |l: &Span| {
        let t = l.slice(text).trim_end_matches(['”', '"', '’', ')', '\'']);
        t.ends_with(['.', '?', '!', '…', ':'])
    };
    let ending = lines.iter().filter(|l| ends_sentence(l)).count();
    let long = lines
        .iter()
        .filter(|l| l.slice(text).chars().count() > 90)
        .count();
    if ending * 10 >= lines.len() * 8 && long * 2 >= lines.len() {
        lines
    } else {
        vec![chunk]
    }
}

/// Fills the spaces between pieces with gaps so that the blocks cover every byte once.
fn tile(text: &str, pieces: &[(BlockKind, Span)]) -> Vec<(BlockKind, Span)> {
    let mut blocks = Vec::with_capacity(pieces.len() * 2 + 1);
    let mut at = 0;
    for &(kind, span) in pieces {
        if span.start < at || span.end < span.start {
            continue;
        }
        if span.start > at {
            blocks.push((BlockKind::Gap, Span::new(at, span.start)));
        }
        blocks.push((kind, span));
        at = span.end;
    }
    if at < text.len() {
        blocks.push((BlockKind::Gap, Span::new(at, text.len())));
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(line: &str) -> Option<Vec<(String, String)>> {
        parse_header_line(line, Span::new(0, line.len()))
            .map(|f| f.into_iter().map(|f| (f.key, f.value)).collect())
    }

    #[test]
    fn header_lines() {
        let pairs = |v: &[(&str, &str)]| {
            Some(
                v.iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect::<Vec<_>>(),
            )
        };
        type Fields = Option<Vec<(String, String)>>;
        let cases: &[(&str, Fields)] = &[
            (
                "Publication: Monitor Volume: 7 Issue: 55",
                pairs(&[("Publication", "Monitor"), ("Volume", "7"), ("Issue", "55")]),
            ),
            ("Date: March 12, 2001", pairs(&[("Date", "March 12, 2001")])),
            (
                "Author: Jane Doe Source: Reuters",
                pairs(&[("Author", "Jane Doe"), ("Source", "Reuters")]),
            ),
            (
                "URL: https://example.org/a",
                pairs(&[("URL", "https://example.org/a")]),
            ),
            ("Iranian President Mohammad Khatami wound up a visit.", None),
            (
                "Note: the minister said that he would resign within the week, aides said",
                None,
            ),
            ("WASHINGTON: The president spoke.", None),
        ];
        for (line, expected) in cases {
            assert_eq!(&fields(line), expected, "{line:?}");
        }
    }

    #[test]
    fn datelines() {
        let cases = [
            (
                "MOSCOW, March 12 (Reuters) - Russia said.",
                Some("MOSCOW, March 12 (Reuters)"),
            ),
            ("WASHINGTON — The president spoke.", Some("WASHINGTON")),
            ("LONDON (AP) -- Markets fell.", Some("LONDON (AP)")),
            (
                "Kazan, Russia (AP) – The mosque opened.",
                Some("Kazan, Russia (AP)"),
            ),
            (
                "ST. PETERSBURG, Russia — Workers polished the core.",
                Some("ST. PETERSBURG, Russia"),
            ),
            (
                "Iranian President Mohammad Khatami wound up a high-profile four-day visit.",
                None,
            ),
            ("The talks – which began Monday – ended.", None),
        ];
        for (p, expected) in cases {
            let got = find_dateline(p, Span::new(0, p.len())).map(|(d, _)| d.slice(p));
            assert_eq!(got, expected, "{p:?}");
        }
    }

    #[test]
    fn title_byline_and_paragraphs_from_plain_text() {
        let text = "Khatami Ends Visit to Russia\nBy Jane Doe\n\nMOSCOW — The visit ended.\n\nIt was long.";
        let layout = parse(text, &[]);
        assert_eq!(
            layout.title.map(|s| s.slice(text)),
            Some("Khatami Ends Visit to Russia")
        );
        assert_eq!(layout.byline.map(|s| s.slice(text)), Some("Jane Doe"));
        assert_eq!(layout.dateline.map(|s| s.slice(text)), Some("MOSCOW"));
        assert_eq!(layout.paragraphs.len(), 2);
    }

    #[test]
    fn one_paragraph_per_line_when_lines_are_long_sentences() {
        let a = "The first paragraph is a long line of text that ends with a full stop, as pasted from a site.";
        let b = "The second paragraph is also a long line of text that ends with a full stop, like the first.";
        let text = format!("{a}\n{b}");
        assert_eq!(parse(&text, &[]).paragraphs.len(), 2);
        let wrapped =
            "This paragraph was wrapped\nat a short width by an email\nclient, so it is one.";
        assert_eq!(parse(wrapped, &[]).paragraphs.len(), 1);
    }

    #[test]
    fn blocks_tile_the_text() {
        for text in [
            "",
            "\n\n",
            "a",
            "Title\n\nBody one.\n\n\nBody two.\n",
            "Key: v\n\n  \n x",
        ] {
            let layout = parse(text, &[]);
            let mut at = 0;
            for (_, span) in &layout.blocks {
                assert_eq!(span.start, at, "{text:?}");
                at = span.end;
            }
            assert_eq!(at, text.len(), "{text:?}");
        }
    }
}
