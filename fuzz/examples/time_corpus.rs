//! Times the analysis of every corpus file up to a size (4 KB unless given) in each input format,
//! and prints the slowest. Build it like the shipped program:
//!
//! ```sh
//! cargo run --manifest-path fuzz/Cargo.toml --profile shipped --example time_corpus -- fuzz/corpus/*
//! ```
//!
//! Options: `--max-bytes N` (default 4096), `--top N` (default 10). Each file's time is the best
//! of three runs, and the slowest are timed again as the best of twenty, so that another
//! program's burst on a shared machine does not count.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use article_atlas::analysis::{Analyzer, InputFormat};

const RUNS: usize = 3;
const CONFIRMING_RUNS: usize = 20;

fn best_of(analyzer: &Analyzer, input: &str, format: Option<InputFormat>, runs: usize) -> Duration {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            let analysis = match format {
                Some(format) => analyzer.analyze_as(input, format),
                None => analyzer.analyze(input),
            };
            let elapsed = started.elapsed();
            std::hint::black_box(analysis);
            elapsed
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let mut max_bytes = 4096;
    let mut top = 10;
    let mut dirs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--max-bytes" => {
                max_bytes = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--max-bytes N")
            }
            "--top" => top = args.next().and_then(|n| n.parse().ok()).expect("--top N"),
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if dirs.is_empty() {
        eprintln!("usage: time_corpus [--max-bytes N] [--top N] DIR_OR_FILE...");
        std::process::exit(2);
    }
    let mut files = Vec::new();
    for dir in dirs {
        if dir.is_dir() {
            for entry in std::fs::read_dir(&dir).expect("a readable directory") {
                files.push(entry.expect("a directory entry").path());
            }
        } else {
            files.push(dir);
        }
    }

    Analyzer::load_embedded_data();
    let analyzer = Analyzer::new();
    let formats = [
        (Some(InputFormat::Plain), "plain"),
        (Some(InputFormat::Markdown), "markdown"),
        (Some(InputFormat::Html), "html"),
        (None, "guessed"),
    ];
    let mut timings: Vec<(Duration, Option<InputFormat>, &str, usize, PathBuf)> = Vec::new();
    let mut total = Duration::ZERO;
    let mut timed = 0;
    for path in files {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        if bytes.len() > max_bytes {
            continue;
        }
        let input = String::from_utf8_lossy(&bytes);
        timed += 1;
        for (format, name) in formats {
            let best = best_of(&analyzer, &input, format, RUNS);
            total += best;
            timings.push((best, format, name, bytes.len(), path.clone()));
        }
    }
    let analyses = timings.len();
    timings.sort_by_key(|t| std::cmp::Reverse(t.0));
    timings.truncate(top);
    for (time, format, _, _, path) in &mut timings {
        let input = std::fs::read(&*path).unwrap_or_default();
        *time = best_of(
            &analyzer,
            &String::from_utf8_lossy(&input),
            *format,
            CONFIRMING_RUNS,
        );
    }
    timings.sort_by_key(|t| std::cmp::Reverse(t.0));
    println!(
        "{timed} files of at most {max_bytes} bytes, {analyses} analyses, {:.1} ms in all",
        total.as_secs_f64() * 1e3
    );
    if let Some((max, ..)) = timings.first() {
        println!(
            "max: {:.3} ms (the slowest {top} timed again, best of {CONFIRMING_RUNS})",
            max.as_secs_f64() * 1e3
        );
    }
    for (time, _, format, size, path) in &timings {
        println!(
            "{:9.3} ms  {format:8} {size:5} B  {}",
            time.as_secs_f64() * 1e3,
            path.display()
        );
    }
}
