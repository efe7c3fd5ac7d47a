//! Place names inside the names of organisations and events: the "Alexandria" of "Alexandria
//! Police", the "Manitoba" of "Children's Hospital of Manitoba".
//!
//! They are not places of the article (the map does not show "Minnesota" for "Minnesota
//! Department of Transportation"), but they are strong evidence of where it is: a local paper
//! names the local police, council and schools. The resolver takes them as evidence beside the
//! article's places ([`super::places::resolve_entities_with_evidence`]), and the analysis lists
//! them with their own resolution as [`EmbeddedPlace`]s.
//!
//! Two forms are read, both closed: a place at the start of the name ("Douglas County Sheriff's
//! Office", "Texas Southern University") and a place after "of" ("University of Texas",
//! "Municipal Corporation of Greater Mumbai"). A word that is also a person's name, or a village,
//! counts at the start only before a word of a local body ("Jordan Police", not "Jordan
//! Juniors"; "Parkers Prairie High School").

use super::entities::lexicons::Lexicons;
use super::entities::{EmbeddedPlace, EntityType, Mention};
use super::gazetteer::{Gazetteer, VILLAGE_POPULATION};
use super::places::{Resolution, DIRECTION_WORDS};
use super::text::Span;
use super::PlaceKind;

/// Words after a place's name that make the name a body of that place: its government, police,
/// schools, hospitals, courts and papers.
const LOCAL_BODY_WORDS: &[&str] = &[
    "Police",
    "Sheriff",
    "Sheriff's",
    "Sheriff’s",
    "Fire",
    "Department",
    "Dept",
    "County",
    "City",
    "Town",
    "Township",
    "Village",
    "State",
    "Public",
    "Municipal",
    "Council",
    "Board",
    "School",
    "Schools",
    "High",
    "Middle",
    "Elementary",
    "University",
    "College",
    "Community",
    "Hospital",
    "Medical",
    "Health",
    "Library",
    "Court",
    "Courts",
    "Chamber",
    "Historical",
    "Museum",
    "Zoo",
    "Airport",
    "Transit",
    "Housing",
    "Parks",
    "Water",
    "Regional",
    "Area",
    "District",
    "Government",
    "Legislature",
    "Senate",
    "Assembly",
    "Commission",
    "Ministry",
    "Defense",
    "Defence",
    "Army",
    "Metropolitan",
    "Symphony",
    "Arts",
    "Convention",
    "Times",
    "Post",
    "Herald",
    "Tribune",
    "Journal",
    "Gazette",
    "Daily",
    "Courier",
    "Chronicle",
    "Register",
    "Examiner",
    "Observer",
];

/// The longest name of a place tried, in words.
const MAX_PLACE_WORDS: usize = 4;

/// The place names inside ORG and MISC mentions, as (index of the mention, span of the name),
/// in text order. Mentions inside `skip` (the header, the citation block: outlets that published
/// the article rather than bodies it is about) are left out.
pub fn find(text: &str, mentions: &[Mention], skip: &[Span]) -> Vec<(usize, Span)> {
    let g = Gazetteer::embedded();
    let lex = Lexicons::get();
    let mut found = Vec::new();
    for (index, mention) in mentions.iter().enumerate() {
        if !matches!(mention.label, EntityType::Org | EntityType::Misc)
            || skip
                .iter()
                .any(|s| s.start <= mention.start && mention.end <= s.end)
        {
            continue;
        }
        let words = words_of(text, mention.span());
        let first = usize::from(words.first().is_some_and(|w| w.slice(text) == "The"));
        if let Some(place) = place_at_start(g, lex, text, &words[first..]) {
            found.push((index, place));
        }
        if let Some(place) = place_after_of(g, lex, text, &words) {
            if !found.iter().any(|&(_, p): &(usize, Span)| p == place) {
                found.push((index, place));
            }
        }
    }
    found
}

/// The words of a name with their spans, without trailing punctuation.
fn words_of(text: &str, span: Span) -> Vec<Span> {
    let mut words = Vec::new();
    let slice = span.slice(text);
    let mut at = 0;
    for word in slice.split_whitespace() {
        let Some(offset) = slice.get(at..).and_then(|rest| rest.find(word)) else {
            break;
        };
        let start = at + offset;
        at = start + word.len();
        let trimmed = word.trim_end_matches([',', ';', ':', ')', '"', '”']);
        if !trimmed.is_empty() {
            words.push(Span::new(
                span.start + start,
                span.start + start + trimmed.len(),
            ));
        }
    }
    words
}

/// "Douglas County" of "Douglas County Sheriff's Office": the longest run of the name's first
/// words that names a place, if a word of the name follows it.
fn place_at_start(g: &Gazetteer, lex: &Lexicons, text: &str, words: &[Span]) -> Option<Span> {
    let longest = MAX_PLACE_WORDS.min(words.len().saturating_sub(1));
    (1..=longest).rev().find_map(|n| {
        let run = &words[..n];
        if !run.iter().all(|w| is_capitalised(w.slice(text))) {
            return None;
        }
        let name = Span::new(run[0].start, run[n - 1].end);
        let next = words[n].slice(text);
        let before_body = LOCAL_BODY_WORDS.contains(&next);
        known_place(g, lex, name.slice(text), before_body).then_some(name)
    })
}

/// "Manitoba" of "Children's Hospital of Manitoba": the longest run of capitalised words right
/// after an "of" (and "the") that names a place.
fn place_after_of(g: &Gazetteer, lex: &Lexicons, text: &str, words: &[Span]) -> Option<Span> {
    let of = words.iter().position(|w| w.slice(text) == "of")?;
    let mut start = of + 1;
    if words.get(start).is_some_and(|w| w.slice(text) == "the") {
        start += 1;
    }
    let run_len = words
        .get(start..)?
        .iter()
        .take(MAX_PLACE_WORDS)
        .take_while(|w| is_capitalised(w.slice(text)))
        .count();
    (1..=run_len).rev().find_map(|n| {
        let name = Span::new(words[start].start, words[start + n - 1].end);
        known_place(g, lex, name.slice(text), false).then_some(name)
    })
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `name` is surely a place's name inside an institution's. A village, or a word that is
/// also a person's name, is one only `before_body` (a word of a local body follows it).
fn known_place(g: &Gazetteer, lex: &Lexicons, name: &str, before_body: bool) -> bool {
    let single = !name.contains(' ');
    if single
        && (lex.stopwords.contains(name)
            || lex.is_title_word(name)
            || lex.org_words.contains(name)
            || lex.misc_words.contains(name)
            || lex.is_group(name))
    {
        return false;
    }
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    // An acronym ("ABC") is rarely a town's name; "U.S." with its stops is the country's.
    if letters < 2 || (!name.contains('.') && letters <= 4 && name == name.to_uppercase()) {
        return false;
    }
    let mut matches = g.lookup(name);
    if matches.is_empty() {
        // "Western Pennsylvania": a direction before a region or country.
        if let Some((first, rest)) = name.split_once(' ') {
            if DIRECTION_WORDS.contains(&first.to_lowercase().as_str()) {
                matches = g.lookup(rest);
                matches.retain(|m| {
                    matches!(
                        g.kind(m.place),
                        PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Region
                    )
                });
            }
        }
    }
    let Some(best) = matches
        .iter()
        .filter(|m| !m.alternate || g.kind(m.place) == PlaceKind::Country)
        .map(|m| (g.kind(m.place), g.population(m.place)))
        .max_by_key(|&(kind, population)| (rank(kind), population))
    else {
        return false;
    };
    let (kind, population) = best;
    let region = matches!(
        kind,
        PlaceKind::Continent | PlaceKind::Region | PlaceKind::Country | PlaceKind::Admin1
    );
    let village = kind == PlaceKind::City && population < VILLAGE_POPULATION;
    let personal = single
        && kind != PlaceKind::Admin1
        && (lex.given_names.contains(name) || lex.surnames.contains(name));
    if village || personal || !(region || matches!(kind, PlaceKind::City | PlaceKind::Admin2)) {
        return before_body;
    }
    true
}

fn rank(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::Continent | PlaceKind::Region | PlaceKind::Country => 3,
        PlaceKind::Admin1 => 2,
        PlaceKind::Admin2 => 1,
        _ => 0,
    }
}

/// The analysis's list of embedded places: each found name with the place it resolved to
/// (`None` where the resolver abstained).
pub fn describe(
    g: &Gazetteer,
    text: &str,
    mentions: &[Mention],
    found: &[(usize, Span)],
    resolutions: Vec<Option<Resolution>>,
) -> Vec<EmbeddedPlace> {
    found
        .iter()
        .zip(resolutions)
        .filter_map(|(&(mention, span), resolution)| {
            let holder = mentions.get(mention)?;
            let holder_name = holder.span().slice(text);
            let (resolved, confidence, explanation) = match resolution {
                Some(r) => (
                    Some(g.candidate(r.place)),
                    r.confidence,
                    format!("named in “{holder_name}”; {}", r.explanation),
                ),
                None => (
                    None,
                    0.0,
                    format!("named in “{holder_name}”; no place chosen"),
                ),
            };
            Some(EmbeddedPlace {
                start: span.start,
                end: span.end,
                mention,
                entity: holder.entity,
                name: span.slice(text).to_string(),
                resolved,
                confidence,
                explanation,
            })
        })
        .collect()
}
