//! `article-atlas bench --scaling`: how the analysis time grows with the input, per workload.

use std::time::Instant;

use article_atlas::analysis::{Analyzer, InputFormat};
use article_atlas::workloads::WORKLOADS;

use super::thread_cpu_seconds;

/// How many times larger the second input is.
const FACTOR: usize = 8;

/// Prints, for each workload, time(n), time(8n) and their ratio (best of three runs each, by CPU
/// time where the platform has it).
/// Linear time gives a ratio near 8; a quadratic pass gives 64. `only` keeps the workloads whose
/// names contain it.
pub fn bench_scaling(only: Option<&str>, scale: f64) -> Result<(), String> {
    let analyzer = Analyzer::new();
    println!(
        "{:<24} {:>9} {:>11} {:>12} {:>7}",
        "workload", "n bytes", "time(n) ms", "time(8n) ms", "ratio"
    );
    let mut worst: f64 = 0.0;
    for workload in WORKLOADS {
        if only.is_some_and(|only| !workload.name.contains(only)) {
            continue;
        }
        let n = ((workload.bench_size as f64 * scale) as usize).max(1);
        let small = (workload.generate)(n);
        let large = (workload.generate)(n * FACTOR);
        // By this thread's CPU time where the platform has it: on a shared machine the wall
        // clock counts other programs' turns, and more of them the longer a run takes.
        let time = |text: &str| {
            (0..3)
                .map(|_| {
                    let (wall, cpu) = (Instant::now(), thread_cpu_seconds());
                    std::hint::black_box(analyzer.analyze_as(text, InputFormat::Plain));
                    match (cpu, thread_cpu_seconds()) {
                        (Some(then), Some(now)) => now - then,
                        _ => wall.elapsed().as_secs_f64(),
                    }
                })
                .fold(f64::INFINITY, f64::min)
        };
        let (t_small, t_large) = (time(&small), time(&large));
        let ratio = t_large / t_small;
        worst = worst.max(ratio);
        println!(
            "{:<24} {:>9} {:>11.1} {:>12.1} {:>7.1}",
            workload.name,
            small.len(),
            t_small * 1e3,
            t_large * 1e3,
            ratio
        );
    }
    println!("ratio = time({FACTOR}n) / time(n), best of 3 each by CPU time; linear is {FACTOR}, the bound is 10; worst {worst:.1}");
    Ok(())
}
