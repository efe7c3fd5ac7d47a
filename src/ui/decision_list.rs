use leptos::prelude::*;

use super::dom::scroll_to;
use super::state::AppState;
use crate::view_model::decision_items;

/// "How this article was read": each part the analyser recognised, with its reason.
#[component]
pub fn DecisionList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let items = Memo::new(move |_| state.with_structure(decision_items));
    view! {
        <section class="decision-list" data-testid="decisions" aria-labelledby="decisions-title">
            <h2 class="panel-title" id="decisions-title">"How this article was read"</h2>
            <Show
                when=move || !items.with(Vec::is_empty)
                fallback=|| view! { <p class="decision-list__empty">"Nothing to explain yet: paste an article."</p> }
            >
                <ol class="decision-list__items">
                    <For
                        each=move || items.get().into_iter().enumerate()
                        key=|(i, item)| (*i, item.clone())
                        children=move |(_, item)| {
                            let anchor = item.anchor.clone();
                            view! {
                                <li class="decision-list__item">
                                    <button class="decision-list__part" type="button" on:click=move |_| scroll_to(state, &anchor)>
                                        {item.label}
                                    </button>
                                    <span class="decision-list__reason">{item.reason}</span>
                                </li>
                            }
                        }
                    />
                </ol>
            </Show>
        </section>
    }
}
