use leptos::ev;
use leptos::prelude::*;

use super::state::AppState;

use super::dom::scroll_to_centre;
use super::teaching_state::{typing_target, with_modifier, TeachingState};
use crate::teaching::step_announcement;

/// The tour of the parts: a step bar, a caption saying what the current part is, why it was
/// read so and what it does in a news story, and the spotlight on the part in the text.
#[component]
pub fn Tour() -> impl IntoView {
    let state = expect_context::<AppState>();
    let teaching = expect_context::<TeachingState>();
    let step = teaching.step;
    let running = move || step.get().is_some();
    let current = Memo::new(move |_| {
        let index = step.get()?;
        teaching.steps.with(|steps| steps.get(index).cloned())
    });
    let count = move || teaching.steps.with(Vec::len);
    let announcement = move || match step.get() {
        Some(index) => teaching.steps.with(|steps| step_announcement(steps, index)),
        None => String::new(),
    };

    // Sync with the DOM: the spotlit part carries `data-tour-current`, the article
    // `data-touring`, and the part is scrolled into view without taking the keyboard focus.
    Effect::new(move |previous: Option<Option<String>>| {
        let anchor = current.with(|s| s.as_ref().map(|s| s.anchor.clone()));
        let document = document();
        if let Some(Some(old)) = previous {
            if let Some(element) = document.get_element_by_id(&old) {
                let _ = element.remove_attribute("data-tour-current");
            }
        }
        if let Some(article) = document.get_element_by_id("aa-article") {
            let _ = match anchor {
                Some(_) => article.set_attribute("data-touring", ""),
                None => article.remove_attribute("data-touring"),
            };
        }
        if let Some(element) = anchor
            .as_deref()
            .and_then(|a| document.get_element_by_id(a))
        {
            let _ = element.set_attribute("data-tour-current", "");
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            element.scroll_into_view_with_scroll_into_view_options(&options);
        }
        anchor
    });

    let keys = window_event_listener(ev::keydown, move |event| {
        if step.get_untracked().is_none() || typing_target(&event) || with_modifier(&event) {
            return;
        }
        let by = match event.key().as_str() {
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            "Escape" if !teaching.presenting.get_untracked() => {
                teaching.end_tour();
                return;
            }
            _ => return,
        };
        event.prevent_default();
        teaching.move_by(by);
    });
    on_cleanup(move || keys.remove());

    view! {
        <section class="tour" data-testid="tour" aria-label="Tour of the parts">
            <div class="tour__bar">
                <Show
                    when=running
                    fallback=move || view! {
                        <button class="tour__button" type="button" data-testid="tour-start"
                            disabled=move || state.plan.with(Vec::is_empty) on:click=move |_| teaching.start_tour()>
                            "Tour the parts"
                        </button>
                    }
                >
                    <button class="tour__button" type="button" data-testid="tour-end" on:click=move |_| teaching.end_tour()>
                        "End tour"
                    </button>
                </Show>
                <button class="tour__button" type="button" data-testid="tour-prev" aria-label="Previous part"
                    disabled=move || step.get().is_none_or(|i| i == 0) on:click=move |_| teaching.move_by(-1)>
                    "← Previous"
                </button>
                <button class="tour__button" type="button" data-testid="tour-next" aria-label="Next part"
                    disabled={move || match step.get() {
                        Some(i) => i + 1 >= count(),
                        // The steps are worked out only once a tour runs.
                        None => !teaching.has_steps.get(),
                    }}
                    on:click=move |_| teaching.move_by(1)>
                    "Next →"
                </button>
                <span class="tour__position" aria-hidden="true">{announcement}</span>
            </div>
            <p class="tour__status" role="status" aria-live="polite" data-testid="tour-status">{announcement}</p>
            {move || current.get().map(|step| {
                let chips = step.chips.clone();
                let reason = step.reason.clone();
                view! {
                    <div class="tour__caption" data-testid="tour-caption" data-part=step.label()>
                        <h2 class="tour__part">{step.label()}</h2>
                        <p class="tour__purpose">{step.part.purpose()}</p>
                        <Show when={
                            let empty = reason.is_empty();
                            move || !empty
                        }>
                            <p class="tour__reason">
                                <span class="tour__reason-label">"How it was read: "</span>
                                {reason.clone()}
                            </p>
                        </Show>
                        <Show when={
                            let empty = chips.is_empty();
                            move || !empty
                        }>
                            <ul class="tour__chips" aria-label="Who, what, when and where in the lede" data-testid="tour-chips">
                                {chips.clone().into_iter().map(|chip| {
                                    let anchor = chip.anchor.clone();
                                    view! {
                                        <li>
                                            <button class="tour__chip" type="button" data-testid="tour-chip"
                                                data-question=chip.question data-anchor=chip.anchor.clone()
                                                on:click=move |_| scroll_to_centre(state, &anchor)>
                                                <span class="tour__chip-question">{chip.question}": "</span>
                                                {chip.text}
                                            </button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </Show>
                    </div>
                }
            })}
        </section>
    }
}
