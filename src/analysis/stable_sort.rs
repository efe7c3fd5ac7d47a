//! Stable sorts that cost the page's wasm one copy of the standard library's sort, not one per
//! element type and comparison (issue 14, the first load).
//!
//! `slice::sort_by` is generic over both, and each of its instances is a few kilobytes of merge
//! and quicksort code: 24 of them were 90 KB of the wasm before wasm-opt, 24 KB of the page under
//! gzip -9. Here,
//! in wasm, the slice's indices are sorted once by a comparison behind `dyn`, and the slice is then
//! put in that order; a stable sort's result is unique, so it is exactly what `sort_by` gives.
//! Natively (the CLI, the tests) these call `sort_by` itself, which is faster.

use std::cmp::Ordering;

/// [`slice::sort_by_key`], with the same result.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// [`slice::sort`], with the same result.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// [`slice::sort_by`], with the same result.
#[cfg(not(target_arch = "wasm32"))]
pub fn sort_by<T>(v: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    v.sort_by(compare);
}

/// [`slice::sort_by`], with the same result.
#[cfg(target_arch = "wasm32")]
pub fn sort_by<T>(v: &mut [T], compare: impl FnMut(&T, &T) -> Ordering) {
    erased_sort_by(v, compare);
}

/// What `sort_by` is in wasm (tested natively against the standard library's sort).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn erased_sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let items: &[T] = v;
    let order = sorted_order(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(v, order);
}

/// The indices `0..len` in the stable order `compare` gives them: the only instance of the sort.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn sorted_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Puts `v` in `order` (`v[k]` becomes the old `v[order[k]]`) by swapping along each cycle.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_erased_sort_matches_the_standard_stable_sort() {
        // Pairs sorted by their first half only: equal keys keep their order, as in sort_by.
        let mut seed = 7u64;
        for len in [0usize, 1, 2, 3, 5, 17, 64, 257] {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (((seed >> 33) % 6) as u8, i)
                })
                .collect();
            let mut want = items.clone();
            want.sort_by_key(|p| p.0);
            let mut got = items.clone();
            erased_sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, want, "length {len}");
            let mut reversed = items;
            reversed.reverse();
            let mut want = reversed.clone();
            want.sort_by_key(|p| std::cmp::Reverse(p.0));
            erased_sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
            assert_eq!(reversed, want, "length {len}, descending");
        }
    }

    #[test]
    fn permute_follows_every_cycle() {
        let mut v = vec!['a', 'b', 'c', 'd', 'e', 'f'];
        permute(&mut v, vec![2, 0, 1, 5, 4, 3]);
        assert_eq!(v, ['c', 'a', 'b', 'f', 'e', 'd']);
    }
}
