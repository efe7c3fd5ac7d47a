//! Document-level typing and grouping: the whole article decides what weakly typed mentions are
//! and which mentions name the same thing.
//!
//! A mention typed only by its neighbours, or not at all, takes the type of a strongly typed one
//! with the same words ("Khatami" after "Mohammad Khatami"); an acronym joins the organisation
//! whose initials it spells. Mentions then group into entities: a person's later surname joins
//! the full name, and everything else groups by its normalised words.

use std::collections::{HashMap, HashSet};

use super::recognize::{Raw, Strength};
use super::{Entity, EntityType, Mention};
use crate::analysis::Span;

/// Where a mention stands, for explanations ("in paragraph 2") and for salience.
pub struct Places<'a> {
    pub paragraphs: &'a [Span],
    pub title: Option<Span>,
}

impl Places<'_> {
    fn describe(&self, at: usize) -> String {
        if self.title.is_some_and(|t| t.start <= at && at < t.end) {
            return "the headline".into();
        }
        match self
            .paragraphs
            .iter()
            .position(|p| p.start <= at && at < p.end)
        {
            Some(i) => format!("paragraph {}", i + 1),
            None => "the article".into(),
        }
    }

    /// More weight in the headline and the first paragraph, where the subject is named.
    fn weight(&self, at: usize) -> f64 {
        let mut weight = 1.0;
        if self.title.is_some_and(|t| t.start <= at && at < t.end) {
            weight += 1.0;
        }
        if self
            .paragraphs
            .first()
            .is_some_and(|p| p.start <= at && at < p.end)
        {
            weight += 0.5;
        }
        weight
    }
}

fn normalise(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
        .to_lowercase()
}

fn name_words(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .collect()
}

/// Initials of the capitalised words: "Office for the Coordination of Humanitarian Affairs" →
/// "OCHA"; every suffix of the words too, so that a prefix like "UN" may be left out.
fn initials(name: &str) -> Vec<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    (0..words.len())
        .map(|from| {
            words[from..]
                .iter()
                .filter_map(|w| w.chars().next())
                .collect()
        })
        .filter(|s: &String| s.chars().count() >= 2)
        .collect()
}

/// What the strongly typed mentions of an article say about other words, indexed so that
/// settling every mention stays linear in their number.
#[derive(Default)]
struct Evidence<'r> {
    /// Normalised surface → the first strong mention with it.
    by_surface: HashMap<String, &'r Raw>,
    /// A word of a person's multi-word name → that mention (the longest name wins).
    person_word: HashMap<&'r str, &'r Raw>,
    /// Initials of a strong organisation's name → that mention.
    org_initials: HashMap<String, &'r Raw>,
    /// The last word of a strong multi-word organisation's name → that mention.
    org_head: HashMap<&'r str, &'r Raw>,
}

impl<'r> Evidence<'r> {
    fn new(text: &'r str, raws: &'r [Raw]) -> Evidence<'r> {
        let mut evidence = Evidence::default();
        for raw in raws {
            let surface = raw.span.slice(text);
            let words = name_words(surface);
            if raw.label == EntityType::Person && raw.strength >= Strength::Weak && words.len() > 1
            {
                for word in &words {
                    let longer = evidence
                        .person_word
                        .get(word)
                        .is_none_or(|p| p.span.len() < raw.span.len());
                    if longer {
                        evidence.person_word.insert(word, raw);
                    }
                }
            }
            if raw.strength != Strength::Strong {
                continue;
            }
            evidence.by_surface.entry(normalise(surface)).or_insert(raw);
            if raw.label == EntityType::Org && words.len() > 1 {
                for i in initials(surface) {
                    evidence.org_initials.entry(i).or_insert(raw);
                }
                if let Some(last) = surface.split_whitespace().last() {
                    evidence.org_head.entry(last).or_insert(raw);
                }
            }
        }
        evidence
    }

    /// The person whose longer name holds every word of `surface` ("Khatami" → "Mohammad
    /// Khatami").
    fn person(&self, text: &str, raw: &Raw) -> Option<&'r Raw> {
        let surface = raw.span.slice(text);
        let words = name_words(surface);
        if words.iter().any(|w| w.chars().all(|c| !c.is_lowercase())) {
            return None;
        }
        let candidate = self.person_word.get(words.first()?)?;
        let full = name_words(candidate.span.slice(text));
        (candidate.span != raw.span
            && full.len() > words.len()
            && words.iter().all(|w| full.contains(w)))
        .then_some(*candidate)
    }
}

/// Types the weak and unknown mentions from the strong ones; drops what stays unknown.
/// `raws` must be sorted by start.
pub fn settle(text: &str, raws: Vec<Raw>, places: &Places) -> Vec<Raw> {
    // An unknown name whose last word is a person elsewhere ("Raila Odinga" before "Odinga
    // said") is that person: promote it first, so that it can type the rest.
    let person_words: HashSet<&str> = raws
        .iter()
        .filter(|r| r.label == EntityType::Person && r.strength >= Strength::Weak)
        .map(|r| r.span.slice(text))
        .filter(|s| !s.contains(' '))
        .collect();
    let raws: Vec<Raw> = raws
        .into_iter()
        .map(|mut r| {
            let surface = r.span.slice(text);
            let words = name_words(surface);
            let last = words.last().copied().unwrap_or("");
            if r.strength == Strength::Unknown
                && !r.in_title_case
                && (2..=4).contains(&words.len())
                && person_words.contains(last)
            {
                r.label = EntityType::Person;
                r.strength = Strength::Strong;
                r.explanation = format!("\"{last}\" is a person later in the article");
            }
            r
        })
        .collect();
    let evidence = Evidence::new(text, &raws);
    let mut settled = Vec::with_capacity(raws.len());
    let mut last_strong: Option<&Raw> = None;
    for raw in &raws {
        if raw.strength == Strength::Strong {
            settled.push(raw.clone());
            last_strong = Some(raw);
            continue;
        }
        let surface = raw.span.slice(text);
        let acronym = surface.chars().all(|c| !c.is_lowercase());
        // "Full Name (ABC)": the acronym takes the type of the name it follows.
        let defined_by = last_strong.filter(|s| {
            acronym
                && text
                    .get(s.span.end..raw.span.start)
                    .is_some_and(|gap| gap.trim() == "(")
                && text.get(raw.span.end..).is_some_and(|r| r.starts_with(')'))
        });
        let single =
            !surface.contains(' ') && surface.chars().next().is_some_and(char::is_uppercase);
        let mut raw = raw.clone();
        if let Some(s) = defined_by {
            raw.label = s.label;
            raw.explanation = format!("the abbreviation given for \"{}\"", s.span.slice(text));
        } else if let Some(s) = evidence.by_surface.get(&normalise(surface)) {
            raw.label = s.label;
            raw.explanation = format!(
                "same as \"{}\" in {}",
                s.span.slice(text),
                places.describe(s.span.start)
            );
        } else if let Some(s) = evidence.person(text, &raw) {
            raw.label = EntityType::Person;
            raw.explanation = format!(
                "same as \"{}\" in {}",
                s.span.slice(text),
                places.describe(s.span.start)
            );
        } else if let Some(s) = evidence.org_initials.get(surface) {
            raw.label = EntityType::Org;
            raw.explanation = format!("the initials of \"{}\"", s.span.slice(text));
        } else if let Some(s) = evidence.org_head.get(surface).filter(|_| single) {
            raw.label = EntityType::Org;
            raw.explanation = format!("short for \"{}\"", s.span.slice(text));
        } else if raw.strength == Strength::Unknown {
            continue;
        }
        settled.push(raw);
    }
    settled.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
    settled.dedup_by(|b, a| b.span.start < a.span.end);
    settled
}

/// Groups mentions into entities; returns both, cross-referenced by index.
pub fn group(text: &str, raws: &[Raw], places: &Places) -> (Vec<Mention>, Vec<Entity>) {
    let mut mentions = Vec::with_capacity(raws.len());
    let mut entities: Vec<Entity> = Vec::new();
    // Label and normalised name, a word of a person's name, an organisation's initials → entity.
    let mut by_key: HashMap<(EntityType, String), usize> = HashMap::new();
    let mut person_word: HashMap<String, usize> = HashMap::new();
    let mut org_initials: HashMap<String, usize> = HashMap::new();
    for raw in raws {
        let surface = raw.span.slice(text);
        let key = normalise(surface);
        let words = name_words(surface);
        let found = by_key
            .get(&(raw.label, key.clone()))
            .copied()
            .or_else(|| match raw.label {
                EntityType::Person => words
                    .first()
                    .and_then(|w| person_word.get(*w))
                    .copied()
                    .filter(|&e| {
                        let full = name_words(&entities[e].name);
                        words.iter().all(|w| full.contains(w))
                            || full.iter().all(|w| words.contains(w))
                    }),
                EntityType::Org => org_initials.get(surface).copied().or_else(|| {
                    initials(surface)
                        .iter()
                        .find_map(|i| by_key.get(&(EntityType::Org, i.to_lowercase())).copied())
                }),
                _ => None,
            });
        let index = found.unwrap_or_else(|| {
            entities.push(Entity {
                id: entities.len(),
                label: raw.label,
                name: surface.to_string(),
                mentions: Vec::new(),
                roles: Vec::new(),
                salience: 0.0,
            });
            entities.len() - 1
        });
        by_key.entry((raw.label, key)).or_insert(index);
        if raw.label == EntityType::Person {
            for w in &words {
                person_word.entry(w.to_string()).or_insert(index);
            }
        }
        if raw.label == EntityType::Org && words.len() > 1 {
            for i in initials(surface) {
                org_initials.entry(i).or_insert(index);
            }
        }
        let entity = &mut entities[index];
        let acronym = surface.chars().all(|c| !c.is_lowercase());
        if surface.len() > entity.name.len() && !(raw.label == EntityType::Org && acronym) {
            entity.name = surface.to_string();
        }
        if let Some(role) = &raw.role {
            if !entity.roles.contains(role) {
                entity.roles.push(role.clone());
            }
        }
        entity.mentions.push(mentions.len());
        entity.salience += places.weight(raw.span.start);
        mentions.push(Mention {
            start: raw.span.start,
            end: raw.span.end,
            label: raw.label,
            entity: index,
            explanation: raw.explanation.clone(),
        });
    }
    (mentions, entities)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_skip_small_words_and_prefixes() {
        let all = initials("UN Office for the Coordination of Humanitarian Affairs");
        assert!(all.contains(&"OCHA".to_string()), "{all:?}");
        assert!(initials("World Food Programme").contains(&"WFP".to_string()));
    }
}
