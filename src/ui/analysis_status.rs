use leptos::prelude::*;

use super::state::AppState;

/// How long an analysis runs before screen readers hear "Analysing…": typing into a short
/// article analyses on every keystroke, and announcing each would be chatter.
const ANNOUNCE_AFTER_MS: u64 = 500;

/// Whether a newer text is being analysed. Always in the page: `data-state` is `working` or
/// `done`, and when done `data-chars` is the shown analysis's text length in Unicode scalar
/// values. Screen readers hear "Analysing…" and "Analysis done" only around a long analysis.
#[component]
pub fn AnalysisStatus() -> impl IntoView {
    let state = expect_context::<AppState>();
    let working = Memo::new(move |_| state.status.get().working);
    let announced = RwSignal::new("");
    // Which working spell a timer belongs to: a timer started by an earlier, short spell must
    // not announce a later one that has run for less than the delay.
    let spell = StoredValue::new(0u64);
    // A timer is the outside world: this effect only starts it and reads what it finds.
    Effect::new(move |_| {
        if working.get() {
            spell.update_value(|n| *n += 1);
            // The last long spell's "done" is stale once another starts; clearing a live region
            // is silent, so a short spell leaves it empty.
            if announced.get_untracked() == "Analysis done" {
                announced.set("");
            }
            let started = spell.get_value();
            set_timeout(
                move || {
                    if working.get_untracked() && spell.get_value() == started {
                        announced.set("Analysing…");
                    }
                },
                std::time::Duration::from_millis(ANNOUNCE_AFTER_MS),
            );
        } else if announced.get_untracked() == "Analysing…" {
            announced.set("Analysis done");
        }
    });
    view! {
        <p
            class="analysis-status"
            role="status"
            data-testid="analysis-status"
            data-state=move || if working.get() { "working" } else { "done" }
            data-chars=move || {
                let status = state.status.get();
                (!status.working).then_some(status.chars).flatten().map(|n| n.to_string())
            }
            data-worker-memory=move || state.worker_memory.get().map(|b| format!("{b:.0}"))
        >
            {move || match state.status.get().refused {
                Some(refusal) => refusal.message(),
                None => announced.get().to_string(),
            }}
        </p>
    }
}
