/// Words that end a street's name: a street is not in the place it is named after.
pub(super) const STREET_ENDINGS: &[&str] = &[
    "street",
    "road",
    "avenue",
    "highway",
    "lane",
    "drive",
    "boulevard",
    "pike",
    "turnpike",
];

/// Words after a place name that make it a facility or a part of the place.
pub(super) const FACILITY_WORDS: &[&str] = &[
    "airport",
    "plant",
    "power",
    "nuclear",
    "station",
    "facility",
    "reactor",
    "port",
    "harbor",
    "harbour",
    "base",
    "dam",
    "bridge",
    "university",
    "hospital",
    "prison",
    "square",
    "stadium",
    "mosque",
    "cathedral",
    "church",
    "temple",
    "palace",
    "refinery",
    "mine",
    "field",
    "center",
    "centre",
    "camp",
    "complex",
    "site",
    "area",
    "region",
    "province",
    "district",
    "county",
    "state",
    "city",
    "town",
    "village",
    "oblast",
    "governorate",
    "prefecture",
    "republic",
    "municipality",
    "parish",
    "valley",
    "island",
    "islands",
    "metropolitan",
    "metro",
    "border",
    "market",
    "zoo",
    "park",
    "library",
    "museum",
    "hotel",
    "school",
    "college",
    "court",
    "courthouse",
    "hall",
    "office",
    "embassy",
];

/// Leading words that locate within a place: "northern Iraq", "central Moscow".
pub(crate) const DIRECTION_WORDS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "downtown",
    "greater",
    "upper",
    "lower",
    "mainland",
    "rural",
    "coastal",
    "inner",
];

/// Last words of a name that make it a street, building or part of a town.
pub(super) const LOCAL_FEATURE_WORDS: &[&str] = &[
    "street",
    "st",
    "road",
    "avenue",
    "ave",
    "lane",
    "drive",
    "boulevard",
    "highway",
    "hospital",
    "school",
    "elementary",
    "high",
    "college",
    "center",
    "centre",
    "church",
    "club",
    "estate",
    "park",
    "stadium",
    "hall",
    "library",
    "museum",
    "market",
    "mall",
    "plaza",
    "square",
    "station",
    "courthouse",
    "theatre",
    "theater",
    "farm",
    "farms",
    "neighborhood",
    "district",
    "airport",
    "racecourse",
    "arena",
    "casino",
    "hotel",
    "zoo",
    "aquarium",
    "gallery",
    "gardens",
    "cemetery",
    "terminal",
    "studio",
    "studios",
    "furnaces",
];

/// Words of a name that put it outside any town: national parks and forests, seas.
pub(crate) const OUTSIDE_TOWN_WORDS: &[&str] =
    &["National", "Forest", "Wilderness", "Sea", "Ocean"];

/// Words of a natural feature, which lies as often outside a town as in it: an unknown name
/// with one is no quarter of the article's town ("Lake Paris", "Kettle River").
pub(super) const NATURAL_FEATURE_WORDS: &[&str] = &[
    "Lake",
    "Lakes",
    "River",
    "Creek",
    "Mount",
    "Mountain",
    "Mountains",
    "Island",
    "Islands",
    "Bay",
    "Gulf",
    "Valley",
    "Desert",
    "Peninsula",
    "Cape",
    "Glacier",
    "Falls",
    "Strait",
];

/// Words after a name that make it a first-level region: "New York state", "Texas Gov.".
pub(super) const REGIONAL_WORDS: &[&str] = &[
    "state",
    "State",
    "statewide",
    "Gov",
    "Gov.",
    "Governor",
    "governor",
    "Legislature",
    "legislature",
    "legislators",
];

/// Words before a name that make it a side in a game: "beat Louisville", "against Duke".
pub(super) const CONTEST_WORDS: &[&str] = &[
    "against",
    "beat",
    "beats",
    "defeated",
    "defeats",
    "outlasted",
    "edged",
    "routed",
    "vs",
    "vs.",
    "versus",
];

/// Words that name a part of a coast, a river or a town, never a place alone: "North Side",
/// "West Coast".
pub(super) const GENERIC_PART_WORDS: &[&str] =
    &["side", "coast", "shore", "end", "bank", "valley", "county"];

/// Words for an administrative region or a settlement, generic in any country: "Bushehr
/// province", "Rift Valley".
pub(super) const GENERIC_REGION_WORDS: &[&str] = &[
    "region",
    "province",
    "district",
    "county",
    "state",
    "city",
    "town",
    "village",
    "oblast",
    "governorate",
    "prefecture",
    "republic",
    "municipality",
    "parish",
    "area",
    "metropolitan",
    "metro",
    "valley",
];

/// Words that open a region's formal name before "of": "Republic of Tatarstan".
pub(super) const DIVISION_BEFORE_OF: &[&str] =
    &["republic", "province", "state", "city", "region", "county"];

/// Plural street words that close a list of streets: "Clinton and Fulton streets".
pub(super) const PLURAL_STREET_WORDS: &[&str] = &[
    "streets",
    "avenues",
    "roads",
    "boulevards",
    "drives",
    "lanes",
];

/// A name made only of compass and generic words: "North Side", "West Coast", "Central".
pub(crate) fn is_generic_name(key: &str) -> bool {
    !key.is_empty()
        && key.split(' ').all(|w| {
            DIRECTION_WORDS.contains(&w)
                || is_generic_region(&[w])
                || GENERIC_PART_WORDS.contains(&w)
        })
}

pub(super) fn is_generic_region(words: &[&str]) -> bool {
    words.iter().all(|w| GENERIC_REGION_WORDS.contains(w))
}

/// Verbs that make a capital's name stand for its government: "Moscow hoped", "Washington said".
pub(super) const GOVERNMENT_VERBS: &[&str] = &[
    "said",
    "says",
    "announced",
    "warned",
    "insists",
    "insisted",
    "wants",
    "wanted",
    "accused",
    "denied",
    "rejected",
    "demanded",
    "criticized",
    "criticised",
    "hoped",
    "hopes",
    "agreed",
    "refused",
    "condemned",
    "urged",
    "threatened",
    "responded",
    "protested",
    "signed",
    "approved",
    "imposed",
    "welcomed",
    "claims",
    "claimed",
];
