//! The analysis of Markdown input: any UTF-8 string gives a consistent analysis.
#![no_main]

use article_atlas::analysis::{Analyzer, InputFormat};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let analysis = Analyzer::new().analyze_as(input, InputFormat::Markdown);
    article_atlas_fuzz::check_analysis(input, &analysis);
});
