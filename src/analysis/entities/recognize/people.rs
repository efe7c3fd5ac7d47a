//! Evidence that a name is a person's: titles, role nouns, naming cues, an age, a name's shape.

use super::words::{INTRODUCING_PERSON_NOUNS, PARTICLES};
use super::{Recognizer, Strength};
use crate::analysis::entities::evidence::Evidence;
use crate::analysis::entities::tokens::{is_capitalised, TokenKind};
use crate::analysis::entities::EntityType;
use crate::analysis::rules::RuleId;

impl<'a> Recognizer<'a> {
    /// "Her sons, Kesaro and Eberu", "fellow singers Tavi Roe and Kemba": a role noun, in the
    /// plural or before a comma, that introduces the name.
    pub(super) fn role_before_list(&self, a: usize) -> Option<Evidence> {
        let before = self.word(a.checked_sub(1)?);
        let (noun_at, noun) = if before == "," {
            (a.checked_sub(2)?, self.word(a.checked_sub(2)?))
        } else {
            (a - 1, before)
        };
        let singular = noun.strip_suffix('s').unwrap_or(noun);
        let is_role = self.lex.role_nouns.contains(noun)
            || (singular.len() > 2 && self.lex.role_nouns.contains(singular));
        let is_person_noun = INTRODUCING_PERSON_NOUNS.contains(&noun)
            || INTRODUCING_PERSON_NOUNS.contains(&singular);
        let lower = noun.chars().next().is_some_and(char::is_lowercase);
        // "a daughter, Sadia", not "the minister, Parliament".
        let determined = noun_at.checked_sub(1).is_some_and(|d| {
            matches!(
                self.word(d),
                "a" | "an"
                    | "the"
                    | "his"
                    | "her"
                    | "their"
                    | "my"
                    | "our"
                    | "His"
                    | "Her"
                    | "Their"
            )
        });
        let sets_off =
            before == "," && (determined || is_person_noun) && !self.adjacent_comma_list(noun_at);
        ((is_role || (is_person_noun && before == ",")) && lower && (before != "," || sets_off))
            .then(|| Evidence::Introduces(noun.to_string()))
    }

    /// A comma before `at` that only continues a list of nouns ("ministers, officials, …").
    pub(super) fn adjacent_comma_list(&self, at: usize) -> bool {
        at.checked_sub(1).is_some_and(|b| self.word(b) == ",")
    }

    /// "a child named Mim", "identified as Eva", "surnamed Guo", "known as “Yuzu”".
    pub(super) fn named_as(&self, a: usize) -> Option<Evidence> {
        let mut k = a.checked_sub(1)?;
        if matches!(self.word(k), "“" | "\"" | "‘" | "'") {
            k = k.checked_sub(1)?;
        }
        let cue = self.word(k);
        let before = k.checked_sub(1).map(|b| self.word(b)).unwrap_or("");
        let person_before =
            INTRODUCING_PERSON_NOUNS.contains(&before) || self.lex.role_nouns.contains(before);
        let named = match cue {
            "surnamed" | "alias" | "nicknamed" => true,
            "named" | "called" => person_before,
            "as" => matches!(before, "identified" | "name" | "names"),
            _ => false,
        };
        named.then(|| {
            let phrase = if cue == "as" {
                format!("{before} {cue}")
            } else {
                cue.to_string()
            };
            Evidence::Precedes(phrase)
        })
    }

    /// "Vlasakov Olakau, 31, was parking", "Mira (16)": an age after a name.
    pub(super) fn age_after(&self, j: usize) -> Option<Evidence> {
        let open = self.word(j + 1);
        let number = self.tokens.get(j + 2)?;
        let close = self.word(j + 3);
        let age = number.kind == TokenKind::Number
            && number
                .text(self.text)
                .parse::<u32>()
                .is_ok_and(|n| (1..=110).contains(&n));
        // "Vidyalaya (14), Ardent (22)": a rank in a list, not an age.
        let listed = matches!(self.word(j + 4), "," | "and");
        let framed = (open == "," && close == ",") || (open == "(" && close == ")" && !listed);
        (age && framed).then_some(Evidence::AgeFollows)
    }

    /// "Dreno Vlasak, a director of …", "Lin Weiqiang, China’s ambassador": a role in
    /// apposition: after the comma an article or an owner, a few lower-case words, then a role
    /// noun or a title that no name follows ("Nadia Farouk, Chair of", not "the Republic, the
    /// late Professor Anna Berg").
    pub(super) fn role_in_apposition(&self, a: usize, j: usize) -> Option<Evidence> {
        let before = a.checked_sub(1).map(|b| self.word(b)).unwrap_or("");
        if self.word(j + 1) != "," || matches!(before, "the" | "of" | "in" | "at" | "on" | "The") {
            return None;
        }
        let mut k = j + 2;
        if matches!(self.word(k), "a" | "an" | "the" | "his" | "her") {
            k += 1;
        }
        // An owner: "China’s", "the company’s".
        if self
            .tokens
            .get(k + 1)
            .is_some_and(|t| t.kind == TokenKind::Possessive)
        {
            k += 2;
        }
        for _ in 0..3 {
            let w = self.word(k);
            let is_word = self
                .tokens
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Word);
            if !is_word {
                return None;
            }
            let role = self.lex.role_nouns.contains(w) || self.lex.is_core_title(w);
            if role {
                let after = if self.word(k + 1) == "." {
                    k + 2
                } else {
                    k + 1
                };
                let next = self.tokens.get(after)?;
                // The apposition ends, or goes on with where or whose the role is; a verb
                // after it would make the role a subject ("Allegedly, Roe's sister pleaded").
                let closes = matches!(
                    next.text(self.text),
                    "," | "."
                        | ";"
                        | ")"
                        | "of"
                        | "at"
                        | "for"
                        | "in"
                        | "from"
                        | "with"
                        | "who"
                        | "and"
                        | "on"
                        | "to"
                        | "under"
                        | "since"
                        | "until"
                ) || (self.lex.is_title_word(next.text(self.text))
                    && next.kind == TokenKind::Word);
                return closes.then(|| Evidence::InApposition(w.to_string()));
            }
            let modifier = (w.chars().next().is_some_and(char::is_lowercase)
                && !matches!(
                    w,
                    "the" | "a" | "an" | "and" | "or" | "of" | "its" | "their"
                ))
                || self.lex.is_title_word(w);
            if !modifier {
                return None;
            }
            k += 1;
        }
        None
    }

    /// "Cho Min-jae", "Lin Wei-ming": a surname, then a given name of two syllables joined by
    /// a hyphen, as Chinese and Korean names are romanised.
    pub(super) fn syllabic_given_name(&self, a: usize, j: usize) -> Option<Evidence> {
        let last = self.word(j);
        let (one, two) = last.split_once('-')?;
        let syllable = |p: &str| {
            (2..=6).contains(&p.chars().count()) && p.chars().all(|c| c.is_ascii_alphabetic())
        };
        let shaped = is_capitalised(one)
            && two.chars().all(|c| c.is_ascii_lowercase())
            && syllable(one)
            && syllable(two)
            && !self.lowercase_words.contains(two);
        let surname = self.word(a);
        (j == a + 1 && shaped && self.lex.surnames.contains(surname))
            .then(|| Evidence::SyllabicName(surname.to_string()))
    }

    /// Titles from `a` followed by a name to the chunk's end: the name's first token.
    pub(super) fn title_then_name(&self, a: usize, j: usize) -> Option<usize> {
        let mut k = a;
        let mut core = false;
        while k <= j {
            let w = self.word(k);
            if self.lex.is_title_word(w) {
                core |= self.lex.is_core_title(w);
            } else if !(k > a
                && (w == "." || (w == "of" && self.lex.is_title_word(self.word(k + 1)))))
            {
                break;
            }
            k += 1;
        }
        // "Mr von Kessler": a particle may open the name.
        let r = (k..=j).find(|&r| self.word(r) != ".").filter(|&r| {
            self.name_word(r) || (PARTICLES.contains(&self.word(r)) && self.name_word(r + 1))
        })?;
        (core && !self.has_keyword(r, j) && self.known_type(self.words(r, j)).is_none())
            .then_some(r)
    }

    /// A title opens at `k`: "Fire Marshal", "Assistant District Attorney", but not "Fire
    /// District 2", where modifiers of a title run into a body's or a division's head word.
    pub(super) fn title_starts(&self, k: usize, j: usize) -> bool {
        let run = (k..=j)
            .take_while(|&t| self.lex.is_title_word(self.word(t)))
            .count();
        if run == 0 {
            return false;
        }
        let modifiers_only = (k..k + run).all(|t| !self.lex.is_core_title(self.word(t)));
        let head = self.word(k + run);
        let into_head = self.is_head_word(head) && !self.lex.is_title_word(self.word(k + run + 1));
        !(modifiers_only && into_head)
    }

    pub(super) fn is_title_run(&self, a: usize, j: usize) -> bool {
        (a..=j).all(|k| self.lex.is_title_word(self.word(k)) || matches!(self.word(k), "." | "of"))
    }

    pub(super) fn push_person(
        &mut self,
        rule: RuleId,
        a: usize,
        j: usize,
        why: Evidence,
        role: Option<String>,
    ) {
        // "the von Bibra family": a surname's particle written in lower case belongs to it.
        let particle = a
            .checked_sub(1)
            .filter(|&p| matches!(self.word(p), "von" | "van" | "bin" | "ibn") && self.adjacent(p))
            .filter(|&p| !p.checked_sub(1).is_some_and(|q| self.name_word(q)));
        let a = particle.unwrap_or(a);
        self.push(rule, a, j, EntityType::Person, Strength::Strong, why);
        if let Some(last) = self.out.last_mut() {
            last.role = role;
        }
    }

    /// "Ms. Hill": a surname that is also a place's head word ("Hill", "Park") after an
    /// honorific is a person's. (After a first name it is not: "Darby Street", "Beverly
    /// Hills".) The name's first token.
    pub(super) fn person_named_like_place(&self, i: usize, j: usize) -> Option<usize> {
        let last = self.word(j);
        if !(self.lex.place_words.contains(last) && self.lex.surnames.contains(last)) {
            return None;
        }
        let honorific = matches!(self.word(i), "Mr" | "Mrs" | "Ms" | "Miss" | "Dr")
            && self.word(i + 1) == "."
            && j == i + 2;
        honorific.then_some(i + 2)
    }
}
