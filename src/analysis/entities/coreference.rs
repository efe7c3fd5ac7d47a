//! Document-level typing and grouping: the whole article decides what weakly typed mentions are
//! and which mentions name the same thing.
//!
//! A mention typed only by its neighbours, or not at all, takes the type of a strongly typed one
//! with the same words ("Khatami" after "Mohammad Khatami"); an acronym joins the organisation
//! whose initials it spells. Mentions then group into entities: a person's later surname joins
//! the full name, and everything else groups by its normalised words.

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
        match self.paragraphs.iter().position(|p| p.start <= at && at < p.end) {
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
        if self.paragraphs.first().is_some_and(|p| p.start <= at && at < p.end) {
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

/// Types the weak and unknown mentions from the strong ones; drops what stays unknown.
pub fn settle(text: &str, raws: Vec<Raw>, places: &Places) -> Vec<Raw> {
    // An unknown name whose last word is a person elsewhere ("Raila Odinga" before "Odinga
    // said") is that person: promote it first, so that it can type the rest.
    let person_words: Vec<&str> = raws
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
            if r.strength == Strength::Unknown && !r.in_title_case && (2..=4).contains(&words.len()) && person_words.contains(&last) {
                r.label = EntityType::Person;
                r.strength = Strength::Strong;
                r.explanation = format!("\"{last}\" is a person later in the article");
            }
            r
        })
        .collect();
    let strong: Vec<&Raw> = raws.iter().filter(|r| r.strength == Strength::Strong).collect();
    let persons: Vec<&Raw> = raws
        .iter()
        .filter(|r| r.label == EntityType::Person && r.strength >= Strength::Weak)
        .collect();
    let mut settled = Vec::with_capacity(raws.len());
    for raw in &raws {
        if raw.strength == Strength::Strong {
            settled.push(raw.clone());
            continue;
        }
        let surface = raw.span.slice(text);
        let key = normalise(surface);
        let same = strong.iter().find(|s| normalise(s.span.slice(text)) == key);
        let part_of_person = || {
            let words = name_words(surface);
            if words.iter().any(|w| w.chars().all(|c| !c.is_lowercase())) {
                return None;
            }
            persons.iter().find(|s| {
                s.span != raw.span && {
                    let full = name_words(s.span.slice(text));
                    full.len() > words.len() && words.iter().all(|w| full.contains(w))
                }
            })
        };
        let acronym_of = || {
            strong.iter().find(|s| {
                s.label == EntityType::Org && initials(s.span.slice(text)).iter().any(|i| i == surface)
            })
        };
        let head_of_org = || {
            (!surface.contains(' ') && surface.chars().next().is_some_and(char::is_uppercase))
                .then(|| {
                    strong.iter().find(|s| {
                        s.label == EntityType::Org && s.span.slice(text).split_whitespace().count() > 1 && s.span.slice(text).ends_with(surface)
                    })
                })
                .flatten()
        };
        // "Full Name (ABC)": the acronym takes the type of the name it follows.
        let defined_by = || {
            let before = text.get(..raw.span.start)?.trim_end();
            let after = text.get(raw.span.end..)?;
            (before.ends_with('(') && after.starts_with(')')).then_some(())?;
            let open = before.len() - 1;
            raws.iter().rfind(|s| s.span.end <= open && text.get(s.span.end..open).is_some_and(|g| g.trim().is_empty()) && s.strength == Strength::Strong)
        };
        let mut raw = raw.clone();
        if let Some(s) = defined_by().filter(|_| surface.chars().all(|c| !c.is_lowercase())) {
            raw.label = s.label;
            raw.explanation = format!("the abbreviation given for \"{}\"", s.span.slice(text));
        } else if let Some(s) = same {
            raw.label = s.label;
            raw.explanation = format!("same as \"{}\" in {}", s.span.slice(text), places.describe(s.span.start));
        } else if let Some(s) = part_of_person() {
            raw.label = EntityType::Person;
            raw.explanation = format!("same as \"{}\" in {}", s.span.slice(text), places.describe(s.span.start));
        } else if let Some(s) = acronym_of() {
            raw.label = EntityType::Org;
            raw.explanation = format!("the initials of \"{}\"", s.span.slice(text));
        } else if let Some(s) = head_of_org() {
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
    let mut keys: Vec<String> = Vec::new();
    for raw in raws {
        let surface = raw.span.slice(text);
        let key = normalise(surface);
        let found = entities.iter().zip(&keys).position(|(e, k)| {
            e.label == raw.label
                && (*k == key
                    || (raw.label == EntityType::Person && {
                        let (a, b) = (name_words(&e.name), name_words(surface));
                        a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))
                    })
                    || (raw.label == EntityType::Org
                        && (initials(&e.name).iter().any(|i| i == surface)
                            || initials(surface).iter().any(|i| *i == e.name))))
        });
        let index = match found {
            Some(index) => index,
            None => {
                entities.push(Entity {
                    id: entities.len(),
                    label: raw.label,
                    name: surface.to_string(),
                    mentions: Vec::new(),
                    roles: Vec::new(),
                    salience: 0.0,
                });
                keys.push(key.clone());
                entities.len() - 1
            }
        };
        let entity = &mut entities[index];
        let acronym = surface.chars().all(|c| !c.is_lowercase());
        if surface.len() > entity.name.len() && !(raw.label == EntityType::Org && acronym) {
            entity.name = surface.to_string();
            keys[index] = key;
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
