//! Every export of the analysis of any input (its first byte picks the format), with and
//! without the reader's place corrections, reads back with a parser for its format.
#![no_main]

use article_atlas::analysis::Analyzer;
use article_atlas_fuzz::{analyze, check_analysis, check_exports, split_format, with_choices_from};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((format, input)) = split_format(data) else {
        return;
    };
    let analysis = analyze(&Analyzer::new(), input, format);
    check_analysis(input, &analysis);
    check_exports(&analysis);
    if !analysis.places.is_empty() {
        check_exports(&with_choices_from(&analysis, data));
    }
});
