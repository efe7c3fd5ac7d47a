//! Gathers capitalised words into chunks: where a name starts, what joins its words ("of", "al", a
//! saint's stop), and where it must end.

use super::words::{
    ABBREVIATIONS, INSTITUTION_LINKS, NAME_PREFIXES, PARTICLES, POSSESSORS_IN_NAMES, RUN_ON_WORDS,
};
use super::{Raw, Recognizer, Strength};
use crate::analysis::entities::evidence::Evidence;
use crate::analysis::entities::tokens::{is_all_caps, is_capitalised, TokenKind};
use crate::analysis::entities::EntityType;
use crate::analysis::gazetteer::SHORT_FORM_JOINERS;
use crate::analysis::rules::RuleId;
use crate::analysis::Span;

impl<'a> Recognizer<'a> {
    /// A word that can be part of a name: capitalised, or "al-Assad", or an acronym with digits.
    pub(super) fn name_word(&self, i: usize) -> bool {
        let Some(t) = self.tokens.get(i) else {
            return false;
        };
        if t.kind != TokenKind::Word || self.used[i] || self.skipped[i] {
            return false;
        }
        let w = t.text(self.text);
        // Every word is asked, most have no hyphen or apostrophe ('’' starts with 0xE2): those
        // skip the searches for contractions and particles.
        let marked = w.bytes().any(|b| matches!(b, b'\'' | b'-' | 0xE2));
        // "I'm", "I’ll": a pronoun with a verb, never a name.
        let contraction = marked
            && w.rsplit(['\'', '’']).next().is_some_and(|end| {
                w.len() > end.len() && matches!(end, "m" | "ll" | "re" | "ve" | "d" | "t")
            });
        if contraction {
            return false;
        }
        is_capitalised(w)
            || marked
                && [
                    "al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-", "d'", "d’",
                    "l'", "l’",
                ]
                .iter()
                .any(|p| w.strip_prefix(p).is_some_and(is_capitalised))
    }

    /// The last token of the chunk that starts at `i`.
    pub(super) fn chunk_end(&mut self, i: usize) -> usize {
        let mut j = i;
        loop {
            let n = j + 1;
            if !self.adjacent(j) {
                break;
            }
            if self.name_word(n) {
                j = n;
                continue;
            }
            let w = self.word(n);
            // "… 75th St. The talks": a sentence, not a name, goes on after the stop.
            if w == "."
                && self.rules.enabled(RuleId::ChunkThroughAbbreviation)
                && is_abbreviation(self.word(j))
                && !RUN_ON_WORDS.contains(&self.word(n + 1))
                && self.adjacent(n)
                && self.name_word(n + 1)
            {
                j = n + 1;
                self.record(RuleId::ChunkThroughAbbreviation, i, j);
                continue;
            }
            let institution = (INSTITUTION_LINKS.contains(&w) && self.has_keyword(i, j))
                || (w == "of"
                    && self.lex.is_core_title(self.word(j))
                    && self.lex.is_title_word(self.word(n + 1)));
            // "Norway and Chile": a whole place before "and" is a list of two
            // names, not one institution ("Trinidad and Tobago" is known as a whole).
            // Likewise a name complete with its head word: "the Northern Development Bank and
            // Riverside University" (while "Ministry of Orchards and Welfare" goes on).
            let coordinated = matches!(w, "and" | "&")
                && self.rules.enabled(RuleId::ListNotInstitution)
                && (self.known_type(self.words(i, j)) == Some(EntityType::Loc)
                    || self.is_head_word(self.word(j)))
                && self.known_type(self.words(i, n + 1)).is_none();
            // "West Elm Street on the Lower West Side": a street is not "on" anything.
            let street_on = w == "on"
                && self.rules.enabled(RuleId::StreetEndsBeforeOn)
                && self.lex.place_words.contains(self.word(j));
            if coordinated || street_on {
                let rule = if coordinated {
                    RuleId::ListNotInstitution
                } else {
                    RuleId::StreetEndsBeforeOn
                };
                self.record(rule, i, j);
                break;
            }
            // "Bosnia and Herzegovina", "Antigua and Barbuda": a country named by two joined.
            // Regions named so ("Jammu and Kashmir") are as often two divisions listed.
            let joined_country = matches!(w, "and" | "&")
                && self.rules.enabled(RuleId::JoinedCountry)
                && self.adjacent(n)
                && self.name_word(n + 1)
                && self.known_type(self.words(i, n + 1)) == Some(EntityType::Loc)
                && self.is_country(self.words(i, n + 1));
            if joined_country {
                j = n + 1;
                self.record(RuleId::JoinedCountry, i, j);
                continue;
            }
            let government_of = (w == "of"
                && self.word(j) == "Government"
                && self.rules.enabled(RuleId::GovernmentOfPlace)
                && self.adjacent(n))
            .then(|| self.place_after_government(n))
            .flatten();
            if let Some(end) = government_of {
                j = end;
                self.record(RuleId::GovernmentOfPlace, i, j);
                continue;
            }
            let through_and = (matches!(w, "and" | "&")
                && self.rules.enabled(RuleId::OrgNameThroughAnd)
                && self.adjacent(n))
            .then(|| self.org_name_after_and(i, j, n))
            .flatten();
            if let Some(end) = through_and {
                j = end;
                self.record(RuleId::OrgNameThroughAnd, i, j);
                continue;
            }
            // "Newcastle upon Tyne", "Stoke on Trent": a town joined to its river's name is
            // one name when the whole is a known place.
            let river_town = SHORT_FORM_JOINERS.contains(&w)
                && self.rules.enabled(RuleId::RiverTownName)
                && self.adjacent(n)
                && self.name_word(n + 1)
                && self.gazetteer_place(self.words(i, n + 1), false).is_some();
            if river_town {
                j = n + 1;
                self.record(RuleId::RiverTownName, i, j);
                continue;
            }
            let possessive = self
                .rules
                .enabled(RuleId::PossessiveInName)
                .then(|| self.possessive_in_name(i, j))
                .flatten();
            if let Some(end) = possessive {
                j = end;
                self.record(RuleId::PossessiveInName, i, j);
                continue;
            }
            let linked = (PARTICLES.contains(&w) || institution)
                && self.rules.enabled(RuleId::ChunkThroughLink)
                && self.adjacent(n)
                && !self.used[n];
            if linked {
                if self.name_word(n + 1) {
                    j = n + 1;
                    self.record(RuleId::ChunkThroughLink, i, j);
                    continue;
                }
                let through_the =
                    institution && matches!(w, "of" | "for" | "on") && self.word(n + 1) == "the";
                if through_the && self.adjacent(n + 1) && self.name_word(n + 2) {
                    j = n + 2;
                    self.record(RuleId::ChunkThroughLink, i, j);
                    continue;
                }
            }
            break;
        }
        j
    }

    /// "Government of Malawi", "Government of the Republic of Kiribati": the last token of the
    /// known place after "of" (at `n`), if one follows.
    fn place_after_government(&self, n: usize) -> Option<usize> {
        let start = if self.word(n + 1) == "the" {
            n + 2
        } else {
            n + 1
        };
        if !self.name_word(start) {
            return None;
        }
        let mut end = start;
        let mut place_end = None;
        while end < start + 5 {
            if self.known_type(self.words(start, end)) == Some(EntityType::Loc) {
                place_end = Some(end);
            }
            let next = end + 1;
            let goes_on = self.adjacent(end)
                && (self.name_word(next)
                    || (self.word(next) == "of"
                        && self.adjacent(next)
                        && self.name_word(next + 1)));
            if !goes_on {
                break;
            }
            end = next;
        }
        place_end
    }

    /// "the Soil and Water Conservation Board", "Marine Research and Extension Institute": plain
    /// words before "and" that name nothing alone, then a run that an organisation's head word
    /// ends, are one body's name. The last token of that run, if the chunk `i..=j` is such
    /// words and `and` (at `n`) is followed by such a run. A list of names ("Acme and
    /// Zenith Holdings", "Oslo and Bergen Council") stays a list: a name the lexicons or the
    /// gazetteer know, a personal name, a brand's inner capital or a comma before the words
    /// opens no body's name.
    fn org_name_after_and(&self, i: usize, j: usize, n: usize) -> Option<usize> {
        let plain = |k: usize| {
            let w = self.word(k);
            // "EcoGen": a capital inside a word marks a brand's name.
            let inner_capital = w.chars().skip(1).any(char::is_uppercase);
            !inner_capital
                && !self.is_personal_name(w)
                && !self.lex.stopwords.contains(w)
                && self.known_type(w).is_none()
                && self.gazetteer_place(w, false).is_none()
        };
        // "Fisheries, Forestry and Mining Board": the last two of a list.
        let listed = self.word_before(i) == ",";
        if j - i > 2 || listed || self.has_keyword(i, j) || !(i..=j).all(plain) {
            return None;
        }
        if self.known_type(self.words(i, j)).is_some() {
            return None;
        }
        let mut end = n + 1;
        if !self.name_word(end) {
            return None;
        }
        while end < n + 5 && self.adjacent(end) && self.name_word(end + 1) {
            end += 1;
        }
        let head = self.word(end);
        let ends_in_head = self.lex.org_words.contains(head)
            && (n + 1..end).all(|k| !self.is_head_word(self.word(k)) && plain(k));
        ends_in_head.then_some(end)
    }

    /// "St. Brendan's Hospital", "Glenmore Children's Hospital", "Glenmore People's Bank",
    /// "Booysens Magistrate's Court": a saint's, a people's or an office's possessive inside
    /// the name of an institution. The last token of the name after the possessive, if the
    /// chunk `i..=j` ends in such a possessor and a head word follows.
    pub(super) fn possessive_in_name(&self, i: usize, j: usize) -> Option<usize> {
        let n = j + 1;
        let possessive = self
            .tokens
            .get(n)
            .is_some_and(|t| t.kind == TokenKind::Possessive && t.attached && !self.used[n]);
        if !possessive || !self.adjacent(n) || !self.name_word(n + 1) {
            return None;
        }
        let possessor = self.word(j);
        let saint = (i..j).rev().take(2).any(|k| {
            matches!(self.word(k), "St" | "Saint" | "Ste")
                && (k + 1 == j || (k + 2 == j && self.word(k + 1) == "."))
        });
        let collective = POSSESSORS_IN_NAMES.contains(&possessor);
        // A bare office ("the Prosecutor's Office") is a description; a named one is a name.
        let office =
            j > i && self.lex.is_title_word(possessor) && !self.is_personal_name(possessor);
        if !(saint || collective || office) {
            return None;
        }
        // The plain name words after the possessive, a few at most; the caller's loop goes on
        // through links from there.
        let mut end = n + 1;
        while end < n + 6 && self.adjacent(end) && self.name_word(end + 1) {
            end += 1;
        }
        self.has_keyword(n + 1, end).then_some(end)
    }

    /// Ends the chunk `i..=j` before a capitalised pronoun or article inside it: a name does
    /// not go on into "The" or "He" (a missing stop, or a line that runs into the next).
    pub(super) fn run_on_end(&mut self, i: usize, j: usize) -> usize {
        if self.title_case[i] || !self.rules.enabled(RuleId::RunOnSentence) {
            return j;
        }
        let run_on = (i + 1..=j).find(|&k| {
            RUN_ON_WORDS.contains(&self.word(k))
                && self.name_word(k - 1)
                && self.tokens.get(k + 1).is_none_or(|t| {
                    let next = t.text(self.text);
                    t.kind != TokenKind::Word || !is_capitalised(next) || k == j
                })
        });
        match run_on {
            Some(k) => {
                self.record(RuleId::RunOnSentence, i, k - 1);
                k - 1
            }
            None => j,
        }
    }

    /// "ex-FARC", "pro-Russian": the name after a lower-case prefix, typed by the lexicons or,
    /// for an acronym, as an organisation.
    pub(super) fn prefixed_name(&mut self, i: usize) {
        let Some(token) = self
            .tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Word && !self.used[i] && !self.skipped[i])
            .filter(|_| self.rules.enabled(RuleId::NameAfterPrefix))
        else {
            return;
        };
        let word = token.text(self.text);
        // Every prefix ends in a hyphen; most words have none.
        if !word.contains('-') {
            return;
        }
        let Some(prefix) = NAME_PREFIXES.iter().find(|p| word.starts_with(**p)) else {
            return;
        };
        let name = &word[prefix.len()..];
        if !is_capitalised(name) {
            return;
        }
        let typed = self.known(name).or_else(|| {
            (is_all_caps(name) && name.len() <= 6 && !self.lex.common_acronyms.contains(name))
                .then_some((EntityType::Org, Evidence::Acronym))
        });
        if let Some((label, why)) = typed {
            let span = Span::new(token.span().start + prefix.len(), token.span().end);
            let in_title_case = self.title_case.get(i).copied().unwrap_or(false);
            let strength = if label == EntityType::Org {
                Strength::Weak
            } else {
                Strength::Strong
            };
            self.record_span(RuleId::NameAfterPrefix, span);
            self.out.push(Raw {
                span,
                label,
                evidence: why,
                strength,
                role: None,
                in_title_case,
            });
        }
    }
}

/// An abbreviation whose stop stays inside a name, also in capitals ("ST. PAUL").
pub(super) fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
        || (word.chars().count() == 1 && is_capitalised(word))
        || (is_all_caps(word)
            && ABBREVIATIONS
                .iter()
                .any(|a| a.len() == word.len() && a.eq_ignore_ascii_case(word)))
}
