//! What the page draws, derived from an [`Analysis`] by plain functions.
//!
//! Components only display these values, so the decisions about how an article is cut into
//! runs, pieces and outline entries are tested natively, without a browser.

use crate::analysis::stable_sort;
use std::hash::{Hash, Hasher};
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::analysis::source::MarkKind;
use crate::analysis::{Analysis, BlockKind, EntityType, Span};

/// The places with the reader's corrections applied (the map's and the text's tooltips' source).
pub use crate::map::places::effective_places;

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
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
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
    /// The entity mentions the piece lies in, outermost first.
    pub mentions: Vec<MentionTag>,
}

/// What the page needs to draw one entity mention around the pieces it covers.
#[derive(Serialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct MentionTag {
    /// Index into [`Analysis::mentions`].
    pub index: usize,
    pub label: EntityType,
    pub entity: usize,
    pub explanation: String,
    /// The piece carrying this tag begins the mention: only that part gets the element id.
    pub begins: bool,
}

/// Pieces nested under the mentions they lie in, ready to draw as `<mark>` elements.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(Piece),
    Mention {
        tag: MentionTag,
        children: Vec<Inline>,
    },
}

/// Groups consecutive pieces under their shared mentions, outermost first. Mentions that cross
/// (rather than nest) are drawn in parts, each part a mark with the same entity.
pub fn nest_mentions(pieces: Vec<Piece>) -> Vec<Inline> {
    nest_at_depth(pieces, 0)
}

fn nest_at_depth(pieces: Vec<Piece>, depth: usize) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut group: Vec<Piece> = Vec::new();
    let flush = |group: &mut Vec<Piece>, out: &mut Vec<Inline>| {
        if let Some(first) = group.first() {
            let tag = first.mentions[depth].clone();
            out.push(Inline::Mention {
                tag,
                children: nest_at_depth(std::mem::take(group), depth + 1),
            });
        }
    };
    for piece in pieces {
        match piece.mentions.get(depth).map(|t| t.index) {
            None => {
                flush(&mut group, &mut out);
                out.push(Inline::Text(piece));
            }
            Some(index) => {
                let continues = group
                    .first()
                    .is_some_and(|g| g.mentions[depth].index == index);
                if !continues {
                    flush(&mut group, &mut out);
                }
                group.push(piece);
            }
        }
    }
    flush(&mut group, &mut out);
    out
}

/// A quotation's part within one block, or plain text between quotations.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
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

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct BlockView {
    pub kind: BlockKind,
    /// The element id the outline scrolls to.
    pub anchor: String,
    /// For paragraphs, their number from 1.
    pub paragraph: Option<usize>,
    pub runs: Vec<Run>,
}

impl Piece {
    /// Everything the page draws for the piece; its offsets are left out, since they move with
    /// every edit before it without changing how it looks.
    fn hash_drawn<H: Hasher>(&self, hasher: &mut H) {
        (&self.text, self.sentence, self.sentence_start, self.role).hash(hasher);
        (self.emphasis, self.strong, &self.link, &self.mentions).hash(hasher);
    }
}

impl BlockView {
    /// A key that changes only when what the page draws for the block changes, so that blocks
    /// keep their elements while the user types in another paragraph.
    pub fn render_key(&self) -> u64 {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (self.kind, &self.anchor, self.paragraph).hash(&mut hasher);
        for run in &self.runs {
            let pieces = match run {
                Run::Plain(pieces) => pieces,
                Run::Quotation {
                    index,
                    first_part,
                    speaker,
                    cue,
                    explanation,
                    pieces,
                } => {
                    (index, first_part, speaker, cue, explanation).hash(&mut hasher);
                    pieces
                }
            };
            pieces.len().hash(&mut hasher);
            pieces.iter().for_each(|p| p.hash_drawn(&mut hasher));
        }
        hasher.finish()
    }
}

/// Spans sorted by start, each with a value, answering "which overlap or cover this piece?" by
/// binary search, so that drawing stays linear in the article's length.
struct SpanIndex<T> {
    entries: Vec<(Span, T)>,
    /// The furthest end among `entries[..=i]`: where a walk back for overlaps may stop.
    reach: Vec<usize>,
}

impl<T> SpanIndex<T> {
    fn new(mut entries: Vec<(Span, T)>) -> SpanIndex<T> {
        entries.retain(|(s, _)| !s.is_empty());
        stable_sort::sort_by_key(&mut entries, |(s, _)| (s.start, std::cmp::Reverse(s.end)));
        let reach = entries
            .iter()
            .scan(0, |furthest, (s, _)| {
                *furthest = s.end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        SpanIndex { entries, reach }
    }

    /// The range of entries that may overlap `within`: every entry that does is in it.
    fn candidates(&self, within: Span) -> std::ops::Range<usize> {
        let to = self
            .entries
            .partition_point(|(s, _)| s.start < within.end.max(within.start + 1));
        let mut from = self.entries[..to].partition_point(|(s, _)| s.start < within.start);
        while from > 0 && self.reach[from - 1] > within.start {
            from -= 1;
        }
        from..to
    }

    fn overlapping(&self, within: Span) -> impl Iterator<Item = &(Span, T)> {
        self.entries[self.candidates(within)]
            .iter()
            .filter(move |(s, _)| s.start < within.end && within.start < s.end)
    }

    /// The innermost entry containing `span`, with its position.
    fn covering(&self, span: Span) -> Option<(usize, &T)> {
        self.candidates(span)
            .filter(|&i| self.entries[i].0.contains(span))
            .min_by_key(|&i| self.entries[i].0.len())
            .map(|i| (i, &self.entries[i].1))
    }
}

/// What the page knows of a visible block before it draws it: which block it is, its number
/// among paragraphs, its [`BlockView::render_key`] and its [`draw_weight`]. The worker works
/// these out with the analysis ([`draw_plan`]), so that the page never builds every block's view
/// in one task: it builds a chunk's views when it draws the chunk ([`ViewIndex::view`]).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlannedBlock {
    /// Index into [`Analysis::blocks`].
    pub block: usize,
    pub paragraph: Option<usize>,
    pub key: u64,
    pub weight: usize,
}

/// The visible blocks (header and gap blocks carry no runs: the header is drawn from its
/// fields and gaps are not drawn), with their paragraph numbers.
fn visible_blocks(analysis: &Analysis) -> impl Iterator<Item = (usize, Option<usize>)> + '_ {
    let mut paragraph_number = 0;
    analysis
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, block)| !matches!(block.kind, BlockKind::Gap | BlockKind::Header))
        .map(move |(index, block)| {
            let paragraph = (block.kind == BlockKind::Paragraph).then(|| {
                paragraph_number += 1;
                paragraph_number
            });
            (index, paragraph)
        })
}

/// Every visible block's plan, in order.
pub fn draw_plan(analysis: &Analysis) -> Vec<PlannedBlock> {
    let index = ViewIndex::new(analysis);
    visible_blocks(analysis)
        .map(|(block, paragraph)| {
            let view = index.view(analysis, block, paragraph);
            PlannedBlock {
                block,
                paragraph,
                key: view.render_key(),
                weight: draw_weight(&view),
            }
        })
        .collect()
}

/// The views of some planned blocks (a chunk the page is about to draw).
pub fn planned_views(
    analysis: &Analysis,
    index: &ViewIndex,
    plan: &[PlannedBlock],
) -> Vec<BlockView> {
    plan.iter()
        .map(|p| index.view(analysis, p.block, p.paragraph))
        .collect()
}

/// What a piece of text can lie under, indexed for lookup: built once for an analysis, then
/// any block's view is cut from it alone.
pub struct ViewIndex {
    sentences: SpanIndex<usize>,
    roles: SpanIndex<Role>,
    quotations: SpanIndex<usize>,
    /// Index into [`Analysis::marks`].
    marks: SpanIndex<usize>,
    mentions: SpanIndex<usize>,
    /// For each quotation, the first visible block it lies in: only there is its speaker shown.
    quotation_first_block: Vec<Option<usize>>,
}

impl ViewIndex {
    pub fn new(analysis: &Analysis) -> ViewIndex {
        let sentences = SpanIndex::new(
            analysis
                .sentences()
                .enumerate()
                .map(|(i, s)| (s, i))
                .collect(),
        );
        let mut roles: Vec<(Span, Role)> = Vec::new();
        roles.extend(analysis.dateline_span.map(|s| (s, Role::Dateline)));
        roles.extend(analysis.citation_span.map(|s| (s, Role::Citation)));
        for q in &analysis.quotations {
            roles.extend(q.speaker_span.map(|s| (s, Role::Speaker)));
            roles.extend(q.cue_span.map(|s| (s, Role::Cue)));
        }
        let spans_of = |spans: Vec<Span>| SpanIndex::new(spans.into_iter().zip(0..).collect());
        // Blocks are sorted and disjoint: a quotation's first block is the first visible one
        // that ends after the quotation starts, if it starts before the quotation ends.
        let visible: Vec<(usize, Span)> = visible_blocks(analysis)
            .filter_map(|(i, _)| {
                analysis
                    .blocks
                    .get(i)
                    .map(|b| (i, Span::new(b.start, b.end)))
            })
            .collect();
        let quotation_first_block = analysis
            .quotations
            .iter()
            .map(|q| {
                let at = visible.partition_point(|(_, s)| s.end <= q.start);
                visible
                    .get(at)
                    .filter(|(_, s)| s.start < q.end && !s.is_empty())
                    .map(|(i, _)| *i)
            })
            .collect();
        ViewIndex {
            sentences,
            roles: SpanIndex::new(roles),
            quotations: spans_of(
                analysis
                    .quotations
                    .iter()
                    .map(|q| Span::new(q.start, q.end))
                    .collect(),
            ),
            marks: spans_of(
                analysis
                    .marks
                    .iter()
                    .map(|m| Span::new(m.start, m.end))
                    .collect(),
            ),
            mentions: spans_of(analysis.mentions.iter().map(|m| m.span()).collect()),
            quotation_first_block,
        }
    }

    /// The view of `analysis.blocks[block]`, a visible block, numbered `paragraph`.
    pub fn view(&self, analysis: &Analysis, block: usize, paragraph: Option<usize>) -> BlockView {
        let Some(found) = analysis.blocks.get(block) else {
            return BlockView {
                kind: BlockKind::Gap,
                anchor: format!("aa-block-{block}"),
                paragraph,
                runs: Vec::new(),
            };
        };
        let span = Span::new(found.start, found.end);
        let mut cuts = vec![span.start, span.end];
        let inside = |at: usize| span.start < at && at < span.end;
        let mut add = |s: Span| cuts.extend([s.start, s.end].into_iter().filter(|&at| inside(at)));
        self.sentences.overlapping(span).for_each(|(s, _)| add(*s));
        self.roles.overlapping(span).for_each(|(s, _)| add(*s));
        self.quotations.overlapping(span).for_each(|(s, _)| add(*s));
        self.marks.overlapping(span).for_each(|(s, _)| add(*s));
        self.mentions.overlapping(span).for_each(|(s, _)| add(*s));
        cuts.sort_unstable();
        cuts.dedup();

        let mut runs: Vec<Run> = Vec::new();
        for pair in cuts.windows(2) {
            let piece_span = Span::new(pair[0], pair[1]);
            let piece = self.piece(analysis, piece_span);
            let quotation = self.quotations.covering(piece_span).map(|(_, &q)| q);
            match (quotation, runs.last_mut()) {
                (Some(q), Some(Run::Quotation { index, pieces, .. })) if *index == q => {
                    pieces.push(piece)
                }
                (Some(q), _) => {
                    let Some(quote) = analysis.quotations.get(q) else {
                        continue;
                    };
                    runs.push(Run::Quotation {
                        index: q,
                        first_part: self.quotation_first_block.get(q) == Some(&Some(block)),
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
        BlockView {
            kind: found.kind,
            anchor: format!("aa-block-{block}"),
            paragraph,
            runs,
        }
    }

    fn piece(&self, analysis: &Analysis, span: Span) -> Piece {
        let sentence = self.sentences.covering(span);
        let covering = |wanted: fn(&MarkKind) -> bool| {
            self.marks
                .overlapping(span)
                .filter(|(s, _)| s.contains(span))
                .filter_map(|&(_, i)| analysis.marks.get(i).map(|m| &m.kind))
                .find(|kind| wanted(kind))
        };
        Piece {
            start: span.start,
            end: span.end,
            text: span.slice(&analysis.text).to_string(),
            sentence: sentence.map(|(_, &i)| i),
            sentence_start: sentence
                .is_some_and(|(at, _)| self.sentences.entries[at].0.start == span.start),
            role: self.roles.covering(span).map(|(_, &role)| role),
            emphasis: covering(|k| *k == MarkKind::Emphasis).is_some(),
            strong: covering(|k| *k == MarkKind::Strong).is_some(),
            link: covering(|k| matches!(k, MarkKind::Link { .. })).and_then(|kind| match kind {
                MarkKind::Link { href } => Some(href.clone()),
                _ => None,
            }),
            mentions: self
                .mentions
                .overlapping(span)
                .filter(|(s, _)| s.contains(span))
                .filter_map(|&(s, index)| {
                    let mention = analysis.mentions.get(index)?;
                    Some(MentionTag {
                        index,
                        label: mention.label,
                        entity: mention.entity,
                        explanation: mention.explanation.clone(),
                        begins: s.start == span.start,
                    })
                })
                .collect(),
        }
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
                // Quotations are in text order: the ones opening in this paragraph come next.
                let first = analysis
                    .quotations
                    .partition_point(|q| q.start < span.start);
                let opening_here = analysis.quotations[first..]
                    .iter()
                    .take_while(|q| q.start < span.end);
                for (q, quotation) in (first..).zip(opening_here) {
                    let who = quotation
                        .speaker
                        .clone()
                        .unwrap_or_else(|| "unattributed".into());
                    items.push(item("Quotation", who, format!("aa-quote-{q}"), 1));
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

/// One line of "How this article was read": a decision and where it applies.
#[derive(Serialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct DecisionItem {
    pub label: String,
    pub reason: String,
    /// The id of the element the decision is about.
    pub anchor: String,
}

/// The analyser's decisions, each pointing at the drawn block it concerns.
pub fn decision_items(analysis: &Analysis) -> Vec<DecisionItem> {
    analysis
        .decisions
        .iter()
        .map(|decision| {
            let block = analysis.blocks.partition_point(|b| b.end <= decision.start);
            let anchor = match analysis.blocks.get(block) {
                Some(b) if b.kind == BlockKind::Header => "aa-header".to_string(),
                Some(_) => format!("aa-block-{block}"),
                None => "aa-article".to_string(),
            };
            DecisionItem {
                label: decision.part.label().to_string(),
                reason: decision.reason.clone(),
                anchor,
            }
        })
        .collect()
}

/// The first words of a text, cut at a word boundary, with an ellipsis when cut.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&i| cut[..i].chars().count() > max_chars / 2)
        .map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', ' ']))
}

/// Who said a quotation, as its badge shows it: "Putin (said)", or "Unattributed".
pub fn quotation_label(speaker: Option<&str>, cue: Option<&str>) -> String {
    match (speaker, cue) {
        (Some(speaker), Some(cue)) => format!("{speaker} ({cue})"),
        (Some(speaker), None) => speaker.to_string(),
        (None, _) => "Unattributed".to_string(),
    }
}

/// The browser tab's title: the headline when the article has one.
pub fn page_title(headline: Option<&str>) -> String {
    match headline.map(str::trim).filter(|h| !h.is_empty()) {
        Some(headline) => format!("{} — Article Atlas", excerpt(headline, 60)),
        None => "Article Atlas".to_string(),
    }
}

/// The analysis time as the stats bar shows it: "1.9 ms", "<0.1 ms", "120 ms".
pub fn analysis_time_label(ms: f64) -> String {
    if ms < 0.1 {
        "<0.1 ms".into()
    } else if ms < 100.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
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

/// One row of the entity panel.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct EntityRow {
    pub id: usize,
    pub name: String,
    pub roles: Vec<String>,
    /// The entity's mentions in text order (indexes into [`Analysis::mentions`]): the panel
    /// steps through them ([`mention_anchor`]).
    pub mentions: Vec<usize>,
    pub salience: f64,
}

/// The entities of one type, most salient first.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct EntityGroup {
    pub label: EntityType,
    pub entities: Vec<EntityRow>,
    pub mention_count: usize,
}

impl EntityGroup {
    /// A key that changes whenever what the panel draws for the group changes; hashing is far
    /// cheaper than writing out thousands of rows, which the key once did.
    pub fn render_key(&self) -> u64 {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (self.label, self.mention_count, self.entities.len()).hash(&mut hasher);
        for row in &self.entities {
            (row.id, &row.name, &row.roles, &row.mentions).hash(&mut hasher);
            row.salience.to_bits().hash(&mut hasher);
        }
        hasher.finish()
    }
}

/// The element id of a mention's first (or only) mark.
pub fn mention_anchor(index: usize) -> String {
    format!("aa-mention-{index}")
}

/// The entity panel: groups in the order of [`EntityType::ALL`], empty ones left out.
pub fn entity_groups(analysis: &Analysis) -> Vec<EntityGroup> {
    EntityType::ALL
        .into_iter()
        .filter_map(|label| {
            let mut entities: Vec<EntityRow> = analysis
                .entities
                .iter()
                .filter(|e| e.label == label && !e.mentions.is_empty())
                .map(|e| EntityRow {
                    id: e.id,
                    name: e.name.clone(),
                    roles: e.roles.clone(),
                    mentions: e.mentions.clone(),
                    salience: e.salience,
                })
                .collect();
            if entities.is_empty() {
                return None;
            }
            stable_sort::sort_by(&mut entities, |a, b| {
                b.salience
                    .total_cmp(&a.salience)
                    .then(b.mentions.len().cmp(&a.mentions.len()))
                    .then_with(|| a.name.cmp(&b.name))
            });
            let mention_count = entities.iter().map(|e| e.mentions.len()).sum();
            Some(EntityGroup {
                label,
                entities,
                mention_count,
            })
        })
        .collect()
}

/// "3 mentions", "1 mention".
pub fn mention_count_label(count: usize) -> String {
    format!("{count} mention{}", if count == 1 { "" } else { "s" })
}

/// How much drawing a block costs, roughly: its text's bytes plus a fixed cost per element.
pub fn draw_weight(block: &BlockView) -> usize {
    block
        .runs
        .iter()
        .flat_map(|run| match run {
            Run::Plain(pieces) => pieces.iter(),
            Run::Quotation { pieces, .. } => pieces.iter(),
        })
        .map(|piece| piece.text.len() + 48 * (1 + piece.mentions.len()))
        .sum::<usize>()
        + 48
}

/// A chunk of the article: consecutive blocks drawn inside one element. A long article's blocks
/// are kept out of layout while off screen (`content-visibility`), which Chromium checks every
/// frame, element by element: thousands of paragraphs made every frame of a 1 MB article cost
/// tens of milliseconds, a few hundred chunks cost one or two.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockChunk {
    /// Changes whenever one of its blocks' render keys does.
    pub key: u64,
    pub blocks: Range<usize>,
    /// What drawing it costs ([`draw_weight`] of its blocks).
    pub weight: usize,
    /// Its height before it is first laid out, in em (then the browser remembers the real one).
    pub estimated_em: usize,
}

/// On average one block in this many ends a chunk.
const CHUNK_SPREAD: u64 = 16;
/// A chunk ends after this many blocks, or this much weight, at the latest: it is drawn in one
/// frame.
const CHUNK_MAX_BLOCKS: usize = 48;
const CHUNK_MAX_WEIGHT: usize = 16_000;

/// The blocks cut into chunks. A chunk ends where its last block's key says so, so the cuts
/// depend on the blocks' content and not on their positions (as rsync cuts files): an edit, or a
/// paragraph added, changes the chunks around it and no others.
pub fn block_chunks(plan: &[PlannedBlock]) -> Vec<BlockChunk> {
    let mut chunks = Vec::new();
    let mut start = 0;
    let mut weight = 0;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for (index, planned) in plan.iter().enumerate() {
        weight += planned.weight;
        planned.key.hash(&mut hasher);
        let last = index + 1 == plan.len();
        if last
            || planned.key % CHUNK_SPREAD == 0
            || index + 1 - start >= CHUNK_MAX_BLOCKS
            || weight >= CHUNK_MAX_WEIGHT
        {
            let count = index + 1 - start;
            chunks.push(BlockChunk {
                key: hasher.finish(),
                blocks: start..index + 1,
                weight,
                // About 50 bytes of text to an em of height, and a paragraph's margin.
                estimated_em: weight / 50 + 2 * count,
            });
            start = index + 1;
            weight = 0;
            hasher = std::collections::hash_map::DefaultHasher::new();
        }
    }
    chunks
}

/// A long article is drawn a batch of chunks at a time, so that no task of the page runs long:
/// the block after the batch that starts with the chunk holding block `from` and weighs about
/// `budget` (at least one chunk).
fn draw_batch_end(chunks: &[BlockChunk], from: usize, budget: usize) -> usize {
    let first = chunks.partition_point(|c| c.blocks.end <= from);
    let mut weight = 0;
    let mut end = chunks.get(first).map_or(from, |c| c.blocks.start);
    for chunk in &chunks[first..] {
        if end > from && weight + chunk.weight > budget {
            break;
        }
        weight += chunk.weight;
        end = chunk.blocks.end;
    }
    end
}

/// Which blocks the page has drawn: a long article is drawn a batch per frame, and an edit
/// keeps the leading chunks whose drawing did not change.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drawing {
    /// The render keys of the article's blocks.
    pub keys: Vec<u64>,
    pub chunks: Vec<BlockChunk>,
    /// How many leading blocks are drawn: always whole chunks.
    pub count: usize,
    /// The frame and the reveal request this drawing answered.
    frame: u64,
    reveal: usize,
}

impl Drawing {
    /// The drawing after `previous`, for the blocks planned, at frame `frame`, with the blocks
    /// up to `reveal` asked for (the reader is going to one of them).
    pub fn next(
        previous: Option<&Drawing>,
        plan: &[PlannedBlock],
        frame: u64,
        reveal: usize,
        budget: usize,
    ) -> Drawing {
        let keys: Vec<u64> = plan.iter().map(|p| p.key).collect();
        let chunks = match previous {
            Some(p) if p.keys == keys => p.chunks.clone(),
            _ => block_chunks(plan),
        };
        let count = match previous {
            None => draw_batch_end(&chunks, 0, budget),
            Some(p) if p.keys != keys => {
                draw_batch_end(&chunks, shared_prefix(&p.keys[..p.count], &keys), budget)
            }
            Some(p) if p.frame != frame => draw_batch_end(&chunks, p.count, budget),
            Some(p) => p.count,
        };
        let asked = previous.is_none_or(|p| p.reveal != reveal);
        let count = if asked && reveal > count {
            chunks
                .iter()
                .map(|c| c.blocks.end)
                .find(|&end| end >= reveal)
                .unwrap_or(keys.len())
        } else {
            count
        };
        Drawing {
            count: count.min(keys.len()),
            keys,
            chunks,
            frame,
            reveal,
        }
    }

    pub fn complete(&self) -> bool {
        self.count >= self.keys.len()
    }

    /// The chunks drawn so far.
    pub fn drawn_chunks(&self) -> &[BlockChunk] {
        &self.chunks[..self.chunks.partition_point(|c| c.blocks.end <= self.count)]
    }
}

/// How many leading blocks two drawings share (same render keys): those keep their elements.
pub fn shared_prefix(before: &[u64], after: &[u64]) -> usize {
    before.iter().zip(after).take_while(|(a, b)| a == b).count()
}

/// The planned block that holds the element with id `anchor` (a block, a quotation's first
/// part or a mention's first mark), so that a part not drawn yet can be drawn before the page
/// scrolls to it.
pub fn block_holding(analysis: &Analysis, plan: &[PlannedBlock], anchor: &str) -> Option<usize> {
    let number = |prefix: &str| anchor.strip_prefix(prefix)?.parse::<usize>().ok();
    if let Some(block) = number("aa-block-") {
        return plan.binary_search_by_key(&block, |p| p.block).ok();
    }
    let at = match (number("aa-mention-"), number("aa-quote-")) {
        (Some(mention), _) => analysis.mentions.get(mention)?.start,
        (_, Some(quote)) => analysis.quotations.get(quote)?.start,
        _ => return None,
    };
    // Blocks are sorted and disjoint: the first planned block that ends after `at`.
    let end_of = |p: &PlannedBlock| analysis.blocks.get(p.block).map_or(0, |b| b.end);
    let found = plan.partition_point(|p| end_of(p) <= at);
    (found < plan.len()).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    /// Every visible block's view at once, as no page draws them: what a chunk drawn from the
    /// plan is compared with.
    fn block_views(analysis: &Analysis) -> Vec<BlockView> {
        let index = ViewIndex::new(analysis);
        visible_blocks(analysis)
            .map(|(block, paragraph)| index.view(analysis, block, paragraph))
            .collect()
    }

    /// The sample with hand-placed mentions, so that drawing is tested apart from recognition.
    fn sample_with_mentions(spans: &[(&str, EntityType)]) -> Analysis {
        use crate::analysis::{Entity, Mention};
        let mut analysis = Analyzer::new().analyze(crate::SAMPLE_ARTICLE);
        analysis.mentions.clear();
        analysis.entities.clear();
        for (i, &(needle, label)) in spans.iter().enumerate() {
            let start = analysis.text.find(needle).expect(needle);
            analysis.mentions.push(Mention {
                start,
                end: start + needle.len(),
                label,
                entity: i,
                explanation: format!("because of {needle}"),
            });
            analysis.entities.push(Entity {
                id: i,
                label,
                name: needle.to_string(),
                mentions: vec![i],
                roles: vec![],
                salience: i as f64,
            });
        }
        analysis
            .mentions
            .sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        for (index, mention) in analysis.mentions.iter().enumerate() {
            analysis.entities[mention.entity].mentions = vec![index];
        }
        analysis
    }

    fn marks(inlines: &[Inline], out: &mut Vec<String>) {
        for inline in inlines {
            if let Inline::Mention { tag, children } = inline {
                let inner: String = flatten(children);
                out.push(format!("{}:{inner}", tag.label.code()));
                marks(children, out);
            }
        }
    }

    fn flatten(inlines: &[Inline]) -> String {
        inlines
            .iter()
            .map(|i| match i {
                Inline::Text(p) => p.text.clone(),
                Inline::Mention { children, .. } => flatten(children),
            })
            .collect()
    }

    #[test]
    fn mentions_nest_and_sit_side_by_side_without_losing_text() {
        let analysis = sample_with_mentions(&[
            ("St. Petersburg factory", EntityType::Org),
            ("Petersburg", EntityType::Loc),
            ("Russian", EntityType::Norp),
            ("Iranian relations", EntityType::Misc),
            ("Russian-Iranian", EntityType::Norp),
        ]);
        let views = block_views(&analysis);
        let mut found = Vec::new();
        for view in &views {
            for run in &view.runs {
                let pieces = match run {
                    Run::Plain(p) => p.clone(),
                    Run::Quotation { pieces, .. } => pieces.clone(),
                };
                let drawn: String = pieces.iter().map(|p| p.text.as_str()).collect();
                let nested = nest_mentions(pieces);
                assert_eq!(
                    flatten(&nested),
                    drawn,
                    "nesting keeps every character once"
                );
                marks(&nested, &mut found);
            }
        }
        assert!(
            found.contains(&"ORG:St. Petersburg factory".to_string()),
            "{found:?}"
        );
        assert!(found.contains(&"LOC:Petersburg".to_string()), "{found:?}");
        // "Russian-Iranian relations": the NORP holds "Russian" whole and "Iranian" crosses into
        // the MISC, which is drawn in two parts around the boundary.
        assert!(
            found.contains(&"NORP:Russian-Iranian".to_string()),
            "{found:?}"
        );
        assert!(found.contains(&"MISC:Iranian".to_string()), "{found:?}");
        assert!(found.contains(&"MISC: relations".to_string()), "{found:?}");
    }

    #[test]
    fn only_the_part_that_begins_a_mention_carries_its_anchor() {
        let analysis = sample_with_mentions(&[
            ("St. Petersburg factory", EntityType::Org),
            ("Petersburg", EntityType::Loc),
        ]);
        let pieces: Vec<Piece> = block_views(&analysis)
            .into_iter()
            .flat_map(|v| v.runs)
            .flat_map(|r| match r {
                Run::Plain(p) => p,
                Run::Quotation { pieces, .. } => pieces,
            })
            .filter(|p| !p.mentions.is_empty())
            .collect();
        let begins: Vec<(&str, Vec<bool>)> = pieces
            .iter()
            .map(|p| {
                (
                    p.text.as_str(),
                    p.mentions.iter().map(|t| t.begins).collect(),
                )
            })
            .collect();
        assert_eq!(
            begins,
            [
                ("St. ", vec![true]),
                ("Petersburg", vec![false, true]),
                (" factory", vec![false])
            ]
        );
    }

    #[test]
    fn entity_groups_follow_type_order_and_salience() {
        let analysis = sample_with_mentions(&[
            ("Moscow", EntityType::Loc),
            ("Vladimir Putin", EntityType::Person),
            ("Kazan", EntityType::Loc),
        ]);
        let groups = entity_groups(&analysis);
        let labels: Vec<EntityType> = groups.iter().map(|g| g.label).collect();
        assert_eq!(labels, [EntityType::Person, EntityType::Loc]);
        let places: Vec<&str> = groups[1].entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(places, ["Kazan", "Moscow"], "higher salience first");
        assert_eq!(groups[1].mention_count, 2);
        let kazan = &analysis.entities[2];
        assert_eq!(groups[1].entities[0].mentions, kazan.mentions);
        assert_eq!(mention_count_label(1), "1 mention");
    }

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
    fn span_index_finds_the_innermost_cover_even_under_a_long_outer_span() {
        let index = SpanIndex::new(vec![
            (Span::new(0, 100), "link"),
            (Span::new(10, 20), "strong"),
            (Span::new(30, 40), "emphasis"),
            (Span::new(200, 210), "later"),
        ]);
        let cases = [
            (Span::new(12, 14), Some("strong")),
            (Span::new(50, 60), Some("link")),
            (Span::new(30, 40), Some("emphasis")),
            (Span::new(150, 160), None),
            (Span::new(205, 206), Some("later")),
        ];
        for (piece, expected) in cases {
            assert_eq!(
                index.covering(piece).map(|(_, v)| *v),
                expected,
                "{piece:?}"
            );
        }
        let overlapping: Vec<&str> = index
            .overlapping(Span::new(35, 205))
            .map(|(_, v)| *v)
            .collect();
        assert_eq!(overlapping, ["link", "emphasis", "later"]);
    }

    #[test]
    fn render_keys_ignore_offsets_but_not_what_is_drawn() {
        let analyzer = Analyzer::new();
        let key_of_last = |text: &str| {
            block_views(&analyzer.analyze(text))
                .last()
                .map(BlockView::render_key)
        };
        let base = key_of_last("First one.\n\nSecond one.");
        assert_eq!(base, key_of_last("First one, longer now.\n\nSecond one."));
        assert_ne!(base, key_of_last("First one.\n\nSecond one!"));
    }

    #[test]
    fn decisions_point_at_the_blocks_they_explain() {
        let analysis = Analyzer::new().analyze(crate::SAMPLE_ARTICLE);
        let items: Vec<(String, String)> = decision_items(&analysis)
            .into_iter()
            .map(|d| (d.label, d.anchor))
            .collect();
        let last_paragraph = analysis
            .blocks
            .iter()
            .rposition(|b| b.kind == BlockKind::Paragraph)
            .unwrap();
        let first_paragraph = analysis
            .blocks
            .iter()
            .position(|b| b.kind == BlockKind::Paragraph)
            .unwrap();
        assert_eq!(
            items,
            [
                ("Header".to_string(), "aa-header".to_string()),
                (
                    "Paragraphs".to_string(),
                    format!("aa-block-{first_paragraph}")
                ),
                (
                    "Citations".to_string(),
                    format!("aa-block-{last_paragraph}")
                ),
            ]
        );
    }

    #[test]
    fn analysis_times_keep_a_sensible_precision() {
        let cases = [
            (0.04, "<0.1 ms"),
            (1.94, "1.9 ms"),
            (99.9, "99.9 ms"),
            (120.4, "120 ms"),
        ];
        for (ms, label) in cases {
            assert_eq!(analysis_time_label(ms), label);
        }
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
        assert_eq!(quotation_label(Some("Putin"), Some("said")), "Putin (said)");
        assert_eq!(quotation_label(Some("Roe"), None), "Roe");
        assert_eq!(quotation_label(None, Some("said")), "Unattributed");
        assert_eq!(reading_time_label(2.6), "3 min");
    }
    #[test]
    fn an_edit_changes_only_the_chunks_around_it() {
        let paragraph = |i: usize| {
            format!("Report {i} came from the harbour office at Velmore on a wet morning.")
        };
        let blocks_of = |text: &str| block_chunks(&draw_plan(&Analyzer::new().analyze(text)));
        let mut paragraphs: Vec<String> = (0..400).map(paragraph).collect();
        let before = blocks_of(&paragraphs.join("\n\n"));
        // A word changed, not a sentence added: sentence numbers are drawn, so a new sentence
        // changes every block after it.
        paragraphs[200] = paragraphs[200].replace("wet", "dry");
        let after = blocks_of(&paragraphs.join("\n\n"));
        assert!(before.len() > 4, "{} chunks", before.len());
        assert!(before.iter().all(|c| c.blocks.len() <= CHUNK_MAX_BLOCKS));
        let kept = after.iter().filter(|c| before.contains(c)).count();
        assert!(
            kept + 2 >= before.len(),
            "{kept} of {} chunks kept",
            before.len()
        );
        assert_ne!(before, after);
    }

    #[test]
    fn long_articles_are_drawn_in_batches_and_parts_are_found_before_they_are_drawn() {
        let text = "Ana Lee spoke in Velmore. \u{201c}We stay,\u{201d} she said.\n\n".repeat(40);
        let analysis = Analyzer::new().analyze(&text);
        let plan = draw_plan(&analysis);
        assert_eq!(plan.len(), 40);
        let chunks = block_chunks(&plan);
        assert_eq!(chunks.first().map(|c| c.blocks.start), Some(0));
        assert_eq!(chunks.last().map(|c| c.blocks.end), Some(40));
        assert!(chunks
            .windows(2)
            .all(|w| w[0].blocks.end == w[1].blocks.start));
        let mut from = 0;
        let mut batches = 0;
        while from < plan.len() {
            let end = draw_batch_end(&chunks, from, 3000);
            assert!(end > from);
            assert!(
                chunks.iter().any(|c| c.blocks.end == end),
                "batches end with a chunk"
            );
            from = end;
            batches += 1;
        }
        assert!(batches > 1 && batches < 40, "{batches} batches");
        assert_eq!(draw_batch_end(&chunks, 40, 3000), 40);
        let holding = |anchor: &str| block_holding(&analysis, &plan, anchor);
        let last = analysis.mentions.len() - 1;
        assert_eq!(holding(&mention_anchor(last)), Some(39));
        let quote = analysis.quotations.len() - 1;
        assert_eq!(holding(&format!("aa-quote-{quote}")), Some(39));
        assert_eq!(holding(&format!("aa-block-{}", plan[7].block)), Some(7));
        assert_eq!(holding("aa-nowhere"), None);
        assert_eq!(holding("aa-mention-99999"), None);
        assert_eq!(shared_prefix(&[1, 2, 3], &[1, 2, 4, 5]), 2);

        // Frame by frame to the end; an edit in the last block keeps the others drawn.
        let mut drawing = Drawing::next(None, &plan, 0, 0, 3000);
        let first = drawing.count;
        assert!(first > 0 && !drawing.complete());
        for frame in 1..40 {
            drawing = Drawing::next(Some(&drawing), &plan, frame, 0, 3000);
        }
        assert!(drawing.complete());
        let edited = Analyzer::new().analyze(&format!("{text}Ana Lee left."));
        let edited_plan = draw_plan(&edited);
        let after = Drawing::next(Some(&drawing), &edited_plan, 40, 0, 3000);
        assert!(after.complete(), "{} of {}", after.count, edited_plan.len());
        // Going to the last block draws everything up to it at once.
        let fresh = Drawing::next(None, &plan, 0, 0, 3000);
        assert_eq!(Drawing::next(Some(&fresh), &plan, 0, 40, 3000).count, 40);
        assert_eq!(first, fresh.count);
    }

    #[test]
    fn a_chunk_drawn_from_the_plan_is_what_the_whole_article_draws() {
        let text = format!(
            "{}\n\n\u{201c}Stay in Velmore for the winter.\n\n\u{201c}All of you stay,\u{201d} said Ana Lee of the Harbour Office.",
            crate::SAMPLE_ARTICLE
        );
        let analysis = Analyzer::new().analyze(&text);
        let whole = block_views(&analysis);
        let plan = draw_plan(&analysis);
        assert_eq!(plan.len(), whole.len());
        for (planned, view) in plan.iter().zip(&whole) {
            assert_eq!(planned.key, view.render_key());
            assert_eq!(planned.weight, draw_weight(view));
            assert_eq!(view.anchor, format!("aa-block-{}", planned.block));
        }
        let index = ViewIndex::new(&analysis);
        for chunk in block_chunks(&plan) {
            let views = planned_views(&analysis, &index, &plan[chunk.blocks.clone()]);
            assert_eq!(views, whole[chunk.blocks]);
        }
        // A quotation over two paragraphs shows its speaker in the first part only.
        let parts: Vec<bool> = whole
            .iter()
            .flat_map(|v| &v.runs)
            .filter_map(|run| match run {
                Run::Quotation {
                    index, first_part, ..
                } if *index + 1 == analysis.quotations.len() => Some(*first_part),
                _ => None,
            })
            .collect();
        assert_eq!(parts, [true, false]);
    }
}
