//! Small helpers for talking to the DOM that several components share.

use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
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

/// Rows of a list drawn per frame: a 1 MB article has thousands of paragraphs, quotations,
/// sources and places, and drawing all their rows in one task held up the page.
const ROWS_PER_FRAME: usize = 50;

/// Rows a long side list shows until the reader asks for more, and how many more each time: a
/// list of thousands of rows cost every frame that drew more of it a layout of the whole page
/// side (hundreds of milliseconds for the 1.1 MB text's 6,000 outline rows).
pub const LIST_STEP: usize = 200;

/// How many of a list's rows to draw now, for a list of `len` rows of which `limit` are shown:
/// up to [`ROWS_PER_FRAME`] at once, and as many more in each following frame until all are
/// drawn, once the article is (its frames come first). Starts again when the list's length
/// changes. (Not generic, so that the page carries its code once.)
pub fn rows_drawn(len: Signal<usize>, limit: Signal<usize>) -> Signal<usize> {
    let shown = RwSignal::new(ROWS_PER_FRAME);
    let article = use_context::<AppState>().map(|state| state.drawing);
    Effect::new(move |previous: Option<usize>| {
        let (len, now) = (len.get(), shown.get());
        let article_drawn = article.is_none_or(|drawing| drawing.with(|d| d.complete()));
        if previous.is_some_and(|p| p != len) && now > ROWS_PER_FRAME {
            shown.set(ROWS_PER_FRAME);
        } else if now < len.min(limit.get()) && article_drawn {
            in_a_quiet_frame(move || shown.update(|n| *n += ROWS_PER_FRAME));
        }
        len
    });
    Signal::derive(move || shown.get().min(len.get()).min(limit.get()))
}

/// A frame's callbacks before this one may take this long before it waits for the next frame.
const FRAME_SHARE_MS: f64 = 12.0;

/// Runs `f` in the next frame whose callbacks so far (the article's batch, other lists' rows)
/// took less than [`FRAME_SHARE_MS`], so that lists that grow together take turns rather than
/// all draw in one frame.
fn in_a_quiet_frame(f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(move |frame_start: f64| {
        let now = window().performance().map_or(frame_start, |p| p.now());
        if now - frame_start > FRAME_SHARE_MS {
            in_a_quiet_frame(f);
        } else {
            f();
        }
    });
    let _ = window().request_animation_frame(callback.unchecked_ref());
}

/// A long side list's rows: how many it shows (the reader raises it a [`LIST_STEP`] at a time
/// with [`MoreRows`](super::more_rows::MoreRows); a new article starts again), and how many of those are drawn by now.
#[derive(Clone, Copy)]
pub struct ListRows {
    pub len: Signal<usize>,
    pub limit: RwSignal<usize>,
    pub drawn: Signal<usize>,
}

impl ListRows {
    pub fn new(len: Signal<usize>) -> ListRows {
        let limit = RwSignal::new(LIST_STEP);
        Effect::new(move |previous: Option<usize>| {
            let len = len.get();
            if previous.is_some_and(|p| p != len) {
                limit.set(LIST_STEP);
            }
            len
        });
        ListRows {
            len,
            limit,
            drawn: rows_drawn(len, limit.into()),
        }
    }
}
