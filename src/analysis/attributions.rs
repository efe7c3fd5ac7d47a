//! Attributions outside quotation marks (pass **quotations**): the cues by which a news story
//! says who a claim comes from when it does not quote them — `X said that …`, `according to X`,
//! `reports said`, `reportedly`.
//!
//! Lexical and sentence-bound: a cue word, and its source read back from the cue to the nearest
//! clause word or punctuation within the sentence (at most [`MAX_SOURCE_WORDS`] words), or
//! forward after `according to` and in the inverted order (`…, said Mayor Jane Roe.`). A cue a
//! quotation already carries (its `cue_span`) or a cue inside quoted words is left to the
//! quotation. Linear in the text: each sentence is read once, each cue looks at most
//! [`MAX_SOURCE_WORDS`] words around it.

use serde::{Deserialize, Serialize};

use super::quotations::{lower_in, AFTER_STOPS, CLAUSE_WORDS, FILLERS, PRONOUNS};
use super::rules::{RuleHit, RuleId, RuleSet};
use super::text::{SentenceWords, Span};
use super::Quotation;

/// A claim's source named (or left unnamed) outside quotation marks.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The cue as written: "said", "according to", "reportedly".
    pub cue: String,
    pub cue_span: Span,
    /// Who or what the claim is credited to, as written; `None` for a bare `reportedly`.
    pub source: Option<String>,
    pub source_span: Option<Span>,
    /// The rule that found it.
    pub rule: RuleId,
}

/// The longest source phrase read around a cue.
pub const MAX_SOURCE_WORDS: usize = 8;

/// Verbs that credit a claim to their subject. Narrower than the quotation cues: a verb such as
/// "suggested" or "asked" credits a claim only when it introduces quoted words.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "stated",
    "claimed",
    "claims",
    "complained",
    "warned",
    "insisted",
];

/// Adverbs that hedge a claim without naming anyone.
const HEDGES: &[&str] = &["reportedly", "allegedly", "purportedly", "supposedly"];

/// Forms of "be" that turn a speech verb into a hedge: "is said to", "were told".
const BE_FORMS: &[&str] = &["is", "was", "were", "are", "be", "been", "being"];

/// Words that end a subject read back from its verb when they are its last word: "the said
/// agreement" has no subject.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "its", "his", "her", "their",
];

/// Every attribution in the body's sentences, in text order, with the rule hits that found them.
pub fn find(
    text: &str,
    sentence_words: &SentenceWords,
    quotations: &[Quotation],
    rules: &RuleSet,
) -> (Vec<Attribution>, Vec<RuleHit>) {
    let quoted: Vec<Span> = quotations
        .iter()
        .map(|q| Span::new(q.start, q.end))
        .collect();
    let carried: Vec<Span> = quotations.iter().filter_map(|q| q.cue_span).collect();
    let left_to_quotations = |cue: Span| {
        carried
            .iter()
            .any(|c| c.start < cue.end && cue.start < c.end)
            || quoted
                .iter()
                .any(|q| q.start <= cue.start && cue.end <= q.end)
    };
    let mut found = Vec::new();
    for words in sentence_words.each() {
        for (i, &word) in words.iter().enumerate() {
            let Some(attribution) = attribution_at(text, words, i, rules) else {
                continue;
            };
            if word.start == attribution.cue_span.start && !left_to_quotations(attribution.cue_span)
            {
                found.push(attribution);
            }
        }
    }
    let hits = found
        .iter()
        .map(|a| RuleHit {
            rule: a.rule,
            span: a.cue_span,
        })
        .collect();
    (found, hits)
}

/// The attribution whose cue starts at word `i`, if any.
fn attribution_at(text: &str, words: &[Span], i: usize, rules: &RuleSet) -> Option<Attribution> {
    let word = words[i].slice(text);
    let next_is = |w: &str| {
        words
            .get(i + 1)
            .is_some_and(|n| n.slice(text).eq_ignore_ascii_case(w))
            && !punctuated(text, words[i], words[i + 1])
    };
    if word.eq_ignore_ascii_case("according") && next_is("to") {
        if !rules.enabled(RuleId::AttributionAccordingTo) {
            return None;
        }
        let cue_span = Span::new(words[i].start, words[i + 1].end);
        let source = phrase_after(text, words, i + 2, &[])?;
        return Some(attribution(
            text,
            cue_span,
            Some(source),
            RuleId::AttributionAccordingTo,
        ));
    }
    if lower_in(HEDGES, word) {
        return rules
            .enabled(RuleId::AttributionHedge)
            .then(|| attribution(text, words[i], None, RuleId::AttributionHedge));
    }
    if !lower_in(SPEECH_VERBS, word) {
        return None;
    }
    let before = i.checked_sub(1).map(|k| words[k]);
    if before.is_some_and(|b| lower_in(BE_FORMS, b.slice(text)) && !punctuated(text, b, words[i])) {
        // "is said to", "was told": a hedge with no one named.
        return rules
            .enabled(RuleId::AttributionHedge)
            .then(|| attribution(text, words[i], None, RuleId::AttributionHedge));
    }
    if !rules.enabled(RuleId::AttributionSpeechVerb) {
        return None;
    }
    let source = subject_before(text, words, i).or_else(|| {
        phrase_after(text, words, i + 1, AFTER_STOPS).filter(|s| capitalised(text, *s))
    })?;
    Some(attribution(
        text,
        words[i],
        Some(source),
        RuleId::AttributionSpeechVerb,
    ))
}

fn attribution(text: &str, cue_span: Span, source: Option<Span>, rule: RuleId) -> Attribution {
    Attribution {
        cue: cue_span.slice(text).to_string(),
        cue_span,
        source: source.map(|s| s.slice(text).to_string()),
        source_span: source,
        rule,
    }
}

/// Whether punctuation stands between two words: a clause or a list ends there.
fn punctuated(text: &str, left: Span, right: Span) -> bool {
    text.get(left.end..right.start)
        .is_none_or(|gap| gap.chars().any(|c| !c.is_whitespace()))
}

/// The subject of the verb at word `i`: the words before it back to a clause word, a pronoun
/// or punctuation, past adverbs and auxiliaries ("He also said", "Roe had said").
fn subject_before(text: &str, words: &[Span], i: usize) -> Option<Span> {
    let mut k = i;
    while k > 0
        && lower_in(FILLERS, words[k - 1].slice(text))
        && !punctuated(text, words[k - 1], words[k])
    {
        k -= 1;
    }
    let end = k;
    while k > 0 && end - k < MAX_SOURCE_WORDS && !punctuated(text, words[k - 1], words[k]) {
        let word = words[k - 1].slice(text);
        if lower_in(CLAUSE_WORDS, word) {
            break;
        }
        k -= 1;
        if lower_in(PRONOUNS, word) {
            break;
        }
    }
    if k == end || lower_in(DETERMINERS, words[end - 1].slice(text)) {
        return None;
    }
    Some(Span::new(words[k].start, words[end - 1].end))
}

/// The words from word `from` to punctuation or a stop word, at most [`MAX_SOURCE_WORDS`].
fn phrase_after(text: &str, words: &[Span], from: usize, stops: &[&str]) -> Option<Span> {
    let first = *words.get(from)?;
    if from > 0 && punctuated(text, words[from - 1], first) {
        // "according to: …" or "said, …" reads no further.
        return None;
    }
    let mut end = from;
    while end < words.len()
        && end - from < MAX_SOURCE_WORDS
        && !lower_in(stops, words[end].slice(text))
        && (end == from || !punctuated(text, words[end - 1], words[end]))
    {
        end += 1;
    }
    (end > from).then(|| Span::new(first.start, words[end - 1].end))
}

fn capitalised(text: &str, span: Span) -> bool {
    span.slice(text)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;

    fn attributions(text: &str) -> Vec<(String, Option<String>, &'static str)> {
        Analyzer::new()
            .analyze(text)
            .attributions
            .into_iter()
            .map(|a| (a.cue, a.source, a.rule.id()))
            .collect()
    }

    fn row(
        cue: &str,
        source: Option<&str>,
        rule: &'static str,
    ) -> (String, Option<String>, &'static str) {
        (cue.to_string(), source.map(str::to_string), rule)
    }

    #[test]
    fn reads_each_kind_of_cue() {
        let text = "The bridge will reopen in May, according to the county roads office. \
                    Inspectors reportedly found cracks in two piers. \
                    At the depot, meanwhile, a senior county engineer said that repairs were late. \
                    The work, reports said, would cost more than planned.";
        assert_eq!(
            attributions(text),
            vec![
                row(
                    "according to",
                    Some("the county roads office"),
                    "attribution-according-to"
                ),
                row("reportedly", None, "attribution-hedge"),
                row(
                    "said",
                    Some("a senior county engineer"),
                    "attribution-speech-verb"
                ),
                row("said", Some("reports"), "attribution-speech-verb"),
            ]
        );
    }

    #[test]
    fn leaves_quoted_cues_to_the_quotation() {
        let text = "“We will rebuild the bridge before winter,” Mayor Jane Roe said on Monday.";
        assert_eq!(attributions(text), vec![]);
    }

    #[test]
    fn a_passive_speech_verb_is_a_hedge_and_a_determiner_is_no_subject() {
        let text = "The mill is said to be for sale. The said mill closed in June.";
        assert_eq!(
            attributions(text),
            vec![row("said", None, "attribution-hedge")]
        );
    }

    #[test]
    fn the_inverted_order_names_the_source_after_the_verb() {
        let text = "The vote is set for Friday, said Councillor Amos Pike.";
        assert_eq!(
            attributions(text),
            vec![row(
                "said",
                Some("Councillor Amos Pike"),
                "attribution-speech-verb"
            )]
        );
    }

    #[test]
    fn a_switched_off_rule_finds_nothing() {
        let analysis = Analyzer::builder()
            .disable(RuleId::AttributionHedge)
            .build()
            .analyze("Inspectors reportedly found cracks in two piers.");
        assert!(analysis.attributions.is_empty());
    }
}
