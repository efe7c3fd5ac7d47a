//! Times the first use of every embedded data set, as the page pays it at start:
//! `cargo run --release --example load_timing`. The page shows the same figure for wasm in its
//! About panel, and the end-to-end run prints it.

use std::time::Instant;

use article_atlas::analysis::entities::lexicons::Lexicons;
use article_atlas::analysis::gazetteer::Gazetteer;
use article_atlas::analysis::Analyzer;

fn main() {
    let started = Instant::now();
    Gazetteer::embedded();
    let gazetteer = started.elapsed();
    Lexicons::embedded();
    let lexicons = started.elapsed() - gazetteer;
    article_atlas::map::basemap::world();
    let basemap = started.elapsed() - gazetteer - lexicons;
    Analyzer::new().analyze(article_atlas::SAMPLE_ARTICLE);
    let first = started.elapsed() - gazetteer - lexicons - basemap;
    println!("gazetteer {gazetteer:?}, word lists {lexicons:?}, basemap {basemap:?}, first analysis of the sample {first:?}");
}
