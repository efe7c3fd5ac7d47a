//! Finds name mentions and types them by evidence.
//!
//! Capitalised words are gathered into chunks (with connectors such as "of", "al", "bin" and
//! the stop of "St."), then typed: leading function words, nationalities and titles are peeled
//! off ("Iranian President Mohammad Khatami" → NORP, a role, PERSON); what remains is looked up
//! in the lexicons, typed by a head word ("State Duma", "Washington Post"), by a first name, or
//! by its neighbours ("in Chechnya", "Ging said"). Mentions typed only by weak evidence are
//! settled later, against the rest of the document (see `coreference`).

use super::dates::Found;
use super::lexicons::Lexicons;
use super::tokens::{is_all_caps, is_capitalised, Token, TokenKind};
use super::EntityType;
use super::PlaceKind;
use crate::analysis::fnv::{FnvMap, FnvSet};
use crate::analysis::gazetteer::{Gazetteer, VILLAGE_POPULATION};
use crate::analysis::Span;
use std::cell::RefCell;

/// How sure the typing is: a weak or unknown mention may be retyped by a strong one elsewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// No evidence for any type; kept only if the document says what it is.
    Unknown,
    Weak,
    Strong,
}

/// A mention before grouping.
#[derive(Clone, Debug, PartialEq)]
pub struct Raw {
    pub span: Span,
    pub label: EntityType,
    pub explanation: String,
    pub strength: Strength,
    /// A title or role written before a person's name ("Iranian President").
    pub role: Option<String>,
    /// In a headline written in title case, where capitals say nothing.
    pub in_title_case: bool,
}

/// What the layout knows that recognition uses.
#[derive(Default)]
pub struct Context {
    /// Starts of sentences (and of headline, byline and other lines): capitals there are ambiguous.
    pub sentence_starts: Vec<usize>,
    /// Text not to look for names in (the header block outside its values).
    pub skip: Vec<Span>,
    /// Mentions the layout already typed: the publication in the header, outlets in citations.
    pub forced: Vec<Raw>,
}

/// Words that are names only as part of a longer one ("West Bengal", not "the West" alone).
const NEVER_ALONE: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Eastern",
    "Western",
    "Northern",
    "Southern",
    "Central",
    "Republic",
    "Centre",
    "Center",
    "Independence",
    "Commonwealth",
    "Kindergarten",
    "Olympic",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Upper",
    "Lower",
    "Greater",
    "Old",
    "New",
    "City",
];
/// Lower-case prefixes joined to a name by a hyphen: "ex-FARC", "pro-Russian", "anti-American",
/// "made-in-China".
const NAME_PREFIXES: &[&str] = &[
    "ex-", "pro-", "anti-", "non-", "post-", "pre-", "neo-", "pan-", "trans-", "inter-", "intra-",
    "made-in-",
];
/// Lower-case words that may join the capitalised words of one name.
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "de", "del", "della", "der", "den", "di", "da", "do", "dos",
    "das", "du", "la", "le", "van", "von", "y", "ul", "ud", "abu", "ben",
];
/// Lower-case words that join the parts of an institution's name ("Bank of England").
const INSTITUTION_LINKS: &[&str] = &["of", "for", "on", "and", "&", "the"];
/// Institution words that name an organisation even alone ("Parliament", "Cabinet").
const STANDALONE_ORGS: &[&str] = &[
    "Parliament",
    "Cabinet",
    "Congress",
    "Senate",
    "Duma",
    "Knesset",
    "Politburo",
    "Assembly",
    "Legislature",
    "Bundestag",
    "Majlis",
];
/// Abbreviations whose stop stays inside a name ("St. Petersburg", "Mr. Ging").
const ABBREVIATIONS: &[&str] = &[
    "St", "Mt", "Ft", "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sgt", "Capt", "Prof", "Rev",
    "Sen", "Rep", "Gov", "Jr", "Sr", "Maj", "Brig", "Cpl", "Adm", "Cllr", "Det", "Insp", "Supt",
    "Ste",
];
/// First words of a place's name ("St. Petersburg", "San Jose", "Fort Worth").
const PLACE_PREFIXES: &[&str] = &[
    "St", "Saint", "San", "Santa", "Santo", "Sao", "São", "Fort", "Ft", "Mt", "Los", "Las",
    "Ciudad", "Puerto", "Port", "Lake", "Mount", "Cape", "Sainte", "Ste",
];
/// Words before a name that say it is a place.
const PLACE_CUES: &[&str] = &[
    "in", "at", "near", "outside", "from", "across", "into", "In", "At", "From",
];
/// Common nouns for places that, before "of", introduce one ("the city of Kazan").
const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "republic",
    "province",
    "region",
    "state",
    "capital",
    "island",
    "district",
    "county",
    "port",
    "area",
    "suburb",
    "governorate",
    "municipality",
    "island",
    "prefecture",
    "kingdom",
    "emirate",
];
/// Plural place nouns after a list of names: "Clay, Grant and Swift counties".
const LIST_PLACE_NOUNS: &[&str] = &[
    "counties",
    "areas",
    "roads",
    "streets",
    "avenues",
    "rivers",
    "creeks",
    "lakes",
    "islands",
    "parishes",
    "townships",
    "provinces",
    "districts",
    "cities",
    "towns",
    "villages",
    "regions",
    "boroughs",
];
/// Lower-case words for a part of a town or a country after its name: "the Abbasiya
/// neighbourhood", "Tigray region".
const DIVISION_NOUNS: &[&str] = &[
    "neighbourhood",
    "neighborhood",
    "district",
    "suburb",
    "province",
    "governorate",
    "township",
    "village",
    "boulevard",
    "municipality",
    "prefecture",
    "region",
];
/// Lower-case nouns that a place name modifies: "Dayton police", "a Dayton man".
const LOCAL_NOUNS: &[&str] = &[
    "police",
    "man",
    "woman",
    "boy",
    "girl",
    "teen",
    "resident",
    "residents",
    "native",
    "officials",
    "authorities",
    "firefighters",
    "councillors",
    "councillor",
    "councilor",
    "voters",
    "area",
    "suburb",
    "neighbourhood",
    "neighborhood",
    "homeowners",
    "council",
    "councilman",
    "councilwoman",
    "commissioners",
    "developer",
    "educator",
    "teacher",
    "teachers",
    "students",
    "landlord",
    "businessman",
    "businesswoman",
    "areas",
    "doctor",
    "teenager",
    "student",
    "nurse",
    "farmer",
    "community",
];
/// Verbs after a name that say it is a person.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "explained",
    "noted",
    "argued",
    "wrote",
    "asked",
    "replied",
    "insisted",
    "warned",
    "believes",
    "thinks",
    "claimed",
    "recalled",
    "admitted",
    "explains",
    "adds",
    "notes",
    "stressed",
    "stresses",
    "emphasised",
    "emphasized",
    "urged",
    "urges",
    "recalls",
    "admits",
    "lamented",
    "acknowledged",
    "insists",
    "argues",
    "writes",
    "tells",
    "remarked",
    "quipped",
    "recounted",
    "conceded",
    "countered",
];
/// Lower-case words after a language's name that say it names a people or its language: "the
/// Garifuna people", "a Quechua community", "Mi'kmaw roots".
const PEOPLE_CUES: &[&str] = &[
    "people",
    "peoples",
    "community",
    "communities",
    "ethnic",
    "tribe",
    "tribes",
    "tribal",
    "language",
    "languages",
    "speaker",
    "speakers",
    "speaking",
    "culture",
    "cultures",
    "cultural",
    "elder",
    "elders",
    "leader",
    "leaders",
    "descent",
    "origin",
    "heritage",
    "roots",
    "word",
    "words",
    "minority",
    "minorities",
    "women",
    "men",
    "villages",
    "traditions",
    "traditional",
    "songs",
    "music",
    "cuisine",
    "territory",
    "lands",
    "youth",
    "settlements",
    "majority",
    "name",
];
/// Nouns for a person that may introduce a name ("a child named Mim", "a daughter, Sadia").
const PERSON_NOUNS: &[&str] = &[
    "man", "woman", "boy", "girl", "child", "teenager", "person", "daughter", "son", "wife",
    "husband", "mother", "father", "brother", "sister", "resident", "guy", "baby",
];
/// Articles that open a Romance-language name ("La Prensa", "El Espectador", "Los Andes").
const ROMANCE_ARTICLES: &[&str] = &["La", "Le", "Les", "Los", "Las", "El", "Il", "Lo"];
/// Lower-case words before a people's name: "the indigenous Lencas".
const PEOPLE_QUALIFIERS: &[&str] = &["ethnic", "indigenous", "native", "Indigenous"];
/// Plural nouns whose possessive is part of an institution's name: "Children's Hospital",
/// "People's Republic", "Women's Group", "Veterans' Affairs".
const POSSESSORS_IN_NAMES: &[&str] = &[
    "Children", "People", "Peoples", "Women", "Men", "Workers", "Veterans", "Farmers", "Citizens",
    "Mothers", "Teachers", "Nurses", "Traders", "Soldiers", "Sailors", "Girls", "Boys", "Ladies",
];
/// Lower-case nouns that end an organisation's name ("Izhorsk plant", "National Union party").
const ORG_NOUNS: &[&str] = &[
    "plant", "factory", "party", "company", "group", "firm", "movement", "shipyard", "refinery",
    "mill",
];

pub struct Recognizer<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lex: &'static Lexicons,
    /// Tokens already part of a date, number or forced mention.
    used: Vec<bool>,
    /// The last tokens of roads found by their written form ("Highway 29", "44 Elm St.").
    road_ends: Vec<bool>,
    initial: Vec<bool>,
    title_case: Vec<bool>,
    skipped: Vec<bool>,
    /// Every word the article writes in lower case.
    lowercase_words: FnvSet<&'a str>,
    /// Lexicon answers per surface: names repeat, and each lookup folds and searches.
    known_cache: RefCell<FnvMap<&'a str, Option<(EntityType, String)>>>,
    place_cache: RefCell<FnvMap<(&'a str, bool), Option<String>>>,
    out: Vec<Raw>,
}

impl<'a> Recognizer<'a> {
    pub fn new(text: &'a str, tokens: &'a [Token], context: &Context, found: &[Found]) -> Self {
        let lex = Lexicons::get();
        let mut used = vec![false; tokens.len()];
        let mut road_ends = vec![false; tokens.len()];
        for f in found {
            for u in used.iter_mut().take(f.last + 1).skip(f.first) {
                *u = true;
            }
            if f.label == EntityType::Loc {
                if let Some(end) = road_ends.get_mut(f.last) {
                    *end = true;
                }
            }
        }
        let within = |spans: &[Span], t: &Token| {
            spans
                .iter()
                .any(|s| s.start <= t.span.start && t.span.end <= s.end)
        };
        let forced: Vec<Span> = context.forced.iter().map(|r| r.span).collect();
        let skipped: Vec<bool> = tokens
            .iter()
            .map(|t| within(&context.skip, t) || within(&forced, t))
            .collect();
        let mut initial = vec![false; tokens.len()];
        let mut starts = context.sentence_starts.iter().peekable();
        for (i, t) in tokens.iter().enumerate() {
            while starts.peek().is_some_and(|&&s| s < t.span.start) {
                starts.next();
            }
            let at_start = starts.peek().is_some_and(|&&s| s == t.span.start);
            let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
            let after_break = prev.is_none_or(|p| {
                let w = p.text(text);
                matches!(w, "." | "!" | "?" | ":" | "—" | "–" | "•" | "|")
                    || (p.kind == TokenKind::Punct && initial.get(i - 1).copied().unwrap_or(false))
            });
            initial[i] = t.line_start || at_start || after_break;
        }
        let title_case = title_case_lines(text, tokens);
        let mut lowercase_words =
            FnvSet::with_capacity_and_hasher(tokens.len(), Default::default());
        lowercase_words.extend(
            tokens
                .iter()
                .filter(|t| t.kind == TokenKind::Word)
                .map(|t| t.text(text))
                .filter(|w| w.chars().next().is_some_and(char::is_lowercase)),
        );
        Recognizer {
            lowercase_words,
            known_cache: RefCell::default(),
            place_cache: RefCell::default(),
            text,
            tokens,
            lex,
            used,
            road_ends,
            initial,
            title_case,
            skipped,
            out: Vec::new(),
        }
    }

    fn word(&self, i: usize) -> &'a str {
        self.tokens.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }

    fn span(&self, first: usize, last: usize) -> Span {
        let start = self.tokens.get(first).map_or(0, |t| t.span.start);
        let end = self.tokens.get(last).map_or(start, |t| t.span.end);
        Span::new(start, end.max(start))
    }

    fn words(&self, first: usize, last: usize) -> &'a str {
        self.span(first, last).slice(self.text)
    }

    /// A word that can be part of a name: capitalised, or "al-Assad", or an acronym with digits.
    fn name_word(&self, i: usize) -> bool {
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

    /// Token `i + 1` follows token `i` on the same line with only spaces between.
    fn adjacent(&self, i: usize) -> bool {
        self.tokens.get(i + 1).is_some_and(|t| !t.line_start)
    }

    fn has_keyword(&self, first: usize, last: usize) -> bool {
        (first..=last).any(|k| {
            let w = self.word(k);
            self.lex.org_words.contains(w)
                || self.lex.place_words.contains(w)
                || self.lex.misc_words.contains(w)
        })
    }

    fn is_head_word(&self, w: &str) -> bool {
        self.lex.org_words.contains(w) || self.lex.place_words.contains(w)
    }

    /// The last token of the chunk that starts at `i`.
    fn chunk_end(&self, i: usize) -> usize {
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
                && is_abbreviation(self.word(j))
                && !RUN_ON_WORDS.contains(&self.word(n + 1))
                && self.adjacent(n)
                && self.name_word(n + 1)
            {
                j = n + 1;
                continue;
            }
            let institution = (INSTITUTION_LINKS.contains(&w) && self.has_keyword(i, j))
                || (w == "of"
                    && self.lex.is_core_title(self.word(j))
                    && self.lex.is_title_word(self.word(n + 1)));
            // "the United States and Ecuador": a whole place before "and" is a list of two
            // names, not one institution ("Trinidad and Tobago" is known as a whole).
            // Likewise a name complete with its head word: "the Asian Development Bank and
            // Qatar University" (while "Ministry of Health and Welfare" goes on).
            let coordinated = matches!(w, "and" | "&")
                && (self.known_type(self.words(i, j)) == Some(EntityType::Loc)
                    || self.is_head_word(self.word(j)))
                && self.known_type(self.words(i, n + 1)).is_none();
            // "West Elm Street on the Lower West Side": a street is not "on" anything.
            if coordinated || (w == "on" && self.lex.place_words.contains(self.word(j))) {
                break;
            }
            // "Bosnia and Herzegovina", "Antigua and Barbuda": a country named by two joined.
            // Regions named so ("Jammu and Kashmir") are as often two divisions listed.
            let joined_country = matches!(w, "and" | "&")
                && self.adjacent(n)
                && self.name_word(n + 1)
                && self.known_type(self.words(i, n + 1)) == Some(EntityType::Loc)
                && self.is_country(self.words(i, n + 1));
            if joined_country {
                j = n + 1;
                continue;
            }
            if let Some(end) = self.possessive_in_name(i, j) {
                j = end;
                continue;
            }
            if (PARTICLES.contains(&w) || institution) && self.adjacent(n) && !self.used[n] {
                if self.name_word(n + 1) {
                    j = n + 1;
                    continue;
                }
                let through_the =
                    institution && matches!(w, "of" | "for" | "on") && self.word(n + 1) == "the";
                if through_the && self.adjacent(n + 1) && self.name_word(n + 2) {
                    j = n + 2;
                    continue;
                }
            }
            break;
        }
        j
    }

    /// "St. Michael's Hospital", "Alder Hey Children's Hospital", "Supreme People's Court",
    /// "Booysens Magistrate's Court": a saint's, a people's or an office's possessive inside
    /// the name of an institution. The last token of the name after the possessive, if the
    /// chunk `i..=j` ends in such a possessor and a head word follows.
    fn possessive_in_name(&self, i: usize, j: usize) -> Option<usize> {
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

    pub fn run(mut self) -> Vec<Raw> {
        let mut i = 0;
        while i < self.tokens.len() {
            if !self.name_word(i) {
                self.prefixed_name(i);
                i += 1;
                continue;
            }
            let j = self.run_on_end(i, self.chunk_end(i));
            if self.title_case[i] {
                self.title_case_chunk(i, j);
            } else {
                self.classify(i, j);
            }
            i = j + 1;
        }
        self.out
    }

    /// "ex-FARC", "pro-Russian": the name after a lower-case prefix, typed by the lexicons or,
    /// for an acronym, as an organisation.
    fn prefixed_name(&mut self, i: usize) {
        let Some(token) = self
            .tokens
            .get(i)
            .filter(|t| t.kind == TokenKind::Word && !self.used[i] && !self.skipped[i])
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
                .then(|| (EntityType::Org, "an acronym".to_string()))
        });
        if let Some((label, why)) = typed {
            let span = Span::new(token.span.start + prefix.len(), token.span.end);
            let in_title_case = self.title_case.get(i).copied().unwrap_or(false);
            let strength = if label == EntityType::Org {
                Strength::Weak
            } else {
                Strength::Strong
            };
            self.out.push(Raw {
                span,
                label,
                explanation: why,
                strength,
                role: None,
                in_title_case,
            });
        }
    }

    fn push(
        &mut self,
        first: usize,
        last: usize,
        label: EntityType,
        strength: Strength,
        explanation: String,
    ) {
        if label == EntityType::Loc && self.establishment(first, last) {
            let why = "a possessive that owns nothing names a shop or a school".to_string();
            return self.push(first, last + 1, EntityType::Org, Strength::Weak, why);
        }
        let in_title_case = self.title_case.get(first).copied().unwrap_or(false);
        self.out.push(Raw {
            span: self.span(first, last),
            label,
            explanation,
            strength,
            role: None,
            in_title_case,
        });
    }

    /// "at Dillard's,", "Mabel's in the market", "St. Agnes's pupils": a name whose
    /// possessive owns nothing (a stop, a preposition follows), or a saint's whose possessive
    /// owns its school's people, names an establishment. A place's possessive owns something:
    /// "Ohio's interest", "St. Paul's suburbs".
    fn establishment(&self, first: usize, last: usize) -> bool {
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

    /// In a title-case headline capitals say nothing: only names the lexicons know count, and
    /// unknown words are left for the document to type.
    fn title_case_chunk(&mut self, i: usize, j: usize) {
        let mut a = i;
        while a <= j {
            let mut matched = false;
            for b in (a..=j.min(a + 5)).rev() {
                let s = self.words(a, b);
                if let Some((label, why)) = self.known(s) {
                    self.push(a, b, label, Strength::Strong, why);
                    a = b + 1;
                    matched = true;
                    break;
                }
            }
            if !matched {
                if let Some(b) = self.headline_person(a, j) {
                    let why = format!("\"{}\" is a first name", self.word(a));
                    self.push(a, b, EntityType::Person, Strength::Weak, why);
                    a = b + 1;
                    continue;
                }
                let w = self.word(a);
                if !self.lex.stopwords.contains(w) && w.len() > 1 {
                    self.push(a, a, EntityType::Misc, Strength::Unknown, String::new());
                }
                a += 1;
            }
        }
    }

    /// In a title-case line, a first name and the name words after it ("President Juan Orlando
    /// Hernandez, Luis Zelaya"): the last token of the full name, if there is more than the
    /// first name.
    fn headline_person(&self, a: usize, j: usize) -> Option<usize> {
        let first = self.word(a);
        if !self.lex.given_names.contains(first)
            || self.lex.stopwords.contains(first)
            || self.lex.is_group(first)
            || self.lex.is_title_word(first)
        {
            return None;
        }
        // A personal name, or an unknown word that ends the run ("Ram Nath Kovind on"), not
        // one inside a longer name ("Adam Air Base").
        let name_like = |k: usize| {
            let w = self.word(k);
            let plain = self.name_word(k)
                && !self.lex.stopwords.contains(w)
                && !self.lex.is_title_word(w)
                && !self.is_head_word(w)
                && !self.lowercase_words.contains(w.to_lowercase().as_str())
                && self.known_type(w).is_none();
            plain && (self.is_personal_name(w) || !(self.adjacent(k) && self.name_word(k + 1)))
        };
        let last = (a + 1..=j.min(a + 3))
            .take_while(|&k| name_like(k))
            .last()?;
        Some(last)
    }

    /// A name the lexicons know as a whole.
    fn known(&self, s: &'a str) -> Option<(EntityType, String)> {
        if let Some(answer) = self.known_cache.borrow().get(s) {
            return answer.clone();
        }
        let answer = self.known_uncached(s);
        self.known_cache.borrow_mut().insert(s, answer.clone());
        answer
    }

    /// `known`'s type alone, without a copy of its explanation.
    fn known_type(&self, s: &'a str) -> Option<EntityType> {
        if let Some(answer) = self.known_cache.borrow().get(s) {
            return answer.as_ref().map(|&(label, _)| label);
        }
        self.known(s).map(|(label, _)| label)
    }

    fn known_uncached(&self, s: &'a str) -> Option<(EntityType, String)> {
        if let Some(kind) = self.lex.organisations.get(s) {
            let what = match kind {
                "outlet" => "news outlet",
                "agency" => "news agency",
                "union" => "union of states",
                _ => "organisation",
            };
            return Some((EntityType::Org, format!("\"{s}\" is a known {what}")));
        }
        if let Some(what) = self.lex.group(s) {
            return Some((EntityType::Norp, format!("\"{s}\" is {what}")));
        }
        if self.lex.places.contains(s) && !self.lex.stopwords.contains(s) {
            return Some((
                EntityType::Loc,
                format!("\"{s}\" is a country, capital or province"),
            ));
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
                return Some((
                    EntityType::Loc,
                    format!("\"{title}\" is a country, capital or province"),
                ));
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
                return Some((EntityType::Norp, format!("\"{s}\" qualifies a group")));
            }
        }
        // "Russian-Iranian": every part a nationality.
        if s.contains('-') && s.split('-').all(|p| self.lex.is_group(p)) {
            return Some((EntityType::Norp, format!("\"{s}\" joins nationalities")));
        }
        None
    }

    /// A place the gazetteer knows by this name. `strong_only` asks for a country, region or
    /// large city whose name is not also a person's name or a word the article writes in lower
    /// case; otherwise any place will do.
    fn gazetteer_place(&self, s: &'a str, strong_only: bool) -> Option<String> {
        if let Some(answer) = self.place_cache.borrow().get(&(s, strong_only)) {
            return answer.clone();
        }
        let answer = self.gazetteer_place_uncached(s, strong_only);
        self.place_cache
            .borrow_mut()
            .insert((s, strong_only), answer.clone());
        answer
    }

    fn gazetteer_place_uncached(&self, s: &'a str, strong_only: bool) -> Option<String> {
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
        let gazetteer = Gazetteer::embedded();
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
        ) || (population >= 200_000 && !best.alternate);
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
        Some(match country {
            Some(country) => format!("\"{s}\" is {what} in {country} in the gazetteer"),
            None => format!("\"{s}\" is {what} in the gazetteer"),
        })
    }

    /// A place the gazetteer knows by this name, where local evidence already says "place" (a
    /// home after a person's name, a town after a street address, "Wahkiakum police"): then a
    /// village counts, and so does a county named without its "County".
    fn local_place(&self, s: &'a str) -> Option<String> {
        if let Some(why) = self.gazetteer_place(s, false) {
            return Some(why);
        }
        if !s.contains(' ') && self.lex.stopwords.contains(s) {
            return None;
        }
        minor_place(s)
    }

    /// A well-known language's name, or its plural for the people ("Hausas"), that is no place's
    /// or person's name and no common word of the article.
    fn major_language(&self, s: &'a str) -> Option<String> {
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
        plain.then(|| format!("\"{singular}\" is a language, and its speakers' name"))
    }

    /// The people of a place or a part of the world: "Tasmanian", "Canberrans", "Parisian",
    /// "North African", "Ngāi Tahu" (a Māori iwi).
    fn people_of_place(&self, s: &'a str) -> Option<String> {
        if let Some((first, rest)) = s.split_once(' ') {
            if matches!(first, "Ngāi" | "Ngāti" | "Ngai" | "Ngati") && !rest.contains(' ') {
                return Some(format!("\"{first}\" opens the name of a Māori iwi"));
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
            return (compass && !rest.contains(' ') && self.lex.is_group(rest))
                .then(|| format!("\"{rest}\" is a people, \"{first}\" a part of it"));
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
        Some(format!("\"{s}\" names the people of {place}"))
    }

    /// An unknown name before a word for a people or a caste: "the Vokkaliga community".
    fn cued_people(&self, a: usize, j: usize) -> Option<String> {
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
        .then(|| format!("\"{next}\" follows"))
    }

    /// A language's name with a cue that it names a people or their language: "the Garifuna
    /// people", "a Sherpa guide" is not enough, "Sherpa community" is.
    fn cued_language(&self, a: usize, j: usize) -> Option<String> {
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
        if PEOPLE_CUES.contains(&next) {
            Some(format!(
                "\"{singular}\" is a language, and \"{next}\" follows"
            ))
        } else if PEOPLE_QUALIFIERS.contains(&before) {
            Some(format!(
                "\"{singular}\" is a language, and \"{before}\" precedes"
            ))
        } else {
            None
        }
    }

    fn is_country(&self, name: &str) -> bool {
        let gazetteer = Gazetteer::embedded();
        gazetteer.lookup(name).iter().any(|m| {
            matches!(
                gazetteer.kind(m.place),
                PlaceKind::Country | PlaceKind::Continent | PlaceKind::Region
            )
        })
    }

    /// Two names of one place: "Aotearoa New Zealand".
    fn same_place(&self, one: &str, other: &str) -> bool {
        let gazetteer = Gazetteer::embedded();
        let others = gazetteer.lookup(other);
        gazetteer
            .lookup(one)
            .iter()
            .any(|m| others.iter().any(|o| o.place == m.place))
    }

    fn is_country_or_province(&self, name: &str) -> bool {
        let gazetteer = Gazetteer::embedded();
        gazetteer.lookup(name).iter().any(|m| {
            !m.alternate
                && matches!(
                    gazetteer.kind(m.place),
                    PlaceKind::Country | PlaceKind::Admin1
                )
        })
    }

    fn is_personal_name(&self, word: &str) -> bool {
        self.lex.given_names.contains(word) || self.lex.surnames.contains(word)
    }

    fn has_common_word_text(&self, s: &str) -> bool {
        s.split_whitespace().any(|w| self.is_common_word(w))
    }

    /// A word the article also writes in lower case. The links of a longer name ("Bosnia and
    /// Herzegovina", "Isle of Man") are written in lower case anyway and say nothing about it.
    fn is_common_word(&self, w: &str) -> bool {
        w.len() > 2
            && !PARTICLES.contains(&w)
            && !INSTITUTION_LINKS.contains(&w)
            && self.lowercase_words.contains(w.to_lowercase().as_str())
    }

    fn classify(&mut self, i: usize, j: usize) {
        if self.party_and_home(i, j) || self.saint_in_a_name(i, j) {
            return;
        }
        let whole = self.words(i, j);
        // AP-style state abbreviations keep their stop: "Gainesville, Fla."
        if self.word(j + 1) == "." && self.tokens.get(j + 1).is_some_and(|t| t.attached) {
            let dotted = self.words(i, j + 1);
            if dotted.len() <= 7 && self.lex.places.contains(dotted) {
                let why = format!("\"{dotted}\" abbreviates a US state");
                return self.push(i, j + 1, EntityType::Loc, Strength::Strong, why);
            }
            // "Major Mich. utilities": an abbreviated state ends a run of capitals.
            let last = self.words(j, j + 1);
            if j > i && last.len() <= 6 && self.lex.places.contains(last) {
                self.classify(i, j - 1);
                let why = format!("\"{last}\" abbreviates a US state");
                return self.push(j, j + 1, EntityType::Loc, Strength::Strong, why);
            }
        }
        // "Washington, D.C.": a name the lexicons spell with its comma.
        if self.word(j + 1) == "," {
            let with_comma = (j + 2..=j + 5)
                .rev()
                .find(|&end| self.lex.places.contains(self.words(i, end)));
            if let Some(end) = with_comma {
                let why = format!("\"{}\" is a known place", self.words(i, end));
                return self.push(i, end, EntityType::Loc, Strength::Strong, why);
            }
        }
        if let Some(kind) = self.lex.common_acronyms.get(whole) {
            let label = match kind {
                "MISC" => EntityType::Misc,
                "NORP" => EntityType::Norp,
                _ => return,
            };
            return self.push(
                i,
                j,
                label,
                Strength::Strong,
                format!("\"{whole}\" is a common abbreviation"),
            );
        }
        if let Some(why) = self.union_as_territory(i, j) {
            return self.push(i, j, EntityType::Loc, Strength::Strong, why);
        }
        if let Some((label, why)) = self.known(whole) {
            // A place that is also a personal name yields to a person of that name elsewhere.
            // Only a country keeps its type against a person ("Chad"); a province or district
            // that shares a personal name ("Paul") does not.
            let personal = i == j
                && label == EntityType::Loc
                && self.is_personal_name(whole)
                && !self.is_country(whole);
            // A language's name may also be a surname ("Violeta Chamorro … Chamorro"): the
            // person, if the article names one, takes it.
            let language = label == EntityType::Norp
                && !self.lex.is_group(whole)
                && self.major_language(whole).is_some();
            // "her daughter, Savannah": a person noun in apposition outweighs a region's name.
            if personal {
                if let Some(why) = self.role_before_list(i).or_else(|| self.named_as(i)) {
                    return self.push_person(i, j, why, None);
                }
            }
            let strength = if personal || language {
                Strength::Weak
            } else {
                Strength::Strong
            };
            return self.push(i, j, label, strength, why);
        }
        // After an opening "The": "The China-Russia talks".
        let h = (i..=j)
            .find(|&k| !self.lex.stopwords.contains(self.word(k)))
            .unwrap_or(i);
        if self.word(h).contains('-') && self.hyphenated_places(h, j) {
            return;
        }
        if j == i + 1 && self.hyphenated_counties(i, j) {
            return;
        }
        if self.dateline(i, j) {
            return;
        }
        if let Some(k) = self.sector_before_region(i, j) {
            return self.push_sector_region(k, j);
        }
        if let Some(k) = self.shouted_place_at_end(i, j) {
            let why = format!(
                "\"{}\" is a country, capital or province, in capitals",
                self.words(k, j)
            );
            return self.push(k, j, EntityType::Loc, Strength::Strong, why);
        }
        if self.place_before_court_title(i, j) {
            return;
        }
        if let Some(k) = self.place_before_title(i, j) {
            let why = format!("\"{}\" names a division, before a title", self.word(k));
            self.push(i, k, EntityType::Loc, Strength::Strong, why);
            return self.classify(k + 1, j);
        }
        if self.place_before_role_or_group(i, j) {
            return;
        }
        if let Some(first) = self.person_named_like_place(i, j) {
            let why = format!("a personal name although \"{}\" names places", self.word(j));
            return self.push_person(first, j, why, None);
        }
        let mut a = i;
        // Function words that open a sentence or a headline, also in capitals as a tabloid's
        // first word is ("AN Edmonton man").
        let shouted_stopword = |k: usize| {
            let w = self.word(k);
            k == i
                && self.initial[k]
                && w.len() > 1
                && is_all_caps(w)
                && self.lex.stopwords.contains(&title_cased(w))
                && self.known_type(w).is_none()
        };
        while a <= j && (self.lex.stopwords.contains(self.word(a)) || shouted_stopword(a)) {
            a += 1;
            while a <= j && !self.name_word(a) {
                a += 1;
            }
        }
        if a > j {
            return;
        }
        if a > i {
            if let Some(k) = self.sector_before_region(a, j) {
                return self.push_sector_region(k, j);
            }
        }
        // A capitalised first word of a sentence before a full name: "Remember Bianca Jagger?"
        if a == i
            && self.initial[a]
            && j > a
            && self.lex.given_names.contains(self.word(a + 1))
            && !self.lex.given_names.contains(self.word(a))
            && self.known_type(self.word(a)).is_none()
            && !self.lex.is_title_word(self.word(a))
            && !self.has_keyword(a, j)
        {
            a += 1;
        }
        // A participle or an adjective that opens a sentence, before a known place:
        // "Neighbouring Uganda has…", "Mountainous Nepal…" (while "Northern Kenya" is one
        // name, and "Vibrant Gujarat" or "Venture Taranaki" may name an event or a body).
        if a == i && self.initial[a] && j > a {
            let w = self.word(a);
            let modifier = ["ing", "ous", "ed", "ful", "less"]
                .iter()
                .any(|end| w.len() > end.len() + 2 && w.ends_with(end));
            let plain = modifier
                && !(NEVER_ALONE.contains(&w)
                    || COMPASS_WORDS.contains(&w)
                    || COMPASS_ADJECTIVES.contains(&w)
                    || PLACE_PREFIXES.contains(&w)
                    || self.lex.is_title_word(w)
                    || self.is_head_word(w)
                    || self.is_personal_name(w)
                    || is_all_caps(w)
                    || self.known_type(w).is_some()
                    || self.gazetteer_place(w, false).is_some());
            if plain && self.known_type(self.words(a + 1, j)) == Some(EntityType::Loc) {
                a += 1;
            }
        }
        // A role noun that opens a sentence, before a name: "Midfielder Hwang In-beom",
        // "Brothers Tsai Hong-tu and …".
        if a == i && self.initial[a] && j > a && j - a <= 4 && !self.lex.is_title_word(self.word(a))
        {
            let lower = self.word(a).to_lowercase();
            let singular = lower.strip_suffix('s').unwrap_or(&lower);
            let role =
                self.lex.role_nouns.contains(&lower) || self.lex.role_nouns.contains(singular);
            let rest = self.words(a + 1, j);
            if role
                && !self.has_keyword(a + 1, j)
                && self.known_type(rest).is_none()
                && !self.has_common_word(a + 1, j)
                && !is_all_caps(rest)
            {
                let why = format!("\"{}\" precedes", self.word(a));
                return self.push_person(a + 1, j, why, Some(lower));
            }
        }
        // Nationalities, and places or bodies before a title: "Iranian President", "U.S.
        // President", "BBMP Chief Commissioner".
        let mut role_start = None;
        while a < j {
            let Some(k) = (a..j)
                .rev()
                .find(|&k| self.known_type(self.words(a, k)).is_some())
            else {
                break;
            };
            let Some((label, why)) = self.known(self.words(a, k)) else {
                break;
            };
            let title_follows = self.title_then_name(k + 1, j).is_some();
            // "the president of Nicaragua Daniel Ortega": a place or body, then a full name.
            // "Chester Alan Roe": a place named like a person opens that person's name.
            let personal_place = k == a
                && self.lex.given_names.contains(self.word(a))
                && !self.is_country(self.word(a));
            let name_follows = label != EntityType::Norp
                && !personal_place
                && j > k + 1
                && j - k <= 4
                && self.lex.given_names.contains(self.word(k + 1))
                && !self.has_keyword(k + 1, j);
            // "Christian Bale" is a name, but "a Muslim Chief Minister" a group and a title.
            let group_before_name = label == EntityType::Norp
                && !self.has_keyword(k + 1, j)
                && (!(k == a && self.lex.given_names.contains(self.word(a)))
                    || self.is_title_run(k + 1, j));
            if !(title_follows || group_before_name || name_follows) {
                break;
            }
            self.push(a, k, label, Strength::Strong, why);
            role_start = (label == EntityType::Norp).then_some(a);
            a = k + 1;
        }
        // A title inside the name splits it: "National Intelligence Service Director Kim".
        if let Some(t) = (a + 1..j)
            .find(|&t| self.lex.is_core_title(self.word(t)) && self.title_then_name(t, j).is_some())
        {
            let start = (a..t)
                .rev()
                .take_while(|&k| self.lex.is_title_word(self.word(k)))
                .last()
                .unwrap_or(t);
            if start > a {
                let left_end = (a..start).rev().find(|&k| self.name_word(k)).unwrap_or(a);
                if let Some((end, why)) = self.place_before_local_title(a, left_end, t) {
                    self.push(a, end, EntityType::Loc, Strength::Strong, why);
                } else {
                    self.classify(a, left_end);
                }
                return self.classify(start, j);
            }
        }
        // "Minister of Forests and Inland Fisheries Anna Berg": the end of a portfolio runs
        // into the minister's name.
        if a == i && matches!(self.word(a.wrapping_sub(1)), "of" | "for" | "and" | "the") {
            let name_start = (a + 1..=(a + 3).min(j)).find(|&k| {
                self.lex.given_names.contains(self.word(k))
                    && !self.lex.is_group(self.word(k))
                    && j > k
                    && j - k <= 3
                    && !self.has_keyword(a, k - 1)
                    && (a..k).all(|p| {
                        let w = self.word(p);
                        !self.is_personal_name(w)
                            && (self.lex.is_title_word(w)
                                || self.is_head_word(w)
                                || self.lowercase_words.contains(w.to_lowercase().as_str()))
                    })
            });
            if let Some(k) = name_start {
                if !self.has_keyword(k, j) && self.known_type(self.words(k, j)).is_none() {
                    let why = format!("\"{}\" is a first name after a portfolio", self.word(k));
                    return self.push_person(k, j, why, None);
                }
            }
        }
        if let Some(r) = self.title_then_name(a, j) {
            let core = (a..r)
                .rev()
                .find(|&k| self.lex.is_title_word(self.word(k)))
                .unwrap_or(a);
            let role = self.words(role_start.unwrap_or(a), core).to_string();
            let title = self.words(a, core).to_string();
            return self.push_person(r, j, format!("title \"{title}\" precedes"), Some(role));
        }
        if self.is_title_run(a, j) && !self.has_keyword(a, j) {
            return;
        }
        let s = self.words(a, j);
        if a > i {
            if let Some((label, why)) = self.known(s) {
                return self.push(a, j, label, Strength::Strong, why);
            }
        }
        // "World Economic Forum Borge Brende", "Cabinet Nader Saad": a body's name, then the
        // full name of the person speaking for it.
        if let Some(h) = (a..j.saturating_sub(1)).rev().find(|&h| {
            self.is_head_word(self.word(h))
                && (2..=3).contains(&(j - h))
                && self.lex.given_names.contains(self.word(h + 1))
                && !self.lex.is_group(self.word(h + 1))
                && !self.has_keyword(h + 1, j)
                && !self.has_common_word(h + 1, j)
        }) {
            self.classify(a, h);
            let why = format!(
                "\"{}\" is a first name after a body's name",
                self.word(h + 1)
            );
            return self.push_person(h + 1, j, why, None);
        }
        if let Some(k) = self.place_after_place_or_group(a, j) {
            self.classify(a, k);
            return self.classify(k + 1, j);
        }
        // "Jane Hill, 24,": a surname that is also a head word ("Hill", "Park") before an age.
        let aged_person = a == i
            && j > a
            && j - a <= 3
            && self.lex.surnames.contains(self.word(j))
            && !self.has_keyword(a, j - 1)
            && self.known_type(self.words(a, j - 1)).is_none();
        if let Some(why) = self.age_after(j).filter(|_| aged_person) {
            return self.push_person(a, j, why, None);
        }
        if let Some((label, why)) = self.by_head_word(a, j) {
            if let Some(why) = self
                .building_by_use(a, j)
                .filter(|_| label == EntityType::Org)
            {
                return self.push(a, j, EntityType::Loc, Strength::Strong, why);
            }
            return self.push(a, j, label, Strength::Strong, why);
        }
        // "Tyler County EMS" is neither a person named Tyler nor a place: only the rest of the
        // article may type it.
        if self.place_head_inside(a, j).is_some() || self.lettered_division(a, j) {
            return self.push(a, j, EntityType::Misc, Strength::Unknown, String::new());
        }
        let first = self.word(a);
        let last = self.word(j);
        let before = a.checked_sub(1).map(|b| self.word(b)).unwrap_or("");
        // "the first son Dh 2,400": a currency before an amount, not a name.
        let amount_follows = self
            .tokens
            .get(j + 1)
            .is_some_and(|t| t.kind == TokenKind::Number);
        if a == i
            && j - a <= 3
            && self.lex.role_nouns.contains(before)
            && self.adjacent(a - 1)
            && !is_all_caps(s)
            && !self.has_common_word(a, j)
            && !amount_follows
        {
            let why = format!("\"{before}\" precedes");
            return self.push_person(a, j, why, Some(before.to_string()));
        }
        if a == i
            && j - a <= 3
            && s.chars().count() > 1
            && !amount_follows
            && !is_all_caps(s)
            && !self.has_common_word(a, j)
            && !self.lex.is_group(last)
        {
            if let Some(why) = self
                .role_before_list(a)
                .or_else(|| self.named_as(a))
                .or_else(|| self.age_after(j))
                .or_else(|| self.role_in_apposition(a, j))
                .or_else(|| self.syllabic_given_name(a, j))
            {
                return self.push_person(a, j, why, None);
            }
        }
        // "Jane Roe, 43, of Dayton", "Jane Roe, of Glen Allen": where the person lives.
        let residence = a == i
            && before == "of"
            && a >= 3
            && self.word(a - 2) == ","
            && self
                .tokens
                .get(a - 3)
                .is_some_and(|t| t.kind == TokenKind::Number || is_capitalised(t.text(self.text)));
        if residence {
            let why = "\"of\" after a person's name or age".to_string();
            return self.push(a, j, EntityType::Loc, Strength::Weak, why);
        }
        if j > a && PLACE_PREFIXES.contains(&first) {
            return self.push(
                a,
                j,
                EntityType::Loc,
                Strength::Strong,
                format!("\"{first}\" begins a place name"),
            );
        }
        if let Some((strength, why)) = self
            .place_by_neighbours(a, j)
            .or_else(|| self.multiword_place(a, j))
        {
            return self.push(a, j, EntityType::Loc, strength, why);
        }
        // "the Lal Chowk", "the Hindu Kush": an article does not open a person's name.
        let after_article = matches!(before, "the" | "The");
        // "La Prensa", "El Espectador": a Romance article opens the name of a newspaper, a
        // party or a club, not a person's ("Le Duc Tho" goes on with a personal name).
        if j > a
            && ROMANCE_ARTICLES.contains(&first)
            && !self.is_personal_name(self.word(a + 1))
            && !self.has_common_word(a + 1, j)
        {
            return self.by_context_or(
                a,
                j,
                EntityType::Org,
                format!("\"{first}\" opens the name"),
            );
        }
        if j > a && j - a <= 4 && !self.has_common_word(a + 1, j) && !after_article {
            // "Bruce Vincent": a first name that is also a place still opens a name that
            // ends in a surname. "Muslim" is a first name, but before a name it is a group.
            let personal_first = self.lex.given_names.contains(first)
                && !self.lex.is_group(first)
                && (!self.lex.places.contains(first)
                    || (self.lex.surnames.contains(last) && !self.lex.places.contains(last)));
            if personal_first {
                return self.push_person(a, j, format!("\"{first}\" is a first name"), None);
            }
            if first.chars().count() == 1 && is_capitalised(first) {
                return self.push_person(a, j, "begins with an initial".into(), None);
            }
            // A surname also ends the names of halls, days and bodies ("the Lower House",
            // "Sharm El Sheikh"): alone it types a name only if the article says more.
            if self.lex.surnames.contains(last)
                && !self.lex.places.contains(last)
                && !self.initial[a]
                && !COMPASS_WORDS.contains(&first)
                // "Brookdale Sunoco West": a place's name opening it, and no first name.
                && ((a..=j).any(|k| self.lex.given_names.contains(self.word(k)))
                    || self.gazetteer_place(first, false).is_none())
            {
                let after = self.word(j + 1);
                let speaks =
                    SPEECH_VERBS.contains(&after) || (after == "," && self.word(j + 2) == "who");
                let strength = if speaks {
                    Strength::Weak
                } else {
                    Strength::Unknown
                };
                return self.push(
                    a,
                    j,
                    EntityType::Person,
                    strength,
                    format!("\"{last}\" is a surname"),
                );
            }
        }
        self.by_context(a, j);
    }

    /// "His sons, Amos and Eban", "fellow headliners Burna Boy and Davido": a role noun, in the
    /// plural or before a comma, that introduces the name.
    fn role_before_list(&self, a: usize) -> Option<String> {
        let before = self.word(a.checked_sub(1)?);
        let (noun_at, noun) = if before == "," {
            (a.checked_sub(2)?, self.word(a.checked_sub(2)?))
        } else {
            (a - 1, before)
        };
        let singular = noun.strip_suffix('s').unwrap_or(noun);
        let is_role = self.lex.role_nouns.contains(noun)
            || (singular.len() > 2 && self.lex.role_nouns.contains(singular));
        let is_person_noun = PERSON_NOUNS.contains(&noun) || PERSON_NOUNS.contains(&singular);
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
            .then(|| format!("\"{noun}\" introduces the name"))
    }

    /// A comma before `at` that only continues a list of nouns ("ministers, officials, …").
    fn adjacent_comma_list(&self, at: usize) -> bool {
        at.checked_sub(1).is_some_and(|b| self.word(b) == ",")
    }

    /// "a child named Mim", "identified as Eva", "surnamed Guo", "known as “Yuzu”".
    fn named_as(&self, a: usize) -> Option<String> {
        let mut k = a.checked_sub(1)?;
        if matches!(self.word(k), "“" | "\"" | "‘" | "'") {
            k = k.checked_sub(1)?;
        }
        let cue = self.word(k);
        let before = k.checked_sub(1).map(|b| self.word(b)).unwrap_or("");
        let person_before = PERSON_NOUNS.contains(&before) || self.lex.role_nouns.contains(before);
        let named = match cue {
            "surnamed" | "alias" | "nicknamed" => true,
            "named" | "called" => person_before,
            "as" => matches!(before, "identified" | "name" | "names"),
            _ => false,
        };
        let phrase = if cue == "as" {
            format!("{before} {cue}")
        } else {
            cue.to_string()
        };
        named.then(|| format!("\"{phrase}\" precedes"))
    }

    /// "Shen Dong, 31, was parking", "Reagan (16)": an age after a name.
    fn age_after(&self, j: usize) -> Option<String> {
        let open = self.word(j + 1);
        let number = self.tokens.get(j + 2)?;
        let close = self.word(j + 3);
        let age = number.kind == TokenKind::Number
            && number
                .text(self.text)
                .parse::<u32>()
                .is_ok_and(|n| (1..=110).contains(&n));
        // "Vidyapeetham (16), Manipal (20)": a rank in a list, not an age.
        let listed = matches!(self.word(j + 4), "," | "and");
        let framed = (open == "," && close == ",") || (open == "(" && close == ")" && !listed);
        (age && framed).then(|| "an age follows the name".to_string())
    }

    /// "Adlene Mathallah, a director of …", "Qi Zhenhong, China’s ambassador": a role in
    /// apposition: after the comma an article or an owner, a few lower-case words, then a role
    /// noun or a title that no name follows ("Karim Darwish, Chair of", not "the Republic, the
    /// late Professor John Mills").
    fn role_in_apposition(&self, a: usize, j: usize) -> Option<String> {
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
                return closes.then(|| format!("\"{w}\" stands in apposition"));
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

    /// "Lo Chung-mau", "Choi Yuk-lin": a surname, then a given name of two syllables joined by
    /// a hyphen, as Chinese and Korean names are romanised.
    fn syllabic_given_name(&self, a: usize, j: usize) -> Option<String> {
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
            .then(|| format!("\"{surname}\" is a surname before a two-syllable given name"))
    }

    /// "Sen. Jane Roe, D-Dayton,": an American legislator's party, then the place they
    /// represent. Pushes the place without the party letter.
    fn party_and_home(&mut self, i: usize, j: usize) -> bool {
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
        let start = self.tokens.get(i).map_or(0, |t| t.span.start) + prefix.len();
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
        let in_title_case = self.title_case.get(i).copied().unwrap_or(false);
        self.out.push(Raw {
            span: Span::new(span.start + prefix.len(), span.end),
            label: EntityType::Loc,
            explanation: format!("\"{prefix}\" gives a legislator's party, then home"),
            strength: Strength::Strong,
            role: None,
            in_title_case,
        });
        true
    }

    /// "the Tehama-Glenn County line": two neighbours joined by a hyphen before the division's
    /// word they share, the first a place alone, the second a county with it. Pushes both.
    fn hyphenated_counties(&mut self, i: usize, j: usize) -> bool {
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
        let gazetteer = Gazetteer::embedded();
        let county = format!("{second} {division}");
        // "Miami-Dade County" is one county.
        let one_county = !gazetteer.lookup(self.words(i, j)).is_empty();
        let known_county = !one_county && gazetteer.is_county(&county);
        let Some(first_why) = known_county.then(|| self.local_place(first)).flatten() else {
            return false;
        };
        let start = self.tokens.get(i).map_or(0, |t| t.span.start);
        let end = self.span(i, j).end;
        let second_start = start + first.len() + 1;
        let in_title_case = self.title_case.get(i).copied().unwrap_or(false);
        for (span, explanation) in [
            (Span::new(start, start + first.len()), first_why),
            (
                Span::new(second_start, end),
                format!("\"{county}\" is a county in the gazetteer"),
            ),
        ] {
            self.out.push(Raw {
                span,
                label: EntityType::Loc,
                explanation,
                strength: Strength::Strong,
                role: None,
                in_title_case,
            });
        }
        true
    }

    /// "DPRK-U.S." and "China-Russia": every part of a hyphenated word a known place. Pushes
    /// each part as its own mention. The last part runs on to the end of the chunk `i..=j`:
    /// "the DPRK-South Korea summit".
    fn hyphenated_places(&mut self, i: usize, j: usize) -> bool {
        let Some(token) = self.tokens.get(i).copied() else {
            return false;
        };
        let word = token.text(self.text);
        let chunk_end = self.span(i, j).end;
        let mut parts: Vec<(usize, usize)> = word
            .split('-')
            .scan(token.span.start, |at, part| {
                let start = *at;
                *at += part.len() + 1;
                Some((start, start + part.len()))
            })
            .collect();
        if let Some(last) = parts.last_mut() {
            last.1 = chunk_end;
        }
        let typed: Vec<Option<(EntityType, String)>> = parts
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
            if let Some((label, explanation)) = typed {
                self.out.push(Raw {
                    span: Span::new(start, end),
                    label,
                    explanation,
                    strength: Strength::Strong,
                    role: None,
                    in_title_case,
                });
            }
        }
        true
    }

    /// Titles from `a` followed by a name to the chunk's end: the name's first token.
    fn title_then_name(&self, a: usize, j: usize) -> Option<usize> {
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
        // "Mr von Bibra": a particle may open the name.
        let r = (k..=j).find(|&r| self.word(r) != ".").filter(|&r| {
            self.name_word(r) || (PARTICLES.contains(&self.word(r)) && self.name_word(r + 1))
        })?;
        (core && !self.has_keyword(r, j) && self.known_type(self.words(r, j)).is_none())
            .then_some(r)
    }

    /// A title opens at `k`: "Fire Marshal", "Assistant District Attorney", but not "Fire
    /// District 2", where modifiers of a title run into a body's or a division's head word.
    fn title_starts(&self, k: usize, j: usize) -> bool {
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

    fn is_title_run(&self, a: usize, j: usize) -> bool {
        (a..=j).all(|k| self.lex.is_title_word(self.word(k)) || matches!(self.word(k), "." | "of"))
    }

    /// Some word of `first..=last` is written in lower case elsewhere in the article, so it is a
    /// common word ("Socks", "List") rather than part of a person's name.
    fn has_common_word(&self, first: usize, last: usize) -> bool {
        (first..=last).any(|k| self.is_common_word(self.word(k)))
    }

    fn push_person(&mut self, a: usize, j: usize, why: String, role: Option<String>) {
        // "the von Bibra family": a surname's particle written in lower case belongs to it.
        let particle = a
            .checked_sub(1)
            .filter(|&p| matches!(self.word(p), "von" | "van" | "bin" | "ibn") && self.adjacent(p))
            .filter(|&p| !p.checked_sub(1).is_some_and(|q| self.name_word(q)));
        let a = particle.unwrap_or(a);
        self.push(a, j, EntityType::Person, Strength::Strong, why);
        if let Some(last) = self.out.last_mut() {
            last.role = role;
        }
    }

    /// Typed by the word that heads the name: "State Duma", "Washington Post", "Gulf of Mexico".
    fn by_head_word(&self, a: usize, j: usize) -> Option<(EntityType, String)> {
        let head_end = (a..=j)
            .find(|&k| k > a && matches!(self.word(k), "of" | "for" | "on"))
            .map_or(j, |k| k - 1);
        for k in (a..=head_end).rev() {
            let w = self.word(k);
            if let Some(what) = self.lex.org_words.get(w) {
                if k == a && k == j && !STANDALONE_ORGS.contains(&w) {
                    return None;
                }
                let place = if k == head_end { "ends" } else { "is part of" };
                return Some((
                    EntityType::Org,
                    format!("\"{w}\" {place} the name of {what}"),
                ));
            }
            if let Some(what) = self.lex.place_words.get(w) {
                if k == a && k == j {
                    return None;
                }
                // "Continental Real Estate": a trade, not a housing estate.
                if k > a && NOT_PLACES.contains(&self.words(k - 1, k)) {
                    continue;
                }
                if self.place_head_inside(a, j) == Some(k) {
                    return None;
                }
                if self.lettered_division(a, j) {
                    return None;
                }
                // "Laurel County School District": a district that a body runs is that body.
                let body = (k > a && w == "District")
                    .then(|| self.lex.org_words.get(self.word(k - 1)))
                    .flatten();
                if let Some(body) = body {
                    return Some((EntityType::Org, format!("\"{w}\" of {body}")));
                }
                return Some((EntityType::Loc, format!("\"{w}\" names {what}")));
            }
            if let Some(what) = self.lex.misc_words.get(w) {
                if k == head_end && (k > a || j > a) {
                    return Some((EntityType::Misc, format!("\"{w}\" names {what}")));
                }
            }
        }
        None
    }

    /// "Maiduguri Borno State", "historically Republican Orange County": a known place before
    /// its province or country, or a people's or party's name before a place, with no comma
    /// between. The end of the first.
    fn place_after_place_or_group(&self, a: usize, j: usize) -> Option<usize> {
        // A single word that is only part of a name ("Northern", "Lake", "Bay") or a
        // person's ("Mary") is no place of its own here.
        let alone = |k: usize| {
            let w = self.word(k);
            !(NEVER_ALONE.contains(&w)
                || COMPASS_WORDS.contains(&w)
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

    /// A union of states ("the EU") named as the land of its members: "in the EU", "across
    /// the EU", "EU citizens", "EU member states". Elsewhere it is the body that acts.
    fn union_as_territory(&self, i: usize, j: usize) -> Option<String> {
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
            return Some(format!("\"{after}\" follows the name of a union of states"));
        }
        let before = self.word(i.checked_sub(1)?);
        let cue = self.word(i.checked_sub(2)?);
        let inside = before == "the"
            && matches!(
                cue,
                "in" | "within" | "across" | "throughout" | "outside" | "inside" | "In"
            );
        inside.then(|| format!("\"{cue} the\" precedes the name of a union of states"))
    }

    /// An institution's name that here names its building: a hospital one is at or in ("died
    /// at Northwestern Memorial Hospital"), a church one is at ("married at South Ossett
    /// Church"), a golf or country club (its grounds). Where one is taken to or what one
    /// belongs to is as often the institution.
    fn building_by_use(&self, a: usize, j: usize) -> Option<String> {
        let head = self.word(j);
        let medical = matches!(head, "Center" | "Centre")
            && j > a
            && matches!(self.word(j - 1), "Medical" | "Health");
        let grounds = head == "Club" && j > a && matches!(self.word(j - 1), "Golf" | "Country");
        if grounds {
            return Some(format!(
                "a {} club is its grounds",
                self.word(j - 1).to_lowercase()
            ));
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
        locative.then(|| format!("\"{cue}\" precedes a building's name"))
    }

    /// "Tyler County EMS", "Ohio Valley Hawks": capitalised words after a place's head
    /// word make a name of something called after the place (a service, a team, a shop); only
    /// other evidence makes the whole a place. The head word's token.
    fn place_head_inside(&self, a: usize, j: usize) -> Option<usize> {
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
    fn lettered_division(&self, a: usize, j: usize) -> bool {
        j == a + 1
            && matches!(self.word(a), "District" | "Ward" | "Precinct")
            && self.word(j).chars().count() == 1
    }

    /// The plural place noun ("counties") that ends a list of names that `a..=j` is part of.
    fn list_noun_after(&self, a: usize, j: usize) -> Option<&'static str> {
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

    /// Typed by the words around it, or else weakly as `label`.
    fn by_context_or(&mut self, a: usize, j: usize, label: EntityType, why: String) {
        let before = self.out.len();
        self.by_context(a, j);
        if let Some(last) = self.out.get_mut(before) {
            if last.strength == Strength::Unknown {
                last.label = label;
                last.strength = Strength::Weak;
                last.explanation = why;
            }
        }
    }

    /// Typed by the words around it; weak evidence that the document may overrule.
    fn by_context(&mut self, a: usize, j: usize) {
        let before = a.checked_sub(1).map(|b| self.word(b)).unwrap_or("");
        let before2 = a.checked_sub(2).map(|b| self.word(b)).unwrap_or("");
        let after = self.word(j + 1);
        let s = self.words(a, j);
        let single = a == j;
        if let Some(noun) = ORG_NOUNS
            .iter()
            .find(|n| **n == after)
            .filter(|_| self.adjacent(j))
        {
            let why = format!("\"{noun}\" follows the name");
            self.push(a, j + 1, EntityType::Org, Strength::Weak, why);
            return;
        }
        if let Some(why) = self.cued_language(a, j).or_else(|| self.cued_people(a, j)) {
            return self.push(a, j, EntityType::Norp, Strength::Strong, why);
        }
        // "the villages of Foua and Kfraya": plural place nouns introduce a list ("the areas
        // of science" need not).
        let introduces = |w: &str| LIST_PLACE_NOUNS.contains(&w) && w != "areas";
        let listed_after_noun = before == "and"
            && a >= 4
            && self.word(a - 3) == "of"
            && introduces(self.word(a - 4))
            && self.name_word(a - 2);
        if listed_after_noun || (before == "of" && introduces(before2)) {
            let noun = if listed_after_noun {
                self.word(a - 4)
            } else {
                before2
            };
            return self.push(
                a,
                j,
                EntityType::Loc,
                Strength::Strong,
                format!("\"{noun} of\" precedes"),
            );
        }
        // "the German island Rügen", "the capital Kabul": a place noun in apposition.
        let apposed = matches!(
            before,
            "city" | "town" | "village" | "island" | "capital" | "province" | "district" | "region"
        ) && self.adjacent(a - 1)
            && !self.is_personal_name(s);
        if apposed {
            let why = format!("\"{before}\" precedes");
            return self.push(a, j, EntityType::Loc, Strength::Weak, why);
        }
        if before == "of" && PLACE_NOUNS.contains(&before2) {
            return self.push(
                a,
                j,
                EntityType::Loc,
                Strength::Strong,
                format!("\"{before2} of\" precedes"),
            );
        }
        // "Jackson, Barrow and Madison counties": a list that a plural place noun ends.
        if let Some(noun) = self.list_noun_after(a, j) {
            let why = format!("a list of {noun} follows");
            return self.push(a, j, EntityType::Loc, Strength::Strong, why);
        }
        // "Dayton police", "a Dayton man": a place the gazetteer knows, before a local noun.
        if LOCAL_NOUNS.contains(&after) && self.adjacent(j) {
            // "Mifflinburg students": a school's name reads the same, so a village needs a noun
            // that only a place takes.
            let place_noun = !matches!(after, "student" | "students");
            let why = if place_noun {
                self.local_place(s)
            } else {
                self.gazetteer_place(s, false)
            };
            if let Some(why) = why {
                return self.push(a, j, EntityType::Loc, Strength::Weak, why);
            }
        }
        // "the Thiruvambadi by-election", "the Twickenham parliamentary seat": an electoral
        // district is a place, whatever person's name it shares.
        let electoral = matches!(after, "constituency" | "by-election" | "by-elections")
            || (after == "parliamentary"
                && matches!(self.word(j + 2), "seat" | "constituency" | "by-election"));
        if electoral && self.adjacent(j) && !self.has_common_word(a, j) {
            let why = format!("\"{after}\" follows the name");
            return self.push(a, j, EntityType::Loc, Strength::Weak, why);
        }
        // "Cairo's Abbasiya neighbourhood", "the Rafah district": a name before a word for a
        // part of a town or a country.
        if let Some(noun) = DIVISION_NOUNS.iter().find(|n| **n == after).filter(|_| {
            self.adjacent(j) && !self.is_personal_name(s) && !self.has_common_word(a, j)
        }) {
            let why = format!("\"{noun}\" follows the name");
            return self.push(a, j, EntityType::Loc, Strength::Weak, why);
        }
        let acronym =
            is_all_caps(s) && single && s.chars().filter(|c| c.is_alphabetic()).count() <= 6;
        if !self.initial[a] || !single || (!self.has_common_word(a, j) && !self.is_personal_name(s))
        {
            // "Best of Show", "the Reserve": a single word the article also writes in lower
            // case is a common word, whatever small town shares it.
            let common = single && self.has_common_word(a, j);
            if let Some(why) = self
                .gazetteer_place(s, false)
                .filter(|_| !self.lex.given_names.contains(self.word(a)) && !common)
            {
                return self.push(a, j, EntityType::Loc, Strength::Weak, why);
            }
        }
        let name_like = !self.has_common_word(a, j) && !s.ends_with("ies");
        // "Police in Richmond said": who speaks is named before the place.
        let placed = matches!(before, "in" | "near" | "outside") && self.adjacent(a - 1);
        if !acronym
            && name_like
            && !placed
            && (SPEECH_VERBS.contains(&after) || (after == "," && self.word(j + 2) == "who"))
        {
            return self.push(
                a,
                j,
                EntityType::Person,
                Strength::Weak,
                format!("\"{after}\" follows"),
            );
        }
        if !acronym && SPEECH_VERBS.contains(&before) && matches!(after, "." | "," | "") {
            return self.push(
                a,
                j,
                EntityType::Person,
                Strength::Weak,
                format!("\"{before}\" precedes"),
            );
        }
        let place_after_comma = after == "," && {
            let next = self.word(j + 2);
            is_capitalised(next)
                && (self.lex.places.contains(next) || self.gazetteer_place(next, true).is_some())
        };
        if place_after_comma && self.gazetteer_place(s, false).is_some() {
            let next = self.word(j + 2);
            return self.push(
                a,
                j,
                EntityType::Loc,
                Strength::Weak,
                format!("a place before \"{next}\""),
            );
        }
        // "Richmond's east side", "Dayton's north end": a town's quarter after its possessive.
        let quarter_after = self
            .tokens
            .get(j + 1)
            .is_some_and(|t| t.kind == TokenKind::Possessive)
            && COMPASS_POINTS.contains(&self.word(j + 2))
            && matches!(self.word(j + 3), "side" | "end");
        if quarter_after {
            let why = format!(
                "\"{} {}\" follows its possessive",
                self.word(j + 2),
                self.word(j + 3)
            );
            return self.push(a, j, EntityType::Loc, Strength::Weak, why);
        }
        // "Pingilikani, Kenya —": a name the gazetteer lacks, set off by the country it lies in.
        let country_after_comma = after == ","
            && self.is_country(self.word(j + 2))
            && matches!(self.word(j + 3), "," | ";" | "." | "—" | "–" | ")" | "")
            && !self.is_personal_name(self.word(a))
            && !self.has_common_word(a, j)
            && !acronym;
        if country_after_comma {
            let why = format!("the country \"{}\" follows", self.word(j + 2));
            return self.push(a, j, EntityType::Loc, Strength::Weak, why);
        }
        let strong_cue = matches!(before, "in" | "near" | "outside" | "In");
        if PLACE_CUES.contains(&before)
            && (strong_cue || !self.lex.given_names.contains(self.word(a)))
        {
            return self.push(
                a,
                j,
                EntityType::Loc,
                Strength::Weak,
                format!("\"{before}\" precedes"),
            );
        }
        if acronym {
            return self.push(a, j, EntityType::Org, Strength::Weak, "an acronym".into());
        }
        if single && (self.lex.surnames.contains(s) || self.lex.given_names.contains(s)) {
            return self.push(
                a,
                j,
                EntityType::Person,
                Strength::Unknown,
                format!("\"{s}\" is a personal name"),
            );
        }
        if self.initial[a] && single {
            self.push(a, j, EntityType::Misc, Strength::Unknown, String::new());
            if let Some(last) = self.out.last_mut() {
                last.in_title_case = true;
            }
            return;
        }
        self.push(a, j, EntityType::Misc, Strength::Unknown, String::new());
    }
}

/// Capitalised words that open a new sentence when a stop is missing ("in Portugal The pair"),
/// never the inside of a name.
const RUN_ON_WORDS: &[&str] = &[
    "The", "That", "This", "These", "Those", "He", "She", "They", "We", "His", "Her", "Their",
    "Its", "Our", "There",
];
/// Words that open a place's name and never a person's: "South Charleston", "W. Columbia".
const COMPASS_WORDS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Upper",
    "Lower",
    "Greater",
    "Central",
    "N",
    "S",
    "E",
    "W",
];
/// Phrases that end in a place word without naming a place.
const NOT_PLACES: &[&str] = &["Real Estate"];

/// Plural nouns for the people of a public service, after a place in one capitalised run.
const SERVICE_CREWS: &[&str] = &[
    "Troopers",
    "Officers",
    "Deputies",
    "Agents",
    "Investigators",
    "Firefighters",
    "Wardens",
    "Guardsmen",
];
/// Compass points between two others, which mark a sector of a state rather than a place.
const SECTOR_WORDS: &[&str] = &[
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Northeastern",
    "Northwestern",
    "Southeastern",
    "Southwestern",
];
/// Lower-case compass points before "of": "east of Brandon".
const COMPASS_POINTS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];
/// Verbs of going before "to": "moved to Columbus".
const MOTION_VERBS: &[&str] = &[
    "moved",
    "move",
    "moving",
    "returned",
    "return",
    "returning",
    "travelled",
    "traveled",
    "flew",
    "fly",
    "went",
    "go",
    "going",
    "came",
    "come",
    "headed",
    "heading",
    "drove",
    "relocated",
    "fled",
    "sailed",
    "trip",
    "journey",
    "visit",
    "deported",
    "evacuated",
    "switching",
    "switched",
    "relocating",
    "emigrated",
    "commuted",
    "commuting",
    "driving",
    "walked",
];
/// Nouns after a place's name that make it a disease's: "West Nile virus".
const DISEASE_NOUNS: &[&str] = &["virus", "fever", "disease", "flu", "syndrome"];
/// Words that, before a known place, name a part of it: "Upper Egypt", "Eastern Africa".
const COMPASS_ADJECTIVES: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Northeastern",
    "Northwestern",
    "Southeastern",
    "Southwestern",
    "Upper",
    "Lower",
    "Central",
    "Far",
    "Greater",
    "Coastal",
];
/// Words before a name that say it is a place, for a name the gazetteer knows as a whole.
const STRONG_PLACE_CUES: &[&str] = &["in", "near", "outside", "from", "of", "to", "In", "From"];
/// All-caps words that open a line before a dash without naming a place.
const DATELINE_LABELS: &[&str] = &[
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "EXCLUSIVE",
    "WATCH",
    "VIDEO",
    "PHOTOS",
    "PHOTO",
    "OPINION",
    "EDITORIAL",
    "ANALYSIS",
    "LIVE",
    "NOTE",
    "CORRECTION",
    "REVIEW",
    "FILE",
    "WARNING",
    "ALERT",
    "SPONSORED",
    "ADVERTISEMENT",
    "COMMENTARY",
    "INTERVIEW",
    "FEATURE",
    "NEWS",
    "REPORT",
    "TODAY",
];

/// A village the gazetteer knows by this name, or a county named without its "County"
/// ("Wahkiakum" for Wahkiakum County): places only local evidence may vouch for.
pub(super) fn minor_place(s: &str) -> Option<String> {
    if is_all_caps(s) || s.chars().count() < 3 {
        return None;
    }
    let gazetteer = Gazetteer::embedded();
    let village = gazetteer
        .lookup(s)
        .into_iter()
        .find(|m| gazetteer.kind(m.place) == PlaceKind::City);
    if let Some(village) = village {
        let country = gazetteer.name(gazetteer.country_of(village.place)?);
        return Some(format!(
            "\"{s}\" is a village in {country} in the gazetteer"
        ));
    }
    ["County", "Parish"].iter().find_map(|division| {
        let whole = format!("{s} {division}");
        gazetteer
            .is_county(&whole)
            .then(|| format!("\"{whole}\" is a county in the gazetteer"))
    })
}

/// An abbreviation whose stop stays inside a name, also in capitals ("ST. PAUL").
fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word)
        || (word.chars().count() == 1 && is_capitalised(word))
        || (is_all_caps(word)
            && ABBREVIATIONS
                .iter()
                .any(|a| a.len() == word.len() && a.eq_ignore_ascii_case(word)))
}

impl Recognizer<'_> {
    /// Ends the chunk `i..=j` before a capitalised pronoun or article inside it: a name does
    /// not go on into "The" or "He" (a missing stop, or a line that runs into the next).
    fn run_on_end(&self, i: usize, j: usize) -> usize {
        if self.title_case[i] {
            return j;
        }
        (i + 1..=j)
            .find(|&k| {
                RUN_ON_WORDS.contains(&self.word(k))
                    && self.name_word(k - 1)
                    && self.tokens.get(k + 1).is_none_or(|t| {
                        let next = t.text(self.text);
                        t.kind != TokenKind::Word || !is_capitalised(next) || k == j
                    })
            })
            .map_or(j, |k| k - 1)
    }

    /// "DANIELSVILLE - Madison County…", "ST. PAUL -- …", "CHARLESTON, W.Va. -- …": capitals
    /// opening a sentence before a dash name the place the story was filed from.
    fn dateline(&mut self, i: usize, j: usize) -> bool {
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
        let recurs = (0..self.tokens.len())
            .any(|k| (k < i || k > j) && !self.initial[k] && self.word(k) == self.word(i));
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
            // A state or country abbreviation, then the dash: "CHARLESTON, W.Va. --".
            let dash = (k + 1..=k + 5).find(|&d| is_dash(self.word(d)) || self.word(d) == "(");
            let Some(dash) = dash else {
                return false;
            };
            if (k + 1..dash).any(|t| self.tokens.get(t).is_some_and(|t| t.line_start)) {
                return false;
            }
            k = dash;
        } else if self.word(k) == "(" {
            // "NEW YORK (AP) —": the agency between the place and the dash.
            k = (k + 1..=k + 4)
                .find(|&d| self.word(d) == ")")
                .map_or(k, |close| close + 1);
        }
        let dash = is_dash(self.word(k)) || self.word(k) == "(";
        if !(dash && self.tokens.get(k).is_some_and(|t| !t.line_start)) {
            return false;
        }
        self.push(
            i,
            j,
            EntityType::Loc,
            Strength::Strong,
            "capitals before a dash open a dateline".into(),
        );
        true
    }

    /// "Harare Mayor", "U.S. Trade Representative", "California Democrats": a known place
    /// before a title with no name after it, or before a group, is a place and a role or a
    /// group. Pushes the place (and the group).
    fn place_before_role_or_group(&mut self, first: usize, j: usize) -> bool {
        // "The U.S. Trade Representative": a sentence's article is no part of the place.
        let i = (first..j)
            .find(|&k| !self.lex.stopwords.contains(self.word(k)))
            .unwrap_or(j);
        let Some((k, place_why)) = (i..j)
            .rev()
            .find_map(|k| match self.known(self.words(i, k)) {
                Some((EntityType::Loc, why)) => Some((k, why)),
                _ => None,
            })
        else {
            return self.place_before_member(i, j);
        };
        // "Northern Irish": a compass word is no place alone.
        if k == i && NEVER_ALONE.contains(&self.word(i)) {
            return false;
        }
        // "San Fernando City Councilwoman", "Huntsville Fire Chief": the body's word between
        // the place and the title.
        let body = matches!(
            self.word(k + 1),
            "City" | "Town" | "County" | "Police" | "Fire"
        );
        let title_start = if body && k + 1 < j { k + 2 } else { k + 1 };
        let role = self.is_title_run(title_start, j)
            && (title_start..=j).any(|t| self.lex.is_core_title(self.word(t)));
        // "Huntsville Fire Chief Jane Roe": the body's title, then the person.
        let titled_person = body && self.title_then_name(title_start, j).is_some();
        let group = match self.known(self.words(k + 1, j)) {
            Some((EntityType::Norp, why)) => Some(why),
            _ => None,
        };
        // "Kentucky State Troopers", "Ohio Fish & Wildlife Officers": the men and women of a
        // place's service are no organisation's name, so the place stands as one. ("Rangers"
        // is left out: "Texas Rangers" is a team.)
        let crew = k < j && (SERVICE_CREWS.contains(&self.word(j)) || self.crew_joined_after(j));
        if !role && !titled_person && group.is_none() && !crew {
            return self.place_before_member(i, j);
        }
        self.push(i, k, EntityType::Loc, Strength::Strong, place_why);
        if let Some(why) = group {
            self.push(k + 1, j, EntityType::Norp, Strength::Strong, why);
        } else if titled_person {
            self.classify(title_start, j);
        }
        true
    }

    /// "Kentucky Fish & Wildlife Officers": a service named by two joined words ends its crew's
    /// noun in the next chunk, within a few words after "&" or "and".
    fn crew_joined_after(&self, j: usize) -> bool {
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
    fn place_before_member(&mut self, i: usize, j: usize) -> bool {
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
        self.push(i, j - 1, EntityType::Loc, Strength::Strong, why);
        self.push(j, j, EntityType::Norp, Strength::Strong, group);
        true
    }

    /// "St. Michael's Hospital", "St. Patrick's Day": a saint's name with its possessive
    /// before another capitalised word opens the name of a church, school or feast, not a
    /// place.
    fn saint_in_a_name(&self, a: usize, j: usize) -> bool {
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

    /// "Ms. Hill": a surname that is also a place's head word ("Hill", "Park") after an
    /// honorific is a person's. (After a first name it is not: "Darby Street", "Beverly
    /// Hills".) The name's first token.
    fn person_named_like_place(&self, i: usize, j: usize) -> Option<usize> {
        let last = self.word(j);
        if !(self.lex.place_words.contains(last) && self.lex.surnames.contains(last)) {
            return None;
        }
        let honorific = matches!(self.word(i), "Mr" | "Mrs" | "Ms" | "Miss" | "Dr")
            && self.word(i + 1) == "."
            && j == i + 2;
        honorific.then_some(i + 2)
    }

    /// "Dayton Mayor Jane Roe", "Millheim Police Chief John Doe": a town's office before the
    /// officer's name says the town is one, even a village or a town named like a person. The
    /// place's last token (before a body's word such as "Police") and why.
    fn place_before_local_title(
        &self,
        a: usize,
        last: usize,
        title: usize,
    ) -> Option<(usize, String)> {
        const LOCAL_TITLES: &[&str] = &[
            "Mayor",
            "Sheriff",
            "Chief",
            "Councilman",
            "Councilwoman",
            "Councillor",
            "Alderman",
            "Supervisor",
            "Commissioner",
            "Superintendent",
            "Marshal",
            "Constable",
            "Coroner",
            "Clerk",
            "Treasurer",
            "Assessor",
        ];
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
        Some((last, format!("{why}, before \"{}\"", self.word(title))))
    }

    /// "U.S. District Judge Jane Roe", "Chief Wahkiakum Circuit Judge", "Ogden
    /// Commonwealth's Attorney": a court's word between a place and "Judge" or "Attorney"
    /// belongs to the title. Pushes the place, then types the title and the name after it.
    fn place_before_court_title(&mut self, i: usize, j: usize) -> bool {
        const COURT_WORDS: &[&str] = &[
            "Circuit",
            "District",
            "Superior",
            "Criminal",
            "Probate",
            "Municipal",
            "Family",
            "Chancery",
            "Juvenile",
            "Commonwealth",
        ];
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
                    .then(|| format!("\"{}\" names a county", self.word(court - 1)))
            }),
        };
        let Some(why) = why else {
            return false;
        };
        self.push(start, court - 1, EntityType::Loc, Strength::Strong, why);
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
    fn place_before_title(&self, i: usize, j: usize) -> Option<usize> {
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

    /// A name whose neighbours say it is a place: "Dayton, Ohio." before a state's
    /// abbreviation ("Cambridge City, Ind."), "the 400 block of Broadway", and a person's home
    /// after "of" ("Jane Roe of Gaston", "formerly of Augusta").
    fn place_by_neighbours(&self, a: usize, j: usize) -> Option<(Strength, String)> {
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
                let why = format!("a state's abbreviation \"{abbreviation}\" follows");
                return Some((Strength::Strong, why));
            }
        }
        // "12 N. Elm Street, Millheim", "Highway 9, Cathlamet": the town of an address.
        let speaks = SPEECH_VERBS.contains(&self.word(j + 1));
        if before == "," && a >= 2 && self.ends_address(a - 2) && !speaks {
            if let Some(why) = self.local_place(self.words(a, j)) {
                return Some((Strength::Strong, format!("an address's town: {why}")));
            }
        }
        // "in Sharm El Sheikh", "near Rosh Pina": people are rarely "in" or "near" anyone, and
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
            return Some((Strength::Weak, format!("\"{before}\" precedes")));
        }
        // "two miles east of Brandon", "just south of Perham".
        if before == "of" && COMPASS_POINTS.contains(&before2) {
            return Some((Strength::Strong, format!("\"{before2} of\" precedes")));
        }
        // "moved back to Columbus", "flew to Lima": a journey's end.
        let before3 = a.checked_sub(3).map(|b| self.word(b)).unwrap_or("");
        if before == "to"
            && (MOTION_VERBS.contains(&before2)
                || before2 == "back" && MOTION_VERBS.contains(&before3))
        {
            return Some((Strength::Weak, format!("\"{before2} to\" precedes")));
        }
        // "Alan, 79, from Barton,": where a person of that age comes from.
        let aged = a >= 3
            && self.word(a - 2) == ","
            && self
                .tokens
                .get(a - 3)
                .is_some_and(|t| t.kind == TokenKind::Number);
        if before == "from" && aged {
            return Some((Strength::Strong, "\"from\" after a person's age".into()));
        }
        // "Mr Wiles, from Cherry Hinton, said": where the person named before the comma lives,
        // though its words may also be a person's name.
        let after_person_comma = a >= 3
            && self.word(a - 2) == ","
            && self.out.last().is_some_and(|r| {
                r.label == EntityType::Person
                    && self
                        .tokens
                        .get(a - 3)
                        .is_some_and(|t| t.span.end == r.span.end)
            });
        if before == "from" && after_person_comma && !self.has_keyword(a, j) {
            return Some((Strength::Strong, "\"from\" after a person's name".into()));
        }
        // "drove northeast to Pibor", "near to Biezun": a direction or nearness before "to".
        if before == "to" && (COMPASS_POINTS.contains(&before2) || before2 == "near") {
            return Some((Strength::Weak, format!("\"{before2} to\" precedes")));
        }
        if before == "of" && before2 == "block" {
            return Some((Strength::Strong, "\"block of\" precedes".into()));
        }
        if before == "of" && !self.is_title_run(a, j) && !self.has_keyword(a, j) {
            let after_person = self.out.last().is_some_and(|r| {
                r.label == EntityType::Person
                    && a >= 2
                    && self
                        .tokens
                        .get(a - 2)
                        .is_some_and(|t| t.span.end == r.span.end)
            });
            let home = after_person || matches!(before2, "formerly" | "originally");
            // An affiliation ("Jane Roe of Acme") reads the same: only a known place is a home.
            if let Some(why) = home.then(|| self.local_place(self.words(a, j))).flatten() {
                return Some((
                    Strength::Weak,
                    format!("\"of\" after a person's name: {why}"),
                ));
            }
        }
        None
    }

    /// Token `k` ends a street address: a road found by its form, or a street's name after a
    /// house number ("12 N. Elm Street").
    fn ends_address(&self, k: usize) -> bool {
        if self.road_ends.get(k).copied().unwrap_or(false) {
            return true;
        }
        let street = matches!(
            self.word(k),
            "Street" | "Avenue" | "Road" | "Boulevard" | "Drive" | "Lane" | "Way" | "Parkway"
        );
        let numbered = (k.saturating_sub(5)..k).any(|n| {
            self.tokens
                .get(n)
                .is_some_and(|t| t.kind == TokenKind::Number)
        });
        street && numbered
    }

    /// "Ann Arbor", "East Lansing", "Glen Allen": a name of two or more words that the
    /// gazetteer knows as a whole is a place, although its first word is also a first name,
    /// unless it ends in a surname and nothing around it says place.
    fn multiword_place(&self, a: usize, j: usize) -> Option<(Strength, String)> {
        if j == a || j - a > 3 {
            return None;
        }
        let s = self.words(a, j);
        // "West Nile virus", "Rift Valley fever": a disease named after a place, here and
        // wherever the article shortens it ("West Nile cases").
        self.multiword_place_by_form(a, j).filter(|_| {
            !DISEASE_NOUNS
                .iter()
                .any(|noun| self.text.contains(&format!("{s} {noun}")))
        })
    }

    /// "Northeast Georgia", "Far North Queensland": a sector named by two compass points, or a
    /// far one, before a state or country is no name of its own (local news tags only the
    /// state), while "Northern Kenya" or "Northwest Territories" stay whole.
    fn sector_before_region(&self, i: usize, j: usize) -> Option<usize> {
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

    /// "CHECK YOUR TICKETS NEW JERSEY": a run of capitals that ends in a known place's name.
    fn shouted_place_at_end(&self, i: usize, j: usize) -> Option<usize> {
        if j == i || !is_all_caps(self.words(i, j)) {
            return None;
        }
        (i + 1..=j).find(|&k| {
            let name = self.words(k, j);
            name.chars().count() > 3 && self.lex.places.contains(&title_cased_words(name))
        })
    }

    fn push_sector_region(&mut self, k: usize, j: usize) {
        let why = format!(
            "\"{}\" is a country or province after a sector of it",
            self.words(k, j)
        );
        self.push(k, j, EntityType::Loc, Strength::Strong, why);
    }

    fn multiword_place_by_form(&self, a: usize, j: usize) -> Option<(Strength, String)> {
        let s = self.words(a, j);
        // "Upper Egypt", "Southern Europe", "Northern Kenya": a compass word before a country,
        // region or continent.
        if COMPASS_ADJECTIVES.contains(&self.word(a)) {
            let rest = self.words(a + 1, j);
            if let Some((EntityType::Loc, why)) = self.known(rest) {
                return Some((Strength::Strong, format!("a part of a place: {why}")));
            }
        }
        if self.has_keyword(a, j) || (a..=j).any(|k| self.lex.is_title_word(self.word(k))) {
            return None;
        }
        // "W. Columbia", "S. Jersey": an abbreviated compass point before a known place.
        let compass_initial = j >= a + 2
            && self.word(a).len() == 1
            && COMPASS_WORDS.contains(&self.word(a))
            && self.word(a + 1) == ".";
        if compass_initial {
            let rest = self.words(a + 2, j);
            let why = self.gazetteer_place(rest, false)?;
            return Some((
                Strength::Strong,
                format!("a compass point before a place: {why}"),
            ));
        }
        let why = self.gazetteer_place(s, false)?;
        let before = a.checked_sub(1).map(|b| self.word(b)).unwrap_or("");
        let after = self.word(j + 1);
        let cue = STRONG_PLACE_CUES.contains(&before)
            || COMPASS_WORDS.contains(&self.word(a))
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
}

/// How many words of four letters or more the tokens hold, and how many of those are capitalised:
/// short words ("of", "in") are lower case even in a headline.
fn long_words_capitalised(text: &str, tokens: &[Token]) -> (usize, usize) {
    let long = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .filter(|w| w.chars().count() >= 4);
    long.fold((0, 0), |(all, capitalised), w| {
        (all + 1, capitalised + usize::from(is_capitalised(w)))
    })
}

/// A word in capitals as it is written in a sentence: "MOSCOW" as "Moscow".
fn title_cased(w: &str) -> String {
    let mut cs = w.chars();
    cs.next()
        .map(|c| c.to_string() + &cs.as_str().to_lowercase())
        .unwrap_or_default()
}

/// Each space-separated word of `s` title-cased: "NEW JERSEY" → "New Jersey".
fn title_cased_words(s: &str) -> String {
    s.split(' ').map(title_cased).collect::<Vec<_>>().join(" ")
}

/// Marks the tokens of lines written in title case or capitals, where a capital is no evidence.
fn title_case_lines(text: &str, tokens: &[Token]) -> Vec<bool> {
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
