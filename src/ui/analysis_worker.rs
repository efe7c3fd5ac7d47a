//! The analysis runs in a Web Worker, so that no text, however long, holds up the page.
//!
//! The worker is a second instance of the page's own wasm: `public/analysis-worker.js` (its
//! final name and the glue's are written by `scripts/offline/post_build.mjs`) imports the same
//! wasm-bindgen glue, instantiates the `WebAssembly.Module` the page sends it (no second
//! download or compile) and calls [`serve`] through the binary's `worker_main` export. The
//! page finds the script's address in `<meta name="article-atlas-worker">`; where there is none
//! (the component tests) or the worker fails, the page analyses on its own thread.
//!
//! The page sends a [`Request`] as `[JSON head, text]`; the worker answers `ready <ms>` once its
//! data is unpacked, then for each request the analysed text as `[generation, UTF-8 bytes]` (its
//! buffer handed over, not copied), then the messages `<generation> <stage> <last> <JSON>` of
//! `analysis_jobs::messages`: the structure, the names and the places
//! (`analysis_jobs::Stage`), each cut into pieces that the page reads in a task of its own. The
//! page shows each stage once its last piece came, and drops a stale piece without reading it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::Analyzer;
use crate::analysis_jobs::{char_count, messages, split, Answer, Message, Request, Stage};

/// What the worker said.
pub enum FromWorker {
    /// The worker has started and unpacked its data in this many milliseconds.
    Ready(Option<f64>),
    /// A piece of the answer to the request of this generation, still as JSON.
    Piece(u64, Message),
    /// The analysed text of the answer to the request of this generation, which comes before
    /// its structure as bytes of its own: inside the structure's JSON, 10 MB of text cost the
    /// page a 250 ms task to read.
    Text(u64, String),
    /// The worker could not start or stopped: analyse on the page's own thread from now on.
    Failed,
}

/// The page's handle on its worker.
pub struct AnalysisWorker {
    worker: web_sys::Worker,
}

impl AnalysisWorker {
    /// Starts the worker named in the page's `<meta name="article-atlas-worker">`, if any.
    pub fn start(on_message: impl Fn(FromWorker) + 'static) -> Option<AnalysisWorker> {
        let url = leptos::prelude::document()
            .query_selector("meta[name=article-atlas-worker]")
            .ok()??
            .get_attribute("content")?;
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(&url, &options).ok()?;
        let on_message = std::rc::Rc::new(on_message);
        let failed = on_message.clone();
        let listen =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let data = event.data();
                let message = match data.as_string() {
                    Some(text) => parse_message(&text),
                    None => parse_text(data.unchecked_into()),
                };
                if let Some(message) = message {
                    on_message(message);
                }
            });
        worker.set_onmessage(Some(listen.as_ref().unchecked_ref()));
        listen.forget();
        let fail = Closure::<dyn Fn(web_sys::Event)>::new(move |_| failed(FromWorker::Failed));
        worker.set_onerror(Some(fail.as_ref().unchecked_ref()));
        fail.forget();
        // The compiled module: the worker instantiates it instead of fetching and compiling again.
        worker.post_message(&wasm_bindgen::module()).ok()?;
        Some(AnalysisWorker { worker })
    }

    /// Posts the request as `[head, text]`: its text goes as a string of its own rather than
    /// inside the JSON, where escaping 10 MB cost the keystroke that sent it tens of
    /// milliseconds, and the worker as many to read it back.
    pub fn send(&self, request: &Request) {
        if let Ok(head) = serde_json::to_string(&request.head()) {
            let message =
                js_sys::Array::of2(&JsValue::from_str(&head), &JsValue::from_str(&request.text));
            let _ = self.worker.post_message(&message);
        }
    }
}

fn parse_message(message: &str) -> Option<FromWorker> {
    let (head, rest) = message.split_once(' ').unwrap_or((message, ""));
    if head == "ready" {
        return Some(FromWorker::Ready(rest.parse().ok()));
    }
    let (stage, rest) = rest.split_once(' ')?;
    let (last, json) = rest.split_once(' ')?;
    Some(FromWorker::Piece(
        head.parse().ok()?,
        Message {
            stage: Stage::from_code(stage)?,
            last: last == "1",
            json: json.to_string(),
        },
    ))
}

/// `[generation, bytes]`: an answer's text.
fn parse_text(message: js_sys::Array) -> Option<FromWorker> {
    let generation = message.get(0).as_f64()? as u64;
    let bytes = message.get(1).dyn_into::<js_sys::Uint8Array>().ok()?;
    Some(FromWorker::Text(
        generation,
        String::from_utf8(bytes.to_vec()).ok()?,
    ))
}

/// Posts an answer's text as its UTF-8 bytes, handing the buffer over rather than copying it.
fn post_text(scope: &web_sys::DedicatedWorkerGlobalScope, generation: u64, text: &str) {
    let bytes = js_sys::Uint8Array::from(text.as_bytes());
    let message = js_sys::Array::of2(&JsValue::from_f64(generation as f64), &bytes);
    let _ = scope.post_message_with_transfer(&message, &js_sys::Array::of1(&bytes.buffer()));
}

/// The worker's side: unpacks the data once, then answers every request in turn.
pub fn serve() {
    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let clock = scope.performance();
    let now = move || clock.as_ref().map(web_sys::Performance::now);
    let started = now();
    Analyzer::load_embedded_data();
    let unpacked = now().zip(started).map(|(end, start)| end - start);
    let analyzer = Analyzer::new();
    let reply = scope.clone();
    let answer =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let message: js_sys::Array = event.data().unchecked_into();
            let (Some(head), Some(text)) = (message.get(0).as_string(), message.get(1).as_string())
            else {
                return;
            };
            let Some(request) = Request::from_head(&head, text) else {
                return;
            };
            let started = now();
            let analysis = request.run(&analyzer);
            let ms = now().zip(started).map(|(end, start)| end - start);
            let (mut structure, entities, places) = split(analysis);
            let generation = request.generation;
            post_text(&reply, generation, &std::mem::take(&mut structure.text));
            let answer = Answer {
                generation,
                chars: char_count(&request.text),
                ms,
                memory_bytes: Some(memory_bytes()),
                analysis: structure,
            };
            for message in messages(answer, entities, places) {
                let last = u8::from(message.last);
                let text = format!(
                    "{generation} {} {last} {}",
                    message.stage.code(),
                    message.json
                );
                let _ = reply.post_message(&JsValue::from_str(&text));
            }
        });
    scope.set_onmessage(Some(answer.as_ref().unchecked_ref()));
    answer.forget();
    let ready = match unpacked {
        Some(ms) => format!("ready {ms}"),
        None => "ready".to_string(),
    };
    let _ = scope.post_message(&JsValue::from_str(&ready));
}

/// The size of this instance's wasm memory, in bytes.
pub fn memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}
