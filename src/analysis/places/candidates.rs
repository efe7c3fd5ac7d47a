use super::model::{Scored, Via};
use super::weights::Weights;
use super::words::{
    is_generic_name, is_generic_region, DIRECTION_WORDS, DIVISION_BEFORE_OF, FACILITY_WORDS,
    STREET_ENDINGS,
};
use super::Resolver;
use crate::analysis::gazetteer::{Gazetteer, NameMatch, PlaceId};
use crate::analysis::model::PlaceKind;
use crate::analysis::rules::RuleId;
use crate::analysis::stable_sort;

/// Candidates considered per mention, best priors first.
pub(super) const MAX_CANDIDATES: usize = 40;

/// A prior from what the place is, before any context. The weights are set by hand, as rules of
/// thumb (a country outweighs a town of its name; a town's weight grows with the log of its
/// population), never fitted to the evaluation sets.
pub(super) fn prior(g: &Gazetteer, w: &Weights, place: PlaceId, via: Via) -> f64 {
    let population = g.population(place) as f64;
    let size = (population + 1.0).log10();
    let base = match g.kind(place) {
        PlaceKind::Country => w.prior_country,
        PlaceKind::Continent => w.prior_continent,
        PlaceKind::Region | PlaceKind::Feature => w.prior_region_or_feature,
        PlaceKind::Facility => w.prior_facility,
        // A region's name is written for the region far more often than for a town of the same
        // name elsewhere ("Virginia" the state, not the South African town).
        PlaceKind::Admin1 => w.prior_admin1 + w.prior_admin1_per_size * size,
        // Counties have no population here; one is named with its "County" almost always.
        PlaceKind::Admin2 => w.prior_admin2,
        PlaceKind::City => {
            w.prior_town_per_size * size
                + if g.is_capital(place) {
                    w.prior_capital
                } else {
                    0.0
                }
        }
    };
    base + match via {
        Via::Name => 0.0,
        Via::AlternateName => w.via_alternate_name,
        Via::Demonym => w.via_demonym,
        Via::Stripped => w.via_stripped,
        Via::Facility => w.via_facility,
        Via::County => w.via_county,
        Via::Spelling => w.via_spelling,
    }
}

pub(super) fn scored(
    g: &Gazetteer,
    w: &Weights,
    matches: Vec<NameMatch>,
    via_name: Via,
) -> Vec<Scored> {
    matches
        .into_iter()
        .map(|m| {
            let via = if m.alternate && via_name == Via::Name {
                Via::AlternateName
            } else {
                via_name
            };
            unscored(g, w, m.place, via)
        })
        .collect()
}

/// The name without a possessive and surrounding punctuation.
pub(super) fn clean_surface(surface: &str) -> &str {
    let s = surface.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .or_else(|| s.strip_suffix('\''))
        .or_else(|| s.strip_suffix('’'))
        .unwrap_or(s);
    s.trim()
}

/// The candidates for a name, best priors first. The rules that changed them are added to
/// `applied`.
pub(super) fn generate(
    resolver: &Resolver,
    surface: &str,
    applied: &mut Vec<RuleId>,
) -> Vec<Scored> {
    let (g, w) = (resolver.gazetteer, resolver.weights);
    let on = |rule| resolver.rules.enabled(rule);
    let mut apply = |rule, applies: bool| {
        if applies && !applied.contains(&rule) {
            applied.push(rule);
        }
    };
    let name = clean_surface(surface);
    let mut found = scored(g, w, g.lookup(name), Via::Name);
    if on(RuleId::ShortFormOfRiverTown) {
        let short_forms: Vec<NameMatch> = g
            .lookup_by_short_form(name)
            .into_iter()
            .filter(|m| !found.iter().any(|c| c.place == m.place))
            .collect();
        apply(RuleId::ShortFormOfRiverTown, !short_forms.is_empty());
        found.extend(scored(g, w, short_forms, Via::Name));
    }
    // "Bushehr", "Isfahan", "New York": a region named after its city is written for the city far
    // more often.
    let namesake_regions: Vec<PlaceId> = found
        .iter()
        .filter(|c| g.kind(c.place) == PlaceKind::City)
        .filter_map(|c| g.admin1_of(c.place))
        .filter(|&region| {
            on(RuleId::RegionNamedAfterItsCity)
                && found
                    .iter()
                    .any(|c| c.place == region && c.via == Via::Name)
        })
        .collect();
    for c in found.iter_mut() {
        if g.kind(c.place) == PlaceKind::Admin1 && namesake_regions.contains(&c.place) {
            c.prior += w.region_named_after_city;
        }
    }
    apply(
        RuleId::RegionNamedAfterItsCity,
        !namesake_regions.is_empty(),
    );
    // "Mexico" is also another name for Mexico City: a country's or region's own name wins over
    // another place's other name, unless that place is the region's namesake city.
    if on(RuleId::OwnNameBeatsOtherName)
        && found.iter().any(|c| {
            c.via == Via::Name
                && matches!(
                    g.kind(c.place),
                    PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Continent
                )
        })
    {
        for c in found.iter_mut().filter(|c| c.via == Via::AlternateName) {
            let namesake = g
                .admin1_of(c.place)
                .is_some_and(|region| namesake_regions.contains(&region));
            if !namesake {
                c.prior += w.other_name_of_country_or_region;
                apply(RuleId::OwnNameBeatsOtherName, true);
            }
        }
    }
    // "Mexico", "Poland", "China" are the countries, not the towns named after them, even in
    // an article local to such a town's region, where nearness, the region and the country all
    // speak for the town at once: only a qualifier ("Mexico, Mo.") makes the name a town's.
    // The same for the hand-chosen regions, seas and buildings ("Middle East", "White House"),
    // and for a sea or ocean by its short name too: "Pacific" is the ocean, not a town of that
    // name. (A region's short name may be its own city's: "Gaza".)
    if on(RuleId::CountryNameNeedsQualifier)
        && found.iter().any(|c| {
            let kind = g.kind(c.place);
            (c.via == Via::Name
                && matches!(
                    kind,
                    PlaceKind::Country
                        | PlaceKind::Continent
                        | PlaceKind::Region
                        | PlaceKind::Feature
                        | PlaceKind::Facility
                ))
                || (c.via == Via::AlternateName && kind == PlaceKind::Feature)
        })
    {
        for c in found.iter_mut() {
            if matches!(g.kind(c.place), PlaceKind::City | PlaceKind::Admin2) {
                c.prior += w.town_named_like_country;
                c.needs_qualifier = true;
                apply(RuleId::CountryNameNeedsQualifier, true);
            }
        }
    }
    // "Virginia", "California", "Ontario" are the regions, not the towns named after them, unless
    // the text says otherwise. National capitals keep their standing ("Washington"), and a
    // region named after its own city was handled above.
    if on(RuleId::RegionNameBeatsTowns)
        && found.iter().any(|c| {
            c.via == Via::Name
                && g.kind(c.place) == PlaceKind::Admin1
                && !namesake_regions.contains(&c.place)
        })
    {
        for c in found.iter_mut() {
            if matches!(g.kind(c.place), PlaceKind::City | PlaceKind::Admin2)
                && !g.is_capital(c.place)
                && !namesake_regions
                    .iter()
                    .any(|&r| g.admin1_of(c.place) == Some(r))
            {
                c.prior += w.town_named_like_region;
                apply(RuleId::RegionNameBeatsTowns, true);
            }
        }
    }
    // "EU" is not the French town of Eu: an acronym matches only names written as acronyms.
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if on(RuleId::AcronymMatchesAcronyms)
        && letters.len() <= 3
        && letters.iter().all(|c| c.is_uppercase())
    {
        for c in found.iter_mut().filter(|c| c.via == Via::Name) {
            if g.name(c.place).chars().any(|ch| ch.is_lowercase()) {
                c.prior += w.acronym_for_a_word;
                apply(RuleId::AcronymMatchesAcronyms, true);
            }
        }
    }
    // "Pa.", "Kan.", "N.J.": written with its stop, a region's abbreviation names the region;
    // a town or city of those letters abroad ("Pa", "Kan") is written without one. Without a
    // known town before it to qualify, the abbreviation would fall on the larger namesake.
    if on(RuleId::AbbreviationNamesItsRegion)
        && is_abbreviation(name)
        && found.iter().any(|c| g.kind(c.place) == PlaceKind::Admin1)
    {
        let before = found.len();
        found.retain(|c| g.kind(c.place) == PlaceKind::Admin1);
        apply(RuleId::AbbreviationNamesItsRegion, found.len() < before);
    }
    if found.is_empty() && resolver.rules.enabled(RuleId::DemonymNamesItsCountry) {
        if let Some(country) = g.demonym(name) {
            found.push(unscored(g, w, country, Via::Demonym));
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
        if words.len() > 2 && words[1] == "of" && DIVISION_BEFORE_OF.contains(&words[0]) {
            start = 2;
        }
        // "Carter Parish Fire District", "Pike County Jail", "Logan County Road": what a
        // county names after itself lies in it, and the county is the evidence of where the
        // article is (a town of its name elsewhere must not take the name's place).
        let county = county_opening_name(g, w, &words[start..]);
        if let Some(county) = county.filter(|_| on(RuleId::FacilityInItsNamesPlace)) {
            return county;
        }
        // "Memphis Street" is not in Memphis, and where a street leads says little.
        if words.last().is_some_and(|w| STREET_ENDINGS.contains(w)) {
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
            found = stripped_candidates(g, w, &words, start, end);
            found.retain(|c| c.via.rule().is_none_or(on));
            if !found.is_empty() {
                break;
            }
        }
    }
    // "Monongalia", "Miami-Dade": a county is often written without its title.
    if found.is_empty() && on(RuleId::CountyWithoutItsTitle) {
        found = scored(g, w, g.lookup(&format!("{name} County")), Via::County);
        found.retain(|c| g.kind(c.place) == PlaceKind::Admin2);
    }
    if found.is_empty() && on(RuleId::AnotherTransliteration) {
        found = scored(g, w, g.lookup_by_spelling(name), Via::Spelling);
    }
    stable_sort::sort_by(&mut found, |a, b| {
        b.prior.total_cmp(&a.prior).then(a.place.cmp(&b.place))
    });
    found.truncate(MAX_CANDIDATES);
    found
}

/// Whether a name is an abbreviation written with its stop: "Pa.", "Kan.", "N.J.", "W. Va.".
fn is_abbreviation(name: &str) -> bool {
    name.ends_with('.')
        && name.split([' ', '.']).all(|word| {
            word.chars().count() <= ABBREVIATED_WORD && word.chars().all(char::is_alphabetic)
        })
}

/// The longest word of a region's abbreviation ("Calif.", "Mass.", "Sask.").
const ABBREVIATED_WORD: usize = 5;

/// The counties named by the words up to a "county" or "parish" that opens a longer name, as
/// candidates for the thing the county names after itself. `None` when no such word or county.
pub(super) fn county_opening_name(
    g: &Gazetteer,
    w: &Weights,
    words: &[&str],
) -> Option<Vec<Scored>> {
    let county_word = words
        .iter()
        .position(|w| matches!(*w, "county" | "parish"))
        .filter(|&k| k > 0 && k + 1 < words.len())?;
    let mut found = scored(
        g,
        w,
        g.lookup_folded(&words[..=county_word].join(" ")),
        Via::Facility,
    );
    found.retain(|c| g.kind(c.place) == PlaceKind::Admin2);
    (!found.is_empty()).then_some(found)
}

/// The candidates for the words `start..end` of a name whose other words were dropped: leading
/// directions ("northern Iraq") and trailing generic or facility words ("Bushehr province",
/// "Bushehr nuclear plant", "Walker County").
pub(super) fn stripped_candidates(
    g: &Gazetteer,
    w: &Weights,
    words: &[&str],
    start: usize,
    end: usize,
) -> Vec<Scored> {
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
        scored(g, w, g.lookup_folded(&inner), via)
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
                w,
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
pub(super) const CITY_WITH_QUARTERS: u64 = 100_000;

/// Whether a name's last word is a generic region word: "Thames Valley", "Rift Valley Province".
pub(super) fn ends_in_generic_word(surface: &str) -> bool {
    clean_surface(surface)
        .rsplit(' ')
        .next()
        .is_some_and(|w| is_generic_region(&[w.to_lowercase().as_str()]))
}

/// The first name in a dateline that is a place: "MOSCOW", "KAZAN, Russia".
pub(super) fn dateline_place(resolver: &Resolver, dateline: &str) -> Option<PlaceId> {
    let head = dateline.split([',', '(', '—', '–', '-']).next()?.trim();
    let list = generate(resolver, head, &mut Vec::new());
    list.first().map(|c| c.place)
}

/// A candidate with its prior and no context read yet: context and the filters set the rest.
pub(super) fn unscored(g: &Gazetteer, w: &Weights, place: PlaceId, via: Via) -> Scored {
    Scored {
        place,
        via,
        prior: prior(g, w, place, via),
        score: 0.0,
        reasons: Vec::new(),
        supported: false,
        local: false,
        needs_qualifier: false,
        qualified: false,
        outside_owner: false,
    }
}
