//! Saved web pages, as a reader mode reads them.
//!
//! Finding the article in a page (scoring the candidate blocks, dropping navigation, adverts and
//! other furniture, reading the metadata) is done outside the core by a well-kept implementation
//! of Mozilla's Readability: `dom_smoothie` in the CLI (`crate::page_reader`), the browser's
//! `DOMParser` with `@mozilla/readability` in the web page. Both hand the core the same
//! [`PageReading`]: the page's metadata and the article's content as HTML. From there on the
//! reading is one code path, so the CLI and the page make the same text of it:
//! - the content becomes the body: every paragraph, heading, list item, quotation and caption in
//!   order, separated by blank lines ([`body_text`]);
//! - the metadata is written above the body as the preamble the layout pass takes as given
//!   ([`compose`]): `Publication` (the site's name) and `Date` (the publication time) header
//!   lines, the headline, the byline.
//!
//! Look-around: one pass over the content's tags (the HTML reducer), then over the composed text.

use serde::{Deserialize, Serialize};

use super::source::{self, Mark, MarkKind, Prepared, SourceMap};
use super::structure::GivenPreamble;
use super::text::Span;
use super::{HeaderField, InputFormat};

/// What a reader mode read from a saved page. Empty strings count as absent.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
pub struct PageReading {
    /// The article's title, with the site's name removed.
    pub title: Option<String>,
    pub byline: Option<String>,
    /// As the page gives it (usually ISO 8601).
    pub published_time: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    pub excerpt: Option<String>,
    /// The article's content as cleaned HTML.
    pub content: String,
}

/// Readability's `charThreshold`: an article has at least this many characters of text.
pub const ARTICLE_MIN_CHARS: usize = 500;

/// Whether HTML is given to a reader mode at all: a whole page's source (a doctype or `<html>`
/// first), or any HTML with more than [`ARTICLE_MIN_CHARS`] characters of text (white space
/// folded) (a browser's
/// "select all" copy carries the page's navigation and footers too). A shorter fragment, such as
/// a paragraph copied as rich text, has no furniture to remove: it is only reduced to its text.
/// The CLI and the page both ask this, so they read the same HTML the same way.
pub fn worth_reading_as_page(html: &str) -> bool {
    let head: String = html.trim_start().chars().take(16).collect();
    let head = head.to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || source::prepare(html, InputFormat::Html)
            .text
            .split_whitespace()
            .map(|word| word.chars().count() + 1)
            .sum::<usize>()
            > ARTICLE_MIN_CHARS
}

/// The text of the article's content: blocks separated by blank lines, headings marked.
pub fn body_text(reading: &PageReading) -> Prepared {
    source::reduce_html_fragment(&reading.content)
}

/// The text the analysis reads for a saved page, and the preamble it takes as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComposedPage {
    pub prepared: Prepared,
    pub preamble: GivenPreamble,
}

/// One line of metadata: white space folded, `None` when nothing is left.
fn one_line(value: &Option<String>) -> Option<String> {
    let folded = value
        .as_deref()?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!folded.is_empty()).then_some(folded)
}

/// Writes the metadata above the body: header lines, a blank line, the headline, the byline,
/// then the body, each separated by a blank line.
pub fn compose(reading: &PageReading) -> ComposedPage {
    let body = body_text(reading);
    let mut text = String::new();
    let mut preamble = GivenPreamble::default();
    let fields = [
        ("Publication", one_line(&reading.site_name)),
        ("Date", one_line(&reading.published_time)),
    ];
    for (key, value) in fields {
        let Some(value) = value else { continue };
        let key_span = Span::new(text.len(), text.len() + key.len());
        text.push_str(key);
        text.push_str(": ");
        let value_span = Span::new(text.len(), text.len() + value.len());
        text.push_str(&value);
        preamble.header.push(HeaderField {
            key: key.to_string(),
            value,
            key_span,
            value_span,
        });
        let start = preamble.header_span.map_or(key_span.start, |s| s.start);
        preamble.header_span = Some(Span::new(start, value_span.end));
        text.push('\n');
    }
    let mut marks = Vec::new();
    let block = |text: &mut String, line: &str| {
        if !text.is_empty() {
            text.truncate(text.trim_end().len());
            text.push_str("\n\n");
        }
        let span = Span::new(text.len(), text.len() + line.len());
        text.push_str(line);
        span
    };
    if let Some(title) = one_line(&reading.title) {
        let span = block(&mut text, &title);
        marks.push(Mark {
            kind: MarkKind::Heading { level: 1 },
            start: span.start,
            end: span.end,
        });
        preamble.title = Some(span);
    }
    if let Some(byline) = one_line(&reading.byline) {
        let line = block(&mut text, &byline);
        let name_start = byline_name_start(&byline);
        preamble.byline_line = Some(line);
        preamble.byline = Some(Span::new(line.start + name_start, line.end));
    }
    if !text.is_empty() && !body.text.is_empty() {
        text.truncate(text.trim_end().len());
        text.push_str("\n\n");
    }
    preamble.body_start = text.len();
    let offset = text.len();
    text.push_str(&body.text);
    marks.extend(body.marks.into_iter().map(|m| Mark {
        kind: m.kind,
        start: m.start + offset,
        end: m.end + offset,
    }));
    let map = SourceMap::identity(text.len());
    ComposedPage {
        prepared: Prepared {
            format: InputFormat::Html,
            text,
            marks,
            map,
        },
        preamble,
    }
}

/// Where the names start in a byline: after a leading "By" (any case) and what follows it.
fn byline_name_start(byline: &str) -> usize {
    let lower = byline.to_lowercase();
    match lower.strip_prefix("by") {
        Some(rest) if rest.starts_with([' ', ':']) && lower.len() == byline.len() => {
            let names = rest.trim_start_matches([' ', ':']);
            byline.len() - names.len()
        }
        _ => 0,
    }
}

/// How many words of the page's full text the reading left out as furniture: the page reduced
/// as HTML (the whole article region) against the body and metadata read.
pub fn removed_words(page_html: &str, reading_text: &str) -> usize {
    let full = source::prepare(page_html, InputFormat::Html).text;
    full.split_whitespace()
        .count()
        .saturating_sub(reading_text.split_whitespace().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reading() -> PageReading {
        PageReading {
            title: Some("Ferry  returns to Lake Ostra".into()),
            byline: Some("By Mira Tallen".into()),
            published_time: Some("2031-04-02T09:00:00Z".into()),
            site_name: Some("The Daily Example".into()),
            content: "<div><h2>Spring</h2><p>The ferry sailed.</p><ul><li>One</li><li>Two</li></ul></div>".into(),
            ..PageReading::default()
        }
    }

    #[test]
    fn composes_metadata_above_the_body() {
        let page = compose(&reading());
        let text = &page.prepared.text;
        assert_eq!(
            text,
            "Publication: The Daily Example\nDate: 2031-04-02T09:00:00Z\n\nFerry returns to Lake Ostra\n\nBy Mira Tallen\n\nSpring\n\nThe ferry sailed.\n\nOne\n\nTwo"
        );
        let p = &page.preamble;
        assert_eq!(p.title.unwrap().slice(text), "Ferry returns to Lake Ostra");
        assert_eq!(p.byline.unwrap().slice(text), "Mira Tallen");
        assert_eq!(p.header[1].value_span.slice(text), "2031-04-02T09:00:00Z");
        assert_eq!(&text[p.body_start..p.body_start + 6], "Spring");
    }

    #[test]
    fn nothing_but_a_body() {
        let page = compose(&PageReading {
            content: "<p>Only this.</p>".into(),
            ..PageReading::default()
        });
        assert_eq!(page.prepared.text, "Only this.");
        assert_eq!(page.preamble, GivenPreamble::default());
    }

    #[test]
    fn whole_pages_and_long_fragments_are_read_as_pages() {
        assert!(worth_reading_as_page(
            "<html><body><p>Short.</p></body></html>"
        ));
        assert!(worth_reading_as_page("\n<!DOCTYPE html><p>A</p>"));
        assert!(!worth_reading_as_page(
            "<meta charset='utf-8'><p>A paragraph copied alone.</p>"
        ));
        let long = format!(
            "<meta charset='utf-8'><nav>Home News</nav><p>{}</p>",
            "Words of an invented story. ".repeat(30)
        );
        assert!(worth_reading_as_page(&long));
    }

    #[test]
    fn bylines_without_by_keep_every_word() {
        assert_eq!(byline_name_start("By: Ana Lee"), 4);
        assert_eq!(byline_name_start("Byron Vale"), 0);
        assert_eq!(byline_name_start("Ana Lee"), 0);
    }
}
