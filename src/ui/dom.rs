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

/// The elements under `root` that match `selector`.
pub fn elements(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// Rows of a side list drawn per frame: a 1 MB article has thousands of paragraphs, quotations
/// and sources, and drawing all their rows in one task held up the page.
const ROWS_PER_FRAME: usize = 300;

/// How many of a list's rows to draw now, for a list of `len` rows: up to [`ROWS_PER_FRAME`] at
/// once, and as many more in each following frame until all are drawn. Starts again when the
/// list's length changes. (Not generic, so that the page carries its code once.)
pub fn rows_drawn(len: Signal<usize>) -> Signal<usize> {
    let shown = RwSignal::new(ROWS_PER_FRAME);
    Effect::new(move |previous: Option<usize>| {
        let (len, now) = (len.get(), shown.get());
        if previous.is_some_and(|p| p != len) && now > ROWS_PER_FRAME {
            shown.set(ROWS_PER_FRAME);
        } else if now < len {
            request_animation_frame(move || shown.update(|n| *n += ROWS_PER_FRAME));
        }
        len
    });
    Signal::derive(move || shown.get().min(len.get()))
}
