//! Times decoding the compiled-in gazetteer, a few lookups, and lookups by another spelling
//! (the first of which builds the spelling skeletons): `cargo run --release --example
//! gazetteer_timing`.

use std::time::Instant;

use article_atlas::analysis::gazetteer::Gazetteer;

fn main() {
    let bytes = Gazetteer::embedded_size();
    let started = Instant::now();
    let mut entries = 0;
    for _ in 0..10 {
        entries = std::hint::black_box(Gazetteer::decode_embedded()).len();
    }
    let decode = started.elapsed().as_secs_f64() / 10.0;
    let g = Gazetteer::embedded();
    let names = [
        "Moscow",
        "St. Petersburg",
        "Kazan",
        "Paris",
        "Springfield",
        "Nowhere",
    ];
    let started = Instant::now();
    let mut found = 0;
    for _ in 0..1000 {
        for name in names {
            found += g.lookup(name).len();
        }
    }
    let lookup = started.elapsed().as_secs_f64() / (1000.0 * names.len() as f64);
    println!(
        "{entries} entries from {bytes} bytes: decode {:.1} ms, lookup {:.2} µs ({found} matches)",
        decode * 1e3,
        lookup * 1e6
    );
    // The least of a few tries: the first lookup of each fresh copy builds its skeletons.
    let mut first_time = f64::MAX;
    let mut first = 0;
    for _ in 0..20 {
        let fresh = Gazetteer::decode_embedded();
        let started = Instant::now();
        first = fresh.lookup_by_spelling("Qalyoubia").len();
        first_time = first_time.min(started.elapsed().as_secs_f64());
    }
    let fresh = Gazetteer::decode_embedded();
    let started = Instant::now();
    let mut found = first;
    for _ in 0..1000 {
        found += fresh.lookup_by_spelling("Menoufia").len();
    }
    let later = started.elapsed().as_secs_f64() / 1000.0;
    println!(
        "by spelling: first {:.2} ms (builds the skeletons; best of 20), later {:.1} µs ({found} matches)",
        first_time * 1e3,
        later * 1e6
    );
}
