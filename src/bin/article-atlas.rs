//! `article-atlas`: the analysis core on the command line, for batch analysis and benchmarks.
//!
//! ```text
//! article-atlas analyze FILE|-  [--format plain|markdown|html]   print the analysis as JSON
//! article-atlas bench [FILE ...] [--iterations N]                print analysis throughput
//! ```

use std::io::Read;
use std::process::ExitCode;
use std::time::Instant;

use article_atlas::analysis::{source, Analyzer, InputFormat};

const USAGE: &str = "usage: article-atlas analyze FILE|- [--format plain|markdown|html]\n       article-atlas bench [FILE ...] [--iterations N]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("article-atlas: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("analyze") => analyze(&args[1..]),
        Some("bench") => bench(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!(
            "unknown command {other:?}; {}",
            USAGE.lines().next().unwrap_or("")
        )),
        None => Err(USAGE.lines().next().unwrap_or("").to_string()),
    }
}

/// The value following `--name`, and the remaining arguments.
fn take_option(args: &[String], name: &str) -> Result<(Option<String>, Vec<String>), String> {
    let mut value = None;
    let mut rest = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == name {
            value = Some(
                iter.next()
                    .ok_or_else(|| format!("{name} needs a value"))?
                    .clone(),
            );
        } else if let Some(v) = arg.strip_prefix(&format!("{name}=")) {
            value = Some(v.to_string());
        } else {
            rest.push(arg.clone());
        }
    }
    Ok((value, rest))
}

fn read_input(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buffer = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buffer)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        buffer
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?
    };
    String::from_utf8(bytes).map_err(|_| format!("{path} is not UTF-8 text"))
}

fn format_for(path: &str, forced: Option<&str>, text: &str) -> Result<InputFormat, String> {
    match forced {
        Some("plain" | "text" | "txt") => return Ok(InputFormat::Plain),
        Some("markdown" | "md") => return Ok(InputFormat::Markdown),
        Some("html") => return Ok(InputFormat::Html),
        Some(other) => {
            return Err(format!(
                "unknown format {other:?}: use plain, markdown or html"
            ))
        }
        None => {}
    }
    let lower = path.to_ascii_lowercase();
    Ok(if lower.ends_with(".md") || lower.ends_with(".markdown") {
        InputFormat::Markdown
    } else if lower.ends_with(".html") || lower.ends_with(".htm") {
        InputFormat::Html
    } else {
        source::detect_format(text)
    })
}

fn analyze(args: &[String]) -> Result<(), String> {
    let (forced, rest) = take_option(args, "--format")?;
    let [path] = rest.as_slice() else {
        return Err("analyze takes one FILE, or - for standard input".into());
    };
    let text = read_input(path)?;
    let format = format_for(path, forced.as_deref(), &text)?;
    let analysis = Analyzer::new().analyze_as(&text, format);
    let json = serde_json::to_string_pretty(&analysis)
        .map_err(|e| format!("cannot encode the analysis: {e}"))?;
    println!("{json}");
    Ok(())
}

/// Prints bytes per second of the whole analysis, so that changes can be compared as ratios.
fn bench(args: &[String]) -> Result<(), String> {
    let (iterations, files) = take_option(args, "--iterations")?;
    let iterations: usize = iterations
        .as_deref()
        .unwrap_or("200")
        .parse()
        .map_err(|_| "--iterations takes a whole number")?;
    let mut inputs: Vec<(String, String)> = Vec::new();
    if files.is_empty() {
        inputs.push((
            "sample (monitor-7-55)".into(),
            article_atlas::SAMPLE_ARTICLE.to_string(),
        ));
    }
    for path in &files {
        inputs.push((path.clone(), read_input(path)?));
    }
    let analyzer = Analyzer::new();
    println!(
        "{:<40} {:>10} {:>12} {:>12}",
        "input", "bytes", "µs/analysis", "MB/s"
    );
    for (name, text) in &inputs {
        let _ = analyzer.analyze(text);
        let started = Instant::now();
        let mut paragraphs = 0;
        for _ in 0..iterations.max(1) {
            paragraphs += analyzer.analyze(text).paragraphs.len();
        }
        let elapsed = started.elapsed().as_secs_f64();
        let per = elapsed / iterations.max(1) as f64;
        let mbps = text.len() as f64 / per / 1e6;
        println!(
            "{:<40} {:>10} {:>12.1} {:>12.2}",
            name,
            text.len(),
            per * 1e6,
            mbps
        );
        std::hint::black_box(paragraphs);
    }
    Ok(())
}
