//! Runs of capitals that hold a place and something else: a place before a title, a group, a court
//! or a crew; a party and home; hyphenated places.

use super::words::{
    COMPASS_PLACE_OPENERS, COURT_WORDS, LOCAL_TITLES, NEVER_ALONE, PLACE_PREFIXES, SERVICE_CREWS,
};
use super::{Raw, Recognizer, Strength};
use crate::analysis::entities::evidence::Evidence;
use crate::analysis::entities::tokens::{is_all_caps, is_capitalised, TokenKind};
use crate::analysis::entities::EntityType;
use crate::analysis::rules::RuleId;
use crate::analysis::Span;

impl<'a> Recognizer<'a> {
    /// "Sen. Jane Roe, D-Dayton,": an American legislator's party, then the place they
    /// represent. Pushes the place without the party letter.
    pub(super) fn party_and_home(&mut self, i: usize, j: usize) -> bool {
        let word = self.word(i);
        let Some(prefix) = ["D-", "R-", "I-", "DFL-"]
            .iter()
            .find(|p| word.strip_prefix(**p).is_some_and(is_capitalised))
        else {
            return false;
        };
        if !matches!(i.checked_sub(1).map(|b| self.word(b)), Some("," | "(")) {
            return false;
        }
        // An AP abbreviation runs on past the chunk through its stops: "D-W. Va.", "R-Ga.".
        let start = self.tokens.get(i).map_or(0, |t| t.span().start) + prefix.len();
        let abbreviated = (j..=j + 3).rev().find(|&end| {
            (i + 1..=end).all(|k| self.tokens.get(k).is_some_and(|t| !t.line_start))
                && self
                    .text
                    .get(start..self.span(i, end).end)
                    .is_some_and(|home| home.ends_with('.') && self.lex.places.contains(home))
        });
        // A postal code ("D-CA") is too ambiguous to map.
        let home = word.get(prefix.len()..).unwrap_or("");
        if abbreviated.is_none() && is_all_caps(home) {
            return false;
        }
        let j = abbreviated.unwrap_or(j);
        for used in self.used.iter_mut().take(j + 1).skip(i) {
            *used = true;
        }
        let span = self.span(i, j);
        let span = Span::new(span.start + prefix.len(), span.end);
        self.record_span(RuleId::PartyAndHome, span);
        let in_title_case = self.title_case.get(i).copied().unwrap_or(false);
        self.out.push(Raw {
            span,
            label: EntityType::Loc,
            evidence: Evidence::PartyAndHome(prefix.to_string()),
            strength: Strength::Strong,
            role: None,
            in_title_case,
        });
        true
    }

    /// "the Tehama-Glenn County line": two neighbours joined by a hyphen before the division's
    /// word they share, the first a place alone, the second a county with it. Pushes both.
    pub(super) fn hyphenated_counties(&mut self, i: usize, j: usize) -> bool {
        let division = self.word(j);
        let Some((first, second)) = self.word(i).split_once('-') else {
            return false;
        };
        if !matches!(division, "County" | "Parish")
            || !is_capitalised(first)
            || !is_capitalised(second)
            || second.contains('-')
        {
            return false;
        }
        let gazetteer = self.gazetteer;
        let county = format!("{second} {division}");
        // "Miami-Dade County" is one county.
        let one_county = !gazetteer.lookup(self.words(i, j)).is_empty();
        let known_county = !one_county && gazetteer.is_county(&county);
        let Some(first_why) = known_county.then(|| self.local_place(first)).flatten() else {
            return false;
        };
        let start = self.tokens.get(i).map_or(0, |t| t.span().start);
        let end = self.span(i, j).end;
        let second_start = start + first.len() + 1;
        let in_title_case = self.title_case.get(i).copied().unwrap_or(false);
        for (span, evidence) in [
            (Span::new(start, start + first.len()), first_why),
            (Span::new(second_start, end), Evidence::County(county)),
        ] {
            self.record_span(RuleId::HyphenatedCounties, span);
            self.out.push(Raw {
                span,
                label: EntityType::Loc,
                evidence,
                strength: Strength::Strong,
                role: None,
                in_title_case,
            });
        }
        true
    }

    /// "DPRK-U.S." and "China-Russia": every part of a hyphenated word a known place. Pushes
    /// each part as its own mention. The last part runs on to the end of the chunk `i..=j`:
    /// "the DPRK-U.S. trade talks".
    pub(super) fn hyphenated_places(&mut self, i: usize, j: usize) -> bool {
        let Some(token) = self.tokens.get(i).copied() else {
            return false;
        };
        let word = token.text(self.text);
        let chunk_end = self.span(i, j).end;
        let mut parts: Vec<(usize, usize)> = word
            .split('-')
            .scan(token.span().start, |at, part| {
                let start = *at;
                *at += part.len() + 1;
                Some((start, start + part.len()))
            })
            .collect();
        if let Some(last) = parts.last_mut() {
            last.1 = chunk_end;
        }
        let typed: Vec<Option<(EntityType, Evidence)>> = parts
            .iter()
            .map(|&(start, end)| {
                let part = Span::new(start, end).slice(self.text);
                self.known(part)
                    .filter(|(label, _)| *label == EntityType::Loc)
            })
            .collect();
        if parts.len() < 2 || typed.iter().any(Option::is_none) {
            return false;
        }
        let in_title_case = self.title_case.get(i).copied().unwrap_or(false);
        for (&(start, end), typed) in parts.iter().zip(typed) {
            if let Some((label, evidence)) = typed {
                self.record_span(RuleId::HyphenatedPlaces, Span::new(start, end));
                self.out.push(Raw {
                    span: Span::new(start, end),
                    label,
                    evidence,
                    strength: Strength::Strong,
                    role: None,
                    in_title_case,
                });
            }
        }
        true
    }

    /// "Kaduna Kano State", "largely Republican Orange County": a known place before
    /// its province or country, or a people's or party's name before a place, with no comma
    /// between. The end of the first.
    pub(super) fn place_after_place_or_group(&self, a: usize, j: usize) -> Option<usize> {
        // A single word that is only part of a name ("Northern", "Lake", "Bay") or a
        // person's ("Mary") is no place of its own here.
        let alone = |k: usize| {
            let w = self.word(k);
            !(NEVER_ALONE.contains(&w)
                || COMPASS_PLACE_OPENERS.contains(&w)
                || PLACE_PREFIXES.contains(&w)
                || self.is_head_word(w)
                || self.is_personal_name(w))
        };
        // Names of places run to a few words; a longer run is no pair of them (and the split
        // points stay bounded).
        if j - a > 6 {
            return None;
        }
        (a..j).find(|&k| {
            if (a == k && !alone(a)) || (k + 1 == j && !alone(j)) {
                return false;
            }
            let right = self.words(k + 1, j);
            let right_known = self.known_type(right) == Some(EntityType::Loc);
            match self.known(self.words(a, k)) {
                Some((EntityType::Loc, _)) => {
                    right_known
                        && self.is_country_or_province(right)
                        && !self.same_place(self.words(a, k), right)
                }
                // "the Syrian Golan Heights": a single word after a people is as often a
                // part of their name ("Tasmanian Aboriginal Centre").
                Some((EntityType::Norp, _)) => {
                    (j > k + 1
                        && (right_known
                            || matches!(self.by_head_word(k + 1, j), Some((EntityType::Loc, _)))))
                        || (right_known && self.is_country(right))
                }
                _ => false,
            }
        })
    }

    /// "Lusaka Mayor", "U.S. Trade Representative", "California Democrats": a known place
    /// before a title with no name after it, or before a group, is a place and a role or a
    /// group. Pushes the place (and the group).
    pub(super) fn place_before_role_or_group(&mut self, first: usize, j: usize) -> bool {
        // "The U.S. Trade Representative": a sentence's article is no part of the place.
        let i = (first..j)
            .find(|&k| !self.lex.stopwords.contains(self.word(k)))
            .unwrap_or(j);
        let Some((k, place_why)) = (i..j)
            .rev()
            // The type first: only a place's evidence is copied out of the cache.
            .find_map(|k| match self.known_type(self.words(i, k)) {
                Some(EntityType::Loc) => match self.known(self.words(i, k)) {
                    Some((EntityType::Loc, why)) => Some((k, why)),
                    _ => None,
                },
                _ => None,
            })
        else {
            return self.rules.enabled(RuleId::PlaceBeforeMember) && self.place_before_member(i, j);
        };
        // "Northern Irish": a compass word is no place alone.
        if k == i && NEVER_ALONE.contains(&self.word(i)) {
            return false;
        }
        // "Santa Fe City Councilwoman", "Tulsa Fire Chief": the body's word between
        // the place and the title.
        let body = matches!(
            self.word(k + 1),
            "City" | "Town" | "County" | "Police" | "Fire"
        );
        let title_start = if body && k + 1 < j { k + 2 } else { k + 1 };
        let role = self.is_title_run(title_start, j)
            && (title_start..=j).any(|t| self.lex.is_core_title(self.word(t)));
        // "Tulsa Fire Chief Jane Roe": the body's title, then the person.
        let titled_person = body && self.title_then_name(title_start, j).is_some();
        let group = match self.known(self.words(k + 1, j)) {
            Some((EntityType::Norp, why)) => Some(why),
            _ => None,
        };
        // "Oregon State Troopers", "Idaho Fish & Game Officers": the men and women of a
        // place's service are no organisation's name, so the place stands as one. ("Rangers"
        // is left out: "Texas Rangers" is a team.)
        let crew = k < j && (SERVICE_CREWS.contains(&self.word(j)) || self.crew_joined_after(j));
        if !role && !titled_person && group.is_none() && !crew {
            return self.rules.enabled(RuleId::PlaceBeforeMember) && self.place_before_member(i, j);
        }
        let rule = RuleId::PlaceBeforeRoleOrGroup;
        self.push(rule, i, k, EntityType::Loc, Strength::Strong, place_why);
        if let Some(why) = group {
            self.push(rule, k + 1, j, EntityType::Norp, Strength::Strong, why);
        } else if titled_person {
            self.classify(title_start, j);
        }
        true
    }

    /// "Idaho Fish & Game Officers": a service named by two joined words ends its crew's
    /// noun in the next chunk, within a few words after "&" or "and".
    pub(super) fn crew_joined_after(&self, j: usize) -> bool {
        if !(self.adjacent(j) && matches!(self.word(j + 1), "&" | "and")) {
            return false;
        }
        let mut k = j + 2;
        while k <= j + 4 && self.adjacent(k - 1) && self.name_word(k) {
            if SERVICE_CREWS.contains(&self.word(k)) {
                return true;
            }
            k += 1;
        }
        false
    }

    /// "the Galesburg Democrat", "Knox County Republicans": a town or county the gazetteer
    /// knows, then a party's or a people's name, is a place and a group. Pushes both.
    pub(super) fn place_before_member(&mut self, i: usize, j: usize) -> bool {
        if j == i {
            return false;
        }
        let Some((EntityType::Norp, group)) = self.known(self.word(j)) else {
            return false;
        };
        let place = self
            .gazetteer_place(self.words(i, j - 1), false)
            .or_else(|| match self.by_head_word(i, j - 1) {
                Some((EntityType::Loc, why)) if self.word(j - 1) == "County" => Some(why),
                _ => None,
            });
        let Some(why) = place else {
            return false;
        };
        let rule = RuleId::PlaceBeforeMember;
        self.push(rule, i, j - 1, EntityType::Loc, Strength::Strong, why);
        self.push(rule, j, j, EntityType::Norp, Strength::Strong, group);
        true
    }

    /// "St. Brendan's Hospital", "St. Patrick's Day": a saint's name with its possessive
    /// before another capitalised word opens the name of a church, school or feast, not a
    /// place.
    pub(super) fn saint_in_a_name(&self, a: usize, j: usize) -> bool {
        let saint = matches!(self.word(a), "St" | "Saint" | "Ste" | "ST" | "SAINT");
        let possessive = self
            .tokens
            .get(j + 1)
            .is_some_and(|t| t.kind == TokenKind::Possessive);
        let named = self.tokens.get(j + 2).is_some_and(|t| {
            !t.line_start && t.kind == TokenKind::Word && is_capitalised(t.text(self.text))
        });
        saint && j > a && possessive && named
    }

    /// "Dayton Mayor Jane Roe", "Millheim Police Chief John Doe": a town's office before the
    /// officer's name says the town is one, even a village or a town named like a person. The
    /// place's last token (before a body's word such as "Police") and why.
    pub(super) fn place_before_local_title(
        &self,
        a: usize,
        last: usize,
        title: usize,
    ) -> Option<(usize, Evidence)> {
        if !LOCAL_TITLES.contains(&self.word(title)) {
            return None;
        }
        let body = last > a && matches!(self.word(last), "Police" | "Fire" | "City" | "Town");
        let last = if body { last - 1 } else { last };
        let place = self.words(a, last);
        if self
            .known(place)
            .is_some_and(|(label, _)| label != EntityType::Loc)
        {
            return None;
        }
        let why = self.local_place(place)?;
        let title = self.word(title).to_string();
        let why = Evidence::BeforeLocalTitle {
            place: Box::new(why),
            title,
        };
        Some((last, why))
    }

    /// "U.S. District Judge Jane Roe", "Chief Wahkiakum Circuit Judge", "Ogden
    /// Commonwealth's Attorney": a court's word between a place and "Judge" or "Attorney"
    /// belongs to the title. Pushes the place, then types the title and the name after it.
    pub(super) fn place_before_court_title(&mut self, i: usize, j: usize) -> bool {
        let start = (i..j)
            .find(|&k| !self.lex.is_title_word(self.word(k)))
            .unwrap_or(j);
        let Some(court) = (start + 1..=j).find(|&k| COURT_WORDS.contains(&self.word(k))) else {
            return false;
        };
        let title_at = (court..=j + 2).find(|&k| !COURT_WORDS.contains(&self.word(k)));
        let title_at = match title_at {
            // "Commonwealth's Attorney": the court's possessive, then the title.
            Some(k)
                if k == j + 1
                    && self
                        .tokens
                        .get(k)
                        .is_some_and(|t| t.kind == TokenKind::Possessive) =>
            {
                k + 1
            }
            Some(k) => k,
            None => return false,
        };
        if !matches!(self.word(title_at), "Judge" | "Attorney") {
            return false;
        }
        let place = self.words(start, court - 1);
        let why = match self.known(place) {
            Some((EntityType::Loc, why)) => Some(why),
            _ => self.local_place(place).or_else(|| {
                matches!(self.word(court - 1), "County" | "Parish")
                    .then(|| Evidence::NamesCounty(self.word(court - 1).to_string()))
            }),
        };
        let Some(why) = why else {
            return false;
        };
        let rule = RuleId::PlaceBeforeCourtTitle;
        self.push(
            rule,
            start,
            court - 1,
            EntityType::Loc,
            Strength::Strong,
            why,
        );
        if title_at <= j {
            let rest = (title_at..=j)
                .find(|&k| self.name_word(k))
                .unwrap_or(title_at);
            self.classify(rest, j);
        }
        true
    }

    /// "Alachua County Sheriff Jane Roe": a name that ends in a division's word ("County")
    /// before a title is a place, then a role. The last token of the place.
    pub(super) fn place_before_title(&self, i: usize, j: usize) -> Option<usize> {
        (i + 1..j).find(|&k| {
            self.lex.place_words.get(self.word(k)).is_some_and(|what| {
                matches!(
                    what,
                    "a county"
                        | "a district"
                        | "a parish"
                        | "a township"
                        | "a borough"
                        | "a province"
                        | "a region"
                )
            }) && self.title_starts(k + 1, j)
                && !self.lex.is_title_word(self.word(k))
        })
    }
}
