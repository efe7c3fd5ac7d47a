use leptos::prelude::*;

use super::state::AppState;
use crate::analysis_jobs::char_count;
use crate::editing::EditWindow;

/// The way between the parts of a long text, shown above the text area while it holds one part
/// (`crate::editing`). `go` moves the text area to another part.
#[component]
pub fn TextParts(window: RwSignal<EditWindow>, go: Callback<EditWindow>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let parted = move || state.source.with(|text| !window.get().is_whole(text));
    let place = Memo::new(move |_| state.source.with(|text| window.get().place(text)));
    let step = move |forward: bool| {
        let target = state.source.with_untracked(|text| {
            let current = window.get_untracked();
            if forward {
                current.next(text)
            } else {
                current.previous(text)
            }
        });
        if let Some(target) = target {
            go.run(target);
        }
    };
    let choose = move |index: usize| {
        let target = state
            .source
            .with_untracked(|text| window.get_untracked().parts(text).get(index).copied());
        if let Some(target) = target {
            go.run(target);
        }
    };
    view! {
        <Show when=parted>
            <nav
                class="text-parts"
                aria-label="Parts of the long text"
                data-testid="text-parts"
                data-chars=move || state.source.with(|text| char_count(text))
            >
                <p class="text-parts__note">
                    "This long text is edited one part at a time, so that typing stays quick. The analysis covers the whole text."
                </p>
                <div class="text-parts__controls">
                    <button class="button button--quiet" type="button" data-testid="text-parts-previous"
                        disabled=move || place.get().0 == 0 on:click=move |_| step(false)>
                        "Earlier part"
                    </button>
                    <label class="text-parts__place">
                        "Part "
                        <input class="text-parts__number" type="number" min="1" data-testid="text-parts-number"
                            max=move || place.get().1
                            prop:value=move || place.get().0 + 1
                            on:change:target=move |ev| {
                                if let Ok(number) = ev.target().value().trim().parse::<usize>() {
                                    choose(number.saturating_sub(1));
                                }
                            }
                        />
                        {move || format!(" of {}", place.get().1)}
                    </label>
                    <button class="button button--quiet" type="button" data-testid="text-parts-next"
                        disabled=move || { let (current, count) = place.get(); current + 1 >= count } on:click=move |_| step(true)>
                        "Later part"
                    </button>
                </div>
            </nav>
        </Show>
    }
}
