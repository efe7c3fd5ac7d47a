//! Places the gazetteer lacks whose name holds a town of the article: "Lake Harwick", "Old Town
//! Harwick", "Harwick River", "Harwick Quickmart South". Local news names its lakes, quarters,
//! rivers and shops after the town they lie in or beside, so such a name is placed in that town
//! when the article itself names the town or a town near it; a namesake far from the article's
//! places ("Lake Victoria" in an article on Canada) stays unplaced.
//!
//! Look-around: the words of one unresolved name, compared with each distinct town the article
//! is sure of (each town once, however often it is named).

use crate::analysis::entities::tokens::is_capitalised;
use crate::analysis::fnv::FnvSet;
use crate::analysis::gazetteer::{Gazetteer, PlaceId};
use crate::analysis::model::PlaceKind;
use crate::analysis::text::Span;

use super::model::{km_between, Resolution};
use super::weights::Weights;
use super::words::{is_generic_name, OUTSIDE_TOWN_WORDS, STREET_ENDINGS};
use crate::analysis::rules::RuleId;

/// How far from a town the article names a town inside another name may lie: a lake or a
/// quarter named after a town lies beside the article's towns, not a county away.
const NEAR_ARTICLE_TOWN_KM: f64 = 60.0;

/// Places each unresolved name that holds the name of one of the article's sure towns, or of a
/// town near them, in that town.
pub(super) fn place_by_town_in_name(
    g: &Gazetteer,
    w: &Weights,
    text: &str,
    spans: &[Span],
    resolutions: &mut [Option<Resolution>],
) {
    // Each town once, in the order the article first names it: a town named on every line
    // would otherwise be measured against once per mention.
    let mut seen = FnvSet::default();
    let article_towns: Vec<PlaceId> = resolutions
        .iter()
        .flatten()
        .filter(|r| !r.within && r.confidence >= w.sure_town && g.kind(r.place) == PlaceKind::City)
        .map(|r| r.place)
        .filter(|&p| seen.insert(p))
        .collect();
    if article_towns.is_empty() {
        return;
    }
    for (i, span) in spans.iter().enumerate() {
        if resolutions[i].is_some() {
            continue;
        }
        let Some((town, near)) = town_in_name(g, span.slice(text), &article_towns) else {
            continue;
        };
        let why = match near {
            None => format!("its name holds {}, which the article names", g.name(town)),
            Some(other) => format!(
                "its name holds {}, a town near {}",
                g.name(town),
                g.name(other)
            ),
        };
        resolutions[i] = Some(Resolution::within_town(
            town,
            w.within_town_confidence,
            format!("not in the gazetteer; placed in {}, {why}", g.name(town)),
            RuleId::TownInName,
        ));
    }
}

/// The longest run of capitalised words in `surface`, short of all of it, that names one of
/// `article_towns` or a town near one (with that article town); the nearest such town wins.
fn town_in_name(
    g: &Gazetteer,
    surface: &str,
    article_towns: &[PlaceId],
) -> Option<(PlaceId, Option<PlaceId>)> {
    let words: Vec<&str> = surface
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    // "Darby Street" is not in Darby: a street leads to the town it is named after.
    let street = words
        .last()
        .is_some_and(|w| STREET_ENDINGS.contains(&w.to_lowercase().as_str()));
    let outside = words.iter().any(|w| OUTSIDE_TOWN_WORDS.contains(w));
    if words.len() < 2 || street || outside {
        return None;
    }
    for len in (1..words.len()).rev() {
        let mut best: Option<(f64, PlaceId, Option<PlaceId>)> = None;
        for run in words.windows(len) {
            if !run.iter().all(|w| is_capitalised(w)) {
                continue;
            }
            let key = g.fold(&run.join(" "));
            if is_generic_name(&key) {
                continue;
            }
            for m in g.lookup_folded(&key) {
                if g.kind(m.place) != PlaceKind::City {
                    continue;
                }
                let nearest = article_towns
                    .iter()
                    .map(|&t| (km_between(g, m.place, t), t))
                    .min_by(|a, b| a.0.total_cmp(&b.0));
                let Some((km, other)) = nearest else {
                    continue;
                };
                if km > NEAR_ARTICLE_TOWN_KM {
                    continue;
                }
                if best.is_none_or(|(b, _, _)| km < b) {
                    best = Some((km, m.place, (other != m.place).then_some(other)));
                }
            }
        }
        if let Some((_, town, near)) = best {
            return Some((town, near));
        }
    }
    None
}
