use super::model::{distance_km, km_between, Scored};
use crate::analysis::fnv::{FnvMap, FnvSet};
use crate::analysis::gazetteer::{Gazetteer, PlaceId};
use crate::analysis::model::PlaceKind;
use crate::analysis::stable_sort;

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
    /// The trigonometry of the haversine, worked out once per place rather than per pair.
    angles: HalfAngles,
}

/// Sines and cosines of half a place's latitude and longitude (radians) and the cosine of its
/// latitude: with them, the haversine term of two places takes no trigonometric call.
#[derive(Clone, Copy)]
struct HalfAngles {
    sin_lat: f64,
    cos_lat: f64,
    sin_lon: f64,
    cos_lon: f64,
    cos_full_lat: f64,
}

impl HalfAngles {
    fn of(lat: f64, lon: f64) -> HalfAngles {
        let (sin_lat, cos_lat) = (lat.to_radians() / 2.0).sin_cos();
        let (sin_lon, cos_lon) = (lon.to_radians() / 2.0).sin_cos();
        HalfAngles {
            sin_lat,
            cos_lat,
            sin_lon,
            cos_lon,
            cos_full_lat: lat.to_radians().cos(),
        }
    }

    /// The haversine term sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2) by the angle-difference
    /// identities: within about 1e-15 of `distance_km`'s, not bit for bit.
    fn haversine(&self, other: &HalfAngles) -> f64 {
        let dp = other.sin_lat * self.cos_lat - other.cos_lat * self.sin_lat;
        let dl = other.sin_lon * self.cos_lon - other.cos_lon * self.sin_lon;
        dp * dp + self.cos_full_lat * other.cos_full_lat * dl * dl
    }
}

/// The distances where closeness steps down, and the haversine term of each.
const CLOSENESS_STEPS: [(f64, f64); 3] = [(40.0, 1.0), (80.0, 0.8), (250.0, 0.5)];

/// Where closeness steps, as haversine terms: below `steps[i].0` a pair is surely closer than
/// the step's distance, above `steps[i].1` surely not (between them, `distance_km` decides);
/// above `beyond`, surely 250 km or more apart.
struct StepTerms {
    steps: [(f64, f64, f64); 3],
    beyond: f64,
}

/// The terms of `CLOSENESS_STEPS`, on first use.
fn step_terms() -> &'static StepTerms {
    static TERMS: std::sync::OnceLock<StepTerms> = std::sync::OnceLock::new();
    TERMS.get_or_init(|| {
        let steps = CLOSENESS_STEPS.map(|(km, closeness)| {
            let half_angle = (km / (2.0 * EARTH_RADIUS_KM)).sin();
            let term = half_angle * half_angle;
            (
                term * (1.0 - STEP_MARGIN),
                term * (1.0 + STEP_MARGIN),
                closeness,
            )
        });
        StepTerms {
            beyond: steps[steps.len() - 1].1,
            steps,
        }
    })
}

/// `distance_km`'s radius.
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// How far (relative) from a step's term the fast haversine term must be for its side of the
/// step to be sure: the two terms differ by about 1e-13 relative at these distances, so a
/// pair this close to a step is worked out by `distance_km` itself, and closeness is the same
/// bit for bit as by `distance_km` alone.
const STEP_MARGIN: f64 = 1e-9;

impl Whereabouts {
    fn of(g: &Gazetteer, place: PlaceId) -> Whereabouts {
        let (lat, lon) = (g.lat(place), g.lon(place));
        Whereabouts {
            place,
            kind: g.kind(place),
            admin1: g.admin1_of(place),
            lat,
            lon,
            angles: HalfAngles::of(lat, lon),
        }
    }

    /// 1 for a place within 40 km of `other` or in its first-level region, 0.8 within 80 km, 0.5
    /// within 250 km. A town inside a county lies within 40 km of its middle; a namesake town 80
    /// km off lies in the next county ("Richmond" and "Madison County" lie together in Kentucky,
    /// and a little apart in Indiana).
    fn closeness(&self, other: &Whereabouts, terms: &StepTerms) -> f64 {
        match other.kind {
            PlaceKind::Admin1 if self.admin1 == Some(other.place) => 1.0,
            PlaceKind::City | PlaceKind::Admin2 => {
                // More than 2.3° of latitude apart is more than 250 km: no need for the
                // trigonometry.
                if (self.lat - other.lat).abs() > 2.3 {
                    return 0.0;
                }
                let term = self.angles.haversine(&other.angles);
                // Most pairs met are far apart: they are told first.
                if term > terms.beyond {
                    return 0.0;
                }
                for &(below, above, closeness) in &terms.steps {
                    if term < below {
                        return closeness;
                    }
                    if term <= above {
                        return Self::closeness_at(distance_km(
                            self.lat, self.lon, other.lat, other.lon,
                        ));
                    }
                }
                0.0
            }
            _ => 0.0,
        }
    }

    fn closeness_at(km: f64) -> f64 {
        CLOSENESS_STEPS
            .iter()
            .find(|&&(step, _)| km < step)
            .map_or(0.0, |&(_, closeness)| closeness)
    }
}

/// The places the passes of one resolution have read, each numbered, with its whereabouts worked
/// out once, and for each candidate colocation has weighed, the places near it with their
/// closeness: the passes weigh mostly the same candidates against mostly the same places, and
/// the pairs are the resolver's hottest loop, so each pair is met once rather than once a pass.
#[derive(Default)]
pub(super) struct Neighbourhood {
    places: Vec<Whereabouts>,
    number: FnvMap<PlaceId, u32>,
    /// The places in batches, as the passes first read them, each indexed for nearness.
    batches: Vec<PlaceIndex>,
    /// For each place, how many batches its neighbours were sought in, and the places found
    /// there whose closeness to it is above 0, with that closeness.
    near: Vec<(usize, Vec<(u32, f64)>)>,
}

impl Neighbourhood {
    /// The place's number, given on first sight.
    fn number(&mut self, g: &Gazetteer, place: PlaceId) -> u32 {
        if let Some(&number) = self.number.get(&place) {
            return number;
        }
        let number = self.places.len() as u32;
        self.places.push(Whereabouts::of(g, place));
        self.number.insert(place, number);
        self.near.push((0, Vec::new()));
        number
    }

    /// Indexes the places numbered since the last batch.
    fn index_new_places(&mut self) {
        let from = self.batches.last().map_or(0, |b| b.numbers.end);
        if from < self.places.len() {
            let batch = PlaceIndex::new(&self.places, from..self.places.len());
            self.batches.push(batch);
        }
    }

    /// Finds the neighbours of the place numbered `at` in the batches not yet searched for it.
    fn seek_near(&mut self, at: u32) {
        let Neighbourhood {
            places,
            number,
            batches,
            near,
        } = self;
        let (searched, found) = &mut near[at as usize];
        for batch in &batches[*searched..] {
            batch.near(places, number, &places[at as usize], found);
        }
        *searched = batches.len();
    }
}

/// A batch of numbered places where nearness is sought: towns and counties in bands of
/// latitude, each by longitude, so that a candidate meets only the few that may lie near it
/// instead of every place: an article naming hundreds of towns is read in milliseconds, not a
/// second. A place left out is always one whose closeness is 0.
struct PlaceIndex {
    numbers: std::ops::Range<usize>,
    /// Bands of `LATITUDE_REACH` degrees, by band number, each sorted by longitude.
    bands: FnvMap<i32, Vec<(f64, u32)>>,
    /// The haversine term at 250 km, where closeness ends, with a margin for rounding.
    far: f64,
}

impl PlaceIndex {
    /// Latitude, in degrees, beyond which `Whereabouts::closeness` gives 0 (2.3), with a margin.
    const LATITUDE_REACH: f64 = 2.4;

    fn band(lat: f64) -> i32 {
        (lat / Self::LATITUDE_REACH).floor() as i32
    }

    fn new(places: &[Whereabouts], numbers: std::ops::Range<usize>) -> PlaceIndex {
        let mut bands: FnvMap<i32, Vec<(f64, u32)>> = FnvMap::default();
        for (number, at) in places[numbers.clone()].iter().enumerate() {
            if matches!(at.kind, PlaceKind::City | PlaceKind::Admin2) {
                let number = (numbers.start + number) as u32;
                bands
                    .entry(Self::band(at.lat))
                    .or_default()
                    .push((at.lon, number));
            }
        }
        for band in bands.values_mut() {
            stable_sort::sort_by(band, |a, b| a.0.total_cmp(&b.0));
        }
        let half_angle = (250.0 / (2.0 * 6371.0088_f64)).sin();
        PlaceIndex {
            numbers,
            bands,
            far: half_angle * half_angle * 1.01,
        }
    }

    /// The places of this batch whose closeness to `here` is above 0, into `found`.
    fn near(
        &self,
        places: &[Whereabouts],
        number: &FnvMap<PlaceId, u32>,
        here: &Whereabouts,
        found: &mut Vec<(u32, f64)>,
    ) {
        let terms = step_terms();
        let cos_here = here.lat.to_radians().cos();
        let lon_reach = self.longitude_reach(here, cos_here);
        let (west, east) = (here.lon - lon_reach, here.lon + lon_reach);
        let spans: [(f64, f64); 2] = if lon_reach >= 180.0 {
            [(-180.0, 180.0), (1.0, 0.0)]
        } else if west < -180.0 {
            [(west + 360.0, 180.0), (-180.0, east)]
        } else if east > 180.0 {
            [(west, 180.0), (-180.0, east - 360.0)]
        } else {
            [(west, east), (1.0, 0.0)]
        };
        let band = Self::band(here.lat);
        for band in (band - 1..=band + 1).filter_map(|b| self.bands.get(&b)) {
            for (west, east) in spans.into_iter().filter(|(west, east)| west <= east) {
                let from = band.partition_point(|&(lon, _)| lon < west);
                let to = band.partition_point(|&(lon, _)| lon <= east).max(from);
                for &(_, other) in &band[from..to] {
                    let at = &places[other as usize];
                    if (here.lat - at.lat).abs() <= Self::LATITUDE_REACH {
                        let closeness = here.closeness(at, terms);
                        if closeness > 0.0 {
                            found.push((other, closeness));
                        }
                    }
                }
            }
        }
        // A region gives closeness to the places it holds.
        let region = here.admin1.and_then(|region| number.get(&region));
        if let Some(&region) = region.filter(|&&r| self.numbers.contains(&(r as usize))) {
            let at = &places[region as usize];
            if at.kind == PlaceKind::Admin1 {
                let closeness = here.closeness(at, terms);
                if closeness > 0.0 {
                    found.push((region, closeness));
                }
            }
        }
    }

    /// Degrees of longitude beyond which every place within `LATITUDE_REACH` of `here`'s
    /// latitude is surely 250 km or more away (180: no bound, near the poles). With
    /// f(m) = m − m³/6 ≤ sin m, places are far once cos φ1 · cos φ2 · f(Δλ/2)² passes `far`;
    /// f(1.2 t) ≥ t for t ≤ 0.8, and f only falls to 0.92 before π/2.
    fn longitude_reach(&self, here: &Whereabouts, cos_here: f64) -> f64 {
        let nearest_pole = (here.lat.abs() + Self::LATITUDE_REACH).min(90.0);
        let cos_least = cos_here * nearest_pole.to_radians().cos();
        if cos_least <= 0.0 {
            return 180.0;
        }
        let t = (self.far / cos_least).sqrt();
        if t > 0.8 {
            return 180.0;
        }
        (2.0 * 1.2 * t).to_degrees() + 0.01
    }
}

/// A name's candidates, by number, each with its likelihood relative to the name's likeliest.
type Readings = Vec<(u32, f64)>;

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

/// One reading of a name that a candidate may lie near: weighed by its likelihood, or by the
/// trust in a choice.
struct Reading {
    name: usize,
    /// Its place among its name's readings; a name's choice comes after them all.
    order: usize,
    place: PlaceId,
    kind: PlaceKind,
    weight: f64,
}

/// One pass's readings of every name, by the number of their place.
struct ReadingsByPlace {
    /// The readings, in the order of their places' numbers.
    readings: Vec<Reading>,
    /// Where each place's readings start in `readings`, and after the last, their end.
    starts: Vec<u32>,
}

impl ReadingsByPlace {
    fn new(
        neighbourhood: &Neighbourhood,
        names: &[(&str, Readings, Option<u32>)],
        chosen_trust: f64,
    ) -> ReadingsByPlace {
        let places = &neighbourhood.places;
        let mut starts = vec![0u32; places.len() + 1];
        let all = || {
            names
                .iter()
                .enumerate()
                .flat_map(|(name, (_, readings, choice))| {
                    let choice = choice
                        .iter()
                        .map(move |&d| (name, usize::MAX, d, chosen_trust));
                    let all = readings
                        .iter()
                        .enumerate()
                        .map(move |(i, &(d, p))| (name, i, d, p));
                    all.chain(choice)
                })
        };
        for (_, _, at, _) in all() {
            starts[at as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut slots: Vec<Option<Reading>> = (0..starts[places.len()]).map(|_| None).collect();
        for (name, order, at, weight) in all() {
            let slot = &mut next[at as usize];
            slots[*slot as usize] = Some(Reading {
                name,
                order,
                place: places[at as usize].place,
                kind: places[at as usize].kind,
                weight,
            });
            *slot += 1;
        }
        ReadingsByPlace {
            readings: slots.into_iter().flatten().collect(),
            starts,
        }
    }

    fn at(&self, number: u32) -> &[Reading] {
        let number = number as usize;
        &self.readings[self.starts[number] as usize..self.starts[number + 1] as usize]
    }
}

/// For one candidate, the best reading of each name within `COLOCATION_REACH` of its own, in
/// slots by name, with a bit per slot that holds one: the names come out in their order without
/// sorting the readings met.
struct BestByName<'r> {
    /// The first name of the slots.
    first: usize,
    slots: Vec<Option<(f64, &'r Reading)>>,
    filled: [u64; BestByName::WORDS],
}

impl<'r> BestByName<'r> {
    const SLOTS: usize = 2 * COLOCATION_REACH + 1;
    const WORDS: usize = Self::SLOTS.div_ceil(64);

    fn new() -> BestByName<'r> {
        BestByName {
            first: 0,
            slots: vec![None; Self::SLOTS],
            filled: [0; Self::WORDS],
        }
    }

    /// Empties the slots for the names of `around`.
    fn start(&mut self, around: &std::ops::RangeInclusive<usize>) {
        for word in 0..Self::WORDS {
            while self.filled[word] != 0 {
                let bit = self.filled[word].trailing_zeros() as usize;
                self.filled[word] &= self.filled[word] - 1;
                self.slots[word * 64 + bit] = None;
            }
        }
        self.first = *around.start();
    }

    /// Keeps `reading` as its name's best if it weighs more than the best so far, or as much
    /// and comes first in its name's order.
    fn offer(&mut self, reading: &'r Reading, weight: f64) {
        if weight <= 0.0 {
            return;
        }
        let Some(slot) = reading
            .name
            .checked_sub(self.first)
            .filter(|&i| i < Self::SLOTS)
        else {
            return;
        };
        let better = match self.slots[slot] {
            None => true,
            Some((best, kept)) => weight > best || (weight == best && reading.order < kept.order),
        };
        if better {
            self.slots[slot] = Some((weight, reading));
            self.filled[slot / 64] |= 1 << (slot % 64);
        }
    }

    /// The names' best readings, in the names' order.
    fn in_order(&self) -> impl Iterator<Item = (f64, &'r Reading)> + '_ {
        (0..Self::WORDS).flat_map(move |word| {
            let mut bits = self.filled[word];
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let bit = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    word * 64 + bit
                })
            })
            .filter_map(move |slot| self.slots[slot])
        })
    }
}

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
    neighbourhood: &mut Neighbourhood,
) -> Vec<Vec<Colocation>> {
    const CONSIDERED: usize = 12;
    // A place chosen with the article's evidence is surer than a prior, though it may still be
    // wrong; it counts for most of a certain place.
    const CHOSEN_TRUST: f64 = 0.8;
    let considered_places = candidates
        .iter()
        .flat_map(|list| considered(list, CONSIDERED).map(|c| c.place));
    let mut local = Vec::new();
    for place in considered_places {
        let number = neighbourhood.number(g, place);
        if matches!(
            neighbourhood.places[number as usize].kind,
            PlaceKind::City | PlaceKind::Admin2
        ) {
            local.push(number);
        }
    }
    for &place in chosen.iter().flatten() {
        neighbourhood.number(g, place);
    }
    neighbourhood.index_new_places();
    for number in local {
        neighbourhood.seek_near(number);
    }
    let neighbourhood = &*neighbourhood;
    let number = |place: PlaceId| neighbourhood.number[&place];
    // Distinct names, each with its candidates' probabilities from their priors and its choice.
    let mut names: Vec<(&str, Readings, Option<u32>)> = Vec::new();
    let mut named: FnvSet<&str> = FnvSet::default();
    for ((key, list), choice) in keys.iter().zip(candidates).zip(chosen) {
        if list.is_empty() || !named.insert(key.as_str()) {
            continue;
        }
        let top: Vec<&Scored> = considered(list, CONSIDERED).collect();
        let max = top.iter().map(|c| c.prior).fold(f64::MIN, f64::max);
        // Likelihoods relative to the name's likeliest reading, tempered (square root): two
        // readings of two names that lie together are evidence for each other even when
        // neither is its name's likeliest ("Conroe" and "Montgomery County" in Texas).
        let probabilities = top
            .iter()
            .map(|c| (number(c.place), ((c.prior - max) * 0.5).exp()))
            .collect();
        names.push((key.as_str(), probabilities, choice.map(number)));
    }
    let readings = ReadingsByPlace::new(neighbourhood, &names, CHOSEN_TRUST);
    let position: FnvMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(at, (key, _, _))| (*key, at))
        .collect();
    let support_for = |key: &str, list: &[Scored]| -> Vec<Colocation> {
        let this_name = position.get(key).copied();
        let at = this_name.unwrap_or(0);
        let around = at.saturating_sub(COLOCATION_REACH)..=at + COLOCATION_REACH;
        let mut best = BestByName::new();
        considered(list, CONSIDERED)
            .map(|c| {
                let here = number(c.place);
                let local = matches!(
                    neighbourhood.places[here as usize].kind,
                    PlaceKind::City | PlaceKind::Admin2
                );
                let mut support = 0.0;
                let mut nearby = 0.0;
                let mut nearest: Option<(f64, PlaceId)> = None;
                best.start(&around);
                if local {
                    for &(other, closeness) in &neighbourhood.near[here as usize].1 {
                        for r in readings.at(other) {
                            if around.contains(&r.name) && Some(r.name) != this_name {
                                best.offer(r, closeness * r.weight);
                            }
                        }
                    }
                }
                // Summed in the names' order, as a first best wins ties.
                for (weight, r) in best.in_order() {
                    support += weight;
                    if r.kind != PlaceKind::Admin1 {
                        nearby += weight;
                    }
                    if nearest.is_none_or(|(b, _)| weight > b) {
                        nearest = Some((weight, r.place));
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
