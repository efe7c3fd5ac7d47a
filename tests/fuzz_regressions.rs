//! Every input the fuzzer found a fault with stays fixed: each file in `tests/fuzz_regressions/`
//! is analysed in every input format and exported in every format, read as a share link and
//! opened as a file, under the fuzz targets' own checks (`fuzz/src/lib.rs`, included as it is).

use std::path::Path;

use article_atlas::analysis::{Analyzer, InputFormat};
use article_atlas::loading::load_file;

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod checks;

fn check_input(analyzer: &Analyzer, input: &str) {
    for format in [
        None,
        Some(InputFormat::Plain),
        Some(InputFormat::Markdown),
        Some(InputFormat::Html),
    ] {
        let analysis = checks::analyze(analyzer, input, format);
        checks::check_analysis(input, &analysis);
        checks::check_exports(&analysis);
        checks::check_share_round_trip(input, format);
    }
}

#[test]
fn every_input_the_fuzzer_found_stays_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let analyzer = Analyzer::new();
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        eprintln!("{}", path.display());
        // The whole file as text, and as the targets that read their first byte see it.
        check_input(&analyzer, &String::from_utf8_lossy(&bytes));
        if let Some((_, rest)) = checks::split_format(&bytes) {
            check_input(&analyzer, rest);
        }
        for name in ["article.txt", "article.md", "article.html", "article"] {
            if let Ok(article) = load_file(name, "", &bytes) {
                let analysis = checks::analyze(&analyzer, &article.text, article.format);
                checks::check_analysis(&article.text, &analysis);
            }
        }
        checked += 1;
    }
    assert!(checked > 0, "no regression inputs in {}", dir.display());
}
