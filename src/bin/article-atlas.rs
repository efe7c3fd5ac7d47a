//! `article-atlas`: the analysis core on the command line, for batch analysis and benchmarks.
//!
//! ```text
//! article-atlas analyze FILE|-  [--format plain|markdown|html] [--whole-page]   print the analysis as JSON
//! article-atlas bench [FILE ...] [--iterations N]                print analysis throughput
//! article-atlas bench --corpus DOCS.jsonl [--runs N] [--no-peer]  per-document throughput beside compromise
//! article-atlas bench --scaling [--only NAME] [--scale X]         print time(8n)/time(n) per workload
//! article-atlas bench --worst-small [PATH ...] [--top N]           the slowest inputs of at most 4 KB
//! article-atlas eval [--no-embedded-places] [--disable ID,ID] [--weights FILE.json] < docs.jsonl
//!                                                                entities per document, as JSONL
//! article-atlas rules                                            the rule table: id, pass, doc
//! article-atlas eval-html < pages.jsonl                           each saved page as read: title, byline, text
//! ```
//!
//! `eval --disable` switches rules off by id, to measure what each adds (`scripts/rule_report.py`);
//! `eval --weights` reads a JSON object of resolver weights that replace the built-in table's
//! (`scripts/fit_weights.py` fits them).

use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::Instant;

use article_atlas::analysis::places::Weights;
use article_atlas::analysis::rules::RuleId;
use article_atlas::analysis::text::char_offsets;
use article_atlas::analysis::{page, source, Analyzer, InputFormat};
use article_atlas::page_reader::read_page;

#[path = "article-atlas/scaling.rs"]
mod scaling;
#[path = "article-atlas/worst_small.rs"]
mod worst_small;

const USAGE: &str = "usage: article-atlas analyze FILE|- [--format plain|markdown|html] [--whole-page]\n       article-atlas bench [FILE ...] [--iterations N]\n       article-atlas bench --corpus DOCS.jsonl [--runs N] [--no-peer]\n       article-atlas bench --scaling [--only NAME] [--scale X]\n       article-atlas bench --worst-small [PATH ...] [--top N]\n       article-atlas eval [--no-embedded-places] [--disable ID,ID] [--weights FILE.json] < docs.jsonl\n       article-atlas eval-html < pages.jsonl\n       article-atlas rules";

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
        Some("bench") if args.iter().any(|a| a.starts_with("--corpus")) => bench_corpus(&args[1..]),
        Some("bench") => bench(&args[1..]),
        Some("eval") => eval_command(&args[1..]),
        Some("rules") => {
            for rule in RuleId::ALL {
                println!("{}\t{:?}\t{}", rule.id(), rule.pass(), rule.doc());
            }
            Ok(())
        }
        Some("eval-html") if args.len() == 1 => eval_html(),
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

/// Reads a file, or standard input for `-`, as UTF-8 text without a byte-order mark.
/// Errors are one line: a path is quoted so that odd characters in it cannot break the line.
fn read_input(path: &str) -> Result<String, String> {
    let (bytes, name) = if path == "-" {
        let mut buffer = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buffer)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        (buffer, "standard input".to_string())
    } else {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path:?}: {e}"))?;
        (bytes, format!("{path:?}"))
    };
    let mut text = String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8 text"))?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
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
    let whole_page = rest.iter().any(|a| a == "--whole-page");
    let rest: Vec<&String> = rest.iter().filter(|a| *a != "--whole-page").collect();
    let [path] = rest.as_slice() else {
        return Err("analyze takes one FILE, or - for standard input".into());
    };
    let text = read_input(path)?;
    let format = format_for(path, forced.as_deref(), &text)?;
    let analyzer = Analyzer::new();
    // A saved page is read as Readability reads it; `--whole-page` (or a short fragment, or a page
    // Readability finds no article in) reduces all of the page's article region instead.
    let reading = (format == InputFormat::Html
        && !whole_page
        && article_atlas::analysis::page::worth_reading_as_page(&text))
    .then(|| read_page(&text))
    .flatten();
    let analysis = match reading {
        Some(reading) => analyzer.analyze_page(&reading),
        None => analyzer.analyze_as(&text, format),
    };
    let json = serde_json::to_string_pretty(&analysis)
        .map_err(|e| format!("cannot encode the analysis: {e}"))?;
    // A reader that stops early (`| head`) is not an error.
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{json}").and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the analysis: {e}"))
        }
        _ => Ok(()),
    }
}

fn eval_command(args: &[String]) -> Result<(), String> {
    let (disable, rest) = take_option(args, "--disable")?;
    let (weights, rest) = take_option(&rest, "--weights")?;
    let embedded_places = !rest.iter().any(|a| a == "--no-embedded-places");
    if let Some(other) = rest.iter().find(|a| *a != "--no-embedded-places") {
        return Err(format!(
            "eval: unexpected argument {other:?}; {}",
            USAGE.lines().nth(5).unwrap_or("").trim()
        ));
    }
    let mut builder = Analyzer::builder();
    for id in disable.iter().flat_map(|ids| ids.split(',')) {
        let id = id.trim();
        if id.is_empty() {
            continue;
        }
        let rule = RuleId::from_id(id)
            .ok_or_else(|| format!("no rule {id:?}; `article-atlas rules` lists them"))?;
        builder = builder.disable(rule);
    }
    if let Some(path) = weights {
        let json = read_input(&path)?;
        let weights: Weights = serde_json::from_str(&json)
            .map_err(|e| format!("{path:?}: not a weights table: {e}"))?;
        builder = builder.weights(weights);
    }
    eval(embedded_places, builder.build())
}

/// Reads saved pages (JSON lines with `id` and `html`) from standard input and writes, for each,
/// the page as read: `{"id", "title", "byline", "text"}`, where `text` is the article's body
/// with its blocks separated by blank lines. A page Readability finds no article in falls back
/// to the whole-page reduction.
fn eval_html() -> Result<(), String> {
    let analyzer = Analyzer::new();
    map_jsonl(|doc| {
        let html = doc.get("html").and_then(|t| t.as_str()).unwrap_or("");
        let (title, byline, text) = match read_page(html) {
            Some(reading) => {
                let body = page::body_text(&reading).text;
                (reading.title, reading.byline, body)
            }
            None => {
                let analysis = analyzer.analyze_as(html, InputFormat::Html);
                (analysis.title, analysis.byline, analysis.text)
            }
        };
        let id = doc.get("id").cloned().unwrap_or(serde_json::Value::Null);
        serde_json::json!({ "id": id, "title": title, "byline": byline, "text": text })
    })
}

/// A name as `eval` writes it: byte offsets, the evaluation's label, and coordinates if placed.
struct Named {
    start: usize,
    end: usize,
    label: &'static str,
    at: Option<(f64, f64)>,
}

/// Reads evaluation documents (JSON lines with `id` and `text`) from standard input and writes,
/// for each, its entities with Unicode code-point offsets, the scorer's convention. Types the
/// evaluation does not know (TIME, MONEY, …) are left out; LOC mentions carry the coordinates of
/// the place they resolve to (null when unresolved). With `embedded_places`, the places named
/// inside organisations' names ("Alexandria" in "Alexandria Police") are added as LOC too: they
/// are toponyms nested in a name, which the corpora annotate (as ordinary or as optional gold),
/// though the page keeps them off the map.
fn eval(embedded_places: bool, analyzer: Analyzer) -> Result<(), String> {
    map_jsonl(|doc| {
        let text = doc.get("text").and_then(|t| t.as_str()).unwrap_or("");
        let analysis = analyzer.analyze_as(text, InputFormat::Plain);
        let mut coordinates = vec![None; analysis.mentions.len()];
        for place in &analysis.places {
            for &m in &place.mentions {
                if let Some(slot) = coordinates.get_mut(m) {
                    *slot = Some((place.resolved.lat, place.resolved.lon));
                }
            }
        }
        let mut named: Vec<Named> = analysis
            .mentions
            .iter()
            .zip(coordinates)
            .filter_map(|(m, at)| {
                Some(Named {
                    start: m.start,
                    end: m.end,
                    label: m.label.eval_label()?,
                    at,
                })
            })
            .collect();
        if embedded_places {
            named.extend(analysis.embedded_places.iter().map(|e| Named {
                start: e.start,
                end: e.end,
                label: "LOC",
                at: e.resolved.as_ref().map(|c| (c.lat, c.lon)),
            }));
            named.sort_by_key(|n| (n.start, std::cmp::Reverse(n.end)));
        }
        let ends: Vec<usize> = named.iter().flat_map(|n| [n.start, n.end]).collect();
        let chars = char_offsets(&analysis.text, &ends);
        let entities: Vec<serde_json::Value> = named
            .iter()
            .zip(chars.chunks_exact(2))
            .map(|(n, span)| {
                let (lat, lon) = match n.at {
                    Some((lat, lon)) => (serde_json::json!(lat), serde_json::json!(lon)),
                    None => (serde_json::Value::Null, serde_json::Value::Null),
                };
                serde_json::json!({
                    "start": span[0],
                    "end": span[1],
                    "label": n.label,
                    "lat": lat,
                    "lon": lon,
                })
            })
            .collect();
        let id = doc.get("id").cloned().unwrap_or(serde_json::Value::Null);
        serde_json::json!({ "id": id, "entities": entities })
    })
}

/// Reads JSON lines from standard input and writes one JSON line for each, as `record` makes
/// it; blank lines are skipped, and a reader that stops early (`| head`) is not an error.
fn map_jsonl(
    mut record: impl FnMut(&serde_json::Value) -> serde_json::Value,
) -> Result<(), String> {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (number, line) in std::io::BufRead::lines(stdin.lock()).enumerate() {
        let line = line.map_err(|e| format!("cannot read standard input: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: serde_json::Value = serde_json::from_str(&line)
            .map_err(|e| format!("line {}: not JSON: {e}", number + 1))?;
        let record = record(&doc);
        match writeln!(out, "{record}") {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
            Err(e) => return Err(format!("cannot write: {e}")),
            Ok(()) => {}
        }
    }
    out.flush().or_else(|e| {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Ok(())
        } else {
            Err(format!("cannot write: {e}"))
        }
    })
}

/// Prints the analysis's throughput beside a peer's on the same text in the same run:
/// pulldown-cmark's parse, a well-tuned single pass over the bytes. The ratio is what to compare
/// between runs, since this machine's absolute speed varies.
fn bench(args: &[String]) -> Result<(), String> {
    if args.iter().any(|a| a == "--scaling") {
        let args: Vec<String> = args.iter().filter(|a| *a != "--scaling").cloned().collect();
        let (only, args) = take_option(&args, "--only")?;
        let (scale, args) = take_option(&args, "--scale")?;
        if !args.is_empty() {
            return Err("bench --scaling takes only --only NAME and --scale X".into());
        }
        let scale: f64 = match scale {
            Some(s) => s.parse().map_err(|_| "--scale takes a number")?,
            None => 1.0,
        };
        return scaling::bench_scaling(only.as_deref(), scale);
    }
    if args.iter().any(|a| a == "--worst-small") {
        let args: Vec<String> = args
            .iter()
            .filter(|a| *a != "--worst-small")
            .cloned()
            .collect();
        let (top, paths) = take_option(&args, "--top")?;
        let top: usize = top
            .as_deref()
            .unwrap_or("10")
            .parse()
            .map_err(|_| "--top takes a whole number")?;
        return worst_small::bench_worst_small(&paths, top);
    }
    let (iterations, files) = take_option(args, "--iterations")?;
    let iterations: usize = iterations
        .as_deref()
        .unwrap_or("300")
        .parse()
        .map_err(|_| "--iterations takes a whole number")?;
    let iterations = iterations.max(1);
    let mut inputs: Vec<(String, String)> = Vec::new();
    if files.is_empty() {
        inputs.push((
            "sample (monitor-7-55)".into(),
            article_atlas::SAMPLE_ARTICLE.to_string(),
        ));
        inputs.push((
            "sample x 20".into(),
            [article_atlas::SAMPLE_ARTICLE; 20].join("\n\n"),
        ));
        // One long paragraph dense with quotation marks: quadratic scans show up here first.
        let quotes = "“We will rebuild the bridge,” Roe said. \"It opens in May.\" ".repeat(800);
        inputs.push(("quotations, one paragraph".into(), quotes));
    }
    for path in &files {
        inputs.push((path.clone(), read_input(path)?));
    }
    let analyzer = Analyzer::new();
    println!(
        "{:<28} {:>9} {:>13} {:>10} {:>15} {:>8}",
        "input", "bytes", "µs/analysis", "MB/s", "peer MB/s", "ratio"
    );
    for (name, text) in &inputs {
        let format = format_for(name, None, text)?;
        let analysis = time_per_run(iterations, || {
            analyzer.analyze_as(text, format).paragraphs.len()
        });
        let peer = time_per_run(iterations, || pulldown_cmark::Parser::new(text).count());
        let mbps = |seconds: f64| text.len() as f64 / seconds / 1e6;
        println!(
            "{:<28} {:>9} {:>13.1} {:>10.2} {:>15.2} {:>8.2}",
            name,
            text.len(),
            analysis * 1e6,
            mbps(analysis),
            mbps(peer),
            analysis / peer
        );
    }
    println!("peer: pulldown-cmark parsing the same text; ratio = analysis time / peer time");
    Ok(())
}

/// Times the analysis of each document of a JSONL file (field `text`, analysed as plain text like
/// `eval` does) and, in the same run, compromise (the JavaScript NLP library, under node, through
/// `scripts/bench_peer.mjs`) finding people, places and organisations in the same texts. Each
/// document's time is its best over the runs; opening the embedded data (process start) is timed
/// apart. Both the wall clock and the CPU time are reported: on a shared machine other processes
/// inflate the wall clock, above all of long documents, and not the CPU time. Prints figures
/// only, never a text.
fn bench_corpus(args: &[String]) -> Result<(), String> {
    // Opening the data is the first thing timed, before anything else touches it.
    let started = Clocks::now();
    Analyzer::load_embedded_data();
    let start = started.elapsed();

    let (corpus, rest) = take_option(args, "--corpus")?;
    let (runs, rest) = take_option(&rest, "--runs")?;
    let with_peer = !rest.iter().any(|a| a == "--no-peer");
    if let Some(other) = rest.iter().find(|a| *a != "--no-peer") {
        return Err(format!("bench --corpus: unexpected argument {other:?}"));
    }
    let corpus = corpus.ok_or("--corpus needs a JSONL file")?;
    let runs: usize = runs
        .as_deref()
        .unwrap_or("5")
        .parse()
        .map_err(|_| "--runs takes a whole number")?;
    let runs = runs.max(1);

    let texts: Vec<String> = read_input(&corpus)?
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(number, line)| {
            let doc: serde_json::Value = serde_json::from_str(line)
                .map_err(|e| format!("{corpus:?} line {}: not JSON: {e}", number + 1))?;
            Ok(doc
                .get("text")
                .and_then(|t| t.as_str())
                .unwrap_or("")
                .to_string())
        })
        .collect::<Result<_, String>>()?;
    let bytes: usize = texts.iter().map(String::len).sum();

    let analyzer = Analyzer::new();
    let mut best = vec![Seconds::INFINITE; texts.len()];
    for _ in 0..runs {
        for (text, best) in texts.iter().zip(&mut best) {
            let started = Clocks::now();
            std::hint::black_box(analyzer.analyze_as(text, InputFormat::Plain));
            *best = best.min(started.elapsed());
        }
    }
    let ours = Throughput {
        start,
        analysis: best.iter().fold(Seconds::ZERO, |sum, &s| sum.plus(s)),
    };

    println!(
        "corpus {corpus:?}: {} documents, {bytes} bytes, best of {runs} runs per document",
        texts.len()
    );
    println!(
        "{:<14} {:>9} {:>11} {:>13} {:>13} {:>14}",
        "", "clock", "start ms", "analysis s", "MB/s per doc", "MB/s w/ start"
    );
    ours.print("article-atlas", bytes);
    if !with_peer {
        return Ok(());
    }
    let peer = match run_peer(&corpus, runs) {
        Ok(peer) => peer,
        Err(message) => {
            println!("compromise: not run ({message})");
            return Ok(());
        }
    };
    peer.print("compromise", bytes);
    for (clock, ours, peer) in [
        ("wall", ours.wall(), peer.wall()),
        ("cpu", ours.cpu(), peer.cpu()),
    ] {
        if let (Some(ours), Some(peer)) = (ours, peer) {
            println!(
                "ratio by {clock} clock (compromise time / article-atlas time): {:.1}x per document, {:.1}x with process start",
                peer.1 / ours.1,
                (peer.0 + peer.1) / (ours.0 + ours.1)
            );
        }
    }
    Ok(())
}

/// A duration by the wall clock and by the CPU time of this thread (where the platform has it).
#[derive(Clone, Copy, Debug)]
struct Seconds {
    wall: f64,
    cpu: Option<f64>,
}

impl Seconds {
    const ZERO: Seconds = Seconds {
        wall: 0.0,
        cpu: Some(0.0),
    };
    const INFINITE: Seconds = Seconds {
        wall: f64::INFINITY,
        cpu: Some(f64::INFINITY),
    };

    fn min(self, other: Seconds) -> Seconds {
        Seconds {
            wall: self.wall.min(other.wall),
            cpu: self.cpu.zip(other.cpu).map(|(a, b)| a.min(b)),
        }
    }

    fn plus(self, other: Seconds) -> Seconds {
        Seconds {
            wall: self.wall + other.wall,
            cpu: self.cpu.zip(other.cpu).map(|(a, b)| a + b),
        }
    }
}

/// Both clocks read at one moment.
struct Clocks {
    wall: Instant,
    cpu: Option<f64>,
}

impl Clocks {
    fn now() -> Clocks {
        Clocks {
            wall: Instant::now(),
            cpu: thread_cpu_seconds(),
        }
    }

    fn elapsed(&self) -> Seconds {
        Seconds {
            wall: self.wall.elapsed().as_secs_f64(),
            cpu: self
                .cpu
                .zip(thread_cpu_seconds())
                .map(|(then, now)| now - then),
        }
    }
}

/// The CPU time this thread has run.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn thread_cpu_seconds() -> Option<f64> {
    #[repr(C)]
    struct Timespec {
        seconds: i64,
        nanoseconds: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut time = Timespec {
        seconds: 0,
        nanoseconds: 0,
    };
    // SAFETY: clock_gettime writes one timespec (two 64-bit fields on 64-bit Linux) through the
    // pointer, which points at one.
    let status = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut time) };
    (status == 0).then_some(time.seconds as f64 + time.nanoseconds as f64 * 1e-9)
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn thread_cpu_seconds() -> Option<f64> {
    None
}

/// Time spent opening the data and analysing every document.
struct Throughput {
    start: Seconds,
    analysis: Seconds,
}

impl Throughput {
    /// Start and analysis seconds by the wall clock.
    fn wall(&self) -> Option<(f64, f64)> {
        Some((self.start.wall, self.analysis.wall))
    }

    /// Start and analysis seconds by CPU time.
    fn cpu(&self) -> Option<(f64, f64)> {
        self.start.cpu.zip(self.analysis.cpu)
    }

    fn print(&self, name: &str, bytes: usize) {
        let mbps = |seconds: f64| bytes as f64 / seconds / 1e6;
        for (clock, times) in [("wall", self.wall()), ("cpu", self.cpu())] {
            let Some((start, analysis)) = times else {
                continue;
            };
            println!(
                "{:<14} {:>9} {:>11.2} {:>13.3} {:>13.2} {:>14.2}",
                name,
                clock,
                start * 1e3,
                analysis,
                mbps(analysis),
                mbps(start + analysis)
            );
        }
    }
}

/// Runs `scripts/bench_peer.mjs` under node on the same corpus and reads its one line of figures.
fn run_peer(corpus: &str, runs: usize) -> Result<Throughput, String> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/bench_peer.mjs");
    let output = std::process::Command::new("node")
        .args([script, corpus, "--runs", &runs.to_string()])
        .output()
        .map_err(|e| format!("cannot start node: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr.lines().last().unwrap_or("").trim();
        return Err(format!(
            "{script} failed: {last}; run `npm ci` in e2e/ to install compromise"
        ));
    }
    let figures: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("{script} printed no figures: {e}"))?;
    let seconds = |key: &str| figures.get(key).and_then(serde_json::Value::as_f64);
    let read = |wall: &str, cpu: &str| {
        Some(Seconds {
            wall: seconds(wall)?,
            cpu: seconds(cpu),
        })
    };
    Ok(Throughput {
        start: read("start_s", "start_cpu_s").ok_or("no start_s")?,
        analysis: read("analysis_s", "analysis_cpu_s").ok_or("no analysis_s")?,
    })
}

/// Seconds per run, the best of five batches, after a warm-up run.
fn time_per_run<T>(iterations: usize, mut run: impl FnMut() -> T) -> f64 {
    std::hint::black_box(run());
    (0..5)
        .map(|_| {
            let started = Instant::now();
            for _ in 0..iterations {
                std::hint::black_box(run());
            }
            started.elapsed().as_secs_f64() / iterations as f64
        })
        .fold(f64::INFINITY, f64::min)
}
