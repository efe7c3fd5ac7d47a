//! The closed word lists that recognition reads, each defined once. Lists that other passes
//! keep under a similar name mean something else there: `SPEAKER_NOUNS` (quotations),
//! `COMPASS_BEFORE_NUMBERED_STREET` and `ORDINAL_STREET_TYPES` (roads), the places'
//! `STREET_ENDINGS`.

/// Words that are names only as part of a longer one ("West Bengal", not "the West" alone).
pub(super) const NEVER_ALONE: &[&str] = &[
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
pub(super) const NAME_PREFIXES: &[&str] = &[
    "ex-", "pro-", "anti-", "non-", "post-", "pre-", "neo-", "pan-", "trans-", "inter-", "intra-",
    "made-in-",
];

/// Lower-case words that may join the capitalised words of one name.
pub(super) const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "de", "del", "della", "der", "den", "di", "da", "do", "dos",
    "das", "du", "la", "le", "van", "von", "y", "ul", "ud", "abu", "ben",
];

/// Lower-case words that join the parts of an institution's name ("Bank of England").
pub(super) const INSTITUTION_LINKS: &[&str] = &["of", "for", "on", "and", "&", "the"];

/// Institution words that name an organisation even alone ("Parliament", "Cabinet").
pub(super) const STANDALONE_ORGS: &[&str] = &[
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
pub(super) const ABBREVIATIONS: &[&str] = &[
    "St", "Mt", "Ft", "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sgt", "Capt", "Prof", "Rev",
    "Sen", "Rep", "Gov", "Jr", "Sr", "Maj", "Brig", "Cpl", "Adm", "Cllr", "Det", "Insp", "Supt",
    "Ste",
];

/// First words of a place's name ("St. Petersburg", "San Jose", "Fort Worth").
pub(super) const PLACE_PREFIXES: &[&str] = &[
    "St", "Saint", "San", "Santa", "Santo", "Sao", "São", "Fort", "Ft", "Mt", "Los", "Las",
    "Ciudad", "Puerto", "Port", "Lake", "Mount", "Cape", "Sainte", "Ste",
];

/// Words before a name that say it is a place.
pub(super) const PLACE_CUES: &[&str] = &[
    "in", "at", "near", "outside", "from", "across", "into", "In", "At", "From",
];

/// Common nouns for places that, before "of", introduce one ("the city of Kazan").
pub(super) const PLACE_NOUNS: &[&str] = &[
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
pub(super) const LIST_PLACE_NOUNS: &[&str] = &[
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
pub(super) const DIVISION_NOUNS: &[&str] = &[
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
pub(super) const LOCAL_NOUNS: &[&str] = &[
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
pub(super) const SPEECH_VERBS: &[&str] = &[
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
pub(super) const PEOPLE_CUES: &[&str] = &[
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
pub(super) const INTRODUCING_PERSON_NOUNS: &[&str] = &[
    "man", "woman", "boy", "girl", "child", "teenager", "person", "daughter", "son", "wife",
    "husband", "mother", "father", "brother", "sister", "resident", "guy", "baby",
];

/// Articles that open a Romance-language name ("La Prensa", "El Espectador", "Los Andes").
pub(super) const ROMANCE_ARTICLES: &[&str] = &["La", "Le", "Les", "Los", "Las", "El", "Il", "Lo"];

/// Lower-case words before a people's name: "the indigenous Lencas".
pub(super) const PEOPLE_QUALIFIERS: &[&str] = &["ethnic", "indigenous", "native", "Indigenous"];

/// Plural nouns whose possessive is part of an institution's name: "Children's Hospital",
/// "People's Republic", "Women's Group", "Veterans' Affairs".
pub(super) const POSSESSORS_IN_NAMES: &[&str] = &[
    "Children", "People", "Peoples", "Women", "Men", "Workers", "Veterans", "Farmers", "Citizens",
    "Mothers", "Teachers", "Nurses", "Traders", "Soldiers", "Sailors", "Girls", "Boys", "Ladies",
];

/// Lower-case nouns of an industrial site that end an organisation's name ("Izhorsk plant").
/// Not "party", "group" or "company": news writes the name alone ("the Unity party" is the
/// Unity party's name and a noun), and annotators mark the name without the noun.
pub(super) const ORG_NOUNS: &[&str] = &["plant", "factory", "shipyard", "refinery", "mill"];

/// Capitalised words that open a new sentence when a stop is missing ("in Lisbon The talks"),
/// never the inside of a name.
pub(super) const RUN_ON_WORDS: &[&str] = &[
    "The", "That", "This", "These", "Those", "He", "She", "They", "We", "His", "Her", "Their",
    "Its", "Our", "There",
];

/// Words that open a place's name and never a person's: "South Charleston", "N. Augusta".
pub(super) const COMPASS_PLACE_OPENERS: &[&str] = &[
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
pub(super) const NOT_PLACES: &[&str] = &["Real Estate"];

/// Plural nouns for the people of a public service, after a place in one capitalised run.
pub(super) const SERVICE_CREWS: &[&str] = &[
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
pub(super) const SECTOR_WORDS: &[&str] = &[
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
pub(super) const COMPASS_POINTS: &[&str] = &[
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
pub(super) const MOTION_VERBS: &[&str] = &[
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
pub(super) const DISEASE_NOUNS: &[&str] = &["virus", "fever", "disease", "flu", "syndrome"];

/// Words that, before a known place, name a part of it: "Upper Egypt", "Eastern Africa".
pub(super) const COMPASS_ADJECTIVES: &[&str] = &[
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
pub(super) const STRONG_PLACE_CUES: &[&str] =
    &["in", "near", "outside", "from", "of", "to", "In", "From"];

/// All-caps words that open a line before a dash without naming a place.
pub(super) const DATELINE_LABELS: &[&str] = &[
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

/// A town's offices, before whose holder the town's name is a place ("Dayton Mayor Jane Roe").
pub(super) const LOCAL_TITLES: &[&str] = &[
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

/// A court's words between a place and "Judge" or "Attorney" ("Ogden Circuit Judge").
pub(super) const COURT_WORDS: &[&str] = &[
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

/// Street types that end the street of an address before its town: "12 N. Elm Street, Millheim".
pub(super) const ADDRESS_STREET_TYPES: &[&str] = &[
    "Street",
    "Avenue",
    "Road",
    "Boulevard",
    "Drive",
    "Lane",
    "Way",
    "Parkway",
];

/// Place nouns that stand in apposition before a place's name: "the capital Kabul".
pub(super) const APPOSED_PLACE_NOUNS: &[&str] = &[
    "city", "town", "village", "island", "capital", "province", "district", "region",
];

/// Nouns for groups of people that the stop words hold so that "Police said" or "Residents
/// fled" name nothing, but that open names of bodies too ("People Harvest Party").
pub(super) const GROUP_NOUN_STOPWORDS: &[&str] = &[
    "Authorities",
    "Officials",
    "Police",
    "Residents",
    "Experts",
    "Analysts",
    "Critics",
    "Researchers",
    "Scientists",
    "Students",
    "Parents",
    "People",
    "Opposition",
];
