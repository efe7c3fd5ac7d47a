use leptos::ev;
use leptos::prelude::*;

use super::article_input::read_file;
use super::state::AppState;

/// Accepts a file dropped anywhere on the page, and shows where it will go while dragging.
#[component]
pub fn DropZone() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dragging = RwSignal::new(false);
    let carries_files = |ev: &web_sys::DragEvent| {
        ev.data_transfer().is_some_and(|d| {
            d.types()
                .includes(&wasm_bindgen::JsValue::from_str("Files"), 0)
        })
    };
    let over = window_event_listener(ev::dragover, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
            dragging.set(true);
        }
    });
    let leave = window_event_listener(ev::dragleave, move |ev| {
        // Leaving for a child element also fires dragleave; only leaving the window has no target.
        if ev.related_target().is_none() {
            dragging.set(false);
        }
    });
    let dropped = window_event_listener(ev::drop, move |ev| {
        dragging.set(false);
        let Some(files) = ev.data_transfer().and_then(|d| d.files()) else {
            return;
        };
        if files.length() == 0 {
            return;
        }
        ev.prevent_default();
        if let Some(file) = files.get(0) {
            read_file(state, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        dropped.remove();
    });
    view! {
        <div class="drop-zone" class:drop-zone--active=move || dragging.get() aria-hidden="true">
            <p class="drop-zone__message">"Drop a .txt, .md or .html file to analyse it"</p>
        </div>
    }
}
