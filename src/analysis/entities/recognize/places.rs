//! Evidence that a name is a place's: its neighbours, its form, a dateline, a sector of a region.

use super::headline::{title_cased, title_cased_words};
use super::words::{
    ADDRESS_STREET_TYPES, COMPASS_ADJECTIVES, COMPASS_PLACE_OPENERS, COMPASS_POINTS,
    DATELINE_LABELS, DISEASE_NOUNS, LIST_PLACE_NOUNS, LOCAL_NOUNS, MOTION_VERBS, SECTOR_WORDS,
    SPEECH_VERBS, STRONG_PLACE_CUES,
};
use super::{Recognizer, Strength};
use crate::analysis::entities::evidence::Evidence;
use crate::analysis::entities::tokens::{is_all_caps, TokenKind};
use crate::analysis::entities::EntityType;
use crate::analysis::fnv::FnvMap;
use crate::analysis::rules::RuleId;

impl<'a> Recognizer<'a> {
    /// A name whose neighbours say it is a place: "Dayton, Ohio." before a state's
    /// abbreviation ("Tell City, Ind."), "the 700 block of Elmwood", and a person's home
    /// after "of" ("Jane Roe of Gaston", "formerly of Augusta").
    pub(super) fn place_by_neighbours(&self, a: usize, j: usize) -> Option<(Strength, Evidence)> {
        let before = a.checked_sub(1).map(|b| self.word(b)).unwrap_or("");
        let before2 = a.checked_sub(2).map(|b| self.word(b)).unwrap_or("");
        if self.word(j + 1) == "," {
            let state = self.word(j + 2);
            let dotted = (self.word(j + 3) == "."
                && self.tokens.get(j + 3).is_some_and(|t| t.attached))
            .then(|| self.words(j + 2, j + 3));
            let abbreviation = [Some(state), dotted]
                .into_iter()
                .flatten()
                .find(|w| w.ends_with('.') && w.len() <= 7 && self.lex.places.contains(w));
            if let Some(abbreviation) = abbreviation {
                let why = Evidence::StateAbbreviationFollows(abbreviation.to_string());
                return Some((Strength::Strong, why));
            }
        }
        // "12 N. Elm Street, Millheim", "Highway 9, Cathlamet": the town of an address.
        let speaks = SPEECH_VERBS.contains(&self.word(j + 1));
        if before == "," && a >= 2 && self.ends_address(a - 2) && !speaks {
            if let Some(why) = self.local_place(self.words(a, j)) {
                return Some((Strength::Strong, Evidence::AddressTown(Box::new(why))));
            }
        }
        // "in Sharm El Sheikh", "near Ein Gedi": people are rarely "in" or "near" anyone, and
        // a first word that is also a first name does not outweigh that.
        let possessive = self
            .tokens
            .get(j + 1)
            .is_some_and(|t| t.kind == TokenKind::Possessive);
        if j > a
            && matches!(before, "in" | "near" | "outside")
            && self.adjacent(a - 1)
            && !possessive
            && !self.has_keyword(a, j)
        {
            return Some((Strength::Weak, Evidence::Precedes(before.to_string())));
        }
        // "three miles west of Fargo", "just north of Selkirk".
        if before == "of" && COMPASS_POINTS.contains(&before2) {
            return Some((
                Strength::Strong,
                Evidence::Precedes(format!("{before2} of")),
            ));
        }
        // "moved back to Columbus", "flew to Lima": a journey's end.
        let before3 = a.checked_sub(3).map(|b| self.word(b)).unwrap_or("");
        if before == "to"
            && (MOTION_VERBS.contains(&before2)
                || before2 == "back" && MOTION_VERBS.contains(&before3))
        {
            return Some((Strength::Weak, Evidence::Precedes(format!("{before2} to"))));
        }
        // "Alan, 68, from Moorhead,": where a person of that age comes from.
        let aged = a >= 3
            && self.word(a - 2) == ","
            && self
                .tokens
                .get(a - 3)
                .is_some_and(|t| t.kind == TokenKind::Number);
        if before == "from" && aged {
            return Some((Strength::Strong, Evidence::FromAfterAge));
        }
        // "Mr Pell, from Harrow Green, said": where the person named before the comma lives,
        // though its words may also be a person's name.
        let after_person_comma = a >= 3
            && self.word(a - 2) == ","
            && self.out.last().is_some_and(|r| {
                r.label == EntityType::Person
                    && self
                        .tokens
                        .get(a - 3)
                        .is_some_and(|t| t.span().end == r.span.end)
            });
        if before == "from" && after_person_comma && !self.has_keyword(a, j) {
            return Some((Strength::Strong, Evidence::FromAfterPerson));
        }
        // "drove northeast to Pibor", "near to Biezun": a direction or nearness before "to".
        if before == "to" && (COMPASS_POINTS.contains(&before2) || before2 == "near") {
            return Some((Strength::Weak, Evidence::Precedes(format!("{before2} to"))));
        }
        if before == "of" && before2 == "block" {
            return Some((Strength::Strong, Evidence::Precedes("block of".into())));
        }
        if before == "of" && !self.is_title_run(a, j) && !self.has_keyword(a, j) {
            let after_person = self.out.last().is_some_and(|r| {
                r.label == EntityType::Person
                    && a >= 2
                    && self
                        .tokens
                        .get(a - 2)
                        .is_some_and(|t| t.span().end == r.span.end)
            });
            let home = after_person || matches!(before2, "formerly" | "originally");
            // An affiliation ("Jane Roe of Acme") reads the same: only a known place is a home.
            if let Some(why) = home.then(|| self.local_place(self.words(a, j))).flatten() {
                return Some((Strength::Weak, Evidence::HomeOfPerson(Box::new(why))));
            }
        }
        None
    }

    /// Token `k` ends a street address: a road found by its form, or a street's name after a
    /// house number ("12 N. Elm Street").
    pub(super) fn ends_address(&self, k: usize) -> bool {
        if self.road_ends.get(k).copied().unwrap_or(false) {
            return true;
        }
        let street = ADDRESS_STREET_TYPES.contains(&self.word(k));
        let numbered = (k.saturating_sub(5)..k).any(|n| {
            self.tokens
                .get(n)
                .is_some_and(|t| t.kind == TokenKind::Number)
        });
        street && numbered
    }

    /// The text writes `name` right before a disease noun somewhere ("West Nile virus"). Where
    /// the nouns stand is found once for the article; a search of the whole text for each name
    /// grew as the square of the text.
    fn names_a_disease(&self, name: &str) -> bool {
        let text = self.text;
        let before_nouns = self.disease_nouns_at.get_or_init(|| {
            let mut at = Vec::new();
            for noun in DISEASE_NOUNS {
                at.extend(text.match_indices(&format!(" {noun}")).map(|(i, _)| i));
            }
            at
        });
        before_nouns
            .iter()
            .any(|&i| text.get(..i).is_some_and(|before| before.ends_with(name)))
    }

    /// "Ann Arbor", "East Lansing", "Glen Allen": a name of two or more words that the
    /// gazetteer knows as a whole is a place, although its first word is also a first name,
    /// unless it ends in a surname and nothing around it says place.
    pub(super) fn multiword_place(&self, a: usize, j: usize) -> Option<(Strength, Evidence)> {
        if j == a || j - a > 3 {
            return None;
        }
        let s = self.words(a, j);
        // "West Nile virus", "Rift Valley fever": a disease named after a place, here and
        // wherever the article shortens it ("West Nile cases").
        self.multiword_place_by_form(a, j)
            .filter(|_| !self.names_a_disease(s))
    }

    pub(super) fn multiword_place_by_form(
        &self,
        a: usize,
        j: usize,
    ) -> Option<(Strength, Evidence)> {
        let s = self.words(a, j);
        // "Upper Egypt", "Southern Europe", "Northern Kenya": a compass word before a country,
        // region or continent.
        if COMPASS_ADJECTIVES.contains(&self.word(a)) {
            let rest = self.words(a + 1, j);
            if let Some((EntityType::Loc, why)) = self.known(rest) {
                return Some((Strength::Strong, Evidence::PartOfPlace(Box::new(why))));
            }
        }
        if self.has_keyword(a, j) || (a..=j).any(|k| self.lex.is_title_word(self.word(k))) {
            return None;
        }
        // "N. Augusta", "S. Jersey": an abbreviated compass point before a known place.
        let compass_initial = j >= a + 2
            && self.word(a).len() == 1
            && COMPASS_PLACE_OPENERS.contains(&self.word(a))
            && self.word(a + 1) == ".";
        if compass_initial {
            let rest = self.words(a + 2, j);
            let why = self.gazetteer_place(rest, false)?;
            let why = Evidence::CompassBeforePlace(Box::new(why));
            return Some((Strength::Strong, why));
        }
        let why = self.gazetteer_place(s, false)?;
        let before = a.checked_sub(1).map(|b| self.word(b)).unwrap_or("");
        let after = self.word(j + 1);
        let cue = STRONG_PLACE_CUES.contains(&before)
            || COMPASS_PLACE_OPENERS.contains(&self.word(a))
            || (LOCAL_NOUNS.contains(&after) && self.adjacent(j));
        let last = self.word(j);
        if cue {
            Some((Strength::Strong, why))
        } else if !self.lex.surnames.contains(last) {
            Some((Strength::Weak, why))
        } else {
            None
        }
    }

    /// "Southwest Oregon", "Far North Manitoba": a sector named by two compass points, or a
    /// far one, before a state or country is no name of its own (local news tags only the
    /// state), while "Northern Kenya" or "Northwest Territories" stay whole.
    pub(super) fn sector_before_region(&self, i: usize, j: usize) -> Option<usize> {
        let far = self.word(i) == "Far"
            && matches!(self.word(i + 1), "North" | "South" | "East" | "West");
        let k = if far {
            i + 2
        } else if SECTOR_WORDS.contains(&self.word(i)) {
            i + 1
        } else {
            return None;
        };
        let whole = self.words(i, j);
        (k <= j
            && self.is_country_or_province(self.words(k, j))
            && !self.lex.places.contains(whole)
            && self.gazetteer_place(whole, false).is_none())
        .then_some(k)
    }

    /// "LUCKY DRAW WINNERS IN NEW MEXICO": a run of capitals that ends in a known place's name.
    pub(super) fn shouted_place_at_end(&self, i: usize, j: usize) -> Option<usize> {
        if j == i || !is_all_caps(self.words(i, j)) {
            return None;
        }
        (i + 1..=j).find(|&k| {
            let name = self.words(k, j);
            name.chars().count() > 3 && self.lex.places.contains(&title_cased_words(name))
        })
    }

    pub(super) fn push_sector_region(&mut self, k: usize, j: usize) {
        let why = Evidence::AfterSector(self.words(k, j).to_string());
        let rule = RuleId::SectorBeforeRegion;
        self.push(rule, k, j, EntityType::Loc, Strength::Strong, why);
    }

    /// The plural place noun ("counties") that ends a list of names that `a..=j` is part of.
    pub(super) fn list_noun_after(&self, a: usize, j: usize) -> Option<&'static str> {
        let mut k = j + 1;
        let before = a.checked_sub(1).map(|b| self.word(b)).unwrap_or("");
        let mut listed = matches!(before, "," | "and" | "or" | "to");
        while k <= j + 12 {
            let w = self.word(k);
            if let Some(noun) = LIST_PLACE_NOUNS.iter().find(|n| **n == w) {
                return listed.then_some(noun);
            }
            let separator = matches!(w, "," | "and" | "or" | "to");
            if !(separator || self.name_word(k)) {
                return None;
            }
            listed |= separator;
            k += 1;
        }
        None
    }

    /// A union of states ("the EU") named as the land of its members: "in the EU", "across
    /// the EU", "EU citizens", "EU member states". Elsewhere it is the body that acts.
    pub(super) fn union_as_territory(&self, i: usize, j: usize) -> Option<Evidence> {
        let name = self.words(i, j);
        if self.lex.organisations.get(name) != Some("union") {
            return None;
        }
        let after = self.word(j + 1);
        let inhabitants = matches!(
            after,
            "citizens"
                | "nationals"
                | "residents"
                | "workers"
                | "countries"
                | "nations"
                | "states"
                | "member"
                | "territory"
                | "soil"
                | "borders"
        );
        if inhabitants {
            return Some(Evidence::UnionInhabitants(after.to_string()));
        }
        let before = self.word(i.checked_sub(1)?);
        let cue = self.word(i.checked_sub(2)?);
        let inside = before == "the"
            && matches!(
                cue,
                "in" | "within" | "across" | "throughout" | "outside" | "inside" | "In"
            );
        inside.then(|| Evidence::UnionTerritory(cue.to_string()))
    }

    /// "ARDMORE - Carter County…", "ST. CLOUD -- …", "WHEELING, W.Va. -- …": capitals
    /// opening a sentence before a dash name the place the story was filed from.
    pub(super) fn dateline(&mut self, i: usize, j: usize) -> bool {
        let whole = self.words(i, j);
        let letters = whole.chars().filter(|c| c.is_alphabetic()).count();
        if !(self.initial[i] && is_all_caps(whole) && letters >= 4) {
            return false;
        }
        // An outlet's name ("TODAY NICARAGUA –") or a label, not a place.
        let labelled = (i..=j).any(|k| {
            let w = self.word(k);
            DATELINE_LABELS.contains(&w) || self.lex.org_words.contains(&title_cased(w))
        });
        // An acronym recurs in capitals inside sentences; a dateline's place does not.
        // Counted once for the article, less this chunk's own. Only words without a lower-case
        // letter are counted: the capitals asked about have none.
        let inside_counts = self.inside_counts.get_or_init(|| {
            let mut counts = FnvMap::default();
            for k in (0..self.tokens.len()).filter(|&k| !self.initial[k]) {
                let word = self.word(k);
                if !word.chars().any(char::is_lowercase) {
                    *counts.entry(word).or_insert(0) += 1;
                }
            }
            counts
        });
        let own = (i..=j)
            .filter(|&k| !self.initial[k] && self.word(k) == self.word(i))
            .count();
        let recurs = inside_counts.get(self.word(i)).copied().unwrap_or(0) > own;
        if labelled
            || recurs
            || self.lex.common_acronyms.contains(whole)
            || self.lex.organisations.contains(whole)
        {
            return false;
        }
        let is_dash = |w: &str| matches!(w, "—" | "–" | "-" | "--");
        let mut k = j + 1;
        if self.word(k) == "," {
            // A state or country abbreviation, then the dash: "WHEELING, W.Va. --".
            let dash = (k + 1..=k + 5).find(|&d| is_dash(self.word(d)) || self.word(d) == "(");
            let Some(dash) = dash else {
                return false;
            };
            if (k + 1..dash).any(|t| self.tokens.get(t).is_some_and(|t| t.line_start)) {
                return false;
            }
            k = dash;
        } else if self.word(k) == "(" {
            // "BOSTON (AP) —": the agency between the place and the dash.
            k = (k + 1..=k + 4)
                .find(|&d| self.word(d) == ")")
                .map_or(k, |close| close + 1);
        }
        let dash = is_dash(self.word(k)) || self.word(k) == "(";
        if !(dash && self.tokens.get(k).is_some_and(|t| !t.line_start)) {
            return false;
        }
        // A caption's or a quote's name in capitals ("JANE ROE - Managing Director") stands
        // where a dateline would: a dateline's town is one the gazetteer knows.
        if self.gazetteer.lookup(whole).is_empty() {
            return false;
        }
        let why = Evidence::Dateline;
        self.push(
            RuleId::DatelineCapitals,
            i,
            j,
            EntityType::Loc,
            Strength::Strong,
            why,
        );
        true
    }
}
