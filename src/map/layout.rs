//! Where markers and their labels go on screen at the current zoom: markers that would sit on top
//! of each other join a cluster, and labels are placed greedily, most-mentioned first, so that
//! none overlaps another label or a marker.

use super::projection::Point;
use crate::analysis::stable_sort;

/// Markers closer than this many pixels join one cluster.
pub const CLUSTER_RADIUS: f64 = 18.0;
/// Label text size in pixels, and the width of an average character at that size.
pub const LABEL_SIZE: f64 = 14.0;
const CHAR_WIDTH: f64 = LABEL_SIZE * 0.56;
const LABEL_GAP: f64 = 4.0;

/// One thing to draw, already on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub at: Point,
    /// More weight wins the label first and leads its cluster.
    pub weight: f64,
    pub radius: f64,
    pub label: String,
}

/// Items drawn as one: `members` are indices into the input, the leader first.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub at: Point,
    pub members: Vec<usize>,
}

/// A screen rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }

    fn around(at: Point, radius: f64) -> Rect {
        Rect {
            x: at.x - radius,
            y: at.y - radius,
            width: 2.0 * radius,
            height: 2.0 * radius,
        }
    }

    fn inside(&self, width: f64, height: f64) -> bool {
        self.x >= 0.0
            && self.y >= 0.0
            && self.x + self.width <= width
            && self.y + self.height <= height
    }
}

/// Heaviest first, ties by label, so the same input always gives the same picture.
fn by_weight(items: &[Item]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    stable_sort::sort_by(&mut order, |&a, &b| {
        items[b]
            .weight
            .total_cmp(&items[a].weight)
            .then_with(|| items[a].label.cmp(&items[b].label))
            .then(a.cmp(&b))
    });
    order
}

/// Greedy clustering: the heaviest unclustered item takes every unclustered item within
/// `radius` pixels of it. The cluster sits at its leader, whose place is the likeliest reading.
pub fn cluster(items: &[Item], radius: f64) -> Vec<Cluster> {
    let mut taken = vec![false; items.len()];
    let mut clusters = Vec::new();
    let order = by_weight(items);
    for &leader in &order {
        if taken[leader] {
            continue;
        }
        let members: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| !taken[i] && items[i].at.distance(items[leader].at) < radius)
            .collect();
        for &member in &members {
            taken[member] = true;
        }
        clusters.push(Cluster {
            at: items[leader].at,
            members,
        });
    }
    clusters
}

/// The estimated box of a label's text (the page cannot measure text from pure code).
pub fn label_size(text: &str) -> (f64, f64) {
    (
        text.chars().count() as f64 * CHAR_WIDTH + 4.0,
        LABEL_SIZE * 1.3,
    )
}

/// Places a label for each item where it overlaps no other label, no marker and stays in the
/// frame; right of the marker is tried first, then left, above and below. `None` means no room:
/// the name is still in the marker's tooltip and in the places table.
pub fn place_labels(items: &[Item], width: f64, height: f64) -> Vec<Option<Rect>> {
    let markers: Vec<Rect> = items.iter().map(|i| Rect::around(i.at, i.radius)).collect();
    let mut placed: Vec<Option<Rect>> = vec![None; items.len()];
    let mut taken: Vec<Rect> = Vec::new();
    for index in by_weight(items) {
        let item = &items[index];
        let (w, h) = label_size(&item.label);
        let r = item.radius + LABEL_GAP;
        let Point { x, y } = item.at;
        let candidates = [
            Rect {
                x: x + r,
                y: y - h / 2.0,
                width: w,
                height: h,
            },
            Rect {
                x: x - r - w,
                y: y - h / 2.0,
                width: w,
                height: h,
            },
            Rect {
                x: x - w / 2.0,
                y: y - r - h,
                width: w,
                height: h,
            },
            Rect {
                x: x - w / 2.0,
                y: y + r,
                width: w,
                height: h,
            },
        ];
        let free = candidates.into_iter().find(|candidate| {
            candidate.inside(width, height)
                && !taken.iter().any(|t| t.overlaps(candidate))
                && !markers.iter().any(|m| m.overlaps(candidate))
        });
        if let Some(rect) = free {
            taken.push(rect);
            placed[index] = Some(rect);
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(x: f64, y: f64, weight: f64, label: &str) -> Item {
        Item {
            at: Point::new(x, y),
            weight,
            radius: 6.0,
            label: label.into(),
        }
    }

    /// The deterministic generator the property tests share: a linear congruential sequence.
    fn scattered(n: usize, seed: u64, spread: f64) -> Vec<Item> {
        let mut state = seed;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        (0..n)
            .map(|i| {
                let label = "x".repeat(3 + i % 9);
                item(
                    next() * spread,
                    next() * spread / 2.0,
                    (next() * 5.0).floor(),
                    &label,
                )
            })
            .collect()
    }

    #[test]
    fn near_markers_cluster_under_the_heaviest() {
        let items = vec![
            item(100.0, 100.0, 1.0, "Korolev"),
            item(105.0, 102.0, 3.0, "Moscow"),
            item(300.0, 100.0, 2.0, "Kazan"),
        ];
        let clusters = cluster(&items, CLUSTER_RADIUS);
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0].members, vec![1, 0]);
        assert_eq!(clusters[0].at, items[1].at);
        assert_eq!(clusters[1].members, vec![2]);
        assert!(cluster(&[], CLUSTER_RADIUS).is_empty());
    }

    #[test]
    fn clusters_partition_the_items_and_leaders_are_apart() {
        for seed in 0..50 {
            let items = scattered(40, seed, 600.0);
            let clusters = cluster(&items, CLUSTER_RADIUS);
            let mut seen: Vec<usize> = clusters.iter().flat_map(|c| c.members.clone()).collect();
            seen.sort();
            assert_eq!(seen, (0..items.len()).collect::<Vec<_>>(), "seed {seed}");
            for c in &clusters {
                for &m in &c.members {
                    assert!(items[m].at.distance(c.at) < CLUSTER_RADIUS);
                }
            }
            for (i, a) in clusters.iter().enumerate() {
                for b in &clusters[i + 1..] {
                    assert!(a.at.distance(b.at) >= CLUSTER_RADIUS, "seed {seed}");
                }
            }
        }
    }

    #[test]
    fn placed_labels_never_overlap_labels_or_markers() {
        for seed in 0..50 {
            let items = scattered(30, seed, 800.0);
            let labels = place_labels(&items, 800.0, 400.0);
            let rects: Vec<Rect> = labels.iter().flatten().copied().collect();
            assert!(!rects.is_empty(), "seed {seed}: some label fits");
            for (i, a) in rects.iter().enumerate() {
                assert!(a.inside(800.0, 400.0));
                for b in &rects[i + 1..] {
                    assert!(!a.overlaps(b), "seed {seed}: {a:?} overlaps {b:?}");
                }
                for it in &items {
                    assert!(!a.overlaps(&Rect::around(it.at, it.radius)));
                }
            }
        }
    }

    #[test]
    fn the_heavier_place_wins_a_contested_spot() {
        // Two markers side by side: only one label fits to the right, and the other goes left.
        let items = vec![
            item(100.0, 100.0, 1.0, "Korolev"),
            item(100.0, 116.0, 5.0, "Moscow"),
        ];
        let labels = place_labels(&items, 800.0, 400.0);
        let moscow = labels[1].unwrap();
        assert!(moscow.x > 100.0, "Moscow keeps the right: {moscow:?}");
        assert!(labels[0].is_some());
    }
}
