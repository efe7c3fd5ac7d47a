//! The country shapes in `data/basemap.bin.lzma` (built by `scripts/data/basemap.mjs`, which
//! documents the format), unpacked (`analysis::packed`) and decoded once into rings of
//! longitude/latitude ready to project.

use std::sync::OnceLock;

/// A point on the globe in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, or empty for the few shapes without a code (Somaliland, N. Cyprus…).
    pub code: String,
    pub name: String,
    /// Closed rings (first point repeated last), already cut at the antimeridian so that each can
    /// be projected without a stroke across the whole map. Holes are rings too: fill them even-odd.
    pub rings: Vec<Vec<LonLat>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Basemap {
    pub countries: Vec<Country>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BasemapError(pub String);

impl std::fmt::Display for BasemapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "basemap: {}", self.0)
    }
}

static BASEMAP_PACKED: &[u8] = include_bytes!("../../data/basemap.bin.lzma");

/// The shipped basemap, decoded on first use. A corrupt file (which the tests rule out) gives an
/// empty map rather than a broken page.
pub fn world() -> &'static Basemap {
    static WORLD: OnceLock<Basemap> = OnceLock::new();
    WORLD.get_or_init(|| {
        crate::analysis::packed::unpack(BASEMAP_PACKED)
            .ok()
            .and_then(|bytes| Basemap::decode(&bytes).ok())
            .unwrap_or_default()
    })
}

impl Basemap {
    pub fn decode(bytes: &[u8]) -> Result<Basemap, BasemapError> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(4)? != b"AABM" || reader.take(1)? != [1] {
            return Err(BasemapError("not a version 1 basemap".into()));
        }
        let units = reader.uint()? as f64;
        if units == 0.0 {
            return Err(BasemapError("zero grid units".into()));
        }
        let arc_count = reader.uint()?;
        let mut arcs = Vec::with_capacity(arc_count.min(1 << 16));
        for _ in 0..arc_count {
            let points = reader.uint()?;
            let (mut x, mut y) = (0i64, 0i64);
            let mut arc = Vec::with_capacity(points.min(1 << 16));
            for _ in 0..points {
                x += reader.int()?;
                y += reader.int()?;
                arc.push(LonLat {
                    lon: x as f64 / units,
                    lat: y as f64 / units,
                });
            }
            arcs.push(arc);
        }
        let country_count = reader.uint()?;
        let mut countries = Vec::with_capacity(country_count.min(1024));
        for _ in 0..country_count {
            let code = std::str::from_utf8(reader.take(2)?)
                .map_err(|_| BasemapError("country code is not text".into()))?;
            let code = if code == "--" { "" } else { code }.to_string();
            let name_length = reader.uint()?;
            let name = std::str::from_utf8(reader.take(name_length)?)
                .map_err(|_| BasemapError("country name is not UTF-8".into()))?
                .to_string();
            let mut rings = Vec::new();
            for _ in 0..reader.uint()? {
                let mut ring: Vec<LonLat> = Vec::new();
                for _ in 0..reader.uint()? {
                    let reference = reader.int()?;
                    // TopoJSON's convention: ~i (that is, -i - 1) is arc i walked backwards.
                    let (index, reversed) = if reference < 0 {
                        ((-reference - 1) as usize, true)
                    } else {
                        (reference as usize, false)
                    };
                    let arc = arcs
                        .get(index)
                        .ok_or_else(|| BasemapError(format!("arc {index} out of range")))?;
                    // Consecutive arcs share their joining point.
                    let skip = usize::from(!ring.is_empty());
                    if reversed {
                        ring.extend(arc.iter().rev().skip(skip));
                    } else {
                        ring.extend(arc.iter().skip(skip));
                    }
                }
                rings.extend(cut_at_antimeridian(ring));
            }
            countries.push(Country { code, name, rings });
        }
        Ok(Basemap { countries })
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        if code.is_empty() {
            return None;
        }
        self.countries
            .iter()
            .find(|c| c.code.eq_ignore_ascii_case(code))
    }

    /// The country's name for an ISO code, or the code itself when the basemap has no such shape.
    pub fn country_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.country(code).map_or(code, |c| c.name.as_str())
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], BasemapError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| BasemapError("truncated".into()))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn uint(&mut self) -> Result<usize, BasemapError> {
        // Nearly every number is a small delta of one byte: the decode's hottest path.
        if let Some(&byte) = self.bytes.get(self.at).filter(|&&byte| byte < 0x80) {
            self.at += 1;
            return Ok(usize::from(byte));
        }
        let mut value: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return usize::try_from(value).map_err(|_| BasemapError("number too big".into()));
            }
        }
        Err(BasemapError("varint too long".into()))
    }

    fn int(&mut self) -> Result<i64, BasemapError> {
        let zigzag = self.uint()? as i64;
        Ok((zigzag >> 1) ^ -(zigzag & 1))
    }
}

/// Natural Earth's shapes are spherical: Russia and Fiji run on across ±180°, and Antarctica
/// wraps around the pole. Drawn flat, such a ring would streak across the map, so it is split at
/// each crossing into pieces that stay on one side, each closed along the map's edge (or, when it
/// leaves on the other side, around the nearer pole).
///
/// Most rings cross nothing: those are kept as they are, not copied.
pub fn cut_at_antimeridian(ring: Vec<LonLat>) -> Vec<Vec<LonLat>> {
    let crossings: Vec<usize> = (1..ring.len())
        .filter(|&i| (ring[i].lon - ring[i - 1].lon).abs() > 180.0)
        .collect();
    if crossings.is_empty() || ring.len() < 4 {
        return if ring.len() >= 4 {
            vec![ring]
        } else {
            Vec::new()
        };
    }
    // Walk the ring once, starting just after a crossing, so that every piece starts and ends
    // on the edge.
    let open = &ring[..ring.len() - 1]; // without the repeated closing point
    let n = open.len();
    let start = crossings[0] % n;
    let mut pieces: Vec<Vec<LonLat>> = Vec::new();
    let mut current: Vec<LonLat> = Vec::new();
    for step in 0..n {
        let point = open[(start + step) % n];
        match current.last().copied() {
            Some(previous) if (point.lon - previous.lon).abs() > 180.0 => {
                let (leave, enter) = edge_crossing(previous, point);
                current.push(leave);
                pieces.push(std::mem::take(&mut current));
                current.push(enter);
            }
            Some(_) => {}
            None => current.push(edge_crossing(open[(start + n - 1) % n], point).1),
        }
        current.push(point);
    }
    // The walk ends where it began, just before the first crossing.
    if let Some(&last) = current.last() {
        current.push(edge_crossing(last, open[start]).0);
        pieces.push(current);
    }
    pieces
        .into_iter()
        .filter(|piece| piece.len() >= 3)
        .map(close_along_edge)
        .collect()
}

/// Where the segment from `a` to `b` crosses ±180°: the point on `a`'s side, then on `b`'s.
fn edge_crossing(a: LonLat, b: LonLat) -> (LonLat, LonLat) {
    let a_side = if a.lon >= 0.0 { 180.0 } else { -180.0 };
    let b_unwrapped = b.lon + 2.0 * a_side;
    let span = b_unwrapped - a.lon;
    let t = if span.abs() < 1e-12 {
        0.5
    } else {
        ((a_side - a.lon) / span).clamp(0.0, 1.0)
    };
    let lat = a.lat + t * (b.lat - a.lat);
    (LonLat { lon: a_side, lat }, LonLat { lon: -a_side, lat })
}

/// Closes a piece that starts and ends on the edge, following the edge's curve (the projected
/// ±180° meridian is curved) in 5° steps.
fn close_along_edge(mut piece: Vec<LonLat>) -> Vec<LonLat> {
    let (first, last) = (piece[0], piece[piece.len() - 1]);
    let mut corners = Vec::new();
    if first.lon.signum() != last.lon.signum() {
        // Leaves on one side and comes back on the other: it wraps a pole.
        let pole = if piece.iter().map(|p| p.lat).sum::<f64>() < 0.0 {
            -90.0
        } else {
            90.0
        };
        corners.push(LonLat {
            lon: last.lon,
            lat: pole,
        });
        corners.push(LonLat {
            lon: first.lon,
            lat: pole,
        });
    }
    let mut from = last;
    for corner in corners.into_iter().chain(std::iter::once(first)) {
        if from.lon == corner.lon {
            let steps = ((corner.lat - from.lat).abs() / 5.0).ceil() as usize;
            for k in 1..steps {
                piece.push(LonLat {
                    lon: from.lon,
                    lat: from.lat + (corner.lat - from.lat) * k as f64 / steps as f64,
                });
            }
        }
        piece.push(corner);
        from = corner;
    }
    piece
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Vec<u8> {
        crate::analysis::packed::unpack(BASEMAP_PACKED).expect("the shipped basemap unpacks")
    }

    fn p(lon: f64, lat: f64) -> LonLat {
        LonLat { lon, lat }
    }

    #[test]
    fn the_shipped_basemap_decodes_with_every_country() {
        let world = Basemap::decode(&shipped()).expect("decodes");
        assert!(world.countries.len() >= 177, "{}", world.countries.len());
        for code in [
            "RU", "IR", "FR", "US", "BR", "AU", "CN", "IN", "ZA", "XK", "FJ", "AQ",
        ] {
            assert!(world.country(code).is_some(), "{code} missing");
        }
        assert_eq!(world.country_name("RU"), "Russia");
        assert_eq!(world.country_name("CD"), "Democratic Republic of the Congo");
        let points: usize = world
            .countries
            .iter()
            .flat_map(|c| &c.rings)
            .map(Vec::len)
            .sum();
        assert!(points > 20_000, "{points} points");
        for country in &world.countries {
            assert!(!country.rings.is_empty(), "{} has no ring", country.name);
            for ring in &country.rings {
                assert!(ring.len() >= 4, "{}: ring of {}", country.name, ring.len());
                // Only along a pole (a line in Equal Earth) may a ring run from edge to edge.
                for pair in ring.windows(2) {
                    let along_pole = pair[0].lat.abs() == 90.0 && pair[1].lat == pair[0].lat;
                    assert!(
                        along_pole || (pair[1].lon - pair[0].lon).abs() <= 180.0,
                        "{} crosses the antimeridian",
                        country.name
                    );
                }
                for point in ring {
                    assert!(point.lon.abs() <= 180.0 && point.lat.abs() <= 90.0);
                }
            }
        }
        // Codes are unique, so a code finds one shape.
        let mut codes: Vec<&str> = world
            .countries
            .iter()
            .map(|c| c.code.as_str())
            .filter(|c| !c.is_empty())
            .collect();
        let before = codes.len();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), before);
        assert_eq!(super::world(), &world);
    }

    #[test]
    fn russia_is_cut_into_pieces_on_both_sides_of_the_antimeridian() {
        let russia = world().country("RU").unwrap();
        let east = russia.rings.iter().any(|r| r.iter().all(|p| p.lon >= 0.0));
        let chukotka = russia
            .rings
            .iter()
            .any(|r| r.iter().all(|p| p.lon <= 0.0) && r.iter().any(|p| p.lon == -180.0));
        assert!(east && chukotka);
    }

    #[test]
    fn corrupt_bytes_are_an_error_not_a_panic() {
        assert!(Basemap::decode(b"").is_err());
        assert!(Basemap::decode(b"AABM\x02").is_err());
        let bytes = shipped();
        for cut in [5, 6, 100, bytes.len() - 1] {
            assert!(Basemap::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn a_ring_across_the_antimeridian_becomes_two_closed_pieces() {
        let ring = vec![
            p(170.0, 10.0),
            p(-170.0, 10.0),
            p(-170.0, 20.0),
            p(170.0, 20.0),
            p(170.0, 10.0),
        ];
        let pieces = cut_at_antimeridian(ring);
        assert_eq!(pieces.len(), 2);
        for piece in &pieces {
            let side = piece[0].lon.signum();
            assert!(piece.iter().all(|q| q.lon.signum() == side), "{piece:?}");
            assert!(piece.iter().any(|q| q.lon.abs() == 180.0));
        }
    }

    #[test]
    fn a_ring_around_the_pole_is_closed_through_the_pole() {
        let ring = vec![
            p(-120.0, -70.0),
            p(0.0, -70.0),
            p(120.0, -70.0),
            p(-120.0, -70.0),
        ];
        let pieces = cut_at_antimeridian(ring);
        assert_eq!(pieces.len(), 1);
        assert!(pieces[0].iter().any(|q| q.lat == -90.0));
    }
}
