use super::model::{distance_km, tally, Scored, Vote};
use super::weights::Weights;
use crate::analysis::fnv::{FnvMap, FnvSet};
use crate::analysis::gazetteer::{Gazetteer, PlaceId};
use crate::analysis::model::PlaceKind;
use crate::analysis::stable_sort;
use crate::analysis::text::{runs_of, within_any, Span};
use crate::analysis::{currency, phones};

/// Whether a name's candidates in `country` are all one place (a city and the district of the
/// same name), so that naming the country picks it.
pub(super) fn names_one_place_in(g: &Gazetteer, list: &[Scored], country: PlaceId) -> bool {
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

/// Each distinct chosen place's vote for its first-level region (a region votes for itself),
/// weighed as `country_votes` weighs them: a name whose candidates lie in several regions votes
/// less.
pub(super) fn region_votes(
    g: &Gazetteer,
    w: &Weights,
    candidates: &[Vec<Scored>],
    chosen: &[Option<PlaceId>],
    keys: &[String],
) -> Vec<Vote> {
    let mut votes: Vec<Vote> = Vec::new();
    let mut voted: FnvSet<PlaceId> = FnvSet::default();
    for ((list, choice), key) in candidates.iter().zip(chosen).zip(keys) {
        let Some(place) = *choice else {
            continue;
        };
        if !voted.insert(place) {
            continue;
        }
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
            PlaceKind::Admin1 => w.vote_of_region_or_country,
            _ => w.vote_of_town,
        } * if ambiguous { w.ambiguous_vote } else { 1.0 };
        votes.push((key.clone(), region, weight));
    }
    votes
}

/// The first-level regions of the article's telephone numbers, each once.
pub(super) fn telephone_regions(g: &Gazetteer, text: &str) -> Vec<PlaceId> {
    phones::area_code_regions(text)
        .into_iter()
        .filter_map(|code| g.admin1_by_code(code))
        .collect()
}

/// The votes of the article's telephone numbers, as `country_votes` and `region_votes` give
/// them: an area code is local evidence ("reach the desk at 519-…" in an article that names
/// London is about London, Ontario), as strong for its region as a region the article names, and for its
/// country as a demonym.
pub(super) fn telephone_votes(
    g: &Gazetteer,
    w: &Weights,
    regions: &[PlaceId],
) -> (Vec<Vote>, Vec<Vote>) {
    let countries = tally(regions.iter().filter_map(|&r| g.country_of(r)));
    let vote = |place: PlaceId, weight: f64| (String::new(), place, weight);
    (
        countries
            .into_iter()
            .map(|(c, _)| vote(c, w.area_code_country_vote))
            .collect(),
        regions
            .iter()
            .map(|&r| vote(r, w.area_code_region_vote))
            .collect(),
    )
}

/// The countries of the article's amounts of money, each a vote as weak as a demonym's: a local
/// article prices things in its own currency.
pub(super) fn currency_votes(g: &Gazetteer, w: &Weights, text: &str) -> Vec<Vote> {
    currency::currency_countries(text)
        .into_iter()
        .filter_map(|code| g.country_by_code(code))
        .map(|country| (String::new(), country, w.currency_vote))
        .collect()
}

/// Countries named by demonyms anywhere in the text outside the LOC spans ("Iranian President").
pub(super) fn demonyms_in(g: &Gazetteer, text: &str, spans: &[Span]) -> Vec<PlaceId> {
    let mut found = Vec::new();
    // Capitalised words repeat ("Russian", "The"): each is folded and searched once.
    let mut known: FnvMap<&str, Option<PlaceId>> = FnvMap::default();
    let inside_span = within_any(spans);
    for Span { start, end } in runs_of(text, char::is_alphabetic) {
        let word = &text[start..end];
        if word.len() > 3
            && word.starts_with(|c: char| c.is_uppercase())
            && !inside_span(start, end)
        {
            if let Some(country) = *known.entry(word).or_insert_with(|| g.demonym(word)) {
                found.push(country);
            }
        }
    }
    found
}

/// Each country's share of the article's place evidence: countries named, the countries of
/// regions and cities chosen so far, demonyms.
/// Each distinct place's vote for its country: countries named, the countries of regions and
/// towns chosen so far, demonyms. Each distinct place votes once, so a name repeated twenty
/// times cannot outvote the rest; an ambiguous name (candidates in several countries) votes
/// less. Returns (mention's key, country, weight); demonyms have an empty key.
pub(super) fn country_votes(
    g: &Gazetteer,
    w: &Weights,
    candidates: &[Vec<Scored>],
    chosen: &[Option<PlaceId>],
    keys: &[String],
    demonyms: &[PlaceId],
) -> Vec<Vote> {
    let mut votes: Vec<Vote> = Vec::new();
    let mut voted: FnvSet<PlaceId> = FnvSet::default();
    for ((list, choice), key) in candidates.iter().zip(chosen).zip(keys) {
        let Some(place) = choice.or_else(|| list.first().map(|c| c.place)) else {
            continue;
        };
        if !voted.insert(place) {
            continue;
        }
        let Some(country) = g.country_of(place) else {
            continue;
        };
        let ambiguous = list
            .iter()
            .any(|c| g.country_of(c.place).is_some_and(|other| other != country));
        let weight = match g.kind(place) {
            PlaceKind::Country | PlaceKind::Admin1 => w.vote_of_region_or_country,
            _ => w.vote_of_town,
        } * if ambiguous { w.ambiguous_vote } else { 1.0 };
        votes.push((key.clone(), country, weight));
    }
    let mut seen_demonyms: Vec<PlaceId> = Vec::new();
    for &country in demonyms {
        if !seen_demonyms.contains(&country) {
            seen_demonyms.push(country);
            votes.push((String::new(), country, w.demonym_vote));
        }
    }
    votes
}

/// The votes numbered for [`country_focus`] and [`region_focus`], which every name asks of
/// every vote but its own: voters and places as small numbers, so that a name's shares take one
/// pass over numbers rather than a comparison of names and a lookup in the shares per vote.
pub(super) struct VoteTally<'v> {
    voters: FnvMap<&'v str, usize>,
    places: Vec<PlaceId>,
    /// Per vote, in order: its voter's number, its place's number, its weight.
    votes: Vec<(usize, usize, f64)>,
}

impl<'v> VoteTally<'v> {
    pub(super) fn new(votes: &'v [Vote]) -> VoteTally<'v> {
        let mut voters: FnvMap<&str, usize> = FnvMap::default();
        let mut numbers: FnvMap<PlaceId, usize> = FnvMap::default();
        let mut places = Vec::new();
        let votes = votes
            .iter()
            .map(|(voter, place, weight)| {
                let next = voters.len();
                let voter = *voters.entry(voter.as_str()).or_insert(next);
                let number = *numbers.entry(*place).or_insert_with(|| {
                    places.push(*place);
                    places.len() - 1
                });
                (voter, number, *weight)
            })
            .collect();
        VoteTally {
            voters,
            places,
            votes,
        }
    }

    /// The number of `key`'s votes (none if it cast none).
    fn voter(&self, key: &str) -> usize {
        self.voters.get(key).copied().unwrap_or(usize::MAX)
    }
}

/// Each country's share of the votes of every name but `key`: a name cannot vouch for itself
/// ("Mexico" alone does not make an article about Mexico, and so the state of México).
pub(super) fn country_focus(votes: &VoteTally, key: &str) -> Vec<(PlaceId, f64)> {
    let own = votes.voter(key);
    // Summed vote by vote in the votes' order, as the shares are read in it.
    let mut sums: Vec<Option<f64>> = vec![None; votes.places.len()];
    let mut total = 0.0;
    for &(voter, place, weight) in &votes.votes {
        if voter == own {
            continue;
        }
        total += weight;
        sums[place] = Some(match sums[place] {
            Some(sum) => sum + weight,
            None => weight,
        });
    }
    let mut shares: Vec<(PlaceId, f64)> = sums
        .iter()
        .zip(&votes.places)
        .filter_map(|(sum, &place)| sum.map(|sum| (place, sum)))
        .collect();
    if total > 0.0 {
        for entry in &mut shares {
            entry.1 /= total;
        }
    }
    // Each place once, so the order is the same whatever order they were met in.
    stable_sort::sort_by(&mut shares, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    shares
}

/// Each region's share of the regional votes of every name but `key`, scaled down when there
/// are few votes: one town in Kentucky does not make an article about Kentucky.
pub(super) fn region_focus(w: &Weights, votes: &VoteTally, key: &str) -> Vec<(PlaceId, f64)> {
    let own = votes.voter(key);
    let mass: f64 = votes
        .votes
        .iter()
        .filter(|&&(voter, _, _)| voter != own)
        .map(|(_, _, w)| w)
        .sum();
    let certainty = mass / (mass + w.region_votes_for_half_certainty);
    let mut shares = country_focus(votes, key);
    for entry in &mut shares {
        entry.1 *= certainty;
    }
    shares
}
