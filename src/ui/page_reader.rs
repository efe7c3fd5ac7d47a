//! Reads saved web pages in the browser with Mozilla's Readability (`@mozilla/readability`,
//! vendored into the build as `public/reader/Readability.js`) through the small same-origin shim
//! `public/reader/read-page.js`. Both scripts are loaded the first time a page is read, so the
//! first load does not carry them; the CSP allows them as same-origin files.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::analysis::page::PageReading;

const READ_PAGE: &str = "articleAtlasReadPage";
const SCRIPTS: [&str; 2] = ["public/reader/Readability.js", "public/reader/read-page.js"];

fn read_page_function() -> Option<Function> {
    Reflect::get(&js_sys::global(), &JsValue::from_str(READ_PAGE))
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// Adds a `<script src>` to the document and resolves once it has run.
fn load_script(src: &str) -> Promise {
    let src = src.to_string();
    Promise::new(&mut move |resolve, reject| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            let _ = reject.call0(&JsValue::NULL);
            return;
        };
        let Ok(script) = document
            .create_element("script")
            .map(|e| e.unchecked_into::<web_sys::HtmlScriptElement>())
        else {
            let _ = reject.call0(&JsValue::NULL);
            return;
        };
        script.set_src(&src);
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
        if let Some(body) = document.body() {
            let _ = body.append_child(&script);
        }
    })
}

/// The page as Readability reads it, or `None` when it finds no article (or the reader could not
/// be loaded): the caller then reduces the whole page as before.
pub async fn read_page(html: &str) -> Option<PageReading> {
    if read_page_function().is_none() {
        for src in SCRIPTS {
            JsFuture::from(load_script(src)).await.ok()?;
        }
    }
    let result = read_page_function()?
        .call1(&JsValue::NULL, &JsValue::from_str(html))
        .ok()?;
    if result.is_null() || result.is_undefined() {
        return None;
    }
    let field = |name: &str| {
        Reflect::get(&result, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
    };
    Some(PageReading {
        title: field("title"),
        byline: field("byline"),
        published_time: field("published_time"),
        site_name: field("site_name"),
        lang: field("lang"),
        excerpt: field("excerpt"),
        content: field("content").unwrap_or_default(),
    })
}
