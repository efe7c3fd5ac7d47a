//! Places as GeoJSON (RFC 7946): a FeatureCollection with one Point Feature per place,
//! carrying its mentions and counts.

use serde_json::{json, Value};

use super::mention_facts;
use crate::analysis::Analysis;

/// RFC 7946 §11.2: six decimals are about 10 cm, more than any gazetteer knows.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

pub fn to_geojson(analysis: &Analysis) -> String {
    let facts = mention_facts(analysis);
    let features: Vec<Value> = analysis
        .places
        .iter()
        .map(|place| {
            let c = &place.resolved;
            // RFC 7946 §3.2: a feature without a location has a null geometry.
            let geometry = if c.lat.is_finite()
                && c.lon.is_finite()
                && c.lat.abs() <= 90.0
                && c.lon.abs() <= 180.0
            {
                json!({ "type": "Point", "coordinates": [round6(c.lon), round6(c.lat)] })
            } else {
                Value::Null
            };
            let mentions: Vec<Value> = place
                .mentions
                .iter()
                .filter_map(|&i| facts.get(i))
                .map(|f| {
                    json!({
                        "text": f.text,
                        "start": f.char_start,
                        "end": f.char_end,
                        "sentence": f.sentence.map(|s| s.slice(&analysis.text)),
                    })
                })
                .collect();
            json!({
                "type": "Feature",
                "id": place.entity,
                "geometry": geometry,
                "properties": {
                    "name": place.name,
                    "resolved_name": c.name,
                    "kind": c.kind,
                    "country": c.country,
                    "admin1": c.admin1,
                    "population": c.population,
                    "confidence": place.confidence,
                    "explanation": place.explanation,
                    "entity": place.entity,
                    "mention_count": mentions.len(),
                    "mentions": mentions,
                },
            })
        })
        .collect();
    let collection = json!({
        "type": "FeatureCollection",
        "features": features,
    });
    serde_json::to_string_pretty(&collection).unwrap_or_default()
}
