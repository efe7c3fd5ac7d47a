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
export async function writeDraft(bytes) {
    const text = new Blob([bytes]);
    const store = await drafts("readwrite");
    store.put(text, "draft");
    return new Promise((done) => {
        store.transaction.oncomplete = () => done(true);
        store.transaction.onabort = () => done(false);
    });
}
export async function readDraft() {
    const request = (await drafts("readonly")).get("draft");
    const text = await new Promise((done) => {
        request.onsuccess = () => done(request.result instanceof Blob ? request.result : null);
        request.onerror = () => done(null);
    });
    return text && new Uint8Array(await text.arrayBuffer());
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = writeDraft)]
    fn write_draft(utf8: &[u8]) -> js_sys::Promise;
    #[wasm_bindgen(js_name = readDraft)]
    fn read_draft() -> js_sys::Promise;
}

/// Writes the draft's text; `done` hears whether it was stored. The text goes as a blob of its
/// UTF-8 bytes, copied straight from wasm memory: as a string, 10 MB cost the page 76 ms to
/// decode and 132 ms for the database to copy.
pub fn write(text: &str, done: impl FnOnce(bool) + 'static) {
    let written = JsFuture::from(write_draft(text.as_bytes()));
    spawn_local(async move { done(written.await.ok().and_then(|v| v.as_bool()) == Some(true)) });
}

/// Reads the draft's text back; `None` if there is none or it cannot be read.
pub fn read(then: impl FnOnce(Option<String>) + 'static) {
    let read = JsFuture::from(read_draft());
    spawn_local(async move {
        let utf8 = read.await.ok().filter(|v| !v.is_null());
        let text = utf8.map(|v| js_sys::Uint8Array::new(&v).to_vec());
        then(text.and_then(|bytes| String::from_utf8(bytes).ok()))
    });
}
