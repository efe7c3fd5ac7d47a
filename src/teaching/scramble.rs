//! Scramble the paragraphs: students put them back in order, then check how far each one is
//! from its place. An order is a list of paragraph indices (0-based), as shown top to bottom.

/// A shuffled order of `n` paragraphs from `seed` (the page passes the clock): a Fisher–Yates
/// shuffle driven by a small linear congruential generator. With two or more paragraphs the
/// order is never the original one.
pub fn scrambled_order(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    if n < 2 {
        return order;
    }
    let mut state = seed | 1;
    let mut next = move |bound: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % bound as u64) as usize
    };
    for i in (1..n).rev() {
        let j = next(i + 1);
        order.swap(i, j);
    }
    if is_solved(&order) {
        order.rotate_left(1);
    }
    order
}

pub fn is_solved(order: &[usize]) -> bool {
    order.iter().enumerate().all(|(i, &p)| i == p)
}

/// Moves the item at `from` to `to`, shifting the ones between.
pub fn move_item(order: &mut Vec<usize>, from: usize, to: usize) {
    if from >= order.len() || to >= order.len() || from == to {
        return;
    }
    let item = order.remove(from);
    order.insert(to, item);
}

/// How far each shown paragraph is from its place: positive when it stands too late, negative
/// when too early, zero in place. In the order shown.
pub fn distances(order: &[usize]) -> Vec<isize> {
    order
        .iter()
        .enumerate()
        .map(|(shown, &paragraph)| shown as isize - paragraph as isize)
        .collect()
}

/// The check's words for one distance.
pub fn distance_label(distance: isize) -> String {
    let places = |n: isize| {
        if n.abs() == 1 {
            "1 place".to_string()
        } else {
            format!("{} places", n.abs())
        }
    };
    match distance {
        0 => "In place".to_string(),
        d if d > 0 => format!("{} too low", places(d)),
        d => format!("{} too high", places(d)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scramble_is_a_permutation_never_in_order() {
        for n in 2..8 {
            for seed in 0..50 {
                let order = scrambled_order(n, seed);
                let mut sorted = order.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..n).collect::<Vec<_>>());
                assert!(!is_solved(&order), "{n} {seed}");
            }
        }
        assert_eq!(scrambled_order(1, 7), vec![0]);
    }

    #[test]
    fn moving_back_into_place_solves_and_checks() {
        let mut order = vec![2, 0, 1];
        assert_eq!(distances(&order), vec![-2, 1, 1]);
        assert_eq!(distance_label(-2), "2 places too high");
        assert_eq!(distance_label(1), "1 place too low");
        move_item(&mut order, 0, 2);
        assert!(is_solved(&order));
        assert_eq!(distances(&order), vec![0, 0, 0]);
        assert_eq!(distance_label(0), "In place");
    }
}
