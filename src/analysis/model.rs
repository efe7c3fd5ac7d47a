//! The analysis types that several passes share: what a mention names, mentions and entities,
//! gazetteer candidates and resolved places. A leaf: it imports no pass, so every pass (and the
//! gazetteer) can import it without an import running in a circle.

use serde::{Deserialize, Serialize};

use super::text::Span;

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
