//! What the page draws, derived from an [`Analysis`] by plain functions.
//!
//! Components only display these values, so the decisions about how an article is cut into
//! runs, pieces and outline entries are tested natively, without a browser.

use serde::Serialize;

use crate::analysis::source::MarkKind;
use crate::analysis::{Analysis, BlockKind, Span};

/// The part of the article a piece of text plays, beyond being body text.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Dateline,
    Speaker,
    Cue,
    Citation,
}

impl Role {
    pub fn class(self) -> &'static str {
        match self {
            Role::Dateline => "article-view__dateline",
            Role::Speaker => "article-view__speaker",
            Role::Cue => "article-view__cue",
            Role::Citation => "article-view__citation",
        }
    }

    /// Why the text has this role: shown on hover and focus, and in the legend.
    pub fn explanation(self) -> &'static str {
        match self {
            Role::Dateline => "Dateline: where (and when) the story was filed, before the dash that opens the lede.",
            Role::Speaker => "Speaker: who said the quotation, named beside its cue verb.",
            Role::Cue => "Cue verb: the word (said, told, suggested…) that ties a quotation to its speaker.",
            Role::Citation => "Citation block: the outlets and dates this report draws on, listed at its end.",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Dateline => "Dateline",
            Role::Speaker => "Speaker",
            Role::Cue => "Cue verb",
            Role::Citation => "Citation block",
        }
    }

    pub const ALL: [Role; 4] = [Role::Dateline, Role::Speaker, Role::Cue, Role::Citation];
}

/// A stretch of text over which nothing changes: same sentence, same role, same emphasis.
#[derive(Serialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Index of the sentence among all the article's sentences.
    pub sentence: Option<usize>,
    /// This piece begins its sentence.
    pub sentence_start: bool,
    pub role: Option<Role>,
    pub emphasis: bool,
    pub strong: bool,
    pub link: Option<String>,
}

/// A quotation's part within one block, or plain text between quotations.
#[derive(Serialize, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Run {
    Plain(Vec<Piece>),
    Quotation {
        index: usize,
        /// A quotation spanning paragraphs is drawn in parts; only the first shows the speaker.
        first_part: bool,
        speaker: Option<String>,
        cue: Option<String>,
        /// How the speaker was found.
        explanation: String,
        pieces: Vec<Piece>,
    },
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct BlockView {
    pub kind: BlockKind,
    /// The element id the outline scrolls to.
    pub anchor: String,
    /// For paragraphs, their number from 1.
    pub paragraph: Option<usize>,
    pub runs: Vec<Run>,
}

/// Cuts each visible block into runs and pieces. Header and gap blocks carry no runs: the header
/// is drawn from its fields and gaps are not drawn.
pub fn block_views(analysis: &Analysis) -> Vec<BlockView> {
    let text = &analysis.text;
    let sentences: Vec<Span> = analysis.sentences().collect();
    let mut roles: Vec<(Span, Role)> = Vec::new();
    roles.extend(analysis.dateline_span.map(|s| (s, Role::Dateline)));
    roles.extend(analysis.citation_span.map(|s| (s, Role::Citation)));
    for q in &analysis.quotations {
        roles.extend(
            q.speaker_span
                .filter(|s| !s.is_empty())
                .map(|s| (s, Role::Speaker)),
        );
        roles.extend(q.cue_span.filter(|s| !s.is_empty()).map(|s| (s, Role::Cue)));
    }
    let mut paragraph_number = 0;
    let mut quotation_started = vec![false; analysis.quotations.len()];
    let mut views = Vec::new();
    for (block_index, block) in analysis.blocks.iter().enumerate() {
        if matches!(block.kind, BlockKind::Gap | BlockKind::Header) {
            continue;
        }
        let span = Span::new(block.start, block.end);
        let paragraph = (block.kind == BlockKind::Paragraph).then(|| {
            paragraph_number += 1;
            paragraph_number
        });
        let mut cuts = vec![span.start, span.end];
        let mut add = |s: Span| {
            for at in [s.start, s.end] {
                if span.start < at && at < span.end {
                    cuts.push(at);
                }
            }
        };
        sentences.iter().for_each(|s| add(*s));
        roles.iter().for_each(|(s, _)| add(*s));
        analysis
            .quotations
            .iter()
            .for_each(|q| add(Span::new(q.start, q.end)));
        analysis
            .marks
            .iter()
            .for_each(|m| add(Span::new(m.start, m.end)));
        cuts.sort_unstable();
        cuts.dedup();

        let mut runs: Vec<Run> = Vec::new();
        for pair in cuts.windows(2) {
            let piece_span = Span::new(pair[0], pair[1]);
            let piece = piece_at(analysis, text, piece_span, &sentences, &roles);
            let quotation = analysis
                .quotations
                .iter()
                .position(|q| q.start <= piece_span.start && piece_span.end <= q.end);
            match (quotation, runs.last_mut()) {
                (Some(q), Some(Run::Quotation { index, pieces, .. })) if *index == q => {
                    pieces.push(piece)
                }
                (Some(q), _) => {
                    let first_part = !quotation_started[q];
                    quotation_started[q] = true;
                    let quote = &analysis.quotations[q];
                    runs.push(Run::Quotation {
                        index: q,
                        first_part,
                        speaker: quote.speaker.clone(),
                        cue: quote.cue.clone(),
                        explanation: quote.explanation.clone(),
                        pieces: vec![piece],
                    });
                }
                (None, Some(Run::Plain(pieces))) => pieces.push(piece),
                (None, _) => runs.push(Run::Plain(vec![piece])),
            }
        }
        views.push(BlockView {
            kind: block.kind,
            anchor: format!("aa-block-{block_index}"),
            paragraph,
            runs,
        });
    }
    views
}

fn piece_at(
    analysis: &Analysis,
    text: &str,
    span: Span,
    sentences: &[Span],
    roles: &[(Span, Role)],
) -> Piece {
    let sentence = sentences
        .iter()
        .position(|s| s.start <= span.start && span.end <= s.end);
    let covering = |kind: fn(&MarkKind) -> bool| {
        analysis
            .marks
            .iter()
            .find(|m| kind(&m.kind) && m.start <= span.start && span.end <= m.end)
    };
    Piece {
        start: span.start,
        end: span.end,
        text: span.slice(text).to_string(),
        sentence,
        sentence_start: sentence.is_some_and(|i| sentences[i].start == span.start),
        role: roles
            .iter()
            .filter(|(s, _)| s.contains(span))
            .min_by_key(|(s, _)| s.len())
            .map(|(_, r)| *r),
        emphasis: covering(|k| *k == MarkKind::Emphasis).is_some(),
        strong: covering(|k| *k == MarkKind::Strong).is_some(),
        link: covering(|k| matches!(k, MarkKind::Link { .. })).and_then(|m| match &m.kind {
            MarkKind::Link { href } => Some(href.clone()),
            _ => None,
        }),
    }
}

/// One entry of the outline panel.
#[derive(Serialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct OutlineItem {
    pub label: String,
    pub detail: String,
    /// The id of the element to scroll to.
    pub anchor: String,
    pub depth: u8,
}

/// The parts of the article in reading order, each pointing at what the page draws for it.
pub fn outline(analysis: &Analysis) -> Vec<OutlineItem> {
    let mut items = Vec::new();
    let item = |label: &str, detail: String, anchor: String, depth: u8| OutlineItem {
        label: label.to_string(),
        detail,
        anchor,
        depth,
    };
    if !analysis.header_fields.is_empty() {
        let keys: Vec<&str> = analysis
            .header_fields
            .iter()
            .map(|f| f.key.as_str())
            .collect();
        items.push(item("Header", keys.join(", "), "aa-header".into(), 0));
    }
    let mut paragraph_number = 0;
    for (i, block) in analysis.blocks.iter().enumerate() {
        let anchor = format!("aa-block-{i}");
        let span = Span::new(block.start, block.end);
        match block.kind {
            BlockKind::Title => items.push(item(
                "Headline",
                excerpt(span.slice(&analysis.text), 60),
                anchor,
                0,
            )),
            BlockKind::Byline => items.push(item(
                "Byline",
                analysis.byline.clone().unwrap_or_default(),
                anchor,
                0,
            )),
            BlockKind::Heading => items.push(item(
                "Section",
                excerpt(span.slice(&analysis.text), 60),
                anchor,
                0,
            )),
            BlockKind::Paragraph => {
                let paragraph = analysis.paragraphs.get(paragraph_number);
                paragraph_number += 1;
                let sentences = paragraph.map_or(0, |p| p.sentences.len());
                let plural = if sentences == 1 { "" } else { "s" };
                let label = if paragraph_number == 1 {
                    "Lede".to_string()
                } else {
                    format!("Paragraph {paragraph_number}")
                };
                items.push(OutlineItem {
                    label,
                    detail: format!("{sentences} sentence{plural}"),
                    anchor: anchor.clone(),
                    depth: 0,
                });
                if paragraph_number == 1 {
                    if let Some(dateline) = &analysis.dateline {
                        items.push(item("Dateline", dateline.clone(), anchor.clone(), 1));
                    }
                }
                for (q, quotation) in analysis.quotations.iter().enumerate() {
                    if span.start <= quotation.start && quotation.start < span.end {
                        let who = quotation
                            .speaker
                            .clone()
                            .unwrap_or_else(|| "unattributed".into());
                        items.push(item("Quotation", who, format!("aa-quote-{q}"), 1));
                    }
                }
            }
            BlockKind::Citations | BlockKind::Header | BlockKind::Gap => {}
        }
    }
    if !analysis.citations.is_empty() {
        let n = analysis.citations.len();
        items.push(item(
            "Citations",
            format!("{n} source{}", if n == 1 { "" } else { "s" }),
            "aa-citations".into(),
            0,
        ));
    }
    items
}

/// The first words of a text, cut at a word boundary, with an ellipsis when cut.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&i| i > max_chars / 2)
        .map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', ' ']))
}

/// The browser tab's title: the headline when the article has one.
pub fn page_title(headline: Option<&str>) -> String {
    match headline.map(str::trim).filter(|h| !h.is_empty()) {
        Some(headline) => format!("{} — Article Atlas", excerpt(headline, 60)),
        None => "Article Atlas".to_string(),
    }
}

/// Minutes of reading, rounded for display: "under a minute", "1 min", "4 min".
pub fn reading_time_label(minutes: f64) -> String {
    if minutes < 0.75 {
        "under a minute".into()
    } else {
        format!("{} min", minutes.round().max(1.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    #[test]
    fn pieces_cover_each_visible_block_exactly() {
        let analysis = Analyzer::new().analyze(crate::SAMPLE_ARTICLE);
        for view in block_views(&analysis) {
            let index: usize = view.anchor.trim_start_matches("aa-block-").parse().unwrap();
            let block = &analysis.blocks[index];
            let mut at = block.start;
            for run in &view.runs {
                let pieces = match run {
                    Run::Plain(p) => p,
                    Run::Quotation { pieces, .. } => pieces,
                };
                for piece in pieces {
                    assert_eq!(piece.start, at);
                    assert_eq!(piece.text, &analysis.text[piece.start..piece.end]);
                    at = piece.end;
                }
            }
            assert_eq!(at, block.end);
        }
    }

    #[test]
    fn the_sample_quotation_is_one_run_with_its_speaker() {
        let analysis = Analyzer::new().analyze(crate::SAMPLE_ARTICLE);
        let views = block_views(&analysis);
        let quotes: Vec<&Run> = views
            .iter()
            .flat_map(|v| &v.runs)
            .filter(|r| matches!(r, Run::Quotation { .. }))
            .collect();
        assert_eq!(quotes.len(), 1);
        match quotes[0] {
            Run::Quotation {
                speaker,
                cue,
                first_part,
                ..
            } => {
                assert_eq!(speaker.as_deref(), Some("a top Russian aerospace official"));
                assert_eq!(cue.as_deref(), Some("suggested"));
                assert!(first_part);
            }
            Run::Plain(_) => unreachable!(),
        }
    }

    #[test]
    fn outline_lists_the_parts_in_order() {
        let analysis = Analyzer::new().analyze(crate::SAMPLE_ARTICLE);
        let labels: Vec<String> = outline(&analysis).into_iter().map(|i| i.label).collect();
        assert_eq!(
            labels,
            [
                "Header",
                "Lede",
                "Paragraph 2",
                "Quotation",
                "Paragraph 3",
                "Citations"
            ]
        );
    }

    #[test]
    fn excerpts_cut_at_words() {
        assert_eq!(excerpt("short", 10), "short");
        assert_eq!(
            excerpt("Iranian President Mohammad Khatami wound up", 20),
            "Iranian President…"
        );
        assert_eq!(reading_time_label(0.2), "under a minute");
        assert_eq!(
            page_title(Some("Khatami Ends Visit")),
            "Khatami Ends Visit — Article Atlas"
        );
        assert_eq!(page_title(Some("  ")), "Article Atlas");
        assert_eq!(page_title(None), "Article Atlas");
        assert_eq!(reading_time_label(2.6), "3 min");
    }
}
