//! Organisations and institutions: head words, buildings, establishments.

use super::words::{NOT_PLACES, STANDALONE_ORGS};
use super::Recognizer;
use crate::analysis::entities::evidence::Evidence;
use crate::analysis::entities::tokens::TokenKind;
use crate::analysis::entities::EntityType;

impl<'a> Recognizer<'a> {
    /// "at Dillard's,", "Mabel's in the market", "St. Agnes's pupils": a name whose
    /// possessive owns nothing (a stop, a preposition follows), or a saint's whose possessive
    /// owns its school's people, names an establishment. A place's possessive owns something:
    /// "Ohio's interest", "St. Paul's suburbs".
    pub(super) fn establishment(&self, first: usize, last: usize) -> bool {
        let possessive = self
            .tokens
            .get(last + 1)
            .is_some_and(|t| t.kind == TokenKind::Possessive && t.text(self.text).ends_with('s'));
        // "Peru and Chile's.": a country's possessive may stand for its government; "St.
        // John's" is a city's whole name.
        if !possessive || self.lex.places.contains(self.words(first, last)) {
            return false;
        }
        let next = self.tokens.get(last + 2);
        let owns_nothing = next.is_none_or(|t| {
            matches!(
                t.text(self.text),
                "," | "."
                    | ";"
                    | ":"
                    | ")"
                    | "in"
                    | "on"
                    | "at"
                    | "for"
                    | "and"
                    | "or"
                    | "to"
                    | "@"
            )
        });
        let saint = matches!(self.word(first), "St" | "Saint")
            && self.lex.given_names.contains(self.word(last));
        let pupils = next.is_some_and(|t| {
            matches!(
                t.text(self.text),
                "students" | "pupils" | "parishioners" | "congregation" | "school"
            )
        });
        let place_with_possessive = || {
            self.gazetteer_place(self.words(first, last + 1), false)
                .is_some()
        };
        (saint && pupils) || (owns_nothing && !place_with_possessive())
    }

    /// "Brenton Regional Airport": an airport named for the town it serves, by the town's name and
    /// a word of its service, is a body of that town, whose name the town's is inside.
    pub(super) fn airport_named_for_town(&self, a: usize, j: usize) -> bool {
        j >= a + 2
            && self.word(j) == "Airport"
            && matches!(self.word(j - 1), "Regional" | "International" | "Municipal")
            && self.gazetteer_place(self.words(a, j - 2), false).is_some()
    }

    /// Typed by the word that heads the name: "State Duma", "Washington Post", "Gulf of Mexico".
    pub(super) fn by_head_word(&self, a: usize, j: usize) -> Option<(EntityType, Evidence)> {
        let head_end = (a..=j)
            .find(|&k| k > a && matches!(self.word(k), "of" | "for" | "on"))
            .map_or(j, |k| k - 1);
        for k in (a..=head_end).rev() {
            let w = self.word(k);
            if let Some(what) = self.lex.org_words.get(w) {
                if k == a && k == j && !STANDALONE_ORGS.contains(&w) {
                    return None;
                }
                let why = Evidence::HeadWord {
                    word: w.to_string(),
                    ends: k == head_end,
                    what: what.to_string(),
                };
                return Some((EntityType::Org, why));
            }
            if let Some(what) = self.lex.place_words.get(w) {
                if k == a && k == j {
                    return None;
                }
                // "Kestrel Real Estate": a trade, not a housing estate.
                if k > a && NOT_PLACES.contains(&self.words(k - 1, k)) {
                    continue;
                }
                if self.place_head_inside(a, j) == Some(k) {
                    return None;
                }
                if self.lettered_division(a, j) {
                    return None;
                }
                // "Pine County School District": a district that a body runs is that body.
                let body = (k > a && w == "District")
                    .then(|| self.lex.org_words.get(self.word(k - 1)))
                    .flatten();
                if let Some(body) = body {
                    let (word, body) = (w.to_string(), body.to_string());
                    return Some((EntityType::Org, Evidence::RunDistrict { word, body }));
                }
                let (word, what) = (w.to_string(), what.to_string());
                return Some((EntityType::Loc, Evidence::Names { word, what }));
            }
            if let Some(what) = self.lex.misc_words.get(w) {
                if k == head_end && (k > a || j > a) {
                    let (word, what) = (w.to_string(), what.to_string());
                    return Some((EntityType::Misc, Evidence::Names { word, what }));
                }
            }
        }
        None
    }

    /// An institution's name that here names its building: a hospital one is at or in ("died
    /// at Lakeview Memorial Hospital"), a church one is at ("married at North Danby
    /// Church"), a golf or country club (its grounds). Where one is taken to or what one
    /// belongs to is as often the institution.
    pub(super) fn building_by_use(&self, a: usize, j: usize) -> Option<Evidence> {
        let head = self.word(j);
        let medical = matches!(head, "Center" | "Centre")
            && j > a
            && matches!(self.word(j - 1), "Medical" | "Health");
        let grounds = head == "Club" && j > a && matches!(self.word(j - 1), "Golf" | "Country");
        if grounds {
            return Some(Evidence::ClubGrounds(self.word(j - 1).to_lowercase()));
        }
        if !(matches!(head, "Hospital" | "Church") || medical) {
            return None;
        }
        let mut k = a.checked_sub(1)?;
        if matches!(self.word(k), "the" | "The") {
            k = k.checked_sub(1)?;
        }
        let cue = self.word(k);
        let locative = match head {
            "Church" => cue == "at",
            _ => matches!(cue, "at" | "in" | "inside" | "outside"),
        };
        locative.then(|| Evidence::BuildingCue(cue.to_string()))
    }

    /// "Tyler County EMS", "Ohio Valley Hawks": capitalised words after a place's head
    /// word make a name of something called after the place (a service, a team, a shop); only
    /// other evidence makes the whole a place. The head word's token.
    pub(super) fn place_head_inside(&self, a: usize, j: usize) -> Option<usize> {
        let head_end = (a..=j)
            .find(|&k| k > a && matches!(self.word(k), "of" | "for" | "on"))
            .map_or(j, |k| k - 1);
        let k = (a..=head_end).rev().find(|&k| {
            let w = self.word(k);
            self.is_head_word(w) || self.lex.misc_words.contains(w)
        })?;
        (k > a && k < head_end && self.lex.place_words.contains(self.word(k))).then_some(k)
    }

    /// "District A", "Ward B": a division known by a letter is an electoral one, not a place.
    pub(super) fn lettered_division(&self, a: usize, j: usize) -> bool {
        j == a + 1
            && matches!(self.word(a), "District" | "Ward" | "Precinct")
            && self.word(j).chars().count() == 1
    }
}
