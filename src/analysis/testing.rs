//! Helpers shared by the core's unit tests.

/// A small deterministic generator for property tests, so that a failure reproduces from its
/// seed alone, without a random-number crate.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// `len` pieces drawn from `pieces`, joined.
    pub fn text(&mut self, pieces: &[&str], len: usize) -> String {
        (0..len)
            .map(|_| pieces[(self.next() as usize) % pieces.len()])
            .collect()
    }
}
