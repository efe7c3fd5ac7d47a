use leptos::prelude::*;

use super::dom::{scroll_to, ListRows};
use super::more_rows::MoreRows;
use super::state::AppState;

/// The article's parts in order; choosing one scrolls to it.
#[component]
pub fn Outline() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = ListRows::new(Signal::derive(move || state.outline.with(Vec::len)));
    let drawn = rows.drawn;
    view! {
        <nav class="outline" data-testid="outline" aria-label="Outline">
            <h2 class="panel-title">"Outline"</h2>
            <ol class="outline__list">
                <For
                    each=move || state.outline.with(|items| items[..drawn.get().min(items.len())].to_vec()).into_iter().enumerate()
                    key=|(i, item)| (*i, item.clone())
                    children=move |(_, item)| {
                        let anchor = item.anchor.clone();
                        let nested = item.depth > 0;
                        view! {
                            <li class="outline__item" class:outline__item--nested=nested>
                                <button class="outline__link" type="button" on:click=move |_| scroll_to(state, &anchor)>
                                    <span class="outline__label">{item.label}</span>
                                    <span class="outline__detail">{item.detail}</span>
                                </button>
                            </li>
                        }
                    }
                />
            </ol>
            <MoreRows rows=rows what="parts"/>
        </nav>
    }
}
