//! Places as GeoJSON (RFC 7946): a FeatureCollection with one Point Feature per place,
//! carrying its mentions and counts.
//!
//! Plain structs rather than `serde_json::Value`: the page ships without Value's machinery.

use serde::Serialize;

use super::{mention_facts, MentionFacts};
use crate::analysis::{Analysis, PlaceKind};

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    features: Vec<Feature<'a>>,
}

#[derive(Serialize)]
struct Feature<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: usize,
    /// RFC 7946 §3.2: a feature without a location has a null geometry.
    geometry: Option<Point>,
    properties: Properties<'a>,
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    /// Longitude first (RFC 7946 §3.1.1).
    coordinates: [f64; 2],
}

#[derive(Serialize)]
struct Properties<'a> {
    name: &'a str,
    resolved_name: &'a str,
    kind: PlaceKind,
    country: &'a str,
    admin1: Option<&'a str>,
    population: u64,
    confidence: f64,
    explanation: &'a str,
    entity: usize,
    mention_count: usize,
    mentions: Vec<PlaceMention<'a>>,
}

#[derive(Serialize)]
struct PlaceMention<'a> {
    text: &'a str,
    /// Character offsets into the analysed text.
    start: usize,
    end: usize,
    sentence: Option<&'a str>,
}

/// RFC 7946 §11.2: six decimals are about 10 cm, more than any gazetteer knows.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

fn place_mention<'a>(analysis: &'a Analysis, f: &MentionFacts<'a>) -> PlaceMention<'a> {
    PlaceMention {
        text: f.text,
        start: f.char_start,
        end: f.char_end,
        sentence: f.sentence.map(|s| s.slice(&analysis.text)),
    }
}

pub fn to_geojson(analysis: &Analysis) -> String {
    let facts = mention_facts(analysis);
    let features = analysis
        .places
        .iter()
        .map(|place| {
            let c = &place.resolved;
            let located = c.lat.is_finite()
                && c.lon.is_finite()
                && c.lat.abs() <= 90.0
                && c.lon.abs() <= 180.0;
            let mentions: Vec<PlaceMention> = place
                .mentions
                .iter()
                .filter_map(|&i| facts.get(i))
                .map(|f| place_mention(analysis, f))
                .collect();
            Feature {
                kind: "Feature",
                id: place.entity,
                geometry: located.then(|| Point {
                    kind: "Point",
                    coordinates: [round6(c.lon), round6(c.lat)],
                }),
                properties: Properties {
                    name: &place.name,
                    resolved_name: &c.name,
                    kind: c.kind,
                    country: &c.country,
                    admin1: c.admin1.as_deref(),
                    population: c.population,
                    confidence: place.confidence,
                    explanation: &place.explanation,
                    entity: place.entity,
                    mention_count: mentions.len(),
                    mentions,
                },
            }
        })
        .collect();
    let collection = Collection {
        kind: "FeatureCollection",
        features,
    };
    super::json::pretty(&collection)
}
