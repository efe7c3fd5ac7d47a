//! The article's places as the map shows them: markers by kind and weight, the countries shaded
//! by mentions, the route in order of first mention, and the sentences behind each place.

use crate::analysis::stable_sort;
use std::collections::BTreeMap;

use super::basemap::{world, LonLat};
use super::layout::{self, Item, Rect};
use super::projection::{project, Point};
use super::viewport::Viewport;
use crate::analysis::{Analysis, Candidate, Mention, Place, PlaceKind};

/// Below this confidence a place is drawn dashed with a "?".
pub const LOW_CONFIDENCE: f64 = 0.5;

/// The marker families: each has its own shape and colour (Okabe–Ito, safe for colour-blind
/// readers; the shape alone tells them apart too).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MarkerKind {
    Country,
    Region,
    City,
    Facility,
}

impl MarkerKind {
    pub const ALL: [MarkerKind; 4] = [
        MarkerKind::Country,
        MarkerKind::Region,
        MarkerKind::City,
        MarkerKind::Facility,
    ];

    pub fn of(kind: PlaceKind) -> MarkerKind {
        match kind {
            PlaceKind::Country => MarkerKind::Country,
            PlaceKind::Continent | PlaceKind::Region | PlaceKind::Admin1 | PlaceKind::Admin2 => {
                MarkerKind::Region
            }
            PlaceKind::City => MarkerKind::City,
            PlaceKind::Facility | PlaceKind::Feature => MarkerKind::Facility,
        }
    }

    /// The BEM modifier, `world-map__marker--city`.
    pub fn code(self) -> &'static str {
        match self {
            MarkerKind::Country => "country",
            MarkerKind::Region => "region",
            MarkerKind::City => "city",
            MarkerKind::Facility => "facility",
        }
    }

    pub fn legend(self) -> &'static str {
        match self {
            MarkerKind::Country => "Country (square)",
            MarkerKind::Region => "Region or province (diamond)",
            MarkerKind::City => "City or town (circle)",
            MarkerKind::Facility => "Site or feature (triangle)",
        }
    }

    /// The shape as an SVG path centred on the origin.
    pub fn shape(self, radius: f64) -> String {
        let r = radius;
        match self {
            MarkerKind::Country => {
                let s = r * 0.85;
                format!(
                    "M{:.1} {:.1}h{:.1}v{:.1}h{:.1}Z",
                    -s,
                    -s,
                    2.0 * s,
                    2.0 * s,
                    -2.0 * s
                )
            }
            MarkerKind::Region => format!("M0 {:.1}L{r:.1} 0L0 {r:.1}L{:.1} 0Z", -r, -r),
            MarkerKind::City => format!(
                "M{:.1} 0a{r:.1} {r:.1} 0 1 0 {:.1} 0a{r:.1} {r:.1} 0 1 0 {:.1} 0Z",
                -r,
                2.0 * r,
                -2.0 * r
            ),
            MarkerKind::Facility => format!(
                "M0 {:.1}L{:.1} {:.1}L{:.1} {:.1}Z",
                -r * 1.1,
                r,
                r * 0.8,
                -r,
                r * 0.8
            ),
        }
    }
}

pub fn kind_label(kind: PlaceKind) -> &'static str {
    match kind {
        PlaceKind::Continent => "Continent",
        PlaceKind::Region => "Region",
        PlaceKind::Country => "Country",
        PlaceKind::Admin1 => "Province or state",
        PlaceKind::Admin2 => "County or district",
        PlaceKind::City => "City",
        PlaceKind::Facility => "Facility",
        PlaceKind::Feature => "Natural feature",
    }
}

/// A place ready to draw, independent of pan and zoom.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceView {
    pub entity: usize,
    /// As the article writes it.
    pub name: String,
    pub kind: PlaceKind,
    pub marker: MarkerKind,
    pub country: String,
    pub country_name: String,
    pub lat: f64,
    pub lon: f64,
    pub mentions: usize,
    /// Byte offset of the first mention, for the route's order.
    pub first_mention: usize,
    pub low_confidence: bool,
    pub confidence: f64,
    pub world: Point,
    pub radius: f64,
}

/// The places with the reader's corrections applied: `choices` maps an entity id to the index
/// of the alternative picked instead. The picked candidate becomes `resolved`, the one it
/// replaced takes its slot among the alternatives (so picking the same index again swaps back),
/// and the confidence is the reader's: certain. Indices out of range are ignored.
pub fn effective_places(analysis: &Analysis, choices: &BTreeMap<usize, usize>) -> Vec<Place> {
    analysis
        .places
        .iter()
        .map(|place| {
            let mut place = place.clone();
            if let Some(&choice) = choices.get(&place.entity) {
                if choice < place.alternatives.len() {
                    std::mem::swap(&mut place.resolved, &mut place.alternatives[choice]);
                    place.confidence = 1.0;
                    place.explanation = format!(
                        "Chosen by the reader instead of {}.",
                        candidate_label(&place.alternatives[choice])
                    );
                }
            }
            place
        })
        .collect()
}

/// "Moscow, Russia (city)": enough to tell candidates of one name apart.
pub fn candidate_label(candidate: &Candidate) -> String {
    let kind = kind_label(candidate.kind).to_lowercase();
    let country = world().country_name(&candidate.country);
    let mut parts = vec![candidate.name.as_str()];
    if let Some(admin1) = candidate.admin1.as_deref().filter(|a| !a.is_empty()) {
        parts.push(admin1);
    }
    if !country.is_empty() && country != candidate.name {
        parts.push(country);
    }
    format!("{} ({kind})", parts.join(", "))
}

/// Larger for more mentions, by area (radius ∝ √mentions), within readable bounds.
pub fn marker_radius(mentions: usize) -> f64 {
    (4.0 + 3.0 * (mentions.max(1) as f64).sqrt()).min(16.0)
}

/// The places in order of first mention (the route's order, and the table's).
pub fn place_views(places: &[Place], mentions: &[Mention]) -> Vec<PlaceView> {
    let mut views: Vec<PlaceView> = places
        .iter()
        .filter(|p| p.resolved.lat.is_finite() && p.resolved.lon.is_finite())
        .map(|place| {
            let first_mention = place
                .mentions
                .iter()
                .filter_map(|&i| mentions.get(i))
                .map(|m| m.start)
                .min()
                .unwrap_or(usize::MAX);
            let c = &place.resolved;
            PlaceView {
                entity: place.entity,
                name: place.name.clone(),
                kind: c.kind,
                marker: MarkerKind::of(c.kind),
                country: c.country.clone(),
                country_name: world().country_name(&c.country).to_string(),
                lat: c.lat,
                lon: c.lon,
                mentions: place.mentions.len(),
                first_mention,
                low_confidence: place.confidence < LOW_CONFIDENCE,
                confidence: place.confidence,
                world: project(LonLat {
                    lon: c.lon,
                    lat: c.lat,
                }),
                radius: marker_radius(place.mentions.len()),
            }
        })
        .collect();
    stable_sort::sort_by(&mut views, |a, b| {
        a.first_mention
            .cmp(&b.first_mention)
            .then(a.entity.cmp(&b.entity))
    });
    views
}

/// One drawn marker: a single place, or a cluster of places too close to tell apart.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkerGroup {
    /// Indices into the place views, the most-mentioned first.
    pub members: Vec<usize>,
    pub at: Point,
    pub radius: f64,
    pub label: String,
    pub label_box: Option<Rect>,
}

/// Clusters and labels for the current view.
pub fn marker_groups(views: &[PlaceView], viewport: &Viewport) -> Vec<MarkerGroup> {
    let items: Vec<Item> = views
        .iter()
        .map(|v| Item {
            at: viewport.to_screen(v.world),
            weight: v.mentions as f64,
            radius: v.radius,
            label: v.name.clone(),
        })
        .collect();
    let clusters = layout::cluster(&items, layout::CLUSTER_RADIUS);
    let grouped: Vec<Item> = clusters
        .iter()
        .map(|c| {
            let leader = &items[c.members[0]];
            let mentions: usize = c.members.iter().map(|&m| views[m].mentions).sum();
            Item {
                at: c.at,
                weight: mentions as f64,
                radius: if c.members.len() > 1 {
                    marker_radius(mentions).max(9.0)
                } else {
                    leader.radius
                },
                label: match c.members.len() {
                    1 => leader.label.clone(),
                    n => format!("{} +{}", leader.label, n - 1),
                },
            }
        })
        .collect();
    let boxes = layout::place_labels(&grouped, viewport.width, viewport.height);
    clusters
        .into_iter()
        .zip(grouped)
        .zip(boxes)
        .map(|((c, item), label_box)| MarkerGroup {
            members: c.members,
            at: item.at,
            radius: item.radius,
            label: item.label,
            label_box,
        })
        .collect()
}

/// Mentions per country: a country named in the text, and the country of each place named,
/// both count.
pub fn country_mentions(places: &[Place]) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for place in places {
        let code = place.resolved.country.to_ascii_uppercase();
        if !code.is_empty() {
            *counts.entry(code).or_insert(0) += place.mentions.len().max(1);
        }
    }
    counts
}

/// The choropleth's classes: (fewest mentions in the step, legend text).
pub const CHOROPLETH_STEPS: [(usize, &str); 4] =
    [(1, "1 mention"), (2, "2–3"), (4, "4–7"), (8, "8 or more")];

/// 0 for no mentions, else the step (1 to 4) the count falls in.
pub fn choropleth_step(count: usize) -> usize {
    CHOROPLETH_STEPS
        .iter()
        .rposition(|&(least, _)| count >= least)
        .map_or(0, |i| i + 1)
}

/// The text of each sentence that mentions the place, in order, each once.
pub fn mention_sentences(analysis: &Analysis, place: &Place) -> Vec<String> {
    let mut starts: Vec<usize> = place
        .mentions
        .iter()
        .filter_map(|&i| analysis.mentions.get(i))
        .map(|m| m.start)
        .collect();
    starts.sort_unstable();
    let mut sentences: Vec<(usize, usize)> = Vec::new();
    for start in starts {
        let span = analysis
            .paragraphs
            .iter()
            .flat_map(|p| &p.sentences)
            .find(|s| s.start <= start && start < s.end)
            .map(|s| (s.start, s.end));
        if let Some(span) = span {
            if !sentences.contains(&span) {
                sentences.push(span);
            }
        }
    }
    sentences
        .into_iter()
        .filter_map(|(start, end)| analysis.text.get(start..end))
        .map(|s| s.trim().to_string())
        .collect()
}

/// The names of the organisations and events that name this place inside their own ("Alexandria
/// Police" for Alexandria), each once, in text order: where the place resolved the same.
pub fn organisations_naming(analysis: &Analysis, place: &Candidate) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for embedded in &analysis.embedded_places {
        let same = embedded
            .resolved
            .as_ref()
            .is_some_and(|c| c.name == place.name && c.lat == place.lat && c.lon == place.lon);
        let holder = analysis
            .mentions
            .get(embedded.mention)
            .and_then(|m| analysis.text.get(m.start..m.end));
        if let (true, Some(holder)) = (same, holder) {
            if !names.iter().any(|n| n == holder) {
                names.push(holder.to_string());
            }
        }
    }
    names
}

/// "55.76° N, 37.62° E".
pub fn format_coordinates(lat: f64, lon: f64) -> String {
    let ns = if lat >= 0.0 { 'N' } else { 'S' };
    let ew = if lon >= 0.0 { 'E' } else { 'W' };
    format!("{:.2}° {ns}, {:.2}° {ew}", lat.abs(), lon.abs())
}

/// A stop on the route: where it is drawn and the numbers (order of first mention) it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct RouteStop {
    pub at: Point,
    pub radius: f64,
    pub numbers: Vec<usize>,
}

/// The route through the point-like places (cities and sites; a country or a region is no stop
/// on a journey) in order of first mention, numbered from 1. Each stop sits on the marker that
/// draws it, so places clustered at this zoom share a stop instead of crossing legs.
pub fn route(views: &[PlaceView], groups: &[MarkerGroup]) -> Vec<RouteStop> {
    let mut stops: Vec<(usize, RouteStop)> = Vec::new();
    let route_places = views
        .iter()
        .enumerate()
        .filter(|(_, v)| matches!(v.marker, MarkerKind::City | MarkerKind::Facility))
        .filter(|(_, v)| v.first_mention != usize::MAX);
    for (number, (index, _)) in route_places.enumerate() {
        let Some((group_index, group)) = groups
            .iter()
            .enumerate()
            .find(|(_, g)| g.members.contains(&index))
        else {
            continue;
        };
        match stops.last_mut() {
            Some((last, stop)) if *last == group_index => stop.numbers.push(number + 1),
            _ => stops.push((
                group_index,
                RouteStop {
                    at: group.at,
                    radius: group.radius,
                    numbers: vec![number + 1],
                },
            )),
        }
    }
    stops.into_iter().map(|(_, stop)| stop).collect()
}

/// A hand-built analysis with places, so that the map is tested apart from recognition and
/// resolution: the native tests here and the component tests in `tests/web.rs` share it.
#[doc(hidden)]
pub mod fixture {
    use crate::analysis::EntityType;
    use crate::analysis::{Analysis, Analyzer, Candidate, InputFormat, Mention, Place, PlaceKind};

    pub const TEXT: &str = "Officials met in Moscow on Monday. They flew from Moscow to Korolev, then to Kazan.\n\nIran's envoy left Tehran.";

    pub fn candidate(name: &str, kind: PlaceKind, country: &str, lat: f64, lon: f64) -> Candidate {
        Candidate {
            name: name.into(),
            kind,
            country: country.into(),
            admin1: None,
            lat,
            lon,
            population: 0,
        }
    }

    /// The analysis of [`TEXT`] with its mentions and places filled by hand.
    pub fn analysis() -> Analysis {
        analyze(TEXT, None)
    }

    /// Any text's analysis with the fixture's places (where the text names them) in place of
    /// what recognition found: the shape `AppState::with_analysis` takes.
    pub fn analyze(text: &str, _: Option<InputFormat>) -> Analysis {
        let mut analysis = Analyzer::new().analyze(text);
        // Only the hand-made places below, whatever the recogniser and resolver find.
        analysis.mentions.clear();
        analysis.entities.clear();
        analysis.places.clear();
        analysis.embedded_places.clear();
        let names = [
            (
                "Moscow",
                candidate("Moscow", PlaceKind::City, "RU", 55.76, 37.62),
                0.9,
                vec![candidate("Moscow", PlaceKind::City, "US", 46.73, -117.0)],
            ),
            (
                "Korolev",
                candidate("Korolev", PlaceKind::City, "RU", 55.92, 37.82),
                0.8,
                vec![],
            ),
            (
                "Kazan",
                candidate("Kazan", PlaceKind::City, "RU", 55.79, 49.12),
                0.4,
                vec![candidate("Kazan", PlaceKind::City, "TR", 40.23, 32.68)],
            ),
            (
                "Iran",
                candidate("Iran", PlaceKind::Country, "IR", 32.0, 53.0),
                0.95,
                vec![],
            ),
            (
                "Tehran",
                candidate("Tehran", PlaceKind::City, "IR", 35.69, 51.39),
                0.9,
                vec![],
            ),
        ];
        for (entity, (name, resolved, confidence, alternatives)) in names.into_iter().enumerate() {
            let mut mentions = Vec::new();
            for (start, _) in text.match_indices(name) {
                mentions.push(analysis.mentions.len());
                analysis.mentions.push(Mention {
                    start,
                    end: start + name.len(),
                    label: EntityType::Loc,
                    entity,
                    explanation: "fixture".into(),
                });
            }
            analysis.places.push(Place {
                entity,
                name: name.into(),
                resolved,
                confidence,
                alternatives,
                mentions,
                explanation: "fixture".into(),
            });
        }
        analysis.mentions.sort_by_key(|m| m.start);
        // Sorting moved the mentions: point each place at its own again.
        for place in &mut analysis.places {
            place.mentions = analysis
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.entity == place.entity)
                .map(|(i, _)| i)
                .collect();
        }
        analysis
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_lists_the_organisations_named_after_it_once() {
        let analysis = crate::analysis::Analyzer::new().analyze(
            "A Mansfield man was fined, the Ohio State Highway Patrol said. \
             Ohio officials agreed with the Ohio State Highway Patrol.",
        );
        let ohio = analysis
            .places
            .iter()
            .find(|p| p.name == "Ohio")
            .expect("Ohio is a place");
        assert_eq!(
            organisations_naming(&analysis, &ohio.resolved),
            ["Ohio State Highway Patrol"]
        );
        let mansfield = analysis
            .places
            .iter()
            .find(|p| p.name == "Mansfield")
            .expect("Mansfield is a place");
        assert!(organisations_naming(&analysis, &mansfield.resolved).is_empty());
    }

    #[test]
    fn views_follow_the_first_mention_and_weigh_mentions() {
        let analysis = fixture::analysis();
        let views = place_views(&analysis.places, &analysis.mentions);
        let names: Vec<&str> = views.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["Moscow", "Korolev", "Kazan", "Iran", "Tehran"]);
        assert_eq!(views[0].mentions, 2);
        assert!(views[0].radius > views[1].radius);
        assert_eq!(views[0].country_name, "Russia");
        assert!(views[2].low_confidence && !views[0].low_confidence);
        assert_eq!(views[3].marker, MarkerKind::Country);
    }

    #[test]
    fn moscow_and_korolev_cluster_at_world_zoom_and_part_when_zoomed() {
        let analysis = fixture::analysis();
        let views = place_views(&analysis.places, &analysis.mentions);
        let world_view = Viewport::world(1000.0, 500.0);
        let groups = marker_groups(&views, &world_view);
        let moscow = groups.iter().find(|g| g.members.contains(&0)).unwrap();
        assert_eq!(moscow.members, vec![0, 1]);
        assert_eq!(moscow.label, "Moscow +1");
        let close_up = world_view.zoom_at(
            crate::map::viewport::MAX_ZOOM,
            world_view.to_screen(views[0].world),
        );
        let groups = marker_groups(&views, &close_up);
        assert!(groups.iter().any(|g| g.members == vec![1]), "{groups:?}");
    }

    #[test]
    fn countries_are_shaded_by_mentions() {
        let analysis = fixture::analysis();
        let counts = country_mentions(&analysis.places);
        assert_eq!(counts.get("RU"), Some(&4));
        assert_eq!(counts.get("IR"), Some(&2));
        assert_eq!(
            [0, 1, 2, 3, 4, 7, 8, 100].map(choropleth_step),
            [0, 1, 2, 2, 3, 3, 4, 4]
        );
    }

    #[test]
    fn sentences_and_coordinates_read_well() {
        let analysis = fixture::analysis();
        let moscow = &analysis.places[0];
        assert_eq!(
            mention_sentences(&analysis, moscow),
            [
                "Officials met in Moscow on Monday.",
                "They flew from Moscow to Korolev, then to Kazan."
            ]
        );
        assert_eq!(format_coordinates(55.756, 37.617), "55.76° N, 37.62° E");
        assert_eq!(format_coordinates(-33.87, -70.65), "33.87° S, 70.65° W");
    }

    #[test]
    fn a_correction_swaps_the_candidate_and_swaps_back() {
        let analysis = fixture::analysis();
        let kazan = 2;
        let mut choices = BTreeMap::new();
        assert_eq!(effective_places(&analysis, &choices), analysis.places);
        choices.insert(kazan, 0);
        let places = effective_places(&analysis, &choices);
        assert_eq!(places[kazan].resolved.country, "TR");
        assert_eq!(places[kazan].alternatives[0].country, "RU");
        assert_eq!(places[kazan].confidence, 1.0);
        assert_eq!(
            places[kazan].explanation,
            "Chosen by the reader instead of Kazan, Russia (city)."
        );
        assert_eq!(places[0], analysis.places[0], "other places are untouched");
        assert_eq!(country_mentions(&places).get("TR"), Some(&1));
        choices.insert(kazan, 7);
        assert_eq!(
            effective_places(&analysis, &choices),
            analysis.places,
            "out of range is ignored"
        );
    }

    #[test]
    fn the_route_visits_cities_in_order_of_first_mention() {
        let analysis = fixture::analysis();
        let views = place_views(&analysis.places, &analysis.mentions);
        let close_up = Viewport::world(1000.0, 500.0).zoom_at(
            crate::map::viewport::MAX_ZOOM,
            Viewport::world(1000.0, 500.0).to_screen(views[0].world),
        );
        let groups = marker_groups(&views, &close_up);
        let stops = route(&views, &groups);
        let numbers: Vec<Vec<usize>> = stops.iter().map(|s| s.numbers.clone()).collect();
        assert_eq!(
            numbers,
            [vec![1], vec![2], vec![3], vec![4]],
            "Iran, a country, is no stop"
        );
        assert_eq!(stops[1].at, close_up.to_screen(views[1].world), "Korolev");

        // Zoomed out, Moscow and Korolev share a marker, and so a stop.
        let world = Viewport::world(1000.0, 500.0);
        let stops = route(&views, &marker_groups(&views, &world));
        let numbers: Vec<Vec<usize>> = stops.iter().map(|s| s.numbers.clone()).collect();
        assert_eq!(numbers, [vec![1, 2], vec![3], vec![4]]);
    }

    #[test]
    fn every_kind_has_a_closed_shape() {
        for kind in MarkerKind::ALL {
            let d = kind.shape(6.0);
            assert!(d.starts_with('M') && d.ends_with('Z'), "{d}");
        }
    }
}
