//! "Show more" under a long side list: the outline, the sources and the places show their rows
//! a [`LIST_STEP`] at a time (see [`ListRows`]).

use leptos::prelude::*;

use super::dom::{ListRows, LIST_STEP};

/// "Show more" under a long side list, while some of its rows are not shown.
#[component]
pub fn MoreRows(rows: ListRows, what: &'static str) -> impl IntoView {
    let left = move || rows.len.get().saturating_sub(rows.limit.get());
    move || {
        (left() > 0).then(|| {
            view! {
                <button class="button button--quiet more-rows" type="button" data-testid="more-rows"
                    on:click=move |_| rows.limit.update(|l| *l += LIST_STEP)>
                    {move || format!("Show {} more {what} of {}", left().min(LIST_STEP), rows.len.get())}
                </button>
            }
        })
    }
}
