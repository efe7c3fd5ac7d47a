//! What a recognition or coreference rule saw when it typed a mention: the words it read, kept
//! as data. The explanation a reader sees is rendered from it by one function ([`Evidence`]'s
//! `Display`), and nothing reads an explanation back.

use std::fmt;

/// The evidence for a mention's type. Each variant holds the words involved; where a rule
/// builds on a lookup (an address's town that the gazetteer knows), it holds that evidence too.
#[derive(Clone, Debug, PartialEq)]
pub enum Evidence {
    /// No evidence: the mention waits for the article to type it.
    Nothing,
    /// A date, a number or a road, as its finder words it.
    Written(String),
    /// The header names the author.
    HeaderAuthor,
    /// The header names the publication.
    HeaderPublication,
    /// Cited as a source in the closing citation block.
    CitedSource,

    // The lexicons and the gazetteer.
    /// `"EU" is a known union of states`.
    KnownOrganisation { name: String, what: &'static str },
    /// `"Iranian" is a nationality`.
    Group { name: String, what: String },
    /// `"Lisbon" is a country, capital or province`.
    CountryCapitalOrProvince(String),
    /// `"Indigenous Australians" qualifies a group`.
    QualifiedGroup(String),
    /// `"Russian-Iranian" joins nationalities`.
    JoinedNationalities(String),
    /// `"Kazan" is a town or city in Russia in the gazetteer`.
    InGazetteer {
        name: String,
        what: &'static str,
        country: Option<String>,
    },
    /// `"Ephrata" is a village in the United States in the gazetteer`.
    Village { name: String, country: String },
    /// `"Tehama County" is a county in the gazetteer`.
    County(String),
    /// `"Hausa" is a language, and its speakers' name`.
    MajorLanguage(String),
    /// `"Garifuna" is a language, and "people" follows` (or `"indigenous" precedes`).
    CuedLanguage {
        language: String,
        cue: String,
        cue_follows: bool,
    },
    /// `"Ngāi" opens the name of a Māori iwi`.
    MaoriIwi(String),
    /// `"African" is a people, "North" a part of it`.
    PartOfPeople { people: String, part: String },
    /// `"Parisians" names the people of Paris`.
    PeopleOf { name: String, place: String },

    // The words around or inside a name.
    /// `"said" precedes`, `"city of" precedes`, `"named" precedes`.
    Precedes(String),
    /// `"said" follows`, `"community" follows`.
    Follows(String),
    /// `"plant" follows the name`.
    FollowsName(String),
    /// `"Fla." abbreviates a US state`.
    AbbreviatedState(String),
    /// `a state's abbreviation "Ind." follows`.
    StateAbbreviationFollows(String),
    /// `"Washington, DC" is a known place`.
    KnownPlace(String),
    /// `"PCR" is a common abbreviation`.
    CommonAbbreviation(String),
    /// `"NEW MEXICO" is a country, capital or province, in capitals`.
    ShoutedPlace(String),
    /// `"Georgia" is a country or province after a sector of it`.
    AfterSector(String),
    /// `"citizens" follows the name of a union of states`.
    UnionInhabitants(String),
    /// `"in the" precedes the name of a union of states`.
    UnionTerritory(String),
    /// `capitals before a dash open a dateline`.
    Dateline,
    /// `"D-" gives a legislator's party, then home`.
    PartyAndHome(String),
    /// `"County" names a county`.
    NamesCounty(String),
    /// `"County" names a division, before a title`.
    DivisionBeforeTitle(String),
    /// A town's office after a place the gazetteer knows: `…, before "Mayor"`.
    BeforeLocalTitle { place: Box<Evidence>, title: String },
    /// `an address's town: …`.
    AddressTown(Box<Evidence>),
    /// `"of" after a person's name: …`.
    HomeOfPerson(Box<Evidence>),
    /// `a part of a place: …`.
    PartOfPlace(Box<Evidence>),
    /// `a compass point before a place: …`.
    CompassBeforePlace(Box<Evidence>),
    /// `"from" after a person's age`.
    FromAfterAge,
    /// `"from" after a person's name`.
    FromAfterPerson,
    /// `"of" after a person's name or age`.
    OfAfterPerson,
    /// `"San" begins a place name`.
    BeginsPlaceName(String),
    /// `a list of counties follows`.
    ListFollows(&'static str),
    /// `a place before "Maryland"`.
    PlaceBefore(String),
    /// `"east side" follows its possessive`.
    FollowsPossessive(String),
    /// `a possessive that owns nothing names a shop or a school`.
    Establishment,
    /// `"Agency" ends the name of an agency`, or `is part of` it.
    HeadWord {
        word: String,
        ends: bool,
        what: String,
    },
    /// `"District" of a school`: a district that a body runs.
    RunDistrict { word: String, body: String },
    /// `"Lake" names a lake`.
    Names { word: String, what: String },
    /// `a golf club is its grounds`.
    ClubGrounds(String),
    /// `"at" precedes a building's name`.
    BuildingCue(String),
    /// `"La" opens the name`.
    OpensName(String),
    /// `an acronym`.
    Acronym,

    // People.
    /// `"Maria" is a first name`.
    FirstName(String),
    /// `"Pavel" is a first name after a portfolio`.
    FirstNameAfterPortfolio(String),
    /// `"Pavel" is a first name after a body's name`.
    FirstNameAfterBody(String),
    /// `title "President" precedes`.
    Title(String),
    /// `begins with an initial`.
    Initial,
    /// `"Kessler" is a surname`.
    Surname(String),
    /// `"Garcia" is a personal name`.
    PersonalName(String),
    /// `a personal name although "Hill" names places`.
    PersonNamedLikePlace(String),
    /// `"sons" introduces the name`.
    Introduces(String),
    /// `an age follows the name`.
    AgeFollows,
    /// `"director" stands in apposition`.
    InApposition(String),
    /// `"Yoon" is a surname before a two-syllable given name`.
    SyllabicName(String),

    // The article as a whole (coreference).
    /// `the article later calls it "Kibaki", as it would a person`.
    CalledLater(String),
    /// `listed with the person "Nehru"`.
    ListedWithPerson(String),
    /// `"Tolowe" is a person later in the article`.
    PersonLater(String),
    /// `the abbreviation given for "…"`.
    AbbreviationFor(String),
    /// `same as "Vladimir Putin" in paragraph 1`.
    SameAs { name: String, at: Where },
    /// `the initials of "…"`.
    InitialsOf(String),
    /// `short for "Tehama County" in the article`.
    ShortForDivision(String),
    /// `listed with the place "Ephrata": …`.
    ListedWithPlace { place: String, known: Box<Evidence> },
    /// `listed with the places "Copenhagen" and "Hamburg"`.
    ListedWithPlaces(String, String),
}

/// Where in the article a mention stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Where {
    Headline,
    /// A paragraph, counted from 1.
    Paragraph(usize),
    Article,
}

impl fmt::Display for Where {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Where::Headline => write!(f, "the headline"),
            Where::Paragraph(n) => write!(f, "paragraph {n}"),
            Where::Article => write!(f, "the article"),
        }
    }
}

impl fmt::Display for Evidence {
    /// The explanation a reader sees.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        use Evidence::*;
        match self {
            Nothing => Ok(()),
            Written(words) => write!(f, "{words}"),
            HeaderAuthor => write!(f, "the header names the author"),
            HeaderPublication => write!(f, "the header names the publication"),
            CitedSource => write!(f, "cited as a source at the end of the article"),
            KnownOrganisation { name, what } => write!(f, "\"{name}\" is a known {what}"),
            Group { name, what } => write!(f, "\"{name}\" is {what}"),
            CountryCapitalOrProvince(name) => {
                write!(f, "\"{name}\" is a country, capital or province")
            }
            QualifiedGroup(name) => write!(f, "\"{name}\" qualifies a group"),
            JoinedNationalities(name) => write!(f, "\"{name}\" joins nationalities"),
            InGazetteer {
                name,
                what,
                country: Some(country),
            } => write!(f, "\"{name}\" is {what} in {country} in the gazetteer"),
            InGazetteer {
                name,
                what,
                country: None,
            } => write!(f, "\"{name}\" is {what} in the gazetteer"),
            Village { name, country } => {
                write!(f, "\"{name}\" is a village in {country} in the gazetteer")
            }
            County(name) => write!(f, "\"{name}\" is a county in the gazetteer"),
            MajorLanguage(name) => write!(f, "\"{name}\" is a language, and its speakers' name"),
            CuedLanguage {
                language,
                cue,
                cue_follows,
            } => {
                let side = if *cue_follows { "follows" } else { "precedes" };
                write!(f, "\"{language}\" is a language, and \"{cue}\" {side}")
            }
            MaoriIwi(first) => write!(f, "\"{first}\" opens the name of a Māori iwi"),
            PartOfPeople { people, part } => {
                write!(f, "\"{people}\" is a people, \"{part}\" a part of it")
            }
            PeopleOf { name, place } => write!(f, "\"{name}\" names the people of {place}"),
            Precedes(words) => write!(f, "\"{words}\" precedes"),
            Follows(words) => write!(f, "\"{words}\" follows"),
            FollowsName(word) => write!(f, "\"{word}\" follows the name"),
            AbbreviatedState(abbreviation) => {
                write!(f, "\"{abbreviation}\" abbreviates a US state")
            }
            StateAbbreviationFollows(abbreviation) => {
                write!(f, "a state's abbreviation \"{abbreviation}\" follows")
            }
            KnownPlace(name) => write!(f, "\"{name}\" is a known place"),
            CommonAbbreviation(name) => write!(f, "\"{name}\" is a common abbreviation"),
            ShoutedPlace(name) => {
                write!(
                    f,
                    "\"{name}\" is a country, capital or province, in capitals"
                )
            }
            AfterSector(name) => write!(
                f,
                "\"{name}\" is a country or province after a sector of it"
            ),
            UnionInhabitants(word) => {
                write!(f, "\"{word}\" follows the name of a union of states")
            }
            UnionTerritory(cue) => {
                write!(f, "\"{cue} the\" precedes the name of a union of states")
            }
            Dateline => write!(f, "capitals before a dash open a dateline"),
            PartyAndHome(prefix) => write!(f, "\"{prefix}\" gives a legislator's party, then home"),
            NamesCounty(word) => write!(f, "\"{word}\" names a county"),
            DivisionBeforeTitle(word) => write!(f, "\"{word}\" names a division, before a title"),
            BeforeLocalTitle { place, title } => write!(f, "{place}, before \"{title}\""),
            AddressTown(place) => write!(f, "an address's town: {place}"),
            HomeOfPerson(place) => write!(f, "\"of\" after a person's name: {place}"),
            PartOfPlace(place) => write!(f, "a part of a place: {place}"),
            CompassBeforePlace(place) => write!(f, "a compass point before a place: {place}"),
            FromAfterAge => write!(f, "\"from\" after a person's age"),
            FromAfterPerson => write!(f, "\"from\" after a person's name"),
            OfAfterPerson => write!(f, "\"of\" after a person's name or age"),
            BeginsPlaceName(word) => write!(f, "\"{word}\" begins a place name"),
            ListFollows(noun) => write!(f, "a list of {noun} follows"),
            PlaceBefore(next) => write!(f, "a place before \"{next}\""),
            FollowsPossessive(words) => write!(f, "\"{words}\" follows its possessive"),
            Establishment => write!(f, "a possessive that owns nothing names a shop or a school"),
            HeadWord { word, ends, what } => {
                let place = if *ends { "ends" } else { "is part of" };
                write!(f, "\"{word}\" {place} the name of {what}")
            }
            RunDistrict { word, body } => write!(f, "\"{word}\" of {body}"),
            Names { word, what } => write!(f, "\"{word}\" names {what}"),
            ClubGrounds(kind) => write!(f, "a {kind} club is its grounds"),
            BuildingCue(cue) => write!(f, "\"{cue}\" precedes a building's name"),
            OpensName(word) => write!(f, "\"{word}\" opens the name"),
            Acronym => write!(f, "an acronym"),
            FirstName(word) => write!(f, "\"{word}\" is a first name"),
            FirstNameAfterPortfolio(word) => {
                write!(f, "\"{word}\" is a first name after a portfolio")
            }
            FirstNameAfterBody(word) => write!(f, "\"{word}\" is a first name after a body's name"),
            Title(title) => write!(f, "title \"{title}\" precedes"),
            Initial => write!(f, "begins with an initial"),
            Surname(word) => write!(f, "\"{word}\" is a surname"),
            PersonalName(word) => write!(f, "\"{word}\" is a personal name"),
            PersonNamedLikePlace(word) => {
                write!(f, "a personal name although \"{word}\" names places")
            }
            Introduces(noun) => write!(f, "\"{noun}\" introduces the name"),
            AgeFollows => write!(f, "an age follows the name"),
            InApposition(word) => write!(f, "\"{word}\" stands in apposition"),
            SyllabicName(surname) => {
                write!(
                    f,
                    "\"{surname}\" is a surname before a two-syllable given name"
                )
            }
            CalledLater(short) => {
                write!(
                    f,
                    "the article later calls it \"{short}\", as it would a person"
                )
            }
            ListedWithPerson(person) => write!(f, "listed with the person \"{person}\""),
            PersonLater(word) => write!(f, "\"{word}\" is a person later in the article"),
            AbbreviationFor(name) => write!(f, "the abbreviation given for \"{name}\""),
            SameAs { name, at } => write!(f, "same as \"{name}\" in {at}"),
            InitialsOf(name) => write!(f, "the initials of \"{name}\""),
            ShortForDivision(name) => write!(f, "short for \"{name}\" in the article"),
            ListedWithPlace { place, known } => {
                write!(f, "listed with the place \"{place}\": {known}")
            }
            ListedWithPlaces(one, other) => {
                write!(f, "listed with the places \"{one}\" and \"{other}\"")
            }
        }
    }
}
