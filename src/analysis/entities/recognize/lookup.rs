//! What the lexicons and the gazetteer know of a name: a known name, a place, a language, a people.

use super::headline::title_cased_words;
use super::words::{NEVER_ALONE, PEOPLE_CUES, PEOPLE_QUALIFIERS};
use super::Recognizer;
use crate::analysis::entities::evidence::Evidence;
use crate::analysis::entities::tokens::{is_all_caps, is_capitalised};
use crate::analysis::entities::{EntityType, PlaceKind};
use crate::analysis::gazetteer::{Gazetteer, SHORT_FORM_JOINERS, VILLAGE_POPULATION};

impl<'a> Recognizer<'a> {
    /// A name the lexicons know as a whole.
    pub(super) fn known(&self, s: &'a str) -> Option<(EntityType, Evidence)> {
        if let Some(answer) = self.known_cache.borrow().get(s) {
            return answer.clone();
        }
        let answer = self.known_uncached(s);
        self.known_cache.borrow_mut().insert(s, answer.clone());
        answer
    }

    /// `known`'s type alone, without a copy of its evidence.
    pub(super) fn known_type(&self, s: &'a str) -> Option<EntityType> {
        if let Some(answer) = self.known_cache.borrow().get(s) {
            return answer.as_ref().map(|&(label, _)| label);
        }
        self.known(s).map(|(label, _)| label)
    }

    pub(super) fn known_uncached(&self, s: &'a str) -> Option<(EntityType, Evidence)> {
        if let Some(kind) = self.lex.organisations.get(s) {
            let what = match kind {
                "outlet" => "news outlet",
                "agency" => "news agency",
                "union" => "union of states",
                _ => "organisation",
            };
            let name = s.to_string();
            return Some((EntityType::Org, Evidence::KnownOrganisation { name, what }));
        }
        if let Some(what) = self.lex.group(s) {
            let (name, what) = (s.to_string(), what.to_string());
            return Some((EntityType::Norp, Evidence::Group { name, what }));
        }
        if self.lex.places.contains(s) && !self.lex.stopwords.contains(s) {
            let why = Evidence::CountryCapitalOrProvince(s.to_string());
            return Some((EntityType::Loc, why));
        }
        if let Some(why) = self.gazetteer_place(s, true) {
            return Some((EntityType::Loc, why));
        }
        if let Some(why) = self.major_language(s) {
            return Some((EntityType::Norp, why));
        }
        if let Some(why) = self.people_of_place(s) {
            return Some((EntityType::Norp, why));
        }
        // An all-caps line ("MOSCOW —") spells known names in capitals.
        if is_all_caps(s) && s.chars().count() > 3 {
            let title = title_cased_words(s);
            if self.lex.places.contains(&title) {
                let why = Evidence::CountryCapitalOrProvince(title);
                return Some((EntityType::Loc, why));
            }
        }
        // "Indigenous Australians", "Chinese Americans": people of a group qualified by another
        // are one group, while "a Russian Islamic leader" has two adjectives. "Indigenous"
        // alone is a description, not a group's name.
        if let Some((qualifier, group)) = s.split_once(' ') {
            // The people of a region qualify a group whole: "Tasmanian Aboriginal".
            let qualifies = qualifier == "Indigenous"
                || (self.lex.is_group(qualifier) && group.ends_with('s'))
                || (!self.lex.is_group(qualifier) && self.people_of_place(qualifier).is_some());
            if qualifies && !group.contains(' ') && self.lex.is_group(group) {
                return Some((EntityType::Norp, Evidence::QualifiedGroup(s.to_string())));
            }
        }
        // "Russian-Iranian": every part a nationality.
        if s.contains('-') && s.split('-').all(|p| self.lex.is_group(p)) {
            return Some((
                EntityType::Norp,
                Evidence::JoinedNationalities(s.to_string()),
            ));
        }
        None
    }

    /// A place the gazetteer knows by this name. `strong_only` asks for a country, region or
    /// large city whose name is not also a person's name or a word the article writes in lower
    /// case; otherwise any place will do.
    pub(super) fn gazetteer_place(&self, s: &'a str, strong_only: bool) -> Option<Evidence> {
        if let Some(answer) = self.place_cache.borrow().get(&(s, strong_only)) {
            return answer.clone();
        }
        let answer = self.gazetteer_place_uncached(s, strong_only);
        self.place_cache
            .borrow_mut()
            .insert((s, strong_only), answer.clone());
        answer
    }

    pub(super) fn gazetteer_place_uncached(
        &self,
        s: &'a str,
        strong_only: bool,
    ) -> Option<Evidence> {
        let single = !s.contains(' ');
        if single
            && (self.lex.stopwords.contains(s)
                || NEVER_ALONE.contains(&s)
                || self.lex.is_title_word(s)
                || self.lex.org_words.contains(s)
                || self.lex.misc_words.contains(s))
        {
            return None;
        }
        if s.chars().count() < 3
            || (is_all_caps(s) && s.chars().count() <= 3)
            || s.starts_with("The ")
        {
            return None;
        }
        let gazetteer = self.gazetteer;
        let matches = gazetteer.lookup(s);
        // The gazetteer keeps villages for resolution, where local evidence vouches for them;
        // as the only sign that a capitalised word is a place they are too common.
        let best = matches
            .iter()
            .filter(|m| {
                gazetteer.kind(m.place) != PlaceKind::City
                    || gazetteer.population(m.place) >= VILLAGE_POPULATION
            })
            .max_by_key(|m| {
                let rank = match gazetteer.kind(m.place) {
                    PlaceKind::Continent | PlaceKind::Region | PlaceKind::Country => 3,
                    PlaceKind::Admin1 => 2,
                    _ => 1,
                };
                (rank, !m.alternate, gazetteer.population(m.place))
            })?;
        let kind = gazetteer.kind(best.place);
        let population = gazetteer.population(best.place);
        let big = matches!(
            kind,
            PlaceKind::Continent | PlaceKind::Region | PlaceKind::Country | PlaceKind::Admin1
        ) || (population >= 200_000 && !best.alternate)
            // "Burton upon Trent": a town joined to its river's name says "place" by its form.
            || s.split(' ').any(|w| SHORT_FORM_JOINERS.contains(&w));
        let region = matches!(
            kind,
            PlaceKind::Continent | PlaceKind::Region | PlaceKind::Country | PlaceKind::Admin1
        );
        let personal = single
            && !(region || population >= 1_000_000)
            && (self.lex.given_names.contains(s) || self.lex.surnames.contains(s));
        let common = self.has_common_word_text(s);
        if strong_only && (!big || personal || common) {
            return None;
        }
        let what = match kind {
            PlaceKind::Continent => "a continent",
            PlaceKind::Region => "a world region",
            PlaceKind::Country => "a country",
            PlaceKind::Admin1 => "a first-level region",
            PlaceKind::Admin2 => "a county",
            PlaceKind::City => "a town or city",
            PlaceKind::Facility => "a facility",
            PlaceKind::Feature => "a natural feature",
        };
        let country = gazetteer
            .country_of(best.place)
            .filter(|c| *c != best.place)
            .map(|c| gazetteer.name(c));
        Some(Evidence::InGazetteer {
            name: s.to_string(),
            what,
            country,
        })
    }

    /// A place the gazetteer knows by this name, where local evidence already says "place" (a
    /// home after a person's name, a town after a street address, "Wahkiakum police"): then a
    /// village counts, and so does a county named without its "County".
    pub(super) fn local_place(&self, s: &'a str) -> Option<Evidence> {
        if let Some(why) = self.gazetteer_place(s, false) {
            return Some(why);
        }
        if !s.contains(' ') && self.lex.stopwords.contains(s) {
            return None;
        }
        minor_place(self.gazetteer, s)
    }

    /// A well-known language's name, or its plural for the people ("Hausas"), that is no place's
    /// or person's name and no common word of the article.
    pub(super) fn major_language(&self, s: &'a str) -> Option<Evidence> {
        if s.contains(' ') || is_all_caps(s) {
            return None;
        }
        let singular = match self.lex.languages.get(s) {
            Some(_) => s,
            None => s
                .strip_suffix('s')
                .filter(|one| self.lex.languages.contains(one))?,
        };
        let plain = self.lex.languages.get(singular) == Some("major")
            && !self.is_personal_name(s)
            && !self.has_common_word_text(s)
            && self.gazetteer_place(s, false).is_none();
        plain.then(|| Evidence::MajorLanguage(singular.to_string()))
    }

    /// The people of a place or a part of the world: "Tasmanian", "Canberrans", "Parisian",
    /// "North African", "Ngāi Tahu" (a Māori iwi).
    pub(super) fn people_of_place(&self, s: &'a str) -> Option<Evidence> {
        if let Some((first, rest)) = s.split_once(' ') {
            if matches!(first, "Ngāi" | "Ngāti" | "Ngai" | "Ngati") && !rest.contains(' ') {
                return Some(Evidence::MaoriIwi(first.to_string()));
            }
            let compass = matches!(
                first,
                "North"
                    | "South"
                    | "East"
                    | "West"
                    | "Northern"
                    | "Southern"
                    | "Eastern"
                    | "Western"
                    | "Central"
                    | "Sub-Saharan"
            );
            return (compass && !rest.contains(' ') && self.lex.is_group(rest)).then(|| {
                Evidence::PartOfPeople {
                    people: rest.to_string(),
                    part: first.to_string(),
                }
            });
        }
        if !is_capitalised(s) || is_all_caps(s) || self.is_personal_name(s) {
            return None;
        }
        let one = s.strip_suffix('s').unwrap_or(s);
        let stems = [
            one.strip_suffix('n'),
            one.strip_suffix("ian"),
            one.strip_suffix("ite"),
        ];
        let place = stems.into_iter().flatten().find(|stem| {
            stem.chars().count() >= 4
                && (self.lex.places.contains(stem) || self.gazetteer_place(stem, true).is_some())
        })?;
        Some(Evidence::PeopleOf {
            name: s.to_string(),
            place: place.to_string(),
        })
    }

    /// An unknown name before a word for a people or a caste: "the Vokkaliga community".
    pub(super) fn cued_people(&self, a: usize, j: usize) -> Option<Evidence> {
        let s = self.words(a, j);
        let next = self.word(j + 1);
        let cue = matches!(
            next,
            "community"
                | "communities"
                | "tribe"
                | "tribes"
                | "ethnic"
                | "caste"
                | "castes"
                | "clan"
                | "clans"
                | "diaspora"
        );
        (a == j
            && cue
            && !is_all_caps(s)
            && !self.is_personal_name(s)
            && !self.has_common_word(a, j))
        .then(|| Evidence::Follows(next.to_string()))
    }

    /// A language's name with a cue that it names a people or their language: "the Garifuna
    /// people", "a Sherpa guide" is not enough, "Sherpa community" is.
    pub(super) fn cued_language(&self, a: usize, j: usize) -> Option<Evidence> {
        let s = self.words(a, j);
        if a != j || is_all_caps(s) || self.is_personal_name(s) {
            return None;
        }
        let singular = s
            .strip_suffix('s')
            .filter(|one| !self.lex.languages.contains(s) && self.lex.languages.contains(one))
            .unwrap_or(s);
        if !self.lex.languages.contains(singular) {
            return None;
        }
        let next = match self.word(j + 1) {
            "-" => self.word(j + 2),
            w => w,
        };
        let before = a.checked_sub(1).map(|b| self.word(b)).unwrap_or("");
        let (cue, cue_follows) = if PEOPLE_CUES.contains(&next) {
            (next, true)
        } else if PEOPLE_QUALIFIERS.contains(&before) {
            (before, false)
        } else {
            return None;
        };
        Some(Evidence::CuedLanguage {
            language: singular.to_string(),
            cue: cue.to_string(),
            cue_follows,
        })
    }

    pub(super) fn is_country(&self, name: &str) -> bool {
        let gazetteer = self.gazetteer;
        gazetteer.lookup(name).iter().any(|m| {
            matches!(
                gazetteer.kind(m.place),
                PlaceKind::Country | PlaceKind::Continent | PlaceKind::Region
            )
        })
    }

    /// Two names of one place: "Aotearoa New Zealand".
    pub(super) fn same_place(&self, one: &str, other: &str) -> bool {
        let gazetteer = self.gazetteer;
        let others = gazetteer.lookup(other);
        gazetteer
            .lookup(one)
            .iter()
            .any(|m| others.iter().any(|o| o.place == m.place))
    }

    pub(super) fn is_country_or_province(&self, name: &str) -> bool {
        let gazetteer = self.gazetteer;
        gazetteer.lookup(name).iter().any(|m| {
            !m.alternate
                && matches!(
                    gazetteer.kind(m.place),
                    PlaceKind::Country | PlaceKind::Admin1
                )
        })
    }
}

/// A village the gazetteer knows by this name, or a county named without its "County"
/// ("Wahkiakum" for Wahkiakum County): places only local evidence may vouch for.
pub(in crate::analysis::entities) fn minor_place(
    gazetteer: &Gazetteer,
    s: &str,
) -> Option<Evidence> {
    if is_all_caps(s) || s.chars().count() < 3 {
        return None;
    }
    let village = gazetteer
        .lookup(s)
        .into_iter()
        .find(|m| gazetteer.kind(m.place) == PlaceKind::City);
    if let Some(village) = village {
        let country = gazetteer.name(gazetteer.country_of(village.place)?);
        return Some(Evidence::Village {
            name: s.to_string(),
            country,
        });
    }
    ["County", "Parish"].iter().find_map(|division| {
        let whole = format!("{s} {division}");
        gazetteer
            .is_county(&whole)
            .then_some(Evidence::County(whole))
    })
}
