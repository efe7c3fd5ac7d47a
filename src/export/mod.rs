//! The analysis written out for other programs and people: JSON, GeoJSON, CSV, a Markdown
//! report, W3C Web Annotations, a standalone annotated HTML file, and share links.
//!
//! Pure functions over an [`Analysis`]: no web types, so every format is tested natively and
//! read back with a real parser for it (`tests/export.rs`).

pub mod annotation;
pub mod csv;
pub mod deflate;
pub mod geojson;
pub mod html;
pub mod json;
pub mod markdown;
pub mod share;

use std::collections::{BTreeMap, HashMap};

use crate::analysis::text::char_offsets;
use crate::analysis::{Analysis, Mention, Place, Span};

/// A file the page offers to download.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    Json,
    GeoJson,
    Csv,
    Markdown,
    Annotations,
    Html,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Json,
        ExportFormat::GeoJson,
        ExportFormat::Csv,
        ExportFormat::Markdown,
        ExportFormat::Annotations,
        ExportFormat::Html,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Json => "Full analysis (JSON)",
            ExportFormat::GeoJson => "Places (GeoJSON)",
            ExportFormat::Csv => "Mentions (CSV)",
            ExportFormat::Markdown => "Report (Markdown)",
            ExportFormat::Annotations => "Web Annotations (JSON-LD)",
            ExportFormat::Html => "Annotated page (HTML)",
        }
    }

    /// The short name used in `data-testid`s and file names.
    pub fn code(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::GeoJson => "geojson",
            ExportFormat::Csv => "csv",
            ExportFormat::Markdown => "markdown",
            ExportFormat::Annotations => "annotations",
            ExportFormat::Html => "html",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::GeoJson => "geojson",
            ExportFormat::Csv => "csv",
            ExportFormat::Markdown => "md",
            ExportFormat::Annotations => "jsonld",
            ExportFormat::Html => "html",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Json => "application/json",
            ExportFormat::GeoJson => "application/geo+json",
            ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::Markdown => "text/markdown;charset=utf-8",
            ExportFormat::Annotations => "application/ld+json",
            ExportFormat::Html => "text/html;charset=utf-8",
        }
    }

    /// Text formats a reader may rather paste somewhere than save.
    pub fn copyable(self) -> bool {
        !matches!(self, ExportFormat::Html)
    }

    pub fn render(self, analysis: &Analysis) -> String {
        match self {
            ExportFormat::Json => json::to_json(analysis),
            ExportFormat::GeoJson => geojson::to_geojson(analysis),
            ExportFormat::Csv => csv::to_csv(analysis),
            ExportFormat::Markdown => markdown::to_markdown(analysis),
            ExportFormat::Annotations => annotation::to_annotations(analysis),
            ExportFormat::Html => html::to_html(analysis),
        }
    }

    /// `khatami-ends-visit.geojson`: named after the headline, `article` without one.
    pub fn file_name(self, analysis: &Analysis) -> String {
        format!(
            "{}.{}",
            file_stem(analysis.title.as_deref()),
            self.extension()
        )
    }
}

/// A lower-case ASCII slug of at most 60 characters; safe as a file name everywhere.
pub fn file_stem(title: Option<&str>) -> String {
    let mut stem = String::new();
    for c in title.unwrap_or("").chars() {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
        if stem.len() >= 60 {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "article".to_string()
    } else {
        stem.to_string()
    }
}

/// The analysis with the reader's place corrections applied (entity id → index into that
/// place's alternatives, as kept in the page's state): exports show what the reader sees.
pub fn with_place_choices(analysis: &Analysis, choices: &BTreeMap<usize, usize>) -> Analysis {
    Analysis {
        places: crate::view_model::effective_places(analysis, choices),
        ..analysis.clone()
    }
}

/// What exports need to know about one mention, looked up once.
pub(crate) struct MentionFacts<'a> {
    pub mention: &'a Mention,
    pub text: &'a str,
    pub entity_name: &'a str,
    pub sentence: Option<Span>,
    pub place: Option<&'a Place>,
    /// Character (code point) offsets, as the formats for people and other tools count.
    pub char_start: usize,
    pub char_end: usize,
}

/// Every mention with its text, entity, sentence, place and character offsets, in text order.
/// Linear in the text plus the mentions.
pub(crate) fn mention_facts(analysis: &Analysis) -> Vec<MentionFacts<'_>> {
    let text = &analysis.text;
    let places: HashMap<usize, &Place> = analysis.places.iter().map(|p| (p.entity, p)).collect();
    let sentences: Vec<Span> = analysis.sentences().collect();
    let mut offsets = Vec::with_capacity(analysis.mentions.len() * 2);
    for m in &analysis.mentions {
        offsets.push(m.start);
        offsets.push(m.end);
    }
    let chars = char_offsets(text, &offsets);
    analysis
        .mentions
        .iter()
        .enumerate()
        .map(|(i, mention)| {
            let span = mention.span();
            let entity = analysis.entities.get(mention.entity);
            MentionFacts {
                mention,
                text: span.slice(text),
                entity_name: entity.map_or("", |e| e.name.as_str()),
                sentence: sentence_containing(&sentences, span),
                place: places.get(&mention.entity).copied(),
                char_start: chars[2 * i],
                char_end: chars[2 * i + 1],
            }
        })
        .collect()
}

/// The sentence that holds the whole span, if any (headlines and bylines are in none).
fn sentence_containing(sorted: &[Span], span: Span) -> Option<Span> {
    let i = sorted.partition_point(|s| s.end <= span.start);
    sorted.get(i).copied().filter(|s| s.contains(span))
}

/// FNV-1a: a stable, dependency-free name for a text, for identifiers in exports.
pub(crate) fn text_fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_slugs() {
        assert_eq!(file_stem(Some("Khatami Ends Visit")), "khatami-ends-visit");
        assert_eq!(file_stem(Some("../../etc/passwd")), "etc-passwd");
        assert_eq!(file_stem(Some("Zürich: “Ja”")), "z-rich-ja");
        assert_eq!(file_stem(Some("🙂")), "article");
        assert_eq!(file_stem(None), "article");
        assert!(file_stem(Some(&"word ".repeat(50))).len() <= 60);
    }
}
