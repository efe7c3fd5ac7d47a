//! The web page's entry point: Trunk builds this binary to wasm. The same wasm runs twice: as
//! the page (where `main` mounts the App) and as the page's analysis worker (where `main` does
//! nothing and the worker script calls `worker_main`).

#[cfg(target_arch = "wasm32")]
fn main() {
    // In the worker there is no window and nothing to mount.
    if web_sys::window().is_none() {
        return;
    }
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(article_atlas::ui::App);
}

/// Called by `analysis-worker.js` once this module is instantiated in the worker.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn worker_main() {
    article_atlas::ui::analysis_worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("article-atlas-web is the browser page: build it with `trunk build`. Natively, use `article-atlas`.");
    std::process::exit(2);
}
