//! Times decoding the compiled-in gazetteer and a few lookups: `cargo run --release --example gazetteer_timing`.

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
}
