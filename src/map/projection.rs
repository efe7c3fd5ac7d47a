//! The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): equal-area, so a country's
//! size on the map is fair, with the gently curved edges of the Natural Earth family.
//!
//! World coordinates: x runs 0 → [`WORLD_WIDTH`] west to east, y runs 0 → [`world_height`]
//! north to south (SVG's direction); (0°, 0°) is the centre.

use std::sync::OnceLock;

use super::basemap::{world, Country, LonLat};

pub const WORLD_WIDTH: f64 = 1000.0;

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;
const M: f64 = 0.866_025_403_784_438_6; // √3 / 2

/// A point in world (or, after a viewport, screen) coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    pub fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// The projection in its own units (radians of the unit sphere).
fn forward(lon: f64, lat: f64) -> (f64, f64) {
    let theta = (M * lat.sin()).asin();
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lon * theta.cos() / (M * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// World units per projection unit: the equator (x = π / (M·A1) at 180°) spans the width.
const SCALE: f64 = WORLD_WIDTH / 2.0 / (std::f64::consts::PI / (M * A1));
/// At the poles θ = asin(M) = π/3 exactly, so the height is a constant too.
const POLE_THETA: f64 = std::f64::consts::FRAC_PI_3;
const POLE_Y: f64 = POLE_THETA
    * (A1
        + A2 * POLE_THETA * POLE_THETA
        + POLE_THETA
            * POLE_THETA
            * POLE_THETA
            * POLE_THETA
            * POLE_THETA
            * POLE_THETA
            * (A3 + A4 * POLE_THETA * POLE_THETA));

fn scale() -> f64 {
    SCALE
}

pub fn world_height() -> f64 {
    2.0 * POLE_Y * SCALE
}

pub fn project(at: LonLat) -> Point {
    let lon = at.lon.clamp(-180.0, 180.0).to_radians();
    let lat = at.lat.clamp(-90.0, 90.0).to_radians();
    let (x, y) = forward(lon, lat);
    let s = scale();
    Point::new(WORLD_WIDTH / 2.0 + x * s, world_height() / 2.0 - y * s)
}

/// The inverse, by Newton's method on θ (converges in a few steps everywhere on the map).
pub fn unproject(point: Point) -> LonLat {
    let s = scale();
    let x = (point.x - WORLD_WIDTH / 2.0) / s;
    let y = (world_height() / 2.0 - point.y) / s;
    let mut theta = y / A1;
    for _ in 0..12 {
        let t2 = theta * theta;
        let t6 = t2 * t2 * t2;
        let f = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - y;
        let derivative = A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2);
        let delta = f / derivative;
        theta -= delta;
        if delta.abs() < 1e-12 {
            break;
        }
    }
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let lon = M * x * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)) / theta.cos();
    let lat = (theta.sin() / M).clamp(-1.0, 1.0).asin();
    LonLat {
        lon: lon.to_degrees(),
        lat: lat.to_degrees(),
    }
}

/// An SVG path for a country in world coordinates. One decimal is a tenth of a world unit: finer
/// than a screen pixel up to about tenfold zoom on a projector.
pub fn country_path(country: &Country) -> String {
    let mut d = String::new();
    for ring in &country.rings {
        push_ring(&mut d, ring.iter().map(|&p| project(p)));
    }
    d
}

/// A country ready to draw: its SVG path in world coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryShape {
    pub code: String,
    pub name: String,
    pub d: String,
}

/// Every country of the shipped basemap, projected once for the page's lifetime.
pub fn world_shapes() -> &'static [CountryShape] {
    static SHAPES: OnceLock<Vec<CountryShape>> = OnceLock::new();
    SHAPES.get_or_init(|| {
        world()
            .countries
            .iter()
            .map(|c| CountryShape {
                code: c.code.clone(),
                name: c.name.clone(),
                d: country_path(c),
            })
            .collect()
    })
}

/// The outline of the whole globe (the ocean), traced along the ±180° meridians.
pub fn sphere_path() -> String {
    let east = (-90..=90).step_by(5).map(|lat| LonLat {
        lon: 180.0,
        lat: f64::from(lat),
    });
    let west = (-90..=90).rev().step_by(5).map(|lat| LonLat {
        lon: -180.0,
        lat: f64::from(lat),
    });
    let mut d = String::new();
    push_ring(&mut d, east.chain(west).map(project));
    d
}

fn push_ring(d: &mut String, points: impl Iterator<Item = Point>) {
    let mut previous: Option<(i64, i64)> = None;
    for point in points {
        let tenths = (
            (point.x * 10.0).round() as i64,
            (point.y * 10.0).round() as i64,
        );
        if previous == Some(tenths) {
            continue;
        }
        d.push(if previous.is_none() { 'M' } else { 'L' });
        push_tenths(d, tenths.0);
        d.push(' ');
        push_tenths(d, tenths.1);
        previous = Some(tenths);
    }
    if previous.is_some() {
        d.push('Z');
    }
}

/// Writes a number of tenths as a decimal without a trailing ".0". By hand rather than through
/// `format!`, which made building the basemap's 50,000 points several times slower.
fn push_tenths(d: &mut String, tenths: i64) {
    if tenths < 0 {
        d.push('-');
    }
    let magnitude = tenths.unsigned_abs();
    let whole = magnitude / 10;
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = whole;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    d.extend(digits[at..].iter().map(|&b| char::from(b)));
    let tenth = (magnitude % 10) as u8;
    if tenth != 0 {
        d.push('.');
        d.push(char::from(b'0' + tenth));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lon: f64, lat: f64) -> LonLat {
        LonLat { lon, lat }
    }

    #[test]
    fn known_points() {
        let centre = project(at(0.0, 0.0));
        assert!((centre.x - WORLD_WIDTH / 2.0).abs() < 1e-9);
        assert!((centre.y - world_height() / 2.0).abs() < 1e-9);
        assert!((project(at(180.0, 0.0)).x - WORLD_WIDTH).abs() < 1e-9);
        assert!(project(at(-180.0, 0.0)).x.abs() < 1e-9);
        assert!(project(at(0.0, 90.0)).y.abs() < 1e-9);
        assert!((forward(0.0, std::f64::consts::FRAC_PI_2).1 - POLE_Y).abs() < 1e-12);
        assert!((forward(std::f64::consts::PI, 0.0).0 * SCALE - WORLD_WIDTH / 2.0).abs() < 1e-9);
        // Equal Earth is about 2.05 times as wide as it is tall.
        let ratio = WORLD_WIDTH / world_height();
        assert!((2.0..2.1).contains(&ratio), "{ratio}");

        let paris = project(at(2.35, 48.86));
        let moscow = project(at(37.62, 55.76));
        let tehran = project(at(51.39, 35.69));
        assert!(moscow.x > paris.x, "Moscow is east of Paris");
        assert!(moscow.y < paris.y, "and north of it");
        assert!(tehran.y > moscow.y, "Tehran is south of Moscow");
    }

    #[test]
    fn projection_round_trips() {
        for lon in (-180..=180).step_by(15) {
            for lat in (-89..=89).step_by(7) {
                let start = at(f64::from(lon), f64::from(lat));
                let back = unproject(project(start));
                assert!(
                    (back.lon - start.lon).abs() < 1e-6 && (back.lat - start.lat).abs() < 1e-6,
                    "{start:?} came back as {back:?}"
                );
            }
        }
    }

    #[test]
    fn paths_are_compact_and_inside_the_world() {
        let written = |tenths: i64| {
            let mut d = String::new();
            push_tenths(&mut d, tenths);
            d
        };
        assert_eq!(written(-5), "-0.5");
        assert_eq!(written(1234), "123.4");
        assert_eq!(written(1230), "123");
        assert_eq!(written(0), "0");
        assert_eq!(written(-20), "-2");
        let total: usize = world()
            .countries
            .iter()
            .map(|c| country_path(c).len())
            .sum();
        assert!(total < 1_500_000, "{total} bytes of path data");
        let russia = country_path(world().country("RU").unwrap());
        assert!(russia.starts_with('M') && russia.ends_with('Z'));
        assert!(sphere_path().matches('L').count() > 60);
    }
}
