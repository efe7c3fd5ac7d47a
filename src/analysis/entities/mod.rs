//! Named entities: mentions found in the text, grouped into entities.
//!
//! Recognition fills [`Mention`]s (a type, a byte span, the evidence) and groups them into
//! [`Entity`]s ("Khatami" and "Khatami's" join "Mohammad Khatami"). Place resolution later
//! attaches coordinates to LOC entities as [`Place`]s.

use serde::{Deserialize, Serialize};

use super::rules::{RuleHit, RuleSet};
use super::Span;

pub mod coreference;
pub mod dates;
pub mod evidence;
pub mod lexicons;
pub mod recognize;
pub mod roads;
pub mod tokens;

use evidence::Evidence;
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
pub fn recognize(text: &str, layout: &Layout, rules: &RuleSet) -> Recognition {
    let tokens = tokens::tokenize(text);
    let mut found = dates::find(text, &tokens);
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
    };
    let (mut raws, mut rule_hits) =
        recognize::Recognizer::new(text, &tokens, &context, &found, rules).run();
    raws.extend(forced);
    raws.extend(found.into_iter().map(|f| Raw {
        span: f.span,
        label: f.label,
        evidence: Evidence::Written(f.explanation),
        strength: Strength::Strong,
        role: None,
        in_title_case: false,
    }));
    raws.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
    let places = coreference::Places {
        paragraphs: layout.paragraphs,
        title: layout.title,
    };
    let settled = coreference::settle(text, raws, &places, rules, &mut rule_hits);
    let (mentions, mut entities) =
        coreference::group(text, &settled, &places, rules, &mut rule_hits);
    for mention in mentions.iter().filter(|m| m.label == EntityType::Person) {
        if let Some(role) = appositive_role(text, mention.end) {
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
fn appositive_role(text: &str, name_end: usize) -> Option<String> {
    let rest = text.get(name_end..)?.strip_prefix(", ")?;
    let phrase_end = rest.find([',', '.', ';', '\n', '(', '"', '“', '”'])?;
    let phrase = rest.get(..phrase_end)?.trim();
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let opens = matches!(words.first(), Some(&("a" | "an" | "the")));
    let lex = lexicons::Lexicons::get();
    let has_role = words.iter().any(|w| lex.role_nouns.contains(w));
    (opens && has_role && words.len() <= 10 && rest.get(phrase_end..)?.starts_with(','))
        .then(|| phrase.to_string())
}

/// What a mention names. Serialises in the OntoNotes spelling (`PERSON`, `LOC`, …).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EntityType {
    Person,
    /// Any place: country, region, city, natural feature or facility.
    Loc,
    /// Organisations, including news outlets and agencies.
    Org,
    /// Nationalities and religious or political groups.
    Norp,
    Date,
    Time,
    Money,
    Percent,
    Quantity,
    Cardinal,
    /// Laws, treaties, events and works.
    Misc,
}

impl EntityType {
    pub const ALL: [EntityType; 11] = [
        EntityType::Person,
        EntityType::Loc,
        EntityType::Org,
        EntityType::Norp,
        EntityType::Date,
        EntityType::Time,
        EntityType::Money,
        EntityType::Percent,
        EntityType::Quantity,
        EntityType::Cardinal,
        EntityType::Misc,
    ];

    /// The label as serialised and as used in `data-entity-type`.
    pub fn code(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Norp => "NORP",
            EntityType::Date => "DATE",
            EntityType::Time => "TIME",
            EntityType::Money => "MONEY",
            EntityType::Percent => "PERCENT",
            EntityType::Quantity => "QUANTITY",
            EntityType::Cardinal => "CARDINAL",
            EntityType::Misc => "MISC",
        }
    }

    /// A reader-facing name for legends and panels.
    pub fn label(self) -> &'static str {
        match self {
            EntityType::Person => "People",
            EntityType::Loc => "Places",
            EntityType::Org => "Organisations",
            EntityType::Norp => "Groups and nationalities",
            EntityType::Date => "Dates",
            EntityType::Time => "Times",
            EntityType::Money => "Money",
            EntityType::Percent => "Percentages",
            EntityType::Quantity => "Quantities",
            EntityType::Cardinal => "Numbers",
            EntityType::Misc => "Laws, events and works",
        }
    }

    /// The labels the evaluation format knows; other types are left out of `eval` output.
    pub fn eval_label(self) -> Option<&'static str> {
        match self {
            EntityType::Person => Some("PERSON"),
            EntityType::Loc => Some("LOC"),
            EntityType::Org => Some("ORG"),
            EntityType::Norp => Some("NORP"),
            EntityType::Date => Some("DATE"),
            EntityType::Misc => Some("MISC"),
            _ => None,
        }
    }
}

/// One occurrence of a name in the text.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub label: EntityType,
    /// Index into [`super::Analysis::entities`].
    pub entity: usize,
    /// The evidence, for a reader: `title "President" precedes`.
    pub explanation: String,
}

impl Mention {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// Mentions that name the same thing.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Entity {
    pub id: usize,
    pub label: EntityType,
    /// The fullest form used in the text ("Mohammad Khatami").
    pub name: String,
    /// Indices into [`super::Analysis::mentions`], in text order.
    pub mentions: Vec<usize>,
    /// Titles and roles attached to a person ("President", "a top Russian aerospace official").
    #[serde(default)]
    pub roles: Vec<String>,
    /// Higher is more central to the article: mention count weighted by position.
    pub salience: f64,
}

/// What sort of place a gazetteer entry is.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Continent,
    Region,
    Country,
    Admin1,
    /// A second-level division: a US county, an English county, a Philippine province.
    Admin2,
    City,
    Facility,
    Feature,
}

/// A candidate location for a place name.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Candidate {
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code, empty for places above countries.
    pub country: String,
    pub admin1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// A LOC entity resolved to a location, with the alternatives the reader may pick instead.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Place {
    /// Index into [`super::Analysis::entities`].
    pub entity: usize,
    /// The name as the article writes it.
    pub name: String,
    pub resolved: Candidate,
    /// 0 to 1.
    pub confidence: f64,
    /// Up to five other candidates, best first.
    pub alternatives: Vec<Candidate>,
    /// Indices into [`super::Analysis::mentions`].
    pub mentions: Vec<usize>,
    pub explanation: String,
}

/// A place named inside an organisation's or event's name ("Alexandria" in "Alexandria
/// Police"): evidence of where the article is, never a place of the map.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct EmbeddedPlace {
    /// The place's name, as bytes of [`super::Analysis::text`].
    pub start: usize,
    pub end: usize,
    /// Index into [`super::Analysis::mentions`]: the name that holds it.
    pub mention: usize,
    /// Index into [`super::Analysis::entities`]: the entity of that name.
    pub entity: usize,
    /// The place's name as written.
    pub name: String,
    /// Where the resolver put it, if anywhere.
    pub resolved: Option<Candidate>,
    /// 0 to 1; 0 when unresolved.
    pub confidence: f64,
    pub explanation: String,
}
