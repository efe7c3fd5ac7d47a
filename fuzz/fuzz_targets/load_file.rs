//! Opening a file: any bytes, under any of the names and types the page is given, are either
//! refused with a message or become an article whose analysis is consistent.
#![no_main]

use article_atlas::analysis::Analyzer;
use article_atlas::loading::load_file;
use article_atlas_fuzz::{analyze, check_analysis};
use libfuzzer_sys::fuzz_target;

const FILES: [(&str, &str); 6] = [
    ("article.txt", "text/plain"),
    ("article.md", "text/markdown"),
    ("article.html", "text/html"),
    ("article", ""),
    ("ARTICLE.HTM", "application/octet-stream"),
    ("notes.markdown", "image/png"),
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let (name, mime) = FILES[usize::from(first) % FILES.len()];
    if let Ok(article) = load_file(name, mime, bytes) {
        let analysis = analyze(&Analyzer::new(), &article.text, article.format);
        check_analysis(&article.text, &analysis);
    }
});
