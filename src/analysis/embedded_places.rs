//! Place names inside the names of organisations and events: the "Alexandria" of "Alexandria
//! Police", the "Manitoba" of "Veterans' Hospital of Manitoba".
//!
//! They are not places of the article (the map does not show "Minnesota" for "Minnesota
//! Department of Natural Parks"), but they are strong evidence of where it is: a local paper
//! names the local police, council and schools. The resolver takes them as evidence beside the
//! article's places ([`super::places::resolve_entities_with_evidence`]), and the analysis lists
//! them with their own resolution as [`EmbeddedPlace`]s.
//!
//! Three forms are read, all closed: a place at the start of the name ("Pike County Board of
//! Elections", "Texas Southern University"), two places joined by a hyphen there
//! ("Springfield-Greene County Transit Authority") and a place after "of" ("University of
//! Texas", "Transit Board of Greater Leeds"). A word that is also a person's name, or a
//! village, counts at the start only before a word of a local body ("Jordan Police", not "Jordan
//! Juniors"; "Mabel High School").
//!
//! Look-around: the words of one ORG or MISC mention, at most `MAX_PLACE_WORDS` at a time; whether a
//! word is written in lower case is answered from one index of the text's words, and mentions
//! inside skipped spans are found by binary search.

use super::entities::lexicons::Lexicons;
use super::entities::tokens::is_capitalised;
use super::entities::{EmbeddedPlace, EntityType, Mention};
use super::fnv::{FnvMap, FnvSet};
use super::gazetteer::{Gazetteer, VILLAGE_POPULATION};
use super::places::{is_generic_name, Resolution, DIRECTION_WORDS};
use super::rules::{RuleHit, RuleId, RuleSet};
use super::text::{runs_of, within_any, Span};
use super::{PlaceKind, Resources};
use std::cell::{OnceCell, RefCell};

/// Words after a place's name that make the name a body of that place: its government, police,
/// schools, hospitals and courts (its papers' words are [`PAPER_HEADS`]).
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
    "Community",
    "Hospital",
    "Medical",
    "Health",
    "Library",
    "Courts",
    "Law",
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
    "Daily",
];

/// Words that name towns somewhere but, in an institution's name, say what it does or is:
/// "Chamber of Commerce", "Department of Homeland Security", "Superior Court".
const INSTITUTION_WORDS: &[&str] = &[
    "Commerce",
    "Industry",
    "Justice",
    "Homeland",
    "Naval",
    "Superior",
    "Pacific",
    "Atlantic",
    "Metro",
    "Woodlands",
    "Liberty",
    "Independence",
    "Unity",
    "Union",
    "Progress",
    "Enterprise",
    "Friendship",
    "Harmony",
    "Reform",
    "General",
    "Federal",
    "National",
    "Royal",
    "Global",
    "International",
    "Standard",
    "Premier",
    "Capital",
    "Summit",
    "Energy",
    "Agriculture",
    "Education",
    "Health",
    "Labor",
    "Science",
    "Medicine",
    "Technology",
    "Security",
    "Time",
    "Commonwealth",
];

/// Words after a town's name that make the name a person's or a namesake's more often than the
/// town's: "Columbia University", "Harvard College" (a university of a town is written "of").
const NAMESAKE_HEADS: &[&str] = &["University", "College"];

/// Words of a church's name: a saint before them is the church's patron, not a town.
const CHURCH_WORDS: &[&str] = &["Church", "Cathedral", "Chapel", "Parish", "Basilica"];

/// Plural words for people before "of" in a society's name: what follows is often a patron
/// ("Knights of Columbus", "Sisters of Mercy").
const PEOPLE_WORDS: &[&str] = &[
    "Knights",
    "Sisters",
    "Brothers",
    "Daughters",
    "Sons",
    "Friends",
    "Disciples",
    "Children",
];

/// A town also a family's name counts after "of" from this many people: a city's name is written
/// for the city.
const CITY_AFTER_OF: u64 = 100_000;

/// The longest name of a place tried, in words.
const MAX_PLACE_WORDS: usize = 4;

/// The place names inside ORG and MISC mentions, as (index of the mention, span of the name),
/// in text order. Mentions inside `skip` (the header, the citation block: outlets that published
/// the article rather than bodies it is about) are left out.
pub fn find(
    resources: Resources,
    rules: &RuleSet,
    text: &str,
    mentions: &[Mention],
    skip: &[Span],
) -> (Vec<(usize, Span)>, Vec<RuleHit>) {
    let g = resources.gazetteer;
    let lex = resources.lexicons;
    let mut found = Vec::new();
    let skipped = within_any(skip);
    let lower_case = LowerCaseWords::new(text);
    let mut hits = Vec::new();
    let mut hit = |rule, span| hits.push(RuleHit { rule, span });
    for (index, mention) in mentions.iter().enumerate() {
        if !matches!(mention.label, EntityType::Org | EntityType::Misc)
            || skipped(mention.start, mention.end)
        {
            continue;
        }
        let own = found.len();
        let words = words_of(text, mention.span());
        let first = usize::from(words.first().is_some_and(|w| w.slice(text) == "The"));
        let holder = Holder {
            text,
            words: &words,
            lower_case: &lower_case,
            church: words.iter().any(|w| CHURCH_WORDS.contains(&w.slice(text))),
        };
        let at_start = place_at_start(g, lex, &holder, first)
            .filter(|_| rules.enabled(RuleId::PlaceAtStartOfName));
        if let Some(place) = at_start {
            found.push((index, place));
            hit(RuleId::PlaceAtStartOfName, place);
        } else if rules.enabled(RuleId::PlacesJoinedByHyphen) {
            for place in hyphened_places(g, lex, &holder, first) {
                found.push((index, place));
                hit(RuleId::PlacesJoinedByHyphen, place);
            }
        }
        let after_of =
            place_after_of(g, lex, &holder).filter(|_| rules.enabled(RuleId::PlaceAfterOf));
        if let Some(place) = after_of {
            // Names do not overlap: only this one's places can be the same.
            if !found[own..].iter().any(|&(_, p)| p == place) {
                found.push((index, place));
                hit(RuleId::PlaceAfterOf, place);
            }
        }
        if rules.enabled(RuleId::PaperNameHoldsNoPlace) && names_a_paper(text, &words) {
            for &(_, place) in &found[own..] {
                hit(RuleId::PaperNameHoldsNoPlace, place);
            }
        }
    }
    (found, hits)
}

/// Last words of newspapers' names: a paper names the town it is from, which is evidence of where
/// the report is from but no place the report names.
const PAPER_HEADS: &[&str] = &[
    "Times",
    "Post",
    "Herald",
    "Tribune",
    "Journal",
    "Gazette",
    "Star",
    "News",
    "Courier",
    "Chronicle",
    "Register",
    "Examiner",
    "Observer",
];

/// Whether the name ends in a word of a newspaper's name ("Velmore Herald").
fn names_a_paper(text: &str, words: &[Span]) -> bool {
    words
        .last()
        .is_some_and(|w| PAPER_HEADS.contains(&w.slice(text)))
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

/// The name that may hold a place's.
struct Holder<'a, 't> {
    text: &'a str,
    words: &'a [Span],
    lower_case: &'a LowerCaseWords<'t>,
    /// It names a church, whose saint is no town.
    church: bool,
}

/// "Douglas County" of "Douglas County Sheriff's Office": the longest run of the name's first
/// words from `first` that names a place, if a word of the name follows it. A nationality
/// ("American Airlines") is no place's name.
fn place_at_start(g: &Gazetteer, lex: &Lexicons, holder: &Holder, first: usize) -> Option<Span> {
    let (text, words) = (holder.text, holder.words.get(first..)?);
    let longest = MAX_PLACE_WORDS.min(words.len().saturating_sub(1));
    let found = (1..=longest).rev().find_map(|n| {
        let run = &words[..n];
        if !run.iter().all(|w| is_capitalised(w.slice(text))) {
            return None;
        }
        let name = Span::new(run[0].start, run[n - 1].end);
        let next = words[n].slice(text);
        let before_body = LOCAL_BODY_WORDS.contains(&next) || PAPER_HEADS.contains(&next);
        if n == 1 && NAMESAKE_HEADS.contains(&next) && is_town_only(g, name.slice(text)) {
            return None;
        }
        if n == 1 && !is_capitalised(next) {
            return None;
        }
        known_place(g, lex, holder, name, before_body, false)
    })?;
    Some(without_city_word(g, text, found))
}

/// "Springfield" and "Greene County" of "Springfield-Greene County Transit Authority": two places
/// joined by a hyphen at the start. The part before the hyphen counts, even if a family's name,
/// only where the part after it, with the words that follow, is surely a place or a nationality
/// ("Chile-Peruvian Trade Council"), which a company's second name ("Bristol-Myers") is not.
fn hyphened_places(g: &Gazetteer, lex: &Lexicons, holder: &Holder, first: usize) -> Vec<Span> {
    let text = holder.text;
    let Some(&joined) = holder.words.get(first) else {
        return Vec::new();
    };
    let Some(hyphen) = joined.slice(text).find('-') else {
        return Vec::new();
    };
    let left = Span::new(joined.start, joined.start + hyphen);
    let right = Span::new(left.end + 1, joined.end);
    if right.is_empty() || !is_capitalised(right.slice(text)) {
        return Vec::new();
    }
    let Some(left) = known_place(g, lex, holder, left, true, false) else {
        return Vec::new();
    };
    let rest: Vec<Span> = std::iter::once(right)
        .chain(holder.words.iter().skip(first + 1).copied())
        .collect();
    let after = Holder {
        text,
        words: &rest,
        lower_case: holder.lower_case,
        church: holder.church,
    };
    match place_at_start(g, lex, &after, 0) {
        Some(place) => vec![left, place],
        None if lex.is_group(right.slice(text)) => vec![left],
        None => Vec::new(),
    }
}

/// "Manitoba" of "Veterans' Hospital of Manitoba": the longest run of capitalised words right
/// after an "of" (and "the") that names a place; the first "of" that has one.
fn place_after_of(g: &Gazetteer, lex: &Lexicons, holder: &Holder) -> Option<Span> {
    let (text, words) = (holder.text, holder.words);
    words.iter().enumerate().find_map(|(of, w)| {
        if w.slice(text) != "of" {
            return None;
        }
        let after_people = of > 0 && PEOPLE_WORDS.contains(&words[of - 1].slice(text));
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
            known_place(g, lex, holder, name, false, !after_people)
        })
    })
}

/// "Burlington" of "Burlington City Public Schools": a town's "City" belongs to its government,
/// unless the name with "City" is the larger town or the name alone no town ("Kansas City").
fn without_city_word(g: &Gazetteer, text: &str, name: Span) -> Span {
    let Some(short) = name.slice(text).strip_suffix(" City") else {
        return name;
    };
    let largest_town = |name: &str| {
        g.lookup(name)
            .iter()
            .filter(|m| g.kind(m.place) == PlaceKind::City)
            .map(|m| g.population(m.place))
            .max()
    };
    match (largest_town(short), largest_town(name.slice(text))) {
        (Some(alone), with) if with.is_none_or(|with| alone >= with) => {
            Span::new(name.start, name.start + short.len())
        }
        _ => name,
    }
}

/// Whether every reading of the name is a town's (no region's or country's).
fn is_town_only(g: &Gazetteer, name: &str) -> bool {
    g.lookup(name)
        .iter()
        .all(|m| g.kind(m.place) == PlaceKind::City)
}

/// The place's name in `span` if it is surely one inside an institution's name: `span` itself,
/// or its region without the direction before it ("Pennsylvania" of "Western Pennsylvania"). A
/// village, or a word that is also a person's name, is one only `before_body` (a word of a local
/// body follows it).
fn known_place(
    g: &Gazetteer,
    lex: &Lexicons,
    holder: &Holder,
    span: Span,
    before_body: bool,
    after_of: bool,
) -> Option<Span> {
    let name = span.slice(holder.text);
    let single = !name.contains(' ');
    let saint = name.starts_with("St.") || name.starts_with("St ") || name.starts_with("Saint ");
    // "St. Bridget's High School", "St. James Lutheran Chapel": the saint, not a town.
    if saint && (holder.church || name.ends_with("'s") || name.ends_with("’s")) {
        return None;
    }
    if single && INSTITUTION_WORDS.contains(&name) {
        return None;
    }
    let key = g.fold(name);
    if is_generic_name(&key) {
        return None;
    }
    if single
        && (lex.stopwords.contains(name)
            || lex.is_title_word(name)
            || lex.org_words.contains(name)
            || lex.misc_words.contains(name)
            || lex.is_group(name))
    {
        return None;
    }
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    // An acronym ("ABC") is rarely a town's name; "U.S." with its stops is the country's.
    if letters < 2 || (!name.contains('.') && letters <= 4 && name == name.to_uppercase()) {
        return None;
    }
    let mut matches = g.lookup_folded(&key);
    let mut place = span;
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
                place = Span::new(span.end - rest.len(), span.end);
            }
        }
    }
    // A word the article also writes in lower case is a word before it is a town (searched
    // last: it reads the whole text).
    if matches.is_empty() || single && holder.lower_case.contains(name) {
        return None;
    }
    // Initials ("R.J. Pell High School") are a person's, but a country's or a state's ("U.S.",
    // "N.C.") its own.
    let initials = name.contains('.') && name.split('.').all(|part| part.chars().count() <= 1);
    if initials
        && !matches
            .iter()
            .any(|m| matches!(g.kind(m.place), PlaceKind::Country | PlaceKind::Admin1))
    {
        return None;
    }
    let (kind, population) = matches
        .iter()
        // A town's other names are many and odd; a division's are spellings ("DeSoto Parish").
        .filter(|m| !m.alternate || g.kind(m.place) != PlaceKind::City)
        .map(|m| (g.kind(m.place), g.population(m.place)))
        .max_by_key(|&(kind, population)| (breadth(kind), population))?;
    let region = matches!(
        kind,
        PlaceKind::Continent | PlaceKind::Region | PlaceKind::Country | PlaceKind::Admin1
    );
    let village = kind == PlaceKind::City && population < VILLAGE_POPULATION;
    // "Georgia" is a state before it is a woman, and "Canada" a country before it is a family;
    // "Jordan" may be a player before a country, and "Springfield" a family before a town.
    let reading_is = |wanted: PlaceKind| {
        matches
            .iter()
            .any(|m| !m.alternate && g.kind(m.place) == wanted)
    };
    let given = lex.given_names.contains(name);
    let surname = lex.surnames.contains(name);
    let personal = single
        && !reading_is(PlaceKind::Admin1)
        && (given || surname && !reading_is(PlaceKind::Country));
    // After "of" a family's name is rare ("Mercy Hospital of Springfield") unless the "of"
    // follows a people's word ("Knights of Columbus"): a city's name is the city's there.
    let after_of_city =
        after_of && !given && kind == PlaceKind::City && population >= CITY_AFTER_OF;
    let weak = village
        || personal && !after_of_city
        || !(region || matches!(kind, PlaceKind::City | PlaceKind::Admin2));
    (!weak || before_body).then_some(place)
}

/// How wide a kind of place is: of a name's readings the widest is the one an institution means
/// ("Georgia Power" is the state's, not a town's).
fn breadth(kind: PlaceKind) -> u8 {
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
    rules: &RuleSet,
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
            // A paper's town tells where the report is from, not a place it names.
            if rules.enabled(RuleId::PaperNameHoldsNoPlace)
                && names_a_paper(text, &words_of(text, holder.span()))
            {
                return None;
            }
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

/// Which words the article writes in lower case, read from the whole text once rather than once
/// per name.
struct LowerCaseWords<'t> {
    text: &'t str,
    /// Every run of letters and digits in the text, built on the first question.
    runs: OnceCell<FnvSet<&'t str>>,
    /// Answers for words with other characters ("Saint-Denis"), each found by one search.
    others: RefCell<FnvMap<String, bool>>,
}

impl<'t> LowerCaseWords<'t> {
    fn new(text: &'t str) -> Self {
        LowerCaseWords {
            text,
            runs: OnceCell::new(),
            others: RefCell::new(FnvMap::default()),
        }
    }

    /// Whether `word`, lowered, stands as a word of its own somewhere in the text. A word of
    /// letters and digits alone stands so exactly where it is a whole run of them.
    fn contains(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        if lower == word {
            return false;
        }
        if lower.chars().all(char::is_alphanumeric) {
            let text = self.text;
            let runs = self.runs.get_or_init(|| {
                // Only a run that starts in lower case (or without case) can be a lowered word;
                // sized for an article's distinct words, as the recogniser's set is.
                let mut runs = FnvSet::with_capacity_and_hasher(
                    (text.len() / 6).min(1 << 12),
                    Default::default(),
                );
                runs.extend(
                    runs_of(text, char::is_alphanumeric)
                        .map(|run| run.slice(text))
                        .filter(|run| !run.starts_with(|c: char| c.is_ascii_uppercase())),
                );
                runs
            });
            return runs.contains(lower.as_str());
        }
        if let Some(&answer) = self.others.borrow().get(&lower) {
            return answer;
        }
        let answer = self.text.match_indices(lower.as_str()).any(|(at, _)| {
            let before = self.text[..at].chars().next_back();
            let after = self.text[at + lower.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        });
        self.others.borrow_mut().insert(lower, answer);
        answer
    }
}
