//! Examples in the project are invented. A rule explained by a quoted phrase from the data it
//! is measured on is fitted to that phrase, so any run of five words from an evaluation
//! document (`../shared/eval/*.dev.jsonl`) in the code, tests, word lists, scripts or docs fails
//! this test, unless the run lies inside a phrase of `tests/no_eval_text.allowed` (generic
//! names and common English that any text may share). Without `../shared` (a checkout on its
//! own) the test says so and passes.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

const RUN: usize = 5;

/// Lower-cased words: letters and digits, with apostrophes inside a word kept (as the
/// before-stop hook reads them, so both agree on what a quotation is).
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if (c == '\'' || c == '\u{2019}')
            && !word.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphanumeric())
        {
            word.push(c);
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn runs(words: &[String]) -> impl Iterator<Item = String> + '_ {
    words.windows(RUN).map(|w| w.join(" "))
}

/// Every run of `RUN` words of the evaluation documents, with the id of one document it is in.
fn evaluation_runs(eval: &Path) -> HashMap<String, String> {
    let mut found = HashMap::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(eval)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".dev.jsonl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no *.dev.jsonl in {}", eval.display());
    for file in files {
        for line in std::fs::read_to_string(&file).unwrap().lines() {
            if line.trim().is_empty() {
                continue;
            }
            let doc: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = doc["id"].as_str().unwrap_or("?").to_string();
            for run in runs(&words(doc["text"].as_str().unwrap_or(""))) {
                found.entry(run).or_insert_with(|| id.clone());
            }
        }
    }
    found
}

/// The project's own text: code, tests, word lists, scripts and docs.
fn project_files(root: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            if path.is_dir() {
                if !matches!(
                    name.as_str(),
                    "node_modules" | "target" | "dist" | "corpus" | "artifacts"
                ) {
                    walk(&path, out);
                }
            } else {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    for dir in [
        "src",
        "tests",
        "data/lexicon",
        "data/names",
        "scripts",
        "e2e",
        "fuzz",
        "examples",
    ] {
        walk(&root.join(dir), &mut files);
    }
    for doc in std::fs::read_dir(root).unwrap().flatten() {
        if doc.path().extension().is_some_and(|e| e == "md") {
            files.push(doc.path());
        }
    }
    files.push(root.join("data/README.md"));
    files.sort();
    files
}

/// The runs of `RUN` words inside the reviewed phrases of the allow file. Each phrase has at
/// least `RUN` words, or it could allow nothing.
fn allowed_runs(root: &Path) -> HashSet<String> {
    let path = root.join("tests/no_eval_text.allowed");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut allowed = HashSet::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let phrase = words(line);
        assert!(
            phrase.len() >= RUN,
            "{}: \"{line}\" has fewer than {RUN} words",
            path.display()
        );
        allowed.extend(runs(&phrase));
    }
    allowed
}

#[test]
fn no_run_of_five_words_from_an_evaluation_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let eval = root.join("../shared/eval");
    if !eval.is_dir() {
        eprintln!(
            "skipped: {} is absent, so there is nothing to compare with",
            eval.display()
        );
        return;
    }
    let mut quoted = evaluation_runs(&eval);
    let allowed = allowed_runs(root);
    quoted.retain(|run, _| !allowed.contains(run));
    let mut hits = Vec::new();
    let files = project_files(root);
    for file in &files {
        // Packed word lists are read unpacked; other binary files and files that are not UTF-8 hold
        // no prose.
        let text = if file.extension().is_some_and(|e| e == "lzma") {
            std::fs::read(file).ok().and_then(|bytes| {
                article_atlas::analysis::packed::unpack_front_coded_text(&bytes).ok()
            })
        } else {
            std::fs::read_to_string(file).ok()
        };
        let Some(text) = text else {
            continue;
        };
        let mut found: Vec<_> = runs(&words(&text))
            .filter_map(|r| quoted.get_key_value(&r))
            .collect();
        found.sort();
        found.dedup();
        for (run, id) in found {
            hits.push(format!(
                "{}: \"{run}\" (from {id})",
                file.strip_prefix(root).unwrap_or(file).display()
            ));
        }
    }
    assert!(files.len() > 50, "only {} project files found", files.len());
    assert!(
        hits.is_empty(),
        "these files quote evaluation texts; replace each with an invented example:\n{}",
        hits.join("\n")
    );
}

#[test]
fn words_are_read_as_the_hook_reads_them() {
    assert_eq!(
        words("It’s the Mayor's 2nd plan—and it’ll pass_now."),
        ["it’s", "the", "mayor's", "2nd", "plan", "and", "it’ll", "pass", "now"]
    );
}
