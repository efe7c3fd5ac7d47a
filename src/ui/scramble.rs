use leptos::ev;
use leptos::prelude::*;

use super::state::AppState;
use crate::teaching::scramble::{distance_label, distances, is_solved, move_item, scrambled_order};
use crate::teaching::worksheet::worksheet;
use crate::view_model::excerpt;

/// Scramble: the paragraphs shuffled, for students to put back in order by dragging, with the
/// Up and Down buttons (touch), or with Alt+↑ / Alt+↓; Check shows how far each one is.
#[component]
pub fn Scramble() -> impl IntoView {
    let state = expect_context::<AppState>();
    let texts = Memo::new(move |_| state.with_structure(|a| worksheet(a).paragraphs));
    // None while the paragraphs are in the article's order.
    let order = RwSignal::new(None::<Vec<usize>>);
    let checked = RwSignal::new(false);
    let dragged = RwSignal::new(None::<usize>);
    let live = RwSignal::new(String::new());
    // A new text has new paragraphs: the puzzle ends.
    Effect::new(move |previous: Option<()>| {
        texts.track();
        if previous.is_some() {
            order.set(None);
        }
    });

    let start = move |_| {
        let n = texts.with_untracked(Vec::len);
        order.set(Some(scrambled_order(n, js_sys::Date::now() as u64)));
        checked.set(false);
        live.set("The paragraphs are scrambled: put them back in order.".into());
    };
    let shift = move |from: usize, to: usize| {
        order.update(|o| {
            if let Some(o) = o {
                move_item(o, from, to);
            }
        });
        checked.set(false);
        let paragraph = order.with_untracked(|o| o.as_ref().and_then(|o| o.get(to).copied()));
        if let Some(p) = paragraph {
            live.set(format!("Moved to position {}.", to + 1));
            request_animation_frame(move || {
                if let Some(element) = document().get_element_by_id(&item_id(p)) {
                    use wasm_bindgen::JsCast;
                    if let Ok(html) = element.dyn_into::<web_sys::HtmlElement>() {
                        let _ = html.focus();
                    }
                }
            });
        }
    };
    let count = move || order.with(|o| o.as_ref().map_or(0, Vec::len));
    let check = move |_| {
        checked.set(true);
        let solved = order.with_untracked(|o| o.as_deref().is_some_and(is_solved));
        live.set(if solved {
            "Every paragraph is in its place.".into()
        } else {
            "Checked: each paragraph says how far it is from its place.".into()
        });
    };
    let items = move || {
        let shown = order.get().unwrap_or_default();
        let offsets = distances(&shown);
        shown
            .into_iter()
            .zip(offsets)
            .enumerate()
            .map(|(position, (paragraph, distance))| (position, paragraph, distance))
            .collect::<Vec<_>>()
    };
    view! {
        <section class="scramble" aria-labelledby="scramble-title">
            <h2 class="scramble__title" id="scramble-title">"Put the paragraphs in order"</h2>
            <div class="scramble__bar">
                <button class="scramble__button" type="button" data-testid="scramble"
                    disabled=move || texts.with(|t| t.len() < 2) on:click=start>
                    "Scramble paragraphs"
                </button>
                <Show when=move || order.with(Option::is_some)>
                    <button class="scramble__button" type="button" data-testid="scramble-check" on:click=check>"Check"</button>
                    <button class="scramble__button" type="button" data-testid="scramble-done" on:click=move |_| order.set(None)>"Done"</button>
                </Show>
            </div>
            <p class="scramble__status" role="status" data-testid="scramble-status">{move || live.get()}</p>
            <Show when=move || order.with(Option::is_some)>
                <p class="scramble__help">"Drag a paragraph onto another's place, use its Up and Down buttons, or focus it and press Alt+↑ or Alt+↓."</p>
                <ol class="scramble__list" data-testid="scramble-list">
                    <For
                        each=items
                        key=|(position, paragraph, distance)| (*position, *paragraph, *distance)
                        children=move |(position, paragraph, distance)| {
                            let text = texts.with_untracked(|t| t.get(paragraph).map(|p| excerpt(p, 160)).unwrap_or_default());
                            let keys = move |event: ev::KeyboardEvent| {
                                if !event.alt_key() {
                                    return;
                                }
                                let to = match event.key().as_str() {
                                    "ArrowUp" if position > 0 => position - 1,
                                    "ArrowDown" if position + 1 < count() => position + 1,
                                    _ => return,
                                };
                                event.prevent_default();
                                shift(position, to);
                            };
                            view! {
                                <li class="scramble__item" id=item_id(paragraph) tabindex="0"
                                    class:scramble__item--dragged=move || dragged.get() == Some(position)
                                    data-testid="scramble-item" data-paragraph=(paragraph + 1).to_string()
                                    data-position=position.to_string()
                                    aria-label=format!("Position {}: {text}", position + 1)
                                    on:keydown=keys
                                    on:pointerdown=move |e: ev::PointerEvent| {
                                        let Some(item) = event_element(&e) else { return };
                                        if item.closest("button").ok().flatten().is_some() {
                                            return;
                                        }
                                        dragged.set(Some(position));
                                        let _ = item.closest("li").ok().flatten().map(|li| li.set_pointer_capture(e.pointer_id()));
                                    }
                                    on:pointerup=move |e: ev::PointerEvent| {
                                        let Some(from) = dragged.get_untracked() else { return };
                                        dragged.set(None);
                                        let to = document()
                                            .element_from_point(e.client_x() as f32, e.client_y() as f32)
                                            .and_then(|under| under.closest("[data-testid=scramble-item]").ok().flatten())
                                            .and_then(|item| item.get_attribute("data-position")?.parse::<usize>().ok());
                                        if let Some(to) = to {
                                            shift(from, to);
                                        }
                                    }
                                    on:pointercancel=move |_| dragged.set(None)>
                                    <span class="scramble__text">{text.clone()}</span>
                                    <span class="scramble__moves">
                                        <button class="scramble__move" type="button" disabled=position == 0 on:click=move |_| shift(position, position - 1)>
                                            <span aria-hidden="true">"↑ "</span>"Up"
                                        </button>
                                        <button class="scramble__move" type="button" disabled={move || position + 1 >= count()} on:click=move |_| shift(position, position + 1)>
                                            <span aria-hidden="true">"↓ "</span>"Down"
                                        </button>
                                    </span>
                                    <Show when=move || checked.get()>
                                        <span class="scramble__distance" data-testid="scramble-distance" data-distance=distance.to_string()
                                            class:scramble__distance--ok=distance == 0>
                                            {distance_label(distance)}
                                        </span>
                                    </Show>
                                </li>
                            }
                        }
                    />
                </ol>
            </Show>
        </section>
    }
}

fn item_id(paragraph: usize) -> String {
    format!("aa-scramble-{paragraph}")
}

fn event_element(event: &web_sys::PointerEvent) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    event.target()?.dyn_into().ok()
}
