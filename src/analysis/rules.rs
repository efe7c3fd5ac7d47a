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
//! `rules.enabled(RuleId::…)` where it decides (not only where its hit is recorded), record a
//! [`RuleHit`], and add an invented spec case tagged with its id.
//!
//! Removing one (when `scripts/rule_report.py` finds it adds nothing on half B and it cannot
//! be made general): its variant, its code, the evidence only it rendered, its spec cases and
//! the docs that name it.

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
        /// A saved page's site name and publication time give header fields.
        HeaderFromPageMetadata = "header-from-page-metadata",
        /// A saved page's title (metadata or headline element, site name removed) gives the headline.
        HeadlineFromPageMetadata = "headline-from-page-metadata",
        /// A saved page's author (metadata or byline element) gives the byline.
        BylineFromPageMetadata = "byline-from-page-metadata",
    }
    Quotations {
        /// "a county engineer said that …", "…, said Mayor Jane Roe": a speech verb outside
        /// quotation marks credits the claim to its subject, or to the name after it.
        AttributionSpeechVerb = "attribution-speech-verb",
        /// "according to the roads office": the phrase after the cue names the source.
        AttributionAccordingTo = "attribution-according-to",
        /// "reportedly", "is said to": a claim hedged with no source named.
        AttributionHedge = "attribution-hedge",
    }
    Mentions {
        /// "on Friday morning", "Sunday night": a weekday with a part of the day names a time
        /// of that day, a TIME rather than a DATE.
        WeekdayPartOfDay = "weekday-part-of-day",
        /// "RM310,000", "HK$2.4 billion": a currency's code or letters before an amount make a
        /// sum of money, not an organisation's acronym.
        CurrencyCodeAmount = "currency-code-amount",
        /// "St. Petersburg", "W. Ardmore": an abbreviation's stop stays inside a name.
        ChunkThroughAbbreviation = "chunk-through-abbreviation",
        /// "Norway and Chile": a whole place, or a name complete with its head word,
        /// ends before "and".
        ListNotInstitution = "list-not-institution",
        /// "Elm Street on the West Side": a street's name ends before "on".
        StreetEndsBeforeOn = "street-ends-before-on",
        /// "Bosnia and Herzegovina": a country named by two names joined.
        JoinedCountry = "joined-country",
        /// "the Soil and Water Conservation Board": plain words before "and" join the body's
        /// name whose head word follows.
        OrgNameThroughAnd = "org-name-through-and",
        /// "St. Brendan's Hospital", "Glenmore People's Bank": a possessive inside an institution's
        /// name.
        PossessiveInName = "possessive-in-name",
        /// "Ministry of Health", "Karim bin Nasser": a link word or particle inside a name.
        ChunkThroughLink = "chunk-through-link",
        /// "Newcastle upon Tyne", "Stoke on Trent": a town joined to its river's name by "upon",
        /// "on" or "under" is one name when the whole is a known place.
        RiverTownName = "river-town-name",
        /// "in Lisbon The talks": a name ends before a capitalised pronoun or article that starts a
        /// sentence.
        RunOnSentence = "run-on-sentence",
        /// "ex-FARC", "pro-Russian": a name after a lower-case prefix, typed by the lexicons or as
        /// an acronym.
        NameAfterPrefix = "name-after-prefix",
        /// In a title-case headline, a name the lexicons know as a whole.
        TitleCaseKnownName = "title-case-known-name",
        /// In a title-case headline, a first name and the name words after it.
        TitleCaseFirstName = "title-case-first-name",
        /// In a title-case headline, an unknown word left for the article to type.
        TitleCaseUnknownWord = "title-case-unknown-word",
        /// A place's name whose possessive owns nothing ("at Mabel's,") names a shop or a school.
        Establishment = "establishment",
        /// "Sen. Jane Roe, D-Dayton,": a legislator's party letter, then the place they represent.
        PartyAndHome = "party-and-home",
        /// "St. Brendan's Hospital": a saint's possessive before a capitalised word opens no place.
        SaintPossessiveInName = "saint-possessive-in-name",
        /// "Gainesville, Fla.": an AP-style state abbreviation keeps its stop.
        StateAbbreviation = "state-abbreviation",
        /// "Washington, D.C.": a place the lexicons spell with its comma.
        PlaceWithComma = "place-with-comma",
        /// A common abbreviation ("AIDS", "GMT") is typed by its list, or is no name.
        CommonAbbreviation = "common-abbreviation",
        /// "in the EU", "EU citizens": a union of states named as the land of its members.
        UnionAsTerritory = "union-as-territory",
        /// A name the lexicons know as a whole.
        KnownName = "known-name",
        /// "China-Russia talks": every part of a hyphenated word is a known place.
        HyphenatedPlaces = "hyphenated-places",
        /// "the Tehama-Glenn County line": two neighbouring counties joined by a hyphen.
        HyphenatedCounties = "hyphenated-counties",
        /// "ARDMORE - …": capitals opening a sentence before a dash name where a story was
        /// filed.
        DatelineCapitals = "dateline-capitals",
        /// "Southwest Oregon": a sector of a state or country before its name; only the region is
        /// tagged.
        SectorBeforeRegion = "sector-before-region",
        /// "LUCKY DRAW WINNERS IN NEW MEXICO": a run of capitals that ends in a known place.
        ShoutedPlaceAtEnd = "shouted-place-at-end",
        /// "Ogden Circuit Judge Jane Roe": a place, then a court's word before "Judge" or
        /// "Attorney".
        PlaceBeforeCourtTitle = "place-before-court-title",
        /// "Pike County Sheriff Jane Roe": a division's name before a title.
        PlaceBeforeTitle = "place-before-title",
        /// "Lusaka Mayor", "California Democrats": a known place before a bare title, a group or a
        /// service's crew.
        PlaceBeforeRoleOrGroup = "place-before-role-or-group",
        /// "the Galesburg Democrat": a town the gazetteer knows, then a party's or a people's name.
        PlaceBeforeMember = "place-before-member",
        /// "Ms. Hill": a surname that is also a place's head word, after an honorific.
        HonorificSurnameLikePlace = "honorific-surname-like-place",
        /// "the Government of Malawi", "the Malawian Government": a government named by its
        /// country or people is an organisation (a bare "Government" names none).
        GovernmentOfPlace = "government-of-place",
        /// "the ruling People Harvest Party", "Police Bureau of Fraud Control": a group noun
        /// before a body's name is part of it, not a sentence's subject.
        GroupNounInName = "group-noun-in-name",
        /// Function words opening a sentence or a headline are peeled off the name.
        LeadingFunctionWords = "leading-function-words",
        /// "Remember Laura Fenwick?": a capitalised sentence opener before a full name is no part
        /// of it.
        SentenceOpenerBeforeName = "sentence-opener-before-name",
        /// "Neighbouring Chad": a participle or adjective opening a sentence before a known
        /// place.
        OpeningModifierBeforePlace = "opening-modifier-before-place",
        /// "Midfielder Kwon Tae-sung": a role noun opening a sentence, before a name.
        RoleNounOpensSentence = "role-noun-opens-sentence",
        /// "Iranian President …", "U.S. President …": a nationality, place or body before a title
        /// or a name.
        GroupOrPlaceBeforeTitle = "group-or-place-before-title",
        /// "National Fisheries Service Director Cho": a title inside a run splits it.
        TitleInsideName = "title-inside-name",
        /// "Dayton Mayor Jane Roe": a town's office before its officer's name makes the town a
        /// place.
        PlaceBeforeLocalTitle = "place-before-local-title",
        /// "Minister of Forests and Inland Fisheries Anna Berg": a first name after a portfolio.
        NameAfterPortfolio = "name-after-portfolio",
        /// "President Jane Roe": a title before a name makes a person, and the title a role.
        TitleBeforeName = "title-before-name",
        /// A run of title words with no name after it is no name.
        TitleAlone = "title-alone",
        /// A name the lexicons know, once the words before it are peeled off.
        KnownNameAfterPeeling = "known-name-after-peeling",
        /// "Global Water Forum Pavel Novak": a body's name, then the full name of its speaker.
        PersonAfterBodyName = "person-after-body-name",
        /// "Kaduna Kano State": a known place before its province, or a people's name before a
        /// place.
        PlaceAfterPlaceOrGroup = "place-after-place-or-group",
        /// "Jane Hill, 24,": a surname that is also a head word, before an age.
        SurnameBeforeAge = "surname-before-age",
        /// "State Duma", "Washington Post": the head word types the name.
        HeadWord = "head-word",
        /// "died at Mercy Hospital", "Elm Golf Club": an institution's name that names its
        /// building.
        BuildingByUse = "building-by-use",
        /// "Brenton Regional Airport": an airport named for its town by a word of its service is
        /// a body of that town, so that only the town's name is a place.
        AirportNamedForTown = "airport-named-for-town",
        /// "Tyler County EMS": a place's head word inside a name leaves it for the article to type.
        PlaceHeadInside = "place-head-inside",
        /// "her son Amos": a lower-case role noun just before a name.
        RoleNounBeforeName = "role-noun-before-name",
        /// "Her sons, Kesaro and Eberu": a role noun in the plural or before a comma introduces the
        /// name.
        RoleIntroducesName = "role-introduces-name",
        /// "a child named Mim", "known as Eva": a naming cue before the name.
        NamedAs = "named-as",
        /// "Vlasakov Olakau, 31,": an age after a name.
        AgeAfterName = "age-after-name",
        /// "Jane Roe, a director of …": a role in apposition after the name.
        RoleInApposition = "role-in-apposition",
        /// "Cho Min-jae": a surname, then a two-syllable given name joined by a hyphen.
        SyllabicGivenName = "syllabic-given-name",
        /// "Jane Roe, 43, of Dayton": where a person lives.
        ResidenceAfterName = "residence-after-name",
        /// "South Charleston", "Fort Wayne": a word that opens only places' names.
        PlacePrefix = "place-prefix",
        /// "Dayton, Ohio.", "the 400 block of Elm", "flew to Lima": the neighbours of a name say it
        /// is a place.
        PlaceByNeighbours = "place-by-neighbours",
        /// "Ann Arbor", "East Lansing": a name of several words that the gazetteer knows as a
        /// whole.
        MultiwordPlace = "multiword-place",
        /// "La Prensa", "El Espectador": a Romance article opens the name of a paper, party or
        /// club.
        RomanceArticle = "romance-article",
        /// A first name opens a person's name.
        FirstName = "first-name",
        /// An initial opens a person's name.
        InitialOpensName = "initial-opens-name",
        /// A surname ends a name, which the article may confirm as a person's.
        SurnameEndsName = "surname-ends-name",
        /// "Izhorsk plant": a lower-case noun of an industrial site after an unknown name makes
        /// an organisation.
        OrgNounAfter = "org-noun-after",
        /// "the Sami people": a language's name with a cue that it names a people.
        CuedLanguage = "cued-language",
        /// "the Tervani community": an unknown name before a word for a people or a caste.
        CuedPeople = "cued-people",
        /// "the villages of Pibrot and Zalny": a plural place noun introduces a list of places.
        ListedAfterPlaceNoun = "listed-after-place-noun",
        /// "the capital Kabul": a place noun in apposition before the name.
        PlaceNounInApposition = "place-noun-in-apposition",
        /// "the province of Tatarstan": a place noun and "of" before the name.
        PlaceNounOf = "place-noun-of",
        /// "Greene, Clark and Logan counties": a list that a plural place noun ends.
        ListNounAfter = "list-noun-after",
        /// "Dayton police", "a Dayton man": a place the gazetteer knows, before a local noun.
        LocalNounAfter = "local-noun-after",
        /// "the Twickenham by-election": an electoral district is a place.
        ElectoralDistrict = "electoral-district",
        /// "the Rafah district": a name before a word for a part of a town or country.
        DivisionNounAfter = "division-noun-after",
        /// A name the gazetteer knows as a place, weakly.
        GazetteerPlace = "gazetteer-place",
        /// "Olakau said": a speech verb after a name makes a person, weakly.
        SpeechVerbAfter = "speech-verb-after",
        /// "said Olakau.": a speech verb before a name that ends a clause.
        SpeechVerbBefore = "speech-verb-before",
        /// "Marion, Ohio": a place the gazetteer knows, before a comma and another place.
        PlaceBeforeCommaPlace = "place-before-comma-place",
        /// "Harlowe's west side": a town's quarter after its possessive.
        QuarterAfterPossessive = "quarter-after-possessive",
        /// "a statement from KBTL", "loans at FNBQ": an unknown acronym after "from" or "at"
        /// is an organisation's, weakly, not a place's.
        AcronymAfterPlaceCue = "acronym-after-place-cue",
        /// "in Chechnya", "near Tabas": a place cue before the name, weakly.
        PlaceCueBefore = "place-cue-before",
        /// A short word in capitals is an organisation's acronym, weakly.
        Acronym = "acronym",
        /// A single personal name, kept only if the article says what it is.
        PersonalNameAlone = "personal-name-alone",
        /// A capitalised name with no evidence, kept only if the article says what it is.
        UnknownName = "unknown-name",
    }
    Coreference {
        /// "Wamuyu Keraro … Keraro": an unknown name the article shortens to one of its words is
        /// a person's.
        PersonByRepetition = "person-by-repetition",
        /// "Maria Lopez, Nehrudev and Patelkar": an unknown name listed with a person is a person.
        PersonByCoordination = "person-by-coordination",
        /// An unknown name whose last word is a person elsewhere in the article is that person.
        PersonByLastWord = "person-by-last-word",
        /// "Full Name (ABC)": an acronym in brackets takes the type of the name before it.
        AbbreviationInBrackets = "abbreviation-in-brackets",
        /// A weak mention takes the type of a strong one with the same words.
        SameWords = "same-words",
        /// "Khatami" after "Mohammad Khatami": a part of a person's longer name.
        PartOfPersonName = "part-of-person-name",
        /// "ARIW": the initials of an organisation named in full.
        OrgInitials = "org-initials",
        /// A one-word town that its neighbours made a place elsewhere is that place where nothing
        /// is said.
        PlaceElsewhere = "place-elsewhere",
        /// "Tehama … Tehama County": an unknown name the article also writes with "County".
        ShortForCounty = "short-for-county",
        /// "Ephrata and Brodhead": an unknown name listed with a place, that the gazetteer knows.
        ListedWithPlace = "listed-with-place",
        /// "Copenhagen, Hamburg, Zelvoric and Mannheim": an unknown name in a list of places.
        PlaceAmongPlaces = "place-among-places",
        /// A person's later surname or first name joins the full name's entity.
        GroupPersonByName = "group-person-by-name",
        /// An organisation's initials join the entity of its full name.
        GroupOrgByInitials = "group-org-by-initials",
    }
    Places {
        /// A place opens an organisation's or event's name ("Ardmore Police", "Pike County
        /// Board of Elections"): evidence of where the article is.
        PlaceAtStartOfName = "place-at-start-of-name",
        /// Two places joined by a hyphen open a name ("Ardmore-Greene County Health Department").
        PlacesJoinedByHyphen = "places-joined-by-hyphen",
        /// A place after "of" in a name ("Veterans' Hospital of Manitoba").
        PlaceAfterOf = "place-after-of",
        /// A town in a newspaper's name ("Velmore Herald") is where the paper is from: evidence
        /// for the resolver, but not listed as a place the report names.
        PaperNameHoldsNoPlace = "paper-name-holds-no-place",
        /// Names listed before "streets" or "avenues" are streets, not the towns they are named
        /// after: left unplaced.
        ListedBeforeStreets = "listed-before-streets",
        /// Names listed before "counties" or "parishes" are counties or parishes.
        ListedBeforeCounties = "listed-before-counties",
        /// "Newark" may be Newark-on-Trent: a town named after its river or sea, by the short
        /// form local news writes, as another name.
        ShortFormOfRiverTown = "short-form-of-river-town",
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
        /// A region's abbreviation written with its stop names the region, not a town of those
        /// letters ("Pa.", "Kan.").
        AbbreviationNamesItsRegion = "abbreviation-names-its-region",
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
        /// A bare name that the article also writes with "County" may be that county
        /// ("Tallow deputies" beside "Tallow County").
        CountyNamedInFull = "county-named-in-full",
        /// A name that is nothing else is tried in another transliteration ("Samawa").
        AnotherTransliteration = "another-transliteration",
        /// A region or country after the name before it holds that name ("Salem, Oregon").
        RegionOfThePlaceBefore = "region-of-the-place-before",
        /// A word after the name that only a region takes makes it the region ("Ohio state").
        RegionalWordAfter = "regional-word-after",
        /// A district council after the name makes it the district ("Haringey Council").
        DistrictCouncil = "district-council",
        /// A name listed with countries, or regions of one country, is one too.
        ListedWithPeers = "listed-with-peers",
        /// What a place's possessive or "in" holds lies in that place ("London's Heathrow").
        HeldByItsOwner = "held-by-its-owner",
        /// A side in a game ("beat Louisville") is the city's team: where the article is local
        /// says nothing of it.
        SideInAGame = "side-in-a-game",
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
        /// A town chosen for its size alone (or a village left unplaced) outside the region of
        /// the article's places, with no town of its name there, is placed in that region's town
        /// named most (else, a town, in the region).
        TownOutsideArticleRegion = "town-outside-article-region",
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
        /// A name the gazetteer does not know at all is a quarter of the article's town, placed
        /// as a building is (not by the town before it).
        UnknownNameInTown = "unknown-name-in-town",
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
