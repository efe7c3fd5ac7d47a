//! Keeps the article, the settings and the recent list in the browser's local storage, so that
//! a reload or a crash loses nothing. Storage is the outside world: these are the page's effects.

use gloo::storage::{LocalStorage, Storage};
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

use super::draft_database;
use super::state::AppState;
use crate::saved::{
    Draft, RecentArticle, Settings, DRAFT_APART_BYTES, DRAFT_KEY, RECENT_KEY, SETTINGS_KEY,
};

/// Local storage can be switched off, or refuse access (private modes, sandboxed frames);
/// gloo would throw then, so every use asks first.
fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    available().then(|| LocalStorage::get(key).ok()).flatten()
}

/// Whether a long draft is still being read back from the browser's database: until it is, the
/// text shown is not saved over it.
#[derive(Clone, Copy)]
pub struct Restoring(RwSignal<bool>);

/// Puts back what the last visit left: the article, the settings and the recent list. A long
/// draft comes a moment later, unless the text changed meanwhile (a share link was opened).
pub fn restore(state: AppState) -> Restoring {
    let restoring = RwSignal::new(false);
    if let Some(Draft {
        text,
        format,
        apart,
    }) = load::<Draft>(DRAFT_KEY)
    {
        state.format.set(format);
        if apart {
            restoring.set(true);
            let shown = state.source.get_untracked();
            draft_database::read(move |text| {
                restoring.set(false);
                let unchanged = state.source.with_untracked(|now| *now == shown);
                if let Some(text) = text.filter(|_| unchanged) {
                    state.source.set(text);
                }
            });
        } else {
            state.source.set(text);
        }
    }
    if let Some(settings) = load::<Settings>(SETTINGS_KEY) {
        state.show_sentences.set(settings.show_sentences);
        state.hidden_types.set(settings.hidden_types);
    }
    if let Some(recent) = load::<Vec<RecentArticle>>(RECENT_KEY) {
        state.recent.set(recent);
    }
    Restoring(restoring)
}

/// Texts up to this many bytes are saved at every change: their JSON and storage's copy of it
/// take well under a millisecond.
const DRAFT_SAVED_AT_ONCE_BYTES: usize = 64 * 1024;
/// A longer text is saved once typing pauses this long: saving a 1 MB draft takes about 20 ms
/// (mostly storage's copy), too long to spend on every keystroke.
const DRAFT_PAUSE: std::time::Duration = std::time::Duration::from_millis(500);

/// Saves every change: a short text as it happens, a long one when typing pauses or the page
/// is left or hidden. A full storage (or none) gives one message, not a failure;
/// the message comes again only after saving worked in between.
pub fn sync(state: AppState, restoring: Restoring) {
    let warned = StoredValue::new(false);
    let saved = move |saved: bool| {
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
    let save = move |key: &str, json: String| {
        saved(available() && LocalStorage::raw().set_item(key, &json).is_ok());
    };
    let save_draft = move || {
        let format = state.format.get_untracked();
        let apart = state
            .source
            .with_untracked(|text| text.len() > DRAFT_APART_BYTES);
        if !apart {
            let text = state.source.get_untracked();
            let draft = Draft {
                text,
                format,
                apart,
            };
            return save(DRAFT_KEY, to_json(&draft));
        }
        // The mark in local storage follows the text: a failed write leaves the last draft
        // that was kept, not a mark pointing at nothing.
        let marked = Draft {
            text: String::new(),
            format,
            apart,
        };
        state.source.with_untracked(|text| {
            draft_database::write(text, move |stored| {
                if stored {
                    save(DRAFT_KEY, to_json(&marked));
                } else {
                    saved(false);
                }
            })
        });
    };
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    // Cancels the waiting save, if any; true if there was one.
    let cancel_pending = move || {
        pending
            .try_update_value(Option::take)
            .flatten()
            .map(|handle| handle.clear())
            .is_some()
    };
    let save_pending = move || {
        if cancel_pending() {
            save_draft();
        }
    };
    Effect::new(move |_| {
        let long = state
            .source
            .with(|text| text.len() > DRAFT_SAVED_AT_ONCE_BYTES);
        state.format.track();
        cancel_pending();
        if restoring.0.get_untracked() {
            return;
        }
        let later = long
            .then(|| {
                set_timeout_with_handle(
                    move || {
                        pending.set_value(None);
                        save_draft();
                    },
                    DRAFT_PAUSE,
                )
                .ok()
            })
            .flatten();
        match later {
            Some(handle) => pending.set_value(Some(handle)),
            None => save_draft(),
        }
    });
    // A long text's draft waits for a pause in typing, but not past the page's life: leaving
    // the page (a reload, a closed tab) or hiding it (a phone's app switch, where the page may
    // be killed unannounced) saves it at once.
    let left = gloo::events::EventListener::new(&window(), "pagehide", move |_| save_pending());
    let hidden = gloo::events::EventListener::new(&document(), "visibilitychange", move |_| {
        if document().hidden() {
            save_pending();
        }
    });
    // Kept while the page is: disposing the owner drops them, which removes the listeners.
    StoredValue::new_local((left, hidden));
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
