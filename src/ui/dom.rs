//! Small helpers for talking to the DOM that several components share.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::ScrollLogicalPosition;

/// Scrolls the article so that a part starts at the top, and moves keyboard focus there.
pub fn scroll_to(anchor: &str) {
    scroll_and_focus(anchor, ScrollLogicalPosition::Start);
}

/// Scrolls a small element such as a mention to the middle of the view, and focuses it.
pub fn scroll_to_centre(anchor: &str) {
    scroll_and_focus(anchor, ScrollLogicalPosition::Center);
}

fn scroll_and_focus(anchor: &str, block: ScrollLogicalPosition) {
    let Some(element) = document().get_element_by_id(anchor) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    options.set_block(block);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(html) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}
