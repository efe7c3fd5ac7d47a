//! Writes one workload's text to standard output: `cargo run --example workload NAME N`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let w = article_atlas::workloads::WORKLOADS
        .iter()
        .find(|w| w.name.contains(args[0].as_str()))
        .unwrap();
    print!("{}", (w.generate)(args[1].parse().unwrap()));
}
