use crate::analysis::gazetteer::{Gazetteer, PlaceId};

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
/// scores are recomputed for every candidate on every pass.
#[derive(Clone, Copy, Debug)]
pub(super) enum Reason {
    Said(&'static str),
    /// The first-level region the article's places lie in.
    ArticleRegion(PlaceId),
    /// The first-level region of a telephone number's area code in the article.
    AreaCode(PlaceId),
    /// The qualifier after the name ("Paris, Texas").
    FollowedBy(PlaceId),
    /// The country the article is about.
    ArticleCountry(PlaceId),
    /// A place of another name near this candidate.
    Near(PlaceId),
    /// The capital of a country the article names.
    CapitalOfNamed(PlaceId),
    /// A large city in a country the article names.
    InNamedCountry(PlaceId),
    /// The place the text puts it in: "London's", "in New Orleans".
    Owned(PlaceId),
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
}

impl Resolution {
    /// A name the gazetteer lacks (or puts elsewhere), placed in `town` by what the article says
    /// of it: the town is sure, the exact spot within or beside it is not.
    pub(crate) fn within_town(town: PlaceId, explanation: String) -> Resolution {
        Resolution {
            place: town,
            confidence: 0.3,
            alternatives: Vec::new(),
            explanation,
            within: true,
        }
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
