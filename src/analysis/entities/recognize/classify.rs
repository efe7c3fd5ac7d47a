//! Types a chunk of capitalised words: the rules of [`CLASSIFY_RULES`], tried in order until one
//! decides, then the words around the name ([`super::context`]).
//!
//! The first rules read the chunk as found. `leading-function-words` and the rules after it
//! peel words off the front of the chunk (a sentence's "The", a nationality before a title)
//! and read the name from where it then starts.

use super::headline::title_cased;
use super::words::{
    COMPASS_ADJECTIVES, COMPASS_PLACE_OPENERS, GROUP_NOUN_STOPWORDS, NEVER_ALONE, PARTICLES,
    PLACE_PREFIXES, ROMANCE_ARTICLES, SPEECH_VERBS,
};
use super::{Recognizer, Strength};
use crate::analysis::entities::evidence::Evidence;
use crate::analysis::entities::tokens::{is_all_caps, is_capitalised, TokenKind};
use crate::analysis::entities::EntityType;
use crate::analysis::rules::RuleId;
use crate::analysis::text::{lowercase, with_lowercase};

/// The chunk `i..=j` being typed. The name proper starts at `a` once the words before it are
/// peeled off; `role_start` is where a nationality or body before a title began, which the
/// person's role then includes ("Iranian President").
pub(super) struct Chunk {
    i: usize,
    j: usize,
    a: usize,
    role_start: Option<usize>,
}

/// A rule that may type the chunk: true when it decided (pushed its mentions, or found that
/// the chunk names nothing), false to let the next rule try.
type ClassifyRule = fn(&mut Recognizer, &mut Chunk) -> bool;

/// The order in which a chunk's rules are tried: the first that decides wins. A rule may
/// appear twice where it is tried again on the chunk once words are peeled off.
pub(super) const CLASSIFY_RULES: &[(RuleId, ClassifyRule)] = &[
    (RuleId::PartyAndHome, party_and_home),
    (RuleId::SaintPossessiveInName, saint_possessive_in_name),
    (RuleId::StateAbbreviation, state_abbreviation),
    (RuleId::PlaceWithComma, place_with_comma),
    (RuleId::CommonAbbreviation, common_abbreviation),
    (RuleId::UnionAsTerritory, union_as_territory),
    (RuleId::KnownName, known_name),
    (RuleId::HyphenatedPlaces, hyphenated_places),
    (RuleId::HyphenatedCounties, hyphenated_counties),
    (RuleId::DatelineCapitals, dateline_capitals),
    (RuleId::SectorBeforeRegion, sector_before_region),
    (RuleId::ShoutedPlaceAtEnd, shouted_place_at_end),
    (RuleId::PlaceBeforeCourtTitle, place_before_court_title),
    (RuleId::PlaceBeforeTitle, place_before_title),
    (RuleId::PlaceBeforeRoleOrGroup, place_before_role_or_group),
    (
        RuleId::HonorificSurnameLikePlace,
        honorific_surname_like_place,
    ),
    (RuleId::LeadingFunctionWords, leading_function_words),
    (RuleId::GovernmentOfPlace, government_of_place),
    (RuleId::SectorBeforeRegion, sector_after_function_words),
    (
        RuleId::SentenceOpenerBeforeName,
        sentence_opener_before_name,
    ),
    (
        RuleId::OpeningModifierBeforePlace,
        opening_modifier_before_place,
    ),
    (RuleId::RoleNounOpensSentence, role_noun_opens_sentence),
    (RuleId::GroupOrPlaceBeforeTitle, group_or_place_before_title),
    (RuleId::TitleInsideName, title_inside_name),
    (RuleId::NameAfterPortfolio, name_after_portfolio),
    (RuleId::TitleBeforeName, title_before_name),
    (RuleId::TitleAlone, title_alone),
    (RuleId::KnownNameAfterPeeling, known_name_after_peeling),
    (RuleId::PersonAfterBodyName, person_after_body_name),
    (RuleId::PlaceAfterPlaceOrGroup, place_after_place_or_group),
    (RuleId::SurnameBeforeAge, surname_before_age),
    (RuleId::HeadWord, head_word),
    (RuleId::PlaceHeadInside, place_head_inside),
    (RuleId::RoleNounBeforeName, role_noun_before_name),
    (RuleId::RoleIntroducesName, role_introduces_name),
    (RuleId::NamedAs, named_as),
    (RuleId::AgeAfterName, age_after_name),
    (RuleId::RoleInApposition, role_in_apposition),
    (RuleId::SyllabicGivenName, syllabic_given_name),
    (RuleId::ResidenceAfterName, residence_after_name),
    (RuleId::PlacePrefix, place_prefix),
    (RuleId::PlaceByNeighbours, place_by_neighbours),
    (RuleId::MultiwordPlace, multiword_place),
    (RuleId::RomanceArticle, romance_article),
    (RuleId::FirstName, first_name),
    (RuleId::InitialOpensName, initial_opens_name),
    (RuleId::SurnameEndsName, surname_ends_name),
];

impl Recognizer<'_> {
    /// Types the chunk `i..=j` by the first rule of [`CLASSIFY_RULES`] that decides, or else
    /// by the words around its name.
    pub(super) fn classify(&mut self, i: usize, j: usize) {
        let mut chunk = Chunk {
            i,
            j,
            a: i,
            role_start: None,
        };
        for &(rule, apply) in CLASSIFY_RULES {
            if self.rules.enabled(rule) && apply(self, &mut chunk) {
                return;
            }
        }
        self.by_context(chunk.a, chunk.j);
    }
}

fn party_and_home(r: &mut Recognizer, c: &mut Chunk) -> bool {
    r.party_and_home(c.i, c.j)
}

fn saint_possessive_in_name(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let fired = r.saint_in_a_name(c.i, c.j);
    if fired {
        r.record(RuleId::SaintPossessiveInName, c.i, c.j);
    }
    fired
}

fn state_abbreviation(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (i, j) = (c.i, c.j);
    if !(r.word(j + 1) == "." && r.tokens.get(j + 1).is_some_and(|t| t.attached)) {
        return false;
    }
    let dotted = r.words(i, j + 1);
    if dotted.len() <= 7 && r.lex.places.contains(dotted) {
        let why = Evidence::AbbreviatedState(dotted.to_string());
        r.push(
            RuleId::StateAbbreviation,
            i,
            j + 1,
            EntityType::Loc,
            Strength::Strong,
            why,
        );
        return true;
    }
    // "Two Mich. utilities": an abbreviated state ends a run of capitals.
    let last = r.words(j, j + 1);
    if j > i && last.len() <= 6 && r.lex.places.contains(last) {
        r.classify(i, j - 1);
        let why = Evidence::AbbreviatedState(last.to_string());
        r.push(
            RuleId::StateAbbreviation,
            j,
            j + 1,
            EntityType::Loc,
            Strength::Strong,
            why,
        );
        return true;
    }
    false
}

fn place_with_comma(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (i, j) = (c.i, c.j);
    if r.word(j + 1) != "," {
        return false;
    }
    let with_comma = (j + 2..=j + 5)
        .rev()
        .find(|&end| r.lex.places.contains(r.words(i, end)));
    let Some(end) = with_comma else {
        return false;
    };
    let why = Evidence::KnownPlace(r.words(i, end).to_string());
    r.push(
        RuleId::PlaceWithComma,
        i,
        end,
        EntityType::Loc,
        Strength::Strong,
        why,
    );
    true
}

fn common_abbreviation(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (i, j) = (c.i, c.j);
    let whole = r.words(i, j);
    let Some(kind) = r.lex.common_acronyms.get(whole) else {
        return false;
    };
    let label = match kind {
        "MISC" => EntityType::Misc,
        "NORP" => EntityType::Norp,
        _ => {
            r.record(RuleId::CommonAbbreviation, i, j);
            return true;
        }
    };
    let why = Evidence::CommonAbbreviation(whole.to_string());
    r.push(
        RuleId::CommonAbbreviation,
        i,
        j,
        label,
        Strength::Strong,
        why,
    );
    true
}

fn union_as_territory(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let Some(why) = r.union_as_territory(c.i, c.j) else {
        return false;
    };
    r.push(
        RuleId::UnionAsTerritory,
        c.i,
        c.j,
        EntityType::Loc,
        Strength::Strong,
        why,
    );
    true
}

fn known_name(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (i, j) = (c.i, c.j);
    let whole = r.words(i, j);
    let Some((label, why)) = r.known(whole) else {
        return false;
    };
    // A place that is also a personal name yields to a person of that name elsewhere.
    // Only a country keeps its type against a person ("Chad"); a province or district
    // that shares a personal name ("Paul") does not.
    let personal =
        i == j && label == EntityType::Loc && r.is_personal_name(whole) && !r.is_country(whole);
    // A language's name may also be a surname ("Violeta Chamorro … Chamorro"): the
    // person, if the article names one, takes it.
    let language =
        label == EntityType::Norp && !r.lex.is_group(whole) && r.major_language(whole).is_some();
    // "her daughter, Savannah": a person noun in apposition outweighs a region's name.
    if personal {
        if let Some(why) = r.role_before_list(i).or_else(|| r.named_as(i)) {
            r.push_person(RuleId::KnownName, i, j, why, None);
            return true;
        }
    }
    let strength = if personal || language {
        Strength::Weak
    } else {
        Strength::Strong
    };
    r.push(RuleId::KnownName, i, j, label, strength, why);
    true
}

fn hyphenated_places(r: &mut Recognizer, c: &mut Chunk) -> bool {
    // After an opening "The": "The China-Russia talks".
    let h = (c.i..=c.j)
        .find(|&k| !r.lex.stopwords.contains(r.word(k)))
        .unwrap_or(c.i);
    r.word(h).contains('-') && r.hyphenated_places(h, c.j)
}

fn hyphenated_counties(r: &mut Recognizer, c: &mut Chunk) -> bool {
    c.j == c.i + 1 && r.hyphenated_counties(c.i, c.j)
}

fn dateline_capitals(r: &mut Recognizer, c: &mut Chunk) -> bool {
    r.dateline(c.i, c.j)
}

fn sector_before_region(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let Some(k) = r.sector_before_region(c.i, c.j) else {
        return false;
    };
    r.push_sector_region(k, c.j);
    true
}

fn shouted_place_at_end(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let Some(k) = r.shouted_place_at_end(c.i, c.j) else {
        return false;
    };
    let why = Evidence::ShoutedPlace(r.words(k, c.j).to_string());
    r.push(
        RuleId::ShoutedPlaceAtEnd,
        k,
        c.j,
        EntityType::Loc,
        Strength::Strong,
        why,
    );
    true
}

fn place_before_court_title(r: &mut Recognizer, c: &mut Chunk) -> bool {
    r.place_before_court_title(c.i, c.j)
}

fn place_before_title(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let Some(k) = r.place_before_title(c.i, c.j) else {
        return false;
    };
    let why = Evidence::DivisionBeforeTitle(r.word(k).to_string());
    r.push(
        RuleId::PlaceBeforeTitle,
        c.i,
        k,
        EntityType::Loc,
        Strength::Strong,
        why,
    );
    r.classify(k + 1, c.j);
    true
}

fn place_before_role_or_group(r: &mut Recognizer, c: &mut Chunk) -> bool {
    r.place_before_role_or_group(c.i, c.j)
}

fn honorific_surname_like_place(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let Some(first) = r.person_named_like_place(c.i, c.j) else {
        return false;
    };
    let why = Evidence::PersonNamedLikePlace(r.word(c.j).to_string());
    r.push_person(RuleId::HonorificSurnameLikePlace, first, c.j, why, None);
    true
}

/// Function words that open a sentence or a headline, also in capitals as a tabloid's first
/// word is ("AN Edmonton man"). Decides the chunk when nothing else is left of it.
fn leading_function_words(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (i, j) = (c.i, c.j);
    let shouted_stopword = |k: usize| {
        let w = r.word(k);
        k == i
            && r.initial[k]
            && w.len() > 1
            && is_all_caps(w)
            && r.lex.stopwords.contains(&title_cased(w))
            && r.known_type(w).is_none()
    };
    // "People Harvest Party": the group noun opens a body's name that a head word ends.
    let opens_body = |k: usize| {
        k < j
            && GROUP_NOUN_STOPWORDS.contains(&r.word(k))
            && r.rules.enabled(RuleId::GroupNounInName)
            && matches!(r.by_head_word(k + 1, j), Some((EntityType::Org, _)))
    };
    let mut a = c.a;
    while a <= j && (r.lex.stopwords.contains(r.word(a)) || shouted_stopword(a)) {
        if opens_body(a) {
            r.record(RuleId::GroupNounInName, a, j);
            break;
        }
        a += 1;
        while a <= j && !r.name_word(a) {
            a += 1;
        }
    }
    if a > c.a {
        r.record(RuleId::LeadingFunctionWords, c.a, a - 1);
    }
    c.a = a;
    a > j
}

/// "Government of Malawi" (joined in `chunk_end`), "Malawi Government", "Malawian Government":
/// a country's or a people's government. Only a nationality opens it, not a faith or a party.
fn government_of_place(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    if j <= a {
        return false;
    }
    let of_place = r.word(a) == "Government"
        && r.word(a + 1) == "of"
        && r.known_type(r.words(a + 1, j)).is_none();
    let owner = r.words(a, j - 1);
    let owned = r.word(j) == "Government"
        && match r.known_type(owner) {
            Some(EntityType::Loc) => true,
            Some(EntityType::Norp) => a + 1 == j && r.lex.demonyms.contains(owner),
            _ => false,
        };
    if !(of_place || owned) {
        return false;
    }
    let why = Evidence::HeadWord {
        word: "Government".to_string(),
        ends: owned,
        what: "a government".to_string(),
    };
    r.push(
        RuleId::GovernmentOfPlace,
        a,
        j,
        EntityType::Org,
        Strength::Strong,
        why,
    );
    true
}

fn sector_after_function_words(r: &mut Recognizer, c: &mut Chunk) -> bool {
    if c.a == c.i {
        return false;
    }
    let Some(k) = r.sector_before_region(c.a, c.j) else {
        return false;
    };
    r.push_sector_region(k, c.j);
    true
}

/// A capitalised first word of a sentence before a full name: "Remember Laura Fenwick?" A
/// first word that could itself open the name stays: a surname (written first in many
/// languages), or an unknown word before a single name ("Nurlan Tabor" is one person).
fn sentence_opener_before_name(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    let opener = a == c.i
        && r.initial[a]
        && j > a + 1
        && r.lex.given_names.contains(r.word(a + 1))
        && !PARTICLES.contains(&&*lowercase(r.word(a + 1)))
        && !r.lex.given_names.contains(r.word(a))
        && !r.lex.surnames.contains(r.word(a))
        && r.known_type(r.word(a)).is_none()
        && !r.lex.is_title_word(r.word(a))
        && !r.has_keyword(a, j);
    if opener {
        r.record(RuleId::SentenceOpenerBeforeName, a, a);
        c.a += 1;
    }
    false
}

/// A participle or an adjective that opens a sentence, before a known place: "Neighbouring
/// Chad has…", "Mountainous Nepal…" (while "Northern Kenya" is one name, and "Vibrant
/// Gujarat" or "Invest Otago" may name an event or a body).
fn opening_modifier_before_place(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    if !(a == c.i && r.initial[a] && j > a) {
        return false;
    }
    let w = r.word(a);
    let modifier = ["ing", "ous", "ed", "ful", "less"]
        .iter()
        .any(|end| w.len() > end.len() + 2 && w.ends_with(end));
    let plain = modifier
        && !(NEVER_ALONE.contains(&w)
            || COMPASS_PLACE_OPENERS.contains(&w)
            || COMPASS_ADJECTIVES.contains(&w)
            || PLACE_PREFIXES.contains(&w)
            || r.lex.is_title_word(w)
            || r.is_head_word(w)
            || r.is_personal_name(w)
            || is_all_caps(w)
            || r.known_type(w).is_some()
            || r.gazetteer_place(w, false).is_some());
    if plain && r.known_type(r.words(a + 1, j)) == Some(EntityType::Loc) {
        r.record(RuleId::OpeningModifierBeforePlace, a, a);
        c.a += 1;
    }
    false
}

/// A role noun that opens a sentence, before a name: "Midfielder Kwon Tae-sung", "Brothers
/// Lin Wei-ming and …".
fn role_noun_opens_sentence(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    if !(a == c.i && r.initial[a] && j > a && j - a <= 4 && !r.lex.is_title_word(r.word(a))) {
        return false;
    }
    let lower = r.word(a).to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    let role = r.lex.role_nouns.contains(&lower) || r.lex.role_nouns.contains(singular);
    let rest = r.words(a + 1, j);
    if role
        && !r.has_keyword(a + 1, j)
        && r.known_type(rest).is_none()
        && !r.has_common_word(a + 1, j)
        && !is_all_caps(rest)
    {
        let why = Evidence::Precedes(r.word(a).to_string());
        r.push_person(RuleId::RoleNounOpensSentence, a + 1, j, why, Some(lower));
        return true;
    }
    false
}

/// Nationalities, and places or bodies before a title: "Iranian President", "U.S. President",
/// "DPW Chief Commissioner". Pushes each and peels it off.
fn group_or_place_before_title(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let j = c.j;
    while c.a < j {
        let a = c.a;
        let Some(k) = (a..j)
            .rev()
            .find(|&k| r.known_type(r.words(a, k)).is_some())
        else {
            break;
        };
        let Some((label, why)) = r.known(r.words(a, k)) else {
            break;
        };
        let title_follows = r.title_then_name(k + 1, j).is_some();
        // "the president of Paraguay Daniel Ferrando": a place or body, then a full name.
        // "Chester Alan Roe": a place named like a person opens that person's name.
        let personal_place =
            k == a && r.lex.given_names.contains(r.word(a)) && !r.is_country(r.word(a));
        let name_follows = label != EntityType::Norp
            && !personal_place
            && j > k + 1
            && j - k <= 4
            && r.lex.given_names.contains(r.word(k + 1))
            && !r.has_keyword(k + 1, j);
        // "Christian Dorne" is a name, but "a Catholic Chief Minister" a group and a title.
        let group_before_name = label == EntityType::Norp
            && !r.has_keyword(k + 1, j)
            && (!(k == a && r.lex.given_names.contains(r.word(a))) || r.is_title_run(k + 1, j));
        if !(title_follows || group_before_name || name_follows) {
            break;
        }
        r.push(
            RuleId::GroupOrPlaceBeforeTitle,
            a,
            k,
            label,
            Strength::Strong,
            why,
        );
        c.role_start = (label == EntityType::Norp).then_some(a);
        c.a = k + 1;
    }
    false
}

/// A title inside the name splits it: "National Fisheries Service Director Cho".
fn title_inside_name(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    let Some(t) =
        (a + 1..j).find(|&t| r.lex.is_core_title(r.word(t)) && r.title_then_name(t, j).is_some())
    else {
        return false;
    };
    let start = (a..t)
        .rev()
        .take_while(|&k| r.lex.is_title_word(r.word(k)))
        .last()
        .unwrap_or(t);
    if start <= a {
        return false;
    }
    r.record(RuleId::TitleInsideName, a, j);
    let left_end = (a..start).rev().find(|&k| r.name_word(k)).unwrap_or(a);
    let local = if r.rules.enabled(RuleId::PlaceBeforeLocalTitle) {
        r.place_before_local_title(a, left_end, t)
    } else {
        None
    };
    if let Some((end, why)) = local {
        r.push(
            RuleId::PlaceBeforeLocalTitle,
            a,
            end,
            EntityType::Loc,
            Strength::Strong,
            why,
        );
    } else {
        r.classify(a, left_end);
    }
    r.classify(start, j);
    true
}

/// "Minister of Forests and Inland Fisheries Anna Berg": the end of a portfolio runs into
/// the minister's name.
fn name_after_portfolio(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    if !(a == c.i && matches!(r.word(a.wrapping_sub(1)), "of" | "for" | "and" | "the")) {
        return false;
    }
    let name_start = (a + 1..=(a + 3).min(j)).find(|&k| {
        r.lex.given_names.contains(r.word(k))
            && !r.lex.is_group(r.word(k))
            && j > k
            && j - k <= 3
            && !r.has_keyword(a, k - 1)
            && (a..k).all(|p| {
                let w = r.word(p);
                !r.is_personal_name(w)
                    && (r.lex.is_title_word(w)
                        || r.is_head_word(w)
                        || with_lowercase(w, |lower| r.lowercase_words.contains(lower)))
            })
    });
    let Some(k) = name_start else {
        return false;
    };
    if r.has_keyword(k, j) || r.known_type(r.words(k, j)).is_some() {
        return false;
    }
    let why = Evidence::FirstNameAfterPortfolio(r.word(k).to_string());
    r.push_person(RuleId::NameAfterPortfolio, k, j, why, None);
    true
}

fn title_before_name(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    let Some(name) = r.title_then_name(a, j) else {
        return false;
    };
    let core = (a..name)
        .rev()
        .find(|&k| r.lex.is_title_word(r.word(k)))
        .unwrap_or(a);
    let role = r.words(c.role_start.unwrap_or(a), core).to_string();
    let title = r.words(a, core).to_string();
    let why = Evidence::Title(title);
    r.push_person(RuleId::TitleBeforeName, name, j, why, Some(role));
    true
}

fn title_alone(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let fired = r.is_title_run(c.a, c.j) && !r.has_keyword(c.a, c.j);
    if fired {
        r.record(RuleId::TitleAlone, c.a, c.j);
    }
    fired
}

fn known_name_after_peeling(r: &mut Recognizer, c: &mut Chunk) -> bool {
    if c.a == c.i {
        return false;
    }
    let Some((label, why)) = r.known(r.words(c.a, c.j)) else {
        return false;
    };
    r.push(
        RuleId::KnownNameAfterPeeling,
        c.a,
        c.j,
        label,
        Strength::Strong,
        why,
    );
    true
}

/// "Global Water Forum Pavel Novak", "Cabinet Omar Haddad": a body's name, then the full name
/// of the person speaking for it.
fn person_after_body_name(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    let Some(h) = (a..j.saturating_sub(1)).rev().find(|&h| {
        r.is_head_word(r.word(h))
            && (2..=3).contains(&(j - h))
            && r.lex.given_names.contains(r.word(h + 1))
            && !r.lex.is_group(r.word(h + 1))
            && !r.has_keyword(h + 1, j)
            && !r.has_common_word(h + 1, j)
    }) else {
        return false;
    };
    r.classify(a, h);
    let why = Evidence::FirstNameAfterBody(r.word(h + 1).to_string());
    r.push_person(RuleId::PersonAfterBodyName, h + 1, j, why, None);
    true
}

fn place_after_place_or_group(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let Some(k) = r.place_after_place_or_group(c.a, c.j) else {
        return false;
    };
    r.record(RuleId::PlaceAfterPlaceOrGroup, c.a, c.j);
    r.classify(c.a, k);
    r.classify(k + 1, c.j);
    true
}

/// "Jane Hill, 24,": a surname that is also a head word ("Hill", "Park") before an age.
fn surname_before_age(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    let aged_person = a == c.i
        && j > a
        && j - a <= 3
        && r.lex.surnames.contains(r.word(j))
        && !r.has_keyword(a, j - 1)
        && r.known_type(r.words(a, j - 1)).is_none();
    let Some(why) = r.age_after(j).filter(|_| aged_person) else {
        return false;
    };
    r.push_person(RuleId::SurnameBeforeAge, a, j, why, None);
    true
}

fn head_word(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    let Some((label, why)) = r.by_head_word(a, j) else {
        return false;
    };
    if label == EntityType::Org && r.rules.enabled(RuleId::BuildingByUse) {
        if let Some(why) = r.building_by_use(a, j) {
            r.push(
                RuleId::BuildingByUse,
                a,
                j,
                EntityType::Loc,
                Strength::Strong,
                why,
            );
            return true;
        }
    }
    if label == EntityType::Loc
        && r.rules.enabled(RuleId::AirportNamedForTown)
        && r.airport_named_for_town(a, j)
    {
        r.push(
            RuleId::AirportNamedForTown,
            a,
            j,
            EntityType::Org,
            Strength::Strong,
            why,
        );
        return true;
    }
    r.push(RuleId::HeadWord, a, j, label, Strength::Strong, why);
    true
}

/// "Tyler County EMS" is neither a person named Tyler nor a place: only the rest of the
/// article may type it.
fn place_head_inside(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    if r.place_head_inside(a, j).is_none() && !r.lettered_division(a, j) {
        return false;
    }
    let why = Evidence::Nothing;
    r.push(
        RuleId::PlaceHeadInside,
        a,
        j,
        EntityType::Misc,
        Strength::Unknown,
        why,
    );
    true
}

/// "the eldest son Dh 900": a currency before an amount, not a name.
fn amount_follows(r: &Recognizer, j: usize) -> bool {
    r.tokens
        .get(j + 1)
        .is_some_and(|t| t.kind == TokenKind::Number)
}

fn role_noun_before_name(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    let before = r.word_before(a);
    let fired = a == c.i
        && j - a <= 3
        && r.lex.role_nouns.contains(before)
        && r.adjacent(a - 1)
        && !is_all_caps(r.words(a, j))
        && !r.has_common_word(a, j)
        && !amount_follows(r, j);
    if !fired {
        return false;
    }
    let why = Evidence::Precedes(before.to_string());
    let role = Some(before.to_string());
    r.push_person(RuleId::RoleNounBeforeName, a, j, why, role);
    true
}

/// A short name, in mixed case, of words the article never writes in lower case: what the
/// words around it say about a person may make it one.
fn may_be_introduced(r: &Recognizer, c: &Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    let s = r.words(a, j);
    a == c.i
        && j - a <= 3
        && s.chars().count() > 1
        && !amount_follows(r, j)
        && !is_all_caps(s)
        && !r.has_common_word(a, j)
        && !r.lex.is_group(r.word(j))
}

fn introduced_person(
    r: &mut Recognizer,
    c: &Chunk,
    rule: RuleId,
    why: impl FnOnce(&Recognizer) -> Option<Evidence>,
) -> bool {
    // The words around the name are read first: they rarely introduce one, and the shape
    // checks ask the word lists about every word of it.
    let Some(why) = why(r) else {
        return false;
    };
    if !may_be_introduced(r, c) {
        return false;
    }
    r.push_person(rule, c.a, c.j, why, None);
    true
}

fn role_introduces_name(r: &mut Recognizer, c: &mut Chunk) -> bool {
    introduced_person(r, c, RuleId::RoleIntroducesName, |r| {
        r.role_before_list(c.a)
    })
}

fn named_as(r: &mut Recognizer, c: &mut Chunk) -> bool {
    introduced_person(r, c, RuleId::NamedAs, |r| r.named_as(c.a))
}

fn age_after_name(r: &mut Recognizer, c: &mut Chunk) -> bool {
    introduced_person(r, c, RuleId::AgeAfterName, |r| r.age_after(c.j))
}

fn role_in_apposition(r: &mut Recognizer, c: &mut Chunk) -> bool {
    introduced_person(r, c, RuleId::RoleInApposition, |r| {
        r.role_in_apposition(c.a, c.j)
    })
}

fn syllabic_given_name(r: &mut Recognizer, c: &mut Chunk) -> bool {
    introduced_person(r, c, RuleId::SyllabicGivenName, |r| {
        r.syllabic_given_name(c.a, c.j)
    })
}

/// "Jane Roe, 43, of Dayton", "Jane Roe, of Glen Allen": where the person lives.
fn residence_after_name(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let a = c.a;
    let residence = a == c.i
        && r.word_before(a) == "of"
        && a >= 3
        && r.word(a - 2) == ","
        && r.tokens
            .get(a - 3)
            .is_some_and(|t| t.kind == TokenKind::Number || is_capitalised(t.text(r.text)));
    if !residence {
        return false;
    }
    let why = Evidence::OfAfterPerson;
    r.push(
        RuleId::ResidenceAfterName,
        a,
        c.j,
        EntityType::Loc,
        Strength::Weak,
        why,
    );
    true
}

fn place_prefix(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    let first = r.word(a);
    if !(j > a && PLACE_PREFIXES.contains(&first)) {
        return false;
    }
    let why = Evidence::BeginsPlaceName(first.to_string());
    r.push(
        RuleId::PlacePrefix,
        a,
        j,
        EntityType::Loc,
        Strength::Strong,
        why,
    );
    true
}

fn place_by_neighbours(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let Some((strength, why)) = r.place_by_neighbours(c.a, c.j) else {
        return false;
    };
    r.push(
        RuleId::PlaceByNeighbours,
        c.a,
        c.j,
        EntityType::Loc,
        strength,
        why,
    );
    true
}

fn multiword_place(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let Some((strength, why)) = r.multiword_place(c.a, c.j) else {
        return false;
    };
    r.push(
        RuleId::MultiwordPlace,
        c.a,
        c.j,
        EntityType::Loc,
        strength,
        why,
    );
    true
}

/// "La Prensa", "El Espectador": a Romance article opens the name of a newspaper, a party or a
/// club, not a person's ("Le Duc Tho" goes on with a personal name).
fn romance_article(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    let first = r.word(a);
    let fired = j > a
        && ROMANCE_ARTICLES.contains(&first)
        && !r.is_personal_name(r.word(a + 1))
        && !r.has_common_word(a + 1, j);
    if !fired {
        return false;
    }
    let why = Evidence::OpensName(first.to_string());
    r.by_context_or(RuleId::RomanceArticle, a, j, EntityType::Org, why);
    true
}

/// Two to five words with no common word among the last, and no article before: the shape of
/// a person's name, if its words say so.
fn shaped_like_a_person(r: &Recognizer, c: &Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    // "the Lal Maidan", "the Hindu Kush": an article does not open a person's name.
    let after_article = matches!(r.word_before(a), "the" | "The");
    j > a && j - a <= 4 && !r.has_common_word(a + 1, j) && !after_article
}

/// "Regina Holt": a first name that is also a place still opens a name that ends in a
/// surname. "Muslim" is a first name, but before a name it is a group.
fn first_name(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (first, last) = (r.word(c.a), r.word(c.j));
    let personal_first = r.lex.given_names.contains(first)
        && !r.lex.is_group(first)
        && (!r.lex.places.contains(first)
            || (r.lex.surnames.contains(last) && !r.lex.places.contains(last)));
    if !(shaped_like_a_person(r, c) && personal_first) {
        return false;
    }
    let why = Evidence::FirstName(first.to_string());
    r.push_person(RuleId::FirstName, c.a, c.j, why, None);
    true
}

fn initial_opens_name(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let first = r.word(c.a);
    if !(shaped_like_a_person(r, c) && first.chars().count() == 1 && is_capitalised(first)) {
        return false;
    }
    let why = Evidence::Initial;
    r.push_person(RuleId::InitialOpensName, c.a, c.j, why, None);
    true
}

/// A surname also ends the names of halls, days and bodies ("the Lower House", "Sharm El
/// Sheikh"): alone it types a name only if the article says more. It is the weakest evidence
/// there is: the words around the name ("said …", "in …") decide first, though not the
/// gazetteer's knowledge of the name itself, which the surname outweighs.
fn surname_ends_name(r: &mut Recognizer, c: &mut Chunk) -> bool {
    let (a, j) = (c.a, c.j);
    let (first, last) = (r.word(a), r.word(j));
    let fired = shaped_like_a_person(r, c)
        && r.lex.surnames.contains(last)
        && !r.lex.places.contains(last)
        && !r.initial[a]
        && !COMPASS_PLACE_OPENERS.contains(&first)
        // With no first name, a place's name opening it ("Brookdale Sunoco West") or a compass
        // point ending it ("Tarvin West") makes the name a place's or a business's.
        && ((a..=j).any(|k| r.lex.given_names.contains(r.word(k)))
            || (r.gazetteer_place(first, false).is_none()
                && !matches!(last, "North" | "South" | "East" | "West")));
    if !fired {
        return false;
    }
    let after = r.word(j + 1);
    let why = Evidence::Surname(last.to_string());
    if SPEECH_VERBS.contains(&after) || (after == "," && r.word(j + 2) == "who") {
        let rule = RuleId::SurnameEndsName;
        r.push(rule, a, j, EntityType::Person, Strength::Weak, why);
        return true;
    }
    let before = r.out.len();
    r.by_context_but(a, j, Some(RuleId::GazetteerPlace));
    let unknown = r
        .out
        .get_mut(before)
        .filter(|m| m.strength == Strength::Unknown);
    if let Some(mention) = unknown {
        mention.label = EntityType::Person;
        mention.evidence = why;
        r.record(RuleId::SurnameEndsName, a, j);
    }
    true
}
