//! Article Atlas: an article analyser that runs entirely in the browser.
//!
//! [`analysis`] is the pure core, shared by the web page and the `article-atlas` CLI.
//! [`analysis_jobs`] is what the page asks its analysis worker, and which answers it keeps.
//! [`editing`] parts a long text so that the text area holds one part of it at a time.
//! [`view_model`] turns an analysis into what the page draws, still without any web types.
//! [`map`] projects the basemap and lays out the map's markers, also without web types.
//! [`workloads`] builds the adversarial inputs the scaling benchmark and its guard test time.
//! `page_reader` (native only) reads saved web pages with `dom_smoothie` for the CLI.
//! `ui` (wasm only) holds the Leptos components.

pub mod analysis;
pub mod analysis_jobs;
pub mod editing;
pub mod export;
pub mod loading;
pub mod map;
pub mod page_reader;
pub mod saved;
pub mod teaching;
pub mod view_model;
pub mod workloads;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The default article: the page opens with it already analysed.
pub const SAMPLE_ARTICLE: &str = include_str!("../data/samples/monitor-7-55.txt");
