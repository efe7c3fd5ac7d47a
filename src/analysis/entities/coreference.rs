//! Document-level typing and grouping: the whole article decides what weakly typed mentions are
//! and which mentions name the same thing.
//!
//! A mention typed only by its neighbours, or not at all, takes the type of a strongly typed one
//! with the same words ("Khatami" after "Mohammad Khatami"); an acronym joins the organisation
//! whose initials it spells. Mentions then group into entities: a person's later surname joins
//! the full name, and everything else groups by its normalised words.
//!
//! Look-around: a mention's neighbouring mentions, and maps keyed by a name's words (surnames,
//! initials, names before "County") built in one pass over the mentions.

use crate::analysis::fnv::{FnvMap, FnvSet};
use crate::analysis::stable_sort;
use crate::analysis::text::{runs_of, with_lowercase};
use std::fmt::Write as _;

use super::evidence::{Evidence, Where};
use super::lexicons::Lexicons;
use super::recognize::{Raw, Strength};
use super::{Entity, EntityType, Mention};
use crate::analysis::gazetteer::Gazetteer;
use crate::analysis::rules::{RuleHit, RuleId, RuleSet};
use crate::analysis::{Resources, Span};

/// Where a mention stands, for explanations ("in paragraph 2") and for salience.
pub struct Places<'a> {
    pub paragraphs: &'a [Span],
    pub title: Option<Span>,
}

impl Places<'_> {
    fn describe(&self, at: usize) -> Where {
        if self.title.is_some_and(|t| t.start <= at && at < t.end) {
            return Where::Headline;
        }
        match self
            .paragraphs
            .iter()
            .position(|p| p.start <= at && at < p.end)
        {
            Some(i) => Where::Paragraph(i + 1),
            None => Where::Article,
        }
    }

    /// The same name as `strong`, written earlier or later in the article.
    fn same_as(&self, text: &str, strong: &Raw) -> Evidence {
        Evidence::SameAs {
            name: strong.span.slice(text).to_string(),
            at: self.describe(strong.span.start),
        }
    }

    /// More weight in the headline and the first paragraph, where the subject is named.
    fn weight(&self, at: usize) -> f64 {
        let mut weight = 1.0;
        if self.title.is_some_and(|t| t.start <= at && at < t.end) {
            weight += 1.0;
        }
        if self
            .paragraphs
            .first()
            .is_some_and(|p| p.start <= at && at < p.end)
        {
            weight += 0.5;
        }
        weight
    }
}

fn normalise(s: &str) -> String {
    let s = s.trim();
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s);
    if s.is_ascii() {
        return normalise_ascii(s);
    }
    // One string built for every mention: the words joined, the apostrophe made plain, then
    // lowered whole (lowering by characters would miss the Greek final sigma).
    let mut joined = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        if word.contains('’') {
            joined.extend(word.chars().map(|c| if c == '’' { '\'' } else { c }));
        } else {
            joined.push_str(word);
        }
    }
    if joined.is_ascii() {
        joined.make_ascii_lowercase();
        joined
    } else {
        joined.to_lowercase()
    }
}

/// [`normalise`]'s words joined and lowered, for a name in ASCII: one pass over its bytes.
fn normalise_ascii(s: &str) -> String {
    let mut joined = String::with_capacity(s.len());
    let mut gap = false;
    for b in s.bytes() {
        // `char::is_whitespace` in ASCII, which `split_whitespace` splits at.
        if matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') {
            gap = true;
            continue;
        }
        if gap && !joined.is_empty() {
            joined.push(' ');
        }
        gap = false;
        joined.push(char::from(b.to_ascii_lowercase()));
    }
    joined
}

fn name_words(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty())
        .collect()
}

/// A mention's [`name_words`] where they are read, for a person or an organisation; none for
/// other mentions, which need not be split.
fn words_read(label: EntityType, surface: &str) -> Vec<&str> {
    match label {
        EntityType::Person | EntityType::Org => name_words(surface),
        _ => Vec::new(),
    }
}

/// Initials of the capitalised words: "Agency for the Restoration of Inland Waterways" →
/// "ARIW"; every suffix of the words too, so that a prefix like "UN" may be left out.
fn initials(name: &str) -> Vec<String> {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    (0..words.len())
        .map(|from| {
            words[from..]
                .iter()
                .filter_map(|w| w.chars().next())
                .collect()
        })
        .filter(|s: &String| s.chars().count() >= 2)
        .collect()
}

/// What the strongly typed mentions of an article say about other words, indexed so that
/// settling every mention stays linear in their number.
#[derive(Default)]
struct StrongMentions<'r> {
    /// Normalised surface → the first strong mention with it.
    by_surface: FnvMap<String, &'r Raw>,
    /// A word of a person's multi-word name → that mention (the longest name wins).
    person_word: FnvMap<&'r str, &'r Raw>,
    /// Initials of a strong organisation's name → that mention.
    org_initials: FnvMap<String, &'r Raw>,
}

impl<'r> StrongMentions<'r> {
    fn new(text: &'r str, raws: &'r [Raw]) -> StrongMentions<'r> {
        let mut evidence = StrongMentions::default();
        for raw in raws {
            let surface = raw.span.slice(text);
            let words = words_read(raw.label, surface);
            if raw.label == EntityType::Person && raw.strength >= Strength::Weak && words.len() > 1
            {
                for word in &words {
                    let longer = evidence
                        .person_word
                        .get(word)
                        .is_none_or(|p| p.span.len() < raw.span.len());
                    if longer {
                        evidence.person_word.insert(word, raw);
                    }
                }
            }
            if raw.strength != Strength::Strong {
                continue;
            }
            evidence.by_surface.entry(normalise(surface)).or_insert(raw);
            if raw.label == EntityType::Org && words.len() > 1 {
                for i in initials(surface) {
                    evidence.org_initials.entry(i).or_insert(raw);
                }
            }
        }
        evidence
    }

    /// The person whose longer name holds every word of `surface` ("Khatami" → "Mohammad
    /// Khatami").
    fn person(&self, text: &str, raw: &Raw) -> Option<&'r Raw> {
        let surface = raw.span.slice(text);
        let words = name_words(surface);
        if words.iter().any(|w| w.chars().all(|c| !c.is_lowercase())) {
            return None;
        }
        let candidate = self.person_word.get(words.first()?)?;
        let full = name_words(candidate.span.slice(text));
        (candidate.span != raw.span
            && full.len() > words.len()
            && words.iter().all(|w| full.contains(w)))
        .then_some(*candidate)
    }
}

/// The article's words: those it writes in lower case (a capitalised word also written so is a
/// common word, "Year", "Art"), and all of them.
struct Vocabulary<'t> {
    lower: FnvSet<&'t str>,
    all: FnvSet<&'t str>,
}

impl<'t> Vocabulary<'t> {
    fn new(text: &'t str) -> Vocabulary<'t> {
        // Sized for an article's words up front: growing the sets rehashed them repeatedly. Not
        // beyond an article's distinct words, though: a megabyte of one word repeated would
        // clear and page in a table of a hundred thousand slots for a handful.
        let words = (text.len() / 6).min(1 << 12);
        let mut lower = FnvSet::with_capacity_and_hasher(words, Default::default());
        let mut all = FnvSet::with_capacity_and_hasher(words, Default::default());
        for word in runs_of(text, |c| c.is_alphanumeric() || c == '-').map(|w| w.slice(text)) {
            if word.chars().next().is_some_and(char::is_lowercase) {
                lower.insert(word);
            }
            // Only a capitalised name's singular is looked up here (`is_proper`).
            all.extend(
                word.split('-')
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase)),
            );
        }
        Vocabulary { lower, all }
    }

    /// A capitalised name that is not a common word of the article ("Odinga", not "Year"), nor
    /// the plural of another of its names ("Polaroids" beside "Polaroid").
    fn is_proper(&self, word: &str) -> bool {
        let plural_of_name = || {
            word.strip_suffix('s')
                .is_some_and(|one| one.len() > 2 && self.all.contains(one))
        };
        is_name_word(word)
            && !with_lowercase(word, |lower| self.lower.contains(lower))
            && !plural_of_name()
    }
}

/// The text before `at` ends a sentence or a line, where any word is capitalised.
fn starts_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '"', '“', '”', '‘', '’', '\'', '(']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':'])
}

/// The word before `at` is an article or a determiner.
fn after_article(text: &str, at: usize) -> bool {
    text[..at].split_whitespace().next_back().is_some_and(|w| {
        matches!(
            w,
            "the"
                | "The"
                | "a"
                | "A"
                | "an"
                | "An"
                | "this"
                | "its"
                | "their"
                | "our"
                | "his"
                | "her"
        )
    })
}

fn is_personal(lex: &Lexicons, word: &str) -> bool {
    lex.given_names.contains(word) || lex.surnames.contains(word)
}

/// Words that may stand in a person's name in lower case ("Karim bin Nasser").
fn is_name_word(word: &str) -> bool {
    let capitalised = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && !word.chars().any(|c| c.is_ascii_digit());
    capitalised
        || matches!(
            word,
            "al" | "bin"
                | "ibn"
                | "bint"
                | "de"
                | "da"
                | "van"
                | "von"
                | "der"
                | "del"
                | "di"
                | "dos"
                | "la"
                | "le"
                | "ben"
                | "abu"
        )
}

/// "East Side Burger Barn": a place's head word inside a name, neither first nor last, makes it a
/// shop's or a body's name called after the place, whatever person shares its last word.
fn place_head_inside(lex: &Lexicons, words: &[&str]) -> bool {
    words.len() > 2
        && words[1..words.len() - 1]
            .iter()
            .any(|w| lex.place_words.contains(w))
}

/// An unknown name the article later shortens to one of its words is a person's: "Wamuyu Keraro …
/// Keraro", or with the surname first, "Xi Jinping … Xi". Places and organisations are seldom
/// shortened to their last word, and a first word stands alone for a person only when it is a
/// short surname, as East Asian surnames written first are ("Campbell Soup" is no person).
fn people_by_repetition(
    lex: &Lexicons,
    text: &str,
    raws: &mut [Raw],
    vocabulary: &Vocabulary,
    hits: &mut Vec<RuleHit>,
) {
    let mut alone: FnvMap<&str, Vec<usize>> = FnvMap::default();
    for r in raws.iter().filter(|r| {
        r.strength == Strength::Unknown
            || (r.label == EntityType::Person && r.strength == Strength::Weak)
    }) {
        let s = r.span.slice(text);
        if !s.contains(' ') && vocabulary.is_proper(s) && !lex.stopwords.contains(s) {
            alone.entry(s).or_default().push(r.span.start);
        }
    }
    // "Vesna Kodak … Kodak": a person's name before a thing's; "Drum Festival Ghana": a
    // place's name inside a longer one.
    let typed_words: FnvSet<&str> = raws
        .iter()
        .filter(|r| r.strength == Strength::Strong)
        .flat_map(|r| {
            let surface = r.span.slice(text);
            let words: Vec<&str> = if r.label == EntityType::Person {
                surface.split(' ').collect()
            } else {
                vec![surface]
            };
            words
        })
        .collect();
    for raw in raws.iter_mut() {
        if raw.strength != Strength::Unknown || raw.in_title_case {
            continue;
        }
        let surface = raw.span.slice(text);
        let words: Vec<&str> = surface.split(' ').collect();
        let at_sentence_start = starts_sentence(text, raw.span.start);
        if words
            .iter()
            .any(|w| typed_words.contains(w) || lex.is_title_word(w) || lex.places.contains(w))
            || (at_sentence_start && !is_personal(lex, words[0]))
        {
            continue;
        }
        if !(2..=4).contains(&words.len()) || !words.iter().all(|w| vocabulary.is_proper(w)) {
            continue;
        }
        if place_head_inside(lex, &words) {
            continue;
        }
        let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
            continue;
        };
        // "Campbell's Soup" writes the whole name with a possessive; it does not shorten it.
        let shortened = |word: &str| {
            alone.get(word).is_some_and(|starts| {
                // "the Libertadores", "a Voice": a thing's name takes an article; a person's
                // rarely does.
                let bare = starts
                    .iter()
                    .filter(|&&at| !after_article(text, at))
                    .count();
                // "Revenue Minister": a portfolio before a title, not a surname.
                let titled = |at: usize| {
                    text[at + word.len()..]
                        .split_whitespace()
                        .next()
                        .is_some_and(|next| lex.is_title_word(next))
                };
                bare * 2 > starts.len()
                    && starts.iter().any(|&at| {
                        if titled(at) {
                            return false;
                        }
                        let before = text[..at].trim_end();
                        let owner = before
                            .strip_suffix("'s")
                            .or_else(|| before.strip_suffix("’s"));
                        !owner.is_some_and(|o| words.iter().any(|w| *w != word && o.ends_with(w)))
                    })
            })
        };
        let short = if shortened(last) {
            last
        } else if shortened(first) && first.chars().count() <= 6 && lex.surnames.contains(first) {
            first
        } else {
            continue;
        };
        raw.label = EntityType::Person;
        raw.strength = Strength::Strong;
        raw.evidence = Evidence::CalledLater(short.to_string());
        hits.push(RuleHit {
            rule: RuleId::PersonByRepetition,
            span: raw.span,
        });
    }
}

/// An unknown name listed with a person is a person: "Maria Lopez, Nehrudev and Patelkar",
/// "Keraro and Olakau". Repeats until the list is typed, since a list is typed from one end.
fn people_by_coordination(
    lex: &Lexicons,
    text: &str,
    raws: &mut [Raw],
    vocabulary: &Vocabulary,
    hits: &mut Vec<RuleHit>,
) {
    let listed = |gap: &str| matches!(gap, ", " | " and " | ", and " | " & " | " or ");
    for _ in 0..4 {
        let mut changed = false;
        for k in 0..raws.len() {
            let raw = &raws[k];
            if raw.strength != Strength::Unknown || raw.in_title_case {
                continue;
            }
            let surface = raw.span.slice(text);
            let proper = surface.split(' ').all(|w| vocabulary.is_proper(w));
            if !proper || surface.split(' ').count() > 4 {
                continue;
            }
            let (start, end) = (raw.span.start, raw.span.end);
            // "Tom Poe of the Ardmore Herald and …": a complement, not a list member.
            let complement = text[..start]
                .split_whitespace()
                .next_back()
                .is_some_and(|w| {
                    matches!(
                        w,
                        "of" | "at" | "from" | "for" | "in" | "with" | "by" | "to" | "on"
                    )
                });
            // "Nadia Farouk, Chair of the House": a title in apposition, not a second person.
            let next = text[end..].split_whitespace().next().unwrap_or("");
            let titled = surface.split([' ', '-']).any(|w| lex.is_title_word(w))
                || next == "of"
                || lex.is_title_word(next)
                || lex.role_nouns.contains(next);
            if complement || titled || after_article(text, start) {
                continue;
            }
            let before = raws[..k].iter().rev().find(|r| r.span.end <= start);
            let after = raws[k + 1..].iter().find(|r| r.span.start >= end);
            let person = |r: &Raw| r.label == EntityType::Person && r.strength == Strength::Strong;
            // A comma alone may also set off an affiliation ("Jane Roe, Acme"): the name
            // counts as listed only if a list goes on past it, or "and" joins it.
            let gap_before = before.and_then(|r| text.get(r.span.end..start));
            let gap_after = after.and_then(|r| text.get(end..r.span.start));
            let comma_before = gap_before == Some(", ");
            let comma_after = gap_after == Some(", ");
            let continues_after = text[end..].starts_with(", ")
                || text[end..].starts_with(" and ")
                || text[end..].starts_with(" & ");
            let joined_before =
                gap_before.is_some_and(listed) && (!comma_before || continues_after);
            let joined_after = gap_after.is_some_and(listed) && !comma_after;
            let with = before
                .filter(|r| person(r) && joined_before)
                .or_else(|| after.filter(|r| person(r) && joined_after))
                .map(|r| r.span.slice(text).to_string());
            if let Some(with) = with {
                let raw = &mut raws[k];
                raw.label = EntityType::Person;
                raw.strength = Strength::Strong;
                raw.evidence = Evidence::ListedWithPerson(with);
                hits.push(RuleHit {
                    rule: RuleId::PersonByCoordination,
                    span: raw.span,
                });
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// The one to three words the article writes before "County" or "Parish", each with that word:
/// found in one pass, so that looking a name up stays cheap however long the article.
fn divided_names(text: &str) -> FnvMap<&str, &str> {
    let mut names = FnvMap::default();
    for division in ["County", "Parish"] {
        for (at, _) in text.match_indices(&format!(" {division}")) {
            let mut start = at;
            for _ in 0..3 {
                // Whitespace may be wider than a byte (a no-break space, U+0085).
                let Some((space, white)) = text[..start]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                else {
                    names.entry(&text[..at]).or_insert(division);
                    break;
                };
                start = space;
                names
                    .entry(&text[space + white.len_utf8()..at])
                    .or_insert(division);
            }
        }
    }
    names
}

/// Whether an unknown name may be a place on local evidence alone ([`local_place`],
/// [`place_among_places`]): at most three words, each a proper name of the article.
fn is_short_proper_name(surface: &str, vocabulary: &Vocabulary) -> bool {
    surface.split(' ').count() <= 3 && surface.split(' ').all(|w| vocabulary.is_proper(w))
}

/// Local evidence that an unknown name is a place: the article writes it with "County" too
/// ("Tehama … Tehama County"), or lists it with a place and the gazetteer knows a place of that
/// name, a village included ("Ephrata and Brodhead", "between Ogden and Millheim").
fn local_place(
    gazetteer: &Gazetteer,
    text: &str,
    raws: &[Raw],
    k: usize,
    divided: &FnvMap<&str, &str>,
    rules: &RuleSet,
) -> Option<(RuleId, Evidence)> {
    let raw = raws.get(k)?;
    let surface = raw.span.slice(text);
    if let Some(division) = divided
        .get(surface)
        .filter(|_| rules.enabled(RuleId::ShortForCounty))
    {
        let why = Evidence::ShortForDivision(format!("{surface} {division}"));
        return Some((RuleId::ShortForCounty, why));
    }
    if !rules.enabled(RuleId::ListedWithPlace) {
        return None;
    }
    let (start, end) = (raw.span.start, raw.span.end);
    let place = |r: &&Raw| r.label == EntityType::Loc && r.strength >= Strength::Weak;
    let before = raws[..k].iter().rev().find(|r| r.span.end <= start);
    let after = raws[k + 1..].iter().find(|r| r.span.start >= end);
    let listed = |gap: Option<&str>| matches!(gap, Some(" and " | ", and " | " or " | ", "));
    // A comma alone may set off where a person is from ("Jane Roe, Dayton"): it lists only
    // if the list goes on.
    let continues = text[end..].starts_with(", ") || text[end..].starts_with(" and ");
    let gap_before = before.and_then(|r| text.get(r.span.end..start));
    let gap_after = after.and_then(|r| text.get(end..r.span.start));
    let with = before
        .filter(place)
        .filter(|_| listed(gap_before) && (gap_before != Some(", ") || continues))
        .or_else(|| {
            after
                .filter(place)
                .filter(|_| listed(gap_after) && gap_after != Some(", "))
        })?;
    let known = super::recognize::minor_place(gazetteer, surface)?;
    let why = Evidence::ListedWithPlace {
        place: with.span.slice(text).to_string(),
        known: Box::new(known),
    };
    Some((RuleId::ListedWithPlace, why))
}

/// An unknown name in a list of two or more other places is a place, whether or not the
/// gazetteer knows it: "Copenhagen, Hamburg, Zelvoric and Mannheim". The list must close with
/// "and" or "or", and only its last member follows one: "Galion, Ohio, Tibby's trainer" is a
/// town and its state, and "New York, and Denver, Velmar Kossin" a closed list before a name.
fn place_among_places(text: &str, raws: &[Raw], k: usize) -> Option<Evidence> {
    let raw = raws.get(k)?;
    let closing = |gap: &str| matches!(gap, " and " | ", and " | " or " | ", or ");
    let listed = |gap: &str| gap == ", " || closing(gap);
    let place = |r: &Raw| r.label == EntityType::Loc && r.strength >= Strength::Weak;
    let mut members = Vec::new();
    let mut closed = false;
    let mut start = raw.span.start;
    for r in raws[..k]
        .iter()
        .rev()
        .filter(|r| r.span.end <= raw.span.start)
    {
        let gap = text.get(r.span.end..start).unwrap_or("");
        if !(place(r) && listed(gap)) || (closing(gap) && start != raw.span.start) {
            break;
        }
        closed |= closing(gap);
        members.push(r.span.slice(text));
        start = r.span.start;
    }
    let mut end = raw.span.end;
    for r in raws[k + 1..]
        .iter()
        .filter(|r| r.span.start >= raw.span.end)
    {
        let gap = text.get(end..r.span.start).unwrap_or("");
        if closed || !(place(r) && listed(gap)) {
            break;
        }
        closed |= closing(gap);
        members.push(r.span.slice(text));
        end = r.span.end;
    }
    // "Pibrot and Zalny": the list may close on another unknown name.
    let rest = &text[end..];
    closed |= [" and ", ", and ", " or ", ", or "]
        .iter()
        .any(|gap| rest.starts_with(gap));
    let [one, other, ..] = members[..] else {
        return None;
    };
    closed.then(|| Evidence::ListedWithPlaces(one.to_string(), other.to_string()))
}

/// Types the weak and unknown mentions from the strong ones; drops what stays unknown.
/// `raws` must be sorted by start.
pub fn settle(
    resources: Resources,
    text: &str,
    mut raws: Vec<Raw>,
    places: &Places,
    rules: &RuleSet,
    hits: &mut Vec<RuleHit>,
) -> Vec<Raw> {
    let lex = resources.lexicons;
    let gazetteer = resources.gazetteer;
    let vocabulary = Vocabulary::new(text);
    if rules.enabled(RuleId::PersonByRepetition) {
        people_by_repetition(lex, text, &mut raws, &vocabulary, hits);
    }
    if rules.enabled(RuleId::PersonByCoordination) {
        people_by_coordination(lex, text, &mut raws, &vocabulary, hits);
    }
    let by_last_word = rules.enabled(RuleId::PersonByLastWord);
    // An unknown name whose last word is a person elsewhere ("Wamuyu Keraro" before "Keraro
    // said") is that person: promote it first, so that it can type the rest.
    let person_words: FnvSet<&str> = raws
        .iter()
        .filter(|r| r.label == EntityType::Person && r.strength >= Strength::Weak)
        .map(|r| r.span.slice(text))
        .filter(|s| !s.contains(' '))
        .collect();
    let raws: Vec<Raw> = raws
        .into_iter()
        .map(|mut r| {
            // Only an unknown name's words are read.
            if !(by_last_word && r.strength == Strength::Unknown && !r.in_title_case) {
                return r;
            }
            let words = name_words(r.span.slice(text));
            let last = words.last().copied().unwrap_or("");
            if (2..=4).contains(&words.len())
                && person_words.contains(last)
                && !place_head_inside(lex, &words)
            {
                r.label = EntityType::Person;
                r.strength = Strength::Strong;
                r.evidence = Evidence::PersonLater(last.to_string());
                hits.push(RuleHit {
                    rule: RuleId::PersonByLastWord,
                    span: r.span,
                });
            }
            r
        })
        .collect();
    let strong = StrongMentions::new(text, &raws);
    // A town's one-word name that its neighbours made a place somewhere, and a person nowhere,
    // is that place where nothing is said of it ("in Marion" … "Marion has land").
    // (Longer names are more often a team's or a school's: "Grand Valley coach".)
    // Only unknown names read the weak places, and the first of a key is the one kept: the
    // gazetteer is asked only when that can matter.
    let any_unknown = raws.iter().any(|r| r.strength == Strength::Unknown)
        && rules.enabled(RuleId::PlaceElsewhere);
    let mut weak_places: FnvMap<String, &Raw> = FnvMap::default();
    let mut personal: FnvSet<String> = FnvSet::default();
    for raw in raws.iter().filter(|r| r.strength >= Strength::Weak) {
        let surface = raw.span.slice(text);
        match raw.label {
            EntityType::Loc if any_unknown => {
                let key = normalise(surface);
                if !key.contains(' ')
                    && !weak_places.contains_key(&key)
                    && super::recognize::minor_place(gazetteer, surface).is_some()
                {
                    weak_places.insert(key, raw);
                }
            }
            EntityType::Person => {
                personal.insert(normalise(surface));
            }
            _ => {}
        }
    }
    let divided = divided_names(text);
    // What is decided for each mention is applied once the evidence, which borrows the
    // mentions, is done with: a mention kept as it is is not copied.
    let mut kept = vec![true; raws.len()];
    let mut retyped: Vec<(usize, EntityType, Strength, Evidence)> = Vec::new();
    let mut last_strong: Option<&Raw> = None;
    for (k, raw) in raws.iter().enumerate() {
        if raw.strength == Strength::Strong {
            last_strong = Some(raw);
            continue;
        }
        let surface = raw.span.slice(text);
        let acronym = surface.chars().all(|c| !c.is_lowercase());
        // "Full Name (ABC)": the acronym takes the type of the name it follows.
        let on = |rule: RuleId| rules.enabled(rule);
        let defined_by = last_strong.filter(|s| {
            on(RuleId::AbbreviationInBrackets)
                && acronym
                && matches!(
                    s.label,
                    EntityType::Person
                        | EntityType::Org
                        | EntityType::Loc
                        | EntityType::Norp
                        | EntityType::Misc
                )
                && text
                    .get(s.span.end..raw.span.start)
                    .is_some_and(|gap| gap.trim() == "(")
                && text
                    .get(raw.span.end..)
                    .and_then(|r| r.strip_prefix(')'))
                    .is_some_and(|r| !opens_with_dash(r))
                && abbreviates(surface, s.span.slice(text))
        });
        let key = normalise(surface);
        let (rule, label, evidence);
        let mut strength = raw.strength;
        if let Some(s) = defined_by {
            rule = RuleId::AbbreviationInBrackets;
            label = s.label;
            evidence = Evidence::AbbreviationFor(s.span.slice(text).to_string());
        } else if let Some(s) = strong
            .by_surface
            .get(&key)
            .filter(|_| on(RuleId::SameWords))
        {
            rule = RuleId::SameWords;
            label = s.label;
            evidence = places.same_as(text, s);
        } else if let Some(s) = strong
            .person(text, raw)
            .filter(|_| on(RuleId::PartOfPersonName))
        {
            rule = RuleId::PartOfPersonName;
            label = EntityType::Person;
            evidence = places.same_as(text, s);
        } else if let Some(s) = strong
            .org_initials
            .get(surface)
            .filter(|_| on(RuleId::OrgInitials))
        {
            rule = RuleId::OrgInitials;
            label = EntityType::Org;
            evidence = Evidence::InitialsOf(s.span.slice(text).to_string());
        } else if let Some(s) = weak_places
            .get(&key)
            .filter(|_| raw.strength == Strength::Unknown && !personal.contains(&key))
        {
            rule = RuleId::PlaceElsewhere;
            label = EntityType::Loc;
            strength = Strength::Weak;
            evidence = places.same_as(text, s);
        } else if let Some((local, why)) = (raw.strength == Strength::Unknown
            && !raw.in_title_case
            && is_short_proper_name(raw.span.slice(text), &vocabulary))
        .then(|| {
            local_place(gazetteer, text, &raws, k, &divided, rules).or_else(|| {
                on(RuleId::PlaceAmongPlaces)
                    .then(|| place_among_places(text, &raws, k))
                    .flatten()
                    .map(|why| (RuleId::PlaceAmongPlaces, why))
            })
        })
        .flatten()
        {
            rule = local;
            label = EntityType::Loc;
            strength = Strength::Weak;
            evidence = why;
        } else {
            kept[k] = raw.strength != Strength::Unknown;
            continue;
        }
        hits.push(RuleHit {
            rule,
            span: raw.span,
        });
        retyped.push((k, label, strength, evidence));
    }
    let mut settled = raws;
    for (k, label, strength, evidence) in retyped {
        let raw = &mut settled[k];
        (raw.label, raw.strength, raw.evidence) = (label, strength, evidence);
    }
    let mut kept = kept.into_iter();
    settled.retain(|_| kept.next().unwrap_or(false));
    stable_sort::sort_by_key(&mut settled, |r| {
        (r.span.start, std::cmp::Reverse(r.span.end))
    });
    settled.dedup_by(|b, a| b.span.start < a.span.end);
    settled
}

/// The acronym could stand for the name: its first letter is the initial of one of the name's
/// words ("SFTO" for "Freedonia-Sylvania Fishing Treaty Office"). Where it is not, the name before the
/// bracket is only the end of a longer phrase the acronym stands for ("… Mission in Freedonia
/// (UNMF)"), and says nothing of its type.
fn abbreviates(acronym: &str, name: &str) -> bool {
    let Some(first) = acronym.chars().find(|c| c.is_alphabetic()) else {
        return false;
    };
    name.split(|c: char| !c.is_alphabetic())
        .filter_map(|word| word.chars().next())
        .any(|initial| initial.to_lowercase().eq(first.to_lowercase()))
}

/// "ARDMORE, Ohio (WXYZ) —": a bracket before a dateline's dash holds the agency or station that
/// filed the story, not an abbreviation of the place.
fn opens_with_dash(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.starts_with(['—', '–', '-'])
}

/// Groups mentions into entities; returns both, cross-referenced by index.
pub fn group(
    text: &str,
    raws: &[Raw],
    places: &Places,
    rules: &RuleSet,
    hits: &mut Vec<RuleHit>,
) -> (Vec<Mention>, Vec<Entity>) {
    let mut mentions = Vec::with_capacity(raws.len());
    let mut entities: Vec<Entity> = Vec::new();
    // Label and normalised name, a word of a person's name, an organisation's initials → entity.
    let mut by_key: FnvMap<(EntityType, String), usize> = FnvMap::default();
    let mut person_word: FnvMap<&str, usize> = FnvMap::default();
    let mut org_initials: FnvMap<String, usize> = FnvMap::default();
    for raw in raws {
        let surface = raw.span.slice(text);
        let key = (raw.label, normalise(surface));
        let words = words_read(raw.label, surface);
        let same_key = by_key.get(&key).copied();
        let joined = same_key.is_none().then(|| match raw.label {
            EntityType::Person if rules.enabled(RuleId::GroupPersonByName) => words
                .first()
                .and_then(|w| person_word.get(*w))
                .copied()
                .filter(|&e| {
                    let full = name_words(&entities[e].name);
                    words.iter().all(|w| full.contains(w)) || full.iter().all(|w| words.contains(w))
                }),
            EntityType::Org if rules.enabled(RuleId::GroupOrgByInitials) => {
                org_initials.get(surface).copied().or_else(|| {
                    initials(surface)
                        .iter()
                        .find_map(|i| by_key.get(&(EntityType::Org, i.to_lowercase())).copied())
                })
            }
            _ => None,
        });
        if let Some(Some(_)) = joined {
            let rule = if raw.label == EntityType::Person {
                RuleId::GroupPersonByName
            } else {
                RuleId::GroupOrgByInitials
            };
            hits.push(RuleHit {
                rule,
                span: raw.span,
            });
        }
        let found = same_key.or(joined.flatten());
        let index = found.unwrap_or_else(|| {
            entities.push(Entity {
                id: entities.len(),
                label: raw.label,
                name: surface.to_string(),
                mentions: Vec::new(),
                roles: Vec::new(),
                salience: 0.0,
            });
            entities.len() - 1
        });
        by_key.entry(key).or_insert(index);
        if raw.label == EntityType::Person {
            for w in &words {
                person_word.entry(w).or_insert(index);
            }
        }
        if raw.label == EntityType::Org && words.len() > 1 {
            for i in initials(surface) {
                org_initials.entry(i).or_insert(index);
            }
        }
        let entity = &mut entities[index];
        let acronym = surface.chars().all(|c| !c.is_lowercase());
        if surface.len() > entity.name.len() && !(raw.label == EntityType::Org && acronym) {
            entity.name = surface.to_string();
        }
        if let Some(role) = &raw.role {
            if !entity.roles.contains(role) {
                entity.roles.push(role.clone());
            }
        }
        entity.mentions.push(mentions.len());
        entity.salience += places.weight(raw.span.start);
        mentions.push(Mention {
            start: raw.span.start,
            end: raw.span.end,
            label: raw.label,
            entity: index,
            explanation: {
                // Sized for most explanations, which a string grown as written reallocated two
                // or three times.
                let mut explanation = String::with_capacity(64);
                let _ = write!(explanation, "{}", raw.evidence);
                explanation
            },
        });
    }
    (mentions, entities)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ascii_name_normalises_as_any_name_does() {
        for name in [
            "",
            " ",
            "The  Acme\tWorks ",
            "the Board",
            "U.S. Army",
            "\x0bA\x0cB\rC\n",
            "O'Neil  Fund",
            "X",
        ] {
            let s = name.trim();
            let s = s
                .strip_prefix("the ")
                .or_else(|| s.strip_prefix("The "))
                .unwrap_or(s);
            let by_words = s
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            assert_eq!(normalise_ascii(s), by_words, "{name:?}");
            assert_eq!(normalise(name), by_words, "{name:?}");
        }
    }

    #[test]
    fn initials_skip_small_words_and_prefixes() {
        let all = initials("UN Agency for the Restoration of Inland Waterways");
        assert!(all.contains(&"ARIW".to_string()), "{all:?}");
        assert!(initials("World Food Programme").contains(&"WFP".to_string()));
    }
}
