//! The sample's analysis as a bare wasm export, to time the core in wasm under node without the
//! page: `scripts/wasm_bench.sh`.

use article_atlas::analysis::Analyzer;

/// Analyses the sample, edited as the end-to-end figure edits it, `runs` times; returns a count
/// of entities so that nothing is optimised away.
#[no_mangle]
pub extern "C" fn bench(runs: u32) -> u32 {
    let analyzer = Analyzer::new();
    let mut entities = 0u32;
    for i in 0..runs {
        let text = format!("{} Edit{i}.", article_atlas::SAMPLE_ARTICLE);
        entities = entities.wrapping_add(analyzer.analyze(&text).entities.len() as u32);
    }
    entities
}

/// Opens a fresh copy of the gazetteer and looks a name up by another spelling, which builds
/// the spelling skeletons: the one-time cost of the first article that names a place in a
/// spelling the gazetteer lacks.
#[no_mangle]
pub extern "C" fn first_spelling_lookup() -> u32 {
    let gazetteer = article_atlas::analysis::gazetteer::Gazetteer::decode_embedded();
    gazetteer.lookup_by_spelling("Qalyoubia").len() as u32
}

/// Unpacks and opens a fresh copy of the gazetteer: what the first analyser pays for it (the
/// page's gazetteer is packed; `analysis::packed`).
#[no_mangle]
pub extern "C" fn open_gazetteer() -> u32 {
    article_atlas::analysis::gazetteer::Gazetteer::decode_embedded().len() as u32
}

fn main() {}
