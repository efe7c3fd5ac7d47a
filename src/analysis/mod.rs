//! The analysis core: pure Rust, no I/O, no clock, no web dependencies.
//!
//! [`Analyzer::analyze`] turns an article (plain text, Markdown or HTML) into an [`Analysis`]:
//! plain serde data whose spans are byte ranges into [`Analysis::text`], plus diagnostics.
//! It never panics and never fails: odd input gives a value and a diagnostic.

pub mod attributions;
pub mod citations;
pub mod currency;
pub mod embedded_places;
pub mod entities;
pub mod fnv;
pub mod gazetteer;
pub mod lexicon;
pub mod model;
pub mod packed;
pub mod page;
pub mod phones;
pub mod places;
pub mod quotations;
pub mod rules;
pub mod sentences;
pub mod sorted_lines;
pub mod source;
pub mod stable_sort;
pub mod stats;
pub mod structure;
pub mod text;

#[cfg(test)]
mod testing;

use serde::{Deserialize, Serialize};

pub use entities::{Candidate, EmbeddedPlace, Entity, EntityType, Mention, Place, PlaceKind};
pub use rules::{RuleHit, RuleId, RuleSet};
use text::SentenceWords;
pub use text::Span;

/// The version of the JSON schema that [`Analysis`] serialises to. Bump it on any breaking change.
pub const SCHEMA_VERSION: u32 = 1;

/// How the input was written.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    #[default]
    Plain,
    Markdown,
    Html,
}

/// One `Key: value` pair from the article's header lines.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct HeaderField {
    pub key: String,
    pub value: String,
    pub key_span: Span,
    pub value_span: Span,
}

/// What a block of the article is. Blocks tile the text: every byte is in exactly one.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Header,
    Title,
    Byline,
    Heading,
    Paragraph,
    Citations,
    /// Blank lines and other separators between blocks.
    Gap,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
    /// The bytes of the original input (Markdown or HTML source) this block came from.
    pub source: Span,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    /// The first paragraph of the body.
    pub lede: bool,
    pub sentences: Vec<Span>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// From the opening quotation mark to the closing one, inclusive.
    pub start: usize,
    pub end: usize,
    /// The quoted words without the marks; parts from several paragraphs are joined by a space.
    pub text: String,
    pub speaker: Option<String>,
    /// Where the speaker is named. For a pronoun ("He said") this is the earlier full mention.
    pub speaker_span: Option<Span>,
    pub cue: Option<String>,
    pub cue_span: Option<Span>,
    /// How the speaker was found, in words, for the page to show.
    pub explanation: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// The outlet or agency, e.g. "New York Times".
    pub source: String,
    /// The dates as written, e.g. "March 12-15" or "March 14, 16"; empty if none given.
    pub dates: String,
    /// Where the outlet's name stands.
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Stats {
    pub characters: usize,
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
    pub syllables: usize,
    /// At 238 words a minute, the average adult silent reading rate.
    pub reading_minutes: f64,
    /// Flesch–Kincaid grade level over the body paragraphs.
    pub flesch_kincaid_grade: f64,
}

/// A part of the article whose reading the analyser explains, in reading order.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Header,
    Headline,
    Byline,
    Dateline,
    Paragraphs,
    Subhead,
    Citations,
}

impl Part {
    pub fn label(self) -> &'static str {
        match self {
            Part::Header => "Header",
            Part::Headline => "Headline",
            Part::Byline => "Byline",
            Part::Dateline => "Dateline",
            Part::Paragraphs => "Paragraphs",
            Part::Subhead => "Subhead",
            Part::Citations => "Citations",
        }
    }
}

/// Why the analyser read a part of the article as it did, in words a reader can check.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub part: Part,
    pub start: usize,
    pub end: usize,
    pub reason: String,
}

/// Something the analyser noticed about the input that a user may want to know.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    pub span: Option<Span>,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
}

/// The header fields as an ordered JSON object of key → value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header(pub Vec<HeaderField>);

impl Header {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|f| f.key.eq_ignore_ascii_case(key))
            .map(|f| f.value.as_str())
    }
}

impl Serialize for Header {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for field in &self.0 {
            map.serialize_entry(&field.key, &field.value)?;
        }
        map.end()
    }
}

/// Everything the analyser found. Spans are byte offsets into [`Analysis::text`], which is the
/// input itself for plain text and the reduced article text for Markdown and HTML.
///
/// It reads back from its JSON (the page's worker sends it so) except for `header`, which is
/// written as an object of key → value and left empty when read: rebuild it from
/// `header_fields` (`analysis_jobs::Answer::from_json` does).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Analysis {
    pub schema_version: u32,
    pub format: InputFormat,
    pub text: String,
    #[serde(skip_deserializing)]
    pub header: Header,
    pub header_fields: Vec<HeaderField>,
    pub title: Option<String>,
    pub title_span: Option<Span>,
    pub byline: Option<String>,
    pub byline_span: Option<Span>,
    pub dateline: Option<String>,
    pub dateline_span: Option<Span>,
    pub blocks: Vec<Block>,
    pub headings: Vec<Span>,
    pub marks: Vec<source::Mark>,
    pub paragraphs: Vec<Paragraph>,
    pub quotations: Vec<Quotation>,
    /// Claims credited outside quotation marks ("said that", "according to", "reportedly").
    pub attributions: Vec<attributions::Attribution>,
    pub citations: Vec<Citation>,
    pub citation_span: Option<Span>,
    pub stats: Stats,
    /// How each part was recognised, in reading order.
    pub decisions: Vec<Decision>,
    /// Every entity mention, sorted by start (then longest first). Mentions may nest.
    pub mentions: Vec<Mention>,
    /// Mentions grouped by what they name.
    pub entities: Vec<Entity>,
    /// LOC entities resolved to locations, one per distinct place.
    pub places: Vec<Place>,
    /// Places named inside organisations' and events' names, in text order: evidence for
    /// `places`, not places themselves.
    pub embedded_places: Vec<EmbeddedPlace>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every rule that decided something, with the span it decided about, pass by pass.
    pub rule_hits: Vec<RuleHit>,
}

impl Analysis {
    /// All sentences of the body, in order.
    pub fn sentences(&self) -> impl Iterator<Item = Span> + '_ {
        self.paragraphs
            .iter()
            .flat_map(|p| p.sentences.iter().copied())
    }

    fn located(&self, span: Option<Span>) -> Option<String> {
        span.map(|s| s.slice(&self.text).to_string())
    }
}

/// Runs the whole analysis. Cheap to build; holds the data later stages look names up in.
///
/// ```
/// use article_atlas::analysis::Analyzer;
///
/// let analysis = Analyzer::new().analyze("Publication: Monitor Issue: 55\n\nMOSCOW — It began. It ended.");
/// assert_eq!(analysis.header.get("Issue"), Some("55"));
/// assert_eq!(analysis.dateline.as_deref(), Some("MOSCOW"));
/// assert_eq!(analysis.paragraphs[0].sentences.len(), 2);
/// ```
#[derive(Clone, Debug)]
pub struct Analyzer {
    rules: RuleSet,
    resources: Resources,
    weights: places::Weights,
}

impl Default for Analyzer {
    fn default() -> Analyzer {
        Analyzer::builder().build()
    }
}

/// The data the passes look names up in. The [`Analyzer`] opens it once and hands it to each
/// pass that needs it; no pass opens data of its own.
#[derive(Clone, Copy)]
pub struct Resources {
    pub gazetteer: &'static gazetteer::Gazetteer,
    pub lexicons: &'static entities::lexicons::Lexicons,
}

impl Resources {
    /// The gazetteer and word lists compiled into the program, decoded on first use.
    pub fn embedded() -> Resources {
        let gazetteer = gazetteer::Gazetteer::embedded();
        Resources {
            gazetteer,
            lexicons: entities::lexicons::Lexicons::embedded(),
        }
    }
}

impl std::fmt::Debug for Resources {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Resources { embedded }")
    }
}

/// Configures an [`Analyzer`]: which rules run. Building cannot fail.
///
/// ```
/// use article_atlas::analysis::{Analyzer, RuleId};
///
/// let analyzer = Analyzer::builder().disable(RuleId::HeadlineFromHeaderField).build();
/// let analysis = analyzer.analyze("Title: Rain at last\n\nIt rained. Farmers cheered.");
/// assert_eq!(analysis.title, None);
/// ```
#[derive(Clone, Debug, Default)]
pub struct AnalyzerBuilder {
    rules: RuleSet,
    weights: places::Weights,
}

impl AnalyzerBuilder {
    /// Switches one rule off, to measure what it adds.
    pub fn disable(mut self, rule: RuleId) -> AnalyzerBuilder {
        self.rules.disable(rule);
        self
    }

    /// Resolves places with these weights instead of the default ones.
    pub fn weights(mut self, weights: places::Weights) -> AnalyzerBuilder {
        self.weights = weights;
        self
    }

    pub fn build(self) -> Analyzer {
        Analyzer {
            rules: self.rules,
            weights: self.weights,
            resources: Resources::embedded(),
        }
    }
}

impl Analyzer {
    pub fn new() -> Analyzer {
        Analyzer::default()
    }

    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The place resolver's weights.
    pub fn weights(&self) -> &places::Weights {
        &self.weights
    }

    /// Decodes the embedded gazetteer and word lists now rather than when the first analyzer is
    /// built, so that a caller can time it or do it while nothing else is waiting. Cheap after
    /// the first call.
    pub fn load_embedded_data() {
        Resources::embedded();
    }

    pub fn resources(&self) -> Resources {
        self.resources
    }

    /// Analyses input whose format is guessed from its content.
    pub fn analyze(&self, input: &str) -> Analysis {
        self.analyze_as(input, source::detect_format(input))
    }

    /// Analyses input of a known format (from a file's extension, say).
    pub fn analyze_as(&self, input: &str, format: InputFormat) -> Analysis {
        self.analyze_prepared(input, source::prepare(input, format), None)
    }

    /// Analyses a saved page as a reader mode read it: the metadata becomes the header,
    /// headline and byline, the content the body (see [`page`]). The analysed text, written from
    /// the reading, is also the input the blocks map back to.
    pub fn analyze_page(&self, reading: &page::PageReading) -> Analysis {
        let composed = page::compose(reading);
        let input = composed.prepared.text.clone();
        self.analyze_prepared(&input, composed.prepared, Some(&composed.preamble))
    }

    fn analyze_prepared(
        &self,
        input: &str,
        prepared: source::Prepared,
        given: Option<&structure::GivenPreamble>,
    ) -> Analysis {
        let format = prepared.format;
        let text = prepared.text;
        let layout = structure::parse_with(&text, &prepared.marks, &self.rules, given);
        let sentence_lists: Vec<Vec<Span>> = layout
            .paragraphs
            .iter()
            .map(|p| sentences::split_sentences(&text, *p))
            .collect();
        let quotations =
            quotations::find_quotations_with_sentences(&text, &layout.paragraphs, &sentence_lists);
        let paragraphs: Vec<Paragraph> = layout
            .paragraphs
            .iter()
            .zip(sentence_lists)
            .enumerate()
            .map(|(i, (p, sentences))| Paragraph {
                start: p.start,
                end: p.end,
                lede: i == 0,
                sentences,
            })
            .collect();
        let sentence_words = SentenceWords::of(
            &text,
            paragraphs.iter().flat_map(|p| p.sentences.iter().copied()),
        );
        let (attributions, attribution_hits) =
            attributions::find(&text, &sentence_words, &quotations, &self.rules);
        let stats = stats::of_words(&text, &paragraphs, &sentence_words.words);
        let mut diagnostics = Vec::new();
        if paragraphs.is_empty() && !text.trim().is_empty() {
            diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                message: "No body paragraphs were found: is this an article?".into(),
                span: None,
            });
        }
        if input.contains('\u{FFFD}') {
            diagnostics.push(Diagnostic {
                severity: Severity::Info,
                message: "The text contains replacement characters (\u{FFFD}): it may have been decoded with the wrong encoding.".into(),
                span: None,
            });
        }
        let resources = self.resources;
        let recognition = recognize_entities(resources, &text, &layout, &paragraphs, &self.rules);
        let (mentions, entities) = (recognition.mentions, recognition.entities);
        let gazetteer = resources.gazetteer;
        // An outlet in the header or the citations published the article; it does not say
        // where the article is.
        let publishers: Vec<Span> = layout
            .blocks
            .iter()
            .filter(|(kind, _)| *kind == BlockKind::Header)
            .map(|(_, span)| *span)
            .chain(layout.citation_span)
            .collect();
        let (embedded, embedded_hits) =
            embedded_places::find(resources, &self.rules, &text, &mentions, &publishers);
        let embedded_spans: Vec<Span> = embedded.iter().map(|&(_, span)| span).collect();
        let resolver = places::Resolver {
            gazetteer,
            weights: &self.weights,
            rules: &self.rules,
        };
        let (places, embedded_resolutions, place_hits) = places::resolve_entities_with_evidence(
            &resolver,
            &text,
            &mentions,
            &entities,
            &embedded_spans,
            layout.dateline,
        );
        let embedded_places = embedded_places::describe(
            gazetteer,
            &self.rules,
            &text,
            &mentions,
            &embedded,
            embedded_resolutions,
        );
        let blocks = source_blocks(&layout.blocks, &prepared.map, input.len());
        let mut analysis = Analysis {
            schema_version: SCHEMA_VERSION,
            format,
            header: Header(layout.header.clone()),
            header_fields: layout.header,
            title: None,
            title_span: layout.title,
            byline: None,
            byline_span: layout.byline,
            dateline: None,
            dateline_span: layout.dateline,
            blocks,
            headings: layout.headings,
            marks: prepared.marks,
            paragraphs,
            quotations,
            attributions,
            citations: layout.citations,
            citation_span: layout.citation_span,
            stats,
            decisions: layout.decisions,
            mentions,
            entities,
            places,
            embedded_places,
            diagnostics,
            rule_hits: [
                layout.rule_hits,
                attribution_hits,
                recognition.rule_hits,
                embedded_hits,
                place_hits,
            ]
            .concat(),
            text,
        };
        analysis.title = analysis.located(analysis.title_span);
        analysis.byline = analysis.located(analysis.byline_span);
        analysis.dateline = analysis.located(analysis.dateline_span);
        analysis
    }
}

/// Entity recognition, told where sentences start and what the header and citations name.
fn recognize_entities(
    resources: Resources,
    text: &str,
    layout: &structure::Layout,
    paragraphs: &[Paragraph],
    rules: &RuleSet,
) -> entities::Recognition {
    let mut sentence_starts: Vec<usize> = paragraphs
        .iter()
        .flat_map(|p| p.sentences.iter().map(|s| s.start))
        .chain(layout.blocks.iter().map(|(_, span)| span.start))
        .chain(
            [layout.title, layout.byline, layout.dateline]
                .into_iter()
                .flatten()
                .map(|s| s.start),
        )
        .chain(layout.headings.iter().map(|s| s.start))
        .collect();
    sentence_starts.sort_unstable();
    sentence_starts.dedup();
    let header: Vec<Span> = layout
        .blocks
        .iter()
        .filter(|(kind, _)| *kind == BlockKind::Header)
        .map(|(_, span)| *span)
        .collect();
    let header_names: Vec<(Span, EntityType)> = layout
        .header
        .iter()
        .filter_map(|f| {
            let key = f.key.to_ascii_lowercase();
            let label = match key.as_str() {
                "publication" | "source" | "publisher" | "agency" => EntityType::Org,
                "author" | "authors" | "by" | "byline" => EntityType::Person,
                _ => return None,
            };
            (!f.value_span.is_empty()).then_some((f.value_span, label))
        })
        .collect();
    let cited_sources: Vec<Span> = layout
        .citations
        .iter()
        .map(|c| Span::new(c.start, c.end))
        .filter(|s| !s.is_empty())
        .collect();
    let body: Vec<Span> = paragraphs
        .iter()
        .map(|p| Span::new(p.start, p.end))
        .collect();
    entities::recognize(
        resources,
        text,
        &entities::Layout {
            sentence_starts: &sentence_starts,
            paragraphs: &body,
            title: layout.title,
            header: &header,
            header_names: &header_names,
            cited_sources: &cited_sources,
        },
        rules,
    )
}

/// Attaches source ranges to the blocks so that they tile the original input too.
fn source_blocks(
    blocks: &[(BlockKind, Span)],
    map: &source::SourceMap,
    source_len: usize,
) -> Vec<Block> {
    if blocks.is_empty() && source_len > 0 {
        // Markup with no article text in it still belongs to a block.
        return vec![Block {
            kind: BlockKind::Gap,
            start: 0,
            end: 0,
            source: Span::new(0, source_len),
        }];
    }
    let mut out = Vec::with_capacity(blocks.len());
    let mut source_at = 0;
    for (i, &(kind, span)) in blocks.iter().enumerate() {
        let source_end = if i + 1 == blocks.len() {
            source_len
        } else {
            map.to_source(span.end).clamp(source_at, source_len)
        };
        out.push(Block {
            kind,
            start: span.start,
            end: span.end,
            source: Span::new(source_at, source_end),
        });
        source_at = source_end;
    }
    out
}
