//! Keeps the article, the settings and the recent list in the browser's local storage, so that
//! a reload or a crash loses nothing. Storage is the outside world: these are the page's effects.

use gloo::storage::{LocalStorage, Storage};
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use super::state::AppState;
use crate::saved::{Draft, RecentArticle, Settings, DRAFT_KEY, RECENT_KEY, SETTINGS_KEY};

/// Local storage can be switched off, or refuse access (private modes, sandboxed frames);
/// gloo would throw then, so every use asks first.
fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    available().then(|| LocalStorage::get(key).ok()).flatten()
}

/// Puts back what the last visit left: the article, the settings and the recent list.
pub fn restore(state: AppState) {
    if let Some(Draft { text, format }) = load::<Draft>(DRAFT_KEY) {
        state.format.set(format);
        state.source.set(text);
    }
    if let Some(settings) = load::<Settings>(SETTINGS_KEY) {
        state.show_sentences.set(settings.show_sentences);
        state.hidden_types.set(settings.hidden_types);
    }
    if let Some(recent) = load::<Vec<RecentArticle>>(RECENT_KEY) {
        state.recent.set(recent);
    }
}

/// Saves every change as it happens. A full storage (or none) gives one message, not a failure;
/// the message comes again only after saving worked in between.
pub fn sync(state: AppState) {
    let warned = StoredValue::new(false);
    let save = move |key: &str, json: String| {
        let saved = available() && LocalStorage::raw().set_item(key, &json).is_ok();
        if saved {
            warned.set_value(false);
        } else if !warned.get_value() {
            warned.set_value(true);
            state.report_error(
                "This browser has no room left to keep the article on this device, so changes from now on are not saved here. \
                 Export it (Full analysis or Annotated page) to keep it, or reopen and clear recent articles."
                    .to_string(),
            );
        }
    };
    Effect::new(move |_| {
        let draft = Draft {
            text: state.source.get(),
            format: state.format.get(),
        };
        save(DRAFT_KEY, to_json(&draft));
    });
    Effect::new(move |_| {
        let settings = Settings {
            show_sentences: state.show_sentences.get(),
            hidden_types: state.hidden_types.get(),
        };
        save(SETTINGS_KEY, to_json(&settings));
    });
    Effect::new(move |_| save(RECENT_KEY, state.recent.with(to_json)));
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}
