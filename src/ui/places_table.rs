//! The map's text alternative: every place in order of first mention, with its kind, country,
//! coordinates and mentions. Choosing a name opens its card; pointing at a row lights up its
//! mentions in the text, as the marker does.

use leptos::prelude::*;

use super::dom::ListRows;
use super::more_rows::MoreRows;
use super::state::AppState;
use crate::map::places::{format_coordinates, kind_label, PlaceView};

#[component]
pub fn PlacesTable(
    views: Memo<Vec<PlaceView>>,
    selected: RwSignal<Option<usize>>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = ListRows::new(Signal::derive(move || views.with(Vec::len)));
    view! {
        <table class="places-table" data-testid="places-table">
            <caption class="places-table__caption">"Places in the article, in order of first mention"</caption>
            <thead>
                <tr>
                    <th scope="col">"#"</th>
                    <th scope="col">"Place"</th>
                    <th scope="col">"Kind"</th>
                    <th scope="col">"Country"</th>
                    <th scope="col">"Coordinates"</th>
                    <th scope="col">"Mentions"</th>
                </tr>
            </thead>
            <tbody>
                <For
                    each=move || views.with(|v| v[..rows.drawn.get().min(v.len())].to_vec()).into_iter().enumerate()
                    key=|(i, v)| (*i, v.entity, v.name.clone(), v.country.clone(), v.mentions, v.low_confidence, v.lat.to_bits(), v.lon.to_bits())
                    children=move |(i, place)| {
                        let entity = place.entity;
                        let is_active = move || state.active_entity.get() == Some(entity);
                        let is_selected = move || selected.get() == Some(entity);
                        view! {
                            <tr class="places-table__row" class:places-table__row--active=is_active
                                data-testid="places-row" data-entity=entity.to_string()>
                                <td>{i + 1}</td>
                                <th scope="row">
                                    <button type="button" class="places-table__name"
                                        aria-pressed=move || is_selected().to_string()
                                        on:click=move |_| selected.set(if selected.get_untracked() == Some(entity) { None } else { Some(entity) })
                                        on:mouseenter=move |_| state.active_entity.set(Some(entity))
                                        on:mouseleave=move |_| state.active_entity.set(None)
                                        on:focus=move |_| state.active_entity.set(Some(entity))
                                        on:blur=move |_| state.active_entity.set(None)
                                    >{place.name.clone()}</button>
                                    {place.low_confidence.then(|| view! {
                                        <span class="places-table__doubt" title="Uncertain reading">
                                            "?"<span class="places-table__hidden">" (uncertain)"</span>
                                        </span>
                                    })}
                                </th>
                                <td>{kind_label(place.kind)}</td>
                                <td>{if place.country_name.is_empty() { "—".to_string() } else { place.country_name.clone() }}</td>
                                <td class="places-table__coordinates">{format_coordinates(place.lat, place.lon)}</td>
                                <td class="places-table__mentions">{place.mentions}</td>
                            </tr>
                        }
                    }
                />
            </tbody>
        </table>
        <MoreRows rows=rows what="places"/>
    }
}
