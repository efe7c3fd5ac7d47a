use super::candidates::clean_surface;
use super::words::{CONTEST_WORDS, GOVERNMENT_VERBS, PLURAL_STREET_WORDS, REGIONAL_WORDS};
use crate::analysis::gazetteer::{Gazetteer, PlaceId};
use crate::analysis::model::PlaceKind;
use crate::analysis::text::Span;

/// What the words around a name say about the kind of place it is.
#[derive(Clone, Debug, Default)]
pub(super) struct Role {
    /// It qualifies the name before it ("Salem, Oregon"): a region or country, and these
    /// are the regions and countries that would contain the name before it.
    pub(super) qualifies: Vec<PlaceId>,
    /// A word after it that only a region takes: "New York state", "New York Gov. Marsh".
    pub(super) regional_word: bool,
    /// Names listed with it ("Ohio, Indiana and New York"), by index.
    pub(super) listed_with: Vec<usize>,
    /// A council after it that governs a district: "Haringey Council", "Kent County Council".
    pub(super) council_word: bool,
    /// The name that holds it, by index: the one before ("London's Heathrow", "Giza's Mansoura
    /// district") or after it ("Juniper in New Orleans").
    pub(super) owner: Option<usize>,
    /// It names a side in a contest ("outlasted Louisville", "against Duke"): a team, whose
    /// home is the town the country knows by the name, wherever the game is played.
    pub(super) opponent: bool,
}

/// The role the text gives the name at `i`.
pub(super) fn role_of(
    text: &str,
    spans: &[Span],
    i: usize,
    span: Span,
    qualifiers: &[Vec<PlaceId>],
) -> Role {
    let mut role = Role::default();
    if i > 0 {
        let gap = text.get(spans[i - 1].end..span.start).unwrap_or("");
        if matches!(gap, ", " | "," | " (") {
            role.qualifies = qualifiers[i - 1].clone();
        }
    }
    let next = text
        .get(span.end..)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("");
    let next = next.trim_end_matches([',', ';', ':', ')']);
    role.regional_word =
        text.get(span.end..).is_some_and(|r| r.starts_with(' ')) && REGIONAL_WORDS.contains(&next);
    role.council_word = names_district_council(text.get(span.end..).unwrap_or(""));
    role.opponent = names_opponent(text.get(..span.start).unwrap_or(""));
    let possessed = i > 0 && matches!(text.get(spans[i - 1].end..span.start), Some("'s " | "’s "));
    let inside_next = spans
        .get(i + 1)
        .is_some_and(|next| text.get(span.end..next.start) == Some(" in "));
    role.owner = if possessed {
        Some(i - 1)
    } else if inside_next {
        Some(i + 1)
    } else {
        None
    };
    // The names chained to this one by list separators, both ways.
    let is_separator = is_list_separator;
    let mut j = i;
    while j > 0
        && i - j < LIST_REACH
        && is_separator(text.get(spans[j - 1].end..spans[j].start).unwrap_or(""))
    {
        j -= 1;
        role.listed_with.push(j);
    }
    let mut j = i;
    while j + 1 < spans.len()
        && j - i < LIST_REACH
        && is_separator(text.get(spans[j].end..spans[j + 1].start).unwrap_or(""))
    {
        j += 1;
        role.listed_with.push(j);
    }
    role
}

/// Whether the words after a name make it a district's council: "Haringey Council", "Wealden
/// District Council", "Kent County Council". A "City Council" or "Town Council" says less:
/// towns of every country have one, and a district of the name is then no likelier than a town.
pub(super) fn names_district_council(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let mut words = rest.split_whitespace().map(clean_surface);
    match words.next() {
        Some("Council") => true,
        Some("Borough" | "District" | "County") => words.next() == Some("Council"),
        _ => false,
    }
}

/// A town big enough to field the teams national news reports on.
pub(super) const TEAM_CITY: u64 = 100_000;

/// Whether the word right before a name makes it a side in a contest.
pub(super) fn names_opponent(before: &str) -> bool {
    word_just_before(before).is_some_and(|w| CONTEST_WORDS.contains(&w))
}

/// The last word of `before` when a single space separates it from what follows: the word a
/// name is read with ("the Valley", "beat Louisville").
pub(super) fn word_just_before(before: &str) -> Option<&str> {
    before
        .strip_suffix(' ')
        .and_then(|b| b.split_whitespace().next_back())
}

/// Whether the name at `i` ends a list, or stands in one, that a plural division word closes:
/// "Decatur and Shelby counties". Returns the singular word to add to the name.
pub(super) fn listed_before_division_word(
    text: &str,
    spans: &[Span],
    i: usize,
) -> Option<&'static str> {
    match word_after_list(text, spans, i)? {
        "counties" | "Counties" => Some("County"),
        "parishes" | "Parishes" => Some("Parish"),
        _ => None,
    }
}

/// Whether the name at `i` stands in a list that a plural street word closes: "where Clinton
/// and Fulton streets meet". A street is not the town it is named after.
pub(super) fn listed_before_street_word(text: &str, spans: &[Span], i: usize) -> bool {
    word_after_list(text, spans, i)
        .is_some_and(|w| PLURAL_STREET_WORDS.contains(&w.to_lowercase().as_str()))
}

/// The word right after the list of names that the name at `i` stands in (or after the name
/// alone), without its punctuation.
pub(super) fn word_after_list<'t>(text: &'t str, spans: &[Span], i: usize) -> Option<&'t str> {
    let mut last = i;
    while last + 1 < spans.len()
        && last - i < LIST_REACH
        && is_list_separator(
            text.get(spans[last].end..spans[last + 1].start)
                .unwrap_or(""),
        )
    {
        last += 1;
    }
    let rest = text.get(spans[last].end..)?;
    let word = rest.strip_prefix(' ')?.split_whitespace().next()?;
    Some(word.trim_end_matches(|c: char| !c.is_alphabetic()))
}

/// How many names a list is followed along from one of its names, each way: every list of
/// ordinary prose, and a bounded walk in a list as long as a gazetteer.
const LIST_REACH: usize = 32;

pub(super) fn is_list_separator(gap: &str) -> bool {
    matches!(gap, ", " | " and " | ", and " | " or " | ", or ")
}

/// What the names listed with this one were chosen as: countries, and first-level regions
/// with their country ("Idaho, Oregon, New York, Utah": New York is a state too; "China
/// and Vietnam": China is the country).
pub(super) fn list_peers(
    g: &Gazetteer,
    role: &Role,
    chosen: &[Option<PlaceId>],
) -> Vec<(PlaceKind, PlaceId)> {
    let mut peers = Vec::new();
    for &j in &role.listed_with {
        let Some(place) = chosen.get(j).copied().flatten() else {
            continue;
        };
        let peer = match g.kind(place) {
            PlaceKind::Admin1 => g.country_of(place).map(|c| (PlaceKind::Admin1, c)),
            PlaceKind::Country => Some((PlaceKind::Country, place)),
            _ => None,
        };
        if let Some(peer) = peer {
            if !peers.contains(&peer) {
                peers.push(peer);
            }
        }
    }
    peers
}

/// Whether "the" stands right before the name: "here in the Valley", "on the Coast". A
/// generic word so written names the writer's own valley or coast, not a town called so.
pub(super) fn after_article(text: &str, span: Span) -> bool {
    word_just_before(text.get(..span.start).unwrap_or(""))
        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

/// Whether the name is the subject of a verb that governments do: metonymy, as in "Moscow
/// hoped to help Iran".
pub(super) fn acts_after(text: &str, span: Span) -> bool {
    let rest = text.get(span.end..).unwrap_or("");
    let next = rest
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic());
    GOVERNMENT_VERBS.contains(&next)
}

/// A region or country written right after the name: "Paris, Texas", "Fresno, Calif.",
/// "Kazan (Tatarstan)".
pub(super) fn qualifier_after(g: &Gazetteer, text: &str, span: Span) -> Vec<PlaceId> {
    let rest = text.get(span.end..).unwrap_or("");
    let rest = rest
        .strip_prefix(", ")
        .or_else(|| rest.strip_prefix(" ("))
        .or_else(|| rest.strip_prefix(","));
    let Some(rest) = rest else {
        return Vec::new();
    };
    // Up to three words, longest first, up to the next comma, bracket or sentence end.
    let words: Vec<&str> = rest
        .split([' ', '\n'])
        .take(3)
        .take_while(|w| !w.is_empty())
        .collect();
    let mut taken = words.len();
    while taken > 0 {
        let mut phrase = words[..taken].join(" ");
        let cut = phrase
            .find([',', ')', ';', ':', '\u{201d}', '"'])
            .unwrap_or(phrase.len());
        phrase.truncate(cut);
        let phrase = phrase.trim_end_matches(['.', '\'']);
        let phrase_with_dot = &words[..taken].join(" ");
        for candidate in [phrase, phrase_with_dot.trim_end_matches([',', ')', ';'])] {
            if !candidate.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let places: Vec<PlaceId> = g
                .lookup(candidate)
                .into_iter()
                .map(|m| m.place)
                .filter(|&p| matches!(g.kind(p), PlaceKind::Country | PlaceKind::Admin1))
                .collect();
            if !places.is_empty() {
                return places;
            }
        }
        taken -= 1;
    }
    Vec::new()
}
