//! Small helpers for talking to the DOM that several components share.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::ScrollLogicalPosition;

use super::state::AppState;

/// Scrolls the article so that a part starts at the top, and moves keyboard focus there.
pub fn scroll_to(state: AppState, anchor: &str) {
    scroll_and_focus(state, anchor, ScrollLogicalPosition::Start);
}

/// Scrolls a small element such as a mention to the middle of the view, and focuses it.
pub fn scroll_to_centre(state: AppState, anchor: &str) {
    scroll_and_focus(state, anchor, ScrollLogicalPosition::Center);
}

/// A long article is drawn a batch at a time: a part not drawn yet is drawn first, and the
/// page scrolls to it in the next frame.
fn scroll_and_focus(state: AppState, anchor: &str, block: ScrollLogicalPosition) {
    if state.reveal(anchor) {
        let anchor = anchor.to_string();
        request_animation_frame(move || scroll_now(&anchor, block));
    } else {
        scroll_now(anchor, block);
    }
}

fn scroll_now(anchor: &str, block: ScrollLogicalPosition) {
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
