use super::model::{distance_km, km_between, Scored};
use crate::analysis::fnv::{FnvMap, FnvSet};
use crate::analysis::gazetteer::{Gazetteer, PlaceId};
use crate::analysis::model::PlaceKind;

/// Whether `place` lies in `owner`: in the country or first-level region, or within a town's
/// reach of a town or district. `None` where the gazetteer cannot tell (a macro-region, a sea).
pub(super) fn lies_within(g: &Gazetteer, place: PlaceId, owner: PlaceId) -> Option<bool> {
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
pub(super) struct Whereabouts {
    pub(super) place: PlaceId,
    pub(super) kind: PlaceKind,
    admin1: Option<PlaceId>,
    pub(super) lat: f64,
    pub(super) lon: f64,
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
pub(super) type Readings = Vec<(Whereabouts, f64)>;

/// A candidate's support from the article's other names.
#[derive(Clone)]
pub(super) struct Colocation {
    pub(super) place: PlaceId,
    /// From places near it and regions that hold it.
    pub(super) support: f64,
    /// From places near it alone.
    pub(super) nearby: f64,
    /// The place that supports it most.
    pub(super) nearest: Option<PlaceId>,
}

/// How many distinct names on either side of a name count for its colocation support.
const COLOCATION_REACH: usize = 64;

/// How strongly the article's other names place each candidate: for every other distinct name,
/// the best of its candidates that lies in the candidate's region or near it, weighed by its
/// prior likelihood relative to that name's likeliest reading, or the place an earlier pass
/// chose for it. This ties "Gainesville" to Texas when "Denton" is
/// also named, whichever is read first. The other names are those within `COLOCATION_REACH`
/// distinct names of this one, in the order the article first names them: every name of an
/// article of ordinary length, and a bounded number in a gazetteer's worth of names.
pub(super) fn colocation_support(
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
    let mut named: FnvSet<&str> = FnvSet::default();
    for ((key, list), choice) in keys.iter().zip(candidates).zip(chosen) {
        if list.is_empty() || !named.insert(key.as_str()) {
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
    let position: FnvMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(at, (key, _, _))| (*key, at))
        .collect();
    let support_for = |key: &str, list: &[Scored]| -> Vec<Colocation> {
        let at = position.get(key).copied().unwrap_or(0);
        let around = &names
            [at.saturating_sub(COLOCATION_REACH)..(at + COLOCATION_REACH + 1).min(names.len())];
        considered(list, CONSIDERED)
            .map(|c| {
                let here = Whereabouts::of(g, c.place);
                let local = matches!(here.kind, PlaceKind::City | PlaceKind::Admin2);
                let mut support = 0.0;
                let mut nearby = 0.0;
                let mut nearest: Option<(f64, PlaceId)> = None;
                for (other, probabilities, choice) in around {
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
    type Worked<'l> = (&'l [Scored], Vec<Colocation>);
    let mut done: FnvMap<&str, Vec<Worked>> = FnvMap::default();
    keys.iter()
        .zip(candidates)
        .map(|(key, list)| {
            let same = |(l, _): &&Worked| {
                l.len() == list.len() && l.iter().zip(list).all(|(a, b)| a.place == b.place)
            };
            let lists = done.entry(key.as_str()).or_default();
            if let Some((_, support)) = lists.iter().find(same) {
                return support.clone();
            }
            let support = support_for(key, list);
            lists.push((list, support.clone()));
            support
        })
        .collect()
}

/// The first `count` candidates of a name, and every other that is as likely before context as
/// its likeliest: the two dozen "Franklin County"s are equally likely, and the one that lies
/// around "Dublin" must not be cut off by the order of a tie.
pub(super) fn considered(list: &[Scored], count: usize) -> impl Iterator<Item = &Scored> {
    let likeliest = list.iter().map(|c| c.prior).fold(f64::MIN, f64::max);
    list.iter()
        .enumerate()
        .filter(move |&(i, c)| i < count || c.prior >= likeliest)
        .map(|(_, c)| c)
}
