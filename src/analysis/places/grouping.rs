use super::candidates::clean_surface;
use super::explanation::explain_government;
use super::model::Resolution;
use crate::analysis::fnv::FnvMap;
use crate::analysis::gazetteer::{Gazetteer, PlaceId};
use crate::analysis::model::{Candidate, Entity, Mention, Place};

/// The `places` of an analysis: one per distinct place that the LOC mentions at `loc` (indices
/// into `mentions`) resolve to, in the order of their first mention.
pub(super) fn group_places(
    gazetteer: &Gazetteer,
    text: &str,
    mentions: &[Mention],
    entities: &[Entity],
    loc: &[usize],
    resolutions: Vec<Option<Resolution>>,
) -> Vec<Place> {
    let mut places: Vec<Place> = Vec::new();
    // A street placed in a town is a place of its own, at the town's point.
    let mut by_place: FnvMap<(PlaceId, Option<usize>), usize> = FnvMap::default();
    // Per place: whether its explanation says it stands for its country's government.
    let mut for_government: Vec<bool> = Vec::new();
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
            let country = gazetteer.country_of(resolution.place);
            if let Some(country) = country.filter(|_| resolution.stands_for_government()) {
                if !for_government[existing] {
                    for_government[existing] = true;
                    place.explanation.push_str("; ");
                    place
                        .explanation
                        .push_str(&explain_government(gazetteer, country));
                }
            }
            continue;
        }
        let name = entities
            .get(mention.entity)
            .map(|e| e.name.clone())
            .unwrap_or_else(|| clean_surface(mention.span().slice(text)).to_string());
        by_place.insert(key, places.len());
        for_government.push(resolution.stands_for_government());
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
    places
}
