//! Lines sorted by key, searched where they lie in the embedded bytes.
//!
//! A line is `key` or `key<TAB>value`, and the lines are sorted by key, byte by byte (which is
//! Python's and Rust's string order). A binary search over byte positions finds a key with no
//! index at all, so opening a list costs nothing: in wasm, splitting tens of thousands of lines
//! into vectors at start cost more than every lookup of an analysis together. Where exact lookups
//! are many, a [`KeyTable`] (each distinct key's line start, by hash) is built at open in one pass
//! without allocating per line: the recogniser asks the long lists about most capitalised words,
//! and a hash reads a line or two where a binary search read a dozen; a slot's spare bits hold a
//! tag of its key's hash, so that a probe passes other keys' slots without reading their lines
//! (most words asked about are in no list). Text that is not sorted gives wrong
//! answers, never a panic; the data's tests check that it is sorted.

use std::cmp::Ordering;
use std::hash::Hasher;

use crate::analysis::fnv::Fnv;

/// The part of a line before its first tab.
pub fn key_of(line: &[u8]) -> &[u8] {
    line.iter()
        .position(|&b| b == b'\t')
        .map_or(line, |tab| &line[..tab])
}

/// The part of a line after its first tab, empty when it has none.
pub fn value_of(line: &[u8]) -> &[u8] {
    line.iter()
        .position(|&b| b == b'\t')
        .map_or(&[], |tab| &line[tab + 1..])
}

/// Where the first newline in `bytes` is. Lookups read thousands of lines an analysis, so this
/// tests eight bytes at a time (a word has a zero byte where it had a newline after the xor;
/// the lowest flagged byte is always a true one).
fn newline_in(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in chunks.by_ref() {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ (ONES * u64::from(b'\n'));
        let zeros = x.wrapping_sub(ONES) & !x & HIGHS;
        if zeros != 0 {
            return Some(at + (zeros.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| at + i)
}

/// The line starting at byte `start` and where the next one starts.
pub fn line_at(text: &[u8], start: usize) -> (&[u8], usize) {
    let rest = text.get(start..).unwrap_or(&[]);
    match newline_in(rest) {
        Some(end) => (&rest[..end], start + end + 1),
        None => (rest, text.len()),
    }
}

/// Where the line after the one starting at `start` starts.
pub fn next_line(text: &[u8], start: usize) -> usize {
    line_at(text, start).1
}

/// How the key of the line starting at `start` compares with `key`, reading only as far as they
/// agree. Keys hold no control characters, so a tab or a newline ends a line's key.
pub fn compare_at(text: &[u8], start: usize, key: &[u8]) -> Ordering {
    let line = text.get(start..).unwrap_or(&[]);
    for (i, &k) in key.iter().enumerate() {
        match line.get(i) {
            None | Some(b'\t' | b'\n') => return Ordering::Less,
            Some(&b) if b != k => return b.cmp(&k),
            Some(_) => {}
        }
    }
    match line.get(key.len()) {
        None | Some(b'\t' | b'\n') => Ordering::Equal,
        Some(_) => Ordering::Greater,
    }
}

/// From the line starting at `at`, passes over the lines whose key is less than `key`: where the
/// first other line starts (the text's length if none), and how many lines were passed. Each
/// line is read once, the search for its end starting where it parted from the key.
pub fn skip_less(text: &[u8], mut at: usize, key: &[u8]) -> (usize, usize) {
    let mut passed = 0;
    while let Some(line) = text.get(at..).filter(|line| !line.is_empty()) {
        // As `compare_at`: a tab or a newline ends the line's key.
        let mut i = 0;
        let less = loop {
            match (line.get(i), key.get(i)) {
                (None | Some(b'\t' | b'\n'), Some(_)) => break true,
                (_, None) => break false,
                (Some(&b), Some(&k)) if b != k => break b < k,
                _ => i += 1,
            }
        };
        if !less {
            break;
        }
        // The bytes before `i` matched the key's, so none of them was a newline.
        at = match newline_in(&line[i..]) {
            Some(end) => at + i + end + 1,
            None => text.len(),
        };
        passed += 1;
    }
    (at, passed)
}

/// The byte position of the first line whose key is not less than `key` (the text's length when
/// every key is less).
pub fn lower_bound(text: &[u8], key: &[u8]) -> usize {
    // `low` and `high` are line starts; the answer lies between them.
    let (mut low, mut high) = (0, text.len());
    while low < high {
        let mid = low + (high - low) / 2;
        let start = text[low..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(low, |newline| low + newline + 1);
        if compare_at(text, start, key) == Ordering::Less {
            low = next_line(text, start).min(high);
        } else {
            high = start;
        }
    }
    low
}

/// The first line with this key.
pub fn find<'a>(text: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let start = lower_bound(text, key);
    let (line, _) = line_at(text, start);
    (start < text.len() && key_of(line) == key).then_some(line)
}

/// The lines with this key, in order, from `start` (the first of them, if any).
pub fn run_from<'a>(
    text: &'a [u8],
    start: usize,
    key: &'a [u8],
) -> impl Iterator<Item = &'a [u8]> + 'a {
    let mut at = start;
    std::iter::from_fn(move || {
        if at >= text.len() || compare_at(text, at, key) != Ordering::Equal {
            return None;
        }
        let (line, next) = line_at(text, at);
        at = next;
        Some(line)
    })
}

/// The lines with this key, in order.
pub fn equal<'a>(text: &'a [u8], key: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    run_from(text, lower_bound(text, key), key)
}

/// For each byte value, how many lines of a sorted index begin with a smaller byte: a search
/// starts among the lines of its key's first byte, a few probes fewer than the whole index.
#[derive(Clone, Debug, Default)]
pub struct FirstByteIndex(Vec<u32>);

impl FirstByteIndex {
    /// From the first byte of each indexed line, in the index's order.
    pub fn new(first_bytes: impl Iterator<Item = u8>) -> FirstByteIndex {
        let mut below = vec![0u32; 257];
        for first in first_bytes {
            below[usize::from(first) + 1] += 1;
        }
        for b in 1..below.len() {
            below[b] += below[b - 1];
        }
        FirstByteIndex(below)
    }

    /// The index lines, of `len`, that a search for `key` need look among. Lines of a smaller
    /// first byte sort before the key, of a larger one after it (a byte that ends a line's key
    /// could not be told from a smaller one: such keys search all).
    pub fn range(&self, key: &[u8], len: usize) -> (usize, usize) {
        key.first()
            .filter(|&&b| b > b'\n')
            .and_then(|&b| {
                let low = *self.0.get(usize::from(b))? as usize;
                let high = *self.0.get(usize::from(b) + 1)? as usize;
                (low <= high && high <= len).then_some((low, high))
            })
            .unwrap_or((0, len))
    }
}

/// Where each distinct key of sorted lines first stands, by hash: an open-addressed table of line
/// starts, built at open in one pass over the lines (as a filter of the keys was before it) and
/// without allocating per line. A lookup hashes the key and compares it with a line or two,
/// where a binary search compared it with a dozen lines spread over the text; the recogniser
/// asks the long lists about most capitalised words of every analysis.
///
/// The bits of a slot above those its line starts need hold a few bits of its key's hash (a
/// tag): most words asked about are in no list, and a probe that meets another key's slot
/// tells it by its tag without reading that key's line, a cache miss somewhere in megabytes of
/// text.
#[derive(Clone, Debug, Default)]
pub struct KeyTable {
    /// A line's start plus one in the low `start_bits`, its key's tag above them, or 0 for an
    /// empty slot; a power of two long, at most half full.
    slots: Vec<u32>,
    /// How many low bits of a slot hold a line's start plus one.
    start_bits: u32,
}

impl KeyTable {
    /// The table of the keys of `text`'s lines, each key at the first line that has it. Lines
    /// with an empty key are left out (no lookup asks for one). `value` is told each kept line's
    /// number, for a caller that keeps something per line beside the table (see
    /// [`KeyTable::slot_of`]).
    pub fn of_lines(text: &[u8], mut value: impl FnMut(usize, usize)) -> KeyTable {
        let lines = text.iter().filter(|&&b| b == b'\n').count() + 1;
        let len = (2 * lines).next_power_of_two().max(2);
        let Ok(last_start) = u32::try_from(text.len()) else {
            return KeyTable::default();
        };
        let mut table = KeyTable {
            slots: vec![0; len],
            // Enough for the largest start plus one (at most the text's length); 32 leaves no
            // room for a tag.
            start_bits: (u32::BITS - last_start.leading_zeros()).max(1),
        };
        let mut at = 0;
        let mut previous: &[u8] = &[];
        let mut number = 0;
        while at < text.len() {
            let (line, next) = line_at(text, at);
            let key = key_of(line);
            // Sorted text repeats a key on adjacent lines: only the first is kept.
            if !key.is_empty() && (number == 0 || key != previous) {
                value(table.insert(at, key), number);
            }
            previous = key;
            number += 1;
            at = next;
        }
        table
    }

    /// The key's hash: its slot comes from the low bits, its tag from the top ones.
    fn hash(key: &[u8]) -> u64 {
        let mut hasher = Fnv::default();
        hasher.write(key);
        hasher.finish()
    }

    fn home(hash: u64, mask: usize) -> usize {
        (hash ^ (hash >> 29)) as usize & mask
    }

    /// The key's tag, shifted to its place in a slot (0 when starts leave no room for one).
    fn tag(&self, hash: u64) -> u32 {
        let tag_bits = u32::BITS - self.start_bits;
        if tag_bits == 0 {
            return 0;
        }
        ((hash >> (u64::BITS - tag_bits)) as u32) << self.start_bits
    }

    /// The start plus one that `slot` holds, without its tag.
    fn start_of(&self, slot: u32) -> u32 {
        slot & (u32::MAX >> (u32::BITS - self.start_bits))
    }

    /// Files the line at `start` under `key`: its slot. Keys are not compared (that would read
    /// the text at random while opening it): a key filed twice, in text out of order, is found
    /// at its first line all the same, which stands earlier on the probe's path.
    fn insert(&mut self, start: usize, key: &[u8]) -> usize {
        let mask = self.slots.len() - 1;
        let hash = Self::hash(key);
        let mut slot = Self::home(hash, mask);
        while self.slots[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        self.slots[slot] = (start as u32 + 1) | self.tag(hash);
        slot
    }

    /// The slot of `key` and where its first line starts in the `text` the table was built
    /// from.
    pub fn slot_of(&self, text: &[u8], key: &[u8]) -> Option<(usize, usize)> {
        let mask = self.slots.len().checked_sub(1)?;
        let hash = Self::hash(key);
        let tag = self.tag(hash);
        let tags = !self.start_of(u32::MAX);
        let mut slot = Self::home(hash, mask);
        loop {
            match *self.slots.get(slot)? {
                0 => return None,
                s if s & tags == tag => {
                    let start = self.start_of(s) as usize - 1;
                    if compare_at(text, start, key) == Ordering::Equal {
                        return Some((slot, start));
                    }
                    slot = (slot + 1) & mask;
                }
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    /// Where the first line with `key` starts in the `text` the table was built from.
    pub fn find(&self, text: &[u8], key: &[u8]) -> Option<usize> {
        if key.is_empty() {
            return None;
        }
        self.slot_of(text, key).map(|(_, start)| start)
    }

    /// How many slots the table has: a caller's values per slot are this long.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }
}

/// Sorted lines of embedded text with a [`KeyTable`] of their keys.
#[derive(Clone, Debug, Default)]
pub struct SortedText {
    text: &'static str,
    keys: KeyTable,
}

impl SortedText {
    pub fn new(text: &'static str) -> SortedText {
        SortedText {
            text,
            keys: KeyTable::of_lines(text.as_bytes(), |_, _| {}),
        }
    }

    pub fn text(&self) -> &'static str {
        self.text
    }

    /// The value of the first line with this key ("" for a line without a tab).
    pub fn get(&self, key: &str) -> Option<&'static str> {
        let text = self.text.as_bytes();
        let start = self.keys.find(text, key.as_bytes())?;
        // The line's key is `key`: its value, if any, starts after the tab that follows.
        let end = start + line_at(text, start).0.len();
        Some(self.text.get(start + key.len() + 1..end).unwrap_or(""))
    }
}

/// The first line out of order (its key not greater than the previous line's), for the data's
/// tests: lookups are only right in text this finds nothing in.
pub fn first_unsorted(text: &str) -> Option<&str> {
    let mut lines = text.lines();
    let mut previous = key_of(lines.next()?.as_bytes());
    for line in lines {
        let key = key_of(line.as_bytes());
        if key <= previous {
            return Some(line);
        }
        previous = key;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "alpha\nbeta\tb\nbeta\tc\ndelta\ngamma\tg";

    #[test]
    fn finds_every_line_and_no_other() {
        let text = TEXT.as_bytes();
        for (key, line) in [
            ("alpha", Some("alpha")),
            ("beta", Some("beta\tb")),
            ("delta", Some("delta")),
            ("gamma", Some("gamma\tg")),
            ("", None),
            ("a", None),
            ("alph", None),
            ("alphaa", None),
            ("c", None),
            ("zeta", None),
        ] {
            assert_eq!(find(text, key.as_bytes()), line.map(str::as_bytes), "{key}");
        }
        assert_eq!(find(b"", b""), None);
        assert_eq!(find(b"\n", b""), Some(&b""[..]));
    }

    #[test]
    fn equal_keys_are_one_run() {
        let lines: Vec<&[u8]> = equal(TEXT.as_bytes(), b"beta").collect();
        assert_eq!(lines, [&b"beta\tb"[..], &b"beta\tc"[..]]);
        assert_eq!(equal(TEXT.as_bytes(), b"epsilon").count(), 0);
        assert_eq!(value_of(b"beta\tb"), b"b");
        assert_eq!(value_of(b"delta"), b"");
    }

    #[test]
    fn every_key_of_a_long_list_is_found() {
        let keys: Vec<String> = (0..500).map(|i| format!("k{:04}", i * 7)).collect();
        let text = keys.join("\n");
        assert_eq!(first_unsorted(&text), None);
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(lower_bound(text.as_bytes(), key.as_bytes()), i * 6);
            assert_eq!(find(text.as_bytes(), format!("{key}x").as_bytes()), None);
        }
    }

    #[test]
    fn the_indexed_text_finds_every_key() {
        let text: &'static str = Box::leak(
            (0..3000)
                .map(|i| format!("k{:05}\tv{i}", i * 3))
                .collect::<Vec<_>>()
                .join("\n")
                .into_boxed_str(),
        );
        let sorted = SortedText::new(text);
        for i in 0..3000 {
            let value = format!("v{i}");
            assert_eq!(sorted.get(&format!("k{:05}", i * 3)), Some(value.as_str()));
            assert_eq!(sorted.get(&format!("k{:05}", i * 3 + 1)), None);
        }
        for key in ["", "k", "z", "k0000", "k000000"] {
            assert_eq!(sorted.get(key), None, "{key}");
        }
        assert_eq!(SortedText::new("").get(""), None);
        assert_eq!(SortedText::new("a\nb\n").get("b"), Some(""));
        assert_eq!(SortedText::new("a\nb\n").get(""), None);
    }

    /// The table answers as the bare search does, keys repeated over several lines included.
    #[test]
    fn the_key_table_agrees_with_the_bare_search() {
        let text = (0..2000)
            .flat_map(|i| {
                let copies = if i % 7 == 0 { 3 } else { 1 };
                (0..copies).map(move |c| format!("w{:05}\t{c}", i * 2))
            })
            .collect::<Vec<_>>()
            .join("\n");
        let text = text.as_bytes();
        let mut numbers = Vec::new();
        let table = KeyTable::of_lines(text, |slot, line| numbers.push((slot, line)));
        assert_eq!(numbers.len(), 2000);
        for i in 0..4002 {
            let key = format!("w{:05}", i);
            let key = key.as_bytes();
            let at = table.find(text, key);
            assert_eq!(at.map(|at| line_at(text, at).0), find(text, key), "{i}");
            if let Some(at) = at {
                assert!(run_from(text, at, key).eq(equal(text, key)), "{i}");
                let (slot, _) = table.slot_of(text, key).unwrap();
                let line = numbers.iter().find(|&&(s, _)| s == slot).unwrap().1;
                assert_eq!(text.split(|&b| b == b'\n').nth(line).map(key_of), Some(key));
            }
        }
        for key in [&b""[..], b"a", b"w", b"z", b"w0000\t", b"\n"] {
            assert_eq!(table.find(text, key), None);
        }
        assert_eq!(KeyTable::of_lines(b"", |_, _| {}).find(b"", b"a"), None);
    }

    #[test]
    fn compares_the_key_only() {
        for (line, key, order) in [
            ("beta\tb", "beta", Ordering::Equal),
            ("beta\nx", "beta", Ordering::Equal),
            ("beta", "beta", Ordering::Equal),
            ("beta", "bet", Ordering::Greater),
            ("bet\tz", "beta", Ordering::Less),
            ("bet", "beta", Ordering::Less),
            ("c", "beta", Ordering::Greater),
            ("", "a", Ordering::Less),
            ("a", "", Ordering::Greater),
        ] {
            assert_eq!(
                compare_at(line.as_bytes(), 0, key.as_bytes()),
                order,
                "{line:?} {key:?}"
            );
            assert_eq!(
                key_of(line.lines().next().unwrap_or("").as_bytes()).cmp(key.as_bytes()),
                order
            );
        }
    }

    #[test]
    fn unsorted_lines_are_reported() {
        assert_eq!(first_unsorted("a\nc\nb"), Some("b"));
        assert_eq!(first_unsorted("a\na"), Some("a"));
        assert_eq!(first_unsorted("a\tx\nb"), None);
    }

    #[test]
    fn newlines_are_found_at_every_position() {
        for len in 0..20 {
            for at in 0..=len {
                let mut bytes = vec![b'a'; len];
                if at < len {
                    bytes[at] = b'\n';
                }
                // Bytes that differ from a newline by one bit, or by the borrow of a zero byte.
                for (i, b) in bytes.iter_mut().enumerate() {
                    if *b == b'a' && i % 3 == 0 {
                        *b = if i % 2 == 0 { 0x0b } else { 0x8a };
                    }
                }
                let expected = bytes.iter().position(|&b| b == b'\n');
                assert_eq!(newline_in(&bytes), expected, "{bytes:?}");
            }
        }
    }

    #[test]
    fn garbage_never_panics() {
        for text in [&b"\n\n\n"[..], b"\xff\xfe\n\t\t", b"z\na\n\n", b"\t"] {
            for key in [&b""[..], b"a", b"\xff", b"zz"] {
                let _ = find(text, key);
                let _ = equal(text, key).count();
            }
        }
    }
}
