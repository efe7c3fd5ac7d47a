//! Long drafts kept in the browser's database (IndexedDB). Local storage holds about five million
//! characters for the whole page, so a longer text's draft could not be kept there at all, and
//! trying took its task hundreds of milliseconds; the database takes far more, and writes off
//! the page's thread. Storage is the outside world: only `ui::persist` calls this.
//!
//! The database is reached through a few lines of JavaScript: the same calls through web-sys
//! made the page's wasm 5.5 KB (gzip) larger, more than its size budget had left.

use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
let database;
const opened = () => database ||= new Promise((ok, fail) => {
    const request = indexedDB.open("article-atlas", 1);
    request.onupgradeneeded = () => request.result.createObjectStore("drafts");
    request.onsuccess = () => ok(request.result);
    request.onerror = () => { database = undefined; fail(request.error); };
});
const drafts = async (mode) => (await opened()).transaction("drafts", mode).objectStore("drafts");
export async function writeDraft(text) {
    const store = await drafts("readwrite");
    store.put(text, "draft");
    return new Promise((done) => {
        store.transaction.oncomplete = () => done(true);
        store.transaction.onabort = () => done(false);
    });
}
export async function readDraft() {
    const request = (await drafts("readonly")).get("draft");
    return new Promise((done) => {
        request.onsuccess = () => done(typeof request.result === "string" ? request.result : null);
        request.onerror = () => done(null);
    });
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = writeDraft)]
    fn write_draft(text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = readDraft)]
    fn read_draft() -> js_sys::Promise;
}

/// Writes the draft's text; `done` hears whether it was stored.
pub fn write(text: &str, done: impl FnOnce(bool) + 'static) {
    let written = JsFuture::from(write_draft(text));
    spawn_local(async move { done(written.await.ok().and_then(|v| v.as_bool()) == Some(true)) });
}

/// Reads the draft's text back; `None` if there is none or it cannot be read.
pub fn read(then: impl FnOnce(Option<String>) + 'static) {
    let read = JsFuture::from(read_draft());
    spawn_local(async move { then(read.await.ok().and_then(|v| v.as_string())) });
}
