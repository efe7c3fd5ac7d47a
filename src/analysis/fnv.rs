//! Hash maps and sets keyed by short article words, hashed eight bytes at a time by one
//! multiplication each (as rustc-hash does; the name is from FNV-1a, which they used first).
//!
//! They are built on every analysis, as the user types: the standard library's SipHash costs
//! more than the lookups themselves there, in wasm most of all. The keys are article words and
//! place ids, not input an attacker could aim at one bucket to any effect beyond a slower
//! analysis of their own text. Nothing may depend on their iteration order (SipHash's was random
//! per process anyway).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

pub type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
pub type FnvSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

#[derive(Default)]
pub struct Fnv(u64);

impl Fnv {
    /// FNV-1a's offset basis, where every hash starts.
    const BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    /// The multiplier that folds in eight bytes at a time (rustc-hash's).
    const WIDE: u64 = 0xf135_7aea_2e62_a9c5;
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        // The multiplications carry low bits up, never down: the high bits, the best mixed,
        // are turned down to where the tables take their slot from.
        self.0.rotate_left(26)
    }

    /// FNV-1a's byte at a time cost more than the lookups it served (the recogniser asks the
    /// word lists about most words): eight bytes are folded in at a time, the last few padded.
    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 { Self::BASIS } else { self.0 };
        let mut chunks = bytes.chunks_exact(8);
        for chunk in chunks.by_ref() {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            hash = (hash ^ u64::from_le_bytes(word)).wrapping_mul(Self::WIDE);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The bytes left, zero-padded, with their count in the top byte (which the padding
            // leaves free): "a" and "a\0" differ.
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            let word = u64::from_le_bytes(word) | (rest.len() as u64) << 56;
            hash = (hash ^ word).wrapping_mul(Self::WIDE);
        }
        self.0 = hash;
    }
}
