//! The tour of the parts: the steps a teacher walks a class through, in document order, each
//! with why the analyser read it so and what the part does in a news story.

use crate::analysis::stable_sort;
use serde::Serialize;

use crate::analysis::{Analysis, BlockKind, EntityType, Part, Span};
use crate::view_model::mention_anchor;

use super::sources::block_anchor;

/// A kind of part the tour stops at.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum TourPart {
    Header,
    Headline,
    BylineAndDateline,
    Lede,
    NutGraf,
    Body,
    Quotation,
    SourcesCited,
}

impl TourPart {
    pub fn label(self) -> &'static str {
        match self {
            TourPart::Header => "Header fields",
            TourPart::Headline => "Headline",
            TourPart::BylineAndDateline => "Byline and dateline",
            TourPart::Lede => "Lede",
            TourPart::NutGraf => "Nut graf",
            TourPart::Body => "Body paragraph",
            TourPart::Quotation => "Quotation",
            TourPart::SourcesCited => "Sources cited",
        }
    }

    /// What the part does in a news story, for a class.
    pub fn purpose(self) -> &'static str {
        match self {
            TourPart::Header => "Header fields carry the publication's details (who published it, which issue): read before the story, not part of it.",
            TourPart::Headline => "The headline sums the story up in a few words, to make readers start.",
            TourPart::BylineAndDateline => "The byline says who wrote the story; the dateline says where, and often when, it was filed.",
            TourPart::Lede => "The lede puts the most important facts first: who, what, when and where. It is the wide top of the inverted pyramid.",
            TourPart::NutGraf => "The nut graf says why the story matters: the context and the stakes, right after the lede.",
            TourPart::Body => "Body paragraphs add detail in falling order of importance: the inverted pyramid lets an editor cut from the bottom.",
            TourPart::Quotation => "A quotation gives a source's own words. Its attribution (a speaker and a cue verb such as \u{201c}said\u{201d}) tells readers who stands behind the claim.",
            TourPart::SourcesCited => "The citation block lists the outlets and dates the report draws on, so that readers can check its claims.",
        }
    }
}

/// One question of the lede's who/what/when/where, answered by a mention.
#[derive(Serialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct LedeChip {
    pub question: &'static str,
    pub text: String,
    /// The id of the mention it names.
    pub anchor: String,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct TourStep {
    pub part: TourPart,
    /// The id of the element the step spotlights.
    pub anchor: String,
    pub span: Span,
    /// Why the analyser read it so ("How this article was read"), when it says.
    pub reason: String,
    pub chips: Vec<LedeChip>,
    /// Entities (ids) of the places named in the part, for the map to frame.
    pub places: Vec<usize>,
}

impl TourStep {
    pub fn label(&self) -> &'static str {
        self.part.label()
    }
}

/// "Step 3 of 8: Lede", as the live region announces it.
pub fn step_announcement(steps: &[TourStep], index: usize) -> String {
    match steps.get(index) {
        Some(step) => format!("Step {} of {}: {}", index + 1, steps.len(), step.label()),
        None => String::new(),
    }
}

/// The tour's steps, in document order: header fields, headline, byline and dateline, lede, nut
/// graf, body paragraphs, quotations, citation block. Parts the article lacks are skipped.
pub fn tour_steps(analysis: &Analysis) -> Vec<TourStep> {
    let place_of = places_of_mentions(analysis);
    let mut steps = Vec::new();
    let mut step = |part: TourPart, anchor: String, span: Span, reason: String| {
        steps.push(TourStep {
            part,
            anchor,
            span,
            reason,
            chips: Vec::new(),
            places: places_in(analysis, &place_of, span),
        });
    };
    if let (Some(first), Some(last)) = (
        analysis.header_fields.first(),
        analysis.header_fields.last(),
    ) {
        let span = Span::new(first.key_span.start, last.value_span.end);
        step(
            TourPart::Header,
            "aa-header".into(),
            span,
            reason(analysis, Part::Header, span),
        );
    }
    for (i, block) in analysis.blocks.iter().enumerate() {
        let span = Span::new(block.start, block.end);
        match block.kind {
            BlockKind::Title => step(
                TourPart::Headline,
                format!("aa-block-{i}"),
                span,
                reason(analysis, Part::Headline, span),
            ),
            BlockKind::Byline => step(
                TourPart::BylineAndDateline,
                format!("aa-block-{i}"),
                span,
                reason(analysis, Part::Byline, span),
            ),
            _ => {}
        }
    }
    if let Some(dateline) = analysis.dateline_span {
        let had_byline = analysis.blocks.iter().any(|b| b.kind == BlockKind::Byline);
        if !had_byline {
            step(
                TourPart::BylineAndDateline,
                block_anchor(analysis, dateline.start),
                dateline,
                reason(analysis, Part::Dateline, dateline),
            );
        }
    }
    for (i, paragraph) in analysis.paragraphs.iter().enumerate() {
        let span = Span::new(paragraph.start, paragraph.end);
        let part = match i {
            0 => TourPart::Lede,
            1 => TourPart::NutGraf,
            _ => TourPart::Body,
        };
        step(
            part,
            block_anchor(analysis, paragraph.start),
            span,
            reason(analysis, Part::Paragraphs, span),
        );
    }
    for (q, quotation) in analysis.quotations.iter().enumerate() {
        step(
            TourPart::Quotation,
            format!("aa-quote-{q}"),
            Span::new(quotation.start, quotation.end),
            quotation.explanation.clone(),
        );
    }
    if let Some(citations) = analysis.citation_span {
        step(
            TourPart::SourcesCited,
            block_anchor(analysis, citations.start),
            citations,
            reason(analysis, Part::Citations, citations),
        );
    }
    // Byline and dateline were found where they stand; the tour reads in document order.
    stable_sort::sort_by_key(&mut steps, |s| {
        (s.span.start, s.part == TourPart::Quotation)
    });
    if let Some(lede) = steps.iter_mut().find(|s| s.part == TourPart::Lede) {
        lede.chips = lede_chips(analysis, lede.span);
    }
    steps
}

/// The analyser's reason for the decision about this part, or about the part nearest it.
fn reason(analysis: &Analysis, part: Part, span: Span) -> String {
    let same_part = analysis.decisions.iter().filter(|d| d.part == part);
    same_part
        .clone()
        .find(|d| d.start < span.end.max(span.start + 1) && span.start < d.end.max(d.start + 1))
        .or_else(|| same_part.clone().next())
        .map(|d| d.reason.clone())
        .unwrap_or_default()
}

/// Place entities named inside `span`, in order of first mention there. `place_of` is each
/// mention's place entity ([`places_of_mentions`]); the mentions are sorted by start, so only
/// those from `span`'s start on are looked at. A 1 MB article has thousands of steps and
/// mentions, and looking through all of them for each step took the page half a second.
fn places_in(analysis: &Analysis, place_of: &[Option<usize>], span: Span) -> Vec<usize> {
    let mut found = Vec::new();
    let first = analysis.mentions.partition_point(|m| m.start < span.start);
    for (i, mention) in analysis.mentions.iter().enumerate().skip(first) {
        if mention.start > span.end {
            break;
        }
        if mention.end > span.end {
            continue;
        }
        if let Some(&Some(place)) = place_of.get(i) {
            if !found.contains(&place) {
                found.push(place);
            }
        }
    }
    found
}

/// For each mention, the entity of the first place it names, if any.
fn places_of_mentions(analysis: &Analysis) -> Vec<Option<usize>> {
    let mut place_of = vec![None; analysis.mentions.len()];
    for place in &analysis.places {
        for &m in &place.mentions {
            if let Some(slot @ None) = place_of.get_mut(m) {
                *slot = Some(place.entity);
            }
        }
    }
    place_of
}

/// Whether [`tour_steps`] has any step, without working them out: the page asks it to enable
/// the tour while no tour runs.
pub fn has_tour_steps(analysis: &Analysis) -> bool {
    !analysis.header_fields.is_empty()
        || analysis
            .blocks
            .iter()
            .any(|b| matches!(b.kind, BlockKind::Title | BlockKind::Byline))
        || analysis.dateline_span.is_some()
        || !analysis.paragraphs.is_empty()
        || !analysis.quotations.is_empty()
        || analysis.citation_span.is_some()
}

/// At most this many chips answer each question.
const CHIPS_PER_QUESTION: usize = 3;

/// The lede's who, what, when and where, from its mentions.
fn lede_chips(analysis: &Analysis, span: Span) -> Vec<LedeChip> {
    let questions: [(&str, &[EntityType]); 4] = [
        (
            "Who",
            &[EntityType::Person, EntityType::Org, EntityType::Norp],
        ),
        ("What", &[EntityType::Misc]),
        ("When", &[EntityType::Date, EntityType::Time]),
        ("Where", &[EntityType::Loc]),
    ];
    let mut chips = Vec::new();
    for (question, types) in questions {
        let mut seen = Vec::new();
        for (i, mention) in analysis.mentions.iter().enumerate() {
            if mention.start < span.start
                || mention.end > span.end
                || !types.contains(&mention.label)
            {
                continue;
            }
            if seen.contains(&mention.entity) || seen.len() == CHIPS_PER_QUESTION {
                continue;
            }
            seen.push(mention.entity);
            chips.push(LedeChip {
                question,
                text: mention.span().slice(&analysis.text).to_string(),
                anchor: mention_anchor(i),
            });
        }
    }
    chips
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    fn parts(steps: &[TourStep]) -> Vec<&'static str> {
        steps.iter().map(|s| s.label()).collect()
    }

    #[test]
    fn whether_there_are_steps_is_known_without_them() {
        let analyzer = Analyzer::new();
        for text in [
            "",
            "   ",
            crate::SAMPLE_ARTICLE,
            "Harbour Reopens\n\nThe ferry left Velmore at dawn.",
            "Publication: Lake Courier\n\n",
            "“We will sail,” said Ona Brask.",
        ] {
            let analysis = analyzer.analyze(text);
            assert_eq!(
                has_tour_steps(&analysis),
                !tour_steps(&analysis).is_empty(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_sample_tour_walks_its_parts_in_order() {
        let analysis = Analyzer::new().analyze(crate::SAMPLE_ARTICLE);
        let steps = tour_steps(&analysis);
        assert_eq!(
            parts(&steps),
            [
                "Header fields",
                "Lede",
                "Nut graf",
                "Quotation",
                "Body paragraph",
                "Sources cited"
            ]
        );
        assert_eq!(step_announcement(&steps, 1), "Step 2 of 6: Lede");
        assert!(steps.iter().all(|s| !s.reason.is_empty()), "{steps:?}");
        let lede = &steps[1];
        let who: Vec<&str> = lede
            .chips
            .iter()
            .filter(|c| c.question == "Who")
            .map(|c| c.text.as_str())
            .collect();
        assert!(who.contains(&"Mohammad Khatami"), "{who:?}");
        assert!(lede.chips.iter().any(|c| c.question == "When"));
        assert!(lede.chips.iter().any(|c| c.question == "Where"));
        assert!(!lede.places.is_empty());
    }

    #[test]
    fn an_invented_article_has_headline_byline_and_dateline_steps() {
        let text = "Millbrook Bridge Reopens\nBy Ada Quill\n\nMILLBROOK, May 4 — The Elm Street bridge reopened on Monday after a year of repairs.\n\n\
                    The county spent two million dollars on it.\n\n\
                    “It is safe,” said Tom Hale, the county engineer. “We checked every bolt,” he added.";
        let analysis = Analyzer::new().analyze(text);
        let steps = tour_steps(&analysis);
        let parts = parts(&steps);
        assert_eq!(
            &parts[..4],
            ["Headline", "Byline and dateline", "Lede", "Nut graf"],
            "{parts:?}"
        );
        assert_eq!(
            parts.iter().filter(|p| **p == "Quotation").count(),
            2,
            "{parts:?}"
        );
    }
}
