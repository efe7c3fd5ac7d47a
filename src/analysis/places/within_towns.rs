use super::context::Role;
use super::model::{sole_most, tally, Resolution, Scored, TownEvidence};
use super::weights::Weights;
use super::words::{
    LOCAL_FEATURE_WORDS, NATURAL_FEATURE_WORDS, OUTSIDE_TOWN_WORDS, STREET_ENDINGS,
};
use super::Resolver;
use crate::analysis::fnv::{FnvMap, FnvSet};
use crate::analysis::gazetteer::{Gazetteer, PlaceId};
use crate::analysis::model::PlaceKind;
use crate::analysis::rules::RuleId;
use crate::analysis::text::Span;

/// A name the text puts in a town ("Juniper in New Orleans", "London's Heathrow") whose places
/// of that name all lie elsewhere: the gazetteer lacks it there, so it is placed in that town.
pub(super) fn place_in_owners(
    g: &Gazetteer,
    w: &Weights,
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
            w.within_town_confidence,
            format!(
                "not in the gazetteer in {0}; placed in {0}, where the text puts it",
                g.name(town)
            ),
            RuleId::PlacedInItsOwner,
        ));
    }
}

/// A street, building or neighbourhood that the gazetteer does not know ("Third Street",
/// "Lakeview Memorial Hospital") lies, most likely, in the town the text names next to it:
/// the nearest town in its sentence, else the nearest town before it, else the town the
/// article names most, else the dateline's. It is placed there with a low confidence. A
/// building reached through a town inside its name ("Granite Golf Club") that no local
/// evidence supports is placed the same way: such a name is often a person's or a far
/// namesake's.
///
/// A name the gazetteer does not know at all ("Zamalek", "La Boca") is placed the same way,
/// except by the town before it: in an article about one town, an unknown place is most often
/// one of its quarters.
pub(super) fn place_local_features(
    resolver: &Resolver,
    text: &str,
    spans: &[Span],
    unknown: &[bool],
    facility_support: &[Option<TownEvidence>],
    dateline: Option<PlaceId>,
    resolutions: &mut [Option<Resolution>],
) {
    let (g, w) = (resolver.gazetteer, resolver.weights);
    let on = |rule| resolver.rules.enabled(rule);
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
        .filter(|(_, &c)| c >= w.sure_town)
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
                    && r.confidence >= w.sure_town
                    && g.kind(r.place) == PlaceKind::Admin2
                    && (main_country.is_none() || g.country_of(r.place) == main_country)
            })
            .map(|r| r.place),
    ))
    .map(|(county, _)| county);
    // Each sure town's first place in the list by where its name starts: the town after a
    // name is looked up by position, not by reading the gap to every town (pairs of names grew
    // as the square of the text).
    let mut town_starting_at: FnvMap<usize, usize> = FnvMap::default();
    for (k, (s, _)) in sure_towns.iter().enumerate() {
        town_starting_at.entry(s.start).or_insert(k);
    }
    for (i, span) in spans.iter().enumerate() {
        let surface = span.slice(text);
        let quarter = !is_local_feature(surface);
        let outside = surface
            .split_whitespace()
            .any(|w| OUTSIDE_TOWN_WORDS.contains(&w) || NATURAL_FEATURE_WORDS.contains(&w));
        if quarter
            && !(unknown[i]
                && !outside
                && resolutions[i].is_none()
                && on(RuleId::UnknownNameInTown))
        {
            continue;
        }
        // "Lakeview Hospital in Seattle", "Elm Street, Boise": the town written right after,
        // the first of the list that starts where the link leaves off.
        let named_after = after_link(text, span.end)
            .and_then(|starts| starts.filter_map(|at| town_starting_at.get(&at)).min())
            .and_then(|&k| sure_towns.get(k));
        // A building reached through its name's town stays there when the article's places are
        // near that town, unless the text puts it in another town.
        let replaceable = match (&resolutions[i], facility_support[i]) {
            (None, _) => true,
            (Some(_), Some(TownEvidence::Local)) => named_after.is_some(),
            (Some(_), Some(_)) => true,
            // "Victoria Park" in an article on a Canadian town is its park, not the Hong Kong
            // suburb: a feature's name that found a place abroad is the article's own.
            // A building chosen by hand for its name ("Trafalgar Square") is that one wherever
            // the article is.
            (Some(r), None) if g.kind(r.place) == PlaceKind::Facility => false,
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
        let named_most =
            home.filter(|&t| main_country.is_none() || g.country_of(t) == main_country);
        let dateline_town = dateline.filter(|&t| g.kind(t) == PlaceKind::City);
        let home = [
            (named_after.map(|&(_, t)| t), RuleId::BuildingInTownAfter),
            (
                in_sentence.map(|&(_, t)| t),
                RuleId::BuildingInTownOfSentence,
            ),
            (
                before.map(|&(_, t)| t).filter(|_| !quarter),
                RuleId::BuildingInTownBefore,
            ),
            (named_most, RuleId::BuildingInTownNamedMost),
            (dateline_town, RuleId::BuildingInDatelineTown),
            (home_county, RuleId::BuildingInCountyNamedMost),
        ]
        .into_iter()
        .find_map(|(town, rule)| town.filter(|_| on(rule)).map(|t| (t, rule)));
        let Some((town, rule)) = home else {
            // A far namesake or a person's name ("Robert Tavish Golf Club") is worse
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
        let mut placed = Resolution::within_town(
            town,
            w.within_town_confidence,
            format!(
                "{known}; placed in {}, {}",
                g.name(town),
                explain_home(rule)
            ),
            rule,
        );
        if quarter {
            placed.rules.push(RuleId::UnknownNameInTown);
        }
        resolutions[i] = Some(placed);
    }
}

/// The first-level region holding the places of most of the article's names (at least two
/// names, and more than half of those placed in its country), if one does. A region written
/// only as the qualifier of a town ("a pastor from Fort Worth, Texas") is that town's address,
/// not a second name of the region: a visitor's home does not make the story one of his state.
fn article_region(
    g: &Gazetteer,
    keys: &[String],
    roles: &[Role],
    resolutions: &[Option<Resolution>],
) -> Option<PlaceId> {
    let mut named: FnvSet<(&str, PlaceId)> = FnvSet::default();
    for ((key, r), role) in keys.iter().zip(resolutions).zip(roles) {
        let Some(r) = r
            .as_ref()
            .filter(|r| !r.within && !role.qualifies.contains(&r.place))
        else {
            continue;
        };
        let region = match g.kind(r.place) {
            PlaceKind::Admin1 => Some(r.place),
            PlaceKind::City | PlaceKind::Admin2 => g.admin1_of(r.place),
            _ => None,
        };
        if let Some(region) = region {
            named.insert((key.as_str(), region));
        }
    }
    let regions = tally(named.iter().map(|&(_, region)| region));
    let (region, count) = sole_most(&regions)?;
    let country = g.country_of(region);
    let in_country: usize = regions
        .iter()
        .filter(|(other, _)| g.country_of(*other) == country)
        .map(|(_, n)| n)
        .sum();
    (count >= 2 && 2 * count > in_country).then_some(region)
}

/// "Lakeville" in an article on Ohio's towns, where the gazetteer has no Lakeville: a town
/// chosen for its size alone, outside the region that holds the article's other places and
/// in its country, is more likely an unlisted town of that region, and of a local story's
/// town; it is placed in the region's town the article names most, else in the region. A
/// village left unplaced for want of local evidence, with no namesake in the region, is placed
/// in that town the same way.
pub(super) fn place_in_article_region(
    g: &Gazetteer,
    w: &Weights,
    keys: &[String],
    roles: &[Role],
    candidates: &[Vec<Scored>],
    resolutions: &mut [Option<Resolution>],
) {
    let Some(region) = article_region(g, keys, roles, resolutions) else {
        return;
    };
    let towns = tally(
        resolutions
            .iter()
            .flatten()
            .filter(|r| !r.within && r.confidence >= w.sure_town)
            .filter(|r| g.kind(r.place) == PlaceKind::City && g.admin1_of(r.place) == Some(region))
            .map(|r| r.place),
    );
    let home = sole_most(&towns)
        .filter(|&(_, most)| most >= 2 || towns.len() == 1)
        .map(|(town, _)| town);
    let place = home.unwrap_or(region);
    for (list, resolution) in candidates.iter().zip(resolutions.iter_mut()) {
        let Some(best) = list.first() else {
            continue;
        };
        let guessed = match resolution.as_ref() {
            Some(r) => {
                !best.local
                    && !r.within
                    && best.place == r.place
                    && g.kind(r.place) == PlaceKind::City
                    && g.population(r.place) < w.big_city
                    && g.country_of(r.place) == g.country_of(region)
            }
            // A village left unplaced for want of local evidence, in a story local to a town.
            None => {
                home.is_some()
                    && !best.local
                    && g.kind(best.place) == PlaceKind::City
                    && g.population(best.place) < w.big_city
                    && g.country_of(best.place) == g.country_of(region)
            }
        };
        let none_in_region = list.iter().all(|c| g.admin1_of(c.place) != Some(region));
        if !(guessed && none_in_region) {
            continue;
        }
        *resolution = Some(Resolution::within_town(
            place,
            w.within_town_confidence,
            format!(
                "no place of the name in {0}, where the article's places are; placed in {1}",
                g.name(region),
                g.name(place)
            ),
            RuleId::TownOutsideArticleRegion,
        ));
    }
}

/// The country most of the article's resolved mentions lie in, if one has more than any other.
pub(super) fn main_country(g: &Gazetteer, resolutions: &[Option<Resolution>]) -> Option<PlaceId> {
    let countries = tally(
        resolutions
            .iter()
            .flatten()
            .filter_map(|r| g.country_of(r.place)),
    );
    sole_most(&countries).map(|(country, _)| country)
}

/// The town named most, if one is; a town named once among others is no clear home.
pub(super) fn most_named_town(towns: &[(Span, PlaceId)]) -> Option<PlaceId> {
    let counts = tally(towns.iter().map(|&(_, place)| place));
    let (home, most) = sole_most(&counts)?;
    (most >= 2 || counts.len() == 1).then_some(home)
}

/// Where a name standing right after `end` across "in", "of" or a comma may start: after the
/// link, or anywhere in the white space that follows it.
fn after_link(text: &str, end: usize) -> Option<std::ops::RangeInclusive<usize>> {
    let rest = text.get(end..)?.trim_start();
    let link = ["in", "of", ","]
        .into_iter()
        .find(|l| rest.starts_with(l))?;
    let after = rest.get(link.len()..)?;
    let from = text.len() - after.len();
    Some(from..=from + (after.len() - after.trim_start().len()))
}

/// Whether a name ends in a word of a street, building or part of a town; national and state
/// parks and forests lie outside towns.
pub(super) fn is_local_feature(surface: &str) -> bool {
    let words: Vec<&str> = surface.split_whitespace().collect();
    let last = words
        .last()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .unwrap_or_default();
    // "South State Street" is a town's street, "Lake State Park" no town's.
    let street = STREET_ENDINGS.contains(&last.as_str());
    let outside = words
        .iter()
        .any(|w| OUTSIDE_TOWN_WORDS.contains(w) || *w == "State" && !street);
    // "Museum of Tin Toys": the building's word leads.
    let head = words.len() >= 3
        && words[1] == "of"
        && LOCAL_FEATURE_WORDS.contains(&words[0].to_lowercase().as_str());
    words.len() >= 2 && !outside && (head || LOCAL_FEATURE_WORDS.contains(&last.as_str()))
}

/// The byte range of the sentence holding `span`: from after the previous full stop, question
/// or exclamation mark or line break to the next, looking at most [`SENTENCE_REACH`] bytes each
/// way, so that a text without stops costs no more per name than one with them.
pub(super) fn sentence_around(text: &str, span: Span) -> (usize, usize) {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let mut from = span.start.saturating_sub(SENTENCE_REACH);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (span.end + SENTENCE_REACH).min(text.len());
    while to < text.len() && !text.is_char_boundary(to) {
        to += 1;
    }
    let start = text
        .get(from..span.start)
        .and_then(|t| t.rfind(is_end))
        .map_or(from, |i| from + i + 1);
    let end = text
        .get(span.end..to)
        .and_then(|t| t.find(is_end))
        .map_or(to, |i| span.end + i);
    (start, end)
}

/// How far [`sentence_around`] looks for a sentence's ends: far more than any real sentence.
const SENTENCE_REACH: usize = 2_000;

/// Where a building was placed, in words: the town or county the rule found.
fn explain_home(rule: RuleId) -> &'static str {
    match rule {
        RuleId::BuildingInTownAfter => "the town written after it",
        RuleId::BuildingInTownOfSentence => "the town named in its sentence",
        RuleId::BuildingInTownBefore => "the town named before it",
        RuleId::BuildingInTownNamedMost => "the town the article names most",
        RuleId::BuildingInDatelineTown => "the dateline's town",
        _ => "the county the article names most",
    }
}
