//! Place resolution: each LOC mention to a gazetteer entry, with a confidence, alternatives and
//! the evidence in words.
//!
//! Candidates come from the mention's name (folded; possessives, generic words such as
//! "province" and facility words such as "nuclear power plant" stripped; demonyms map to their
//! country). Each candidate starts from a prior (its kind and population, a capital's
//! standing) and gains from the article's evidence: a qualifier right after the name
//! ("Paris, Texas"; "Fresno, Calif."), regions and countries the article names, the article's
//! geographic focus (a vote of all its mentions and demonyms), the dateline, and nearness to the
//! candidates of the article's other names. Two passes: the second adds the focus that the
//! first pass's choices vote for.

use crate::analysis::fnv::FnvMap;

use super::entities::{Candidate, Entity, EntityType, Mention, Place, PlaceKind};
use super::gazetteer::{Gazetteer, NameMatch, PlaceId, VILLAGE_POPULATION};
use super::text::Span;
use super::town_in_name::place_by_town_in_name;
use super::{currency, phones};

/// How many alternatives a place keeps.
const MAX_ALTERNATIVES: usize = 5;
/// Candidates considered per mention, best priors first.
const MAX_CANDIDATES: usize = 40;

/// How a candidate was reached from the mention's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Via {
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
struct Scored {
    place: PlaceId,
    via: Via,
    prior: f64,
    score: f64,
    reasons: Vec<Reason>,
    /// Context placed it in a region the article names or near its other places.
    supported: bool,
    /// Local evidence placed it: a qualifier, the article's region, nearness to other places
    /// (the country the article is about is not enough).
    local: bool,
    /// It is taken only when a qualifier follows the name: a town named like a country.
    needs_qualifier: bool,
    qualified: bool,
    /// It lies outside the place whose possessive names it ("London's Heathrow"), which the
    /// article would not have written.
    outside_owner: bool,
}

/// Why context moved a candidate's score, put into words only for the candidate chosen: the
/// scores are recomputed for every candidate on every pass.
#[derive(Clone, Copy, Debug)]
enum Reason {
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

impl Reason {
    fn describe(self, g: &Gazetteer) -> String {
        match self {
            Reason::Said(words) => words.to_string(),
            Reason::ArticleRegion(region) => {
                format!("the article's places are in {}", g.name(region))
            }
            Reason::AreaCode(region) => {
                format!("the article gives a telephone number in {}", g.name(region))
            }
            Reason::FollowedBy(q) => format!("followed by “{}”", g.name(q)),
            Reason::ArticleCountry(country) => format!("the article is about {}", g.name(country)),
            Reason::Near(near) if g.kind(near) == PlaceKind::Admin1 => {
                format!("{} is mentioned", g.name(near))
            }
            Reason::Near(near) => format!("near {}", g.name(near)),
            Reason::CapitalOfNamed(country) => {
                format!("capital of {}, which the article names", g.name(country))
            }
            Reason::Owned(owner) => format!("in {}, as the text says", g.name(owner)),
            Reason::InNamedCountry(country) => {
                format!("in {}, which the article names", g.name(country))
            }
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

/// Words that end a street's name: a street is not in the place it is named after.
pub(crate) const STREET_WORDS: &[&str] = &[
    "street",
    "road",
    "avenue",
    "highway",
    "lane",
    "drive",
    "boulevard",
    "pike",
    "turnpike",
];

/// Words after a place name that make it a facility or a part of the place.
const FACILITY_WORDS: &[&str] = &[
    "airport",
    "plant",
    "power",
    "nuclear",
    "station",
    "facility",
    "reactor",
    "port",
    "harbor",
    "harbour",
    "base",
    "dam",
    "bridge",
    "university",
    "hospital",
    "prison",
    "square",
    "stadium",
    "mosque",
    "cathedral",
    "church",
    "temple",
    "palace",
    "refinery",
    "mine",
    "field",
    "center",
    "centre",
    "camp",
    "complex",
    "site",
    "area",
    "region",
    "province",
    "district",
    "county",
    "state",
    "city",
    "town",
    "village",
    "oblast",
    "governorate",
    "prefecture",
    "republic",
    "municipality",
    "parish",
    "valley",
    "island",
    "islands",
    "metropolitan",
    "metro",
    "border",
    "market",
    "zoo",
    "park",
    "library",
    "museum",
    "hotel",
    "school",
    "college",
    "court",
    "courthouse",
    "hall",
    "office",
    "embassy",
];

/// Leading words that locate within a place: "northern Iraq", "central Moscow".
pub(crate) const DIRECTION_WORDS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "downtown",
    "greater",
    "upper",
    "lower",
    "mainland",
    "rural",
    "coastal",
    "inner",
];

/// Resolves LOC spans of `text`. `dateline` is the article's dateline span, if any.
pub fn resolve_spans(
    gazetteer: &Gazetteer,
    text: &str,
    spans: &[Span],
    dateline: Option<Span>,
) -> Vec<Option<Resolution>> {
    resolve_spans_with_evidence(gazetteer, text, spans, &[], dateline).0
}

/// Resolves LOC spans together with `evidence`: place names that are no places of the article
/// themselves (the "Alexandria" of "Alexandria Police") but tell where it is. Both are resolved
/// as one set of names, so that each votes for the others' countries, regions and neighbours;
/// the second list holds the evidence's own resolutions. Evidence overlapping a span is ignored.
pub fn resolve_spans_with_evidence(
    gazetteer: &Gazetteer,
    text: &str,
    spans: &[Span],
    evidence: &[Span],
    dateline: Option<Span>,
) -> (Vec<Option<Resolution>>, Vec<Option<Resolution>>) {
    let mut of_evidence: Vec<Option<Resolution>> = vec![None; evidence.len()];
    let kept: Vec<(usize, Span)> = evidence
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, e)| !spans.iter().any(|s| s.start < e.end && e.start < s.end))
        .collect();
    if kept.is_empty() {
        return (resolve_all(gazetteer, text, spans, dateline), of_evidence);
    }
    // Text order, as the lists and qualifiers between neighbouring names expect.
    let mut merged: Vec<(Span, Origin)> = spans
        .iter()
        .enumerate()
        .map(|(i, s)| (*s, Origin::Span(i)))
        .chain(kept.iter().map(|&(i, e)| (e, Origin::Evidence(i))))
        .collect();
    merged.sort_by_key(|(s, _)| (s.start, s.end));
    let all: Vec<Span> = merged.iter().map(|(s, _)| *s).collect();
    let resolved = resolve_all(gazetteer, text, &all, dateline);
    let mut own = vec![None; spans.len()];
    for ((_, origin), resolution) in merged.iter().zip(resolved) {
        match *origin {
            Origin::Span(i) => own[i] = resolution,
            Origin::Evidence(i) => of_evidence[i] = resolution,
        }
    }
    (own, of_evidence)
}

/// Which list, and where in it, a name resolved with the others came from.
#[derive(Clone, Copy)]
enum Origin {
    Span(usize),
    Evidence(usize),
}

fn resolve_all(
    gazetteer: &Gazetteer,
    text: &str,
    spans: &[Span],
    dateline: Option<Span>,
) -> Vec<Option<Resolution>> {
    let surfaces: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
    let mut candidates: Vec<Vec<Scored>> = surfaces
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if listed_before_street_word(text, spans, i) {
                return Vec::new();
            }
            // "Cooke, Grayson and Love counties": each name is a county's.
            if let Some(word) = listed_before_division_word(text, spans, i) {
                let counties = generate(gazetteer, &format!("{} {word}", clean_surface(s)));
                if counties
                    .iter()
                    .any(|c| gazetteer.kind(c.place) == PlaceKind::Admin2)
                {
                    return counties;
                }
            }
            generate(gazetteer, s)
        })
        .collect();
    // "China, Japan" and "Washington, Pennsylvania" are lists, not a place and its region: a
    // qualifier of the same level as the name itself (two countries, two regions of one
    // country) qualifies nothing.
    let qualifiers: Vec<Vec<PlaceId>> = spans
        .iter()
        .zip(&candidates)
        .map(|(span, list)| {
            let found = qualifier_after(gazetteer, text, *span);
            let listed = found.iter().any(|&q| {
                list.iter().any(|c| {
                    c.via == Via::Name
                        && match (gazetteer.kind(c.place), gazetteer.kind(q)) {
                            (PlaceKind::Country, PlaceKind::Country) => true,
                            (PlaceKind::Admin1, PlaceKind::Admin1) => {
                                gazetteer.country_of(c.place) == gazetteer.country_of(q)
                            }
                            _ => false,
                        }
                })
            });
            if listed {
                Vec::new()
            } else {
                found
            }
        })
        .collect();
    let demonym_countries = demonyms_in(gazetteer, text, spans);
    let phone_regions = telephone_regions(gazetteer, text);
    let (phone_country_votes, phone_region_votes) = telephone_votes(gazetteer, &phone_regions);
    let money_votes = currency_votes(gazetteer, text);
    let dateline_town = dateline
        .map(|d| d.slice(text))
        .and_then(|d| dateline_place(gazetteer, d));
    let dateline_country = dateline_town.and_then(|p| gazetteer.country_of(p));

    let keys: Vec<String> = surfaces
        .iter()
        .map(|s| gazetteer.fold(clean_surface(s)))
        .collect();
    let roles: Vec<Role> = spans
        .iter()
        .enumerate()
        .map(|(i, span)| {
            let mut role = role_of(text, spans, i, *span, &qualifiers);
            // Only a region that holds one of the previous name's places qualifies it.
            role.qualifies.retain(|&q| {
                candidates[i - 1].iter().any(|c| match gazetteer.kind(q) {
                    PlaceKind::Admin1 => gazetteer.admin1_of(c.place) == Some(q),
                    _ => c.place != q && gazetteer.country_of(c.place) == Some(q),
                })
            });
            // Teams that make the national news come from cities; a name with no city of
            // 100,000 is a local side, from the town near the article's other places.
            role.opponent &= candidates[i].iter().any(|c| {
                gazetteer.kind(c.place) == PlaceKind::City
                    && gazetteer.population(c.place) >= TEAM_CITY
            });
            role
        })
        .collect();
    // Pass 1: priors and local evidence; later passes add the document's focus and nearness to
    // the places the earlier pass chose for the other names, so that evidence spreads along a
    // chain of names ("Dublin" near "Columbus" near "Franklin County").
    let mut chosen: Vec<Option<PlaceId>> = vec![None; spans.len()];
    for pass in 0..PASSES {
        let support = colocation_support(gazetteer, &candidates, &keys, &chosen);
        let mut votes = country_votes(gazetteer, &candidates, &chosen, &keys, &demonym_countries);
        votes.extend_from_slice(&phone_country_votes);
        votes.extend_from_slice(&money_votes);
        let regions = if pass == 0 {
            Vec::new()
        } else {
            let mut regions = region_votes(gazetteer, &candidates, &chosen, &keys);
            regions.extend_from_slice(&phone_region_votes);
            regions
        };
        // The countries the article names outright, by the key of the name that names them.
        let named_countries: Vec<(&str, PlaceId)> = chosen
            .iter()
            .zip(&keys)
            .filter_map(|(place, key)| {
                place
                    .filter(|&p| gazetteer.kind(p) == PlaceKind::Country)
                    .map(|p| (key.as_str(), p))
            })
            .collect();
        for (i, list) in candidates.iter_mut().enumerate() {
            // Naming France tells Paris from Paris, Kentucky; naming the United States does not
            // tell Washington from Washington state.
            let countries_named: Vec<PlaceId> = named_countries
                .iter()
                .filter(|(key, _)| *key != keys[i])
                .map(|&(_, p)| p)
                .filter(|&country| names_one_place_in(gazetteer, list, country))
                .collect();
            let (focus, region_focus) = if pass == 0 {
                (Vec::new(), Vec::new())
            } else {
                (
                    country_focus(&votes, &keys[i]),
                    region_focus(&regions, &keys[i]),
                )
            };
            let peers = list_peers(gazetteer, &roles[i], &chosen);
            let owner = roles[i].owner.and_then(|o| chosen[o]);
            for c in list.iter_mut() {
                c.score = c.prior;
                c.reasons.clear();
                score_context(
                    gazetteer,
                    c,
                    &Context {
                        qualifiers: &qualifiers[i],
                        focus: &focus,
                        region_focus: &region_focus,
                        phone_regions: &phone_regions,
                        dateline_country,
                        support: &support[i],
                        role: &roles[i],
                        peers: &peers,
                        countries_named: &countries_named,
                        owner,
                    },
                );
            }
        }
        share_evidence_within_names(&mut candidates, &keys);
        for (i, list) in candidates.iter_mut().enumerate() {
            list.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.place.cmp(&b.place)));
            // A village is meant only where the article is local to it: without local evidence
            // it goes behind every other candidate.
            list.sort_by_key(|c| lacks_local_support(gazetteer, c));
            chosen[i] = list
                .first()
                .filter(|c| !lacks_local_support(gazetteer, c))
                .map(|c| c.place);
        }
    }
    let mut resolutions: Vec<Option<Resolution>> = candidates
        .iter()
        .zip(spans)
        .map(|(list, span)| {
            let best = list.first()?;
            // A town by a county's name, or a place whose name is only generic words ("North
            // Side", "West Coast", "Valley"), needs the article's support; a town of such a
            // name after "the" is not meant at all.
            let generic = is_generic_name(gazetteer.key(best.place));
            // "Thames Valley" is no town of Thames abroad: a valley or region is named after
            // its river or people more often than after a town. A direction before a city
            // ("North Dallas") names a part of it.
            let stripped_town = best.via == Via::Stripped
                && gazetteer.kind(best.place) == PlaceKind::City
                && ends_in_generic_word(span.slice(text));
            if (matches!(best.via, Via::County | Via::Spelling) || generic || stripped_town)
                && !best.supported
                || generic
                    && gazetteer.kind(best.place) == PlaceKind::City
                    && after_article(text, *span)
                || lacks_local_support(gazetteer, best)
            {
                return None;
            }
            let second = list.get(1).map(|c| c.score);
            let margin = second.map_or(4.0, |s| best.score - s);
            let confidence = 1.0 / (1.0 + (-(margin + 0.5)).exp());
            let mut alternatives = Vec::new();
            for c in list.iter().skip(1) {
                if alternatives.len() == MAX_ALTERNATIVES {
                    break;
                }
                if !alternatives.contains(&c.place) && c.place != best.place {
                    alternatives.push(c.place);
                }
            }
            let mut explanation = explain(gazetteer, best);
            if gazetteer.is_capital(best.place) && acts_after(text, *span) {
                if let Some(country) = gazetteer.country_of(best.place) {
                    explanation.push_str(&format!(
                        "; stands for the government of {}",
                        gazetteer.name(country)
                    ));
                }
            }
            Some(Resolution {
                place: best.place,
                confidence: (confidence * 100.0).round() / 100.0,
                alternatives,
                explanation,
                within: false,
            })
        })
        .collect();
    place_in_owners(gazetteer, &candidates, &roles, &mut resolutions);
    place_by_town_in_name(gazetteer, text, spans, &mut resolutions);
    let facility_support: Vec<Option<TownEvidence>> = candidates
        .iter()
        .map(|list| {
            list.first()
                .filter(|c| c.via == Via::Facility)
                .map(|c| match (c.local, c.supported) {
                    (true, _) => TownEvidence::Local,
                    (false, true) => TownEvidence::Country,
                    (false, false) => TownEvidence::None,
                })
        })
        .collect();
    place_local_features(
        gazetteer,
        text,
        spans,
        &facility_support,
        dateline_town,
        &mut resolutions,
    );
    resolutions
}

/// A name the text puts in a town ("August in New Orleans", "London's Heathrow") whose places
/// of that name all lie elsewhere: the gazetteer lacks it there, so it is placed in that town.
fn place_in_owners(
    g: &Gazetteer,
    candidates: &[Vec<Scored>],
    roles: &[Role],
    resolutions: &mut [Option<Resolution>],
) {
    for i in 0..resolutions.len() {
        let outside = candidates[i].first().is_some_and(|c| c.outside_owner);
        if resolutions[i].is_some() || !outside {
            continue;
        }
        let Some(town) = roles[i]
            .owner
            .and_then(|o| resolutions[o].as_ref())
            .map(|r| r.place)
            .filter(|&t| matches!(g.kind(t), PlaceKind::City | PlaceKind::Admin2))
        else {
            continue;
        };
        resolutions[i] = Some(Resolution::within_town(
            town,
            format!(
                "not in the gazetteer in {0}; placed in {0}, where the text puts it",
                g.name(town)
            ),
        ));
    }
}

/// What speaks for the town a building is named after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TownEvidence {
    /// A qualifier, the article's region or its other places.
    Local,
    /// Only the country the article is about.
    Country,
    None,
}

/// Last words of a name that make it a street, building or part of a town.
const LOCAL_FEATURE_WORDS: &[&str] = &[
    "street",
    "st",
    "road",
    "avenue",
    "ave",
    "lane",
    "drive",
    "boulevard",
    "highway",
    "hospital",
    "school",
    "elementary",
    "high",
    "college",
    "center",
    "centre",
    "church",
    "club",
    "estate",
    "park",
    "stadium",
    "hall",
    "library",
    "museum",
    "market",
    "mall",
    "plaza",
    "square",
    "station",
    "courthouse",
    "theatre",
    "theater",
    "farm",
    "farms",
    "neighborhood",
    "district",
    "airport",
    "racecourse",
    "arena",
    "casino",
    "hotel",
    "zoo",
    "aquarium",
    "gallery",
    "gardens",
    "cemetery",
    "terminal",
    "studio",
    "studios",
    "furnaces",
];

/// A street, building or neighbourhood that the gazetteer does not know ("Third Street",
/// "Northwestern Memorial Hospital") lies, most likely, in the town the text names next to it:
/// the nearest town in its sentence, else the nearest town before it, else the town the
/// article names most, else the dateline's. It is placed there with a low confidence. A
/// building reached through a town inside its name ("Stonewall Golf Club") that no local
/// evidence supports is placed the same way: such a name is often a person's or a far
/// namesake's.
fn place_local_features(
    g: &Gazetteer,
    text: &str,
    spans: &[Span],
    facility_support: &[Option<TownEvidence>],
    dateline: Option<PlaceId>,
    resolutions: &mut [Option<Resolution>],
) {
    let (towns, confidences): (Vec<(Span, PlaceId)>, Vec<f64>) = spans
        .iter()
        .zip(resolutions.iter())
        .zip(facility_support)
        .filter_map(|((span, r), facility)| {
            let r = r.as_ref()?;
            // A name placed in a town is no town of its own.
            (g.kind(r.place) == PlaceKind::City
                && !r.within
                && *facility != Some(TownEvidence::None))
            .then_some(((*span, r.place), r.confidence))
        })
        .unzip();
    let home = most_named_town(&towns);
    // A doubtful town ("Charleston" of five) would carry its doubt, and often its error, to
    // the streets around it.
    let sure_towns: Vec<(Span, PlaceId)> = towns
        .iter()
        .zip(&confidences)
        .filter(|(_, &c)| c >= SURE_TOWN)
        .map(|(t, _)| *t)
        .collect();
    // Without the text's word for it, a building lies in the country the article is about: a
    // lone town abroad nearby ("Norbury" in an article on Virginia) is no home for it.
    let main_country = main_country(g, resolutions);
    let home_towns: Vec<(Span, PlaceId)> = sure_towns
        .iter()
        .filter(|(_, t)| main_country.is_none() || g.country_of(*t) == main_country)
        .copied()
        .collect();
    // An article on a county's hospital or school may name no town at all.
    let home_county = sole_most(&tally(
        resolutions
            .iter()
            .flatten()
            .filter(|r| {
                !r.within
                    && r.confidence >= SURE_TOWN
                    && g.kind(r.place) == PlaceKind::Admin2
                    && (main_country.is_none() || g.country_of(r.place) == main_country)
            })
            .map(|r| r.place),
    ))
    .map(|(county, _)| county);
    for (i, span) in spans.iter().enumerate() {
        if !is_local_feature(span.slice(text)) {
            continue;
        }
        // "Lakeview Hospital in Seattle", "Elm Street, Boise": the town written right after.
        let named_after = sure_towns.iter().find(|(s, _)| {
            let gap = text.get(span.end..s.start).unwrap_or("x");
            matches!(gap.trim(), "in" | "," | "of")
        });
        // A building reached through its name's town stays there when the article's places are
        // near that town, unless the text puts it in another town.
        let replaceable = match (&resolutions[i], facility_support[i]) {
            (None, _) => true,
            (Some(_), Some(TownEvidence::Local)) => named_after.is_some(),
            (Some(_), Some(_)) => true,
            // "Victoria Park" in an article on a Canadian town is its park, not the Hong Kong
            // suburb: a feature's name that found a place abroad is the article's own.
            (Some(r), None) => main_country.is_some_and(|m| g.country_of(r.place) != Some(m)),
        };
        if !replaceable {
            continue;
        }
        let sentence = sentence_around(text, *span);
        let in_sentence = home_towns
            .iter()
            .filter(|(s, _)| s.start >= sentence.0 && s.end <= sentence.1)
            .min_by_key(|(s, _)| s.start.abs_diff(span.start));
        let before = home_towns.iter().rev().find(|(s, _)| s.end <= span.start);
        let (town, why) = if let Some(&(_, t)) = named_after {
            (t, "the town written after it")
        } else if let Some(&(_, t)) = in_sentence {
            (t, "the town named in its sentence")
        } else if let Some(&(_, t)) = before {
            (t, "the town named before it")
        } else if let Some(t) =
            home.filter(|&t| main_country.is_none() || g.country_of(t) == main_country)
        {
            (t, "the town the article names most")
        } else if let Some(t) = dateline.filter(|&t| g.kind(t) == PlaceKind::City) {
            (t, "the dateline's town")
        } else if let Some(c) = home_county {
            (c, "the county the article names most")
        } else {
            // A far namesake or a person's name ("Robert Trent Jones Golf Club") is worse
            // than no place.
            if facility_support[i] == Some(TownEvidence::None) {
                resolutions[i] = None;
            }
            continue;
        };
        let known = if resolutions[i].is_some() {
            "its name's place is not where the article is"
        } else {
            "not in the gazetteer"
        };
        resolutions[i] = Some(Resolution::within_town(
            town,
            format!("{known}; placed in {}, {why}", g.name(town)),
        ));
    }
}

/// The country most of the article's resolved mentions lie in, if one has more than any other.
fn main_country(g: &Gazetteer, resolutions: &[Option<Resolution>]) -> Option<PlaceId> {
    let countries = tally(
        resolutions
            .iter()
            .flatten()
            .filter_map(|r| g.country_of(r.place)),
    );
    sole_most(&countries).map(|(country, _)| country)
}

/// How often each place occurs, in order of first occurrence (an article names a few).
fn tally(places: impl Iterator<Item = PlaceId>) -> Vec<(PlaceId, usize)> {
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
fn sole_most(counts: &[(PlaceId, usize)]) -> Option<(PlaceId, usize)> {
    let &(place, most) = counts.iter().max_by_key(|(_, n)| *n)?;
    (counts.iter().filter(|(_, n)| *n == most).count() == 1).then_some((place, most))
}

/// The confidence a town's resolution needs before the streets and buildings beside it are
/// placed in it.
pub(crate) const SURE_TOWN: f64 = 0.9;

/// The town named most, if one is; a town named once among others is no clear home.
fn most_named_town(towns: &[(Span, PlaceId)]) -> Option<PlaceId> {
    let counts = tally(towns.iter().map(|&(_, place)| place));
    let (home, most) = sole_most(&counts)?;
    (most >= 2 || counts.len() == 1).then_some(home)
}

/// Words of a name that put it outside any town: national parks and forests, seas.
pub(crate) const OUTSIDE_TOWN_WORDS: &[&str] =
    &["National", "Forest", "Wilderness", "Sea", "Ocean"];

/// Whether a name ends in a word of a street, building or part of a town; national and state
/// parks and forests lie outside towns.
fn is_local_feature(surface: &str) -> bool {
    let words: Vec<&str> = surface.split_whitespace().collect();
    let last = words
        .last()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .unwrap_or_default();
    // "North State Street" is a town's street, "Lake State Park" no town's.
    let street = STREET_WORDS.contains(&last.as_str());
    let outside = words
        .iter()
        .any(|w| OUTSIDE_TOWN_WORDS.contains(w) || *w == "State" && !street);
    // "Museum of Ice Cream": the building's word leads.
    let head = words.len() >= 3
        && words[1] == "of"
        && LOCAL_FEATURE_WORDS.contains(&words[0].to_lowercase().as_str());
    words.len() >= 2 && !outside && (head || LOCAL_FEATURE_WORDS.contains(&last.as_str()))
}

/// The byte range of the sentence holding `span`: from after the previous full stop, question
/// or exclamation mark or line break to the next.
fn sentence_around(text: &str, span: Span) -> (usize, usize) {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let start = text
        .get(..span.start)
        .and_then(|t| t.rfind(is_end))
        .map_or(0, |i| i + 1);
    let end = text
        .get(span.end..)
        .and_then(|t| t.find(is_end))
        .map_or(text.len(), |i| span.end + i);
    (start, end)
}

/// Passes of scoring: the first without the document's focus, then two that each spread the
/// previous pass's choices one step further along the article's names.
const PASSES: usize = 3;

fn lacks_local_support(g: &Gazetteer, c: &Scored) -> bool {
    c.needs_qualifier && !c.qualified
        || c.outside_owner
        || !c.local
            && g.kind(c.place) == PlaceKind::City
            && g.population(c.place) < VILLAGE_POPULATION
}

/// Whether a name's candidates in `country` are all one place (a city and the district of the
/// same name), so that naming the country picks it.
fn names_one_place_in(g: &Gazetteer, list: &[Scored], country: PlaceId) -> bool {
    const SAME_PLACE_KM: f64 = 100.0;
    let mut inside = list
        .iter()
        .filter(|c| c.place != country && g.country_of(c.place) == Some(country));
    let Some(first) = inside.next() else {
        return true;
    };
    let (lat, lon) = (g.lat(first.place), g.lon(first.place));
    inside.all(|c| distance_km(lat, lon, g.lat(c.place), g.lon(c.place)) < SAME_PLACE_KM)
}

/// One name, one place: every mention of a name takes, for each candidate, the best evidence
/// any of its mentions has ("Scott County, Indiana" early on settles a later bare "Scott
/// County").
fn share_evidence_within_names(candidates: &mut [Vec<Scored>], keys: &[String]) {
    let mut best: FnvMap<(&str, PlaceId), Scored> = FnvMap::default();
    for (list, key) in candidates.iter().zip(keys) {
        for c in list {
            let better = best
                .get(&(key.as_str(), c.place))
                .is_none_or(|b| c.score > b.score);
            if better {
                best.insert((key.as_str(), c.place), c.clone());
            }
        }
    }
    for (list, key) in candidates.iter_mut().zip(keys) {
        for c in list.iter_mut() {
            if let Some(b) = best.get(&(key.as_str(), c.place)) {
                if b.score > c.score {
                    // The same place by the same name: only the evidence differs.
                    *c = b.clone();
                }
            }
        }
    }
}

struct Context<'a> {
    qualifiers: &'a [PlaceId],
    focus: &'a [(PlaceId, f64)],
    /// First-level regions' shares of the article's places, as `focus` has countries'.
    region_focus: &'a [(PlaceId, f64)],
    /// The regions of the article's telephone numbers' area codes.
    phone_regions: &'a [PlaceId],
    dateline_country: Option<PlaceId>,
    /// Per candidate (in `generate` order, by place): co-located places of other names.
    support: &'a [Colocation],
    role: &'a Role,
    /// What the names listed beside this one were read as (see `list_peers`).
    peers: &'a [(PlaceKind, PlaceId)],
    /// Countries that other names of the article were read as.
    countries_named: &'a [PlaceId],
    /// The place that the name holding this one was read as ("London's", "in New Orleans").
    owner: Option<PlaceId>,
}

/// What the words around a name say about the kind of place it is.
#[derive(Clone, Debug, Default)]
struct Role {
    /// It qualifies the name before it ("Buffalo, New York"): a region or country, and these
    /// are the regions and countries that would contain the name before it.
    qualifies: Vec<PlaceId>,
    /// A word after it that only a region takes: "New York state", "New York Gov. Cuomo".
    regional_word: bool,
    /// Names listed with it ("Ohio, Indiana and New York"), by index.
    listed_with: Vec<usize>,
    /// A council after it that governs a district: "Enfield Council", "Kent County Council".
    council_word: bool,
    /// The name that holds it, by index: the one before ("London's Heathrow", "Giza's Haram
    /// district") or after it ("August in New Orleans").
    owner: Option<usize>,
    /// It names a side in a contest ("outlasted Louisville", "against Duke"): a team, whose
    /// home is the town the country knows by the name, wherever the game is played.
    opponent: bool,
}

/// Words after a name that make it a first-level region: "New York state", "Texas Gov.".
const REGIONAL_WORDS: &[&str] = &[
    "state",
    "State",
    "statewide",
    "Gov",
    "Gov.",
    "Governor",
    "governor",
    "Legislature",
    "legislature",
    "legislators",
];

/// The role the text gives the name at `i`.
fn role_of(text: &str, spans: &[Span], i: usize, span: Span, qualifiers: &[Vec<PlaceId>]) -> Role {
    let mut role = Role::default();
    if i > 0 {
        let gap = text.get(spans[i - 1].end..span.start).unwrap_or("");
        if matches!(gap, ", " | "," | " (") {
            role.qualifies = qualifiers[i - 1].clone();
        }
    }
    let next = text
        .get(span.end..)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("");
    let next = next.trim_end_matches([',', ';', ':', ')']);
    role.regional_word =
        text.get(span.end..).is_some_and(|r| r.starts_with(' ')) && REGIONAL_WORDS.contains(&next);
    role.council_word = names_district_council(text.get(span.end..).unwrap_or(""));
    role.opponent = names_opponent(text.get(..span.start).unwrap_or(""));
    let possessed = i > 0 && matches!(text.get(spans[i - 1].end..span.start), Some("'s " | "’s "));
    let inside_next = spans
        .get(i + 1)
        .is_some_and(|next| text.get(span.end..next.start) == Some(" in "));
    role.owner = if possessed {
        Some(i - 1)
    } else if inside_next {
        Some(i + 1)
    } else {
        None
    };
    // The names chained to this one by list separators, both ways.
    let is_separator = is_list_separator;
    let mut j = i;
    while j > 0 && is_separator(text.get(spans[j - 1].end..spans[j].start).unwrap_or("")) {
        j -= 1;
        role.listed_with.push(j);
    }
    let mut j = i;
    while j + 1 < spans.len()
        && is_separator(text.get(spans[j].end..spans[j + 1].start).unwrap_or(""))
    {
        j += 1;
        role.listed_with.push(j);
    }
    role
}

/// Whether the words after a name make it a district's council: "Enfield Council", "Wealden
/// District Council", "Kent County Council". A "City Council" or "Town Council" says less:
/// towns of every country have one, and a district of the name is then no likelier than a town.
fn names_district_council(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let mut words = rest.split_whitespace().map(clean_surface);
    match words.next() {
        Some("Council") => true,
        Some("Borough" | "District" | "County") => words.next() == Some("Council"),
        _ => false,
    }
}

/// Words before a name that make it a side in a game: "beat Louisville", "against Duke".
const CONTEST_WORDS: &[&str] = &[
    "against",
    "beat",
    "beats",
    "defeated",
    "defeats",
    "outlasted",
    "edged",
    "routed",
    "vs",
    "vs.",
    "versus",
];

/// A town big enough to field the teams national news reports on.
const TEAM_CITY: u64 = 100_000;

/// Whether the word right before a name makes it a side in a contest.
fn names_opponent(before: &str) -> bool {
    word_just_before(before).is_some_and(|w| CONTEST_WORDS.contains(&w))
}

/// The last word of `before` when a single space separates it from what follows: the word a
/// name is read with ("the Valley", "beat Louisville").
fn word_just_before(before: &str) -> Option<&str> {
    before
        .strip_suffix(' ')
        .and_then(|b| b.split_whitespace().next_back())
}

/// Whether the name at `i` ends a list, or stands in one, that a plural division word closes:
/// "Eastland and Callahan counties". Returns the singular word to add to the name.
fn listed_before_division_word(text: &str, spans: &[Span], i: usize) -> Option<&'static str> {
    match word_after_list(text, spans, i)? {
        "counties" | "Counties" => Some("County"),
        "parishes" | "Parishes" => Some("Parish"),
        _ => None,
    }
}

/// Whether the name at `i` stands in a list that a plural street word closes: "where Clinton
/// and Fulton streets meet". A street is not the town it is named after.
fn listed_before_street_word(text: &str, spans: &[Span], i: usize) -> bool {
    word_after_list(text, spans, i).is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "streets" | "avenues" | "roads" | "boulevards" | "drives" | "lanes"
        )
    })
}

/// The word right after the list of names that the name at `i` stands in (or after the name
/// alone), without its punctuation.
fn word_after_list<'t>(text: &'t str, spans: &[Span], i: usize) -> Option<&'t str> {
    let mut last = i;
    while last + 1 < spans.len()
        && is_list_separator(
            text.get(spans[last].end..spans[last + 1].start)
                .unwrap_or(""),
        )
    {
        last += 1;
    }
    let rest = text.get(spans[last].end..)?;
    let word = rest.strip_prefix(' ')?.split_whitespace().next()?;
    Some(word.trim_end_matches(|c: char| !c.is_alphabetic()))
}

fn is_list_separator(gap: &str) -> bool {
    matches!(gap, ", " | " and " | ", and " | " or " | ", or ")
}

/// What the names listed with this one were chosen as: countries, and first-level regions
/// with their country ("Michigan, Oregon, New York, Indiana": New York is a state too; "the
/// United States and China": China is the country).
fn list_peers(g: &Gazetteer, role: &Role, chosen: &[Option<PlaceId>]) -> Vec<(PlaceKind, PlaceId)> {
    let mut peers = Vec::new();
    for &j in &role.listed_with {
        let Some(place) = chosen.get(j).copied().flatten() else {
            continue;
        };
        let peer = match g.kind(place) {
            PlaceKind::Admin1 => g.country_of(place).map(|c| (PlaceKind::Admin1, c)),
            PlaceKind::Country => Some((PlaceKind::Country, place)),
            _ => None,
        };
        if let Some(peer) = peer {
            if !peers.contains(&peer) {
                peers.push(peer);
            }
        }
    }
    peers
}

fn score_context(g: &Gazetteer, c: &mut Scored, cx: &Context) {
    let country = g.country_of(c.place);
    let admin1 = g.admin1_of(c.place);
    let kind = g.kind(c.place);
    if cx.role.qualifies.contains(&c.place) {
        c.score += 8.0;
        c.supported = true;
        c.reasons
            .push(Reason::Said("the region of the place before it"));
    }
    // "New York Gov." says the state as plainly as "Buffalo, New York" does: as much as a
    // qualifier, so that a city of the name near the article's other places does not win.
    if cx.role.regional_word && kind == PlaceKind::Admin1 {
        c.score += 8.0;
        c.supported = true;
    }
    // A district council is the local government of a second-level division: "Enfield
    // Council" is the London borough's, not a town's of the name abroad, as plainly as a
    // qualifier says it.
    if cx.role.council_word && kind == PlaceKind::Admin2 {
        c.score += 8.0;
        c.supported = true;
        c.local = true;
        c.reasons
            .push(Reason::Said("its council governs a district"));
    }
    let listed_with_peers = match kind {
        PlaceKind::Admin1 => cx
            .peers
            .iter()
            .any(|&(k, p)| k == kind && country == Some(p)),
        PlaceKind::Country => cx.peers.iter().any(|&(k, _)| k == kind),
        _ => false,
    };
    if listed_with_peers {
        c.score += 3.0;
        c.supported = true;
        c.reasons.push(Reason::Said(if kind == PlaceKind::Country {
            "listed with other countries"
        } else {
            "listed with other regions"
        }));
    }
    // The region the article's places lie in: "Gainesville" in an article about Georgia.
    let region = if kind == PlaceKind::Admin1 {
        Some(c.place)
    } else {
        admin1
    };
    // "London's Heathrow", "August in New Orleans": what a place holds lies in it; a namesake
    // elsewhere is not meant, and with none inside the name is better left unplaced.
    // A country or region is no part of a town ("the Embassy of Ukraine in Nigeria").
    c.outside_owner = false;
    if let Some(owner) = cx
        .owner
        .filter(|_| matches!(kind, PlaceKind::City | PlaceKind::Admin2))
    {
        match lies_within(g, c.place, owner) {
            Some(true) => {
                c.score += 4.0;
                c.supported = true;
                c.local = true;
                c.reasons.push(Reason::Owned(owner));
            }
            Some(false) => c.outside_owner = true,
            None => {}
        }
    }
    // A team is not from the town where it plays: where the article is local says nothing of
    // which town of the name it comes from.
    let as_team = cx.role.opponent && kind == PlaceKind::City;
    if let Some(region) = region.filter(|_| !as_team) {
        if let Some(&(_, share)) = cx.region_focus.iter().find(|(p, _)| *p == region) {
            c.score += 6.0 * share;
            if share >= 0.3 {
                c.supported = true;
                c.local = true;
                if region != c.place {
                    c.reasons.push(if cx.phone_regions.contains(&region) {
                        Reason::AreaCode(region)
                    } else {
                        Reason::ArticleRegion(region)
                    });
                }
            }
        }
    }
    for &q in cx.qualifiers {
        let inside = match g.kind(q) {
            PlaceKind::Country => country == Some(q) && c.place != q,
            PlaceKind::Admin1 => admin1 == Some(q) && c.place != q,
            _ => false,
        };
        if inside {
            c.score += 8.0;
            c.supported = true;
            c.local = true;
            c.qualified = true;
            c.reasons.push(Reason::FollowedBy(q));
            break;
        }
    }
    if let Some(country) = country {
        if let Some(&(_, share)) = cx.focus.iter().find(|(p, _)| *p == country) {
            if share >= 0.3 && c.place != country {
                c.supported = true;
            }
            if share > 0.0 && c.place != country {
                // A region of the country the article is about is likelier than a town.
                let weight = match g.kind(c.place) {
                    PlaceKind::Admin1 => 8.0,
                    _ => 6.0,
                };
                c.score += weight * share;
                if share >= 0.3 {
                    c.reasons.push(Reason::ArticleCountry(country));
                }
            } else if share > 0.0 {
                // The country itself, named in an article about it.
                c.score += 8.0 * share;
            }
        }
        if cx.dateline_country == Some(country) && c.place != country {
            c.score += 1.0;
        }
        // "Paris" in an article that names France is its capital, even where the article's
        // other places are all near a small Paris elsewhere: a nation's capital is what a
        // writer who names the nation means by the name.
        if g.is_capital(c.place) && cx.countries_named.contains(&country) {
            c.score += 6.0;
            c.supported = true;
            c.reasons.push(Reason::CapitalOfNamed(country));
        } else if kind == PlaceKind::City
            && g.population(c.place) >= 100_000
            && cx.countries_named.contains(&country)
        {
            c.score += 4.0;
            c.supported = true;
            c.reasons.push(Reason::InNamedCountry(country));
        }
    }
    if let Some(&Colocation {
        support,
        nearby,
        nearest: near,
        ..
    }) = cx
        .support
        .iter()
        .find(|s| s.place == c.place)
        .filter(|_| !as_team)
    {
        if support > 0.0 {
            c.score += 2.5 * support.min(2.0);
            if support >= 0.3 {
                c.supported = true;
                // A village needs a place near it: its state named somewhere is not enough.
                c.local |= nearby >= 0.3;
                if let Some(near) = near {
                    c.reasons.push(Reason::Near(near));
                }
            }
        }
    }
}

/// Whether `place` lies in `owner`: in the country or first-level region, or within a town's
/// reach of a town or district. `None` where the gazetteer cannot tell (a macro-region, a sea).
fn lies_within(g: &Gazetteer, place: PlaceId, owner: PlaceId) -> Option<bool> {
    const TOWN_REACH_KM: f64 = 50.0;
    if place == owner {
        return Some(false);
    }
    match g.kind(owner) {
        PlaceKind::Country => Some(g.country_of(place) == Some(owner)),
        PlaceKind::Admin1 => Some(g.admin1_of(place) == Some(owner)),
        PlaceKind::City | PlaceKind::Admin2 => Some(km_between(g, place, owner) < TOWN_REACH_KM),
        _ => None,
    }
}

/// What nearness needs of a place, read from the gazetteer once per pass rather than once per
/// pair of readings: the pairs are the resolver's hottest loop.
#[derive(Clone, Copy)]
struct Whereabouts {
    place: PlaceId,
    kind: PlaceKind,
    admin1: Option<PlaceId>,
    lat: f64,
    lon: f64,
}

impl Whereabouts {
    fn of(g: &Gazetteer, place: PlaceId) -> Whereabouts {
        Whereabouts {
            place,
            kind: g.kind(place),
            admin1: g.admin1_of(place),
            lat: g.lat(place),
            lon: g.lon(place),
        }
    }

    /// 1 for a place within 40 km of `other` or in its first-level region, 0.8 within 80 km, 0.5
    /// within 250 km. A town inside a county lies within 40 km of its middle; a namesake town 80
    /// km off lies in the next county ("Richmond" and "Madison County" lie together in Kentucky,
    /// and a little apart in Indiana).
    fn closeness(&self, other: &Whereabouts) -> f64 {
        match other.kind {
            PlaceKind::Admin1 if self.admin1 == Some(other.place) => 1.0,
            PlaceKind::City | PlaceKind::Admin2 => {
                // More than 2.3° of latitude apart is more than 250 km: no need for the
                // trigonometry.
                if (self.lat - other.lat).abs() > 2.3 {
                    return 0.0;
                }
                let km = distance_km(self.lat, self.lon, other.lat, other.lon);
                if km < 40.0 {
                    1.0
                } else if km < 80.0 {
                    0.8
                } else if km < 250.0 {
                    0.5
                } else {
                    0.0
                }
            }
            _ => 0.0,
        }
    }
}

/// A name's candidates, each with its likelihood relative to the name's likeliest.
type Readings = Vec<(Whereabouts, f64)>;

/// A candidate's support from the article's other names.
#[derive(Clone)]
struct Colocation {
    place: PlaceId,
    /// From places near it and regions that hold it.
    support: f64,
    /// From places near it alone.
    nearby: f64,
    /// The place that supports it most.
    nearest: Option<PlaceId>,
}

/// How strongly the article's other names place each candidate: for every other distinct name,
/// the best of its candidates that lies in the candidate's region or near it, weighed by its
/// prior likelihood relative to that name's likeliest reading, or the place an earlier pass
/// chose for it. This ties "Gainesville" to Texas when "Denton" is
/// also named, whichever is read first.
fn colocation_support(
    g: &Gazetteer,
    candidates: &[Vec<Scored>],
    keys: &[String],
    chosen: &[Option<PlaceId>],
) -> Vec<Vec<Colocation>> {
    const CONSIDERED: usize = 12;
    // A place chosen with the article's evidence is surer than a prior, though it may still be
    // wrong; it counts for most of a certain place.
    const CHOSEN_TRUST: f64 = 0.8;
    // Distinct names, each with its candidates' probabilities from their priors and its choice.
    let mut names: Vec<(&str, Readings, Option<Whereabouts>)> = Vec::new();
    for ((key, list), choice) in keys.iter().zip(candidates).zip(chosen) {
        if list.is_empty() || names.iter().any(|(k, _, _)| *k == key.as_str()) {
            continue;
        }
        let top: Vec<&Scored> = considered(list, CONSIDERED).collect();
        let max = top.iter().map(|c| c.prior).fold(f64::MIN, f64::max);
        // Likelihoods relative to the name's likeliest reading, tempered (square root): two
        // readings of two names that lie together are evidence for each other even when
        // neither is its name's likeliest ("Huntsville" and "Walker County" in Texas).
        let probabilities = top
            .iter()
            .map(|c| (Whereabouts::of(g, c.place), ((c.prior - max) * 0.5).exp()))
            .collect();
        names.push((
            key.as_str(),
            probabilities,
            choice.map(|d| Whereabouts::of(g, d)),
        ));
    }
    let support_for = |key: &str, list: &[Scored]| -> Vec<Colocation> {
        considered(list, CONSIDERED)
            .map(|c| {
                let here = Whereabouts::of(g, c.place);
                let local = matches!(here.kind, PlaceKind::City | PlaceKind::Admin2);
                let mut support = 0.0;
                let mut nearby = 0.0;
                let mut nearest: Option<(f64, PlaceId)> = None;
                for (other, probabilities, choice) in &names {
                    if *other == key || !local {
                        continue;
                    }
                    let mut best = 0.0;
                    let mut best_place: Option<&Whereabouts> = None;
                    for (d, p) in probabilities {
                        let weight = here.closeness(d) * p;
                        if weight > best {
                            best = weight;
                            best_place = Some(d);
                        }
                    }
                    if let Some(d) = choice {
                        let weight = here.closeness(d) * CHOSEN_TRUST;
                        if weight > best {
                            best = weight;
                            best_place = Some(d);
                        }
                    }
                    support += best;
                    if let Some(d) = best_place {
                        if d.kind != PlaceKind::Admin1 {
                            nearby += best;
                        }
                        if nearest.is_none_or(|(b, _)| best > b) {
                            nearest = Some((best, d.place));
                        }
                    }
                }
                Colocation {
                    place: c.place,
                    support,
                    nearby,
                    nearest: nearest.map(|(_, d)| d),
                }
            })
            .collect()
    };
    // Mentions of a name mostly repeat its candidates: work each such list out once.
    let mut done: Vec<(&str, &[Scored], Vec<Colocation>)> = Vec::new();
    keys.iter()
        .zip(candidates)
        .map(|(key, list)| {
            let same = |(k, l, _): &&(&str, &[Scored], Vec<Colocation>)| {
                *k == key.as_str()
                    && l.len() == list.len()
                    && l.iter().zip(list).all(|(a, b)| a.place == b.place)
            };
            if let Some((_, _, support)) = done.iter().find(same) {
                return support.clone();
            }
            let support = support_for(key, list);
            done.push((key.as_str(), list, support.clone()));
            support
        })
        .collect()
}

/// The first `count` candidates of a name, and every other that is as likely before context as
/// its likeliest: the two dozen "Franklin County"s are equally likely, and the one that lies
/// around "Dublin" must not be cut off by the order of a tie.
fn considered(list: &[Scored], count: usize) -> impl Iterator<Item = &Scored> {
    let likeliest = list.iter().map(|c| c.prior).fold(f64::MIN, f64::max);
    list.iter()
        .enumerate()
        .filter(move |&(i, c)| i < count || c.prior >= likeliest)
        .map(|(_, c)| c)
}

/// Each distinct chosen place's vote for its first-level region (a region votes for itself),
/// weighed as `country_votes` weighs them: a name whose candidates lie in several regions votes
/// less.
fn region_votes(
    g: &Gazetteer,
    candidates: &[Vec<Scored>],
    chosen: &[Option<PlaceId>],
    keys: &[String],
) -> Vec<Vote> {
    let mut votes: Vec<Vote> = Vec::new();
    let mut voted: Vec<PlaceId> = Vec::new();
    for ((list, choice), key) in candidates.iter().zip(chosen).zip(keys) {
        let Some(place) = *choice else {
            continue;
        };
        if voted.contains(&place) {
            continue;
        }
        voted.push(place);
        let region = match g.kind(place) {
            PlaceKind::Admin1 => Some(place),
            PlaceKind::City | PlaceKind::Admin2 => g.admin1_of(place),
            _ => None,
        };
        let Some(region) = region else {
            continue;
        };
        let ambiguous = list.iter().any(|c| {
            c.place != place
                && g.kind(c.place) != PlaceKind::Country
                && g.admin1_of(c.place).unwrap_or(c.place) != region
        });
        let weight = match g.kind(place) {
            PlaceKind::Admin1 => 1.0,
            _ => 0.7,
        } * if ambiguous { 0.4 } else { 1.0 };
        votes.push((key.clone(), region, weight));
    }
    votes
}

/// The first-level regions of the article's telephone numbers, each once.
fn telephone_regions(g: &Gazetteer, text: &str) -> Vec<PlaceId> {
    phones::area_code_regions(text)
        .into_iter()
        .filter_map(|code| g.admin1_by_code(code))
        .collect()
}

/// The votes of the article's telephone numbers, as `country_votes` and `region_votes` give
/// them: an area code is local evidence ("reach the desk at 519-…" in an article that names
/// London is about London, Ontario), as strong for its region as a region the article names, and for its
/// country as a demonym.
fn telephone_votes(g: &Gazetteer, regions: &[PlaceId]) -> (Vec<Vote>, Vec<Vote>) {
    let countries = tally(regions.iter().filter_map(|&r| g.country_of(r)));
    let vote = |place: PlaceId, weight: f64| (String::new(), place, weight);
    (
        countries.into_iter().map(|(c, _)| vote(c, 0.5)).collect(),
        regions.iter().map(|&r| vote(r, 1.0)).collect(),
    )
}

/// The countries of the article's amounts of money, each a vote as weak as a demonym's: a local
/// article prices things in its own currency.
fn currency_votes(g: &Gazetteer, text: &str) -> Vec<Vote> {
    currency::currency_countries(text)
        .into_iter()
        .filter_map(|code| g.country_by_code(code))
        .map(|country| (String::new(), country, 0.5))
        .collect()
}

/// A place's vote: the key of the name that casts it (empty for evidence outside the names),
/// the country or region, its weight.
type Vote = (String, PlaceId, f64);

/// A prior from what the place is, before any context. The weights are set by hand, as rules of
/// thumb (a country outweighs a town of its name; a town's weight grows with the log of its
/// population), never fitted to the evaluation sets.
fn prior(g: &Gazetteer, place: PlaceId, via: Via) -> f64 {
    let population = g.population(place) as f64;
    let size = (population + 1.0).log10();
    let base = match g.kind(place) {
        PlaceKind::Country => 9.0,
        PlaceKind::Continent => 8.5,
        PlaceKind::Region | PlaceKind::Feature => 8.0,
        PlaceKind::Facility => 10.0,
        // A region's name is written for the region far more often than for a town of the same
        // name elsewhere ("Virginia" the state, not the South African town).
        PlaceKind::Admin1 => 5.0 + 0.5 * size,
        // Counties have no population here; one is named with its "County" almost always.
        PlaceKind::Admin2 => 6.0,
        PlaceKind::City => 1.5 * size + if g.is_capital(place) { 2.5 } else { 0.0 },
    };
    base + match via {
        Via::Name => 0.0,
        Via::AlternateName => -2.5,
        Via::Demonym => -0.5,
        Via::Stripped => -0.5,
        Via::Facility => -1.0,
        Via::County => -1.0,
        Via::Spelling => -3.0,
    }
}

fn scored(g: &Gazetteer, matches: Vec<NameMatch>, via_name: Via) -> Vec<Scored> {
    matches
        .into_iter()
        .map(|m| {
            let via = if m.alternate && via_name == Via::Name {
                Via::AlternateName
            } else {
                via_name
            };
            Scored {
                place: m.place,
                via,
                prior: prior(g, m.place, via),
                score: 0.0,
                reasons: Vec::new(),
                supported: false,
                local: false,
                needs_qualifier: false,
                qualified: false,
                outside_owner: false,
            }
        })
        .collect()
}

/// The name without a possessive and surrounding punctuation.
fn clean_surface(surface: &str) -> &str {
    let s = surface.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .or_else(|| s.strip_suffix('\''))
        .or_else(|| s.strip_suffix('’'))
        .unwrap_or(s);
    s.trim()
}

/// The candidates for a name, best priors first.
fn generate(g: &Gazetteer, surface: &str) -> Vec<Scored> {
    let name = clean_surface(surface);
    let spelled = spelled_compass_point(name).filter(|s| g.is_place_name(s));
    let name = spelled.as_deref().unwrap_or(name);
    let mut found = scored(g, g.lookup(name), Via::Name);
    // "Bushehr", "Isfahan", "New York": a region named after its city is written for the city far
    // more often.
    let namesake_regions: Vec<PlaceId> = found
        .iter()
        .filter(|c| g.kind(c.place) == PlaceKind::City)
        .filter_map(|c| g.admin1_of(c.place))
        .filter(|&region| {
            found
                .iter()
                .any(|c| c.place == region && c.via == Via::Name)
        })
        .collect();
    for c in found.iter_mut() {
        if g.kind(c.place) == PlaceKind::Admin1 && namesake_regions.contains(&c.place) {
            c.prior -= 3.0;
        }
    }
    // "Mexico" is also another name for Mexico City: a country's or region's own name wins over
    // another place's other name, unless that place is the region's namesake city.
    if found.iter().any(|c| {
        c.via == Via::Name
            && matches!(
                g.kind(c.place),
                PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Continent
            )
    }) {
        for c in found.iter_mut().filter(|c| c.via == Via::AlternateName) {
            let namesake = g
                .admin1_of(c.place)
                .is_some_and(|region| namesake_regions.contains(&region));
            if !namesake {
                c.prior -= 3.0;
            }
        }
    }
    // "Mexico", "Poland", "China" are the countries, not the towns named after them, even in
    // an article local to such a town's region, where nearness, the region and the country all
    // speak for the town at once: only a qualifier ("Mexico, Mo.") makes the name a town's.
    // The same for the hand-chosen regions, seas and buildings ("Middle East", "White House").
    if found.iter().any(|c| {
        c.via == Via::Name
            && matches!(
                g.kind(c.place),
                PlaceKind::Country
                    | PlaceKind::Continent
                    | PlaceKind::Region
                    | PlaceKind::Feature
                    | PlaceKind::Facility
            )
    }) {
        for c in found.iter_mut() {
            if matches!(g.kind(c.place), PlaceKind::City | PlaceKind::Admin2) {
                c.prior -= 4.0;
                c.needs_qualifier = true;
            }
        }
    }
    // "Virginia", "California", "Ontario" are the regions, not the towns named after them, unless
    // the text says otherwise. National capitals keep their standing ("Washington"), and a
    // region named after its own city was handled above.
    if found.iter().any(|c| {
        c.via == Via::Name
            && g.kind(c.place) == PlaceKind::Admin1
            && !namesake_regions.contains(&c.place)
    }) {
        for c in found.iter_mut() {
            if matches!(g.kind(c.place), PlaceKind::City | PlaceKind::Admin2)
                && !g.is_capital(c.place)
                && !namesake_regions
                    .iter()
                    .any(|&r| g.admin1_of(c.place) == Some(r))
            {
                c.prior -= 3.0;
            }
        }
    }
    // "EU" is not the French town of Eu: an acronym matches only names written as acronyms.
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() <= 3 && letters.iter().all(|c| c.is_uppercase()) {
        for c in found.iter_mut().filter(|c| c.via == Via::Name) {
            if g.name(c.place).chars().any(|ch| ch.is_lowercase()) {
                c.prior -= 5.0;
            }
        }
    }
    if found.is_empty() {
        if let Some(country) = g.demonym(name) {
            found.push(Scored {
                place: country,
                via: Via::Demonym,
                prior: prior(g, country, Via::Demonym),
                score: 0.0,
                reasons: Vec::new(),
                supported: false,
                local: false,
                needs_qualifier: false,
                qualified: false,
                outside_owner: false,
            });
        }
    }
    if found.is_empty() {
        let key = g.fold(name);
        let words: Vec<&str> = key.split(' ').collect();
        // "northern Iraq", "Republic of Tatarstan", "Bushehr province", "Bushehr nuclear plant".
        let mut start = 0;
        while start + 1 < words.len() && DIRECTION_WORDS.contains(&words[start]) {
            start += 1;
        }
        if words.len() > 2
            && words[1] == "of"
            && ["republic", "province", "state", "city", "region", "county"].contains(&words[0])
        {
            start = 2;
        }
        // "Rapides Parish Fire District", "Butler County Jail", "Douglas County Road": what a
        // county names after itself lies in it, and the county is the evidence of where the
        // article is (a town of its name elsewhere must not take the name's place).
        if let Some(county) = county_opening_name(g, &words[start..]) {
            return county;
        }
        // "Memphis Street" is not in Memphis, and where a street leads says little.
        if words.last().is_some_and(|w| STREET_WORDS.contains(w)) {
            return Vec::new();
        }
        let mut shortest = words.len();
        while shortest > start + 1 && FACILITY_WORDS.contains(&words[shortest - 1]) {
            shortest -= 1;
        }
        // Longest first: "Rift Valley Province" is Rift Valley before it is "Rift".
        for end in (shortest..=words.len()).rev() {
            if (start, end) == (0, words.len()) {
                continue;
            }
            found = stripped_candidates(g, &words, start, end);
            if !found.is_empty() {
                break;
            }
        }
    }
    // "Monongalia", "Miami-Dade": a county is often written without its title.
    if found.is_empty() {
        found = scored(g, g.lookup(&format!("{name} County")), Via::County);
        found.retain(|c| g.kind(c.place) == PlaceKind::Admin2);
    }
    if found.is_empty() {
        found = scored(g, g.lookup_by_spelling(name), Via::Spelling);
    }
    found.sort_by(|a, b| b.prior.total_cmp(&a.prior).then(a.place.cmp(&b.place)));
    found.truncate(MAX_CANDIDATES);
    found
}

/// The counties named by the words up to a "county" or "parish" that opens a longer name, as
/// candidates for the thing the county names after itself. `None` when no such word or county.
fn county_opening_name(g: &Gazetteer, words: &[&str]) -> Option<Vec<Scored>> {
    let county_word = words
        .iter()
        .position(|w| matches!(*w, "county" | "parish"))
        .filter(|&k| k > 0 && k + 1 < words.len())?;
    let mut found = scored(
        g,
        g.lookup_folded(&words[..=county_word].join(" ")),
        Via::Facility,
    );
    found.retain(|c| g.kind(c.place) == PlaceKind::Admin2);
    (!found.is_empty()).then_some(found)
}

/// "W. Columbia", "N. Augusta": local papers shorten the compass point of a town's name to its
/// initial.
fn spelled_compass_point(name: &str) -> Option<String> {
    let (initial, rest) = name.split_once(". ")?;
    let word = match initial {
        "N" => "North",
        "S" => "South",
        "E" => "East",
        "W" => "West",
        _ => return None,
    };
    rest.starts_with(char::is_uppercase)
        .then(|| format!("{word} {rest}"))
}

/// The candidates for the words `start..end` of a name whose other words were dropped: leading
/// directions ("northern Iraq") and trailing generic or facility words ("Bushehr province",
/// "Bushehr nuclear plant", "Walker County").
fn stripped_candidates(g: &Gazetteer, words: &[&str], start: usize, end: usize) -> Vec<Scored> {
    let stripped_county =
        end < words.len() && matches!(words[end], "county" | "parish" | "borough" | "co");
    let via = if stripped_county {
        Via::County
    } else if end < words.len() && !is_generic_region(&words[end..]) {
        Via::Facility
    } else {
        Via::Stripped
    };
    let inner = words[start..end].join(" ");
    // "North Island" is not Iceland ("Island"): a generic word alone names nothing.
    let only_generic = words[start..end]
        .iter()
        .all(|w| FACILITY_WORDS.contains(w) || is_generic_name(w));
    let mut found = if only_generic {
        Vec::new()
    } else {
        scored(g, g.lookup_folded(&inner), via)
    };
    if start > 0 {
        // "northern Iraq", "southern California", "North Dallas": a direction locates within a
        // large place; "South Side" is not Side in Turkey.
        found.retain(|c| match g.kind(c.place) {
            PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Region | PlaceKind::Continent => {
                true
            }
            PlaceKind::City => g.population(c.place) >= CITY_WITH_QUARTERS,
            _ => false,
        });
    }
    if stripped_county {
        found.retain(|c| g.kind(c.place) == PlaceKind::City);
    }
    if found.is_empty() && !stripped_county {
        if let Some(country) = g.demonym(&inner) {
            found = scored(
                g,
                vec![NameMatch {
                    place: country,
                    alternate: false,
                }],
                Via::Demonym,
            );
        }
    }
    found
}

/// A city big enough that news names its quarters by direction: "North Dallas", "East London".
const CITY_WITH_QUARTERS: u64 = 100_000;

/// A name made only of compass and generic words: "North Side", "West Coast", "Central".
pub(crate) fn is_generic_name(key: &str) -> bool {
    !key.is_empty()
        && key.split(' ').all(|w| {
            DIRECTION_WORDS.contains(&w)
                || is_generic_region(&[w])
                || matches!(
                    w,
                    "side" | "coast" | "shore" | "end" | "bank" | "valley" | "county"
                )
        })
}

/// Whether a name's last word is a generic region word: "Thames Valley", "Rift Valley Province".
fn ends_in_generic_word(surface: &str) -> bool {
    clean_surface(surface)
        .rsplit(' ')
        .next()
        .is_some_and(|w| is_generic_region(&[w.to_lowercase().as_str()]))
}

fn is_generic_region(words: &[&str]) -> bool {
    words.iter().all(|w| {
        matches!(
            *w,
            "region"
                | "province"
                | "district"
                | "county"
                | "state"
                | "city"
                | "town"
                | "village"
                | "oblast"
                | "governorate"
                | "prefecture"
                | "republic"
                | "municipality"
                | "parish"
                | "area"
                | "metropolitan"
                | "metro"
                | "valley"
        )
    })
}

/// Whether "the" stands right before the name: "here in the Valley", "on the Coast". A
/// generic word so written names the writer's own valley or coast, not a town called so.
fn after_article(text: &str, span: Span) -> bool {
    word_just_before(text.get(..span.start).unwrap_or(""))
        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

/// Verbs that make a capital's name stand for its government: "Moscow hoped", "Washington said".
const GOVERNMENT_VERBS: &[&str] = &[
    "said",
    "says",
    "announced",
    "warned",
    "insists",
    "insisted",
    "wants",
    "wanted",
    "accused",
    "denied",
    "rejected",
    "demanded",
    "criticized",
    "criticised",
    "hoped",
    "hopes",
    "agreed",
    "refused",
    "condemned",
    "urged",
    "threatened",
    "responded",
    "protested",
    "signed",
    "approved",
    "imposed",
    "welcomed",
    "claims",
    "claimed",
];

/// Whether the name is the subject of a verb that governments do: metonymy, as in "Moscow
/// hoped to help Iran".
fn acts_after(text: &str, span: Span) -> bool {
    let rest = text.get(span.end..).unwrap_or("");
    let next = rest
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic());
    GOVERNMENT_VERBS.contains(&next)
}

/// A region or country written right after the name: "Paris, Texas", "Fresno, Calif.",
/// "Kazan (Tatarstan)".
fn qualifier_after(g: &Gazetteer, text: &str, span: Span) -> Vec<PlaceId> {
    let rest = text.get(span.end..).unwrap_or("");
    let rest = rest
        .strip_prefix(", ")
        .or_else(|| rest.strip_prefix(" ("))
        .or_else(|| rest.strip_prefix(","));
    let Some(rest) = rest else {
        return Vec::new();
    };
    // Up to three words, longest first, up to the next comma, bracket or sentence end.
    let words: Vec<&str> = rest
        .split([' ', '\n'])
        .take(3)
        .take_while(|w| !w.is_empty())
        .collect();
    let mut taken = words.len();
    while taken > 0 {
        let mut phrase = words[..taken].join(" ");
        let cut = phrase
            .find([',', ')', ';', ':', '\u{201d}', '"'])
            .unwrap_or(phrase.len());
        phrase.truncate(cut);
        let phrase = phrase.trim_end_matches(['.', '\'']);
        let phrase_with_dot = &words[..taken].join(" ");
        for candidate in [phrase, phrase_with_dot.trim_end_matches([',', ')', ';'])] {
            if !candidate.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let places: Vec<PlaceId> = g
                .lookup(candidate)
                .into_iter()
                .map(|m| m.place)
                .filter(|&p| matches!(g.kind(p), PlaceKind::Country | PlaceKind::Admin1))
                .collect();
            if !places.is_empty() {
                return places;
            }
        }
        taken -= 1;
    }
    Vec::new()
}

/// Countries named by demonyms anywhere in the text outside the LOC spans ("Iranian President").
fn demonyms_in(g: &Gazetteer, text: &str, spans: &[Span]) -> Vec<PlaceId> {
    let mut found = Vec::new();
    // Capitalised words repeat ("Russian", "The"): each is folded and searched once.
    let mut known: FnvMap<&str, Option<PlaceId>> = FnvMap::default();
    let mut start = None;
    for (i, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if ch.is_alphabetic() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            let word = &text[s..i];
            if word.len() > 3
                && word.starts_with(|c: char| c.is_uppercase())
                && !spans.iter().any(|sp| sp.start <= s && i <= sp.end)
            {
                if let Some(country) = *known.entry(word).or_insert_with(|| g.demonym(word)) {
                    found.push(country);
                }
            }
        }
    }
    found
}

/// The first name in a dateline that is a place: "MOSCOW", "KAZAN, Russia".
fn dateline_place(g: &Gazetteer, dateline: &str) -> Option<PlaceId> {
    let head = dateline.split([',', '(', '—', '–', '-']).next()?.trim();
    let list = generate(g, head);
    list.first().map(|c| c.place)
}

/// Each country's share of the article's place evidence: countries named, the countries of
/// regions and cities chosen so far, demonyms.
/// Each distinct place's vote for its country: countries named, the countries of regions and
/// towns chosen so far, demonyms. Each distinct place votes once, so a name repeated twenty
/// times cannot outvote the rest; an ambiguous name (candidates in several countries) votes
/// less. Returns (mention's key, country, weight); demonyms have an empty key.
fn country_votes(
    g: &Gazetteer,
    candidates: &[Vec<Scored>],
    chosen: &[Option<PlaceId>],
    keys: &[String],
    demonyms: &[PlaceId],
) -> Vec<Vote> {
    let mut votes: Vec<Vote> = Vec::new();
    let mut voted: Vec<PlaceId> = Vec::new();
    for ((list, choice), key) in candidates.iter().zip(chosen).zip(keys) {
        let Some(place) = choice.or_else(|| list.first().map(|c| c.place)) else {
            continue;
        };
        if voted.contains(&place) {
            continue;
        }
        voted.push(place);
        let Some(country) = g.country_of(place) else {
            continue;
        };
        let ambiguous = list
            .iter()
            .any(|c| g.country_of(c.place).is_some_and(|other| other != country));
        let weight = match g.kind(place) {
            PlaceKind::Country | PlaceKind::Admin1 => 1.0,
            _ => 0.7,
        } * if ambiguous { 0.4 } else { 1.0 };
        votes.push((key.clone(), country, weight));
    }
    let mut seen_demonyms: Vec<PlaceId> = Vec::new();
    for &country in demonyms {
        if !seen_demonyms.contains(&country) {
            seen_demonyms.push(country);
            votes.push((String::new(), country, 0.5));
        }
    }
    votes
}

/// Each country's share of the votes of every name but `key`: a name cannot vouch for itself
/// ("Mexico" alone does not make an article about Mexico, and so the state of México).
fn country_focus(votes: &[Vote], key: &str) -> Vec<(PlaceId, f64)> {
    let mut shares: Vec<(PlaceId, f64)> = Vec::new();
    let mut total = 0.0;
    for (voter, country, weight) in votes {
        if voter == key {
            continue;
        }
        total += weight;
        match shares.iter_mut().find(|(c, _)| c == country) {
            Some(entry) => entry.1 += weight,
            None => shares.push((*country, *weight)),
        }
    }
    if total > 0.0 {
        for entry in &mut shares {
            entry.1 /= total;
        }
    }
    shares.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    shares
}

/// Each region's share of the regional votes of every name but `key`, scaled down when there
/// are few votes: one town in Kentucky does not make an article about Kentucky.
fn region_focus(votes: &[Vote], key: &str) -> Vec<(PlaceId, f64)> {
    let mass: f64 = votes
        .iter()
        .filter(|(voter, _, _)| voter != key)
        .map(|(_, _, w)| w)
        .sum();
    let certainty = mass / (mass + 2.0);
    let mut shares = country_focus(votes, key);
    for entry in &mut shares {
        entry.1 *= certainty;
    }
    shares
}

fn explain(g: &Gazetteer, best: &Scored) -> String {
    let place = best.place;
    let country = g
        .country_of(place)
        .filter(|&c| c != place)
        .map(|c| g.name(c));
    let mut what = match g.kind(place) {
        PlaceKind::Country => "a country".to_string(),
        PlaceKind::Continent => "a continent".to_string(),
        PlaceKind::Region => "a region".to_string(),
        PlaceKind::Feature => "a natural feature".to_string(),
        PlaceKind::Facility => "a facility".to_string(),
        PlaceKind::Admin1 => match &country {
            Some(c) => format!("a region of {c}"),
            None => "a region".to_string(),
        },
        PlaceKind::Admin2 => match (g.admin1_of(place), &country) {
            (Some(region), _) => format!("a county of {}", g.name(region)),
            (None, Some(c)) => format!("a second-level division of {c}"),
            (None, None) => "a second-level division".to_string(),
        },
        PlaceKind::City => {
            let size = describe_population(g.population(place));
            let capital = if g.is_capital(place) {
                match &country {
                    Some(c) => format!("capital of {c}, "),
                    None => "a capital, ".to_string(),
                }
            } else {
                String::new()
            };
            match &country {
                Some(c) if capital.is_empty() => format!("a city of {size} in {c}"),
                _ => format!("{capital}a city of {size}"),
            }
        }
    };
    match best.via {
        Via::Demonym => what = format!("{what}, named by its demonym"),
        Via::Facility => what = format!("{what}, the place the facility is named after"),
        Via::AlternateName => what = format!("{what} (another name for {})", g.name(place)),
        Via::Spelling => what = format!("{what} (another spelling of {})", g.name(place)),
        _ => {}
    }
    for reason in &best.reasons {
        what.push_str("; ");
        what.push_str(&reason.describe(g));
    }
    what
}

fn describe_population(population: u64) -> String {
    match population {
        0 => "unknown size".to_string(),
        p if p >= 1_000_000 => format!("{:.1} million", p as f64 / 1e6),
        p if p >= 10_000 => format!("{},000", (p + 500) / 1000),
        p => format!("about {}", (p + 50) / 100 * 100),
    }
}

/// Great-circle distance.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}

/// The `places` of an analysis: one per distinct place that the LOC entities resolve to, with
/// place names that are evidence only (see [`resolve_spans_with_evidence`]) and their
/// resolutions.
pub fn resolve_entities_with_evidence(
    gazetteer: &Gazetteer,
    text: &str,
    mentions: &[Mention],
    entities: &[Entity],
    evidence: &[Span],
    dateline: Option<Span>,
) -> (Vec<Place>, Vec<Option<Resolution>>) {
    let loc: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].label == EntityType::Loc)
        .collect();
    let spans: Vec<Span> = loc.iter().map(|&i| mentions[i].span()).collect();
    let (resolutions, of_evidence) =
        resolve_spans_with_evidence(gazetteer, text, &spans, evidence, dateline);
    let mut places: Vec<Place> = Vec::new();
    // A street placed in a town is a place of its own, at the town's point.
    let mut by_place: FnvMap<(PlaceId, Option<usize>), usize> = FnvMap::default();
    for (&mention_index, resolution) in loc.iter().zip(resolutions) {
        let Some(resolution) = resolution else {
            continue;
        };
        let mention = &mentions[mention_index];
        let key = (
            resolution.place,
            resolution.within.then_some(mention.entity),
        );
        if let Some(&existing) = by_place.get(&key) {
            let place = &mut places[existing];
            place.mentions.push(mention_index);
            if resolution.confidence > place.confidence {
                place.confidence = resolution.confidence;
            }
            // A later mention that shows the name standing for a government says more.
            if let Some(note) = resolution
                .explanation
                .split("; ")
                .find(|p| p.starts_with("stands for"))
            {
                if !place.explanation.contains(note) {
                    place.explanation.push_str("; ");
                    place.explanation.push_str(note);
                }
            }
            continue;
        }
        let name = entities
            .get(mention.entity)
            .map(|e| e.name.clone())
            .unwrap_or_else(|| clean_surface(mention.span().slice(text)).to_string());
        by_place.insert(key, places.len());
        places.push(Place {
            entity: mention.entity,
            name,
            resolved: gazetteer.candidate(resolution.place),
            confidence: resolution.confidence,
            alternatives: resolution
                .alternatives
                .iter()
                .map(|&p| gazetteer.candidate(p))
                .collect::<Vec<Candidate>>(),
            mentions: vec![mention_index],
            explanation: resolution.explanation,
        });
    }
    (places, of_evidence)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Resolves the given names where they stand in `text` (first occurrences).
    fn resolve(text: &str, names: &[&str]) -> Vec<Option<(String, PlaceKind, String)>> {
        let g = Gazetteer::embedded();
        let spans: Vec<Span> = names
            .iter()
            .map(|n| {
                let start = text.find(n).expect("name in text");
                Span::new(start, start + n.len())
            })
            .collect();
        resolve_spans(g, text, &spans, None)
            .into_iter()
            .map(|r| {
                r.map(|r| {
                    (
                        g.name(r.place),
                        g.kind(r.place),
                        g.country_code(r.place).to_string(),
                    )
                })
            })
            .collect()
    }

    fn kind_and_country(text: &str, name: &str) -> Option<(PlaceKind, String)> {
        resolve(text, &[name])
            .remove(0)
            .map(|(_, kind, country)| (kind, country))
    }

    #[test]
    fn an_acronym_is_not_a_town_of_the_same_letters() {
        assert_eq!(
            kind_and_country("Leaders of the EU met.", "EU"),
            Some((PlaceKind::Continent, String::new()))
        );
    }

    #[test]
    fn a_direction_locates_within_a_country_but_is_no_town() {
        assert_eq!(
            kind_and_country("Fighting in northern Iraq went on.", "northern Iraq"),
            Some((PlaceKind::Country, "IQ".into()))
        );
        // "Side" is a town in Turkey; "South Side" is a part of some city.
        assert_eq!(
            kind_and_country("He lives on the South Side.", "South Side"),
            None
        );
    }

    #[test]
    fn a_facility_resolves_to_the_place_it_is_named_after() {
        assert_eq!(
            resolve(
                "Work at the Bushehr nuclear power plant resumed.",
                &["Bushehr nuclear power plant"]
            )[0]
            .as_ref()
            .map(|(name, _, country)| (name.as_str(), country.as_str())),
            Some(("Bushehr", "IR"))
        );
    }

    #[test]
    fn a_demonym_tagged_as_a_place_resolves_to_its_country() {
        assert_eq!(
            kind_and_country("American officials said so.", "American"),
            Some((PlaceKind::Country, "US".into()))
        );
    }

    #[test]
    fn a_country_name_is_not_its_capital_or_a_region_of_it() {
        assert_eq!(
            kind_and_country("Officials in Mexico said so.", "Mexico"),
            Some((PlaceKind::Country, "MX".into()))
        );
    }

    #[test]
    fn a_county_without_nearby_support_abstains() {
        // No "Walker County" in the gazetteer's counties outside the US, and no context.
        assert_eq!(
            kind_and_country("Ruritania's Zzyzx County.", "Zzyzx County"),
            None
        );
    }

    #[test]
    fn a_generic_word_left_after_stripping_names_nothing() {
        // Not Iceland, whose other name is "Island": New Zealand's island, which the gazetteer
        // knows, or nothing.
        for name in ["North Island", "Northern Island"] {
            let found = kind_and_country(&format!("They sailed round the {name}."), name);
            assert_ne!(
                found.map(|(_, country)| country),
                Some("IS".to_string()),
                "{name}"
            );
        }
    }

    #[test]
    fn a_county_is_found_whether_its_particle_is_joined_or_apart() {
        // GeoNames writes "De Soto Parish"; Louisiana papers write "DeSoto Parish".
        assert_eq!(
            resolve(
                "Deputies in DeSoto Parish made an arrest.",
                &["DeSoto Parish"]
            )[0]
            .as_ref()
            .map(|(_, kind, country)| (*kind, country.as_str())),
            Some((PlaceKind::Admin2, "US"))
        );
    }

    #[test]
    fn a_village_needs_a_place_near_it_not_only_its_state() {
        // There is a village called Augusta in New York; the state named is not enough for it.
        let g = Gazetteer::embedded();
        let text = "Officials from New York met in Augusta.";
        let spans = [Span::new(15, 23), Span::new(31, 38)];
        let got = resolve_spans(g, text, &spans, None);
        let augusta = got[1].as_ref().expect("Augusta resolves");
        assert!(g.population(augusta.place) >= VILLAGE_POPULATION);
    }

    #[test]
    fn a_park_of_the_nation_is_not_placed_in_the_article_town() {
        let g = Gazetteer::embedded();
        let text = "Rangers in Moab said Arches National Park will close. Moab agreed.";
        let spans = [Span::new(11, 15), Span::new(21, 41), Span::new(54, 58)];
        let got = resolve_spans(g, text, &spans, None);
        assert!(got[0].is_some());
        assert!(got[1].is_none());
    }

    #[test]
    fn evidence_places_the_names_without_becoming_one() {
        let g = Gazetteer::embedded();
        let text = "A Mansfield man was arrested, the Ohio State Highway Patrol said.";
        let at = |name: &str| {
            let start = text.find(name).expect("name in text");
            Span::new(start, start + name.len())
        };
        let admin1 = |r: &Option<Resolution>| {
            r.as_ref()
                .and_then(|r| g.admin1_of(r.place))
                .map(|a| g.name(a))
        };
        let alone = resolve_spans(g, text, &[at("Mansfield")], None);
        let (own, evidence) =
            resolve_spans_with_evidence(g, text, &[at("Mansfield")], &[at("Ohio")], None);
        assert_ne!(admin1(&alone[0]).as_deref(), Some("Ohio"));
        assert_eq!(admin1(&own[0]).as_deref(), Some("Ohio"));
        assert_eq!(own.len(), 1);
        assert_eq!(evidence.len(), 1);
        // Evidence that overlaps a name of the article is that name, not more evidence.
        let (_, overlapping) =
            resolve_spans_with_evidence(g, text, &[at("Mansfield")], &[at("Mansfield")], None);
        assert_eq!(overlapping, vec![None]);
    }

    #[test]
    fn a_village_needs_local_evidence() {
        // Kennebunkport (Maine) has about 1,300 people: alone it is too weak a reading.
        assert_eq!(
            kind_and_country("The family later moved to Kennebunkport.", "Kennebunkport"),
            None
        );
        let near = resolve(
            "The family later moved to Kennebunkport, near Biddeford.",
            &["Kennebunkport", "Biddeford"],
        );
        assert_eq!(
            near[0]
                .as_ref()
                .map(|(name, _, country)| (name.as_str(), country.as_str())),
            Some(("Kennebunkport", "US"))
        );
    }

    #[test]
    fn unknown_names_and_empty_input_abstain_without_panicking() {
        assert_eq!(kind_and_country("Qwxzv is nowhere.", "Qwxzv"), None);
        let g = Gazetteer::embedded();
        assert!(resolve_spans(g, "", &[], None).is_empty());
        // A span past the end or inside a character is read as empty, not a panic.
        let out = resolve_spans(g, "Kraków", &[Span::new(2, 4), Span::new(3, 99)], None);
        assert_eq!(out.len(), 2);
    }
}
