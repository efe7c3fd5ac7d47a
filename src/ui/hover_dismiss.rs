use leptos::ev;
use leptos::prelude::*;

/// WCAG 1.4.13: what shows on hover or focus (a mention's evidence) can be dismissed with
/// Escape without moving the pointer or the focus; it comes back on the next hover or focus.
/// Draws nothing: the root carries `data-hover-dismissed` while it is dismissed.
#[component]
pub fn HoverDismiss() -> impl IntoView {
    let set = |dismissed: bool| {
        let Some(root) = document().document_element() else {
            return;
        };
        let _ = match dismissed {
            true => root.set_attribute("data-hover-dismissed", ""),
            false if root.has_attribute("data-hover-dismissed") => {
                root.remove_attribute("data-hover-dismissed")
            }
            false => Ok(()),
        };
    };
    let keys = window_event_listener(ev::keydown, move |e| {
        if e.key() == "Escape" {
            set(true);
        }
    });
    let pointer = window_event_listener(ev::pointerover, move |_| set(false));
    let focus = window_event_listener(ev::focusin, move |_| set(false));
    on_cleanup(move || {
        keys.remove();
        pointer.remove();
        focus.remove();
    });
}
