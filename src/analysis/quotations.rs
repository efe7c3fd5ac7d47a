//! Finds direct quotations in the body and attributes them to a speaker.
//!
//! Quotation marks are matched per paragraph with a small stack, because real copy mixes curly,
//! straight and angle quotes, nests single quotes inside double ones, and reuses `’` as an
//! apostrophe. A quotation left open at a paragraph's end continues into the next paragraph when
//! that paragraph opens with a quotation mark, which is how newspapers run a long quotation over
//! several paragraphs.
//!
//! Attribution is lexical: a cue verb ("said", "told", "according to") near the quotation in the
//! same sentence, its subject or object as the speaker, and a pronoun speaker ("He said")
//! resolved to the subject of the nearest earlier cue verb. It is a heuristic that favours
//! leaving the speaker empty over naming the wrong one.
//!
//! Look-around: marks are paired in one pass with a stack of open marks. A quotation's attribution
//! reads the text between it and its neighbouring quotations within its sentence; sentences are
//! found by binary search; a continuation reads at most `MAX_CONTINUATION_GAP` words back, a
//! scare quote the two words before its mark, and a pronoun at most `MAX_PRONOUN_LOOKBACK`
//! sentences back.

use crate::analysis::lexicon::{is_month, is_weekday};
use crate::analysis::sentences::split_sentences;
use crate::analysis::text::{fit_span, lowercase};
use crate::analysis::text::{
    is_closing_mark, is_dash, is_opening_quote, last_words, word_spans, words_in, Span,
};
use crate::analysis::Quotation;

/// Finds the quotations in `paragraphs` (body paragraph spans of `text`, in order).
pub fn find_quotations(text: &str, paragraphs: &[Span]) -> Vec<Quotation> {
    let paras = usable_paragraphs(text, paragraphs);
    let sentences: Vec<Vec<Span>> = paras.iter().map(|&p| split_sentences(text, p)).collect();
    quotations_in(text, &paras, &sentences)
}

/// The same, reusing sentences the caller has already split (`sentences[i]` belongs to
/// `paragraphs[i]`). Odd paragraph spans are made usable first, and then split afresh.
pub fn find_quotations_with_sentences(
    text: &str,
    paragraphs: &[Span],
    sentences: &[Vec<Span>],
) -> Vec<Quotation> {
    let paras = usable_paragraphs(text, paragraphs);
    if paras != paragraphs || sentences.len() != paras.len() {
        return find_quotations(text, paragraphs);
    }
    quotations_in(text, &paras, sentences)
}

fn quotations_in(text: &str, paras: &[Span], sentences: &[Vec<Span>]) -> Vec<Quotation> {
    let found = match_marks(text, paras);

    let mut quotations = Vec::new();
    let mut last_speaker: Option<LastSpeaker> = None;
    for (qi, f) in found.iter().enumerate() {
        let quoted: Vec<&str> = f
            .parts
            .iter()
            .map(|p| p.slice(text).trim())
            .filter(|p| !p.is_empty())
            .collect();
        if quoted.is_empty() {
            continue;
        }
        let words: usize = f.parts.iter().map(|&p| words_in(text, p).count()).sum();
        let previous = qi.checked_sub(1).and_then(|i| found.get(i));
        let following = found.get(qi + 1);
        let attribution = attribute(text, paras, sentences, f, previous, following);
        let inherited = match attribution {
            None => continued_speaker(text, last_speaker, f),
            Some(_) => None,
        };
        let attributed = attribution.is_some() || inherited.is_some();
        let short = words < 4;
        if short && (!attributed || is_scare_quote(text, paras[f.first_para], f.start)) {
            continue;
        }
        let (speaker_span, cue_span) = match (attribution, inherited) {
            (Some(a), _) => (a.speaker, Some(a.cue.span)),
            (None, inherited) => (inherited, None),
        };
        let span_count = f.last_para - f.first_para + 1;
        let explanation = match inherited {
            Some(speaker) => explain_continued(text, speaker, span_count),
            None => explain(text, attribution.as_ref(), span_count),
        };
        last_speaker = speaker_span.map(|speaker| LastSpeaker {
            speaker,
            para: f.last_para,
            after: [Some(f.end), Some(speaker.end), cue_span.map(|c| c.end)]
                .into_iter()
                .flatten()
                .max()
                .unwrap_or(f.end),
        });
        quotations.push(Quotation {
            start: f.start,
            end: f.end,
            text: quoted.join(" "),
            speaker: speaker_span.map(|s| s.slice(text).to_string()),
            speaker_span,
            cue: cue_span.map(|s| s.slice(text).to_string()),
            cue_span,
            explanation,
        });
    }
    quotations
}

/// The speaker of the quotation just before, for a quotation that has no cue of its own.
#[derive(Clone, Copy)]
struct LastSpeaker {
    speaker: Span,
    /// The paragraph where that quotation ends.
    para: usize,
    /// Where that quotation, its cue and its speaker all end.
    after: usize,
}

/// Most words of narration between a quotation and the one it continues.
const MAX_CONTINUATION_GAP: usize = 25;

/// A quotation without a cue that follows an attributed one in the same or the next paragraph,
/// with no cue and little narration in between, goes on in the same voice:
/// `“We will rebuild,” Roe said. ⏎⏎ “Nobody will be left behind.”`
fn continued_speaker(text: &str, last: Option<LastSpeaker>, f: &Found) -> Option<Span> {
    let last = last?;
    if f.first_para > last.para + 1 || last.after > f.start {
        return None;
    }
    let gap = Span::new(last.after, f.start);
    // The gap may run back over many quotations that had no speaker: count no further than
    // the most words allowed before reading it for cues.
    let quiet =
        words_in(text, gap).nth(MAX_CONTINUATION_GAP).is_none() && cues_in(text, gap).is_empty();
    quiet.then_some(last.speaker)
}

fn explain_continued(text: &str, speaker: Span, paragraphs: usize) -> String {
    let mut explanation = format!(
        "No cue verb stands beside it, but it continues the quotation by “{}” just before it, \
         with no other cue in between.",
        speaker.slice(text)
    );
    push_paragraph_note(&mut explanation, paragraphs);
    explanation
}

fn push_paragraph_note(explanation: &mut String, paragraphs: usize) {
    if paragraphs > 1 {
        explanation.push_str(&format!(
            " It runs across {paragraphs} paragraphs: each new paragraph reopens the quotation mark."
        ));
    }
}

/// Says in a sentence or two how the quotation was tied to its speaker, for the page to show.
fn explain(text: &str, attribution: Option<&Attribution>, paragraphs: usize) -> String {
    let mut explanation = match attribution {
        None => {
            "No cue verb (said, told, added…) near the quotation names who said it.".to_string()
        }
        Some(a) => {
            let cue = a.cue.span.slice(text);
            let mut why = match a.rule {
                Rule::CueAfter => format!("The cue “{cue}” follows the quotation in the same sentence."),
                Rule::CueBefore => format!("The cue “{cue}” comes before the quotation in the same sentence."),
                Rule::ColonBefore => format!("The sentence before, with the cue “{cue}”, ends in a colon that introduces it."),
            };
            match (a.speaker, a.pronoun) {
                (Some(speaker), Some((pronoun, how))) => {
                    let source = match how {
                        Resolution::CueSubject => "the last named speaker before it",
                        Resolution::SentenceSubject => {
                            "the person named at the start of an earlier sentence"
                        }
                    };
                    why.push_str(&format!(
                        " “{}” refers back to “{}”, {source}.",
                        pronoun.slice(text),
                        speaker.slice(text)
                    ))
                }
                (Some(speaker), None) => {
                    why.push_str(&format!(" The speaker is “{}”.", speaker.slice(text)))
                }
                (None, _) => why.push_str(" No speaker is named beside it."),
            }
            why
        }
    };
    push_paragraph_note(&mut explanation, paragraphs);
    explanation
}

/// Paragraph spans made safe to slice, trimmed, in order and non-overlapping, so a caller's
/// odd spans cannot make the quotation spans overlap or panic.
fn usable_paragraphs(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let mut paras = Vec::new();
    let mut floor = 0;
    for p in paragraphs {
        let Some(fitted) = fit_span(text, Span::new(p.start.max(floor), p.end)) else {
            continue;
        };
        let trimmed = fitted.trim(text);
        if trimmed.is_empty() {
            continue;
        }
        floor = trimmed.end;
        paras.push(trimmed);
    }
    paras
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Curly,
    Straight,
    Guillemet,
    Low,
    Single,
}

/// A top-level quotation as matched, before attribution.
#[derive(Clone, Debug)]
struct Found {
    /// The opening mark.
    start: usize,
    /// Just after the closing mark, or the paragraph's end if it never closed.
    end: usize,
    /// The quoted text of each paragraph, marks excluded.
    parts: Vec<Span>,
    first_para: usize,
    last_para: usize,
    /// Whether a closing mark ended it, rather than a paragraph's end or the next opening mark.
    closed: bool,
}

struct Open {
    mark: Mark,
    content_start: usize,
}

struct Scan {
    closed: Vec<Found>,
    /// A quotation still open at the paragraph's end, its last part running to that end.
    open: Option<Found>,
    /// The outermost open mark at the end was a single quote: likely an apostrophe after all.
    unclosed_single: bool,
}

fn match_marks(text: &str, paras: &[Span]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut carried: Option<Found> = None;
    for (pi, &para) in paras.iter().enumerate() {
        let continues = para
            .slice(text)
            .chars()
            .next()
            .and_then(continuation_mark)
            .is_some();
        if !continues {
            found.extend(carried.take().filter(|f| keep_unclosed(text, paras, f)));
        }
        let mut scan = scan_paragraph(text, para, pi, carried.clone(), true);
        if scan.unclosed_single {
            // Rescan treating top-level single quotes as apostrophes, so an opening `‘` that
            // never closes does not swallow the rest of the paragraph.
            scan = scan_paragraph(text, para, pi, carried.clone(), false);
        }
        found.extend(scan.closed);
        carried = scan.open;
    }
    found.extend(carried.filter(|f| keep_unclosed(text, paras, f)));
    found
}

/// Longest unclosed quotation kept when it opens its paragraph or follows a cue.
const MAX_UNCLOSED_WORDS: usize = 80;

/// A quotation still open at a paragraph's end, with no quotation mark opening the next
/// paragraph, is usually a stray or mistyped mark that would otherwise turn narration into
/// quoted speech. It is kept only when it is clearly a quotation: it runs over paragraphs by
/// the newspaper convention, or it opens its paragraph or follows a cue (`said: “…`), and it
/// is not long.
fn keep_unclosed(text: &str, paras: &[Span], f: &Found) -> bool {
    if f.first_para < f.last_para {
        return true;
    }
    let words: usize = f.parts.iter().map(|&p| words_in(text, p).count()).sum();
    if words > MAX_UNCLOSED_WORDS {
        return false;
    }
    let Some(para) = paras.get(f.first_para) else {
        return false;
    };
    let before = Span::new(para.start, f.start.max(para.start));
    let lead = before.slice(text).trim_end();
    if lead.is_empty() || lead.ends_with([':', ',']) {
        return true;
    }
    let sentence_start = split_sentences(text, *para)
        .iter()
        .rev()
        .find(|s| s.start <= f.start)
        .map_or(para.start, |s| s.start);
    !cues_in(text, Span::new(sentence_start, before.end)).is_empty()
}

/// The opening marks that continue a quotation from the previous paragraph.
fn continuation_mark(c: char) -> Option<Mark> {
    match c {
        '“' => Some(Mark::Curly),
        '"' => Some(Mark::Straight),
        '«' => Some(Mark::Guillemet),
        '„' => Some(Mark::Low),
        _ => None,
    }
}

enum Action {
    Open(Mark),
    /// Close the open mark at this stack index and everything nested inside it.
    Close(usize),
    /// End the open top-level quotation here, unclosed, and open a new one with this mark.
    Reopen(Mark),
    Nothing,
}

fn scan_paragraph(
    text: &str,
    para: Span,
    pi: usize,
    carried: Option<Found>,
    singles_at_top: bool,
) -> Scan {
    // Only these marks open a quotation (a carried one continues only after one of them), and
    // closing marks have nothing to close without one: most paragraphs end here, unread twice.
    if !para.slice(text).contains(['“', '„', '«', '"', '‘']) {
        return Scan {
            closed: Vec::new(),
            open: None,
            unclosed_single: false,
        };
    }
    let body = para.slice(text);
    let char_before = |at: usize| body.get(..at).and_then(|s| s.chars().next_back());
    let char_at = |at: usize| body.get(at..).and_then(|s| s.chars().next());
    let mut stack: Vec<Open> = Vec::new();
    let mut current: Option<Found> = None;
    let mut closed = Vec::new();
    let mut skip_first = false;
    if let Some(f) = carried {
        if let Some((mark, c)) = char_at(0).and_then(|c| continuation_mark(c).map(|m| (m, c))) {
            stack.push(Open {
                mark,
                content_start: para.start + c.len_utf8(),
            });
            current = Some(f);
            skip_first = true;
        }
    }
    let bytes = body.as_bytes();
    // The first straight quote after where it was last looked for, if any: marks come in order,
    // so each stretch of the paragraph is searched once.
    let mut straight_found: Option<Option<usize>> = None;
    let mut straight_after = |at: usize| match straight_found {
        Some(Some(k)) if k > at => Some(k),
        Some(None) => None,
        _ => {
            let found = bytes
                .get(at + 1..)
                .and_then(|rest| rest.iter().position(|&b| b == b'"'))
                .map(|k| at + 1 + k);
            straight_found = Some(found);
            found
        }
    };
    let mut from = 0;
    // Every quotation mark is `"` or starts with one of these two bytes, which no other
    // character's later bytes are.
    while let Some(offset) = bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| matches!(b, b'"' | 0xC2 | 0xE2)))
    {
        let at = from + offset;
        let Some(c) = char_at(at) else { break };
        from = at + c.len_utf8();
        // Only quotation marks act; the context below looks ahead, so it is built for them alone.
        if !matches!(c, '“' | '”' | '„' | '«' | '»' | '"' | '‘' | '’') || (skip_first && at == 0)
        {
            continue;
        }
        let pos = para.start + at;
        let after = pos + c.len_utf8();
        let prev = char_before(at);
        let next = char_at(from);
        let top = stack.last().map(|o| o.mark);
        let innermost = |wanted: &[Mark]| {
            stack
                .iter()
                .rposition(|o| wanted.contains(&o.mark))
                .map_or(Action::Nothing, Action::Close)
        };
        let context = Context {
            prev,
            next,
            after_sentence_end: follows_sentence_end(body, at),
            next_straight_closes: straight_after(at)
                .is_some_and(|k| straight_looks_closing(body, k)),
        };
        let action = match c {
            '“' if top == Some(Mark::Low) => innermost(&[Mark::Low]),
            '“' => curly_open_action(&stack, context),
            '”' => innermost(&[Mark::Curly, Mark::Low]),
            '„' => Action::Open(Mark::Low),
            '«' => Action::Open(Mark::Guillemet),
            '»' => innermost(&[Mark::Guillemet]),
            '"' => straight_action(&stack, context),
            '‘' => {
                // `the ‘90s` and a `‘` before white space are apostrophes or typos.
                let word_follows = next.is_some_and(|n| !n.is_whitespace() && !n.is_ascii_digit());
                let at_word_start = prev.is_none_or(|p| {
                    p.is_whitespace() || matches!(p, '(' | '[') || is_dash(p) || is_opening_quote(p)
                });
                let allowed = if stack.is_empty() {
                    singles_at_top && at_word_start
                } else {
                    top != Some(Mark::Single)
                };
                if word_follows && allowed {
                    Action::Open(Mark::Single)
                } else {
                    Action::Nothing
                }
            }
            // `’` before a letter is an apostrophe (Khatami’s), never a closing mark.
            '’' if next.is_some_and(char::is_alphanumeric) => Action::Nothing,
            '’' => innermost(&[Mark::Single]),
            _ => Action::Nothing,
        };
        match action {
            Action::Open(mark) => {
                if stack.is_empty() {
                    current = Some(Found {
                        start: pos,
                        end: after,
                        parts: Vec::new(),
                        first_para: pi,
                        last_para: pi,
                        closed: true,
                    });
                }
                stack.push(Open {
                    mark,
                    content_start: after,
                });
            }
            Action::Close(k) => {
                let content_start = stack.get(k).map_or(pos, |o| o.content_start);
                stack.truncate(k);
                if stack.is_empty() {
                    if let Some(mut f) = current.take() {
                        f.parts.push(Span::new(content_start, pos));
                        f.end = after;
                        f.last_para = pi;
                        closed.push(f);
                    }
                }
            }
            Action::Reopen(mark) => {
                // The open quotation ends just before this mark, which starts the next one.
                if let (Some(bottom), Some(mut f)) = (stack.first(), current.take()) {
                    let content_end = Span::new(bottom.content_start, pos).trim(text);
                    f.parts.push(content_end);
                    f.end = content_end.end.max(bottom.content_start);
                    f.last_para = pi;
                    f.closed = false;
                    closed.push(f);
                }
                stack.clear();
                current = Some(Found {
                    start: pos,
                    end: after,
                    parts: Vec::new(),
                    first_para: pi,
                    last_para: pi,
                    closed: true,
                });
                stack.push(Open {
                    mark,
                    content_start: after,
                });
            }
            Action::Nothing => {}
        }
    }
    let mut open = None;
    let mut unclosed_single = false;
    if let Some(bottom) = stack.first() {
        if bottom.mark == Mark::Single {
            unclosed_single = true;
        } else if let Some(mut f) = current.take() {
            f.parts.push(Span::new(bottom.content_start, para.end));
            f.end = para.end;
            f.last_para = pi;
            f.closed = false;
            open = Some(f);
        }
    }
    Scan {
        closed,
        open,
        unclosed_single,
    }
}

/// What stands around a quotation mark, which decides whether it opens or closes.
#[derive(Clone, Copy)]
struct Context {
    prev: Option<char>,
    next: Option<char>,
    /// The mark follows white space after a sentence's final punctuation (`May. “The`).
    after_sentence_end: bool,
    /// The next straight `"` in the paragraph looks like a closing one.
    next_straight_closes: bool,
}

impl Context {
    /// Glued to the end of a word or punctuation: `it"`, `,"`, `.“`.
    fn after_word(self) -> bool {
        self.prev.is_some_and(|p| {
            !p.is_whitespace() && !matches!(p, '(' | '[' | '{') && !is_opening_quote(p)
        })
    }

    /// Followed by nothing that could start quoted words: the end, white space, punctuation.
    fn before_gap(self) -> bool {
        self.next
            .is_none_or(|n| n.is_whitespace() || (!n.is_alphanumeric() && !is_opening_quote(n)))
    }

    fn after_gap(self) -> bool {
        self.prev
            .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '{') || is_dash(p))
    }

    fn before_word(self) -> bool {
        self.next.is_some_and(|n| !n.is_whitespace())
    }
}

fn innermost_of(stack: &[Open], wanted: &[Mark]) -> Option<usize> {
    stack.iter().rposition(|o| wanted.contains(&o.mark))
}

/// A straight `"` looks the same at both ends, so its neighbours decide: glued to the word
/// before and free after, it closes (and, with nothing open, is a stray to ignore, as in
/// `approved." The council` or `6'2"`); free before and glued to the word after, it opens.
fn straight_action(stack: &[Open], context: Context) -> Action {
    let open = innermost_of(stack, &[Mark::Straight]);
    if context.after_word() && context.before_gap() {
        return open.map_or(Action::Nothing, Action::Close);
    }
    if context.after_gap() && context.before_word() {
        return match open {
            // Straight quotes do not nest, so an opening-looking mark while one is open either
            // closes it with a space missing after (`one. "Boulder`) or, when a closing mark
            // follows for it, starts a new quotation after one that lost its closing mark.
            Some(k) if !context.next_straight_closes => Action::Close(k),
            Some(_) if stack.len() == 1 && context.after_sentence_end => {
                Action::Reopen(Mark::Straight)
            }
            _ => Action::Open(Mark::Straight),
        };
    }
    open.map_or(Action::Open(Mark::Straight), Action::Close)
}

/// Whether the straight `"` at byte `k` of `body` sits like a closing mark: glued to the word before,
/// free after.
fn straight_looks_closing(body: &str, k: usize) -> bool {
    let context = Context {
        prev: body.get(..k).and_then(|s| s.chars().next_back()),
        next: body.get(k + 1..).and_then(|s| s.chars().next()),
        after_sentence_end: false,
        next_straight_closes: false,
    };
    context.after_word() && context.before_gap()
}

/// A `“` is normally an opener, but copy sometimes uses it as a closer (`with it“.`), and a
/// `“` that starts a new sentence while a quotation is still open means the first one lost its
/// closing mark (`in May. “The new wing …”`).
fn curly_open_action(stack: &[Open], context: Context) -> Action {
    if context.after_word() && context.before_gap() {
        return innermost_of(stack, &[Mark::Curly, Mark::Low])
            .map_or(Action::Nothing, Action::Close);
    }
    let one_open_curly = stack.len() == 1 && stack.first().is_some_and(|o| o.mark == Mark::Curly);
    if one_open_curly && context.after_sentence_end {
        return Action::Reopen(Mark::Curly);
    }
    Action::Open(Mark::Curly)
}

/// Whether white space, then a sentence's final punctuation, comes just before byte `at`.
fn follows_sentence_end(body: &str, at: usize) -> bool {
    let before = body.get(..at).unwrap_or("");
    let unspaced = before.trim_end_matches(char::is_whitespace);
    unspaced.len() < before.len() && unspaced.ends_with(['.', '?', '!', '…'])
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum CueKind {
    /// The speaker is the verb's subject, or the phrase after it (`said Putin`).
    Verb,
    /// `told reporters`: the phrase after the verb is the listener, never the speaker.
    Told,
    /// `according to X`: the speaker always follows.
    According,
}

#[derive(Clone, Copy, Debug)]
struct Cue {
    span: Span,
    kind: CueKind,
}

#[derive(Clone, Copy, Debug)]
struct Attribution {
    speaker: Option<Span>,
    cue: Cue,
    rule: Rule,
    /// The pronoun the quotation's own sentence used, when the speaker was found further back,
    /// and how it was resolved.
    pronoun: Option<(Span, Resolution)>,
}

/// Which pattern tied the quotation to its cue, so that the page can explain the decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    CueAfter,
    CueBefore,
    ColonBefore,
}

const CUE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "suggested",
    "suggests",
    "stated",
    "states",
    "noted",
    "notes",
    "explained",
    "explains",
    "argued",
    "argues",
    "asked",
    "asks",
    "claimed",
    "claims",
    "declared",
    "declares",
    "insisted",
    "insists",
    "warned",
    "warns",
    "wrote",
    "writes",
    "remarked",
    "replied",
    "replies",
    "continued",
    "announced",
    "announces",
    "commented",
    "observed",
    "stressed",
    "stresses",
    "emphasised",
    "emphasized",
    "acknowledged",
    "admitted",
    "admits",
    "recalled",
    "recalls",
    "urged",
    "urges",
    "pledged",
    "promised",
    "complained",
    "predicted",
    "conceded",
    "maintained",
    "reported",
    "quoted",
];

/// Words that open a clause; the subject of a cue verb lies after the last of them.
pub(super) const CLAUSE_WORDS: &[&str] = &[
    "that", "and", "but", "or", "while", "when", "as", "because", "who", "which", "what", "where",
    "although", "though", "since", "so", "if", "whom", "whose", "after", "before", "than",
];

/// Adverbs and auxiliaries that stand between a subject and its verb (`He also said`,
/// `Putin has said`) or before the subject (`Meanwhile he said`).
pub(super) const FILLERS: &[&str] = &[
    "also",
    "later",
    "then",
    "again",
    "once",
    "further",
    "reportedly",
    "meanwhile",
    "has",
    "had",
    "have",
    "was",
    "is",
    "were",
    "will",
    "would",
    "not",
    "never",
    "did",
    "does",
    "do",
    "could",
    "should",
    "may",
    "might",
    "can",
    "shall",
    "just",
    "still",
    "already",
    "even",
    "only",
    "now",
    "today",
    "yesterday",
    "earlier",
    "however",
    "separately",
    "similarly",
    "finally",
    "moreover",
    "furthermore",
    "thus",
    "yet",
    "himself",
    "herself",
];

/// Words after a cue verb that end the speaker's name (`said Putin on Tuesday`).
pub(super) const AFTER_STOPS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "to",
    "from",
    "with",
    "for",
    "by",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "recently",
    "adding",
    "referring",
    "citing",
    "speaking",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we"];

/// Nouns that make a phrase a plausible speaker even when it has no capitalised name.
pub(super) const SPEAKER_NOUNS: &[&str] = &[
    "official",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "premier",
    "leader",
    "analyst",
    "expert",
    "diplomat",
    "source",
    "aide",
    "adviser",
    "advisor",
    "director",
    "chief",
    "head",
    "secretary",
    "ambassador",
    "envoy",
    "general",
    "commander",
    "governor",
    "mayor",
    "senator",
    "lawmaker",
    "deputy",
    "chairman",
    "chairwoman",
    "chair",
    "executive",
    "manager",
    "professor",
    "researcher",
    "scientist",
    "witness",
    "resident",
    "lawyer",
    "attorney",
    "judge",
    "prosecutor",
    "officer",
    "representative",
    "delegate",
    "negotiator",
    "economist",
    "activist",
    "author",
    "journalist",
    "reporter",
    "editor",
    "member",
    "man",
    "woman",
    "men",
    "women",
    "people",
    "police",
    "spokespeople",
    "observer",
    "critic",
];

/// Determiners and the like: capitalised at a sentence's start, but no sign of a name.
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "some", "many", "most", "other", "several", "both", "each", "one", "another", "such",
];

pub(super) fn lower_in(list: &[&str], word: &str) -> bool {
    // Asked of most words of the body: an ASCII word is compared as it is lowered, without a
    // lowered copy.
    if word.is_ascii() {
        return list.iter().any(|w| {
            w.len() == word.len()
                && w.bytes()
                    .zip(word.bytes())
                    .all(|(a, b)| a == b.to_ascii_lowercase())
        });
    }
    list.contains(&&*lowercase(word))
}

fn attribute(
    text: &str,
    paras: &[Span],
    sentences: &[Vec<Span>],
    f: &Found,
    previous: Option<&Found>,
    following: Option<&Found>,
) -> Option<Attribution> {
    let open_para = paras[f.first_para];
    let open_sents = &sentences[f.first_para];
    // Sentences are sorted: a binary search keeps a paragraph of many quotations linear.
    let open_index = open_sents
        .partition_point(|s| s.start <= f.start)
        .checked_sub(1);
    let open_sentence = open_index.map_or(open_para, |i| open_sents[i]);

    let close_sents = &sentences[f.last_para];
    let close_probe = f.end.saturating_sub(1);
    let close_sentence = close_sents
        .partition_point(|s| s.start <= close_probe)
        .checked_sub(1)
        .map_or(paras[f.last_para], |i| close_sents[i]);

    // 1. After the closing mark, in the same sentence, before any next quotation.
    let after_end = following
        .filter(|n| n.first_para == f.last_para)
        .map_or(close_sentence.end, |n| n.start.min(close_sentence.end));
    let found = if f.end < after_end {
        cue_after(text, Span::new(f.end, after_end)).map(|a| Attribution {
            rule: Rule::CueAfter,
            ..a
        })
    } else {
        None
    };

    // 2 and 3. Before the opening mark, in the same sentence (`He suggested …“`, `said: “`).
    let found = found.or_else(|| {
        let floor = previous
            .filter(|p| p.last_para == f.first_para)
            .map_or(open_sentence.start, |p| p.end.max(open_sentence.start));
        if floor >= f.start {
            return None;
        }
        let region = Span::new(floor, f.start);
        let cue = *cues_in(text, region).last()?;
        Some(Attribution {
            rule: Rule::CueBefore,
            ..attribution_for(text, region, cue, Side::Before)
        })
    });

    // 4. The previous sentence ended with a cue and a colon.
    let found = found.or_else(|| {
        let prev_sentence = match open_index {
            Some(i) if i > 0 => open_sents.get(i - 1).copied(),
            Some(_) => f
                .first_para
                .checked_sub(1)
                .and_then(|p| sentences[p].last().copied()),
            None => None,
        }?;
        if !prev_sentence.slice(text).trim_end().ends_with(':') {
            return None;
        }
        let cue = *cues_in(text, prev_sentence).last()?;
        Some(Attribution {
            rule: Rule::ColonBefore,
            ..attribution_for(text, prev_sentence, cue, Side::Before)
        })
    });

    let mut attribution = found?;
    if let Some(speaker) = attribution.speaker {
        let pronoun = speaker.slice(text).to_lowercase();
        if PRONOUNS.contains(&pronoun.as_str()) {
            let singular = matches!(pronoun.as_str(), "he" | "she");
            let place = Place {
                para: f.first_para,
                sentence: open_index,
            };
            if let Some((earlier, how)) = earlier_speaker(text, sentences, place, singular) {
                attribution.speaker = Some(earlier);
                attribution.pronoun = Some((speaker, how));
            }
        }
    }
    Some(attribution)
}

/// Pattern 1: `“…,” he said`, `“…,” said Putin`, `“…” the minister added`.
fn cue_after(text: &str, region: Span) -> Option<Attribution> {
    // The cue must come soon after the quotation to belong to it.
    let near = words_in(text, region)
        .nth(9)
        .map_or(region.end, |w| w.start);
    let cue = *cues_in(text, Span::new(region.start, near)).first()?;
    Some(attribution_for(text, region, cue, Side::After))
}

/// Where the cue stands relative to the quotation it attributes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Side {
    /// `“…,” said X`: the phrase after the verb is the speaker when no subject precedes it.
    After,
    /// `X said …“`: the phrase after the verb is usually what was said (`said it was “…”`),
    /// so it names the speaker only in the inverted forms `said X:` and `said X,`.
    Before,
}

fn attribution_for(text: &str, region: Span, cue: Cue, side: Side) -> Attribution {
    let after = || {
        noun_phrase_after(text, cue.span.end, region.end)
            .filter(|&p| side == Side::After || is_inverted(text, p, region.end))
    };
    let speaker = match cue.kind {
        CueKind::According => after(),
        CueKind::Told => subject_before(text, region.start, cue.span),
        CueKind::Verb => subject_before(text, region.start, cue.span).or_else(after),
    };
    Attribution {
        speaker: speaker.filter(|&s| !is_implausible_speaker(text, s)),
        cue,
        rule: Rule::CueBefore,
        pronoun: None,
    }
}

/// After the phrase that follows the cue comes a colon or comma (`said Jane Roe, “…`), maybe
/// after a time (`said Jane Roe on Monday:`), or the sentence's end: the inverted order.
fn is_inverted(text: &str, phrase: Span, end: usize) -> bool {
    let rest = Span::new(phrase.end, end.max(phrase.end))
        .slice(text)
        .trim();
    if rest.is_empty()
        || rest.starts_with([':', ','])
        || rest
            .chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '…') || is_closing_mark(c))
    {
        return true;
    }
    let first = rest.split_whitespace().next().unwrap_or("");
    lower_in(AFTER_STOPS, first) && rest.ends_with([':', ','])
}

/// Words that show a candidate speaker is really a clause (`it was`, `the plan would`).
const VERB_WORDS: &[&str] = &[
    "was", "were", "is", "are", "am", "be", "been", "being", "had", "has", "have", "would", "will",
    "could", "can", "should", "must", "might", "did", "does", "wo", "ca",
];

/// Words that cannot start a speaker's name: dummy subjects and object pronouns.
const NOT_SPEAKER_STARTS: &[&str] = &[
    "it", "there", "that", "this", "him", "them", "us", "me", "which", "what", "who", "whom",
];

fn is_implausible_speaker(text: &str, span: Span) -> bool {
    let words = word_spans(text, span);
    let starts_badly = words
        .first()
        .is_some_and(|w| lower_in(NOT_SPEAKER_STARTS, w.slice(text)));
    // `her` alone is an object (`told her`); before a noun it is a determiner (`her lawyer`).
    let lone_her = words.len() == 1 && span.slice(text).eq_ignore_ascii_case("her");
    starts_badly || lone_her || words.iter().any(|w| lower_in(VERB_WORDS, w.slice(text)))
}

fn cues_in(text: &str, region: Span) -> Vec<Cue> {
    let words = word_spans(text, region);
    let mut cues = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = words[i].slice(text);
        // Cue verbs are lowercase; a capital is allowed only where a sentence starts, so that
        // `the United States` or `Says Law` is not read as a cue.
        let usable = word.starts_with(char::is_lowercase)
            || (is_capitalised_word(word) && starts_sentence_at(text, words[i].start));
        if !usable {
            i += 1;
            continue;
        }
        let word = lowercase(word);
        if word == "according" {
            if let Some(to) = words.get(i + 1) {
                let gap = Span::new(words[i].end, to.start).slice(text);
                if to.slice(text) == "to" && gap.chars().all(char::is_whitespace) {
                    cues.push(Cue {
                        span: Span::new(words[i].start, to.end),
                        kind: CueKind::According,
                    });
                    i += 2;
                    continue;
                }
            }
        } else if CUE_VERBS.contains(&&*word) {
            let kind = if matches!(&*word, "told" | "tells" | "tell") {
                CueKind::Told
            } else {
                CueKind::Verb
            };
            cues.push(Cue {
                span: words[i],
                kind,
            });
        }
        i += 1;
    }
    cues
}

/// `Said` but not `SAID` or `McSaid`: one capital, then lowercase.
fn is_capitalised_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

/// Whether the word at `at` opens a sentence or a quoted passage: only white space, a
/// sentence's final punctuation, a colon or a quotation mark comes before it.
fn starts_sentence_at(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|before| before.trim_end().chars().next_back())
        .is_none_or(|c| {
            matches!(c, '.' | '!' | '?' | '…' | ':') || is_opening_quote(c) || is_closing_mark(c)
        })
}

/// Punctuation that separates clauses. Full stops are not among them: inside one sentence they
/// belong to abbreviations (`U.S. officials said`).
fn is_clause_break(chars: &[(usize, char)], k: usize) -> bool {
    let c = chars[k].1;
    if c == '-' {
        // A hyphen is a dash only with space around it; `high-tech` is one word.
        let spaced = |i: Option<usize>| {
            i.and_then(|i| chars.get(i))
                .is_none_or(|&(_, n)| n.is_whitespace())
        };
        return spaced(k.checked_sub(1)) && spaced(Some(k + 1));
    }
    matches!(
        c,
        ',' | ';'
            | ':'
            | '('
            | ')'
            | '['
            | ']'
            | '!'
            | '?'
            | '…'
            | '“'
            | '”'
            | '"'
            | '«'
            | '»'
            | '„'
    ) || is_dash(c)
}

/// The last clause break in `segment`: where the text after it starts, and the break's char
/// with its offset.
fn last_clause_break(text: &str, segment: Span) -> (usize, Option<(usize, char)>) {
    let chars: Vec<(usize, char)> = segment
        .slice(text)
        .char_indices()
        .map(|(i, c)| (segment.start + i, c))
        .collect();
    (0..chars.len())
        .rev()
        .find(|&k| is_clause_break(&chars, k))
        .map_or((segment.start, None), |k| {
            let (pos, c) = chars[k];
            (pos + c.len_utf8(), Some((pos, c)))
        })
}

/// Most appositives a subject may carry: `Jane Roe, 45, a lecturer at the college, said`.
const MAX_APPOSITIVES: usize = 2;

/// The subject of the cue verb: the words before it back to a clause boundary, without the
/// adverbs and auxiliaries in between (`He also suggested` gives "He"). When the verb directly
/// follows a comma, the comma closes an appositive (`Jane Roe, a lecturer at the college,
/// said`), and the subject is the phrase before the appositive.
fn subject_before(text: &str, bound: usize, cue: Span) -> Option<Span> {
    let bound = bound.min(cue.start);
    let mut end = cue.start;
    for _ in 0..=MAX_APPOSITIVES {
        let (from, brk) = last_clause_break(text, Span::new(bound, end));
        let words = word_spans(text, Span::new(from, end));
        let skipped = end < cue.start;
        // After one appositive, an age or an indefinite description between commas is
        // another (`Jane Roe, 45, a teacher, said`).
        let another = skipped
            && matches!(brk, Some((_, ',')))
            && words.first().is_some_and(|w| {
                let word = w.slice(text);
                word.chars().all(|c| c.is_ascii_digit()) || matches!(word, "a" | "an")
            });
        if !words.is_empty() && !another {
            return subject_phrase(text, &words);
        }
        if let (true, Some((comma, _))) = (another, brk) {
            end = comma;
            continue;
        }
        let (close, ',') = brk? else {
            return None;
        };
        let (inner_from, opener) = last_clause_break(text, Span::new(bound, close));
        let (open, ',') = opener? else {
            return None;
        };
        let appositive = Span::new(inner_from, close);
        let size = words_in(text, appositive).count();
        if size == 0 || size > 12 || !cues_in(text, appositive).is_empty() {
            return None;
        }
        end = open;
    }
    None
}

/// The subject among `words` (those between a clause break and the verb): after the last
/// clause word, without fillers or a trailing time (`The council on Sunday`).
fn subject_phrase(text: &str, words: &[Span]) -> Option<Span> {
    let first = words
        .iter()
        .rposition(|w| lower_in(CLAUSE_WORDS, w.slice(text)))
        .map_or(0, |i| i + 1);
    let mut words = &words[first..];
    words = &words[..time_adjunct_start(text, words)];
    while let Some((last, rest)) = words.split_last() {
        if !is_filler(last.slice(text)) {
            break;
        }
        words = rest;
    }
    while let Some((head, rest)) = words.split_first() {
        if !is_filler(head.slice(text)) {
            break;
        }
        words = rest;
    }
    phrase(words)
}

/// Words naming a time (besides weekdays and months), which end a subject when a preposition
/// introduces them.
const TIME_WORDS: &[&str] = &[
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "weekend",
    "month",
    "year",
    "statement",
    "interview",
    "letter",
    "speech",
    "a",
    "an",
    "the",
    "its",
    "his",
    "her",
    "their",
    "recent",
    "late",
    "early",
];

/// Where a trailing time or setting starts in a subject (`on Sunday`, `last week`,
/// `yesterday`, `in a statement`), or `words.len()` if there is none. The first word is
/// never cut.
fn time_adjunct_start(text: &str, words: &[Span]) -> usize {
    let lower: Vec<String> = words.iter().map(|w| w.slice(text).to_lowercase()).collect();
    (1..lower.len())
        .find(|&i| {
            let word = lower[i].as_str();
            let next = lower.get(i + 1).map(String::as_str);
            matches!(word, "yesterday" | "today" | "tonight" | "earlier")
                || (matches!(
                    word,
                    "on" | "in" | "at" | "last" | "this" | "late" | "early"
                ) && next.is_some_and(|n| {
                    TIME_WORDS.contains(&n) || n.ends_with("day") || is_month(n) || is_weekday(n)
                }))
        })
        .unwrap_or(words.len())
}

/// The speaker named after the cue (`said Putin`, `according to the ministry`), up to
/// punctuation or a word that starts something else.
fn noun_phrase_after(text: &str, from: usize, to: usize) -> Option<Span> {
    let segment = Span::new(from, to.max(from));
    let body = segment.slice(text);
    let chars: Vec<(usize, char)> = body
        .char_indices()
        .map(|(i, c)| (segment.start + i, c))
        .collect();
    let mut limit = segment.end;
    for k in 0..chars.len() {
        let (pos, c) = chars[k];
        // Inside one sentence a full stop ends the phrase only if nothing follows it.
        let final_stop = c == '.'
            && chars[k + 1..]
                .iter()
                .all(|&(_, n)| n.is_whitespace() || n == '.' || is_closing_mark(n));
        if final_stop || is_clause_break(&chars, k) {
            limit = pos;
            break;
        }
    }
    let words = word_spans(text, Span::new(segment.start, limit));
    let end = words
        .iter()
        .position(|w| {
            let s = w.slice(text);
            lower_in(CLAUSE_WORDS, s) || lower_in(AFTER_STOPS, s)
        })
        .unwrap_or(words.len());
    phrase(&words[..end])
}

fn phrase(words: &[Span]) -> Option<Span> {
    match (words.first(), words.last()) {
        (Some(first), Some(last)) if words.len() <= 8 => Some(Span::new(first.start, last.end)),
        _ => None,
    }
}

fn is_filler(word: &str) -> bool {
    // Lowercase -ly words are adverbs; capitalised ones may be names (Italy, Reilly).
    lower_in(FILLERS, word)
        || (word.len() > 4 && word.ends_with("ly") && word.starts_with(|c: char| c.is_lowercase()))
}

/// How many paragraphs before a quotation's own one may name the person a pronoun stands for.
const PRONOUN_REACH: usize = 3;

/// Where a quotation opens: its paragraph and, if known, its sentence there.
#[derive(Clone, Copy)]
struct Place {
    para: usize,
    sentence: Option<usize>,
}

/// How a pronoun speaker was resolved, for the explanation.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Resolution {
    /// The subject of an earlier cue verb (`Jane Roe said …`).
    CueSubject,
    /// The capitalised subject that opens an earlier sentence (`Mayor Jane Roe opened …`).
    SentenceSubject,
}

/// Most sentences a pronoun looks back through for its speaker; also keeps long paragraphs of
/// quotations linear.
const MAX_PRONOUN_LOOKBACK: usize = 20;

/// The person a pronoun speaker most likely stands for: going back sentence by sentence
/// through the quotation's paragraph and up to [`PRONOUN_REACH`] paragraphs before it (at most
/// [`MAX_PRONOUN_LOOKBACK`] sentences), the first full-phrase subject of a cue verb or, for `he`
/// and `she`, the first capitalised person-like subject that opens a sentence.
fn earlier_speaker(
    text: &str,
    sentences: &[Vec<Span>],
    place: Place,
    singular: bool,
) -> Option<(Span, Resolution)> {
    let own = sentences.get(place.para)?;
    let here = &own[..place.sentence.unwrap_or(0).min(own.len())];
    let lowest = place.para.saturating_sub(PRONOUN_REACH);
    let before = (lowest..place.para)
        .rev()
        .filter_map(|p| sentences.get(p))
        .flat_map(|v| v.iter().rev());
    here.iter()
        .rev()
        .chain(before)
        .take(MAX_PRONOUN_LOOKBACK)
        .find_map(|&s| {
            let cues = cues_in(text, s);
            let cue_subject = cues.iter().rev().find_map(|&cue| {
                let speaker = attribution_for(text, s, cue, Side::Before).speaker?;
                let words = speaker.slice(text);
                (!lower_in(PRONOUNS, words) && is_speaker_like(text, speaker)).then_some(speaker)
            });
            cue_subject
                .map(|c| (c, Resolution::CueSubject))
                .or_else(|| {
                    // A sentence with a cue whose subject could not be read names someone in a
                    // way this rule would only cut short.
                    (singular && cues.is_empty())
                        .then(|| sentence_subject(text, s))
                        .flatten()
                        .map(|c| (c, Resolution::SentenceSubject))
                })
        })
}

/// Capitalised words that open sentences without naming anyone.
const NOT_SUBJECT_STARTS: &[&str] = &[
    "in",
    "on",
    "at",
    "but",
    "and",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "for",
    "according",
    "however",
    "meanwhile",
    "yesterday",
    "today",
    "last",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "there",
    "here",
    "what",
    "why",
    "how",
    "then",
    "now",
    "since",
    "during",
    "with",
    "by",
    "from",
    "under",
    "although",
    "so",
    "yet",
    "still",
    "no",
    "not",
    "all",
];

/// The name that opens a sentence as its subject (`Mayor Jane Roe opened the library.`):
/// two to five capitalised words followed by a lowercase word.
fn sentence_subject(text: &str, sentence: Span) -> Option<Span> {
    let words = word_spans(text, sentence);
    let first = words.first()?;
    let lead = Span::new(sentence.start, first.start).slice(text);
    if !lead.chars().all(char::is_whitespace) {
        return None;
    }
    let first_word = first.slice(text);
    if lower_in(NOT_NAMES, first_word) || lower_in(NOT_SUBJECT_STARTS, first_word) {
        return None;
    }
    let run = words
        .iter()
        .take_while(|w| {
            let word = w.slice(text);
            word.starts_with(char::is_uppercase) && !word.ends_with("'s") && !word.ends_with("’s")
        })
        .count();
    if !(2..=5).contains(&run) {
        return None;
    }
    let (last, next) = (words.get(run - 1)?, words.get(run)?);
    // Punctuation inside the run (`Roe, Chair`, `Analysis: Roe`) means it is no single name.
    let plain_gaps = words[..=run].windows(2).all(|pair| {
        Span::new(pair[0].end, pair[1].start)
            .slice(text)
            .chars()
            .all(char::is_whitespace)
    });
    // `Springfield police spokesman Jane Roe`: the name goes on past the lowercase word.
    let title_next = lower_in(SPEAKER_NOUNS, next.slice(text));
    if !plain_gaps || title_next || !next.slice(text).starts_with(char::is_lowercase) {
        return None;
    }
    let span = Span::new(first.start, last.end);
    is_speaker_like(text, span).then_some(span)
}

/// A phrase that could name whoever spoke: a capitalised name or a word for a person.
/// Keeps "The agreement suggested" from standing in for "He".
fn is_speaker_like(text: &str, span: Span) -> bool {
    word_spans(text, span).iter().any(|w| {
        let word = w.slice(text);
        let lower = lowercase(word);
        let singular = lower.strip_suffix('s').unwrap_or(&lower);
        SPEAKER_NOUNS.contains(&&*lower)
            || SPEAKER_NOUNS.contains(&singular)
            || (word.starts_with(char::is_uppercase) && !NOT_NAMES.contains(&&*lower))
    })
}

/// `so-called “reformers”`: a short quotation that labels rather than quotes.
fn is_scare_quote(text: &str, para: Span, start: usize) -> bool {
    let before = Span::new(para.start, start.max(para.start));
    // The word just before the mark, with only white space between: a letter or digit ends
    // every word. Only then are the last two words read, from the mark backwards.
    if !before
        .slice(text)
        .trim_end()
        .ends_with(char::is_alphanumeric)
    {
        return false;
    }
    let words = last_words(text, before, 2);
    let last = |n: usize| {
        words
            .len()
            .checked_sub(n)
            .and_then(|i| words.get(i))
            .map(|w| w.slice(text).to_lowercase())
    };
    let adjacent = words.last().is_some_and(|w| {
        Span::new(w.end, start)
            .slice(text)
            .chars()
            .all(char::is_whitespace)
    });
    adjacent
        && (matches!(
            last(1).as_deref(),
            Some("so-called" | "called" | "dubbed" | "termed" | "labelled" | "labeled" | "branded")
        ) || (last(1).as_deref() == Some("as") && last(2).as_deref() == Some("known")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::testing::Lcg;

    /// Paragraphs are separated by blank lines, as in the plain-text input.
    fn paragraphs(text: &str) -> Vec<Span> {
        let mut spans = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices("\n\n") {
            spans.push(Span::new(start, i).trim(text));
            start = i + 2;
        }
        spans.push(Span::new(start, text.len()).trim(text));
        spans.retain(|s| !s.is_empty());
        spans
    }

    type Row<'a> = (&'a str, &'a [(&'a str, Option<&'a str>, Option<&'a str>)]);

    #[test]
    fn finds_and_attributes_quotations() {
        let rows: &[Row] = &[
            // Mark kinds.
            ("“We will win this war,” he said.", &[("We will win this war,", Some("he"), Some("said"))]),
            ("\"We will win this war,\" said Putin.", &[("We will win this war,", Some("Putin"), Some("said"))]),
            ("«Nous allons gagner cette guerre», dit-il.", &[("Nous allons gagner cette guerre", None, None)]),
            ("„Wir werden das schaffen“, sagte sie.", &[("Wir werden das schaffen", None, None)]),
            // Pattern 1: cue after the quotation.
            (
                "“Russia is a reliable partner,” Putin told reporters on Monday.",
                &[("Russia is a reliable partner,", Some("Putin"), Some("told"))],
            ),
            (
                "“The talks went well” the minister added.",
                &[("The talks went well", Some("the minister"), Some("added"))],
            ),
            (
                "“It is over,” said the Russian foreign minister on Tuesday.",
                &[("It is over,", Some("the Russian foreign minister"), Some("said"))],
            ),
            (
                "“It is over,” said Gen. Ivanov, who led the talks.",
                &[("It is over,", Some("Gen. Ivanov"), Some("said"))],
            ),
            (
                "“This will not stand,” U.S. Secretary of State Helen Marsh warned.",
                &[("This will not stand,", Some("U.S. Secretary of State Helen Marsh"), Some("warned"))],
            ),
            (
                "“Go!” he said. “Now?” she asked.",
                &[("Go!", Some("he"), Some("said")), ("Now?", Some("she"), Some("asked"))],
            ),
            // Pattern 2: cue before the quotation.
            (
                "He also suggested that Moscow hoped to help Iran “develop high-tech industries.”",
                &[("develop high-tech industries.", Some("He"), Some("suggested"))],
            ),
            (
                "According to the council, “the plant will open next year.”",
                &[("the plant will open next year.", Some("the council"), Some("According to"))],
            ),
            (
                "The minister has repeatedly insisted that “nothing has changed at all.”",
                &[("nothing has changed at all.", Some("The minister"), Some("insisted"))],
            ),
            // Pattern 3: colon.
            (
                "Putin said: “We are ready to help.”",
                &[("We are ready to help.", Some("Putin"), Some("said"))],
            ),
            // Pattern 4: the previous sentence ends with a cue and a colon.
            (
                "The statement from the Kremlin said:\n\n“Cooperation will continue in every field.”",
                &[("Cooperation will continue in every field.", Some("The statement from the Kremlin"), Some("said"))],
            ),
            // Two quotations around one cue.
            (
                "“We came,” said Putin, “and we stayed for good.”",
                &[
                    ("We came,", Some("Putin"), Some("said")),
                    ("and we stayed for good.", Some("Putin"), Some("said")),
                ],
            ),
            // Pronoun resolution to an earlier sentence, then the paragraph before.
            (
                "At the center, meanwhile, a top Russian aerospace official said that the visit mattered. He also suggested that Moscow hoped to help Iran “develop high-tech industries and more.”",
                &[("develop high-tech industries and more.", Some("a top Russian aerospace official"), Some("suggested"))],
            ),
            (
                "Foreign Minister Igor Ivanov told the Duma the deal was signed.\n\n“It is a good deal for both sides,” he said.",
                &[("It is a good deal for both sides,", Some("Foreign Minister Igor Ivanov"), Some("said"))],
            ),
            (
                "The agreement suggested a thaw.\n\n“It is a good deal for both sides,” he said.",
                &[("It is a good deal for both sides,", Some("he"), Some("said"))],
            ),
            // Multi-paragraph quotation.
            (
                "“We will build the second reactor,\n\n“and we will finish the first one on time,” the minister said.",
                &[(
                    "We will build the second reactor, and we will finish the first one on time,",
                    Some("the minister"),
                    Some("said"),
                )],
            ),
            (
                "\"First part of it\n\n\"second part of it,\" she said.",
                &[("First part of it second part of it,", Some("she"), Some("said"))],
            ),
            // Never closed: closed at the paragraph's end.
            ("He said “this never ends and goes on", &[("this never ends and goes on", Some("He"), Some("said"))]),
            (
                "“Open at the end of one paragraph\n\nNext paragraph without a mark.",
                &[("Open at the end of one paragraph", None, None)],
            ),
            // Single quotes and apostrophes.
            (
                "Khatami’s visit and Moscow’s plans were discussed at length today.",
                &[],
            ),
            (
                "He called it ‘a new stage in our relations’ yesterday.",
                &[("a new stage in our relations", None, None)],
            ),
            (
                "“He told me ‘never again’ and left the room,” she recalled.",
                &[("He told me ‘never again’ and left the room,", Some("she"), Some("recalled"))],
            ),
            ("The ‘90s were a hard decade for the Russian space industry.", &[]),
            ("Students at the workers’ college protested in the streets.", &[]),
            (
                "He is 6'2\" tall. \"We won the game,\" he said.",
                &[("We won the game,", Some("he"), Some("said"))],
            ),
            // Scare quotes are dropped, short attributed quotes are kept.
            ("The so-called “reformers” lost the vote.", &[]),
            ("The “reformers” lost the vote.", &[]),
            ("“No,” he said.", &[("No,", Some("he"), Some("said"))]),
            // Appositives, inverted cues, time adjuncts and capitalised non-cues.
            (
                "Jane Roe, 45, a teacher, said it was “a day to remember for all of us”.",
                &[("a day to remember for all of us", Some("Jane Roe"), Some("said"))],
            ),
            (
                "The board on Monday said it would “look again at every single case”.",
                &[("look again at every single case", Some("The board"), Some("said"))],
            ),
            (
                "She said the United States would “stand firm on this for years”.",
                &[("stand firm on this for years", Some("She"), Some("said"))],
            ),
            // A pronoun resolved to a sentence's named subject; a follow-on quotation.
            (
                "Mayor Jane Roe opened the library.\n\n“It is a place for everyone,” she said.\n\n“Come and read with us.”",
                &[
                    ("It is a place for everyone,", Some("Mayor Jane Roe"), Some("said")),
                    ("Come and read with us.", Some("Mayor Jane Roe"), None),
                ],
            ),
            // Mark pairing by context.
            ("The plan was approved.\" The council met on Friday.", &[]),
            (
                "He said it was “ready for all that comes with it“. The river rose.",
                &[("ready for all that comes with it", Some("He"), Some("said"))],
            ),
            // Non-cue verbs do not attribute.
            ("He hoped that “the talks would succeed in the end.”", &[("the talks would succeed in the end.", None, None)]),
            ("", &[]),
            ("“”", &[]),
        ];
        let mut failures = Vec::new();
        for (input, expected) in rows {
            let got = find_quotations(input, &paragraphs(input));
            let got: Vec<(&str, Option<&str>, Option<&str>)> = got
                .iter()
                .map(|q| (q.text.as_str(), q.speaker.as_deref(), q.cue.as_deref()))
                .collect();
            if got != *expected {
                failures.push(format!("{input:?}\n   got {got:?}\n  want {expected:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn spans_include_marks_and_point_at_the_words() {
        let text = "Intro.\n\nAt the center, a top official said the visit mattered. He also suggested that “the plan works well.” Then.";
        let qs = find_quotations(text, &paragraphs(text));
        assert_eq!(qs.len(), 1);
        let q = &qs[0];
        assert_eq!(
            Span::new(q.start, q.end).slice(text),
            "“the plan works well.”"
        );
        let speaker = q.speaker_span.unwrap_or_default();
        assert_eq!(speaker.slice(text), "a top official");
        assert_eq!(q.speaker.as_deref(), Some("a top official"));
        let cue = q.cue_span.unwrap_or_default();
        assert_eq!(cue.slice(text), "suggested");
        assert!(
            cue.start > speaker.end,
            "the cue is the one in the quotation's sentence"
        );
    }

    #[test]
    fn multi_paragraph_span_runs_from_first_to_last_mark() {
        let text = "“One two three\n\n“four five six.” Done.";
        let qs = find_quotations(text, &paragraphs(text));
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].start, 0);
        assert_eq!(
            Span::new(qs[0].start, qs[0].end).slice(text),
            "“One two three\n\n“four five six.”"
        );
    }

    #[test]
    fn property_no_panics_and_well_formed_spans() {
        const PIECES: &[&str] = &[
            "a",
            "B",
            "é",
            "“",
            "”",
            "’",
            "‘",
            "\"",
            "–",
            "…",
            ".",
            "?",
            "!",
            "(",
            ")",
            " ",
            " ",
            "\n",
            "\n\n",
            "said",
            "He",
            "he",
            " told ",
            "according to",
            ",",
            ":",
            "«",
            "»",
            "„",
            "St.",
            "Putin",
            "x’s",
        ];
        let mut rng = Lcg(11);
        for round in 0..4000 {
            let len = (rng.next() % 70) as usize;
            let text = rng.text(PIECES, len);
            let mut paras = paragraphs(&text);
            if round % 3 == 0 {
                // Arbitrary, possibly broken spans must not panic either.
                let a = (rng.next() as usize) % (text.len() + 4);
                let b = (rng.next() as usize) % (text.len() + 4);
                paras.push(Span::new(a, b));
                paras.insert(0, Span::new(b, a));
            }
            let qs = find_quotations(&text, &paras);
            let mut last_end = 0;
            for q in &qs {
                assert!(
                    text.get(q.start..q.end).is_some(),
                    "round {round}: {text:?}"
                );
                assert!(
                    q.start < q.end && q.start >= last_end,
                    "round {round}: {text:?}"
                );
                last_end = q.end;
                for (span, string) in [(q.speaker_span, &q.speaker), (q.cue_span, &q.cue)] {
                    assert_eq!(span.is_some(), string.is_some());
                    if let (Some(span), Some(string)) = (span, string) {
                        assert!(
                            text.get(span.start..span.end).is_some(),
                            "round {round}: {text:?}"
                        );
                        assert_eq!(span.slice(&text), string);
                    }
                }
            }
        }
    }

    #[test]
    fn reusing_the_callers_sentences_gives_the_same_quotations() {
        let texts = [
            "“We will rebuild,” Roe said.\n\n“Nobody will be left behind.”",
            "He said: “One.\n\n“Two.”",
            "No quotations here. None at all.",
        ];
        for text in texts {
            let paras = paragraphs(text);
            let sentences: Vec<Vec<Span>> =
                paras.iter().map(|&p| split_sentences(text, p)).collect();
            assert_eq!(
                find_quotations_with_sentences(text, &paras, &sentences),
                find_quotations(text, &paras),
                "{text:?}"
            );
        }
        // Mismatched sentence lists are not trusted.
        assert_eq!(
            find_quotations_with_sentences(texts[0], &paragraphs(texts[0]), &[]),
            find_quotations(texts[0], &paragraphs(texts[0]))
        );
    }
}
