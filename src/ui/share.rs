//! Opens an article from a share link: on start, and when a link is pasted into the address bar
//! of an open page. The fragment is then removed, so that the article does not stay in the
//! address bar or in the history entry.

use leptos::prelude::*;

use super::state::AppState;
use crate::export::share::read_fragment;

fn open_from_location(state: AppState) {
    let location = window().location();
    let Ok(fragment) = location.hash() else {
        return;
    };
    match read_fragment(&fragment) {
        None => return,
        Some(Ok(article)) => state.open_shared(article),
        Some(Err(problem)) => state.report_error(problem.to_string()),
    }
    if let (Ok(history), Ok(path), Ok(search)) =
        (window().history(), location.pathname(), location.search())
    {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}

/// Reads a share link now and whenever the fragment changes.
pub fn follow_share_links(state: AppState) {
    open_from_location(state);
    gloo::events::EventListener::new(&window(), "hashchange", move |_| open_from_location(state))
        .forget();
}
