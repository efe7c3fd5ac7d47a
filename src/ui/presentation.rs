use leptos::ev;
use leptos::prelude::*;

use super::teaching_state::{typing_target, with_modifier, TeachingState};

/// What presentation mode puts back when it ends: the tour's step and the page's scroll.
#[derive(Clone, Copy, Default)]
struct Layout {
    step: Option<usize>,
    scroll_y: f64,
}

/// Presentation mode for a projector: the article alone in large type with a slim step bar,
/// driven by a clicker (PageDown / PageUp), `B` to blank the screen and `Escape` to leave.
/// Also the setting that turns single-key shortcuts off.
#[component]
pub fn Presentation() -> impl IntoView {
    let teaching = expect_context::<TeachingState>();
    let presenting = teaching.presenting;
    let blanked = teaching.blanked;
    let before = StoredValue::new(Layout::default());

    let enter = move || {
        let scroll_y = window().scroll_y().unwrap_or(0.0);
        before.set_value(Layout {
            step: teaching.step.get_untracked(),
            scroll_y,
        });
        presenting.set(true);
        if teaching.step.get_untracked().is_none() {
            teaching.start_tour();
        }
    };
    let leave = move || {
        let Layout { step, scroll_y } = before.get_value();
        blanked.set(false);
        presenting.set(false);
        teaching.step.set(step);
        // The layout comes back on the next frame; scroll once it has.
        request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, scroll_y));
    };
    let toggle = move || {
        if presenting.get_untracked() {
            leave();
        } else {
            enter();
        }
    };

    // Sync with the DOM: the root element carries the mode, so that every component's CSS can
    // follow it without being drawn again.
    Effect::new(move |_| {
        let Some(root) = document().document_element() else {
            return;
        };
        let _ = if presenting.get() {
            root.set_attribute("data-presenting", "")
        } else {
            root.remove_attribute("data-presenting")
        };
    });

    let keys = window_event_listener(ev::keydown, move |event| {
        if typing_target(&event) || with_modifier(&event) {
            return;
        }
        let single_keys = teaching.single_key_shortcuts.get_untracked();
        let key = event.key();
        let handled = match key.as_str() {
            "p" | "P" if single_keys => {
                toggle();
                true
            }
            "PageDown" if presenting.get_untracked() => {
                teaching.move_by(1);
                true
            }
            "PageUp" if presenting.get_untracked() => {
                teaching.move_by(-1);
                true
            }
            "b" | "B" if single_keys && presenting.get_untracked() => {
                blanked.update(|b| *b = !*b);
                true
            }
            "Escape" if blanked.get_untracked() => {
                blanked.set(false);
                true
            }
            "Escape" if presenting.get_untracked() => {
                leave();
                true
            }
            _ => false,
        };
        if handled {
            event.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());

    view! {
        <div class="presentation">
            <button class="presentation__toggle" type="button" data-testid="present"
                aria-pressed=move || presenting.get().to_string()
                aria-keyshortcuts=move || teaching.single_key_shortcuts.get().then_some("P")
                on:click=move |_| toggle()>
                {move || if presenting.get() { "Leave presentation (Esc)" } else { "Present" }}
            </button>
            <label class="presentation__setting">
                <input type="checkbox" data-testid="single-key-shortcuts"
                    prop:checked=move || teaching.single_key_shortcuts.get()
                    on:change=move |e| teaching.single_key_shortcuts.set(event_target_checked(&e))/>
                " Single-key shortcuts (P present, B blank)"
            </label>
            <Show when=move || presenting.get()>
                <button class="presentation__blank-toggle" type="button" data-testid="blank"
                    on:click=move |_| blanked.set(true)>
                    "Blank screen"
                </button>
            </Show>
            <div class="presentation__blank" data-testid="blank-screen" hidden=move || !blanked.get()
                on:click=move |_| blanked.set(false)>
                <p class="presentation__blank-hint">"Screen blanked. Press B, Escape or click to show it again."</p>
            </div>
        </div>
    }
}
