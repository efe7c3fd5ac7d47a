//! Mentions as CSV (RFC 4180): a header row, then one row per mention in text order, CRLF line
//! ends, fields quoted when they hold a comma, a quote or a line break.

use super::mention_facts;
use crate::analysis::Analysis;

pub const COLUMNS: [&str; 9] = [
    "type",
    "text",
    "entity",
    "entity_id",
    "char_start",
    "char_end",
    "sentence",
    "latitude",
    "longitude",
];

/// RFC 4180 §2.6–2.7. Leading or trailing spaces are quoted too, so no reader trims them.
fn field(value: &str) -> String {
    let needs_quotes =
        value.contains([',', '"', '\r', '\n']) || value.starts_with(' ') || value.ends_with(' ');
    if needs_quotes {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

pub fn to_csv(analysis: &Analysis) -> String {
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for f in mention_facts(analysis) {
        let (lat, lon) = f
            .place
            .map(|p| (p.resolved.lat, p.resolved.lon))
            .filter(|(lat, lon)| lat.is_finite() && lon.is_finite())
            .map_or((String::new(), String::new()), |(lat, lon)| {
                (lat.to_string(), lon.to_string())
            });
        let row = [
            f.mention.label.code().to_string(),
            f.text.to_string(),
            f.entity_name.to_string(),
            f.mention.entity.to_string(),
            f.char_start.to_string(),
            f.char_end.to_string(),
            f.sentence
                .map(|s| s.slice(&analysis.text).to_string())
                .unwrap_or_default(),
            lat,
            lon,
        ];
        let cells: Vec<String> = row.iter().map(|v| field(v)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}
