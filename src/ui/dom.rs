//! Small helpers for talking to the DOM that several components share.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Scrolls the article to an element and moves keyboard focus there.
pub fn scroll_to(anchor: &str) {
    let Some(element) = document().get_element_by_id(anchor) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(html) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}
