use super::*;
use crate::analysis::gazetteer::VILLAGE_POPULATION;

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
    resolve_spans(&Resolver::new(g), text, &spans, None)
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
    let got = resolve_spans(&Resolver::new(g), text, &spans, None);
    let augusta = got[1].as_ref().expect("Augusta resolves");
    assert!(g.population(augusta.place) >= VILLAGE_POPULATION);
}

#[test]
fn a_park_of_the_nation_is_not_placed_in_the_article_town() {
    let g = Gazetteer::embedded();
    let text = "Rangers in Moab said Arches National Park will close. Moab agreed.";
    let spans = [Span::new(11, 15), Span::new(21, 41), Span::new(54, 58)];
    let got = resolve_spans(&Resolver::new(g), text, &spans, None);
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
    let alone = resolve_spans(&Resolver::new(g), text, &[at("Mansfield")], None);
    let resolver = Resolver::new(g);
    let resolved =
        resolve_spans_with_evidence(&resolver, text, &[at("Mansfield")], &[at("Ohio")], None);
    let (own, evidence) = (resolved.spans, resolved.evidence);
    assert_ne!(admin1(&alone[0]).as_deref(), Some("Ohio"));
    assert_eq!(admin1(&own[0]).as_deref(), Some("Ohio"));
    assert_eq!(own.len(), 1);
    assert_eq!(evidence.len(), 1);
    // Evidence that overlaps a name of the article is that name, not more evidence.
    let overlapping = resolve_spans_with_evidence(
        &resolver,
        text,
        &[at("Mansfield")],
        &[at("Mansfield")],
        None,
    )
    .evidence;
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
    assert!(resolve_spans(&Resolver::new(g), "", &[], None).is_empty());
    // A span past the end or inside a character is read as empty, not a panic.
    let out = resolve_spans(
        &Resolver::new(g),
        "Kraków",
        &[Span::new(2, 4), Span::new(3, 99)],
        None,
    );
    assert_eq!(out.len(), 2);
}
