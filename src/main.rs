//! The web page's entry point: Trunk builds this binary to wasm.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(article_atlas::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("article-atlas-web is the browser page: build it with `trunk build`. Natively, use `article-atlas`.");
    std::process::exit(2);
}
