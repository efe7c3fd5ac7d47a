//! Finds name mentions and types them by evidence.
//!
//! Capitalised words are gathered into chunks (with connectors such as "of", "al", "bin" and
//! the stop of "St."), then typed: leading function words, nationalities and titles are peeled
//! off ("Iranian President Mohammad Khatami" → NORP, a role, PERSON); what remains is looked up
//! in the lexicons, typed by a head word ("State Duma", "Washington Post"), by a first name, or
//! by its neighbours ("in Chechnya", "Ging said"). Mentions typed only by weak evidence are
//! settled later, against the rest of the document (see `coreference`).
//!
//! Look-around: a capitalised chunk and a few tokens on either side of it; the lexicon answers
//! are cached per surface, and whether a word recurs inside sentences is counted once for the
//! article.
//!
//! Every rule has a [`RuleId`]; the order in which they are tried is two tables:
//! `classify::CLASSIFY_RULES` for a chunk, then `context::CONTEXT_RULES` for the words
//! around a name nothing else typed. The modules:
//! - `chunks`: where a name starts and ends;
//! - `headline`: names in a title-case headline;
//! - `classify`, `context`: the rule tables and their rules;
//! - `people`, `places`, `orgs`, `compounds` (a place and something else in one run): the
//!   evidence the rules read;
//! - `lookup`: what the lexicons and the gazetteer know of a name;
//! - `words`: the closed word lists.

use super::dates::Found;
use super::evidence::Evidence;
use super::lexicons::Lexicons;
use super::tokens::{Token, TokenKind};
use super::EntityType;
use crate::analysis::fnv::{FnvMap, FnvSet};
use crate::analysis::gazetteer::{Gazetteer, SHORT_FORM_JOINERS};
use crate::analysis::rules::{RuleHit, RuleId, RuleSet};
use crate::analysis::text::with_lowercase;
use crate::analysis::{Resources, Span};
use std::cell::{OnceCell, RefCell};

mod chunks;
mod classify;
mod compounds;
mod context;
mod headline;
mod lookup;
mod orgs;
mod people;
mod places;
mod words;

use headline::title_case_lines;
pub(super) use lookup::minor_place;

use words::{INSTITUTION_LINKS, PARTICLES};

/// How sure the typing is: a weak or unknown mention may be retyped by a strong one elsewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// No evidence for any type; kept only if the document says what it is.
    Unknown,
    Weak,
    Strong,
}

/// A mention before grouping.
#[derive(Clone, Debug, PartialEq)]
pub struct Raw {
    pub span: Span,
    pub label: EntityType,
    pub evidence: Evidence,
    pub strength: Strength,
    /// A title or role written before a person's name ("Iranian President").
    pub role: Option<String>,
    /// In a headline written in title case, where capitals say nothing.
    pub in_title_case: bool,
}

/// What the layout knows that recognition uses.
pub struct Context {
    /// Starts of sentences (and of headline, byline and other lines): capitals there are ambiguous.
    pub sentence_starts: Vec<usize>,
    /// Text not to look for names in (the header block outside its values).
    pub skip: Vec<Span>,
    /// Mentions the layout already typed: the publication in the header, outlets in citations.
    pub forced: Vec<Raw>,
    pub resources: Resources,
}

pub struct Recognizer<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lex: &'static Lexicons,
    gazetteer: &'static Gazetteer,
    /// Tokens already part of a date, number or forced mention.
    used: Vec<bool>,
    /// The last tokens of roads found by their written form ("Highway 29", "44 Elm St.").
    road_ends: Vec<bool>,
    initial: Vec<bool>,
    title_case: Vec<bool>,
    skipped: Vec<bool>,
    /// Every word the article writes in lower case.
    lowercase_words: FnvSet<&'a str>,
    /// Lexicon answers per surface: names repeat, and each lookup folds and searches.
    known_cache: RefCell<FnvMap<&'a str, Option<(EntityType, Evidence)>>>,
    place_cache: RefCell<FnvMap<(&'a str, bool), Option<Evidence>>>,
    /// How often each token stands inside a sentence (not first), counted on first need.
    inside_counts: OnceCell<FnvMap<&'a str, usize>>,
    /// Where a disease noun follows a space ("virus", "fever"), found on first need.
    disease_nouns_at: OnceCell<Vec<usize>>,
    rules: &'a RuleSet,
    /// The rules that decided, in the order they fired.
    hits: Vec<RuleHit>,
    out: Vec<Raw>,
}

impl<'a> Recognizer<'a> {
    pub fn new(
        text: &'a str,
        tokens: &'a [Token],
        context: &Context,
        found: &[Found],
        rules: &'a RuleSet,
    ) -> Self {
        let lex = context.resources.lexicons;
        let mut used = vec![false; tokens.len()];
        let mut road_ends = vec![false; tokens.len()];
        for f in found {
            for u in used.iter_mut().take(f.last + 1).skip(f.first) {
                *u = true;
            }
            if f.label == EntityType::Loc {
                if let Some(end) = road_ends.get_mut(f.last) {
                    *end = true;
                }
            }
        }
        let within = |spans: &[Span], t: &Token| {
            spans
                .iter()
                .any(|s| s.start <= t.span().start && t.span().end <= s.end)
        };
        let forced: Vec<Span> = context.forced.iter().map(|r| r.span).collect();
        let skipped: Vec<bool> = tokens
            .iter()
            .map(|t| within(&context.skip, t) || within(&forced, t))
            .collect();
        let mut initial = vec![false; tokens.len()];
        let mut starts = context.sentence_starts.iter().peekable();
        for (i, t) in tokens.iter().enumerate() {
            while starts.peek().is_some_and(|&&s| s < t.span().start) {
                starts.next();
            }
            let at_start = starts.peek().is_some_and(|&&s| s == t.span().start);
            let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
            let after_break = prev.is_none_or(|p| {
                let w = p.text(text);
                matches!(w, "." | "!" | "?" | ":" | "—" | "–" | "•" | "|")
                    || (p.kind == TokenKind::Punct && initial.get(i - 1).copied().unwrap_or(false))
            });
            initial[i] = t.line_start || at_start || after_break;
        }
        let title_case = title_case_lines(text, tokens);
        // Sized for an article's distinct words, not its tokens: a megabyte of punctuation is a
        // million tokens, and a table that large costs more to clear and page in than to grow.
        let mut lowercase_words =
            FnvSet::with_capacity_and_hasher(tokens.len().min(1 << 12), Default::default());
        lowercase_words.extend(
            tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.text(text))
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase)),
        );
        // Sized for an article's distinct names (about one for every eight tokens), so that
        // the caches are not rehashed as they fill; bounded as the word set is.
        let names = (tokens.len() / 8).min(1 << 10);

        Recognizer {
            lowercase_words,
            known_cache: RefCell::new(FnvMap::with_capacity_and_hasher(names, Default::default())),
            place_cache: RefCell::new(FnvMap::with_capacity_and_hasher(names, Default::default())),
            inside_counts: OnceCell::new(),
            disease_nouns_at: OnceCell::new(),
            text,
            tokens,
            lex,
            gazetteer: context.resources.gazetteer,
            used,
            road_ends,
            initial,
            title_case,
            skipped,
            rules,
            hits: Vec::new(),
            out: Vec::new(),
        }
    }

    fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }

    fn span(&self, first: usize, last: usize) -> Span {
        let start = self.tokens.get(first).map_or(0, |t| t.span().start);
        let end = self.tokens.get(last).map_or(start, |t| t.span().end);
        Span::new(start, end.max(start))
    }

    fn words(&self, first: usize, last: usize) -> &'a str {
        self.span(first, last).slice(self.text)
    }

    /// The word before token `i`, or nothing at the start.
    fn word_before(&self, i: usize) -> &'a str {
        i.checked_sub(1).map(|b| self.word(b)).unwrap_or("")
    }

    /// Notes that `rule` decided about tokens `first..=last`.
    fn record(&mut self, rule: RuleId, first: usize, last: usize) {
        let span = self.span(first, last);
        self.record_span(rule, span);
    }

    fn record_span(&mut self, rule: RuleId, span: Span) {
        self.hits.push(RuleHit { rule, span });
    }

    /// Token `i + 1` follows token `i` on the same line with only spaces between.
    fn adjacent(&self, i: usize) -> bool {
        self.tokens.get(i + 1).is_some_and(|t| !t.line_start)
    }

    fn has_keyword(&self, first: usize, last: usize) -> bool {
        (first..=last).any(|k| {
            let w = self.word(k);
            self.lex.org_words.contains(w)
                || self.lex.place_words.contains(w)
                || self.lex.misc_words.contains(w)
        })
    }

    fn is_head_word(&self, w: &str) -> bool {
        self.lex.org_words.contains(w) || self.lex.place_words.contains(w)
    }

    /// The mentions found, and the rules that found them.
    pub fn run(mut self) -> (Vec<Raw>, Vec<RuleHit>) {
        let mut i = 0;
        while i < self.tokens.len() {
            if !self.name_word(i) {
                self.prefixed_name(i);
                i += 1;
                continue;
            }
            let end = self.chunk_end(i);
            let j = self.run_on_end(i, end);
            if self.title_case[i] {
                self.title_case_chunk(i, j);
            } else {
                self.classify(i, j);
            }
            i = j + 1;
        }
        (self.out, self.hits)
    }

    /// Pushes the mention `first..=last` that `rule` typed.
    fn push(
        &mut self,
        rule: RuleId,
        first: usize,
        last: usize,
        label: EntityType,
        strength: Strength,
        evidence: Evidence,
    ) {
        if label == EntityType::Loc
            && self.rules.enabled(RuleId::Establishment)
            && self.establishment(first, last)
        {
            let why = Evidence::Establishment;
            let (label, strength) = (EntityType::Org, Strength::Weak);
            return self.push(RuleId::Establishment, first, last + 1, label, strength, why);
        }
        self.record(rule, first, last);
        let in_title_case = self.title_case.get(first).copied().unwrap_or(false);
        self.out.push(Raw {
            span: self.span(first, last),
            label,
            evidence,
            strength,
            role: None,
            in_title_case,
        });
    }

    fn is_personal_name(&self, word: &str) -> bool {
        self.lex.given_names.contains(word) || self.lex.surnames.contains(word)
    }

    fn has_common_word_text(&self, s: &str) -> bool {
        s.split_whitespace().any(|w| self.is_common_word(w))
    }

    /// A word the article also writes in lower case. The links of a longer name ("Bosnia and
    /// Herzegovina", "Isle of Man", "Burton upon Trent") are written in lower case anyway and say nothing about it.
    fn is_common_word(&self, w: &str) -> bool {
        w.len() > 2
            && !PARTICLES.contains(&w)
            && !INSTITUTION_LINKS.contains(&w)
            && !SHORT_FORM_JOINERS.contains(&w)
            && with_lowercase(w, |lower| self.lowercase_words.contains(lower))
    }

    /// Some word of `first..=last` is written in lower case elsewhere in the article, so it is a
    /// common word ("Socks", "List") rather than part of a person's name.
    fn has_common_word(&self, first: usize, last: usize) -> bool {
        (first..=last).any(|k| self.is_common_word(self.word(k)))
    }
}

impl Recognizer<'_> {}

#[cfg(test)]
mod tests {
    use crate::analysis::rules::{Pass, RuleId};
    use crate::analysis::Analyzer;

    /// Every entity spec case's article, one after another: an article that fires every rule.
    fn spec_articles() -> String {
        include_str!("../../../../tests/spec/entities.txt")
            .split("\n@@ ")
            .skip(1)
            .filter_map(|case| case.split_once('\n')?.1.split_once("\n--- expect\n"))
            .map(|(article, _)| article.replace("\\t", "\t"))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    #[test]
    fn a_rule_switched_off_never_fires_and_leaves_the_mentions_whole() {
        let text = spec_articles();
        let rules = RuleId::ALL
            .iter()
            .filter(|r| matches!(r.pass(), Pass::Mentions | Pass::Coreference));
        for &rule in rules {
            let analysis = Analyzer::builder().disable(rule).build().analyze(&text);
            assert!(
                analysis.rule_hits.iter().all(|hit| hit.rule != rule),
                "{} fired while switched off",
                rule.id()
            );
            for mention in &analysis.mentions {
                assert!(
                    analysis.text.get(mention.start..mention.end).is_some(),
                    "{}: a mention off the text",
                    rule.id()
                );
            }
        }
    }
}
