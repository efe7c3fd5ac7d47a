//! The gazetteer: places by name, decoded once from the compact `data/gazetteer.bin`.
//!
//! `scripts/data/gazetteer.py` builds the file from GeoNames data in registry packages (see
//! `data/README.md`). Names are compared *folded*: lower case, accents removed, apostrophes and
//! full stops dropped, other punctuation as spaces, "St."/"Mt."/"Ft." spelled out and the word
//! "the" dropped, so "St. Petersburg", "Saint-Petersburg" and "saint petersburg" are one key.
//!
//! # Format (integers LEB128 varints unless said otherwise; strings are a length and UTF-8)
//!
//! ```text
//! "AAGZ" u32le version
//! fold table:   n × (char as varint, string)         the accent folds, sorted by char
//! countries:    n × (2 ASCII bytes, entry + 1)        ISO 3166-1 alpha-2, referred to 1-based
//! admin-1:      n × (country u8, string code, entry + 1)   sorted by country then code
//! entries:      n, then fixed-width columns of n, kept as they are (no per-entry decoding):
//!               kind u8 · flags u8 · country u8 · admin-1 ordinal within its country (u16,
//!               0 = none) · lat × 100 (i16) · lon × 100 (i16) · population u8 (round(1.1^code),
//!               0 → 0); 16-bit columns as a plane of low bytes then a plane of high bytes;
//!               a place in an admin-1 region has its point as an offset from the region's
//!               (longitude wrapped into ±180°);
//!               then the newline-joined primary keys after their byte length; then the
//!               display names that title case does not spell: count, delta-coded entry ids,
//!               newline-joined names
//! other names:  n, newline-joined keys, then per key: count and entry ids, each as
//!               (delta << 1 | 1 for an alternate name, 0 for another main name)
//! demonyms:     n × (folded demonym, country u8)
//! ```
//!
//! Entries are sorted by primary key, so the places of one name are a contiguous run. Corrupt
//! column values are read as "none" rather than trusted.

use std::sync::OnceLock;

use super::entities::{Candidate, PlaceKind};

static EMBEDDED_BYTES: &[u8] = include_bytes!("../../data/gazetteer.bin");

const MAGIC: &[u8; 4] = b"AAGZ";
const VERSION: u32 = 5;
/// Populations are stored as a power of this step (one byte, within 5%).
const POPULATION_STEP: f64 = 1.1;
const FLAG_CAPITAL: u8 = 1;

/// An index into the gazetteer's entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(pub u32);

/// A place found for a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameMatch {
    pub place: PlaceId,
    /// Matched through an alternate name ("Bombay" for Mumbai) rather than the main one.
    pub alternate: bool,
}

/// Why the bytes could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "gazetteer: {}", self.0)
    }
}

/// Strings joined by newlines, addressed by index. Decoding keeps the stored text as it is and
/// only finds the line ends, which is what makes the gazetteer quick to open.
#[derive(Clone, Debug, Default)]
struct StringList {
    text: String,
    /// Where each string ends (its newline, or the text's end for the last).
    ends: Vec<u32>,
}

impl StringList {
    fn from_lines(text: &str, n: usize) -> Option<StringList> {
        let mut ends = Vec::with_capacity(n);
        if n > 0 {
            // `match_indices` on a char searches with memchr: the decode's hottest loop.
            ends.extend(text.match_indices('\n').map(|(i, _)| i as u32));
            ends.push(text.len() as u32);
        }
        (ends.len() == n && (n > 0 || text.is_empty())).then(|| StringList {
            text: text.to_string(),
            ends,
        })
    }

    fn get(&self, index: usize) -> &str {
        let start = match index {
            0 => 0,
            _ => self.ends.get(index - 1).map_or(0, |&end| end as usize + 1),
        };
        let end = self.ends.get(index).copied().unwrap_or(0) as usize;
        self.text.get(start..end).unwrap_or("")
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn push(&mut self, s: &str) {
        if !self.ends.is_empty() {
            self.text.push('\n');
        }
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
    }

    /// The range of indices whose string equals `key`, in a sorted list.
    fn equal_range(&self, key: &str) -> std::ops::Range<usize> {
        let start = partition_point(self.len(), |i| self.get(i) < key);
        let end = partition_point(self.len(), |i| self.get(i) <= key);
        start..end.max(start)
    }
}

fn partition_point(len: usize, mut before: impl FnMut(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, len);
    while low < high {
        let mid = low + (high - low) / 2;
        if before(mid) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    low
}

#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    folds: Vec<(char, u32)>,
    fold_strings: StringList,
    countries: Vec<[u8; 2]>,
    admin1_country: Vec<u8>,
    admin1_codes: StringList,
    /// Per country (1-based, index 0 unused): the first admin-1 index, or `u32::MAX`.
    admin1_start: Vec<u32>,
    len: usize,
    kinds: Vec<u8>,
    flags: Vec<u8>,
    country: Vec<u8>,
    /// Admin-1 ordinals within the country, 16-bit in two planes.
    admin1: Vec<u8>,
    lat: Vec<u8>,
    lon: Vec<u8>,
    population: Vec<u8>,
    keys: StringList,
    named: Vec<u32>,
    names: StringList,
    alternate_keys: StringList,
    /// Entry ids shifted left by one, the low bit set for an alternate name.
    postings: Vec<u32>,
    posting_ends: Vec<u32>,
    demonyms: StringList,
    demonym_country: Vec<u8>,
    /// Per country (1-based): its entry.
    country_entry: Vec<Option<u32>>,
    /// Per admin-1 index: its entry.
    admin1_entry: Vec<Option<u32>>,
    populations: Vec<u64>,
}

/// The value at `i` of a column of 16-bit values stored as two planes.
fn plane16(column: &[u8], len: usize, i: usize) -> u16 {
    match (column.get(i), column.get(len + i)) {
        (Some(&low), Some(&high)) => u16::from_le_bytes([low, high]),
        _ => 0,
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, what: &str) -> DecodeError {
        DecodeError(format!("{what} at byte {}", self.at))
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| self.error("unexpected end"))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn varint(&mut self) -> Result<u64, DecodeError> {
        if let Some(&byte) = self.bytes.get(self.at) {
            if byte < 0x80 {
                self.at += 1;
                return Ok(u64::from(byte));
            }
        }
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self
                .bytes
                .get(self.at)
                .ok_or_else(|| self.error("unexpected end"))?;
            self.at += 1;
            value |= u64::from(byte & 0x7F) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.error("varint too long"))
    }

    /// A count, refused when larger than the bytes left could possibly hold.
    fn count(&mut self) -> Result<usize, DecodeError> {
        let n = self.varint()?;
        if n > (self.bytes.len() - self.at) as u64 {
            return Err(self.error("count larger than the data"));
        }
        Ok(n as usize)
    }

    fn str(&mut self) -> Result<&'a str, DecodeError> {
        let len = self.count()?;
        let bytes = self.take(len)?;
        std::str::from_utf8(bytes).map_err(|_| self.error("invalid UTF-8"))
    }

    /// `n` strings joined by newlines, after their byte length; checked as UTF-8 once.
    fn lines(&mut self, n: usize) -> Result<StringList, DecodeError> {
        let len = self.count()?;
        let bytes = self.take(len)?;
        let text = std::str::from_utf8(bytes).map_err(|_| self.error("invalid UTF-8"))?;
        StringList::from_lines(text, n).ok_or_else(|| self.error("wrong number of lines"))
    }
}

const KIND_COUNTRY: u8 = 2;
const KIND_ADMIN1: u8 = 3;

fn kind_from_code(code: u8) -> Option<PlaceKind> {
    Some(match code {
        0 => PlaceKind::Continent,
        1 => PlaceKind::Region,
        2 => PlaceKind::Country,
        3 => PlaceKind::Admin1,
        4 => PlaceKind::City,
        5 => PlaceKind::Facility,
        6 => PlaceKind::Feature,
        7 => PlaceKind::Admin2,
        _ => return None,
    })
}

fn decode_population(code: u8) -> u64 {
    if code == 0 {
        0
    } else {
        POPULATION_STEP.powi(i32::from(code)).round() as u64
    }
}

impl Gazetteer {
    /// The gazetteer compiled into the program, decoded on first use. Corrupt data gives an
    /// empty gazetteer (every lookup finds nothing), never a panic.
    pub fn embedded() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(|| Gazetteer::decode(EMBEDDED_BYTES).unwrap_or_default())
    }

    /// Decodes the compiled-in data afresh (for timing; use [`Gazetteer::embedded`]).
    pub fn decode_embedded() -> Gazetteer {
        Gazetteer::decode(EMBEDDED_BYTES).unwrap_or_default()
    }

    /// The size of the compiled-in data in bytes.
    pub fn embedded_size() -> usize {
        EMBEDDED_BYTES.len()
    }

    pub fn decode(bytes: &[u8]) -> Result<Gazetteer, DecodeError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(DecodeError("not a gazetteer file".into()));
        }
        let version = u32::from_le_bytes(r.take(4)?.try_into().unwrap_or([0; 4]));
        if version != VERSION {
            return Err(DecodeError(format!(
                "version {version}, expected {VERSION}"
            )));
        }
        let mut g = Gazetteer::default();
        let n = r.count()?;
        for _ in 0..n {
            let code = r.varint()?;
            let ch = u32::try_from(code)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| r.error("invalid char"))?;
            let folded = r.str()?;
            g.folds.push((ch, g.fold_strings.len() as u32));
            g.fold_strings.push(folded);
        }
        if !g.folds.windows(2).all(|w| w[0].0 < w[1].0) {
            return Err(r.error("fold table not sorted"));
        }
        let n_countries = r.count()?;
        if n_countries > 255 {
            return Err(r.error("too many countries"));
        }
        let mut country_entry = Vec::with_capacity(n_countries + 1);
        country_entry.push(None);
        for _ in 0..n_countries {
            let code = r.take(2)?;
            g.countries.push([code[0], code[1]]);
            country_entry.push(r.varint()?.checked_sub(1));
        }
        let n_admin1 = r.count()?;
        g.admin1_start = vec![u32::MAX; n_countries + 1];
        let mut admin1_entry = Vec::with_capacity(n_admin1);
        for i in 0..n_admin1 {
            let country = r.take(1)?[0] as usize;
            if country == 0 || country > n_countries {
                return Err(r.error("admin-1 without a country"));
            }
            if g.admin1_country
                .last()
                .is_some_and(|&c| c as usize > country)
            {
                return Err(r.error("admin-1 regions not sorted by country"));
            }
            if g.admin1_start[country] == u32::MAX {
                g.admin1_start[country] = i as u32;
            }
            g.admin1_country.push(country as u8);
            let code = r.str()?;
            g.admin1_codes.push(code);
            admin1_entry.push(r.varint()?.checked_sub(1));
        }
        let n = r.count()?;
        g.len = n;
        g.kinds = r.take(n)?.to_vec();
        g.flags = r.take(n)?.to_vec();
        g.country = r.take(n)?.to_vec();
        g.admin1 = r.take(2 * n)?.to_vec();
        g.lat = r.take(2 * n)?.to_vec();
        g.lon = r.take(2 * n)?.to_vec();
        g.population = r.take(n)?.to_vec();
        g.keys = r.lines(n)?;
        let n_named = r.count()?;
        let mut id = 0u64;
        for _ in 0..n_named {
            id += r.varint()?;
            if id >= n as u64 {
                return Err(r.error("name for no entry"));
            }
            g.named.push(id as u32);
        }
        g.names = r.lines(n_named)?;
        let n_alternates = r.count()?;
        g.alternate_keys = r.lines(n_alternates)?;
        for _ in 0..n_alternates {
            let count = r.count()?;
            let mut id = 0u64;
            for _ in 0..count {
                let posting = r.varint()?;
                id += posting >> 1;
                if id >= n as u64 || id > u64::from(u32::MAX >> 1) {
                    return Err(r.error("posting out of range"));
                }
                g.postings.push((id as u32) << 1 | (posting & 1) as u32);
            }
            g.posting_ends.push(g.postings.len() as u32);
        }
        let n_demonyms = r.count()?;
        for _ in 0..n_demonyms {
            let key = r.str()?;
            g.demonyms.push(key);
            let country = r.take(1)?[0];
            if country as usize > n_countries {
                return Err(r.error("demonym of no country"));
            }
            g.demonym_country.push(country);
        }
        if r.at != bytes.len() {
            return Err(r.error("trailing bytes"));
        }
        // Links to entries are trusted only when they point at an entry of the right kind.
        let links_to = |entry: Option<u64>, kind: u8| {
            entry
                .filter(|&e| e < n as u64 && g.kinds[e as usize] == kind)
                .map(|e| e as u32)
        };
        g.country_entry = country_entry
            .into_iter()
            .map(|e| links_to(e, KIND_COUNTRY))
            .collect();
        g.admin1_entry = admin1_entry
            .into_iter()
            .map(|e| links_to(e, KIND_ADMIN1))
            .collect();
        g.populations = (0..=255u8).map(decode_population).collect();
        Ok(g)
    }

    /// How many places the gazetteer holds.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The folded form of a name: the key the gazetteer compares.
    pub fn fold(&self, name: &str) -> String {
        let mut out = String::with_capacity(name.len());
        for ch in name.chars() {
            if ch.is_ascii() {
                if ch.is_ascii_alphanumeric() {
                    out.push(ch.to_ascii_lowercase());
                } else if !is_dropped_mark(ch) {
                    out.push(' ');
                }
            } else if is_dropped_mark(ch) {
            } else if let Ok(i) = self.folds.binary_search_by_key(&ch, |&(c, _)| c) {
                out.push_str(self.fold_strings.get(self.folds[i].1 as usize));
            } else if ch.is_alphabetic() {
                out.extend(ch.to_lowercase());
            } else {
                out.push(' ');
            }
        }
        let mut tokens: Vec<&str> = out.split_whitespace().collect();
        // "The Hague", "Democratic Republic of the Congo": "the" is dropped wherever it stands.
        if tokens.len() > 1 && tokens.iter().any(|&t| t != "the") {
            tokens.retain(|&t| t != "the");
        }
        let mut key = String::with_capacity(out.len() + 4);
        for (i, token) in tokens.iter().enumerate() {
            if i > 0 {
                key.push(' ');
            }
            key.push_str(match *token {
                "st" => "saint",
                "ste" => "sainte",
                "mt" => "mount",
                "ft" => "fort",
                other => other,
            });
        }
        key
    }

    /// Every place that a name may refer to, main names first, in gazetteer order.
    pub fn lookup(&self, name: &str) -> Vec<NameMatch> {
        self.lookup_folded(&self.fold(name))
    }

    /// Like [`Gazetteer::lookup`] for a key already folded.
    pub fn lookup_folded(&self, key: &str) -> Vec<NameMatch> {
        if key.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<NameMatch> = self
            .keys
            .equal_range(key)
            .map(|i| NameMatch {
                place: PlaceId(i as u32),
                alternate: false,
            })
            .collect();
        for k in self.alternate_keys.equal_range(key) {
            let start = if k == 0 {
                0
            } else {
                self.posting_ends[k - 1] as usize
            };
            let end = self.posting_ends[k] as usize;
            for &posting in self.postings.get(start..end).unwrap_or(&[]) {
                let id = posting >> 1;
                if !found.iter().any(|m| m.place.0 == id) {
                    found.push(NameMatch {
                        place: PlaceId(id),
                        alternate: posting & 1 == 1,
                    });
                }
            }
        }
        found
    }

    /// Whether any place has this name.
    pub fn is_place_name(&self, name: &str) -> bool {
        let key = self.fold(name);
        !key.is_empty()
            && (!self.keys.equal_range(&key).is_empty()
                || !self.alternate_keys.equal_range(&key).is_empty())
    }

    /// The country with this ISO 3166-1 alpha-2 code ("IR").
    pub fn country_by_code(&self, code: &str) -> Option<PlaceId> {
        let bytes = code.as_bytes();
        let index = self
            .countries
            .iter()
            .position(|c| c.eq_ignore_ascii_case(bytes))?;
        self.country_entry
            .get(index + 1)
            .copied()
            .flatten()
            .map(PlaceId)
    }

    /// The country a demonym belongs to: "Iranian", "Iranians" → Iran.
    pub fn demonym(&self, word: &str) -> Option<PlaceId> {
        let key = self.fold(word);
        let range = self.demonyms.equal_range(&key);
        if range.is_empty() {
            return None;
        }
        let country = *self.demonym_country.get(range.start)?;
        self.country_entry
            .get(country as usize)
            .copied()
            .flatten()
            .map(PlaceId)
    }

    fn valid(&self, id: PlaceId) -> Option<usize> {
        let i = id.0 as usize;
        (i < self.len()).then_some(i)
    }

    /// The display name: "Saint Petersburg", "Tatarstan Republic".
    pub fn name(&self, id: PlaceId) -> String {
        let Some(i) = self.valid(id) else {
            return String::new();
        };
        match self.named.binary_search(&(i as u32)) {
            Ok(k) => self.names.get(k).to_string(),
            Err(_) => title_case(self.keys.get(i)),
        }
    }

    /// The folded main name.
    pub fn key(&self, id: PlaceId) -> &str {
        self.valid(id).map(|i| self.keys.get(i)).unwrap_or("")
    }

    pub fn kind(&self, id: PlaceId) -> PlaceKind {
        self.valid(id)
            .and_then(|i| kind_from_code(self.kinds[i]))
            .unwrap_or(PlaceKind::Feature)
    }

    /// The 1-based country index of an entry, 0 for none.
    fn country_index(&self, i: usize) -> usize {
        let country = self.country.get(i).copied().unwrap_or(0) as usize;
        if country <= self.countries.len() {
            country
        } else {
            0
        }
    }

    /// ISO 3166-1 alpha-2, empty for places above countries.
    pub fn country_code(&self, id: PlaceId) -> &str {
        let Some(i) = self.valid(id) else { return "" };
        self.country_index(i)
            .checked_sub(1)
            .and_then(|c| self.countries.get(c))
            .and_then(|c| std::str::from_utf8(c).ok())
            .unwrap_or("")
    }

    /// The country entry a place lies in (a country is its own).
    pub fn country_of(&self, id: PlaceId) -> Option<PlaceId> {
        let i = self.valid(id)?;
        self.country_entry
            .get(self.country_index(i))
            .copied()
            .flatten()
            .map(PlaceId)
    }

    /// The global admin-1 index of an entry, checked against its country.
    fn admin1_index(&self, i: usize) -> Option<usize> {
        let ordinal = plane16(&self.admin1, self.len, i) as usize;
        let country = self.country_index(i);
        let start = *self.admin1_start.get(country)? as usize;
        let index = start.checked_add(ordinal)?.checked_sub(1)?;
        (ordinal > 0 && self.admin1_country.get(index).copied()? as usize == country)
            .then_some(index)
    }

    /// The admin-1 region entry a place lies in (a region is its own).
    pub fn admin1_of(&self, id: PlaceId) -> Option<PlaceId> {
        let i = self.valid(id)?;
        let admin1 = self.admin1_index(i)?;
        self.admin1_entry
            .get(admin1)
            .copied()
            .flatten()
            .map(PlaceId)
    }

    /// The GeoNames admin-1 code ("US.TX"), if the place lies in a region.
    pub fn admin1_code(&self, id: PlaceId) -> Option<String> {
        let i = self.valid(id)?;
        let admin1 = self.admin1_index(i)?;
        Some(format!(
            "{}.{}",
            self.country_code(id),
            self.admin1_codes.get(admin1)
        ))
    }

    /// Latitude and longitude in hundredths of a degree: a place in a region is stored as an
    /// offset from the region's point.
    fn point(&self, i: usize) -> (i32, i32) {
        let lat = i32::from(plane16(&self.lat, self.len, i) as i16);
        let lon = i32::from(plane16(&self.lon, self.len, i) as i16);
        let region = (self.kinds.get(i) != Some(&KIND_ADMIN1))
            .then(|| self.admin1_index(i))
            .flatten()
            .and_then(|a| self.admin1_entry.get(a).copied().flatten());
        match region {
            Some(r) => {
                let r = r as usize;
                let base_lat = i32::from(plane16(&self.lat, self.len, r) as i16);
                let base_lon = i32::from(plane16(&self.lon, self.len, r) as i16);
                let lon = (base_lon + lon + 18000).rem_euclid(36000) - 18000;
                ((base_lat + lat).clamp(-9000, 9000), lon)
            }
            None => (lat.clamp(-9000, 9000), lon.clamp(-18000, 18000)),
        }
    }

    pub fn lat(&self, id: PlaceId) -> f64 {
        self.valid(id)
            .map(|i| f64::from(self.point(i).0) / 100.0)
            .unwrap_or(0.0)
    }

    pub fn lon(&self, id: PlaceId) -> f64 {
        self.valid(id)
            .map(|i| f64::from(self.point(i).1) / 100.0)
            .unwrap_or(0.0)
    }

    /// Within 5%.
    pub fn population(&self, id: PlaceId) -> u64 {
        self.valid(id)
            .and_then(|i| self.populations.get(self.population[i] as usize))
            .copied()
            .unwrap_or(0)
    }

    /// The national capital.
    pub fn is_capital(&self, id: PlaceId) -> bool {
        self.valid(id)
            .is_some_and(|i| self.flags[i] & FLAG_CAPITAL != 0)
    }

    /// The country's capital city, if known. A scan of every entry: for occasional use.
    pub fn capital_of(&self, country: PlaceId) -> Option<PlaceId> {
        let code = self.country_code(country);
        (0..self.len())
            .map(|i| PlaceId(i as u32))
            .find(|&id| self.is_capital(id) && self.country_code(id) == code)
    }

    /// The place as the analysis schema's candidate.
    pub fn candidate(&self, id: PlaceId) -> Candidate {
        Candidate {
            name: self.name(id),
            kind: self.kind(id),
            country: self.country_code(id).to_string(),
            admin1: self.admin1_of(id).map(|a| self.name(a)),
            lat: self.lat(id),
            lon: self.lon(id),
            population: self.population(id),
        }
    }
}

fn is_dropped_mark(ch: char) -> bool {
    matches!(ch, '\'' | '.' | '`' | '’' | '‘' | 'ʼ' | 'ʻ' | '´')
}

fn title_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut start = true;
    for ch in key.chars() {
        if start {
            out.extend(ch.to_uppercase());
        } else {
            out.push(ch);
        }
        start = ch == ' ';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g() -> &'static Gazetteer {
        Gazetteer::embedded()
    }

    #[test]
    fn embedded_data_decodes() {
        assert!(g().len() > 50_000, "{} entries", g().len());
    }

    #[test]
    fn folds_accents_case_abbreviations_and_punctuation() {
        for (name, key) in [
            ("St. Petersburg", "saint petersburg"),
            ("Saint-Petersburg", "saint petersburg"),
            ("Kraków", "krakow"),
            ("Xi'an", "xian"),
            ("The Hague", "hague"),
            (
                "Democratic Republic of the Congo",
                "democratic republic of congo",
            ),
            ("the the", "the the"),
            ("Mt. Vernon", "mount vernon"),
            ("  SÃO   paulo ", "sao paulo"),
        ] {
            assert_eq!(g().fold(name), key, "{name}");
        }
    }

    #[test]
    fn looks_up_cities_regions_countries() {
        let kazan = g().lookup("Kazan");
        assert!(kazan
            .iter()
            .any(|m| g().country_code(m.place) == "RU" && g().kind(m.place) == PlaceKind::City));
        let spb = g().lookup("St. Petersburg");
        assert!(spb.iter().any(|m| g().country_code(m.place) == "RU"));
        assert!(g()
            .lookup("Tatarstan")
            .iter()
            .any(|m| g().kind(m.place) == PlaceKind::Admin1));
        assert!(g().is_place_name("Bushehr"));
        assert!(!g().is_place_name("Khatami"));
        assert!(g().lookup("").is_empty());
    }

    #[test]
    fn countries_by_code_and_demonym() {
        let iran = g().country_by_code("IR").expect("Iran");
        assert_eq!(g().name(iran), "Iran");
        assert_eq!(g().kind(iran), PlaceKind::Country);
        assert_eq!(g().demonym("Iranian"), Some(iran));
        assert_eq!(g().demonym("Iranians"), Some(iran));
        assert_eq!(
            g().demonym("Russian").map(|c| g().country_code(c)),
            Some("RU")
        );
        assert_eq!(g().demonym("Table"), None);
    }

    #[test]
    fn corrupt_data_is_an_error_not_a_panic() {
        let bytes = EMBEDDED_BYTES;
        assert!(Gazetteer::decode(&[]).is_err());
        assert!(Gazetteer::decode(b"AAGZ\x01\0\0\0").is_err());
        for cut in [5, 100, 1000, bytes.len() / 2, bytes.len() - 1] {
            assert!(Gazetteer::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        // Column bytes are not checked at decode: reading a corrupt entry must still not panic.
        let mut flipped = bytes.to_vec();
        for i in (8..flipped.len()).step_by(flipped.len() / 97) {
            flipped[i] ^= 0x55;
            if let Ok(g) = Gazetteer::decode(&flipped) {
                for id in (0..g.len() as u32).step_by(997).map(PlaceId) {
                    let _ = g.candidate(id);
                    let _ = (g.admin1_code(id), g.country_of(id), g.is_capital(id));
                }
                let _ = (
                    g.lookup("Kazan"),
                    g.demonym("Iranian"),
                    g.country_by_code("IR"),
                );
            }
        }
    }
}
