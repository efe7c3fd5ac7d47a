use std::any::Any;
use std::cell::RefCell;

use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::AppState;
use crate::map::places::place_views;
use crate::map::projection::{world_height, world_shapes};
use crate::teaching::worksheet::{
    key_map_view_box, keyed_places, worksheet, KeyedPlace, Worksheet, ORGANISER, PYRAMID_LEVELS,
};

thread_local! {
    /// The sheets while they are drawn: dropping the handle takes them off the page.
    static DRAWN: RefCell<Option<Box<dyn Any>>> = const { RefCell::new(None) };
}

/// Whether the sheets are on the page (they are only from a print request until it ends).
fn drawn() -> bool {
    DRAWN.with(|d| d.borrow().is_some())
}

/// Whether a print would show a sheet: only a sheet button's print (or a print while its
/// attribute is set) does; the page's own print leaves them hidden, so need not draw them.
fn sheet_asked_for() -> bool {
    document()
        .document_element()
        .is_some_and(|root| root.has_attribute("data-print-sheet"))
}

/// Takes the sheets off the page.
pub fn clear_print_sheets() {
    // Taken out of the cell before it is dropped: unmounting must not run with the cell borrowed.
    let sheets = DRAWN.with(|d| d.borrow_mut().take());
    drop(sheets);
}

/// Draws the printed sheets of the shown article now, whole and in this task: the browser takes
/// its print snapshot right after `beforeprint`, so nothing may be left for a later frame. A long
/// article's sheets are thousands of hidden elements, which is why they are drawn for printing
/// alone rather than with every analysis.
pub fn draw_print_sheets(state: AppState) {
    clear_print_sheets();
    let Some(app) = document()
        .query_selector(".app")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let sheet = state.analysis.with_untracked(worksheet);
    let keyed = state.places.with_untracked(|places| {
        state
            .analysis
            .with_untracked(|a| keyed_places(&place_views(places, &a.mentions)))
    });
    // The print style shows each sheet only as a child of `.app` (`style/print_sheets.css`).
    let handle = mount_to(app, move || sheets(sheet, keyed));
    DRAWN.with(|d| *d.borrow_mut() = Some(Box::new(handle)));
}

/// The printed sheets, shown only on paper: the worksheet (numbered paragraphs, an empty 5W+H
/// organiser, an empty speaker column and an empty pyramid) and the answer key's numbered map.
/// The answer key's marks and sources ledger are the page's own, restyled for greyscale. They
/// are drawn on a print request (the sheet buttons, `beforeprint`, the print media query) and
/// taken off when it ends.
#[component]
pub fn PrintSheets() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A print request's sheets follow the article (its names and places come after its
    // structure); with no request, nothing is drawn.
    Effect::new(move |_| {
        state.analysis.track();
        state.places.track();
        if drawn() {
            draw_print_sheets(state);
        }
    });
    let before = gloo::events::EventListener::new(&window(), "beforeprint", move |_| {
        if sheet_asked_for() && !drawn() {
            draw_print_sheets(state);
        }
    });
    let after = gloo::events::EventListener::new(&window(), "afterprint", |_| {
        clear_print_sheets();
    });
    let media = window().match_media("print").ok().flatten().map(|query| {
        let printing = query.clone();
        gloo::events::EventListener::new(&query, "change", move |_| {
            if printing.matches() && sheet_asked_for() && !drawn() {
                draw_print_sheets(state);
            }
        })
    });
    // Kept while the page is: disposing the owner drops them, which removes the listeners.
    StoredValue::new_local((before, after, media));
    on_cleanup(clear_print_sheets);
}

fn sheets(sheet: Worksheet, keyed: Vec<KeyedPlace>) -> impl IntoView {
    let [x, y, w, h] = key_map_view_box(&keyed, 1000.0, world_height());
    let view_box = format!("{x:.1} {y:.1} {w:.1} {h:.1}");
    let size = w / 40.0;
    view! {
        <section class="worksheet" data-testid="worksheet" aria-hidden="true">
            <h1 class="worksheet__title">"Worksheet: how is this article built?"</h1>
            <p class="worksheet__name">"Name: ______________________   Date: ____________"</p>
            {sheet.headline.map(|h| view! { <h2 class="worksheet__headline">{h}</h2> })}
            <ol class="worksheet__paragraphs">
                {sheet.paragraphs.into_iter().map(|p| view! {
                    <li class="worksheet__paragraph" data-testid="worksheet-paragraph">{p}</li>
                }).collect_view()}
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
                    {sheet.quotations.into_iter().map(|q| view! {
                        <tr><td>"“"{q}"”"</td><td class="worksheet__blank" data-testid="worksheet-speaker"></td><td class="worksheet__blank"></td></tr>
                    }).collect_view()}
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
                {keyed.iter().map(|p| view! {
                    <g class="answer-key__marker">
                        <circle cx=p.world.x cy=p.world.y r=size * 0.6/>
                        <text x=p.world.x y=p.world.y font-size=size dy="0.35em" text-anchor="middle">{p.number}</text>
                    </g>
                }).collect_view()}
            </svg>
            <ol class="answer-key__places" data-testid="answer-key-places">
                {keyed.into_iter().map(|p| view! {
                    <li>{p.name}" — "{p.kind}", "{p.country}</li>
                }).collect_view()}
            </ol>
        </section>
    }
}
