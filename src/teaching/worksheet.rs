//! The printed worksheet (questions, no answers) and what only the answer key adds (the places
//! numbered on a map and keyed to a list).

use crate::analysis::stable_sort;
use serde::Serialize;

use crate::analysis::Analysis;
use crate::map::places::{kind_label, PlaceView};
use crate::map::projection::Point;

/// The 5W+H organiser's questions, left for students to answer.
pub const ORGANISER: [&str; 6] = ["Who", "What", "When", "Where", "Why", "How"];

/// The inverted pyramid's levels, top (widest) first, left for students to fill.
pub const PYRAMID_LEVELS: [&str; 3] = [
    "Most important facts",
    "Supporting details",
    "Background and extras",
];

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
pub struct Worksheet {
    pub headline: Option<String>,
    /// The body paragraphs' text, numbered from 1 by their position.
    pub paragraphs: Vec<String>,
    /// The quoted words, each with an empty speaker cell on the sheet.
    pub quotations: Vec<String>,
}

pub fn worksheet(analysis: &Analysis) -> Worksheet {
    Worksheet {
        headline: analysis.title.clone(),
        paragraphs: analysis
            .paragraphs
            .iter()
            .map(|p| {
                analysis
                    .text
                    .get(p.start..p.end)
                    .unwrap_or_default()
                    .trim()
                    .to_string()
            })
            .collect(),
        quotations: analysis.quotations.iter().map(|q| q.text.clone()).collect(),
    }
}

/// A place of the answer key: its number on the map and in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyedPlace {
    pub number: usize,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub world: Point,
}

/// The places numbered in order of first mention, as the map's route numbers them.
pub fn keyed_places(views: &[PlaceView]) -> Vec<KeyedPlace> {
    let mut views: Vec<&PlaceView> = views.iter().collect();
    stable_sort::sort_by_key(&mut views, |v| v.first_mention);
    views
        .into_iter()
        .enumerate()
        .map(|(i, v)| KeyedPlace {
            number: i + 1,
            name: v.name.clone(),
            kind: kind_label(v.kind).to_string(),
            country: v.country_name.clone(),
            world: v.world,
        })
        .collect()
}

/// Room around the places on the key's map, in world units (the world is 1000 wide).
const KEY_MAP_PADDING: f64 = 40.0;
/// The key's map never shows less than this width of the world, so a single place keeps its
/// surroundings.
const KEY_MAP_MIN_WIDTH: f64 = 160.0;

/// The SVG view box (x, y, width, height) that frames the keyed places, or the whole world.
pub fn key_map_view_box(places: &[KeyedPlace], world_width: f64, world_height: f64) -> [f64; 4] {
    if places.is_empty() {
        return [0.0, 0.0, world_width, world_height];
    }
    let (mut left, mut top) = (f64::INFINITY, f64::INFINITY);
    let (mut right, mut bottom) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    for p in places {
        left = left.min(p.world.x);
        right = right.max(p.world.x);
        top = top.min(p.world.y);
        bottom = bottom.max(p.world.y);
    }
    let width = (right - left + 2.0 * KEY_MAP_PADDING).max(KEY_MAP_MIN_WIDTH);
    let height = (bottom - top + 2.0 * KEY_MAP_PADDING).max(KEY_MAP_MIN_WIDTH * 0.6);
    let x = (left + right) / 2.0 - width / 2.0;
    let y = (top + bottom) / 2.0 - height / 2.0;
    [x, y, width, height]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analyzer;
    use crate::map::places::place_views;

    #[test]
    fn the_worksheet_numbers_paragraphs_and_leaves_speakers_out() {
        let analysis = Analyzer::new().analyze(crate::SAMPLE_ARTICLE);
        let sheet = worksheet(&analysis);
        assert_eq!(sheet.paragraphs.len(), 3);
        assert_eq!(sheet.quotations.len(), 1);
        assert!(!sheet.quotations[0].contains("official"));
    }

    #[test]
    fn the_key_numbers_places_by_first_mention_and_frames_them() {
        let analysis = Analyzer::new().analyze(crate::SAMPLE_ARTICLE);
        let views = place_views(&analysis.places, &analysis.mentions);
        let keyed = keyed_places(&views);
        assert!(!keyed.is_empty());
        assert_eq!(keyed[0].number, 1);
        let [x, y, w, h] = key_map_view_box(&keyed, 1000.0, 500.0);
        for p in &keyed {
            assert!(p.world.x > x && p.world.x < x + w && p.world.y > y && p.world.y < y + h);
        }
    }
}
