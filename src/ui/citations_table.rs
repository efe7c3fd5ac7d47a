use leptos::prelude::*;

use super::state::AppState;

/// The trailing block of sources, one row per outlet with its dates.
#[component]
pub fn CitationsTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let citations = Memo::new(move |_| state.with_structure(|a| a.citations.clone()));
    view! {
        <section class="citations" id="aa-citations" tabindex="-1" data-testid="citations" aria-labelledby="citations-title">
            <h2 class="panel-title" id="citations-title">"Sources cited"</h2>
            <Show
                when=move || !citations.with(Vec::is_empty)
                fallback=|| view! { <p class="citations__empty">"No source-citation block at the end of this article."</p> }
            >
                <table class="citations__table">
                    <thead>
                        <tr><th scope="col">"Outlet"</th><th scope="col">"Dates"</th></tr>
                    </thead>
                    <tbody>
                        <For
                            each=move || citations.get().into_iter().enumerate()
                            key=|(i, c)| (*i, c.source.clone(), c.dates.clone())
                            children=|(_, citation)| view! {
                                <tr class="citations__row">
                                    <td class="citations__source">{citation.source}</td>
                                    <td class="citations__dates">{citation.dates}</td>
                                </tr>
                            }
                        />
                    </tbody>
                </table>
            </Show>
        </section>
    }
}
