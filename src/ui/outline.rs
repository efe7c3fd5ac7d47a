use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Scrolls the article to an element and moves keyboard focus there.
pub fn scroll_to(anchor: &str) {
    let Some(element) = document().get_element_by_id(anchor) else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(html) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
}

use super::state::AppState;

/// The article's parts in order; choosing one scrolls to it.
#[component]
pub fn Outline() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <nav class="outline" data-testid="outline" aria-label="Outline">
            <h2 class="panel-title">"Outline"</h2>
            <ol class="outline__list">
                <For
                    each=move || state.outline.get().into_iter().enumerate()
                    key=|(i, item)| (*i, item.clone())
                    children=move |(_, item)| {
                        let anchor = item.anchor.clone();
                        let nested = item.depth > 0;
                        view! {
                            <li class="outline__item" class:outline__item--nested=nested>
                                <button class="outline__link" type="button" on:click=move |_| scroll_to(&anchor)>
                                    <span class="outline__label">{item.label}</span>
                                    <span class="outline__detail">{item.detail}</span>
                                </button>
                            </li>
                        }
                    }
                />
            </ol>
        </nav>
    }
}
