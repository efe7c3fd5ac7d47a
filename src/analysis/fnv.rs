//! Hash maps and sets keyed by short article words, hashed with FNV-1a.
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

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}
