//! Names in a headline written in title case, where capitals say nothing.

use super::chunks::is_abbreviation;
use super::{Recognizer, Strength};
use crate::analysis::entities::evidence::Evidence;
use crate::analysis::entities::tokens::{is_capitalised, Token, TokenKind};
use crate::analysis::entities::EntityType;
use crate::analysis::rules::RuleId;
use crate::analysis::text::with_lowercase;

impl<'a> Recognizer<'a> {
    /// In a title-case headline capitals say nothing: only names the lexicons know count, and
    /// unknown words are left for the document to type.
    pub(super) fn title_case_chunk(&mut self, i: usize, j: usize) {
        let mut a = i;
        while a <= j {
            let mut matched = false;
            let known_names = self.rules.enabled(RuleId::TitleCaseKnownName);
            for b in (a..=j.min(a + 5)).rev().filter(|_| known_names) {
                let s = self.words(a, b);
                if let Some((label, why)) = self.known(s) {
                    let rule = RuleId::TitleCaseKnownName;
                    self.push(rule, a, b, label, Strength::Strong, why);
                    a = b + 1;
                    matched = true;
                    break;
                }
            }
            if !matched {
                let person = self
                    .rules
                    .enabled(RuleId::TitleCaseFirstName)
                    .then(|| self.headline_person(a, j))
                    .flatten();
                if let Some(b) = person {
                    let why = Evidence::FirstName(self.word(a).to_string());
                    let (rule, strength) = (RuleId::TitleCaseFirstName, Strength::Weak);
                    self.push(rule, a, b, EntityType::Person, strength, why);
                    a = b + 1;
                    continue;
                }
                let w = self.word(a);
                // A word the article also writes in lower case is a common word, capitalised only
                // by the title case ("Air" beside "the air base").
                if !self.lex.stopwords.contains(w)
                    && w.len() > 1
                    && !self.is_common_word(w)
                    && self.rules.enabled(RuleId::TitleCaseUnknownWord)
                {
                    let rule = RuleId::TitleCaseUnknownWord;
                    self.push(
                        rule,
                        a,
                        a,
                        EntityType::Misc,
                        Strength::Unknown,
                        Evidence::Nothing,
                    );
                }
                a += 1;
            }
        }
    }

    /// In a title-case line, a first name and the name words after it ("Governor Maria Lopez
    /// And Pavel Novak"): the last token of the full name, if there is more than the
    /// first name.
    pub(super) fn headline_person(&self, a: usize, j: usize) -> Option<usize> {
        let first = self.word(a);
        if !self.lex.given_names.contains(first)
            || self.lex.stopwords.contains(first)
            || self.lex.is_group(first)
            || self.lex.is_title_word(first)
        {
            return None;
        }
        // A personal name, or an unknown word that ends the run ("Tomas Aldana on"), not
        // one inside a longer name ("Adam Ridge Air Base").
        let name_like = |k: usize| {
            let w = self.word(k);
            let plain = self.name_word(k)
                && !self.lex.stopwords.contains(w)
                && !self.lex.is_title_word(w)
                && !self.is_head_word(w)
                && !with_lowercase(w, |lower| self.lowercase_words.contains(lower))
                && self.known_type(w).is_none();
            plain && (self.is_personal_name(w) || !(self.adjacent(k) && self.name_word(k + 1)))
        };
        let last = (a + 1..=j.min(a + 3))
            .take_while(|&k| name_like(k))
            .last()?;
        Some(last)
    }
}

/// How many words of four letters or more the tokens hold, and how many of those are capitalised:
/// short words ("of", "in") are lower case even in a headline.
pub(super) fn long_words_capitalised(text: &str, tokens: &[Token]) -> (usize, usize) {
    let long = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .filter(|w| w.chars().nth(3).is_some());
    long.fold((0, 0), |(all, capitalised), w| {
        (all + 1, capitalised + usize::from(is_capitalised(w)))
    })
}

/// A word in capitals as it is written in a sentence: "MOSCOW" as "Moscow".
pub(super) fn title_cased(w: &str) -> String {
    let mut cs = w.chars();
    cs.next()
        .map(|c| c.to_string() + &cs.as_str().to_lowercase())
        .unwrap_or_default()
}

/// Each space-separated word of `s` title-cased: "NEW JERSEY" → "New Jersey".
pub(super) fn title_cased_words(s: &str) -> String {
    s.split(' ').map(title_cased).collect::<Vec<_>>().join(" ")
}

/// Marks the tokens of lines written in title case or capitals, where a capital is no evidence.
pub(super) fn title_case_lines(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut flags = vec![false; tokens.len()];
    let mut start = 0;
    while start < tokens.len() {
        let end = (start + 1..tokens.len())
            .find(|&k| tokens[k].line_start)
            .unwrap_or(tokens.len());
        let (words, capitalised) = long_words_capitalised(text, &tokens[start..end]);
        // A sentence that happens to be full of names still ends with a stop; a headline does not.
        let ends_sentence = tokens[start..end]
            .iter()
            .rev()
            .map(|t| t.text(text))
            .find(|w| !matches!(*w, "\"" | "”" | "’" | "'" | ")"))
            .is_some_and(|w| matches!(w, "." | "!" | "?"));
        if words >= 3 && capitalised * 4 >= words * 3 && !ends_sentence {
            for f in flags.iter_mut().take(end).skip(start) {
                *f = true;
            }
        } else if start == 0 {
            // A headline glued to its story by a stop ("Senior Official Visits Nevada. The
            // general…"): the text's first sentence, if it is written in title case.
            let stop = (start + 1..end).find(|&k| {
                let prev = tokens[k - 1].text(text);
                matches!(tokens[k].text(text), "." | "!" | "?") && !is_abbreviation(prev)
            });
            // The stop ends a sentence only if a new one opens after it.
            let next_opens = |k: usize| {
                tokens
                    .get(k + 1)
                    .is_some_and(|t| t.kind == TokenKind::Word && is_capitalised(t.text(text)))
            };
            if let Some(stop) = stop.filter(|&k| k + 1 < end && next_opens(k)) {
                let (words, capitalised) = long_words_capitalised(text, &tokens[start..stop]);
                // A sentence has a verb in lower case ("Dayton Mayor Jane Roe met …"); a
                // headline at most its small words.
                let lower_verb = tokens[start..stop].iter().any(|t| {
                    let w = t.text(text);
                    t.kind == TokenKind::Word
                        && w.chars().count() >= 3
                        && w.chars().next().is_some_and(char::is_lowercase)
                        && !matches!(w, "and" | "the" | "for" | "with" | "from" | "into" | "over")
                });
                if words >= 4 && capitalised == words && !lower_verb {
                    for f in flags.iter_mut().take(stop).skip(start) {
                        *f = true;
                    }
                }
            }
        }
        start = end;
    }
    flags
}
