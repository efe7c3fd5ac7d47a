//! Rules as named units.
//!
//! Every recogniser and resolver rule of the analysis has a [`RuleId`]: a stable kebab-case id,
//! the [`Pass`] it belongs to and a one-line doc, all declared once in the [`rules!`] table
//! below. A pass records each rule that decided something as a [`RuleHit`] in the analysis's
//! trace, so that
//! - the explanation shown to a reader is rendered from the rule and its evidence, never parsed
//!   back out of a sentence;
//! - a spec case can say which rule it exercises (`rule: id` in `tests/spec/*.txt`), and a test
//!   fails when a rule has no case, or when the case no longer fires it;
//! - a rule can be switched off by its id ([`RuleSet`], `Analyzer::builder().disable(…)`) to
//!   measure what it adds.
//!
//! Adding a rule: give it a variant in its pass's section of the table, check
//! `rules.enabled(RuleId::…)` where it fires, record a [`RuleHit`], and add an invented spec
//! case tagged with its id.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::text::Span;

/// The passes of the pipeline, in the order they run.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Pass {
    /// Blocks, header, headline, byline, dateline, paragraphs, sentences, citations.
    Layout,
    /// Quotation marks paired, speakers and cues.
    Quotations,
    /// Entity mentions typed by evidence.
    Mentions,
    /// Mentions typed and grouped by the whole article.
    Coreference,
    /// LOC mentions resolved in the gazetteer.
    Places,
}

/// Declares the rule table: one section per pass, each rule a variant with its id and doc.
/// The order within a section is the order in which the pass tries them, where it matters.
macro_rules! rules {
    ($($pass:ident { $($(#[doc = $doc:literal])+ $variant:ident = $id:literal,)* })*) => {
        /// A rule of the analysis. See the module doc.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $($($(#[doc = $doc])+ $variant,)*)*
        }

        impl RuleId {
            /// Every rule, in table order.
            pub const ALL: &'static [RuleId] = &[$($(RuleId::$variant,)*)*];

            /// The stable id: kebab-case, unique, used in spec files, traces and ablation.
            pub fn id(self) -> &'static str {
                match self {
                    $($(RuleId::$variant => $id,)*)*
                }
            }

            /// The one-line doc, as written above the variant.
            pub fn doc(self) -> &'static str {
                match self {
                    $($(RuleId::$variant => concat!($($doc),+),)*)*
                }
                .trim()
            }

            pub fn pass(self) -> Pass {
                match self {
                    $($(RuleId::$variant => Pass::$pass,)*)*
                }
            }
        }
    };
}

rules! {
    Layout {
        /// A header field named "Title" or "Headline" gives the headline.
        HeadlineFromHeaderField = "headline-from-header-field",
    }
    Quotations {}
    Mentions {}
    Coreference {}
    Places {
        /// A demonym names its country: as a place's name ("Freedonian" read as a place) and, in
        /// the text outside the places, as a vote for the article's country ("Peruvian villages").
        DemonymNamesItsCountry = "demonym-names-its-country",
        /// Directions before a name and generic words after it are dropped, one at a time, until
        /// a place is found ("northern Freedonia", "Ardmore province").
        GenericWordsDropped = "generic-words-dropped",
        /// A facility (or what a county opening a longer name names after itself) lies in the
        /// place of its name ("Ardmore power plant", "Ardmore County Jail").
        FacilityInItsNamesPlace = "facility-in-its-names-place",
        /// A name that is nothing else is tried as a county written without its title.
        CountyWithoutItsTitle = "county-without-its-title",
        /// A name that is nothing else is tried in another transliteration ("Samawa").
        AnotherTransliteration = "another-transliteration",
        /// Names listed before "counties" or "parishes" are counties or parishes.
        ListedBeforeCounties = "listed-before-counties",
        /// Names listed before "streets" or "avenues" are streets, not the towns they are named
        /// after: left unplaced.
        ListedBeforeStreets = "listed-before-streets",
        /// A place opens an organisation's or event's name ("Ardmore Police", "Clarke County
        /// Board of Education"): evidence of where the article is.
        PlaceAtStartOfName = "place-at-start-of-name",
        /// Two places joined by a hyphen open a name ("Ardmore-Greene County Health Department").
        PlacesJoinedByHyphen = "places-joined-by-hyphen",
        /// A place after "of" in a name ("Children's Hospital of Manitoba").
        PlaceAfterOf = "place-after-of",
        /// "W. Columbia": a compass point shortened to its initial is spelled out.
        CompassPointInitial = "compass-point-initial",
        /// A region named after its own city is written for the city ("Isfahan").
        RegionNamedAfterItsCity = "region-named-after-its-city",
        /// A country's or region's own name beats another place's other name ("Mexico" is not
        /// Mexico City).
        OwnNameBeatsOtherName = "own-name-beats-other-name",
        /// A country, continent or hand-chosen region's name is not a town's without a qualifier
        /// ("Poland" is not Poland, Ohio).
        CountryNameNeedsQualifier = "country-name-needs-qualifier",
        /// A first-level region's name is the region before a town named after it ("Virginia").
        RegionNameBeatsTowns = "region-name-beats-towns",
        /// An acronym matches only names written as acronyms ("EU" is not the town of Eu).
        AcronymMatchesAcronyms = "acronym-matches-acronyms",
        /// A region or country after the name before it holds that name ("Buffalo, New York").
        RegionOfThePlaceBefore = "region-of-the-place-before",
        /// A word after the name that only a region takes makes it the region ("Ohio state").
        RegionalWordAfter = "regional-word-after",
        /// A district council after the name makes it the district ("Enfield Council").
        DistrictCouncil = "district-council",
        /// A name listed with countries, or regions of one country, is one too.
        ListedWithPeers = "listed-with-peers",
        /// What a place's possessive or "in" holds lies in that place ("London's Heathrow").
        HeldByItsOwner = "held-by-its-owner",
        /// The first-level region the article's other places lie in.
        ArticleRegion = "article-region",
        /// The region of a telephone number's area code in the article.
        AreaCodeRegion = "area-code-region",
        /// The region or country written right after the name ("Paris, Texas").
        QualifierAfter = "qualifier-after",
        /// The country the article's places, demonyms, area codes and currency vote for.
        ArticleCountry = "article-country",
        /// The currency of the article's amounts votes for its country ("$5" the United States).
        CurrencyVote = "currency-vote",
        /// The country of the dateline's town.
        DatelineCountry = "dateline-country",
        /// A nation's capital, when the article names the nation.
        CapitalOfNamedCountry = "capital-of-named-country",
        /// A city of 100,000 in a country the article names beats a namesake abroad.
        BigCityInNamedCountry = "big-city-in-named-country",
        /// Places of the article's other names near the candidate.
        NearOtherPlaces = "near-other-places",
        /// A side in a game ("beat Louisville") is the city's team: where the article is local
        /// says nothing of it.
        SideInAGame = "side-in-a-game",
        /// A county without its title, another transliteration, a name of generic words or a
        /// town reached by dropping a trailing generic word stays unplaced without the article's
        /// support.
        WeakReadingNeedsSupport = "weak-reading-needs-support",
        /// A town of a generic name after "the" ("here in the Valley") is not meant.
        GenericNameAfterThe = "generic-name-after-the",
        /// A village, a town named like a country and a namesake outside the place that holds
        /// it need local evidence (a qualifier, the article's region, nearness).
        NeedsLocalEvidence = "needs-local-evidence",
        /// A capital that acts ("Moscow said") stands for its government.
        CapitalStandsForGovernment = "capital-stands-for-government",
        /// A name the text puts in a town, with no namesake there, is placed in that town.
        PlacedInItsOwner = "placed-in-its-owner",
        /// A name the gazetteer lacks that holds a sure town of the article, or one near it, is
        /// placed in that town ("Lake Ardmore").
        TownInName = "town-in-name",
        /// A street or building lies in the town written right after it ("in Seattle").
        BuildingInTownAfter = "building-in-town-after",
        /// … else in the sure town of the article's country nearest to it in its sentence.
        BuildingInTownOfSentence = "building-in-town-of-sentence",
        /// … else in the sure town named before it.
        BuildingInTownBefore = "building-in-town-before",
        /// … else in the town the article names most.
        BuildingInTownNamedMost = "building-in-town-named-most",
        /// … else in the dateline's town.
        BuildingInDatelineTown = "building-in-dateline-town",
        /// … else in the sure county the article names most.
        BuildingInCountyNamedMost = "building-in-county-named-most",
    }
}

impl RuleId {
    pub fn from_id(id: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|rule| rule.id() == id)
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RuleId, D::Error> {
        let id = String::deserialize(deserializer)?;
        RuleId::from_id(&id).ok_or_else(|| serde::de::Error::custom(format!("no rule {id:?}")))
    }
}

const RULE_WORDS: usize = RuleId::ALL.len().div_ceil(64) + 1;

/// Which rules are switched on. All of them by default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleSet {
    disabled: [u64; RULE_WORDS],
}

impl Default for RuleSet {
    fn default() -> RuleSet {
        RuleSet::ALL_ON
    }
}

impl RuleSet {
    /// Every rule switched on.
    pub const ALL_ON: RuleSet = RuleSet {
        disabled: [0; RULE_WORDS],
    };

    pub fn enabled(&self, rule: RuleId) -> bool {
        let i = rule.index();
        self.disabled[i / 64] & (1 << (i % 64)) == 0
    }

    pub fn disable(&mut self, rule: RuleId) {
        let i = rule.index();
        self.disabled[i / 64] |= 1 << (i % 64);
    }

    pub fn disabled(&self) -> impl Iterator<Item = RuleId> + '_ {
        RuleId::ALL
            .iter()
            .copied()
            .filter(|rule| !self.enabled(*rule))
    }
}

/// A rule that decided something about a span of the analysed text.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleHit {
    pub rule: RuleId,
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::BTreeSet::new();
        for rule in RuleId::ALL {
            let id = rule.id();
            assert!(seen.insert(id), "{id} is declared twice");
            assert!(
                !id.is_empty()
                    && id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{id} is not kebab-case"
            );
            assert!(!rule.doc().is_empty(), "{id} has no doc");
            assert_eq!(RuleId::from_id(id), Some(*rule));
        }
    }

    #[test]
    fn every_rule_can_be_switched_off_alone() {
        for rule in RuleId::ALL {
            let mut set = RuleSet::default();
            set.disable(*rule);
            assert_eq!(set.disabled().collect::<Vec<_>>(), vec![*rule]);
        }
    }
}
