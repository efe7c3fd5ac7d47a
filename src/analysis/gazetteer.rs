//! The gazetteer: places by name, decoded once from the compact `data/gazetteer.bin.lzma`.
//!
//! `scripts/data/gazetteer.py` builds the file from GeoNames data in registry packages (see
//! `data/README.md`). Names are compared *folded*: lower case, accents removed, apostrophes and
//! full stops dropped, other punctuation as spaces, "St."/"Mt."/"Ft." spelled out and the word
//! "the" dropped, so "St. Petersburg", "Saint-Petersburg" and "saint petersburg" are one key.
//!
//! # Format (integers LEB128 varints unless said otherwise; strings are a length and UTF-8)
//!
//! The file is embedded LZMA-compressed (`packed`); unpacked, it reads:
//!
//! ```text
//! "AAGZ" u32le version
//! fold table:   n × (char as varint, string)         the accent folds, sorted by char
//! countries:    n × (2 ASCII bytes, entry + 1)        ISO 3166-1 alpha-2, referred to 1-based;
//!               ordered by how many entries they hold, most first (small indices compress)
//! admin-1:      n, then fixed-width columns of n: country u8 · a width byte w and n codes of
//!               w bytes, padded with spaces; sorted by country, then by how many entries each
//!               holds, most first; a region's entry is the admin-1 entry lying in it
//! entries:      n, then fixed-width columns of n:
//!               kind u8 · flags u8 · country u8 · admin-1 ordinal within its country (u16,
//!               0 = none) · lat × 20 · lon × 20 (zigzag-coded i16: 0, -1, 1… as 0, 1, 2…) ·
//!               population u8 (round(1.1^code), 0 → 0); 16-bit columns as a plane of low
//!               bytes then a plane of high bytes; a place in an admin-1 region has its point
//!               as an offset from the region's (longitude wrapped into ±180°)
//! key step:     s, the key index's step (below)
//! other names:  m, the entries that have other names as m gaps from the previous one (the
//!               first from 0), then one line per such entry: its other names, folded, sorted
//!               and tab-joined, each a byte 0x0B + 2 × the bytes it shares with the entry's
//!               key (at most 121) + 1 when it is another main name rather than an alternate
//!               one, then its remaining bytes (newline-joined, after their byte length).
//!               Opening the file sorts them into lines "key<TAB>ids": the entry ids in order,
//!               in decimal, joined by commas, each followed by "+" for a main name
//! demonyms:     sorted lines "folded demonym<TAB>country" (the 1-based country, in decimal)
//! keys:         one line per entry: its folded primary key and, after a tab, a patch that
//!               spells its display name from the key's title case, where title case does not
//!               ([`display_name`]); front-coded: each line starts with a byte that counts the
//!               bytes it shares with the previous line's key (at most 255), followed by the
//!               line's remainder (newline-joined, after their byte length)
//! ```
//!
//! Entries are sorted by primary key, so the places of one name are a contiguous run. Opening
//! the file writes the keys out as plain lines, with an index of every s-th line's start, in one
//! pass, and the other names as sorted lines, and hashes the distinct keys, the alternate names
//! and the demonyms into tables of their line starts (`sorted_lines::KeyTable`); everything else
//! is read where it lies. Corrupt column
//! values and lines are read as "none" rather than trusted.

use std::cmp::Ordering;
use std::hash::Hasher;
use std::ops::Range;
use std::sync::OnceLock;

use super::fnv::Fnv;
use super::model::{Candidate, PlaceKind};
use super::packed;
use super::sorted_lines::{self, compare_at, key_of, line_at, value_of, FirstByteIndex, KeyTable};

/// The gazetteer file, LZMA-compressed for the page's first load (see `packed`).
static EMBEDDED_PACKED: &[u8] = include_bytes!("../../data/gazetteer.bin.lzma");

const MAGIC: &[u8; 4] = b"AAGZ";
const VERSION: u32 = 8;
/// Points are stored in steps of a tenth of a degree (at most 5.6 km off along each axis): the
/// resolver's nearness steps are 40 km and more and its accuracy is scored within 161 km.
/// Twentieths cost 19 KB more of the first load (acc@161 of LGL half A .003 higher), hundredths
/// about 60 KB more (data/README.md).
const POINTS_PER_DEGREE: i32 = 10;
/// Populations are stored as a power of this step (one byte, within 5%; the builder keeps each on
/// the same side of `VILLAGE_POPULATION` and 100,000 as its true figure).
const POPULATION_STEP: f64 = 1.1;
const FLAG_CAPITAL: u8 = 1;

/// Towns below this population are villages. The gazetteer keeps the United States' for local
/// news, but a name is a village's only with local evidence (a qualifier, a place nearby).
pub const VILLAGE_POPULATION: u64 = 5_000;

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

/// The words that join a town's name to its river's or sea's ("Newark on Trent").
pub const SHORT_FORM_JOINERS: &[&str] = &["on", "upon", "under", "super"];

/// How many places one short form may stand for, per joining word.
const SHORT_FORM_MATCHES: usize = 4;

/// The file's sections, as byte ranges of [`Gazetteer::bytes`].
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    /// The unpacked file up to its keys, then the keys written out as plain lines and their
    /// index (`expand_keys`).
    bytes: Vec<u8>,
    /// Each accented char and where its folded spelling lies, sorted by char.
    folds: Vec<(char, Range<usize>)>,
    countries: Vec<[u8; 2]>,
    /// Per country (1-based, index 0 unused): its entry.
    country_entry: Vec<Option<u32>>,
    admin1_len: usize,
    admin1_country: usize,
    /// Per admin-1 index: its entry.
    admin1_entry: Vec<Option<u32>>,
    admin1_code_width: usize,
    admin1_codes: usize,
    /// Per country (1-based, index 0 unused): the first admin-1 index, or `u32::MAX`.
    admin1_start: Vec<u32>,
    len: usize,
    /// Where the entries' columns start: kind, flags, country, admin-1 (two planes), lat (two
    /// planes), lon (two planes), population.
    columns: usize,
    keys: Range<usize>,
    /// Every `key_step`-th line's start within the keys, u32le each.
    key_index: Range<usize>,
    key_step: usize,
    /// The key index blocks by their first line's first byte.
    blocks_by_first_byte: FirstByteIndex,
    /// Each distinct primary key by hash, with the entry of its first line per slot: the
    /// recogniser asks about most capitalised words, and a lookup by hash reads a line or two
    /// where the binary search read a dozen.
    key_table: KeyTable,
    key_entries: Vec<u32>,
    alternates: Range<usize>,
    demonyms: Range<usize>,
    /// Tables of the alternate names and the demonyms, built at open.
    alternates_table: KeyTable,
    demonyms_table: KeyTable,
    /// The hashes of the regions' and countries' spelling skeletons with their entries, sorted:
    /// built on first use by [`Gazetteer::lookup_by_spelling`], so that opening the file stays
    /// free.
    skeletons: OnceLock<Vec<(u64, u32)>>,
}

/// Column offsets within the entries' columns, in units of the entry count.
const COLUMN_KIND: usize = 0;
const COLUMN_FLAGS: usize = 1;
const COLUMN_COUNTRY: usize = 2;
const COLUMN_ADMIN1: usize = 3;
const COLUMN_LAT: usize = 5;
const COLUMN_LON: usize = 7;
const COLUMN_POPULATION: usize = 9;
const COLUMNS_WIDTH: usize = 10;

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn error(&self, what: &str) -> DecodeError {
        DecodeError(format!("{what} at byte {}", self.at))
    }

    /// The next `n` bytes, as a range of the file.
    fn skip(&mut self, n: usize) -> Result<Range<usize>, DecodeError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| self.error("unexpected end"))?;
        let range = self.at..end;
        self.at = end;
        Ok(range)
    }

    /// `n` items of `width` bytes.
    fn skip_many(&mut self, n: usize, width: usize) -> Result<Range<usize>, DecodeError> {
        let len = n
            .checked_mul(width)
            .ok_or_else(|| self.error("count larger than the data"))?;
        self.skip(len)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let range = self.skip(n)?;
        Ok(&self.bytes[range])
    }

    fn varint(&mut self) -> Result<u64, DecodeError> {
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

    /// A string: checked as UTF-8, returned as a range of the file.
    fn str(&mut self) -> Result<Range<usize>, DecodeError> {
        let len = self.count()?;
        let range = self.skip(len)?;
        std::str::from_utf8(&self.bytes[range.clone()]).map_err(|_| self.error("invalid UTF-8"))?;
        Ok(range)
    }

    /// Newline-joined lines after their byte length, kept as they are: not even checked as
    /// UTF-8 (each line is, when read).
    fn lines(&mut self) -> Result<Range<usize>, DecodeError> {
        let len = self.count()?;
        self.skip(len)
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

fn utf8(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or("")
}

/// A decimal number, as the lines write them.
fn decimal(digits: &[u8]) -> Option<u32> {
    utf8(digits).parse().ok()
}

impl Gazetteer {
    /// The gazetteer compiled into the program, decoded on first use. Corrupt data gives an
    /// empty gazetteer (every lookup finds nothing), never a panic.
    pub fn embedded() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(Gazetteer::decode_embedded)
    }

    /// Unpacks and decodes the compiled-in data afresh (for timing; use
    /// [`Gazetteer::embedded`]).
    pub fn decode_embedded() -> Gazetteer {
        packed::unpack(EMBEDDED_PACKED)
            .ok()
            .and_then(|bytes| Gazetteer::open(bytes).ok())
            .unwrap_or_default()
    }

    /// The size of the compiled-in (compressed) data in bytes.
    pub fn embedded_size() -> usize {
        EMBEDDED_PACKED.len()
    }

    /// Decodes a copy of the bytes (an unpacked file).
    pub fn decode(bytes: &[u8]) -> Result<Gazetteer, DecodeError> {
        Gazetteer::open(bytes.to_vec())
    }

    fn open(mut bytes: Vec<u8>) -> Result<Gazetteer, DecodeError> {
        let mut g = Gazetteer::default();
        let mut r = Reader {
            bytes: &bytes,
            at: 0,
        };
        if r.take(4)? != MAGIC {
            return Err(DecodeError("not a gazetteer file".into()));
        }
        let version = u32::from_le_bytes(r.take(4)?.try_into().unwrap_or([0; 4]));
        if version != VERSION {
            return Err(DecodeError(format!(
                "version {version}, expected {VERSION}"
            )));
        }
        let n = r.count()?;
        g.folds.reserve(n);
        for _ in 0..n {
            let code = r.varint()?;
            let ch = u32::try_from(code)
                .ok()
                .and_then(char::from_u32)
                .ok_or_else(|| r.error("invalid char"))?;
            g.folds.push((ch, r.str()?));
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
        g.admin1_len = r.count()?;
        let admin1_country = r.skip(g.admin1_len)?;
        g.admin1_country = admin1_country.start;
        g.admin1_code_width = usize::from(r.take(1)?[0]);
        g.admin1_codes = r.skip_many(g.admin1_len, g.admin1_code_width)?.start;
        g.admin1_start = vec![u32::MAX; n_countries + 1];
        let mut previous = 1;
        for (i, &country) in bytes[admin1_country].iter().enumerate() {
            let country = usize::from(country);
            if country == 0 || country > n_countries || country < previous {
                return Err(r.error("admin-1 regions without a country or out of order"));
            }
            if g.admin1_start[country] == u32::MAX {
                g.admin1_start[country] = i as u32;
            }
            previous = country;
        }
        g.len = r.count()?;
        g.columns = r.skip_many(g.len, COLUMNS_WIDTH)?.start;
        g.key_step = r.count()?;
        if g.key_step == 0 {
            return Err(r.error("zero key step"));
        }
        let named = r.count()?;
        let mut named_entries = Vec::with_capacity(named);
        let mut entry = 0u64;
        for _ in 0..named {
            entry = entry.saturating_add(r.varint()?);
            named_entries.push(u32::try_from(entry).unwrap_or(u32::MAX));
        }
        let other_names = r.lines()?;
        g.demonyms = r.lines()?;
        let coded_keys = r.lines()?;
        if r.at != bytes.len() {
            return Err(r.error("trailing bytes"));
        }
        // The keys are unpacked after the file's end, with their index.
        let coded_keys = bytes.split_off(coded_keys.start);
        let first_bytes = g.expand_keys(&coded_keys, &mut bytes)?;
        g.blocks_by_first_byte = FirstByteIndex::new(first_bytes.into_iter());
        g.alternates = g.sort_other_names(&named_entries, other_names, &mut bytes);
        g.alternates_table =
            KeyTable::of_lines(bytes.get(g.alternates.clone()).unwrap_or(&[]), |_, _| {});
        g.demonyms_table =
            KeyTable::of_lines(bytes.get(g.demonyms.clone()).unwrap_or(&[]), |_, _| {});
        let mut firsts: Vec<(usize, usize)> = Vec::new();
        g.key_table = KeyTable::of_lines(bytes.get(g.keys.clone()).unwrap_or(&[]), |slot, line| {
            firsts.push((slot, line));
        });
        g.key_entries = vec![0; g.key_table.len()];
        for (slot, line) in firsts {
            g.key_entries[slot] = u32::try_from(line).unwrap_or(u32::MAX);
        }
        g.bytes = bytes;
        // Links to entries are trusted only when they point at an entry of the right kind.
        g.country_entry = country_entry
            .into_iter()
            .map(|e| {
                e.and_then(|e| u32::try_from(e).ok())
                    .filter(|&e| g.entry_kind(e as usize) == Some(KIND_COUNTRY))
            })
            .collect();
        // A region's entry is the admin-1 entry that lies in it, found in one pass over the
        // kinds (a place's point is an offset from its region's).
        let mut admin1_entry = vec![None; g.admin1_len];
        for i in 0..g.len {
            if g.entry_kind(i) == Some(KIND_ADMIN1) {
                if let Some(index) = g.admin1_index(i) {
                    admin1_entry[index] = Some(i as u32);
                }
            }
        }
        g.admin1_entry = admin1_entry;
        Ok(g)
    }

    /// Writes the front-coded keys out as plain lines at the end of `bytes`
    /// ([`packed::expand_front_coded`]), then the index of every `key_step`-th line's start
    /// (u32le), and returns each indexed line's first byte. Corrupt lines or the wrong count are
    /// an error.
    fn expand_keys(&mut self, coded: &[u8], bytes: &mut Vec<u8>) -> Result<Vec<u8>, DecodeError> {
        let corrupt = || DecodeError("corrupt keys".into());
        let start = bytes.len();
        bytes.reserve(coded.len() * 3 / 2);
        let lines = packed::expand_front_coded(coded, bytes).map_err(|_| corrupt())?;
        if lines != self.len {
            return Err(corrupt());
        }
        self.keys = start..bytes.len();
        let keys = &bytes[start..];
        let mut index = Vec::with_capacity(self.len.div_ceil(self.key_step));
        let mut first_bytes = Vec::with_capacity(index.capacity());
        let mut at = 0;
        for line in 0..lines {
            if line % self.key_step == 0 {
                index.push(u32::try_from(at).map_err(|_| corrupt())?);
                first_bytes.push(keys.get(at).copied().unwrap_or(0));
            }
            at = line_at(keys, at).1;
        }
        let index_start = bytes.len();
        bytes.extend(index.iter().flat_map(|at| at.to_le_bytes()));
        self.key_index = index_start..bytes.len();
        Ok(first_bytes)
    }

    #[inline(always)]
    fn byte(&self, at: usize) -> u8 {
        self.bytes.get(at).copied().unwrap_or(0)
    }

    /// Entry `i`'s byte in a one-byte column.
    #[inline(always)]
    fn column8(&self, column: usize, i: usize) -> u8 {
        self.byte(self.columns + column * self.len + i)
    }

    /// Entry `i`'s value in a 16-bit column of two planes.
    #[inline(always)]
    fn column16(&self, column: usize, i: usize) -> u16 {
        u16::from_le_bytes([self.column8(column, i), self.column8(column + 1, i)])
    }

    #[inline(always)]
    fn entry_kind(&self, i: usize) -> Option<u8> {
        (i < self.len).then(|| self.column8(COLUMN_KIND, i))
    }

    /// Where the line of the key index's `block` starts, within the keys.
    #[inline]
    fn checkpoint_in(&self, bytes: &[u8], block: usize) -> usize {
        let at = self.key_index.start + 4 * block;
        match bytes.get(at..at + 4) {
            Some(word) => u32::from_le_bytes([word[0], word[1], word[2], word[3]]) as usize,
            None => 0,
        }
    }

    #[inline]
    fn section(&self, range: &Range<usize>) -> &[u8] {
        self.bytes.get(range.clone()).unwrap_or(&[])
    }

    /// Entry `i`'s line of the keys: its key, and its display-name patch after a tab.
    fn key_line(&self, i: usize) -> &[u8] {
        self.key_line_in(&self.bytes, i)
    }

    /// [`Gazetteer::key_line`] in `bytes`, the file being opened.
    fn key_line_in<'a>(&self, bytes: &'a [u8], i: usize) -> &'a [u8] {
        let keys = bytes.get(self.keys.clone()).unwrap_or(&[]);
        let mut at = self.checkpoint_in(bytes, i / self.key_step);
        for _ in 0..i % self.key_step {
            at = line_at(keys, at).1;
        }
        line_at(keys, at).0
    }

    /// The first entry whose key is not less than `key`, and where its line starts: a binary
    /// search of the key index, then a walk through one block of lines.
    fn first_at_least(&self, key: &[u8]) -> (usize, usize) {
        let keys = self.section(&self.keys);
        let blocks = self.key_index.len() / 4;
        let (low, high) = self.blocks_by_first_byte.range(key, blocks);
        let block = (low
            + partition_point(high - low, |b| {
                compare_at(keys, self.checkpoint_in(&self.bytes, low + b), key) == Ordering::Less
            }))
        .saturating_sub(1);
        let (at, passed) =
            sorted_lines::skip_less(keys, self.checkpoint_in(&self.bytes, block), key);
        (block * self.key_step + passed, at)
    }

    fn has_primary_key(&self, key: &[u8]) -> bool {
        self.key_table.find(self.section(&self.keys), key).is_some()
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
        // Most names asked about are one plain word: lower case is all there is to do.
        if !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric()) {
            let key = name.to_ascii_lowercase();
            return match key.as_str() {
                "st" => "saint".to_string(),
                "ste" => "sainte".to_string(),
                "mt" => "mount".to_string(),
                "ft" => "fort".to_string(),
                _ => key,
            };
        }
        self.fold_words(name)
    }

    /// [`Gazetteer::fold`] of any name.
    fn fold_words(&self, name: &str) -> String {
        if name.is_ascii() {
            fold_ascii_words(name)
        } else {
            self.fold_chars(name)
        }
    }

    /// [`Gazetteer::fold`] of any name, a character at a time.
    fn fold_chars(&self, name: &str) -> String {
        let mut out = String::with_capacity(name.len());
        for ch in name.chars() {
            if ch.is_ascii() {
                if ch.is_ascii_alphanumeric() {
                    out.push(ch.to_ascii_lowercase());
                } else if !is_dropped_mark(ch) {
                    out.push(' ');
                }
            } else if is_dropped_mark(ch) {
            } else if let Ok(i) = self.folds.binary_search_by_key(&ch, |(c, _)| *c) {
                out.push_str(utf8(self.section(&self.folds[i].1)));
            } else if ch.is_alphabetic() {
                out.extend(ch.to_lowercase());
            } else {
                out.push(' ');
            }
        }
        // "The Hague", "Democratic Republic of the Congo": "the" is dropped wherever it stands,
        // unless the name is nothing else.
        let tokens = out.split_whitespace();
        let drop_the = tokens.clone().nth(1).is_some() && tokens.clone().any(|t| t != "the");
        let mut key = String::with_capacity(out.len() + 4);
        for token in tokens.filter(|&t| !(drop_the && t == "the")) {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(match token {
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
        let keys = self.section(&self.keys);
        let (first, run) = match self.key_table.slot_of(keys, key.as_bytes()) {
            Some((slot, at)) => (
                self.key_entries.get(slot).map_or(0, |&e| e as usize),
                sorted_lines::run_from(keys, at, key.as_bytes()).count(),
            ),
            None => (0, 0),
        };
        let mut found: Vec<NameMatch> = (first..(first + run).min(self.len))
            .map(|i| NameMatch {
                place: PlaceId(i as u32),
                alternate: false,
            })
            .collect();
        let alternates = self.section(&self.alternates);
        let at = self.alternates_table.find(alternates, key.as_bytes());
        for line in at
            .into_iter()
            .flat_map(|at| sorted_lines::run_from(alternates, at, key.as_bytes()))
        {
            for posting in value_of(line).split(|&b| b == b',') {
                let (digits, alternate) = match posting.strip_suffix(b"+") {
                    Some(digits) => (digits, false),
                    None => (posting, true),
                };
                let Some(id) = decimal(digits).filter(|&id| (id as usize) < self.len) else {
                    continue;
                };
                if !found.iter().any(|m| m.place.0 == id) {
                    found.push(NameMatch {
                        place: PlaceId(id),
                        alternate,
                    });
                }
            }
        }
        found
    }

    /// Towns named after the river or sea they stand on, for the short form that local news
    /// writes: "Newark" for Newark-on-Trent, "Berwick" for Berwick-upon-Tweed, "Weston" for
    /// Weston-super-Mare. Only for a name of one word; at most [`SHORT_FORM_MATCHES`] places
    /// per joining word, all as alternate names.
    pub fn lookup_by_short_form(&self, name: &str) -> Vec<NameMatch> {
        let key = self.fold(name);
        if key.is_empty() || key.contains(' ') {
            return Vec::new();
        }
        let keys = self.section(&self.keys);
        let mut found = Vec::new();
        // One string for every joiner's prefix: this runs for most names of every article.
        let mut prefix = String::with_capacity(key.len() + 16);
        for joiner in SHORT_FORM_JOINERS {
            prefix.clear();
            for part in [key.as_str(), " ", *joiner, " "] {
                prefix.push_str(part);
            }
            let (mut id, mut at) = self.first_at_least(prefix.as_bytes());
            let mut taken = 0;
            while at < keys.len() && id < self.len && taken < SHORT_FORM_MATCHES {
                let (line, next) = line_at(keys, at);
                if !key_of(line).starts_with(prefix.as_bytes()) {
                    break;
                }
                found.push(NameMatch {
                    place: PlaceId(id as u32),
                    alternate: true,
                });
                (id, at, taken) = (id + 1, next, taken + 1);
            }
        }
        found
    }

    /// Places whose name is another transliteration of `name` ("Menoufia" for al-Minufiyah,
    /// "Daqahliya" for ad-Daqahliyah, "Ranya" for Ranyah, "Diwaniya" for ad-Diwaniyah): the
    /// name with or without an Arabic article and with its ending "a" or "ah" the other way
    /// (see [`article_and_ending_variants`]), and the regions and countries whose
    /// [`spelling_skeleton`] is their main name's. For
    /// names that nothing else finds: a match is a guess, which the article's other places
    /// must support.
    pub fn lookup_by_spelling(&self, name: &str) -> Vec<NameMatch> {
        let key = self.fold(name);
        let mut found: Vec<NameMatch> = Vec::new();
        for variant in article_and_ending_variants(&key) {
            for m in self.lookup_folded(&variant) {
                if !found.iter().any(|f| f.place == m.place) {
                    found.push(NameMatch {
                        place: m.place,
                        alternate: true,
                    });
                }
            }
        }
        let Some(skeleton) = spelling_skeleton(&key) else {
            return found;
        };
        let hash = skeleton_hash(&skeleton);
        let skeletons = self.skeletons.get_or_init(|| self.spelling_skeletons());
        let start = skeletons.partition_point(|&(h, _)| h < hash);
        let same = skeletons[start..].partition_point(|&(h, _)| h == hash);
        let run = &skeletons[start..start + same];
        // A skeleton shared by many places says nothing about which.
        if run.len() <= MAX_SPELLING_MATCHES {
            for &(_, id) in run {
                if !found.iter().any(|m| m.place.0 == id) {
                    found.push(NameMatch {
                        place: PlaceId(id),
                        alternate: true,
                    });
                }
            }
        }
        found
    }

    /// The skeletons' hashes of every region's and country's main name, sorted: a few thousand
    /// names, built on first use (about 2 ms natively and in wasm). Their other names are left
    /// out, as reading them all would double that; towns too: there are too many, and too many
    /// of them share a skeleton.
    fn spelling_skeletons(&self) -> Vec<(u64, u32)> {
        let mut out = Vec::new();
        let mut skeleton = String::new();
        for &id in self
            .admin1_entry
            .iter()
            .chain(&self.country_entry)
            .flatten()
        {
            if spelling_skeleton_into(utf8(key_of(self.key_line(id as usize))), &mut skeleton) {
                out.push((skeleton_hash(&skeleton), id));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Whether any place has this name.
    pub fn is_place_name(&self, name: &str) -> bool {
        let key = self.fold(name);
        !key.is_empty()
            && (self.has_primary_key(key.as_bytes())
                || self
                    .alternates_table
                    .find(self.section(&self.alternates), key.as_bytes())
                    .is_some())
    }

    /// Whether a second-level division (a county, a parish) has this name: "Tehama County".
    pub fn is_county(&self, name: &str) -> bool {
        self.lookup(name)
            .iter()
            .any(|m| self.kind(m.place) == PlaceKind::Admin2)
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

    /// The admin-1 region with this GeoNames code ("US.TX", "CA.08").
    pub fn admin1_by_code(&self, code: &str) -> Option<PlaceId> {
        let (country, region) = code.split_once('.')?;
        let country = 1 + self
            .countries
            .iter()
            .position(|c| c.eq_ignore_ascii_case(country.as_bytes()))?;
        let start = *self.admin1_start.get(country)? as usize;
        let width = self.admin1_code_width;
        (start..self.admin1_len)
            .take_while(|&i| usize::from(self.byte(self.admin1_country + i)) == country)
            .find(|&i| {
                let at = self.admin1_codes + i * width;
                self.bytes
                    .get(at..at + width)
                    .is_some_and(|c| utf8(c).trim_end_matches(' ') == region)
            })
            .and_then(|i| self.admin1_entry(i))
            .map(PlaceId)
    }

    /// The country a demonym belongs to: "Iranian", "Iranians" → Iran.
    pub fn demonym(&self, word: &str) -> Option<PlaceId> {
        let key = self.fold(word);
        let demonyms = self.section(&self.demonyms);
        let at = self.demonyms_table.find(demonyms, key.as_bytes())?;
        let line = line_at(demonyms, at).0;
        let country = decimal(value_of(line))?;
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
        let line = self.key_line(i);
        let title = title_case(utf8(key_of(line)));
        match value_of(line) {
            [] => title,
            patch => display_name(&title, utf8(patch)).unwrap_or(title),
        }
    }

    /// The folded main name.
    pub fn key(&self, id: PlaceId) -> &str {
        self.valid(id)
            .map(|i| utf8(key_of(self.key_line(i))))
            .unwrap_or("")
    }

    pub fn kind(&self, id: PlaceId) -> PlaceKind {
        self.valid(id)
            .and_then(|i| kind_from_code(self.column8(COLUMN_KIND, i)))
            .unwrap_or(PlaceKind::Feature)
    }

    /// The 1-based country index of an entry, 0 for none.
    fn country_index(&self, i: usize) -> usize {
        let country = usize::from(self.column8(COLUMN_COUNTRY, i));
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
        let ordinal = usize::from(self.column16(COLUMN_ADMIN1, i));
        let country = self.country_index(i);
        let start = *self.admin1_start.get(country)? as usize;
        let index = start.checked_add(ordinal)?.checked_sub(1)?;
        (ordinal > 0
            && index < self.admin1_len
            && usize::from(self.byte(self.admin1_country + index)) == country)
            .then_some(index)
    }

    fn admin1_entry(&self, index: usize) -> Option<u32> {
        self.admin1_entry.get(index).copied().flatten()
    }

    /// The admin-1 region entry a place lies in (a region is its own).
    pub fn admin1_of(&self, id: PlaceId) -> Option<PlaceId> {
        let i = self.valid(id)?;
        self.admin1_entry(self.admin1_index(i)?).map(PlaceId)
    }

    /// The GeoNames admin-1 code ("US.TX"), if the place lies in a region.
    pub fn admin1_code(&self, id: PlaceId) -> Option<String> {
        let i = self.valid(id)?;
        let admin1 = self.admin1_index(i)?;
        let start = self.admin1_codes + admin1 * self.admin1_code_width;
        let code = self
            .bytes
            .get(start..start + self.admin1_code_width)
            .unwrap_or(&[]);
        Some(format!(
            "{}.{}",
            self.country_code(id),
            utf8(code).trim_end_matches(' ')
        ))
    }

    /// Latitude and longitude in [`POINTS_PER_DEGREE`] units: a place in a region is stored as
    /// an offset from the region's point.
    fn point(&self, i: usize) -> (i32, i32) {
        const HALF_TURN: i32 = 180 * POINTS_PER_DEGREE;
        const QUARTER_TURN: i32 = 90 * POINTS_PER_DEGREE;
        let lat = unzigzag(self.column16(COLUMN_LAT, i));
        let lon = unzigzag(self.column16(COLUMN_LON, i));
        let region = (self.entry_kind(i) != Some(KIND_ADMIN1))
            .then(|| self.admin1_index(i))
            .flatten()
            .and_then(|a| self.admin1_entry(a));
        match region {
            Some(r) => {
                let r = r as usize;
                let base_lat = unzigzag(self.column16(COLUMN_LAT, r));
                let base_lon = unzigzag(self.column16(COLUMN_LON, r));
                let lon = (base_lon + lon + HALF_TURN).rem_euclid(2 * HALF_TURN) - HALF_TURN;
                ((base_lat + lat).clamp(-QUARTER_TURN, QUARTER_TURN), lon)
            }
            None => (
                lat.clamp(-QUARTER_TURN, QUARTER_TURN),
                lon.clamp(-HALF_TURN, HALF_TURN),
            ),
        }
    }

    pub fn lat(&self, id: PlaceId) -> f64 {
        self.valid(id)
            .map(|i| f64::from(self.point(i).0) / f64::from(POINTS_PER_DEGREE))
            .unwrap_or(0.0)
    }

    pub fn lon(&self, id: PlaceId) -> f64 {
        self.valid(id)
            .map(|i| f64::from(self.point(i).1) / f64::from(POINTS_PER_DEGREE))
            .unwrap_or(0.0)
    }

    /// Within 5%.
    pub fn population(&self, id: PlaceId) -> u64 {
        self.valid(id)
            .map(|i| decode_population(self.column8(COLUMN_POPULATION, i)))
            .unwrap_or(0)
    }

    /// The national capital.
    pub fn is_capital(&self, id: PlaceId) -> bool {
        self.valid(id)
            .is_some_and(|i| self.column8(COLUMN_FLAGS, i) & FLAG_CAPITAL != 0)
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

/// More places than this of one skeleton, and the skeleton finds none.
const MAX_SPELLING_MATCHES: usize = 4;
/// Arabic's article as transliterations write it before a name, apart after folding: "al-",
/// "el-", and assimilated to the next letter, "ad-", "ash-", "az-"…
const ARABIC_ARTICLES: &[&str] = &[
    "al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az",
];

/// The other ways a transliteration may write a folded name, without the name itself: with
/// its final "a" as "ah" or the other way ("ranya", "ranyah"), and each of those with every
/// Arabic article before it, or without the one it has ("diwaniya", "ad diwaniyah";
/// "al fallujah", "fallujah").
fn article_and_ending_variants(key: &str) -> Vec<String> {
    let bare = match key.split_once(' ') {
        Some((article, rest)) if ARABIC_ARTICLES.contains(&article) => rest,
        _ => key,
    };
    let mut stems = vec![bare.to_string()];
    if let Some(stem) = bare.strip_suffix("ah") {
        stems.push(format!("{stem}a"));
    } else if bare.ends_with('a') {
        stems.push(format!("{bare}h"));
    }
    let mut variants = Vec::new();
    for stem in &stems {
        variants.push(stem.clone());
        for article in ARABIC_ARTICLES {
            variants.push(format!("{article} {stem}"));
        }
    }
    variants.retain(|v| v != key);
    variants
}

/// Endings of the Arabic adjective that names many regions and quarters ("Minufiyah",
/// "Sharqia", "Adhamiya"), longest first: one mark in a skeleton, so that the region is not
/// taken for the town it is named after ("Munuf").
const REGION_ENDINGS: &[&str] = &["iyyah", "iyya", "iyah", "iya", "ia"];

/// What is left of a folded name when the parts that transliterations of one name spell
/// differently are taken out: a leading Arabic article, the vowels and the letters that
/// write vowels or breath (y, w, h), doubled letters; q and c are k; an ending of
/// [`REGION_ENDINGS`] is one mark, "+". Its first letter stays, vowel or not. "menoufia",
/// "al minufiyah" and "monufia" are all "mnf+". None when fewer than three letters are left, or
/// the name is shorter than five: too little to tell names apart.
fn spelling_skeleton(key: &str) -> Option<String> {
    let mut out = String::new();
    spelling_skeleton_into(key, &mut out).then_some(out)
}

/// [`spelling_skeleton`] written into `out`, without allocating for each name: whether the name
/// has one.
fn spelling_skeleton_into(key: &str, out: &mut String) -> bool {
    out.clear();
    let mut rest = key.trim();
    while let Some((article, after)) = rest.split_once(' ') {
        if !ARABIC_ARTICLES.contains(&article) {
            break;
        }
        rest = after.trim_start();
    }
    let (stem, ending) = REGION_ENDINGS
        .iter()
        .find_map(|e| rest.strip_suffix(e).filter(|stem| stem.len() >= 2))
        .map_or((rest, ""), |stem| (stem, "+"));
    let mut letters = stem.chars().filter(|&ch| ch != ' ');
    let Some(first) = letters.next().filter(char::is_ascii_alphabetic) else {
        return false;
    };
    let as_k = |ch: char| if matches!(ch, 'q' | 'c') { 'k' } else { ch };
    out.push(as_k(first));
    let mut previous = first;
    for ch in letters {
        if !ch.is_ascii_alphanumeric() {
            return false;
        }
        let doubled = ch == previous;
        previous = ch;
        if doubled || matches!(ch, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' | 'h') {
            continue;
        }
        out.push(as_k(ch));
    }
    let enough = rest.bytes().filter(|&b| b != b' ').count() >= 5 && out.len() >= 3;
    out.push_str(ending);
    enough
}

fn skeleton_hash(skeleton: &str) -> u64 {
    let mut hasher = Fnv::default();
    hasher.write(skeleton.as_bytes());
    hasher.finish()
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

/// [`Gazetteer::fold_words`] of a name written in ASCII, in one pass over its bytes: the names
/// asked about are mostly ASCII, and every other character's fold needs the table.
fn fold_ascii_words(name: &str) -> String {
    let mut key = String::with_capacity(name.len() + 4);
    let (mut words, mut thes) = (0, 0);
    // Where the word being written starts in `key`, while one is.
    let mut word_start: Option<usize> = None;
    let mut end_word = |key: &mut String, start: usize| {
        words += 1;
        let folded = match &key[start..] {
            "the" => {
                thes += 1;
                return;
            }
            "st" => "saint",
            "ste" => "sainte",
            "mt" => "mount",
            "ft" => "fort",
            _ => return,
        };
        key.truncate(start);
        key.push_str(folded);
    };
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() {
            if word_start.is_none() {
                if !key.is_empty() {
                    key.push(' ');
                }
                word_start = Some(key.len());
            }
            key.push(char::from(b.to_ascii_lowercase()));
        } else if !is_dropped_mark(char::from(b)) {
            if let Some(start) = word_start.take() {
                end_word(&mut key, start);
            }
        }
    }
    if let Some(start) = word_start {
        end_word(&mut key, start);
    }
    // "The Hague", "Democratic Republic of the Congo": "the" is dropped wherever it stands,
    // unless the name is nothing else.
    if thes > 0 && words > 1 && thes < words {
        key = key
            .split(' ')
            .filter(|&w| w != "the")
            .collect::<Vec<_>>()
            .join(" ");
    }
    key
}

fn is_dropped_mark(ch: char) -> bool {
    matches!(ch, '\'' | '.' | '`' | '’' | '‘' | 'ʼ' | 'ʻ' | '´')
}

/// A zigzag-coded number (0, 1, 2, 3… for 0, -1, 1, -2…).
fn unzigzag(value: u16) -> i32 {
    let value = i32::from(value);
    (value >> 1) ^ -(value & 1)
}

/// The markers of a display-name patch (`display_patch` in the builder).
const PATCH_INSERT: char = '\u{1}';
const PATCH_DELETE: char = '\u{2}';
const PATCH_WHOLE: char = '\u{3}';
const PATCH_GAP: u32 = 0x30;

/// The display name a patch spells from the title case of a key: edits, each a char counting
/// the title's chars kept before it (from [`PATCH_GAP`]), after [`PATCH_INSERT`] or
/// [`PATCH_DELETE`] (a replacement has no marker), then the new char (none for a deletion); or
/// [`PATCH_WHOLE`] and the name. `None` for a corrupt patch.
fn display_name(title: &str, patch: &str) -> Option<String> {
    if let Some(whole) = patch.strip_prefix(PATCH_WHOLE) {
        return Some(whole.to_string());
    }
    let title: Vec<char> = title.chars().collect();
    let mut out = String::with_capacity(title.len() + patch.len());
    let mut kept = 0;
    let mut edits = patch.chars();
    while let Some(first) = edits.next() {
        let (op, gap) = match first {
            PATCH_INSERT | PATCH_DELETE => (first, edits.next()?),
            _ => ('\0', first),
        };
        let end = kept + (u32::from(gap).checked_sub(PATCH_GAP)? as usize);
        out.extend(title.get(kept..end)?);
        kept = end;
        if op != PATCH_DELETE {
            out.push(edits.next()?);
        }
        if op != PATCH_INSERT {
            kept += 1;
        }
    }
    out.extend(title.get(kept..)?);
    Some(out)
}

/// The first byte of an other name's token: [`OTHER_NAME_BASE`] + 2 × the bytes it shares
/// with its entry's key + 1 for a main name.
const OTHER_NAME_BASE: u8 = 0x0B;

impl Gazetteer {
    /// The other names, stored by entry (`entries`: the entry of each line; a line: the entry's
    /// names tab-joined, each a byte of [`OTHER_NAME_BASE`] and then what follows the bytes it
    /// shares with the entry's key), written out at the end of `bytes` as sorted lines
    /// "key<TAB>ids": the entry ids in order, in decimal, joined by commas, each followed by "+"
    /// when the key is another main name rather than an alternate one. Returns their range.
    /// Lines past the entries, empty names and names sharing more than their key has are left
    /// out. Needs the keys written out (`expand_keys`).
    fn sort_other_names(
        &self,
        entries: &[u32],
        lines: Range<usize>,
        bytes: &mut Vec<u8>,
    ) -> Range<usize> {
        let text = bytes.get(lines).unwrap_or(&[]);
        let mut spelled = Vec::with_capacity(text.len() * 2);
        // (the name's first eight bytes as a number, where it lies in `spelled`, its entry,
        // whether it is a main name): the number settles most comparisons of the sort.
        let mut names: Vec<(u64, Range<usize>, u32, bool)> = Vec::with_capacity(entries.len() * 3);
        let mut at = 0;
        for &entry in entries {
            if at > text.len() {
                break;
            }
            let (line, next) = line_at(text, at);
            let key = key_of(self.key_line_in(bytes, entry as usize));
            for token in line.split(|&b| b == b'\t') {
                let Some((&head, rest)) = token.split_first() else {
                    continue;
                };
                let Some(code) = head.checked_sub(OTHER_NAME_BASE) else {
                    continue;
                };
                let shared = usize::from(code / 2);
                if shared > key.len() || shared + rest.len() == 0 {
                    continue;
                }
                let start = spelled.len();
                spelled.extend_from_slice(&key[..shared]);
                spelled.extend_from_slice(rest);
                let mut prefix = [0u8; 8];
                let head = &spelled[start..spelled.len().min(start + 8)];
                prefix[..head.len()].copy_from_slice(head);
                names.push((
                    u64::from_be_bytes(prefix),
                    start..spelled.len(),
                    entry,
                    code % 2 == 1,
                ));
            }
            at = next;
        }
        names.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| spelled[a.1.clone()].cmp(&spelled[b.1.clone()]))
                .then(a.2.cmp(&b.2))
        });
        let start = bytes.len();
        bytes.reserve(names.len() * 16);
        let mut previous: Option<&[u8]> = None;
        for (_, range, entry, main) in &names {
            let name = &spelled[range.clone()];
            if previous == Some(name) {
                bytes.push(b',');
            } else {
                if previous.is_some() {
                    bytes.push(b'\n');
                }
                bytes.extend_from_slice(name);
                bytes.push(b'\t');
                previous = Some(name);
            }
            push_decimal(bytes, *entry);
            if *main {
                bytes.push(b'+');
            }
        }
        start..bytes.len()
    }
}

/// Writes a number in decimal without formatting machinery (called for every other name).
fn push_decimal(out: &mut Vec<u8>, mut value: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
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
    fn a_plain_word_folds_as_any_name_does() {
        for word in [
            "St", "Paris", "the", "The", "MT", "ft", "x9", "Ste", "PARIS2",
        ] {
            assert_eq!(g().fold(word), g().fold_words(word), "{word}");
        }
    }

    #[test]
    fn an_ascii_name_folds_by_its_bytes_as_by_its_characters() {
        for name in [
            "",
            " ",
            "'",
            "St. Petersburg",
            "the",
            "The",
            "THE the",
            "The Hague",
            "the-the",
            "Xi'an",
            "T'he Bay",
            "t.h.e Gulf",
            "Mt. St. Helens",
            "ft. worth",
            "Ste-Foy",
            "Democratic Republic of the Congo",
            "  New\tYork\n",
            "a/b&c",
            "Bay of ' Fundy",
            "O`Neill's Mill",
            "Route 66",
            "theater The",
            "..the..",
            "the the",
        ] {
            assert_eq!(fold_ascii_words(name), g().fold_chars(name), "{name:?}");
        }
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
    fn transliterations_of_one_name_share_a_skeleton() {
        let skeleton = |name: &str| spelling_skeleton(&g().fold(name));
        // (one spelling, another of the same name)
        let same = [
            ("Menoufia", "al-Minufiyah"),
            ("Qalyoubia", "Al Qalyubiyah"),
            ("Sharkiya", "Ash Sharqiyah"),
            ("Dakahliya", "Ad Daqahliyah"),
            ("Tartous", "Tartus"),
        ];
        for (one, other) in same {
            assert!(skeleton(one).is_some(), "{one}");
            assert_eq!(skeleton(one), skeleton(other), "{one} / {other}");
        }
        // A region is not the town it is named after; short names have no skeleton.
        assert_ne!(skeleton("Menoufia"), skeleton("Menouf"));
        assert_eq!(skeleton("Gaza"), None);
        assert_eq!(skeleton("Iraq"), None);
    }

    #[test]
    fn a_transliteration_finds_the_region_or_town_by_another_spelling() {
        let kinds_and_countries = |name: &str| -> Vec<(PlaceKind, String)> {
            g().lookup_by_spelling(name)
                .iter()
                .map(|m| (g().kind(m.place), g().country_code(m.place).to_string()))
                .collect()
        };
        assert!(kinds_and_countries("Qalyoubia").contains(&(PlaceKind::Admin1, "EG".into())));
        // Without its article and with "-a" for "-ah": ad-Diwaniyah.
        assert!(kinds_and_countries("Diwaniya").contains(&(PlaceKind::City, "IQ".into())));
        assert!(g().lookup_by_spelling("Xqzwv").is_empty());
        let variants = article_and_ending_variants("diwaniya");
        assert!(variants.contains(&"ad diwaniyah".to_string()));
        assert!(!variants.contains(&"diwaniya".to_string()));
        assert!(article_and_ending_variants("al fallujah").contains(&"fallujah".to_string()));
    }

    #[test]
    fn every_entry_is_found_by_its_key() {
        // Entries are found through the key index and a walk of lines: a wrong index or an
        // unsorted key would lose some of them.
        for i in (0..g().len() as u32).step_by(7) {
            let found = g().lookup_folded(g().key(PlaceId(i)));
            assert!(
                found.contains(&NameMatch {
                    place: PlaceId(i),
                    alternate: false
                }),
                "{i} {:?}",
                g().key(PlaceId(i))
            );
        }
        let bombay = g().lookup("Bombay");
        assert!(bombay
            .iter()
            .any(|m| m.alternate && g().name(m.place) == "Mumbai"));
    }

    #[test]
    fn admin1_regions_are_found_by_their_geonames_codes() {
        let name = |code: &str| g().admin1_by_code(code).map(|p| g().name(p));
        assert_eq!(name("US.TX").as_deref(), Some("Texas"));
        assert_eq!(name("CA.08").as_deref(), Some("Ontario"));
        assert_eq!(name("GB.ENG").as_deref(), Some("England"));
        for unknown in ["US.XX", "XX.01", "US", ""] {
            assert_eq!(name(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn garbage_after_a_valid_header_is_an_error_not_a_panic() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for len in [0, 1, 7, 64, 1000, 100_000] {
            let mut bytes = b"AAGZ\x08\0\0\0".to_vec();
            bytes.extend((0..len).map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            }));
            if let Ok(g) = Gazetteer::decode(&bytes) {
                let _ = (
                    g.lookup("Kazan"),
                    g.candidate(PlaceId(0)),
                    g.lookup_by_spelling("Menoufia"),
                    g.admin1_by_code("US.TX"),
                );
            }
        }
    }

    #[test]
    fn display_names_are_patched_from_the_title_case() {
        // Replacements after 1 and 5 kept chars; a replacement; an insertion; a whole name.
        assert_eq!(
            display_name("Sao Tome", "1ã5é").as_deref(),
            Some("São Tomé")
        );
        assert_eq!(
            display_name("Aarle Rixtel", "5-").as_deref(),
            Some("Aarle-Rixtel")
        );
        assert_eq!(display_name("Aana", "\u{1}1'").as_deref(), Some("A'ana"));
        assert_eq!(display_name("Abc", "\u{2}1").as_deref(), Some("Ac"));
        assert_eq!(display_name("Ab", "\u{3}Bålad").as_deref(), Some("Bålad"));
        // Corrupt patches are `None`, not a panic.
        for patch in ["9x", "\u{1}", "1", "\u{2}", "\u{10}x", "0x0x0x0x"] {
            assert_eq!(display_name("Ab", patch), None, "{patch:?}");
        }
        assert_eq!(g().name(g().lookup("sao paulo")[0].place), "São Paulo");
    }

    #[test]
    fn other_names_are_sorted_into_lines_of_their_entries() {
        // Entries 0–3 keyed "ab", "bc", "bd", "be"; other names by entry, each after a byte of
        // 0x0B + 2 × the bytes shared with the entry's key (+ 1 for a main name).
        let coded = b"\0ab\n\0bc\n\x01d\n\x01e";
        let mut g = Gazetteer {
            len: 4,
            key_step: 2,
            ..Gazetteer::default()
        };
        let mut bytes = b"\x0Cbo\t\x0Bal\n\x0Ex\n\n\x0Dz\t\x0Bal".to_vec();
        let other = 0..bytes.len();
        assert_eq!(g.expand_keys(coded, &mut bytes).expect("keys"), b"ab");
        let range = g.sort_other_names(&[0, 1, 2, 3], other, &mut bytes);
        // Entry 1's "x" follows the "b" it shares with its key; entry 3's "z" too.
        assert_eq!(&bytes[range], b"al\t0,3\nbo\t0+\nbx\t1+\nbz\t3");
    }

    #[test]
    fn corrupt_data_is_an_error_not_a_panic() {
        let bytes = &packed::unpack(EMBEDDED_PACKED).expect("the embedded data unpacks")[..];
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
                    g.admin1_by_code("US.TX"),
                    // Builds the spelling skeletons from every region's and country's key.
                    g.lookup_by_spelling("Menoufia"),
                );
            }
        }
    }
}
