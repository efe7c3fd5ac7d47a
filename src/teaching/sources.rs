//! "Who says so": the sources ledger. One row per quotation or attribution, each source sorted
//! into a kind a class can discuss, the outlets of the citation block, and the paragraphs that
//! make claims without saying whose they are.

use crate::analysis::stable_sort;
use serde::Serialize;

use crate::analysis::{Analysis, EntityType, Span};

/// What kind of source a claim is credited to.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    NamedPerson,
    UnnamedOfficial,
    DocumentOrOutlet,
    Anonymous,
}

impl SourceKind {
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::NamedPerson => "named person",
            SourceKind::UnnamedOfficial => "unnamed official",
            SourceKind::DocumentOrOutlet => "document or outlet",
            SourceKind::Anonymous => "anonymous",
        }
    }

    /// A short code for styling and tests.
    pub fn code(self) -> &'static str {
        match self {
            SourceKind::NamedPerson => "named-person",
            SourceKind::UnnamedOfficial => "unnamed-official",
            SourceKind::DocumentOrOutlet => "document",
            SourceKind::Anonymous => "anonymous",
        }
    }
}

/// One quotation or attribution.
#[derive(Serialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct LedgerRow {
    pub speaker: String,
    pub kind: SourceKind,
    /// Whether the source is named (a person or an organisation the text names).
    pub named: bool,
    /// The cue as written ("said", "reportedly"); "quoted" for a quotation without one.
    pub cue: String,
    pub quotation: bool,
    /// 1-based, as the page numbers paragraphs.
    pub paragraph: usize,
    /// The id of the element to scroll to.
    pub anchor: String,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct CitedOutlet {
    pub source: String,
    pub dates: String,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq, Default)]
pub struct SourcesLedger {
    pub rows: Vec<LedgerRow>,
    pub outlets: Vec<CitedOutlet>,
    pub named: usize,
    pub unnamed: usize,
    /// Body paragraphs (1-based) with no quotation and no attribution in them.
    pub unattributed_paragraphs: Vec<usize>,
}

/// Words that make an unnamed source a document or an outlet.
const DOCUMENT_WORDS: &[&str] = &[
    "report",
    "reports",
    "statement",
    "statements",
    "newspaper",
    "newspapers",
    "paper",
    "agency",
    "document",
    "documents",
    "media",
    "press",
    "television",
    "radio",
    "study",
    "survey",
    "website",
    "broadcaster",
    "office",
    "ministry",
    "department",
    "court",
    "police",
];

/// Words that make an unnamed source an official.
const OFFICIAL_WORDS: &[&str] = &[
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "diplomat",
    "diplomats",
    "officer",
    "officers",
    "aide",
    "aides",
    "authorities",
    "government",
    "administration",
    "engineer",
    "director",
    "ambassador",
    "envoy",
    "commander",
    "governor",
    "mayor",
    "president",
];

const PERSONAL_PRONOUNS: &[&str] = &["he", "she", "him", "her"];

pub fn sources_ledger(analysis: &Analysis) -> SourcesLedger {
    let mut rows: Vec<(usize, LedgerRow)> = Vec::new();
    for (q, quotation) in analysis.quotations.iter().enumerate() {
        let (speaker, kind, named) = match quotation.speaker_span {
            Some(span) => classify(analysis, span),
            None => ("unknown".to_string(), SourceKind::Anonymous, false),
        };
        rows.push((
            quotation.start,
            LedgerRow {
                speaker,
                kind,
                named,
                cue: quotation.cue.clone().unwrap_or_else(|| "quoted".into()),
                quotation: true,
                paragraph: paragraph_of(analysis, quotation.start),
                anchor: format!("aa-quote-{q}"),
            },
        ));
    }
    for attribution in &analysis.attributions {
        let at = attribution.cue_span.start;
        let (speaker, kind, named) = match attribution.source_span {
            Some(span) => classify(analysis, span),
            None => ("unnamed reports".to_string(), SourceKind::Anonymous, false),
        };
        rows.push((
            at,
            LedgerRow {
                speaker,
                kind,
                named,
                cue: attribution.cue.clone(),
                quotation: false,
                paragraph: paragraph_of(analysis, at),
                anchor: block_anchor(analysis, at),
            },
        ));
    }
    stable_sort::sort_by_key(&mut rows, |(at, _)| *at);
    let rows: Vec<LedgerRow> = rows.into_iter().map(|(_, row)| row).collect();
    let named = rows.iter().filter(|r| r.named).count();
    let citation = analysis.citation_span;
    // Numbered from 1; 0 is "in no paragraph". A table, not a search of the rows for each
    // paragraph: a long article has tens of thousands of both.
    let mut attributed = vec![false; analysis.paragraphs.len() + 1];
    for row in &rows {
        if let Some(seen) = attributed.get_mut(row.paragraph) {
            *seen = true;
        }
    }
    let unattributed_paragraphs = analysis
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            let only_citations = citation.is_some_and(|c| c.start <= p.start && p.end <= c.end);
            !p.sentences.is_empty() && !only_citations
        })
        .map(|(i, _)| i + 1)
        .filter(|&n| !attributed.get(n).copied().unwrap_or(false))
        .collect();
    SourcesLedger {
        unnamed: rows.len() - named,
        named,
        outlets: analysis
            .citations
            .iter()
            .map(|c| CitedOutlet {
                source: c.source.clone(),
                dates: c.dates.clone(),
            })
            .collect(),
        rows,
        unattributed_paragraphs,
    }
}

/// The speaker as the ledger shows it, its kind, and whether it is named.
fn classify(analysis: &Analysis, span: Span) -> (String, SourceKind, bool) {
    let text = &analysis.text;
    let written = span.slice(text).to_string();
    // Mentions are sorted and disjoint: the ones from the span on are found by a search, not
    // a scan from the article's start per row (a 1 MB article has thousands of both).
    let from = analysis.mentions.partition_point(|m| m.start < span.start);
    if PERSONAL_PRONOUNS.contains(&written.to_lowercase().as_str()) {
        // "he said": the nearest person named before it, as a reader would resolve it.
        let person = analysis.mentions[..from]
            .iter()
            .rev()
            .find(|m| m.label == EntityType::Person);
        return match person {
            Some(m) => (
                format!("{written} ({})", m.span().slice(text)),
                SourceKind::NamedPerson,
                true,
            ),
            None => (written, SourceKind::Anonymous, false),
        };
    }
    let inside = |label: EntityType| {
        analysis.mentions[from..]
            .iter()
            .take_while(|m| m.start <= span.end)
            .any(|m| m.label == label && m.end <= span.end)
    };
    let words: Vec<String> = written
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(str::to_lowercase)
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    let (kind, named) = if inside(EntityType::Person) {
        (SourceKind::NamedPerson, true)
    } else if inside(EntityType::Org) {
        (SourceKind::DocumentOrOutlet, true)
    } else if has(OFFICIAL_WORDS) {
        (SourceKind::UnnamedOfficial, false)
    } else if has(DOCUMENT_WORDS) {
        (SourceKind::DocumentOrOutlet, false)
    } else {
        (SourceKind::Anonymous, false)
    };
    let speaker = if has(&["reports", "report"]) && !named && words.len() == 1 {
        "unnamed reports".to_string()
    } else {
        written
    };
    (speaker, kind, named)
}

/// The 1-based number of the body paragraph holding byte `at`; 0 outside the body. Paragraphs
/// are sorted and disjoint: a search, not a scan per row (a 1 MB article has thousands of both).
fn paragraph_of(analysis: &Analysis, at: usize) -> usize {
    let i = analysis.paragraphs.partition_point(|p| p.end <= at);
    match analysis.paragraphs.get(i) {
        Some(p) if p.start <= at => i + 1,
        _ => 0,
    }
}

/// The id of the drawn block holding byte `at`.
pub fn block_anchor(analysis: &Analysis, at: usize) -> String {
    let block = analysis.blocks.partition_point(|b| b.end <= at);
    if block < analysis.blocks.len() {
        format!("aa-block-{block}")
    } else {
        "aa-article".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    fn rows(ledger: &SourcesLedger) -> Vec<(String, &'static str, usize)> {
        ledger
            .rows
            .iter()
            .map(|r| (r.speaker.clone(), r.kind.code(), r.paragraph))
            .collect()
    }

    #[test]
    fn the_sample_lists_its_unnamed_sources_and_seven_outlets() {
        let analysis = Analyzer::new().analyze(crate::SAMPLE_ARTICLE);
        let ledger = sources_ledger(&analysis);
        let rows = rows(&ledger);
        assert!(rows.contains(&(
            "a top Russian aerospace official".into(),
            "unnamed-official",
            2
        )));
        let reports: Vec<_> = ledger
            .rows
            .iter()
            .filter(|r| r.speaker == "unnamed reports")
            .map(|r| r.cue.as_str())
            .collect();
        assert!(reports.contains(&"said") && reports.contains(&"reportedly"));
        assert_eq!(ledger.outlets.len(), 7);
        assert_eq!(ledger.outlets[4].source, "AP");
        assert_eq!(ledger.outlets[4].dates, "March 12-15");
        assert_eq!(ledger.named + ledger.unnamed, ledger.rows.len());
        assert_eq!(ledger.unattributed_paragraphs, vec![1]);
    }

    #[test]
    fn named_people_pronouns_and_documents_are_told_apart() {
        let text = "Millbrook Bridge Reopens\n\nMayor Jane Roe opened the bridge on Monday. She said the work was done early.\n\n\
                    The cost rose by a third, according to a council report.\n\n\
                    “It is safe,” said Tom Hale, the county engineer.\n\nTraffic was light.";
        let analysis = Analyzer::new().analyze(text);
        let ledger = sources_ledger(&analysis);
        let rows = rows(&ledger);
        assert_eq!(rows[0].1, "named-person", "{rows:?}");
        assert!(rows[0].0.starts_with("She ("), "{rows:?}");
        assert!(
            rows.contains(&("a council report".into(), "document", 2)),
            "{rows:?}"
        );
        assert!(
            rows.iter()
                .any(|r| r.0 == "Tom Hale" && r.1 == "named-person"),
            "{rows:?}"
        );
        assert_eq!(ledger.unattributed_paragraphs, vec![4]);
    }
}
