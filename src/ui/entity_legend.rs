use leptos::prelude::*;

use super::state::AppState;
use crate::view_model::mention_count_label;

/// The entity colours, one switch per type found: pressing one hides or shows its highlights.
#[component]
pub fn EntityLegend() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <Show when=move || !state.entity_groups.with(Vec::is_empty)>
            <div class="entity-legend" role="group" aria-label="Entity highlights" data-testid="entity-legend">
                <For
                    each=move || state.entity_groups.get().into_iter().map(|g| (g.label, g.mention_count))
                    key=|entry| *entry
                    children=move |(label, count)| {
                        let shown = move || !state.hidden_types.with(|h| h.contains(&label));
                        let toggle = move |_| {
                            state.hidden_types.update(|hidden| {
                                if !hidden.remove(&label) {
                                    hidden.insert(label);
                                }
                            })
                        };
                        view! {
                            <button
                                class="entity-legend__toggle"
                                type="button"
                                aria-pressed=move || shown().to_string()
                                title=move || if shown() { "Hide these highlights" } else { "Show these highlights" }
                                data-entity-type=label.code()
                                on:click=toggle
                            >
                                <span class="entity-legend__swatch article-view__mention" data-entity-type=label.code()>
                                    {label.code()}
                                </span>
                                <span class="entity-legend__name">{label.label()}</span>
                                <span class="entity-legend__count">{mention_count_label(count)}</span>
                            </button>
                        }
                    }
                />
            </div>
        </Show>
    }
}
