//! The article's layout: header fields, headline, byline, dateline, paragraphs and the
//! trailing citation block.
//!
//! Works on lines and blank-line-separated chunks of the reduced text. Every byte ends up in
//! exactly one [`Block`](super::Block); what is not content (blank lines) becomes a `Gap`.
//!
//! Look-around: a line and its neighbours (the preamble reads at most the first lines, a subhead
//! the lines beside it); chunks are visited once, in order.

use super::lexicon::{is_month, is_weekday};
use super::rules::{RuleHit, RuleId, RuleSet};
use super::source::{Mark, MarkKind};
use super::text::{is_closing_mark, is_dash, Span};
use super::{citations, sentences, BlockKind, Citation, Decision, HeaderField, Part};
use crate::analysis::stable_sort;

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
    pub decisions: Vec<Decision>,
    /// The rules that decided the layout, in the order they fired.
    pub rule_hits: Vec<RuleHit>,
}

impl Layout {
    fn decide(&mut self, part: Part, span: Span, reason: impl Into<String>) {
        self.decisions.push(Decision {
            part,
            start: span.start,
            end: span.end,
            reason: reason.into(),
        });
    }
}

/// A run of non-blank lines.
#[derive(Clone, Copy, Debug)]
struct Chunk {
    span: Span,
}

fn lines_of(text: &str, span: Span) -> Vec<Span> {
    let mut lines = Vec::new();
    let mut start = span.start;
    // Split by a one-byte character, which the standard library finds a word at a time.
    for line in span.slice(text).split('\n') {
        lines.push(Span::new(start, start + line.len()));
        start += line.len() + 1;
    }
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

const DANGLING_WORDS: &[&str] = &[
    "a", "an", "the", "of", "on", "in", "at", "to", "for", "from", "with", "by", "and", "or",
    "but", "that", "which", "who", "as", "is", "are", "was", "were", "has", "have", "had", "its",
    "their",
];

/// A headline is short, starts like a title, does not end like a sentence and is one phrase. A
/// line whose next line starts in lower case is the first line of a wrapped paragraph instead.
fn looks_like_title(text: &str, line: Span, next_line: Option<&str>) -> bool {
    let t = line.slice(text).trim();
    let words = t.split_whitespace().count();
    let core = t.trim_end_matches(is_closing_mark);
    let ends_open = !core.ends_with(['.', ',', ';', ':']) || core.ends_with("...");
    let starts_well = t
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '‘'));
    let continues = next_line.is_some_and(|n| n.starts_with(char::is_lowercase));
    // A headline does not stop on "of" or "the": such a line is wrapped prose.
    let last_word = t.rsplit(char::is_whitespace).next().unwrap_or("");
    let dangling = DANGLING_WORDS.contains(&last_word);
    (1..=25).contains(&words)
        && t.len() <= 220
        && ends_open
        && starts_well
        && !continues
        && !dangling
        && !is_url(t)
        && sentences::split_sentences(text, line).len() <= 1
}

/// A dateline at the start of the lede: `MOSCOW, March 12 (Reuters) -`, `WASHINGTON —`,
/// `LONDON (AP) --`, `Springfield - `, `KAZAN: `, `Kazan, March 12: `. Returns the span of the
/// dateline without its separator, and where the body text begins.
pub fn find_dateline(text: &str, paragraph: Span) -> Option<(Span, Span)> {
    let s = paragraph.slice(text);
    let head: &str = match s.char_indices().nth(90) {
        Some((i, _)) => &s[..i],
        None => s,
    };
    let (separator, body_start, colon) = dateline_separator(head)?;
    let place_part = head[..separator].trim_end();
    let body = &head[body_start..];
    if place_part.is_empty() || place_part.split_whitespace().count() > 10 || !starts_sentence(body)
    {
        return None;
    }
    // An agency credit in brackets closes the dateline: `(Reuters)`, `(GLOBE NEWSWIRE)`.
    let (core, agency) = match place_part.strip_suffix(')').and_then(|p| p.rfind('(')) {
        Some(open) => (place_part[..open].trim_end(), true),
        None => (place_part, false),
    };
    let mut parts = core.split(',').map(str::trim);
    let first_segment = parts.next().unwrap_or("");
    let letters: Vec<char> = first_segment
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let min_letters = if colon { 3 } else { 2 };
    let all_caps = letters.len() >= min_letters && letters.iter().all(|c| c.is_uppercase());
    let title_case = |words: &str| {
        let n = words.split_whitespace().count();
        (1..=3).contains(&n)
            && words
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
    };
    let is_year = |part: &str| part.len() == 4 && part.chars().all(|c| c.is_ascii_digit());
    // After the place only ", Region", ", March 12" or ", 2018" may follow.
    let rest_is_plain = parts.all(|part| title_case(part) || has_month_day(part) || is_year(part));
    let accepted = rest_is_plain
        && if colon {
            all_caps || (title_case(first_segment) && has_month_day(core))
        } else {
            all_caps || (title_case(first_segment) && (agency || !first_segment.contains('(')))
        };
    if !accepted {
        return None;
    }
    let start = paragraph.start;
    Some((
        Span::new(start, start + place_part.len()),
        Span::new(start + body_start, start + body_start).trim(text),
    ))
}

/// The first dash or colon followed by a space: (its offset, where the body begins, is a colon).
/// An em dash may also stand with no space after an all-capitals place: `WASHINGTON—President`.
fn dateline_separator(head: &str) -> Option<(usize, usize, bool)> {
    for (i, c) in head.char_indices() {
        if i == 0 {
            continue;
        }
        if is_dash(c) {
            let after = head[i + c.len_utf8()..].trim_start_matches(['-', '–', '—']);
            let capitals_before = head[..i].chars().rev().take(2).all(|p| p.is_uppercase());
            let tight = c == '—' && capitals_before && after.starts_with(char::is_uppercase);
            if after.starts_with(' ') || tight {
                return Some((i, head.len() - after.len(), false));
            }
        } else if c == ':' && head[i + 1..].starts_with(' ') {
            return Some((i, i + 1, true));
        }
    }
    None
}

fn has_month_day(s: &str) -> bool {
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.windows(2).any(|pair| {
        let (a, b) = (&pair[0], &pair[1]);
        (is_month(a) && b.chars().all(|c| c.is_ascii_digit()))
            || (is_month(b) && a.chars().all(|c| c.is_ascii_digit()))
    })
}

/// Finds the layout. `marks` carries headings from Markdown or HTML input.
/// A preamble already known before the layout pass: a saved page's metadata, which
/// [`super::page`] writes at the top of the text. The body starts at `body_start`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GivenPreamble {
    /// Header fields, each on a line of its own; `header_span` covers those lines.
    pub header: Vec<HeaderField>,
    pub header_span: Option<Span>,
    pub title: Option<Span>,
    /// The byline's name(s); `byline_line` is its whole line, "By" included.
    pub byline: Option<Span>,
    pub byline_line: Option<Span>,
    pub body_start: usize,
}

pub fn parse(text: &str, marks: &[Mark], rules: &RuleSet) -> Layout {
    parse_with(text, marks, rules, None)
}

/// Lays out the text; with a `given` preamble, the preamble is taken as given and only the text
/// after it is read for a body.
pub fn parse_with(
    text: &str,
    marks: &[Mark],
    rules: &RuleSet,
    given: Option<&GivenPreamble>,
) -> Layout {
    let mut layout = Layout::default();
    let headings: Vec<Span> = marks
        .iter()
        .filter(|m| matches!(m.kind, MarkKind::Heading { .. }))
        .map(|m| Span::new(m.start, m.end).trim(text))
        .collect();
    // Marks come sorted by start, so headings do too.
    let is_heading = |span: Span| {
        headings
            .binary_search_by_key(&span.start, |h| h.start)
            .is_ok()
    };

    // (kind, span) for each content piece; gaps are filled in at the end.
    let mut pieces: Vec<(BlockKind, Span)> = Vec::new();
    let mut chunks = chunks_of(text);
    let mut in_preamble = true;
    if let Some(given) = given {
        take_given_preamble(&mut layout, &mut pieces, given, rules);
        chunks.retain(|c| c.span.start >= given.body_start);
        in_preamble = false;
    }
    let mut body_seen = false;
    let mut conventions: Vec<(LineConvention, Span)> = Vec::new();
    let mut blank_line_paragraphs = 0;
    for chunk in &chunks {
        let lines = lines_of(text, chunk.span);
        let mut rest_start = 0;
        if in_preamble {
            // Header lines, a bare URL or date line, then at most a title and a byline.
            while rest_start < lines.len() {
                let line = lines[rest_start].trim(text);
                let line_text = line.slice(text);
                let next_line = lines.get(rest_start + 1).map(|l| l.trim(text).slice(text));
                if !is_heading(line) {
                    if let Some(fields) = preamble_fields(text, line, &layout) {
                        extend_header(&mut pieces, line);
                        layout.decide(Part::Header, line, header_reason(&fields));
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
                        layout.decide(
                            Part::Byline,
                            line,
                            "A short line before the body that starts with “By”.",
                        );
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
                            && looks_like_title(text, line, next_line)
                            && find_dateline(text, line).is_none()))
                {
                    layout.title = Some(line);
                    pieces.push((BlockKind::Title, line));
                    let reason = if heading_here {
                        "The first heading of the Markdown or HTML.".to_string()
                    } else {
                        let words = line_text.split_whitespace().count();
                        format!(
                            "The first line of the article is short ({words} words), starts with a capital, \
                             does not end like a sentence, and more text follows."
                        )
                    };
                    layout.decide(Part::Headline, line, reason);
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
        let (split, convention) = split_line_paragraphs(text, body);
        for &(kind, span) in &split {
            if kind == BlockKind::Heading {
                layout.headings.push(span);
                layout.decide(
                    Part::Subhead,
                    span,
                    "A short line without final punctuation between paragraphs.",
                );
            }
        }
        if let Some(convention) = convention {
            conventions.push((convention, body));
        }
        if split
            .iter()
            .filter(|(k, _)| *k == BlockKind::Paragraph)
            .count()
            == 1
        {
            blank_line_paragraphs += 1;
        }
        pieces.extend(split);
    }
    explain_paragraphs(&mut layout, &pieces, &conventions, blank_line_paragraphs);

    // A title given as a header field names the article when the body has none.
    for field in &layout.header {
        let key = field.key.to_ascii_lowercase();
        if layout.title.is_none()
            && rules.enabled(RuleId::HeadlineFromHeaderField)
            && (key == "title" || key == "headline")
            && !field.value.is_empty()
        {
            layout.title = Some(field.value_span);
            layout.rule_hits.push(RuleHit {
                rule: RuleId::HeadlineFromHeaderField,
                span: field.value_span,
            });
            layout.decisions.push(Decision {
                part: Part::Headline,
                start: field.value_span.start,
                end: field.value_span.end,
                reason: format!("Given by the “{}” header field.", field.key),
            });
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
                layout.decide(
                    Part::Citations,
                    span,
                    "The last paragraph only lists outlets, with their dates.",
                );
            }
            _ => {
                if let Some((inner, list)) = citations::trailing_citation(text, span) {
                    layout.citations = list;
                    layout.citation_span = Some(inner);
                    layout.decide(
                        Part::Citations,
                        inner,
                        "The last paragraph closes with a bracketed list of outlets and their dates.",
                    );
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
            if let Some(dateline) = layout.dateline {
                layout.decide(
                    Part::Dateline,
                    dateline,
                    "The lede opens with where (and when) the story was filed, ended by a dash or colon.",
                );
            }
        }
    }
    layout.blocks = tile(text, &pieces);
    stable_sort::sort_by_key(&mut layout.decisions, |d| (d.start, d.part));
    layout
}

/// Takes a saved page's metadata as the header, headline and byline, each with its rule.
fn take_given_preamble(
    layout: &mut Layout,
    pieces: &mut Vec<(BlockKind, Span)>,
    given: &GivenPreamble,
    rules: &RuleSet,
) {
    if let Some(span) = given
        .header_span
        .filter(|_| rules.enabled(RuleId::HeaderFromPageMetadata))
    {
        pieces.push((BlockKind::Header, span));
        layout.header.extend(given.header.iter().cloned());
        let keys: Vec<&str> = given.header.iter().map(|f| f.key.as_str()).collect();
        layout.decide(
            Part::Header,
            span,
            format!(
                "The saved page's metadata (its site name and publication time): {}.",
                keys.join(", ")
            ),
        );
        layout.rule_hits.push(RuleHit {
            rule: RuleId::HeaderFromPageMetadata,
            span,
        });
    }
    if let Some(span) = given
        .title
        .filter(|_| rules.enabled(RuleId::HeadlineFromPageMetadata))
    {
        layout.title = Some(span);
        pieces.push((BlockKind::Title, span));
        layout.decide(
            Part::Headline,
            span,
            "The saved page's title, from its metadata or its headline element, without the site's name.",
        );
        layout.rule_hits.push(RuleHit {
            rule: RuleId::HeadlineFromPageMetadata,
            span,
        });
    }
    if let Some(span) = given
        .byline
        .filter(|_| rules.enabled(RuleId::BylineFromPageMetadata))
    {
        let line = given.byline_line.unwrap_or(span);
        layout.byline = Some(span);
        pieces.push((BlockKind::Byline, line));
        layout.decide(
            Part::Byline,
            line,
            "The saved page names its author, in its metadata or a byline element.",
        );
        layout.rule_hits.push(RuleHit {
            rule: RuleId::BylineFromPageMetadata,
            span,
        });
    }
}

fn header_reason(fields: &[HeaderField]) -> String {
    match fields {
        [field] if field.key_span.is_empty() && field.key == "URL" => {
            "A line that is only a web address, before the body.".to_string()
        }
        [field] if field.key_span.is_empty() => {
            "A line that is only a date, before the body.".to_string()
        }
        _ => {
            let keys: Vec<&str> = fields.iter().map(|f| f.key.as_str()).collect();
            format!("“Key: value” pairs before the body: {}.", keys.join(", "))
        }
    }
}

/// One decision says how the body was cut into paragraphs, for each convention it used.
fn explain_paragraphs(
    layout: &mut Layout,
    pieces: &[(BlockKind, Span)],
    conventions: &[(LineConvention, Span)],
    blank_line_paragraphs: usize,
) {
    let body: Vec<Span> = pieces
        .iter()
        .filter(|(k, _)| *k == BlockKind::Paragraph)
        .map(|p| p.1)
        .collect();
    let (Some(first), Some(last)) = (body.first(), body.last()) else {
        return;
    };
    let whole = Span::new(first.start, last.end);
    if blank_line_paragraphs > 1 {
        layout.decide(
            Part::Paragraphs,
            whole,
            "Blank lines separate the paragraphs.",
        );
    }
    for convention in [LineConvention::OnePerLine, LineConvention::Wrapped] {
        if let Some((_, span)) = conventions.iter().find(|(c, _)| *c == convention) {
            let reason = match convention {
                LineConvention::OnePerLine => "Its lines end like sentences, so each line is a paragraph.",
                LineConvention::Wrapped => {
                    "The text is wrapped: a paragraph ends where a line stops short although the next word would have fitted."
                }
            };
            layout.decide(Part::Paragraphs, *span, reason);
        }
    }
}

fn extend_header(pieces: &mut Vec<(BlockKind, Span)>, line: Span) {
    match pieces.last_mut() {
        Some((BlockKind::Header, span)) => span.end = line.end,
        _ => pieces.push((BlockKind::Header, line)),
    }
}

/// How lines inside a chunk with no blank line make paragraphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LineConvention {
    OnePerLine,
    Wrapped,
}

/// Finds the paragraphs (and unpunctuated subheads) inside a chunk of lines with no blank line
/// between them. Two conventions meet here: one paragraph per line, as pasted from many sites, and
/// hard-wrapped text, where a paragraph ends where its last line stops short although the next
/// line's first word would have fitted.
fn split_line_paragraphs(
    text: &str,
    chunk: Span,
) -> (Vec<(BlockKind, Span)>, Option<LineConvention>) {
    let lines: Vec<Span> = lines_of(text, chunk)
        .into_iter()
        .map(|l| l.trim(text))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < 2 {
        return (vec![(BlockKind::Paragraph, chunk)], None);
    }
    let width = |l: &Span| l.slice(text).chars().count();
    let wrap_width = lines.iter().map(width).max().unwrap_or(0);
    let body_lines = &lines[..lines.len() - 1];
    let near_full = body_lines
        .iter()
        .filter(|l| width(l) * 5 >= wrap_width * 4)
        .count();
    let mid_sentence = body_lines
        .iter()
        .filter(|l| !ends_sentence(l.slice(text)))
        .count();
    let wrapped = lines.len() >= 3
        && wrap_width <= 160
        && near_full * 2 >= body_lines.len()
        && mid_sentence * 3 >= body_lines.len();

    let mut out: Vec<(BlockKind, Span)> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        let next = lines.get(i + 1).map(|l| l.slice(text));
        let previous_ends = i == 0 || ends_sentence(lines[i - 1].slice(text));
        if start.is_none() && previous_ends && is_subhead(line.slice(text), next) {
            out.push((BlockKind::Heading, *line));
            continue;
        }
        let first = *start.get_or_insert(line.start);
        let Some(next) = next else {
            out.push((BlockKind::Paragraph, Span::new(first, line.end)));
            break;
        };
        let ends = ends_sentence(line.slice(text)) && starts_sentence(next);
        let next_word = next
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        let stopped_short = width(line) + 1 + next_word <= wrap_width;
        let next_is_subhead = is_subhead(next, lines.get(i + 2).map(|l| l.slice(text)));
        if (ends && (!wrapped || stopped_short))
            || (ends_sentence(line.slice(text)) && next_is_subhead)
        {
            out.push((BlockKind::Paragraph, Span::new(first, line.end)));
            start = None;
        }
    }
    let paragraphs = out
        .iter()
        .filter(|(k, _)| *k == BlockKind::Paragraph)
        .count();
    let convention = (paragraphs > 1).then_some(if wrapped {
        LineConvention::Wrapped
    } else {
        LineConvention::OnePerLine
    });
    (out, convention)
}

fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end().trim_end_matches(is_closing_mark);
    core.ends_with(['.', '?', '!', '…', ':'])
}

fn starts_sentence(line: &str) -> bool {
    line.trim_start().chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '“' | '"' | '‘' | '\'' | '(' | '«' | '-' | '–' | '—' | '•' | '*'
            )
    })
}

/// A short unpunctuated line between paragraphs, such as "Flood warnings".
fn is_subhead(line: &str, next: Option<&str>) -> bool {
    let words = line.split_whitespace().count();
    (1..=10).contains(&words)
        && !ends_sentence(line)
        && !line.trim_end().ends_with([',', ';'])
        && starts_sentence(line)
        && next.is_some_and(starts_sentence)
}

/// Preamble lines that are fields: `Key: value` pairs, a bare URL, or a line that is only a date.
fn preamble_fields(text: &str, line: Span, layout: &Layout) -> Option<Vec<HeaderField>> {
    let has = |key: &str| {
        layout
            .header
            .iter()
            .any(|f| f.key.eq_ignore_ascii_case(key))
    };
    let line_text = line.slice(text);
    let bare = |key: &str| HeaderField {
        key: key.to_string(),
        value: line_text.to_string(),
        key_span: Span::new(line.start, line.start),
        value_span: line,
    };
    if is_url(line_text) && !has("URL") {
        return Some(vec![bare("URL")]);
    }
    if is_date_line(line_text) && !has("Date") {
        return Some(vec![bare("Date")]);
    }
    if layout.title.is_none() && layout.byline.is_none() {
        return parse_header_line(text, line);
    }
    None
}

fn is_url(line: &str) -> bool {
    let t = line.trim();
    (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
        && !t.contains(char::is_whitespace)
}
/// A line that is only a date, perhaps with a weekday and a time: "Tuesday, March 9, 2021",
/// "4 July 2022 10:30 GMT", "2022-07-04".
pub fn is_date_line(line: &str) -> bool {
    let pieces = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    // Whole paragraphs are asked: they are counted before any word is lowered.
    if pieces.clone().nth(8).is_some() {
        return false;
    }
    // A line with no words names no date: `named` stays false.
    let mut named = false;
    for lowered in pieces.map(|w| w.trim_end_matches('.').to_lowercase()) {
        let word = lowered.as_str();
        let digits = ["st", "nd", "rd", "th"]
            .iter()
            .fold(word, |w, suffix| w.strip_suffix(suffix).unwrap_or(w));
        let is_number = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit());
        let is_iso = word.len() == 10
            && word.chars().filter(|&c| c == '-').count() == 2
            && word.chars().all(|c| c.is_ascii_digit() || c == '-');
        let is_time = word.contains(':') && word.chars().all(|c| c.is_ascii_digit() || c == ':');
        let is_named = is_weekday(word) || is_month(word);
        let is_filler = matches!(
            word,
            "at" | "am"
                | "pm"
                | "a.m"
                | "p.m"
                | "gmt"
                | "utc"
                | "et"
                | "est"
                | "bst"
                | "cet"
                | "updated"
                | "published"
                | "|"
                | "-"
        );
        named |= is_named || is_iso;
        if !(is_number || is_iso || is_time || is_named || is_filler) {
            return false;
        }
    }
    named
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
            ("SPRINGFIELD: The council met.", Some("SPRINGFIELD")),
            (
                "Springfield, July 4: The council met.",
                Some("Springfield, July 4"),
            ),
            ("Springfield - The council met.", Some("Springfield")),
            ("Springfield- The council met.", Some("Springfield")),
            ("New Delhi, India — Talks began.", Some("New Delhi, India")),
            ("Former Gov. Jane Roe -- who led the state -- died.", None),
            ("Analysis: The vote was close.", None),
            ("He said: The vote was close.", None),
            ("UN: Talks resume.", None),
            ("WASHINGTON—President Roe spoke.", Some("WASHINGTON")),
            ("Kazan—in the mostly Muslim republic.", None),
            (
                "SAN DIEGO, March 09, 2021 (WIRE BUREAU) -- Fraud fell.",
                Some("SAN DIEGO, March 09, 2021 (WIRE BUREAU)"),
            ),
            (
                "Glasgow, Ky. (October 14, 2019) - Roe spoke.",
                Some("Glasgow, Ky. (October 14, 2019)"),
            ),
        ];
        for (p, expected) in cases {
            let got = find_dateline(p, Span::new(0, p.len())).map(|(d, _)| d.slice(p));
            assert_eq!(got, expected, "{p:?}");
        }
    }

    #[test]
    fn title_byline_and_paragraphs_from_plain_text() {
        let text = "Khatami Ends Visit to Russia\nBy Jane Doe\n\nMOSCOW — The visit ended.\n\nIt was long.";
        let layout = parse(text, &[], &RuleSet::default());
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
        assert_eq!(parse(&text, &[], &RuleSet::default()).paragraphs.len(), 2);
        let wrapped =
            "This paragraph was wrapped\nat a short width by an email\nclient, so it is one.";
        assert_eq!(parse(wrapped, &[], &RuleSet::default()).paragraphs.len(), 1);
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
            let layout = parse(text, &[], &RuleSet::default());
            let mut at = 0;
            for (_, span) in &layout.blocks {
                assert_eq!(span.start, at, "{text:?}");
                at = span.end;
            }
            assert_eq!(at, text.len(), "{text:?}");
        }
    }
}
