//! Resolves the gold LOC spans of evaluation files with the place resolver, so that toponym
//! resolution can be measured apart from recognition:
//!
//! ```text
//! cargo run --release --example resolve_gold -- GOLD.jsonl > PRED.jsonl
//! python3 ../shared/eval/score.py GOLD.jsonl PRED.jsonl --labels LOC
//! ```
//!
//! Only the spans are read from the gold file (offsets in code points); the text around them is
//! the resolver's context, as in the page. The places named inside the organisations' names that
//! recognition finds in the text ("Alexandria Police") are evidence too, as they are in the page;
//! `--no-embedded-evidence` leaves them out, to measure what they add.

use std::io::Write;

use article_atlas::analysis::gazetteer::Gazetteer;
use article_atlas::analysis::places::{resolve_spans_with_evidence, Resolver};
use article_atlas::analysis::{Analyzer, InputFormat, Span};
use serde_json::{json, Value};

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: resolve_gold GOLD.jsonl [--explain] [--no-embedded-evidence]");
    let verbose = std::env::args().any(|a| a == "--explain");
    let embedded_evidence = !std::env::args().any(|a| a == "--no-embedded-evidence");
    let input = std::fs::read_to_string(&path).expect("readable file");
    let gazetteer = Gazetteer::embedded();
    let analyzer = Analyzer::new();
    let mut out = std::io::stdout().lock();
    for line in input.lines().filter(|l| !l.trim().is_empty()) {
        let doc: Value = serde_json::from_str(line).expect("JSON line");
        let text = doc["text"].as_str().unwrap_or("");
        let byte_at: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect();
        let gold: Vec<(u64, u64)> = doc["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|e| e["label"] == "LOC")
            .map(|e| {
                (
                    e["start"].as_u64().unwrap_or(0),
                    e["end"].as_u64().unwrap_or(0),
                )
            })
            .collect();
        let spans: Vec<Span> = gold
            .iter()
            .map(|&(s, e)| Span::new(byte_at[s as usize], byte_at[e as usize]))
            .collect();
        let evidence: Vec<Span> = if embedded_evidence {
            analyzer
                .analyze_as(text, InputFormat::Plain)
                .embedded_places
                .iter()
                .map(|e| Span::new(e.start, e.end))
                .collect()
        } else {
            Vec::new()
        };
        let resolutions =
            resolve_spans_with_evidence(&Resolver::new(gazetteer), text, &spans, &evidence, None)
                .spans;
        let entities: Vec<Value> = gold
            .iter()
            .zip(&resolutions)
            .zip(&spans)
            .map(|((&(start, end), r), span)| {
                let mut e = json!({"start": start, "end": end, "label": "LOC"});
                if let Some(r) = r {
                    e["lat"] = json!(gazetteer.lat(r.place));
                    e["lon"] = json!(gazetteer.lon(r.place));
                    if verbose {
                        e["surface"] = json!(span.slice(text));
                        e["name"] = json!(gazetteer.name(r.place));
                        e["country"] = json!(gazetteer.country_code(r.place));
                        e["explanation"] = json!(r.explanation);
                        e["confidence"] = json!(r.confidence);
                        e["kind"] = json!(format!("{:?}", gazetteer.kind(r.place)));
                        e["alternatives"] = r
                            .alternatives
                            .iter()
                            .map(|&p| {
                                json!([
                                    gazetteer.name(p),
                                    gazetteer.country_code(p),
                                    format!("{:?}", gazetteer.kind(p)),
                                    gazetteer.lat(p),
                                    gazetteer.lon(p)
                                ])
                            })
                            .collect::<Vec<Value>>()
                            .into();
                    }
                } else if verbose {
                    e["surface"] = json!(span.slice(text));
                }
                e
            })
            .collect();
        writeln!(out, "{}", json!({"id": doc["id"], "entities": entities})).expect("stdout");
    }
}
