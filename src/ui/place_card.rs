//! The card for the place chosen on the map or in the table: where it was resolved, how sure
//! the resolver was and why, the sentences that mention it, and the other readings the reader
//! may pick instead.

use leptos::prelude::*;

use super::state::AppState;
use crate::analysis::{Candidate, Place};
use crate::map::places::{
    candidate_label, format_coordinates, mention_sentences, organisations_naming, LOW_CONFIDENCE,
};

#[component]
pub fn PlaceCard(selected: RwSignal<Option<usize>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // The place as the resolver read it: corrections index into its alternatives.
    let original = Memo::new(move |_| {
        let entity = selected.get()?;
        state
            .analysis
            .with(|a| a.places.iter().find(|p| p.entity == entity).cloned())
    });
    let current = Memo::new(move |_| {
        let entity = selected.get()?;
        state
            .places
            .with(|places| places.iter().find(|p| p.entity == entity).cloned())
    });
    view! {
        {move || current.get().zip(original.get()).map(|(place, original)| {
            view! { <Card place=place original=original selected=selected/> }
        })}
    }
}

#[component]
fn Card(place: Place, original: Place, selected: RwSignal<Option<usize>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let entity = place.entity;
    // The card is built anew whenever its place changes, so it reads the analysis once.
    let sentences = state
        .analysis
        .with_untracked(|a| mention_sentences(a, &place));
    let named_in = state
        .analysis
        .with_untracked(|a| organisations_naming(a, &place.resolved))
        .join(", ");
    let choice = move || state.place_choices.with(|c| c.get(&entity).copied());
    // The resolver's reading first (no correction), then each alternative by its index.
    let candidates: Vec<(Option<usize>, Candidate)> =
        std::iter::once((None, original.resolved.clone()))
            .chain(
                original
                    .alternatives
                    .iter()
                    .cloned()
                    .enumerate()
                    .map(|(i, c)| (Some(i), c)),
            )
            .collect();
    let has_alternatives = candidates.len() > 1;
    let confidence = if place.confidence < LOW_CONFIDENCE {
        format!("Uncertain: {:.0}% confidence.", place.confidence * 100.0)
    } else {
        format!("{:.0}% confidence.", place.confidence * 100.0)
    };
    view! {
        <aside class="place-card" data-testid="place-card" aria-labelledby="place-card-title">
            <div class="place-card__head">
                <h3 class="place-card__title" id="place-card-title">{place.name.clone()}</h3>
                <button class="place-card__close" type="button" aria-label="Close the place card"
                    on:click=move |_| selected.set(None)>"×"</button>
            </div>
            <p class="place-card__where">
                {candidate_label(&place.resolved)}
                <span class="place-card__coordinates">{format_coordinates(place.resolved.lat, place.resolved.lon)}</span>
            </p>
            <p class="place-card__confidence">{confidence}</p>
            <p class="place-card__why">"Why: "{place.explanation.clone()}</p>
            {(!named_in.is_empty()).then(|| view! {
                <p class="place-card__named-in" data-testid="place-named-in">"Also named in: "{named_in}</p>
            })}
            <h4 class="place-card__subtitle">"Mentioned in"</h4>
            <ol class="place-card__sentences" data-testid="place-sentences">
                {sentences.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
            </ol>
            <Show when=move || has_alternatives>
                <h4 class="place-card__subtitle">"Another place of this name?"</h4>
                <ul class="place-card__candidates">
                    {candidates.clone().into_iter().map(|(index, candidate)| {
                        let label = format!("{} — {}", candidate_label(&candidate), format_coordinates(candidate.lat, candidate.lon));
                        let chosen = move || choice() == index;
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="place-card__candidate"
                                    class:place-card__candidate--chosen=chosen
                                    data-testid="place-alternative"
                                    aria-pressed=move || chosen().to_string()
                                    on:click=move |_| state.place_choices.update(|choices| {
                                        match index {
                                            Some(i) => { choices.insert(entity, i); }
                                            None => { choices.remove(&entity); }
                                        }
                                    })
                                >{label}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </aside>
    }
}
