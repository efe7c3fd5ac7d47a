//! Types a name by the words around it, when nothing in the name itself decided: the rules of
//! [`CONTEXT_RULES`], tried in order. The evidence is weak, and the article may overrule it.

use super::words::{
    APPOSED_PLACE_NOUNS, COMPASS_POINTS, DIVISION_NOUNS, LIST_PLACE_NOUNS, LOCAL_NOUNS, ORG_NOUNS,
    PLACE_CUES, PLACE_NOUNS, SPEECH_VERBS,
};
use super::{Recognizer, Strength};
use crate::analysis::entities::evidence::Evidence;
use crate::analysis::entities::tokens::{is_all_caps, is_capitalised, TokenKind};
use crate::analysis::entities::EntityType;
use crate::analysis::rules::RuleId;

/// The name `a..=j` whose neighbours are read.
pub(super) struct Name {
    a: usize,
    j: usize,
    /// One word.
    single: bool,
    /// One short word in capitals.
    acronym: bool,
}

/// A rule that may type the name by its neighbours: true when it pushed a mention.
type ContextRule = fn(&mut Recognizer, &Name) -> bool;

/// The order in which the neighbours of a name are read: the first rule that decides wins.
/// The last two keep a name with no evidence for the article to type.
pub(super) const CONTEXT_RULES: &[(RuleId, ContextRule)] = &[
    (RuleId::OrgNounAfter, org_noun_after),
    (RuleId::CuedLanguage, cued_language),
    (RuleId::CuedPeople, cued_people),
    (RuleId::ListedAfterPlaceNoun, listed_after_place_noun),
    (RuleId::PlaceNounInApposition, place_noun_in_apposition),
    (RuleId::PlaceNounOf, place_noun_of),
    (RuleId::ListNounAfter, list_noun_after),
    (RuleId::LocalNounAfter, local_noun_after),
    (RuleId::ElectoralDistrict, electoral_district),
    (RuleId::DivisionNounAfter, division_noun_after),
    (RuleId::GazetteerPlace, gazetteer_place),
    (RuleId::SpeechVerbAfter, speech_verb_after),
    (RuleId::SpeechVerbBefore, speech_verb_before),
    (RuleId::PlaceBeforeCommaPlace, place_before_comma_place),
    (RuleId::QuarterAfterPossessive, quarter_after_possessive),
    (RuleId::AcronymAfterPlaceCue, acronym_after_place_cue),
    (RuleId::PlaceCueBefore, place_cue_before),
    (RuleId::Acronym, acronym),
    (RuleId::PersonalNameAlone, personal_name_alone),
    (RuleId::UnknownName, unknown_name),
];

impl Recognizer<'_> {
    /// Typed by the words around it, or else weakly as `label` by `rule`.
    pub(super) fn by_context_or(
        &mut self,
        rule: RuleId,
        a: usize,
        j: usize,
        label: EntityType,
        why: Evidence,
    ) {
        let before = self.out.len();
        self.by_context(a, j);
        if let Some(last) = self.out.get_mut(before) {
            if last.strength == Strength::Unknown {
                last.label = label;
                last.strength = Strength::Weak;
                last.evidence = why;
                self.record(rule, a, j);
            }
        }
    }

    /// Typed by the words around it; weak evidence that the document may overrule.
    pub(super) fn by_context(&mut self, a: usize, j: usize) {
        self.by_context_but(a, j, None);
    }

    /// As [`Recognizer::by_context`], without the rule `skip`.
    pub(super) fn by_context_but(&mut self, a: usize, j: usize, skip: Option<RuleId>) {
        let s = self.words(a, j);
        let single = a == j;
        let name = Name {
            a,
            j,
            single,
            acronym: is_all_caps(s)
                && single
                && s.chars().filter(|c| c.is_alphabetic()).count() <= 6,
        };
        for &(rule, apply) in CONTEXT_RULES {
            if Some(rule) != skip && self.rules.enabled(rule) && apply(self, &name) {
                return;
            }
        }
    }
}

/// "Izhorsk plant", "the Kelso shipyard": the site's noun after the name joins it. (Corpora
/// differ on whether the noun belongs to the name; the sample's gold, which must stay whole,
/// includes it.)
fn org_noun_after(r: &mut Recognizer, n: &Name) -> bool {
    let after = r.word(n.j + 1);
    let Some(noun) = ORG_NOUNS
        .iter()
        .find(|noun| **noun == after)
        .filter(|_| r.adjacent(n.j))
    else {
        return false;
    };
    let why = Evidence::FollowsName(noun.to_string());
    r.push(
        RuleId::OrgNounAfter,
        n.a,
        n.j + 1,
        EntityType::Org,
        Strength::Weak,
        why,
    );
    true
}

fn cued_language(r: &mut Recognizer, n: &Name) -> bool {
    let Some(why) = r.cued_language(n.a, n.j) else {
        return false;
    };
    r.push(
        RuleId::CuedLanguage,
        n.a,
        n.j,
        EntityType::Norp,
        Strength::Strong,
        why,
    );
    true
}

fn cued_people(r: &mut Recognizer, n: &Name) -> bool {
    let Some(why) = r.cued_people(n.a, n.j) else {
        return false;
    };
    r.push(
        RuleId::CuedPeople,
        n.a,
        n.j,
        EntityType::Norp,
        Strength::Strong,
        why,
    );
    true
}

/// "the villages of Pibrot and Zalny": plural place nouns introduce a list ("the areas of
/// science" need not).
fn listed_after_place_noun(r: &mut Recognizer, n: &Name) -> bool {
    let a = n.a;
    let (before, before2) = (r.word_before(a), r.word_before(a.wrapping_sub(1)));
    let introduces = |w: &str| LIST_PLACE_NOUNS.contains(&w) && w != "areas";
    let listed_after_noun = before == "and"
        && a >= 4
        && r.word(a - 3) == "of"
        && introduces(r.word(a - 4))
        && r.name_word(a - 2);
    if !(listed_after_noun || (before == "of" && introduces(before2))) {
        return false;
    }
    let noun = if listed_after_noun {
        r.word(a - 4)
    } else {
        before2
    };
    let why = Evidence::Precedes(format!("{noun} of"));
    r.push(
        RuleId::ListedAfterPlaceNoun,
        a,
        n.j,
        EntityType::Loc,
        Strength::Strong,
        why,
    );
    true
}

/// "the Danish island Bornholm", "the capital Kabul": a place noun in apposition.
fn place_noun_in_apposition(r: &mut Recognizer, n: &Name) -> bool {
    let before = r.word_before(n.a);
    let apposed = APPOSED_PLACE_NOUNS.contains(&before)
        && r.adjacent(n.a - 1)
        && !r.is_personal_name(r.words(n.a, n.j));
    if !apposed {
        return false;
    }
    let why = Evidence::Precedes(before.to_string());
    r.push(
        RuleId::PlaceNounInApposition,
        n.a,
        n.j,
        EntityType::Loc,
        Strength::Weak,
        why,
    );
    true
}

fn place_noun_of(r: &mut Recognizer, n: &Name) -> bool {
    let (before, before2) = (r.word_before(n.a), r.word_before(n.a.wrapping_sub(1)));
    if !(before == "of" && PLACE_NOUNS.contains(&before2)) {
        return false;
    }
    let why = Evidence::Precedes(format!("{before2} of"));
    r.push(
        RuleId::PlaceNounOf,
        n.a,
        n.j,
        EntityType::Loc,
        Strength::Strong,
        why,
    );
    true
}

/// "Jackson, Barrow and Madison counties": a list that a plural place noun ends.
fn list_noun_after(r: &mut Recognizer, n: &Name) -> bool {
    let Some(noun) = r.list_noun_after(n.a, n.j) else {
        return false;
    };
    let why = Evidence::ListFollows(noun);
    r.push(
        RuleId::ListNounAfter,
        n.a,
        n.j,
        EntityType::Loc,
        Strength::Strong,
        why,
    );
    true
}

/// "Dayton police", "a Dayton man": a place the gazetteer knows, before a local noun.
fn local_noun_after(r: &mut Recognizer, n: &Name) -> bool {
    let after = r.word(n.j + 1);
    if !(LOCAL_NOUNS.contains(&after) && r.adjacent(n.j)) {
        return false;
    }
    // "Mifflinburg students": a school's name reads the same, so a village needs a noun that
    // only a place takes.
    let place_noun = !matches!(after, "student" | "students");
    let s = r.words(n.a, n.j);
    let why = if place_noun {
        r.local_place(s)
    } else {
        r.gazetteer_place(s, false)
    };
    let Some(why) = why else {
        return false;
    };
    r.push(
        RuleId::LocalNounAfter,
        n.a,
        n.j,
        EntityType::Loc,
        Strength::Weak,
        why,
    );
    true
}

/// "the Thiruvambadi by-election", "the Twickenham parliamentary seat": an electoral district
/// is a place, whatever person's name it shares.
fn electoral_district(r: &mut Recognizer, n: &Name) -> bool {
    let after = r.word(n.j + 1);
    let electoral = matches!(after, "constituency" | "by-election" | "by-elections")
        || (after == "parliamentary"
            && matches!(r.word(n.j + 2), "seat" | "constituency" | "by-election"));
    if !(electoral && r.adjacent(n.j) && !r.has_common_word(n.a, n.j)) {
        return false;
    }
    let why = Evidence::FollowsName(after.to_string());
    r.push(
        RuleId::ElectoralDistrict,
        n.a,
        n.j,
        EntityType::Loc,
        Strength::Weak,
        why,
    );
    true
}

/// "Cairo's Tel Saba neighbourhood", "the Ardmore district": a name before a word for a part of
/// a town or a country.
fn division_noun_after(r: &mut Recognizer, n: &Name) -> bool {
    let after = r.word(n.j + 1);
    let s = r.words(n.a, n.j);
    let Some(noun) = DIVISION_NOUNS
        .iter()
        .find(|noun| **noun == after)
        .filter(|_| r.adjacent(n.j) && !r.is_personal_name(s) && !r.has_common_word(n.a, n.j))
    else {
        return false;
    };
    let why = Evidence::FollowsName(noun.to_string());
    r.push(
        RuleId::DivisionNounAfter,
        n.a,
        n.j,
        EntityType::Loc,
        Strength::Weak,
        why,
    );
    true
}

fn gazetteer_place(r: &mut Recognizer, n: &Name) -> bool {
    let (a, j) = (n.a, n.j);
    let s = r.words(a, j);
    if !(!r.initial[a] || !n.single || (!r.has_common_word(a, j) && !r.is_personal_name(s))) {
        return false;
    }
    // "Best of Show", "the Reserve": a single word the article also writes in lower case is a
    // common word, whatever small town shares it.
    let common = n.single && r.has_common_word(a, j);
    let Some(why) = r
        .gazetteer_place(s, false)
        .filter(|_| !r.lex.given_names.contains(r.word(a)) && !common)
    else {
        return false;
    };
    r.push(
        RuleId::GazetteerPlace,
        a,
        j,
        EntityType::Loc,
        Strength::Weak,
        why,
    );
    true
}

fn speech_verb_after(r: &mut Recognizer, n: &Name) -> bool {
    let (a, j) = (n.a, n.j);
    let after = r.word(j + 1);
    let s = r.words(a, j);
    let name_like = !r.has_common_word(a, j) && !s.ends_with("ies");
    // "Police in Richmond said": who speaks is named before the place.
    let placed = matches!(r.word_before(a), "in" | "near" | "outside") && r.adjacent(a - 1);
    let fired = !n.acronym
        && name_like
        && !placed
        && (SPEECH_VERBS.contains(&after) || (after == "," && r.word(j + 2) == "who"));
    if !fired {
        return false;
    }
    let why = Evidence::Follows(after.to_string());
    r.push(
        RuleId::SpeechVerbAfter,
        a,
        j,
        EntityType::Person,
        Strength::Weak,
        why,
    );
    true
}

fn speech_verb_before(r: &mut Recognizer, n: &Name) -> bool {
    let before = r.word_before(n.a);
    let fired =
        !n.acronym && SPEECH_VERBS.contains(&before) && matches!(r.word(n.j + 1), "." | "," | "");
    if !fired {
        return false;
    }
    let why = Evidence::Precedes(before.to_string());
    r.push(
        RuleId::SpeechVerbBefore,
        n.a,
        n.j,
        EntityType::Person,
        Strength::Weak,
        why,
    );
    true
}

fn place_before_comma_place(r: &mut Recognizer, n: &Name) -> bool {
    let j = n.j;
    let next = r.word(j + 2);
    let place_after_comma = r.word(j + 1) == ","
        && is_capitalised(next)
        && (r.lex.places.contains(next) || r.gazetteer_place(next, true).is_some());
    if !(place_after_comma && r.gazetteer_place(r.words(n.a, j), false).is_some()) {
        return false;
    }
    let why = Evidence::PlaceBefore(next.to_string());
    r.push(
        RuleId::PlaceBeforeCommaPlace,
        n.a,
        j,
        EntityType::Loc,
        Strength::Weak,
        why,
    );
    true
}

/// "Richmond's east side", "Dayton's north end": a town's quarter after its possessive.
fn quarter_after_possessive(r: &mut Recognizer, n: &Name) -> bool {
    let j = n.j;
    let quarter_after = r
        .tokens
        .get(j + 1)
        .is_some_and(|t| t.kind == TokenKind::Possessive)
        && COMPASS_POINTS.contains(&r.word(j + 2))
        && matches!(r.word(j + 3), "side" | "end");
    if !quarter_after {
        return false;
    }
    let why = Evidence::FollowsPossessive(format!("{} {}", r.word(j + 2), r.word(j + 3)));
    r.push(
        RuleId::QuarterAfterPossessive,
        n.a,
        j,
        EntityType::Loc,
        Strength::Weak,
        why,
    );
    true
}

/// Unknown acronyms after "from" or "at" name the bodies one hears from or banks at far more
/// often than places, which the lexicons know by their letters ("UK", "DRC"). After "in" or
/// "near" an unknown acronym is still read as a place ("in the CBD").
fn acronym_after_place_cue(r: &mut Recognizer, n: &Name) -> bool {
    let before = r.word_before(n.a);
    let weak_cue = matches!(before, "at" | "from" | "At" | "From");
    if !(n.acronym && weak_cue) {
        return false;
    }
    push_acronym(r, n, RuleId::AcronymAfterPlaceCue);
    true
}

fn place_cue_before(r: &mut Recognizer, n: &Name) -> bool {
    let before = r.word_before(n.a);
    let strong_cue = matches!(before, "in" | "near" | "outside" | "In");
    let fired =
        PLACE_CUES.contains(&before) && (strong_cue || !r.lex.given_names.contains(r.word(n.a)));
    if !fired {
        return false;
    }
    let why = Evidence::Precedes(before.to_string());
    r.push(
        RuleId::PlaceCueBefore,
        n.a,
        n.j,
        EntityType::Loc,
        Strength::Weak,
        why,
    );
    true
}

fn acronym(r: &mut Recognizer, n: &Name) -> bool {
    if !n.acronym {
        return false;
    }
    push_acronym(r, n, RuleId::Acronym);
    true
}

/// The name, an acronym, as an organisation's, weakly.
fn push_acronym(r: &mut Recognizer, n: &Name, rule: RuleId) {
    let why = Evidence::Acronym;
    r.push(rule, n.a, n.j, EntityType::Org, Strength::Weak, why);
}

fn personal_name_alone(r: &mut Recognizer, n: &Name) -> bool {
    let s = r.words(n.a, n.j);
    if !(n.single && (r.lex.surnames.contains(s) || r.lex.given_names.contains(s))) {
        return false;
    }
    let why = Evidence::PersonalName(s.to_string());
    r.push(
        RuleId::PersonalNameAlone,
        n.a,
        n.j,
        EntityType::Person,
        Strength::Unknown,
        why,
    );
    true
}

/// A single word opening a sentence is as ambiguous as a word of a title-case headline.
fn unknown_name(r: &mut Recognizer, n: &Name) -> bool {
    let why = Evidence::Nothing;
    r.push(
        RuleId::UnknownName,
        n.a,
        n.j,
        EntityType::Misc,
        Strength::Unknown,
        why,
    );
    if r.initial[n.a] && n.single {
        if let Some(last) = r.out.last_mut() {
            last.in_title_case = true;
        }
    }
    true
}
