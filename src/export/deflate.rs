//! Raw DEFLATE (RFC 1951), small enough to ship in the page: share links carry the article
//! compressed in the URL fragment. The encoder does greedy LZ77 matching and writes one block
//! with Huffman codes fitted to the text (or the fixed codes, when shorter); the decoder reads
//! every block type, so a link made by any DEFLATE encoder (zlib's `-15`, the browser's
//! `deflate-raw`) opens too.

/// Decoded output beyond this is refused: a link is untrusted input and must not balloon.
pub const MAX_INFLATED_BYTES: usize = 2 << 20;

const WINDOW: usize = 32 * 1024;
const MIN_MATCH: usize = 3;
const MAX_MATCH: usize = 258;
/// How many earlier positions with the same 3-byte hash are tried: bounds the work per byte.
const MAX_CHAIN: usize = 48;
const HASH_BITS: u32 = 15;

const LENGTH_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LENGTH_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DISTANCE_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
/// The order in which a dynamic block lists its code-length code lengths.
const CODE_LENGTH_ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

struct BitWriter {
    bytes: Vec<u8>,
    pending: u64,
    count: u32,
}

impl BitWriter {
    fn put(&mut self, value: u32, bits: u32) {
        self.pending |= u64::from(value) << self.count;
        self.count += bits;
        while self.count >= 8 {
            self.bytes.push(self.pending as u8);
            self.pending >>= 8;
            self.count -= 8;
        }
    }

    /// Huffman codes are defined most significant bit first, the stream is least significant first.
    fn put_code(&mut self, code: u32, bits: u32) {
        self.put(code.reverse_bits() >> (32 - bits), bits);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.count > 0 {
            self.bytes.push(self.pending as u8);
        }
        self.bytes
    }
}

/// The output of LZ77 matching, before it is coded.
#[derive(Clone, Copy)]
enum Token {
    Literal(u8),
    Match { length: usize, distance: usize },
}

/// The index of the last table entry whose base is at most `value`.
fn bucket(bases: &[u16], value: usize) -> usize {
    bases.partition_point(|&base| usize::from(base) <= value) - 1
}

fn hash3(data: &[u8], at: usize) -> usize {
    let v = u32::from(data[at]) | u32::from(data[at + 1]) << 8 | u32::from(data[at + 2]) << 16;
    (v.wrapping_mul(0x9E37_79B1) >> (32 - HASH_BITS)) as usize
}

/// Greedy LZ77 over a 32 KiB window. Linear in the input: each position tries at most
/// [`MAX_CHAIN`] earlier candidates.
fn tokens(data: &[u8]) -> Vec<Token> {
    const NONE: usize = usize::MAX;
    let mut head = vec![NONE; 1 << HASH_BITS];
    let mut previous = vec![NONE; data.len()];
    let insert = |head: &mut Vec<usize>, previous: &mut Vec<usize>, at: usize| {
        if at + MIN_MATCH <= data.len() {
            let h = hash3(data, at);
            previous[at] = head[h];
            head[h] = at;
        }
    };
    let mut out = Vec::with_capacity(data.len() / 2);
    let mut at = 0;
    while at < data.len() {
        let mut best_length = 0;
        let mut best_distance = 0;
        if at + MIN_MATCH <= data.len() {
            let limit = (data.len() - at).min(MAX_MATCH);
            let mut candidate = head[hash3(data, at)];
            let mut tries = 0;
            while candidate != NONE && at - candidate <= WINDOW && tries < MAX_CHAIN {
                let length = data[candidate..]
                    .iter()
                    .zip(&data[at..at + limit])
                    .take_while(|(a, b)| a == b)
                    .count();
                if length > best_length {
                    best_length = length;
                    best_distance = at - candidate;
                    if length == limit {
                        break;
                    }
                }
                candidate = previous[candidate];
                tries += 1;
            }
        }
        if best_length >= MIN_MATCH {
            out.push(Token::Match {
                length: best_length,
                distance: best_distance,
            });
            for i in at..at + best_length {
                insert(&mut head, &mut previous, i);
            }
            at += best_length;
        } else {
            out.push(Token::Literal(data[at]));
            insert(&mut head, &mut previous, at);
            at += 1;
        }
    }
    out
}

/// Code lengths of a Huffman code for these frequencies, none longer than `limit`. Unused
/// symbols get 0; at least two symbols get a code, so that every decoder accepts it.
fn code_lengths(frequencies: &[u32], limit: u8) -> Vec<u8> {
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    let mut weights: Vec<u32> = frequencies.to_vec();
    let used = weights.iter().filter(|&&w| w > 0).count();
    for w in weights
        .iter_mut()
        .filter(|w| **w == 0)
        .take(2usize.saturating_sub(used))
    {
        *w = 1;
    }
    loop {
        // Leaves are 0..n, inner nodes after them; parent links give each leaf's depth.
        let n = weights.len();
        let mut parent = vec![usize::MAX; 2 * n];
        let mut heap: BinaryHeap<Reverse<(u64, usize)>> = weights
            .iter()
            .enumerate()
            .filter(|(_, &w)| w > 0)
            .map(|(i, &w)| Reverse((u64::from(w), i)))
            .collect();
        let mut next = n;
        while heap.len() > 1 {
            let Reverse((a, i)) = heap.pop().unwrap_or(Reverse((0, 0)));
            let Reverse((b, j)) = heap.pop().unwrap_or(Reverse((0, 0)));
            parent[i] = next;
            parent[j] = next;
            heap.push(Reverse((a + b, next)));
            next += 1;
        }
        let mut lengths = vec![0u8; n];
        let mut too_long = false;
        for (leaf, length) in lengths.iter_mut().enumerate() {
            if weights[leaf] == 0 {
                continue;
            }
            let mut depth = 0u32;
            let mut node = leaf;
            while parent[node] != usize::MAX {
                node = parent[node];
                depth += 1;
            }
            too_long |= depth > u32::from(limit);
            *length = depth.min(255) as u8;
        }
        if !too_long {
            return lengths;
        }
        // Flatter frequencies give a shallower tree; this ends once all are equal.
        for w in weights.iter_mut().filter(|w| **w > 0) {
            *w = (*w).div_ceil(2);
        }
    }
}

/// Canonical codes for code lengths (RFC 1951 §3.2.2).
fn canonical_codes(lengths: &[u8]) -> Vec<u32> {
    let mut count = [0u32; 16];
    for &l in lengths {
        count[usize::from(l)] += 1;
    }
    count[0] = 0;
    let mut next = [0u32; 16];
    let mut code = 0;
    for bits in 1..16 {
        code = (code + count[bits - 1]) << 1;
        next[bits] = code;
    }
    lengths
        .iter()
        .map(|&l| {
            let code = next[usize::from(l)];
            next[usize::from(l)] += 1;
            code
        })
        .collect()
}

/// A Huffman code for writing: code and length per symbol.
struct Code {
    codes: Vec<u32>,
    lengths: Vec<u8>,
}

impl Code {
    fn from_lengths(lengths: Vec<u8>) -> Code {
        Code {
            codes: canonical_codes(&lengths),
            lengths,
        }
    }

    fn fixed() -> (Code, Code) {
        let mut lengths = vec![8u8; 288];
        lengths[144..256].fill(9);
        lengths[256..280].fill(7);
        (Code::from_lengths(lengths), Code::from_lengths(vec![5; 30]))
    }

    fn put(&self, out: &mut BitWriter, symbol: usize) {
        out.put_code(self.codes[symbol], u32::from(self.lengths[symbol]));
    }
}

fn put_tokens(out: &mut BitWriter, tokens: &[Token], literals: &Code, distances: &Code) {
    for &token in tokens {
        match token {
            Token::Literal(byte) => literals.put(out, usize::from(byte)),
            Token::Match { length, distance } => {
                let l = bucket(&LENGTH_BASE, length);
                literals.put(out, 257 + l);
                out.put(
                    (length - usize::from(LENGTH_BASE[l])) as u32,
                    u32::from(LENGTH_EXTRA[l]),
                );
                let d = bucket(&DISTANCE_BASE, distance);
                distances.put(out, d);
                out.put(
                    (distance - usize::from(DISTANCE_BASE[d])) as u32,
                    u32::from(DISTANCE_EXTRA[d]),
                );
            }
        }
    }
    literals.put(out, 256);
}

/// The lengths of both codes as a dynamic block lists them: runs of zeros (17, 18) and repeats
/// of the previous length (16) shortened, each symbol with its extra bits.
fn run_length_symbols(lengths: &[u8]) -> Vec<(usize, u32, u32)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lengths.len() {
        let value = lengths[i];
        let run = lengths[i..].iter().take_while(|&&l| l == value).count();
        if value == 0 && run >= 11 {
            let n = run.min(138);
            out.push((18, (n - 11) as u32, 7));
            i += n;
        } else if value == 0 && run >= 3 {
            out.push((17, (run - 3) as u32, 3));
            i += run;
        } else if value != 0 && run >= 4 {
            out.push((usize::from(value), 0, 0));
            let n = (run - 1).min(6);
            out.push((16, (n - 3) as u32, 2));
            i += 1 + n;
        } else {
            out.push((usize::from(value), 0, 0));
            i += 1;
        }
    }
    out
}

fn dynamic_block(tokens: &[Token]) -> Vec<u8> {
    let mut literal_frequencies = vec![0u32; 286];
    let mut distance_frequencies = vec![0u32; 30];
    literal_frequencies[256] = 1;
    for &token in tokens {
        match token {
            Token::Literal(byte) => literal_frequencies[usize::from(byte)] += 1,
            Token::Match { length, distance } => {
                literal_frequencies[257 + bucket(&LENGTH_BASE, length)] += 1;
                distance_frequencies[bucket(&DISTANCE_BASE, distance)] += 1;
            }
        }
    }
    let literals = Code::from_lengths(code_lengths(&literal_frequencies, 15));
    let distances = Code::from_lengths(code_lengths(&distance_frequencies, 15));
    let literal_count = 257
        + literals.lengths[257..]
            .iter()
            .rposition(|&l| l > 0)
            .map_or(0, |i| i + 1);
    let distance_count = distances
        .lengths
        .iter()
        .rposition(|&l| l > 0)
        .map_or(1, |i| i + 1);
    let mut all_lengths = literals.lengths[..literal_count].to_vec();
    all_lengths.extend_from_slice(&distances.lengths[..distance_count]);
    let symbols = run_length_symbols(&all_lengths);
    let mut length_frequencies = vec![0u32; 19];
    for &(symbol, _, _) in &symbols {
        length_frequencies[symbol] += 1;
    }
    let length_code = Code::from_lengths(code_lengths(&length_frequencies, 7));
    let length_code_count = CODE_LENGTH_ORDER
        .iter()
        .rposition(|&s| length_code.lengths[s] > 0)
        .map_or(4, |i| (i + 1).max(4));

    let mut out = BitWriter {
        bytes: Vec::with_capacity(tokens.len()),
        pending: 0,
        count: 0,
    };
    out.put(1, 1); // the final block
    out.put(2, 2); // dynamic Huffman codes
    out.put((literal_count - 257) as u32, 5);
    out.put((distance_count - 1) as u32, 5);
    out.put((length_code_count - 4) as u32, 4);
    for &symbol in &CODE_LENGTH_ORDER[..length_code_count] {
        out.put(u32::from(length_code.lengths[symbol]), 3);
    }
    for (symbol, extra, bits) in symbols {
        length_code.put(&mut out, symbol);
        out.put(extra, bits);
    }
    put_tokens(&mut out, tokens, &literals, &distances);
    out.finish()
}

fn fixed_block(tokens: &[Token]) -> Vec<u8> {
    let mut out = BitWriter {
        bytes: Vec::with_capacity(tokens.len()),
        pending: 0,
        count: 0,
    };
    out.put(1, 1); // the final block
    out.put(1, 2); // fixed Huffman codes
    let (literals, distances) = Code::fixed();
    put_tokens(&mut out, tokens, &literals, &distances);
    out.finish()
}

/// Compresses `data` into one final block, with codes fitted to the data or the fixed ones,
/// whichever is shorter (the fixed ones win for a few bytes).
pub fn deflate(data: &[u8]) -> Vec<u8> {
    let tokens = tokens(data);
    let dynamic = dynamic_block(&tokens);
    let fixed = fixed_block(&tokens);
    if dynamic.len() < fixed.len() {
        dynamic
    } else {
        fixed
    }
}

/// Why compressed data could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InflateError {
    /// The data ends in the middle of a block.
    Truncated,
    /// A code, length or distance the format does not allow.
    Invalid,
    /// The output would pass [`MAX_INFLATED_BYTES`].
    TooLarge,
}

struct BitReader<'a> {
    data: &'a [u8],
    at: usize,
    bit: u32,
}

impl BitReader<'_> {
    fn bits(&mut self, count: u32) -> Result<u32, InflateError> {
        let mut value = 0;
        for i in 0..count {
            let byte = *self.data.get(self.at).ok_or(InflateError::Truncated)?;
            value |= u32::from((byte >> self.bit) & 1) << i;
            self.bit += 1;
            if self.bit == 8 {
                self.bit = 0;
                self.at += 1;
            }
        }
        Ok(value)
    }

    fn align(&mut self) {
        if self.bit > 0 {
            self.bit = 0;
            self.at += 1;
        }
    }
}

/// A canonical Huffman code as counts per length and symbols in code order.
struct Huffman {
    counts: [u16; 16],
    symbols: Vec<u16>,
}

impl Huffman {
    fn new(lengths: &[u8]) -> Result<Huffman, InflateError> {
        let mut counts = [0u16; 16];
        for &length in lengths {
            counts[usize::from(length)] += 1;
        }
        counts[0] = 0;
        let mut left: i32 = 1;
        for &count in &counts[1..] {
            left = left * 2 - i32::from(count);
            if left < 0 {
                return Err(InflateError::Invalid); // over-subscribed
            }
        }
        let mut offsets = [0u16; 16];
        for length in 1..15 {
            offsets[length + 1] = offsets[length] + counts[length];
        }
        let mut symbols = vec![0u16; lengths.len()];
        for (symbol, &length) in lengths.iter().enumerate() {
            if length != 0 {
                symbols[usize::from(offsets[usize::from(length)])] = symbol as u16;
                offsets[usize::from(length)] += 1;
            }
        }
        Ok(Huffman { counts, symbols })
    }

    fn decode(&self, input: &mut BitReader) -> Result<usize, InflateError> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for length in 1..16 {
            code |= input.bits(1)? as i32;
            let count = i32::from(self.counts[length]);
            if code - count < first {
                return self
                    .symbols
                    .get((index + code - first) as usize)
                    .map(|&s| usize::from(s))
                    .ok_or(InflateError::Invalid);
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err(InflateError::Invalid)
    }
}

fn fixed_codes() -> (Huffman, Huffman) {
    let mut lengths = [8u8; 288];
    lengths[144..256].fill(9);
    lengths[256..280].fill(7);
    let literals = Huffman::new(&lengths).expect("the fixed code is complete");
    let distances = Huffman::new(&[5u8; 30]).expect("the fixed code is complete");
    (literals, distances)
}

fn dynamic_codes(input: &mut BitReader) -> Result<(Huffman, Huffman), InflateError> {
    let literal_count = input.bits(5)? as usize + 257;
    let distance_count = input.bits(5)? as usize + 1;
    let code_length_count = input.bits(4)? as usize + 4;
    if literal_count > 286 || distance_count > 30 {
        return Err(InflateError::Invalid);
    }
    let mut code_lengths = [0u8; 19];
    for &position in &CODE_LENGTH_ORDER[..code_length_count] {
        code_lengths[position] = input.bits(3)? as u8;
    }
    let code_length_code = Huffman::new(&code_lengths)?;
    let mut lengths = Vec::with_capacity(literal_count + distance_count);
    while lengths.len() < literal_count + distance_count {
        let symbol = code_length_code.decode(input)?;
        let (value, repeat) = match symbol {
            0..=15 => (symbol as u8, 1),
            16 => (
                *lengths.last().ok_or(InflateError::Invalid)?,
                3 + input.bits(2)?,
            ),
            17 => (0, 3 + input.bits(3)?),
            _ => (0, 11 + input.bits(7)?),
        };
        if lengths.len() + repeat as usize > literal_count + distance_count {
            return Err(InflateError::Invalid);
        }
        lengths.extend(std::iter::repeat_n(value, repeat as usize));
    }
    if lengths[256] == 0 {
        return Err(InflateError::Invalid); // no end-of-block code
    }
    Ok((
        Huffman::new(&lengths[..literal_count])?,
        Huffman::new(&lengths[literal_count..])?,
    ))
}

fn inflate_block(
    input: &mut BitReader,
    out: &mut Vec<u8>,
    literals: &Huffman,
    distances: &Huffman,
) -> Result<(), InflateError> {
    loop {
        let symbol = literals.decode(input)?;
        match symbol {
            0..=255 => out.push(symbol as u8),
            256 => return Ok(()),
            _ => {
                let l = symbol - 257;
                let base = *LENGTH_BASE.get(l).ok_or(InflateError::Invalid)?;
                let length = usize::from(base) + input.bits(u32::from(LENGTH_EXTRA[l]))? as usize;
                let d = distances.decode(input)?;
                let base = *DISTANCE_BASE.get(d).ok_or(InflateError::Invalid)?;
                let distance =
                    usize::from(base) + input.bits(u32::from(DISTANCE_EXTRA[d]))? as usize;
                if distance > out.len() {
                    return Err(InflateError::Invalid);
                }
                // Copied byte by byte: a match may overlap the bytes it is producing.
                for _ in 0..length {
                    out.push(out[out.len() - distance]);
                }
            }
        }
        if out.len() > MAX_INFLATED_BYTES {
            return Err(InflateError::TooLarge);
        }
    }
}

/// Decompresses raw DEFLATE data. Never panics, whatever the bytes.
pub fn inflate(data: &[u8]) -> Result<Vec<u8>, InflateError> {
    let mut input = BitReader {
        data,
        at: 0,
        bit: 0,
    };
    let mut out = Vec::with_capacity(data.len() * 3);
    loop {
        let last = input.bits(1)? == 1;
        match input.bits(2)? {
            0 => {
                input.align();
                let header = data
                    .get(input.at..input.at + 4)
                    .ok_or(InflateError::Truncated)?;
                let length = usize::from(u16::from_le_bytes([header[0], header[1]]));
                let check = u16::from_le_bytes([header[2], header[3]]);
                if length as u16 != !check {
                    return Err(InflateError::Invalid);
                }
                let start = input.at + 4;
                let stored = data
                    .get(start..start + length)
                    .ok_or(InflateError::Truncated)?;
                out.extend_from_slice(stored);
                input.at = start + length;
            }
            1 => {
                let (literals, distances) = fixed_codes();
                inflate_block(&mut input, &mut out, &literals, &distances)?;
            }
            2 => {
                let (literals, distances) = dynamic_codes(&mut input)?;
                inflate_block(&mut input, &mut out, &literals, &distances)?;
            }
            _ => return Err(InflateError::Invalid),
        }
        if out.len() > MAX_INFLATED_BYTES {
            return Err(InflateError::TooLarge);
        }
        if last {
            return Ok(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn samples() -> Vec<Vec<u8>> {
        let mut repeated = Vec::new();
        for i in 0..5000u32 {
            repeated.extend_from_slice(format!("line {} of {}; ", i % 37, i % 11).as_bytes());
        }
        let mut noise = Vec::new();
        let mut x = 0x1234_5678u32;
        for _ in 0..70_000 {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            noise.push(x as u8);
        }
        vec![
            Vec::new(),
            b"a".to_vec(),
            b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".to_vec(),
            crate::SAMPLE_ARTICLE.as_bytes().to_vec(),
            "Zürich, Москва, 東京 and 🙂 — “quoted”"
                .repeat(40)
                .into_bytes(),
            repeated,
            noise,
        ]
    }

    #[test]
    fn round_trips_through_itself_and_through_miniz() {
        for data in samples() {
            let packed = deflate(&data);
            assert_eq!(inflate(&packed).unwrap(), data, "own round trip");
            let theirs = miniz_oxide::inflate::decompress_to_vec(&packed).unwrap();
            assert_eq!(theirs, data, "miniz reads what we write");
        }
    }

    #[test]
    fn reads_stored_fixed_and_dynamic_blocks_from_another_encoder() {
        for data in samples() {
            for level in [0, 1, 6, 9] {
                let packed = miniz_oxide::deflate::compress_to_vec(&data, level);
                assert_eq!(inflate(&packed).unwrap(), data, "level {level}");
            }
        }
    }

    #[test]
    fn compresses_english_text() {
        let packed = deflate(crate::SAMPLE_ARTICLE.as_bytes());
        assert!(
            packed.len() * 10 < crate::SAMPLE_ARTICLE.len() * 7,
            "{} bytes",
            packed.len()
        );
    }

    #[test]
    fn text_gets_fitted_codes_and_a_few_bytes_the_fixed_ones() {
        let block_type = |packed: &[u8]| (packed[0] >> 1) & 0b11;
        assert_eq!(block_type(&deflate(crate::SAMPLE_ARTICLE.as_bytes())), 2);
        assert_eq!(block_type(&deflate(b"a")), 1);
        assert_eq!(block_type(&deflate(b"")), 1);
    }

    #[test]
    fn code_lengths_respect_the_limit_and_form_a_prefix_code() {
        // Fibonacci frequencies give the deepest possible Huffman tree.
        let mut fibonacci = vec![1u32, 1];
        while fibonacci.len() < 30 {
            let n = fibonacci.len();
            fibonacci.push(fibonacci[n - 1] + fibonacci[n - 2]);
        }
        for (frequencies, limit) in [
            (fibonacci.clone(), 15u8),
            (fibonacci[..19].to_vec(), 7),
            (vec![0, 0, 5, 0], 15),
            (vec![0; 19], 7),
        ] {
            let lengths = code_lengths(&frequencies, limit);
            assert!(lengths.iter().all(|&l| l <= limit), "{lengths:?}");
            assert!(
                lengths.iter().filter(|&&l| l > 0).count() >= 2,
                "{lengths:?}"
            );
            let kraft: f64 = lengths
                .iter()
                .filter(|&&l| l > 0)
                .map(|&l| 0.5f64.powi(i32::from(l)))
                .sum();
            assert!(kraft <= 1.0 + 1e-9, "{kraft} for {lengths:?}");
            for (f, l) in frequencies.iter().zip(&lengths) {
                assert!(*f == 0 || *l > 0, "every used symbol has a code");
            }
        }
    }

    #[test]
    fn refuses_damaged_data_without_panicking() {
        let packed = deflate(crate::SAMPLE_ARTICLE.as_bytes());
        assert_eq!(
            inflate(&packed[..packed.len() / 2]),
            Err(InflateError::Truncated)
        );
        assert_eq!(inflate(&[0b111]), Err(InflateError::Invalid)); // block type 3
        assert!(inflate(&[]).is_err());
        // Every single-byte corruption either fails or decodes to something; none panics.
        let packed = deflate(b"Officials said the visit went well, and the officials agreed.");
        for i in 0..packed.len() {
            for flip in 1..=255u8 {
                let mut damaged = packed.clone();
                damaged[i] ^= flip;
                let _ = inflate(&damaged);
            }
        }
    }

    #[test]
    fn refuses_a_bomb() {
        let zeros = vec![0u8; MAX_INFLATED_BYTES + 1];
        let packed = deflate(&zeros);
        assert!(packed.len() < 100_000);
        assert_eq!(inflate(&packed), Err(InflateError::TooLarge));
    }
}
