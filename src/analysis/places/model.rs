use crate::analysis::gazetteer::{Gazetteer, PlaceId};
use crate::analysis::model::PlaceKind;
use crate::analysis::rules::RuleId;

/// How a candidate was reached from the mention's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Via {
    Name,
    AlternateName,
    /// "Russian" → Russia.
    Demonym,
    /// A generic word was dropped: "Bushehr province", "northern Iraq".
    Stripped,
    /// The place a facility is named after: "Bushehr nuclear power plant".
    Facility,
    /// A town of the same name as a county ("Walker County" → Walker), kept only when the
    /// article's other places are near it.
    County,
    /// Another transliteration of the name ("Menoufia" → al-Minufiyah), kept only when the
    /// article's other places support it.
    Spelling,
}

#[derive(Clone, Debug)]
pub(super) struct Scored {
    pub(super) place: PlaceId,
    pub(super) via: Via,
    pub(super) prior: f64,
    pub(super) score: f64,
    pub(super) reasons: Vec<Reason>,
    /// Context placed it in a region the article names or near its other places.
    pub(super) supported: bool,
    /// Local evidence placed it: a qualifier, the article's region, nearness to other places
    /// (the country the article is about is not enough).
    pub(super) local: bool,
    /// It is taken only when a qualifier follows the name: a town named like a country.
    pub(super) needs_qualifier: bool,
    pub(super) qualified: bool,
    /// It lies outside the place whose possessive names it ("London's Heathrow"), which the
    /// article would not have written.
    pub(super) outside_owner: bool,
}

/// Why context moved a candidate's score, put into words only for the candidate chosen: the
/// scores are recomputed for every candidate on every pass. Each is a rule's evidence
/// ([`Reason::rule`]); some move the score without a word for the reader.
#[derive(Clone, Copy, Debug)]
pub(super) enum Reason {
    /// It holds the place named before it ("Salem, Oregon").
    RegionOfThePlaceBefore,
    /// A word after it that only a region takes ("New York state").
    RegionalWordAfter,
    /// A district's council after it ("Haringey Council").
    DistrictCouncil,
    /// Listed with names read as places of this kind (countries, or regions of one country).
    ListedWithPeers(PlaceKind),
    /// The first-level region the article's places lie in.
    ArticleRegion(PlaceId),
    /// The first-level region of a telephone number's area code in the article.
    AreaCode(PlaceId),
    /// The qualifier after the name ("Paris, Texas").
    FollowedBy(PlaceId),
    /// The country the article is about.
    ArticleCountry(PlaceId),
    /// The country of the dateline's town.
    DatelineCountry,
    /// A place of another name near this candidate.
    Near(PlaceId),
    /// The capital of a country the article names.
    CapitalOfNamed(PlaceId),
    /// A large city in a country the article names.
    InNamedCountry(PlaceId),
    /// The place the text puts it in: "London's", "in New Orleans".
    Owned(PlaceId),
    /// A side in a game: the article's region and places said nothing of it.
    SideInAGame,
}

impl Reason {
    /// The rule whose evidence this is.
    pub(super) fn rule(self) -> RuleId {
        match self {
            Reason::RegionOfThePlaceBefore => RuleId::RegionOfThePlaceBefore,
            Reason::RegionalWordAfter => RuleId::RegionalWordAfter,
            Reason::DistrictCouncil => RuleId::DistrictCouncil,
            Reason::ListedWithPeers(_) => RuleId::ListedWithPeers,
            Reason::ArticleRegion(_) => RuleId::ArticleRegion,
            Reason::AreaCode(_) => RuleId::AreaCodeRegion,
            Reason::FollowedBy(_) => RuleId::QualifierAfter,
            Reason::ArticleCountry(_) => RuleId::ArticleCountry,
            Reason::DatelineCountry => RuleId::DatelineCountry,
            Reason::Near(_) => RuleId::NearOtherPlaces,
            Reason::CapitalOfNamed(_) => RuleId::CapitalOfNamedCountry,
            Reason::InNamedCountry(_) => RuleId::BigCityInNamedCountry,
            Reason::Owned(_) => RuleId::HeldByItsOwner,
            Reason::SideInAGame => RuleId::SideInAGame,
        }
    }
}

impl Via {
    /// The rule that found a candidate this way; `None` for the name as written.
    pub(super) fn rule(self) -> Option<RuleId> {
        match self {
            Via::Name | Via::AlternateName => None,
            Via::Demonym => Some(RuleId::DemonymNamesItsCountry),
            Via::Stripped => Some(RuleId::GenericWordsDropped),
            Via::Facility => Some(RuleId::FacilityInItsNamesPlace),
            Via::County => Some(RuleId::CountyWithoutItsTitle),
            Via::Spelling => Some(RuleId::AnotherTransliteration),
        }
    }
}

/// The resolution of one mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolution {
    pub place: PlaceId,
    /// 0 to 1.
    pub confidence: f64,
    /// Other candidates, best first, at most five.
    pub alternatives: Vec<PlaceId>,
    pub explanation: String,
    /// The mention is a street, building or neighbourhood placed in this town, not the town.
    pub within: bool,
    /// The rules that decided it, in the order they fired.
    pub rules: Vec<RuleId>,
}

impl Resolution {
    /// A name the gazetteer lacks (or puts elsewhere), placed in `town` by what the article says
    /// of it: the town is sure, the exact spot within or beside it is not.
    pub(crate) fn within_town(
        town: PlaceId,
        confidence: f64,
        explanation: String,
        rule: RuleId,
    ) -> Resolution {
        Resolution {
            place: town,
            confidence,
            alternatives: Vec::new(),
            explanation,
            within: true,
            rules: vec![rule],
        }
    }

    /// Whether the name stands for its country's government ("Moscow said").
    pub fn stands_for_government(&self) -> bool {
        self.rules.contains(&RuleId::CapitalStandsForGovernment)
    }
}

/// The distance in kilometres between two gazetteer places.
pub(crate) fn km_between(g: &Gazetteer, a: PlaceId, b: PlaceId) -> f64 {
    distance_km(g.lat(a), g.lon(a), g.lat(b), g.lon(b))
}

/// What speaks for the town a building is named after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum TownEvidence {
    /// A qualifier, the article's region or its other places.
    Local,
    /// Only the country the article is about.
    Country,
    None,
}

/// How often each place occurs, in order of first occurrence (an article names a few).
pub(super) fn tally(places: impl Iterator<Item = PlaceId>) -> Vec<(PlaceId, usize)> {
    let mut counts: Vec<(PlaceId, usize)> = Vec::new();
    for place in places {
        match counts.iter_mut().find(|(p, _)| *p == place) {
            Some(entry) => entry.1 += 1,
            None => counts.push((place, 1)),
        }
    }
    counts
}

/// The place that occurs most often, with its count, if no other occurs as often.
pub(super) fn sole_most(counts: &[(PlaceId, usize)]) -> Option<(PlaceId, usize)> {
    let &(place, most) = counts.iter().max_by_key(|(_, n)| *n)?;
    (counts.iter().filter(|(_, n)| *n == most).count() == 1).then_some((place, most))
}

/// A place's vote: the key of the name that casts it (empty for evidence outside the names),
/// the country or region, its weight.
pub(super) type Vote = (String, PlaceId, f64);

/// Great-circle distance.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}
