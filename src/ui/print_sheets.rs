use leptos::prelude::*;

use super::dom::rows_drawn;
use super::state::AppState;
use crate::map::places::place_views;
use crate::map::projection::{world_height, world_shapes};
use crate::teaching::worksheet::{
    key_map_view_box, keyed_places, worksheet, ORGANISER, PYRAMID_LEVELS,
};

/// The printed sheets, shown only on paper: the worksheet (numbered paragraphs, an empty 5W+H
/// organiser, an empty speaker column and an empty pyramid) and the answer key's numbered map.
/// The answer key's marks and sources ledger are the page's own, restyled for greyscale.
#[component]
pub fn PrintSheets() -> impl IntoView {
    let state = expect_context::<AppState>();
    let sheet = Memo::new(move |_| state.with_structure(worksheet));
    let keyed = Memo::new(move |_| {
        state.places.with(|places| {
            state
                .analysis
                .with(|a| keyed_places(&place_views(places, &a.mentions)))
        })
    });
    let view_box = move || {
        let [x, y, w, h] = keyed.with(|k| key_map_view_box(k, 1000.0, world_height()));
        format!("{x:.1} {y:.1} {w:.1} {h:.1}")
    };
    let label_size = move || keyed.with(|k| key_map_view_box(k, 1000.0, world_height())[2] / 40.0);
    // Both sheets are whole (they go to paper), but drawn a batch of rows per frame: a 1 MB
    // article's thousands of paragraphs and places took one task some 300 ms.
    let whole = Signal::stored(usize::MAX);
    let paragraphs = rows_drawn(
        Signal::derive(move || sheet.with(|s| s.paragraphs.len())),
        whole,
    );
    let quotations = rows_drawn(
        Signal::derive(move || sheet.with(|s| s.quotations.len())),
        whole,
    );
    let places = rows_drawn(Signal::derive(move || keyed.with(Vec::len)), whole);
    view! {
        <section class="worksheet" data-testid="worksheet" aria-hidden="true">
            <h1 class="worksheet__title">"Worksheet: how is this article built?"</h1>
            <p class="worksheet__name">"Name: ______________________   Date: ____________"</p>
            {move || sheet.with(|s| s.headline.clone()).map(|h| view! { <h2 class="worksheet__headline">{h}</h2> })}
            <ol class="worksheet__paragraphs">
                <For
                    each=move || sheet.with(|s| s.paragraphs[..paragraphs.get().min(s.paragraphs.len())].to_vec()).into_iter().enumerate()
                    key=|row| row.clone()
                    children=|(_, p)| view! { <li class="worksheet__paragraph" data-testid="worksheet-paragraph">{p}</li> }
                />
            </ol>
            <h2 class="worksheet__section">"1. Who, what, when, where, why and how?"</h2>
            <table class="worksheet__organiser" data-testid="worksheet-organiser">
                <tbody>
                    {ORGANISER.iter().map(|q| view! {
                        <tr><th scope="row">{*q}</th><td class="worksheet__blank"></td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h2 class="worksheet__section">"2. Who said it?"</h2>
            <table class="worksheet__speakers" data-testid="worksheet-speakers">
                <thead><tr><th scope="col">"Quotation"</th><th scope="col">"Speaker"</th><th scope="col">"Named or unnamed?"</th></tr></thead>
                <tbody>
                    <For
                        each=move || sheet.with(|s| s.quotations[..quotations.get().min(s.quotations.len())].to_vec()).into_iter().enumerate()
                        key=|row| row.clone()
                        children=|(_, q)| view! {
                            <tr><td>"“"{q}"”"</td><td class="worksheet__blank" data-testid="worksheet-speaker"></td><td class="worksheet__blank"></td></tr>
                        }
                    />
                </tbody>
            </table>
            <h2 class="worksheet__section">"3. The inverted pyramid: which paragraphs go where?"</h2>
            <ol class="worksheet__pyramid" data-testid="worksheet-pyramid">
                {PYRAMID_LEVELS.iter().map(|level| view! {
                    <li class="worksheet__level"><span class="worksheet__level-name">{*level}</span>" ¶ ______"</li>
                }).collect_view()}
            </ol>
        </section>
        <section class="answer-key" data-testid="answer-key" aria-hidden="true">
            <h2 class="answer-key__title">"Answer key: the places, numbered in order of first mention"</h2>
            <svg class="answer-key__map" viewBox=view_box role="img" aria-label="Numbered map of the article's places">
                {world_shapes().iter().map(|c| view! { <path class="answer-key__country" d=c.d.clone()/> }).collect_view()}
                <For
                    each=move || {
                        let size = label_size().to_bits();
                        keyed.with(|k| {
                            k[..places.get().min(k.len())].iter()
                                .map(|p| (p.number, p.world.x.to_bits(), p.world.y.to_bits(), size))
                                .collect::<Vec<_>>()
                        })
                    }
                    key=|marker| *marker
                    children=|(number, x, y, size)| {
                        let (x, y, size) = (f64::from_bits(x), f64::from_bits(y), f64::from_bits(size));
                        view! {
                            <g class="answer-key__marker">
                                <circle cx=x cy=y r=size * 0.6/>
                                <text x=x y=y font-size=size dy="0.35em" text-anchor="middle">{number}</text>
                            </g>
                        }
                    }
                />
            </svg>
            <ol class="answer-key__places" data-testid="answer-key-places">
                <For
                    each=move || keyed.with(|k| {
                        k[..places.get().min(k.len())].iter()
                            .map(|p| (p.number, format!("{} — {}, {}", p.name, p.kind, p.country)))
                            .collect::<Vec<_>>()
                    })
                    key=|row| row.clone()
                    children=|(_, place)| view! { <li>{place}</li> }
                />
            </ol>
        </section>
    }
}
