//! Mentions as W3C Web Annotations (JSON-LD): an AnnotationCollection whose one page holds an
//! Annotation per mention, each targeting the analysed text with a TextQuoteSelector and a
//! TextPositionSelector.
//!
//! The Web Annotation Data Model counts positions in Unicode code points, so the analysis's
//! byte offsets are converted: "Zürich" at byte 10 may be character 9.

use serde::Serialize;

use super::{mention_facts, text_fingerprint};
use crate::analysis::Analysis;

/// Characters of context kept before and after a quote, enough to tell repeats apart.
const CONTEXT_CHARS: usize = 32;

/// The identifier of the annotated text: the analysis text has no URL of its own.
pub fn source_id(analysis: &Analysis) -> String {
    format!(
        "urn:article-atlas:text:{}",
        text_fingerprint(&analysis.text)
    )
}

fn last_chars(text: &str, count: usize) -> &str {
    if count == 0 {
        return "";
    }
    let start = text
        .char_indices()
        .rev()
        .nth(count - 1)
        .map_or(0, |(i, _)| i);
    &text[start..]
}

fn first_chars(text: &str, count: usize) -> &str {
    let end = text
        .char_indices()
        .nth(count)
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

// Plain structs rather than `serde_json::Value`: the page ships without Value's machinery.

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Page<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    start_index: usize,
    items: Vec<Annotation<'a>>,
}

#[derive(Serialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: std::borrow::Cow<'a, str>,
}

#[derive(Serialize)]
struct Target<'a> {
    source: &'a str,
    selector: (QuoteSelector<'a>, PositionSelector),
}

#[derive(Serialize)]
struct QuoteSelector<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
}

#[derive(Serialize)]
struct PositionSelector {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
}

fn body<'a>(purpose: &'static str, value: impl Into<std::borrow::Cow<'a, str>>) -> Body<'a> {
    Body {
        kind: "TextualBody",
        purpose,
        value: value.into(),
    }
}

pub fn to_annotations(analysis: &Analysis) -> String {
    let text = &analysis.text;
    let source = source_id(analysis);
    let items: Vec<Annotation> = mention_facts(analysis)
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let span = f.mention.span();
            let before = text.get(..span.start).unwrap_or("");
            let after = text.get(span.end..).unwrap_or("");
            let mut bodies = vec![
                body("tagging", f.mention.label.code()),
                body("identifying", f.entity_name),
            ];
            if let Some(place) = f.place {
                let c = &place.resolved;
                bodies.push(body(
                    "describing",
                    format!(
                        "{} ({}), latitude {}, longitude {}",
                        c.name, c.country, c.lat, c.lon
                    ),
                ));
            }
            Annotation {
                id: format!("{source}:mention:{i}"),
                kind: "Annotation",
                motivation: "identifying",
                body: bodies,
                target: Target {
                    source: &source,
                    selector: (
                        QuoteSelector {
                            kind: "TextQuoteSelector",
                            exact: f.text,
                            prefix: last_chars(before, CONTEXT_CHARS),
                            suffix: first_chars(after, CONTEXT_CHARS),
                        },
                        PositionSelector {
                            kind: "TextPositionSelector",
                            start: f.char_start,
                            end: f.char_end,
                        },
                    ),
                },
            }
        })
        .collect();
    let collection = Collection {
        context: "http://www.w3.org/ns/anno.jsonld",
        id: format!("{source}:annotations"),
        kind: "AnnotationCollection",
        label: analysis.title.as_deref().unwrap_or("Untitled article"),
        total: items.len(),
        first: Page {
            id: format!("{source}:annotations:page-1"),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    super::json::pretty(&collection)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_cut_on_characters() {
        assert_eq!(last_chars("abcdé🙂", 2), "é🙂");
        assert_eq!(last_chars("ab", 5), "ab");
        assert_eq!(last_chars("ab", 0), "");
        assert_eq!(first_chars("🙂éabc", 2), "🙂é");
        assert_eq!(first_chars("ab", 5), "ab");
    }
}
