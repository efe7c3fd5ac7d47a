//! Named entities: mentions found in the text, grouped into entities.
//!
//! Recognition fills [`Mention`]s (a type, a byte span, the evidence) and groups them into
//! [`Entity`]s ("Khatami" and "Khatami's" join "Mohammad Khatami"). Place resolution later
//! attaches coordinates to LOC entities as [`Place`]s.

use super::{Resources, Span};
use crate::analysis::stable_sort;

use super::rules::{RuleHit, RuleId, RuleSet};

pub use super::model::{Candidate, EmbeddedPlace, Entity, EntityType, Mention, Place, PlaceKind};

pub mod coreference;
pub mod dates;
pub mod evidence;
pub mod lexicons;
pub mod recognize;
pub mod roads;
pub mod tokens;

use evidence::Evidence;
use lexicons::Lexicons;
use recognize::{Raw, Strength};

/// What the layout stage tells recognition about the article.
#[derive(Clone, Copy, Debug, Default)]
pub struct Layout<'a> {
    /// Starts of sentences and of other lines (headline, byline): capitals there are ambiguous.
    pub sentence_starts: &'a [usize],
    pub paragraphs: &'a [Span],
    pub title: Option<Span>,
    /// Header lines: only their values may name something.
    pub header: &'a [Span],
    /// Header values that name the publication (ORG) or the author (PERSON).
    pub header_names: &'a [(Span, EntityType)],
    /// Outlets named in the trailing citation block.
    pub cited_sources: &'a [Span],
}

/// Mentions, the entities they group into, and the rules that decided both.
pub struct Recognition {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub rule_hits: Vec<RuleHit>,
}

/// Finds the mentions in `text` and groups them into entities, by the rules switched on.
pub fn recognize(
    resources: Resources,
    text: &str,
    layout: &Layout,
    rules: &RuleSet,
) -> Recognition {
    let tokens = tokens::tokenize(text);
    let mut found = dates::find(text, &tokens);
    let mut rule_hits_before = Vec::new();
    if rules.enabled(RuleId::WeekdayPartOfDay) {
        for f in found.iter_mut() {
            if dates::weekday_part_of_day(&tokens, text, f) {
                rule_hits_before.push(RuleHit {
                    rule: RuleId::WeekdayPartOfDay,
                    span: f.span,
                });
            }
        }
    }
    if rules.enabled(RuleId::CurrencyCodeAmount) {
        for span in dates::currency_code_amounts(&tokens, text, &mut found) {
            let rule = RuleId::CurrencyCodeAmount;
            rule_hits_before.push(RuleHit { rule, span });
        }
    }
    found.extend(roads::find(text, &tokens, &found));
    let mut forced: Vec<Raw> = Vec::new();
    for &(span, label) in layout.header_names {
        let evidence = if label == EntityType::Person {
            Evidence::HeaderAuthor
        } else {
            Evidence::HeaderPublication
        };
        forced.push(Raw {
            span,
            label,
            evidence,
            strength: Strength::Strong,
            role: None,
            in_title_case: false,
        });
    }
    for &span in layout.cited_sources {
        // A date standing where an outlet would is already a date.
        if found
            .iter()
            .any(|f| f.span.start < span.end && span.start < f.span.end)
        {
            continue;
        }
        forced.push(Raw {
            span,
            label: EntityType::Org,
            evidence: Evidence::CitedSource,
            strength: Strength::Strong,
            role: None,
            in_title_case: false,
        });
    }
    let context = recognize::Context {
        sentence_starts: layout.sentence_starts.to_vec(),
        skip: layout.header.to_vec(),
        forced: forced.clone(),
        resources,
    };
    let (mut raws, mut rule_hits) =
        recognize::Recognizer::new(text, &tokens, &context, &found, rules).run();
    rule_hits.extend(rule_hits_before);
    raws.extend(forced);
    raws.extend(found.into_iter().map(|f| Raw {
        span: f.span,
        label: f.label,
        evidence: Evidence::Written(f.explanation),
        strength: Strength::Strong,
        role: None,
        in_title_case: false,
    }));
    stable_sort::sort_by_key(&mut raws, |r| (r.span.start, std::cmp::Reverse(r.span.end)));
    let places = coreference::Places {
        paragraphs: layout.paragraphs,
        title: layout.title,
    };
    let settled = coreference::settle(resources, text, raws, &places, rules, &mut rule_hits);
    let (mentions, mut entities) =
        coreference::group(text, &settled, &places, rules, &mut rule_hits);
    for mention in mentions.iter().filter(|m| m.label == EntityType::Person) {
        if let Some(role) = appositive_role(resources.lexicons, text, mention.end) {
            if let Some(entity) = entities.get_mut(mention.entity) {
                if !entity.roles.contains(&role) {
                    entity.roles.push(role);
                }
            }
        }
    }
    Recognition {
        mentions,
        entities,
        rule_hits,
    }
}

/// The role in an appositive after a name: "Jane Roe, a senior analyst at the bank, said" →
/// "a senior analyst at the bank". Only a short phrase opened by an article and holding a role
/// noun counts.
fn appositive_role(lex: &Lexicons, text: &str, name_end: usize) -> Option<String> {
    let rest = text.get(name_end..)?.strip_prefix(", ")?;
    let phrase_end = rest.find([',', '.', ';', '\n', '(', '"', '“', '”'])?;
    let phrase = rest.get(..phrase_end)?.trim();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let opens = matches!(words.first(), Some(&("a" | "an" | "the")));
    let has_role = words.iter().any(|w| lex.role_nouns.contains(w));
    (opens && has_role && words.len() <= 10 && rest.get(phrase_end..)?.starts_with(','))
        .then(|| phrase.to_string())
}
