//! Mentions as W3C Web Annotations (JSON-LD): an AnnotationCollection whose one page holds an
//! Annotation per mention, each targeting the analysed text with a TextQuoteSelector and a
//! TextPositionSelector.
//!
//! The Web Annotation Data Model counts positions in Unicode code points, so the analysis's
//! byte offsets are converted: "Zürich" at byte 10 may be character 9.

use serde_json::{json, Value};

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
    let start = text
        .char_indices()
        .rev()
        .nth(count.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if count == 0 {
        return "";
    }
    &text[start..]
}

fn first_chars(text: &str, count: usize) -> &str {
    let end = text
        .char_indices()
        .nth(count)
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

pub fn to_annotations(analysis: &Analysis) -> String {
    let text = &analysis.text;
    let source = source_id(analysis);
    let items: Vec<Value> = mention_facts(analysis)
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let span = f.mention.span();
            let before = text.get(..span.start).unwrap_or("");
            let after = text.get(span.end..).unwrap_or("");
            let mut body = vec![
                json!({ "type": "TextualBody", "purpose": "tagging", "value": f.mention.label.code() }),
                json!({ "type": "TextualBody", "purpose": "identifying", "value": f.entity_name }),
            ];
            if let Some(place) = f.place {
                let c = &place.resolved;
                body.push(json!({
                    "type": "TextualBody",
                    "purpose": "describing",
                    "value": format!("{} ({}), latitude {}, longitude {}", c.name, c.country, c.lat, c.lon),
                }));
            }
            json!({
                "id": format!("{source}:mention:{i}"),
                "type": "Annotation",
                "motivation": "identifying",
                "body": body,
                "target": {
                    "source": source,
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": f.text,
                            "prefix": last_chars(before, CONTEXT_CHARS),
                            "suffix": first_chars(after, CONTEXT_CHARS),
                        },
                        {
                            "type": "TextPositionSelector",
                            "start": f.char_start,
                            "end": f.char_end,
                        },
                    ],
                },
            })
        })
        .collect();
    let collection = json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("{source}:annotations"),
        "type": "AnnotationCollection",
        "label": analysis.title.as_deref().unwrap_or("Untitled article"),
        "total": items.len(),
        "first": {
            "id": format!("{source}:annotations:page-1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    });
    serde_json::to_string_pretty(&collection).unwrap_or_default()
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
