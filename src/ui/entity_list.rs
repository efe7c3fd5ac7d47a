use leptos::prelude::*;

use super::dom::scroll_to_centre;
use super::state::AppState;
use crate::view_model::{mention_anchor, mention_count_label, EntityGroup, EntityRow};

/// One row per entity, grouped by type and sorted by salience. Choosing an entity steps through
/// its mentions in the text.
#[component]
pub fn EntityList() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="entity-list" data-testid="entity-list" aria-labelledby="aa-entity-list-title">
            <h2 class="panel-title" id="aa-entity-list-title">"Names in the article"</h2>
            <Show
                when=move || !state.entity_groups.with(Vec::is_empty)
                fallback=|| view! { <p class="entity-list__empty">"No names were found."</p> }
            >
                <For
                    each=move || state.entity_groups.get()
                    key=|group| group.render_key()
                    children=entity_group
                />
            </Show>
        </section>
    }
}

/// Rows drawn per type until the reader asks for all: a long article names thousands of
/// entities, and drawing them all held up the page (the most salient come first).
const ROWS_SHOWN: usize = 40;

fn entity_group(group: EntityGroup) -> impl IntoView {
    let EntityGroup {
        label,
        entities,
        mention_count,
    } = group;
    let total = entities.len();
    let rows = StoredValue::new(entities);
    let expanded = RwSignal::new(false);
    view! {
        <div class="entity-list__group" data-entity-type=label.code()>
            <h3 class="entity-list__type">
                <span class="entity-list__swatch article-view__mention" data-entity-type=label.code()>{label.code()}</span>
                " "
                {label.label()}
                <span class="entity-list__total">{format!(" · {}", mention_count_label(mention_count))}</span>
            </h3>
            <ol class="entity-list__entities">
                {move || {
                    let shown = if expanded.get() { total } else { ROWS_SHOWN };
                    rows.with_value(|rows| rows.iter().take(shown).cloned().map(entity_row).collect_view())
                }}
            </ol>
            {(total > ROWS_SHOWN).then(|| view! {
                <button
                    class="button button--quiet entity-list__more"
                    type="button"
                    data-testid="entity-list-more"
                    aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {move || if expanded.get() { "Show fewer".to_string() } else { format!("Show all {total}") }}
                </button>
            })}
        </div>
    }
}

fn entity_row(row: EntityRow) -> impl IntoView {
    let state = expect_context::<AppState>();
    let EntityRow {
        id,
        name,
        roles,
        mentions,
        ..
    } = row;
    let total = mentions.len();
    // The mention shown last, so that the next press moves on to the one after it.
    let step = RwSignal::new(None::<usize>);
    let next = move |_| {
        let at = step.get_untracked().map_or(0, |at| (at + 1) % total.max(1));
        step.set(Some(at));
        if let Some(&mention) = mentions.get(at) {
            scroll_to_centre(state, &mention_anchor(mention));
        }
    };
    let position = move || {
        step.get()
            .map(|at| format!("{} of {total}", at + 1))
            .unwrap_or_else(|| mention_count_label(total))
    };
    let roles = (!roles.is_empty()).then(|| roles.join("; "));
    view! {
        <li class="entity-list__entity">
            <button
                class="entity-list__step"
                class:entity-list__step--active=move || state.active_entity.get() == Some(id)
                type="button"
                data-entity-id=id.to_string()
                title="Show the next mention in the text"
                on:click=next
                on:mouseenter=move |_| state.active_entity.set(Some(id))
                on:mouseleave=move |_| state.active_entity.set(None)
            >
                <span class="entity-list__name">{name}</span>
                <span class="entity-list__count" aria-live="polite">{position}</span>
                {roles.map(|r| view! { <span class="entity-list__roles">{r}</span> })}
            </button>
        </li>
    }
}
