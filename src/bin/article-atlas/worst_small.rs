//! `article-atlas bench --worst-small`: the slowest analyses of inputs of at most 4 KB, each in
//! every input format, against the bound that no such input takes over 10 ms (by the CPU time
//! of the analysing thread, which other programs on the machine do not inflate).

use std::time::Instant;

use article_atlas::analysis::{Analyzer, InputFormat};
use article_atlas::workloads::{small_inputs, SMALL_INPUT_BYTES};

use super::thread_cpu_seconds;

/// Best of this many runs per input and format, then of `CONFIRMING_RUNS` for the slowest: a
/// burst of another program on a shared machine is not the analysis's time.
const RUNS: usize = 3;
const CONFIRMING_RUNS: usize = 20;

const FORMATS: [(InputFormat, &str); 3] = [
    (InputFormat::Plain, "plain"),
    (InputFormat::Markdown, "markdown"),
    (InputFormat::Html, "html"),
];

/// Times the generated small inputs (`workloads::small_inputs`) and the files of `paths` (a
/// directory stands for its files; a file over 4 KB is cut into 4 KB windows), and prints the
/// `top` slowest.
pub fn bench_worst_small(paths: &[String], top: usize) -> Result<(), String> {
    let mut inputs = small_inputs();
    for path in paths {
        let path = std::path::Path::new(path);
        let files: Vec<std::path::PathBuf> = if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(path)
                .map_err(|e| format!("cannot read {path:?}: {e}"))?
                .filter_map(|entry| Some(entry.ok()?.path()))
                .collect();
            files.sort();
            files
        } else {
            vec![path.to_path_buf()]
        };
        for file in files {
            let bytes = std::fs::read(&file).map_err(|e| format!("cannot read {file:?}: {e}"))?;
            let text = String::from_utf8_lossy(&bytes);
            for (i, window) in windows(&text).into_iter().enumerate() {
                inputs.push((format!("{} #{i}", file.display()), window.to_string()));
            }
        }
    }
    let analyzer = Analyzer::new();
    // By this thread's CPU time where the platform has it: on a shared machine the wall clock
    // counts the time other programs held the processor.
    let best = |text: &str, format: InputFormat, runs: usize| {
        (0..runs)
            .map(|_| {
                let (wall, cpu) = (Instant::now(), thread_cpu_seconds());
                std::hint::black_box(analyzer.analyze_as(text, format));
                match (cpu, thread_cpu_seconds()) {
                    (Some(then), Some(now)) => now - then,
                    _ => wall.elapsed().as_secs_f64(),
                }
            })
            .fold(f64::INFINITY, f64::min)
    };
    let mut timings: Vec<(f64, usize, usize)> = Vec::new();
    for (i, (_, text)) in inputs.iter().enumerate() {
        for (f, &(format, _)) in FORMATS.iter().enumerate() {
            timings.push((best(text, format, RUNS), i, f));
        }
    }
    let analyses = timings.len();
    timings.sort_by(|a, b| b.0.total_cmp(&a.0));
    timings.truncate(top.max(1));
    for timing in &mut timings {
        timing.0 = best(&inputs[timing.1].1, FORMATS[timing.2].0, CONFIRMING_RUNS);
    }
    timings.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!(
        "{} inputs of at most {SMALL_INPUT_BYTES} bytes, {analyses} analyses; the slowest {} timed again (best of {CONFIRMING_RUNS}, by CPU time)",
        inputs.len(),
        timings.len()
    );
    println!("{:>9}  {:<8} {:>5}  input", "ms", "format", "bytes");
    for &(seconds, i, f) in &timings {
        println!(
            "{:>9.3}  {:<8} {:>5}  {}",
            seconds * 1e3,
            FORMATS[f].1,
            inputs[i].1.len(),
            inputs[i].0
        );
    }
    let worst = timings.first().map_or(0.0, |t| t.0 * 1e3);
    println!("worst {worst:.3} ms; the bound is 10 ms");
    Ok(())
}

/// The text in windows of at most 4 KB, on character boundaries.
fn windows(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() || out.is_empty() {
        let mut end = (start + SMALL_INPUT_BYTES).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        out.push(&text[start..end]);
        if end == start {
            break;
        }
        start = end;
    }
    out
}
